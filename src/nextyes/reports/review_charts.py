"""The review's charts as SVG, drawn with matplotlib's Agg canvas (imported only when drawn).

Text is drawn as paths and ids are salted with a fixed value, so a chart is self-contained and
the same data always gives the same SVG.
"""

from __future__ import annotations

import io

from nextyes.domain.review import Chart

INK = "#2b2f36"
MUTED = "#6b7280"
BARS = ("#2f7d8c", "#8fb9c2", "#c98a4b")
TARGET = "#b5533c"


def chart_svg(
    chart: Chart, *, width: float = 6.4, height: float = 2.0, font: float = 9, text: str = "path"
) -> str:
    """One chart as an SVG document: text drawn as paths for a file that travels (the page,
    the PDF), or kept as text (`text="text"`) where the page's own fonts are there."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context(
        {
            "svg.hashsalt": f"nextyes-{chart.key}",
            "svg.fonttype": "path" if text == "path" else "none",
            "font.size": font,
            "axes.edgecolor": MUTED,
            "axes.labelcolor": INK,
            "xtick.color": INK,
            "ytick.color": MUTED,
        }
    ):
        figure = Figure(figsize=(width, height), dpi=100)
        FigureCanvasAgg(figure)
        axes = figure.subplots()
        positions = range(len(chart.labels))
        if chart.kind == "line":
            for n, series in enumerate(chart.series):
                axes.plot(positions, series.values, marker="o", color=BARS[n % len(BARS)],
                          label=series.name)  # fmt: skip
        else:
            count = max(len(chart.series), 1)
            step = 0.8 / count
            for n, series in enumerate(chart.series):
                offsets = [p - 0.4 + step * (n + 0.5) for p in positions]
                colours = [BARS[n % len(BARS)]] * len(offsets)
                if chart.highlight is not None and count == 1:
                    colours = [BARS[1]] * len(offsets)
                    colours[chart.highlight] = BARS[0]
                bars = axes.bar(offsets, series.values, width=step * 0.9, color=colours,
                                label=series.name)  # fmt: skip
                axes.bar_label(bars, labels=[_number(v) if v else "" for v in series.values],
                               color=INK, padding=2)  # fmt: skip
        if chart.target is not None:
            axes.axhline(chart.target, color=TARGET, linestyle="--", linewidth=1.2,
                         label=chart.target_label)  # fmt: skip
        marked = [(p, t) for p, t in zip(positions, chart.targets, strict=False) if t is not None]
        if marked:
            axes.hlines([t for _, t in marked], [p - 0.45 for p, _ in marked],
                        [p + 0.45 for p, _ in marked], colors=TARGET, linestyles="--",
                        linewidth=1.2, label=chart.target_label or "goal")  # fmt: skip
        most = 4 if width < 5 else len(chart.labels)
        step = max(1, -(-len(chart.labels) // most))
        shown = list(positions)[::step]
        axes.set_xticks(shown, [chart.labels[i] for i in shown])
        goals = [t for t in chart.targets if t is not None]
        top = max([chart.target or 0.0, *goals, *(v for s in chart.series for v in s.values), 1.0])
        axes.set_ylim(0, chart.y_max if chart.y_max is not None else top * 1.25)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        if chart.target is not None or marked or len(chart.series) > 1:
            # above the plot, never over a bar
            axes.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), borderaxespad=0,
                        ncols=3 if width >= 5 else 1, handlelength=1.5)  # fmt: skip
        figure.tight_layout(pad=0.4)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": "nextyes"})
    return out.getvalue()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
