"""Demo data for the weekly review: the notes a person jots down after a no, one of them
private, so the review shows what it keeps and a shared review shows what it leaves out."""

from __future__ import annotations

from datetime import timedelta

from nextyes import content
from nextyes.domain.stages import Stage
from nextyes.services.demo.context import DemoContext
from nextyes.services.pipeline.applications import add_note

RECENT = timedelta(days=14)
MOST = 4


def review_demo(ctx: DemoContext) -> None:
    words = content.load("portability/messages")["review_demo"]
    recent = []
    for app_id in ctx.rejections:
        noes = [e for e in ctx.uow.events.for_application(app_id) if e.stage is Stage.REJECTED]
        if noes and ctx.today - noes[-1].occurred_on <= RECENT:
            recent.append((noes[-1].occurred_on, app_id))
    for n, (day, app_id) in enumerate(sorted(recent, reverse=True)[:MOST]):
        shared, private = words["notes"][n % len(words["notes"])]
        add_note(ctx.uow, app_id, shared, day, ctx.now)
        add_note(ctx.uow, app_id, private, day, ctx.now, private=True)
