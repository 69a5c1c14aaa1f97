"""`nextyes win`: small wins, logged by you or found in your journal."""

from __future__ import annotations

from datetime import date

import click

from nextyes import content
from nextyes.cli.commands.momentum.views import win_json
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.groups import DefaultGroup
from nextyes.cli.output import emit_csv, emit_json, emit_table, format_option, say
from nextyes.cli.params import DATE
from nextyes.services.momentum import wins as service


@click.group(cls=DefaultGroup, default="add", default_if_empty="list")
def win() -> None:
    """Log a small win, or list them.

    Wins are also found for you: an invitation to interview, a stage further than ever before,
    something good said in feedback, a new contact or a referral, a plan item finished, a weekly
    goal met, and the first application after a no.

    \b
      nextyes win "Nailed the system design question"
      nextyes win list --since "2 weeks ago"
    """


@win.command(context_settings={"ignore_unknown_options": True})
@click.argument("text", nargs=-1, required=True)
@click.option("--on", "on", type=DATE, help="When it happened (default: today).")
@click.option(
    "--about", "application_id", type=int, metavar="ID", help="The application it is about."
)
@format_option("text", "json")
@pass_app
def add(
    app: AppContext, text: tuple[str, ...], on: date | None, application_id: int | None, fmt: str
) -> None:
    """Log a win: something that went well, however small."""
    logged = service.record_win(
        app.uow(), " ".join(text), on or app.today(), app.now(), application_id
    )
    if fmt == "json":
        emit_json(win_json(logged))
        return
    say(content.load("momentum/messages")["wins"]["recorded"])


@win.command(name="list")
@click.option("--since", type=DATE, help="Only wins from this date on.")
@click.option("--limit", type=int, help="At most this many.")
@format_option("table", "json", "csv")
@pass_app
def list_(app: AppContext, since: date | None, limit: int | None, fmt: str) -> None:
    """List wins, newest first (yours and the ones found for you)."""
    wins = service.list_wins(app.uow(), app.now(), since=since, limit=limit)
    if fmt == "json":
        emit_json([win_json(w) for w in wins])
        return
    rows = [(w.id, w.occurred_on.isoformat(), w.text, "found" if w.automatic else "yours")
            for w in wins]  # fmt: skip
    if fmt == "csv":
        emit_csv(("id", "on", "text", "source"), rows)
        return
    if not rows:
        say(content.load("momentum/messages")["wins"]["none"])
        return
    emit_table(("id", "on", "win", "source"), rows, justify={"id": "right"},
               no_wrap=("id", "on"), caption=f"{len(rows)} wins")  # fmt: skip
