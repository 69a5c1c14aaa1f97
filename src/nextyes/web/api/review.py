"""/api/v1: the weekly review as data, and what is due as an iCalendar file."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from nextyes.domain.review import Chart, WeeklyReview, parse_week
from nextyes.services.review.weekly import shared_review, weekly_review
from nextyes.services.today import calendar
from nextyes.web.deps import WebDep
from nextyes.web.schemas.reports import (
    ChartPublic,
    ReviewItemPublic,
    ReviewPublic,
    ReviewSectionPublic,
    SeriesPublic,
)

router = APIRouter(tags=["reports"])
ICS = "text/calendar; charset=utf-8"


@router.get("/review", response_model=ReviewPublic)
async def review(
    web: WebDep,
    week: Annotated[str, Query(max_length=40, description="this, last, or 2026-W47")] = "this",
    share: bool = False,
) -> ReviewPublic:
    """The weekly review: wins first, then the week's numbers, what you learned and what's next.
    `share=true` leaves out reflections, mood, care and private notes, as for a mentor."""
    chosen = parse_week(week, web.today())
    build = shared_review if share else weekly_review
    return _review(build(web.uow(), chosen, web.now()))


@router.get(
    "/calendar",
    response_class=Response,
    responses={200: {"content": {ICS: {}}, "description": "An iCalendar file."}},
)
async def calendar_file(
    web: WebDep, days: Annotated[int, Query(ge=1, le=calendar.MAX_DAYS)] = calendar.DEFAULT_DAYS
) -> Response:
    """Everything due in the next `days` days (interviews, follow-ups, the weekly review) as an
    .ics file. Events keep their ids, so importing a newer file updates them."""
    data = calendar.export_calendar(web.uow(), web.now(), days=days)
    headers = {"Content-Disposition": 'attachment; filename="nextyes.ics"'}
    return Response(data, media_type=ICS, headers=headers)


def _review(r: WeeklyReview) -> ReviewPublic:
    return ReviewPublic(
        week=r.week.label, starts_on=r.week.starts_on, ends_on=r.week.ends_on, title=r.title,
        intro=r.intro, shared=r.shared_view, facts=r.facts, footer=r.footer,
        sections=[
            ReviewSectionPublic(
                key=s.key, title=s.title, summary=s.summary,
                items=[
                    ReviewItemPublic(text=i.text, detail=i.detail, tags=list(i.tags),
                                     under_previous=i.under_previous, private=i.private)
                    for i in s.items
                ],
                charts=[_chart(c) for c in s.charts], private=s.private,
            )
            for s in r.sections
        ],
    )  # fmt: skip


def _chart(c: Chart) -> ChartPublic:
    return ChartPublic(
        key=c.key, kind=c.kind, title=c.title, labels=list(c.labels),
        series=[SeriesPublic(name=s.name, values=list(s.values)) for s in c.series],
        alt=c.alt, target=c.target, targets=list(c.targets), highlight=c.highlight,
    )  # fmt: skip
