"""The configuration table validated into a :class:`Config`: every key known, every
value checked, rule selectors resolved, with errors that name the file and the key
(``tool.copydesk.`` in a ``pyproject.toml``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linter.config.model import Config, ConfigError
from linter.config.wordlists import names_table, read_names_file, read_word_file, resolve_file
from linter.diagnostic import Severity

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
    "time-limit",
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

    def codes_of(key: str, selector: str) -> set[str]:
        try:
            return resolve(selector, registry)
        except SelectionError as exc:
            raise err(key, str(exc)) from None

    def table_of(key: str, expected: str) -> dict[str, Any]:
        if not isinstance(data[key], dict):
            raise err(key, expected)
        return data[key]

    def selectors(key: str, value: list[str]) -> list[str]:
        for s in value:
            codes_of(key, s)
        return value

    if "select" in data:
        cfg.select = selectors("select", str_list("select") or [])
    cfg.ignore = selectors("ignore", str_list("ignore") or [])
    cfg.extend_select = selectors("extend-select", str_list("extend-select") or [])
    if "fixable" in data:
        cfg.fixable = selectors("fixable", str_list("fixable") or [])
    cfg.unfixable = selectors("unfixable", str_list("unfixable") or [])

    if "per-file-ignores" in data:
        table = table_of("per-file-ignores", "expected a table of glob = [rules]")
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

    if "time-limit" in data:
        value = data["time-limit"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1e9:
            raise err("time-limit", f"expected a number of seconds below 1e9 (0 for none), got {value!r}")
        cfg.time_limit = float(value)

    if "severity" in data:
        table = table_of("severity", 'expected a table such as { TP001 = "error" }')
        for sel, value in table.items():
            codes = codes_of(f"severity.{sel}", sel)
            sev = _severity(value, lambda what, s=sel: err(f"severity.{s}", what))
            for code in codes:
                cfg.severity[code] = sev

    if "rules" in data:
        table = table_of("rules", "expected tables such as [tool.copydesk.rules.NM001]")
        for sel, options in table.items():
            codes = codes_of(f"rules.{sel}", sel)
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
        vocabulary += read_word_file(data["vocabulary-file"], cfg.root, lambda w: err("vocabulary-file", w))
        cfg.files.append(resolve_file(data["vocabulary-file"], cfg.root, None))
    cfg.vocabulary = vocabulary

    if "names" in data:
        cfg.names.update(names_table(data["names"], lambda w: err("names", w)))
    if "names-file" in data:
        cfg.names.update(read_names_file(data["names-file"], cfg.root, lambda w: err("names-file", w)))
        cfg.files.append(resolve_file(data["names-file"], cfg.root, None))

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

        table = table_of("quality", "expected a table of thresholds such as min_words = 30")
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


