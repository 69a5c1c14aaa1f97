"""Momentum for one week, in one call: what the weekly review and the dashboard show.

Wins first, then each goal's week, then care, moods and the why. Private parts (care, moods)
are here too; a shared review leaves them out.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from nextyes.domain.goals import Metric, WeekResult, week_start
from nextyes.domain.wellbeing import CareEntry, MoodEntry, WhyStatement
from nextyes.domain.wins import Win
from nextyes.services.momentum.goals import goal_history
from nextyes.services.momentum.wins import wins_between
from nextyes.storage.uow import UnitOfWork


class WeekMomentum(NamedTuple):
    week: date  # the Monday
    wins: list[Win]  # newest first
    goals: list[tuple[Metric, WeekResult]]  # each goal that counted that week
    care: list[CareEntry]
    moods: list[MoodEntry]
    why: WhyStatement | None


def week_momentum(uow: UnitOfWork, day: date, now: datetime) -> WeekMomentum:
    """The week that `day` falls in (Monday to Sunday), counted up to today at the latest."""
    monday = week_start(day)
    sunday = monday + timedelta(days=6)
    until = min(sunday, now.date())
    wins = wins_between(uow, monday, sunday, now)
    zone = now.tzinfo
    with uow:
        history = goal_history(uow, until)
        goals = [
            (metric, result)
            for metric, results in history.results.items()
            for result in results
            if result.week == monday
        ]
        care = uow.care.between(monday, sunday)
        moods = uow.moods.between(
            datetime.combine(monday, time(0), zone),
            datetime.combine(sunday + timedelta(days=1), time(0), zone),
        )
        why = uow.whys.current()
    return WeekMomentum(monday, wins, goals, care, moods, why)
