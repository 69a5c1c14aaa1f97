from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.errors import Conflict, InvalidInput, NextyesError
from nextyes.domain.models import Origin, StageEvent
from nextyes.domain.pipeline import (
    current_stage,
    furthest_stage,
    plan_move,
    rejection_stage,
    stage_on,
)
from nextyes.domain.stages import ENDINGS, MOVE_TARGETS, RANK, Stage, check_move, parse_stage

D = date(2026, 11, 1)


def events(*steps: tuple[Stage, int]) -> list[StageEvent]:
    return [
        StageEvent(i + 1, 1, stage, D + timedelta(days=day), origin=Origin.CLI)
        for i, (stage, day) in enumerate(steps)
    ]


def test_forward_moves_are_allowed() -> None:
    check_move(Stage.APPLIED, Stage.SCREENING)
    check_move(Stage.APPLIED, Stage.INTERVIEW)  # skipping steps happens
    check_move(Stage.INTERVIEW, Stage.INTERVIEW)  # another round
    check_move(Stage.OFFER, Stage.ACCEPTED)


def test_an_offer_cannot_go_back_to_applied_without_correct() -> None:
    with pytest.raises(Conflict, match="--correct"):
        check_move(Stage.OFFER, Stage.APPLIED)
    check_move(Stage.OFFER, Stage.APPLIED, correct=True)


def test_only_an_offer_can_be_accepted() -> None:
    with pytest.raises(Conflict, match="offer first"):
        check_move(Stage.INTERVIEW, Stage.ACCEPTED)


def test_a_ghosted_application_revives_when_they_answer() -> None:
    check_move(Stage.GHOSTED, Stage.INTERVIEW)
    check_move(Stage.GHOSTED, Stage.REJECTED)


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_nothing_follows_an_ending_without_correct(ending: Stage) -> None:
    with pytest.raises(Conflict):
        check_move(ending, Stage.INTERVIEW)


@given(st.sampled_from(list(Stage)), st.sampled_from(list(Stage)), st.booleans())
def test_check_move_either_allows_or_explains(current: Stage, target: Stage, correct: bool) -> None:
    try:
        check_move(current, target, correct=correct)
    except Conflict as exc:
        assert exc.message.endswith(".")
    else:
        if not correct and current.is_progress and target.is_progress and target is not current:
            assert RANK[target] > RANK[current]


@given(st.sampled_from(list(Stage)), st.sampled_from(list(Stage)))
def test_correct_allows_any_change(current: Stage, target: Stage) -> None:
    if current is not target:
        check_move(current, target, correct=True)


def test_stage_names_are_forgiving() -> None:
    assert parse_stage("Final round") is Stage.FINAL
    assert parse_stage("phone-screen") is Stage.SCREENING
    assert parse_stage(" OFFER ") is Stage.OFFER
    with pytest.raises(InvalidInput, match="interview"):
        parse_stage("lunch")


def test_current_stage_is_the_latest_event_by_date_then_record_order() -> None:
    timeline = events((Stage.APPLIED, 0), (Stage.INTERVIEW, 10), (Stage.SCREENING, 5))
    assert current_stage(timeline).stage is Stage.INTERVIEW
    assert stage_on(timeline, D + timedelta(days=7)) is Stage.SCREENING
    assert stage_on(timeline, D - timedelta(days=1)) is None


def test_an_older_event_is_history_and_never_overrides_a_newer_one() -> None:
    timeline = events((Stage.APPLIED, 0), (Stage.INTERVIEW, 10))
    plan = plan_move(timeline, Stage.SCREENING, D + timedelta(days=4), D + timedelta(days=20))
    assert plan.changes_current is False
    assert plan.from_stage is Stage.APPLIED


def test_a_back_dated_move_must_fit_what_came_after() -> None:
    timeline = events((Stage.APPLIED, 0), (Stage.INTERVIEW, 10))
    with pytest.raises(Conflict):
        plan_move(timeline, Stage.OFFER, D + timedelta(days=5), D + timedelta(days=20))


def test_an_ending_cannot_be_dated_before_later_progress() -> None:
    timeline = events((Stage.APPLIED, 0), (Stage.INTERVIEW, 10))
    with pytest.raises(Conflict, match="the date it ended"):
        plan_move(timeline, Stage.REJECTED, D + timedelta(days=5), D + timedelta(days=20))


def test_an_interview_date_ahead_is_scheduled_and_the_move_happens_today() -> None:
    today = D + timedelta(days=10)
    plan = plan_move(events((Stage.APPLIED, 0)), Stage.INTERVIEW, today + timedelta(days=3), today)
    assert plan.occurred_on == today
    assert plan.scheduled_on == today + timedelta(days=3)
    assert plan.round == 1


def test_other_stages_cannot_be_dated_in_the_future() -> None:
    with pytest.raises(InvalidInput, match="future"):
        plan_move(events((Stage.APPLIED, 0)), Stage.OFFER, D + timedelta(days=30), D)


def test_rounds_count_up_unless_given() -> None:
    timeline = events((Stage.APPLIED, 0), (Stage.INTERVIEW, 3))
    timeline[1] = StageEvent(
        2, 1, Stage.INTERVIEW, D + timedelta(days=3), round=1, origin=Origin.CLI
    )
    assert (
        plan_move(timeline, Stage.INTERVIEW, D + timedelta(days=9), D + timedelta(days=9)).round
        == 2
    )
    with pytest.raises(InvalidInput):
        plan_move(timeline, Stage.FINAL, D + timedelta(days=9), D + timedelta(days=9), round=2)


def test_a_move_before_the_first_event_is_refused() -> None:
    with pytest.raises(InvalidInput, match="first event"):
        plan_move(events((Stage.APPLIED, 5)), Stage.SCREENING, D, D + timedelta(days=9))


def test_rejection_stage_is_where_the_application_had_got_to() -> None:
    assert rejection_stage(events((Stage.APPLIED, 0), (Stage.FINAL, 9))) is Stage.FINAL
    ghosted = events((Stage.APPLIED, 0), (Stage.INTERVIEW, 5), (Stage.GHOSTED, 30))
    assert rejection_stage(ghosted) is Stage.INTERVIEW
    assert furthest_stage(ghosted) is Stage.INTERVIEW


@given(st.lists(st.sampled_from(MOVE_TARGETS), max_size=12), st.integers(0, 5))
def test_any_sequence_of_moves_keeps_the_timeline_consistent(
    targets: list[Stage], gap: int
) -> None:
    """Apply moves one after another; refused ones change nothing, accepted ones become current."""
    timeline = events((Stage.APPLIED, 0))
    today = D + timedelta(days=200)
    day = D
    for target in targets:
        day += timedelta(days=gap)
        try:
            plan = plan_move(timeline, target, day, today)
        except NextyesError:
            continue
        timeline.append(
            StageEvent(
                len(timeline) + 1, 1, target, plan.occurred_on, round=plan.round, origin=Origin.CLI
            )
        )
        assert plan.changes_current
        assert current_stage(timeline).stage is target
