"""Momentum in the web app: wins and growth, the journal, goals, the why, people."""

from __future__ import annotations

from datetime import timedelta

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY, snapshot
from tests.web.conftest import Browser, flash_of


def test_the_dashboard_leads_with_this_weeks_wins_and_the_goal(
    browser: Browser, journal: Journal
) -> None:
    app = svc.add_application(
        journal.uow(), NewApplication("Acme", "Analyst", TODAY), NOW, origin=Origin.CLI
    )
    svc.move_application(journal.uow(), app.id, Stage.INTERVIEW, TODAY, NOW, origin=Origin.CLI)
    browser.form("/goals", {"metric": "applications", "target": "5"})
    html = browser.get("/").text
    week = html.index("This week")
    assert week < html.index("What needs you today")
    assert "an interview at Acme (Analyst)" in html[week:]
    assert "1 of 5" in html[week:]


def test_a_win_is_kept_and_listed_first(browser: Browser) -> None:
    response = browser.form("/wins", {"text": "A kind reply from the recruiter"})
    assert response.status_code == 303
    page = browser.get("/wins").text
    assert "Worth remembering" in flash_of(page)
    assert "A kind reply from the recruiter" in page
    assert browser.form("/wins", {"text": "  "}).status_code == 400


def test_the_growth_record_pairs_a_no_with_what_followed(
    browser: Browser, journal: Journal
) -> None:
    first = svc.add_application(
        journal.uow(),
        NewApplication("Acme", "Analyst", TODAY - timedelta(days=20)),
        NOW,
        origin=Origin.CLI,
    )
    svc.record_rejection(
        journal.uow(), first.id, TODAY - timedelta(days=10), NOW, reason="Budget", origin=Origin.CLI
    )
    later = svc.add_application(
        journal.uow(),
        NewApplication("Beta", "Analyst", TODAY - timedelta(days=8)),
        NOW,
        origin=Origin.CLI,
    )
    svc.move_application(
        journal.uow(), later.id, Stage.INTERVIEW, TODAY - timedelta(days=2), NOW, origin=Origin.CLI
    )
    page = browser.get("/wins").text
    assert "Acme, Analyst" in page
    assert "Their reason: Budget" in page


def test_moods_and_care_are_logged_and_a_wrong_value_explained(
    browser: Browser, journal: Journal
) -> None:
    assert browser.form("/journal/mood", {"score": "2", "note": "tired"}).status_code == 303
    assert (
        browser.form(
            "/journal/care", {"kind": "exercise", "minutes": "45m", "note": "a walk"}
        ).status_code
        == 303
    )
    page = browser.get("/journal").text
    assert "2/5 · tired" in page
    assert "exercise, 45 min · a walk" in page
    before = snapshot(journal)
    for path, data in (
        ("/journal/mood", {"score": "7"}),
        ("/journal/care", {"kind": "exercise", "minutes": "30x"}),
    ):
        refused = browser.form(path, data)
        assert refused.status_code == 400
    assert snapshot(journal) == before


def test_the_why_is_written_in_settings_and_shown_on_the_dashboard(browser: Browser) -> None:
    browser.form("/why", {"text": "Work that helps people learn"})
    assert "Work that helps people learn" in browser.get("/settings").text
    assert "Work that helps people learn" in browser.get("/").text


def test_people_are_added_logged_and_edited(browser: Browser) -> None:
    added = browser.form("/contacts", {"name": "Priya Natarajan", "relation": "mentor"})
    contact_path = added.headers["location"]
    browser.form(f"{contact_path}/interactions", {"kind": "coffee", "note": "CV review"})
    browser.form(
        f"{contact_path}/edit", {"name": "Priya Natarajan", "relation": "mentor", "company": "Acme"}
    )
    page = browser.get(contact_path).text
    assert "coffee · CV review" in page
    assert "support circle" in page
    assert "Acme" in page
    assert (
        browser.form("/contacts", {"name": "Priya Natarajan", "company": "Acme"}).status_code == 409
    )


def test_a_detail_emptied_in_the_edit_form_is_cleared(browser: Browser) -> None:
    added = browser.form(
        "/contacts", {"name": "Sam Okafor", "company": "Lumen", "email": "sam@example.org"}
    )
    path = added.headers["location"]
    edit = {"name": "Sam Okafor", "relation": "peer", "company": "", "email": "sam@example.org"}
    browser.form(f"{path}/edit", edit)
    sam = browser.get(f"/api/v1{path}").json()
    assert (sam["company"], sam["email"], sam["relation"]) == (None, "sam@example.org", "peer")


def test_the_api_clears_a_detail_given_as_null_and_keeps_the_name(browser: Browser) -> None:
    sam = browser.api("POST", "/api/v1/contacts", {"name": "Sam", "phone": "0123"}).json()
    patched = browser.api(
        "PATCH", f"/api/v1/contacts/{sam['id']}", {"phone": None, "name": None, "company": "Lumen"}
    ).json()
    assert (patched["name"], patched["phone"], patched["company"]) == ("Sam", None, "Lumen")


def test_the_momentum_api_reads_and_writes(browser: Browser) -> None:
    assert (
        browser.api("POST", "/api/v1/wins", {"text": "Sent three applications"}).status_code == 201
    )
    assert browser.api("PUT", "/api/v1/goals/applications", {"target": 4}).json()["target"] == 4
    assert browser.api("POST", "/api/v1/moods", {"score": 4}).status_code == 201
    assert browser.api("POST", "/api/v1/care", {"kind": "rest", "minutes": 30}).status_code == 201
    assert browser.api("PUT", "/api/v1/why", {"text": "Steady, kind work"}).status_code == 200
    assert browser.get("/api/v1/why").json()["text"] == "Steady, kind work"
    assert browser.get("/api/v1/wins").json()[0]["text"] == "Sent three applications"
    contact = browser.api("POST", "/api/v1/contacts", {"name": "Sam", "relation": "friend"}).json()
    assert contact["in_support_circle"] is True
    logged = browser.api("POST", f"/api/v1/contacts/{contact['id']}/interactions", {"kind": "call"})
    assert logged.status_code == 201
    detail = browser.get(f"/api/v1/contacts/{contact['id']}").json()
    assert [i["kind"] for i in detail["interactions"]] == ["call"]
    assert browser.api("DELETE", "/api/v1/goals/applications").status_code == 200
    assert browser.api("DELETE", "/api/v1/goals/applications").status_code == 404
