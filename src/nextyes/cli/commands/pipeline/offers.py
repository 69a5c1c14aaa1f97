"""`nextyes offer ...` and `nextyes offers`: record offers, compare them, decide, close the rest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_csv, emit_json, emit_table, format_option, say
from nextyes.cli.params import DATE, DATE_AHEAD
from nextyes.domain.offers import (
    OfferTerms,
    PayPeriod,
    WorkPlace,
    describe_pay,
    parse_amount,
)
from nextyes.services.pipeline import offers as service
from nextyes.services.pipeline.offers import ClosingDraft, Decision, OfferView

F = TypeVar("F", bound=Callable[..., Any])
COLUMNS = (
    "application_id", "company", "role", "status", "answer_by", "days_left", "pay_amount",
    "pay_currency", "pay_period", "yearly_pay", "leave_days", "location", "remote", "start_on",
    "notes",
)  # fmt: skip


def term_options(f: F) -> F:
    """The parts of an offer, shared by `offer add` and `offer edit`."""
    options = (
        click.option("--answer-by", type=DATE_AHEAD, help="The day they need your answer by."),
        click.option("--pay", metavar="AMOUNT", help="The pay offered: 65000, 65k, 4200.50."),
        click.option("--currency", metavar="CODE", help="The pay's currency: EUR, GBP, USD..."),
        click.option(
            "--per", "per", type=click.Choice([p.value for p in PayPeriod]), help="Pay period."
        ),
        click.option("--leave", "leave", type=int, metavar="DAYS", help="Paid leave, days a year."),
        click.option("--location", help="Where the job is."),
        click.option(
            "--remote",
            type=click.Choice([w.value for w in WorkPlace]),
            help="Onsite, hybrid or remote.",
        ),
        click.option("--start", "start", type=DATE_AHEAD, help="The start date offered."),
        click.option("--notes", help="Anything else: bonus, equity, conditions, your hunch."),
        click.option(
            "--share-pay/--private-pay",
            "share_pay",
            default=None,
            help="Whether the pay may appear in what you share (private unless you say so).",
        ),
    )
    for option in reversed(options):
        f = option(f)
    return f


def _changes(**given: Any) -> dict[str, Any]:
    """The offer's parts given on the command line, under OfferTerms' names."""
    names = {"per": "pay_period", "leave": "leave_days", "start": "start_on"}
    changes: dict[str, Any] = {}
    for name, value in given.items():
        if value is None:
            continue
        key = names.get(name, name)
        if name == "pay":
            key, value = "pay_amount", parse_amount(value)
        elif name == "currency":
            key = "pay_currency"
        elif name == "per":
            value = PayPeriod(value)
        elif name == "remote":
            value = WorkPlace(value)
        elif name == "share_pay":
            key, value = "pay_private", not value
        changes[key] = value
    return changes


@click.group()
def offer() -> None:
    """Record an offer, then accept or decline it.

    \b
    nextyes offer add ID --answer-by "next friday" --pay 65000 --currency EUR --per year
    nextyes offer edit ID --answer-by 2026-12-04
    nextyes offer accept ID        (offers to close your other applications kindly)
    nextyes offer decline ID
    nextyes offers                 (compare the open ones side by side)
    """


@offer.command(name="add")
@click.argument("application_id", type=int, metavar="ID")
@term_options
@click.option("--on", "on", type=DATE, help="When the offer came (default: today).")
@format_option("text", "json")
@pass_app
def add(app: AppContext, application_id: int, on: date | None, fmt: str, **given: Any) -> None:
    """Record an offer for an application (it moves to the offer stage).

    The pay stays out of anything you share unless you add --share-pay.

    \b
    Example:
      nextyes offer add 12 --answer-by 2026-12-04 --pay 65k --currency EUR --per year --leave 28
    """
    terms = OfferTerms(**_changes(**given))
    view = service.record_offer(
        app.uow(), application_id, terms, app.now(), on=on, origin=app.origin
    )
    _done(view, "new", fmt)


@offer.command()
@click.argument("application_id", type=int, metavar="ID")
@term_options
@format_option("text", "json")
@pass_app
def edit(app: AppContext, application_id: int, fmt: str, **given: Any) -> None:
    """Change an offer's details (only the parts given change)."""
    view = service.update_offer(app.uow(), application_id, _changes(**given), app.now())
    _done(view, "updated", fmt)


