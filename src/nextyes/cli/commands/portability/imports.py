"""`nextyes import`: bring a journal export or another tracker's spreadsheet in."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, BinaryIO

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say


class ByFileKind(click.Group):
    """`nextyes import FILE.json` is `nextyes import json FILE.json` (and .csv likewise); any
    other first word that is not a kind of file says which kinds there are."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = args[0] if args else ""
        if first and not first.startswith("-") and first not in self.commands:
            kind = PurePath(first).suffix.lower().lstrip(".")
            if kind not in self.commands:
                words = content.load("portability/messages")["import"]
                raise click.UsageError(content.fill(words["which_kind"], file=first), ctx)
            args = [kind, *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, "[json|csv] FILE [OPTIONS]")


@click.group(name="import", cls=ByFileKind)
def import_() -> None:
    """Bring in a journal export (JSON) or applications from a spreadsheet (CSV).

    The kind of file can be left out when its name says it: `nextyes import journal.json`.

    An SQLite journal that already holds something is backed up into your home's backups
    folder before anything is written.
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
    from nextyes.cli.fresh import no_journal_left_if_failed
    from nextyes.services.portability.journal_json import import_journal

    with no_journal_left_if_failed(app):
        done = import_journal(app.journal, file.read(), file.name)
    if fmt == "json":
        emit_json({"imported": done.counts, "backup": str(done.backup) if done.backup else None})
        return
    words = content.load("portability/messages")
    applications = done.counts.get("applications", 0)
    say(content.fill(words["json_import"]["done"], file=file.name,
                     applications=content.counted(words["counts"]["applications"], applications),
                     others=content.counted(words["counts"]["others"], done.total - applications)))  # fmt: skip
    if done.backup:
        say(content.fill(words["json_import"]["backup"], path=done.backup))


@import_.command(name="csv")
@click.argument("file", type=click.File("rb"))
@click.option(
    "--preset", type=click.Choice(["generic", "huntr", "teal"]), default="generic",
    show_default=True, help="Whose column names to expect.",
)  # fmt: skip
@click.option(
    "--map", "mapping", multiple=True, metavar="COLUMN=FIELD",
    help="Read a column as a field (company, role, stage, applied_on, stage_on, source, url, "
    "location, salary, resume_version, cover_letter_version, note, skip). Repeatable.",
)  # fmt: skip
@click.option("--delimiter", default=",", show_default=True, help="What separates the values.")
@click.option("--encoding", help="The file's encoding when it is not UTF-8 (cp1252, latin-1...).")
@click.option(
    "--dates", type=click.Choice(["dmy", "mdy"]),
    help="How to read dates such as 03/04/2026: day first (dmy) or month first (mdy).",
)  # fmt: skip
@click.option("--dry-run", is_flag=True, help="Show what would be imported, and stop.")
@click.option("--yes", "-y", is_flag=True, help="Import without asking after the preview.")
@format_option("text", "json")
@pass_app
def csv_(
    app: AppContext,
    file: BinaryIO,
    preset: str,
    mapping: tuple[str, ...],
    delimiter: str,
    encoding: str | None,
    dates: str | None,
    dry_run: bool,
    yes: bool,
    fmt: str,
) -> None:
    """Bring in applications from a spreadsheet or another tracker's CSV export.

    Shows a preview first: how each column was read, and which rows are new and which are
    already in your journal (those are left alone). Columns nextyes has no field for are kept
    as a note on each application. Nothing is written if any row has a problem.

    \b
    Examples:
      nextyes import csv applications.csv --dry-run
      nextyes import csv huntr-export.csv --preset huntr --yes
      nextyes import csv sheet.csv --map "Employer=company" --map "Vacancy=role" --dates dmy
    """
    from nextyes.cli.commands.portability.preview import show_plan, show_result
    from nextyes.domain.tracker_columns import parse_map_option
    from nextyes.services.portability import csv_import as service

    options = service.CsvOptions(
        preset=preset, mapping=parse_map_option(mapping), delimiter=delimiter,
        encoding=encoding, dates=dates,
    )  # fmt: skip
    plan = service.plan_csv_import(app.uow(), file.read(), file.name, options, app.today())
    if not show_plan(plan, fmt=fmt, dry_run=dry_run, ask=not yes):
        return
    done = service.apply_csv_import(app.journal, plan, app.now())
    show_result(plan, done, fmt=fmt)
