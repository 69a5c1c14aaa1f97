"""`nextyes calendar export`: what is due, for your calendar app."""

from __future__ import annotations

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.files import write_output
from nextyes.cli.params import WholeNumber
from nextyes.errors import InvalidInput
from nextyes.services.today.calendar import DEFAULT_DAYS, MAX_DAYS, export_calendar


@click.group()
def calendar() -> None:
    """Put what is due in your calendar.

    \b
      nextyes calendar export nextyes.ics      then import the file in your calendar
      nextyes calendar export > nextyes.ics    the same, through standard output
    """


@calendar.command()
@click.argument("file", required=False, metavar="[FILE]")
@click.option("--days", type=WholeNumber(1, MAX_DAYS), default=DEFAULT_DAYS, show_default=True,
              help="How far ahead to look.")  # fmt: skip
@click.option("--out", metavar="FILE", help="Write to this file (like every export; same as FILE).")
@pass_app
def export(app: AppContext, file: str | None, days: int, out: str | None) -> None:
    """Write everything due as an iCalendar (.ics) file, or print it without FILE.

    Interviews (with a reminder the day before), follow-ups, the weekly review and more. Each
    event keeps the same id from one export to the next, so importing a newer file updates the
    events instead of adding copies.
    """
    if file and out and file != out:
        raise InvalidInput(content.load("momentum/messages")["calendar_export"]["file_twice"])
    data = export_calendar(app.uow(), app.now(), days=days)
    written = write_output(data, out or file)
    if written is not None:
        words = content.load("momentum/messages")["calendar"]
        click.echo(content.fill(words["written"], path=written), err=True)
