"""Coaching records in the journal export, and back: the seeker's export holds the comments and
suggestions addressed to them and the log of coach reads, naming the coach only as they saw
them; the coach's export holds their own session notes. Importing brings the seeker's records
back beside the same items, and gives no coach any access."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nextyes.config import Settings
from nextyes.errors import InvalidInput
from nextyes.services.journal import open_journal
from nextyes.services.portability.journal_json import export_journal, import_journal
from tests.conftest import NOW, snapshot
from tests.team.conftest import Team
from tests.team.test_coaching import _coached


def _export(team: Team, user_id: int) -> dict[str, Any]:
    journal = team.journal()
    try:
        return export_journal(journal.for_owner(user_id).uow(), NOW)
    finally:
        journal.close()


def test_coaching_records_go_with_the_seekers_export_and_come_back_without_access(
    team: Team, tmp_path: Any
) -> None:
    seeker, coach, ids = _coached(team)
    for target, item, text in (
        ("application", ids["application_id"], "ON-THE-APPLICATION"),
        ("feedback", ids["feedback_id"], "ON-THE-FEEDBACK"),
    ):
        said = coach.api(
            "POST", f"/api/v1/clients/{seeker.user_id}/comments",
            {"target": target, "target_id": item, "text": text},
        )  # fmt: skip
        assert said.status_code == 201, said.text
    suggested = coach.api(
        "POST", f"/api/v1/clients/{seeker.user_id}/suggestions",
        {"kind": "plan_step", "title": "Ask for a mock interview"},
    )  # fmt: skip
    assert suggested.status_code == 201
    accepted = seeker.api("POST", f"/api/v1/coach-suggestions/{suggested.json()['id']}/accept")
    assert accepted.status_code == 200
    note = coach.api(
        "POST", f"/api/v1/clients/{seeker.user_id}/notes", {"text": "COACH-ONLY-NOTE"}
    )  # fmt: skip
    assert note.status_code == 201, note.text

    mine = _export(team, seeker.user_id)
    coaching = mine["coaching"]
    assert {c["text"]: (c["target"], c["coach"]) for c in coaching["comments"]} == {
        "ON-THE-APPLICATION": ("application", "cora@example.org"),
        "ON-THE-FEEDBACK": ("feedback", "cora@example.org"),
    }
    assert [s["status"] for s in coaching["suggestions"]] == ["accepted"]
    assert coaching["reads"]  # the coach's reads of this journal, as the seeker's log shows them
    assert coaching["session_notes"] == []  # the coach's notes are not the seeker's
    assert "coach_id" not in json.dumps(coaching) and "COACH-ONLY-NOTE" not in json.dumps(mine)
    theirs = _export(team, coach.user_id)["coaching"]
    assert [n["text"] for n in theirs["session_notes"]] == ["COACH-ONLY-NOTE"]
    assert theirs["comments"] == []  # what they wrote is the seeker's

    fresh = open_journal(Settings.from_env(home=tmp_path / "elsewhere"))
    try:
        done = import_journal(fresh, json.dumps(mine).encode(), "export.json")
        assert done.counts["coach_comments"] == 2 and done.counts["coach_suggestions"] == 1
        uow = fresh.uow()
        with uow:
            back = uow.coach_comments.of_seeker(fresh.owner_id)
            shares = uow.db.scalar("SELECT count(*) FROM coach_shares")
            plan_ids = {item.id for item in uow.plans.find()}
            suggestion = uow.coach_suggestions.of_seeker(fresh.owner_id)[0]
        assert shares == 0  # nobody gains access by an import
        assert {c.text for c in back} == {"ON-THE-APPLICATION", "ON-THE-FEEDBACK"}
        assert all(c.coach_id is None for c in back)
        assert suggestion.plan_item_id in plan_ids
        application = next(c for c in back if c.target.value == "application")
        assert application.target_id == ids["application_id"]  # a fresh journal keeps ids
    finally:
        fresh.close()


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda c: c["comments"][0].update(target="mood"), "should be one of"),
        (lambda c: c["comments"][0].update(target_id=999_999), "not in the file"),
        (lambda c: c["comments"][0].update(text=""), "'text' as text"),
        (lambda c: c["comments"][0].update(created_at="yesterday"), "a moment"),
        (lambda c: c["suggestions"].append({"coach": "x"}), "'kind'"),
        (lambda c: c.update(comments="lots"), "damaged"),
    ],
)
def test_a_damaged_coaching_section_is_refused_and_nothing_is_written(
    sqlite_team: Team, tmp_path: Any, change: Any, said: str
) -> None:
    seeker, coach, ids = _coached(sqlite_team)
    coach.api(
        "POST", f"/api/v1/clients/{seeker.user_id}/comments",
        {"target": "application", "target_id": ids["application_id"], "text": "A comment"},
    )  # fmt: skip
    document = _export(sqlite_team, seeker.user_id)
    change(document["coaching"])
    fresh = open_journal(Settings.from_env(home=tmp_path / "elsewhere"))
    try:
        before = snapshot(fresh)
        with pytest.raises(InvalidInput, match=said):
            import_journal(fresh, json.dumps(document).encode(), "export.json")
        assert snapshot(fresh) == before
    finally:
        fresh.close()
