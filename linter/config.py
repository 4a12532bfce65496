"""Configuration: ``[tool.copydesk]`` in ``pyproject.toml`` or top-level keys in
``copydesk.toml``, validated with errors that name the file and the key.

The configuration is found upward from the checked paths (``copydesk.toml`` wins over
``pyproject.toml`` in the same directory; a ``pyproject.toml`` without a
``[tool.copydesk]`` table is skipped), or given with ``--config``. Relative paths in it
(``vocabulary-file``, ``names-file``, ``styles``, ``per-file-ignores`` and
``include``/``exclude`` globs) are relative to the directory of the file that holds them.
Keys claimed by rule modules (``styles``: house styles) are loaded by those modules
and their rules installed in the registry before any selector is resolved.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from linter.diagnostic import Severity

CONFIG_NAMES = ("copydesk.toml", "pyproject.toml")

DEFAULT_INCLUDE = ("*.txt", "*.md")
# Directories never walked into (hidden directories are skipped as well).
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    "build",
    "dist",
    "site-packages",
    "*.egg-info",
    ".eggs",
)
DEFAULT_MAX_FILE_SIZE_MB = 10.0


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass
class Config:
    """The validated configuration. Every field has the default of an empty config."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    respect_gitignore: bool = True
    max_file_size_mb: float = DEFAULT_MAX_FILE_SIZE_MB
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    vocabulary: list[str] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=dict)
    languages: tuple[str, ...] = ("en",)
    # [tool.copydesk.quality]: thresholds of the quality gate (linter.rules.support.quality.Gate).
    quality: dict[str, Any] = field(default_factory=dict)
    # Rules whose fixes may be applied (None: all); ``unfixable`` ones are shown as
    # suggestions and never written.
    fixable: list[str] | None = None
    unfixable: list[str] = field(default_factory=list)
    # The keys this configuration's file set (as written there): where each setting
    # came from, for --show-settings.
    origins: dict[str, str] = field(default_factory=dict)
    # Rules the configuration declares as data (``styles``: house styles), as the
    # rule modules that claim those keys load them (linter.registry.configured_rule_keys).
    rule_sets: list[Any] = field(default_factory=list)
    # The files this configuration was read from: itself, its vocabulary-file,
    # names-file and style files (the language server reloads it when one changes).
    files: list[Path] = field(default_factory=list)

    def __setstate__(self, state: dict[str, Any]) -> None:
        # In a worker process the configuration's own rules must be known again.
        self.__dict__.update(state)
        self.install_rules()

    def install_rules(self) -> None:
        """Make this configuration's own rules (house styles) the ones in force: a
        process that serves several configurations (the language server) calls it
        before building a linter for one."""
        from linter.registry import use_configured_rules

        use_configured_rules(self.rule_sets)

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "configuration"

    def settings(self):
        from linter.rule import Settings

        return Settings(
            vocabulary=frozenset(self.vocabulary),
            names={k: list(v) for k, v in self.names.items()},
            languages=tuple(self.languages),
        )

    def unfixable_codes(self, codes: Iterable[str]) -> frozenset[str]:
        """Of ``codes``, those whose fixes ``fixable``/``unfixable`` do not allow."""
        from linter.registry import select_codes

        allowed = set(select_codes(self.fixable if self.fixable is not None else ["ALL"], (), self.unfixable))
        return frozenset(c for c in codes if c not in allowed)

    def ignores_for(self, path: str | os.PathLike | None) -> list[str]:
        """Selectors ignored for ``path`` by ``per-file-ignores``."""
        if path is None or not self.per_file_ignores:
            return []
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if path_matches(path, pattern, self.root):
                out.extend(selectors)
        return out


