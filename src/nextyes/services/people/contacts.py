"""The network and the support circle: people, what happened with them, follow-ups, referrals."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from nextyes import content
from nextyes.domain.companies import clean_text
from nextyes.domain.contacts import (
    MAX_NOTE,
    ContactChanges,
    Interaction,
    InteractionKind,
    clean_email,
    clean_name,
    in_support_circle,
    parse_interaction_kind,
    parse_relation,
)
from nextyes.domain.errors import Conflict, InvalidInput, NotFound, Words
from nextyes.domain.models import SUPPORT_CIRCLE, Application, Contact, NewContact, Relation
from nextyes.domain.stages import Stage
from nextyes.services.settings.preferences import get_preferences
from nextyes.storage.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class ContactSummary:
    contact: Contact
    last_contact_on: date | None
    in_circle: bool


@dataclass(frozen=True, slots=True)
class ContactDetail:
    contact: Contact
    interactions: tuple[Interaction, ...]
    applications: tuple[tuple[Application, str], ...]
    in_circle: bool
    folded: int = 0  # closed noes left out (the `fold_rejected` setting)


def _said(key: str, **values: object) -> str:
    """A refusal from content/people/messages.toml [problems]."""
    return content.fill(content.load("people/messages")["problems"][key], **values)


def _text(value: str | None, field: str) -> str | None:
    """`value` cleaned, or a refusal naming the field (a key of [problems.what])."""
    text = clean_text(value)
    if text is not None and len(text) > MAX_NOTE:
        what = content.load("people/messages")["problems"]["what"][field]
        raise InvalidInput(_said("too_long", what=what, max=MAX_NOTE))
    return text


def _no_application(application_id: int) -> str:
    problems = content.load("pipeline/messages")["problems"]
    return content.fill(problems["no_application"], id=application_id)


def find_contact(uow: UnitOfWork, ref: str) -> Contact:
    """A contact by id or by name (inside an open uow), or a message saying how to find them."""
    text = str(ref).strip()
    if text.isdigit():
        contact = uow.contacts.get(int(text))
        if contact is None:
            raise NotFound(_said("no_contact", id=text))
        return contact
    if not text:
        raise InvalidInput(_said("say_who"))
    found = uow.contacts.find_by_name(text) or uow.contacts.matching(text)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        ids = ", ".join(f"{c.id} {c.name} ({c.company or c.relation.value})" for c in found)
        raise Conflict(_said("several", text=text, ids=ids))
    raise NotFound(_said("nobody_called", text=text))


def add_contact(
    uow: UnitOfWork,
    name: str,
    now: datetime,
    *,
    relation: str | None = None,
    company: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    how_met: str | None = None,
    notes: str | None = None,
    follow_up_on: date | None = None,
) -> Contact:
    new = NewContact(
        name=clean_name(name),
        relation=parse_relation(relation) if relation else Relation.OTHER,
        company=_text(company, "company"),
        email=clean_email(email),
        phone=_text(phone, "phone"),
        how_met=_text(how_met, "how_met"),
        notes=_text(notes, "note"),
        next_follow_up_on=follow_up_on,
    )
    with uow:
        for same in uow.contacts.find_by_name(new.name):
            if (same.company or "").lower() == (new.company or "").lower():
                raise Conflict(_said("already_known", name=same.name, id=same.id))
        contact_id = uow.contacts.add(new, now)
        contact = uow.contacts.get(contact_id)
        uow.commit()
    assert contact is not None
    return contact


def list_contacts(
    uow: UnitOfWork, *, relation: str | None = None, circle: bool = False
) -> list[ContactSummary]:
    wanted = parse_relation(relation) if relation else None
    with uow:
        last = uow.contacts.last_interactions()
        contacts = uow.contacts.all()
    return [
        ContactSummary(c, last.get(c.id), c.relation in SUPPORT_CIRCLE)
        for c in contacts
        if (wanted is None or c.relation is wanted) and (not circle or c.relation in SUPPORT_CIRCLE)
    ]


def contact_detail(uow: UnitOfWork, ref: str, *, include_folded: bool = False) -> ContactDetail:
    """A contact with their interactions and applications; with the `fold_rejected` setting on,
    closed noes stay out of the applications unless `include_folded` is given."""
    with uow:
        contact = find_contact(uow, ref)
        applications = uow.contacts.applications_of(contact.id)
        fold = not include_folded and get_preferences(uow)["fold_rejected"]
        shown = [(a, r) for a, r in applications if not fold or a.stage is not Stage.REJECTED]
        return ContactDetail(
            contact,
            tuple(uow.contacts.interactions(contact.id)),
            tuple(shown),
            in_support_circle(contact),
            len(applications) - len(shown),
        )


@dataclass(frozen=True, slots=True)
class Logged:
    contact: Contact
    interaction_id: int
    follow_up_on: date | None


def log_interaction(
    uow: UnitOfWork,
    ref: str,
    now: datetime,
    *,
    kind: str | None = None,
    note: str | None = None,
    on: date | None = None,
    application_id: int | None = None,
    follow_up_on: date | None = None,
) -> Logged:
    """Note that you were in touch. A follow-up that was due is done; a new one can be set."""
    today = now.date()
    day = on or today
    if day > today:
        raise InvalidInput(
            _said("contact_ahead", day=day.isoformat()),
            web=Words("people/web", "contact_ahead", {"day": day.isoformat()}),
        )
    if kind is not None and len(kind.split()) > 1:  # `contact log Priya "we talked"`: a note
        note, kind = " ".join(p for p in (kind, note) if p), None
    chosen = parse_interaction_kind(kind) if kind else InteractionKind.MESSAGE
    text = _text(note, "note")
    with uow:
        contact = find_contact(uow, ref)
        if application_id is not None and uow.applications.get(application_id) is None:
            raise NotFound(_no_application(application_id))
        interaction_id = uow.contacts.add_interaction(
            contact.id, day, chosen, text, now, application_id
        )
        follow_up = contact.next_follow_up_on
        if follow_up_on is not None:
            follow_up = follow_up_on
        elif follow_up is not None and follow_up <= day:
            follow_up = None
        if follow_up != contact.next_follow_up_on:
            uow.contacts.set_follow_up(contact.id, follow_up, now)
        if application_id is not None:
            uow.contacts.link(application_id, contact.id, contact.relation.value)
        uow.commit()
    return Logged(replace(contact, next_follow_up_on=follow_up), interaction_id, follow_up)


def edit_contact(uow: UnitOfWork, ref: str, changes: ContactChanges, now: datetime) -> Contact:
    if changes.is_empty():
        raise InvalidInput(_said("nothing_to_change"))
    changes = replace(
        changes,
        name=clean_name(changes.name) if changes.name is not None else None,
        email=clean_email(changes.email) if changes.email is not None else None,
        company=_text(changes.company, "company"),
        phone=_text(changes.phone, "phone"),
        how_met=_text(changes.how_met, "how_met"),
        notes=_text(changes.notes, "note"),
    )
    with uow:
        contact = find_contact(uow, ref)
        uow.contacts.update(contact.id, changes, now)
        updated = uow.contacts.get(contact.id)
        uow.commit()
    assert updated is not None
    return updated


def record_referral(
    uow: UnitOfWork, ref: str, application_id: int, now: datetime, on: date | None = None
) -> tuple[Contact, Application]:
    """`contact refer`: this person referred you for that application (source becomes referral)."""
    day = on or now.date()
    if day > now.date():
        raise InvalidInput(_said("referred_ahead", day=day.isoformat()))
    with uow:
        contact = find_contact(uow, ref)
        application = uow.applications.get(application_id)
        if application is None:
            raise NotFound(_no_application(application_id))
        uow.applications.update_fields(
            application_id, {"referral_contact_id": contact.id, "source": "referral"}, now
        )
        uow.contacts.link(application_id, contact.id, "referrer")
        uow.contacts.add_interaction(contact.id, day, InteractionKind.REFERRAL, None, now,
                                     application_id)  # fmt: skip
        updated = uow.applications.get(application_id)
        uow.commit()
    assert updated is not None
    return contact, updated
