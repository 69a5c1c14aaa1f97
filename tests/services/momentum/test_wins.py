"""Small wins: logged by hand, and found in the journal once each, however often we look."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.models import Origin
from nextyes.domain.stages import Stage
from nextyes.domain.wins import WinKind
from nextyes.services.journal import Journal
from nextyes.services.momentum.goals import set_goal
from nextyes.services.momentum.wins import (
    list_wins,
    record_win,
    sync_auto_wins,
    week_wins,
    wins_between,
)
from nextyes.services.people import contacts
from nextyes.services.pipeline import applications as apps
from tests.conftest import NOW, TODAY, snapshot
from tests.services.momentum.momentum_helpers import MONDAY, applied, moved, plan_item, rejected


def _kinds(journal: Journal) -> list[tuple[WinKind, str]]:
    return [(w.kind, w.text) for w in list_wins(journal.uow(), NOW)]


def test_a_logged_win_is_kept_in_the_users_words(journal: Journal) -> None:
    win = record_win(journal.uow(), "  Nailed the   system design question ", TODAY, NOW)
    assert win.text == "Nailed the system design question" and not win.automatic
    assert [w.text for w in list_wins(journal.uow(), NOW)] == [win.text]


@pytest.mark.parametrize(("text", "day", "app", "error"), [
    ("   ", TODAY, None, InvalidInput),
    ("x" * 501, TODAY, None, InvalidInput),
    ("Tomorrow's win", TODAY + timedelta(days=1), None, InvalidInput),
    ("About nothing", TODAY, 42, NotFound),
])  # fmt: skip
def test_a_win_that_cannot_be_kept_writes_nothing(
    journal: Journal, text: str, day: object, app: int | None, error: type[Exception]
) -> None:
    before = snapshot(journal)
    with pytest.raises(error):
        record_win(journal.uow(), text, day, NOW, app)  # type: ignore[arg-type]
    assert snapshot(journal) == before


def _correct(journal: Journal, app_id: int, stage: Stage, day: object) -> None:
    apps.move_application(journal.uow(), app_id, stage, day, NOW, correct=True, origin=Origin.CLI)  # type: ignore[arg-type]


def test_a_correction_withdraws_the_wins_of_what_it_took_back(journal: Journal) -> None:
    first = applied(journal, "Acme", TODAY - timedelta(days=9), role="Data Analyst")
    moved(journal, first, Stage.INTERVIEW, TODAY - timedelta(days=3))
    assert {k for k, _ in _kinds(journal)} == {WinKind.FURTHEST}  # stored by this look
    _correct(journal, first, Stage.APPLIED, TODAY - timedelta(days=3))
    assert _kinds(journal) == []
    moved(journal, first, Stage.INTERVIEW, TODAY - timedelta(days=1))  # real this time
    assert [k for k, _ in _kinds(journal)] == [WinKind.FURTHEST]


def test_a_mistake_corrected_before_anyone_looked_is_never_a_win(any_journal: Journal) -> None:
    journal = any_journal
    first = applied(journal, "Acme", TODAY - timedelta(days=9))
    other = applied(journal, "Lumen", TODAY - timedelta(days=8))
    moved(journal, first, Stage.INTERVIEW, TODAY - timedelta(days=3))
    _correct(journal, first, Stage.SCREENING, TODAY - timedelta(days=3))
    moved(journal, other, Stage.SCREENING, TODAY - timedelta(days=2))
    assert [w.text for w in week_wins(journal.uow(), NOW) if w.kind is WinKind.INTERVIEW] == []
    wins = list_wins(journal.uow(), NOW)
    assert all("interview" not in w.text for w in wins)
    # A correction fixes the record; it is not a step forward, so the screening win is Lumen's.
    assert {w.application_id for w in wins if w.kind is WinKind.FURTHEST} == {other}


def test_interviews_and_stages_further_than_ever_become_wins(journal: Journal) -> None:
    first = applied(journal, "Acme", TODAY - timedelta(days=20), role="Data Analyst")
    moved(journal, first, Stage.SCREENING, TODAY - timedelta(days=15))
    moved(journal, first, Stage.INTERVIEW, TODAY - timedelta(days=10))
    moved(journal, first, Stage.INTERVIEW, TODAY - timedelta(days=5))
    wins = _kinds(journal)
    assert (
        WinKind.FURTHEST,
        "Further than ever before: a screening call at Acme (Data Analyst)",
    ) in wins
    assert (
        WinKind.FURTHEST,
        "Further than ever before: an interview at Acme (Data Analyst)",
    ) in wins
    assert [k for k, _ in wins].count(WinKind.INTERVIEW) == 1  # round 2: the first was "further"


def test_good_feedback_a_new_contact_a_referral_and_a_finished_plan_item_are_wins(
    journal: Journal,
) -> None:
    app_id = applied(journal, "Brightwell")
    with journal.uow() as uow:
        uow.feedback.add(app_id, "Strong interview, but we chose someone else.", "recruiter",
                         TODAY, NOW, origin="cli")  # fmt: skip
        uow.feedback.add(app_id, "Needed more SQL.", "interviewer", TODAY, NOW, origin="cli")
        uow.commit()
    contacts.add_contact(journal.uow(), "Priya Natarajan", NOW, company="Lumen")
    contacts.record_referral(journal.uow(), "Priya", app_id, NOW)
    plan_item(journal, "Practise window functions", TODAY - timedelta(days=1), app_id)
    plan_item(journal, "Not done yet", None, app_id)
    texts = dict(_kinds(journal))
    assert (
        texts[WinKind.FEEDBACK] == "Something good said about you at Brightwell: “Strong interview”"
    )
    assert texts[WinKind.CONTACT] == "A new person in your network: Priya Natarajan (Lumen)"
    assert texts[WinKind.REFERRAL] == "Priya Natarajan referred you to Brightwell (Analyst)"
    assert texts[WinKind.PLAN] == "Plan item done: Practise window functions"


def test_a_weekly_goal_met_and_applying_again_after_a_no_are_wins(journal: Journal) -> None:
    set_goal(journal.uow(), "applications", "2/week", NOW - timedelta(days=6))
    first = applied(journal, "Calder", MONDAY)
    rejected(journal, first, MONDAY + timedelta(days=1))
    applied(journal, "Daybreak", MONDAY + timedelta(days=2))
    applied(journal, "Ember", MONDAY + timedelta(days=3))
    wins = list_wins(journal.uow(), NOW)
    goal = [w for w in wins if w.kind is WinKind.GOAL]
    assert [(w.text, w.occurred_on) for w in goal] == [
        ("Weekly goal met: 2 applications", MONDAY + timedelta(days=2))]  # fmt: skip
    comeback = [w for w in wins if w.kind is WinKind.COMEBACK]
    assert [w.occurred_on for w in comeback] == [MONDAY + timedelta(days=2)]
    assert "Calder" in comeback[0].text


def test_looking_again_never_adds_a_win_twice(journal: Journal) -> None:
    app_id = applied(journal, "Acme", TODAY - timedelta(days=3))
    moved(journal, app_id, Stage.INTERVIEW, TODAY - timedelta(days=1))
    first = sync_auto_wins(journal.uow(), NOW)
    assert first > 0
    assert sync_auto_wins(journal.uow(), NOW) == 0
    assert sync_auto_wins(journal.uow(), NOW + timedelta(days=1)) == 0
    # Even with the watermark gone, the unique keys keep each win single.
    with journal.uow() as uow:
        uow.settings.unset("auto_wins_checked")
        uow.commit()
    assert sync_auto_wins(journal.uow(), NOW) == 0
    with journal.uow() as uow:
        assert uow.wins.count() == first


def test_a_fact_recorded_later_about_an_earlier_day_is_still_found(journal: Journal) -> None:
    app_id = applied(journal, "Acme", TODAY - timedelta(days=30))
    sync_auto_wins(journal.uow(), NOW)
    later = NOW + timedelta(days=2)
    from nextyes.services.pipeline import applications as apps

    apps.move_application(journal.uow(), app_id, Stage.INTERVIEW, TODAY - timedelta(days=25),
                          later, origin=Origin.CLI)  # fmt: skip
    assert sync_auto_wins(journal.uow(), later) == 1
    wins = wins_between(journal.uow(), TODAY - timedelta(days=26), TODAY, later)
    assert [w.occurred_on for w in wins] == [TODAY - timedelta(days=25)]


def test_this_weeks_wins_include_ones_not_stored_yet_without_writing(journal: Journal) -> None:
    record_win(journal.uow(), "Good call with Ruth", TODAY - timedelta(days=8), NOW)
    record_win(journal.uow(), "Sent the portfolio", TODAY, NOW)
    app_id = applied(journal, "Acme", TODAY - timedelta(days=3))
    moved(journal, app_id, Stage.INTERVIEW, TODAY - timedelta(days=1))
    before = snapshot(journal)
    with journal.uow() as uow:
        wins = week_wins(uow, NOW)
    assert snapshot(journal) == before
    assert wins[0].text == "Sent the portfolio"
    assert any(w.kind is WinKind.FURTHEST for w in wins)
    assert "Good call with Ruth" not in [w.text for w in wins]  # last week
    sync_auto_wins(journal.uow(), NOW)
    with journal.uow() as uow:
        assert [w.text for w in week_wins(uow, NOW)] == [w.text for w in wins]


def test_list_limits_must_be_positive(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="--limit"):
        list_wins(journal.uow(), NOW, limit=0)
