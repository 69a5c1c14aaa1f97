"""After a no, in the web app: the wizard's steps, the lint's marks, and the API."""

from __future__ import annotations

from datetime import timedelta

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY, snapshot
from tests.web.conftest import Browser, flash_of


def _interviewed(journal: Journal, company: str = "Acme Robotics") -> int:
    app = svc.add_application(
        journal.uow(),
        NewApplication(company, "Data Analyst", TODAY - timedelta(days=20)),
        NOW,
        origin=Origin.CLI,
    )
    svc.move_application(
        journal.uow(),
        app.id,
        Stage.INTERVIEW,
        TODAY - timedelta(days=5),
        NOW,
        details=svc.InterviewDetails(interviewers=("Priya Natarajan",)),
        origin=Origin.CLI,
    )
    return app.id


def test_the_wizard_walks_from_the_no_to_a_reflection(browser: Browser, journal: Journal) -> None:
    app_id = _interviewed(journal)
    base = f"/applications/{app_id}/recovery"
    response = browser.form(f"/applications/{app_id}/reject", {"cool_down": "none"})
    assert response.headers["location"] == f"{base}/cool-down"
    assert "breather" in browser.get(f"{base}/cool-down").text

    drafted = browser.form(f"{base}/request", {"tone": "warm", "to": "Priya Natarajan"})
    assert drafted.status_code == 200
    assert "Acme Robotics" in drafted.text
    assert 'class="draft-text"' in drafted.text
    sent = browser.form(f"{base}/request/sent", {"to": "Priya Natarajan"})
    assert sent.headers["location"] == f"{base}/reply"
    assert "one gentle follow-up" in flash_of(browser.get(f"{base}/reply").text)

    reply = browser.form(f"{base}/reply", {"tone": "brief", "ask_future_roles": "1"})
    assert reply.status_code == 200
    assert "Priya" in reply.text

    page = browser.get(f"{base}/reflect").text
    questions = [
        part.split('"', 1)[0] for part in page.split('name="q-')[1:]
    ]  # the question ids the page asks
    assert questions
    saved = browser.form(
        f"{base}/reflect",
        {"mood_before": "2", "mood_after": "3", f"q-{questions[0]}": "I rushed the SQL part",
         "hard_questions": "Walk me through a query you optimised"},
    )  # fmt: skip
    assert saved.headers["location"] == f"{base}/done"
    done = browser.get(f"{base}/done").text
    assert "Reflection: kept" in done
    detail = svc.application_detail(journal.uow(), app_id)
    assert [q.text for q in detail.questions if q.hard] == ["Walk me through a query you optimised"]
    application_page = browser.get(f"/applications/{app_id}").text
    assert "I rushed the SQL part" in application_page
    assert "Asked for feedback" in application_page  # on the timeline
    assert "Reflected on it (mood 2 → 3)" in application_page


def test_every_step_can_be_skipped_and_a_step_before_the_no_is_explained(
    browser: Browser, journal: Journal
) -> None:
    app_id = _interviewed(journal)
    early = browser.get(f"/applications/{app_id}/recovery/request")
    assert early.status_code == 409
    assert "follows a no" in early.text
    browser.form(f"/applications/{app_id}/reject", {"cool_down": "evening"})
    for step in ("cool-down", "request", "reply", "reflect", "done"):
        page = browser.get(f"/applications/{app_id}/recovery/{step}").text
        assert 'aria-current="step"' in page
        if step != "done":
            assert "Leave" in page


def test_the_lint_marks_the_words_to_reword_inline(browser: Browser) -> None:
    response = browser.form("/recovery/lint", {"text": "Why did you pick the other candidate? <b>"})
    assert response.status_code == 200
    assert '<mark class="lint"' in response.text
    assert "&lt;b&gt;" in response.text  # the draft itself is escaped
    clean = browser.form("/recovery/lint", {"text": "I'd value any thoughts on my answers."})
    assert "<mark" not in clean.text


def test_feedback_that_comes_back_is_kept_and_a_refusal_closes_the_request(
    browser: Browser, journal: Journal
) -> None:
    app_id = _interviewed(journal)
    browser.form(f"/applications/{app_id}/reject", {"cool_down": "none"})
    browser.form(f"/applications/{app_id}/recovery/request/sent", {"to": "Priya Natarajan"})
    kept = browser.form(
        f"/applications/{app_id}/feedback", {"text": "Strong on SQL, less on stakeholders"}
    )
    assert kept.status_code == 303
    assert "Strong on SQL" in browser.get(f"/applications/{app_id}").text
    before = snapshot(journal)
    assert browser.form(f"/applications/{app_id}/feedback", {"text": " "}).status_code == 400
    assert snapshot(journal) == before


def test_the_recovery_api_drafts_lints_and_keeps(browser: Browser, journal: Journal) -> None:
    app_id = _interviewed(journal)
    base = f"/api/v1/applications/{app_id}"
    browser.api("POST", f"{base}/rejection", {"cool_down": "none"})
    flags = browser.api("POST", "/api/v1/feedback/lint", {"text": "I deserve to know why."}).json()
    assert flags
    assert flags[0]["end"] > flags[0]["start"]
    draft = browser.api("POST", f"{base}/feedback-request-drafts", {"tone": "formal"}).json()
    assert draft["flags"] == []  # the drafts nextyes writes pass its own lint
    assert draft["mailto"].startswith("mailto:")
    sent = browser.api("POST", f"{base}/feedback-requests", {}).json()
    assert (sent["status"], sent["follow_up"]) == ("waiting", False)
    plan = browser.get(f"{base}/reflection").json()
    answer = {plan["questions"][0]["id"]: "Breathe, then prepare the SQL part"}
    saved = browser.api("POST", f"{base}/reflections", {"answers": answer, "mood_before": 2,
                                                       "started_at": "2026-11-22T09:50:00"})  # fmt: skip
    assert saved.status_code == 201, saved.text
    assert saved.json()["answers"] == answer
    gave = browser.api("POST", f"{base}/feedback", {"text": "We don't give individual feedback."})
    assert gave.json()["declined"] is True
