"""Contacts: the people around a search, and their ties to applications."""

from __future__ import annotations

from datetime import date, datetime

from nextyes.domain.companies import company_key
from nextyes.domain.models import ApplicationContact, Contact, NewContact, Relation
from nextyes.storage.convert import as_date_or_none
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

COLUMNS = "id, owner_id, name, relation, company, email, phone, how_met, notes, next_follow_up_on"


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
        return [ApplicationContact(to_contact(row), row["link_role"]) for row in rows]
