"""Contacts: the people around a search, and their ties to applications."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from nextyes.domain.companies import company_key
from nextyes.domain.models import Application, Contact, Relation
from nextyes.storage.convert import as_date, as_date_or_none
from nextyes.storage.db import Row
from nextyes.storage.repositories.applications import COLUMNS as APPLICATION_COLUMNS
from nextyes.storage.repositories.applications import to_application
from nextyes.storage.repositories.base import Repository, like_pattern

if TYPE_CHECKING:  # defined only by the commands that add contacts or show an application
    from nextyes.domain.detail import ApplicationContact
    from nextyes.domain.inputs import NewContact

if TYPE_CHECKING:  # interactions are imported when used: `today` reads contacts, not them
    from nextyes.domain.contacts import ContactChanges, Interaction, InteractionKind

COLUMNS = "id, owner_id, name, relation, company, email, phone, how_met, notes, next_follow_up_on"
INTERACTION_COLUMNS = "id, contact_id, occurred_on, kind, note, application_id"


def to_interaction(row: Row) -> Interaction:
    from nextyes.domain.contacts import Interaction, InteractionKind

    return Interaction(
        id=row["id"],
        contact_id=row["contact_id"],
        occurred_on=as_date(row["occurred_on"]),
        kind=InteractionKind(row["kind"]),
        note=row["note"],
        application_id=row["application_id"],
    )


def to_contact(row: Row) -> Contact:
    return Contact(
        id=row["id"],
        owner_id=row["owner_id"],
        name=row["name"],
        relation=Relation(row["relation"]),
        company=row["company"],
        email=row["email"],
        phone=row["phone"],
        how_met=row["how_met"],
        notes=row["notes"],
        next_follow_up_on=as_date_or_none(row["next_follow_up_on"]),
    )


class ContactRepository(Repository):
    def add(self, new: NewContact, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO contacts (owner_id, name, relation, company, company_key, email, phone, "
            "how_met, notes, next_follow_up_on, created_at, updated_at) VALUES (:owner, :name, "
            ":relation, :company, :key, :email, :phone, :how_met, :notes, :follow_up, :now, :now) "
            "RETURNING id",
            {
                "owner": self.owner_id,
                "name": new.name,
                "relation": new.relation.value,
                "company": new.company,
                "key": company_key(new.company) if new.company else None,
                "email": new.email,
                "phone": new.phone,
                "how_met": new.how_met,
                "notes": new.notes,
                "follow_up": new.next_follow_up_on,
                "now": now,
            },
        )

    def get(self, contact_id: int) -> Contact | None:
        row = self.db.one(
            f"SELECT {COLUMNS} FROM contacts WHERE id = :id AND owner_id = :owner",
            {"id": contact_id, "owner": self.owner_id},
        )
        return None if row is None else to_contact(row)

    def find_by_name(self, name: str) -> list[Contact]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM contacts WHERE owner_id = :owner AND lower(name) = lower(:name) "
            "ORDER BY id",
            {"owner": self.owner_id, "name": name.strip()},
        )
        return [to_contact(row) for row in rows]

    def all(self) -> list[Contact]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM contacts WHERE owner_id = :owner ORDER BY lower(name), id",
            {"owner": self.owner_id},
        )
        return [to_contact(row) for row in rows]

    def follow_ups_due(self, day: date) -> list[Contact]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM contacts WHERE owner_id = :owner "
            "AND next_follow_up_on <= :day ORDER BY next_follow_up_on, id",
            {"owner": self.owner_id, "day": day},
        )
        return [to_contact(row) for row in rows]

    def link(self, application_id: int, contact_id: int, role: str) -> None:
        self.db.execute(
            "INSERT INTO application_contacts (owner_id, application_id, contact_id, role) "
            "VALUES (:owner, :app, :contact, :role) "
            "ON CONFLICT (application_id, contact_id, role) DO NOTHING",
            {"owner": self.owner_id, "app": application_id, "contact": contact_id, "role": role},
        )

    def for_application(self, application_id: int) -> list[ApplicationContact]:
        rows = self.db.query(
            "SELECT c.id, c.owner_id, c.name, c.relation, c.company, c.email, c.phone, c.how_met, "
            "c.notes, c.next_follow_up_on, ac.role AS link_role FROM application_contacts ac "
            "JOIN contacts c ON c.id = ac.contact_id "
            "WHERE ac.application_id = :app AND ac.owner_id = :owner ORDER BY ac.id",
            {"app": application_id, "owner": self.owner_id},
        )
        from nextyes.domain.detail import ApplicationContact  # defined when used

        return [ApplicationContact(to_contact(row), row["link_role"]) for row in rows]

    def matching(self, text: str, limit: int = 5) -> list[Contact]:
        """Contacts whose name contains `text` (for "did you mean")."""
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM contacts WHERE owner_id = :owner "
            "AND lower(name) LIKE lower(:pattern) ESCAPE '\\' ORDER BY lower(name), id LIMIT :limit",
            {"owner": self.owner_id, "pattern": like_pattern(text.strip()), "limit": limit},
        )
        return [to_contact(row) for row in rows]

    def update(self, contact_id: int, changes: ContactChanges, now: datetime) -> None:
        values: dict[str, Any] = {
            name: getattr(changes, name)
            for name in ("name", "company", "email", "phone", "how_met", "notes",
                         "next_follow_up_on")
            if getattr(changes, name) is not None
        }  # fmt: skip
        if changes.relation is not None:
            values["relation"] = changes.relation.value
        values.update(dict.fromkeys(changes.cleared))
        if "company" in values:
            company = values["company"]
            values["company_key"] = company_key(company) if company is not None else None
        sets = ", ".join(f"{name} = :{name}" for name in values)
        self.db.execute(
            f"UPDATE contacts SET {sets + ', ' if sets else ''}updated_at = :now "
            "WHERE id = :id AND owner_id = :owner",
            {**values, "now": now, "id": contact_id, "owner": self.owner_id},
        )

    def set_follow_up(self, contact_id: int, day: date | None, now: datetime) -> None:
        self.db.execute(
            "UPDATE contacts SET next_follow_up_on = :day, updated_at = :now "
            "WHERE id = :id AND owner_id = :owner",
            {"day": day, "now": now, "id": contact_id, "owner": self.owner_id},
        )

    def add_interaction(
        self,
        contact_id: int,
        on: date,
        kind: InteractionKind,
        note: str | None,
        now: datetime,
        application_id: int | None = None,
    ) -> int:
        return self.db.insert(
            "INSERT INTO contact_interactions (owner_id, contact_id, application_id, occurred_on, "
            "kind, note, created_at) VALUES (:owner, :contact, :app, :on, :kind, :note, :now) "
            "RETURNING id",
            {"owner": self.owner_id, "contact": contact_id, "app": application_id, "on": on,
             "kind": kind.value, "note": note, "now": now},
        )  # fmt: skip

    def interactions(self, contact_id: int) -> list[Interaction]:
        """A contact's interactions, newest first."""
        rows = self.db.query(
            f"SELECT {INTERACTION_COLUMNS} FROM contact_interactions WHERE contact_id = :contact "
            "AND owner_id = :owner ORDER BY occurred_on DESC, id DESC",
            {"contact": contact_id, "owner": self.owner_id},
        )
        return [to_interaction(row) for row in rows]

    def last_interactions(self) -> dict[int, date]:
        """Each contact's latest interaction day."""
        rows = self.db.query(
            "SELECT contact_id, max(occurred_on) AS last FROM contact_interactions "
            "WHERE owner_id = :owner GROUP BY contact_id",
            {"owner": self.owner_id},
        )
        return {row["contact_id"]: as_date(row["last"]) for row in rows}

    def applications_of(self, contact_id: int) -> list[tuple[Application, str]]:
        """Applications this person is tied to, and how (referrer, recruiter, interviewer...)."""
        columns = ", ".join(f"a.{c.strip()}" for c in APPLICATION_COLUMNS.split(","))
        rows = self.db.query(
            f"SELECT {columns}, ac.role AS link_role FROM application_contacts ac "
            "JOIN applications a ON a.id = ac.application_id "
            "WHERE ac.contact_id = :contact AND ac.owner_id = :owner "
            f"UNION SELECT {columns}, 'referrer' AS link_role FROM applications a "
            "WHERE a.referral_contact_id = :contact AND a.owner_id = :owner",
            {"contact": contact_id, "owner": self.owner_id},
        )
        seen: dict[tuple[int, str], tuple[Application, str]] = {}
        for row in rows:
            seen.setdefault((row["id"], row["link_role"]), (to_application(row), row["link_role"]))
        return sorted(seen.values(), key=lambda pair: (pair[0].last_activity_on, pair[0].id),
                      reverse=True)  # fmt: skip
