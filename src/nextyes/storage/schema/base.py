"""What every table shares: the metadata, column types and the owner/id columns."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

Moment = sa.DateTime(timezone=True)
Flag = sa.Boolean(create_constraint=False)


def id_column() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True)


def owner_column() -> sa.Column[int]:
    return sa.Column(
        "owner_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


def application_column(nullable: bool = False) -> sa.Column[int]:
    return sa.Column(
        "application_id",
        sa.Integer,
        sa.ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=nullable,
    )


def created_column() -> sa.Column[object]:
    return sa.Column("created_at", Moment, nullable=False)
