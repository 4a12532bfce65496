"""The README's quickstart is what CI runs and what a newcomer pastes."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", section, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_quickstart_has_two_commands():
    commands = _quickstart_commands()
    assert len(commands) == 2, commands
    assert "copydesk check seeds/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    m = re.search(r"^QUICKSTART_TEST='(.*)'$", ci, re.M)
    assert m, "no QUICKSTART_TEST line in .ci/run"
    assert m.group(1) == _quickstart_commands()[1]


def test_readme_names_every_dependency():
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    deps = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        deps.extend(d for d in extra if not d.startswith("copydesk"))
    for dep in deps:
        name = re.split(r"[<>=\[;! ]", dep, 1)[0]
        assert f"`{name}`" in readme, f"README does not say what {name} is for"


def test_readme_shows_install_forms_for_extras_that_work_without_an_index():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for extra in ("parquet", "ray"):
        assert re.search(rf"^{extra} = \[", pyproject, re.M), extra
        assert f"pip install '.[{extra}]'" in readme, extra
        git_form = re.search(rf"pip install 'copydesk\[{extra}\] @ git\+https://github\.com/OWNER/copydesk'", readme)
        assert git_form, extra
        # the placeholder says it is one, right where it is shown
        assert "OWNER is a\nplaceholder" in readme or "(OWNER is a" in readme[git_form.end() : git_form.end() + 40]


def test_readme_rejects_layout_for_unreadable_lines_is_what_clean_writes(tmp_path):
    import json

    from linter.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("could not be read as a record at all") :]
    documented = json.loads(re.search(r"```json\n\s*(\{.*?\})\n", section, re.S).group(1))
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "x"}\nnot json\n', encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    assert main(["clean", str(src), str(tmp_path / "out.jsonl"), "--rejects", str(rejects), "--jobs", "1"]) == 0
    lines = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    unreadable = [r for r in lines if "raw" in r]
    assert unreadable == [documented]
    assert "record" not in documented and documented["line"] == 2 and documented["raw"] == "not json"
