"""What momentum adds to `nextyes today` and the calendar: wins and goals first, gentle nudges,
the why re-check, and the weekly review.

Sections (`wins`, `goals`, `nudges`) appear as top-level keys in `nextyes today --format json`;
the why re-check and the weekly review are agenda items, so they reach the calendar too.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from nextyes import content
from nextyes.domain.dates import WEEKDAYS
from nextyes.domain.goals import week_label
from nextyes.services.agenda import AgendaContext, AgendaItem
from nextyes.services.goals import statuses
from nextyes.services.wellbeing import nudges, rules_from
from nextyes.services.why import recheck_due, roles_line
from nextyes.services.wins import week_wins

WINS_SHOWN = 3


def wins_section(ctx: AgendaContext) -> None:
    wins = week_wins(ctx.uow, ctx.now)
    ctx.agenda.sections["wins"] = {
        "this_week": len(wins),
        "items": [
            {"on": w.occurred_on.isoformat(), "text": w.text, "kind": w.kind.value}
            for w in wins[:WINS_SHOWN]
        ],
    }


def goals_section(ctx: AgendaContext) -> None:
    ctx.agenda.sections["goals"] = [
        {
            "metric": s.goal.metric.value,
            "target": s.goal.target,
            "done": s.pace.done,
            "remaining": s.pace.remaining,
            "days_left": s.pace.days_left,
            "per_day": s.pace.per_day,
            "met": s.pace.met,
            "streak": s.streak,
            "message": s.message,
            "notes": list(s.notes),
        }
        for s in statuses(ctx.uow, ctx.today)
    ]


def nudges_section(ctx: AgendaContext) -> None:
    ctx.agenda.sections["nudges"] = [
        {"kind": n.kind.value, "text": n.text, "suggestion": n.suggestion}
        for n in nudges(ctx.uow, ctx.now, rules_from(ctx.preferences))
    ]


def why_check(ctx: AgendaContext) -> None:
    recheck = recheck_due(ctx.uow, ctx.today, ctx.preferences)
    if recheck is None:
        return
    detail = " ".join(part for part in (recheck.reason, roles_line(recheck)) if part)
    ctx.agenda.add(
        AgendaItem(
            kind="why",
            title=recheck.title,
            due_on=ctx.today,
            detail=detail,
            suggestion=recheck.suggestion,
            key=f"why-check-{recheck.since.isoformat()}",
            priority=60,
        )
    )


def weekly_review(ctx: AgendaContext) -> None:
    """The weekly review, on the chosen day of each week within the horizon, for a search with
    something in the last two weeks to look back on."""
    if not ctx.uow.momentum.active_days(ctx.today - timedelta(days=13), ctx.today):
        return
    words: dict[str, Any] = content.load("momentum")["review"]
    day_index = WEEKDAYS.index(str(ctx.preferences.get("weekly_review_day", "sunday")))
    day = ctx.today + timedelta(days=(day_index - ctx.today.weekday()) % 7)
    horizon = ctx.today + timedelta(days=int(ctx.preferences["upcoming_days"]))
    while day <= horizon:
        ctx.agenda.add(
            AgendaItem(
                kind="review",
                title=words["title"],
                due_on=day,
                suggestion=words["suggestion"],
                key=f"review-{week_label(day - timedelta(days=day.weekday()))}",
                priority=70,
            )
        )
        day += timedelta(days=7)


def add_momentum(ctx: AgendaContext) -> None:
    """Every momentum provider, in the order `today` shows them."""
    for provider in (wins_section, goals_section, nudges_section, why_check, weekly_review):
        provider(ctx)
