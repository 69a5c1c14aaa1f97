"""Applications, their timelines, people, and per-owner settings."""

from __future__ import annotations

import sqlalchemy as sa

from nextyes.storage.schema.base import (
    Flag,
    Moment,
    application_column,
    created_column,
    id_column,
    metadata,
    owner_column,
)

users = sa.Table(
    "users",
    metadata,
    id_column(),
    # "local" for the one owner of a local journal; in team mode the normalised email
    sa.Column("username", sa.String(320), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200)),
    sa.Column("email", sa.String(320)),
    sa.Column("password_hash", sa.Text),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("disabled", Flag, nullable=False),
    created_column(),
    # team mode: the second factor (a TOTP secret once confirmed; one being set up; the last
    # time step used, so a code works once) and when the password last changed
    sa.Column("totp_secret", sa.String(64)),
    sa.Column("totp_pending", sa.String(64)),
    sa.Column("totp_last_step", sa.BigInteger),
    sa.Column("password_changed_at", Moment),
    sa.Column("last_sign_in_at", Moment),
    # team mode: reminders by email (off unless turned on), and the token of their
    # unsubscribe link (it can only turn reminders off, so it is kept as it is)
    sa.Column("reminders", Flag),
    sa.Column("reminders_token", sa.String(64)),
)

coach_shares = sa.Table(
    "coach_shares",
    metadata,
    id_column(),
    owner_column(),
    sa.Column(
        "coach_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    ),
    # what is shared: scope names separated by commas (domain.coaching.Scope)
    sa.Column("scopes", sa.String(200), nullable=False),
    sa.Column("granted_at", Moment, nullable=False),
    sa.Column("changed_at", Moment),
    sa.Column("revoked_at", Moment),
    sa.Index(None, "coach_id"),
)

contacts = sa.Table(
    "contacts",
    metadata,
    id_column(),
    owner_column(),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("relation", sa.String(30), nullable=False),
    sa.Column("company", sa.String(200)),
    sa.Column("company_key", sa.String(200)),
    sa.Column("email", sa.String(320)),
    sa.Column("phone", sa.String(60)),
    sa.Column("how_met", sa.Text),
    sa.Column("notes", sa.Text),
    sa.Column("next_follow_up_on", sa.Date),
    created_column(),
    sa.Column("updated_at", Moment, nullable=False),
    sa.Index(None, "owner_id", "name"),
    sa.Index(None, "owner_id", "next_follow_up_on"),
)

applications = sa.Table(
    "applications",
    metadata,
    id_column(),
    owner_column(),
    sa.Column("company", sa.String(200), nullable=False),
    sa.Column("company_key", sa.String(200), nullable=False),
    sa.Column("role", sa.String(200), nullable=False),
    sa.Column("stage", sa.String(20), nullable=False),
    sa.Column("stage_on", sa.Date, nullable=False),
    sa.Column("applied_on", sa.Date),
    sa.Column("last_activity_on", sa.Date, nullable=False),
    sa.Column("source", sa.String(60)),
    sa.Column("url", sa.Text),
    sa.Column("resume_version", sa.String(60)),
    sa.Column("cover_letter_version", sa.String(60)),
    sa.Column("location", sa.String(200)),
    sa.Column("salary", sa.String(100)),
    sa.Column("referral_contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="SET NULL")),
    created_column(),
    sa.Column("updated_at", Moment, nullable=False),
    sa.Index(None, "owner_id", "stage", "last_activity_on"),
    sa.Index(None, "owner_id", "last_activity_on"),
    sa.Index(None, "owner_id", "company_key"),
    sa.Index(None, "owner_id", "applied_on"),
)

stage_events = sa.Table(
    "stage_events",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column("stage", sa.String(20), nullable=False),
    sa.Column("occurred_on", sa.Date, nullable=False),
    sa.Column("from_stage", sa.String(20)),
    sa.Column("round", sa.Integer),
    sa.Column("note", sa.Text),
    sa.Column("reason", sa.Text),
    sa.Column("correction", Flag, nullable=False),
    sa.Column("origin", sa.String(20), nullable=False),
    sa.Column("source_ref", sa.String(300)),
    sa.Column("recorded_at", Moment, nullable=False),
    sa.Index(None, "application_id", "occurred_on"),
    sa.Index(None, "owner_id", "stage", "occurred_on"),
)

interviews = sa.Table(
    "interviews",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column("round", sa.Integer),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("scheduled_on", sa.Date, nullable=False),
    sa.Column("scheduled_time", sa.String(5)),
    sa.Column("duration_minutes", sa.Integer),
    sa.Column("location", sa.Text),
    sa.Column("interviewers", sa.Text),
    sa.Column("notes", sa.Text),
    created_column(),
    sa.Index(None, "owner_id", "scheduled_on"),
    sa.Index(None, "application_id"),
)

interview_questions = sa.Table(
    "interview_questions",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column("interview_id", sa.Integer, sa.ForeignKey("interviews.id", ondelete="SET NULL")),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("hard", Flag, nullable=False),
    sa.Column("theme", sa.String(40)),
    sa.Column("notes", sa.Text),
    created_column(),
    sa.Index(None, "application_id"),
    sa.Index(None, "owner_id", "hard"),
)

notes = sa.Table(
    "notes",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column("written_on", sa.Date, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("private", Flag, nullable=False),
    created_column(),
    sa.Index(None, "application_id"),
)

application_contacts = sa.Table(
    "application_contacts",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column(
        "contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("role", sa.String(30), nullable=False),
    sa.UniqueConstraint("application_id", "contact_id", "role"),
    sa.Index(None, "contact_id"),
)

contact_interactions = sa.Table(
    "contact_interactions",
    metadata,
    id_column(),
    owner_column(),
    sa.Column(
        "contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE"), nullable=False
    ),
    application_column(nullable=True),
    sa.Column("occurred_on", sa.Date, nullable=False),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("note", sa.Text),
    created_column(),
    sa.Index(None, "contact_id", "occurred_on"),
    sa.Index(None, "owner_id", "occurred_on"),
)


settings = sa.Table(
    "settings",
    metadata,
    owner_column(),
    sa.Column("key", sa.String(80), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("updated_at", Moment, nullable=False),
    sa.PrimaryKeyConstraint("owner_id", "key"),
)

dismissals = sa.Table(
    "dismissals",
    metadata,
    id_column(),
    owner_column(),
    sa.Column("item_key", sa.String(200), nullable=False),
    sa.Column("until_on", sa.Date),
    created_column(),
    sa.UniqueConstraint("owner_id", "item_key"),
)
