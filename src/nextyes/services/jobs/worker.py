"""A worker: claims the next queued job, runs it, and writes back its progress and outcome.

Each `nextyes serve` process runs `job_workers` of them in threads (see the served app), and
they need nothing but the database: a job queued through one machine may be run by another.
A worker keeps a heartbeat on its job while it runs; a job whose worker stopped (the process
was killed, the machine went away) goes back in the queue after `STALLED`, and fails for good
after `MOST_ATTEMPTS` tries, with a message its page shows.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import os
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from typing import Any

from nextyes.config import Settings
from nextyes.errors import JournalBusy, NextyesError
from nextyes.server_settings import ServerSettings
from nextyes.services.jobs.queue import Kind
from nextyes.services.journal import Journal, open_journal
from nextyes.storage.repositories.jobs import StoredJob
from nextyes.storage.uow import UnitOfWork

STALLED = timedelta(minutes=10)
MOST_ATTEMPTS = 3
KEEP_FINISHED = timedelta(days=7)  # a finished job's page stays this long
TIDY_EVERY = 60.0  # seconds between a worker's looks for stalled and old jobs
REMINDERS_AT = dt_time(7, 0)  # UTC: the day's reminder mails are queued from then on
PROGRESS_EVERY = 0.5  # seconds between progress writes


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("jobs/messages")["jobs"][key], **values)


@dataclasses.dataclass
class Running:
    """The job being run, with what a handler needs: its own journal for the person, and a
    way to report progress (which also keeps the heartbeat)."""

    job: StoredJob
    payload: dict[str, Any]
    journal: Journal  # the handler's connection, scoped to the job's person
    report: Callable[[int, int], None]  # (items so far, size so far), added up
    server: ServerSettings  # the public address, the mail relay, the key for IMAP passwords
    started: datetime  # when the worker began running it (by the worker's clock)


Handler = Callable[[Running], Any]


def _mailbox(running: Running) -> Any:
    """An uploaded mailbox: written to a private temporary file, read, and forgotten."""
    from nextyes.services.mail.sources import import_mailbox

    with running.journal.uow() as uow:
        data = uow.jobs.data(running.job.id)
    if data is None:
        raise NextyesError(_said("upload_gone"))
    suffix = str(running.payload.get("suffix", ""))
    with tempfile.TemporaryDirectory(prefix="nextyes-job-") as folder:
        path = Path(folder) / f"mailbox{suffix}"
        path.write_bytes(data)
        del data
        return import_mailbox(
            running.journal.uow(), path, _now(running), dry_run=bool(running.payload.get("dry_run")),
            keep_bodies=bool(running.payload.get("keep_bodies")), workers=0,
            progress=running.report,
        )  # fmt: skip


def _imap(running: Running) -> Any:
    from nextyes.services.accounts.sealing import server_sealer
    from nextyes.services.mail.connection import fetch_now

    sealer = server_sealer(running.server, running.journal.settings.home)
    return fetch_now(running.journal, sealer, _now(running), progress=running.report)


def _reset_mail(running: Running) -> Any:
    """A password-reset link, mailed when the address has an account (nothing otherwise)."""
    from nextyes.services.accounts.mailing import send_reset_link

    return {"sent": send_reset_link(
        running.journal.uow(), str(running.payload["email"]), running.server, _now(running)
    )}  # fmt: skip


def _now(running: Running) -> datetime:
    return datetime.fromisoformat(str(running.payload["now"]))


# The kinds of job and what runs each: an explicit list, extended here.
def _reminders(running: Running) -> Any:
    """Every reminder due today, to everyone who turned them on (each sent once, ever)."""
    from nextyes.services.accounts.reminders import send_reminders

    journal = running.journal
    sent = send_reminders(
        journal.uow(), lambda owner: journal.for_owner(owner).uow(), running.server,
        _now(running),
    )  # fmt: skip
    return {"sent": sent}


def _cohort(running: Running) -> Any:
    """An organisation's kept cohort facts brought up to date (see `cohort_report`)."""
    from nextyes.services.organisations.cohort import refresh

    organisation = int(running.payload["organisation"])
    return {"counted": refresh(running.journal.uow(), organisation, running.started)}


HANDLERS: dict[str, Handler] = {
    Kind.MAILBOX: _mailbox,
    Kind.IMAP: _imap,
    Kind.RESET_MAIL: _reset_mail,
    Kind.REMINDERS: _reminders,
    Kind.COHORT: _cohort,
}


_NUMBERS = itertools.count(1)


