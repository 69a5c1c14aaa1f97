"""Organisations (career centres): members, groups, invitations, single sign-on, and the facts
the cohort figures are made of.

Not scoped by the unit of work's owner: every method names the organisation. `CohortRepository`
reads facts of consenting members as plain per-person values keyed by an opaque position, never
by account; `services.organisations.cohort` folds them into tables that pass the suppression
function before anything leaves the services.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from nextyes.domain.organisations import (
    GroupKind,
    MemberFacts,
    MemberRole,
    Membership,
    Organisation,
    OrganisationGroup,
    SingleSignOn,
)
from nextyes.storage.convert import (
    as_bool,
    as_date,
    as_datetime,
    as_datetime_or_none,
    from_json,
    to_json,
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


_RANK = (
    "CASE e.stage WHEN 'screening' THEN 2 WHEN 'assessment' THEN 2 WHEN 'interview' THEN 3 "
    "WHEN 'final' THEN 4 WHEN 'offer' THEN 5 WHEN 'accepted' THEN 5 WHEN 'declined' THEN 5 "
    "WHEN 'rejected' THEN 2 ELSE 1 END"
)
_TELLING = (
    "('screening', 'assessment', 'interview', 'final', 'offer', 'accepted', 'declined', 'rejected')"
)


class CohortRepository(Repository):
    """The facts behind an organisation's cohort figures, per consenting member, by position."""

    def member_facts(
        self, organisation_id: int, months: list[str], since: date, only: int | None = None
    ) -> list[MemberFacts]:
        """One MemberFacts for each active consenting member (in no particular order)."""
        params: dict[str, Any] = {
            "org": organisation_id, "yes": True, "since": since, "only": only or 0,
        }  # fmt: skip
        members = (
            "SELECT m.user_id FROM organisation_members m WHERE m.organisation_id = :org "
            "AND m.status = 'active' AND m.consent = :yes AND m.role = 'member'"
            + ("" if only is None else " AND m.user_id = :only")
        )
        people: dict[int, list[int]] = {}
        member_of: dict[int, int] = {}
        for r in self.db.query(
            members.replace("SELECT m.user_id", "SELECT m.user_id, m.id AS member_id"), params
        ):
            people[int(r["user_id"])] = []
            member_of[int(r["member_id"])] = int(r["user_id"])
        if not people:
            return []
        for r in self.db.query(
            "SELECT gm.member_id, gm.group_id FROM organisation_group_members gm "
            "JOIN organisation_members m ON m.id = gm.member_id WHERE m.organisation_id = :org",
            params,
        ):
            user = member_of.get(int(r["member_id"]))
            if user is not None:
                people[user].append(int(r["group_id"]))
        first_applied: dict[int, date] = {}
        for r in self.db.query(
            "SELECT a.owner_id, min(a.applied_on) AS first FROM applications a "
            f"WHERE a.owner_id IN ({members}) AND a.applied_on IS NOT NULL GROUP BY a.owner_id",
            params,
        ):
            first_applied[int(r["owner_id"])] = as_date(r["first"])
        furthest: dict[int, int] = {}
        first_interview: dict[int, date] = {}
        first_offer: dict[int, date] = {}
        for r in self.db.query(
            f"SELECT e.owner_id, max({_RANK}) AS rank, "
            "min(CASE WHEN e.stage IN ('interview', 'final', 'offer', 'accepted', 'declined') "
            "THEN e.occurred_on END) AS interview, "
            "min(CASE WHEN e.stage IN ('offer', 'accepted', 'declined') THEN e.occurred_on END) "
            "AS offer FROM stage_events e "
            f"WHERE e.owner_id IN ({members}) AND e.stage IN {_TELLING} GROUP BY e.owner_id",
            params,
        ):
            owner = int(r["owner_id"])
            furthest[owner] = int(r["rank"])
            if r["interview"] is not None:
                first_interview[owner] = as_date(r["interview"])
            if r["offer"] is not None:
                first_offer[owner] = as_date(r["offer"])
        noes: dict[int, set[str]] = defaultdict(set)
        for r in self.db.query(
            "SELECT DISTINCT e.owner_id, e.from_stage FROM stage_events e "
            f"WHERE e.owner_id IN ({members}) AND e.stage = 'rejected'",
            params,
        ):
            noes[int(r["owner_id"])].add(str(r["from_stage"] or "applied"))
        themes: dict[int, set[str]] = defaultdict(set)
        parsed: dict[str, list[str]] = {}  # few distinct theme lists: parse each once
        for r in self.db.query(
            "SELECT DISTINCT f.owner_id, f.themes FROM feedback f "
            f"WHERE f.owner_id IN ({members}) AND f.themes IS NOT NULL",
            params,
        ):
            text = str(r["themes"])
            if text not in parsed:
                parsed[text] = from_json(text, [])
            themes[int(r["owner_id"])].update(parsed[text])
        monthly: dict[int, set[str]] = defaultdict(set)
        month = self._month("a.applied_on")
        for r in self.db.query(
            f"SELECT DISTINCT a.owner_id, {month} AS month FROM applications a "
            f"WHERE a.owner_id IN ({members}) AND a.applied_on >= :since",
            params,
        ):
            monthly[int(r["owner_id"])].add(f"applied:{r['month']}")
        month = self._month("e.occurred_on")
        for r in self.db.query(
            f"SELECT DISTINCT e.owner_id, e.stage, {month} AS month FROM stage_events e "
            f"WHERE e.owner_id IN ({members}) AND e.occurred_on >= :since "
            "AND e.stage IN ('interview', 'rejected', 'offer')",
            params,
        ):
            kind = {"interview": "interview", "rejected": "no", "offer": "offer"}[r["stage"]]
            monthly[int(r["owner_id"])].add(f"{kind}:{r['month']}")
        facts = []
        for owner, groups in people.items():
            start = first_applied.get(owner)
            facts.append(
                MemberFacts(
                    groups=tuple(sorted(groups)),
                    furthest=furthest.get(owner, 1 if start else 0),
                    noes=frozenset(noes.get(owner, ())),
                    themes=frozenset(themes.get(owner, ())),
                    months=frozenset(
                        m for m in monthly.get(owner, ()) if m.split(":")[1] in months
                    ),
                    days_to_interview=_days(start, first_interview.get(owner)),
                    days_to_offer=_days(start, first_offer.get(owner)),
                )
            )
        return facts

    def _month(self, column: str) -> str:
        if self.db.dialect == "postgresql":
            return f"to_char({column}, 'YYYY-MM')"
        return f"substr({column}, 1, 7)"

    def archived(self, organisation_id: int) -> list[MemberFacts]:
        rows = self.db.query(
            "SELECT groups, facts FROM cohort_archive WHERE organisation_id = :org",
            {"org": organisation_id},
        )
        return [
            MemberFacts.from_record(from_json(r["groups"], []), from_json(r["facts"], {}))
            for r in rows
        ]

    def archive(self, organisation_id: int, facts: MemberFacts) -> None:
        groups, record = facts.to_record()
        self.db.execute(
            "INSERT INTO cohort_archive (organisation_id, groups, facts) VALUES (:org, :g, :f)",
            {"org": organisation_id, "g": to_json(groups), "f": to_json(record)},
        )

    def facts_of(
        self, organisation_id: int, user_id: int, months: list[str], since: date
    ) -> MemberFacts | None:
        """One member's facts (for the archive, when they leave)."""
        found = self.member_facts(organisation_id, months, since, only=user_id)
        return found[0] if found else None


def _days(start: date | None, end: date | None) -> int | None:
    if start is None or end is None:
        return None
    return max(0, (end - start).days)
