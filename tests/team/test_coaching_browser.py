"""Coaching in Chromium: a seeker invites, a coach without an account makes one and accepts,
comments, the seeker reads it and sees exactly what the coach sees, then revokes, and the
coach's next page finds nothing. Screenshots of the caseload and "view as my coach" are kept.
"""

from __future__ import annotations

from typing import Any

import pytest

from nextyes.config import Settings
from nextyes.services.accounts import admin
from nextyes.services.journal import open_journal
from tests.conftest import NOW
from tests.team.conftest import PASSWORD
from tests.team.test_browser import SHOTS, _sign_in, chromium, served  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_invite_accept_comment_and_revoke_in_a_browser(
    chromium: Any,  # noqa: F811
    served: str,  # noqa: F811
    settings: Settings,
) -> None:
    journal = open_journal(settings)
    admin.create_account(journal.uow(), "sam@example.org", NOW, name="Sam", password=PASSWORD)
    journal.close()
    SHOTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []

    seeker_context = chromium.new_context(base_url=served, viewport={"width": 1280, "height": 900})
    seeker_context.set_default_timeout(20_000)
    seeker = seeker_context.new_page()
    seeker.on("pageerror", lambda error: errors.append(str(error)))
    _sign_in(seeker, "sam@example.org")
    token = seeker.get_attribute('meta[name="csrf-token"]', "content")
    made = seeker_context.request.post(
        "/api/v1/applications",
        data={"company": "Acme Robotics", "role": "Data analyst", "applied_on": "2026-11-10",
              "salary": "PRIVATE 61k"},
        headers={"X-CSRF-Token": token},
    )  # fmt: skip
    assert made.status == 201, made.text()
    app_id = made.json()["id"]
    api = seeker_context.request
    for company in ("Birch Ltd", "Cedar plc", "Dune Co"):
        other = api.post("/api/v1/applications", data={"company": company, "role": "Analyst",
                         "applied_on": "2026-10-20"}, headers={"X-CSRF-Token": token})  # fmt: skip
        said_no = api.post(
            f"/api/v1/applications/{other.json()['id']}/rejection",
            data={"cool_down": "none", "on": "2026-11-18"}, headers={"X-CSRF-Token": token},
        )  # fmt: skip
        assert said_no.status == 201, said_no.text()
    interview = api.post(
        f"/api/v1/applications/{app_id}/interviews", data={"scheduled_on": "2026-11-24"},
        headers={"X-CSRF-Token": token},
    )  # fmt: skip
    assert interview.status == 201, interview.text()
    seeker.goto("/coaching")
    seeker.click("text=Make an invitation code")
    link = seeker.inner_text("#invitation-link").strip()
    assert "/join/coach/" in link

    coach_context = chromium.new_context(base_url=served, viewport={"width": 1280, "height": 900})
    coach_context.set_default_timeout(20_000)
    coach = coach_context.new_page()
    coach.on("pageerror", lambda error: errors.append(str(error)))
    coach.goto(link.replace(served, ""))
    assert "Sam would like you as their coach" in coach.inner_text("main")
    coach.fill("#j-email", "cora@example.org")
    coach.fill("#j-name", "Cora")
    coach.fill("#j-password", PASSWORD)
    coach.fill("#j-again", PASSWORD)
    coach.click("text=Make my account and accept")
    coach.wait_for_url("**/clients/*")
    client_url = coach.url
    coach.goto("/clients")
    assert "Sam" in coach.inner_text("main")
    caseload = coach.inner_text(".caseload")
    assert "3 noes in a row" in caseload and "Interview with Acme Robotics" in caseload
    coach.screenshot(path=str(SHOTS / "coaching-caseload.png"), full_page=True)
    coach.goto(client_url)
    assert "PRIVATE 61k" not in coach.content()
    coach.click("text=Acme Robotics")
    coach.fill("#c-text", "Lovely choice; let us prepare the case study together.")
    coach.click("text=Post the comment")
    coach.wait_for_url(f"**/applications/{app_id}")
    assert "Lovely choice" in coach.inner_text("main")

    seeker.goto("/coaching")
    assert "Lovely choice" in seeker.inner_text("#comments")
    seeker.click("text=View as Cora")
    seeker.wait_for_url("**/view")
    shown = seeker.inner_text("main")
    assert "exactly what Cora sees" in shown and "Acme Robotics" in shown
    assert "PRIVATE 61k" not in shown
    seeker.screenshot(path=str(SHOTS / "coaching-view-as-coach.png"), full_page=True)
    seeker.goto("/coaching")
    seeker.click("text=Stop sharing with Cora")
    seeker.wait_for_url("**/coaching")
    assert "Nobody sees your journal" in seeker.inner_text("#coaches")

    answer = coach.goto(client_url)
    assert answer is not None and answer.status == 404
    coach.goto("/clients")
    assert "Sam" not in coach.inner_text("main")
    seeker_context.close()
    coach_context.close()
    assert errors == [], errors
