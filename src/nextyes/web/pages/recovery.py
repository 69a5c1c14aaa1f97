"""After a no: the wizard. Cool-down, a feedback request (the lint's marks shown inline), a
gracious reply, a short reflection. Every step can be skipped or left for later."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextyes.domain.recovery import Tone
from nextyes.mail.drafts import mailto_url
from nextyes.services.learning import plan
from nextyes.services.recovery import cool_down as recovery
from nextyes.services.recovery import feedback_requests, reflection, replies
from nextyes.services.recovery import steps as recovery_steps
from nextyes.services.recovery.feedback_lint import lint_request
from nextyes.web import forms
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText
from nextyes.web.lint_marks import marked
from nextyes.web.rendering import page, redirect, words
from nextyes.web.schemas.types import PathId

router = APIRouter()
STEPS = (("cool-down", "Cool-down"), ("request", "Ask for feedback"), ("reply", "Reply"),
         ("reflect", "Reflect"), ("done", "What next"))  # fmt: skip


def _next(step: str) -> str:
    names = [s for s, _ in STEPS]
    return names[min(names.index(step) + 1, len(names) - 1)]


def _step(request: Request, web: WebDep, app_id: int, step: str, **context: object) -> HTMLResponse:
    state = recovery_steps.recovery_state(web.uow(), app_id, web.now())
    values = {"s": state, "a": state.application, "steps": STEPS, "step": step,
              "next_step": _next(step), "tones": list(Tone), **context}  # fmt: skip
    return page(request, "recovery.html", values)


@router.post("/applications/{application_id}/reject")
async def record_rejection(
    web: WebDep, application_id: PathId, on: FormText = "", reason: FormText = "",
    cool_down: FormText = "",
) -> Response:  # fmt: skip
    """Record the no and open its cool-down, then go on to what helps next."""
    done = recovery.reject_and_recover(
        web.uow(), application_id, forms.day(on, web.today()) or web.today(), web.now(),
        reason=forms.optional(reason), cool_down=forms.optional(cool_down), origin=web.origin,
    )  # fmt: skip
    return redirect(f"/applications/{application_id}/recovery/cool-down", done.message.message)


@router.get("/applications/{application_id}/recovery/{step}", response_class=HTMLResponse)
async def wizard(request: Request, web: WebDep, application_id: PathId, step: str) -> Response:
    if step not in dict(STEPS):
        return redirect(f"/applications/{application_id}/recovery/cool-down")
    extra: dict[str, object] = {}
    if step == "reflect":
        extra["plan"] = reflection.plan_reflection(web.uow(), application_id)
        extra["started_at"] = web.now().isoformat()
    if step == "done":
        extra["ideas"] = plan.suggest_plan_items(web.uow(), web.today())
    return _step(request, web, application_id, step, **extra)


@router.post("/applications/{application_id}/recovery/request", response_class=HTMLResponse)
async def draft_request(
    request: Request, web: WebDep, application_id: PathId, tone: FormText = "",
    to: FormText = "", email: FormText = "", about: FormText = "",
) -> HTMLResponse:  # fmt: skip
    composed = feedback_requests.draft_feedback_request(
        web.uow(), application_id, web.now(), to=forms.optional(to),
        email=forms.optional(email), tone=forms.optional(tone), about=forms.optional(about),
    )  # fmt: skip
    return _draft_page(request, web, application_id, "request", composed)


@router.post("/applications/{application_id}/recovery/request/sent")
async def request_sent(
    web: WebDep, application_id: PathId, to: FormText = "", email: FormText = "",
    tone: FormText = "", on: FormText = "",
) -> Response:  # fmt: skip
    sent = feedback_requests.record_request_sent(
        web.uow(), application_id, forms.day(on, web.today()) or web.today(), web.now(),
        to=forms.optional(to), email=forms.optional(email), tone=forms.optional(tone),
    )  # fmt: skip
    said = words("follow_up_sent" if sent.follow_up else "request_sent")
    return redirect(f"/applications/{application_id}/recovery/reply", said)


@router.post("/applications/{application_id}/recovery/reply", response_class=HTMLResponse)
async def draft_reply(
    request: Request, web: WebDep, application_id: PathId, tone: FormText = "",
    to: FormText = "", email: FormText = "", ask_future_roles: FormText = "",
    connect: FormText = "",
) -> HTMLResponse:  # fmt: skip
    composed = replies.draft_reply(
        web.uow(), application_id, web.now(), to=forms.optional(to),
        email=forms.optional(email), tone=forms.optional(tone),
        ask_future_roles=bool(ask_future_roles), connect=bool(connect),
    )  # fmt: skip
    return _draft_page(request, web, application_id, "reply", composed)


def _draft_page(
    request: Request,
    web: WebDep,
    app_id: int,
    step: str,
    composed: feedback_requests.ComposedDraft,
) -> HTMLResponse:
    mailto = mailto_url(
        subject=composed.draft.subject, body=composed.draft.body, to=composed.recipient.email
    )
    return _step(
        request, web, app_id, step, composed=composed, mailto=mailto,
        marks=marked(composed.draft.body, composed.flags),
    )  # fmt: skip


@router.post("/recovery/lint", response_class=HTMLResponse)
async def lint_fragment(text: FormText = "") -> HTMLResponse:
    """The lint's marks for a draft as it is edited (the page's script asks for them)."""
    return HTMLResponse(marked(text, tuple(lint_request(text))))


@router.post("/applications/{application_id}/recovery/reflect")
async def save_reflection(request: Request, web: WebDep, application_id: PathId) -> Response:
    form = await request.form()
    fields = {k: str(v) for k, v in form.items()}
    plan = reflection.plan_reflection(web.uow(), application_id, new=bool(fields.get("new")))
    answers = reflection.ReflectionAnswers(
        mood_before=forms.number(fields.get("mood_before"), "mood before", 1, 5),
        mood_after=forms.number(fields.get("mood_after"), "mood after", 1, 5),
        answers={q.id: fields.get(f"q-{q.id}", "") for q in plan.session.questions},
        hard_questions=tuple(
            line.strip() for line in fields.get("hard_questions", "").splitlines() if line.strip()
        ),
        attributions={t: fields[f"theme-{t}"] for t in plan.suggested if fields.get(f"theme-{t}")},
    )
    started = forms.moment(fields.get("started_at"), web.now())
    reflection.save_reflection(
        web.uow(), plan, answers, started_at=started, finished_at=web.now(), now=web.now()
    )
    return redirect(f"/applications/{application_id}/recovery/done", plan.session.closing)


@router.post("/applications/{application_id}/feedback")
async def add_feedback(
    web: WebDep, application_id: PathId, text: FormText = "", giver: FormText = "",
    on: FormText = "",
) -> Response:  # fmt: skip
    added = feedback_requests.add_feedback(
        web.uow(), application_id, text, forms.day(on, web.today()) or web.today(), web.now(),
        giver=giver or "interviewer", origin=web.origin,
    )  # fmt: skip
    said = words("feedback_declined" if added.declined else "feedback_added")
    return redirect(f"/applications/{application_id}#feedback", said)
