"""Practice sessions: a question practised on a day, with a self-rating and notes."""

from __future__ import annotations

from datetime import date, datetime

from nextyes.domain.practice import PracticeSession
from nextyes.storage.convert import as_date
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

COLUMNS = "id, practiced_on, question_key, question_text, theme, rating, notes, plan_item_id"


def to_session(row: Row) -> PracticeSession:
    return PracticeSession(
        id=row["id"],
        practiced_on=as_date(row["practiced_on"]),
        question_text=row["question_text"],
        question_key=row["question_key"],
        theme=row["theme"],
        rating=row["rating"],
        notes=row["notes"],
        plan_item_id=row["plan_item_id"],
    )


class PracticeRepository(Repository):
    def add(
        self,
        practiced_on: date,
        question_text: str,
        now: datetime,
        *,
        question_key: str | None = None,
        theme: str | None = None,
        rating: int | None = None,
        notes: str | None = None,
        plan_item_id: int | None = None,
    ) -> int:
        return self.db.insert(
            "INSERT INTO practice_sessions (owner_id, practiced_on, question_key, question_text, "
            "theme, rating, notes, plan_item_id, created_at) VALUES (:owner, :on, :key, :text, "
            ":theme, :rating, :notes, :plan, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "on": practiced_on,
                "key": question_key,
                "text": question_text,
                "theme": theme,
                "rating": rating,
                "notes": notes,
                "plan": plan_item_id,
                "now": now,
            },
        )

    def get(self, session_id: int) -> PracticeSession | None:
        row = self.db.one(
            f"SELECT {COLUMNS} FROM practice_sessions WHERE id = :id AND owner_id = :owner",
            {"id": session_id, "owner": self.owner_id},
        )
        return None if row is None else to_session(row)

    def since(self, day: date) -> list[PracticeSession]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM practice_sessions WHERE owner_id = :owner "
            "AND practiced_on >= :day ORDER BY practiced_on, id",
            {"owner": self.owner_id, "day": day},
        )
        return [to_session(row) for row in rows]

    def recent(self, limit: int) -> list[PracticeSession]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM practice_sessions WHERE owner_id = :owner "
            "ORDER BY practiced_on DESC, id DESC LIMIT :limit",
            {"owner": self.owner_id, "limit": limit},
        )
        return [to_session(row) for row in rows]
