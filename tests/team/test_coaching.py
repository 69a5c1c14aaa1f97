"""Sharing with a coach, by consent: the API contract, scopes, revoking, and the audit log."""

from __future__ import annotations

from typing import Any

from tests.team.conftest import Person, Team


def _seeker_journal(seeker: Person) -> dict[str, Any]:
    def made(path: str, body: Any) -> Any:
        answer = seeker.api("POST", path, body)
        assert answer.status_code == 201, (path, answer.text)
        return answer.json()

    app = made(
        "/api/v1/applications",
        {
            "company": "Acme",
            "role": "Analyst",
            "salary": "SECRET-PAY 60k",
            "applied_on": "2026-11-02",
        },
    )
    made(f"/api/v1/applications/{app['id']}/notes", {"text": "open note about Acme"})
    made(f"/api/v1/applications/{app['id']}/notes", {"text": "PRIVATE-NOTE", "private": True})
    feedback = made(
        f"/api/v1/applications/{app['id']}/feedback", {"text": "Strong SQL, less on communication"}
    )
    made("/api/v1/moods", {"score": 2, "note": "MOOD-NOTE"})
    plan = made("/api/v1/plan", {"what": "Mock interview with a friend"})
    return {
        "application_id": app["id"],
        "plan_id": plan["id"],
        "feedback_id": feedback["feedback_id"],
    }


def _coached(team: Team, scopes: list[str] | None = None) -> tuple[Person, Person, dict[str, Any]]:
    seeker = team.person("sam@example.org")
    ids = _seeker_journal(seeker)
    coach = team.person("cora@example.org")
    body = {} if scopes is None else {"scopes": scopes}
    invited = seeker.api("POST", "/api/v1/coach-invitations", body)
    assert invited.status_code == 201, invited.text
    code = invited.json()["code"]
    accepted = coach.api("POST", f"/api/v1/coach-invitations/{code}/accept")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["id"] == seeker.user_id
    return seeker, coach, ids


def test_a_coach_sees_what_was_shared_and_the_seeker_sees_every_read(team: Team) -> None:
    seeker, coach, ids = _coached(team)
    clients = coach.get("/api/v1/clients").json()
    assert [(c["id"], c["name"]) for c in clients] == [(seeker.user_id, "sam@example.org")]
    assert isinstance(clients[0]["signals"], list)
    apps = coach.get(f"/api/v1/clients/{seeker.user_id}/applications")
    assert apps.status_code == 200
    assert [a["company"] for a in apps.json()] == ["Acme"]
    assert apps.json()[0]["salary"] is None  # money is private by default
    detail = coach.get(f"/api/v1/clients/{seeker.user_id}/applications/{ids['application_id']}")
    assert detail.status_code == 200
    assert "open note about Acme" in detail.text
    assert "PRIVATE-NOTE" not in detail.text
    assert coach.get(f"/api/v1/clients/{seeker.user_id}/wellbeing").status_code == 404
    assert coach.get(f"/api/v1/clients/{seeker.user_id}/reflections").status_code == 404
    assert coach.get(f"/api/v1/clients/{seeker.user_id}/mail").status_code == 404
    assert "MOOD-NOTE" not in coach.get(f"/api/v1/clients/{seeker.user_id}").text
    log = seeker.get("/api/v1/coach-reads").json()
    assert [r["what"] for r in log] == ["overview", "application", "applications", "caseload"]
    assert {r["coach"] for r in log} == {"cora@example.org"}
    coaches = seeker.get("/api/v1/coaches").json()
    assert [c["id"] for c in coaches] == [coach.user_id]
    assert coaches[0]["scopes"] == ["applications", "feedback", "plan", "goals"]


def test_revoking_is_immediate_and_scopes_change_at_once(team: Team) -> None:
    seeker, coach, _ = _coached(team)
    path = f"/api/v1/clients/{seeker.user_id}/wellbeing"
    assert coach.get(path).status_code == 404
    changed = seeker.api(
        "PUT", f"/api/v1/coaches/{coach.user_id}/scopes", {"scopes": ["applications", "wellbeing"]}
    )
    assert changed.status_code == 200, changed.text
    assert "MOOD-NOTE" in coach.get(path).text
    assert coach.get(f"/api/v1/clients/{seeker.user_id}/plan").status_code == 404
    assert seeker.api("DELETE", f"/api/v1/coaches/{coach.user_id}").status_code == 204
    for read in ("", "/applications", "/wellbeing"):
        assert coach.get(f"/api/v1/clients/{seeker.user_id}{read}").status_code == 404
    assert coach.get("/api/v1/clients").json() == []
    assert seeker.get("/api/v1/coaches").json() == []


