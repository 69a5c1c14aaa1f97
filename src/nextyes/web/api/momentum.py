"""/api/v1: wins, weekly goals, care, moods, the why and the growth record."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from nextyes.domain.goals import Metric
from nextyes.services.momentum import goals, growth, wellbeing, why, wins
from nextyes.web.deps import WebDep
from nextyes.web.schemas.momentum import (
    CareCreate,
    CarePublic,
    GoalPublic,
    GoalUpdate,
    GrowthPublic,
    LoggedPublic,
    MessagePublic,
    MoodCreate,
    MoodPublic,
    StonePublic,
    WhyPublic,
    WhyUpdate,
    WinCreate,
    WinPublic,
)

router = APIRouter(tags=["momentum"])
Days = Annotated[int, Query(ge=1, le=366)]


@router.get("/wins", response_model=list[WinPublic])
async def list_wins(
    web: WebDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[WinPublic]:
    """Wins, newest first (automatic ones are found and kept as they happen)."""
    return [
        WinPublic(id=w.id, on=w.occurred_on, text=w.text, kind=w.kind, automatic=w.automatic,
                  application_id=w.application_id)
        for w in wins.list_wins(web.uow(), web.now(), limit=limit)
    ]  # fmt: skip


@router.post("/wins", response_model=WinPublic, status_code=201)
async def record_win(web: WebDep, body: WinCreate) -> WinPublic:
    w = wins.record_win(
        web.uow(), body.text, body.on or web.today(), web.now(), body.application_id
    )
    return WinPublic(id=w.id, on=w.occurred_on, text=w.text, kind=w.kind, automatic=w.automatic,
                     application_id=w.application_id)  # fmt: skip


def _goal(s: goals.GoalStatus) -> GoalPublic:
    return GoalPublic(
        metric=s.goal.metric, target=s.goal.target, done=s.pace.done, remaining=s.pace.remaining,
        days_left=s.pace.days_left, met=s.pace.met, streak=s.streak, message=s.message,
        notes=list(s.notes),
    )  # fmt: skip


@router.get("/goals", response_model=list[GoalPublic])
async def list_goals(web: WebDep) -> list[GoalPublic]:
    """Weekly goals running now: this week's progress, the pace, the streak."""
    return [_goal(s) for s in goals.goal_statuses(web.uow(), web.today())]


@router.put("/goals/{metric}", response_model=GoalPublic)
async def set_goal(web: WebDep, metric: Metric, body: GoalUpdate) -> GoalPublic:
    """Start a weekly goal, or change its target from this week on."""
    return _goal(goals.set_goal(web.uow(), metric.value, str(body.target), web.now()).status)


@router.delete("/goals/{metric}", response_model=MessagePublic)
async def stop_goal(web: WebDep, metric: Metric) -> MessagePublic:
    return MessagePublic(message=goals.stop_goal(web.uow(), metric.value, web.now()))


@router.get("/care", response_model=list[CarePublic])
async def list_care(web: WebDep, days: Days = 30) -> list[CarePublic]:
    return [
        CarePublic(id=c.id, on=c.occurred_on, kind=c.kind, minutes=c.minutes, note=c.note)
        for c in wellbeing.recent_care(web.uow(), web.today(), days=days)
    ]


@router.post("/care", response_model=LoggedPublic, status_code=201)
async def log_care(web: WebDep, body: CareCreate) -> LoggedPublic:
    words = [f"{body.minutes}m" if body.minutes else "", body.note or ""]
    logged = wellbeing.log_care(
        web.uow(), body.kind.value, words, body.on or web.today(), web.now()
    )
    return LoggedPublic(id=logged.id, message=logged.message)


@router.get("/moods", response_model=list[MoodPublic])
async def list_moods(web: WebDep, days: Days = 30) -> list[MoodPublic]:
    return [
        MoodPublic(id=m.id, at=m.recorded_at, score=m.score, note=m.note,
                   application_id=m.application_id)
        for m in wellbeing.recent_moods(web.uow(), web.now(), days=days)
    ]  # fmt: skip


@router.post("/moods", response_model=LoggedPublic, status_code=201)
async def log_mood(web: WebDep, body: MoodCreate) -> LoggedPublic:
    logged = wellbeing.log_mood(web.uow(), str(body.score), body.note, web.now(),
                                application_id=body.application_id)  # fmt: skip
    return LoggedPublic(id=logged.id, message=logged.message)


def _why(view: why.WhyView) -> WhyPublic:
    current = view.current
    return WhyPublic(
        text=current.text if current else None,
        set_on=current.set_on if current else None,
        recheck=view.recheck.reason if view.recheck else None,
    )


@router.get("/why", response_model=WhyPublic)
async def show_why(web: WebDep) -> WhyPublic:
    """What the search is for, and whether it is time to look at it again."""
    return _why(why.show_why(web.uow(), web.today()))


@router.put("/why", response_model=MessagePublic)
async def set_why(web: WebDep, body: WhyUpdate) -> MessagePublic:
    return MessagePublic(message=why.set_why(web.uow(), body.text, web.now()))


@router.get("/growth", response_model=GrowthPublic)
async def growth_record(web: WebDep) -> GrowthPublic:
    """Each no beside what it taught and what came after it, newest first."""
    record = growth.growth_record(web.uow())
    stones = [
        StonePublic(
            application_id=s.no.application_id, company=s.no.company, role=s.no.role, on=s.no.on,
            at_stage=s.no.at_stage, reason=s.no.reason, taught=[t.text for t in s.taught],
            followed=[f.text + (f": {f.stage.label.lower()}" if f.stage else "") for f in s.followed],
        )
        for s in record.growth.stones
    ]  # fmt: skip
    return GrowthPublic(summary=record.summary, stones=stones)
