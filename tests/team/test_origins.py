"""A served app records changes as the signed-in person's, from the web, whichever way they came."""

from __future__ import annotations

from tests.team.conftest import Team


def test_a_rejection_from_a_signed_in_persons_form_is_theirs_and_from_the_web(
    team: Team,
) -> None:
    ada = team.person("ada@example.org")
    made = ada.api("POST", "/api/v1/applications", {"company": "Acme Robotics", "role": "Analyst"})
    assert made.status_code == 201, made.text
    app_id = made.json()["id"]
    refused = ada.form(f"/applications/{app_id}/reject", {"cool_down": "none"})
    assert refused.status_code == 303, refused.text
    journal = team.journal()
    try:
        rows = journal.db.query(
            "SELECT stage, origin, owner_id FROM stage_events WHERE application_id = :app "
            "ORDER BY id",
            {"app": app_id},
        )
    finally:
        journal.close()
    assert [(r["stage"], r["origin"], r["owner_id"]) for r in rows] == [
        ("applied", "web", ada.user_id),
        ("rejected", "web", ada.user_id),
    ]
