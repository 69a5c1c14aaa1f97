"""/api/v1/contacts: the people around the search, what was said when, and referrals."""

from __future__ import annotations

from fastapi import APIRouter

from nextyes.domain.contacts import CLEARABLE, ContactChanges, in_support_circle
from nextyes.domain.models import Contact
from nextyes.services.people import contacts as service
from nextyes.web.deps import WebDep
from nextyes.web.schemas.momentum import (
    ContactCreate,
    ContactDetailPublic,
    ContactPublic,
    ContactUpdate,
    InteractionCreate,
    InteractionPublic,
    ReferralCreate,
)
from nextyes.web.schemas.types import PathId

router = APIRouter(tags=["people"])


def _public(c: Contact, in_circle: bool) -> ContactPublic:
    return ContactPublic(
        id=c.id, name=c.name, relation=c.relation, company=c.company, email=c.email,
        phone=c.phone, how_met=c.how_met, notes=c.notes, follow_up_on=c.next_follow_up_on,
        in_support_circle=in_circle,
    )  # fmt: skip


@router.get("/contacts", response_model=list[ContactPublic])
async def list_contacts(web: WebDep) -> list[ContactPublic]:
    return [_public(s.contact, s.in_circle) for s in service.list_contacts(web.uow())]


@router.post("/contacts", response_model=ContactPublic, status_code=201)
async def add_contact(web: WebDep, body: ContactCreate) -> ContactPublic:
    c = service.add_contact(
        web.uow(), body.name, web.now(), relation=body.relation.value, company=body.company,
        email=body.email, phone=body.phone, how_met=body.how_met, notes=body.notes,
        follow_up_on=body.follow_up_on,
    )  # fmt: skip
    return _public(c, in_support_circle(c))


@router.get("/contacts/{contact_id}", response_model=ContactDetailPublic)
async def get_contact(web: WebDep, contact_id: PathId) -> ContactDetailPublic:
    d = service.contact_detail(web.uow(), str(contact_id))
    return ContactDetailPublic(
        **dict(_public(d.contact, d.in_circle)),
        interactions=[
            InteractionPublic(id=i.id, on=i.occurred_on, kind=i.kind, note=i.note,
                              application_id=i.application_id)
            for i in d.interactions
        ],
        application_ids=[a.id for a, _ in d.applications],
    )  # fmt: skip


@router.patch("/contacts/{contact_id}", response_model=ContactPublic)
async def edit_contact(web: WebDep, contact_id: PathId, body: ContactUpdate) -> ContactPublic:
    given = body.model_dump(exclude_unset=True)
    if "follow_up_on" in given:
        given["next_follow_up_on"] = given.pop("follow_up_on")
    cleared = frozenset(key for key, value in given.items() if value is None and key in CLEARABLE)
    changes = ContactChanges(
        **{key: value for key, value in given.items() if value is not None}, cleared=cleared
    )
    c = service.edit_contact(web.uow(), str(contact_id), changes, web.now())
    return _public(c, in_support_circle(c))


@router.post(
    "/contacts/{contact_id}/interactions", response_model=InteractionPublic, status_code=201
)
async def log_interaction(
    web: WebDep, contact_id: PathId, body: InteractionCreate
) -> InteractionPublic:
    logged = service.log_interaction(
        web.uow(), str(contact_id), web.now(), kind=body.kind.value, note=body.note, on=body.on,
        application_id=body.application_id, follow_up_on=body.follow_up_on,
    )  # fmt: skip
    return InteractionPublic(
        id=logged.interaction_id, on=body.on or web.today(), kind=body.kind, note=body.note,
        application_id=body.application_id,
    )  # fmt: skip


@router.post("/contacts/{contact_id}/referrals", response_model=ContactPublic, status_code=201)
async def record_referral(web: WebDep, contact_id: PathId, body: ReferralCreate) -> ContactPublic:
    """They referred you for an application: its source becomes referral."""
    c, _ = service.record_referral(web.uow(), str(contact_id), body.application_id, web.now(),
                                   body.on)  # fmt: skip
    return _public(c, in_support_circle(c))
