"""The JSON API through the real app: every route, its errors, and the OpenAPI document."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from nextyes.services.journal import Journal
from tests.conftest import TODAY, snapshot
from tests.web.conftest import Browser


def _create(browser: Browser, **fields: object) -> dict[str, object]:
    body = {"company": "Acme Robotics", "role": "Data Analyst", **fields}
    response = browser.api("POST", "/api/v1/applications", body)
    assert response.status_code == 201, response.text
    result: dict[str, object] = response.json()
    return result


def test_an_application_goes_from_logged_to_offer_through_the_api(any_browser: Browser) -> None:
    browser = any_browser
    app = _create(browser, source="linkedin", applied_on=(TODAY - timedelta(days=9)).isoformat())
    assert (app["stage"], app["stage_label"]) == ("applied", "Applied")
    path = f"/api/v1/applications/{app['id']}"
    for stage in ("screening", "interview", "final", "offer"):
        moved = browser.api("POST", f"{path}/stages", {"stage": stage})
        assert moved.status_code == 201, moved.text
    body = moved.json()
    assert body["application"]["stage"] == "offer"
    assert body["message"].startswith("An offer!")
    timeline = browser.api("GET", f"{path}/stages").json()
    assert [e["stage"] for e in timeline] == ["applied", "screening", "interview", "final", "offer"]


def test_the_list_filters_pages_and_counts(any_browser: Browser) -> None:
    browser = any_browser
    for n in range(7):
        _create(browser, company=f"Co {n}")
    first = browser.get("/api/v1/applications?limit=3").json()
    assert (len(first["items"]), first["total"], first["limit"]) == (3, 7, 3)
    rest = browser.get("/api/v1/applications?limit=3&offset=6").json()
    assert len(rest["items"]) == 1
    some = browser.get("/api/v1/applications?company=co%203").json()
    assert [a["company"] for a in some["items"]] == ["Co 3"]
    closed = browser.get("/api/v1/applications?stage=rejected&active=true").json()
    assert closed["items"] == []


def test_a_rejection_keeps_its_stage_and_a_second_one_is_a_conflict(
    browser: Browser, journal: Journal
) -> None:
    app = _create(browser)
    path = f"/api/v1/applications/{app['id']}"
    browser.api("POST", f"{path}/stages", {"stage": "interview", "round": 2})
    no = browser.api("POST", f"{path}/rejection", {"reason": "More SQL", "cool_down": "24h"})
    assert no.status_code == 201
    body = no.json()
    assert body["at_stage"] == "interview"
    assert "Acme Robotics" in body["message"]
    assert body["cool_down_ends_at"].startswith((TODAY + timedelta(days=1)).isoformat())
    assert body["suggestions"]
    before = snapshot(journal)
    again = browser.api("POST", f"{path}/rejection", {})
    assert again.status_code == 409
    assert "already ended" in again.json()["message"]
    assert snapshot(journal) == before


def test_details_change_only_where_asked_and_null_clears(browser: Browser) -> None:
    app = _create(browser, source="linkedin", salary="50k")
    path = f"/api/v1/applications/{app['id']}"
    changed = browser.api("PATCH", path, {"role": "Senior Analyst", "salary": None}).json()
    assert (changed["role"], changed["source"], changed["salary"]) == (
        "Senior Analyst", "linkedin", None,
    )  # fmt: skip
    assert browser.api("PATCH", path, {"company": ""}).status_code == 400
    assert browser.api("DELETE", path).status_code == 204
    assert browser.api("GET", path).status_code == 404


def test_interviews_questions_and_notes_have_their_own_routes(any_browser: Browser) -> None:
    browser = any_browser
    app = _create(browser)
    base = f"/api/v1/applications/{app['id']}"
    interview = browser.api(
        "POST", f"{base}/interviews",
        {"kind": "panel", "scheduled_on": (TODAY + timedelta(days=3)).isoformat(),
         "scheduled_time": "10:30", "interviewers": ["Ana", " "]},
    ).json()  # fmt: skip
    assert interview["interviewers"] == ["Ana"]
    moved = browser.api("PATCH", f"/api/v1/interviews/{interview['id']}", {"duration_minutes": 50})
    assert moved.json()["duration_minutes"] == 50
    question = browser.api(
        "POST", f"{base}/questions", {"text": "Why us?", "interview_id": interview["id"]}
    ).json()
    assert question["interview_id"] == interview["id"]
    hard = browser.api(
        "PUT", f"/api/v1/questions/{question['id']}", {"text": "Why us?", "hard": True}
    )
    assert hard.json()["hard"] is True
    note = browser.api(
        "POST", f"{base}/notes", {"text": "  They   use dbt ", "private": True}
    ).json()
    assert (note["text"], note["private"], note["on"]) == ("They use dbt", True, TODAY.isoformat())
    detail = browser.api("GET", base).json()
    assert [len(detail[k]) for k in ("interviews", "questions", "notes")] == [1, 1, 1]
    for path in (
        f"/api/v1/notes/{note['id']}",
        f"/api/v1/questions/{question['id']}",
        f"/api/v1/interviews/{interview['id']}",
    ):
        assert browser.api("DELETE", path).status_code == 204
        assert browser.api("DELETE", path).status_code == 404


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "words"),
    [
        ("GET", "/api/v1/applications?limit=0", None, 422, "limit"),
        ("GET", "/api/v1/applications?stage=sideways", None, 422, "stage"),
        ("GET", "/api/v1/applications/99999999999", None, 422, "application_id"),
        ("POST", "/api/v1/applications", {"company": "A"}, 422, "role is required"),
        ("POST", "/api/v1/applications", {"company": "A", "role": "B", "colour": 1}, 422, "colour"),
        ("POST", "/api/v1/applications", {"company": "A", "role": "B", "applied_on": "2999-01-01"},
         400, "future"),
        ("POST", "/api/v1/applications/1/stages", {"stage": "interview"}, 404, "No application 1"),
        ("PUT", "/api/v1/settings/colour", {"value": "blue"}, 400, "no setting called"),
        ("PUT", "/api/v1/settings/upcoming_days", {"value": 0}, 400, "out of range"),
    ],
)  # fmt: skip
def test_bad_requests_get_a_message_that_says_what_to_fix(
    browser: Browser, method: str, path: str, body: object, status: int, words: str
) -> None:
    response = browser.api(method, path, body)
    assert response.status_code == status, response.text
    assert words in response.json()["message"]


def test_a_body_that_is_not_json_is_explained(browser: Browser) -> None:
    token = browser.get("/api/v1/session").json()["csrf_token"]
    response = browser.client.post(
        "/api/v1/applications",
        content=b"{not json",
        headers={"X-CSRF-Token": token, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert "not valid JSON" in response.json()["message"]


def test_today_and_settings_read_and_change(browser: Browser) -> None:
    today = browser.get("/api/v1/today").json()
    assert today["date"] == TODAY.isoformat()
    changed = browser.api("PUT", "/api/v1/settings/fold-rejected", {"value": True}).json()
    assert (changed["key"], changed["value"]) == ("fold_rejected", True)
    listed = {s["key"]: s["value"] for s in browser.get("/api/v1/settings").json()}
    assert listed["fold_rejected"] is True
    assert browser.api("DELETE", "/api/v1/settings/fold_rejected").json()["value"] is False


def test_the_openapi_document_names_schemas_create_update_public(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    ours = {name for name, schema in schemas.items() if schema.get("type") == "object"}
    assert "ApplicationCreate" in ours
    assert all(re.fullmatch(r"[A-Z][A-Za-z]*(Create|Update|Public)", n) for n in ours), sorted(ours)
    assert all(path.startswith("/api/v1/") for path in document["paths"])
