"""Feedback that came back about an application (from an interviewer, a recruiter, or oneself)."""

from __future__ import annotations

from datetime import date, datetime

from nextyes.domain.recovery import FeedbackRow
from nextyes.storage.convert import as_date, from_json, to_json
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

COLUMNS = "id, application_id, text, giver, received_on, themes, controllable, origin"


def to_feedback(row: Row) -> FeedbackRow:
    return FeedbackRow(
        id=row["id"],
        application_id=row["application_id"],
        text=row["text"],
        giver=row["giver"],
        received_on=as_date(row["received_on"]),
        themes=tuple(from_json(row["themes"], [])),
        controllable=row["controllable"],
        origin=row["origin"],
    )


class FeedbackRepository(Repository):
    def add(
        self,
        application_id: int | None,
        text: str,
        giver: str,
        received_on: date,
        now: datetime,
        *,
        origin: str,
        themes: tuple[str, ...] | None = None,
        scores: dict[str, float] | None = None,
        controllable: str | None = None,
    ) -> int:
        return self.db.insert(
            "INSERT INTO feedback (owner_id, application_id, text, giver, received_on, themes, "
            "scores, controllable, origin, created_at) VALUES (:owner, :app, :text, :giver, :on, "
            ":themes, :scores, :controllable, :origin, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "app": application_id,
                "text": text,
                "giver": giver,
                "on": received_on,
                "themes": to_json(list(themes)) if themes is not None else None,
                "scores": to_json(scores) if scores is not None else None,
                "controllable": controllable,
                "origin": origin,
                "now": now,
            },
        )

    def for_application(self, application_id: int) -> list[FeedbackRow]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM feedback WHERE application_id = :app AND owner_id = :owner "
            "ORDER BY received_on, id",
            {"app": application_id, "owner": self.owner_id},
        )
        return [to_feedback(row) for row in rows]

    def all(self) -> list[FeedbackRow]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM feedback WHERE owner_id = :owner ORDER BY received_on, id",
            {"owner": self.owner_id},
        )
        return [to_feedback(row) for row in rows]

    def get(self, feedback_id: int) -> FeedbackRow | None:
        row = self.db.one(
            f"SELECT {COLUMNS} FROM feedback WHERE id = :id AND owner_id = :owner",
            {"id": feedback_id, "owner": self.owner_id},
        )
        return None if row is None else to_feedback(row)
