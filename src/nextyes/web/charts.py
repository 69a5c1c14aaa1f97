"""Charts as server-rendered SVG (matplotlib, imported on first use), cached per journal version.

Each chart comes with its numbers as a table on the page that shows it, and an alt text that
says what it shows; the picture is never the only way to read them. Every chart is drawn at two
sizes, a phone's and a laptop's, so its text stays at least 11 px wherever it is shown; counts
get whole-number ticks, days are spaced by the time between them, and a legend sits above the
plot, never over it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

INK = "#1f2933"
MUTED = "#52606d"
ACCENT = "#1c5d99"
SOFT = "#8fb8de"
WARM = "#b3541e"


@dataclass(frozen=True, slots=True)
class Size:
    """How big a chart is drawn: width in inches (72 points each) and its text in points."""

    name: str
    width: float
    font: float
    row: float  # inches per bar, for charts of horizontal bars
    label_chars: int  # longer bar labels wrap onto a second line


PHONE = Size("phone", width=4.0, font=11, row=0.5, label_chars=18)
DESKTOP = Size("desktop", width=6.4, font=10, row=0.4, label_chars=34)
SIZES = {size.name: size for size in (PHONE, DESKTOP)}
# The narrowest a phone shows a chart (a 360 px screen less the page's margins), and the
# smallest text it may then have.
NARROWEST_PX = 300
SMALLEST_TEXT_PX = 11


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
    kind: str = "bar"  # bar (horizontal bars, one series), line, columns, stacked
    unit: str = ""
    y_range: tuple[float, float] | None = None
    days: Sequence[date] = ()  # for a line over time: the day of each label, spaced by time

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


def draw(chart: ChartData, size: Size = DESKTOP) -> Figure:
    """The chart as a matplotlib figure, at `size` (tests measure it; render_svg writes it)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context({
        "svg.fonttype": "none",
        "svg.hashsalt": "nextyes",
        "font.family": "sans-serif",
        "font.size": size.font,
        "axes.edgecolor": MUTED,
        "axes.labelcolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }):  # fmt: skip
        rows = max(len(chart.labels), 1)
        legend = 0.3 * len(chart.series) if len(chart.series) > 1 else 0.0
        if chart.kind in ("bar", "stacked"):
            height = size.row * rows + 0.6 + legend
        else:
            height = 2.8 + legend
        figure = Figure(figsize=(size.width, min(max(height, 1.6), 9.0)), layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.subplots()
        _DRAW[chart.kind](axes, chart, size)
        if not chart.labels:
            axes.text(0.5, 0.5, "Nothing to show yet", ha="center", va="center", color=MUTED,
                      transform=axes.transAxes)  # fmt: skip
            axes.set_xticks([])
            axes.set_yticks([])
    return figure


def render_svg(chart: ChartData, size: Size = DESKTOP) -> bytes:
    """The chart as a small, self-contained SVG document (text kept as text)."""
    import matplotlib

    figure = draw(chart, size)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "nextyes"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "nextyes"})
    return buffer.getvalue()


def _wrapped(labels: Sequence[str], size: Size) -> list[str]:
    import textwrap

    return ["\n".join(textwrap.wrap(label, size.label_chars)) or label for label in labels]


def _whole_numbers(axis: object) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True, nbins=5))  # type: ignore[attr-defined]


def _legend_above(ax: Axes, chart: ChartData, size: Size) -> None:
    """A legend above the plot, in as many columns as fit: it never covers a bar."""
    if len(chart.series) > 1:
        columns = len(chart.series) if size is DESKTOP else 1
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.02), ncols=columns, frameon=False,
                  borderaxespad=0, handlelength=1.2)  # fmt: skip


def _bars(ax: Axes, chart: ChartData, size: Size) -> None:
    values = chart.series[0].values if chart.series else []
    positions = list(range(len(chart.labels)))
    bars = ax.barh(positions, values, color=chart.series[0].color if chart.series else ACCENT)
    ax.set_yticks(positions, labels=_wrapped(chart.labels, size))
    ax.invert_yaxis()
    ax.bar_label(bars, labels=[_number(v) for v in values], padding=3, color=INK)
    ax.set_xticks([])
    ax.margins(x=0.15)  # room for the number after the longest bar
    ax.spines["bottom"].set_visible(False)


def _stacked(ax: Axes, chart: ChartData, size: Size) -> None:
    positions = list(range(len(chart.labels)))
    left = [0.0] * len(positions)
    for series in chart.series:
        ax.barh(positions, list(series.values), left=left, color=series.color, label=series.name)
        left = [a + b for a, b in zip(left, series.values, strict=True)]
    ax.set_yticks(positions, labels=_wrapped(chart.labels, size))
    ax.invert_yaxis()
    _whole_numbers(ax.xaxis)
    _legend_above(ax, chart, size)


def _lines(ax: Axes, chart: ChartData, size: Size) -> None:
    if chart.days:
        import matplotlib.dates as mdates

        xs: list[Any] = list(chart.days)
        most = 4 if size is PHONE else 7
        locator = mdates.AutoDateLocator(minticks=2, maxticks=most)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))  # type: ignore[no-untyped-call]
    else:
        xs = list(range(len(chart.labels)))
    for series in chart.series:
        ax.plot(xs, list(series.values), marker="o", color=series.color, label=series.name)
    if chart.days:
        _at_least_a_week(ax, chart.days)
    if not chart.days:
        _x_labels(ax, chart.labels, size)
    _legend_above(ax, chart, size)
    if chart.unit:
        ax.set_ylabel(chart.unit)
    if chart.y_range:
        ax.set_ylim(*chart.y_range)
    _whole_numbers(ax.yaxis)


def _at_least_a_week(ax: Axes, days: Sequence[date]) -> None:
    """A few days close together still get an axis a week wide: left to itself, one day (or
    two) gives a span too short for day ticks, and every tick reads "1 Jan"."""
    first, last = min(days), max(days)
    short = 6 - (last - first).days
    if short > 0:
        pad = timedelta(days=(short + 1) // 2)
        ax.set_xlim(first - pad, last + pad)  # type: ignore[arg-type]


def _columns(ax: Axes, chart: ChartData, size: Size) -> None:
    positions = list(range(len(chart.labels)))
    bottom = [0.0] * len(positions)
    for series in chart.series:
        ax.bar(positions, list(series.values), bottom=bottom, color=series.color, label=series.name)
        bottom = [b + v for b, v in zip(bottom, series.values, strict=True)]
    _x_labels(ax, chart.labels, size)
    _legend_above(ax, chart, size)
    if chart.unit:
        ax.set_ylabel(chart.unit)
    _whole_numbers(ax.yaxis)


def _x_labels(ax: Axes, labels: Sequence[str], size: Size) -> None:
    most = 4 if size is PHONE else 7
    step = max(1, -(-len(labels) // most))
    shown = list(range(0, len(labels), step))
    ax.set_xticks(shown, labels=[labels[i] for i in shown])


_DRAW: dict[str, Callable[[Axes, ChartData, Size], None]] = {
    "bar": _bars,
    "line": _lines,
    "columns": _columns,
    "stacked": _stacked,
}
