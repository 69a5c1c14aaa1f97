"""`nextyes review week`: the week in one page, wins first."""

from __future__ import annotations

import sys

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.files import write_output
from nextyes.cli.output import say
from nextyes.errors import InvalidInput


@click.group()
def review() -> None:
    """Look back at a week: wins, noes and what they taught, next week's focus."""


@review.command()
@click.option("--week", "week_text", metavar="WEEK",
              help="Which week: 2026-W47, 'last', or a date in it (default: this week).")  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "pdf"]),
    help="md (Markdown, the default), html (one self-contained page) or pdf.",
)  # fmt: skip
@click.option(
    "--share", is_flag=True,
    help="For a mentor or coach: leave out reflections, mood, care and private notes "
    "(an HTML page unless --format says otherwise).",
)  # fmt: skip
@click.option("--out", metavar="FILE",
              help="Write to this file instead of standard output (needed for pdf on a terminal).")  # fmt: skip
@pass_app
def week(
    app: AppContext, week_text: str | None, fmt: str | None, share: bool, out: str | None
) -> None:
    """The weekly review: wins first, applications against your goal, steps forward, noes and
    what each taught, themes, your plan, care and mood, your why, and a focus for next week.

    \b
    Examples:
      nextyes review week
      nextyes review week --week last --format pdf --out last-week.pdf
      nextyes review week --share --out for-my-mentor.html
    """
    from nextyes.domain.review import parse_week
    from nextyes.services.review.weekly import render_review

    fmt = fmt or ("html" if share else "md")
    if fmt == "pdf" and out is None and sys.stdout.isatty():
        raise InvalidInput(content.load("review/messages")["said"]["pdf_needs_a_file"])
    chosen = parse_week(week_text, app.today())
    data = render_review(app.uow(), chosen, app.now(), fmt=fmt, share=share)
    write_output(data.encode("utf-8") if isinstance(data, str) else data, out)
    if out is not None:
        said = content.load("review/messages")["said"]["written"]
        say(content.fill(said, week=chosen.label, path=out))
