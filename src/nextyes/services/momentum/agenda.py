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
from nextyes.domain.wins import NewWin
from nextyes.services.momentum.goals import GoalHistory, goal_history, statuses
from nextyes.services.momentum.wellbeing import nudges, rules_from
from nextyes.services.momentum.why import recheck_due, roles_line
from nextyes.services.momentum.wins import week_wins
from nextyes.services.today.context import AgendaContext, AgendaItem

WINS_SHOWN = 3


def wins_section(ctx: AgendaContext, history: GoalHistory | None = None) -> None:
    wins = week_wins(ctx.uow, ctx.now, history)
    ctx.agenda.sections["wins"] = {
        "this_week": len(wins),
        "items": [
            {"on": w.occurred_on.isoformat(), "text": w.text, "kind": w.kind.value}
            for w in varied(wins, WINS_SHOWN)
        ],
    }


def varied(wins: list[NewWin], count: int) -> list[NewWin]:
    """The newest wins, but one of each kind first, so a busy week shows its range."""
    firsts: dict[str, NewWin] = {}
    for win in wins:
        firsts.setdefault(win.kind.value, win)
    chosen = list(firsts.values())[:count]
    chosen += [w for w in wins if w not in chosen][: count - len(chosen)]
    return sorted(chosen, key=lambda w: w.occurred_on, reverse=True)


def goals_section(ctx: AgendaContext, history: GoalHistory | None = None) -> None:
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
        for s in statuses(ctx.uow, ctx.today, history)
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
    """The weekly review on the chosen day, for a search with something in the last two weeks to
    look back on: the next one in `today` (a second, a week on, reads as a duplicate), each one
    within the span in a calendar."""
    last = ctx.uow.momentum.last_activity_on()
    if last is None or (ctx.today - last).days > 13:
        return
    words: dict[str, Any] = content.load("momentum/messages")["review"]
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
        if not ctx.every_occurrence:
            break
        day += timedelta(days=7)


def add_momentum(ctx: AgendaContext) -> None:
    """Every momentum provider, in the order `today` shows them."""
    history = goal_history(ctx.uow, ctx.today)
    wins_section(ctx, history)
    goals_section(ctx, history)
    for provider in (nudges_section, why_check, weekly_review):
        provider(ctx)
