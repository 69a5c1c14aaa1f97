"""Demo data for learning from the noes: a plan at every stage, practice, and stories.

Runs inside the demo's transaction through the same services the commands use: plan items
come from the demo's own suggestions (so they follow its feedback), practice from the day's
draw, with ratings that improve over the last month.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from nextyes import content
from nextyes.domain.plan import EvidenceKind, PlanStatus
from nextyes.domain.stories import NewStory
from nextyes.services.demo.context import DemoContext
from nextyes.services.learning.plan import (
    add_evidence,
    add_plan_item,
    move_plan_item,
    suggest_plan_items,
)
from nextyes.services.learning.practice import draw_questions, log_practice
from nextyes.services.learning.stories import add_story


def learning_demo(ctx: DemoContext) -> None:
    words = content.load("learning/demo")
    started = _plan(ctx, words)
    _practice(ctx, words, started)
    for index, story in enumerate(words["stories"]):
        add_story(
            ctx.uow,
            NewStory(story["title"], story["situation"], story["task"], story["action"],
                     story["result"], tuple(story["themes"])),
            _day(ctx, 30 - index * 6), ctx.now,
        )  # fmt: skip


def _day(ctx: DemoContext, days_ago: int) -> date:
    return ctx.today - timedelta(days=max(days_ago, 0))


def _plan(ctx: DemoContext, words: dict[str, Any]) -> int | None:
    """Suggested items at every status and a skill; returns the started item's id."""
    suggestions = suggest_plan_items(ctx.uow, ctx.today)
    started = None
    for index, suggestion in enumerate(suggestions[:4]):
        item = add_plan_item(ctx.uow, suggestion.action.key, _day(ctx, 28 - index * 3), ctx.now)
        if index == 0:
            move_plan_item(ctx.uow, item.id, PlanStatus.STARTED, _day(ctx, 24), ctx.now)
            move_plan_item(ctx.uow, item.id, PlanStatus.DONE, _day(ctx, 9), ctx.now,
                           evidence=words["done_evidence"])  # fmt: skip
        elif index == 1:
            move_plan_item(ctx.uow, item.id, PlanStatus.STARTED, _day(ctx, 12), ctx.now)
            add_evidence(ctx.uow, item.id, words["started_evidence"], _day(ctx, 5),
                         ctx.now, kind=EvidenceKind.PRACTICE)  # fmt: skip
            started = item.id
        elif index == 3:
            move_plan_item(ctx.uow, item.id, PlanStatus.DROPPED, _day(ctx, 15), ctx.now)
    skill = add_plan_item(ctx.uow, words["skill"], _day(ctx, 40), ctx.now, kind="skill",
                          theme="technical_skills")  # fmt: skip
    move_plan_item(ctx.uow, skill.id, PlanStatus.STARTED, _day(ctx, 38), ctx.now)
    evidence: list[str] = words["skill_evidence"]
    for offset, text in zip((30, 11), evidence, strict=False):
        add_evidence(
            ctx.uow,
            skill.id,
            str(text),
            _day(ctx, offset),
            ctx.now,
            kind=EvidenceKind.COURSE if offset == 30 else EvidenceKind.MATERIALS,
        )
    return started


def _practice(ctx: DemoContext, words: dict[str, Any], plan_item: int | None) -> None:
    """A dozen sessions over the last month, ratings climbing as practice goes on."""
    notes: list[str] = words["practice_notes"]
    drawn = draw_questions(ctx.uow, ctx.today, count=8, seed=ctx.rng.randrange(10**6))
    for index in range(12):
        question = drawn[index % len(drawn)].question
        days_ago = 30 - index * 2 - ctx.rng.randint(0, 1)
        rating = min(5, 2 + index // 4 + (ctx.rng.random() < 0.3))
        log_practice(
            ctx.uow, question.key, _day(ctx, days_ago), ctx.now, rating=rating,
            notes=notes[index % len(notes)] or None,
            plan_item_id=plan_item if index % 4 == 1 else None,
        )  # fmt: skip
