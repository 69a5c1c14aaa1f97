"""Team mode II: sharing with coaches (invitations, scopes, the seeker's audit log, comments,
suggestions, coaches' session notes) and organisations (members, groups, invitations, single
sign-on, the anonymised archive of what members who left had contributed).

Revision ID: 0004_coaching
Revises: 0003_team
Created: 2026-12-10
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004_coaching"
down_revision = "0003_team"
branch_labels = None
depends_on = None

Moment = sa.DateTime(timezone=True)


def _user(table: str, name: str, *, nullable: bool = False) -> list[Any]:
    return [
        sa.Column(name, sa.Integer(), nullable=nullable),
        sa.ForeignKeyConstraint(
            [name],
            ["users.id"],
            name=op.f(f"fk_{table}_{name}_users"),
            ondelete="SET NULL" if nullable else "CASCADE",
        ),
    ]


def _organisation(table: str) -> list[Any]:
    return [
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f(f"fk_{table}_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
    ]


def _id(table: str) -> list[Any]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    with op.batch_alter_table("coach_shares", schema=None) as batch_op:
        batch_op.alter_column(
            "scope",
            new_column_name="scopes",
            existing_type=sa.String(length=20),
            type_=sa.String(length=200),
            existing_nullable=False,
        )
        batch_op.add_column(sa.Column("changed_at", Moment, nullable=True))

    op.create_table(
        "coach_invitations",
        *_id("coach_invitations"),
        *_user("coach_invitations", "seeker_id"),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("scopes", sa.String(length=200), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("expires_at", Moment, nullable=False),
        sa.Column("used_at", Moment, nullable=True),
        *_user("coach_invitations", "used_by", nullable=True),
        sa.UniqueConstraint("code_hash", name=op.f("uq_coach_invitations_code_hash")),
    )
    op.create_index(op.f("ix_coach_invitations_seeker_id"), "coach_invitations", ["seeker_id"])

    op.create_table(
        "coach_reads",
        *_id("coach_reads"),
        *_user("coach_reads", "seeker_id"),
        *_user("coach_reads", "coach_id", nullable=True),
        sa.Column("coach_label", sa.String(length=320), nullable=False),
        sa.Column("what", sa.String(length=40), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("read_at", Moment, nullable=False),
    )
    op.create_index(
        op.f("ix_coach_reads_seeker_id_read_at"), "coach_reads", ["seeker_id", "read_at"]
    )

    op.create_table(
        "coach_comments",
        *_id("coach_comments"),
        *_user("coach_comments", "seeker_id"),
        *_user("coach_comments", "coach_id", nullable=True),
        sa.Column("coach_label", sa.String(length=320), nullable=False),
        sa.Column("target", sa.String(length=20), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("read_at", Moment, nullable=True),
    )
    op.create_index(
        op.f("ix_coach_comments_seeker_id_created_at"),
        "coach_comments",
        ["seeker_id", "created_at"],
    )

    op.create_table(
        "coach_suggestions",
        *_id("coach_suggestions"),
        *_user("coach_suggestions", "seeker_id"),
        *_user("coach_suggestions", "coach_id", nullable=True),
        sa.Column("coach_label", sa.String(length=320), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("decided_at", Moment, nullable=True),
        sa.Column("plan_item_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_item_id"],
            ["plan_items.id"],
            name=op.f("fk_coach_suggestions_plan_item_id_plan_items"),
            ondelete="SET NULL",
        ),
    )
    op.create_index(
        op.f("ix_coach_suggestions_seeker_id_status"), "coach_suggestions", ["seeker_id", "status"]
    )

    op.create_table(
        "coach_notes",
        *_id("coach_notes"),
        *_user("coach_notes", "coach_id"),
        *_user("coach_notes", "seeker_id"),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("updated_at", Moment, nullable=False),
    )
    op.create_index(
        op.f("ix_coach_notes_coach_id_seeker_id"), "coach_notes", ["coach_id", "seeker_id"]
    )

    op.create_table(
        "organisations",
        *_id("organisations"),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("sso_issuer", sa.String(length=500), nullable=True),
        sa.Column("sso_client_id", sa.String(length=200), nullable=True),
        sa.Column("sso_client_secret", sa.Text(), nullable=True),
        sa.Column("sso_email_domain", sa.String(length=200), nullable=True),
        sa.UniqueConstraint("name", name=op.f("uq_organisations_name")),
    )

    op.create_table(
        "organisation_members",
        *_id("organisation_members"),
        *_organisation("organisation_members"),
        *_user("organisation_members", "user_id"),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("consent", sa.Boolean(create_constraint=False), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("joined_at", Moment, nullable=False),
        sa.Column("left_at", Moment, nullable=True),
        sa.UniqueConstraint(
            "organisation_id",
            "user_id",
            name=op.f("uq_organisation_members_organisation_id_user_id"),
        ),
    )
    op.create_index(op.f("ix_organisation_members_user_id"), "organisation_members", ["user_id"])

    op.create_table(
        "organisation_groups",
        *_id("organisation_groups"),
        *_organisation("organisation_groups"),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", Moment, nullable=False),
        sa.UniqueConstraint(
            "organisation_id",
            "kind",
            "name",
            name=op.f("uq_organisation_groups_organisation_id_kind_name"),
        ),
    )

    op.create_table(
        "organisation_group_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["organisation_groups.id"],
            name=op.f("fk_organisation_group_members_group_id_organisation_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["organisation_members.id"],
            name=op.f("fk_organisation_group_members_member_id_organisation_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "group_id", "member_id", name=op.f("pk_organisation_group_members")
        ),
    )
    op.create_index(
        op.f("ix_organisation_group_members_member_id"),
        "organisation_group_members",
        ["member_id"],
    )

    op.create_table(
        "organisation_invitations",
        *_id("organisation_invitations"),
        *_organisation("organisation_invitations"),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("created_at", Moment, nullable=False),
        sa.Column("expires_at", Moment, nullable=False),
        sa.Column("used_at", Moment, nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["organisation_groups.id"],
            name=op.f("fk_organisation_invitations_group_id_organisation_groups"),
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("token_hash", name=op.f("uq_organisation_invitations_token_hash")),
    )
    op.create_index(
        op.f("ix_organisation_invitations_organisation_id"),
        "organisation_invitations",
        ["organisation_id"],
    )

    op.create_table(
        "cohort_archive",
        *_id("cohort_archive"),
        *_organisation("cohort_archive"),
        sa.Column("groups", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
    )
    op.create_index(
        op.f("ix_cohort_archive_organisation_id"), "cohort_archive", ["organisation_id"]
    )


TABLES = (
    "cohort_archive", "organisation_invitations", "organisation_group_members",
    "organisation_groups", "organisation_members", "organisations", "coach_notes",
    "coach_suggestions", "coach_comments", "coach_reads", "coach_invitations",
)  # fmt: skip


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
    with op.batch_alter_table("coach_shares", schema=None) as batch_op:
        batch_op.drop_column("changed_at")
        batch_op.alter_column(
            "scopes",
            new_column_name="scope",
            existing_type=sa.String(length=200),
            type_=sa.String(length=20),
            existing_nullable=False,
        )
