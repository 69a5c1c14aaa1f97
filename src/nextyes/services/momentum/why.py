"""The why: what the search is for, brought back after a no, in reviews, and now and then with
a question about whether the roles applied for still fit it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from nextyes import content
from nextyes.domain.companies import clean_text
from nextyes.domain.errors import InvalidInput, Words
from nextyes.domain.wellbeing import MAX_TEXT, WhyStatement
from nextyes.services.settings.preferences import get_preferences
from nextyes.storage.convert import as_date
from nextyes.storage.uow import UnitOfWork

CHECKED = "why_checked_on"  # settings key: the day the user last confirmed their why
ROLES_SHOWN = 4


class Recheck(NamedTuple):
    """A prompt to re-read the why against the roles applied for lately."""

    since: date
    reason: str  # why now: so many noes, or so many days
    roles: tuple[str, ...]
    title: str
    suggestion: str


class WhyView(NamedTuple):
    current: WhyStatement | None
    history: tuple[WhyStatement, ...]
    recheck: Recheck | None


class WhyReminder(NamedTuple):
    """What to show after a rejection: the why, a line to frame it, and a re-check if due."""

    text: str
    intro: str
    recheck: Recheck | None


def _words() -> dict[str, str]:
    words: dict[str, str] = content.load("momentum/messages")["why"]
    return words


def _said(key: str, **values: object) -> str:
    """A refusal from content/momentum/messages.toml [problems]."""
    return content.fill(content.load("momentum/messages")["problems"][key], **values)


def set_why(uow: UnitOfWork, text: str, now: datetime) -> str:
    body = clean_text(text)
    if not body:
        raise InvalidInput(
            _said("why_empty"),
            web=Words("momentum/web", "why_empty"),
        )
    if len(body) > MAX_TEXT:
        raise InvalidInput(_said("why_too_long", max=MAX_TEXT))
    words = _words()
    with uow:
        current = uow.whys.current()
        if current is not None and current.text == body:
            return words["same"]
        uow.whys.add(body, now.date(), now)
        uow.commit()
    return words["set"]


def keep_why(uow: UnitOfWork, now: datetime) -> str:
    """The why still holds: note the day, so the next re-check comes in a while."""
    words = _words()
    with uow:
        if uow.whys.current() is None:
            raise InvalidInput(words["none"])
        uow.settings.set(CHECKED, now.date().isoformat(), now)
        uow.commit()
    return words["kept"]


def last_checked(uow: UnitOfWork, current: WhyStatement) -> date:
    stored = uow.settings.all().get(CHECKED)
    checked = as_date(stored) if stored else current.set_on
    return max(checked, current.set_on)


def recheck_due(uow: UnitOfWork, today: date, preferences: dict[str, Any]) -> Recheck | None:
    """A re-check prompt when enough noes or days have passed since the why was last looked at
    (inside an open uow)."""
    current = uow.whys.current()
    if current is None:
        return None
    since = last_checked(uow, current)
    words = _words()
    noes = uow.momentum.noes_between(since, today)
    days = (today - since).days
    if noes >= int(preferences["why_check_noes"]):
        reason = content.fill(words["recheck_noes"], count=noes)
    elif days >= int(preferences["why_check_days"]):
        reason = content.fill(words["recheck_days"], days=days)
    else:
        return None
    roles = tuple(uow.momentum.recent_roles(today - timedelta(days=30), ROLES_SHOWN))
    return Recheck(since, reason, roles, words["recheck_title"], words["recheck_suggestion"])


def show_why(uow: UnitOfWork, today: date) -> WhyView:
    with uow:
        history = tuple(uow.whys.history())
        recheck = recheck_due(uow, today, get_preferences(uow))
    return WhyView(history[0] if history else None, history, recheck)


def why_after_rejection(uow: UnitOfWork, now: datetime) -> WhyReminder | None:
    """For the recovery flow: the why to show after a no (None when none is written), with a
    re-check prompt when it is due. Opens its own (nested) read."""
    with uow:
        current = uow.whys.current()
        if current is None:
            return None
        recheck = recheck_due(uow, now.date(), get_preferences(uow))
    return WhyReminder(current.text, _words()["after_rejection"], recheck)


def roles_line(recheck: Recheck) -> str | None:
    if not recheck.roles:
        return None
    return content.fill(_words()["recheck_roles"], roles="; ".join(recheck.roles))
