"""Find interview dates and times in an email, read relative to the day it was sent."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>20\d\d))?"
# The patterns read lower-cased text (see interview_times): case-insensitive matching of
# long alternations is several times slower in Python's regular expressions.
_DATE_PATTERNS = [
    re.compile(r"\b" + _DAY + r"(?:\s+of)?\s+" + _MONTH + _YEAR + r"\b"),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + _YEAR + r"\b"),
    re.compile(r"\b(?P<iso>20\d\d-[01]\d-[0-3]\d)\b"),
]
_RELATIVE = re.compile(
    r"\b(?P<word>today|tomorrow|(?:(?P<next>next|this|on|coming)\s+)?(?P<weekday>"
    + "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
    + r")\b)",
)
_TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|\b(?P<h24>[01]?\d|2[0-3])[:h](?P<m24>[0-5]\d)\b",
)


def _times(text: str) -> list[tuple[int, time]]:
    found = []
    for match in _TIME.finditer(text):
        if match.group("h") is not None:
            hour = int(match.group("h")) % 12
            if match.group("ampm").lower().startswith("p"):
                hour += 12
            minute = int(match.group("m") or 0)
        else:
            hour, minute = int(match.group("h24")), int(match.group("m24"))
        found.append((match.start(), time(hour, minute)))
    return found


def _dates(text: str, sent: date) -> list[tuple[int, int, date]]:
    found: list[tuple[int, int, date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            try:
                if match.groupdict().get("iso"):
                    day = date.fromisoformat(match.group("iso"))
                else:
                    month = _MONTHS[match.group("month").lower().rstrip(".")]
                    year = int(match.group("year")) if match.group("year") else sent.year
                    day = date(year, month, int(match.group("day")))
                    if not match.group("year") and day < sent - timedelta(days=7):
                        day = day.replace(year=year + 1)
            except ValueError:
                continue
            found.append((match.start(), match.end(), day))
    covered = [(s, e) for s, e, _ in found]
    for match in _RELATIVE.finditer(text):
        if any(s <= match.start() < e or s <= match.end() - 1 < e for s, e in covered):
            continue
        word = match.group("word").lower()
        if word == "today":
            day = sent
        elif word == "tomorrow":
            day = sent + timedelta(days=1)
        else:
            weekday = _WEEKDAYS[match.group("weekday").lower()]
            ahead = (weekday - sent.weekday()) % 7 or 7
            day = sent + timedelta(days=ahead)
        # a weekday written next to an explicit date is part of that date
        if any(abs(match.end() - s) <= 3 for s, _, _ in found):
            continue
        found.append((match.start(), match.end(), day))
    return sorted(found)


def interview_times(text: str, sent: datetime, tz: tzinfo | None = None) -> list[datetime]:
    """Dates and times named in `text`, each date paired with the nearest time after it.

    `sent` anchors relative words ("tomorrow", "next Tuesday") and years left out. A date
    without a time is returned at midnight; a time without a date is ignored.
    """
    zone = tz if tz is not None else sent.tzinfo
    text = text.lower()
    times = _times(text)
    results: list[datetime] = []
    for start, end, day in _dates(text, sent.date()):
        after = [t for pos, t in times if end <= pos <= end + 40]
        before = [t for pos, t in times if start - 40 <= pos < start]
        moment = after[0] if after else (before[-1] if before else time(0, 0))
        value = datetime.combine(day, moment, tzinfo=zone)
        if value not in results:
            results.append(value)
    return results
