"""Free notes on an application (private ones stay out of anything shared)."""

from __future__ import annotations

from datetime import date, datetime

from nextyes.domain.models import Note
from nextyes.storage.convert import as_bool, as_date
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository


def to_note(row: Row) -> Note:
    return Note(
        id=row["id"],
        application_id=row["application_id"],
        written_on=as_date(row["written_on"]),
        text=row["text"],
        private=as_bool(row["private"]),
    )


class NoteRepository(Repository):
    def add(
        self, application_id: int, text: str, written_on: date, now: datetime, private: bool = False
    ) -> int:
        return self.db.insert(
            "INSERT INTO notes (owner_id, application_id, written_on, text, private, created_at) "
            "VALUES (:owner, :app, :on, :text, :private, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "app": application_id,
                "on": written_on,
                "text": text,
                "private": private,
                "now": now,
            },
        )

    def for_application(self, application_id: int) -> list[Note]:
        rows = self.db.query(
            "SELECT id, application_id, written_on, text, private FROM notes "
            "WHERE application_id = :app AND owner_id = :owner ORDER BY written_on, id",
            {"app": application_id, "owner": self.owner_id},
        )
        return [to_note(row) for row in rows]

    def get(self, note_id: int) -> Note | None:
        row = self.db.one(
            "SELECT id, application_id, written_on, text, private FROM notes "
            "WHERE id = :id AND owner_id = :owner",
            {"id": note_id, "owner": self.owner_id},
        )
        return None if row is None else to_note(row)

    def update(self, note_id: int, text: str, private: bool) -> None:
        self.db.execute(
            "UPDATE notes SET text = :text, private = :private WHERE id = :id AND owner_id = :owner",
            {"text": text, "private": private, "id": note_id, "owner": self.owner_id},
        )

    def delete(self, note_id: int) -> None:
        self.db.execute(
            "DELETE FROM notes WHERE id = :id AND owner_id = :owner",
            {"id": note_id, "owner": self.owner_id},
        )