def _done(view: OfferView, how: str, fmt: str) -> None:
    if fmt == "json":
        emit_json(offer_json(view))
        return
    words = content.load("pipeline/offers")["recorded"]
    a = view.application
    say(content.fill(words[how], company=a.company, role=a.role))
    if view.offer.terms.answer_by and how == "new":
        say(content.fill(words["answer_by"], day=view.offer.terms.answer_by.isoformat()))
    if view.offer.terms.pay_amount is not None and view.offer.terms.pay_private:
        say(words["private_pay"], style="dim")


@offer.command()
@click.argument("application_id", type=int, metavar="ID")
@click.option("--on", "on", type=DATE, help="When you accepted (default: today).")
@click.option(
    "--close-others/--keep-others",
    "close_others",
    default=None,
    help="Withdraw your other open applications now, each with a kind draft (asked if not given).",
)
@format_option("text", "json")
@pass_app
def accept(
    app: AppContext, application_id: int, on: date | None, close_others: bool | None, fmt: str
) -> None:
    """Accept an offer, and close your other applications kindly.

    Each other open application gets a short draft (withdrawing, or declining an offer they
    made) that keeps the door open. Without --close-others or --keep-others, it asks.
    """
    decision = service.accept_offer(
        app.uow(),
        application_id,
        app.now(),
        on=on,
        close_others=bool(close_others),
        origin=app.origin,
    )
    words = content.load("pipeline/offers")["accepted"]
    if fmt == "json":
        emit_json(decision_json(decision))
        return
    a = decision.offer.application
    say(content.fill(words["done"], company=a.company, role=a.role), style="bold")
    if not decision.others:
        say(words["none_open"])
        return
    say()
    say(content.fill(words["others"], count=len(decision.others)))
    _show_drafts(decision.others)
    if close_others is None:
        try:
            close_others = click.confirm(words["ask"], default=False)
        except click.Abort:
            close_others = False
        if close_others:
            closed = service.close_other_applications(
                app.uow(), application_id, app.now(), origin=app.origin
            )
            decision = Decision(decision.offer, tuple(closed), True)
    if decision.closed:
        say(content.fill(words["withdrawn"], count=len(decision.others)))
    else:
        say(content.fill(words["kept_open"], id=application_id), style="dim")


@offer.command(name="close-others")
@click.argument("application_id", type=int, metavar="ID")
@click.option(
    "--only", "only", type=int, multiple=True, metavar="ID", help="Close just these (repeatable)."
)
@format_option("text", "json")
@pass_app
def close_others(app: AppContext, application_id: int, only: tuple[int, ...], fmt: str) -> None:
    """After accepting offer ID, withdraw the other open applications, each with its draft."""
    closed = service.close_other_applications(
        app.uow(),
        application_id,
        app.now(),
        only=frozenset(only) if only else None,
        origin=app.origin,
    )
    if fmt == "json":
        emit_json([draft_json(d) for d in closed])
        return
    words = content.load("pipeline/offers")["accepted"]
    if not closed:
        say(words["none_open"])
        return
    _show_drafts(closed)
    say(content.fill(words["withdrawn"], count=len(closed)))


@offer.command()
@click.argument("application_id", type=int, metavar="ID")
@click.option("--on", "on", type=DATE, help="When you declined (default: today).")
@format_option("text", "json")
@pass_app
def decline(app: AppContext, application_id: int, on: date | None, fmt: str) -> None:
    """Decline an offer, with a warm note to send them."""
    decision = service.decline_offer(app.uow(), application_id, app.now(), on=on, origin=app.origin)
    if fmt == "json":
        emit_json(decision_json(decision))
        return
    a = decision.offer.application
    words = content.load("pipeline/offers")["declined"]
    say(content.fill(words["done"], company=a.company, role=a.role), style="bold")
    _show_drafts(decision.others)


def _show_drafts(drafts: tuple[ClosingDraft, ...] | list[ClosingDraft]) -> None:
    for draft in drafts:
        a = draft.application
        say()
        say(f"#{a.id} {a.company} · {a.role} ({a.stage.label.lower()})", style="bold")
        if draft.recipient:
            say(f"To: {draft.recipient}", style="dim")
        say(f"Subject: {draft.subject}")
        say(draft.body)
    say()


