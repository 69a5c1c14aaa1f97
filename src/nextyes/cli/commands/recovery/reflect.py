"""`nextyes reflect`: a short, time-boxed reflection after a no."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import IO

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say
from nextyes.cli.params import DATE
from nextyes.domain.recovery import time_left
from nextyes.domain.themes import LABELS, Theme
from nextyes.errors import InvalidInput
from nextyes.services.recovery.reflection import ReflectionAnswers, ReflectionPlan

CONTROL_KEYS = {"y": "yes", "p": "partly", "n": "no"}


def _said(key: str, **values: object) -> str:
    """A prompt or refusal of `nextyes reflect`, from content/recovery/reflection.toml."""
    return content.fill(content.load("recovery/reflection")["problems"][key], **values)


@click.command()
@click.argument("application_id", type=int, metavar="ID")
@click.option(
    "--answers",
    "answers_file",
    type=click.File("r", encoding="utf-8"),
    metavar="FILE",
    help="Answer from a YAML or JSON file instead of questions (- reads stdin).",
)
@click.option(
    "--minutes", type=int, help="The time box (default: the reflection_minutes setting, 15)."
)
@click.option(
    "--new", "new", is_flag=True, help="Start another reflection instead of editing the last one."
)
@click.option(
    "--on",
    "on",
    type=DATE,
    help="The day you reflected, for one written down later (default: today).",
)
@format_option("text", "json")
@pass_app
def reflect(
    app: AppContext, application_id: int, answers_file: IO[str] | None, minutes: int | None,
    new: bool, on: date | None, fmt: str,
) -> None:  # fmt: skip
    """Reflect on a no: a few questions, a time box, then let it go.

    The questions fit the stage you reached (after a screen-out: your materials and the role's
    fit; after interviews: your answers, the hard questions, presence, company knowledge;
    after a final round also red flags and fit). It asks your mood before and after, and ends
    by marking what was within your control, partly, or not.

    Run it again for the same no to edit that reflection (your earlier answers are offered;
    Enter keeps one); --new starts another.

    \b
    With --answers FILE (YAML or JSON), nothing is asked:
      mood_before: 2
      answers:                  # by topic (or question id), or a list in order
        answers: "The SQL one went well; the stakeholder story trailed off."
      hard_questions: ["Design an A/B test for a checkout button"]
      attribution: {technical_skills: partly, salary_budget: "no"}
      mood_after: 3
    """
    from nextyes.services.recovery.reflection import (
        answers_from_document,
        plan_reflection,
        save_reflection,
    )

    if on is not None and on > app.today():
        raise InvalidInput(_said("in_future", day=on.isoformat()))
    plan = plan_reflection(app.uow(), application_id, minutes=minutes, new=new)
    started = app.now()
    if answers_file is not None:
        answers = answers_from_document(plan, answers_file.read(), answers_file.name)
    else:
        answers = _ask_or_explain(plan, started, app.now, application_id)
    finished = app.now()
    if on is not None and on != app.today():  # written down later: dated the day it happened
        shift = datetime.combine(on, started.timetz()) - started
        started, finished = started + shift, finished + shift
    saved = save_reflection(
        app.uow(), plan, answers, started_at=started, finished_at=finished, now=finished
    )
    if fmt == "json":
        emit_json(
            {
                "id": saved.id,
                "application_id": saved.application_id,
                "stage_group": saved.stage_group.value,
                "time_box_minutes": saved.time_box_minutes,
                "mood_before": saved.mood_before,
                "mood_after": saved.mood_after,
                "answers": saved.answers,
                "hard_questions": list(answers.hard_questions),
                "attributions": saved.attributions,
            }
        )
        return
    say(plan.session.closing)


def _ask_or_explain(
    plan: ReflectionPlan, started: datetime, now: Callable[[], datetime], application_id: int
) -> ReflectionAnswers:
    """The questions need someone to answer them: with no terminal (a script, a pipe), say how
    to give the answers in a file instead of stopping with a bare "Aborted!"."""
    import sys

    try:
        return _ask(plan, started, now)
    except click.Abort:
        if sys.stdin.isatty():
            raise  # Ctrl+C on a terminal: the person chose to stop
        raise InvalidInput(_said("no_terminal", id=application_id)) from None


def _ask(plan: ReflectionPlan, started: datetime, now: Callable[[], datetime]) -> ReflectionAnswers:
    """The interactive session: prompts, the visible time box, and a gentle close."""
    session = plan.session
    say(f"{plan.application.company} · {plan.application.role}", style="bold")
    say(session.intro)
    say(session.skip_hint, style="dim")
    earlier = plan.earlier
    if earlier is not None:
        say(content.load("recovery/reflection")["session"]["editing"], style="dim")
    mood_before = _mood(session.mood_before, earlier.mood_before if earlier else None)
    answers: dict[str, str] = {}
    total = len(session.questions)
    for number, question in enumerate(session.questions, start=1):
        left = time_left(started, now(), plan.minutes)
        if left.total_seconds() <= 0:
            say()
            say(session.gentle_close)
            break
        say()
        say(f"{number}/{total} · {question.topic_label}", style="bold")
        say(session.time_left(int(left.total_seconds() // 60)), style="dim")
        before = earlier.answers.get(question.id, "") if earlier else ""
        if before:
            say(f"  {before}", style="dim")
        answer = click.prompt(question.text, default=before, show_default=False)
        if answer.strip():
            answers[question.id] = answer.strip()
    hard: list[str] = []
    if plan.interview_id is not None:
        say()
        say(session.hard_questions)
        while line := click.prompt(">", default="", show_default=False).strip():
            hard.append(line)
    attributions = _attribute(plan)
    mood_after = _mood(session.mood_after, earlier.mood_after if earlier else None)
    return ReflectionAnswers(mood_before, mood_after, answers, tuple(hard), attributions)


def _mood(prompt: str, before: int | None = None) -> int | None:
    default = "" if before is None else str(before)
    value = click.prompt(prompt, default=default, show_default=bool(default), type=str).strip()
    while value and value not in {"1", "2", "3", "4", "5"}:
        value = click.prompt(_said("mood_again"), default="").strip()
    return int(value) if value else None


def _attribute(plan: ReflectionPlan) -> dict[str, str]:
    if not plan.suggested:
        return {}
    session = plan.session
    labels = session.attribution_labels
    say()
    say(session.attribution_intro)
    say(_said("attribution_keys", **labels), style="dim")
    result = {}
    for theme, suggestion in plan.suggested.items():
        default = {v: k for k, v in CONTROL_KEYS.items()}[suggestion]
        choice = click.prompt(
            f"  {LABELS[Theme(theme)]}", default=default, type=click.Choice(list(CONTROL_KEYS))
        )
        result[theme] = CONTROL_KEYS[choice]
    return result


@click.group()
def reflection() -> None:
    """Your reflections after a no: remove one.

    \b
    nextyes reflect ID            reflect on a no (again: edits that reflection)
    nextyes reflection delete ID  remove a reflection (`nextyes show ID` lists them)
    """


@reflection.command(name="delete")
@click.argument("reflection_id", type=int, metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Don't ask first (for scripts).")
@pass_app
def delete_reflection(app: AppContext, reflection_id: int, yes: bool) -> None:
    """Remove a reflection (its moods and the hard questions it flagged stay)."""
    from nextyes.errors import InvalidInput
    from nextyes.services.recovery.reflection import delete_reflection as remove

    words = content.load("recovery/reflection")["session"]
    if not yes:
        try:
            sure = click.confirm(
                content.fill(words["delete_ask"], id=reflection_id), default=False, err=True
            )
        except click.Abort:
            sure = False
        if not sure:
            raise InvalidInput(_said("delete_kept", id=reflection_id))
    gone = remove(app.uow(), reflection_id)
    say(content.fill(words["deleted"], id=gone.id))
