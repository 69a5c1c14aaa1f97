"""Background work held in the database: any worker claims a job, never two the same one; a
job whose worker stopped goes back in the queue; the person's page follows it from any process."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from nextyes.config import Settings
from nextyes.services.accounts import admin
from nextyes.services.jobs import queue
from nextyes.services.jobs.worker import KEEP_FINISHED, MOST_ATTEMPTS, STALLED, Worker
from nextyes.services.journal import Journal, open_journal
from tests.conftest import NOW, Cli
from tests.mailboxes import CONFIRMATION, INVITATION, REJECTION, Mail, write_mbox
from tests.team.conftest import Team, make_team


def _mailbox(folder: Path, n: int) -> bytes:
    mails = [
        Mail(m.sender, m.subject, m.body, m.date, f"<job-{n}-{i}@example.com>")
        for i, m in enumerate((CONFIRMATION, INVITATION, REJECTION))
    ]
    return write_mbox(folder / f"box{n}.mbox", mails).read_bytes()


def _queue_mailbox(journal: Journal, user_id: int, data: bytes, title: str = "box") -> str:
    payload = {"suffix": ".mbox", "dry_run": False, "keep_bodies": False, "now": NOW.isoformat()}
    return queue.enqueue(
        journal.uow(), user_id, queue.Kind.MAILBOX, title, payload, NOW, data=data, total=len(data)
    )


@pytest.fixture
def people(any_journal: Journal) -> list[int]:
    return [
        admin.create_account(any_journal.uow(), f"p{n}@example.org", NOW, password=None).id
        for n in range(4)
    ]


def _jobs(journal: Journal) -> list[dict[str, object]]:
    rows = journal.db.query("SELECT public_id, state, attempts, worker, problem FROM jobs")
    journal.db.rollback()
    return [{k: r[k] for k in r.keys()} for r in rows]


def test_workers_claiming_at_once_never_take_the_same_job(
    any_settings: Settings, any_journal: Journal, people: list[int]
) -> None:
    ids = {_queue_mailbox(any_journal, people[n % 4], b"x") for n in range(40)}
    taken: dict[str, list[str]] = {}

    def claim_all(name: str) -> None:
        journal = open_journal(any_settings)
        mine = taken.setdefault(name, [])
        try:
            while True:
                with journal.uow() as uow:
                    job = uow.jobs.claim(name, NOW)
                    uow.commit()
                if job is None:
                    return
                mine.append(job.public_id)
        finally:
            journal.close()

    threads = [threading.Thread(target=claim_all, args=(f"worker-{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    claimed = [public_id for names in taken.values() for public_id in names]
    assert sorted(claimed) == sorted(ids)  # every job once, none twice
    assert {j["worker"] for j in _jobs(any_journal)} <= set(taken)


@pytest.mark.postgres
def test_workers_on_postgresql_run_jobs_at_once_and_finish_them_all(
    pg_journal_url: str, home: Path, tmp_path: Path
) -> None:
    from tests.conftest import _empty_pg

    _empty_pg(pg_journal_url)
    any_settings = Settings.from_env(db=pg_journal_url)
    any_journal = open_journal(any_settings)
    people = [
        admin.create_account(any_journal.uow(), f"p{n}@example.org", NOW, password=None).id
        for n in range(4)
    ]
    ids = [_queue_mailbox(any_journal, people[n % 4], _mailbox(tmp_path, n)) for n in range(12)]
    workers = [Worker(any_settings, name=f"machine-{n}", clock=lambda: NOW) for n in range(4)]
    ran: dict[str, int] = {}
    threads = [
        threading.Thread(target=lambda w=w: ran.__setitem__(w.name, w.run_until_idle()))
        for w in workers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    jobs = _jobs(any_journal)
    assert sum(ran.values()) == 12
    assert sorted(str(j["public_id"]) for j in jobs) == sorted(ids)
    assert all(j["state"] == "done" and j["attempts"] == 1 for j in jobs), [
        j["problem"] for j in jobs
    ]
    for user_id in people:  # three jobs of three messages each, every message read once
        count = any_journal.db.scalar(
            "SELECT count(*) FROM mail_messages WHERE owner_id = :o", {"o": user_id}
        )
        any_journal.db.rollback()
        assert count == 9
    assert any_journal.db.scalar("SELECT count(*) FROM jobs WHERE data IS NOT NULL") == 0
    any_journal.db.rollback()
    any_journal.close()


def test_a_job_whose_worker_stopped_is_run_again_then_given_up_with_a_kind_word(
    any_settings: Settings, any_journal: Journal, people: list[int], tmp_path: Path
) -> None:
    job_id = _queue_mailbox(any_journal, people[0], _mailbox(tmp_path, 1))
    with any_journal.uow() as uow:  # a worker claims it, then its machine goes away
        assert uow.jobs.claim("gone-away", NOW) is not None
        uow.commit()
    soon = Worker(any_settings, name="soon", clock=lambda: NOW + STALLED / 2)
    assert soon.run_until_idle() == 0  # still within its heartbeat: left alone
    later = Worker(any_settings, name="later", clock=lambda: NOW + STALLED * 2)
    assert later.run_until_idle() == 1
    [job] = _jobs(any_journal)
    assert (job["state"], job["attempts"], job["worker"]) == ("done", 2, "later")

    stuck = _queue_mailbox(any_journal, people[1], _mailbox(tmp_path, 2))
    for attempt in range(MOST_ATTEMPTS):
        with any_journal.uow() as uow:
            any_journal.db.execute(
                "UPDATE jobs SET state = 'queued' WHERE public_id = :p", {"p": stuck}
            )
            assert uow.jobs.claim(f"crashing-{attempt}", NOW) is not None
            uow.commit()
    next_minute = Worker(any_settings, name="next-minute", clock=lambda: NOW + STALLED * 2)
    assert next_minute.run_until_idle() == 0
    view = queue.job_of(any_journal.uow(), people[1], stuck)
    assert view is not None and view.finished
    assert view.problem is not None and "start it again" in view.problem
    assert queue.job_of(any_journal.uow(), people[0], stuck) is None  # not someone else's
    assert job_id != stuck


def test_a_file_that_is_not_a_mailbox_fails_its_job_with_the_reason_and_the_next_job_runs(
    any_settings: Settings, any_journal: Journal, people: list[int], tmp_path: Path
) -> None:
    bad = _queue_mailbox(any_journal, people[0], b"\x00\x01 not a mailbox at all")
    good = _queue_mailbox(any_journal, people[0], _mailbox(tmp_path, 3))
    assert Worker(any_settings, clock=lambda: NOW).run_until_idle() == 2
    failed = queue.job_of(any_journal.uow(), people[0], bad)
    done = queue.job_of(any_journal.uow(), people[0], good)
    assert failed is not None and failed.finished and failed.problem
    assert done is not None and done.problem is None and done.result is not None
    assert done.result["read"] == 3


@pytest.fixture
def two_servers(any_settings: Settings) -> Iterator[tuple[Team, Team]]:
    """Two served apps on one database: the first runs no jobs itself, the second does."""
    front = make_team(any_settings, job_workers=0)
    back = make_team(any_settings, job_workers=1)
    yield next(front), next(back)
    for rest in (front, back):
        next(rest, None)


def test_a_mailbox_uploaded_through_one_server_is_read_by_another_and_followed_from_either(
    two_servers: tuple[Team, Team], tmp_path: Path
) -> None:
    front, back = two_servers
    ada = front.person("ada@example.org")
    back.browser()  # the second server starts (and with it, its worker)
    started = ada.client.post(
        "/mail/import",
        data={"csrf_token": ada.csrf},
        files={"file": ("inbox.mbox", _mailbox(tmp_path, 7))},
        follow_redirects=False,
    )
    assert started.status_code == 303, started.text
    job = started.headers["location"]
    deadline = time.monotonic() + 60
    while not ada.get(job + "/status").json()["finished"]:
        assert time.monotonic() < deadline, "no worker took the job"
        time.sleep(0.2)
    status = ada.get(job + "/status").json()
    assert status["problem"] is None
    assert status["read"] == 3
    page = ada.get(job).text
    assert "Done." in page
    journal = front.journal()
    try:
        worker = journal.db.scalar("SELECT worker FROM jobs")
        journal.db.rollback()
    finally:
        journal.close()
    assert worker is not None
    assert ada.api("GET", "/api/v1/applications").json()["total"] >= 1


def test_a_finished_job_is_kept_for_a_week_then_forgotten(
    any_settings: Settings, any_journal: Journal, people: list[int], tmp_path: Path
) -> None:
    job_id = _queue_mailbox(any_journal, people[0], _mailbox(tmp_path, 4))
    assert Worker(any_settings, clock=lambda: NOW).run_until_idle() == 1
    Worker(any_settings, clock=lambda: NOW + KEEP_FINISHED / 2).run_until_idle()
    assert queue.job_of(any_journal.uow(), people[0], job_id) is not None
    Worker(any_settings, clock=lambda: NOW + KEEP_FINISHED * 2).run_until_idle()
    assert queue.job_of(any_journal.uow(), people[0], job_id) is None


def test_a_machine_of_its_own_runs_the_queue_with_admin_run_jobs(
    any_settings: Settings, any_journal: Journal, people: list[int], tmp_path: Path, run: Cli
) -> None:
    job_id = _queue_mailbox(any_journal, people[0], _mailbox(tmp_path, 5))
    done = run.ok("--db", any_settings.database_url, "admin", "run-jobs", "--once")
    assert "Ran 1 job; the queue is empty." in done.output
    view = queue.job_of(any_journal.uow(), people[0], job_id)
    assert view is not None and view.finished and view.problem is None
    again = run.ok("--db", any_settings.database_url, "admin", "run-jobs", "--once")
    assert "Ran 0 jobs" in again.output


def test_a_mailbox_too_big_to_queue_is_refused_kindly_and_nothing_is_queued(
    sqlite_team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nextyes.web import jobs as web_jobs

    data = _mailbox(tmp_path, 6)
    monkeypatch.setattr(web_jobs, "MAX_QUEUED_UPLOAD", len(data) - 1)
    ada = sqlite_team.person("ada@example.org")
    answer = ada.client.post(
        "/mail/import",
        data={"csrf_token": ada.csrf},
        files={"file": ("inbox.mbox", data)},
        follow_redirects=False,
    )
    assert answer.status_code == 400
    assert "connect your mailbox over IMAP instead" in answer.text
    journal = sqlite_team.journal()
    try:
        assert journal.db.scalar("SELECT count(*) FROM jobs") == 0
    finally:
        journal.close()
    assert not list((sqlite_team.settings.home / "uploads").glob("*"))
