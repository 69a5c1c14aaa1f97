"""Putting work in the queue and reading how it is going: what the edges call.

A job is a row in `jobs`: queued by a request, claimed by whichever worker asks first (see
`worker.py`), its progress, result or problem written back to the row, so the person's page
follows it whichever process answers the page.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nextyes.storage.uow import UnitOfWork


class Kind:
    """The kinds of job, and the handler in `worker.HANDLERS` that runs each."""

    MAILBOX = "mailbox"  # an uploaded mailbox file, read into the person's journal
    IMAP = "imap"  # the person's IMAP folder, fetched on demand
    RESET_MAIL = "reset_mail"  # a password-reset link by email (for no one in particular)
    REMINDERS = "reminders"  # the day's reminder mails, queued once a day by whichever worker
    COHORT = "cohort"  # an organisation's cohort facts read again, queued by its report page


@dataclass(frozen=True, slots=True)
class JobView:
    """What a person's page shows of a job."""

    id: str
    title: str
    total: int
    done: int
    items: int
    finished: bool
    result: dict[str, Any] | None
    problem: str | None

    @property
    def percent(self) -> int:
        if self.finished:
            return 100
        if not self.total:
            return 0
        return min(99, self.done * 100 // self.total)


def enqueue(
    uow: UnitOfWork,
    user_id: int | None,
    kind: str,
    title: str,
    payload: dict[str, Any],
    now: datetime,
    *,
    data: bytes | None = None,
    total: int = 0,
) -> str:
    """Queue a job; returns its public id (what its page's address carries)."""
    public_id = secrets.token_hex(16)
    with uow:
        uow.jobs.add(user_id, public_id, kind, title, json.dumps(payload), data, total, now)
        uow.commit()
    return public_id


def job_of(uow: UnitOfWork, user_id: int, public_id: str) -> JobView | None:
    """The person's job with this id; None when there is none (or it is someone else's)."""
    if len(public_id) > 32:
        return None
    with uow:
        job = uow.jobs.for_user(user_id, public_id)
    if job is None:
        return None
    return JobView(
        id=job.public_id,
        title=job.title,
        total=job.total,
        done=job.done,
        items=job.items,
        finished=job.state in ("done", "failed"),
        result=json.loads(job.result) if job.result else None,
        problem=job.problem,
    )
