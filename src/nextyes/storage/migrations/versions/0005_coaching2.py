"""Team mode II: each person's cohort facts kept between reports, with the journal version they
were read at, so a cohort report reads one small row per member and re-reads only the journals
that changed since.

Revision ID: 0005_coaching2
Revises: 0004_coaching
Created: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_coaching2"
down_revision = "0004_coaching"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cohort_facts",
        sa.Column("user_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("since", sa.String(length=7), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_cohort_facts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_cohort_facts")),
    )


def downgrade() -> None:
    op.drop_table("cohort_facts")
