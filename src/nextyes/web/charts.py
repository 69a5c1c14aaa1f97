"""Charts as server-rendered SVG (matplotlib, imported on first use), cached per journal version.

Each chart comes with its numbers as a table on the page that shows it, and an alt text that
says what it shows; the picture is never the only way to read them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

INK = "#1f2933"
MUTED = "#52606d"
ACCENT = "#1c5d99"
SOFT = "#8fb8de"
WARM = "#b3541e"


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: Sequence[float]
    color: str = ACCENT


@dataclass(frozen=True, slots=True)
class ChartData:
    """What one chart shows, as plain values (the page shows the same as a table)."""

    title: str
    labels: Sequence[str]
    series: Sequence[Series]
    kind: str = "bar"  # bar (horizontal bars, one series), line, columns (stacked)
    unit: str = ""
    y_range: tuple[float, float] | None = None

    @property
    def alt(self) -> str:
        if not self.labels:
            return f"{self.title}: nothing to show yet."
        parts = []
        for series in self.series:
            pairs = ", ".join(
                f"{label} {_number(v)}" for label, v in zip(self.labels, series.values, strict=True)
            )
            parts.append(f"{series.name}: {pairs}" if len(self.series) > 1 else pairs)
        return f"{self.title}. " + "; ".join(parts) + "."


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def render_svg(chart: ChartData) -> bytes:
    """The chart as a small, self-contained SVG document (text kept as text)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    with matplotlib.rc_context({
        "svg.fonttype": "none",
        "svg.hashsalt": "nextyes",
        "font.family": "sans-serif",
        "font.size": 10,
        "axes.edgecolor": MUTED,
        "axes.labelcolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }):  # fmt: skip
        rows = max(len(chart.labels), 1)
        height = 0.4 * rows + 0.8 if chart.kind in ("bar", "stacked") else 2.8
        figure = Figure(figsize=(6.4, min(max(height, 1.6), 7.0)), layout="constrained")
        axes = figure.subplots()
        _DRAW[chart.kind](axes, chart)
        if not chart.labels:
            axes.text(0.5, 0.5, "Nothing to show yet", ha="center", va="center", color=MUTED,
                      transform=axes.transAxes)  # fmt: skip
            axes.set_xticks([])
            axes.set_yticks([])
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "nextyes"})
    return buffer.getvalue()


def _bars(ax: Axes, chart: ChartData) -> None:
    values = chart.series[0].values if chart.series else []
    positions = list(range(len(chart.labels)))
    bars = ax.barh(positions, values, color=chart.series[0].color if chart.series else ACCENT)
    ax.set_yticks(positions, labels=list(chart.labels))
    ax.invert_yaxis()
    ax.bar_label(bars, labels=[_number(v) for v in values], padding=3, color=INK)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)


def _stacked(ax: Axes, chart: ChartData) -> None:
    positions = list(range(len(chart.labels)))
    left = [0.0] * len(positions)
    for series in chart.series:
        ax.barh(positions, list(series.values), left=left, color=series.color, label=series.name)
        left = [a + b for a, b in zip(left, series.values, strict=True)]
    ax.set_yticks(positions, labels=list(chart.labels))
    ax.invert_yaxis()
    if len(chart.series) > 1:
        ax.legend(frameon=False, loc="lower right")


def _lines(ax: Axes, chart: ChartData) -> None:
    positions = list(range(len(chart.labels)))
    for series in chart.series:
        ax.plot(positions, list(series.values), marker="o", color=series.color, label=series.name)
    _x_labels(ax, chart.labels)
    if len(chart.series) > 1:
        ax.legend(frameon=False)
    if chart.unit:
        ax.set_ylabel(chart.unit)
    if chart.y_range:
        ax.set_ylim(*chart.y_range)


def _columns(ax: Axes, chart: ChartData) -> None:
    positions = list(range(len(chart.labels)))
    bottom = [0.0] * len(positions)
    for series in chart.series:
        ax.bar(positions, list(series.values), bottom=bottom, color=series.color, label=series.name)
        bottom = [b + v for b, v in zip(bottom, series.values, strict=True)]
    _x_labels(ax, chart.labels)
    if len(chart.series) > 1:
        ax.legend(frameon=False)
    if chart.unit:
        ax.set_ylabel(chart.unit)


def _x_labels(ax: Axes, labels: Sequence[str]) -> None:
    step = max(1, -(-len(labels) // 7))
    shown = list(range(0, len(labels), step))
    ax.set_xticks(shown, labels=[labels[i] for i in shown])


_DRAW: dict[str, Callable[[Axes, ChartData], None]] = {
    "bar": _bars,
    "line": _lines,
    "columns": _columns,
    "stacked": _stacked,
}
