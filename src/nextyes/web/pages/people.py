"""People: the network and the support circle, what was said when, and who referred you."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextyes.domain.contacts import ContactChanges, InteractionKind, blank_fields
from nextyes.domain.models import Relation
from nextyes.services.people import contacts as service
from nextyes.web import forms
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText
from nextyes.web.rendering import page, redirect, words
from nextyes.web.schemas.types import PathId

router = APIRouter()


@router.get("/contacts", response_class=HTMLResponse)
async def list_contacts(request: Request, web: WebDep) -> HTMLResponse:
    people = service.list_contacts(web.uow())
    return page(request, "contacts.html", {"people": people, "relations": list(Relation)})


@router.post("/contacts")
async def add_contact(
    web: WebDep,
    name: FormText = "",
    relation: FormText = "",
    company: FormText = "",
    email: FormText = "",
    phone: FormText = "",
    how_met: FormText = "",
    follow_up_on: FormText = "",
) -> Response:
    contact = service.add_contact(
        web.uow(), name, web.now(), relation=forms.optional(relation),
        company=forms.optional(company), email=forms.optional(email),
        phone=forms.optional(phone), how_met=forms.optional(how_met),
        follow_up_on=forms.day(follow_up_on, web.today(), ahead=True),
    )  # fmt: skip
    return redirect(f"/contacts/{contact.id}", words("contact_added", name=contact.name))


@router.get("/contacts/{contact_id}", response_class=HTMLResponse)
async def show_contact(request: Request, web: WebDep, contact_id: PathId) -> HTMLResponse:
    detail = service.contact_detail(web.uow(), str(contact_id))
    return page(
        request,
        "contact.html",
        {"d": detail, "c": detail.contact, "relations": list(Relation),
         "kinds": list(InteractionKind)},
    )  # fmt: skip


@router.post("/contacts/{contact_id}/edit")
async def edit_contact(
    web: WebDep,
    contact_id: PathId,
    name: FormText = "",
    relation: FormText = "",
    company: FormText = "",
    email: FormText = "",
    phone: FormText = "",
    how_met: FormText = "",
    notes: FormText = "",
    follow_up_on: FormText = "",
) -> Response:
    """The edit form holds every detail, like the application's: one left empty is cleared."""
    sent = {"company": company, "email": email, "phone": phone, "how_met": how_met,
            "notes": notes, "next_follow_up_on": follow_up_on}  # fmt: skip
    changes = ContactChanges(
        name=forms.optional(name), relation=forms.choice(relation, Relation, "relation"),
        company=forms.optional(company), email=forms.optional(email),
        phone=forms.optional(phone), how_met=forms.optional(how_met),
        notes=forms.optional(notes), next_follow_up_on=forms.day(follow_up_on, web.today(), ahead=True),
        cleared=blank_fields(sent),
    )  # fmt: skip
    service.edit_contact(web.uow(), str(contact_id), changes, web.now())
    return redirect(f"/contacts/{contact_id}", words("contact_updated"))


@router.post("/contacts/{contact_id}/interactions")
async def log_interaction(
    web: WebDep,
    contact_id: PathId,
    kind: FormText = "",
    note: FormText = "",
    on: FormText = "",
    follow_up_on: FormText = "",
) -> Response:
    logged = service.log_interaction(
        web.uow(), str(contact_id), web.now(), kind=forms.optional(kind),
        note=forms.optional(note), on=forms.day(on, web.today()),
        follow_up_on=forms.day(follow_up_on, web.today(), ahead=True),
    )  # fmt: skip
    said = words("interaction", kind=kind or "message", name=logged.contact.name)
    return redirect(f"/contacts/{contact_id}", said)


@router.post("/contacts/{contact_id}/referral")
async def record_referral(
    web: WebDep, contact_id: PathId, application_id: FormText = ""
) -> Response:
    app_id = forms.number(application_id, "application", 1, 2**31 - 1)
    if app_id is None:
        return redirect(f"/contacts/{contact_id}", words("referral_missing"))
    contact, app = service.record_referral(web.uow(), str(contact_id), app_id, web.now())
    return redirect(
        f"/contacts/{contact_id}", words("referral", name=contact.name, company=app.company)
    )
