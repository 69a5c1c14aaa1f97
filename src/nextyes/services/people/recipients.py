"""Who a draft after a "no" goes to, and keeping those people as contacts: paths cross again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nextyes import content
from nextyes.domain.companies import clean_text, company_key
from nextyes.domain.models import Application, Contact, NewContact, Relation
from nextyes.errors import Conflict, InvalidInput, NotFound, Words
from nextyes.mail.drafts import check_address
from nextyes.storage.uow import UnitOfWork

# Whom to address first when the application has several people on it.
ROLE_ORDER = ("hiring-manager", "recruiter", "interviewer", "referrer")


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str | None
    email: str | None
    contact_id: int | None = None


def _said(key: str, **values: object) -> str:
    """A refusal about who a draft is to, from content/people/messages.toml [recipients]."""
    return content.fill(content.load("people/messages")["recipients"][key], **values)


def checked_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    try:
        return check_address(email)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


def find_contact(uow: UnitOfWork, app: Application, to: str) -> Contact | None:
    """The contact `to` names (an id, or a name), or None when nobody has that name yet."""
    text = to.strip()
    if not text:
        raise InvalidInput(_said("to_empty"), web=Words("people/web", "to_empty"))
    if text.isdigit():
        contact = uow.contacts.get(int(text))
        if contact is None:
            raise NotFound(
                _said("no_contact", id=text, application=app.id),
                web=Words("people/web", "no_contact", {"id": text}),
            )
        return contact
    matches = uow.contacts.find_by_name(text)
    here = [c for c in matches if c.company and company_key(c.company) == company_key(app.company)]
    candidates = here or matches
    if len(candidates) > 1:
        ids = ", ".join(str(c.id) for c in candidates)
        raise Conflict(
            _said("several_called", name=text, ids=ids, first=candidates[0].id),
            web=Words("people/web", "several_called", {"name": text, "ids": ids}),
        )
    return candidates[0] if candidates else None


def recipient_for(
    uow: UnitOfWork, app: Application, to: str | None, email: str | None = None
) -> Recipient:
    """Who to address: the person named, else the application's people, else its interviewers."""
    address = checked_email(email)
    if to is not None:
        contact = find_contact(uow, app, to)
        if contact is not None:
            return Recipient(contact.name, address or contact.email, contact.id)
        return Recipient(clean_text(to), address)
    linked = uow.contacts.for_application(app.id)
    linked.sort(key=lambda c: ROLE_ORDER.index(c.role) if c.role in ROLE_ORDER else len(ROLE_ORDER))
    if linked:
        contact = linked[0].contact
        return Recipient(contact.name, address or contact.email, contact.id)
    names = interviewer_names(uow, app.id)
    return Recipient(names[0] if names else None, address)


def interviewer_names(uow: UnitOfWork, application_id: int) -> list[str]:
    """Everyone recorded as interviewing for the application, latest interview first."""
    names: list[str] = []
    for interview in reversed(uow.interviews.for_application(application_id)):
        for name in interview.interviewers:
            cleaned = clean_text(name)
            if cleaned and cleaned not in names:
                names.append(cleaned)
    return names


def keep_contact(
    uow: UnitOfWork,
    app: Application,
    name: str,
    now: datetime,
    *,
    relation: Relation,
    link_role: str,
    email: str | None = None,
) -> tuple[int, bool]:
    """The contact for `name` at the application's company, created if new, and linked to the
    application. Returns its id and whether it was created."""
    existing = find_contact(uow, app, name)
    created = existing is None
    if existing is None:
        contact_id = uow.contacts.add(
            NewContact(
                name=name,
                relation=relation,
                company=app.company,
                email=email,
                how_met=content.fill(
                    content.load("recovery/replies")["contacts"]["how_met"],
                    role=app.role,
                    company=app.company,
                ),
            ),
            now,
        )
    else:
        contact_id = existing.id
    uow.contacts.link(app.id, contact_id, link_role)
    return contact_id, created
