"""`nextyes mail review`: settle the messages an import was not sure about."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.domain.mail_labels import MailLabel

if TYPE_CHECKING:
    from nextyes.domain.mail import StoredMail
    from nextyes.services.mail.importer import Outcome

LABELS = [label.value for label in MailLabel]


@click.command()
@click.argument("message_id", required=False, type=int)
@click.option("--list", "list_only", is_flag=True, help="List the queue and stop.")
@click.option("--accept", is_flag=True, help="Apply the message as it was read.")
@click.option("--ignore", "ignore_", is_flag=True, help="Set the message aside.")
@click.option(
    "--always", is_flag=True, help="With --ignore: also every later message from its sender."
)
@click.option("--label", type=click.Choice(LABELS), help="Correct what the message is.")
@click.option("--application", "application_id", type=int, help="The application it is about.")
@click.option("--company", help="The company it is from (when it is not in your journal yet).")
@format_option("table", "json")
@pass_app
def review(
    app: AppContext,
    message_id: int | None,
    list_only: bool,
    accept: bool,
    ignore_: bool,
    always: bool,
    label: str | None,
    application_id: int | None,
    company: str | None,
    fmt: str,
) -> None:
    """Accept, correct or ignore the messages an import was not sure about.

    Without arguments, walks through the queue one message at a time (on a terminal), or lists
    it. With a message id, settles that message: --accept, --ignore [--always], or a correction
    (--label, --application ID, --company NAME). Each message shows the phrases behind its label.
    A corrected label teaches nextyes to read the next message like it the same way.
    """
    from nextyes.services.mail.review import Correction, ignore, review_queue, settle

    words = content.load("mail/messages")["review"]
    if message_id is None:
        queue = review_queue(app.uow())
        if list_only or fmt == "json" or not _interactive():
            _list(queue, fmt)
            return
        _walk(app, queue)
        return
    if ignore_:
        ignore(app.uow(), message_id, app.now(), always=always)
        say(words["ignored"])
        return
    correction = None
    if label or application_id is not None or company:
        correction = Correction(MailLabel(label) if label else None, application_id, company)
    elif not accept:
        raise click.UsageError(
            "Say what to do: --accept, --ignore, or a correction (--label, --application, --company)."
        )
    outcome = settle(app.uow(), message_id, app.now(), correction=correction)
    say(content.fill(words["accepted"], what=_effect(outcome)))


def _interactive() -> bool:
    import sys

    return sys.stdin.isatty() and sys.stdout.isatty()


def effect_words(effect: str | None, status: str) -> str:
    """What a message did to the journal, in words (`mail review` and `mail applied`)."""
    effects = content.load("mail/messages")["review"]["effects"]
    return str(effects.get(effect or status, effects.get(status, effects["noted"])))


def _effect(outcome: Outcome) -> str:
    return effect_words(outcome.effect, outcome.status.value)


def stored_mail_json(item: StoredMail) -> dict[str, Any]:
    """What every listing of kept mail says of a message (`mail review`, `mail applied`)."""
    return {
        "id": item.id,
        "date": item.received_at.isoformat() if item.received_at else None,
        "from": item.sender,
        "subject": item.subject,
        "label": item.label.value,
        "company": item.company,
        "application_id": item.application_id,
        "why": list(item.why),
    }


def _as_json(item: StoredMail) -> dict[str, Any]:
    return stored_mail_json(item) | {
        "confidence": item.confidence,
        "role": item.role,
        "reason": item.review_reason,
        "snippet": item.snippet,
        "runner_up": item.runner_up.value if item.runner_up else None,
    }


def _list(queue: list[StoredMail], fmt: str) -> None:
    if fmt == "json":
        emit_json([_as_json(item) for item in queue])
        return
    if not queue:
        say(content.load("mail/messages")["review"]["empty"])
        return
    rows = [
        [item.id, item.received_at.date().isoformat() if item.received_at else "",
         item.label.value, item.runner_up.value if item.runner_up else "", item.company or "",
         (item.subject or "")[:50], "; ".join(item.why[:3]), item.review_reason or ""]
        for item in queue
    ]  # fmt: skip
    emit_table(["id", "date", "looks like", "or", "company", "subject", "because of", "note"], rows)


def _walk(app: AppContext, queue: list[StoredMail]) -> None:
    from nextyes.domain.errors import NextyesError
    from nextyes.services.mail.review import Correction, ignore, settle

    words = content.load("mail/messages")["review"]
    if not queue:
        say(words["empty"])
        return
    for index, item in enumerate(queue):
        say()
        say(f"{item.subject or '(no subject)'}", style="bold")
        say(
            f"{item.sender or ''}  {item.received_at:%d %b %Y}"
            if item.received_at
            else item.sender or ""
        )
        if item.snippet:
            say(item.snippet, style="dim")
        say(
            f"Looks like: {item.label.value} ({item.confidence:.0%}), {item.company or 'company unknown'}. {item.review_reason or ''}"
        )
        if item.why:
            say(content.fill(words["why"], phrases="; ".join(item.why)), style="dim")
        choice = click.prompt(
            words["prompt"], type=click.Choice(["a", "c", "i", "s", "q"]), show_choices=False
        )
        try:
            if choice == "q":
                say(content.fill(words["left"], count=len(queue) - index))
                return
            if choice == "s":
                continue
            if choice == "i":
                ignore(app.uow(), item.id, app.now())
                say(words["ignored"])
                continue
            correction = None
            if choice == "c":
                label = click.prompt(
                    content.fill(words["label_prompt"], labels=", ".join(LABELS)),
                    type=click.Choice(LABELS),
                    default=item.label.value,
                    show_choices=False,
                )
                answer = click.prompt(
                    content.fill(words["application_prompt"], company=item.company or "-"),
                    default="",
                    show_default=False,
                ).strip()
                correction = Correction(
                    MailLabel(label),
                    int(answer) if answer.isdigit() else None,
                    answer if answer and not answer.isdigit() else None,
                )
            outcome = settle(app.uow(), item.id, app.now(), correction=correction)
            say(content.fill(words["accepted"], what=_effect(outcome)), style="good")
        except NextyesError as exc:
            say(exc.message, style="warn")
