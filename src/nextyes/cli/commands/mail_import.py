"""`nextyes mail import PATH`: bring job email into the journal."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say

if TYPE_CHECKING:
    from nextyes.services.mail_import import ImportSummary


@click.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option(
    "--keep-bodies",
    is_flag=True,
    help="Also store the full text of job emails (by default only a short snippet is kept).",
)
@click.option(
    "--workers",
    type=click.IntRange(0, 16),
    default=None,
    help="Worker processes for reading (default: every core for big mailboxes, 0 for small).",
)
@format_option("table", "json")
@pass_app
def import_(
    app: AppContext, path: Path, dry_run: bool, keep_bodies: bool, workers: int | None, fmt: str
) -> None:
    """Update the journal from job email in an mbox, a folder of .eml files or a Maildir.

    Confirmations create applications, invitations and offers move them forward (never back),
    rejections are recorded as with `nextyes reject`, and anything uncertain waits for
    `nextyes mail review`. Importing the same mail again changes nothing; an interrupted
    import picks up where it stopped.
    """
    from nextyes.services.mail_import import import_mailbox, mailbox_size

    with _progress(path, mailbox_size(path) if path.exists() else 0, quiet=fmt == "json") as tick:
        summary = import_mailbox(
            app.uow(),
            path,
            app.now(),
            dry_run=dry_run,
            keep_bodies=keep_bodies,
            workers=workers,
            progress=tick,
        )
    if fmt == "json":
        emit_json(_summary_json(summary))
    else:
        _print_summary(summary, path)


class _progress:
    """A progress bar on stderr (by bytes read), shown only on a terminal."""

    def __init__(self, path: Path, total: int, quiet: bool) -> None:
        self.path, self.total, self.quiet = path, total, quiet
        self.bar: Any = None

    def __enter__(self) -> Any:
        import sys

        if self.quiet or not sys.stderr.isatty() or not self.total:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        words = content.load("mail")["import"]
        self.bar = Progress(
            "{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )  # fmt: skip
        self.bar.start()
        task = self.bar.add_task(content.fill(words["reading"], name=self.path.name), total=None)
        self.bar.update(task, total=self.total)

        def tick(messages: int, size: int) -> None:
            self.bar.advance(task, size)

        return tick

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _summary_json(summary: ImportSummary) -> dict[str, Any]:
    return {
        "dry_run": summary.dry_run,
        "read": summary.read,
        "unreadable": summary.unreadable,
        "already_imported": summary.already_imported,
        "new_applications": summary.created,
        "stage_changes": summary.stage_changes,
        "interview_invitations": summary.invitations,
        "rejections": summary.rejections,
        "linked": summary.linked,
        "noted": summary.noted,
        "skipped": summary.skipped,
        "needs_review": summary.review,
        "ignored": summary.ignored,
        "labels": dict(summary.labels),
    }


def _print_summary(summary: ImportSummary, path: Path) -> None:
    words = content.load("mail")["import"]
    if summary.dry_run:
        say(words["dry_run"], style="warn")
    if not summary.read:
        say(content.fill(words["nothing"], name=path.name))
        return
    say(content.fill(words["heading"], read=summary.read), style="bold")
    lines = [
        ("created", summary.created), ("stage_changes", summary.stage_changes),
        ("rejections", summary.rejections), ("linked", summary.linked),
        ("noted", summary.noted), ("skipped", summary.skipped),
        ("already", summary.already_imported), ("unreadable", summary.unreadable),
    ]  # fmt: skip
    for key, count in lines:
        if count:
            say("  " + content.fill(words[key], count=count))
    if summary.invitations:
        say(words["wins"], style="good")
    if summary.review:
        say(content.fill(words["review"], count=summary.review), style="warn")
    else:
        say(words["all_clear"], style="dim")
