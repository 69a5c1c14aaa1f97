"""Forms on an application's page: interviews, the questions asked, and notes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from nextyes.domain.models import InterviewKind, NewInterview
from nextyes.errors import InvalidInput
from nextyes.services.pipeline import records
from nextyes.web import forms
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText
from nextyes.web.rendering import redirect, words
from nextyes.web.schemas.types import PathId

router = APIRouter()


def _back(application_id: int, anchor: str) -> str:
    return f"/applications/{application_id}#{anchor}"


@router.post("/applications/{application_id}/interviews")
async def schedule_interview(
    web: WebDep,
    application_id: PathId,
    scheduled_on: FormText = "",
    kind: FormText = "",
    scheduled_time: FormText = "",
    round: FormText = "",
    duration_minutes: FormText = "",
    location: FormText = "",
    interviewers: FormText = "",
    notes: FormText = "",
) -> Response:
    day = forms.day(scheduled_on, web.today())
    if day is None:
        raise InvalidInput("Give the interview's date.")
    new = NewInterview(
        application_id=application_id, kind=forms.choice(kind, InterviewKind, "kind of interview")
        or InterviewKind.VIDEO, scheduled_on=day, round=forms.number(round, "round", 1, 20),
        scheduled_time=forms.clock(scheduled_time),
        duration_minutes=forms.number(duration_minutes, "length in minutes", 1, 1440),
        location=forms.optional(location), interviewers=forms.names(interviewers),
        notes=forms.optional(notes),
    )  # fmt: skip
    records.schedule_interview(web.uow(), new, web.now())
    return redirect(_back(application_id, "interviews"), words("interview_added"))


@router.post("/interviews/{interview_id}/edit")
async def edit_interview(
    web: WebDep,
    interview_id: PathId,
    scheduled_on: FormText = "",
    kind: FormText = "",
    scheduled_time: FormText = "",
    round: FormText = "",
    duration_minutes: FormText = "",
    location: FormText = "",
    interviewers: FormText = "",
    notes: FormText = "",
) -> Response:
    changes = {
        "scheduled_on": forms.day(scheduled_on, web.today()),
        "kind": forms.choice(kind, InterviewKind, "kind of interview"),
        "scheduled_time": forms.clock(scheduled_time),
        "round": forms.number(round, "round", 1, 20),
        "duration_minutes": forms.number(duration_minutes, "length in minutes", 1, 1440),
        "location": forms.optional(location),
        "interviewers": forms.names(interviewers),
        "notes": forms.optional(notes),
    }
    interview = records.update_interview(web.uow(), interview_id, changes, web.now())
    return redirect(_back(interview.application_id, "interviews"), words("interview_updated"))


@router.post("/interviews/{interview_id}/delete")
async def delete_interview(web: WebDep, interview_id: PathId) -> Response:
    gone = records.delete_interview(web.uow(), interview_id)
    return redirect(_back(gone.application_id, "interviews"), words("interview_removed"))


@router.post("/applications/{application_id}/questions")
async def add_question(
    web: WebDep,
    application_id: PathId,
    text: FormText = "",
    interview_id: FormText = "",
    hard: FormText = "",
    notes: FormText = "",
) -> Response:
    records.add_question(
        web.uow(), application_id, text, web.now(),
        interview_id=forms.number(interview_id, "interview", 1, 2**31 - 1), hard=bool(hard),
        notes=forms.optional(notes),
    )  # fmt: skip
    return redirect(_back(application_id, "questions"), words("question_added"))


@router.post("/questions/{question_id}/edit")
async def edit_question(
    web: WebDep,
    question_id: PathId,
    text: FormText = "",
    interview_id: FormText = "",
    hard: FormText = "",
    notes: FormText = "",
) -> Response:
    question = records.update_question(
        web.uow(), question_id, text, hard=bool(hard), notes=forms.optional(notes),
        interview_id=forms.number(interview_id, "interview", 1, 2**31 - 1),
    )  # fmt: skip
    return redirect(_back(question.application_id, "questions"), words("question_updated"))


@router.post("/questions/{question_id}/delete")
async def delete_question(web: WebDep, question_id: PathId) -> Response:
    gone = records.delete_question(web.uow(), question_id)
    return redirect(_back(gone.application_id, "questions"), words("question_removed"))


@router.post("/applications/{application_id}/notes")
async def add_note(
    web: WebDep, application_id: PathId, text: FormText = "", private: FormText = ""
) -> Response:
    records.write_note(web.uow(), application_id, text, web.today(), web.now(), bool(private))
    return redirect(_back(application_id, "notes"), words("note_added"))


@router.post("/notes/{note_id}/edit")
async def edit_note(
    web: WebDep, note_id: PathId, text: FormText = "", private: FormText = ""
) -> Response:
    note = records.update_note(web.uow(), note_id, text, private=bool(private))
    return redirect(_back(note.application_id, "notes"), words("note_updated"))


@router.post("/notes/{note_id}/delete")
async def delete_note(web: WebDep, note_id: PathId) -> Response:
    gone = records.delete_note(web.uow(), note_id)
    return redirect(_back(gone.application_id, "notes"), words("note_removed"))
