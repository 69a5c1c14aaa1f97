"""`nextyes import`: bring a journal export or another tracker's spreadsheet in."""

from __future__ import annotations

from typing import BinaryIO

import click

from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say


@click.group(name="import")
def import_() -> None:
    """Bring in a journal export (JSON) or applications from a spreadsheet (CSV).

    An SQLite journal is backed up into your home's backups folder before anything is written.
    """


@import_.command(name="json")
@click.argument("file", type=click.File("rb"))
@format_option("text", "json")
@pass_app
def json_(app: AppContext, file: BinaryIO, fmt: str) -> None:
    """Bring a `nextyes export json` file back into an empty journal.

    Everything comes back as it was, ids included. A journal that already holds records is
    refused: import into a new home (`nextyes --home NEW_FOLDER import json FILE`).
    """
    from nextyes.services.journal_export import import_journal

    done = import_journal(app.journal, file.read(), file.name)
    if fmt == "json":
        emit_json({"imported": done.counts, "backup": str(done.backup) if done.backup else None})
        return
    applications = done.counts.get("applications", 0)
    say(f"Imported {applications} applications and {done.total - applications} other records.")
    if done.backup:
        say(f"Your journal as it was before is kept at {done.backup}.")
