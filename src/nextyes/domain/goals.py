"""Weekly goals: what counts, how a target is written, pace for the rest of the week, streaks.

A goal is a guide, not a judge: the rules here only count and compare; the words around a
missed week live in the content files. Weeks run Monday to Sunday.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from nextyes.domain.companies import typed_key
from nextyes.domain.errors import InvalidInput

MAX_TARGET = 100


class Metric(StrEnum):
    """What a weekly goal counts."""

    APPLICATIONS = "applications"  # stage events reaching "applied"
    NETWORKING = "networking"  # interactions logged with contacts
    PRACTICE = "practice"  # practice sessions

    @property
    def unit(self) -> str:
        return _UNITS[self][0]

    @property
    def units(self) -> str:
        return _UNITS[self][1]

    def amount(self, count: int) -> str:
        """ "1 application", "3 networking touches"."""
        return f"{count} {self.unit if count == 1 else self.units}"


_UNITS = {
    Metric.APPLICATIONS: ("application", "applications"),
    Metric.NETWORKING: ("networking touch", "networking touches"),
    Metric.PRACTICE: ("practice session", "practice sessions"),
}

_METRIC_ALIASES = {
    "applications": Metric.APPLICATIONS, "application": Metric.APPLICATIONS,
    "apps": Metric.APPLICATIONS, "app": Metric.APPLICATIONS, "applying": Metric.APPLICATIONS,
    "networking": Metric.NETWORKING, "network": Metric.NETWORKING,
    "touches": Metric.NETWORKING, "networking touches": Metric.NETWORKING,
    "contacts": Metric.NETWORKING, "outreach": Metric.NETWORKING,
    "practice": Metric.PRACTICE, "practice sessions": Metric.PRACTICE,
    "practising": Metric.PRACTICE, "practicing": Metric.PRACTICE, "sessions": Metric.PRACTICE,
}  # fmt: skip


def parse_metric(text: str) -> Metric:
    key = typed_key(text)
    if key in _METRIC_ALIASES:
        return _METRIC_ALIASES[key]
    names = ", ".join(m.value for m in Metric)
    raise InvalidInput(f"'{text}' is not something a goal can count. Choose one of: {names}.")


_TARGET = (
    r"^\s*(?P<sign>[-+])?\s*(?P<n>\d+(?:\.\d+)?)\s*"
    r"(?:(?:/|per|a|an|each|every)\s*(?P<period>[a-z]+))?\s*$"
)  # compiled on first use, by `re`'s own cache
_WEEK_WORDS = {"w", "wk", "wks", "week", "weeks"}
TARGET_HELP = "a number per week, such as 10/week"


def parse_target(text: str) -> int:
    """A weekly target from "10/week", "10 per week" or "10"; refuses zero, negatives and
    other periods with a message that shows the form to use."""
    raw = str(text).strip().lower()
    m = re.match(_TARGET, raw)
    if not m:
        raise InvalidInput(f"'{text}' is not a weekly target. Give {TARGET_HELP}.")
    if m["period"] is not None and m["period"] not in _WEEK_WORDS:
        raise InvalidInput(
            f"Goals are weekly, so '{text}' cannot be used as it is. Give {TARGET_HELP}."
        )
    if "." in m["n"]:
        raise InvalidInput(f"'{text}' is not a whole number. Give {TARGET_HELP}.")
    value = int(m["n"])
    if m["sign"] == "-" or value == 0:
        raise InvalidInput(
            f"A goal needs something to aim for: '{text}' would be nothing at all. "
            f"Give 1 or more, for example 5/week."
        )
    if value > MAX_TARGET:
        raise InvalidInput(
            f"{value} a week leaves no room for anything else. Choose {MAX_TARGET} or fewer."
        )
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
