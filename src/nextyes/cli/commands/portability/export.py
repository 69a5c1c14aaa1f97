"""`nextyes export`: your journal in files other programs (and other nextyes) can read."""

from __future__ import annotations

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.files import write_output
from nextyes.cli.output import say

OUT_HELP = "Write to this file instead of standard output."


@click.group()
def export() -> None:
    """Write your journal out: all of it as JSON, or applications as CSV.

    Exports go to standard output unless --out FILE is given.
    """


@export.command(name="json")
@click.option("--out", metavar="FILE", help=OUT_HELP)
@pass_app
def json_(app: AppContext, out: str | None) -> None:
    """The whole journal as one JSON document, for safekeeping or another nextyes.

    The format is versioned and described in docs/export-format.md; `nextyes import json FILE`
    brings it back into an empty journal.
    """
    from nextyes.services.portability.journal_json import export_journal_text

    text, rows = export_journal_text(app.uow(), app.now())
    write_output(text.encode("utf-8"), out)
    if out is not None:
        said = content.load("portability/messages")["exported"]["records"]
        say(content.fill(said, rows=rows, path=out))


@export.command(name="csv")
@click.option(
    "--rows", type=click.Choice(["applications", "stages"]), default="applications",
    show_default=True, help="One row per application, or one per stage change.",
)  # fmt: skip
@click.option("--out", metavar="FILE", help=OUT_HELP)
@pass_app
def csv_(app: AppContext, rows: str, out: str | None) -> None:
    """Applications and their stages as CSV, safe to open in a spreadsheet.

    Cells that start with = + - or @ get a leading quote, so a spreadsheet shows them as text
    instead of running them as formulas. `nextyes import csv` reads the file back.

    CSV is a summary for spreadsheets, not a backup: importing it brings back each
    application and its current stage, with the rest of its history as a note. The backup that
    comes back exactly is `nextyes export json` (or `nextyes backup`).
    """
    from nextyes import content
    from nextyes.services.portability.csv_export import export_csv

    write_output(export_csv(app.uow(), rows).encode("utf-8"), out)
    if out is not None:  # (on standard output, the CSV stays clean for scripts; --help says it)
        said = content.load("portability/messages")["exported"]["csv"]
        say(content.fill(said, rows=rows, path=out))
        say(content.load("portability/messages")["csv_is_a_summary"])
