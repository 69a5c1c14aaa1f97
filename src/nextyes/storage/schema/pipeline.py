"""What follows an application through to the end: offers, and the job posting it came from."""

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

offers = sa.Table(
    "offers",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column("status", sa.String(10), nullable=False),  # open | accepted | declined
    sa.Column("answer_by", sa.Date),
    sa.Column("pay_amount", sa.Float),
    sa.Column("pay_currency", sa.String(3)),
    sa.Column("pay_period", sa.String(10)),  # year | month | week | day | hour
    sa.Column("pay_private", Flag, nullable=False),
    sa.Column("leave_days", sa.Integer),
    sa.Column("location", sa.String(200)),
    sa.Column("remote", sa.String(10)),  # onsite | hybrid | remote
    sa.Column("start_on", sa.Date),
    sa.Column("notes", sa.Text),
    sa.Column("decided_on", sa.Date),
    created_column(),
    sa.Column("updated_at", Moment, nullable=False),
    sa.UniqueConstraint("application_id"),
    sa.Index(None, "owner_id", "status", "answer_by"),
)

postings = sa.Table(
    "postings",
    metadata,
    id_column(),
    owner_column(),
    application_column(),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.String(300)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("captured_on", sa.Date, nullable=False),
    created_column(),
    sa.UniqueConstraint("application_id"),
)
