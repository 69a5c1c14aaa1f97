"""Self-care, mood and the why: the records, how people type them, and when to nudge gently.

The nudge rules only decide *that* a gentle word might help and which kind; what is said lives
in the content files, and it is never clinical.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from nextyes.domain.dates import parse_duration
from nextyes.domain.errors import InvalidInput, Words

MOOD_LOW, MOOD_HIGH = 1, 5
MAX_CARE = timedelta(hours=24)
MAX_TEXT = 2000


class CareKind(StrEnum):
    EXERCISE = "exercise"
    HOBBY = "hobby"
    BREAK = "break"
    MINDFULNESS = "mindfulness"
    SOCIAL = "social"
    REST = "rest"
    OTHER = "other"


_CARE_ALIASES = {
    "walk": CareKind.EXERCISE, "run": CareKind.EXERCISE, "gym": CareKind.EXERCISE,
    "sport": CareKind.EXERCISE, "meditation": CareKind.MINDFULNESS,
    "meditate": CareKind.MINDFULNESS, "friends": CareKind.SOCIAL, "sleep": CareKind.REST,
    "nap": CareKind.REST, "pause": CareKind.BREAK,
}  # fmt: skip


def parse_care_kind(text: str) -> CareKind:
    key = text.strip().lower()
    if key in _CARE_ALIASES:
        return _CARE_ALIASES[key]
    try:
        return CareKind(key)
    except ValueError:
        names = ", ".join(k.value for k in CareKind)
        raise InvalidInput(
            f"'{text}' is not a kind of care nextyes knows. Use one of: {names} "
            '(and add a note for the details, such as "other 20m baking").'
        ) from None


_STARTS_LIKE_DURATION = re.compile(r"^\s*[-+]?\d")


def parse_care_minutes(text: str) -> int:
    """Minutes from "30m", "1h30m", "2h"; refuses "30x", zero and more than a day."""
    if text.strip().startswith("-"):
        raise InvalidInput(f"'{text}' is less than no time. Give a duration such as 30m or 1h.")
    length = parse_duration(text)
    if length > MAX_CARE:
        raise InvalidInput(f"'{text}' is more than a day. Log each session on its own, up to 24h.")
    return round(length.total_seconds() / 60)


def split_care_words(words: Sequence[str]) -> tuple[int | None, str | None]:
    """What follows the kind: an optional duration, then a note.

    A word that starts like a number must be a duration ("30m"), so "30x" is refused rather
    than kept as a note; anything else is the note.
    """
    if not words:
        return None, None
    first, rest = words[0], list(words[1:])
    minutes = None
    if _STARTS_LIKE_DURATION.match(first):
        minutes = parse_care_minutes(first)
    else:
        rest.insert(0, first)
    note = " ".join(w.strip() for w in rest if w.strip()) or None
    return minutes, check_length(note, "note")


def check_length(text: str | None, what: str) -> str | None:
    if text is not None and len(text) > MAX_TEXT:
        raise InvalidInput(f"The {what} is longer than {MAX_TEXT} characters; shorten it.")
    return text


def parse_mood(text: str) -> int:
    """A mood from 1 (low) to 5 (good): "3", "3/5"."""
    raw = str(text).strip().lower().removesuffix("/5").strip()
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput(
            f"'{text}' is not a mood score. Give a whole number from {MOOD_LOW} (low) to "
            f'{MOOD_HIGH} (good), then a note if you like: nextyes mood 3 "tired after the panel"',
            web=Words(
                "momentum/web",
                "mood_not_a_number",
                {"text": text, "low": MOOD_LOW, "high": MOOD_HIGH},
            ),
        ) from None
    if not MOOD_LOW <= value <= MOOD_HIGH:
        raise InvalidInput(
            f"{value} is outside the scale. Moods go from {MOOD_LOW} (low) to {MOOD_HIGH} (good)."
        )
    return value


# Records here are NamedTuples: `nextyes today` imports them, and a NamedTuple costs a
# fraction of a frozen dataclass to define, which a quick command feels.
class CareEntry(NamedTuple):
    id: int
    occurred_on: date
    kind: CareKind
    minutes: int | None = None
    note: str | None = None


class MoodEntry(NamedTuple):
    id: int
    recorded_at: datetime
    score: int
    note: str | None = None
    application_id: int | None = None
    context: str | None = None


class WhyStatement(NamedTuple):
    id: int
    text: str
    set_on: date


# --- gentle nudges ---------------------------------------------------------------------------


class NudgeKind(StrEnum):
    SEVERAL_NOES = "several_noes"
    LOW_MOOD = "low_mood"
    NO_BREAK = "no_break"


class WellbeingFacts(NamedTuple):
    """What the nudge rules look at, gathered by the service."""

    today: date
    noes_this_week: int
    recent_moods: Sequence[MoodEntry]  # newest first
    last_care_on: date | None
    active_days: int  # days with search activity in the no-break window


class NudgeRules(NamedTuple):
    noes_in_a_week: int = 3
    low_mood_at_most: int = 2
    low_mood_days: int = 3
    no_break_days: int = 5
    active_days_needed: int = 3


def low_mood_streak(moods: Sequence[MoodEntry], at_most: int) -> int:
    """Days in a row (newest first, one score per day: that day's latest) at or below `at_most`."""
    seen: list[date] = []
    count = 0
    for mood in moods:
        day = mood.recorded_at.date()
        if day in seen:
            continue
        if seen and (seen[-1] - day).days > 1:
            break
        seen.append(day)
        if mood.score > at_most:
            break
        count += 1
    return count


DEFAULT_RULES = NudgeRules()


def nudges_for(facts: WellbeingFacts, rules: NudgeRules = DEFAULT_RULES) -> list[NudgeKind]:
    """Which gentle nudges fit today, most pressing first (at most one of each kind)."""
    found = []
    recent = facts.recent_moods
    if (
        recent
        and (facts.today - recent[0].recorded_at.date()).days <= 1
        and low_mood_streak(recent, rules.low_mood_at_most) >= rules.low_mood_days
    ):
        found.append(NudgeKind.LOW_MOOD)
    if facts.noes_this_week >= rules.noes_in_a_week:
        found.append(NudgeKind.SEVERAL_NOES)
    rested_lately = (
        facts.last_care_on is not None
        and (facts.today - facts.last_care_on).days < rules.no_break_days
    )
    if not rested_lately and facts.active_days >= rules.active_days_needed:
        found.append(NudgeKind.NO_BREAK)
    return found
