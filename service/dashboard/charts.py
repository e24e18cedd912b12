"""Geometry for the stats page's charts; templates draw them as inline SVG (no JavaScript).

Colours come from CSS classes (``series-<name>``), so the SVG needs no inline styles and
passes the dashboard's Content-Security-Policy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Segment:
    x: float
    y: float
    w: float
    h: float
    series: str
    value: int
    label: str


@dataclass(frozen=True)
class Tick:
    pos: float
    label: str


@dataclass
class Chart:
    width: int
    height: int
    segments: list[Segment] = field(default_factory=list)
    x_labels: list[Tick] = field(default_factory=list)
    y_labels: list[Tick] = field(default_factory=list)
    grid: list[Tick] = field(default_factory=list)
    series: list[str] = field(default_factory=list)
    plot_left: float = 0
    plot_top: float = 0
    plot_right: float = 0
    plot_bottom: float = 0
    horizontal: bool = False

    @property
    def empty(self) -> bool:
        return not self.segments


def nice_max(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1
    exp = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if m * exp >= value:
            return int(m * exp)
    return int(10 * exp)


def _ticks(maximum: int, count: int = 4) -> list[int]:
    step = max(1, maximum // count)
    return list(range(0, maximum + 1, step))


def stacked_columns(
    labels: Sequence[str],
    values: Sequence[dict[str, int]],
    series: Sequence[str],
    *,
    width: int = 720,
    height: int = 220,
    label_every: int = 5,
) -> Chart:
    """Vertical stacked bars, one per label (e.g. a day), stacked by ``series``."""
    left, right, top, bottom = 36, width - 8, 10, height - 28
    chart = Chart(
        width, height, series=list(series), plot_left=left, plot_top=top, plot_right=right, plot_bottom=bottom
    )
    top_value = nice_max(max((sum(v.get(s, 0) for s in series) for v in values), default=0))
    scale = (bottom - top) / top_value
    for t in _ticks(top_value):
        y = bottom - t * scale
        chart.grid.append(Tick(y, str(t)))
    slot = (right - left) / max(1, len(labels))
    bar_w = max(2.0, slot * 0.7)
    for i, (label, counts) in enumerate(zip(labels, values, strict=True)):
        x = left + i * slot + (slot - bar_w) / 2
        y = float(bottom)
        for s in series:
            n = counts.get(s, 0)
            if n:
                h = n * scale
                y -= h
                chart.segments.append(
                    Segment(round(x, 1), round(y, 1), round(bar_w, 1), round(h, 1), s, n, label)
                )
        if i % label_every == 0 or i == len(labels) - 1:
            chart.x_labels.append(Tick(round(x + bar_w / 2, 1), label))
    return chart


def stacked_rows(
    labels: Sequence[str],
    values: Sequence[dict[str, int]],
    series: Sequence[str],
    *,
    width: int = 720,
    row_height: int = 26,
    label_width: int = 200,
) -> Chart:
    """Horizontal stacked bars, one row per label (a rule, a publisher)."""
    top = 6
    height = top + row_height * max(1, len(labels)) + 24
    left, right, bottom = label_width, width - 40, height - 24
    chart = Chart(
        width,
        height,
        series=list(series),
        plot_left=left,
        plot_top=top,
        plot_right=right,
        plot_bottom=bottom,
        horizontal=True,
    )
    top_value = nice_max(max((sum(v.get(s, 0) for s in series) for v in values), default=0))
    scale = (right - left) / top_value
    for t in _ticks(top_value):
        chart.grid.append(Tick(round(left + t * scale, 1), str(t)))
    bar_h = row_height * 0.65
    for i, (label, counts) in enumerate(zip(labels, values, strict=True)):
        y = top + i * row_height + (row_height - bar_h) / 2
        x = float(left)
        for s in series:
            n = counts.get(s, 0)
            if n:
                w = n * scale
                chart.segments.append(
                    Segment(round(x, 1), round(y, 1), round(w, 1), round(bar_h, 1), s, n, label)
                )
                x += w
        chart.y_labels.append(Tick(round(y + bar_h / 2, 1), label))
    return chart
