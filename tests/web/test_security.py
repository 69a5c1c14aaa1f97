"""Safety even on localhost: Host check (DNS rebinding), CSRF tokens, escaping, headers."""

from __future__ import annotations

import string

from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.services.journal import Journal
from tests.conftest import snapshot
from tests.web.conftest import Browser


def test_a_request_naming_another_host_is_refused_before_it_reads_anything(
    client: TestClient,
) -> None:
    response = client.get("/api/v1/applications", headers={"Host": "rebound.example:8765"})
    assert response.status_code == 421
    assert "127.0.0.1:8765" in response.json()["message"]
    page = client.get("/", headers={"Host": "localhost:9999"})
    assert page.status_code == 421
    assert "nextyes" in page.text


def test_the_apps_own_names_are_served(client: TestClient) -> None:
    for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765"):
        assert client.get("/api/v1/stages", headers={"Host": host}).status_code == 200


def test_a_form_without_its_token_is_refused_and_nothing_is_written(
    browser: Browser, journal: Journal
) -> None:
    browser.get("/")  # a session exists, but the form carries no token
    before = snapshot(journal)
    response = browser.client.post(
        "/applications", data={"company": "Acme", "role": "Analyst"}, follow_redirects=False
    )
    assert response.status_code == 403
    assert "Reload the page" in response.text
    assert snapshot(journal) == before


def test_an_api_write_needs_the_token_header_and_the_session_cookie(
    client: TestClient, journal: Journal
) -> None:
    before = snapshot(journal)
    bare = client.post("/api/v1/applications", json={"company": "Acme", "role": "Analyst"})
    assert bare.status_code == 403
    assert "X-CSRF-Token" in bare.json()["message"]
    token = client.get("/api/v1/session").json()["csrf_token"]
    forged = client.post(
        "/api/v1/applications",
        json={"company": "Acme", "role": "Analyst"},
        headers={"X-CSRF-Token": token[::-1]},
    )
    assert forged.status_code == 403
    assert snapshot(journal) == before
    good = client.post(
        "/api/v1/applications",
        json={"company": "Acme", "role": "Analyst"},
        headers={"X-CSRF-Token": token},
    )
    assert good.status_code == 201


def test_a_token_from_another_browser_session_does_not_work_here(
    app: FastAPI, browser: Browser
) -> None:
    stolen = browser.token
    with TestClient(app, base_url="http://127.0.0.1:8765") as other:
        other.get("/")  # its own session cookie
        response = other.post(
            "/api/v1/applications",
            json={"company": "Acme", "role": "Analyst"},
            headers={"X-CSRF-Token": stolen},
        )
    assert response.status_code == 403


def test_a_write_sent_from_another_sites_page_is_refused(browser: Browser) -> None:
    response = browser.client.post(
        "/applications",
        data={"csrf_token": browser.token, "company": "Acme", "role": "Analyst"},
        headers={"Origin": "http://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 403


def test_the_session_cookie_is_http_only_and_kept_to_this_site(client: TestClient) -> None:
    cookie = client.get("/").headers["set-cookie"]
    assert "nextyes_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "csrf" not in client.get("/").url.query.decode()


def test_pages_carry_a_strict_policy_and_are_not_stored(client: TestClient) -> None:
    response = client.get("/board")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_text_people_type_is_escaped_on_every_page_that_shows_it(browser: Browser) -> None:
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    created = browser.api("POST", "/api/v1/applications", {"company": evil, "role": evil})
    app_id = created.json()["id"]
    browser.form(f"/applications/{app_id}/notes", {"text": evil})
    for path in ("/", "/board", "/applications", f"/applications/{app_id}"):
        html = browser.get(path).text
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html, path
    assert "&lt;script&gt;alert(" in browser.get(f"/applications/{app_id}").text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    boundary=st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=1, max_size=60),
    body=st.binary(max_size=3000),
    token_first=st.booleans(),
)
def test_an_upload_is_accepted_only_with_its_token_first_whatever_its_bytes(
    browser: Browser, journal: Journal, boundary: str, body: bytes, token_first: bool
) -> None:
    token = browser.token
    part = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
    ).encode()
    sent = part + body if token_first else body
    response = browser.client.post(
        "/data/import/json",
        content=sent,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code < 500
    if not token_first and part not in body:
        assert response.status_code == 403
