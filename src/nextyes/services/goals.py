"""Weekly goals: set, stop, and see progress, pace and streaks (also in `nextyes today`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from nextyes import content
from nextyes.domain.errors import NotFound
from nextyes.domain.goals import (
    Goal,
    Metric,
    Pace,
    WeekResult,
    pace,
    parse_metric,
    parse_target,
    streak,
    week_results,
    week_start,
)
from nextyes.storage.uow import UnitOfWork

HEAVY_PER_DAY = 3


@dataclass(frozen=True, slots=True)
class GoalStatus:
    goal: Goal
    pace: Pace
    streak: int
    last_week: WeekResult | None
    message: str  # where this week stands, and the pace for the rest of it
    notes: tuple[str, ...] = ()  # a streak, or a kind word about last week


@dataclass(frozen=True, slots=True)
class GoalChange:
    status: GoalStatus
    message: str


def _words() -> dict[str, str]:
    words: dict[str, str] = content.load("momentum")["goals"]
    return words


def results_for(
    uow: UnitOfWork, metric: Metric, goals: list[Goal], until: date
) -> list[WeekResult]:
    """Week by week results for one metric's goals (inside an open uow)."""
    mine = [g for g in goals if g.metric is metric]
    if not mine:
        return []
    start = week_start(min(g.starts_on for g in mine))
    daily = uow.goals.daily_counts(metric, start, until)
    return week_results(mine, daily, until)


def _status(goal: Goal, results: list[WeekResult], today: date) -> GoalStatus:
    words = _words()
    this_week = week_start(today)
    current = next((r for r in results if r.week == this_week), None)
    done = current.done if current else 0
    p = pace(done, goal.target, today)
    fields = {"done": done, "target": Metric(goal.metric).amount(goal.target),
              "remaining": p.remaining, "days_left": p.days_left, "per_day": p.per_day}  # fmt: skip
    if p.met:
        message = content.fill(words["met"], **fields)
    elif done == 0 and today.weekday() == 0:
        message = content.fill(words["fresh"], **fields)
    elif p.days_left == 1:
        message = content.fill(words["last_day"], **fields)
    else:
        message = content.fill(words["on_track"], **fields)
    notes = []
    if not p.met and p.per_day >= HEAVY_PER_DAY:
        notes.append(words["heavy"])
    weeks = streak(results, today)
    if weeks >= 2:
        notes.append(content.fill(words["streak"], weeks=weeks))
    last_week = next((r for r in results if r.week == this_week - timedelta(days=7)), None)
    if last_week is not None and not last_week.met and not p.met and goal.starts_on < this_week:
        notes.append(
            content.fill(words["missed"], done=last_week.done, target=last_week.target,
                         metric=goal.metric.value)
        )  # fmt: skip
    return GoalStatus(goal, p, weeks, last_week, message, tuple(notes))


def statuses(uow: UnitOfWork, today: date) -> list[GoalStatus]:
    """Every running goal with this week's progress (inside an open uow)."""
    everything = uow.goals.all()
    active = [g for g in everything if g.ended_on is None]
    result = []
    for goal in sorted(active, key=lambda g: list(Metric).index(g.metric)):
        result.append(_status(goal, results_for(uow, goal.metric, everything, today), today))
    return result


def goal_statuses(uow: UnitOfWork, today: date) -> list[GoalStatus]:
    with uow:
        return statuses(uow, today)


def set_goal(uow: UnitOfWork, metric_text: str, target_text: str, now: datetime) -> GoalChange:
    """Start a weekly goal, or change the target of the one running for that metric.

    The new target counts from this week on; earlier weeks keep the target they had.
    """
    metric = parse_metric(metric_text)
    target = parse_target(target_text)
    today = now.date()
    words = _words()
    with uow:
        running = [g for g in uow.goals.active() if g.metric is metric]
        previous = running[-1] if running else None
        if previous is not None and previous.starts_on == today:
            uow.goals.set_target(previous.id, target)
        else:
            if previous is not None:
                uow.goals.end(previous.id, today - timedelta(days=1))
            uow.goals.add(metric, target, today, now)
        status = next(s for s in statuses(uow, today) if s.goal.metric is metric)
        uow.commit()
    fields = {"amount": metric.amount(target), "done": status.pace.done}
    if previous is not None and previous.target != target:
        message = content.fill(words["changed"], previous=previous.target, **fields)
    else:
        message = content.fill(words["set"], **fields)
    return GoalChange(status, message)


def stop_goal(uow: UnitOfWork, metric_text: str, now: datetime) -> str:
    metric = parse_metric(metric_text)
    today = now.date()
    words = _words()
    with uow:
        running = [g for g in uow.goals.active() if g.metric is metric]
        if not running:
            raise NotFound(content.fill(words["unknown_stop"], metric=metric.value))
        for goal in running:
            if goal.starts_on == today:
                uow.goals.delete(goal.id)
            else:
                uow.goals.end(goal.id, today)
        uow.commit()
    return content.fill(words["stopped"], metric=metric.value)


def weeks_met(uow: UnitOfWork, since: date, until: date) -> list[tuple[Metric, WeekResult]]:
    """Weeks from `since` to `until` in which a goal was met (inside an open uow)."""
    everything = uow.goals.all()
    found = []
    for metric in sorted({g.metric for g in everything}, key=list(Metric).index):
        for result in results_for(uow, metric, everything, until):
            if result.met_on is not None and result.met_on >= since:
                found.append((metric, result))
    return found
