"""Signing in, out and everywhere else; two people on one server never see each other."""

from __future__ import annotations

import re
import time

from nextyes.config import Settings
from tests.team.conftest import Team, make_team

_TOKENS = re.compile(r'(content|value)="[A-Za-z0-9_-]{20,}"')


def test_two_people_each_see_only_their_own_journal(team: Team) -> None:
    ada = team.person("ada@example.org")
    bo = team.person("bo@example.org")
    made = ada.api("POST", "/api/v1/applications", {"company": "Acme Robotics", "role": "Analyst"})
    assert made.status_code == 201, made.text
    app_id = made.json()["id"]
    assert [a["company"] for a in ada.api("GET", "/api/v1/applications").json()["items"]] == [
        "Acme Robotics"
    ]
    assert bo.api("GET", "/api/v1/applications").json()["items"] == []
    assert bo.api("GET", f"/api/v1/applications/{app_id}").status_code == 404
    assert "Acme Robotics" not in bo.get("/board").text
    assert "Acme Robotics" in ada.get("/board").text
    assert bo.get(f"/applications/{app_id}").status_code == 404


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in_and_the_api_answers_401(
    team: Team,
) -> None:
    visitor = team.browser()
    page = visitor.get("/board")
    assert page.status_code == 303
    assert page.headers["location"] == "/sign-in?next=/board"
    api = visitor.get("/api/v1/applications")
    assert api.status_code == 401
    assert "Bearer" in api.json()["message"]
    assert api.headers["www-authenticate"].startswith("Bearer")


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(team: Team) -> None:
    team.account("ada@example.org")
    one = team.browser().sign_in("ada@example.org", "not the right password")
    other = team.browser().sign_in("zed@example.org", "not the right password")
    assert one.status_code == other.status_code == 400
    same = [
        _TOKENS.sub("token", r.text).replace(e, "X") for r, e in ((one, "ada@"), (other, "zed@"))
    ]
    assert same[0] == same[1]
    assert "do not match an account" in one.text


def test_an_unknown_email_takes_as_long_to_refuse_as_a_wrong_password(team: Team) -> None:
    team.account("ada@example.org")

    def timed(email: str, address: str) -> float:
        browser = team.browser(address)
        browser.client.get("/sign-in")
        csrf = browser.csrf
        # CPU time, not the wall clock: the work done is what must not tell the two apart, and
        # a shared machine's waits for a core would drown it
        started = time.process_time()
        browser.client.post(
            "/sign-in", data={"csrf_token": csrf, "email": email, "password": "x" * 14}
        )
        return time.process_time() - started

    # each try from its own address, and fewer than the free tries per account: no waiting
    known = min(timed("ada@example.org", f"192.0.2.{i}") for i in range(3))
    unknown = min(timed(f"zed{i}@example.org", f"192.0.2.{10 + i}") for i in range(3))
    assert 0.4 < unknown / known < 2.5, (known, unknown)


def test_signing_out_ends_the_session_on_the_server(team: Team) -> None:
    ada = team.person("ada@example.org")
    cookie = dict(ada.client.cookies)
    assert ada.form("/sign-out").status_code == 303
    again = team.browser()
    again.client.cookies.update(cookie)
    assert again.get("/").status_code == 303
    assert again.get("/api/v1/applications").status_code == 401


def test_a_script_uses_a_personal_token(team: Team) -> None:
    script = team.script("robot@example.org")
    assert script.api("GET", "/api/v1/account").json()["email"] == "robot@example.org"
    assert (
        script.api("POST", "/api/v1/applications", {"company": "A", "role": "B"}).status_code == 201
    )


def test_open_sign_up_is_off_by_default_and_when_on_makes_a_signed_in_seeker(
    settings: Settings,
) -> None:
    for closed in make_team(settings):
        assert closed.browser().get("/sign-up").status_code == 404
        assert "by invitation" in closed.browser().get("/sign-up").text
    for team in make_team(settings, open_sign_up=True):
        browser = team.browser()
        page = browser.get("/sign-up")
        assert page.status_code == 200
        weak = browser.form(
            "/sign-up",
            {"email": "new@example.org", "password": "123456789012", "again": "123456789012"},
        )
        assert weak.status_code == 400
        good = "paper boats on a pond"
        made = browser.form(
            "/sign-up", {"email": "new@example.org", "name": "New", "password": good, "again": good}
        )
        assert made.status_code == 303
        assert browser.get("/api/v1/account").json() == {
            "id": browser.get("/api/v1/account").json()["id"], "email": "new@example.org",
            "name": "New", "role": "seeker",
        }  # fmt: skip
