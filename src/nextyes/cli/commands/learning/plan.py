"""`nextyes plan`: an improvement plan from recurring themes, with evidence of progress."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.cli.params import DATE
from nextyes.domain.plan import EvidenceKind, PlanItem, PlanKind, PlanStatus
from nextyes.domain.themes import Theme

KINDS = click.Choice([k.value for k in PlanKind])
THEMES = click.Choice([t.value for t in Theme])


def _words() -> dict[str, str]:
    """What `nextyes plan` says, from content/learning/plan.toml."""
    words: dict[str, str] = content.load("learning/plan")
    return words


@click.group(invoke_without_command=True)
@click.pass_context
def plan(ctx: click.Context) -> None:
    """Your improvement plan, and the evidence you're getting better.

    \b
    nextyes plan                          the open items (--all for everything)
    nextyes plan suggest                  ideas for themes that keep coming up
    nextyes plan add KEY|"TITLE"          add a suggestion (by its key) or your own item
    nextyes plan start ID | finish ID | drop ID
    nextyes plan evidence ID "TEXT"       keep something that shows progress
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(show)


@plan.command(name="list")
@click.option("--all", "everything", is_flag=True, help="Include done and dropped items.")
@format_option("table", "json")
@pass_app
def show(app: AppContext, everything: bool, fmt: str) -> None:
    """Show the plan: open items, or every item with --all."""
    from nextyes.services.learning.plan import list_plan

    statuses = () if everything else (PlanStatus.PLANNED, PlanStatus.STARTED)
    items = list_plan(app.uow(), statuses)
    if fmt == "json":
        emit_json([item_json(i) for i in items])
        return
    if not items:
        say(_words()["empty"])
        return
    emit_table(
        ("id", "status", "kind", "theme", "title", "evidence"),
        ((i.id, i.status, i.kind, i.theme or "", i.title, len(i.evidence)) for i in items),
        justify={"id": "right", "evidence": "right"},
    )


@plan.command()
@format_option("table", "json")
@pass_app
def suggest(app: AppContext, fmt: str) -> None:
    """Suggest plan items for themes that keep coming up and are within your control."""
    from nextyes.services.learning.plan import suggest_plan_items

    found = suggest_plan_items(app.uow(), app.today())
    if fmt == "json":
        emit_json([
            {"key": s.action.key, "theme": s.action.theme, "kind": s.action.kind,
             "title": s.action.title, "detail": s.action.detail, "mentions_90_days": s.mentions,
             "because": None if s.because is None else {
                 "on": s.because.on.isoformat(), "text": s.because.text,
                 "feedback_id": s.because.feedback_id,
                 "application_id": s.because.application_id}}
            for s in found
        ])  # fmt: skip
        return
    if not found:
        say(_words()["nothing_to_suggest"])
        return
    for s in found:
        say(f"{s.action.key}  ({s.action.kind}, {s.action.theme})", style="bold")
        say(f"  {s.action.title}")
        say(f"  {s.action.detail}", style="dim")
        if s.because is not None:
            excerpt, day = _excerpt(s.because.text), s.because.on.isoformat()
            say(content.fill(_words()["because"], excerpt=excerpt, day=day), style="dim")
    say(_words()["add_one"])


