"""`nextyes mail import PATH`: bring job email into the journal."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say
from nextyes.cli.params import DATE, DATE_HELP, WholeNumber

if TYPE_CHECKING:
    from nextyes.services.mail.importer import ImportSummary


@click.command("import")
@click.argument("source", metavar="PATH|IMAP-URL")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option(
    "--keep-bodies",
    is_flag=True,
    help="Also store the full text of job emails (by default only a short snippet is kept).",
)
@click.option(
    "--since",
    type=DATE,
    help="IMAP only: read messages from this date on (" + DATE_HELP + ").",
)
@click.option(
    "--workers",
    type=WholeNumber(0, 16),
    default=None,
    help="Worker processes for reading (default: every core for big mailboxes, 0 for small).",
)
@format_option("table", "json")
@pass_app
def import_(
    app: AppContext,
    source: str,
    dry_run: bool,
    keep_bodies: bool,
    since: date | None,
    workers: int | None,
    fmt: str,
) -> None:
    """Update the journal from job email in a mailbox or an IMAP folder.

    PATH is an mbox file (such as a Google Takeout export), a folder of .eml files, a zip of
    .eml or .mbox files, or a Maildir; an IMAP folder is given as imap://you@mail.example.org/INBOX (TLS always; add
    ?starttls for servers on port 143). The IMAP password is asked for, or read from
    NEXTYES_IMAP_PASSWORD; later runs fetch only new messages.

    Confirmations create applications, invitations and offers move them forward (never back),
    rejections are recorded as with `nextyes reject`, and anything uncertain waits for
    `nextyes mail review`. Importing the same mail again changes nothing; an interrupted
    import picks up where it stopped.
    """
    from nextyes.mail.imap import is_imap_url

    imap = is_imap_url(source)
    if not imap and since is not None:
        raise click.UsageError("--since applies to IMAP folders; a mailbox file is read whole.")
    if not dry_run and (imap or Path(source).exists()):
        from nextyes.services.portability.backups import backup_before_import

        backup_before_import(app.settings)  # an SQLite journal is copied first, as for any import
    if imap:
        summary = _from_imap(app, source, since, dry_run, keep_bodies, quiet=fmt == "json")
    else:
        summary = _from_path(app, Path(source), dry_run, keep_bodies, workers, quiet=fmt == "json")
    if fmt == "json":
        emit_json(_summary_json(summary))
    else:
        _print_summary(summary, source)


def _from_path(
    app: AppContext, path: Path, dry_run: bool, keep_bodies: bool, workers: int | None, quiet: bool
) -> ImportSummary:
    from nextyes.services.mail.sources import import_mailbox, mailbox_size

    total = mailbox_size(path) if path.exists() else 0
    with _progress(path.name, total, quiet=quiet, by_bytes=True) as bar:
        return import_mailbox(
            app.uow(), path, app.now(), dry_run=dry_run, keep_bodies=keep_bodies,
            workers=workers, progress=bar.tick,
        )  # fmt: skip


def _from_imap(
    app: AppContext, url: str, since: date | None, dry_run: bool, keep_bodies: bool, quiet: bool
) -> ImportSummary:
    import os

    from nextyes.mail.imap import parse_imap_url
    from nextyes.services.mail.sources import import_imap

    target = parse_imap_url(url)
    password = os.environ.get("NEXTYES_IMAP_PASSWORD")
    if password is None:
        import sys

        if not sys.stdin.isatty():
            raise click.UsageError(
                "No IMAP password: set NEXTYES_IMAP_PASSWORD, or run this on a terminal to type it."
            )
        password = click.prompt(f"Password for {target.user} on {target.host}", hide_input=True)
    with _progress(str(target), 0, quiet=quiet, by_bytes=False) as bar:
        return import_imap(
            app.uow(), target, password, app.now(), since=since, dry_run=dry_run,
            keep_bodies=keep_bodies, cafile=os.environ.get("NEXTYES_IMAP_CAFILE"),
            progress=bar.tick, on_count=bar.set_total,
        )  # fmt: skip


class _progress:
    """A progress bar on stderr (by bytes, or by messages), shown only on a terminal."""

    def __init__(self, name: str, total: int, *, quiet: bool, by_bytes: bool) -> None:
        self.name, self.total, self.quiet, self.by_bytes = name, total, quiet, by_bytes
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> _progress:
        import sys

        if self.quiet or not sys.stderr.isatty():
            return self
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TimeRemainingColumn

        words = content.load("mail/messages")["import"]
        self.bar = Progress(
            "{task.description}", BarColumn(), "{task.percentage:>3.0f}%", TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )  # fmt: skip
        self.bar.start()
        description = content.fill(words["reading"], name=self.name)
        self.task = self.bar.add_task(description, total=self.total or None)
        return self

    def set_total(self, total: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, total=total or None)

    def tick(self, messages: int, size: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, size if self.by_bytes else messages)

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
        "waiting_for_review": summary.waiting,
        "ignored": summary.ignored,
        "labels": dict(summary.labels),
        "cut_short": summary.cut_short,
    }


def _print_summary(summary: ImportSummary, source: str) -> None:
    words = content.load("mail/messages")["import"]
    if summary.dry_run:
        say(words["dry_run"], style="warn")
    if not summary.read:
        say(content.fill(words["nothing"], name=source))
        _say_waiting(summary, words)
        return
    heading = words["heading_one"] if summary.read == 1 else words["heading"]
    say(content.fill(heading, read=summary.read), style="bold")
    lines = [
        ("created", summary.created), ("stage_changes", summary.stage_changes),
        ("rejections", summary.rejections), ("linked", summary.linked),
        ("noted", summary.noted), ("skipped", summary.skipped),
        ("already", summary.already_imported), ("unreadable", summary.unreadable),
    ]  # fmt: skip
    for key, count in lines:
        if count:
            say("  " + content.fill(words[key], count=count))
    if summary.cut_short:
        say(content.fill(words["cut_short"], name=source, where=summary.cut_short), style="warn")
    if summary.invitations:
        say(words["wins"], style="good")
    if not summary.dry_run and summary.created + summary.stage_changes + summary.rejections:
        say(words["applied"], style="dim")
    _say_waiting(summary, words)


def _say_waiting(summary: ImportSummary, words: dict[str, Any]) -> None:
    """What waits in review, every time: this import's messages and any from earlier ones."""
    if not summary.waiting:
        say(words["all_clear"], style="dim")
    elif summary.waiting == summary.review:
        say(content.fill(words["review"], count=summary.waiting), style="warn")
    else:
        key = "review_earlier" if summary.review else "review"
        say(content.fill(words[key], count=summary.waiting, new=summary.review), style="warn")
