"""Work that runs outside a request, held in the database: reading an uploaded mailbox,
fetching a person's IMAP folder, sending reminder mail.

Any worker, in any process on any machine sharing the database, may claim a queued job (on
PostgreSQL with `FOR UPDATE SKIP LOCKED`, on SQLite in one writing statement), keep its
heartbeat while it runs, and record its progress, its result or its problem there, so the
person's page can follow it whichever worker answers. A job belongs to an account (`user_id`),
not to a journal: it is not exported, and it goes when the account is removed.

`imap_connections` holds a person's IMAP folder and app password, the password encrypted with
the server's key (which lives in the server's settings, never in the database).
"""

from __future__ import annotations

import sqlalchemy as sa

from nextyes.storage.schema.base import Moment, created_column, id_column, metadata

jobs = sa.Table(
    "jobs",
    metadata,
    id_column(),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE")),
    sa.Column("public_id", sa.String(32), nullable=False, unique=True),  # in the job's address
    sa.Column("kind", sa.String(20), nullable=False),  # mailbox | imap | reminders
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("state", sa.String(10), nullable=False),  # queued | running | done | failed
    sa.Column("payload", sa.Text, nullable=False),  # JSON: what the job needs to know
    sa.Column("data", sa.LargeBinary),  # an uploaded file, until the job has read it
    sa.Column("total", sa.BigInteger, nullable=False),
    sa.Column("done", sa.BigInteger, nullable=False),
    sa.Column("items", sa.Integer, nullable=False),
    sa.Column("result", sa.Text),  # JSON
    sa.Column("problem", sa.Text),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("worker", sa.String(100)),
    created_column(),
    sa.Column("started_at", Moment),
    sa.Column("heartbeat_at", Moment),
    sa.Column("finished_at", Moment),
    # a job that must be queued at most once at a time (a cohort refresh: "cohort:ORG")
    sa.Column("once", sa.String(60)),
    sa.Index(None, "state", "id"),
    sa.Index(None, "user_id"),
    sa.Index(
        "ix_jobs_once_queued",
        "once",
        unique=True,
        sqlite_where=sa.text("state = 'queued'"),
        postgresql_where=sa.text("state = 'queued'"),
    ),
)

imap_connections = sa.Table(
    "imap_connections",
    metadata,
    id_column(),
    sa.Column(
        "user_id",
        sa.Integer,
        sa.ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    sa.Column("url", sa.String(600), nullable=False),  # imap://user@host:port/folder
    sa.Column("secret", sa.Text, nullable=False),  # the app password, encrypted (server key)
    created_column(),
    sa.Column("last_fetched_at", Moment),
)
