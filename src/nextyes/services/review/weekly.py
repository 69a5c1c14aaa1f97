"""The weekly review: what the week held, built section by section from the journal.

Each section comes from a provider listed in `SECTIONS`, in order; a feature adds its part of
the review by adding its provider there (wins, goals, plan, care...). Providers get a
`ReviewContext` (`review/context.py`: the open uow, the week, the words, and what the week's
events already loaded) and return a `ReviewSection`, or None to stay out of this week's review.
The result is plain data (`domain.review.WeeklyReview`) that the renderers in `nextyes.reports`
and the web page present.
"""

from __future__ import annotations

from datetime import date, datetime

from nextyes import content
from nextyes.domain.review import Week, WeeklyReview
from nextyes.services.momentum.wins import sync_auto_wins
from nextyes.services.review import momentum, offers, plan, sections
from nextyes.services.review.context import Provider, ReviewContext, Step
from nextyes.storage.uow import UnitOfWork

# The review's extension point: its sections, in the order they appear (wins first, the focus
# for next week last). Each returns a `ReviewSection`, or None to stay out of this week's review.
SECTIONS: tuple[Provider, ...] = (
    momentum.wins,
    momentum.goals,
    sections.applications,
    sections.stages,
    sections.rejections,
    sections.themes,
    plan.plan,
    momentum.care,
    momentum.why,
    offers.offers,
    sections.coming_up,
    sections.focus,
)
# Run before the review reads, each in its own transaction: bringing derived records up to date
# (the automatic wins) so the review shows them.
BEFORE: tuple[Step, ...] = (sync_auto_wins,)


def weekly_review(uow: UnitOfWork, week: Week, now: datetime) -> WeeklyReview:
    """The review of `week`: every section that has something to say."""
    words = content.load("review/messages")
    ctx = ReviewContext(uow, week, now, words)
    for step in BEFORE:
        step(uow, now)
    built_sections = []
    with uow:
        for provider in SECTIONS:
            built = provider(ctx)
            if built is not None and not built.is_empty:
                built_sections.append(built)
    return WeeklyReview(
        week=week,
        title=ctx.text(
            "title", start=_day(week.starts_on), end=_day(week.ends_on), label=week.label
        ),
        intro=_intro(ctx),
        sections=tuple(built_sections),
        facts=dict(ctx.facts),
    )


def shared_review(uow: UnitOfWork, week: Week, now: datetime) -> WeeklyReview:
    """The review for a mentor: nothing private (reflections, mood, care, private notes)."""
    review = weekly_review(uow, week, now)
    return review.shared(footer=content.load("review/messages")["shared_footer"])


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _intro(ctx: ReviewContext) -> str:
    facts = ctx.facts
    sent, forward, noes = (facts.get(k, 0) for k in ("applications", "steps_forward", "noes"))
    if not (sent or forward or noes):
        return ctx.text("intro.quiet")
    phrases = {
        "sent": ctx.count(sent, "application"),
        "forward": ctx.count(forward, "step"),
        "noes": ctx.count(noes, "no"),
    }
    if ctx.week.ends_on >= ctx.today >= ctx.week.starts_on:
        return ctx.text("intro.so_far", **phrases)
    return ctx.text("intro.busy", **phrases)


def render_review(
    uow: UnitOfWork, week: Week, now: datetime, *, fmt: str = "md", share: bool = False
) -> str | bytes:
    """The review rendered: Markdown or HTML text, or PDF bytes."""
    review = shared_review(uow, week, now) if share else weekly_review(uow, week, now)
    words = content.load("review/messages")["page"]
    if fmt == "md":
        from nextyes.reports.review_markdown import render_markdown

        return render_markdown(review)
    if fmt == "html":
        from nextyes.reports.review_html import render_html

        return render_html(review, words)
    if fmt == "pdf":
        from nextyes.reports.review_html import render_pdf

        return render_pdf(review, words)
    raise ValueError(f"unknown review format {fmt!r}")
