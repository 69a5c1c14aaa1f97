"""Editing what was recorded about an application, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from nextyes.domain.models import InterviewKind, NewApplication, NewInterview, Origin
from nextyes.errors import InvalidInput, NotFound
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.pipeline import records
from tests.conftest import NOW, TODAY, snapshot


def _app(journal: Journal, company: str = "Acme") -> int:
    return svc.add_application(
        journal.uow(), NewApplication(company, "Analyst", TODAY), NOW, origin=Origin.CLI
    ).id


def test_details_change_and_an_empty_name_or_a_future_date_is_refused(any_journal: Journal) -> None:
    app_id = _app(any_journal)
    changed = records.update_application(
        any_journal.uow(), app_id, {"role": " Lead  Analyst ", "salary": "60k", "source": None}, NOW
    )
    assert (changed.role, changed.salary, changed.source) == ("Lead Analyst", "60k", None)
    before = snapshot(any_journal)
    with pytest.raises(InvalidInput, match="cannot be empty"):
        records.update_application(any_journal.uow(), app_id, {"company": "  "}, NOW)
    with pytest.raises(InvalidInput, match="future"):
        records.update_application(
            any_journal.uow(), app_id, {"applied_on": TODAY + timedelta(days=1)}, NOW
        )
    with pytest.raises(InvalidInput, match="cannot be edited"):
        records.update_application(any_journal.uow(), app_id, {"stage": "offer"}, NOW)
    assert snapshot(any_journal) == before


def test_an_interview_is_scheduled_edited_and_removed(any_journal: Journal) -> None:
    app_id = _app(any_journal)
    interview = records.schedule_interview(
        any_journal.uow(),
        NewInterview(
            app_id, InterviewKind.PHONE, TODAY + timedelta(days=2), interviewers=(" Ana ",)
        ),
        NOW,
    )
    assert interview.interviewers == ("Ana",)
    edited = records.update_interview(
        any_journal.uow(), interview.id,
        {"kind": InterviewKind.PANEL, "scheduled_time": time(9, 30), "interviewers": ()}, NOW,
    )  # fmt: skip
    assert (edited.kind, edited.scheduled_time, edited.interviewers) == (
        InterviewKind.PANEL, time(9, 30), (),
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="minutes"):
        records.update_interview(any_journal.uow(), interview.id, {"duration_minutes": 0}, NOW)
    records.delete_interview(any_journal.uow(), interview.id)
    with pytest.raises(NotFound, match="No interview"):
        records.delete_interview(any_journal.uow(), interview.id)


def test_questions_and_notes_are_kept_edited_and_removed(any_journal: Journal) -> None:
    app_id = _app(any_journal)
    question = records.add_question(any_journal.uow(), app_id, "Why us?", NOW, hard=True)
    updated = records.update_question(any_journal.uow(), question.id, "Why this team?", hard=False)
    assert (updated.text, updated.hard) == ("Why this team?", False)
    note = records.write_note(any_journal.uow(), app_id, "They use dbt", TODAY, NOW)
    kept = records.update_note(any_journal.uow(), note.id, "They use dbt and Looker", private=True)
    assert (kept.text, kept.private) == ("They use dbt and Looker", True)
    with pytest.raises(InvalidInput, match="empty"):
        records.update_note(any_journal.uow(), note.id, " ", private=False)
    records.delete_note(any_journal.uow(), note.id)
    records.delete_question(any_journal.uow(), question.id)
    detail = svc.application_detail(any_journal.uow(), app_id)
    assert (detail.notes, detail.questions) == ((), ())


def test_removing_an_application_removes_what_was_recorded_with_it(any_journal: Journal) -> None:
    app_id = _app(any_journal)
    records.write_note(any_journal.uow(), app_id, "x", TODAY, NOW)
    gone = records.delete_application(any_journal.uow(), app_id)
    assert gone.company == "Acme"
    with pytest.raises(NotFound):
        svc.application_detail(any_journal.uow(), app_id)
