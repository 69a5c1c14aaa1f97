"""The weekly review as plain data: sections of items and charts, private parts marked.

Services build a `WeeklyReview`; renderers (Markdown, HTML, PDF, the web page) only present it.
`shared()` gives the version for a mentor: private sections and items left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from nextyes.domain.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class Week:
    """An ISO week, Monday to Sunday."""

    year: int
    number: int

    @property
    def starts_on(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def ends_on(self) -> date:
        return self.starts_on + timedelta(days=6)

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.starts_on + timedelta(days=i) for i in range(7))

    def shifted(self, weeks: int) -> Week:
        return week_of(self.starts_on + timedelta(weeks=weeks))

    @classmethod
    def of(cls, day: date) -> Week:
        return week_of(day)


def week_of(day: date) -> Week:
    year, number, _ = day.isocalendar()
    return Week(year, number)


_ISO_WEEK = re.compile(r"^(\d{4})-?w(\d{1,2})$")
# The weeks a review can show: a job search happens in these years, and a week at the very edge
# of the calendar (9999-W52) has no week after it to link to.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def parse_week(text: str | None, today: date) -> Week:
    """2026-W47, "this" (the default), "last", or any ISO date inside the week."""
    week = _read_week(text, today)
    if not FIRST_YEAR <= week.year <= LAST_YEAR:
        raise InvalidInput(
            f"{week.label} is outside the years nextyes reviews ({FIRST_YEAR} to {LAST_YEAR}). "
            f"Give a week such as {week_of(today).label}."
        )
    return week


def _read_week(text: str | None, today: date) -> Week:
    raw = (text or "this").strip().lower().replace(" week", "")
    if raw in ("this", "current", "now"):
        return week_of(today)
    if raw in ("last", "previous"):
        return week_of(today - timedelta(days=7))
    if m := _ISO_WEEK.match(raw):
        year, number = int(m[1]), int(m[2])
        try:
            return Week(*date.fromisocalendar(year, number, 1).isocalendar()[:2])
        except ValueError:
            raise InvalidInput(
                f"{year} has no week {number}. Give a week such as {week_of(today).label}."
            ) from None
    try:
        return week_of(date.fromisoformat(raw))
    except ValueError:
        raise InvalidInput(
            f"'{text}' is not a week. Give one such as {week_of(today).label}, 'last', or a "
            "date inside it (2026-11-18)."
        ) from None


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A small chart and its text alternative (the renderers draw it; `alt` describes it)."""

    key: str
    kind: str  # "bars" | "line" | "hbars"
    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    alt: str
    target: float | None = None  # a goal line across the chart
    target_label: str | None = None
    targets: tuple[float | None, ...] = ()  # a goal per label (each week's own), instead
    y_max: float | None = None
    highlight: int | None = None  # the label to pick out (this week among past weeks)
    zero_is_none: bool = False  # a 0 means nothing was logged (a mood): tables leave it blank

    def shown(self, value: float) -> str:
        """A value as a table shows it: 12, 3.5, or nothing for a day with no entry."""
        if self.zero_is_none and not value:
            return ""
        return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


@dataclass(frozen=True, slots=True)
class ReviewItem:
    text: str
    detail: str | None = None
    private: bool = False
    tags: tuple[str, ...] = ()
    under_previous: bool = False  # belongs to the item before it (shown indented)
    detail_private: bool = False  # the detail stays out of what is shared (the text stays in)


@dataclass(frozen=True, slots=True)
class ReviewSection:
    key: str
    title: str
    summary: str | None = None
    items: tuple[ReviewItem, ...] = ()
    charts: tuple[Chart, ...] = ()
    private: bool = False  # the whole section stays out of what is shared

    @property
    def is_empty(self) -> bool:
        return not (self.summary or self.items or self.charts)


@dataclass(frozen=True, slots=True)
class WeeklyReview:
    week: Week
    title: str
    intro: str
    sections: tuple[ReviewSection, ...]
    shared_view: bool = False
    footer: str | None = None
    facts: dict[str, int] = field(default_factory=dict)  # headline numbers, for the web page

    def section(self, key: str) -> ReviewSection | None:
        return next((s for s in self.sections if s.key == key), None)

    def shared(self, footer: str | None = None) -> WeeklyReview:
        """The review for someone else's eyes: nothing private in it."""
        sections = []
        for section in self.sections:
            if section.private:
                continue
            items = tuple(
                replace(i, detail=None) if i.detail_private else i
                for i in section.items
                if not i.private
            )
            if section.items and not items and not section.charts:
                continue
            sections.append(replace(section, items=items))
        return replace(self, sections=tuple(sections), shared_view=True, footer=footer)
