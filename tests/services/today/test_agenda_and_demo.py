from __future__ import annotations

from datetime import timedelta

import pytest

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import OPEN_STAGES, Stage
from nextyes.errors import Conflict
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.today.agenda import build_agenda
from tests.conftest import NOW, TODAY


def _add(journal: Journal, company: str, days_ago: int) -> int:
    new = NewApplication(company, "Analyst", TODAY - timedelta(days=days_ago))
    return svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id


def test_today_shows_interviews_ahead_with_a_prep_reminder_the_day_before(journal: Journal) -> None:
    app_id = _add(journal, "Acme", 5)
    svc.move_application(
        journal.uow(), app_id, Stage.INTERVIEW, TODAY + timedelta(days=1), NOW, origin=Origin.CLI
    )
    agenda = build_agenda(journal.uow(), NOW)
    kinds = [(i.kind, i.due_on) for i in agenda.items]
    assert ("prep", TODAY) in kinds
    assert ("interview", TODAY + timedelta(days=1)) in kinds


def test_quiet_applications_get_a_follow_up_suggestion_after_the_set_number_of_days(
    journal: Journal,
) -> None:
    quiet = _add(journal, "Quiet Co", 21)
    _add(journal, "Recent Co", 20)
    interviewed = _add(journal, "Panel Co", 30)
    svc.move_application(
        journal.uow(),
        interviewed,
        Stage.INTERVIEW,
        TODAY - timedelta(days=10),
        NOW,
        origin=Origin.CLI,
    )
    items = [i for i in build_agenda(journal.uow(), NOW).items if i.kind == "follow_up"]
    assert {i.application_id for i in items} == {quiet, interviewed}
    assert all(f"nextyes move {i.application_id} ghosted" in (i.suggestion or "") for i in items)


def test_an_application_with_an_interview_ahead_is_not_called_quiet(journal: Journal) -> None:
    app_id = _add(journal, "Booked Co", 40)
    svc.move_application(
        journal.uow(), app_id, Stage.INTERVIEW, TODAY - timedelta(days=20), NOW, origin=Origin.CLI
    )
    svc.move_application(
        journal.uow(), app_id, Stage.INTERVIEW, TODAY + timedelta(days=5), NOW, origin=Origin.CLI
    )
    items = build_agenda(journal.uow(), NOW).items
    assert not [i for i in items if i.kind == "follow_up"]


def test_the_demo_is_realistic_and_deterministic(journal: Journal, tmp_path: object) -> None:
    summary = fill_demo(journal.uow(), NOW, seed=3)
    assert 110 <= summary.applications <= 130
    assert summary.offers >= 2 and summary.interviews >= 10 and summary.contacts >= 5
    assert set(summary.open_by_stage) == {s.value for s in OPEN_STAGES}
    with journal.uow() as uow:
        apps = uow.applications.find(ApplicationQuery())
        events = uow.events.all()
        feedback = uow.feedback.all()
        questions = uow.questions.hard_ones()
    assert {a.source for a in apps} >= {"linkedin", "referral", "company-site"}
    assert {a.resume_version for a in apps} >= {"v1", "v2", "v3"}
    noes_at = {e.from_stage for e in events if e.stage is Stage.REJECTED}
    assert noes_at >= {Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.FINAL}
    assert len(feedback) >= 5 and questions
    assert min(a.applied_on or TODAY for a in apps) >= TODAY - timedelta(days=121)
    fingerprint = [(a.company, a.role, a.stage) for a in apps]
    journal.db.execute("DELETE FROM applications")
    journal.db.execute("DELETE FROM contacts")
    fill_demo(journal.uow(), NOW, seed=3)
    with journal.uow() as uow:
        again = [(a.company, a.role, a.stage) for a in uow.applications.find(ApplicationQuery())]
    assert again == fingerprint


def test_the_demo_refuses_a_journal_that_has_data(journal: Journal) -> None:
    _add(journal, "Mine", 1)
    with pytest.raises(Conflict, match="--home"):
        fill_demo(journal.uow(), NOW)
