"""Cool-down windows: a time limit on the hard feelings after a "no".

Feel it, then move on: a rejection opens a window (until the end of this evening, until the end
of the weekend, a fixed duration, or none) during which nextyes holds back the analytical steps.
Everything here is pure: the caller passes "now", so the rules are easy to test.

Datetimes may be naive (read as local wall-clock time) or timezone-aware; for exact local
evenings across daylight-saving changes, pass a `zoneinfo`-aware "now".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum

from nextyes.domain.dates import parse_duration
from nextyes.domain.errors import InvalidInput

EVENING_ENDS = time(21, 0)
"""When "this evening" is over, local time."""

MINIMUM_WINDOW = timedelta(hours=1)
"""An evening or weekend window shorter than this moves on to the next one."""

LONGEST_DURATION = timedelta(days=14)
"""A cool-down is a pause, not a stop: longer durations are refused."""

_HOW_TO = "Use evening, weekend, none, or a duration such as 90m, 24h or 2d."


class InvalidCoolDown(InvalidInput):
    """A cool-down that cannot be used; the message says what to write instead."""


class CoolDownKind(StrEnum):
    EVENING = "evening"
    WEEKEND = "weekend"
    DURATION = "duration"
    NONE = "none"


@dataclass(frozen=True)
class CoolDownSpec:
    """What the person asked for: a kind, and for DURATION how long."""

    kind: CoolDownKind
    duration: timedelta | None = None

    def __str__(self) -> str:
        if self.kind is CoolDownKind.DURATION and self.duration is not None:
            return compact_duration(self.duration)
        return self.kind.value


@dataclass(frozen=True)
class CoolDownWindow:
    """A concrete window: when it started and when it ends."""

    spec: CoolDownSpec
    starts_at: datetime
    ends_at: datetime

    def is_active(self, at: datetime) -> bool:
        return _absolute(self.starts_at) <= _absolute(at) < _absolute(self.ends_at)

    def remaining(self, at: datetime) -> timedelta:
        """Time left at `at` (zero once it is over)."""
        return max(_elapsed(at, self.ends_at), timedelta(0))


def parse_cool_down(text: str) -> CoolDownSpec:
    """Read `evening`, `weekend`, `none` or a duration (`90m`, `24h`, `2d`, `1h30m`)."""
    value = text.strip().lower()
    if not value:
        raise InvalidCoolDown(f"The cool-down is empty. {_HOW_TO}")
    for kind in (CoolDownKind.EVENING, CoolDownKind.WEEKEND, CoolDownKind.NONE):
        if value == kind.value:
            return CoolDownSpec(kind)
    try:
        duration = parse_duration(value)
    except InvalidInput:
        raise InvalidCoolDown(
            f"{text.strip()!r} isn't a cool-down nextyes understands. {_HOW_TO}"
        ) from None
    if duration <= timedelta(0):
        raise InvalidCoolDown(
            f"A cool-down of {text.strip()} would be over before it starts. "
            "Use `none` to skip the cool-down, or a duration such as 90m or 24h."
        )
    if duration > LONGEST_DURATION:
        raise InvalidCoolDown(
            f"{text.strip()} is longer than a cool-down is meant to be (at most 14 days). "
            "Choose a shorter window, such as weekend or 2d."
        )
    return CoolDownSpec(CoolDownKind.DURATION, duration)


def compact_duration(duration: timedelta) -> str:
    """The compact form a duration is written in: 90 minutes is `1h30m`, 48 hours `2d`."""
    minutes = int(duration.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{n}{unit}" for n, unit in ((days, "d"), (hours, "h"), (minutes, "m")) if n]
    return "".join(parts) or "0m"


def open_window(
    spec: CoolDownSpec, *, now: datetime, since: datetime | None = None
) -> CoolDownWindow | None:
    """The window `spec` opens at `since` (default: now); None for `none`.

    `since` lets a caller anchor the window at the moment the news arrived; a window that would
    already be over at `now` is refused, since a cool-down in the past helps nobody.
    """
    if spec.kind is CoolDownKind.NONE:
        return None
    start = now if since is None else since
    if (start.tzinfo is None) != (now.tzinfo is None):
        raise ValueError("`since` and `now` must both be naive or both be timezone-aware.")
    if _absolute(start) > _absolute(now):
        raise InvalidCoolDown(
            "A cool-down can't start in the future. Record the rejection on or before today."
        )
    if spec.kind is CoolDownKind.EVENING:
        end = _next_local(start, days_ahead=0, step=1)
    elif spec.kind is CoolDownKind.WEEKEND:
        end = _next_local(start, days_ahead=(6 - start.weekday()) % 7, step=7)
    else:
        assert spec.duration is not None
        end = _add_elapsed(start, spec.duration)
    if _absolute(end) <= _absolute(now):
        raise InvalidCoolDown(
            f"A {spec} cool-down from then would already be over. "
            "Use `none`, or give the window a duration that reaches past now (for example 24h)."
        )
    return CoolDownWindow(spec, start, end)


def _next_local(start: datetime, *, days_ahead: int, step: int) -> datetime:
    """The evening end `days_ahead` days on, moved on by `step` days until it leaves at least
    MINIMUM_WINDOW."""
    candidate = _at_local(start, days_ahead)
    while _elapsed(start, candidate) < MINIMUM_WINDOW:
        days_ahead += step
        candidate = _at_local(start, days_ahead)
    return candidate


def _at_local(start: datetime, days_ahead: int) -> datetime:
    day = start.date() + timedelta(days=days_ahead)
    return datetime.combine(day, EVENING_ENDS, tzinfo=start.tzinfo)


def _absolute(moment: datetime) -> datetime:
    """A datetime comparable in real time: aware ones in UTC (datetimes in one zone compare by
    wall clock, which goes wrong in the repeated hour when the clocks go back)."""
    return moment if moment.tzinfo is None else moment.astimezone(UTC)


def _elapsed(start: datetime, end: datetime) -> timedelta:
    """Real time between two datetimes (across daylight-saving changes when aware)."""
    return _absolute(end) - _absolute(start)


def _add_elapsed(start: datetime, duration: timedelta) -> datetime:
    if start.tzinfo is None:
        return start + duration
    return (start.astimezone(UTC) + duration).astimezone(start.tzinfo)
