"""Your data on a server: a mailbox read into your own journal (and your job, nobody else's),
a journal file brought into your account, and no whole-database backup for anyone."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.team.conftest import Person, Team

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _upload(person: Person, path: str, name: str, data: bytes) -> object:
    return person.client.post(
        path, data={"csrf_token": person.csrf}, files={"file": (name, data)}, follow_redirects=False
    )


def test_a_mailbox_uploaded_lands_in_the_uploaders_journal_and_its_job_is_theirs(
    team: Team,
) -> None:
    ada = team.person("ada@example.org")
    bo = team.person("bo@example.org")
    started = _upload(ada, "/mail/import", "inbox.mbox", (EXAMPLES / "inbox.mbox").read_bytes())
    assert started.status_code == 303, started.text  # type: ignore[attr-defined]
    job = started.headers["location"]  # type: ignore[attr-defined]
    assert bo.get(job).status_code == 404  # another person's job does not exist for them
    deadline = time.monotonic() + 60
    while not ada.get(job + "/status").json()["finished"]:
        assert time.monotonic() < deadline, "the import did not finish"
        time.sleep(0.2)
    assert ada.get(job + "/status").json()["problem"] is None
    mine = ada.api("GET", "/api/v1/applications").json()["total"]
    assert mine >= 1
    assert bo.api("GET", "/api/v1/applications").json()["total"] == 0
    journal = team.journal()
    try:
        local = journal.db.scalar(
            "SELECT count(*) FROM applications WHERE owner_id = :o", {"o": journal.owner_id}
        )
        journal.db.rollback()
    finally:
        journal.close()
    assert local == 0  # nothing went to the server's implicit local owner


def test_a_journal_file_moves_into_an_empty_account_and_stays_there(team: Team) -> None:
    ada = team.person("ada@example.org")
    ada.api("POST", "/api/v1/applications", {"company": "Acme Robotics", "role": "Analyst"})
    exported = ada.get("/data/export/journal.json")
    assert exported.status_code == 200
    assert "Acme Robotics" in exported.text
    bo = team.person("bo@example.org")
    moved = _upload(bo, "/data/import/json", "journal.json", exported.content)
    assert moved.status_code == 303, moved.text  # type: ignore[attr-defined]
    companies = [a["company"] for a in bo.api("GET", "/api/v1/applications").json()["items"]]
    assert companies == ["Acme Robotics"]
    assert len(ada.api("GET", "/api/v1/applications").json()["items"]) == 1
    assert json.loads(exported.text)["tables"]["applications"]


def test_no_one_can_take_or_restore_a_backup_of_the_whole_server(team: Team) -> None:
    ada = team.person("ada@example.org")
    page = ada.get("/data").text
    assert 'action="/data/backup"' not in page
    assert 'action="/data/restore"' not in page
    taken = ada.form("/data/backup")
    assert taken.status_code == 404
    assert "administrator" in taken.text
    assert ada.get("/data/backups/journal.db").status_code == 404


def test_signing_out_clears_what_the_browser_kept(team: Team) -> None:
    ada = team.person("ada@example.org")
    answer = ada.form("/sign-out")
    assert answer.headers["clear-site-data"] == '"cache", "storage"'
