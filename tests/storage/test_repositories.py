"""Repositories on real databases: each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from nextyes.domain.models import (
    InterviewKind,
    NewApplication,
    NewContact,
    NewInterview,
    NewStageEvent,
    Origin,
    Relation,
)
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from tests.conftest import NOW, TODAY


def _add(journal: Journal, company: str = "Acme Robotics", day: date = TODAY) -> int:
    with journal.uow() as uow:
        app_id = uow.applications.add(
            NewApplication(company, "Data Analyst", day, source="linkedin"),
            stage=Stage.APPLIED,
            stage_on=day,
            now=NOW,
        )
        uow.events.add(NewStageEvent(app_id, Stage.APPLIED, day, origin=Origin.CLI), NOW)
        uow.commit()
    return app_id


def test_an_application_round_trips_with_its_dates_and_owner(any_journal: Journal) -> None:
    app_id = _add(any_journal, day=date(2026, 11, 3))
    with any_journal.uow() as uow:
        app = uow.applications.get(app_id)
        events = uow.events.for_application(app_id)
    assert app is not None
    assert (app.company, app.stage, app.applied_on) == (
        "Acme Robotics",
        Stage.APPLIED,
        date(2026, 11, 3),
    )
    assert app.owner_id == any_journal.owner_id
    assert [e.stage for e in events] == [Stage.APPLIED]
    assert events[0].recorded_at is not None and events[0].recorded_at.tzinfo is not None


def test_leaving_without_commit_rolls_back(any_journal: Journal) -> None:
    with any_journal.uow() as uow:
        uow.applications.add(NewApplication("Ghost Co", "Analyst", TODAY), stage=Stage.APPLIED,
                             stage_on=TODAY, now=NOW)  # fmt: skip
    with any_journal.uow() as uow:
        assert uow.applications.count(ApplicationQuery()) == 0


def test_a_nested_block_is_a_savepoint(any_journal: Journal) -> None:
    uow = any_journal.uow()
    with uow:
        uow.applications.add(NewApplication("Kept", "A", TODAY), stage=Stage.APPLIED,
                             stage_on=TODAY, now=NOW)  # fmt: skip
        with pytest.raises(RuntimeError), uow:
            uow.applications.add(NewApplication("Undone", "B", TODAY), stage=Stage.APPLIED,
                                 stage_on=TODAY, now=NOW)  # fmt: skip
            raise RuntimeError("boom")
        with uow:
            uow.applications.add(NewApplication("Inner kept", "C", TODAY), stage=Stage.APPLIED,
                                 stage_on=TODAY, now=NOW)  # fmt: skip
            uow.commit()
        uow.commit()
    with any_journal.uow() as uow:
        names = sorted(a.company for a in uow.applications.find(ApplicationQuery()))
    assert names == ["Inner kept", "Kept"]


def test_filters_combine_and_company_match_ignores_case_and_suffixes(any_journal: Journal) -> None:
    _add(any_journal, "Acme Robotics Inc.", date(2026, 10, 1))
    _add(any_journal, "Brightwell Health", date(2026, 11, 1))
    third = _add(any_journal, "ACME Labs", date(2026, 11, 10))
    with any_journal.uow() as uow:
        uow.applications.set_stage(
            third, Stage.INTERVIEW, date(2026, 11, 12), NOW, date(2026, 11, 10)
        )
        uow.commit()
        acme = uow.applications.find(ApplicationQuery(company="acme"))
        assert {a.company for a in acme} == {"Acme Robotics Inc.", "ACME Labs"}
        recent = uow.applications.find(ApplicationQuery(since=date(2026, 10, 15)))
        assert {a.company for a in recent} == {"Brightwell Health", "ACME Labs"}
        assert [
            a.id for a in uow.applications.find(ApplicationQuery(stages=[Stage.INTERVIEW]))
        ] == [third]
        assert len(uow.applications.find(ApplicationQuery(limit=2))) == 2
        assert uow.applications.count(ApplicationQuery(exclude_stages=[Stage.INTERVIEW])) == 2
        # LIKE wildcards in the search text are taken literally
        assert uow.applications.find(ApplicationQuery(company="%")) == []


def test_interviews_keep_time_and_people_and_questions_can_be_flagged(any_journal: Journal) -> None:
    app_id = _add(any_journal)
    with any_journal.uow() as uow:
        interview_id = uow.interviews.add(
            NewInterview(app_id, InterviewKind.PANEL, TODAY + timedelta(days=2), round=2,
                         scheduled_time=time(14, 30), interviewers=("Priya", "Tom")),
            NOW,
        )  # fmt: skip
        question_id = uow.questions.add(
            app_id, "Tell me about a conflict.", NOW, interview_id=interview_id
        )
        uow.questions.set_hard(question_id, True)
        uow.commit()
        (interview,) = uow.interviews.between(TODAY, TODAY + timedelta(days=7))
        assert interview.scheduled_time == time(14, 30)
        assert interview.interviewers == ("Priya", "Tom")
        assert [q.text for q in uow.questions.hard_ones()] == ["Tell me about a conflict."]


def test_contacts_link_to_applications_once_per_role(any_journal: Journal) -> None:
    app_id = _add(any_journal)
    with any_journal.uow() as uow:
        contact_id = uow.contacts.add(
            NewContact("Elena Petrova", Relation.RECRUITER, "Redwood"), NOW
        )
        uow.contacts.link(app_id, contact_id, "recruiter")
        uow.contacts.link(app_id, contact_id, "recruiter")
        uow.commit()
        linked = uow.contacts.for_application(app_id)
    assert [(c.contact.name, c.role) for c in linked] == [("Elena Petrova", "recruiter")]


def test_settings_overwrite_and_unset(any_journal: Journal) -> None:
    with any_journal.uow() as uow:
        uow.settings.set("upcoming_days", 7, NOW)
        uow.settings.set("upcoming_days", 14, NOW)
        uow.settings.set("fold_rejected", True, NOW)
        uow.commit()
        assert uow.settings.all() == {"upcoming_days": 14, "fold_rejected": True}
        uow.settings.unset("upcoming_days")
        uow.commit()
        assert uow.settings.all() == {"fold_rejected": True}
