"""Imported email, what was learned about senders, and where each source stopped."""

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

mail_messages = sa.Table(
    "mail_messages",
    metadata,
    id_column(),
    owner_column(),
    application_column(nullable=True),
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
    # What applying the message changed, so a correction can take exactly that back:
    # "created" (an application), "moved", "rejected", or "added-..." (created, then moved).
    sa.Column("effect", sa.String(30)),
    sa.Column("interview_id", sa.Integer, sa.ForeignKey("interviews.id", ondelete="SET NULL")),
    # The trail of corrections made after the message was applied (JSON list, newest last).
    sa.Column("corrected_at", Moment),
    sa.Column("corrections", sa.Text),
    sa.UniqueConstraint("owner_id", "message_key"),
    sa.Index(None, "owner_id", "status"),
)

mail_sender_rules = sa.Table(
    "mail_sender_rules",
    metadata,
    id_column(),
    owner_column(),
    sa.Column("sender", sa.String(320), nullable=False),
    sa.Column("company", sa.String(200)),
    sa.Column("label", sa.String(30)),
    sa.Column("ignore", Flag, nullable=False),
    created_column(),
    sa.UniqueConstraint("owner_id", "sender"),
)

mail_sources = sa.Table(
    "mail_sources",
    metadata,
    id_column(),
    owner_column(),
    sa.Column("source_key", sa.String(500), nullable=False),
    sa.Column("uidvalidity", sa.BigInteger),
    sa.Column("last_uid", sa.BigInteger),
    sa.Column("last_run_at", Moment),
    sa.UniqueConstraint("owner_id", "source_key"),
)