@click.command()
@click.option("--all", "include_all", is_flag=True, help="Include offers already decided.")
@format_option("table", "json", "csv")
@pass_app
def offers(app: AppContext, include_all: bool, fmt: str) -> None:
    """Compare your open offers side by side."""
    views = service.list_offers(app.uow(), app.today(), include_decided=include_all)
    if fmt == "json":
        emit_json([offer_json(v) for v in views])
        return
    if fmt == "csv":
        emit_csv(COLUMNS, ([offer_json(v)[c] for c in COLUMNS] for v in views))
        return
    words = content.load("pipeline/offers")["compare"]
    if not views:
        say(words["none"])
        return
    rows = [
        ("answer by", [_answer_by(v) for v in views]),
        ("pay", [describe_pay(v.offer.terms) or "-" for v in views]),
        ("a year", [_yearly(v, words["yearly"]) for v in views]),
        ("leave", [f"{v.offer.terms.leave_days} days" if v.offer.terms.leave_days is not None
                   else "-" for v in views]),
        ("where", [_where(v) for v in views]),
        ("start", [v.offer.terms.start_on.isoformat() if v.offer.terms.start_on else "-"
                   for v in views]),
        ("status", [v.offer.status.value if not v.is_open else "open" for v in views]),
        ("notes", [v.offer.terms.notes or "-" for v in views]),
    ]  # fmt: skip
    heads = [f"#{v.application.id} {v.application.company}" for v in views]
    emit_table(
        ("", *heads),
        ([label, *values] for label, values in rows),
        caption=" · ".join(f"#{v.application.id}: {v.application.role}" for v in views),
    )


def _answer_by(view: OfferView) -> str:
    due, left = view.offer.terms.answer_by, view.days_left
    if due is None or left is None:
        return "-"
    if left < 0:
        return f"{due.isoformat()} (passed)"
    return f"{due.isoformat()} ({left} day{'s' if left != 1 else ''} left)"


def _yearly(view: OfferView, template: str) -> str:
    yearly = view.offer.yearly_pay
    if yearly is None:
        return "-"
    currency = f" {view.offer.terms.pay_currency}" if view.offer.terms.pay_currency else ""
    return content.fill(template, amount=f"{yearly:,.0f}{currency}")


def _where(view: OfferView) -> str:
    terms = view.offer.terms
    parts = [p for p in (terms.location, terms.remote.value if terms.remote else None) if p]
    return ", ".join(parts) or "-"


def offer_json(view: OfferView) -> dict[str, Any]:
    terms, a = view.offer.terms, view.application
    return {
        "application_id": a.id, "company": a.company, "role": a.role,
        "status": "open" if view.is_open else (
            view.offer.status.value if not view.offer.is_open else a.stage.value),
        "answer_by": terms.answer_by.isoformat() if terms.answer_by else None,
        "days_left": view.days_left, "pay_amount": _number(terms.pay_amount),
        "pay_currency": terms.pay_currency,
        "pay_period": terms.pay_period.value if terms.pay_period else None,
        "yearly_pay": _number(view.offer.yearly_pay), "pay_private": terms.pay_private,
        "leave_days": terms.leave_days, "location": terms.location,
        "remote": terms.remote.value if terms.remote else None,
        "start_on": terms.start_on.isoformat() if terms.start_on else None,
        "notes": terms.notes,
        "decided_on": view.offer.decided_on.isoformat() if view.offer.decided_on else None,
    }  # fmt: skip


def _number(value: float | None) -> float | int | None:
    return int(value) if value is not None and value == int(value) else value


def draft_json(draft: ClosingDraft) -> dict[str, Any]:
    a = draft.application
    return {
        "application_id": a.id, "company": a.company, "role": a.role, "kind": draft.kind,
        "recipient": draft.recipient, "subject": draft.subject, "body": draft.body,
        "draft_id": draft.draft_id,
    }  # fmt: skip


def decision_json(decision: Decision) -> dict[str, Any]:
    return {
        "offer": offer_json(decision.offer),
        "others": [draft_json(d) for d in decision.others],
        "closed": decision.closed,
    }
