"""The vocabulary of recovering from a "no": how far the process went, and the tone to write in.

What a person can usefully ask or reflect on depends on the stage they reached before the "no":
after an application screen there is little to ask about; after interviews there is a
conversation to learn from; after a final round there is room for specific questions, and for
asking whether the role was the right fit at all.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from nextyes.domain.errors import InvalidInput

if TYPE_CHECKING:
    from nextyes.domain.recovery_rows import DraftRow as DraftRow
    from nextyes.domain.recovery_rows import FeedbackRow as FeedbackRow
    from nextyes.domain.recovery_rows import Reflection as Reflection

# What was kept after a no (reflections, feedback, drafts) is defined in recovery_rows.py on
# first use, and named here too: `nextyes today` reads none of them, and a frozen dataclass
# costs about 0.6 ms to define.
ELSEWHERE = dict.fromkeys(("Reflection", "FeedbackRow", "DraftRow"), "nextyes.domain.recovery_rows")


def __getattr__(name: str) -> Any:
    if name not in ELSEWHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(ELSEWHERE[name]), name)
    globals()[name] = value
    return value


class StageGroup(StrEnum):
    """Where the process stopped, as far as recovery is concerned."""

    SCREEN_OUT = "screen_out"
    INTERVIEW = "interview"
    FINAL = "final"


class Tone(StrEnum):
    """How a drafted email sounds."""

    WARM = "warm"
    FORMAL = "formal"
    BRIEF = "brief"


_GROUP_OF_STAGE: dict[str, StageGroup] = {
    "saved": StageGroup.SCREEN_OUT,
    "applied": StageGroup.SCREEN_OUT,
    "screening": StageGroup.SCREEN_OUT,
    "assessment": StageGroup.INTERVIEW,
    "interview": StageGroup.INTERVIEW,
    "final": StageGroup.FINAL,
    "offer": StageGroup.FINAL,
}

RECOVERABLE_STAGES: tuple[str, ...] = tuple(_GROUP_OF_STAGE)


def stage_group(stage: str) -> StageGroup:
    """The group of the stage an application had reached when the "no" arrived.

    `stage` is a pipeline stage name (`applied`, `interview`, `final`, ...); a StageGroup
    value is accepted as well, so callers that already grouped it can pass it through.
    """
    key = str(stage).strip().lower()
    if key in _GROUP_OF_STAGE:
        return _GROUP_OF_STAGE[key]
    try:
        return StageGroup(key)
    except ValueError:
        known = ", ".join(RECOVERABLE_STAGES)
        raise ValueError(
            f"{stage!r} is not a stage a rejection can follow; expected one of: {known}."
        ) from None


def parse_tone(tone: str) -> Tone:
    """A Tone from its name, with a message that lists the choices when it is not one."""
    try:
        return Tone(str(tone).strip().lower())
    except ValueError:
        choices = ", ".join(t.value for t in Tone)
        raise ValueError(f"{tone!r} is not a tone nextyes writes in; choose {choices}.") from None


# Feedback requests --------------------------------------------------------------------------

FOLLOW_UP_AFTER = timedelta(days=7)
"""When one polite follow-up is suggested, after the request was sent."""

CLOSE_AFTER_FOLLOW_UP = timedelta(days=7)
"""How long after the follow-up an unanswered request closes quietly as no reply."""


class RequestStatus(StrEnum):
    WAITING = "waiting"
    FOLLOWED_UP = "followed_up"
    ANSWERED = "answered"
    NO_REPLY = "no_reply"

    @property
    def is_open(self) -> bool:
        return self in (RequestStatus.WAITING, RequestStatus.FOLLOWED_UP)


@dataclass(frozen=True, slots=True)
class FeedbackRequest:
    """A request for feedback the person sent: at most one follow-up, then it closes."""

    id: int
    application_id: int
    contact_id: int | None
    tone: Tone | None
    sent_on: date
    follow_up_on: date | None
    followed_up_on: date | None
    status: RequestStatus
    closed_on: date | None = None

    def status_on(self, today: date) -> RequestStatus:
        """The status as of `today`: a followed-up request with no answer closes by itself."""
        if (
            self.status is RequestStatus.FOLLOWED_UP
            and self.followed_up_on is not None
            and today >= self.followed_up_on + CLOSE_AFTER_FOLLOW_UP
        ):
            return RequestStatus.NO_REPLY
        return self.status

    def follow_up_due(self, today: date) -> bool:
        return (
            self.status_on(today) is RequestStatus.WAITING
            and self.follow_up_on is not None
            and self.follow_up_on <= today
        )


# Reflection ---------------------------------------------------------------------------------

MOODS = range(1, 6)
DEFAULT_TIME_BOX_MINUTES = 15


def check_mood(value: object, what: str = "mood") -> int:
    """A mood from 1 (low) to 5 (good), or InvalidInput saying so."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InvalidInput(f"The {what} is a whole number from 1 (low) to 5 (good).")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InvalidInput(
            f"'{value}' is not a {what}. Give a whole number from 1 (low) to 5 (good)."
        ) from None
    if number not in MOODS:
        raise InvalidInput(f"{number} is outside 1 to 5. Give 1 for low, up to 5 for good.")
    return number


def time_left(started_at: datetime, now: datetime, minutes: int) -> timedelta:
    """What is left of a reflection's time box (never below zero)."""
    return max(started_at + timedelta(minutes=minutes) - now, timedelta(0))


@dataclass(frozen=True, slots=True)
class CoolDownRecord:
    """A cool-down as kept in the journal (its spec is written as `evening`, `24h`, ...)."""

    id: int
    application_id: int
    kind: str
    starts_at: datetime
    ends_at: datetime


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week `day` falls in: "noes this week" counts within it."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)
