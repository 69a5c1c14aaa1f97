"""Offers, editing and postings through the JSON API (XCreate / XUpdate / XPublic)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from nextyes.services.journal import Journal
from tests.conftest import TODAY, snapshot
from tests.postings_server import PAGES, postings_site
from tests.web.conftest import Browser

__all__ = ["postings_site"]


def _app(browser: Browser, company: str = "Acme", stage: str | None = "final") -> int:
    body = {"company": company, "role": "Data Analyst",
            "applied_on": (TODAY - timedelta(days=20)).isoformat()}  # fmt: skip
    created = browser.api("POST", "/api/v1/applications", body)
    assert created.status_code == 201, created.text
    app_id: int = created.json()["id"]
    if stage:
        browser.api("POST", f"/api/v1/applications/{app_id}/stages", {"stage": stage})
    return app_id


def test_an_offer_is_recorded_changed_compared_and_accepted(any_browser: Browser) -> None:
    b = any_browser
    acme, bright, corvid = _app(b, "Acme"), _app(b, "Brightwell"), _app(b, "Corvid", "interview")
    due = (TODAY + timedelta(days=3)).isoformat()
    made = b.api("POST", f"/api/v1/applications/{acme}/offer",
                 {"answer_by": due, "pay_amount": 5000, "pay_currency": "EUR",
                  "pay_period": "month", "remote": "remote"})  # fmt: skip
    assert made.status_code == 201, made.text
    offer = made.json()
    assert (offer["status"], offer["days_left"], offer["yearly_pay"], offer["pay_private"]) == (
        "open", 3, 60000, True,
    )  # fmt: skip
    assert offer["application"]["stage"] == "offer"
    changed = b.api("PATCH", f"/api/v1/applications/{acme}/offer", {"leave_days": 27})
    assert changed.json()["leave_days"] == 27 and changed.json()["answer_by"] == due
    b.api("POST", f"/api/v1/applications/{bright}/offer", {})
    listed = b.api("GET", "/api/v1/offers").json()
    assert [o["application"]["id"] for o in listed] == [acme, bright]
    decision = b.api("POST", f"/api/v1/applications/{acme}/offer/acceptance", {}).json()
    assert decision["offer"]["status"] == "accepted" and not decision["closed"]
    kinds = {d["application"]["id"]: d["kind"] for d in decision["others"]}
    assert kinds == {bright: "decline", corvid: "withdrawal"}
    closed = b.api("POST", f"/api/v1/applications/{acme}/offer/close-others", {"only": [corvid]})
    assert [d["application"]["stage"] for d in closed.json()] == ["withdrawn"]
    assert [o["application"]["id"] for o in b.api("GET", "/api/v1/offers").json()] == [bright]


def test_bad_offers_are_refused_and_change_nothing(browser: Browser, journal: Journal) -> None:
    acme = _app(browser)
    before = snapshot(journal)
    passed = browser.api("POST", f"/api/v1/applications/{acme}/offer",
                         {"answer_by": (TODAY - timedelta(days=1)).isoformat()})  # fmt: skip
    assert passed.status_code == 400 and "already passed" in passed.json()["message"]
    wrong = browser.api("POST", f"/api/v1/applications/{acme}/offer", {"pay_amount": -5})
    assert wrong.status_code == 422
    odd = browser.api("POST", f"/api/v1/applications/{acme}/offer", {"bonus": 5})
    assert odd.status_code == 422
    missing = browser.api("GET", f"/api/v1/applications/{acme}/offer")
    assert missing.status_code == 404 and "no offer recorded" in missing.json()["message"]
    assert snapshot(journal) == before


def test_merge_through_the_api_and_merging_with_itself_is_refused(any_browser: Browser) -> None:
    keep, other = _app(any_browser, "Acme", None), _app(any_browser, "Acme", None)
    itself = any_browser.api("POST", f"/api/v1/applications/{keep}/merge", {"duplicate_id": keep})
    assert itself.status_code == 400 and "Both ids are" in itself.json()["message"]
    merged = any_browser.api("POST", f"/api/v1/applications/{keep}/merge",
                             {"duplicate_id": other})  # fmt: skip
    assert merged.status_code == 200, merged.text
    assert (merged.json()["merged_from"], merged.json()["same_steps"]) == (other, 1)
    assert any_browser.api("GET", f"/api/v1/applications/{other}").status_code == 404


def test_stories_and_reflections_are_edited_and_deleted(browser: Browser) -> None:
    story = browser.api("POST", "/api/v1/stories", {"title": "Late dashboard", "task": "Fix it"})
    path = f"/api/v1/stories/{story.json()['id']}"
    edited = browser.api("PATCH", path, {"result": "Shipped", "task": None})
    assert (edited.json()["result"], edited.json()["task"]) == ("Shipped", None)
    assert browser.api("PATCH", path, {"title": ""}).status_code == 400
    assert browser.api("DELETE", path).status_code == 204
    assert browser.api("DELETE", path).status_code == 404
    app_id = _app(browser, "Acme", "interview")
    browser.api("POST", f"/api/v1/applications/{app_id}/rejection", {"cool_down": "none"})
    one = browser.api("POST", f"/api/v1/applications/{app_id}/reflections", {"mood_before": 2})
    two = browser.api("POST", f"/api/v1/applications/{app_id}/reflections", {"mood_after": 4})
    assert one.json()["id"] == two.json()["id"] and two.json()["mood_before"] == 2
    three = browser.api("POST", f"/api/v1/applications/{app_id}/reflections",
                        {"mood_after": 3, "new": True})  # fmt: skip
    assert three.json()["id"] != one.json()["id"]
    assert browser.api("DELETE", f"/api/v1/reflections/{three.json()['id']}").status_code == 204
    assert browser.api("DELETE", "/api/v1/reflections/999").status_code == 404


def test_a_posting_is_read_then_kept_with_the_application(
    any_browser: Browser, postings_site: str
) -> None:
    html = (PAGES / "board_graph.html").read_text(encoding="utf-8")
    found = any_browser.api("POST", "/api/v1/postings/read", {"text": html}).json()
    assert (found["how"], found["company"]) == ("json-ld", "Lumen Analytics Ltd")
    fetched = any_browser.api("POST", "/api/v1/postings/read",
                              {"url": f"{postings_site}/ats_single.html"}).json()  # fmt: skip
    assert fetched["salary"] == "€55,000–65,000 a year"
    body: dict[str, Any] = {
        "company": found["company"], "role": found["role"],
        "posting": {"text": found["text"], "url": found["url"], "title": found["title"]},
    }  # fmt: skip
    app_id = any_browser.api("POST", "/api/v1/applications", body).json()["id"]
    kept = any_browser.api("GET", f"/api/v1/applications/{app_id}/posting").json()
    assert "own our dbt models" in kept["text"] and kept["url"] == found["url"]
    replaced = any_browser.api("PUT", f"/api/v1/applications/{app_id}/posting", {"text": "New"})
    assert replaced.json()["text"] == "New"


def test_a_page_that_is_no_posting_is_refused_clearly(browser: Browser) -> None:
    html = (PAGES / "not_a_posting.html").read_text(encoding="utf-8")
    refused = browser.api("POST", "/api/v1/postings/read", {"text": html})
    assert refused.status_code == 400 and "doesn't look like a job posting" in refused.text
    assert browser.api("POST", "/api/v1/postings/read", {}).status_code == 422
    app_id = _app(browser, "Acme", None)
    none = browser.api("GET", f"/api/v1/applications/{app_id}/posting")
    assert none.status_code == 404 and "No posting is kept" in none.json()["message"]


def test_the_openapi_document_names_the_new_schemas(browser: Browser) -> None:
    names = set(browser.get("/api/v1/openapi.json").json()["components"]["schemas"])
    assert {"OfferCreate", "OfferUpdate", "OfferPublic", "StoryUpdate", "PostingReadingCreate",
            "PostingPublic", "MergeCreate", "MergePublic", "DecisionPublic"} <= names  # fmt: skip
