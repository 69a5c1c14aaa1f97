"""`nextyes list`: kept apart from the commands that write, so that it imports only what reading needs."""

from __future__ import annotations

from datetime import date

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_csv, emit_json, emit_table, format_option, say
from nextyes.cli.params import DATE, STAGE
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import OPEN_STAGES, Stage
from nextyes.errors import InvalidInput
from nextyes.services.pipeline.listing import list_applications

LIST_COLUMNS = ("id", "company", "role", "stage", "applied_on", "last_activity_on", "source")


@click.command(name="list")
@click.option(
    "--stage", "stages", type=STAGE, multiple=True, help="Only these stages (repeatable)."
)
@click.option("--active", is_flag=True, help="Only applications still open.")
@click.option("--company", help="Only companies whose name contains this.")
@click.option("--since", type=DATE, help="Only applications from this date on.")
@click.option("--limit", type=int, help="At most this many.")
@click.option("--all", "include_all", is_flag=True, help="Include folded-away noes.")
@format_option("table", "json", "csv")
@pass_app
def list_(
    app: AppContext,
    stages: tuple[Stage, ...],
    active: bool,
    company: str | None,
    since: date | None,
    limit: int | None,
    include_all: bool,
    fmt: str,
) -> None:
    """List applications, most recent first."""
    chosen = tuple(s for s in stages if not active or s in OPEN_STAGES) if stages else ()
    if active and not stages:
        chosen = tuple(s for s in Stage if s in OPEN_STAGES)
    if active and stages and not chosen:
        raise InvalidInput(content.load("pipeline/messages")["list"]["none_open"])
    query = ApplicationQuery(stages=chosen, company=company, since=since, limit=limit)
    page = list_applications(app.uow(), query, include_folded=include_all)
    if fmt == "json":
        from nextyes.cli.views import application_json  # only JSON needs the views

        emit_json([application_json(a) for a in page.items])
        return
    rows = [
        (a.id, a.company, a.role, a.stage.value, a.applied_on.isoformat() if a.applied_on else "",
         a.last_activity_on.isoformat(), a.source or "")
        for a in page.items
    ]  # fmt: skip
    if fmt == "csv":
        emit_csv(LIST_COLUMNS, rows)
        return
    words = content.load("pipeline/messages")["list"]
    if not rows:
        if page.folded:
            say(
                content.fill(
                    content.load("pipeline/messages")["list"]["all_folded"], count=page.folded
                )
            )
            return
        say(words["none"])
        return
    shown = str(len(rows))
    if page.total > len(rows):
        shown = content.fill(words["shown_of"], shown=shown, total=page.total)
    caption = content.fill(words["caption"][0 if page.total == 1 else 1], shown=shown)
    if page.folded:
        caption += content.fill(words["folded"], count=page.folded)
    elif not stages and not include_all and any(a.stage is Stage.REJECTED for a in page.items):
        caption += ". " + content.load("pipeline/messages")["list"]["fold_hint"]
    emit_table(
        ("id", "company", "role", "stage", "applied", "last activity", "source"),
        rows,
        caption=caption,
        justify={"id": "right"},
        no_wrap=("id", "stage", "applied", "last activity"),
    )
