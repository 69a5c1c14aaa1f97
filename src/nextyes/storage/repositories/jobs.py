"""Background jobs and IMAP connections (team mode), in plain SQL.

Not scoped by the unit of work's owner: a worker claims whatever job is next, whoever it is for;
every read a person's page makes names the person (`user_id`) itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nextyes.storage.convert import as_datetime, as_datetime_or_none
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

_KEY_FREE = (
    "(once IS NULL OR NOT EXISTS (SELECT 1 FROM jobs AS held WHERE held.once = jobs.once "
    "AND held.state = 'queued'))"
)
"""No queued job holds this job's key: it may be queued again."""
_JOB_COLUMNS = (
    "id, user_id, public_id, kind, title, state, payload, total, done, items, result, problem, "
    "attempts, worker, created_at, started_at, heartbeat_at, finished_at"
)


@dataclass(frozen=True, slots=True)
class StoredJob:
    id: int
    user_id: int | None
    public_id: str
    kind: str
    title: str
    state: str
    payload: str
    total: int
    done: int
    items: int
    result: str | None
    problem: str | None
    attempts: int
    worker: str | None
    created_at: datetime
    started_at: datetime | None
    heartbeat_at: datetime | None
    finished_at: datetime | None


def to_job(row: Row) -> StoredJob:
    user = row["user_id"]
    return StoredJob(
        id=int(row["id"]),
        user_id=None if user is None else int(user),
        public_id=str(row["public_id"]),
        kind=str(row["kind"]),
        title=str(row["title"]),
        state=str(row["state"]),
        payload=str(row["payload"]),
        total=int(row["total"]),
        done=int(row["done"]),
        items=int(row["items"]),
        result=row["result"],
        problem=row["problem"],
        attempts=int(row["attempts"]),
        worker=row["worker"],
        created_at=as_datetime(row["created_at"]),
        started_at=as_datetime_or_none(row["started_at"]),
        heartbeat_at=as_datetime_or_none(row["heartbeat_at"]),
        finished_at=as_datetime_or_none(row["finished_at"]),
    )


class JobRepository(Repository):
    def add(
        self,
        user_id: int | None,
        public_id: str,
        kind: str,
        title: str,
        payload: str,
        data: bytes | None,
        total: int,
        now: datetime,
    ) -> int:
        return self.db.insert(
            "INSERT INTO jobs (user_id, public_id, kind, title, state, payload, data, total, done, "
            "items, attempts, created_at) VALUES (:user, :public, :kind, :title, 'queued', "
            ":payload, :data, :total, 0, 0, 0, :now) RETURNING id",
            {
                "user": user_id, "public": public_id, "kind": kind, "title": title[:300],
                "payload": payload, "data": data, "total": total, "now": now,
            },
        )  # fmt: skip

    def add_once(self, public_id: str, kind: str, title: str, payload: str, now: datetime) -> bool:
        """Queue a job nobody in particular owns, unless one with `public_id` exists already
        (a daily run: whichever worker gets here first queues it); True when this one did."""
        changed = self.db.execute(
            "INSERT INTO jobs (user_id, public_id, kind, title, state, payload, total, done, "
            "items, attempts, created_at) VALUES (NULL, :public, :kind, :title, 'queued', "
            ":payload, 0, 0, 0, 0, :now) ON CONFLICT (public_id) DO NOTHING",
            {"public": public_id, "kind": kind, "title": title, "payload": payload, "now": now},
        )
        return changed == 1

    def add_pending(
        self, once: str, public_id: str, kind: str, title: str, payload: str, now: datetime
    ) -> bool:
        """Queue a job nobody in particular owns, unless a queued job holds `once` already
        (a unique index on queued jobs' `once` decides, even when two ask at the same moment);
        True when this one was queued. A job being run holds its key no more."""
        changed = self.db.execute(
            "INSERT INTO jobs (user_id, public_id, kind, title, state, payload, total, done, "
            "items, attempts, created_at, once) VALUES (NULL, :public, :kind, :title, 'queued', "
            ":payload, 0, 0, 0, 0, :now, :once) ON CONFLICT DO NOTHING",
            {
                "public": public_id, "kind": kind, "title": title, "payload": payload,
                "now": now, "once": once[:60],
            },
        )  # fmt: skip
        return changed == 1

    def pending(self, once: str) -> bool:
        """Whether a queued job holds `once`."""
        return bool(
            self.db.scalar(
                "SELECT count(*) FROM jobs WHERE once = :once AND state = 'queued'",
                {"once": once[:60]},
            )
        )

    def claim(self, worker: str, now: datetime) -> StoredJob | None:
        """Take the oldest queued job for `worker`; None when there is none.

        On PostgreSQL, `SKIP LOCKED` lets many workers claim at once, each a different job; on
        SQLite the one statement runs under the database's single write lock."""
        lock = " FOR UPDATE SKIP LOCKED" if self.db.dialect == "postgresql" else ""
        row = self.db.one(
            "UPDATE jobs SET state = 'running', worker = :worker, started_at = :now, "
            "heartbeat_at = :now, attempts = attempts + 1 WHERE id = (SELECT id FROM jobs "
            f"WHERE state = 'queued' ORDER BY id LIMIT 1{lock}) AND state = 'queued' "
            f"RETURNING {_JOB_COLUMNS}",
            {"worker": worker[:100], "now": now},
        )
        return None if row is None else to_job(row)

    def data(self, job_id: int) -> bytes | None:
        value = self.db.scalar("SELECT data FROM jobs WHERE id = :id", {"id": job_id})
        return None if value is None else bytes(value)

    def progress(self, job_id: int, worker: str, done: int, items: int, now: datetime) -> bool:
        """Record progress and the heartbeat; False when the job is no longer this worker's."""
        return (
            self.db.execute(
                "UPDATE jobs SET done = :done, items = :items, heartbeat_at = :now "
                "WHERE id = :id AND worker = :worker AND state = 'running'",
                {"done": done, "items": items, "now": now, "id": job_id, "worker": worker},
            )
            == 1
        )

    def finish(
        self,
        job_id: int,
        worker: str,
        now: datetime,
        *,
        result: str | None = None,
        problem: str | None = None,
    ) -> bool:
        """Done (or failed, with `problem`); the uploaded data is let go of either way."""
        values = {
            "state": "failed" if problem is not None else "done", "result": result,
            "problem": problem, "now": now, "id": job_id, "worker": worker,
        }  # fmt: skip
        changed = self.db.execute(
            "UPDATE jobs SET state = :state, result = :result, problem = :problem, "
            "data = NULL, finished_at = :now, heartbeat_at = :now "
            "WHERE id = :id AND worker = :worker AND state = 'running'",
            values,
        )
        return changed == 1

    def release(self, job_id: int, worker: str) -> bool:
        """Back in the queue for another try (the database was too busy for it just now);
        False when it is not this worker's, or another job holding its key is queued already
        (which will do the same work)."""
        changed = self.db.execute(
            "UPDATE jobs SET state = 'queued', worker = NULL WHERE id = :id AND worker = :worker "
            f"AND state = 'running' AND {_KEY_FREE}",
            {"id": job_id, "worker": worker},
        )
        return changed == 1

    def requeue_stalled(self, before: datetime, most_attempts: int, problem: str) -> int:
        """Jobs whose worker stopped (no heartbeat since `before`) go back in the queue, or
        fail once they have been tried `most_attempts` times (or when another job holding
        their key is queued already, which will do the same work)."""
        failed = self.db.execute(
            "UPDATE jobs SET state = 'failed', problem = :problem, data = NULL, "
            "finished_at = heartbeat_at WHERE state = 'running' AND heartbeat_at < :before "
            f"AND (attempts >= :most OR NOT {_KEY_FREE})",
            {"problem": problem, "before": before, "most": most_attempts},
        )
        again = self.db.execute(
            "UPDATE jobs SET state = 'queued', worker = NULL WHERE state = 'running' "
            "AND heartbeat_at < :before",
            {"before": before},
        )
        return failed + again

    def for_user(self, user_id: int, public_id: str) -> StoredJob | None:
        row = self.db.one(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE public_id = :public AND user_id = :user",
            {"public": public_id, "user": user_id},
        )
        return None if row is None else to_job(row)

    def queued(self) -> int:
        return int(self.db.scalar("SELECT count(*) FROM jobs WHERE state = 'queued'"))

    def remove_finished(self, before: datetime) -> int:
        return self.db.execute(
            "DELETE FROM jobs WHERE state IN ('done', 'failed') AND finished_at < :before",
            {"before": before},
        )


