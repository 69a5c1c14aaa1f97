"""Reading HTML form values: empty fields, dates and times the way people type them."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum
from typing import Annotated, TypeVar

from fastapi import Form

from nextyes import content
from nextyes.domain.dates import parse_date
from nextyes.errors import InvalidInput

E = TypeVar("E", bound=Enum)

# Form fields arrive as text; an empty field is "not given".
FormText = Annotated[str, Form(max_length=20_000)]
# A job posting's text (pasted, or carried in the new-application form) may be longer.
PostingText = Annotated[str, Form(max_length=100_000)]


def optional(text: str | None) -> str | None:
    value = (text or "").strip()
    return value or None


def day(
    text: str | None, today: date, default: date | None = None, *, ahead: bool = False
) -> date | None:
    """2026-11-03 (a date picker), or today, yesterday, "3 days ago"; empty gives `default`.

    `ahead` for what is planned (a follow-up): a bare weekday is then the coming one."""
    value = optional(text)
    return default if value is None else parse_date(value, today, ahead=ahead)


def _said(key: str, **values: object) -> str:
    """A form's refusal, from content/web.toml [forms]."""
    return content.fill(content.load("web")["forms"][key], **values)


def clock(text: str | None) -> time | None:
    value = optional(text)
    if value is None:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise InvalidInput(_said("not_a_time", value=value)) from None


def number(text: str | None, what: str, low: int, high: int) -> int | None:
    value = optional(text)
    if value is None:
        return None
    try:
        result = int(value)
    except ValueError:
        raise InvalidInput(_said("not_whole", what=what, low=low, high=high)) from None
    if not low <= result <= high:
        raise InvalidInput(_said("out_of_range", what=what, low=low, high=high))
    return result


def choice(text: str | None, kind: type[E], what: str) -> E | None:
    """One of an enum's values; empty gives None."""
    value = optional(text)
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in kind)
        raise InvalidInput(_said("not_a_choice", value=value, what=what, allowed=allowed)) from None


def names(text: str | None) -> tuple[str, ...]:
    """A comma-separated list of names."""
    return tuple(n.strip() for n in (text or "").split(",") if n.strip())


def local_path(target: str | None, fallback: str) -> str:
    """Where to go back to after a form: only an address inside this app."""
    value = (target or "").strip()
    if value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return fallback


def moment(value: datetime | str | None, now: datetime) -> datetime:
    """A moment no later than `now` (a time without a zone is taken as local; bad text is now)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return now
    if value is None:
        return now
    if value.tzinfo is None:
        value = value.replace(tzinfo=now.tzinfo)
    return min(value, now)
