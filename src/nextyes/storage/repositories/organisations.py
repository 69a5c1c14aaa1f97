"""Organisations (career centres): members, groups, invitations, single sign-on, and the facts
the cohort figures are made of.

Not scoped by the unit of work's owner: every method names the organisation. `CohortRepository`
reads facts of consenting members as plain per-person values keyed by an opaque position, never
by account; `services.organisations.cohort` folds them into tables that pass the suppression
function before anything leaves the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nextyes.domain.organisations import (
    GroupKind,
    MemberRole,
    Membership,
    Organisation,
    OrganisationGroup,
    SingleSignOn,
)
from nextyes.storage.convert import (
    as_bool,
    as_datetime,
    as_datetime_or_none,
)
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

_MEMBER = (
    "m.id, m.organisation_id, m.user_id, m.role, m.consent, m.status, m.joined_at, m.left_at, "
    "u.display_name, u.email, o.name AS organisation"
)
_MEMBER_FROM = (
    "FROM organisation_members m JOIN users u ON u.id = m.user_id "
    "JOIN organisations o ON o.id = m.organisation_id"
)


def to_membership(row: Row) -> Membership:
    return Membership(
        id=int(row["id"]),
        organisation_id=int(row["organisation_id"]),
        organisation=str(row["organisation"]),
        user_id=int(row["user_id"]),
        name=str(row["display_name"] or row["email"] or ""),
        role=MemberRole(row["role"]),
        consent=as_bool(row["consent"]),
        active=row["status"] == "active",
        joined_at=as_datetime(row["joined_at"]),
        left_at=as_datetime_or_none(row["left_at"]),
    )


def to_organisation(row: Row) -> Organisation:
    sso = None
    if row["sso_issuer"] and row["sso_client_id"]:
        sso = SingleSignOn(
            issuer=str(row["sso_issuer"]),
            client_id=str(row["sso_client_id"]),
            client_secret=row["sso_client_secret"],
            email_domain=row["sso_email_domain"],
        )
    return Organisation(id=int(row["id"]), name=str(row["name"]), sso=sso)


_ORG = "id, name, sso_issuer, sso_client_id, sso_client_secret, sso_email_domain"


@dataclass(frozen=True, slots=True)
class StoredOrgInvitation:
    id: int
    organisation_id: int
    role: MemberRole
    group_id: int | None
    expires_at: datetime
    used_at: datetime | None


class OrganisationRepository(Repository):
    def add(self, name: str, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO organisations (name, created_at) VALUES (:name, :now) RETURNING id",
            {"name": name, "now": now},
        )

    def get(self, organisation_id: int) -> Organisation | None:
        row = self.db.one(
            f"SELECT {_ORG} FROM organisations WHERE id = :id", {"id": organisation_id}
        )
        return None if row is None else to_organisation(row)

    def all(self) -> list[Organisation]:
        rows = self.db.query(f"SELECT {_ORG} FROM organisations ORDER BY name")
        return [to_organisation(r) for r in rows]

    def by_name(self, name: str) -> Organisation | None:
        row = self.db.one(f"SELECT {_ORG} FROM organisations WHERE name = :name", {"name": name})
        return None if row is None else to_organisation(row)

    def set_sso(self, organisation_id: int, sso: SingleSignOn | None) -> None:
        self.db.execute(
            "UPDATE organisations SET sso_issuer = :issuer, sso_client_id = :client, "
            "sso_client_secret = :secret, sso_email_domain = :domain WHERE id = :id",
            {
                "issuer": sso.issuer if sso else None, "client": sso.client_id if sso else None,
                "secret": sso.client_secret if sso else None,
                "domain": sso.email_domain if sso else None, "id": organisation_id,
            },
        )  # fmt: skip

    def add_member(
        self, organisation_id: int, user_id: int, role: MemberRole, consent: bool, now: datetime
    ) -> int:
        self.db.execute(
            "DELETE FROM organisation_members WHERE organisation_id = :org AND user_id = :user "
            "AND status <> 'active'",
            {"org": organisation_id, "user": user_id},
        )
        return self.db.insert(
            "INSERT INTO organisation_members (organisation_id, user_id, role, consent, status, "
            "joined_at) VALUES (:org, :user, :role, :consent, 'active', :now) RETURNING id",
            {
                "org": organisation_id, "user": user_id, "role": role.value, "consent": consent,
                "now": now,
            },
        )  # fmt: skip

    def membership(self, organisation_id: int, user_id: int) -> Membership | None:
        row = self.db.one(
            f"SELECT {_MEMBER} {_MEMBER_FROM} WHERE m.organisation_id = :org "
            "AND m.user_id = :user AND m.status = 'active'",
            {"org": organisation_id, "user": user_id},
        )
        return None if row is None else to_membership(row)

    def memberships_of(self, user_id: int) -> list[Membership]:
        rows = self.db.query(
            f"SELECT {_MEMBER} {_MEMBER_FROM} WHERE m.user_id = :user AND m.status = 'active' "
            "ORDER BY o.name",
            {"user": user_id},
        )
        return [to_membership(r) for r in rows]

    def members(self, organisation_id: int) -> list[Membership]:
        rows = self.db.query(
            f"SELECT {_MEMBER} {_MEMBER_FROM} WHERE m.organisation_id = :org "
            "AND m.status = 'active' ORDER BY m.role, u.display_name, u.email",
            {"org": organisation_id},
        )
        return [to_membership(r) for r in rows]

    def set_consent(self, member_id: int, consent: bool) -> None:
        self.db.execute(
            "UPDATE organisation_members SET consent = :consent WHERE id = :id",
            {"consent": consent, "id": member_id},
        )

    def leave(self, member_id: int, now: datetime) -> None:
        self.db.execute(
            "UPDATE organisation_members SET status = 'left', left_at = :now, consent = :no "
            "WHERE id = :id",
            {"now": now, "no": False, "id": member_id},
        )
        self.db.execute(
            "DELETE FROM organisation_group_members WHERE member_id = :id", {"id": member_id}
        )

    def add_group(self, organisation_id: int, kind: GroupKind, name: str, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO organisation_groups (organisation_id, kind, name, created_at) "
            "VALUES (:org, :kind, :name, :now) RETURNING id",
            {"org": organisation_id, "kind": kind.value, "name": name, "now": now},
        )

    def groups(self, organisation_id: int) -> list[OrganisationGroup]:
        rows = self.db.query(
            "SELECT g.id, g.kind, g.name, count(gm.member_id) AS size FROM organisation_groups g "
            "LEFT JOIN organisation_group_members gm ON gm.group_id = g.id "
            "WHERE g.organisation_id = :org GROUP BY g.id, g.kind, g.name ORDER BY g.kind, g.name",
            {"org": organisation_id},
        )
        return [
            OrganisationGroup(int(r["id"]), GroupKind(r["kind"]), str(r["name"]), int(r["size"]))
            for r in rows
        ]

    def put_in_group(self, group_id: int, member_id: int) -> None:
        self.db.execute(
            "INSERT INTO organisation_group_members (group_id, member_id) VALUES (:g, :m) "
            "ON CONFLICT (group_id, member_id) DO NOTHING",
            {"g": group_id, "m": member_id},
        )

    def groups_of(self, member_id: int) -> list[int]:
        rows = self.db.query(
            "SELECT group_id FROM organisation_group_members WHERE member_id = :m ORDER BY group_id",
            {"m": member_id},
        )
        return [int(r["group_id"]) for r in rows]

    def add_invitation(
        self,
        organisation_id: int,
        token_hash: str,
        role: MemberRole,
        group_id: int | None,
        now: datetime,
        expires_at: datetime,
    ) -> int:
        return self.db.insert(
            "INSERT INTO organisation_invitations (organisation_id, token_hash, role, group_id, "
            "created_at, expires_at) VALUES (:org, :hash, :role, :group, :now, :expires) "
            "RETURNING id",
            {
                "org": organisation_id, "hash": token_hash, "role": role.value, "group": group_id,
                "now": now, "expires": expires_at,
            },
        )  # fmt: skip

    def invitation(self, token_hash: str) -> StoredOrgInvitation | None:
        row = self.db.one(
            "SELECT id, organisation_id, role, group_id, expires_at, used_at "
            "FROM organisation_invitations WHERE token_hash = :hash",
            {"hash": token_hash},
        )
        if row is None:
            return None
        return StoredOrgInvitation(
            id=int(row["id"]),
            organisation_id=int(row["organisation_id"]),
            role=MemberRole(row["role"]),
            group_id=None if row["group_id"] is None else int(row["group_id"]),
            expires_at=as_datetime(row["expires_at"]),
            used_at=as_datetime_or_none(row["used_at"]),
        )

    def use_invitation(self, invitation_id: int, now: datetime) -> bool:
        return (
            self.db.execute(
                "UPDATE organisation_invitations SET used_at = :now WHERE id = :id "
                "AND used_at IS NULL",
                {"now": now, "id": invitation_id},
            )
            == 1
        )
