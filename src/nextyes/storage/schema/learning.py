"""The improvement plan, practice sessions and the story bank."""

from __future__ import annotations

import sqlalchemy as sa

from nextyes.storage.schema.base import Moment, created_column, id_column, metadata, owner_column

plan_items = sa.Table(
    "plan_items",
    metadata,
    id_column(),
    owner_column(),
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
    id_column(),
    owner_column(),
    sa.Column("practiced_on", sa.Date, nullable=False),
    sa.Column("question_key", sa.String(80)),
    sa.Column("question_text", sa.Text, nullable=False),
    sa.Column("theme", sa.String(40)),
    sa.Column("rating", sa.Integer),
    sa.Column("notes", sa.Text),
    sa.Column("plan_item_id", sa.Integer, sa.ForeignKey("plan_items.id", ondelete="SET NULL")),
    created_column(),
    sa.Index(None, "owner_id", "practiced_on"),
)

stories = sa.Table(
    "stories",
    metadata,
    id_column(),
    owner_column(),
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
