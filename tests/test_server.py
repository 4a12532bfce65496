"""The language server driven over stdio as an editor drives it (pytest-lsp's client
on `python -m linter server`): diagnostics equal to `copydesk check --format json`,
UTF-16 positions, code actions, fix-all, hover, the vocabulary command, edits,
configuration reloads, hostile text, shutdown and exit."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402

ARTICLE = (
    "Harbour board agrees new ferry timetable\n\n"
    "The harbour board agreed the new ferry timetable on Tuesday after a long debate "
    "about late sailings. Its chair, Ilse Vandermeer, said the change would help commuters.\n\n"
    "\U0001f6a2 Vandermeer said the the board had listened to passengers. She signed am "
    "agreement with the ferry company on Monday.\n\n"
    "Vandermeer added that a review would follow in a year, and Vandermer thanked the crews.\n"
)


def _position(text: str, offset: int) -> types.Position:
    """An independent UTF-16 position: lines by \\n, characters in UTF-16 code units."""
    before = text[:offset]
    line = before.count("\n")
    last = before[before.rfind("\n") + 1 :]
    return types.Position(line=line, character=len(last.encode("utf-16-le")) // 2)


def _cli_json(path: Path) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--format", "json", str(path)],
        capture_output=True, text=True, cwd=path.parent,
    )
    return json.loads(out.stdout)["diagnostics"]


async def _start(root: Path):
    client = pytest_lsp.make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "linter", "server", cwd=str(root))
    caps = pytest_lsp.client_capabilities("visual-studio-code")
    await client.initialize_session(
        types.InitializeParams(capabilities=caps, root_uri=root.as_uri(), workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="w")])
    )
    return client


async def _diagnostics(client, uri: str, version: int, timeout: float = 20.0):
    async def wait():
        while True:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if uri in client.diagnostics:
                return client.diagnostics[uri]
    return await asyncio.wait_for(wait(), timeout)


async def _diagnostics_until(client, uri: str, holds, timeout: float = 20.0):
    """The document's diagnostics once ``holds(codes)`` is true of the latest published
    set: a publish may arrive before the request that caused it has returned, so
    waiting for the next notification could miss it."""

    async def wait():
        while True:
            got = client.diagnostics.get(uri)
            if got is not None and holds([d.code for d in got]):
                return got
            await asyncio.sleep(0.05)

    return await asyncio.wait_for(wait(), timeout)


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    lines_start = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            lines_start.append(i + 1)

    def off(p: types.Position) -> int:
        start = lines_start[p.line]
        units = 0
        i = start
        while units < p.character:
            units += 2 if ord(text[i]) > 0xFFFF else 1
            i += 1
        return i

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: off(e.range.start)] + e.new_text + text[off(e.range.end) :]
    return text


def test_editor_session(tmp_path: Path):
    asyncio.run(_session(tmp_path))


async def _session(root: Path):
    (root / "copydesk.toml").write_text('# house settings\nselect = ["ALL"]\nignore = ["QL", "TP006"]\n', encoding="utf-8")
    path = root / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    client = await _start(root)
    caps = client.protocol.server_capabilities if hasattr(client.protocol, "server_capabilities") else None
    uri = path.as_uri()
    try:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=ARTICLE)
            )
        )
        got = await _diagnostics(client, uri, 1)
        cli = _cli_json(path)
        assert cli, "the article has findings"
        assert [(d.code, d.message, d.range.start, d.range.end) for d in got] == [
            (c["code"], c["message"], _position(ARTICLE, c["start"]), _position(ARTICLE, c["end"])) for c in cli
        ]
        doubled = next(d for d in got if d.code == "TP001")
        # The ship emoji before it is two UTF-16 code units.
        assert ARTICLE.splitlines()[doubled.range.start.line][:2] == "\U0001f6a2 "
        assert doubled.range.start.character == len("\U0001f6a2 Vandermeer said the ".encode("utf-16-le")) // 2

        # hover: the rule's documentation
        hover = await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=doubled.range.start)
        )
        page = subprocess.run([sys.executable, "-m", "linter", "rule", "TP001"], capture_output=True, text=True).stdout
        assert page.strip() and page in hover.contents.value

        # quick fix for 'am' titled with its safety
        am = next(d for d in got if d.code == "TP002")
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri), range=am.range,
                context=types.CodeActionContext(diagnostics=[am]),
            )
        )
        titles = [a.title for a in actions]
        assert "Replace 'am' with 'an' (unsafe)" in titles
        fix = next(a for a in actions if a.title == "Replace 'am' with 'an' (unsafe)")
        edit = fix.edit.document_changes[0]
        assert edit.text_document.version == 1
        text = _apply(ARTICLE, edit.edits)
        assert "signed an agreement" in text

        # the edit goes back as an incremental change; diagnostics refresh
        e = edit.edits[0]
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangePartial(range=e.range, text=e.new_text)],
            )
        )
        got2 = await _diagnostics(client, uri, 2)
        assert "TP002" not in [d.code for d in got2] and "TP001" in [d.code for d in got2]
        path.write_text(text, encoding="utf-8")
        cli2 = _cli_json(path)
        assert [(d.code, d.range.start) for d in got2] == [(c["code"], _position(text, c["start"])) for c in cli2]

        # fix all safe issues = copydesk check --fix
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
                context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
            )
        )
        assert [a.kind for a in actions] == ["source.fixAll.copydesk"]
        fixed = _apply(text, actions[0].edit.document_changes[0].edits)
        subprocess.run([sys.executable, "-m", "linter", "check", "--fix", "-q", str(path)], capture_output=True)
        assert fixed == path.read_text(encoding="utf-8") != text

        # add a name to the vocabulary: the config file is edited minimally, the finding goes
        name = next(d for d in got2 if d.code == "NM001")
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri), range=name.range,
                context=types.CodeActionContext(diagnostics=[name]),
            )
        )
        add = next(a for a in actions if a.title == "Add 'Vandermer' to the vocabulary")
        command = add.command
        if isinstance(command, str):
            # The test client's converter reads a CodeAction carrying a command as a
            # Command (the result is a union of both) and keeps the command as text.
            import ast

            command = types.Command(**ast.literal_eval(command))
        assert command.command == "copydesk.addToVocabulary" and command.arguments == [uri, "Vandermer"]
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
        )
        config = (root / "copydesk.toml").read_text(encoding="utf-8")
        assert config == '# house settings\nselect = ["ALL"]\nignore = ["QL", "TP006"]\nvocabulary = ["Vandermer"]\n'
        got3 = await _diagnostics_until(client, uri, lambda codes: "NM001" not in codes)
        assert "NM001" not in [d.code for d in got3] and got3

        # a broken configuration: one message, the server keeps serving
        (root / "copydesk.toml").write_text("select = [\n", encoding="utf-8")
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=(root / "copydesk.toml").as_uri(), type=types.FileChangeType.Changed)])
        )
        await _diagnostics(client, uri, 2)
        errors = [m for m in client.messages if "invalid TOML" in m.message]
        assert len(errors) == 1 and "copydesk.toml" in errors[0].message
    finally:
        await client.shutdown_session()
    assert client._server.returncode == 0


HOSTILE = [
    "",
    "\x00\x01\x02\ufeff",
    "\ud800 lone \udfff surrogates",
    "a\u2028b\u2029c\x0cd\x85e\r\rf\r\n",
    "\U0001f600" * 500 + "\n" + "the the " * 200,
    "``` \n# [x](<>)\n<!-- copydesk: disable -->\n" * 50,
    "\u202e\u200b" * 300,
]


def test_hostile_text_never_crashes(tmp_path: Path):
    asyncio.run(_hostile(tmp_path))


async def _hostile(root: Path):
    import random

    rng = random.Random(4)
    alphabet = "ab \n\r\t.\"'“”‘’()[]#*`<>&;\u200b\u00e9\U0001f600\ud83d\ufffd"
    texts = HOSTILE + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400))) for _ in range(20)]
    client = await _start(root)
    try:
        for i, text in enumerate(texts):
            for lang, name in (("plaintext", "t.txt"), ("markdown", "m.md")):
                uri = (root / f"{i}{name}").as_uri()
                client.text_document_did_open(
                    types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id=lang, version=1, text=text))
                )
                await _diagnostics(client, uri, 1)
                client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                        content_changes=[types.TextDocumentContentChangePartial(
                            range=types.Range(start=types.Position(line=0, character=3), end=types.Position(line=9, character=99)), text="x\r\n\U0001f600")],
                    )
                )
                await _diagnostics(client, uri, 2)
        assert not [m for m in client.messages if "internal error" in m.message]
    finally:
        await client.shutdown_session()
    assert client._server.returncode == 0


def test_typing_burst_is_debounced_and_settings_apply(tmp_path: Path):
    asyncio.run(_burst(tmp_path))


async def _burst(root: Path):
    client = pytest_lsp.LanguageClient()
    published: list[types.PublishDiagnosticsParams] = []
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams):
        published.append(params)
        event.set()

    async def until(pred):
        async def wait():
            while not pred():
                event.clear()
                await event.wait()
        await asyncio.wait_for(wait(), 20)

    await client.start_io(sys.executable, "-m", "linter", "server", cwd=str(root))
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri(),
            initialization_options={"copydesk": {"debounce": 200}},
        )
    )
    uri = (root / "burst.md").as_uri()
    try:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=ARTICLE))
        )
        await until(lambda: any(p.version == 1 for p in published))
        before = len(published)
        text = ARTICLE
        for version in range(2, 12):  # ten keystrokes well inside the 200 ms debounce
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangePartial(
                        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)), text="x")],
                )
            )
            text = "x" + text
        await until(lambda: any(p.version == 11 for p in published))
        await asyncio.sleep(0.5)
        burst = published[before:]
        assert [p.version for p in burst] == [11]  # one lint, of the last version
        assert "TP001" in [d.code for d in burst[-1].diagnostics]

        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"copydesk": {"ignore": ["TP001"]}})
        )
        await until(lambda: len(published) > before + 1)
        codes = [d.code for d in published[-1].diagnostics]
        assert "TP001" not in codes and "TP002" in codes
    finally:
        await client.shutdown_session()
