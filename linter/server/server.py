"""The language server (``copydesk server``): the LSP surface over the same
configuration, Plan and fixer that ``copydesk check`` uses.

Documents are kept here, not in pygls's workspace: its line index follows Python's
``splitlines`` (which breaks at U+2028 and form feeds), and the protocol breaks lines
at ``\\n``, ``\\r\\n`` and ``\\r`` only (:mod:`linter.server.positions`). Lints run on
one worker thread, debounced; a lint whose document changed meanwhile stops at the
next rule and its findings are dropped.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import from_fs_path, to_fs_path

from linter.config import CONFIG_NAMES
from linter.diagnostic import Applicability, Severity
from linter.server.positions import LineIndex, apply_changes

log = logging.getLogger("copydesk.server")
ADD_WORD = "copydesk.addToVocabulary"
FIX_ALL_KIND = "source.fixAll.copydesk"
DEFAULT_DEBOUNCE_MS = 40
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_TEXT_LANGUAGES = {"plaintext": "text", "text": "text", "markdown": "markdown"}


class _Protocol(LanguageServerProtocol):
    """Document sync goes to the server's own store only (see the module's doc)."""

    def _user(self, method, params):
        handler = self.fm.features.get(method)
        if handler is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params):
        yield from self._user(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params):
        yield from self._user(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params):
        yield from self._user(types.TEXT_DOCUMENT_DID_CLOSE, params)


@dataclasses.dataclass
class Outcome:
    version: int | None
    text: str  # as the client has it
    bom: int  # 1 when the client's text starts with a BOM (stripped before linting)
    diagnostics: list
    plan: Any = None
    kind: str = "text"
    path: str = ""


@dataclasses.dataclass
class OpenDoc:
    uri: str
    text: str
    version: int | None
    language_id: str
    timer: Any = None
    outcome: Outcome | None = None


@dataclasses.dataclass
class ClientSettings:
    configuration: str | None = None
    select: list[str] | None = None
    extend_select: list[str] = dataclasses.field(default_factory=list)
    ignore: list[str] = dataclasses.field(default_factory=list)
    debounce_ms: int = DEFAULT_DEBOUNCE_MS


class CopydeskServer(LanguageServer):
    def __init__(self) -> None:
        from linter import __version__

        super().__init__(
            "copydesk", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=_Protocol,
        )
        self.docs: dict[str, OpenDoc] = {}
        self.settings = ClientSettings()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-lint")
        self._projects: dict[Any, tuple[tuple, Any]] = {}
        self._shown: set[str] = set()

    # ------------------------------------------------------------------ messages
    def tell_once(self, key: str, message: str, kind=types.MessageType.Error) -> None:
        if key in self._shown:
            return
        self._shown.add(key)
        log.warning("%s", message)
        try:
            self.window_show_message(types.ShowMessageParams(type=kind, message=f"copydesk: {message}"))
        except Exception:  # noqa: BLE001 - a closed pipe must not take the server down
            pass

    def report_server_error(self, error, source):
        self.tell_once(f"internal:{type(error).__name__}", f"internal error: {type(error).__name__}: {error}; please report it")

    # --------------------------------------------------------------- positions
    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding if self.protocol._workspace is not None else None
        return str(enc.value if hasattr(enc, "value") else enc or "utf-16")

    def lsp_range(self, index: LineIndex, start: int, end: int) -> types.Range:
        (l0, c0), (l1, c1) = index.position(start), index.position(end)
        return types.Range(start=types.Position(line=l0, character=c0), end=types.Position(line=l1, character=c1))

    # ------------------------------------------------------------ configuration
    def root_dir(self, path: Path | None) -> Path:
        folders = []
        try:
            folders = [Path(to_fs_path(f.uri) or "") for f in self.workspace.folders.values()]
            if self.workspace.root_path:
                folders.append(Path(self.workspace.root_path))
        except Exception:  # noqa: BLE001
            pass
        if path is not None:
            for folder in sorted(folders, key=lambda f: -len(str(f))):
                try:
                    path.resolve().relative_to(folder.resolve())
                    return folder
                except (ValueError, OSError):
                    continue
            return path.parent
        return folders[0] if folders else Path.cwd()

    def project(self, path: Path | None):
        """(Config, Plan) for a document's path: found upward (or the configured file),
        loaded once and reloaded when one of its files changes."""
        from linter.config import Config, ConfigError, find_config_file, load_config, records_only_codes, selected_codes
        from linter.run.check import Plan
        from linter.registry import SelectionError

        root = self.root_dir(path)
        try:
            if self.settings.configuration:
                found = Path(self.settings.configuration)
                if not found.is_absolute():
                    found = root / found
            else:
                found = find_config_file(path if path is not None else root)
        except ConfigError as exc:
            self.tell_once(str(exc), f"{exc}; using the default settings until it is fixed")
            found = None
        key = str(found) if found else f"defaults:{root}"
        cached = self._projects.get(key)
        if cached is not None and _signature(cached[1][0].files) == cached[0]:
            cached[1][0].install_rules()  # its house styles, not another project's
            return cached[1]
        try:
            cfg = load_config(found) if found else Config(root=root.resolve())
        except ConfigError as exc:
            fallback = "its last valid settings" if cached is not None else "the default settings"
            self.tell_once(str(exc), f"{exc}; using {fallback} until it is fixed")
            if cached is not None:
                return cached[1]
            cfg = Config(root=root.resolve())
        else:
            if found is not None:  # fixed: a later break of it is told again
                self._shown = {k for k in self._shown if not k.startswith(str(found))}
        s = self.settings
        try:
            codes = selected_codes(cfg, s.select, s.extend_select, s.ignore)
            records_only = records_only_codes(cfg, codes, s.select, s.extend_select)
        except SelectionError as exc:
            self.tell_once(f"selection:{exc}", f"settings: rule selection: {exc}; using the configuration's")
            codes = selected_codes(cfg)
            records_only = records_only_codes(cfg, codes)
        plan = Plan(config=cfg, codes=codes, records_only=records_only)
        self._projects[key] = (_signature(cfg.files), (cfg, plan))
        return cfg, plan

    # -------------------------------------------------------------------- lint
    def kind_of(self, doc: OpenDoc) -> str | None:
        from linter.sources import kind_for

        if doc.language_id in _TEXT_LANGUAGES:
            return _TEXT_LANGUAGES[doc.language_id]
        kind = kind_for(doc.uri)
        low = doc.uri.lower()
        return kind if kind == "markdown" or low.endswith(".txt") else None

    def lint_now(self, doc: OpenDoc, version, text: str) -> Outcome | None:
        """Lint one version (on the worker thread); None when it went stale."""
        from linter.engine import LintCancelled
        from linter.run.check import check_text
        from linter.sources import excluded_by_config

        kind = self.kind_of(doc)
        fs = to_fs_path(doc.uri) if doc.uri.startswith("file:") else None
        path = Path(fs) if fs else None
        bom = 1 if text.startswith("\ufeff") else 0
        outcome = Outcome(version, text, bom, [], kind=kind or "text", path=str(path or doc.uri))
        if kind is None:
            return outcome
        cfg, plan = self.project(path)
        outcome.plan = plan
        if path is not None and excluded_by_config(str(path), cfg):
            return outcome
        if not plan.codes:
            return outcome
        try:
            result = check_text(
                plan, text[bom:], outcome.path, kind, bom=bool(bom), stop=lambda: doc.version != version
            )
        except LintCancelled:
            return None
        for message in result.rule_errors:
            code = message.split("rule ", 1)[-1].split(" ", 1)[0]
            self.tell_once(f"rule:{code}", message)
        outcome.diagnostics = result.diagnostics
        return outcome

    async def lint(self, uri: str) -> Outcome | None:
        doc = self.docs.get(uri)
        if doc is None:
            return None
        version, text = doc.version, doc.text
        try:
            outcome = await asyncio.get_running_loop().run_in_executor(self.pool, self.lint_now, doc, version, text)
        except Exception as exc:  # noqa: BLE001 - never let a document take the server down
            log.exception("lint failed")
            self.tell_once(f"lint:{type(exc).__name__}", f"internal error while checking {uri}: {type(exc).__name__}: {exc}; please report it")
            return None
        if outcome is None or self.docs.get(uri) is not doc or doc.version != version:
            return None  # stale: a newer version is on its way
        doc.outcome = outcome
        self.publish(doc, outcome)
        return outcome

    def publish(self, doc: OpenDoc, outcome: Outcome) -> None:
        index = LineIndex(outcome.text, self.encoding)
        out = []
        for d in outcome.diagnostics:
            out.append(
                types.Diagnostic(
                    range=self.lsp_range(index, d.start + outcome.bom, d.end + outcome.bom),
                    message=d.message,
                    severity=_SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
                    code=d.code,
                    source="copydesk",
                )
            )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=doc.uri, diagnostics=out, version=doc.version)
        )

    def schedule(self, uri: str, delay: float | None = None) -> None:
        doc = self.docs.get(uri)
        if doc is None:
            return
        if doc.timer is not None:
            doc.timer.cancel()
        wait = self.settings.debounce_ms / 1000 if delay is None else delay
        loop = asyncio.get_running_loop()
        doc.timer = loop.call_later(wait, lambda: asyncio.ensure_future(self.lint(uri)))

    async def current(self, uri: str) -> Outcome | None:
        """The findings of the document as it is now (linting it if they are stale)."""
        doc = self.docs.get(uri)
        if doc is None:
            return None
        if doc.outcome is not None and doc.outcome.version == doc.version and doc.outcome.text == doc.text:
            return doc.outcome
        if doc.timer is not None:
            doc.timer.cancel()
        return await self.lint(uri)

    def relint_all(self) -> None:
        self._projects.clear()
        for uri in list(self.docs):
            self.schedule(uri, 0)

    # ---------------------------------------------------------------- settings
    def apply_settings(self, raw: Any) -> None:
        if isinstance(raw, dict) and isinstance(raw.get("copydesk"), dict):
            raw = raw["copydesk"]
        if not isinstance(raw, dict):
            return
        s = ClientSettings()
        for key, value in raw.items():
            if key == "configuration" and (value is None or isinstance(value, str)):
                s.configuration = value or None
            elif key in ("select", "extendSelect", "ignore") and (
                value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value))
            ):
                if key == "select":
                    s.select = value
                else:
                    setattr(s, "extend_select" if key == "extendSelect" else "ignore", value or [])
            elif key == "debounce" and isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 5000:
                s.debounce_ms = value
            else:
                self.tell_once(f"setting:{key}", f"settings: copydesk.{key}: unknown key or bad value {value!r}; ignored")
        self.settings = s


def _signature(files) -> tuple:
    out = []
    for f in files:
        try:
            st = os.stat(f)
            out.append((str(f), st.st_mtime_ns, st.st_size))
        except (OSError, TypeError):
            out.append((str(f), None, None))
    return tuple(out)


def _text_edit(index: LineIndex, server: CopydeskServer, start: int, end: int, new: str) -> types.TextEdit:
    return types.TextEdit(range=server.lsp_range(index, start, end), new_text=new)


def _whole_edit(before: str, after: str) -> tuple[int, int, str]:
    """The one edit turning ``before`` into ``after``: what lies between their common
    start and common end."""
    a = 0
    limit = min(len(before), len(after))
    while a < limit and before[a] == after[a]:
        a += 1
    b = 0
    while b < limit - a and before[len(before) - 1 - b] == after[len(after) - 1 - b]:
        b += 1
    return a, len(before) - b, after[a : len(after) - b]


def build_server() -> CopydeskServer:
    server = CopydeskServer()

    def workspace_edit(uri: str, version, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        return types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                    edits=edits,
                )
            ]
        )

    @server.feature(types.INITIALIZE)
    def initialize(ls: CopydeskServer, params: types.InitializeParams):
        if params.initialization_options is not None:
            ls.apply_settings(params.initialization_options)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: CopydeskServer, params):
        from linter.document import Document

        caps = ls.client_capabilities
        watched = caps.workspace.did_change_watched_files if caps.workspace else None
        if watched is not None and watched.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            try:
                await ls.client_register_capability_async(
                    types.RegistrationParams(
                        registrations=[
                            types.Registration(
                                id="copydesk-config",
                                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                            )
                        ]
                    )
                )
            except Exception:  # noqa: BLE001 - the mtime check on each lint still reloads
                log.info("client refused file watching")

        def warm_up():  # load the rules' word lists and models once, before the first keystroke
            _, plan = ls.project(None)
            plan.linter_for(None).lint(Document("Warm-up text. The minister said so on Monday.\n"))

        asyncio.get_running_loop().run_in_executor(ls.pool, warm_up)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: CopydeskServer, params: types.DidOpenTextDocumentParams):
        td = params.text_document
        ls.docs[td.uri] = OpenDoc(td.uri, td.text, td.version, td.language_id or "")
        await ls.lint(td.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CopydeskServer, params: types.DidChangeTextDocumentParams):
        doc = ls.docs.get(params.text_document.uri)
        if doc is None:
            return
        changes = []
        for c in params.content_changes:
            rng = getattr(c, "range", None)
            changes.append(
                ((rng.start.line, rng.start.character, rng.end.line, rng.end.character) if rng else None, c.text)
            )
        doc.text = apply_changes(doc.text, changes, ls.encoding)
        doc.version = params.text_document.version
        ls.schedule(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: CopydeskServer, params: types.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in CONFIG_NAMES:
            ls.relint_all()
        elif uri in ls.docs:
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CopydeskServer, params: types.DidCloseTextDocumentParams):
        doc = ls.docs.pop(params.text_document.uri, None)
        if doc is not None and doc.timer is not None:
            doc.timer.cancel()
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: CopydeskServer, params):
        ls.relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: CopydeskServer, params: types.DidChangeConfigurationParams):
        raw = params.settings
        if not (isinstance(raw, dict) and raw):
            caps = ls.client_capabilities
            if caps.workspace and caps.workspace.configuration:
                try:
                    got = await ls.workspace_configuration_async(
                        types.ConfigurationParams(items=[types.ConfigurationItem(section="copydesk")])
                    )
                    raw = got[0] if got else None
                except Exception:  # noqa: BLE001
                    raw = None
        if raw is not None:
            ls.apply_settings(raw)
        ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: CopydeskServer, params: types.HoverParams):
        from linter.docs import rule_page
        from linter.registry import all_rules

        outcome = await ls.current(params.text_document.uri)
        if outcome is None:
            return None
        index = LineIndex(outcome.text, ls.encoding)
        at = index.offset(params.position.line, params.position.character) - outcome.bom
        hits = [d for d in outcome.diagnostics if d.start <= at <= d.end]
        if not hits:
            return None
        parts, seen = [], set()
        for d in hits:
            parts.append(f"{d.code}: {d.message}")
            if d.code not in seen and d.code in all_rules():  # a house rule of this project's
                seen.add(d.code)
                page = rule_page(d.code)
                fence = "`" * max(3, 1 + max((len(r) for r in page.split() if set(r) == {"`"}), default=0))
                parts.append(f"{fence}text\n{page}{fence}")
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n".join(parts)),
            range=ls.lsp_range(index, hits[0].start + outcome.bom, hits[0].end + outcome.bom),
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    async def code_action(ls: CopydeskServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        outcome = await ls.current(uri)
        doc = ls.docs.get(uri)
        if outcome is None or doc is None:
            return None
        only = params.context.only

        def wanted(kind: str) -> bool:
            return only is None or any(kind == o or kind.startswith(f"{o}.") for o in only)

        index = LineIndex(outcome.text, ls.encoding)
        r = params.range
        a = index.offset(r.start.line, r.start.character) - outcome.bom
        b = index.offset(r.end.line, r.end.character) - outcome.bom
        actions = []
        for d in outcome.diagnostics:
            if d.end < a or d.start > b:
                continue
            lsp_diag = types.Diagnostic(
                range=ls.lsp_range(index, d.start + outcome.bom, d.end + outcome.bom),
                message=d.message, code=d.code, source="copydesk",
                severity=_SEVERITY.get(d.severity),
            )
            fix = d.fix
            if wanted(types.CodeActionKind.QuickFix) and fix is not None and fix.applicability >= Applicability.UNSAFE:
                edits = [_text_edit(index, ls, e.start + outcome.bom, e.end + outcome.bom, e.replacement) for e in fix.edits]
                actions.append(
                    types.CodeAction(
                        title=f"{fix.title} ({fix.applicability})",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[lsp_diag],
                        is_preferred=fix.applicability == Applicability.SAFE,
                        edit=workspace_edit(uri, outcome.version, edits),
                    )
                )
            word = _vocabulary_candidate(outcome, d)
            if wanted(types.CodeActionKind.QuickFix) and word is not None:
                actions.append(
                    types.CodeAction(
                        title=f"Add '{word}' to the vocabulary",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[lsp_diag],
                        command=types.Command(title=f"Add '{word}' to the vocabulary", command=ADD_WORD, arguments=[uri, word]),
                    )
                )
        if wanted(FIX_ALL_KIND) and outcome.plan is not None and any(
            d.fix is not None and d.fix.applicability == Applicability.SAFE for d in outcome.diagnostics
        ):
            fixed = await asyncio.get_running_loop().run_in_executor(ls.pool, _fix_all, outcome)
            if fixed is not None and fixed != outcome.text:
                s, e, new = _whole_edit(outcome.text, fixed)
                actions.append(
                    types.CodeAction(
                        title="Fix all safe issues in this file",
                        kind=FIX_ALL_KIND,
                        edit=workspace_edit(uri, outcome.version, [_text_edit(index, ls, s, e, new)]),
                    )
                )
        return actions

    @server.command(ADD_WORD)
    async def add_word(ls: CopydeskServer, uri: str, word: str):
        from linter.server.vocabulary import VocabularyError, add_word as write_word

        fs = to_fs_path(uri) if isinstance(uri, str) and uri.startswith("file:") else None
        path = Path(fs) if fs else None
        cfg, _ = ls.project(path)
        target = cfg.path
        try:
            written = write_word(target, word, ls.root_dir(path))
        except VocabularyError as exc:
            ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"copydesk: {exc}"))
            return None
        ls.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Info, message=f"copydesk: added '{word}' to the vocabulary in {written}")
        )
        ls.relint_all()
        return None

    return server


def _vocabulary_candidate(outcome: Outcome, d) -> str | None:
    """The flagged word, when adding it to the vocabulary silences this finding."""
    from linter.config import build_linter
    from linter.document import Document

    text = outcome.text[outcome.bom :]
    word = text[d.start : d.end]
    if not word or len(word) > 60 or "\n" in word or "\r" in word or not any(c.isalpha() for c in word):
        return None
    if len(word.split()) > 3 or word != word.strip() or outcome.plan is None:
        return None
    cfg = outcome.plan.config
    if word in cfg.vocabulary:
        return None
    trial = dataclasses.replace(cfg, vocabulary=[*cfg.vocabulary, word])
    try:
        found = build_linter(trial, [d.code]).lint(Document(text, outcome.path, kind=outcome.kind)).diagnostics
    except Exception:  # noqa: BLE001
        return None
    if any(x.code == d.code and x.start == d.start and x.end == d.end for x in found):
        return None
    return word


def _fix_all(outcome: Outcome) -> str | None:
    """The document with every safe fix applied, as ``copydesk check --fix`` writes it."""
    from linter.run.check import check_text

    plan = dataclasses.replace(outcome.plan, mode="fix")
    result = check_text(plan, outcome.text[outcome.bom :], outcome.path, outcome.kind, bom=bool(outcome.bom))
    if result.fixed_text is None:
        return None
    return outcome.text[: outcome.bom] + result.fixed_text


def serve() -> int:
    logging.basicConfig(level=logging.WARNING, format="copydesk server: %(message)s")
    build_server().start_io()
    return 0
