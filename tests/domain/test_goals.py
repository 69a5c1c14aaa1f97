"""Weekly goals as pure rules: targets as people type them, pace, weeks met and streaks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.goals import (
    MAX_TARGET,
    Goal,
    Metric,
    TargetProblem,
    metric_named,
    pace,
    read_target,
    streak,
    week_results,
    week_start,
)

MONDAY = date(2026, 11, 16)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10/week", 10), ("10 / week", 10), ("5 per week", 5), ("3/w", 3), ("7 a week", 7),
     ("4", 4), (" 12/wk ", 12), ("100/week", 100), ("+2/week", 2)],
)  # fmt: skip
def test_a_weekly_target_reads_the_way_people_write_it(text: str, expected: int) -> None:
    assert read_target(text) == expected


P = TargetProblem


@pytest.mark.parametrize(
    ("text", "problem"),
    [("0/week", P.NOTHING), ("-3/week", P.NOTHING), ("0", P.NOTHING),
     ("10/day", P.NOT_WEEKLY), ("10/month", P.NOT_WEEKLY), ("ten", P.NOT_A_TARGET),
     ("2.5/week", P.NOT_WHOLE), ("500/week", P.TOO_MANY), ("", P.NOT_A_TARGET),
     ("30x", P.NOT_A_TARGET)],
)  # fmt: skip
def test_a_target_that_cannot_work_is_named_by_what_is_wrong(text: str, problem: P) -> None:
    assert read_target(text) is problem


@given(st.integers(min_value=1, max_value=MAX_TARGET))
def test_every_sensible_target_round_trips(n: int) -> None:
    assert read_target(f"{n}/week") == n


@given(st.text(max_size=20))
def test_any_text_is_either_a_target_in_range_or_a_named_problem(text: str) -> None:
    value = read_target(text)
    assert isinstance(value, TargetProblem) or 1 <= value <= MAX_TARGET


def test_metrics_have_friendly_names_and_unknown_ones_are_none() -> None:
    assert metric_named("Networking touches") is Metric.NETWORKING
    assert metric_named("apps") is Metric.APPLICATIONS
    assert metric_named("push-ups") is None


def test_pace_spreads_what_is_left_over_the_days_left_including_today() -> None:
    wednesday = MONDAY + timedelta(days=2)
    p = pace(done=4, target=10, today=wednesday)
    assert (p.remaining, p.days_left, p.per_day, p.met) == (6, 5, 2, False)
    assert pace(12, 10, wednesday).remaining == 0 and pace(12, 10, wednesday).met
    assert pace(0, 3, MONDAY + timedelta(days=6)).days_left == 1


def _daily(counts: dict[int, int]) -> dict[date, int]:
    return {MONDAY + timedelta(days=offset): n for offset, n in counts.items()}


def test_a_week_is_met_on_the_day_the_count_reaches_the_target() -> None:
    goal = Goal(1, Metric.APPLICATIONS, 3, MONDAY - timedelta(days=7))
    results = week_results([goal], _daily({-6: 1, 0: 1, 2: 1, 3: 2}), MONDAY + timedelta(days=6))
    assert [(r.week, r.done, r.met_on) for r in results] == [
        (MONDAY - timedelta(days=7), 1, None),
        (MONDAY, 4, MONDAY + timedelta(days=3)),
    ]


def test_a_changed_target_counts_from_the_week_it_was_set() -> None:
    old = Goal(1, Metric.APPLICATIONS, 10, MONDAY - timedelta(days=14), MONDAY - timedelta(days=1))
    new = Goal(2, Metric.APPLICATIONS, 2, MONDAY + timedelta(days=2))
    results = week_results([old, new], _daily({-10: 3, 1: 2}), MONDAY + timedelta(days=3))
    assert [r.target for r in results] == [10, 10, 2]
    assert [r.met for r in results] == [False, False, True]


def test_a_streak_counts_weeks_met_in_a_row_and_this_week_never_breaks_it() -> None:
    goal = Goal(1, Metric.NETWORKING, 1, MONDAY - timedelta(days=28))
    today = MONDAY + timedelta(days=1)
    met_every_week = _daily({-28: 1, -21: 1, -14: 1, -7: 1})
    results = week_results([goal], met_every_week, today)
    assert streak(results, today) == 4
    results = week_results([goal], {**met_every_week, today: 1}, today)
    assert streak(results, today) == 5
    gap = _daily({-28: 1, -14: 1, -7: 1})
    assert streak(week_results([goal], gap, today), today) == 2


def test_week_start_is_monday() -> None:
    assert week_start(date(2026, 11, 22)) == MONDAY
    assert week_start(MONDAY) == MONDAY
