"""/api/v1: interviews, the questions asked in them, and notes on an application."""

from __future__ import annotations

from fastapi import APIRouter, Response

from nextyes.domain.models import NewInterview
from nextyes.services.pipeline import records
from nextyes.web.deps import WebDep
from nextyes.web.schemas.applications import (
    InterviewCreate,
    InterviewPublic,
    InterviewUpdate,
    NoteCreate,
    NotePublic,
    NoteUpdate,
    QuestionCreate,
    QuestionPublic,
    QuestionUpdate,
)
from nextyes.web.schemas.types import PathId

router = APIRouter(tags=["interviews, questions and notes"])


@router.post(
    "/applications/{application_id}/interviews", response_model=InterviewPublic, status_code=201
)
async def schedule_interview(
    web: WebDep, application_id: PathId, body: InterviewCreate
) -> InterviewPublic:
    """Add an interview (past or ahead) without changing the application's stage."""
    new = NewInterview(application_id=application_id, **body.model_dump(exclude={"interviewers"}),
                       interviewers=tuple(body.interviewers))  # fmt: skip
    return InterviewPublic.of(records.schedule_interview(web.uow(), new, web.now()))


@router.patch("/interviews/{interview_id}", response_model=InterviewPublic)
async def update_interview(
    web: WebDep, interview_id: PathId, body: InterviewUpdate
) -> InterviewPublic:
    """Change an interview's details; only the fields given change."""
    changes = body.model_dump(exclude_unset=True)
    return InterviewPublic.of(records.update_interview(web.uow(), interview_id, changes, web.now()))


@router.delete("/interviews/{interview_id}", status_code=204)
async def delete_interview(web: WebDep, interview_id: PathId) -> Response:
    records.delete_interview(web.uow(), interview_id)
    return Response(status_code=204)


@router.post(
    "/applications/{application_id}/questions", response_model=QuestionPublic, status_code=201
)
async def add_question(web: WebDep, application_id: PathId, body: QuestionCreate) -> QuestionPublic:
    """Keep a question they asked (mark the hard ones to practise them)."""
    question = records.add_question(
        web.uow(), application_id, body.text, web.now(), interview_id=body.interview_id,
        hard=body.hard, notes=body.notes,
    )  # fmt: skip
    return QuestionPublic.of(question)


@router.put("/questions/{question_id}", response_model=QuestionPublic)
async def update_question(web: WebDep, question_id: PathId, body: QuestionUpdate) -> QuestionPublic:
    question = records.update_question(
        web.uow(), question_id, body.text, hard=body.hard, notes=body.notes,
        interview_id=body.interview_id,
    )  # fmt: skip
    return QuestionPublic.of(question)


@router.delete("/questions/{question_id}", status_code=204)
async def delete_question(web: WebDep, question_id: PathId) -> Response:
    records.delete_question(web.uow(), question_id)
    return Response(status_code=204)


@router.post("/applications/{application_id}/notes", response_model=NotePublic, status_code=201)
async def add_note(web: WebDep, application_id: PathId, body: NoteCreate) -> NotePublic:
    note = records.write_note(
        web.uow(), application_id, body.text, body.on or web.today(), web.now(), body.private
    )
    return NotePublic.of(note)


@router.put("/notes/{note_id}", response_model=NotePublic)
async def update_note(web: WebDep, note_id: PathId, body: NoteUpdate) -> NotePublic:
    return NotePublic.of(records.update_note(web.uow(), note_id, body.text, private=body.private))


@router.delete("/notes/{note_id}", status_code=204)
async def delete_note(web: WebDep, note_id: PathId) -> Response:
    records.delete_note(web.uow(), note_id)
    return Response(status_code=204)
