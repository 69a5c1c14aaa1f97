"""Small helpers that turn plain values into words that sit well inside a sentence."""

from __future__ import annotations

import re
from datetime import date, datetime

from nextyes import content

_SPACES = re.compile(r"\s+")
_TRAILING_PUNCTUATION = ".,;:!?"


def clean(value: object) -> str | None:
    """One line of text, or None when there is nothing to say.

    Whitespace runs (newlines included) become single spaces, so a value can never break a
    template's layout or an email header.
    """
    if value is None:
        return None
    text = _SPACES.sub(" ", str(value)).strip()
    return text or None


def phrase(value: object) -> str | None:
    """A value that sits mid-sentence: cleaned, without trailing punctuation."""
    text = clean(value)
    if text is None:
        return None
    return text.rstrip(_TRAILING_PUNCTUATION).strip() or None


def first_name(full_name: str | None) -> str | None:
    """What to put after "Hi": the first name, or the titled name when that is all there is."""
    name = clean(full_name)
    if name is None:
        return None
    words = name.split(" ")
    honorifics = set(content.load("common")["honorifics"])
    if words[0].lower() in honorifics:
        return name if len(words) == 2 else " ".join(words[1:2]) or None
    return words[0]


def spoken_date(day: date, *, today: date | None = None) -> str:
    """The date as it reads in a sentence, with the year only when it is not this year's."""
    common = content.load("common")
    values = {"day": str(day.day), "month": common["months"][day.month - 1], "year": str(day.year)}
    pattern = (
        common["date"] if today is None or today.year == day.year else common["date_with_year"]
    )
    return str(pattern).format_map(values)


def spoken_number(n: int) -> str:
    numbers: list[str] = content.load("common")["numbers"]
    return numbers[n] if 0 <= n < len(numbers) else str(n)


def weekday_name(moment: date | datetime) -> str:
    weekdays: list[str] = content.load("common")["weekdays"]
    return weekdays[moment.weekday()]


def month_name(moment: date | datetime) -> str:
    months: list[str] = content.load("common")["months"]
    return months[moment.month - 1]


def clock(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"
