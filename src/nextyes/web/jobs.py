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
from typing import Any

from nextyes.errors import NextyesError
from nextyes.web.rendering import filled

Progress = Callable[[int, int], None]  # (items done so far, size done so far)


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

    def get(self, job_id: str) -> Job | None:
        return self.running.get(job_id)
