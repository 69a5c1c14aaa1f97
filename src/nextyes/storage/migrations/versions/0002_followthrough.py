"""Offers (answer-by date, pay, leave, place, start) and the job postings applications came from.

Revision ID: 0002_followthrough
Revises: 0001
Created: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_followthrough"
down_revision = "0001"
branch_labels = None
depends_on = None


def _owner_and_application(table: str) -> list[sa.Constraint]:
    return [
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f(f"fk_{table}_owner_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f(f"fk_{table}_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("application_id", name=op.f(f"uq_{table}_application_id")),
    ]


def upgrade() -> None:
    op.create_table(
        "offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("answer_by", sa.Date(), nullable=True),
        sa.Column("pay_amount", sa.Float(), nullable=True),
        sa.Column("pay_currency", sa.String(length=3), nullable=True),
        sa.Column("pay_period", sa.String(length=10), nullable=True),
        sa.Column("pay_private", sa.Boolean(), nullable=False),
        sa.Column("leave_days", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("remote", sa.String(length=10), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        *_owner_and_application("offers"),
    )
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_offers_owner_id_status_answer_by"),
            ["owner_id", "status", "answer_by"],
            unique=False,
        )
    op.create_table(
        "postings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("captured_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        *_owner_and_application("postings"),
    )


def downgrade() -> None:
    op.drop_table("postings")
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offers_owner_id_status_answer_by"))
    op.drop_table("offers")
