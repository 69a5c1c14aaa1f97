from __future__ import annotations

from datetime import date, timedelta

import pytest

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import Stage
from nextyes.errors import Conflict, InvalidInput, NotFound
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.settings.preferences import set_preference
from tests.conftest import NOW, TODAY


def _add(journal: Journal, company: str = "Acme Robotics", days_ago: int = 10) -> int:
    new = NewApplication(
        company, "Data Analyst", TODAY - timedelta(days=days_ago), source="linkedin"
    )
    return svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id


def test_adding_records_an_applied_event_on_the_day_applied(any_journal: Journal) -> None:
    app_id = _add(any_journal, days_ago=3)
    detail = svc.application_detail(any_journal.uow(), app_id)
    assert detail.application.stage is Stage.APPLIED
    assert [(e.stage, e.occurred_on) for e in detail.events] == [
        (Stage.APPLIED, TODAY - timedelta(days=3))
    ]


def test_a_saved_application_has_no_applied_date_until_it_is_sent(any_journal: Journal) -> None:
    new = NewApplication("Acme", "Analyst", None, saved_only=True)
    app = svc.add_application(any_journal.uow(), new, NOW, origin=Origin.CLI)
    assert (app.stage, app.applied_on) == (Stage.SAVED, None)
    moved = svc.move_application(
        any_journal.uow(), app.id, Stage.APPLIED, TODAY, NOW, origin=Origin.CLI
    )
    assert moved.application.applied_on == TODAY


@pytest.mark.parametrize(("company", "role"), [("", "Analyst"), ("  ", "Analyst"), ("Acme", "")])
def test_empty_names_are_refused(any_journal: Journal, company: str, role: str) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        svc.add_application(
            any_journal.uow(), NewApplication(company, role, TODAY), NOW, origin=Origin.CLI
        )


def test_an_application_cannot_be_sent_in_the_future(any_journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="future"):
        svc.add_application(
            any_journal.uow(),
            NewApplication("A", "B", TODAY + timedelta(days=1)),
            NOW,
            origin=Origin.CLI,
        )


def test_moving_to_an_interview_ahead_schedules_it(any_journal: Journal) -> None:
    app_id = _add(any_journal)
    outcome = svc.move_application(
        any_journal.uow(),
        app_id,
        Stage.INTERVIEW,
        TODAY + timedelta(days=3),
        NOW,
        round=2,
        note="panel",
        origin=Origin.CLI,
    )
    assert outcome.event.occurred_on == TODAY
    assert outcome.scheduled_on == TODAY + timedelta(days=3)
    detail = svc.application_detail(any_journal.uow(), app_id)
    (interview,) = detail.interviews
    assert (interview.round, interview.scheduled_on, interview.notes) == (
        2,
        TODAY + timedelta(days=3),
        "panel",
    )
    assert "win" in outcome.message


def test_going_backwards_needs_correct_and_keeps_the_old_entry(any_journal: Journal) -> None:
    app_id = _add(any_journal)
    svc.move_application(any_journal.uow(), app_id, Stage.OFFER, TODAY, NOW, origin=Origin.CLI)
    with pytest.raises(Conflict, match="--correct"):
        svc.move_application(
            any_journal.uow(), app_id, Stage.APPLIED, TODAY, NOW, origin=Origin.CLI
        )
    outcome = svc.move_application(
        any_journal.uow(), app_id, Stage.SCREENING, TODAY, NOW, correct=True, origin=Origin.CLI
    )
    assert outcome.application.stage is Stage.SCREENING
    stages = [e.stage for e in svc.application_detail(any_journal.uow(), app_id).events]
    assert stages == [Stage.APPLIED, Stage.OFFER, Stage.SCREENING]


def test_rejection_keeps_the_stage_it_came_at_and_the_reason(any_journal: Journal) -> None:
    app_id = _add(any_journal)
    svc.move_application(
        any_journal.uow(), app_id, Stage.FINAL, TODAY - timedelta(days=2), NOW, origin=Origin.CLI
    )
    outcome = svc.record_rejection(
        any_journal.uow(), app_id, TODAY, NOW, reason="  went with internal  ", origin=Origin.CLI
    )
    assert outcome.at_stage is Stage.FINAL
    assert outcome.event.reason == "went with internal"
    assert outcome.application.stage is Stage.REJECTED


