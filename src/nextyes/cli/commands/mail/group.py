"""`nextyes mail ...`: read job email from a mailbox on this machine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from nextyes.cli.output import emit_jsonl, emit_table, format_option, say, to_json
from nextyes.services.mail.classify import ClassifiedMail, classify_mailbox


@click.group()
def mail() -> None:
    """Read job email from an mbox, a folder of .eml files or a Maildir.

    Everything happens on this machine: no message is sent anywhere.
    """


def _row(item: ClassifiedMail) -> dict[str, Any]:
    return {
        "message_id": item.message_id,
        "date": item.date.isoformat() if item.date else None,
        "from": item.sender,
        "subject": item.subject,
        "label": item.label.value,
        "confidence": item.confidence,
        "company": item.company,
        "role": item.role,
        "band": item.band.value,
        "runner_up": item.runner_up.value if item.runner_up else None,
        "why": list(item.why),
    }


@mail.command()
@click.argument("path", type=click.Path(path_type=Path))
@format_option("table", "jsonl", "json")
def classify(path: Path, fmt: str) -> None:
    """Label each message of a mailbox (nothing is written to the journal).

    PATH is an mbox file (such as a Google Takeout export, .gz accepted), a folder of .eml
    files, or a Maildir. Labels: application_received, interview, assessment, rejection,
    offer, recruiter_outreach, unrelated.
    """
    from nextyes.mail.readers import ReadStats

    stats = ReadStats()
    rows = (_row(item) for item in classify_mailbox(path, stats))
    if fmt == "jsonl":
        emit_jsonl(rows)
    elif fmt == "json":
        click.echo(to_json(list(rows)))
    else:
        columns = ["date", "label", "confidence", "company", "subject"]
        table = [
            [(r["date"] or "")[:10], r["label"], f"{r['confidence']:.2f}", r["company"] or "",
             r["subject"][:60]]
            for r in rows
        ]  # fmt: skip
        emit_table(columns, table, no_wrap=("date", "label"))
        say(f"{stats.read} messages read.", style="dim")
    if stats.unreadable:
        click.echo(f"{stats.unreadable} messages could not be decoded and were skipped.", err=True)


def _register() -> None:
    from nextyes.cli.commands.mail.applied import applied
    from nextyes.cli.commands.mail.importing import import_
    from nextyes.cli.commands.mail.review import review

    mail.add_command(import_, "import")
    mail.add_command(review, "review")
    mail.add_command(applied, "applied")


_register()
