"""/api/v1 offers: record, change, compare, accept or decline, close the other applications."""

from __future__ import annotations

from fastapi import APIRouter

from nextyes.domain.offers import OfferTerms
from nextyes.services.pipeline import offers as service
from nextyes.web.deps import WebDep
from nextyes.web.schemas.offers import (
    AcceptanceCreate,
    CloseOthersCreate,
    ClosingDraftPublic,
    DecisionCreate,
    DecisionPublic,
    OfferCreate,
    OfferPublic,
    OfferUpdate,
)
from nextyes.web.schemas.types import PathId

router = APIRouter(tags=["offers"])


@router.get("/offers", response_model=list[OfferPublic])
async def list_offers(web: WebDep, all: bool = False) -> list[OfferPublic]:
    """Open offers, the soonest answer-by date first (`all` adds the decided ones)."""
    views = service.list_offers(web.uow(), web.today(), include_decided=all)
    return [OfferPublic.of(v) for v in views]


@router.post("/applications/{application_id}/offer", response_model=OfferPublic, status_code=201)
async def record_offer(web: WebDep, application_id: PathId, body: OfferCreate) -> OfferPublic:
    """Record an offer; the application moves to the offer stage. A passed answer-by date is
    refused."""
    terms = OfferTerms(**body.model_dump(exclude={"on"}))
    view = service.record_offer(
        web.uow(), application_id, terms, web.now(), on=body.on, origin=web.origin
    )
    return OfferPublic.of(view)


@router.get("/applications/{application_id}/offer", response_model=OfferPublic)
async def get_offer(web: WebDep, application_id: PathId) -> OfferPublic:
    return OfferPublic.of(service.get_offer(web.uow(), application_id, web.today()))


@router.patch("/applications/{application_id}/offer", response_model=OfferPublic)
async def update_offer(web: WebDep, application_id: PathId, body: OfferUpdate) -> OfferPublic:
    """Change an offer's terms: only the parts given."""
    changes = body.model_dump(exclude_unset=True)
    return OfferPublic.of(service.update_offer(web.uow(), application_id, changes, web.now()))


@router.post("/applications/{application_id}/offer/acceptance", response_model=DecisionPublic)
async def accept_offer(
    web: WebDep, application_id: PathId, body: AcceptanceCreate
) -> DecisionPublic:
    """Accept the offer. Each other open application gets a kind draft; with `close_others`
    they are closed in the same step."""
    decision = service.accept_offer(
        web.uow(), application_id, web.now(), on=body.on, close_others=body.close_others,
        origin=web.origin,
    )  # fmt: skip
    return DecisionPublic.of(decision)


@router.post("/applications/{application_id}/offer/decline", response_model=DecisionPublic)
async def decline_offer(
    web: WebDep, application_id: PathId, body: DecisionCreate
) -> DecisionPublic:
    """Decline the offer, with a warm note to send them."""
    decision = service.decline_offer(
        web.uow(), application_id, web.now(), on=body.on, origin=web.origin
    )
    return DecisionPublic.of(decision)


@router.post(
    "/applications/{application_id}/offer/close-others", response_model=list[ClosingDraftPublic]
)
async def close_others(
    web: WebDep, application_id: PathId, body: CloseOthersCreate
) -> list[ClosingDraftPublic]:
    """After accepting this offer: close the other open applications, each draft kept."""
    only = frozenset(body.only) if body.only is not None else None
    closed = service.close_other_applications(
        web.uow(), application_id, web.now(), only=only, origin=web.origin
    )
    return [ClosingDraftPublic.of(d) for d in closed]
