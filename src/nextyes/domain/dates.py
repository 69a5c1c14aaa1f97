"""Dates and durations as people type them.

Dates: ISO (2026-11-03), today, yesterday, tomorrow, "3 days ago", "2 weeks ago", "in 3 days",
weekday names ("friday", "last friday", "next monday"), "last week" and "a week ago".
Durations: 30m, 90 min, 2h, 1h30m, 24h, 2d, 1w.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from nextyes.domain.errors import InvalidInput

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT_DAYS = {name[:3]: i for i, name in enumerate(WEEKDAYS)}
_UNITS = {"day": 1, "days": 1, "d": 1, "week": 7, "weeks": 7, "w": 7}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

_AGO = re.compile(r"^(\d+|a|an|one|two|three|four|five|six)\s*(days?|weeks?|d|w)\s+ago$")
_IN = re.compile(r"^in\s+(\d+|a|an|one|two|three|four|five|six)\s*(days?|weeks?|d|w)$")
_WEEKDAY = re.compile(r"^(?:(last|next|this)\s+)?([a-z]+)$")

DATE_HELP = "a date: 2026-11-03, today, yesterday, '3 days ago', 'last friday'"


def _weekday_index(word: str) -> int | None:
    if word in WEEKDAYS:
        return WEEKDAYS.index(word)
    return _SHORT_DAYS.get(word) if len(word) == 3 else None


def is_bare_weekday(text: str) -> bool:
    """A weekday name with no "last" or "next": which week it means depends on the question."""
    m = _WEEKDAY.match(" ".join(str(text).strip().lower().split()))
    return bool(m and m[1] is None and _weekday_index(m[2]) is not None)


def parse_date(text: str, today: date, *, ahead: bool = False) -> date:
    """Read a date the way people write it, relative to `today`.

    A bare weekday ("friday") means the most recent one (today included) for what happened,
    and with `ahead` the coming one (today included) for what is planned: a follow-up, an
    interview being scheduled, an answer-by date. "last friday" and "next friday" say which.
    """
    raw = " ".join(str(text).strip().lower().split())
    if not raw:
        raise InvalidInput(f"A date is missing. Give {DATE_HELP}.")
    if raw in ("today", "now"):
        return today
    if raw == "yesterday":
        return today - timedelta(days=1)
    if raw == "tomorrow":
        return today + timedelta(days=1)
    if raw == "last week":
        return today - timedelta(days=7)
    if raw == "next week":
        return today + timedelta(days=7)
    if m := _AGO.match(raw):
        return _shift(today, m[1], m[2], -1, text)
    if m := _IN.match(raw):
        return _shift(today, m[1], m[2], 1, text)
    if m := _WEEKDAY.match(raw):
        index = _weekday_index(m[2])
        if index is not None:
            back = (today.weekday() - index) % 7
            if m[1] == "last":
                return today - timedelta(days=back or 7)
            if m[1] == "next":
                return today + timedelta(days=(index - today.weekday()) % 7 or 7)
            if ahead:
                return today + timedelta(days=(index - today.weekday()) % 7)
            return today - timedelta(days=back)
    try:
        return date.fromisoformat(raw)
    except ValueError:
        pass
    raise InvalidInput(f"'{text}' is not a date nextyes understands. Give {DATE_HELP}.")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _shift(today: date, count: str, unit: str, sign: int, text: str) -> date:
    """today moved by "3 days" or "2 weeks"; a count past the calendar is a user's error."""
    try:
        return today + sign * timedelta(days=_count(count) * _UNITS[unit])
    except (OverflowError, ValueError):
        raise InvalidInput(
            f"'{text}' is further from today than a calendar goes. Give {DATE_HELP}."
        ) from None


_DURATION_PART = re.compile(
    r"(\d+(?:\.\d+)?)\s*(w|weeks?|d|days?|h|hrs?|hours?|m|mins?|minutes?)", re.IGNORECASE
)
_DURATION_FULL = re.compile(
    r"^(?:\s*\d+(?:\.\d+)?\s*(?:w|weeks?|d|days?|h|hrs?|hours?|m|mins?|minutes?)\s*)+$",
    re.IGNORECASE,
)
_MINUTES = {"w": 7 * 24 * 60, "d": 24 * 60, "h": 60, "m": 1}

DURATION_HELP = "a duration such as 30m, 90 min, 2h, 1h30m, 24h, 2d or 1w"


def parse_duration(text: str) -> timedelta:
    """A positive duration from "30m", "1h30m", "24h", "2 days"."""
    raw = str(text).strip()
    if raw.isdigit():
        raise InvalidInput(f"'{text}' needs a unit. Give {DURATION_HELP}.")
    if not raw or not _DURATION_FULL.match(raw):
        raise InvalidInput(f"'{text}' is not a duration nextyes understands. Give {DURATION_HELP}.")
    minutes = 0.0
    for amount, unit in _DURATION_PART.findall(raw):
        minutes += float(amount) * _MINUTES[unit[0].lower()]
    if minutes <= 0:
        raise InvalidInput(f"'{text}' is no time at all. Give {DURATION_HELP}.")
    if minutes > 366 * 24 * 60:
        raise InvalidInput(f"'{text}' is longer than a year. Give {DURATION_HELP}.")
    return timedelta(minutes=round(minutes))


def format_duration(delta: timedelta) -> str:
    """A short human form: 45 min, 2 h, 1 h 30 min, 3 days."""
    minutes = round(delta.total_seconds() / 60)
    if minutes < 60:
        return f"{minutes} min"
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} day" + ("s" if days != 1 else ""))
    if hours:
        parts.append(f"{hours} h")
    if mins and not days:
        parts.append(f"{mins} min")
    return " ".join(parts)


def days_between(earlier: date, later: date) -> int:
    return (later - earlier).days


def describe_day(day: date, today: date) -> str:
    """ "today", "tomorrow", "in 3 days", "yesterday", "5 days ago", or the date itself."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    if 1 < delta <= 6:
        return f"on {WEEKDAYS[day.weekday()].capitalize()}"
    if -30 <= delta < -1:
        return f"{-delta} days ago"
    if 6 < delta <= 30:
        return f"in {delta} days"
    return day.isoformat()
