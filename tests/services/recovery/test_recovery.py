"""Recording a no with its cool-down, and what `today` suggests during and after it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nextyes.domain.cooldown import InvalidCoolDown
from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.errors import Conflict
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.recovery.cool_down import reject_and_recover
from nextyes.services.recovery.feedback_requests import record_request_sent
from nextyes.services.recovery.reflection import ReflectionAnswers, plan_reflection, save_reflection
from nextyes.services.recovery.replies import draft_reply
from nextyes.services.settings.preferences import set_preference
from nextyes.services.today.agenda import build_agenda
from tests.conftest import NOW, TODAY, snapshot


def _app(journal: Journal, company: str = "Acme Robotics", stage: Stage | None = None) -> int:
    new = NewApplication(company, "Data Analyst", TODAY - timedelta(days=20))
    app_id = svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id
    if stage is not None:
        svc.move_application(
            journal.uow(), app_id, stage, TODAY - timedelta(days=5), NOW, origin=Origin.CLI
        )
    return app_id


def test_a_rejection_opens_the_cool_down_asked_for(any_journal: Journal) -> None:
    app_id = _app(any_journal, stage=Stage.INTERVIEW)
    recovery = reject_and_recover(
        any_journal.uow(), app_id, TODAY, NOW, cool_down="weekend", origin=Origin.CLI
    )
    assert recovery.outcome.at_stage is Stage.INTERVIEW
    assert recovery.window is not None
    assert recovery.window.starts_at == NOW
    assert recovery.window.ends_at.weekday() == 6
    assert "Sunday" in recovery.message.window or "this evening" in recovery.message.window
    with any_journal.uow() as uow:
        (stored,) = uow.cool_downs.for_application(app_id)
    assert (stored.kind, stored.ends_at) == ("weekend", recovery.window.ends_at)


def test_without_a_choice_the_cool_down_setting_is_used(journal: Journal) -> None:
    set_preference(journal.uow(), "cool_down", "90m", NOW)
    recovery = reject_and_recover(journal.uow(), _app(journal), TODAY, NOW, origin=Origin.CLI)
    assert recovery.window is not None
    assert recovery.window.ends_at - recovery.window.starts_at == timedelta(minutes=90)


def test_cool_down_none_opens_no_window_but_still_speaks_kindly(journal: Journal) -> None:
    recovery = reject_and_recover(
        journal.uow(), _app(journal), TODAY, NOW, cool_down="none", origin=Origin.CLI
    )
    assert recovery.window is None
    assert "No cool-down this time" in recovery.message.window
    assert recovery.message.message
    with journal.uow() as uow:
        assert uow.cool_downs.active_at(NOW) == []


def test_a_back_dated_no_with_a_cool_down_already_over_is_recorded_and_says_so(
    any_journal: Journal,
) -> None:
    app_id = _app(any_journal)
    recovery = reject_and_recover(
        any_journal.uow(),
        app_id,
        TODAY - timedelta(days=14),
        NOW,
        cool_down="weekend",
        origin=Origin.CLI,
    )
    assert recovery.outcome.application.stage is Stage.REJECTED
    assert recovery.window is None
    assert "already passed" in recovery.message.window
    with any_journal.uow() as uow:
        assert uow.cool_downs.for_application(app_id) == []


def test_a_default_cool_down_whose_time_has_passed_is_skipped_with_a_note(
    journal: Journal,
) -> None:
    recovery = reject_and_recover(
        journal.uow(), _app(journal), TODAY - timedelta(days=3), NOW, origin=Origin.CLI
    )
    assert recovery.window is None
    assert "already passed" in recovery.message.window
    assert recovery.outcome.application.stage is Stage.REJECTED


def test_a_cool_down_from_an_earlier_day_can_still_reach_past_now(journal: Journal) -> None:
    recovery = reject_and_recover(
        journal.uow(),
        _app(journal),
        TODAY - timedelta(days=1),
        NOW,
        cool_down="2d",
        origin=Origin.CLI,
    )
    assert recovery.window is not None
    assert recovery.window.starts_at == NOW - timedelta(days=1)


def test_a_bad_cool_down_is_refused_before_anything_is_written(journal: Journal) -> None:
    app_id = _app(journal)
    before = snapshot(journal)
    with pytest.raises(InvalidCoolDown, match="evening, weekend, none"):
        reject_and_recover(
            journal.uow(), app_id, TODAY, NOW, cool_down="a while", origin=Origin.CLI
        )
    assert snapshot(journal) == before


def test_rejecting_a_closed_application_changes_nothing(journal: Journal) -> None:
    app_id = _app(journal)
    reject_and_recover(journal.uow(), app_id, TODAY, NOW, origin=Origin.CLI)
    before = snapshot(journal)
    with pytest.raises(Conflict, match="already ended"):
        reject_and_recover(
            journal.uow(), app_id, TODAY, NOW, cool_down="weekend", origin=Origin.CLI
        )
    assert snapshot(journal) == before


def test_the_message_knows_the_first_no_and_a_hard_week(journal: Journal) -> None:
    first = reject_and_recover(
        journal.uow(), _app(journal, "A"), TODAY, NOW, cool_down="none", origin=Origin.CLI
    )
    assert first.message.message_id == "first"
    reject_and_recover(
        journal.uow(), _app(journal, "B"), TODAY, NOW, cool_down="none", origin=Origin.CLI
    )
    third = reject_and_recover(
        journal.uow(), _app(journal, "C"), TODAY, NOW, cool_down="none", origin=Origin.CLI
    )
    assert third.noes_this_week == 3
    assert third.message.message_id == "several-this-week"
    assert "three noes this week" in third.message.message


def test_today_shows_the_cool_down_and_holds_the_next_steps_back(any_journal: Journal) -> None:
    app_id = _app(any_journal, stage=Stage.FINAL)
    reject_and_recover(
        any_journal.uow(), app_id, TODAY, NOW, cool_down="evening", origin=Origin.CLI
    )
    agenda = build_agenda(any_journal.uow(), NOW)
    state = agenda.sections["cool_down"]
    assert state["application_id"] == app_id
    assert "this evening" in state["text"]
    assert state["remaining_minutes"] == 11 * 60
    assert not [i for i in agenda.items if i.kind.startswith("recovery_")]


def test_a_new_cool_down_holds_back_only_its_own_no_not_an_older_one(
    any_journal: Journal,
) -> None:
    older = _app(any_journal, "Older Co", stage=Stage.FINAL)
    reject_and_recover(
        any_journal.uow(), older, TODAY - timedelta(days=5), NOW - timedelta(days=5),
        cool_down="evening", origin=Origin.CLI,
    )  # fmt: skip
    newer = _app(any_journal, "Newer Co", stage=Stage.FINAL)
    reject_and_recover(any_journal.uow(), newer, TODAY, NOW, cool_down="weekend", origin=Origin.CLI)
    agenda = build_agenda(any_journal.uow(), NOW)
    assert agenda.sections["cool_down"]["application_id"] == newer
    steps = {(i.application_id, i.kind) for i in agenda.items if i.kind.startswith("recovery_")}
    assert steps == {
        (older, "recovery_request_feedback"),
        (older, "recovery_reply"),
        (older, "recovery_reflect"),
    }


def test_after_the_cool_down_today_suggests_feedback_a_reply_and_reflection(
    any_journal: Journal,
) -> None:
    app_id = _app(any_journal, stage=Stage.FINAL)
    reject_and_recover(any_journal.uow(), app_id, TODAY, NOW, cool_down="2h", origin=Origin.CLI)
    agenda = build_agenda(any_journal.uow(), NOW + timedelta(hours=3))
    assert agenda.sections["cool_down"] is None
    kinds = {i.kind for i in agenda.items if i.application_id == app_id}
    assert kinds == {"recovery_request_feedback", "recovery_reply", "recovery_reflect"}
    suggestion = next(i for i in agenda.items if i.kind == "recovery_request_feedback").suggestion
    assert suggestion is not None
    assert f"nextyes feedback request {app_id}" in suggestion


def test_after_a_screen_out_only_reflection_is_suggested(journal: Journal) -> None:
    app_id = _app(journal)
    reject_and_recover(journal.uow(), app_id, TODAY, NOW, cool_down="none", origin=Origin.CLI)
    kinds = {
        i.kind for i in build_agenda(journal.uow(), NOW).items if i.kind.startswith("recovery")
    }
    assert kinds == {"recovery_reflect"}


def test_steps_already_taken_are_not_suggested_again(journal: Journal) -> None:
    app_id = _app(journal, stage=Stage.INTERVIEW)
    svc.move_application(
        journal.uow(),
        app_id,
        Stage.INTERVIEW,
        TODAY - timedelta(days=4),
        NOW,
        round=2,
        origin=Origin.CLI,
    )
    reject_and_recover(journal.uow(), app_id, TODAY, NOW, cool_down="none", origin=Origin.CLI)
    record_request_sent(journal.uow(), app_id, TODAY, NOW)
    draft_reply(journal.uow(), app_id, NOW, to="Priya Shah")
    plan = plan_reflection(journal.uow(), app_id)
    save_reflection(
        journal.uow(), plan, ReflectionAnswers(mood_before=2), started_at=NOW, finished_at=NOW,
        now=NOW,
    )  # fmt: skip
    assert not [i for i in build_agenda(journal.uow(), NOW).items if i.application_id == app_id]


def test_the_one_follow_up_is_suggested_when_due_and_never_after_it(journal: Journal) -> None:
    app_id = _app(journal)
    svc.move_application(
        journal.uow(), app_id, Stage.INTERVIEW, TODAY - timedelta(days=10), NOW, origin=Origin.CLI
    )
    reject_and_recover(
        journal.uow(), app_id, TODAY - timedelta(days=8), NOW, cool_down="none", origin=Origin.CLI
    )
    record_request_sent(journal.uow(), app_id, TODAY - timedelta(days=7), NOW)
    items = build_agenda(journal.uow(), NOW).items
    assert [i.kind for i in items if i.kind == "recovery_follow_up"] == ["recovery_follow_up"]
    record_request_sent(journal.uow(), app_id, TODAY, NOW)  # the follow-up
    for days in (0, 7, 14):
        later = NOW + timedelta(days=days)
        kinds = {i.kind for i in build_agenda(journal.uow(), later).items}
        assert "recovery_follow_up" not in kinds
        assert "recovery_request_feedback" not in kinds


def test_many_recent_noes_show_three_of_each_step_and_count_the_rest(journal: Journal) -> None:
    for n in range(5):
        reject_and_recover(
            journal.uow(), _app(journal, f"Co {n}"), TODAY, NOW, cool_down="none", origin=Origin.CLI
        )
    agenda = build_agenda(journal.uow(), NOW)
    assert len([i for i in agenda.items if i.kind == "recovery_reflect"]) == 3
    assert agenda.more["recovery_reflect"] == 2


def test_a_cool_down_kind_this_version_cannot_read_still_shows_by_its_dates(
    journal: Journal,
) -> None:
    app_id = _app(journal)
    reject_and_recover(journal.uow(), app_id, TODAY, NOW, cool_down="none", origin=Origin.CLI)
    with journal.uow() as uow:
        uow.cool_downs.add(app_id, "until-the-rain-stops", NOW, NOW + timedelta(hours=3), NOW)
        uow.commit()
    state = build_agenda(journal.uow(), NOW).sections["cool_down"]
    assert state["remaining_minutes"] == 180
    assert "13:00 today" in state["text"]
