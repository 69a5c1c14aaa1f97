"""`nextyes export`: your journal in files other programs (and other nextyes) can read."""

from __future__ import annotations

from pathlib import Path

import click

from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.files import out_option, write_output
from nextyes.cli.output import say, to_json


@click.group()
def export() -> None:
    """Write your journal out: all of it as JSON, or applications as CSV.

    Exports go to standard output unless --out FILE is given.
    """


@export.command(name="json")
@out_option()
@pass_app
def json_(app: AppContext, out: Path | None) -> None:
    """The whole journal as one JSON document, for safekeeping or another nextyes.

    The format is versioned and described in docs/export-format.md; `nextyes import json FILE`
    brings it back into an empty journal.
    """
    from nextyes.services.journal_export import export_journal

    document = export_journal(app.uow(), app.now())
    write_output(to_json(document) + "\n", out)
    if out is not None:
        rows = sum(len(r) for r in document["tables"].values())
        say(f"Exported {rows} records to {out}.")