def test_rejecting_a_closed_application_changes_nothing(any_journal: Journal) -> None:
    app_id = _add(any_journal)
    svc.record_rejection(any_journal.uow(), app_id, TODAY, NOW, origin=Origin.CLI)
    with pytest.raises(Conflict, match="already ended"):
        svc.record_rejection(any_journal.uow(), app_id, TODAY, NOW, origin=Origin.CLI)
    assert len(svc.application_detail(any_journal.uow(), app_id).events) == 2


def test_unknown_ids_say_how_to_find_the_right_one(any_journal: Journal) -> None:
    with pytest.raises(NotFound, match="nextyes list"):
        svc.application_detail(any_journal.uow(), 999)
    with pytest.raises(NotFound):
        svc.move_application(any_journal.uow(), 999, Stage.SCREENING, TODAY, NOW, origin=Origin.CLI)


def test_earlier_noes_from_the_same_company_come_back_with_what_was_said(
    any_journal: Journal,
) -> None:
    old = _add(any_journal, "Acme Robotics Ltd", days_ago=60)
    svc.move_application(
        any_journal.uow(), old, Stage.INTERVIEW, TODAY - timedelta(days=50), NOW, origin=Origin.CLI
    )
    svc.record_rejection(
        any_journal.uow(),
        old,
        TODAY - timedelta(days=45),
        NOW,
        reason="more SQL depth",
        origin=Origin.CLI,
    )
    with any_journal.uow() as uow:
        uow.feedback.add(
            old,
            "Work on window functions.",
            "interviewer",
            TODAY - timedelta(days=44),
            NOW,
            origin="cli",
        )
        uow.commit()
    ancient = _add(any_journal, "Acme Robotics", days_ago=400)
    svc.record_rejection(
        any_journal.uow(), ancient, TODAY - timedelta(days=390), NOW, origin=Origin.CLI
    )
    (past,) = svc.earlier_rejections(any_journal.uow(), "ACME robotics", TODAY)
    assert past.application.id == old
    assert past.event.from_stage is Stage.INTERVIEW
    assert past.event.reason == "more SQL depth"
    assert past.feedback == ("Work on window functions.",)


def test_folding_noes_hides_them_from_unfiltered_lists(any_journal: Journal) -> None:
    kept = _add(any_journal, "Kept")
    gone = _add(any_journal, "Gone")
    svc.record_rejection(any_journal.uow(), gone, TODAY, NOW, origin=Origin.CLI)
    set_preference(any_journal.uow(), "fold_rejected", "yes", NOW)
    page = svc.list_applications(any_journal.uow(), ApplicationQuery())
    assert ([a.id for a in page.items], page.folded) == ([kept], 1)
    shown = svc.list_applications(any_journal.uow(), ApplicationQuery(), include_folded=True)
    assert {a.id for a in shown.items} == {kept, gone}
    only_noes = svc.list_applications(any_journal.uow(), ApplicationQuery(stages=[Stage.REJECTED]))
    assert [a.id for a in only_noes.items] == [gone]


def test_a_list_page_counts_everything_that_matches(any_journal: Journal) -> None:
    for n in range(5):
        _add(any_journal, f"Company {n}", days_ago=n)
    page = svc.list_applications(any_journal.uow(), ApplicationQuery(limit=2))
    assert (len(page.items), page.total) == (2, 5)
    assert [a.company for a in page.items] == ["Company 0", "Company 1"]


def test_notes_need_text(any_journal: Journal) -> None:
    app_id = _add(any_journal)
    with pytest.raises(InvalidInput):
        svc.add_note(any_journal.uow(), app_id, "   ", TODAY, NOW)
    svc.add_note(any_journal.uow(), app_id, "Ask about dbt", date(2026, 11, 20), NOW, private=True)
    (note,) = svc.application_detail(any_journal.uow(), app_id).notes
    assert (note.text, note.private) == ("Ask about dbt", True)
