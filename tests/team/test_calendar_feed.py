"""The secret calendar address: read without signing in, one person's only, replaceable."""

from __future__ import annotations

from tests.team.conftest import Team


def _feed(team: Team, email: str) -> tuple[str, object]:
    person = team.person(email)
    made = person.api("POST", "/api/v1/applications", {"company": f"{email} Co", "role": "Analyst"})
    person.api(
        "POST",
        f"/api/v1/applications/{made.json()['id']}/interviews",
        {"scheduled_on": "2026-11-25"},
    )
    page = person.form("/account/calendar")
    url = page.text.split('Subscribe to this address (shown only now): <code class="secret">')[
        1
    ].split("<")[0]
    assert url.startswith("http://team.test/calendar/") and url.endswith(".ics")
    return url.removeprefix("http://team.test"), person


def test_a_calendar_app_reads_the_feed_without_signing_in_and_sees_only_its_owners_events(
    team: Team,
) -> None:
    ada_path, ada = _feed(team, "ada@example.org")
    bo_path, _ = _feed(team, "bo@example.org")
    app = team.browser("192.0.2.200")  # no cookie, no token
    answer = app.get(ada_path)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in answer.text
    assert "ada@example.org Co" in answer.text
    assert "bo@example.org" not in answer.text
    assert "bo@example.org Co" in app.get(bo_path).text
    assert app.get("/calendar/not-a-secret.ics").status_code == 404
    assert "On since" in ada.get("/account").text


def test_a_new_address_retires_the_old_one_and_turning_it_off_closes_it(team: Team) -> None:
    old, ada = _feed(team, "ada@example.org")
    page = ada.form("/account/calendar")
    new = page.text.split('<code class="secret">')[1].split("<")[0].removeprefix("http://team.test")
    app = team.browser("192.0.2.201")
    assert app.get(old).status_code == 404
    assert app.get(new).status_code == 200
    assert ada.form("/account/calendar/off").status_code == 303
    assert app.get(new).status_code == 404
