"""`nextyes interview`: what happened in an interview."""

from __future__ import annotations

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.services.pipeline.interview_names import interview_name


@click.group()
def interview() -> None:
    """Record what happened in an interview.

    \b
    nextyes interview questions 7                       the questions asked in interview 7
    nextyes interview questions 7 --add "Why us?"       record one
    nextyes interview questions 7 --hard "Design an A/B test"   record a hard one to practise
    """


@interview.command()
@click.argument("interview_id", type=int, metavar="ID")
@click.option(
    "--add", "asked", multiple=True, metavar="TEXT", help="A question they asked (repeatable)."
)
@click.option(
    "--hard",
    "hard",
    multiple=True,
    metavar="TEXT",
    help="A question you found hard; it goes on your practice list (repeatable).",
)
@click.option(
    "--mark-hard",
    "mark_hard",
    type=int,
    multiple=True,
    metavar="QID",
    help="Flag an existing question as hard.",
)
@click.option(
    "--not-hard",
    "not_hard",
    type=int,
    multiple=True,
    metavar="QID",
    help="Take the hard flag off a question.",
)
@format_option("table", "json")
@pass_app
def questions(
    app: AppContext, interview_id: int, asked: tuple[str, ...], hard: tuple[str, ...],
    mark_hard: tuple[int, ...], not_hard: tuple[int, ...], fmt: str,
) -> None:  # fmt: skip
    """List or record the questions asked in an interview.

    ID is the interview's id (`nextyes show APP --format json` lists them). Questions you
    found hard are flagged for practice.
    """
    from nextyes.services.pipeline import interview_questions as service

    if asked or hard or mark_hard or not_hard:
        result = service.record_questions(
            app.uow(), interview_id, app.now(), asked=asked, hard=hard, mark_hard=mark_hard,
            not_hard=not_hard,
        )  # fmt: skip
    else:
        result = service.interview_questions(app.uow(), interview_id)
    rows = [(q.id, q.text, "hard" if q.hard else "") for q in result.questions]
    if fmt == "json":
        emit_json([{"id": i, "text": t, "hard": bool(h)} for i, t, h in rows])
        return
    a, i = result.application, result.interview
    title = (
        f"{a.company} · {a.role}: {interview_name(i.kind).lower()} on {i.scheduled_on.isoformat()}"
    )
    if not rows:
        say(title, style="bold")
        said = content.load("pipeline/messages")["cli"]["no_questions"]
        say(content.fill(said, id=interview_id))
        return
    emit_table(("id", "question", ""), rows, title=title, justify={"id": "right"})
