"""Team mode's accounts: sessions, API tokens, one-time links, recovery codes, sign-in throttle,
and the secret calendar feed each person may subscribe to.

These rows belong to a user (`user_id`), not to a journal: they are about signing in, and an
account's removal takes them with it. Every secret is stored as its SHA-256 digest only (the
secrets are long random strings, so a fast digest is enough); the throttle's keys are digests
too, so no email address or network address is kept for a failed attempt.
"""

from __future__ import annotations

import sqlalchemy as sa

from nextyes.storage.schema.base import Moment, created_column, id_column, metadata


def user_column() -> sa.Column[int]:
    return sa.Column(
        "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


auth_sessions = sa.Table(
    "auth_sessions",
    metadata,
    id_column(),
    user_column(),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("stage", sa.String(10), nullable=False),  # full | code (a second factor is due)
    created_column(),
    sa.Column("last_seen_at", Moment, nullable=False),
    sa.Column("expires_at", Moment, nullable=False),
    sa.Column("user_agent", sa.String(200)),
    sa.Column("address", sa.String(64)),
    sa.Index(None, "user_id"),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    id_column(),
    user_column(),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("hint", sa.String(16), nullable=False),  # the token's first characters
    created_column(),
    sa.Column("last_used_at", Moment),
    sa.Column("revoked_at", Moment),
    sa.Index(None, "user_id"),
)

one_time_links = sa.Table(
    "one_time_links",
    metadata,
    id_column(),
    user_column(),
    sa.Column("purpose", sa.String(10), nullable=False),  # invite | reset
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    created_column(),
    sa.Column("expires_at", Moment, nullable=False),
    sa.Column("used_at", Moment),
    sa.Index(None, "user_id"),
)

recovery_codes = sa.Table(
    "recovery_codes",
    metadata,
    id_column(),
    user_column(),
    sa.Column("code_hash", sa.String(64), nullable=False),
    sa.Column("used_at", Moment),
    sa.Index(None, "user_id"),
)

sign_in_throttle = sa.Table(
    "sign_in_throttle",
    metadata,
    sa.Column("key", sa.String(80), primary_key=True),  # account:<digest> | address:<digest>
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_failure_at", Moment, nullable=False),
    sa.Column("locked_until", Moment),
)

calendar_feeds = sa.Table(
    "calendar_feeds",
    metadata,
    id_column(),
    user_column(),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    created_column(),
    sa.Column("last_fetched_at", Moment),
    sa.Index(None, "user_id"),
)

reminders_sent = sa.Table(
    "reminders_sent",
    metadata,
    id_column(),
    user_column(),
    sa.Column("key", sa.String(80), nullable=False),  # week:2026-W47 | interview:12:2026-11-25
    sa.Column("sent_at", Moment, nullable=False),
    sa.UniqueConstraint("user_id", "key"),
)

# One counter per person, moved by PostgreSQL triggers on every journal table whenever that
# person's rows change (see migration 0003_team): caches of one person's pages are keyed by it,
# so one person's writes never empty anyone else's caches. No foreign key: a removed account's
# counter is removed with it by the service, after the cascades have fired their triggers.
journal_versions = sa.Table(
    "journal_versions",
    metadata,
    sa.Column("user_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("version", sa.BigInteger, nullable=False),
)
