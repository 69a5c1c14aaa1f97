"""`nextyes db`: database upkeep."""

from __future__ import annotations

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import say


@click.group()
def db() -> None:
    """Database upkeep (PostgreSQL upgrades).

    SQLite journals upgrade themselves when opened; a PostgreSQL database is upgraded on
    purpose, with `nextyes --db postgresql://... db upgrade`.
    """


@db.command()
@pass_app
def upgrade(app: AppContext) -> None:
    """Create or upgrade the database schema to this version of nextyes."""
    from nextyes.services.journal import upgrade_database

    before, after = upgrade_database(app.settings)
    words = content.load("common")["database"]
    if before == after:
        say(content.fill(words["up_to_date"], schema=after))
    elif before is None:
        say(content.fill(words["created"], schema=after))
    else:
        say(content.fill(words["upgraded"], before=before, after=after))
