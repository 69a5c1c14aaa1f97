"""Your data on a server: a mailbox read into your own journal (and your job, nobody else's),
a journal file brought into your account, and no whole-database backup for anyone."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.conftest import NOW
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


def _local_journal(folder: Path, count: int = 30) -> Path:
    """A single-user journal file as nextyes on someone's computer keeps it (demo data)."""
    from nextyes.config import Settings
    from nextyes.services.demo.build import fill_demo
    from nextyes.services.journal import open_journal

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "journal.db"
    journal = open_journal(Settings(home=folder, database_url=f"sqlite:///{path}"))
    try:
        fill_demo(journal.uow(), NOW, count=count)
    finally:
        journal.close()
    return path


def _local_rows(path: Path) -> dict[str, int]:
    from nextyes.config import Settings
    from nextyes.services.journal import open_journal

    journal = open_journal(Settings(home=path.parent, database_url=f"sqlite:///{path}"))
    try:
        with journal.uow() as uow:
            return {k: n for k, n in uow.journal_rows.counts().items() if n}
    finally:
        journal.close()


def _account_rows(team: Team, user_id: int) -> dict[str, int]:
    journal = team.journal().for_owner(user_id)
    try:
        with journal.uow() as uow:
            return {k: n for k, n in uow.journal_rows.counts().items() if n}
    finally:
        journal.close()


def test_a_journal_file_from_a_computer_comes_into_an_empty_account_whole(
    team: Team, tmp_path: Path
) -> None:
    local = _local_journal(tmp_path / "laptop")
    expected = _local_rows(local)
    ada = team.person("ada@example.org")
    bo = team.person("bo@example.org")
    bo.api("POST", "/api/v1/applications", {"company": "Bo's own", "role": "Analyst"})

    moved = _upload(ada, "/data/import/journal-file", "journal.db", local.read_bytes())

    assert moved.status_code == 303, moved.text  # type: ignore[attr-defined]
    assert _account_rows(team, ada.user_id) == expected
    assert expected["applications"] == 30
    assert ada.api("GET", "/api/v1/applications?limit=100").json()["total"] == 30
    assert bo.api("GET", "/api/v1/applications").json()["total"] == 1  # Bo's journal untouched
    flash = ada.get("/data").text
    assert "Brought in 30 applications" in flash


def test_a_journal_file_from_an_older_nextyes_is_brought_up_to_date_on_the_way_in(
    team: Team, tmp_path: Path
) -> None:
    import shutil
    import sqlite3

    from tests.portability.test_backups import _downgrade

    local = _local_journal(tmp_path / "laptop")
    _downgrade(local, "0001")  # as the first release of nextyes left it
    with sqlite3.connect(local) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    conn.close()
    uploaded = local.read_bytes()
    today = tmp_path / "today" / "journal.db"
    today.parent.mkdir()
    shutil.copyfile(local, today)
    expected = _local_rows(today)  # what this version of nextyes reads from that file
    ada = team.person("ada@example.org")

    moved = _upload(ada, "/data/import/journal-file", "journal.db", uploaded)

    assert moved.status_code == 303, moved.text  # type: ignore[attr-defined]
    assert expected["applications"] == 30
    assert _account_rows(team, ada.user_id) == expected
    assert "Brought in 30 applications" in ada.get("/data").text


def test_an_account_downloads_its_journal_as_a_file_nextyes_opens_on_a_computer(
    team: Team, tmp_path: Path
) -> None:
    ada = team.person("ada@example.org")
    _upload(
        ada, "/data/import/journal-file", "journal.db", _local_journal(tmp_path / "a").read_bytes()
    )
    downloaded = ada.get("/data/export/journal.db")
    assert downloaded.status_code == 200
    assert downloaded.headers["content-type"] == "application/vnd.sqlite3"
    assert downloaded.content.startswith(b"SQLite format 3\x00")
    mine = tmp_path / "computer" / "journal.db"
    mine.parent.mkdir()
    mine.write_bytes(downloaded.content)
    assert _local_rows(mine) == _account_rows(team, ada.user_id)
    # and it goes back into another account just as well
    bo = team.person("bo@example.org")
    again = _upload(bo, "/data/import/journal-file", "mine.db", downloaded.content)
    assert again.status_code == 303, again.text  # type: ignore[attr-defined]
    assert _account_rows(team, bo.user_id) == _account_rows(team, ada.user_id)


def test_a_file_that_is_not_a_whole_journal_is_refused_and_changes_nothing(
    team: Team, tmp_path: Path
) -> None:
    import sqlite3

    local = _local_journal(tmp_path / "laptop", count=5).read_bytes()
    other_db = tmp_path / "other.db"
    with sqlite3.connect(other_db) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.close()
    newer = tmp_path / "newer" / "journal.db"
    newer.parent.mkdir()
    newer.write_bytes(local)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    ada = team.person("ada@example.org")
    ada.api("POST", "/api/v1/applications", {"company": "Already here", "role": "Analyst"})
    bo = team.person("bo@example.org")
    before = _account_rows(team, bo.user_id)
    cases = {
        "notes.txt": (b"just some text, not a database", "not an SQLite database"),
        "cut.db": (local[: len(local) // 3], "nothing was brought in"),
        "other.db": (other_db.read_bytes(), "is not a nextyes journal"),
        "newer.db": (newer.read_bytes(), "newer nextyes"),
    }
    for name, (data, said) in cases.items():
        answer = _upload(bo, "/data/import/journal-file", name, data)
        assert answer.status_code == 400, (name, answer.text)  # type: ignore[attr-defined]
        assert said in answer.text, (name, answer.text)  # type: ignore[attr-defined]
        assert name in answer.text  # type: ignore[attr-defined]
        assert _account_rows(team, bo.user_id) == before
    full = _upload(ada, "/data/import/journal-file", "journal.db", local)
    assert full.status_code == 409, full.text  # type: ignore[attr-defined]
    assert "would mix the two" in full.text  # type: ignore[attr-defined]
    assert ada.api("GET", "/api/v1/applications").json()["total"] == 1
