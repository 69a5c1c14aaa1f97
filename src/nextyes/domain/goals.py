"""Weekly goals: what counts, how a target is written, pace for the rest of the week, streaks.

A goal is a guide, not a judge: the rules here only count and compare; every word (a missed
week, a target that cannot work, "3 networking touches") lives in the content files
(momentum/messages.toml, [goals]). Weeks run Monday to Sunday.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from nextyes.domain.companies import typed_key

MAX_TARGET = 100


class Metric(StrEnum):
    """What a weekly goal counts (its words, "3 networking touches", are in the content files)."""

    APPLICATIONS = "applications"  # stage events reaching "applied"
    NETWORKING = "networking"  # interactions logged with contacts
    PRACTICE = "practice"  # practice sessions


_METRIC_ALIASES = {
    "applications": Metric.APPLICATIONS, "application": Metric.APPLICATIONS,
    "apps": Metric.APPLICATIONS, "app": Metric.APPLICATIONS, "applying": Metric.APPLICATIONS,
    "networking": Metric.NETWORKING, "network": Metric.NETWORKING,
    "touches": Metric.NETWORKING, "networking touches": Metric.NETWORKING,
    "contacts": Metric.NETWORKING, "outreach": Metric.NETWORKING,
    "practice": Metric.PRACTICE, "practice sessions": Metric.PRACTICE,
    "practising": Metric.PRACTICE, "practicing": Metric.PRACTICE, "sessions": Metric.PRACTICE,
}  # fmt: skip


def metric_named(text: str) -> Metric | None:
    """The metric a person means by `text` ("apps", "Networking touches"), or None."""
    return _METRIC_ALIASES.get(typed_key(text))


class TargetProblem(StrEnum):
    """Why a typed weekly target cannot be used; the service words each one."""

    NOT_A_TARGET = "not_a_target"  # not a number (per week) at all
    NOT_WEEKLY = "not_weekly"  # a number per day, month, ...
    NOT_WHOLE = "not_whole"  # 2.5
    NOTHING = "nothing"  # zero or negative
    TOO_MANY = "too_many"  # more than MAX_TARGET


_TARGET = (
    r"^\s*(?P<sign>[-+])?\s*(?P<n>\d+(?:\.\d+)?)\s*"
    r"(?:(?:/|per|a|an|each|every)\s*(?P<period>[a-z]+))?\s*$"
)  # compiled on first use, by `re`'s own cache
_WEEK_WORDS = {"w", "wk", "wks", "week", "weeks"}


def read_target(text: str) -> int | TargetProblem:
    """A weekly target from "10/week", "10 per week" or "10", or what is wrong with it (zero,
    negatives, other periods, fractions, more than MAX_TARGET)."""
    raw = str(text).strip().lower()
    m = re.match(_TARGET, raw)
    if not m:
        return TargetProblem.NOT_A_TARGET
    if m["period"] is not None and m["period"] not in _WEEK_WORDS:
        return TargetProblem.NOT_WEEKLY
    if "." in m["n"]:
        return TargetProblem.NOT_WHOLE
    value = int(m["n"])
    if m["sign"] == "-" or value == 0:
        return TargetProblem.NOTHING
    if value > MAX_TARGET:
        return TargetProblem.TOO_MANY
    return value


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def week_label(start: date) -> str:
    year, week, _ = start.isocalendar()
    return f"{year}-W{week:02d}"


# Records here are NamedTuples: `nextyes today` imports them, and a NamedTuple costs a
# fraction of a frozen dataclass to define, which a quick command feels.
class Goal(NamedTuple):
    id: int
    metric: Metric
    target: int
    starts_on: date
    ended_on: date | None = None
    period: str = "week"

    def applies_to(self, week: date) -> bool:
        """Whether the goal was in force at some point of the week starting `week`."""
        end = week + timedelta(days=6)
        return self.starts_on <= end and (self.ended_on is None or self.ended_on >= week)


def goal_for_week(goals: Sequence[Goal], week: date) -> Goal | None:
    """The goal that counts for a week: of those in force then, the one set last."""
    candidates = [g for g in goals if g.applies_to(week)]
    return max(candidates, key=lambda g: (g.starts_on, g.id)) if candidates else None


class Pace(NamedTuple):
    done: int
    target: int
    remaining: int
    days_left: int  # today included
    per_day: int  # what is left, spread over the days left (rounded up)

    @property
    def met(self) -> bool:
        return self.done >= self.target


def pace(done: int, target: int, today: date) -> Pace:
    days_left = 7 - today.weekday()
    remaining = max(target - done, 0)
    return Pace(done, target, remaining, days_left, math.ceil(remaining / days_left))


class WeekResult(NamedTuple):
    week: date  # Monday
    done: int
    target: int
    met_on: date | None  # the day the count reached the target

    @property
    def met(self) -> bool:
        return self.met_on is not None


def week_results(goals: Sequence[Goal], daily: Mapping[date, int], until: date) -> list[WeekResult]:
    """Each week from the first goal's week to the week of `until`, with the count, the target
    in force and the day it was met (if it was). Days after `until` are not counted."""
    if not goals:
        return []
    results = []
    week = week_start(min(g.starts_on for g in goals))
    while week <= until:
        goal = goal_for_week(goals, week)
        if goal is not None:
            done, met_on = 0, None
            for offset in range(7):
                day = week + timedelta(days=offset)
                if day > until:
                    break
                done += daily.get(day, 0)
                if met_on is None and done >= goal.target:
                    met_on = day
            results.append(WeekResult(week, done, goal.target, met_on))
        week += timedelta(days=7)
    return results


def streak(results: Sequence[WeekResult], today: date) -> int:
    """Weeks met in a row, counting back from last week, plus this week once it is met.

    This week still in progress never breaks a streak; a week without a goal does.
    """
    current = week_start(today)
    by_week = {r.week: r for r in results}
    count = 1 if current in by_week and by_week[current].met else 0
    week = current - timedelta(days=7)
    while week in by_week and by_week[week].met:
        count += 1
        week -= timedelta(days=7)
    return count
