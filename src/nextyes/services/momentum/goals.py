"""Weekly goals: set, stop, and see progress, pace and streaks (also in `nextyes today`)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from nextyes import content
from nextyes.domain.errors import InvalidInput, NotFound, Words
from nextyes.domain.goals import (
    MAX_TARGET,
    Goal,
    Metric,
    Pace,
    TargetProblem,
    WeekResult,
    metric_named,
    pace,
    read_target,
    streak,
    week_results,
    week_start,
)
from nextyes.storage.uow import UnitOfWork

HEAVY_PER_DAY = 3


class GoalStatus(NamedTuple):
    goal: Goal
    pace: Pace
    streak: int
    last_week: WeekResult | None
    message: str  # where this week stands, and the pace for the rest of it
    notes: tuple[str, ...] = ()  # a streak, or a kind word about last week


class GoalChange(NamedTuple):
    status: GoalStatus
    message: str


def _words() -> dict[str, Any]:
    words: dict[str, Any] = content.load("momentum/messages")["goals"]
    return words


def amount(metric: Metric, count: int) -> str:
    """ "1 application", "3 networking touches"."""
    return content.counted(_words()["units"][metric.value], count)


def label(metric: Metric) -> str:
    """What the metric counts, by name: "networking touches"."""
    name: str = _words()["labels"][metric.value]
    return name


def parse_metric(text: str) -> Metric:
    """The metric a person typed, or a refusal that lists the ones there are."""
    metric = metric_named(text)
    if metric is None:
        names = ", ".join(m.value for m in Metric)
        raise InvalidInput(
            content.fill(_words()["form"]["not_a_metric"], text=text, names=names),
            web=Words("momentum/web", "goal_form.not_a_metric", {"text": text}),
        )
    return metric


def parse_target(text: str) -> int:
    """A weekly target as typed ("10/week", "10 per week", "10"), or a refusal that shows the
    form to use."""
    target = read_target(text)
    if isinstance(target, TargetProblem):
        form = _words()["form"]
        values = {"text": text, "max": MAX_TARGET}
        raise InvalidInput(
            content.fill(form[target.value], help=form["target_help"], **values),
            web=_target_refusal_in_browser(target, text),
        )
    return target


def _target_refusal_in_browser(problem: TargetProblem, text: str) -> Words:
    """The goal form's own words for a target it cannot use (it has a number field)."""
    match problem:
        case TargetProblem.NOT_A_TARGET:
            return Words("momentum/web", "goal_form.not_a_target", {"text": text})
        case TargetProblem.NOT_WEEKLY:
            return Words("momentum/web", "goal_form.not_weekly", {"text": text})
        case TargetProblem.NOT_WHOLE:
            return Words("momentum/web", "goal_form.not_whole", {"text": text})
        case TargetProblem.NOTHING:
            return Words("momentum/web", "goal_form.nothing")
        case TargetProblem.TOO_MANY:
            return Words("momentum/web", "goal_form.too_many", {"text": text, "max": MAX_TARGET})


class GoalHistory(NamedTuple):
    """Every goal, and week by week results per metric up to a day: read once, used by the
    goals and the wins alike."""

    goals: tuple[Goal, ...]
    results: dict[Metric, list[WeekResult]]


def goal_history(uow: UnitOfWork, until: date) -> GoalHistory:
    """Read the goals and count their weeks (inside an open uow)."""
    goals = tuple(uow.goals.all())
    results = {}
    for metric in sorted({g.metric for g in goals}, key=list(Metric).index):
        mine = [g for g in goals if g.metric is metric]
        start = week_start(min(g.starts_on for g in mine))
        results[metric] = week_results(mine, uow.goals.daily_counts(metric, start, until), until)
    return GoalHistory(goals, results)


def _status(goal: Goal, results: list[WeekResult], today: date) -> GoalStatus:
    words = _words()
    this_week = week_start(today)
    current = next((r for r in results if r.week == this_week), None)
    done = current.done if current else 0
    p = pace(done, goal.target, today)
    fields = {"done": done, "target": amount(Metric(goal.metric), goal.target),
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


def statuses(uow: UnitOfWork, today: date, history: GoalHistory | None = None) -> list[GoalStatus]:
    """Every running goal with this week's progress (inside an open uow)."""
    history = history or goal_history(uow, today)
    active = [g for g in history.goals if g.ended_on is None]
    return [
        _status(goal, history.results.get(goal.metric, []), today)
        for goal in sorted(active, key=lambda g: list(Metric).index(g.metric))
    ]


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
    fields = {"amount": amount(metric, target), "done": status.pace.done}
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
            raise NotFound(
                content.fill(words["unknown_stop"], metric=metric.value),
                web=Words("momentum/web", "goal_form.unknown_stop", {"metric": metric.value}),
            )
        for goal in running:
            if goal.starts_on == today:
                uow.goals.delete(goal.id)
            else:
                uow.goals.end(goal.id, today)
        uow.commit()
    return content.fill(words["stopped"], metric=metric.value)


def weeks_met(history: GoalHistory, since: date) -> list[tuple[Metric, WeekResult]]:
    """Weeks in which a goal was met, on or after `since`."""
    return [
        (metric, result)
        for metric, results in history.results.items()
        for result in results
        if result.met_on is not None and result.met_on >= since
    ]
