"""/api/v1/applications: log, list, show, edit, move along the pipeline, record a no."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from nextyes.domain.models import NewApplication
from nextyes.domain.postings import NewPosting
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import OPEN_STAGES, Stage
from nextyes.services.pipeline import applications as service
from nextyes.services.pipeline import records
from nextyes.services.pipeline.applications import InterviewDetails
from nextyes.services.pipeline.postings import add_with_posting
from nextyes.services.recovery import cool_down as recovery
from nextyes.web.deps import WebDep
from nextyes.web.schemas.applications import (
    ApplicationCreate,
    ApplicationDetailPublic,
    ApplicationPagePublic,
    ApplicationPublic,
    ApplicationUpdate,
    RejectionCreate,
    RejectionPublic,
    StageChangeCreate,
    StageChangePublic,
    StageEventPublic,
    StagePublic,
)
from nextyes.web.schemas.types import MAX_ID, PathId
from nextyes.web.state import WebState

router = APIRouter(tags=["applications"])


@router.get("/stages", response_model=list[StagePublic])
async def list_stages() -> list[StagePublic]:
    """The pipeline's stages, in order, with the labels people see."""
    return [StagePublic(value=s, label=s.label, open=s.is_open) for s in Stage]


@router.get("/applications", response_model=ApplicationPagePublic)
async def list_applications(
    web: WebDep,
    stage: Annotated[list[Stage], Query(max_length=12)] = [],  # noqa: B006 (FastAPI copies it)
    active: bool = False,
    company: Annotated[str | None, Query(max_length=200)] = None,
    since: date | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    all: bool = False,
) -> ApplicationPagePublic:
    """Applications, most recently active first."""
    stages = [s for s in stage if s in OPEN_STAGES] if active else stage
    if active and not stage:
        stages = [s for s in Stage if s in OPEN_STAGES]
    if active and stage and not stages:
        return ApplicationPagePublic(items=[], total=0, limit=limit, offset=offset, folded=0)
    query = ApplicationQuery(
        stages=tuple(stages), company=company, since=since, limit=limit, offset=offset
    )
    key = (web.version(), query, all)
    return web.cache.get("api:applications", key, lambda: _page(web, query, all))


def _page(web: WebState, query: ApplicationQuery, include_folded: bool) -> ApplicationPagePublic:
    page = service.list_applications(web.uow(), query, include_folded=include_folded)
    return ApplicationPagePublic.model_construct(
        items=[ApplicationPublic.of(a) for a in page.items],
        total=page.total,
        limit=query.limit,
        offset=query.offset,
        folded=page.folded,
    )


@router.post("/applications", response_model=ApplicationPublic, status_code=201)
async def create_application(web: WebDep, body: ApplicationCreate) -> ApplicationPublic:
    """Log an application (or save one to apply for later), with its posting if given."""
    new = NewApplication(
        company=body.company, role=body.role, applied_on=body.applied_on, source=body.source,
        url=body.url, resume_version=body.resume_version,
        cover_letter_version=body.cover_letter_version, location=body.location,
        salary=body.salary, note=body.note, saved_only=body.saved,
        referral_contact_id=body.referral_contact_id,
    )  # fmt: skip
    posting = None
    if body.posting is not None:
        posting = NewPosting(body.posting.text, body.posting.url, body.posting.title)
    return ApplicationPublic.of(
        add_with_posting(web.uow(), new, posting, web.now(), origin=web.origin)
    )


@router.get("/applications/{application_id}", response_model=ApplicationDetailPublic)
async def get_application(web: WebDep, application_id: PathId) -> ApplicationDetailPublic:
    """One application with its timeline, interviews, questions, notes, people and feedback."""
    return ApplicationDetailPublic.of_detail(service.application_detail(web.uow(), application_id))


@router.patch("/applications/{application_id}", response_model=ApplicationPublic)
async def update_application(
    web: WebDep, application_id: PathId, body: ApplicationUpdate
) -> ApplicationPublic:
    """Change an application's details; only the fields given change."""
    changes = body.model_dump(exclude_unset=True)
    app = records.update_application(web.uow(), application_id, changes, web.now())
    return ApplicationPublic.of(app)


@router.delete("/applications/{application_id}", status_code=204)
async def delete_application(web: WebDep, application_id: PathId) -> Response:
    """Remove an application logged by mistake, with everything recorded about it."""
    records.delete_application(web.uow(), application_id)
    return Response(status_code=204)


@router.get("/applications/{application_id}/stages", response_model=list[StageEventPublic])
async def list_stage_events(web: WebDep, application_id: PathId) -> list[StageEventPublic]:
    """The application's timeline, oldest first."""
    detail = service.application_detail(web.uow(), application_id)
    return [StageEventPublic.of(e) for e in detail.events]


@router.post(
    "/applications/{application_id}/stages", response_model=StageChangePublic, status_code=201
)
async def move_application(
    web: WebDep, application_id: PathId, body: StageChangeCreate
) -> StageChangePublic:
    """Move an application to another stage (an interview or assessment may lie ahead)."""
    details = InterviewDetails(
        kind=body.kind, at=body.at, interviewers=tuple(body.interviewers), location=body.location
    )
    outcome = service.move_application(
        web.uow(), application_id, body.stage, body.on or web.today(), web.now(),
        round=body.round, note=body.note, correct=body.correct, details=details, origin=web.origin,
    )  # fmt: skip
    return StageChangePublic(
        application=ApplicationPublic.of(outcome.application),
        event=StageEventPublic.of(outcome.event),
        changed_current=outcome.changed_current,
        interview_id=outcome.interview_id,
        scheduled_on=outcome.scheduled_on,
        message=outcome.message,
    )


@router.post(
    "/applications/{application_id}/rejection", response_model=RejectionPublic, status_code=201
)
async def reject_application(
    web: WebDep, application_id: PathId, body: RejectionCreate
) -> RejectionPublic:
    """Record a no (the stage it came at, the day, what they said) and open its cool-down."""
    done = recovery.reject_and_recover(
        web.uow(), application_id, body.on or web.today(), web.now(), reason=body.reason,
        cool_down=body.cool_down, origin=web.origin,
    )  # fmt: skip
    return RejectionPublic(
        application=ApplicationPublic.of(done.outcome.application),
        event=StageEventPublic.of(done.outcome.event),
        at_stage=done.outcome.at_stage,
        message=done.message.message,
        cool_down=done.message.window,
        cool_down_ends_at=done.window.ends_at if done.window else None,
        suggestions=list(done.message.suggestions),
    )
