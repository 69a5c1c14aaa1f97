"""The journal's tables as SQLAlchemy metadata: the source Alembic migrates from.

Imported only by migrations and their tests; repositories use plain SQL. Every journal row has
an `owner_id`: in local mode one implicit owner ("local"), in team mode the signed-in user.
Dates are DATE; moments are TIMESTAMP WITH TIME ZONE (ISO text in UTC on SQLite).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

Moment = sa.DateTime(timezone=True)
Flag = sa.Boolean(create_constraint=False)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True)


def _owner() -> sa.Column[int]:
    return sa.Column(
        "owner_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


def _application(nullable: bool = False) -> sa.Column[int]:
    return sa.Column(
        "application_id",
        sa.Integer,
        sa.ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=nullable,
    )


def _created() -> sa.Column[object]:
    return sa.Column("created_at", Moment, nullable=False)


users = sa.Table(
    "users",
    metadata,
    _id(),
    sa.Column("username", sa.String(80), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200)),
    sa.Column("email", sa.String(320)),
    sa.Column("password_hash", sa.Text),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("disabled", Flag, nullable=False),
    _created(),
)

coach_shares = sa.Table(
    "coach_shares",
    metadata,
    _id(),
    _owner(),
    sa.Column(
        "coach_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("scope", sa.String(20), nullable=False),
    sa.Column("granted_at", Moment, nullable=False),
    sa.Column("revoked_at", Moment),
    sa.Index(None, "coach_id"),
)

contacts = sa.Table(
    "contacts",
    metadata,
    _id(),
    _owner(),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("relation", sa.String(30), nullable=False),
    sa.Column("company", sa.String(200)),
    sa.Column("company_key", sa.String(200)),
    sa.Column("email", sa.String(320)),
    sa.Column("phone", sa.String(60)),
    sa.Column("how_met", sa.Text),
    sa.Column("notes", sa.Text),
    sa.Column("next_follow_up_on", sa.Date),
    _created(),
    sa.Column("updated_at", Moment, nullable=False),
    sa.Index(None, "owner_id", "name"),
    sa.Index(None, "owner_id", "next_follow_up_on"),
)

applications = sa.Table(
    "applications",
    metadata,
    _id(),
    _owner(),
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
    _created(),
    sa.Column("updated_at", Moment, nullable=False),
    sa.Index(None, "owner_id", "stage", "last_activity_on"),
    sa.Index(None, "owner_id", "last_activity_on"),
    sa.Index(None, "owner_id", "company_key"),
    sa.Index(None, "owner_id", "applied_on"),
)

stage_events = sa.Table(
    "stage_events",
    metadata,
    _id(),
    _owner(),
    _application(),
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
    _id(),
    _owner(),
    _application(),
    sa.Column("round", sa.Integer),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("scheduled_on", sa.Date, nullable=False),
    sa.Column("scheduled_time", sa.String(5)),
    sa.Column("duration_minutes", sa.Integer),
    sa.Column("location", sa.Text),
    sa.Column("interviewers", sa.Text),
    sa.Column("notes", sa.Text),
    _created(),
    sa.Index(None, "owner_id", "scheduled_on"),
    sa.Index(None, "application_id"),
)

interview_questions = sa.Table(
    "interview_questions",
    metadata,
    _id(),
    _owner(),
    _application(),
    sa.Column("interview_id", sa.Integer, sa.ForeignKey("interviews.id", ondelete="SET NULL")),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("hard", Flag, nullable=False),
    sa.Column("theme", sa.String(40)),
    sa.Column("notes", sa.Text),
    _created(),
    sa.Index(None, "application_id"),
    sa.Index(None, "owner_id", "hard"),
)

notes = sa.Table(
    "notes",
    metadata,
    _id(),
    _owner(),
    _application(),
    sa.Column("written_on", sa.Date, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("private", Flag, nullable=False),
    _created(),
    sa.Index(None, "application_id"),
)

application_contacts = sa.Table(
    "application_contacts",
    metadata,
    _id(),
    _owner(),
    _application(),
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
    _id(),
    _owner(),
    sa.Column(
        "contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="CASCADE"), nullable=False
    ),
    _application(nullable=True),
    sa.Column("occurred_on", sa.Date, nullable=False),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("note", sa.Text),
    _created(),
    sa.Index(None, "contact_id", "occurred_on"),
    sa.Index(None, "owner_id", "occurred_on"),
)

cool_downs = sa.Table(
    "cool_downs",
    metadata,
    _id(),
    _owner(),
    _application(),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("stage_events.id", ondelete="CASCADE")),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("starts_at", Moment, nullable=False),
    sa.Column("ends_at", Moment, nullable=False),
    _created(),
    sa.Index(None, "owner_id", "ends_at"),
)

feedback = sa.Table(
    "feedback",
    metadata,
    _id(),
    _owner(),
    _application(nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("giver", sa.String(20), nullable=False),
    sa.Column("received_on", sa.Date, nullable=False),
    sa.Column("themes", sa.Text),
    sa.Column("scores", sa.Text),
    sa.Column("controllable", sa.String(10)),
    sa.Column("origin", sa.String(20), nullable=False),
    _created(),
    sa.Index(None, "owner_id", "received_on"),
    sa.Index(None, "application_id"),
)

feedback_requests = sa.Table(
    "feedback_requests",
    metadata,
    _id(),
    _owner(),
    _application(),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="SET NULL")),
    sa.Column("tone", sa.String(20)),
    sa.Column("sent_on", sa.Date, nullable=False),
    sa.Column("follow_up_on", sa.Date),
    sa.Column("followed_up_on", sa.Date),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("closed_on", sa.Date),
    _created(),
    sa.Index(None, "owner_id", "status", "follow_up_on"),
    sa.Index(None, "application_id"),
)

drafts = sa.Table(
    "drafts",
    metadata,
    _id(),
    _owner(),
    _application(),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("recipient", sa.String(320)),
    sa.Column("subject", sa.Text),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("sent_on", sa.Date),
    _created(),
    sa.Index(None, "application_id"),
)

reflections = sa.Table(
    "reflections",
    metadata,
    _id(),
    _owner(),
    _application(),
    sa.Column("stage_group", sa.String(20), nullable=False),
    sa.Column("started_at", Moment, nullable=False),
    sa.Column("finished_at", Moment),
    sa.Column("time_box_minutes", sa.Integer, nullable=False),
    sa.Column("mood_before", sa.Integer),
    sa.Column("mood_after", sa.Integer),
    sa.Column("answers", sa.Text),
    sa.Column("attributions", sa.Text),
    _created(),
    sa.Index(None, "application_id"),
    sa.Index(None, "owner_id", "started_at"),
)

plan_items = sa.Table(
    "plan_items",
    metadata,
    _id(),
    _owner(),
    sa.Column("theme", sa.String(40)),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("detail", sa.Text),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("action_key", sa.String(80)),
    sa.Column("source_feedback_id", sa.Integer, sa.ForeignKey("feedback.id", ondelete="SET NULL")),
    sa.Column(
        "source_application_id", sa.Integer, sa.ForeignKey("applications.id", ondelete="SET NULL")
    ),
    sa.Column("evidence", sa.Text),
    sa.Column("created_on", sa.Date, nullable=False),
    sa.Column("started_on", sa.Date),
    sa.Column("finished_on", sa.Date),
    sa.Column("dropped_on", sa.Date),
    sa.Column("updated_at", Moment, nullable=False),
    sa.Index(None, "owner_id", "status"),
)

practice_sessions = sa.Table(
    "practice_sessions",
    metadata,
    _id(),
    _owner(),
    sa.Column("practiced_on", sa.Date, nullable=False),
    sa.Column("question_key", sa.String(80)),
    sa.Column("question_text", sa.Text, nullable=False),
    sa.Column("theme", sa.String(40)),
    sa.Column("rating", sa.Integer),
    sa.Column("notes", sa.Text),
    sa.Column("plan_item_id", sa.Integer, sa.ForeignKey("plan_items.id", ondelete="SET NULL")),
    _created(),
    sa.Index(None, "owner_id", "practiced_on"),
)

stories = sa.Table(
    "stories",
    metadata,
    _id(),
    _owner(),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("situation", sa.Text),
    sa.Column("task", sa.Text),
    sa.Column("action", sa.Text),
    sa.Column("result", sa.Text),
    sa.Column("themes", sa.Text),
    sa.Column("created_on", sa.Date, nullable=False),
    sa.Column("updated_at", Moment, nullable=False),
    sa.Index(None, "owner_id"),
)

goals = sa.Table(
    "goals",
    metadata,
    _id(),
    _owner(),
    sa.Column("metric", sa.String(30), nullable=False),
    sa.Column("target", sa.Integer, nullable=False),
    sa.Column("period", sa.String(10), nullable=False),
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("ended_on", sa.Date),
    _created(),
    sa.Index(None, "owner_id", "metric"),
)

wins = sa.Table(
    "wins",
    metadata,
    _id(),
    _owner(),
    _application(nullable=True),
    sa.Column("occurred_on", sa.Date, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("auto_key", sa.String(120)),
    _created(),
    sa.UniqueConstraint("owner_id", "auto_key"),
    sa.Index(None, "owner_id", "occurred_on"),
)

care_entries = sa.Table(
    "care_entries",
    metadata,
    _id(),
    _owner(),
    sa.Column("occurred_on", sa.Date, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("minutes", sa.Integer),
    sa.Column("note", sa.Text),
    _created(),
    sa.Index(None, "owner_id", "occurred_on"),
)

moods = sa.Table(
    "moods",
    metadata,
    _id(),
    _owner(),
    _application(nullable=True),
    sa.Column("recorded_at", Moment, nullable=False),
    sa.Column("score", sa.Integer, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("context", sa.String(30)),
    _created(),
    sa.Index(None, "owner_id", "recorded_at"),
)

why_statements = sa.Table(
    "why_statements",
    metadata,
    _id(),
    _owner(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("set_on", sa.Date, nullable=False),
    _created(),
    sa.Index(None, "owner_id", "set_on"),
)

settings = sa.Table(
    "settings",
    metadata,
    _owner(),
    sa.Column("key", sa.String(80), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("updated_at", Moment, nullable=False),
    sa.PrimaryKeyConstraint("owner_id", "key"),
)

dismissals = sa.Table(
    "dismissals",
    metadata,
    _id(),
    _owner(),
    sa.Column("item_key", sa.String(200), nullable=False),
    sa.Column("until_on", sa.Date),
    _created(),
    sa.UniqueConstraint("owner_id", "item_key"),
)

mail_messages = sa.Table(
    "mail_messages",
    metadata,
    _id(),
    _owner(),
    _application(nullable=True),
    sa.Column("message_key", sa.String(300), nullable=False),
    sa.Column("message_id", sa.Text),
    sa.Column("received_at", Moment),
    sa.Column("sender", sa.Text),
    sa.Column("sender_domain", sa.String(255)),
    sa.Column("subject", sa.Text),
    sa.Column("label", sa.String(30), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("company", sa.String(200)),
    sa.Column("role", sa.String(200)),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("review_reason", sa.Text),
    sa.Column("snippet", sa.Text),
    sa.Column("body", sa.Text),
    sa.Column("details", sa.Text),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("stage_events.id", ondelete="SET NULL")),
    sa.Column("imported_at", Moment, nullable=False),
    sa.UniqueConstraint("owner_id", "message_key"),
    sa.Index(None, "owner_id", "status"),
)

mail_sender_rules = sa.Table(
    "mail_sender_rules",
    metadata,
    _id(),
    _owner(),
    sa.Column("sender", sa.String(320), nullable=False),
    sa.Column("company", sa.String(200)),
    sa.Column("label", sa.String(30)),
    sa.Column("ignore", Flag, nullable=False),
    _created(),
    sa.UniqueConstraint("owner_id", "sender"),
)

mail_sources = sa.Table(
    "mail_sources",
    metadata,
    _id(),
    _owner(),
    sa.Column("source_key", sa.String(500), nullable=False),
    sa.Column("uidvalidity", sa.BigInteger),
    sa.Column("last_uid", sa.BigInteger),
    sa.Column("last_run_at", Moment),
    sa.UniqueConstraint("owner_id", "source_key"),
)
