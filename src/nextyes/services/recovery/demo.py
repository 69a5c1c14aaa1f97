"""Demo data for recovering from a no: past cool-downs, feedback requests at every status,
drafts and replies (with the people kept as contacts), and reflections with moods.

Runs inside the demo's transaction, through the same services the commands use, with each
step dated when the demo person would have taken it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from nextyes import content
from nextyes.domain.cooldown import CoolDownKind, CoolDownSpec, open_window
from nextyes.domain.models import Origin
from nextyes.domain.recovery import RequestStatus
from nextyes.domain.stages import Stage
from nextyes.services.demo.context import DemoContext
from nextyes.services.people.recipients import recipient_for
from nextyes.services.recovery.feedback_requests import (
    add_feedback,
    draft_feedback_request,
    record_request_sent,
)
from nextyes.services.recovery.reflection import ReflectionAnswers, plan_reflection, save_reflection
from nextyes.services.recovery.replies import draft_reply

RECENT = timedelta(days=60)
MOST = 40  # at most this many recent noes get recovery data (the demo can be huge)


def recovery_demo(ctx: DemoContext) -> None:
    words = content.load("recovery/demo")
    noes = _recent_noes(ctx)
    for index, (app_id, heard_on, at_stage) in enumerate(noes):
        _cool_down(ctx, app_id, heard_on)
        talked = at_stage in (Stage.INTERVIEW, Stage.FINAL, Stage.ASSESSMENT)
        age = (ctx.today - heard_on).days
        if talked and age >= 2 and ctx.rng.random() < 0.75:
            _feedback_request(ctx, app_id, heard_on, words, declined=index % 7 == 3)
        if talked and age >= 1 and ctx.rng.random() < 0.5:
            moment = _at(ctx, heard_on + timedelta(days=1), 18)
            draft_reply(
                ctx.uow, app_id, min(moment, ctx.now), to=_reply_to(ctx, app_id),
                ask_future_roles=ctx.rng.random() < 0.6, connect=ctx.rng.random() < 0.4,
            )  # fmt: skip
        if age >= 3 and ctx.rng.random() < 0.6:
            _reflection(ctx, app_id, heard_on, words)


def _reply_to(ctx: DemoContext, app_id: int) -> str | None:
    """Whom the demo person thanks: the application's people, else the recruiter they know.

    After an assessment nobody is named on the application (a test has no interviewers), so
    the reply goes to the recruiter, as a real one would.
    """
    app = ctx.uow.applications.get(app_id)
    if app is None or recipient_for(ctx.uow, app, None).name is not None:
        return None
    recruiter = ctx.contacts.get("recruiter")
    if recruiter is not None:
        return str(recruiter)
    return str(ctx.rng.choice(ctx.words["interviewers"]))


def _recent_noes(ctx: DemoContext) -> list[tuple[int, date, Stage]]:
    found = []
    for app_id in ctx.rejections:
        events = ctx.uow.events.for_application(app_id)
        rejected = [e for e in events if e.stage is Stage.REJECTED]
        if rejected and ctx.today - rejected[-1].occurred_on <= RECENT:
            found.append(
                (app_id, rejected[-1].occurred_on, rejected[-1].from_stage or Stage.APPLIED)
            )
    found.sort(key=lambda n: n[1], reverse=True)
    return found[:MOST]


def _at(ctx: DemoContext, day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ctx.now.tzinfo)


def _cool_down(ctx: DemoContext, app_id: int, heard_on: date) -> None:
    """A window that has already ended (an active one would hold the demo's next steps back)."""
    spec = CoolDownSpec(CoolDownKind.EVENING)
    start = _at(ctx, heard_on, 17)
    window = open_window(spec, now=start)
    if window is not None and window.ends_at < ctx.now:
        ctx.uow.cool_downs.add(app_id, str(spec), window.starts_at, window.ends_at, start)


def _feedback_request(
    ctx: DemoContext, app_id: int, heard_on: date, words: dict[str, Any], *, declined: bool
) -> None:
    rng = ctx.rng
    sent_on = min(heard_on + timedelta(days=rng.choice([1, 2])), ctx.today)
    about = rng.choice(words["about"]) if rng.random() < 0.5 else None
    draft_feedback_request(ctx.uow, app_id, _at(ctx, sent_on, 9), about=about)
    record_request_sent(ctx.uow, app_id, sent_on, _at(ctx, sent_on, 9))
    existing = ctx.uow.feedback.for_application(app_id)
    if declined:
        answer_on = sent_on + timedelta(days=3)
        if answer_on <= ctx.today:
            add_feedback(ctx.uow, app_id, str(words["declined"]), answer_on, _at(ctx, answer_on, 11),
                         giver="recruiter", origin=Origin.DEMO)  # fmt: skip
        return
    request = ctx.uow.feedback_requests.latest_for(app_id)
    if existing and request is not None:  # the demo's feedback came: the request was answered
        answered = existing[-1].received_on
        if answered >= sent_on:
            ctx.uow.feedback_requests.close(request.id, RequestStatus.ANSWERED, answered)
        return
    follow_up_on = sent_on + timedelta(days=7)
    if follow_up_on > ctx.today:
        return  # still waiting
    others = [r for r in ctx.uow.feedback_requests.all() if r.application_id != app_id]
    if not any(r.status is RequestStatus.WAITING for r in others):
        return  # keep one waiting with its follow-up due, so `today` shows it
    record_request_sent(ctx.uow, app_id, follow_up_on, _at(ctx, follow_up_on, 9))
    request = ctx.uow.feedback_requests.latest_for(app_id)
    if request is not None and request.status_on(ctx.today) is RequestStatus.NO_REPLY:
        ctx.uow.feedback_requests.close(request.id, RequestStatus.NO_REPLY, ctx.today)


def _reflection(ctx: DemoContext, app_id: int, heard_on: date, words: dict[str, Any]) -> None:
    rng = ctx.rng
    plan = plan_reflection(ctx.uow, app_id)
    answers_by_topic: dict[str, list[str]] = words["answers"]
    answers = {
        q.id: rng.choice(answers_by_topic[q.topic])
        for q in plan.session.questions
        if q.topic in answers_by_topic and rng.random() < 0.8
    }
    before = rng.choice([1, 2, 2, 3])
    started = _at(ctx, heard_on + timedelta(days=rng.choice([1, 2, 3])), 19)
    save_reflection(
        ctx.uow,
        plan,
        ReflectionAnswers(
            mood_before=before,
            mood_after=min(before + rng.choice([0, 1, 1, 2]), 5),
            answers=answers,
            attributions=dict(plan.suggested),
        ),
        started_at=started,
        finished_at=started + timedelta(minutes=rng.randint(8, plan.minutes)),
        now=started,
    )