# ------------------------------------------------------------------------- finding


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or directory)."""
    here = start if start.is_dir() else start.parent
    try:
        here = here.resolve()
    except OSError:
        return None
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_copydesk_table(candidate):
                continue
            return candidate
    return None


def _has_copydesk_table(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.copydesk] table. One that is not valid
    TOML is an error (naming the file), never silently skipped."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        return False
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read configuration file: {_os_reason(exc)}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return isinstance(data.get("tool"), dict) and "copydesk" in data["tool"]


def load_config(path: Path | None = None, start_paths: Iterable[str] = ()) -> Config:
    """Load the configuration from ``path`` or the nearest file above ``start_paths``."""
    if path is None:
        for p in list(start_paths) or ["."]:
            if p == "-":
                p = "."
            found = find_config_file(Path(p))
            if found is not None:
                path = found
                break
        if path is None:
            return _in_force(Config())
        explicit = False
    else:
        explicit = True
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"{path}: configuration file not found")
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration file: {_os_reason(exc)}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    prefix = ""
    if path.name == "pyproject.toml" or (explicit and "tool" in data and path.name != "copydesk.toml"):
        table = data.get("tool", {}).get("copydesk") if isinstance(data.get("tool"), dict) else None
        if table is None:
            if explicit:
                raise ConfigError(f"{path}: no [tool.copydesk] table in this file")
            return _in_force(Config())
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.copydesk: expected a table ([tool.copydesk]), got {table!r}")
        data = table
        prefix = "tool.copydesk."
    return parse_config(data, path, prefix)


def _in_force(cfg: Config) -> Config:
    cfg.install_rules()
    return cfg


def _os_reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


# ------------------------------------------------------------------------- parsing

_KEYS = (
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "fail-on",
    "include",
    "extend-include",
    "exclude",
    "extend-exclude",
    "respect-gitignore",
    "max-file-size",
    "severity",
    "rules",
    "vocabulary",
    "vocabulary-file",
    "names",
    "names-file",
    "language",
    "quality",
    "fixable",
    "unfixable",
)


# ISO 639-1: the two-letter codes the rules compare.
ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu
    cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he
    hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko
    kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd
    ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se
    sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty
    ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)
# Common ISO 639-2/3 codes (bibliographic and terminological forms) -> ISO 639-1.
ISO_639_2_TO_1 = {
    "eng": "en", "tur": "tr", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr",
    "spa": "es", "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "sqi": "sq",
    "alb": "sq", "srp": "sr", "hrv": "hr", "bos": "bs", "mkd": "mk", "mac": "mk",
    "rus": "ru", "bul": "bg", "aze": "az", "ara": "ar",
}


def language_code(value: str) -> str | None:
    """The ISO 639-1 code for ``value`` (two letters, or a common three-letter code),
    lower-cased; ``None`` when it is neither."""
    low = value.strip().lower()
    if low in ISO_639_1:
        return low
    return ISO_639_2_TO_1.get(low)


def parse_config(data: dict[str, Any], path: Path, prefix: str = "") -> Config:
    """Validate a configuration table (already read from ``path``)."""
    cfg = Config(path=path, root=path.parent.resolve(), files=[path])

    def err(key: str, what: str) -> ConfigError:
        return ConfigError(f"{path}: {prefix}{key}: {what}")

    from linter.registry import SelectionError, all_rules, configured_rule_keys, resolve, use_configured_rules
    from linter.rule import option_display, option_key

    loaders = configured_rule_keys()
    keys = _KEYS + tuple(loaders)
    for key in data:
        if key not in keys:
            import difflib

            close = difflib.get_close_matches(key.replace("_", "-"), keys, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(keys)}"
            raise err(key, f"unknown key{hint}")

    # Rules declared as data come first: the selectors below may name them.
    for key, load in loaders.items():
        if key in data:
            try:
                cfg.rule_sets.append(load(data[key], path))
                cfg.files.extend(cfg.rule_sets[-1].files)
                use_configured_rules(cfg.rule_sets)
            except ValueError as exc:
                use_configured_rules(())
                raise err(key, str(exc)) from None
    use_configured_rules(cfg.rule_sets)

    def str_list(key: str) -> list[str] | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, str):
            value = [s for s in (p.strip() for p in value.split(",")) if s]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise err(key, f"expected a list of strings, got {value!r}")
        return list(value)

    registry = all_rules()

    def selectors(key: str, value: list[str]) -> list[str]:
        for s in value:
            try:
                resolve(s, registry)
            except SelectionError as exc:
                raise err(key, str(exc)) from None
        return value

    if "select" in data:
        cfg.select = selectors("select", str_list("select") or [])
    cfg.ignore = selectors("ignore", str_list("ignore") or [])
    cfg.extend_select = selectors("extend-select", str_list("extend-select") or [])
    if "fixable" in data:
        cfg.fixable = selectors("fixable", str_list("fixable") or [])
    cfg.unfixable = selectors("unfixable", str_list("unfixable") or [])

    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, dict):
            raise err("per-file-ignores", "expected a table of glob = [rules]")
        for glob, value in table.items():
            key = f"per-file-ignores.{glob!r}" if any(c in glob for c in ". ") else f"per-file-ignores.{glob}"
            if isinstance(value, str):
                value = [s.strip() for s in value.split(",") if s.strip()]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise err(key, f"expected a list of rule selectors, got {value!r}")
            cfg.per_file_ignores[glob] = selectors(key, value)

    if "fail-on" in data:
        cfg.fail_on = _severity(data["fail-on"], lambda what: err("fail-on", what))

    include = str_list("include")
    if include is not None:
        cfg.include = include
    cfg.include += str_list("extend-include") or []
    exclude = str_list("exclude")
    if exclude is not None:
        cfg.exclude = exclude
    cfg.exclude += str_list("extend-exclude") or []

    if "respect-gitignore" in data:
        if not isinstance(data["respect-gitignore"], bool):
            raise err("respect-gitignore", f"expected true or false, got {data['respect-gitignore']!r}")
        cfg.respect_gitignore = data["respect-gitignore"]

    if "max-file-size" in data:
        value = data["max-file-size"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1e9:
            raise err("max-file-size", f"expected a positive number of megabytes below 1e9, got {value!r}")
        cfg.max_file_size_mb = float(value)

    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, dict):
            raise err("severity", 'expected a table such as { TP001 = "error" }')
        for sel, value in table.items():
            try:
                codes = resolve(sel, registry)
            except SelectionError as exc:
                raise err(f"severity.{sel}", str(exc)) from None
            sev = _severity(value, lambda what, s=sel: err(f"severity.{s}", what))
            for code in codes:
                cfg.severity[code] = sev

    if "rules" in data:
        table = data["rules"]
        if not isinstance(table, dict):
            raise err("rules", "expected tables such as [tool.copydesk.rules.NM001]")
        for sel, options in table.items():
            try:
                codes = resolve(sel, registry)
            except SelectionError as exc:
                raise err(f"rules.{sel}", str(exc)) from None
            if len(codes) != 1:
                raise err(f"rules.{sel}", "options apply to one rule; name it by its code or name")
            (code,) = codes
            if not isinstance(options, dict):
                raise err(f"rules.{sel}", f"expected a table of options, got {options!r}")
            known = registry[code].options
            parsed: dict[str, Any] = {}
            for opt_key, value in options.items():
                opt_name = option_key(opt_key)
                if opt_name not in known:
                    names = ", ".join(option_display(k) for k in sorted(known)) or "none"
                    raise err(f"rules.{sel}.{opt_key}", f"unknown option for {code} (known: {names})")
                try:
                    parsed[opt_name] = known[opt_name].validate(value)
                except ValueError as exc:
                    raise err(f"rules.{sel}.{opt_key}", str(exc)) from None
            cfg.rules.setdefault(code, {}).update(parsed)

    vocabulary = str_list("vocabulary") or []
    if "vocabulary-file" in data:
        vocabulary += _read_word_file(data["vocabulary-file"], cfg.root, lambda w: err("vocabulary-file", w))
        cfg.files.append(_resolve_file(data["vocabulary-file"], cfg.root, None))
    cfg.vocabulary = vocabulary

    if "names" in data:
        cfg.names.update(_names_table(data["names"], lambda w: err("names", w)))
    if "names-file" in data:
        cfg.names.update(_read_names_file(data["names-file"], cfg.root, lambda w: err("names-file", w)))
        cfg.files.append(_resolve_file(data["names-file"], cfg.root, None))

    if "language" in data:
        value = data["language"]
        langs = [value] if isinstance(value, str) else value
        if not isinstance(langs, list) or not langs or not all(isinstance(v, str) for v in langs):
            raise err("language", f'expected a language code such as "en" or a list of them, got {value!r}')
        codes = []
        for v in langs:
            code = language_code(v)
            if code is None:
                raise err(
                    "language",
                    f"{v!r} is not an ISO 639-1 language code; write two letters such as "
                    '"en", "tr" or "de" (common three-letter codes like "eng" are accepted too)',
                )
            if code not in codes:
                codes.append(code)
        cfg.languages = tuple(codes)

    if "quality" in data:
        from linter.rules.support.quality import Gate

        table = data["quality"]
        if not isinstance(table, dict):
            raise err("quality", "expected a table of thresholds such as min_words = 30")
        try:
            Gate.from_config(table)
        except ValueError as exc:
            raise err("quality", str(exc)) from None
        cfg.quality = dict(table)
    cfg.origins = {key: str(path) for key in data}
    return cfg


def _severity(value: Any, err) -> Severity:
    if not isinstance(value, str):
        raise err(f'expected "info", "warning" or "error", got {value!r}')
    try:
        return Severity.parse(value)
    except ValueError:
        raise err(f'expected "info", "warning" or "error", got {value!r}') from None


def _resolve_file(value: Any, root: Path, err) -> Path:
    if not isinstance(value, str) or not value:
        raise err(f"expected a file path, got {value!r}")
    path = Path(value)
    return path if path.is_absolute() else root / path


def _read_lines(path: Path, err) -> list[str]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise err(f"{path} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise err(f"cannot read {path}: {_os_reason(exc)}") from None
    return [
        line.strip() for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]


def _read_word_file(value: Any, root: Path, err) -> list[str]:
    return _read_lines(_resolve_file(value, root, err), err)


def _names_table(value: Any, err) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise err(f'expected a table of canonical name = ["variant", ...], got {value!r}')
    out: dict[str, list[str]] = {}
    for canonical, variants in value.items():
        if isinstance(variants, str):
            variants = [variants]
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise err(f"{canonical}: expected a list of variant spellings, got {variants!r}")
        out[canonical] = list(variants)
    return out


def _read_names_file(value: Any, root: Path, err) -> dict[str, list[str]]:
    """A names file: TOML (``canonical = [variants]``) or text lines
    ``Canonical Name`` / ``Canonical Name: variant, variant``."""
    path = _resolve_file(value, root, err)
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise err(f"{path} not found") from None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise err(f"cannot read {path}: {_os_reason(exc)}") from None
        return _names_table(data, err)
    out: dict[str, list[str]] = {}
    for line in _read_lines(path, err):
        canonical, _, rest = line.partition(":")
        out[canonical.strip()] = [v.strip() for v in rest.split(",") if v.strip()]
    return out


# ------------------------------------------------------------------------ matching


_GLOB_CHARS = frozenset("*?[")
_CASE_SENSITIVE = os.path.normcase("Aa") == "Aa"


def matches_any(path: str | os.PathLike, patterns: Iterable[str]) -> bool:
    """``any(path_matches(path, p) for p in patterns)``, quicker for the usual case: a
    plain name such as ``node_modules`` matches when it is one of the path's parts."""
    cand = Path(path).as_posix()
    parts: set[str] | None = None
    for pattern in patterns:
        plain = pattern.rstrip("/")
        if _CASE_SENSITIVE and "/" not in plain and not _GLOB_CHARS.intersection(plain):
            if parts is None:
                parts = set(cand.split("/"))
            if plain in parts:
                return True
        elif path_matches(cand, pattern):
            return True
    return False


