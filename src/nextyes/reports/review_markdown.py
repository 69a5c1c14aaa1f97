"""The weekly review as Markdown: for a terminal, a notes app, or an email."""

from __future__ import annotations

from nextyes.domain.review import Chart, ReviewSection, WeeklyReview


def _chart_table(chart: Chart) -> list[str]:
    lines = [f"*{chart.title}*", "", "| " + " | ".join(("", *chart.labels)) + " |"]
    lines.append("|" + "---|" * (len(chart.labels) + 1))
    for series in chart.series:
        values = [chart.shown(v) for v in series.values]
        lines.append("| " + " | ".join((series.name, *values)) + " |")
    if chart.targets and any(t is not None for t in chart.targets):
        goals = ["–" if t is None else f"{t:g}" for t in chart.targets]
        lines.append("| " + " | ".join((chart.target_label or "goal", *goals)) + " |")
    if chart.target is not None:
        lines += ["", f"{chart.target_label or 'target'}: {chart.target:g}"]
    return [*lines, ""]


def _section(section: ReviewSection) -> list[str]:
    lines = [f"## {section.title}", ""]
    if section.summary:
        lines += [section.summary, ""]
    for item in section.items:
        indent = "  " if item.under_previous else ""
        text = f"{indent}- {item.text}"
        if item.detail:
            text += f"  \n{indent}  {item.detail}"
        lines.append(text)
    if section.items:
        lines.append("")
    for chart in section.charts:
        lines += _chart_table(chart)
    return lines


def render_markdown(review: WeeklyReview) -> str:
    lines = [f"# {review.title}", "", review.intro, ""]
    for section in review.sections:
        lines += _section(section)
    if review.footer:
        lines += ["---", "", f"*{review.footer}*", ""]
    return "\n".join(lines).rstrip() + "\n"
