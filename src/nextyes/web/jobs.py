"""Work that takes longer than a request should (a big mailbox): run in a thread of its own,
with its own connection to the journal, while a page shows how far it has got.

The page refreshes itself while the job runs (a meta refresh, so no script is needed); the
script, when it runs, moves the progress bar without reloading.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextyes.config import Settings
from nextyes.errors import InvalidInput, NextyesError
from nextyes.web.rendering import filled

if TYPE_CHECKING:
    from nextyes.services.jobs.queue import JobView
    from nextyes.services.journal import Journal

Progress = Callable[[int, int], None]
# A served upload waits in the database for a worker: bigger ones are refused with a kind word
MAX_QUEUED_UPLOAD = 256 * 2**20  # (items done so far, size done so far)


@dataclass
class Job:
    id: str
    title: str
    total: int  # bytes (or items) to get through; 0 when unknown
    done: int = 0
    items: int = 0
    finished: bool = False
    result: Any = None
    problem: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def percent(self) -> int:
        if self.finished:
            return 100
        if not self.total:
            return 0
        return min(99, self.done * 100 // self.total)

    def advance(self, items: int, size: int) -> None:
        with self.lock:
            self.items += items
            self.done += size


@dataclass
class Jobs:
    """The jobs of one web app, kept until the app stops (a handful at most)."""

    running: dict[str, Job] = field(default_factory=dict)
    keep: int = 20

    def start(self, title: str, total: int, work: Callable[[Job], Any]) -> Job:
        job = Job(secrets.token_hex(8), title, total)
        self.running[job.id] = job
        for old in list(self.running)[: -self.keep]:
            if self.running[old].finished:
                del self.running[old]

        def run() -> None:
            try:
                job.result = work(job)
            except NextyesError as exc:
                job.problem = filled(exc.web) if exc.web is not None else exc.message
            except Exception as exc:  # the page says so; the thread must not die silently
                job.problem = f"Something unexpected went wrong ({type(exc).__name__}: {exc})."
            finally:
                job.finished = True

        threading.Thread(target=run, name=f"nextyes-job-{job.id}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | JobView | None:
        return self.running.get(job_id)

    def read_mailbox(self, upload: MailboxUpload) -> str:
        """Read the kept upload in a thread of this process; returns the job's id."""

        def work(job: Job) -> Any:
            from nextyes.services.journal import open_journal
            from nextyes.services.mail.sources import import_mailbox

            journal = open_journal(upload.settings).for_owner(upload.owner_id)
            try:
                return import_mailbox(
                    journal.uow(), upload.path, upload.now, dry_run=upload.dry_run,
                    keep_bodies=upload.keep_bodies, workers=0, progress=job.advance,
                )  # fmt: skip
            finally:
                journal.close()
                upload.path.unlink(missing_ok=True)

        return self.start(upload.title, upload.total, work).id


@dataclass(frozen=True, slots=True)
class MailboxUpload:
    """An uploaded mailbox kept on disk, and how to read it into whose journal."""

    settings: Settings
    owner_id: int
    path: Path
    title: str
    total: int
    dry_run: bool
    keep_bodies: bool
    now: datetime


@dataclass
class QueuedJobs:
    """A served person's jobs, held in the database: queued here, run by any worker process
    on any machine, followed from whichever process answers the page."""

    journal: Journal  # the request's, scoped to the person

    def get(self, job_id: str) -> JobView | None:
        from nextyes.services.jobs.queue import job_of

        return job_of(self.journal.uow(), self.journal.owner_id, job_id)

    def read_mailbox(self, upload: MailboxUpload) -> str:
        """Queue the upload (its bytes go into the job's row; the file here is removed)."""
        from nextyes.services.jobs.queue import Kind, enqueue

        try:
            size = upload.path.stat().st_size
            if size > MAX_QUEUED_UPLOAD:
                from nextyes import content

                said = content.load("jobs/messages")["jobs"]["too_big"]
                raise InvalidInput(content.fill(said, size=size // 2**20,
                                                most=MAX_QUEUED_UPLOAD // 2**20))  # fmt: skip
            data = upload.path.read_bytes()
        finally:
            upload.path.unlink(missing_ok=True)
        payload = {"suffix": upload.path.suffix, "dry_run": upload.dry_run,
                   "keep_bodies": upload.keep_bodies, "now": upload.now.isoformat()}  # fmt: skip
        return enqueue(
            self.journal.uow(), self.journal.owner_id, Kind.MAILBOX, upload.title, payload,
            upload.now, data=data, total=upload.total,
        )  # fmt: skip
