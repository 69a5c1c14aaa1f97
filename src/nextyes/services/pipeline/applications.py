"""Use cases for applications: log, list, show, move along the pipeline, record a "no"."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from nextyes import content
from nextyes.domain.companies import clean_text, company_key
from nextyes.domain.links import check_link
from nextyes.domain.models import (
    Application,
    ApplicationDetail,
    InterviewKind,
    NewApplication,
    NewInterview,
    NewStageEvent,
    Origin,
    StageEvent,
)
from nextyes.domain.pipeline import plan_move, rejection_stage
from nextyes.domain.stages import ENDINGS, Stage
from nextyes.errors import Conflict, InvalidInput, NotFound, Words
from nextyes.services.pipeline.listing import ApplicationPage as ApplicationPage
from nextyes.services.pipeline.listing import list_applications as list_applications
from nextyes.storage.uow import UnitOfWork

REJECTION_MEMORY = timedelta(days=183)  # "in the last 6 months"
MAX_NAME = 200


def _said(key: str, **values: object) -> str:
    """A refusal about applications, from content/pipeline/messages.toml [problems]."""
    return content.fill(content.load("pipeline/messages")["problems"][key], **values)


def _what(key: str) -> str:
    """What a refusal calls the thing refused ("company name", "a rejection")."""
    what: str = content.load("pipeline/messages")["problems"]["what"][key]
    return what


def get_application(uow: UnitOfWork, application_id: int) -> Application:
    """The application, or a NotFound that says how to find the right id (inside an open uow)."""
    application = uow.applications.get(application_id)
    if application is None:
        raise NotFound(_said("no_application", id=application_id))
    return application


def _required(value: str, field: str, example: str) -> str:
    """`value` cleaned, or a refusal naming the field (a key of [problems.what])."""
    text = clean_text(value)
    what = _what(field)
    if not text:
        raise InvalidInput(
            _said("empty", what=what, example=example),
            web=Words("pipeline/web", "required_empty", {"what": what, "example": example}),
        )
    if len(text) > MAX_NAME:
        raise InvalidInput(_said("too_long", what=what, max=MAX_NAME))
    return text


def _check_not_future(day: date | None, today: date, what: str) -> None:
    """Refuse a day still to come for `what` (a key of [problems.what])."""
    if day is not None and day > today:
        raise InvalidInput(_said("in_future", day=day.isoformat(), what=_what(what)))


@dataclass(frozen=True, slots=True)
class PastRejection:
    application: Application
    event: StageEvent
    feedback: tuple[str, ...]


def earlier_rejections(uow: UnitOfWork, company: str, today: date) -> list[PastRejection]:
    """Noes from this company in the last six months, with what was said, newest first."""
    with uow:
        events = uow.events.rejections_of_company(company_key(company), today - REJECTION_MEMORY)
        apps = uow.applications.get_many([e.application_id for e in events])
        return [
            PastRejection(
                apps[e.application_id],
                e,
                tuple(f.text for f in uow.feedback.for_application(e.application_id)),
            )
            for e in events
        ]


def add_application(
    uow: UnitOfWork, new: NewApplication, now: datetime, *, origin: Origin
) -> Application:
    today = now.date()
    new = replace(
        new,
        company=_required(new.company, "company", '"Acme Robotics"'),
        role=_required(new.role, "role", '"Data Analyst"'),
        source=clean_text(new.source),
        url=check_link(clean_text(new.url)),
        resume_version=clean_text(new.resume_version),
        cover_letter_version=clean_text(new.cover_letter_version),
        note=clean_text(new.note),
    )
    _check_not_future(new.applied_on, today, "application")
    day = new.applied_on or today
    stage = Stage.SAVED if new.saved_only else Stage.APPLIED
    new = replace(new, applied_on=None if new.saved_only else day)
    with uow:
        if (
            new.referral_contact_id is not None
            and uow.contacts.get(new.referral_contact_id) is None
        ):
            raise NotFound(_said("no_contact", id=new.referral_contact_id))
        application_id = uow.applications.add(new, stage=stage, stage_on=day, now=now)
        uow.events.add(NewStageEvent(application_id, stage, day, note=new.note, origin=origin), now)
        application = get_application(uow, application_id)
        uow.commit()
    return application


def application_detail(uow: UnitOfWork, application_id: int) -> ApplicationDetail:
    with uow:
        application = get_application(uow, application_id)
        return ApplicationDetail(
            application=application,
            events=tuple(uow.events.for_application(application_id)),
            interviews=tuple(uow.interviews.for_application(application_id)),
            questions=tuple(uow.questions.for_application(application_id)),
            notes=tuple(uow.notes.for_application(application_id)),
            contacts=tuple(uow.contacts.for_application(application_id)),
            feedback=tuple(uow.feedback.for_application(application_id)),
            cool_downs=tuple(uow.cool_downs.for_application(application_id)),
            feedback_requests=tuple(uow.feedback_requests.for_application(application_id)),
            reflections=tuple(uow.reflections.for_application(application_id)),
            posting=uow.postings.for_application(application_id),
            offer=uow.offers.for_application(application_id),
            drafts=tuple(uow.drafts.for_application(application_id)),
        )


@dataclass(frozen=True, slots=True)
class InterviewDetails:
    kind: InterviewKind | None = None
    at: time | None = None
    interviewers: tuple[str, ...] = ()
    location: str | None = None


@dataclass(frozen=True, slots=True)
class MoveOutcome:
    application: Application
    event: StageEvent
    changed_current: bool
    interview_id: int | None
    scheduled_on: date | None
    message: str


_KIND_FOR_STAGE = {Stage.ASSESSMENT: InterviewKind.ASSESSMENT, Stage.FINAL: InterviewKind.FINAL}


def move_application(
    uow: UnitOfWork,
    application_id: int,
    target: Stage,
    on: date,
    now: datetime,
    *,
    round: int | None = None,
    note: str | None = None,
    note_private: bool = False,
    correct: bool = False,
    details: InterviewDetails | None = None,
    origin: Origin,
) -> MoveOutcome:
    """Move an application to `target`. A note marked private is kept as a private note on the
    application (dated with the move), so it stays out of what is shared and of a coach's view.
    """
    if target is Stage.REJECTED:
        raise InvalidInput(
            _said("reject_by_moving", id=application_id),
            web=Words("pipeline/web", "reject_by_moving"),
        )
    if target is Stage.SAVED and not correct:
        raise InvalidInput(
            _said("back_to_saved"),
            web=Words("pipeline/web", "back_to_saved"),
        )
    today = now.date()
    with uow:
        get_application(uow, application_id)
        events = uow.events.for_application(application_id)
        plan = plan_move(events, target, on, today, correct=correct, round=round)
        event = uow.events.add(
            NewStageEvent(
                application_id,
                target,
                plan.occurred_on,
                from_stage=plan.from_stage,
                round=plan.round,
                note=None if note_private else clean_text(note),
                correction=correct,
                origin=origin,
            ),
            now,
        )
        if plan.changes_current:
            uow.applications.set_stage(
                application_id, target, plan.occurred_on, now, plan.occurred_on
            )
        uow.applications.touch(application_id, plan.occurred_on, now)
        if correct:
            from nextyes.services.momentum.wins import (
                withdraw_taken_back,  # only corrections need it
            )

            withdraw_taken_back(uow, application_id)
        interview_id = None
        if target in (Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL) and not correct:
            details = details or InterviewDetails()
            interview_id = uow.interviews.add(
                NewInterview(
                    application_id=application_id,
                    kind=details.kind or _KIND_FOR_STAGE.get(target, InterviewKind.OTHER),
                    scheduled_on=plan.scheduled_on or plan.occurred_on,
                    round=plan.round,
                    scheduled_time=details.at,
                    location=details.location,
                    interviewers=details.interviewers,
                    notes=None if note_private else clean_text(note),
                ),
                now,
            )
        if note_private and clean_text(note):
            add_note(uow, application_id, str(note), plan.occurred_on, now, private=True)
        application = get_application(uow, application_id)
        uow.commit()
    return MoveOutcome(
        application,
        event,
        plan.changes_current,
        interview_id,
        plan.scheduled_on,
        _move_message(target, plan.changes_current, correct),
    )


def _move_message(target: Stage, changed: bool, correct: bool) -> str:
    from nextyes import content

    words = content.load("pipeline/messages")
    if correct:
        return str(words["moved"]["corrected"])
    if not changed:
        return str(words["moved"]["history"])
    return str(words["moved"].get(target.value, words["moved"]["default"]))


@dataclass(frozen=True, slots=True)
class RejectionOutcome:
    application: Application
    event: StageEvent
    at_stage: Stage


def record_rejection(
    uow: UnitOfWork,
    application_id: int,
    on: date,
    now: datetime,
    *,
    reason: str | None = None,
    origin: Origin,
    source_ref: str | None = None,
) -> RejectionOutcome:
    """Record a "no": the stage it came at, the day, and any reason given."""
    today = now.date()
    _check_not_future(on, today, "rejection")
    with uow:
        application = get_application(uow, application_id)
        if application.stage in ENDINGS:
            company, role = application.company, application.role
            stage, day = application.stage.label.lower(), application.stage_on.isoformat()
            raise Conflict(
                _said("already_ended", id=application_id, company=company, role=role,
                      stage=stage, day=day),
                web=Words("pipeline/web", "already_ended",
                          {"company": company, "stage": stage, "day": day}),
            )  # fmt: skip
        events = uow.events.for_application(application_id)
        plan = plan_move(events, Stage.REJECTED, on, today)
        at_stage = rejection_stage(events)
        event = uow.events.add(
            NewStageEvent(
                application_id,
                Stage.REJECTED,
                plan.occurred_on,
                from_stage=at_stage,
                reason=clean_text(reason),
                origin=origin,
            ),
            now,
            source_ref=source_ref,
        )
        uow.applications.set_stage(
            application_id, Stage.REJECTED, plan.occurred_on, now, plan.occurred_on
        )
        uow.applications.touch(application_id, plan.occurred_on, now)
        application = get_application(uow, application_id)
        uow.commit()
    return RejectionOutcome(application, event, at_stage)


def add_note(
    uow: UnitOfWork, application_id: int, text: str, on: date, now: datetime, private: bool = False
) -> int:
    body = clean_text(text)
    if not body:
        raise InvalidInput(
            _said("note_empty", id=application_id),
            web=Words("pipeline/web", "note_empty"),
        )
    _check_not_future(on, now.date(), "note")
    with uow:
        get_application(uow, application_id)
        note_id = uow.notes.add(application_id, body, on, now, private)
        uow.applications.touch(application_id, on, now)
        uow.commit()
    return note_id