def worker_name() -> str:
    """Which machine, process and worker: unique among every worker sharing the database."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{next(_NUMBERS)}"


class Worker:
    """Runs jobs from the database until stopped; `run_until_idle()` for scripts and tests."""

    def __init__(
        self,
        settings: Settings,
        *,
        server: ServerSettings | None = None,
        name: str | None = None,
        poll: float = 1.0,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.settings = settings
        self.server = server or ServerSettings()
        self.name = name or worker_name()
        self.poll = poll
        self.clock = clock or settings.now
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status: Journal | None = None  # the loop's own connection, kept while it runs
        self._tidy_at = 0.0

    def run_next(self) -> bool:
        """Claim and run one job; False when the queue was empty."""
        own = self._status is None
        status = self._status or open_journal(self.settings)
        try:
            now = self.clock()
            with status.uow() as uow:
                if time.monotonic() >= self._tidy_at:  # at most once a minute per worker
                    uow.jobs.requeue_stalled(now - STALLED, MOST_ATTEMPTS, _said("stalled"))
                    uow.jobs.remove_finished(now - KEEP_FINISHED)
                    self._queue_the_days_reminders(uow, now)
                    self._tidy_at = time.monotonic() + TIDY_EVERY
                # a read first: an idle queue costs no write (SQLite has one writer at a time)
                job = uow.jobs.claim(self.name, now) if uow.jobs.queued() else None
                uow.commit()
            if job is None:
                return False
            self._run(status, job)
            return True
        finally:
            if own:
                status.close()

    def _queue_the_days_reminders(self, uow: UnitOfWork, now: datetime) -> None:
        """With a mail relay, the first worker to look after REMINDERS_AT each day queues that
        day's reminder run (so no timer is needed; `admin send-reminders` still works)."""
        if self.server.smtp is None or now.astimezone(UTC).time() < REMINDERS_AT:
            return
        day = now.astimezone(UTC).date().isoformat()
        payload = json.dumps({"now": now.isoformat()})
        uow.jobs.add_once(f"reminders-{day}", Kind.REMINDERS, "Reminders", payload, now)

    def _run(self, status: Journal, job: StoredJob) -> None:
        counted = {"items": 0, "size": 0, "at": 0.0}

        def report(items: int, size: int) -> None:
            counted["items"] += items
            counted["size"] += size
            if time.monotonic() - counted["at"] < PROGRESS_EVERY:
                return
            counted["at"] = time.monotonic()
            with status.uow() as uow:
                uow.jobs.progress(
                    job.id, self.name, int(counted["size"]), int(counted["items"]), self.clock()
                )
                uow.commit()

        work = open_journal(self.settings)
        result: str | None = None
        problem: str | None = None
        busy = False
        try:
            if job.user_id is not None:
                work = work.for_owner(job.user_id)
            handler = HANDLERS.get(job.kind)
            if handler is None:
                raise NextyesError(_said("unknown_kind", kind=job.kind))
            running = Running(job, json.loads(job.payload), work, report, self.server, self.clock())
            result = json.dumps(_plain(handler(running)))
        except JournalBusy as exc:  # an SQLite journal another writer held: try again soon
            busy = job.attempts < MOST_ATTEMPTS
            problem = _for_browser(exc)
        except NextyesError as exc:
            problem = _for_browser(exc)
        except Exception as exc:  # the page says so; the worker must carry on with the next
            problem = _said("unexpected", what=type(exc).__name__)
        finally:
            work.close()
        with status.uow() as uow:
            uow.jobs.progress(
                job.id, self.name, int(counted["size"]), int(counted["items"]), self.clock()
            )
            if not (busy and uow.jobs.release(job.id, self.name)):
                uow.jobs.finish(job.id, self.name, self.clock(), result=result, problem=problem)
            uow.commit()

    def run_until_idle(self, most: int = 1000) -> int:
        """Run queued jobs until none is left (at most `most`); returns how many ran."""
        ran = 0
        while ran < most and self.run_next():
            ran += 1
        return ran

    def run_forever(self) -> None:
        """Run jobs until `stop()` (from another thread) or Ctrl+C."""
        try:
            while not self._stop.is_set():
                try:
                    if self._status is None:
                        self._status = open_journal(self.settings)
                    busy = self.run_next()
                except Exception:  # the database was away a moment: try again after a pause
                    self._let_go()
                    busy = False
                if not busy:
                    self._stop.wait(self.poll)
        except KeyboardInterrupt:
            pass
        finally:
            self._let_go()

    def start(self) -> None:
        """Run in a thread of its own until `stop()`."""
        loop = self.run_forever
        self._thread = threading.Thread(
            target=loop, name=f"nextyes-worker-{self.name}", daemon=True
        )
        self._thread.start()

    def _let_go(self) -> None:
        if self._status is not None:
            with contextlib.suppress(Exception):  # already broken: nothing left to close
                self._status.close()
            self._status = None

    def stop(self, wait: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(wait)


def _for_browser(exc: NextyesError) -> str:
    """The error as the person's page words it (its browser version, when it has one)."""
    from nextyes import content
    from nextyes.domain.errors import Words

    def filled(said: Words) -> str:
        table: Any = content.load(said.file)
        for part in said.key.split("."):
            table = table[part]
        values = {k: filled(v) if isinstance(v, Words) else v for k, v in said.values.items()}
        return content.fill(str(table), **values)

    return exc.message if exc.web is None else filled(exc.web)


def _plain(value: Any) -> Any:
    """A handler's result as JSON-ready values (dataclasses become objects)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
