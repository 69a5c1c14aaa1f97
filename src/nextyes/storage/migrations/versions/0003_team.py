"""Team mode: accounts (second factor), sessions, API tokens, one-time links, sign-in throttle,
calendar feeds, reminders by email.

Revision ID: 0003_team
Revises: 0002_followthrough
Created: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_team"
down_revision = "0002_followthrough"
branch_labels = None
depends_on = None

Moment = sa.DateTime(timezone=True)


def _user_column() -> sa.Column[int]:
    return sa.Column("user_id", sa.Integer(), nullable=False)


def _user_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["user_id"], ["users.id"], name=op.f(f"fk_{table}_user_id_users"), ondelete="CASCADE"
    )


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column(
            "username",
            existing_type=sa.String(length=80),
            type_=sa.String(length=320),
            existing_nullable=False,
        )
        batch_op.add_column(sa.Column("totp_secret", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("totp_pending", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("password_changed_at", Moment, nullable=True))
        batch_op.add_column(sa.Column("last_sign_in_at", Moment, nullable=True))
        batch_op.add_column(sa.Column("reminders", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("reminders_token", sa.String(length=64), nullable=True))

    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        _user_column(),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("last_seen_at", Moment, nullable=False),
        sa.Column("expires_at", Moment, nullable=False),
        sa.Column("user_agent", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=64), nullable=True),
        _user_key("auth_sessions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_auth_sessions_token_hash")),
    )
    op.create_index(op.f("ix_auth_sessions_user_id"), "auth_sessions", ["user_id"])

    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        _user_column(),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("hint", sa.String(length=16), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("last_used_at", Moment, nullable=True),
        sa.Column("revoked_at", Moment, nullable=True),
        _user_key("api_tokens"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_index(op.f("ix_api_tokens_user_id"), "api_tokens", ["user_id"])

    op.create_table(
        "one_time_links",
        sa.Column("id", sa.Integer(), nullable=False),
        _user_column(),
        sa.Column("purpose", sa.String(length=10), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("expires_at", Moment, nullable=False),
        sa.Column("used_at", Moment, nullable=True),
        _user_key("one_time_links"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_one_time_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_one_time_links_token_hash")),
    )
    op.create_index(op.f("ix_one_time_links_user_id"), "one_time_links", ["user_id"])

    op.create_table(
        "recovery_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        _user_column(),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("used_at", Moment, nullable=True),
        _user_key("recovery_codes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_codes")),
    )
    op.create_index(op.f("ix_recovery_codes_user_id"), "recovery_codes", ["user_id"])

    op.create_table(
        "sign_in_throttle",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", Moment, nullable=False),
        sa.Column("locked_until", Moment, nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sign_in_throttle")),
    )

    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        _user_column(),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("last_fetched_at", Moment, nullable=True),
        _user_key("calendar_feeds"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_feeds")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_feeds_token_hash")),
    )
    op.create_index(op.f("ix_calendar_feeds_user_id"), "calendar_feeds", ["user_id"])

    op.create_table(
        "reminders_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        _user_column(),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("sent_at", Moment, nullable=False),
        _user_key("reminders_sent"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders_sent")),
        sa.UniqueConstraint("user_id", "key", name=op.f("uq_reminders_sent_user_id_key")),
    )

    op.create_table(
        "journal_versions",
        sa.Column("user_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_journal_versions")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(BUMP_FUNCTION)
        for table in VERSIONED_TABLES:
            for statement in version_triggers(table):
                op.execute(statement)


# Every journal table (one with owner_id) as of this revision. A later revision that adds one
# runs `version_triggers(name)` for it; tests/storage/test_migrations.py checks none is missed.
VERSIONED_TABLES = (
    "application_contacts", "applications", "care_entries", "coach_shares", "contact_interactions",
    "contacts", "cool_downs", "dismissals", "drafts", "feedback", "feedback_requests",
    "goals", "interview_questions", "interviews", "mail_messages", "mail_sender_rules",
    "mail_sources", "moods", "notes", "offers", "plan_items", "postings", "practice_sessions",
    "reflections", "settings", "stage_events", "stories", "why_statements",
    "wins",
)  # fmt: skip

BUMP_FUNCTION = """
CREATE FUNCTION nextyes_bump_journal_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO journal_versions (user_id, version)
    SELECT DISTINCT owner_id, 1 FROM changed_rows
    ON CONFLICT (user_id) DO UPDATE SET version = journal_versions.version + 1;
    RETURN NULL;
END $$
"""


def version_triggers(table: str) -> list[str]:
    """One statement-level trigger per kind of change: a bulk write moves the counter once."""
    found = []
    for event, rows in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        found.append(
            f"CREATE TRIGGER nextyes_version_{event.lower()} AFTER {event} ON {table} "
            f"REFERENCING {rows} TABLE AS changed_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION nextyes_bump_journal_version()"
        )
    return found


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in VERSIONED_TABLES:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS nextyes_version_{event} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS nextyes_bump_journal_version()")
    op.drop_table("journal_versions")
    op.drop_table("reminders_sent")
    op.drop_table("sign_in_throttle")
    for table in (
        "calendar_feeds",
        "recovery_codes",
        "one_time_links",
        "api_tokens",
        "auth_sessions",
    ):
        op.drop_index(op.f(f"ix_{table}_user_id"), table_name=table)
        op.drop_table(table)
    with op.batch_alter_table("users", schema=None) as batch_op:
        for column in (
            "reminders_token",
            "reminders",
            "last_sign_in_at",
            "password_changed_at",
            "totp_last_step",
            "totp_pending",
            "totp_secret",
        ):
            batch_op.drop_column(column)
        batch_op.alter_column(
            "username",
            existing_type=sa.String(length=320),
            type_=sa.String(length=80),
            existing_nullable=False,
        )
