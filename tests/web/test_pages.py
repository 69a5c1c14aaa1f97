"""Pages through the real app: they render, their forms save, and mistakes are explained."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st

from nextyes.domain.companies import clean_text
from nextyes.domain.dates import describe_day
from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY, snapshot
from tests.web.conftest import Browser, flash_of

PAGES = ("/", "/board", "/applications", "/applications/new", "/settings")


def _add(journal: Journal, company: str = "Acme Robotics", days_ago: int = 5) -> int:
    new = NewApplication(company, "Data Analyst", TODAY - timedelta(days=days_ago))
    return svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id


@pytest.mark.parametrize("path", PAGES)
def test_every_page_welcomes_an_empty_journal(browser: Browser, path: str) -> None:
    response = browser.get(path)
    assert response.status_code == 200
    assert "<h1>" in response.text


def test_every_page_renders_a_demo_journal(any_browser: Browser, any_journal: Journal) -> None:
    fill_demo(any_journal.uow(), NOW, count=60)
    for path in (*PAGES, "/applications/1", "/applications/2/reject", "/applications/3/delete"):
        response = any_browser.get(path)
        assert response.status_code == 200, path


def test_the_dashboard_leads_with_what_is_due_today(browser: Browser, journal: Journal) -> None:
    app_id = _add(journal, "Tomorrow Ltd")
    svc.move_application(
        journal.uow(), app_id, Stage.INTERVIEW, TODAY + timedelta(days=1), NOW, origin=Origin.CLI
    )
    html = browser.get("/").text
    due = html.index("What needs you today")
    assert html.index("Prepare for tomorrow") > due
    assert f'href="/applications/{app_id}"' in html


def test_adding_from_the_board_returns_to_it_with_a_kind_word(browser: Browser) -> None:
    response = browser.form(
        "/applications",
        {"company": "Acme", "role": "Analyst", "source": "linkedin", "next": "/board"},
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/board"
    page = browser.get("/board")
    assert "Acme · Analyst is in your journal" in flash_of(page.text)
    assert flash_of(browser.get("/board").text) == ""  # said once


def test_a_return_address_outside_the_app_is_ignored(browser: Browser) -> None:
    response = browser.form(
        "/applications", {"company": "Acme", "role": "Analyst", "next": "//evil.example/x"}
    )
    assert response.headers["location"].startswith("/applications/")


def test_an_earlier_no_from_the_company_is_shown_before_saving(
    browser: Browser, journal: Journal
) -> None:
    old = _add(journal, "Acme Robotics", 40)
    svc.record_rejection(
        journal.uow(), old, TODAY - timedelta(days=30), NOW, reason="Budget", origin=Origin.CLI
    )
    before = snapshot(journal)
    response = browser.form("/applications", {"company": "ACME Robotics Inc.", "role": "Analyst"})
    assert response.status_code == 200
    assert "applied to Acme Robotics before" in response.text
    assert "Budget" in response.text
    assert 'name="confirmed" value="1"' in response.text
    assert snapshot(journal) == before
    again = browser.form(
        "/applications", {"company": "ACME Robotics Inc.", "role": "Analyst", "confirmed": "1"}
    )
    assert again.status_code == 303


def test_an_empty_company_is_refused_with_a_message_and_nothing_is_written(
    browser: Browser, journal: Journal
) -> None:
    before = snapshot(journal)
    response = browser.form("/applications", {"company": " ", "role": "Analyst"})
    assert response.status_code == 400
    assert "company name is empty" in response.text
    assert snapshot(journal) == before


def test_a_date_people_type_is_understood_and_a_wrong_one_explained(browser: Browser) -> None:
    ok = browser.form("/applications", {"company": "A", "role": "B", "applied_on": "3 days ago"})
    app_id = int(ok.headers["location"].rsplit("/", 1)[1])
    detail = browser.api("GET", f"/api/v1/applications/{app_id}").json()
    assert detail["applied_on"] == (TODAY - timedelta(days=3)).isoformat()
    bad = browser.form("/applications", {"company": "A", "role": "B", "applied_on": "soonish"})
    assert bad.status_code == 400
    assert "soonish" in bad.text


def test_moving_from_the_board_lands_the_card_in_its_new_column(
    browser: Browser, journal: Journal
) -> None:
    app_id = _add(journal)
    response = browser.form(
        f"/applications/{app_id}/move", {"stage": "screening", "next": f"/board#app-{app_id}"}
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/board#app-{app_id}"
    html = browser.get("/board").text
    column = html[html.index('id="col-screening"') : html.index('id="col-assessment"')]
    assert f'id="app-{app_id}"' in column
    assert "now screening" in flash_of(html)


def test_undoing_a_stage_from_the_board_records_a_correction(
    browser: Browser, journal: Journal
) -> None:
    app_id = _add(journal)
    browser.form(f"/applications/{app_id}/move", {"stage": "screening"})
    browser.form(f"/applications/{app_id}/move", {"stage": "applied", "correct": "1"})
    detail = svc.application_detail(journal.uow(), app_id)
    assert detail.application.stage is Stage.APPLIED
    assert detail.events[-1].correction


def test_a_backwards_move_without_correcting_is_explained(
    browser: Browser, journal: Journal
) -> None:
    app_id = _add(journal)
    browser.form(f"/applications/{app_id}/move", {"stage": "interview"})
    response = browser.form(f"/applications/{app_id}/move", {"stage": "screening"})
    assert response.status_code == 409
    assert "goes backwards" in response.text


def test_an_interview_ahead_is_scheduled_with_its_time_and_people(
    browser: Browser, journal: Journal
) -> None:
    app_id = _add(journal)
    day = (TODAY + timedelta(days=2)).isoformat()
    browser.form(
        f"/applications/{app_id}/move",
        {"stage": "interview", "on": day, "at": "14:30", "interviewers": "Priya, Sam"},
    )
    page = browser.get(f"/applications/{app_id}").text
    assert "at 14:30 with Priya, Sam" in page
    assert f"({describe_day(TODAY + timedelta(days=2), TODAY)})" in page


def test_recording_a_no_keeps_the_stage_it_came_at_and_opens_the_wizard(
    browser: Browser, journal: Journal
) -> None:
    app_id = _add(journal)
    browser.form(f"/applications/{app_id}/move", {"stage": "interview"})
    response = browser.form(
        f"/applications/{app_id}/reject", {"reason": "Went with more SQL", "cool_down": "24h"}
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/applications/{app_id}/recovery/cool-down"
    page = browser.get(response.headers["location"]).text
    assert flash_of(page)  # the kind words
    assert "First, a breather" in page
    detail = svc.application_detail(journal.uow(), app_id)
    assert detail.events[-1].from_stage is Stage.INTERVIEW
    assert "Went with more SQL" in browser.get(f"/applications/{app_id}").text


def test_editing_details_changes_them_and_an_empty_role_is_refused(
    browser: Browser, journal: Journal
) -> None:
    app_id = _add(journal)
    fields = {"company": "Acme", "role": "Lead Analyst", "salary": "60k", "applied_on": ""}
    assert browser.form(f"/applications/{app_id}/edit", fields).status_code == 303
    detail = svc.application_detail(journal.uow(), app_id).application
    assert (detail.role, detail.salary, detail.applied_on) == ("Lead Analyst", "60k", None)
    before = snapshot(journal)
    refused = browser.form(f"/applications/{app_id}/edit", {**fields, "role": ""})
    assert refused.status_code == 400
    assert snapshot(journal) == before


def test_notes_can_be_added_edited_and_removed(browser: Browser, journal: Journal) -> None:
    app_id = _add(journal)
    browser.form(f"/applications/{app_id}/notes", {"text": "They use dbt"})
    note_id = svc.application_detail(journal.uow(), app_id).notes[0].id
    browser.form(f"/notes/{note_id}/edit", {"text": "They use dbt and Looker", "private": "1"})
    note = svc.application_detail(journal.uow(), app_id).notes[0]
    assert (note.text, note.private) == ("They use dbt and Looker", True)
    response = browser.form(f"/notes/{note_id}/delete", {})
    assert response.headers["location"] == f"/applications/{app_id}#notes"
    assert svc.application_detail(journal.uow(), app_id).notes == ()


def test_interviews_and_questions_can_be_kept_and_edited(
    browser: Browser, journal: Journal
) -> None:
    app_id = _add(journal)
    browser.form(
        f"/applications/{app_id}/interviews",
        {"scheduled_on": TODAY.isoformat(), "kind": "panel", "interviewers": "Ana"},
    )
    interview = svc.application_detail(journal.uow(), app_id).interviews[0]
    browser.form(
        f"/interviews/{interview.id}/edit",
        {"scheduled_on": TODAY.isoformat(), "kind": "onsite", "scheduled_time": "09:15",
         "duration_minutes": "45", "interviewers": "Ana, Bo"},
    )  # fmt: skip
    browser.form(
        f"/applications/{app_id}/questions",
        {"text": "Tell me about a conflict", "interview_id": str(interview.id), "hard": "1"},
    )
    detail = svc.application_detail(journal.uow(), app_id)
    edited = detail.interviews[0]
    assert (edited.kind.value, edited.duration_minutes, edited.interviewers) == (
        "onsite", 45, ("Ana", "Bo"),
    )  # fmt: skip
    question = detail.questions[0]
    assert (question.hard, question.interview_id) == (True, interview.id)
    browser.form(f"/questions/{question.id}/edit", {"text": "Tell me about a conflict"})
    assert not svc.application_detail(journal.uow(), app_id).questions[0].hard
    assert "hard: worth practising" not in browser.get(f"/applications/{app_id}").text


def test_a_question_cannot_point_at_another_applications_interview(
    browser: Browser, journal: Journal
) -> None:
    first, second = _add(journal, "A"), _add(journal, "B")
    browser.form(f"/applications/{first}/interviews", {"scheduled_on": TODAY.isoformat()})
    interview = svc.application_detail(journal.uow(), first).interviews[0]
    response = browser.form(
        f"/applications/{second}/questions", {"text": "Why us?", "interview_id": str(interview.id)}
    )
    assert response.status_code == 400
    assert "belongs to another application" in response.text


def test_removing_an_application_asks_first_then_removes_everything(
    browser: Browser, journal: Journal
) -> None:
    app_id = _add(journal)
    browser.form(f"/applications/{app_id}/notes", {"text": "x"})
    assert "1 note" in browser.get(f"/applications/{app_id}/delete").text
    response = browser.form(f"/applications/{app_id}/delete", {})
    assert response.headers["location"] == "/applications"
    assert browser.get(f"/applications/{app_id}").status_code == 404


def test_a_missing_application_gets_a_page_that_says_where_to_look(browser: Browser) -> None:
    response = browser.get("/applications/4242")
    assert response.status_code == 404
    assert "No application 4242" in response.text
    assert browser.get("/nowhere").status_code == 404


def test_the_list_pages_through_many_applications(browser: Browser, journal: Journal) -> None:
    for n in range(55):
        _add(journal, f"Company {n:02d}", days_ago=1)
    first = browser.get("/applications").text
    assert "1–50 of 55" in first
    older = re.search(r'href="(/applications\?[^"]*page=2)"', first)
    assert older
    assert "51–55 of 55" in browser.get(older.group(1).replace("&amp;", "&")).text


def test_settings_save_together_and_a_wrong_value_changes_none(
    browser: Browser, journal: Journal
) -> None:
    ok = browser.form("/settings", {"upcoming_days": "14", "fold_rejected": "yes"})
    assert ok.status_code == 303
    assert 'value="14"' in browser.get("/settings").text
    before = snapshot(journal)
    bad = browser.form("/settings", {"upcoming_days": "3", "follow_up_after_applied_days": "0"})
    assert bad.status_code == 400
    assert "out of range" in bad.text
    assert snapshot(journal) == before


@given(company=st.text(max_size=60), role=st.text(max_size=60), note=st.text(max_size=200))
@examples(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_whatever_is_typed_is_saved_and_shown_escaped_or_explained(
    browser: Browser, company: str, role: str, note: str
) -> None:
    response = browser.form("/applications", {"company": company, "role": role, "note": note})
    if response.status_code == 400:
        assert "is empty" in response.text or "longer than" in response.text
        return
    assert response.status_code in (200, 303), response.text  # 200: "you applied there before"
    if response.status_code == 303:
        page = browser.get(response.headers["location"]).text
        shown = clean_text(company) or ""
        assert html.escape(shown, quote=False) in page.replace("&#34;", '"').replace("&#39;", "'")


def test_each_setting_says_what_it_takes_without_brackets_inside_brackets(browser: Browser) -> None:
    page = html.unescape(browser.get("/settings").text)
    assert "A number of days (1-180); usually 21." in page
    assert "(a number of days (" not in page