@dataclass(frozen=True, slots=True)
class ImapConnection:
    user_id: int
    url: str
    secret: str
    created_at: datetime
    last_fetched_at: datetime | None


class ImapConnectionRepository(Repository):
    def save(self, user_id: int, url: str, secret: str, now: datetime) -> None:
        self.db.execute("DELETE FROM imap_connections WHERE user_id = :user", {"user": user_id})
        self.db.execute(
            "INSERT INTO imap_connections (user_id, url, secret, created_at) "
            "VALUES (:user, :url, :secret, :now)",
            {"user": user_id, "url": url, "secret": secret, "now": now},
        )

    def get(self, user_id: int) -> ImapConnection | None:
        row = self.db.one(
            "SELECT user_id, url, secret, created_at, last_fetched_at FROM imap_connections "
            "WHERE user_id = :user",
            {"user": user_id},
        )
        if row is None:
            return None
        return ImapConnection(
            user_id=int(row["user_id"]),
            url=str(row["url"]),
            secret=str(row["secret"]),
            created_at=as_datetime(row["created_at"]),
            last_fetched_at=as_datetime_or_none(row["last_fetched_at"]),
        )

    def secrets(self) -> list[tuple[int, str]]:
        """Every person's sealed password, by user id (for sealing them all with a new key)."""
        rows = self.db.query("SELECT user_id, secret FROM imap_connections ORDER BY user_id")
        return [(int(row["user_id"]), str(row["secret"])) for row in rows]

    def set_secret(self, user_id: int, secret: str) -> None:
        self.db.execute(
            "UPDATE imap_connections SET secret = :secret WHERE user_id = :user",
            {"secret": secret, "user": user_id},
        )

    def fetched(self, user_id: int, now: datetime) -> None:
        self.db.execute(
            "UPDATE imap_connections SET last_fetched_at = :now WHERE user_id = :user",
            {"now": now, "user": user_id},
        )

    def remove(self, user_id: int) -> int:
        return self.db.execute(
            "DELETE FROM imap_connections WHERE user_id = :user", {"user": user_id}
        )