def _excerpt(text: str, size: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[: size - 1].rstrip() + "…"


@plan.command()
@click.argument("what", metavar='KEY|"TITLE"')
@click.option("--theme", type=THEMES, help="The feedback theme it works on.")
@click.option(
    "--kind", type=KINDS, help="practice (default), learning, materials, networking or skill."
)
@click.option("--detail", help="How you'll go about it.")
@click.option(
    "--from-feedback",
    "feedback_id",
    type=int,
    metavar="ID",
    help="The feedback that prompted it (default: the latest on its theme).",
)
@click.option(
    "--application", "application_id", type=int, metavar="ID", help="The application it came from."
)
@format_option("text", "json")
@pass_app
def add(
    app: AppContext, what: str, theme: str | None, kind: str | None, detail: str | None,
    feedback_id: int | None, application_id: int | None, fmt: str,
) -> None:  # fmt: skip
    """Add a suggested action (by its key) or an item of your own (by its title).

    A skill you're building is an item too: nextyes plan add "SQL window functions" --kind skill
    """
    from nextyes.services.learning.plan import add_plan_item

    item = add_plan_item(
        app.uow(), what, app.today(), app.now(), theme=theme, kind=kind, detail=detail,
        feedback_id=feedback_id, application_id=application_id,
    )  # fmt: skip
    _done(item, fmt, f"Added to your plan as item {item.id}: {item.title}")


@plan.command()
@click.argument("item_id", type=int, metavar="ID")
@click.option("--on", "on", type=DATE, help="When you started (default: today).")
@format_option("text", "json")
@pass_app
def start(app: AppContext, item_id: int, on: date | None, fmt: str) -> None:
    """Mark a plan item as started."""
    item = _move(app, item_id, PlanStatus.STARTED, on)
    _done(item, fmt, f"Started: {item.title}. Small steps count.")


@plan.command()
@click.argument("item_id", type=int, metavar="ID")
@click.option("--evidence", metavar="TEXT", help="What shows it's done (a course, a session ...).")
@click.option("--on", "on", type=DATE, help="When you finished (default: today).")
@format_option("text", "json")
@pass_app
def finish(
    app: AppContext, item_id: int, evidence: str | None, on: date | None, fmt: str
) -> None:  # fmt: skip
    """Mark a plan item as done, with what shows it."""
    item = _move(app, item_id, PlanStatus.DONE, on, evidence)
    _done(item, fmt, f"Done: {item.title}. That's real progress; worth noting as a win.")


@plan.command()
@click.argument("item_id", type=int, metavar="ID")
@click.option("--on", "on", type=DATE, help="When you let it go (default: today).")
@format_option("text", "json")
@pass_app
def drop(app: AppContext, item_id: int, on: date | None, fmt: str) -> None:
    """Drop a plan item that no longer fits. Letting go of the wrong work is progress too."""
    item = _move(app, item_id, PlanStatus.DROPPED, on)
    _done(item, fmt, f"Dropped: {item.title}.")


@plan.command()
@click.argument("item_id", type=int, metavar="ID")
@click.argument("text")
@click.option(
    "--kind",
    "kind",
    type=click.Choice([k.value for k in EvidenceKind]),
    default="note",
    show_default=True,
    help="What sort of evidence it is.",
)
@click.option("--on", "on", type=DATE, help="When (default: today).")
@format_option("text", "json")
@pass_app
def evidence(
    app: AppContext, item_id: int, text: str, kind: str, on: date | None, fmt: str
) -> None:  # fmt: skip
    """Keep something that shows progress on a plan item or skill."""
    from nextyes.services.learning.plan import add_evidence

    item = add_evidence(app.uow(), item_id, text, on or app.today(), app.now(),
                        kind=EvidenceKind(kind))  # fmt: skip
    _done(item, fmt, f"Kept as evidence for item {item.id} ({len(item.evidence)} so far).")


def _move(
    app: AppContext, item_id: int, target: PlanStatus, on: date | None, text: str | None = None
) -> PlanItem:
    from nextyes.services.learning.plan import move_plan_item

    return move_plan_item(app.uow(), item_id, target, on or app.today(), app.now(), evidence=text)


def _done(item: PlanItem, fmt: str, message: str) -> None:
    if fmt == "json":
        emit_json(item_json(item))
    else:
        say(message)


def item_json(item: PlanItem) -> dict[str, Any]:
    return {
        "id": item.id, "title": item.title, "kind": item.kind, "status": item.status,
        "theme": item.theme, "detail": item.detail, "action_key": item.action_key,
        "source_feedback_id": item.source_feedback_id,
        "source_application_id": item.source_application_id,
        "created_on": item.created_on, "started_on": item.started_on,
        "finished_on": item.finished_on, "dropped_on": item.dropped_on,
        "evidence": [{"on": e.on, "text": e.text, "kind": e.kind} for e in item.evidence],
    }  # fmt: skip
