"""`nextyes practice`: interview questions weighted to your weak themes, and how it went."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.cli.params import DATE, WholeNumber
from nextyes.domain.practice import Category, PracticeSession
from nextyes.text.wording import spoken_number

CATEGORIES = click.Choice([c.value for c in Category])


@click.group(invoke_without_command=True)
@click.pass_context
def practice(ctx: click.Context) -> None:
    """Practise interview questions, weighted to your weak themes.

    \b
    nextyes practice                       today's questions (the same all day)
    nextyes practice draw --count 3 --category behavioural
    nextyes practice log KEY --rating 1-5  how it went (1 hard going, 5 felt great)
    nextyes practice history               what you've practised
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(draw)


@practice.command()
@click.option("--count", type=int, default=5, show_default=True, help="How many questions.")
@click.option("--category", type=CATEGORIES, help="Only questions of this kind.")
@click.option("--seed", type=int, help="Draw a different set (default: one set per day).")
@format_option("text", "json")
@pass_app
def draw(app: AppContext, count: int, category: str | None, seed: int | None, fmt: str) -> None:
    """Draw questions to practise, weighted to your weak themes and hard questions."""
    from nextyes.services.learning.practice import draw_questions

    drawn = draw_questions(app.uow(), app.today(), count=count, category=category, seed=seed)
    words = content.load("learning/practice")
    names = content.load("learning/insights")["themes"]["names"]
    if fmt == "json":
        emit_json([
            {"key": d.question.key, "category": d.question.category, "text": d.question.text,
             "themes": list(d.question.themes),
             "why": [_reason(r.kind, r.detail, words, names) for r in d.reasons]}
            for d in drawn
        ])  # fmt: skip
        return
    if len(drawn) == 1:
        say(words["intro_one"])
    else:
        say(content.fill(words["intro"], number=spoken_number(len(drawn)).capitalize()))
    say()
    for d in drawn:
        say(f"{d.question.key}  {words['categories'][d.question.category.value]}", style="bold")
        say(f"  {d.question.text}")
        for reason in d.reasons[:2]:
            say(f"  ({_reason(reason.kind, reason.detail, words, names)})", style="dim")
    tips = content.load("learning/questions")["tips"]
    categories = {d.question.category.value for d in drawn} & set(tips)
    if len(categories) == 1:
        say(f"\nTip: {tips[categories.pop()]}", style="dim")
    say()
    say(words["log_hint"])


def _reason(kind: str, detail: str, words: dict[str, Any], names: dict[str, str]) -> str:
    return content.fill(words["reasons"][kind], theme=names.get(detail, detail), detail=detail)


@practice.command()
@click.argument("question", metavar='KEY|"QUESTION"')
@click.option("--rating", type=WholeNumber(1, 5), help="1 hard going ... 5 felt great.")
@click.option("--notes", help="What to remember for next time.")
@click.option(
    "--plan-item",
    "plan_item_id",
    type=int,
    metavar="ID",
    help="A plan item this practice counts towards (kept as evidence).",
)
@click.option("--on", "on", type=DATE, help="When you practised (default: today).")
@format_option("text", "json")
@pass_app
def log(
    app: AppContext, question: str, rating: int | None, notes: str | None,
    plan_item_id: int | None, on: date | None, fmt: str,
) -> None:  # fmt: skip
    """Log a practice session with a self-rating."""
    from nextyes.services.learning.practice import log_practice

    logged = log_practice(app.uow(), question, on or app.today(), app.now(), rating=rating,
                          notes=notes, plan_item_id=plan_item_id)  # fmt: skip
    if fmt == "json":
        emit_json(session_json(logged.session))
        return
    words = content.load("learning/practice")
    hard = rating is not None and rating <= 2
    say(words["logged_hard"] if hard else words["logged"])
    if logged.plan_item_id is not None:
        say(content.fill(words["logged_evidence"], item=logged.plan_item_id))


@practice.command()
@click.option("--limit", type=int, default=20, show_default=True, help="How many sessions.")
@format_option("table", "json")
@pass_app
def history(app: AppContext, limit: int, fmt: str) -> None:
    """What you've practised, most recent first."""
    from nextyes.services.learning.practice import practice_history

    sessions = practice_history(app.uow(), limit)
    if fmt == "json":
        emit_json([session_json(s) for s in sessions])
        return
    if not sessions:
        say(content.load("learning/practice")["nothing"])
        return
    emit_table(
        ("day", "question", "rating", "notes"),
        ((s.practiced_on, s.question_text, f"{s.rating}/5" if s.rating else "", s.notes or "")
         for s in sessions),
    )  # fmt: skip


def session_json(session: PracticeSession) -> dict[str, Any]:
    return {
        "id": session.id, "practiced_on": session.practiced_on, "question_key": session.question_key,
        "question": session.question_text, "theme": session.theme, "rating": session.rating,
        "notes": session.notes, "plan_item_id": session.plan_item_id,
    }  # fmt: skip
