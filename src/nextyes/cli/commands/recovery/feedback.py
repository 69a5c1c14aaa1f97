"""`nextyes feedback`: ask for feedback after a no, record what was sent and what came back.

Each subcommand is its own function, so other features add theirs (`classify`) beside them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.cli.params import DATE, DURATION
from nextyes.domain.recovery import FeedbackRequest, Tone
from nextyes.errors import InvalidInput

if TYPE_CHECKING:
    from nextyes.services.learning.feedback_themes import ClassifiedFeedback
    from nextyes.services.recovery.feedback_requests import ComposedDraft

TONES = click.Choice([t.value for t in Tone])
AS_CHOICES = click.Choice(["text", "mailto", "eml"])
F = TypeVar("F", bound=Callable[..., Any])


def _said(key: str, **values: object) -> str:
    """What `nextyes feedback` says, from content/recovery/feedback_requests.toml [said]."""
    return content.fill(content.load("recovery/feedback_requests")["said"][key], **values)


def draft_output_options(f: F) -> F:
    """--as text|mailto|eml and --out FILE, shared by every command that drafts an email."""
    f = click.option(
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Where to write the .eml (default: drafts/ in your home).",
    )(f)
    return click.option(
        "--as",
        "as_",
        type=AS_CHOICES,
        default="text",
        show_default=True,
        help="Print it, print a mailto: link, or write an .eml draft.",
    )(f)


@click.group()
def feedback() -> None:
    """Ask for feedback after a no, and keep what comes back.

    \b
    nextyes feedback request 12          draft a short, kind request to send yourself
    nextyes feedback sent 12             record that you sent it (a follow-up is suggested later)
    nextyes feedback add 12 "TEXT"       keep what they said
    nextyes feedback lint draft.txt      check your own wording before you send it
    nextyes feedback classify notes.jsonl   find the themes in feedback (JSON lines)
    """


@feedback.command()
@click.argument("application_id", type=int, metavar="ID")
@click.option("--to", "to", metavar="CONTACT", help="Who to write to: a contact's name or id.")
@click.option("--email", help="Their email address (for --as mailto or eml).")
@click.option("--tone", type=TONES, help="warm (default), formal or brief.")
@click.option(
    "--about",
    metavar="TEXT",
    help='Something from the interview to mention, e.g. "the SQL case study".',
)
@draft_output_options
@format_option("text", "json")
@pass_app
def request(
    app: AppContext, application_id: int, to: str | None, email: str | None, tone: str | None,
    about: str | None, as_: str, out: Path | None, fmt: str,
) -> None:  # fmt: skip
    """Draft a feedback request for an application that ended in a no.

    Short, grateful and about your own performance; it knows the stage you reached (after an
    application screen it asks one light question, after a final round a few specific ones).
    Once the request is a week old with no answer, this drafts the one gentle follow-up instead.
    Nothing is sent: you send it from your own mail app, then run `nextyes feedback sent ID`.
    """
    from nextyes.services.recovery.feedback_requests import draft_feedback_request, export_draft

    composed = draft_feedback_request(
        app.uow(), application_id, app.now(), to=to, email=email, tone=tone, about=about
    )
    path = out or app.settings.home / "drafts" / f"{application_id}-{composed.kind}.eml"
    shown = export_draft(composed, as_, path=path if as_ == "eml" else None, now=app.now())
    if fmt == "json":
        emit_json(draft_json(composed, as_, shown))
        return
    _show_draft(composed.notes, as_, shown)
    if _interactive() and click.confirm(_said("did_you_send"), default=False):
        from nextyes.services.recovery.feedback_requests import record_request_sent

        record_request_sent(app.uow(), application_id, app.today(), app.now(), to=to, tone=tone)
        say(_said("recorded"))
    else:
        click.echo(_said("when_sent", id=application_id), err=True)


def draft_json(composed: ComposedDraft, as_: str, shown: str) -> dict[str, Any]:
    return {
        "application_id": composed.application.id,
        "kind": composed.kind,
        "to": {"name": composed.recipient.name, "email": composed.recipient.email},
        "subject": composed.draft.subject,
        "body": composed.draft.body,
        "as": as_,
        "output": shown,
        "flags": [f.as_dict() for f in composed.flags],
        "notes": list(composed.notes),
        "kept_contacts": list(composed.kept_contacts),
    }


def _show_draft(notes: tuple[str, ...], as_: str, shown: str) -> None:
    """The draft (or the mailto: link) alone on stdout, so it can be piped; notes on stderr."""
    for note in notes:
        click.echo(note, err=True)
    if as_ == "eml":
        say(_said("draft_written", path=shown))
    else:
        click.echo(shown)


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@feedback.command()
@click.argument("application_id", type=int, metavar="ID")
@click.option("--on", "on", type=DATE, help="When you sent it (default: today).")
@click.option("--to", "to", metavar="CONTACT", help="Who you sent it to (kept as a contact).")
@click.option("--email", help="Their email address, kept with a new contact.")
@click.option("--tone", type=TONES, help="The tone you wrote in.")
@click.option(
    "--follow-up-in",
    "follow_up_in",
    type=DURATION,
    default="7d",
    show_default=True,
    help="When to suggest the one follow-up.",
)
@format_option("text", "json")
@pass_app
def sent(
    app: AppContext, application_id: int, on: date | None, to: str | None, email: str | None,
    tone: str | None, follow_up_in: timedelta, fmt: str,
) -> None:  # fmt: skip
    """Record that you sent a feedback request (or its one follow-up).

    Run it again after sending the follow-up. After that nextyes stops: if no answer comes, the
    request closes quietly as no reply.
    """
    from nextyes.services.recovery.feedback_requests import record_request_sent

    record = record_request_sent(
        app.uow(), application_id, on or app.today(), app.now(), to=to, email=email, tone=tone,
        follow_up_in=follow_up_in,
    )  # fmt: skip
    request = record.request
    if fmt == "json":
        emit_json(request_json(request, record.follow_up))
        return
    if record.follow_up:
        say(_said("follow_up_recorded"))
    else:
        follow = request.follow_up_on.isoformat() if request.follow_up_on else _said("later")
        say(_said("recorded_until", day=follow))


def request_json(request: FeedbackRequest, follow_up: bool = False) -> dict[str, Any]:
    return {
        "id": request.id,
        "application_id": request.application_id,
        "contact_id": request.contact_id,
        "status": request.status.value,
        "sent_on": request.sent_on.isoformat(),
        "follow_up_on": request.follow_up_on.isoformat() if request.follow_up_on else None,
        "followed_up_on": request.followed_up_on.isoformat() if request.followed_up_on else None,
        "closed_on": request.closed_on.isoformat() if request.closed_on else None,
        "this_was_the_follow_up": follow_up,
    }


@feedback.command()
@click.argument("application_id", type=int, metavar="ID")
@click.argument("text")
@click.option(
    "--from",
    "giver",
    type=click.Choice(["interviewer", "recruiter", "self"]),
    default="interviewer",
    show_default=True,
    help="Who it came from (self: your own notes).",
)
@click.option("--on", "on", type=DATE, help="When it came (default: today).")
@format_option("text", "json")
@pass_app
def add(
    app: AppContext, application_id: int, text: str, giver: str, on: date | None, fmt: str
) -> None:  # fmt: skip
    """Keep feedback that came back about an application.

    A reply that only says they don't give feedback closes the request instead: that is their
    policy, and it says nothing about you.
    """
    from nextyes.services.recovery.feedback_requests import add_feedback

    added = add_feedback(
        app.uow(),
        application_id,
        text,
        on or app.today(),
        app.now(),
        giver=giver,
        origin=app.origin,
    )
    if fmt == "json":
        emit_json(
            {
                "feedback_id": added.feedback_id,
                "declined": added.declined,
                "request": request_json(added.closed_request) if added.closed_request else None,
                "why": added.why,
            }
        )
        return
    if added.declined:
        say(_said("declined"))
    else:
        say(_said("kept", id=added.feedback_id))
        words = content.load("learning/insights")["themes"]
        if added.why:
            say(content.fill(words["found"], themes=_themes_with_words(added.why, words)))
        else:
            say(words["no_reason_kept"])


# `feedback lint`'s answer to scripts: 0 reads well, 3 something is flagged, 2 the input could
# not be read, 1 nextyes itself failed.
FLAGGED_EXIT_CODE = 3


@feedback.command()
@click.argument("source", type=click.File("rb"), default="-", metavar="[FILE|-]")
@format_option("text", "json")
def lint(source: IO[bytes], fmt: str) -> None:
    """Check a feedback request's wording before you send it.

    Flags comparisons with other candidates, demands, blame, pleading and length over about
    150 words, each with where it is and a kinder way to say it. Exit code 3 when something is
    flagged, 0 when it reads well, 2 when the text cannot be read, so scripts can tell them
    apart.
    """
    from nextyes.services.recovery.feedback_lint import lint_request

    try:
        text = source.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_said("not_utf8")) from None
    flags = lint_request(text)
    if fmt == "json":
        emit_json([{**f.as_dict(), **_line_col(text, f.start)} for f in flags])
    elif not flags:
        say(_said("reads_well"))
    for flag in flags if fmt == "text" else ():
        where = _line_col(text, flag.start)
        said = {"label": flag.label, "excerpt": flag.excerpt}
        say(_said("flag", line=where["line"], column=where["column"], **said), style="bold")
        say(_said("flag_message", message=flag.message))
        say(_said("flag_rewrite", rewrite=flag.rewrite), style="good")
    if flags:
        click.get_current_context().exit(FLAGGED_EXIT_CODE)


def _line_col(text: str, offset: int) -> dict[str, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return {"line": line, "column": column}


@feedback.command()
@click.argument("source", metavar="[FILE|-]", type=click.File("r", encoding="utf-8"), default="-")
@format_option("jsonl", "table")
def classify(source: IO[str], fmt: str) -> None:
    """Find the themes in pieces of feedback given as JSON lines.

    Each line is a JSON object with a "text" field; other fields (such as "id") are echoed
    back. For each line it prints the themes (strongest first), whether they are within your
    control (yes, partly or no) and a 0..1 score for every theme. Reads standard input when
    FILE is - or left out.

    \b
    Example:
      echo '{"id": 1, "text": "We went with someone more senior."}' | nextyes feedback classify
    """
    from nextyes.services.learning.feedback_themes import classify_feedback

    results = classify_feedback(source)
    if fmt == "jsonl":
        for result in results:
            click.echo(json.dumps(_classified_json(result), ensure_ascii=False))
        return
    words = content.load("learning/insights")["themes"]
    emit_table(
        ("line", "themes", "in your control", "feedback"),
        (
            (r.line.number, _themes_with_words(r.why, words) or words["no_reason"],
             r.prediction.controllable, r.line.text)
            for r in results
        ),
        no_wrap=("line",),
    )  # fmt: skip


def _themes_with_words(why: dict[str, list[str]], words: dict[str, Any]) -> str:
    """Each theme with the words behind it: "communication (from: rambled, hard to follow)"."""
    return "; ".join(
        content.fill(words["because"], theme=theme, words=", ".join(found)) if found else theme
        for theme, found in why.items()
    )


def _classified_json(result: ClassifiedFeedback) -> dict[str, Any]:
    prediction = result.prediction
    return {
        **result.line.fields,
        "themes": list(prediction.themes),
        "controllable": prediction.controllable,
        "scores": {name: round(score, 4) for name, score in prediction.scores.items()},
        "why": result.why,
    }
