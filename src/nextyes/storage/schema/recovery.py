"""What follows a no: cool-downs, feedback and requests for it, drafts, reflections."""

from __future__ import annotations

import sqlalchemy as sa

from nextyes.storage.schema.base import (
    Moment,
    application_column,
    created_column,
    id_column,
    metadata,
    owner_column,
)

cool_downs = sa.Table(
    "cool_downs",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("stage_events.id", ondelete="CASCADE")),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("starts_at", Moment, nullable=False),
    sa.Column("ends_at", Moment, nullable=False),
    created_column(),
    sa.Index(None, "owner_id", "ends_at"),
)

feedback = sa.Table(
    "feedback",
    metadata,
    id_column(),
    owner_column(),
    application_column(nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("giver", sa.String(20), nullable=False),
    sa.Column("received_on", sa.Date, nullable=False),
    sa.Column("themes", sa.Text),
    sa.Column("scores", sa.Text),
    sa.Column("controllable", sa.String(10)),
    sa.Column("origin", sa.String(20), nullable=False),
    created_column(),
    sa.Index(None, "owner_id", "received_on"),
    sa.Index(None, "application_id"),
)

feedback_requests = sa.Table(
    "feedback_requests",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id", ondelete="SET NULL")),
    sa.Column("tone", sa.String(20)),
    sa.Column("sent_on", sa.Date, nullable=False),
    sa.Column("follow_up_on", sa.Date),
    sa.Column("followed_up_on", sa.Date),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("closed_on", sa.Date),
    created_column(),
    sa.Index(None, "owner_id", "status", "follow_up_on"),
    sa.Index(None, "application_id"),
)

drafts = sa.Table(
    "drafts",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("recipient", sa.String(320)),
    sa.Column("subject", sa.Text),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("sent_on", sa.Date),
    created_column(),
    sa.Index(None, "application_id"),
)

reflections = sa.Table(
    "reflections",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column("stage_group", sa.String(20), nullable=False),
    sa.Column("started_at", Moment, nullable=False),
    sa.Column("finished_at", Moment),
    sa.Column("time_box_minutes", sa.Integer, nullable=False),
    sa.Column("mood_before", sa.Integer),
    sa.Column("mood_after", sa.Integer),
    sa.Column("answers", sa.Text),
    sa.Column("attributions", sa.Text),
    created_column(),
    sa.Index(None, "application_id"),
    sa.Index(None, "owner_id", "started_at"),
)
