"""The weekly review and the calendar in the JSON API."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class SeriesPublic(BaseModel):
    name: str
    values: list[float]


class ChartPublic(BaseModel):
    key: str
    kind: str = Field(description="bars, line or hbars.")
    title: str
    labels: list[str]
    series: list[SeriesPublic]
    alt: str = Field(description="What the chart shows, in words.")
    target: float | None = Field(None, description="One goal line across the chart.")
    targets: list[float | None] = Field(
        default_factory=list, description="A goal per label (each week's own), when they differ."
    )
    highlight: int | None = Field(None, description="The label picked out (this week).")


class ReviewItemPublic(BaseModel):
    text: str
    detail: str | None = None
    tags: list[str] = Field(default_factory=list)
    private: bool = Field(False, description="Left out of what is shared.")
    under_previous: bool = Field(False, description="Belongs to the item before it.")


class ReviewSectionPublic(BaseModel):
    key: str
    title: str
    summary: str | None = None
    items: list[ReviewItemPublic]
    charts: list[ChartPublic]
    private: bool = Field(False, description="The whole section is left out of what is shared.")


class ReviewPublic(BaseModel):
    week: str = Field(description="The ISO week, such as 2026-W47.")
    starts_on: date
    ends_on: date
    title: str
    intro: str
    shared: bool = Field(description="True when reflections, mood, care and notes are left out.")
    facts: dict[str, int] = Field(description="Headline numbers for the week.")
    sections: list[ReviewSectionPublic]
    footer: str | None = None