def test_an_invitation_works_once_and_not_for_its_maker(team: Team) -> None:
    seeker = team.person("sam@example.org")
    code = seeker.api("POST", "/api/v1/coach-invitations").json()["code"]
    assert seeker.api("POST", f"/api/v1/coach-invitations/{code}/accept").status_code == 400
    coach = team.person("cora@example.org")
    assert coach.api("POST", f"/api/v1/coach-invitations/{code.lower()}/accept").status_code == 200
    other = team.person("otto@example.org")
    assert other.api("POST", f"/api/v1/coach-invitations/{code}/accept").status_code == 404
    assert other.get(f"/api/v1/clients/{seeker.user_id}").status_code == 404


def test_comments_and_suggestions_reach_the_seeker(team: Team) -> None:
    seeker, coach, ids = _coached(team)
    said = coach.api(
        "POST",
        f"/api/v1/clients/{seeker.user_id}/comments",
        {"target": "application", "target_id": ids["application_id"], "text": "Great pick"},
    )
    assert said.status_code == 201, said.text
    suggested = coach.api(
        "POST",
        f"/api/v1/clients/{seeker.user_id}/suggestions",
        {"kind": "practice", "title": "Practise these", "detail": "Why Acme?\nA hard problem"},
    )
    assert suggested.status_code == 201, suggested.text
    comments = seeker.get("/api/v1/coach-comments").json()
    assert [(c["text"], c["read_at"]) for c in comments] == [("Great pick", None)]
    assert seeker.get("/api/v1/coach-comments").json()[0]["read_at"] is not None
    sid = suggested.json()["id"]
    accepted = seeker.api("POST", f"/api/v1/coach-suggestions/{sid}/accept")
    assert accepted.status_code == 200, accepted.text
    plan = seeker.get("/api/v1/plan").json()
    assert "Practise these" in str(plan)
    assert seeker.api("POST", f"/api/v1/coach-suggestions/{sid}/decline").status_code == 400
    assert coach.api("POST", f"/api/v1/coach-suggestions/{sid}/accept").status_code == 404


def test_comments_show_beside_their_items_and_only_where_the_scope_is_shared(team: Team) -> None:
    seeker, coach, ids = _coached(team)
    for target, item, text in (
        ("application", ids["application_id"], "ON-THE-APPLICATION"),
        ("feedback", ids["feedback_id"], "ON-THE-FEEDBACK"),
        ("plan_item", ids["plan_id"], "ON-THE-PLAN-ITEM"),
    ):
        said = coach.api(
            "POST",
            f"/api/v1/clients/{seeker.user_id}/comments",
            {"target": target, "target_id": item, "text": text},
        )
        assert said.status_code == 201, said.text
    client = coach.get(f"/clients/{seeker.user_id}").text
    assert client.index("Strong SQL") < client.index("ON-THE-FEEDBACK")
    assert client.index("Mock interview") < client.index("ON-THE-PLAN-ITEM")
    detail = coach.get(f"/clients/{seeker.user_id}/applications/{ids['application_id']}").text
    assert "ON-THE-APPLICATION" in detail
    assert detail.index("Strong SQL") < detail.index("ON-THE-FEEDBACK")

    page = seeker.get(f"/applications/{ids['application_id']}").text
    assert "ON-THE-APPLICATION" in page and "ON-THE-PLAN-ITEM" not in page
    assert page.index("Strong SQL") < page.index("ON-THE-FEEDBACK")
    read = {c["text"]: c["read_at"] for c in seeker.get("/api/v1/coach-comments").json()}
    assert read["ON-THE-APPLICATION"] and read["ON-THE-FEEDBACK"]  # shown beside: read
    assert read["ON-THE-PLAN-ITEM"] is None  # the plan page was not opened yet
    assert "ON-THE-PLAN-ITEM" in seeker.get("/plan").text
    preview = seeker.get(f"/coaching/coaches/{coach.user_id}/view").text
    assert "ON-THE-FEEDBACK" in preview and "ON-THE-PLAN-ITEM" in preview

    changed = seeker.api(
        "PUT", f"/api/v1/coaches/{coach.user_id}/scopes", {"scopes": ["applications", "plan"]}
    )
    assert changed.status_code == 200, changed.text
    client = coach.get(f"/clients/{seeker.user_id}").text
    assert "ON-THE-FEEDBACK" not in client and "ON-THE-PLAN-ITEM" in client
    api = coach.get(f"/api/v1/clients/{seeker.user_id}").text
    assert "ON-THE-FEEDBACK" not in api and "ON-THE-PLAN-ITEM" in api
    detail = coach.get(f"/clients/{seeker.user_id}/applications/{ids['application_id']}").text
    assert "ON-THE-FEEDBACK" not in detail and "ON-THE-APPLICATION" in detail
    assert "ON-THE-FEEDBACK" in seeker.get(f"/applications/{ids['application_id']}").text
