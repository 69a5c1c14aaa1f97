"""Weekly goals through the service: progress, pace, streaks and kind notes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes import content
from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.goals import MAX_TARGET, Metric, TargetProblem
from nextyes.services.journal import Journal
from nextyes.services.momentum.goals import (
    amount,
    goal_statuses,
    label,
    parse_metric,
    parse_target,
    set_goal,
    stop_goal,
)
from nextyes.services.people import contacts
from nextyes.web.rendering import filled
from tests.conftest import NOW, TODAY, snapshot
from tests.services.momentum.momentum_helpers import MONDAY, applied, practice

P = TargetProblem


def test_progress_counts_applications_sent_this_week_and_paces_the_rest(journal: Journal) -> None:
    set_goal(journal.uow(), "applications", "10/week", NOW - timedelta(days=3))
    applied(journal, "Acme", MONDAY)
    applied(journal, "Brightwell", MONDAY + timedelta(days=2))
    applied(journal, "Older", MONDAY - timedelta(days=1))
    (status,) = goal_statuses(journal.uow(), TODAY)
    assert (status.pace.done, status.pace.remaining, status.pace.days_left) == (2, 8, 1)
    assert "8 to go today" in status.message
    assert any("guide" in note for note in status.notes)  # 8 in a day is a lot: gently said


def test_networking_and_practice_goals_count_their_own_records(journal: Journal) -> None:
    set_goal(journal.uow(), "networking", "2/week", NOW)
    set_goal(journal.uow(), "practice", "1/week", NOW)
    contacts.add_contact(journal.uow(), "Priya", NOW, relation="mentor")
    contacts.log_interaction(journal.uow(), "Priya", NOW, kind="coffee")
    practice(journal, TODAY)
    statuses = {s.goal.metric: s for s in goal_statuses(journal.uow(), TODAY)}
    assert statuses[Metric.NETWORKING].pace.done == 1
    assert statuses[Metric.PRACTICE].pace.met
    assert "goal met" in statuses[Metric.PRACTICE].message


def test_a_streak_grows_with_each_week_met_and_a_missed_week_gets_a_kind_note(
    journal: Journal,
) -> None:
    three_weeks_ago = MONDAY - timedelta(days=21)
    set_goal(journal.uow(), "applications", "1/week", NOW - timedelta(days=27))
    applied(journal, "A", three_weeks_ago)
    applied(journal, "B", three_weeks_ago + timedelta(days=8))
    (status,) = goal_statuses(journal.uow(), TODAY)
    assert status.streak == 0
    assert status.last_week is not None and not status.last_week.met
    note = " ".join(status.notes)
    assert "information, not a verdict" in note and "nextyes goal set applications" in note
    applied(journal, "C", MONDAY - timedelta(days=3))
    applied(journal, "D", MONDAY)
    (status,) = goal_statuses(journal.uow(), TODAY)
    assert status.streak == 4  # three weeks back to this one, all met
    assert "4 weeks in a row" in " ".join(status.notes)


def test_changing_a_target_keeps_earlier_weeks_and_says_what_changed(journal: Journal) -> None:
    set_goal(journal.uow(), "applications", "10/week", NOW - timedelta(days=10))
    change = set_goal(journal.uow(), "apps", "5 per week", NOW)
    assert "changed to 5 applications" in change.message and "was 10" in change.message
    with journal.uow() as uow:
        goals = uow.goals.all()
    assert [(g.target, g.ended_on) for g in goals] == [(10, TODAY - timedelta(days=1)), (5, None)]
    set_goal(journal.uow(), "applications", "6/week", NOW)  # the same day: just the new target
    with journal.uow() as uow:
        assert [g.target for g in uow.goals.all()] == [10, 6]


def test_stopping_a_goal_keeps_its_history_and_unknown_ones_are_explained(
    journal: Journal,
) -> None:
    set_goal(journal.uow(), "networking", "3/week", NOW - timedelta(days=8))
    assert "Stopped" in stop_goal(journal.uow(), "networking", NOW)
    assert goal_statuses(journal.uow(), TODAY) == []
    with pytest.raises(NotFound, match="no networking goal running"):
        stop_goal(journal.uow(), "networking", NOW)


@pytest.mark.parametrize(("metric", "target"), [("applications", "0/week"),
                                                ("applications", "-3/week"),
                                                ("push-ups", "10/week")])  # fmt: skip
def test_a_goal_that_cannot_work_writes_nothing(journal: Journal, metric: str, target: str) -> None:
    before = snapshot(journal)
    with pytest.raises(InvalidInput):
        set_goal(journal.uow(), metric, target, NOW)
    assert snapshot(journal) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [("0/week", "nothing at all"), ("-3/week", "nothing at all"), ("0", "nothing at all"),
     ("10/day", "Goals are weekly"), ("10/month", "Goals are weekly"), ("ten", "not a weekly"),
     ("2.5/week", "whole number"), ("500/week", "100 or fewer"), ("", "not a weekly"),
     ("30x", "not a weekly")],
)  # fmt: skip
def test_a_target_that_cannot_work_is_refused_with_the_form_to_use(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_target(text)


@given(st.text(max_size=20))
def test_any_text_is_either_a_target_in_range_or_a_clear_refusal(text: str) -> None:
    try:
        value = parse_target(text)
    except InvalidInput as exc:
        assert "week" in exc.message or "100 or fewer" in exc.message
        assert exc.web is not None and filled(exc.web)
    else:
        assert 1 <= value <= 100


def test_the_goal_forms_words_are_the_content_files_for_every_problem() -> None:
    """Each refusal is the sentence in momentum/messages.toml (and momentum/web.toml for the
    settings page), filled: no words written in code."""
    form = content.load("momentum/messages")["goals"]["form"]
    web = content.load("momentum/web")["goal_form"]
    typed = {P.NOT_A_TARGET: "ten", P.NOT_WEEKLY: "10/day", P.NOT_WHOLE: "2.5",
             P.NOTHING: "0", P.TOO_MANY: "500"}  # fmt: skip
    assert set(typed) == set(P)
    for problem, text in typed.items():
        with pytest.raises(InvalidInput) as refused:
            parse_target(text)
        values = {"text": text, "max": MAX_TARGET}
        assert refused.value.message == content.fill(
            form[problem.value], help=form["target_help"], **values
        )
        assert refused.value.web is not None
        assert filled(refused.value.web) == content.fill(web[problem.value], **values)
    with pytest.raises(InvalidInput) as unknown:
        parse_metric("push-ups")
    names = "applications, networking, practice"
    assert unknown.value.message == content.fill(form["not_a_metric"], text="push-ups", names=names)


def test_counts_and_names_of_what_goals_count_come_from_the_content_file() -> None:
    assert amount(Metric.PRACTICE, 1) == "1 practice session"
    assert amount(Metric.NETWORKING, 3) == "3 networking touches"
    assert [label(m) for m in Metric] == ["applications", "networking touches", "practice sessions"]
    assert parse_metric("Networking touches") is Metric.NETWORKING
