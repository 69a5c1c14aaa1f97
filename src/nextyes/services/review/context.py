"""What a review section gets: the context of one weekly review.

A leaf module: the sections (in review/ and the features) depend on it, and `review/weekly.py`
lists the sections, so nothing imports back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from nextyes import content
from nextyes.domain.models import Application, StageEvent
from nextyes.domain.review import ReviewItem, ReviewSection, Week
from nextyes.domain.stages import Stage
from nextyes.storage.uow import UnitOfWork


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
Step = Callable[[UnitOfWork, datetime], object]  # brings derived records up to date first
