"""Team mode's coaching: invitations, what each coach read (the seeker's audit log), comments,
suggestions and the coach's own session notes.

The shares themselves are `coach_shares` (in `journal`). These rows name two accounts, a seeker
and a coach, so they have no `owner_id`: they are not part of either journal (not exported, not
versioned with one) and go with the seeker's account when it is removed. The coach's name is
copied where the seeker must still see who did something after the coach's account is gone.
"""

from __future__ import annotations

import sqlalchemy as sa

from nextyes.storage.schema.base import Moment, created_column, id_column, metadata


def _user(name: str, *, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(
        name,
        sa.Integer,
        sa.ForeignKey("users.id", ondelete="SET NULL" if nullable else "CASCADE"),
        nullable=nullable,
    )


coach_invitations = sa.Table(
    "coach_invitations",
    metadata,
    id_column(),
    _user("seeker_id"),
    sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("scopes", sa.String(200), nullable=False),
    created_column(),
    sa.Column("expires_at", Moment, nullable=False),
    sa.Column("used_at", Moment),
    _user("used_by", nullable=True),
    sa.Index(None, "seeker_id"),
)

coach_reads = sa.Table(
    "coach_reads",
    metadata,
    id_column(),
    _user("seeker_id"),
    _user("coach_id", nullable=True),
    sa.Column("coach_label", sa.String(320), nullable=False),
    sa.Column("what", sa.String(40), nullable=False),
    sa.Column("item_id", sa.Integer),
    sa.Column("read_at", Moment, nullable=False),
    sa.Index(None, "seeker_id", "read_at"),
)

coach_comments = sa.Table(
    "coach_comments",
    metadata,
    id_column(),
    _user("seeker_id"),
    _user("coach_id", nullable=True),
    sa.Column("coach_label", sa.String(320), nullable=False),
    sa.Column("target", sa.String(20), nullable=False),
    sa.Column("target_id", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    created_column(),
    sa.Column("read_at", Moment),
    sa.Index(None, "seeker_id", "created_at"),
)

coach_suggestions = sa.Table(
    "coach_suggestions",
    metadata,
    id_column(),
    _user("seeker_id"),
    _user("coach_id", nullable=True),
    sa.Column("coach_label", sa.String(320), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("detail", sa.Text),
    sa.Column("status", sa.String(12), nullable=False),
    created_column(),
    sa.Column("decided_at", Moment),
    sa.Column("plan_item_id", sa.Integer, sa.ForeignKey("plan_items.id", ondelete="SET NULL")),
    sa.Index(None, "seeker_id", "status"),
)

coach_notes = sa.Table(
    "coach_notes",
    metadata,
    id_column(),
    _user("coach_id"),
    _user("seeker_id"),
    sa.Column("written_on", sa.Date, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    created_column(),
    sa.Column("updated_at", Moment, nullable=False),
    sa.Index(None, "coach_id", "seeker_id"),
)
