"""Self-care and mood: log them, look back, and the gentle nudges `nextyes today` offers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from nextyes import content
from nextyes.domain.companies import clean_text
from nextyes.domain.dates import format_duration
from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.goals import week_start
from nextyes.domain.models import SUPPORT_CIRCLE, Contact
from nextyes.domain.wellbeing import (
    CareEntry,
    CareKind,
    MoodEntry,
    NudgeKind,
    NudgeRules,
    WellbeingFacts,
    check_length,
    nudges_for,
    parse_care_kind,
    parse_care_minutes,
    parse_mood,
    split_care_words,
)
from nextyes.storage.uow import UnitOfWork

LOOK_BACK_DAYS = 14


class Logged(NamedTuple):
    id: int
    message: str


def _words(section: str) -> dict[str, Any]:
    words: dict[str, Any] = content.load("momentum/messages")[section]
    return words


def _check_day(on: date, today: date) -> None:
    if on > today:
        problems = content.load("momentum/messages")["problems"]
        raise InvalidInput(content.fill(problems["day_in_future"], day=on.isoformat()))


def log_care(
    uow: UnitOfWork, kind_text: str, words: Sequence[str], on: date, now: datetime
) -> Logged:
    """`nextyes care exercise 30m "walk by the river"`: the kind, then a duration and a note."""
    kind = parse_care_kind(kind_text)
    minutes, note = split_care_words(words)
    return _log_care(uow, kind, minutes, note, on, now)


def log_care_fields(
    uow: UnitOfWork, kind_text: str, minutes_text: str, note: str, on: date, now: datetime
) -> Logged:
    """The same from a form's separate fields: "For how long" must be a duration (30m, 1h, or a
    plain number of minutes) or empty; words there are refused, not kept as a note."""
    kind = parse_care_kind(kind_text)
    raw = minutes_text.strip()
    minutes = None
    if raw:
        minutes = parse_care_minutes(f"{raw}m" if raw.isdigit() else raw)
    text = check_length(clean_text(note), "note")
    return _log_care(uow, kind, minutes, text, on, now)


def _log_care(
    uow: UnitOfWork, kind: CareKind, minutes: int | None, note: str | None, on: date,
    now: datetime,
) -> Logged:  # fmt: skip
    _check_day(on, now.date())
    with uow:
        entry_id = uow.care.add(on, kind, minutes, note, now)
        uow.commit()
    what = kind.value if not note else f"{kind.value} ({note})"
    text = _words("care")
    if minutes:
        length = format_duration(timedelta(minutes=minutes))
        return Logged(entry_id, content.fill(text["recorded_minutes"], what=what, minutes=length))
    return Logged(entry_id, content.fill(text["recorded"], what=what))


def recent_care(uow: UnitOfWork, today: date, days: int = LOOK_BACK_DAYS) -> list[CareEntry]:
    with uow:
        return uow.care.between(today - timedelta(days=days - 1), today)


def log_mood(
    uow: UnitOfWork,
    score_text: str,
    note: str | None,
    now: datetime,
    *,
    on: date | None = None,
    application_id: int | None = None,
    context: str | None = None,
) -> Logged:
    """A mood from 1 (low) to 5 (good), with an optional note and application."""
    score = parse_mood(score_text)
    text = check_length(clean_text(note), "note")
    today = now.date()
    if on is not None:
        _check_day(on, today)
    at = now if on is None or on == today else datetime.combine(on, time(12), now.tzinfo)
    with uow:
        if application_id is not None and uow.applications.get(application_id) is None:
            problems = content.load("pipeline/messages")["problems"]
            raise NotFound(content.fill(problems["no_application"], id=application_id))
        mood_id = uow.moods.add(
            score, at, now, application_id=application_id, context=context, note=text
        )
        uow.commit()
    words = _words("mood")
    message = content.fill(words["recorded"], score=score)
    if score <= 2:
        message += " " + words["low"]
    elif score >= 4:
        message += " " + words["high"]
    return Logged(mood_id, message)


def recent_moods(uow: UnitOfWork, now: datetime, days: int = LOOK_BACK_DAYS) -> list[MoodEntry]:
    """Moods lately. One logged by a reflection says so where its note would be, so it does
    not read as an entry the person left blank."""
    start = datetime.combine(now.date() - timedelta(days=days - 1), time(0), now.tzinfo)
    with uow:
        moods = uow.moods.between(start, now + timedelta(seconds=1))
        said: dict[str, str] = _words("mood")["context"]
        ids = sorted({m.application_id for m in moods if m.context in said and m.application_id})
        apps = uow.applications.get_many(ids) if ids else {}
    return [
        m._replace(note=content.fill(said[m.context], company=apps[m.application_id].company))
        if m.note is None and m.context in said and m.application_id in apps
        else m
        for m in moods
    ]


# --- nudges ----------------------------------------------------------------------------------


class Nudge(NamedTuple):
    kind: NudgeKind
    text: str
    suggestion: str


def support_person(uow: UnitOfWork) -> Contact | None:
    """Someone in the support circle, the one you have not talked to for longest (in a uow)."""
    circle = [c for c in uow.contacts.all() if c.relation in SUPPORT_CIRCLE]
    if not circle:
        return None
    last = uow.contacts.last_interactions()
    return min(circle, key=lambda c: (last.get(c.id, date.min), c.name.lower(), c.id))


def rules_from(preferences: dict[str, Any]) -> NudgeRules:
    return NudgeRules(
        noes_in_a_week=int(preferences.get("nudge_noes_per_week", 3)),
        no_break_days=int(preferences.get("nudge_no_break_days", 5)),
    )


def nudges(uow: UnitOfWork, now: datetime, rules: NudgeRules) -> list[Nudge]:
    """Gentle nudges that fit today (inside an open uow), each with a way to act on it."""
    today = now.date()
    facts = WellbeingFacts(
        today=today,
        noes_this_week=uow.momentum.noes_between(week_start(today), today),
        recent_moods=uow.moods.latest(rules.low_mood_days * 3, now + timedelta(seconds=1)),
        last_care_on=uow.care.last_on(today),
        active_days=uow.momentum.active_days(
            today - timedelta(days=rules.no_break_days - 1), today
        ),
    )
    kinds = nudges_for(facts, rules)
    if not kinds:
        return []
    words = _words("nudges")
    person = support_person(uow)
    reach_out = (
        content.fill(words["reach_out"], name=person.name, relation=person.relation.value)
        if person
        else words["reach_out_anyone"]
    )
    found = []
    offered: set[str] = set()
    for kind in kinds:
        if kind is NudgeKind.NO_BREAK:
            since = facts.last_care_on
            text = (content.fill(words["no_break"], days=(today - since).days) if since
                    else words["no_break_never"])  # fmt: skip
            suggestion = words["take_break"]
        else:
            text = (content.fill(words["several_noes"], count=facts.noes_this_week)
                    if kind is NudgeKind.SEVERAL_NOES else words["low_mood"])  # fmt: skip
            suggestion = reach_out if reach_out not in offered else words["take_break"]
        offered.add(suggestion)
        found.append(Nudge(kind, text, suggestion))
    return found
