"""Editing what was recorded about an application: its details, interviews, questions, notes.

The timeline itself (stage events) is never edited in place: a mistaken stage is fixed with a
correcting move, so the history stays honest. Everything else can be changed or removed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, NamedTuple

from nextyes import content
from nextyes.domain.companies import clean_text
from nextyes.domain.links import check_link
from nextyes.domain.models import Application, Interview, NewInterview, Note, Question
from nextyes.errors import InvalidInput, NotFound
from nextyes.services.pipeline.applications import MAX_NAME, add_note, get_application
from nextyes.storage.uow import UnitOfWork

MAX_TEXT = 20_000
REQUIRED = ("company", "role")
OPTIONAL_TEXT = (
    "source", "url", "resume_version", "cover_letter_version", "location", "salary",
)  # fmt: skip
EDITABLE = {*REQUIRED, *OPTIONAL_TEXT, "applied_on", "referral_contact_id"}


def _said(key: str, **values: object) -> str:
    """A refusal from content/pipeline/messages.toml [records]."""
    return content.fill(content.load("pipeline/messages")["records"][key], **values)


def _what(field: str) -> str:
    """What a refusal calls a field (a key of [records.what])."""
    what: str = content.load("pipeline/messages")["records"]["what"][field]
    return what


def update_application(
    uow: UnitOfWork, application_id: int, changes: Mapping[str, Any], now: datetime
) -> Application:
    """Change an application's details; a None clears an optional field."""
    unknown = set(changes) - EDITABLE
    if unknown:
        names = ", ".join(sorted(EDITABLE))
        raise InvalidInput(_said("not_editable", fields=", ".join(sorted(unknown)), names=names))
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name in REQUIRED:
            text = clean_text(value)
            if not text:
                raise InvalidInput(_said("required_empty", what=_what(name)))
            values[name] = _short(text, name)
        elif name == "url":
            values[name] = _short(check_link(clean_text(value)), "url")
        elif name in OPTIONAL_TEXT:
            values[name] = _short(clean_text(value), name)
        else:
            values[name] = value
    applied_on = values.get("applied_on")
    if applied_on is not None and applied_on > now.date():
        raise InvalidInput(_said("applied_in_future", day=applied_on.isoformat()))
    with uow:
        get_application(uow, application_id)
        contact_id = values.get("referral_contact_id")
        if contact_id is not None and uow.contacts.get(contact_id) is None:
            raise NotFound(_said("no_contact", id=contact_id))
        if values:
            uow.applications.update_fields(application_id, values, now)
        application = get_application(uow, application_id)
        uow.commit()
    return application


def delete_application(uow: UnitOfWork, application_id: int) -> Application:
    """Remove an application and everything recorded about it (for one logged by mistake)."""
    with uow:
        application = get_application(uow, application_id)
        uow.applications.delete(application_id)
        uow.commit()
    return application


def schedule_interview(uow: UnitOfWork, new: NewInterview, now: datetime) -> Interview:
    _check_interview_values(new.round, new.duration_minutes)
    with uow:
        get_application(uow, new.application_id)
        interview_id = uow.interviews.add(
            NewInterview(
                application_id=new.application_id,
                kind=new.kind,
                scheduled_on=new.scheduled_on,
                round=new.round,
                scheduled_time=new.scheduled_time,
                duration_minutes=new.duration_minutes,
                location=clean_text(new.location),
                interviewers=_people(new.interviewers),
                notes=_long(new.notes, "interview_notes"),
            ),
            now,
        )
        uow.applications.touch(new.application_id, min(new.scheduled_on, now.date()), now)
        interview = _interview(uow, interview_id)
        uow.commit()
    return interview


def update_interview(
    uow: UnitOfWork, interview_id: int, changes: Mapping[str, Any], now: datetime
) -> Interview:
    """Change an interview's details (NewInterview's field names; None clears one)."""
    values = dict(changes)
    if "kind" in values and values["kind"] is None:
        raise InvalidInput(_said("interview_kind"))
    if "scheduled_on" in values and values["scheduled_on"] is None:
        raise InvalidInput(_said("interview_date"))
    _check_interview_values(values.get("round"), values.get("duration_minutes"))
    if "location" in values:
        values["location"] = clean_text(values["location"])
    if "interviewers" in values:
        values["interviewers"] = _people(values["interviewers"] or ())
    if "notes" in values:
        values["notes"] = _long(values["notes"], "interview_notes")
    with uow:
        _interview(uow, interview_id)
        try:
            uow.interviews.update(interview_id, values)
        except ValueError as exc:
            raise InvalidInput(_said("interview_not_editable", why=exc)) from None
        interview = _interview(uow, interview_id)
        uow.commit()
    return interview


