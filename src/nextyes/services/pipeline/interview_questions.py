"""Questions asked in an interview, and which of them were hard (those go on the practice list)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from nextyes import content
from nextyes.domain.companies import clean_text
from nextyes.domain.models import Application, Interview, Question
from nextyes.errors import InvalidInput, NotFound
from nextyes.services.pipeline.applications import get_application
from nextyes.storage.uow import UnitOfWork

MAX_QUESTION = 1_000


@dataclass(frozen=True, slots=True)
class InterviewQuestions:
    application: Application
    interview: Interview
    questions: tuple[Question, ...]


def interview_questions(uow: UnitOfWork, interview_id: int) -> InterviewQuestions:
    with uow:
        return _load(uow, interview_id)


def record_questions(
    uow: UnitOfWork,
    interview_id: int,
    now: datetime,
    *,
    asked: Sequence[str] = (),
    hard: Sequence[str] = (),
    mark_hard: Sequence[int] = (),
    not_hard: Sequence[int] = (),
) -> InterviewQuestions:
    """Add questions (`hard` ones flagged for practice) and change the flag on existing ones."""
    new = [(t, False) for t in _texts(asked)] + [(t, True) for t in _texts(hard)]
    with uow:
        current = _load(uow, interview_id)
        ids = {q.id for q in current.questions}
        for question_id in (*mark_hard, *not_hard):
            if question_id not in ids:
                raise NotFound(_said("no_question", interview=interview_id, question=question_id))
        existing = {q.text.casefold(): q for q in current.questions}
        for text, is_hard in new:
            same = existing.get(text.casefold())
            if same is not None:
                if is_hard and not same.hard:
                    uow.questions.set_hard(same.id, True)
                continue
            uow.questions.add(
                current.application.id, text, now, interview_id=interview_id, hard=is_hard
            )
        for question_id in mark_hard:
            uow.questions.set_hard(question_id, True)
        for question_id in not_hard:
            uow.questions.set_hard(question_id, False)
        result = _load(uow, interview_id)
        uow.commit()
    return result


def _texts(texts: Sequence[str]) -> list[str]:
    cleaned = []
    for text in texts:
        value = clean_text(text)
        if not value:
            raise InvalidInput(_said("empty"))
        if len(value) > MAX_QUESTION:
            raise InvalidInput(_said("too_long", max=f"{MAX_QUESTION:,}"))
        cleaned.append(value)
    return cleaned


def _said(key: str, **values: object) -> str:
    """A refusal from content/pipeline/messages.toml [interview_questions]."""
    return content.fill(content.load("pipeline/messages")["interview_questions"][key], **values)


def _load(uow: UnitOfWork, interview_id: int) -> InterviewQuestions:
    interview = uow.interviews.get(interview_id)
    if interview is None:
        raise NotFound(_said("no_interview", id=interview_id))
    application = get_application(uow, interview.application_id)
    questions = tuple(
        q for q in uow.questions.for_application(application.id) if q.interview_id == interview_id
    )
    return InterviewQuestions(application, interview, questions)
