"""Charts as plain SVG text, for the HTML reports.

Written here rather than drawn by a charting library: the reports must open from a
file:// URL with no script or font from the network, and two chart kinds (horizontal
bars and a histogram with a threshold line) are a few dozen lines of SVG. The output is
deterministic, so the tests can read the charts back.

Every chart is an ``<svg role="img">`` with a ``<title>`` saying what it shows; each
bar carries ``data-label`` and ``data-value`` (the count it draws) and its own
``<title>``, so a reader hovering it (or a test) gets the exact figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from typing import Sequence

FONT = "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:12px"
AXIS = "#8a8f98"
LABEL_CHARS = 34  # longer bar labels are cut (the full label stays in the bar's title)


def _a(value: object) -> str:
    return escape(str(value), quote=True)


def _t(value: object) -> str:
    return escape(str(value), quote=False)


def _num(n: float) -> str:
    return f"{n:,}" if isinstance(n, int) else f"{n:,.4g}"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str = "#4e79a7"
    href: str | None = None  # where the label links to


def bar_chart(bars: Sequence[Bar], *, title: str, width: int = 460, row: int = 22) -> str:
    """Horizontal bars, one row each, longest first as given; the value at each bar's end."""
    if not bars:
        return ""
    shown = [b.label if len(b.label) <= LABEL_CHARS else b.label[: LABEL_CHARS - 1] + "\u2026" for b in bars]
    label_w = min(int(max(len(s) for s in shown) * 6.6) + 12, 240)
    value_w = int(len(_num(max(b.value for b in bars))) * 7.5) + 10
    plot_w = max(60, width - label_w - value_w)
    top = max(b.value for b in bars) or 1
    height = row * len(bars) + 6
    out = [
        f'<svg class="chart bars" role="img" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" style="{FONT}">',
        f"<title>{_t(title)}</title>",
    ]
    for i, (bar, label) in enumerate(zip(bars, shown)):
        y = 3 + i * row
        w = max(1.0, plot_w * bar.value / top) if bar.value else 0
        text = (
            f'<text x="{label_w - 8}" y="{y + row * 0.68:.1f}" text-anchor="end" fill="#222">{_t(label)}</text>'
        )
        if bar.href:
            text = f'<a href="{_a(bar.href)}">{text}</a>'
        out.append(
            f'<g class="bar" data-label="{_a(bar.label)}" data-value="{bar.value}">'
            f"<title>{_t(bar.label)}: {_num(bar.value)}</title>{text}"
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 7}" rx="2" fill="{_a(bar.colour)}"/>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + row * 0.68:.1f}" fill="#333">{_num(bar.value)}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class Marker:
    """A vertical line across a histogram at ``position`` (in bins from the left edge)."""

    position: float
    label: str
    colour: str = "#c62828"


def histogram(
    counts: Sequence[Sequence[int]],
    *,
    title: str,
    series: Sequence[tuple[str, str]],
    ticks: Sequence[tuple[float, str]] = (),
    markers: Sequence[Marker] = (),
    bin_labels: Sequence[str] = (),
    width: int = 320,
    height: int = 170,
) -> str:
    """Bars per bin: ``counts[i][k]`` is series ``k``'s count in bin ``i``;
    ``series`` names and colours them. ``ticks`` and ``markers`` are positions in bins
    (0 = left edge of the first bin), so the caller chooses the scale."""
    bins = len(counts)
    if not bins:
        return ""
    left, right, top_pad, bottom = 44, 10, 22, 30
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    totals = [sum(c) for c in counts]
    peak = max(max(c) for c in counts)
    bw = plot_w / bins
    out = [
        f'<svg class="chart histogram" role="img" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" style="{FONT}">',
        f"<title>{_t(title)}</title>",
        f'<text x="{left - 4}" y="{top_pad + 4}" text-anchor="end" fill="#555">{_num(peak)}</text>',
        f'<line x1="{left}" y1="{top_pad}" x2="{left}" y2="{top_pad + plot_h}" stroke="{AXIS}"/>',
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" y2="{top_pad + plot_h}" stroke="{AXIS}"/>',
        f'<text x="{left - 4}" y="{top_pad + plot_h}" text-anchor="end" fill="#555">0</text>',
    ]
    # Series stand side by side in a bin, heights on a square-root scale: a handful of
    # dropped documents stays visible beside thousands kept.
    root_peak = math.sqrt(max(max(c) for c in counts) or 1)
    slot = (bw - 1) / max(1, len(series))
    for i, parts in enumerate(counts):
        x = left + i * bw + 0.5
        label = bin_labels[i] if i < len(bin_labels) else str(i)
        names = ", ".join(f"{name} {_num(n)}" for (name, _), n in zip(series, parts))
        out.append(f'<g class="bin" data-bin="{_a(label)}" data-value="{totals[i]}"><title>{_t(label)}: {names}</title>')
        for k, ((name, colour), n) in enumerate(zip(series, parts)):
            if not n:
                continue
            h = max(1.5, plot_h * math.sqrt(n) / root_peak)
            out.append(
                f'<rect x="{x + k * slot:.1f}" y="{top_pad + plot_h - h:.1f}" width="{max(slot, 0.5):.1f}" '
                f'height="{h:.1f}" fill="{_a(colour)}" data-series="{_a(name)}" data-value="{n}"/>'
            )
        out.append("</g>")
    for pos, text in ticks:
        x = left + pos * bw
        out.append(
            f'<line x1="{x:.1f}" y1="{top_pad + plot_h}" x2="{x:.1f}" y2="{top_pad + plot_h + 4}" stroke="{AXIS}"/>'
            f'<text x="{x:.1f}" y="{top_pad + plot_h + 16}" text-anchor="middle" fill="#555">{_t(text)}</text>'
        )
    for m in markers:
        x = left + min(max(m.position, 0.0), bins) * bw
        anchor = "end" if x > left + plot_w * 0.6 else "start"
        dx = -3 if anchor == "end" else 3
        out.append(
            f'<g class="threshold" data-label="{_a(m.label)}" data-position="{m.position:.4f}">'
            f"<title>threshold {_t(m.label)}</title>"
            f'<line x1="{x:.1f}" y1="{top_pad - 6}" x2="{x:.1f}" y2="{top_pad + plot_h}" stroke="{_a(m.colour)}" '
            f'stroke-width="2" stroke-dasharray="4 3"/>'
            f'<text x="{x + dx:.1f}" y="{top_pad - 8}" text-anchor="{anchor}" fill="{_a(m.colour)}">{_t(m.label)}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)
