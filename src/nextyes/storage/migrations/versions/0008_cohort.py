"""Cohort figures refreshed by a queued job, not by the page that shows them: kept facts say
when they were read (`cohort_facts.kept_at`, so the page can say "as of"), and a job may carry
a key (`jobs.once`) that at most one queued job holds at a time (one refresh queued per
organisation, however many pages ask).

Revision ID: 0008_cohort
Revises: 0007_mail_correct
Created: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_cohort"
down_revision = "0007_mail_correct"
branch_labels = None
depends_on = None

Moment = sa.DateTime(timezone=True)
QUEUED = sa.text("state = 'queued'")


def upgrade() -> None:
    with op.batch_alter_table("cohort_facts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kept_at", Moment, nullable=True))
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("once", sa.String(length=60), nullable=True))
    op.create_index(
        "ix_jobs_once_queued", "jobs", ["once"], unique=True,
        sqlite_where=QUEUED, postgresql_where=QUEUED,
    )  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_jobs_once_queued", table_name="jobs")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("once")
    with op.batch_alter_table("cohort_facts", schema=None) as batch_op:
        batch_op.drop_column("kept_at")
