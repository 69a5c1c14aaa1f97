"""Forms on an application's page: interviews, the questions asked, and notes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from nextyes.errors import InvalidInput
from nextyes.services.pipeline import records
from nextyes.web import forms
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText
from nextyes.web.pages.pipeline.forms import InterviewForm, QuestionForm
from nextyes.web.rendering import redirect, words
from nextyes.web.schemas.types import PathId

router = APIRouter()


def _back(application_id: int, anchor: str) -> str:
    return f"/applications/{application_id}#{anchor}"


@router.post("/applications/{application_id}/interviews")
async def schedule_interview(
    web: WebDep, application_id: PathId, form: Annotated[InterviewForm, Depends()]
) -> Response:
    day = forms.day(form.scheduled_on, web.today())
    if day is None:
        raise InvalidInput(words("interview_date", "forms"))
    records.schedule_interview(web.uow(), form.interview(application_id, day), web.now())
    return redirect(_back(application_id, "interviews"), words("interview_added"))


@router.post("/interviews/{interview_id}/edit")
async def edit_interview(
    web: WebDep, interview_id: PathId, form: Annotated[InterviewForm, Depends()]
) -> Response:
    changes = form.changes(web.today())
    interview = records.update_interview(web.uow(), interview_id, changes, web.now())
    return redirect(_back(interview.application_id, "interviews"), words("interview_updated"))


@router.post("/interviews/{interview_id}/delete")
async def delete_interview(web: WebDep, interview_id: PathId) -> Response:
    gone = records.delete_interview(web.uow(), interview_id)
    return redirect(_back(gone.application_id, "interviews"), words("interview_removed"))


@router.post("/applications/{application_id}/questions")
async def add_question(
    web: WebDep, application_id: PathId, form: Annotated[QuestionForm, Depends()]
) -> Response:
    records.add_question(
        web.uow(),
        application_id,
        form.text,
        web.now(),
        interview_id=form.interview,
        hard=bool(form.hard),
        notes=forms.optional(form.notes),
    )
    return redirect(_back(application_id, "questions"), words("question_added"))


@router.post("/questions/{question_id}/edit")
async def edit_question(
    web: WebDep, question_id: PathId, form: Annotated[QuestionForm, Depends()]
) -> Response:
    question = records.update_question(
        web.uow(),
        question_id,
        form.text,
        hard=bool(form.hard),
        notes=forms.optional(form.notes),
        interview_id=form.interview,
    )
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
