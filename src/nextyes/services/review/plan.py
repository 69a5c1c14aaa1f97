"""The review's plan part: what moved in the improvement plan and the practice this week, and
next week's focus chosen from the plan."""

from __future__ import annotations

from datetime import date

from nextyes.domain.plan import PlanItem, PlanStatus
from nextyes.domain.review import ReviewItem, ReviewSection
from nextyes.services.review.context import ReviewContext

# How strongly each kind of plan step is offered for next week's focus (see review_sections).
CARRY_ON, START_NEXT, TRY_SUGGESTION = 70, 60, 55


def _in_week(ctx: ReviewContext, day: date | None) -> bool:
    return day is not None and ctx.week.starts_on <= day <= ctx.week.ends_on


def plan(ctx: ReviewContext) -> ReviewSection | None:
    items = ctx.uow.plans.find(())
    practice = [
        s for s in ctx.uow.practice.since(ctx.week.starts_on) if s.practiced_on <= ctx.week.ends_on
    ]
    _offer_focus(ctx, items)
    done = [i for i in items if _in_week(ctx, i.finished_on)]
    started = [i for i in items if _in_week(ctx, i.started_on) and i not in done]
    going = [i for i in items if i.status is PlanStatus.STARTED and i not in started]
    planned = [i for i in items if i.status is PlanStatus.PLANNED]
    lines = [ReviewItem(ctx.text("plan.done", title=i.title), tags=_tags(i)) for i in done]
    lines += [ReviewItem(ctx.text("plan.started", title=i.title), tags=_tags(i)) for i in started]
    for item in [*started, *going]:
        for evidence in item.evidence:
            if _in_week(ctx, evidence.on):
                lines.append(
                    ReviewItem(
                        ctx.text("plan.evidence", title=item.title, text=evidence.text),
                        tags=_tags(item),
                    )
                )
    if practice:
        rated = [s.rating for s in practice if s.rating is not None]
        detail = ctx.text("plan.rating", rating=f"{sum(rated) / len(rated):.1f}") if rated else None
        lines.append(
            ReviewItem(
                ctx.text("plan.practice", sessions=ctx.count(len(practice), "session")), detail
            )
        )
    if not lines and not going and not planned:
        return None
    summary = ctx.text(
        "plan.summary", done=len(done), going=len(going) + len(started), planned=len(planned)
    )
    if going:
        lines.append(ReviewItem(ctx.text("plan.going", titles="; ".join(i.title for i in going))))
    return ReviewSection("plan", ctx.text("plan.title"), summary, tuple(lines))


def _tags(item: PlanItem) -> tuple[str, ...]:
    return (item.kind.value, item.theme) if item.theme else (item.kind.value,)


def _offer_focus(ctx: ReviewContext, items: list[PlanItem]) -> None:
    """Next week's focus comes from the plan first: what is under way, then what is next."""
    started = sorted(
        (i for i in items if i.status is PlanStatus.STARTED),
        key=lambda i: (i.started_on or i.created_on, i.id),
    )
    planned = sorted(
        (i for i in items if i.status is PlanStatus.PLANNED), key=lambda i: (i.created_on, i.id)
    )
    for n, item in enumerate(started[:2]):
        ctx.offer_focus(
            CARRY_ON - n,
            ReviewItem(
                ctx.text("focus.carry_on", title=item.title),
                item.detail,
                tags=("plan", *_tags(item)),
            ),
        )
    for n, item in enumerate(planned[:2]):
        ctx.offer_focus(
            START_NEXT - n,
            ReviewItem(
                ctx.text("focus.start", title=item.title), item.detail, tags=("plan", *_tags(item))
            ),
        )
    if started or planned:
        return
    from nextyes.services.learning.plan import suggest_plan_items

    for suggestion in suggest_plan_items(ctx.uow, ctx.today)[:1]:
        action = suggestion.action
        ctx.offer_focus(
            TRY_SUGGESTION,
            ReviewItem(
                ctx.text("focus.suggested", title=action.title),
                action.detail,
                tags=("suggested", action.theme.value),
            ),
        )
