"""Goals, wins, care, moods and the why."""

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

goals = sa.Table(
    "goals",
    metadata,
    id_column(),
    owner_column(),
    sa.Column("metric", sa.String(30), nullable=False),
    sa.Column("target", sa.Integer, nullable=False),
    sa.Column("period", sa.String(10), nullable=False),
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("ended_on", sa.Date),
    created_column(),
    sa.Index(None, "owner_id", "metric"),
)

wins = sa.Table(
    "wins",
    metadata,
    id_column(),
    owner_column(),
    application_column(nullable=True),
    sa.Column("occurred_on", sa.Date, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("auto_key", sa.String(120)),
    created_column(),
    sa.UniqueConstraint("owner_id", "auto_key"),
    sa.Index(None, "owner_id", "occurred_on"),
)

care_entries = sa.Table(
    "care_entries",
    metadata,
    id_column(),
    owner_column(),
    sa.Column("occurred_on", sa.Date, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("minutes", sa.Integer),
    sa.Column("note", sa.Text),
    created_column(),
    sa.Index(None, "owner_id", "occurred_on"),
)

moods = sa.Table(
    "moods",
    metadata,
    id_column(),
    owner_column(),
    application_column(nullable=True),
    sa.Column("recorded_at", Moment, nullable=False),
    sa.Column("score", sa.Integer, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("context", sa.String(30)),
    created_column(),
    sa.Index(None, "owner_id", "recorded_at"),
)

why_statements = sa.Table(
    "why_statements",
    metadata,
    id_column(),
    owner_column(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("set_on", sa.Date, nullable=False),
    created_column(),
    sa.Index(None, "owner_id", "set_on"),
)
