"""Mail that was applied can be corrected: each message keeps what applying it changed (the
effect and the interview it scheduled, beside the stage event it already kept) and the trail
of corrections made to it afterwards.

mail_messages is a journal table with version triggers since 0003_team; new columns need none.

Revision ID: 0007_mail_correct
Revises: 0006_team2
Created: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_mail_correct"
down_revision = "0006_team2"
branch_labels = None
depends_on = None

Moment = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("mail_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("effect", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("interview_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("corrected_at", Moment, nullable=True))
        batch_op.add_column(sa.Column("corrections", sa.Text(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_mail_messages_interview_id_interviews"),
            "interviews",
            ["interview_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("mail_messages", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_mail_messages_interview_id_interviews"), type_="foreignkey"
        )
        batch_op.drop_column("corrections")
        batch_op.drop_column("corrected_at")
        batch_op.drop_column("interview_id")
        batch_op.drop_column("effect")
