"""`nextyes care` and `nextyes mood`: looking after yourself while you search."""

from __future__ import annotations

from datetime import date, timedelta

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.groups import DefaultGroup
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.cli.params import DATE, WholeNumber
from nextyes.domain.dates import format_duration
from nextyes.services.momentum import wellbeing as service

FREE_WORDS = {"ignore_unknown_options": True}


@click.group(cls=DefaultGroup, default="log", default_if_empty="list")
def care() -> None:
    """Log time for yourself, or see it lately.

    Kinds: exercise, hobby, break, mindfulness, social, rest, other. A duration (30m, 1h30m)
    and a note are optional.

    \b
      nextyes care exercise 30m
      nextyes care social "dinner with Jo"
      nextyes care break 20m "phone off, tea in the garden"
    """


@care.command(name="log", context_settings=FREE_WORDS)
@click.argument("kind")
@click.argument("words", nargs=-1)
@click.option("--on", "on", type=DATE, help="When (default: today).")
@pass_app
def log_care(app: AppContext, kind: str, words: tuple[str, ...], on: date | None) -> None:
    """Log time for yourself: KIND, then a duration and a note if you like."""
    say(service.log_care(app.uow(), kind, words, on or app.today(), app.now()).message)


@care.command(name="list")
@click.option("--days", type=WholeNumber(1, 366), default=14, show_default=True,
              help="How far back to look.")  # fmt: skip
@format_option("table", "json")
@pass_app
def list_care(app: AppContext, days: int, fmt: str) -> None:
    """Show the care you logged lately."""
    entries = service.recent_care(app.uow(), app.today(), days)
    if fmt == "json":
        emit_json([{"id": e.id, "on": e.occurred_on.isoformat(), "kind": e.kind.value,
                    "minutes": e.minutes, "note": e.note} for e in entries])  # fmt: skip
        return
    if not entries:
        say(content.load("momentum/messages")["care"]["none"])
        return
    rows = [(e.occurred_on.isoformat(), e.kind.value,
             format_duration(timedelta(minutes=e.minutes)) if e.minutes else "", e.note or "")
            for e in entries]  # fmt: skip
    emit_table(("on", "kind", "time", "note"), rows, no_wrap=("on", "kind", "time"))


@click.group(cls=DefaultGroup, default="log", default_if_empty="list")
def mood() -> None:
    """Note your mood (1-5), or see it lately.

    1 is low, 5 is good; a note is optional.

    \b
      nextyes mood 3 "tired after the panel"
      nextyes mood list --days 30
    """


@mood.command(name="log", context_settings=FREE_WORDS)
@click.argument("score")
@click.argument("note", nargs=-1)
@click.option("--on", "on", type=DATE, help="The day it is about (default: now).")
@click.option(
    "--about", "application_id", type=int, metavar="ID", help="An application it is about."
)
@pass_app
def log_mood(
    app: AppContext, score: str, note: tuple[str, ...], on: date | None, application_id: int | None
) -> None:
    """Note your mood: SCORE from 1 to 5, then a note if you like."""
    logged = service.log_mood(app.uow(), score, " ".join(note) or None, app.now(), on=on,
                              application_id=application_id)  # fmt: skip
    say(logged.message)


@mood.command(name="list")
@click.option("--days", type=WholeNumber(1, 366), default=14, show_default=True,
              help="How far back to look.")  # fmt: skip
@format_option("table", "json")
@pass_app
def list_mood(app: AppContext, days: int, fmt: str) -> None:
    """Show your moods lately, newest first."""
    moods = service.recent_moods(app.uow(), app.now(), days)
    if fmt == "json":
        emit_json([{"id": m.id, "at": m.recorded_at.isoformat(), "score": m.score,
                    "note": m.note, "application_id": m.application_id} for m in moods])  # fmt: skip
        return
    if not moods:
        say(content.load("momentum/messages")["mood"]["none"])
        return
    rows = [(m.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M"), "●" * m.score + "○" * (5 - m.score),
             m.note or "") for m in moods]  # fmt: skip
    emit_table(("when", "mood", "note"), rows, no_wrap=("when", "mood"))
