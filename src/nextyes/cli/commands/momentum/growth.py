"""`nextyes growth`: the growth record, each no with what it taught and what followed."""

from __future__ import annotations

from typing import Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say
from nextyes.cli.params import WholeNumber
from nextyes.domain.growth import Stone
from nextyes.services.momentum.growth import growth_record, when


def stone_json(stone: Stone) -> dict[str, Any]:
    no = stone.no
    return {
        "application_id": no.application_id,
        "company": no.company,
        "role": no.role,
        "on": no.on.isoformat(),
        "at_stage": no.at_stage.value,
        "reason": no.reason,
        "taught": [{"kind": t.kind, "text": t.text} for t in stone.taught],
        "followed": [
            {"kind": f.kind, "text": f.text, "on": f.on.isoformat(),
             "stage": f.stage.value if f.stage else None, "days_after": f.days_after}
            for f in stone.followed
        ],
    }  # fmt: skip


@click.command()
@click.option("--limit", type=WholeNumber(1, 100_000), default=10, show_default=True,
              help="How many noes to show (newest first).")  # fmt: skip
@format_option("table", "json")
@pass_app
def growth(app: AppContext, limit: int, fmt: str) -> None:
    """Each no, what it taught, what came next.

    Feedback, reflections and themes beside each no; then the plan items you finished, the
    further stages you reached and the offers that followed; and honest counts of the ground
    covered since you started reflecting.
    """
    record = growth_record(app.uow())
    counts = record.growth.counts
    if fmt == "json":
        emit_json({"summary": record.summary, "counts": counts,
                   "stones": [stone_json(s) for s in record.growth.stones]})  # fmt: skip
        return
    words = content.load("momentum/growth")
    stone_words = words["stone"]
    say(words["title"], style="bold")
    say(record.summary)
    stones = record.growth.stones
    for stone in stones[:limit]:
        no = stone.no
        say()
        say(content.fill(stone_words["heading"], day=no.on.isoformat(), company=no.company,
                         role=no.role, stage=no.at_stage.label.lower()), style="bold")  # fmt: skip
        if no.reason:
            say("  " + content.fill(stone_words["reason"], reason=no.reason), style="dim")
        say(f"  {stone_words['taught']}:")
        for lesson in stone.taught:
            say(f"    • {lesson.text}")
        if not stone.taught:
            say(
                "    " + content.fill(stone_words["taught_none"], id=no.application_id), style="dim"
            )
        say(f"  {stone_words['followed']}:")
        for step in stone.followed:
            stage = step.stage.label.lower() if step.stage else ""
            say("    → " + content.fill(stone_words[step.kind], text=step.text, company=step.text,
                                        stage=stage, when=when(step.days_after)), style="good")  # fmt: skip
        if not stone.followed:
            say(f"    {stone_words['followed_none']}", style="dim")
    if len(stones) > limit:
        say()
        say(content.fill(words["more"], count=len(stones) - limit, all=len(stones)), style="dim")
