"""The weekly review: what the week held, built section by section from the journal.

Each section comes from a provider registered with `@section(order)`; a feature adds its part
of the review by registering one (wins, goals, plan, care...). Providers get a `ReviewContext`
(the open uow, the week, the words, and what the week's events already loaded) and return a
`ReviewSection`, or None to stay out of this week's review. The result is plain data
(`domain.review.WeeklyReview`) that the renderers in `nextyes.reports` and the web page present.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from nextyes import content
from nextyes.domain.models import Application, StageEvent
from nextyes.domain.review import ReviewItem, ReviewSection, Week, WeeklyReview
from nextyes.domain.stages import Stage
from nextyes.storage.uow import UnitOfWork

# Where each part of the review goes: wins first, the focus for next week last.
ORDER = {
    "wins": 10, "goals": 15, "applications": 20, "stages": 30, "rejections": 40, "themes": 50, "plan": 60,
    "care": 70, "why": 80, "offers": 85, "coming_up": 90, "focus": 100,
}  # fmt: skip


@dataclass
class ReviewContext:
    """What a section provider gets. Loaded once: the week's stage events and applications."""

    uow: UnitOfWork
    week: Week
    now: datetime
    words: dict[str, Any]
    facts: dict[str, int] = field(default_factory=dict)
    # Ideas for next week's focus, offered by sections as they are built, best first.
    focus_ideas: list[tuple[int, ReviewItem]] = field(default_factory=list)
    # Items one provider gives to a section another builds later (a goal for "applications").
    extra_items: dict[str, list[ReviewItem]] = field(default_factory=dict)
    # What more than one provider reads, read once (e.g. the themed feedback).
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return self.now.date()

    @cached_property
    def events(self) -> list[StageEvent]:
        return self.uow.events.with_stage_between(
            list(Stage), self.week.starts_on, self.week.ends_on
        )

    @cached_property
    def applications(self) -> dict[int, Application]:
        return self.uow.applications.get_many(sorted({e.application_id for e in self.events}))

    def application_name(self, application_id: int) -> str:
        a = self.applications.get(application_id) or self.uow.applications.get(application_id)
        return f"{a.company} · {a.role}" if a else f"#{application_id}"

    def offer_focus(self, weight: int, item: ReviewItem) -> None:
        self.focus_ideas.append((weight, item))

    def add_to(self, section_key: str, item: ReviewItem) -> None:
        self.extra_items.setdefault(section_key, []).append(item)

    def extras(self, section_key: str) -> tuple[ReviewItem, ...]:
        return tuple(self.extra_items.get(section_key, ()))

    def count(self, n: int, noun: str) -> str:
        """ "1 no", "3 noes": a number with its noun from the words file."""
        one, many = self.words["nouns"][noun]
        return f"{n} {one if n == 1 else many}"

    def text(self, path: str, **values: object) -> str:
        node: Any = self.words
        for part in path.split("."):
            node = node[part]
        return content.fill(str(node), **values)


Provider = Callable[[ReviewContext], ReviewSection | None]
PROVIDERS: list[tuple[int, Provider]] = []
# Run before the review reads, each in its own transaction: bringing derived records up to date
# (the automatic wins) so the review shows them.
BEFORE: list[Callable[[UnitOfWork, datetime], object]] = []


def section(order: int) -> Callable[[Provider], Provider]:
    """Register a provider for one part of the review, at `order` (see ORDER)."""

    def register(provider: Provider) -> Provider:
        PROVIDERS.append((order, provider))
        PROVIDERS.sort(key=lambda pair: pair[0])
        return provider

    return register


def before_review(step: Callable[[UnitOfWork, datetime], object]) -> None:
    """Register a step to run before the review reads the journal."""
    if step not in BEFORE:
        BEFORE.append(step)


def _load_providers() -> None:
    # Each part of the journal registers its sections on import.
    from nextyes.services.review import momentum as review_momentum  # noqa: F401
    from nextyes.services.review import offers as review_offers  # noqa: F401
    from nextyes.services.review import plan as review_plan  # noqa: F401
    from nextyes.services.review import sections as review_sections  # noqa: F401


def weekly_review(uow: UnitOfWork, week: Week, now: datetime) -> WeeklyReview:
    """The review of `week`: every registered section that has something to say."""
    _load_providers()
    words = content.load("review/messages")
    ctx = ReviewContext(uow, week, now, words)
    for step in BEFORE:
        step(uow, now)
    sections = []
    with uow:
        for _, provider in PROVIDERS:
            built = provider(ctx)
            if built is not None and not built.is_empty:
                sections.append(built)
    return WeeklyReview(
        week=week,
        title=ctx.text(
            "title", start=_day(week.starts_on), end=_day(week.ends_on), label=week.label
        ),
        intro=_intro(ctx),
        sections=tuple(sections),
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
