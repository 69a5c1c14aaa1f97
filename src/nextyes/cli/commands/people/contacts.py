"""`nextyes contact`: the people around your search, and your support circle."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.groups import DefaultGroup
from nextyes.cli.output import emit_csv, emit_json, emit_table, format_option, say
from nextyes.cli.params import DATE, DATE_AHEAD
from nextyes.domain.contacts import ContactChanges, blank_fields, parse_relation
from nextyes.domain.dates import describe_day
from nextyes.domain.models import Contact, Relation
from nextyes.services.people import contacts as service

RELATIONS = ", ".join(r.value for r in Relation)
INTERACTIONS_SHOWN = 10


def contact_json(contact: Contact, **extra: Any) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.name,
        "relation": contact.relation.value,
        "company": contact.company,
        "email": contact.email,
        "phone": contact.phone,
        "how_met": contact.how_met,
        "notes": contact.notes,
        "next_follow_up_on": (
            contact.next_follow_up_on.isoformat() if contact.next_follow_up_on else None
        ),
        **extra,
    }


@click.group(cls=DefaultGroup, default_if_empty="list")
def contact() -> None:
    """Your network and support circle.

    Mentors, coaches and friends form your support circle; nextyes suggests reaching out to
    them by name on heavy days. Name a contact by id or by name.

    \b
      nextyes contact add "Priya Natarajan" --relation mentor --company "Lumen Analytics"
      nextyes contact log Priya coffee "talked about analytics teams" --follow-up "in 2 weeks"
      nextyes contact refer Priya 12
    """


@contact.command()
@click.argument("name")
@click.option("--relation", help=f"How you know them: {RELATIONS}.")
@click.option("--company", help="Where they work.")
@click.option("--email", help="Their email address.")
@click.option("--phone", help="Their phone number.")
@click.option("--how-met", help="How you know them, in a few words.")
@click.option("--note", help="Anything worth remembering.")
@click.option("--follow-up", "follow_up", type=DATE_AHEAD, help="When to get back in touch.")
@format_option("text", "json")
@pass_app
def add(
    app: AppContext, name: str, relation: str | None, company: str | None, email: str | None,
    phone: str | None, how_met: str | None, note: str | None, follow_up: date | None, fmt: str,
) -> None:  # fmt: skip
    """Add a person to your network."""
    added = service.add_contact(app.uow(), name, app.now(), relation=relation, company=company,
                                email=email, phone=phone, how_met=how_met, notes=note,
                                follow_up_on=follow_up)  # fmt: skip
    if fmt == "json":
        emit_json(contact_json(added))
        return
    words = content.load("people/messages")
    at = content.fill(words["added_company"], company=added.company) if added.company else ""
    say(content.fill(words["added"], name=added.name, id=added.id, company=at))
    if added.next_follow_up_on:
        say(content.fill(words["next_follow_up"], day=added.next_follow_up_on.isoformat()))
    say(content.fill(words["added_next"], id=added.id), style="dim")


@contact.command(name="list")
@click.option("--relation", help=f"Only this relation: {RELATIONS}.")
@click.option(
    "--circle", is_flag=True, help="Only your support circle (mentors, coaches, friends)."
)
@format_option("table", "json", "csv")
@pass_app
def list_(app: AppContext, relation: str | None, circle: bool, fmt: str) -> None:
    """List your contacts, with when you were last in touch."""
    found = service.list_contacts(app.uow(), relation=relation, circle=circle)
    if fmt == "json":
        emit_json([contact_json(s.contact, last_contact_on=s.last_contact_on,
                                support_circle=s.in_circle) for s in found])  # fmt: skip
        return
    rows = [
        (s.contact.id, s.contact.name, s.contact.relation.value, s.contact.company or "",
         s.last_contact_on.isoformat() if s.last_contact_on else "",
         s.contact.next_follow_up_on.isoformat() if s.contact.next_follow_up_on else "")
        for s in found
    ]  # fmt: skip
    columns = ("id", "name", "relation", "company", "last contact", "follow up")
    if fmt == "csv":
        emit_csv(columns, rows)
        return
    if not rows:
        say(content.load("people/messages")["none"])
        return
    emit_table(columns, rows, justify={"id": "right"}, no_wrap=("id", "last contact", "follow up"))


@contact.command()
@click.argument("who")
@click.option("--all", "include_all", is_flag=True, help="Include folded-away noes.")
@format_option("table", "json")
@pass_app
def show(app: AppContext, who: str, include_all: bool, fmt: str) -> None:
    """Show a contact, your interactions and their applications."""
    detail = service.contact_detail(app.uow(), who, include_folded=include_all)
    if fmt == "json":
        emit_json(contact_json(
            detail.contact, support_circle=detail.in_circle,
            interactions=[{"id": i.id, "on": i.occurred_on, "kind": i.kind.value, "note": i.note,
                           "application_id": i.application_id} for i in detail.interactions],
            applications=[{"id": a.id, "company": a.company, "role": a.role,
                           "stage": a.stage.value, "as": role} for a, role in detail.applications],
        ))  # fmt: skip
        return
    words = content.load("people/messages")
    c = detail.contact
    say(f"#{c.id}  {c.name}", style="bold")
    circle = f" · {words['circle']}" if detail.in_circle else ""
    say(f"  {c.relation.value}{' at ' + c.company if c.company else ''}{circle}")
    for label, value in (("Email", c.email), ("Phone", c.phone), ("How you know them", c.how_met),
                         ("Notes", c.notes)):  # fmt: skip
        if value:
            say(f"  {label}: {value}")
    if c.next_follow_up_on:
        say(f"  Follow up: {c.next_follow_up_on.isoformat()} "
            f"({describe_day(c.next_follow_up_on, app.today())})")  # fmt: skip
    if detail.applications or detail.folded:
        say()
        say("Applications", style="bold")
        for a, role in detail.applications:
            say(f"  #{a.id} {a.company} · {a.role} ({a.stage.label.lower()}) · {role}")
        if detail.folded:
            say("  " + content.fill(words["folded"], count=detail.folded), style="dim")
    say()
    say("Interactions", style="bold")
    if not detail.interactions:
        say("  " + content.fill(words["no_interactions"], id=c.id))
    for i in detail.interactions[:INTERACTIONS_SHOWN]:
        about = f" (#{i.application_id})" if i.application_id else ""
        say(
            f"  • {i.occurred_on.isoformat()} {i.kind.value}{about}"
            + (f": {i.note}" if i.note else "")
        )
    if len(detail.interactions) > INTERACTIONS_SHOWN:
        more = len(detail.interactions) - INTERACTIONS_SHOWN
        say("  " + content.fill(words["more_interactions"], count=more), style="dim")


@contact.command(context_settings={"ignore_unknown_options": True})
@click.argument("who")
@click.argument("kind", required=False)
@click.argument("note", nargs=-1)
@click.option("--on", "on", type=DATE, help="When (default: today).")
@click.option(
    "--about", "application_id", type=int, metavar="ID", help="The application it was about."
)
@click.option("--follow-up", "follow_up", type=DATE_AHEAD, help="When to get back in touch next.")
@format_option("text", "json")
@pass_app
def log(
    app: AppContext, who: str, kind: str | None, note: tuple[str, ...], on: date | None,
    application_id: int | None, follow_up: date | None, fmt: str,
) -> None:  # fmt: skip
    """Log that you were in touch: KIND, then a note.

    KIND is message (the default), email, call, meeting, coffee, event, intro, referral or other.
    A follow-up that was due is done; --follow-up sets the next one.
    """
    logged = service.log_interaction(app.uow(), who, app.now(), kind=kind,
                                     note=" ".join(note) or None, on=on,
                                     application_id=application_id,
                                     follow_up_on=follow_up)  # fmt: skip
    if fmt == "json":
        emit_json(contact_json(logged.contact, interaction_id=logged.interaction_id))
        return
    words = content.load("people/messages")
    text = content.fill(words["logged"], name=logged.contact.name)
    if logged.follow_up_on:
        text += " " + content.fill(words["next_follow_up"], day=logged.follow_up_on.isoformat())
    say(text)


@contact.command()
@click.argument("who")
@click.option("--name", help="Their name.")
@click.option("--relation", help=f"How you know them: {RELATIONS}.")
@click.option("--company", help="Where they work ('' to clear it).")
@click.option("--email", help="Their email address ('' to clear it).")
@click.option("--phone", help="Their phone number ('' to clear it).")
@click.option("--how-met", help="How you know them ('' to clear it).")
@click.option("--note", help="Notes (replaces the old ones; '' clears them).")
@click.option("--follow-up", "follow_up", help="When to get back in touch, or 'none' to clear it.")
@format_option("text", "json")
@pass_app
def edit(
    app: AppContext, who: str, name: str | None, relation: str | None, company: str | None,
    email: str | None, phone: str | None, how_met: str | None, note: str | None,
    follow_up: str | None, fmt: str,
) -> None:  # fmt: skip
    """Change a contact's details or follow-up date.

    \b
      nextyes contact edit Priya --company "Northwind" --follow-up friday
      nextyes contact edit 3 --phone ''          an empty value clears a detail
    """
    if follow_up is not None and follow_up.strip().lower() in ("none", "clear"):
        follow_up = ""
    given = {"company": company, "email": email, "phone": phone, "how_met": how_met,
             "notes": note, "next_follow_up_on": follow_up}  # fmt: skip
    cleared = blank_fields(given)
    kept = {k: None if k in cleared else v for k, v in given.items()}
    day = kept.pop("next_follow_up_on")
    changes = ContactChanges(
        name=name, relation=parse_relation(relation) if relation else None,
        next_follow_up_on=DATE_AHEAD.convert(day, None, None) if day else None, cleared=cleared, **kept,
    )  # fmt: skip
    updated = service.edit_contact(app.uow(), who, changes, app.now())
    if fmt == "json":
        emit_json(contact_json(updated))
        return
    say(content.fill(content.load("people/messages")["updated"], name=updated.name))


@contact.command()
@click.argument("who")
@click.argument("application_id", type=int, metavar="ID")
@click.option("--on", "on", type=DATE, help="When they referred you (default: today).")
@pass_app
def refer(app: AppContext, who: str, application_id: int, on: date | None) -> None:
    """Record that a contact referred you for an application (its source becomes referral)."""
    person, application = service.record_referral(app.uow(), who, application_id, app.now(), on)
    say(content.fill(content.load("people/messages")["referred"], name=person.name,
                     company=application.company, role=application.role))  # fmt: skip
