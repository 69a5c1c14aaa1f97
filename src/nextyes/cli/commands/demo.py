"""`nextyes demo`: a realistic journal to explore nextyes with."""

from __future__ import annotations

from pathlib import Path

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say
from nextyes.cli.params import WholeNumber


@click.command()
@click.option("--seed", type=int, default=7, show_default=True, help="Same seed, same journal.")
@click.option(
    "--count", type=WholeNumber(10, 50_000), default=120, show_default=True,
    help="How many applications.",
)  # fmt: skip
@click.option(
    "--days", type=WholeNumber(30, 3650), default=120, show_default=True,
    help="Over how many days.",
)  # fmt: skip
@format_option("text", "json")
@pass_app
def demo(app: AppContext, seed: int, count: int, days: int, fmt: str) -> None:
    """Fill this home with a realistic demo journal.

    About four months of one person's search: applications across sources, roles and résumé
    versions, interviews and the questions asked, noes at every stage with feedback, people,
    a couple of offers, and open applications at every stage today. It refuses a journal that
    already holds applications; use a spare home:

    \b
      nextyes --home /tmp/nextyes-demo demo
    """
    from nextyes.cli.fresh import no_journal_left_if_failed
    from nextyes.services.demo.build import fill_demo

    home = app.settings.home
    with no_journal_left_if_failed(app):
        summary = fill_demo(
            app.uow(), app.now(), seed=seed, count=count, days=days, home=str(home),
            spare_home=str(_spare_home(home)),
        )  # fmt: skip
    if fmt == "json":
        emit_json(summary)
        return
    words = content.load("demo/journal")["said"]
    counts = {"applications": summary.applications, "interviews": summary.interviews,
              "noes": summary.rejections, "offers": summary.offers, "people": summary.contacts}  # fmt: skip
    say(content.fill(words["ready"], home=app.settings.home, **counts))
    say(words["try"])


def _spare_home(home: Path) -> Path:
    """A folder beside `home` that does not exist yet, for a demo of its own."""
    for n in range(2, 1000):
        candidate = home.with_name(f"{home.name}-{n}")
        if not candidate.exists():
            return candidate
    return home / "demo"
