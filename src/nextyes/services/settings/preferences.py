"""The user's preferences (`nextyes settings`): known keys, their defaults and validation.

Other features add their keys to PREFERENCES; values are stored per owner in the journal, so
they travel with exports and stay separate per user in team mode.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, NamedTuple

from nextyes import content
from nextyes.errors import InvalidInput
from nextyes.storage.uow import UnitOfWork

_TRUE = {"yes", "y", "true", "on", "1"}
_FALSE = {"no", "n", "false", "off", "0"}


class Preference(NamedTuple):  # a NamedTuple: every command reads the settings
    key: str
    default: Any
    help: str
    parse: Callable[[str], Any]
    describe: str


def _said(key: str, **values: object) -> str:
    """A refused setting, from content/settings/messages.toml."""
    return content.fill(content.load("settings/messages")[key], **values)


def whole_number(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise InvalidInput(_said("not_whole", text=text, low=low, high=high)) from None
        if not low <= value <= high:
            raise InvalidInput(_said("out_of_range", value=value, low=low, high=high))
        return value

    return parse


def cool_down(text: str) -> str:
    from nextyes.domain.cooldown import parse_cool_down

    return str(parse_cool_down(text))


def short_text(limit: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = " ".join(text.split())
        if len(value) > limit:
            raise InvalidInput(_said("too_long", limit=limit))
        return value

    return parse


def yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise InvalidInput(_said("not_yes_or_no", text=text))


def weekday(text: str) -> str:
    from nextyes.domain.dates import WEEKDAYS

    value = text.strip().lower()
    match = [day for day in WEEKDAYS if day.startswith(value[:3])] if len(value) >= 3 else []
    if len(match) != 1 or not match[0].startswith(value):
        raise InvalidInput(_said("not_a_weekday", text=text))
    return match[0]


PREFERENCES: dict[str, Preference] = {
    p.key: p
    for p in (
        Preference(
            "follow_up_after_applied_days",
            21,
            "Days without an answer after applying before nextyes suggests a follow-up.",
            whole_number(1, 180),
            "a number of days (1-180)",
        ),
        Preference(
            "follow_up_after_interview_days",
            10,
            "Days without news after an interview before nextyes suggests a follow-up.",
            whole_number(1, 90),
            "a number of days (1-90)",
        ),
        Preference(
            "upcoming_days",
            7,
            "How many days ahead `today` looks for interviews and other dates.",
            whole_number(1, 60),
            "a number of days (1-60)",
        ),
        Preference(
            "cool_down",
            "evening",
            "How long a no gets before nextyes suggests next steps (`reject --cool-down`).",
            cool_down,
            "evening, weekend, none, or a duration such as 90m, 24h or 2d",
        ),
        Preference(
            "your_name",
            "",
            "Your name, to sign the emails nextyes drafts (empty: you sign them yourself).",
            short_text(100),
            "your name as you sign emails",
        ),
        Preference(
            "reflection_minutes",
            15,
            "The time box for `nextyes reflect`: analyse, don't obsess.",
            whole_number(5, 60),
            "a number of minutes (5-60)",
        ),
        Preference(
            "fold_rejected",
            False,
            "Leave closed-with-a-no applications out of lists unless asked for.",
            yes_no,
            "yes or no",
        ),
        Preference(
            "nudge_noes_per_week",
            3,
            "Noes in one week before `today` suggests going easy on yourself.",
            whole_number(1, 50),
            "a number (1-50)",
        ),
        Preference(
            "nudge_no_break_days",
            5,
            "Busy days without a logged break before `today` suggests one.",
            whole_number(2, 30),
            "a number of days (2-30)",
        ),
        Preference(
            "why_check_days",
            30,
            "Days before nextyes asks whether the roles you apply for still fit your why.",
            whole_number(7, 365),
            "a number of days (7-365)",
        ),
        Preference(
            "why_check_noes",
            5,
            "Noes before nextyes asks whether the roles you apply for still fit your why.",
            whole_number(1, 100),
            "a number (1-100)",
        ),
        Preference(
            "weekly_review_day",
            "sunday",
            "The day `today` and your calendar remind you of the weekly review.",
            weekday,
            "a day of the week",
        ),
    )
}


def get_preferences(uow: UnitOfWork) -> dict[str, Any]:
    """Every known preference, stored values over defaults (call inside an open uow)."""
    stored = uow.settings.all()
    return {key: stored.get(key, p.default) for key, p in PREFERENCES.items()}


def read_preferences(uow: UnitOfWork) -> dict[str, Any]:
    with uow:
        return get_preferences(uow)


def set_preference(uow: UnitOfWork, key: str, raw: str, now: datetime) -> Any:
    preference = _known(key)
    value = preference.parse(raw)
    with uow:
        uow.settings.set(preference.key, value, now)
        uow.commit()
    return value


def set_preferences(uow: UnitOfWork, values: Mapping[str, str], now: datetime) -> dict[str, Any]:
    """Change several settings at once: all of them, or none when one value is wrong."""
    parsed = {_known(key).key: _known(key).parse(raw) for key, raw in values.items()}
    with uow:
        for key, value in parsed.items():
            uow.settings.set(key, value, now)
        uow.commit()
    return parsed


def reset_preference(uow: UnitOfWork, key: str) -> Any:
    preference = _known(key)
    with uow:
        uow.settings.unset(preference.key)
        uow.commit()
    return preference.default


def preference(key: str) -> Preference:
    """The setting a user's spelling of its name means ("upcoming-days" too)."""
    return _known(key)


def _known(key: str) -> Preference:
    normal = key.strip().lower().replace("-", "_")
    if normal not in PREFERENCES:
        names = ", ".join(sorted(PREFERENCES))
        raise InvalidInput(_said("no_such_setting", name=key, names=names))
    return PREFERENCES[normal]


def describe(values: Mapping[str, Any]) -> list[tuple[str, Any, Preference]]:
    return [(key, values[key], PREFERENCES[key]) for key in sorted(PREFERENCES)]
