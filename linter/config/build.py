"""From a configuration (and the command line on top) to the rules to run and a
:class:`linter.engine.Linter` with the configuration's settings, options and severities."""

from __future__ import annotations

from typing import Any, Iterable

from linter.config.model import Config


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
