"""Demo data for momentum (run after the recovery demo, so its wins are found too): goals with a history, care, moods, the why, the network's activity,
a few wins in Sam's words, and the automatic wins the journal already holds."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from nextyes import content
from nextyes.domain.contacts import InteractionKind
from nextyes.domain.goals import Metric, week_start
from nextyes.domain.wellbeing import CareKind
from nextyes.domain.wins import NewWin, WinKind
from nextyes.services.demo.context import DemoContext
from nextyes.services.momentum.why import CHECKED
from nextyes.services.momentum.wins import sync_auto_wins

WEEKS = 16


def momentum_demo(ctx: DemoContext) -> None:
    words = content.load("momentum/demo")
    _goals(ctx)
    _network(ctx, words)
    _care_and_moods(ctx, words)
    _why_and_wins(ctx, words)
    sync_auto_wins(ctx.uow, ctx.now)


def _goals(ctx: DemoContext) -> None:
    this_week = week_start(ctx.today)
    first = ctx.uow.goals.add(Metric.APPLICATIONS, 8, this_week - timedelta(weeks=10), ctx.now)
    ctx.uow.goals.end(first, this_week - timedelta(weeks=6, days=1))
    ctx.uow.goals.add(Metric.APPLICATIONS, 5, this_week - timedelta(weeks=6), ctx.now)
    ctx.uow.goals.add(Metric.NETWORKING, 2, this_week - timedelta(weeks=6), ctx.now)
    ctx.uow.goals.add(Metric.PRACTICE, 2, this_week - timedelta(weeks=1), ctx.now)


def _network(ctx: DemoContext, words: dict[str, Any]) -> None:
    rng = ctx.rng
    plans = words["interactions"]
    for week in range(WEEKS):
        for _ in range(rng.choice([1, 2, 2, 3])):
            relation, kind, note = rng.choice(plans)
            contact_id = ctx.contacts.get(relation)
            day = ctx.today - timedelta(days=week * 7 + rng.randint(0, 6))
            if contact_id is None or day > ctx.today:
                continue
            ctx.uow.contacts.add_interaction(contact_id, day, InteractionKind(kind), note, ctx.now)


def _care_and_moods(ctx: DemoContext, words: dict[str, Any]) -> None:
    rng = ctx.rng
    # Care every few days, with the last break a week ago, so `today` shows a gentle nudge.
    day = ctx.today - timedelta(days=WEEKS * 7)
    while day <= ctx.today - timedelta(days=7):
        kind, minutes, note = rng.choice(words["care"])
        ctx.uow.care.add(day, CareKind(kind), minutes or None, note, ctx.now)
        day += timedelta(days=rng.randint(2, 4))
    day = ctx.today - timedelta(days=WEEKS * 7)
    zone = ctx.now.tzinfo
    while day < ctx.today:
        score, note = rng.choice(words["moods"])
        at = datetime.combine(day, time(rng.choice([8, 13, 19, 21])), zone)
        ctx.uow.moods.add(score, at, ctx.now, note=note or None)
        day += timedelta(days=rng.randint(2, 3))


def _why_and_wins(ctx: DemoContext, words: dict[str, Any]) -> None:
    ctx.uow.whys.add(words["earlier_why"], ctx.today - timedelta(days=WEEKS * 7), ctx.now)
    ctx.uow.whys.add(words["why"], ctx.today - timedelta(days=75), ctx.now)
    checked = ctx.today - timedelta(days=12)
    ctx.uow.settings.set(CHECKED, checked.isoformat(), ctx.now)
    texts = list(words["wins"])
    for i, text in enumerate(texts):
        day = ctx.today - timedelta(days=(len(texts) - i) * 12 - ctx.rng.randint(0, 5))
        ctx.uow.wins.add(NewWin(day, text, WinKind.MANUAL), ctx.now)
