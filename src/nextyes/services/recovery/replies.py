"""The gracious reply after a "no": thank them, keep the door open, keep the people."""

from __future__ import annotations

from datetime import datetime

from nextyes import content
from nextyes.domain.models import Relation
from nextyes.domain.stages import Stage
from nextyes.errors import InvalidInput, Words
from nextyes.services.people.recipients import (
    Recipient,
    interviewer_names,
    keep_contact,
    recipient_for,
)
from nextyes.services.recovery.cool_down import get_rejected_application
from nextyes.services.recovery.feedback_requests import ComposedDraft, rejection_facts, tone_of
from nextyes.services.settings.preferences import get_preferences
from nextyes.storage.uow import UnitOfWork
from nextyes.text.drafts import compose_reply


def draft_reply(
    uow: UnitOfWork,
    application_id: int,
    now: datetime,
    *,
    to: str | None = None,
    email: str | None = None,
    tone: str | None = None,
    ask_future_roles: bool = False,
    connect: bool = False,
) -> ComposedDraft:
    """Draft the reply, and keep everyone involved as contacts tied to the company.

    Needs someone to write to: a person named with `to`, someone on the application, or an
    interviewer recorded on one of its interviews.
    """
    with uow:
        app = get_rejected_application(uow, application_id, "reply")
        recipient = recipient_for(uow, app, to, email)
        name = recipient.name
        if name is None and recipient.email is not None:
            name = recipient.email  # only an address was given: a greeting without a name
        if name is None:
            raise InvalidInput(
                content.fill(
                    content.load("recovery/replies")["said"]["nobody"],
                    id=app.id,
                    company=app.company,
                ),
                web=Words("recovery/web", "reply_to_whom", {"company": app.company}),
            )
        kept: list[str] = []
        interviewers = interviewer_names(uow, app.id)
        if recipient.contact_id is None:
            interviewed = name in interviewers
            contact_id, created = keep_contact(
                uow, app, name, now,
                relation=Relation.INTERVIEWER if interviewed else Relation.OTHER,
                link_role="interviewer" if interviewed else "reply",
                email=recipient.email,
            )  # fmt: skip
            recipient = Recipient(recipient.name, recipient.email, contact_id)
            if created:
                kept.append(name)
        for person in interviewers:
            _, created = keep_contact(
                uow, app, person, now, relation=Relation.INTERVIEWER, link_role="interviewer"
            )
            if created:
                kept.append(person)
        at_stage, _ = rejection_facts(uow, app)
        noes = [e for e in uow.events.for_application(app.id) if e.stage is Stage.REJECTED]
        draft = compose_reply(
            tone=tone_of(tone),
            stage=at_stage.value,
            company=app.company,
            role=app.role,
            contact_name=recipient.name,
            sender_name=str(get_preferences(uow)["your_name"]) or None,
            ask_future_roles=ask_future_roles,
            connect=connect,
            reason=noes[-1].reason if noes else None,
        )
        draft_id = uow.drafts.add(
            app.id, "reply", draft.subject, draft.body, now, recipient=recipient.email
        )
        uow.commit()
    return ComposedDraft(app, "reply", draft, recipient, (), (), draft_id, tuple(kept))
