"""Learning from the noes in the web app: insights, the plan (and the wizard's last step),
practice, and their API."""

from __future__ import annotations

from datetime import timedelta

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.recovery import feedback_requests
from tests.conftest import NOW, TODAY, snapshot
from tests.web.conftest import Browser, flash_of

SQL = "Your SQL answers were not strong enough; the technical skills were the gap."


def _no_with_feedback(journal: Journal, company: str, days_ago: int, text: str = SQL) -> int:
    app = svc.add_application(
        journal.uow(),
        NewApplication(company, "Analyst", TODAY - timedelta(days=days_ago + 10)),
        NOW,
        origin=Origin.CLI,
    )
    svc.move_application(
        journal.uow(),
        app.id,
        Stage.INTERVIEW,
        TODAY - timedelta(days=days_ago + 5),
        NOW,
        origin=Origin.CLI,
    )
    svc.record_rejection(
        journal.uow(), app.id, TODAY - timedelta(days=days_ago), NOW, origin=Origin.CLI
    )
    feedback_requests.add_feedback(
        journal.uow(), app.id, text, TODAY - timedelta(days=days_ago), NOW, origin=Origin.CLI
    )
    return app.id


def test_insights_show_the_funnel_and_the_themes_with_tables(
    browser: Browser, journal: Journal
) -> None:
    for n in range(3):
        _no_with_feedback(journal, f"Co {n}", 10 + n)
    page = browser.get("/insights").text
    assert 'src="/charts/funnel.svg' in page
    assert "Technical skills" in page
    assert '<th scope="row">Technical skills</th>' in page
    dashboard = browser.get("/").text
    assert "What the search shows" in dashboard
    assert browser.get("/charts/themes.svg").status_code == 200


def test_a_suggestion_becomes_a_plan_item_and_moves_to_done(
    browser: Browser, journal: Journal
) -> None:
    for n in range(2):
        _no_with_feedback(journal, f"Co {n}", 10 + n)
    page = browser.get("/plan").text
    key = page.split('name="what" value="', 1)[1].split('"', 1)[0]
    added = browser.form("/plan", {"what": key})
    assert added.status_code == 303
    assert "In your plan" in flash_of(browser.get("/plan").text)
    item = browser.get("/api/v1/plan").json()[0]
    browser.form(f"/plan/{item['id']}/status", {"status": "started"})
    browser.form(
        f"/plan/{item['id']}/status", {"status": "done", "evidence": "Did three SQL katas"}
    )
    done = browser.get("/api/v1/plan").json()[0]
    assert (done["status"], done["evidence"]) == ("done", ["Did three SQL katas"])
    before = snapshot(journal)
    assert browser.form(f"/plan/{item['id']}/status", {"status": "started"}).status_code in (
        400,
        409,
    )
    assert snapshot(journal) == before


def test_the_wizard_ends_with_plan_ideas_for_recurring_themes(
    browser: Browser, journal: Journal
) -> None:
    _no_with_feedback(journal, "Earlier Co", 20)
    app_id = _no_with_feedback(journal, "Acme", 2)
    page = browser.get(f"/applications/{app_id}/recovery/done").text
    assert "Something to work on next" in page
    assert "Add to my plan" in page


def test_practice_logs_a_session(browser: Browser) -> None:
    page = browser.get("/practice").text
    key = page.split('name="question" value="', 1)[1].split('"', 1)[0]
    assert browser.form("/practice", {"question": key, "rating": "4"}).status_code == 303
    assert "Saying it out loud" in flash_of(browser.get("/practice").text)
    assert browser.form("/practice", {"question": key, "rating": "9"}).status_code == 400


def test_the_learning_api(browser: Browser, journal: Journal) -> None:
    for n in range(2):
        _no_with_feedback(journal, f"Co {n}", 10 + n)
    found = browser.get("/api/v1/insights").json()
    assert found["sent"] == 2
    assert found["noes_by_stage"] == {"interview": 2}
    ideas = browser.get("/api/v1/plan/suggestions").json()
    assert ideas
    item = browser.api("POST", "/api/v1/plan", {"what": ideas[0]["key"]}).json()
    moved = browser.api("PATCH", f"/api/v1/plan/{item['id']}", {"status": "started"}).json()
    assert moved["status"] == "started"
    question = browser.get("/api/v1/practice/questions?count=2").json()[0]
    logged = browser.api("POST", "/api/v1/practice", {"question": question["key"], "rating": 3})
    assert logged.status_code == 201


def test_a_star_story_is_kept_with_its_themes_and_what_is_missing(browser: Browser) -> None:
    added = browser.form(
        "/stories",
        {"title": "The migration rescue", "situation": "A failing data migration",
         "action": "I split it into batches", "themes": "technical skills, communication"},
    )  # fmt: skip
    assert added.status_code == 303
    page = browser.get("/practice").text
    assert "The migration rescue" in page
    assert "Still to write: task, result" in page
    assert browser.form("/stories", {"title": "x", "themes": "charm"}).status_code == 400
    listed = browser.get("/api/v1/stories").json()
    assert listed[0]["themes"] == ["technical_skills", "communication"]
