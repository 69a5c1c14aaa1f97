"""`nextyes insights`: patterns across your search, in plain sentences with the numbers."""

from __future__ import annotations

from typing import Any

import click

from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.domain.insights import GroupOutcome, Rate
from nextyes.services.learning.insights import Insights, build_insights

HEADINGS = {
    "overview": "Your search so far",
    "noes": "Where the noes come",
    "timing": "Answers and silences",
    "conversion": "What converts",
    "themes": "Recurring themes in feedback",
    "comparison": "Compared with published figures",
}


@click.command()
@format_option("table", "json")
@pass_app
def insights(app: AppContext, fmt: str) -> None:
    """Patterns across your search, with the numbers behind them.

    The funnel from sent to offer, where the noes cluster, how long answers take, which
    sources, résumé versions and role families lead to interviews, the themes that keep
    coming up in feedback (and whether they are within your control), and how your rates
    compare with published figures. With too little data it says so.
    """
    found = build_insights(app.uow(), app.today())
    if fmt == "json":
        emit_json(insights_json(found))
        return
    for section, lines in found.sentences.items():
        say(HEADINGS[section], style="heading")
        for line in lines:
            say(line)
        if section == "overview" and found.enough:
            emit_table(
                ("step", "applications", "share of sent"),
                ((s.key, s.count, _pct(s.rate)) for s in found.funnel),
                justify={"applications": "right", "share of sent": "right"},
            )
        say()


def _pct(rate: Rate) -> str:
    low, high = rate.interval
    return f"{rate.value:.0%} ({low:.0%}-{high:.0%})"


def _rate(rate: Rate) -> dict[str, Any]:
    low, high = rate.interval
    return {
        "hits": rate.hits,
        "total": rate.total,
        "rate": round(rate.value, 4),
        "interval": [round(low, 4), round(high, 4)],
    }


def _group(group: GroupOutcome) -> dict[str, Any]:
    return {
        "group": group.group,
        "applications": group.applications,
        "enough_data": group.enough,
        "response": _rate(group.response),
        "interview": _rate(group.interview),
        "offer": _rate(group.offer),
    }


def insights_json(found: Insights) -> dict[str, Any]:
    timing = found.response_time
    return {
        "date": found.today.isoformat(),
        "sent": found.sent,
        "enough_data": found.enough,
        "funnel": [{"step": s.key, "count": s.count, **_rate(s.rate)} for s in found.funnel],
        "noes_by_stage": {stage.value: n for stage, n in found.noes_by_stage.items()},
        "response_days": None
        if timing is None
        else {
            "answered": timing.answered,
            "median": timing.median_days,
            "quartiles": list(timing.quartiles),
        },
        "unanswered_after_30_days": _rate(found.unanswered),
        "ghosted_after_interview": _rate(found.ghosted_after_interview),
        "conversion": {
            name: [_group(g) for g in groups] for name, groups in found.conversions.items()
        },
        "standouts": {
            name: [s.group.group for s in items] for name, items in found.standouts.items()
        },
        "themes": [
            {
                "theme": t.theme.value,
                "control": t.control.value,
                "last_30_days": t.last_30,
                "last_90_days": t.last_90,
                "before": t.before,
                "recurring": t.recurring,
            }
            for t in found.themes
        ],
        "comparisons": [
            {
                "key": c.key,
                "statement": c.statement,
                "source": c.source,
                "url": c.url,
                "uncertainty": c.uncertainty,
                "published": c.published,
                "yours": _rate(c.yours),
            }
            for c in found.comparisons
        ],
        "sentences": found.sentences,
    }