def delete_interview(uow: UnitOfWork, interview_id: int) -> Interview:
    with uow:
        interview = _interview(uow, interview_id)
        uow.interviews.delete(interview_id)
        uow.commit()
    return interview


def add_question(
    uow: UnitOfWork,
    application_id: int,
    text: str,
    now: datetime,
    *,
    interview_id: int | None = None,
    hard: bool = False,
    notes: str | None = None,
) -> Question:
    body = _question_text(text)
    with uow:
        get_application(uow, application_id)
        _check_interview_of(uow, interview_id, application_id)
        question_id = uow.questions.add(
            application_id,
            body,
            now,
            interview_id=interview_id,
            hard=hard,
            notes=_long(notes, "notes"),
        )
        question = _question(uow, question_id)
        uow.commit()
    return question


def update_question(
    uow: UnitOfWork,
    question_id: int,
    text: str,
    *,
    hard: bool,
    notes: str | None = None,
    interview_id: int | None = None,
) -> Question:
    body = _question_text(text)
    with uow:
        question = _question(uow, question_id)
        _check_interview_of(uow, interview_id, question.application_id)
        uow.questions.update(question_id, body, hard, _long(notes, "notes"), interview_id)
        question = _question(uow, question_id)
        uow.commit()
    return question


def delete_question(uow: UnitOfWork, question_id: int) -> Question:
    with uow:
        question = _question(uow, question_id)
        uow.questions.delete(question_id)
        uow.commit()
    return question


def write_note(
    uow: UnitOfWork, application_id: int, text: str, on: date, now: datetime, private: bool = False
) -> Note:
    """Add a note to an application and return it as stored."""
    with uow:
        note_id = add_note(uow, application_id, text, on, now, private)
        note = _note(uow, note_id)
        uow.commit()
    return note


class NoteKept(NamedTuple):
    note: Note
    application: Application


def keep_note(
    uow: UnitOfWork, application_id: int, text: str, on: date, now: datetime, private: bool = False
) -> NoteKept:
    """Add a note to an application; returns it as stored, with the application it is on."""
    with uow:
        note = write_note(uow, application_id, text, on, now, private)
        application = get_application(uow, application_id)
        uow.commit()
    return NoteKept(note, application)


def update_note(uow: UnitOfWork, note_id: int, text: str, *, private: bool) -> Note:
    body = _long(text, "note")
    if not body:
        raise InvalidInput(_said("note_empty"))
    with uow:
        _note(uow, note_id)
        uow.notes.update(note_id, body, private)
        note = _note(uow, note_id)
        uow.commit()
    return note


def delete_note(uow: UnitOfWork, note_id: int) -> Note:
    with uow:
        note = _note(uow, note_id)
        uow.notes.delete(note_id)
        uow.commit()
    return note


def _short(text: str | None, what: str) -> str | None:
    if text is not None and len(text) > MAX_NAME:
        raise InvalidInput(_said("too_long", what=_what(what), max=MAX_NAME))
    return text


def _long(text: str | None, what: str) -> str | None:
    body = clean_text(text)
    if body is not None and len(body) > MAX_TEXT:
        raise InvalidInput(_said("too_long", what=_what(what), max=f"{MAX_TEXT:,}"))
    return body


def _people(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    people = tuple(name for name in (clean_text(n) for n in names) if name)
    for name in people:
        _short(name, "interviewer")
    return people


def _check_interview_values(round: int | None, minutes: int | None) -> None:
    if round is not None and not 1 <= round <= 20:
        raise InvalidInput(_said("round_range"))
    if minutes is not None and not 1 <= minutes <= 24 * 60:
        raise InvalidInput(_said("minutes_range"))


def _question_text(text: str) -> str:
    body = _long(text, "question")
    if not body:
        raise InvalidInput(_said("question_empty"))
    return body


def _interview(uow: UnitOfWork, interview_id: int) -> Interview:
    interview = uow.interviews.get(interview_id)
    if interview is None:
        raise NotFound(_said("no_interview", id=interview_id))
    return interview


def _question(uow: UnitOfWork, question_id: int) -> Question:
    question = uow.questions.get(question_id)
    if question is None:
        raise NotFound(_said("no_question", id=question_id))
    return question


def _note(uow: UnitOfWork, note_id: int) -> Note:
    note = uow.notes.get(note_id)
    if note is None:
        raise NotFound(_said("no_note", id=note_id))
    return note


def _check_interview_of(uow: UnitOfWork, interview_id: int | None, application_id: int) -> None:
    if interview_id is None:
        return
    interview = _interview(uow, interview_id)
    if interview.application_id != application_id:
        raise InvalidInput(_said("interview_elsewhere", id=interview_id))