def path_matches(path: str | os.PathLike, pattern: str, root: Path | None = None) -> bool:
    """Whether ``path`` matches a glob: against its path relative to ``root``
    (or as given), any trailing part of it, or its file name."""
    p = Path(path)
    candidates = [p.as_posix()]
    if root is not None:
        try:
            candidates.append(p.resolve().relative_to(root).as_posix())
        except (ValueError, OSError):
            pass
    pattern = pattern.rstrip("/")
    if pattern.startswith("**/"):
        return path_matches(path, pattern[3:], root) or any(
            fnmatch.fnmatch(c, pattern) for c in candidates
        )
    for cand in candidates:
        if fnmatch.fnmatch(cand, pattern):
            return True
        parts = cand.split("/")
        if "/" not in pattern:
            if any(fnmatch.fnmatch(part, pattern) for part in parts):
                return True
        else:
            for i in range(1, len(parts)):
                if fnmatch.fnmatch("/".join(parts[i:]), pattern.lstrip("/")):
                    return True
    return False


# ------------------------------------------------------------------------ showing


def describe_settings(cfg: Config, command_line: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Every setting as resolved, ``{key: {"value", "source"}}``; the source is
    ``default``, the configuration file, or ``command line`` for the keys given in
    ``command_line`` (their values: ``select`` and ``fail-on`` replace the file's,
    ``extend-select`` and ``ignore`` add to them)."""
    command_line = {k: v for k, v in (command_line or {}).items() if v}
    values: dict[str, tuple[Any, tuple[str, ...]]] = {
        "select": (cfg.select if cfg.select is not None else "the rules on by default", ("select",)),
        "extend-select": (cfg.extend_select, ("extend-select",)),
        "ignore": (cfg.ignore, ("ignore",)),
        "fixable": (cfg.fixable if cfg.fixable is not None else ["ALL"], ("fixable",)),
        "unfixable": (cfg.unfixable, ("unfixable",)),
        "per-file-ignores": (cfg.per_file_ignores, ("per-file-ignores",)),
        "fail-on": (str(cfg.fail_on), ("fail-on",)),
        "include": (cfg.include, ("include", "extend-include")),
        "exclude": (cfg.exclude, ("exclude", "extend-exclude")),
        "respect-gitignore": (cfg.respect_gitignore, ("respect-gitignore",)),
        "max-file-size": (cfg.max_file_size_mb, ("max-file-size",)),
        "severity": ({c: str(s) for c, s in sorted(cfg.severity.items())}, ("severity",)),
        "rules": (cfg.rules, ("rules",)),
        "vocabulary": (f"{len(cfg.vocabulary)} words", ("vocabulary", "vocabulary-file")),
        "names": (f"{len(cfg.names)} names", ("names", "names-file")),
        "language": (list(cfg.languages), ("language",)),
        "quality": (cfg.quality, ("quality",)),
    }
    for rule_set in cfg.rule_sets:  # rules declared as data (house styles)
        values[rule_set.key] = (rule_set.describe(), (rule_set.key,))
    out: dict[str, dict[str, Any]] = {}
    for key, (value, file_keys) in values.items():
        if key in command_line:
            given = command_line[key]
            in_file = next((cfg.origins[k] for k in file_keys if k in cfg.origins), None)
            if key in ("extend-select", "ignore") and "select" not in command_line:
                # Without a select of its own, the command line adds to the file's.
                value = list(value) + list(given)
                source = "command line" + (f" + {in_file}" if in_file else "")
            else:
                value = given
                source = "command line" + (f" (over {in_file})" if in_file else "")
        elif key in ("extend-select", "ignore") and "select" in command_line:
            # A select on the command line starts afresh: the file's lists do not apply.
            value, source = [], "command line (--select)"
        else:
            source = next((cfg.origins[k] for k in file_keys if k in cfg.origins), "default")
        out[key] = {"value": value, "source": source}
    return out


# ----------------------------------------------------------------------- selection


def selected_codes(
    cfg: Config,
    select: list[str] | None = None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[str]:
    """The rule codes to run: the configuration, then the command line on top.

    As in ruff, each layer that has a ``select`` starts afresh from it; without one
    it adds its ``extend-select`` and removes its ``ignore`` from the layer below.
    So ``--select TP001`` runs TP001 even when the configuration ignores it.
    """
    from linter.registry import select_codes

    chosen = select_codes(cfg.select, cfg.extend_select, cfg.ignore)
    return select_codes(select, list(extend_select), list(ignore), base=chosen)


def records_only_codes(
    cfg: Config,
    codes: Iterable[str],
    select: list[str] | None = None,
    extend_select: Iterable[str] = (),
) -> frozenset[str]:
    """Of ``codes``, the rules that run by default on record files only
    (``default_on_files`` false) and that no ``select`` / ``extend-select`` of the
    configuration or the command line names: ``check`` skips them on text and
    Markdown files."""
    from linter.registry import all_rules, resolve

    registry = all_rules()
    named: set[str] = set()
    for tokens in (cfg.select or (), cfg.extend_select, select or (), extend_select):
        for token in tokens:
            named |= resolve(token, registry)
    return frozenset(c for c in codes if not registry[c].default_on_files and c not in named)


def build_linter(cfg: Config, codes: Iterable[str] | None = None):
    """A :class:`linter.Linter` with the configuration's settings, options and severities."""
    from linter.engine import Linter

    cfg.install_rules()
    codes = selected_codes(cfg) if codes is None else list(codes)
    rule_options: dict[str, dict[str, Any]] = {}
    if cfg.quality:
        # The quality thresholds are also the quality rules' options; a rule's own
        # [rules.QLxxx] options win.
        from linter.rules.support.quality import Gate, quality_rule_options

        rule_options = quality_rule_options(codes, Gate.from_config(cfg.quality, cfg.languages))
    for c, o in cfg.rules.items():
        if c in codes:
            rule_options.setdefault(c, {}).update(o)
    return Linter(
        codes,
        settings=cfg.settings(),
        rule_options=rule_options,
        severities={c: s for c, s in cfg.severity.items() if c in codes},
        unfixable=cfg.unfixable_codes(codes),
    )
