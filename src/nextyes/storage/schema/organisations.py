"""Team mode's organisations (career centres): members, groups, invitations, single sign-on,
and what members who left had already contributed to the cohort figures, anonymised.

`cohort_archive` rows name nobody: a member's facts (how far each search got, where the noes
came, themes, months with signals) copied when they leave with their journal, without any
account or membership reference, so the figures keep what was counted and nothing more.
"""

from __future__ import annotations

import sqlalchemy as sa

from nextyes.storage.schema.base import Flag, Moment, created_column, id_column, metadata


def _organisation() -> sa.Column[int]:
    return sa.Column(
        "organisation_id",
        sa.Integer,
        sa.ForeignKey("organisations.id", ondelete="CASCADE"),
        nullable=False,
    )


organisations = sa.Table(
    "organisations",
    metadata,
    id_column(),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    created_column(),
    # single sign-on with the organisation's OpenID Connect provider (all or none)
    sa.Column("sso_issuer", sa.String(500)),
    sa.Column("sso_client_id", sa.String(200)),
    sa.Column("sso_client_secret", sa.Text),
    sa.Column("sso_email_domain", sa.String(200)),
)

organisation_members = sa.Table(
    "organisation_members",
    metadata,
    id_column(),
    _organisation(),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("role", sa.String(10), nullable=False),  # admin | coach | member
    sa.Column("consent", Flag, nullable=False),  # counted in the cohort figures
    sa.Column("status", sa.String(10), nullable=False),  # active | left
    sa.Column("joined_at", Moment, nullable=False),
    sa.Column("left_at", Moment),
    sa.UniqueConstraint("organisation_id", "user_id"),
    sa.Index(None, "user_id"),
)

organisation_groups = sa.Table(
    "organisation_groups",
    metadata,
    id_column(),
    _organisation(),
    sa.Column("kind", sa.String(20), nullable=False),  # cohort | programme | year
    sa.Column("name", sa.String(200), nullable=False),
    created_column(),
    sa.UniqueConstraint("organisation_id", "kind", "name"),
)

organisation_group_members = sa.Table(
    "organisation_group_members",
    metadata,
    sa.Column(
        "group_id",
        sa.Integer,
        sa.ForeignKey("organisation_groups.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column(
        "member_id",
        sa.Integer,
        sa.ForeignKey("organisation_members.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.PrimaryKeyConstraint("group_id", "member_id"),
    sa.Index(None, "member_id"),
)

organisation_invitations = sa.Table(
    "organisation_invitations",
    metadata,
    id_column(),
    _organisation(),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("role", sa.String(10), nullable=False),
    sa.Column("group_id", sa.Integer, sa.ForeignKey("organisation_groups.id", ondelete="SET NULL")),
    created_column(),
    sa.Column("expires_at", Moment, nullable=False),
    sa.Column("used_at", Moment),
    sa.Index(None, "organisation_id"),
)

cohort_archive = sa.Table(
    "cohort_archive",
    metadata,
    id_column(),
    _organisation(),
    sa.Column("groups", sa.Text, nullable=False),  # JSON: the group ids they were in
    sa.Column("facts", sa.Text, nullable=False),  # JSON: domain.cohort.MemberFacts
    sa.Index(None, "organisation_id"),
)

cohort_facts = sa.Table(
    "cohort_facts",
    metadata,
    # one person's facts as the cohort figures count them, kept between reports; they are
    # read again when the person's journal version moves (PostgreSQL; SQLite reads them afresh)
    sa.Column(
        "user_id",
        sa.Integer,
        sa.ForeignKey("users.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    sa.Column("version", sa.BigInteger, nullable=False),  # journal_versions.version when read
    sa.Column("since", sa.String(7), nullable=False),  # the first month the facts' months hold
    sa.Column("facts", sa.Text, nullable=False),  # JSON: domain.organisations.MemberFacts
    sa.Column("kept_at", Moment),  # when they were read (None: kept before 0008)
)
