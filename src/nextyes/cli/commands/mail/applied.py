"""`nextyes mail applied`: the mail nextyes was sure about, and correcting what it read wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from nextyes import content
from nextyes.cli.commands.mail.review import effect_words, stored_mail_json
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.domain.errors import InvalidInput
from nextyes.domain.mail_labels import MailLabel

if TYPE_CHECKING:
    from nextyes.domain.mail import MailCorrection, MailReading, StoredMail
    from nextyes.services.mail.correcting import Undo

LABELS = [label.value for label in MailLabel]


@click.command()
@click.argument("message_id", required=False, type=int)
@click.option("--label", type=click.Choice(LABELS), help="What the message really is.")
@click.option("--application", "application_id", type=int, help="The application it is about.")
@click.option("--company", help="The company it is from (when it is not in your journal yet).")
@click.option("--yes", "-y", is_flag=True, help="Don't ask first, even when something you added since depends on it (for scripts).")  # fmt: skip
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="How many messages to list.")  # fmt: skip
@format_option("table", "json")
@pass_app
def applied(
    app: AppContext,
    message_id: int | None,
    label: str | None,
    application_id: int | None,
    company: str | None,
    yes: bool,
    limit: int,
    fmt: str,
) -> None:
    """List the mail nextyes applied to your journal, or correct one it read wrong.

    Without arguments, lists applied messages, newest first, with what each changed. With a
    message id and a correction (--label, --application ID, --company NAME), takes back exactly
    what that message changed (the step, rejection, interview or application it recorded),
    applies it as corrected, and remembers the correction for mail like it. What you added or
    changed since is kept; when some of it depends on what is taken back, nextyes says what
    will and will not be undone and asks first (--yes goes ahead without asking).
    """
    from nextyes.services.mail.correcting import applied_mail, correct_applied, plan_correction
    from nextyes.services.mail.review import Correction

    words = content.load("mail/messages")["correct"]
    if message_id is None:
        _list(applied_mail(app.uow(), limit), fmt)
        return
    if not (label or application_id is not None or company):
        raise InvalidInput(words["say_what"])
    correction = Correction(MailLabel(label) if label else None, application_id, company)
    confirmed = yes
    if fmt == "table":
        undo = plan_correction(app.uow(), message_id, correction)
        _show(undo)
        if undo.needs_confirmation and not yes and _interactive():
            if not _confirm(words["confirm"]):
                raise InvalidInput(words["stopped"])
            confirmed = True
    done = correct_applied(app.uow(), message_id, app.now(), correction, confirmed=confirmed)
    if fmt == "json":
        emit_json(
            {"id": message_id, "status": done.outcome.status.value, "effect": done.outcome.effect,
             "application_id": done.outcome.application_id, "undone": list(done.undo.undone),
             "kept": list(done.undo.kept)}
        )  # fmt: skip
        return
    say(
        content.fill(
            words["done"], what=effect_words(done.outcome.effect, done.outcome.status.value)
        )
    )
    if label:
        say(words["remembered"], style="dim")


def _interactive() -> bool:
    import sys

    return sys.stdin.isatty() and sys.stdout.isatty()


def _confirm(question: str) -> bool:
    try:
        return click.confirm(question, default=False, err=True)
    except click.Abort:
        return False


def _show(undo: Undo) -> None:
    words = content.load("mail/messages")["correct"]
    if undo.undone:
        say(words["will_undo"], style="bold")
        for line in undo.undone:
            say(f"  - {line}")
    else:
        say(words["nothing_to_undo"])
    if undo.kept:
        say(words["will_keep"], style="bold")
        for line in undo.kept:
            say(f"  - {line}")


def _as_json(item: StoredMail) -> dict[str, Any]:
    return stored_mail_json(item) | {
        "status": item.status.value,
        "effect": item.effect,
        "corrected_at": item.corrected_at.isoformat() if item.corrected_at else None,
        "corrections": [_correction_json(c) for c in item.corrections],
    }


def _reading_json(reading: MailReading) -> dict[str, Any]:
    return {"label": reading.label.value, "status": reading.status.value,
            "application_id": reading.application_id, "company": reading.company,
            "effect": reading.effect}  # fmt: skip


def _correction_json(correction: MailCorrection) -> dict[str, Any]:
    return {"at": correction.at.isoformat(), "from": _reading_json(correction.before),
            "to": _reading_json(correction.after), "undone": list(correction.undone),
            "kept": list(correction.kept)}  # fmt: skip


def _list(items: list[StoredMail], fmt: str) -> None:
    words = content.load("mail/messages")["correct"]
    if fmt == "json":
        emit_json([_as_json(item) for item in items])
        return
    if not items:
        say(words["empty"])
        return
    say(words["heading"], style="dim")
    rows = [
        [item.id, item.received_at.date().isoformat() if item.received_at else "",
         item.label.value, effect_words(item.effect, item.status.value),
         f"#{item.application_id}" if item.application_id else "", (item.subject or "")[:50],
         "; ".join(item.why[:3])]
        for item in items
    ]  # fmt: skip
    headers = ["id", "date", "read as", "what it did", "application", "subject", "because of"]
    if any(item.corrected_at for item in items):  # a column only when something was corrected
        headers.append("corrected")
        for row, item in zip(rows, items, strict=True):
            row.append(item.corrected_at.date().isoformat() if item.corrected_at else "")
    emit_table(headers, rows)
