"""/api/v1: after a no. Drafts (with the lint), feedback and its requests, reflections."""

from __future__ import annotations

from fastapi import APIRouter, Response

from nextyes.mail.drafts import mailto_url
from nextyes.services.recovery import feedback_requests, reflection, replies
from nextyes.services.recovery.feedback_lint import lint_request
from nextyes.text.feedback_lint import Flag
from nextyes.web import forms
from nextyes.web.deps import WebDep
from nextyes.web.schemas.recovery import (
    DraftCreate,
    DraftPublic,
    FeedbackAddedPublic,
    FeedbackCreate,
    FeedbackRequestPublic,
    LintCreate,
    LintFlagPublic,
    ReflectionCreate,
    ReflectionPlanPublic,
    ReflectionPublic,
    ReflectionQuestionPublic,
    ReplyCreate,
    RequestSentCreate,
)
from nextyes.web.schemas.types import PathId

router = APIRouter(tags=["after a no"])


def _flag(f: Flag) -> LintFlagPublic:
    return LintFlagPublic(start=f.start, end=f.end, category=f.category, label=f.label,
                          message=f.message, rewrite=f.rewrite)  # fmt: skip


def _draft(c: feedback_requests.ComposedDraft) -> DraftPublic:
    return DraftPublic(
        kind=c.kind, subject=c.draft.subject, body=c.draft.body, to=c.recipient.name,
        email=c.recipient.email, flags=[_flag(f) for f in c.flags], notes=list(c.notes),
        mailto=mailto_url(subject=c.draft.subject, body=c.draft.body, to=c.recipient.email),
    )  # fmt: skip


@router.post("/feedback/lint", response_model=list[LintFlagPublic])
async def lint(body: LintCreate) -> list[LintFlagPublic]:
    """What to reword in a feedback request: comparisons, demands, blame, pleading, length."""
    return [_flag(f) for f in lint_request(body.text)]


@router.post(
    "/applications/{application_id}/feedback-request-drafts",
    response_model=DraftPublic,
    status_code=201,
)
async def draft_request(web: WebDep, application_id: PathId, body: DraftCreate) -> DraftPublic:
    """Draft a feedback request (or, once it is due, the one follow-up), with the lint's flags."""
    composed = feedback_requests.draft_feedback_request(
        web.uow(), application_id, web.now(), to=body.to, email=body.email,
        tone=body.tone.value, about=body.about,
    )  # fmt: skip
    return _draft(composed)


@router.post(
    "/applications/{application_id}/feedback-requests",
    response_model=FeedbackRequestPublic,
    status_code=201,
)
async def request_sent(
    web: WebDep, application_id: PathId, body: RequestSentCreate
) -> FeedbackRequestPublic:
    """Note that the request (or its one follow-up) went out."""
    sent = feedback_requests.record_request_sent(
        web.uow(), application_id, body.on or web.today(), web.now(), to=body.to,
        email=body.email, tone=body.tone.value if body.tone else None,
    )  # fmt: skip
    r = sent.request
    return FeedbackRequestPublic(
        id=r.id, sent_on=r.sent_on, status=r.status_on(web.today()).value,
        follow_up_on=r.follow_up_on, followed_up_on=r.followed_up_on, follow_up=sent.follow_up,
    )  # fmt: skip


@router.post(
    "/applications/{application_id}/feedback", response_model=FeedbackAddedPublic, status_code=201
)
async def add_feedback(
    web: WebDep, application_id: PathId, body: FeedbackCreate
) -> FeedbackAddedPublic:
    """Keep feedback that came back ("we don't give feedback" closes the request)."""
    added = feedback_requests.add_feedback(
        web.uow(),
        application_id,
        body.text,
        body.on or web.today(),
        web.now(),
        giver=body.giver,
        origin=web.origin,
    )
    return FeedbackAddedPublic(feedback_id=added.feedback_id, declined=added.declined)


@router.post(
    "/applications/{application_id}/reply-drafts", response_model=DraftPublic, status_code=201
)
async def draft_reply(web: WebDep, application_id: PathId, body: ReplyCreate) -> DraftPublic:
    """Draft a gracious reply; the people involved are kept as contacts."""
    composed = replies.draft_reply(
        web.uow(), application_id, web.now(), to=body.to, email=body.email,
        tone=body.tone.value, ask_future_roles=body.ask_future_roles, connect=body.connect,
    )  # fmt: skip
    return _draft(composed)


@router.get("/applications/{application_id}/reflection", response_model=ReflectionPlanPublic)
async def plan_reflection(web: WebDep, application_id: PathId) -> ReflectionPlanPublic:
    """The questions for a short reflection on this no, and the time box."""
    plan = reflection.plan_reflection(web.uow(), application_id)
    return ReflectionPlanPublic(
        minutes=plan.session.minutes, intro=plan.session.intro,
        questions=[ReflectionQuestionPublic(id=q.id, topic=q.topic, text=q.text)
                   for q in plan.session.questions],
        suggested_attributions=plan.suggested,
    )  # fmt: skip


@router.post(
    "/applications/{application_id}/reflections", response_model=ReflectionPublic, status_code=201
)
async def save_reflection(
    web: WebDep, application_id: PathId, body: ReflectionCreate
) -> ReflectionPublic:
    plan = reflection.plan_reflection(web.uow(), application_id, new=body.new)
    answers = reflection.ReflectionAnswers(
        mood_before=body.mood_before, mood_after=body.mood_after, answers=body.answers,
        hard_questions=tuple(body.hard_questions), attributions=body.attributions,
    )  # fmt: skip
    started = forms.moment(body.started_at, web.now())
    r = reflection.save_reflection(
        web.uow(), plan, answers, started_at=started, finished_at=web.now(), now=web.now()
    )
    return ReflectionPublic(
        id=r.id, started_at=r.started_at, finished_at=r.finished_at, mood_before=r.mood_before,
        mood_after=r.mood_after, answers=r.answers, attributions=r.attributions,
    )  # fmt: skip


@router.delete("/reflections/{reflection_id}", status_code=204)
async def delete_reflection(web: WebDep, reflection_id: PathId) -> Response:
    """Remove a reflection (its moods and the hard questions it flagged stay)."""
    reflection.delete_reflection(web.uow(), reflection_id)
    return Response(status_code=204)
