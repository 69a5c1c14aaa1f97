"""The authorisation matrix for coaches: every route, sent by coaches with and without each
scope, a revoked coach and a coach of someone else, against one owner's journal.

A coach holding a route's scope gets the route's coach status; without it, or without a live
share, "not found" (404), exactly as for a client who does not exist. Each private part of the
owner's journal carries its own marker, which must never appear in an answer to a coach who was
not given its scope; a revoked coach and another client's coach see no marker at all.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.conftest import NOW
from tests.team.conftest import Person, Team
from tests.team.test_authorisation_matrix import (
    ALL_SCOPES,
    MARK,
    ROUTES,
    Case,
    _coach_for,
    _owner_journal,
    send,
    served_routes,
)

MARKERS = {
    "applications": "APPMARKQ", "feedback": "FBMARKQ", "plan": "PLANMARKQ",
    "goals": "WINMARKQ", "reflections": "REFLMARKQ", "wellbeing": "MOODMARKQ",
    "private_notes": "PNOTEMARKQ", "money": "MONEYMARKQ", "email": "MAILMARKQ",
    "money in the offer": "987654",
}  # fmt: skip


def _private_parts(team: Team, owner: Person, rejected_id: int) -> None:
    """One record per scope, each with its own marker."""

    def made(method: str, path: str, body: Any) -> Any:
        answer = owner.api(method, path, body)
        assert answer.status_code in (200, 201), (path, answer.text)
        return answer.json()

    app = made(
        "POST", "/api/v1/applications",
        {"company": MARKERS["applications"], "role": "Analyst", "salary": MARKERS["money"],
         "applied_on": "2026-11-10"},
    )  # fmt: skip
    made("POST", f"/api/v1/applications/{app['id']}/notes",
         {"text": MARKERS["private_notes"], "private": True})  # fmt: skip
    made("POST", f"/api/v1/applications/{app['id']}/feedback", {"text": MARKERS["feedback"]})
    made(
        "POST",
        f"/api/v1/applications/{app['id']}/offer",
        {"pay_amount": 987654, "pay_currency": "EUR"},
    )
    made("POST", "/api/v1/plan", {"what": MARKERS["plan"]})
    made("POST", "/api/v1/wins", {"text": MARKERS["goals"]})
    made("POST", "/api/v1/moods", {"score": 2, "note": MARKERS["wellbeing"]})
    made(
        "POST", f"/api/v1/applications/{rejected_id}/reflections",
        {"answers": {"materials-first-half-page": MARKERS["reflections"]},
         "started_at": (NOW - timedelta(hours=1)).isoformat()},
    )  # fmt: skip
    journal = team.journal()
    try:
        journal.db.begin()
        journal.db.execute(
            "INSERT INTO mail_messages (owner_id, message_key, subject, sender, label, "
            "confidence, status, imported_at, received_at) VALUES (:owner, 'km', :subject, "
            "'jobs@acme.test', 'interview', 0.9, 'noted', :now, :now)",
            {"owner": owner.user_id, "subject": MARKERS["email"], "now": NOW},
        )
        journal.db.commit()
    finally:
        journal.close()


def _expected(case: Case, held: frozenset[str], full: bool) -> int:
    if case.coach is None:
        return 404 if case.kind == "own" else -1
    if case.coach_only and not full:
        return 404
    if case.scope is not None and case.scope not in held:
        return 404
    return case.coach


@pytest.mark.slow
def test_coaches_read_only_what_is_shared_with_them(team: Team) -> None:
    owner = team.person("owner@example.org")
    ids = _owner_journal(team, owner)
    _private_parts(team, owner, ids["rejected_id"])
    coaches: list[tuple[str, Person, frozenset[str], bool]] = []
    for scope in ALL_SCOPES:
        held = frozenset(ALL_SCOPES) - {scope}
        person = _coach_for(team, owner, f"without-{scope}@example.org", sorted(held))
        coaches.append((f"coach without {scope}", person, held, False))
    revoked = _coach_for(team, owner, "revoked@example.org", ALL_SCOPES)
    assert owner.api("DELETE", f"/api/v1/coaches/{revoked.user_id}").status_code == 204
    someone = team.person("someone@example.org")
    elsewhere = _coach_for(team, someone, "elsewhere@example.org", ALL_SCOPES)
    for person in [c[1] for c in coaches] + [revoked, elsewhere]:
        person.page_csrf = person.csrf  # type: ignore[attr-defined]
    full = team.browser()
    full.sign_in("coach@example.org")
    full.email, full.user_id = "coach@example.org", ids["coach_id"]
    full.page_csrf = full.csrf  # type: ignore[attr-defined]
    coaches.append(("coach with every scope", full, frozenset(ALL_SCOPES), True))

    problems: list[str] = []
    routes = sorted(served_routes(team), key=lambda r: ROUTES[f"{r[0]} {r[1]}"].order)
    for method, path in routes:
        case = ROUTES[f"{method} {path}"]
        if case.kind == "public" or (case.kind == "self" and case.coach is None):
            continue
        for name, person, held, is_full in coaches:
            answer = send(person, method, path, case, ids)
            expected = _expected(case, held, is_full)
            if expected != -1 and answer.status_code != expected:
                problems.append(
                    f"{name}: {method} {path} -> {answer.status_code}, not {expected}: "
                    f"{answer.text[:160]}"
                )
            for scope, marker in MARKERS.items():
                if scope.split()[0] not in held and marker in answer.text:
                    problems.append(f"{name}: {method} {path} showed {scope} ({marker})")
        for name, person in (("revoked coach", revoked), ("another client's coach", elsewhere)):
            answer = send(person, method, path, case, ids)
            if case.kind == "own" and answer.status_code != 404:
                problems.append(f"{name}: {method} {path} -> {answer.status_code}, not 404")
            shown = [m for m in (MARK, *MARKERS.values()) if m in answer.text]
            if shown:
                problems.append(f"{name}: {method} {path} showed {shown}")
    assert not problems, "\n".join(problems)
