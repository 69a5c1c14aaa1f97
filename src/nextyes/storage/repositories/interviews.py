"""Interviews (and scheduled assessments) and the questions asked in them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from nextyes.domain.models import Interview, InterviewKind
from nextyes.storage.convert import as_bool, as_date, as_time_or_none, from_json, to_json
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

if TYPE_CHECKING:  # defined only by the commands that add interviews or read questions
    from nextyes.domain.detail import Question
    from nextyes.domain.inputs import NewInterview

COLUMNS = (
    "id, application_id, round, kind, scheduled_on, scheduled_time, duration_minutes, "
    "location, interviewers, notes"
)
QUESTION_COLUMNS = "id, application_id, interview_id, text, hard, theme, notes"


def to_interview(row: Row) -> Interview:
    return Interview(
        id=row["id"],
        application_id=row["application_id"],
        round=row["round"],
        kind=InterviewKind(row["kind"]),
        scheduled_on=as_date(row["scheduled_on"]),
        scheduled_time=as_time_or_none(row["scheduled_time"]),
        duration_minutes=row["duration_minutes"],
        location=row["location"],
        interviewers=tuple(from_json(row["interviewers"], [])),
        notes=row["notes"],
    )


def to_question(row: Row) -> Question:
    from nextyes.domain.detail import Question  # `today` reads no question: defined when used

    return Question(
        id=row["id"],
        application_id=row["application_id"],
        interview_id=row["interview_id"],
        text=row["text"],
        hard=as_bool(row["hard"]),
        theme=row["theme"],
        notes=row["notes"],
    )


class InterviewRepository(Repository):
    def add(self, new: NewInterview, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO interviews (owner_id, application_id, round, kind, scheduled_on, "
            "scheduled_time, duration_minutes, location, interviewers, notes, created_at) VALUES "
            "(:owner, :app, :round, :kind, :on, :time, :minutes, :location, :people, :notes, "
            ":now) RETURNING id",
            {
                "owner": self.owner_id,
                "app": new.application_id,
                "round": new.round,
                "kind": new.kind.value,
                "on": new.scheduled_on,
                "time": new.scheduled_time.strftime("%H:%M") if new.scheduled_time else None,
                "minutes": new.duration_minutes,
                "location": new.location,
                "people": to_json(list(new.interviewers)) if new.interviewers else None,
                "notes": new.notes,
                "now": now,
            },
        )

    def get(self, interview_id: int) -> Interview | None:
        row = self.db.one(
            f"SELECT {COLUMNS} FROM interviews WHERE id = :id AND owner_id = :owner",
            {"id": interview_id, "owner": self.owner_id},
        )
        return None if row is None else to_interview(row)

    def for_application(self, application_id: int) -> list[Interview]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM interviews WHERE application_id = :app AND owner_id = :owner "
            "ORDER BY scheduled_on, id",
            {"app": application_id, "owner": self.owner_id},
        )
        return [to_interview(row) for row in rows]

    def between(self, start: date, end: date) -> list[Interview]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM interviews WHERE owner_id = :owner "
            "AND scheduled_on BETWEEN :start AND :end ORDER BY scheduled_on, scheduled_time, id",
            {"owner": self.owner_id, "start": start, "end": end},
        )
        return [to_interview(row) for row in rows]

    def update_details(
        self,
        interview_id: int,
        *,
        interviewers: tuple[str, ...] | None = None,
        notes: str | None = None,
    ) -> None:
        if interviewers is not None:
            self.db.execute(
                "UPDATE interviews SET interviewers = :people WHERE id = :id AND owner_id = :owner",
                {"people": to_json(list(interviewers)), "id": interview_id, "owner": self.owner_id},
            )
        if notes is not None:
            self.db.execute(
                "UPDATE interviews SET notes = :notes WHERE id = :id AND owner_id = :owner",
                {"notes": notes, "id": interview_id, "owner": self.owner_id},
            )

    def update(self, interview_id: int, fields: dict[str, Any]) -> None:
        """Change some of an interview's details (the keys are NewInterview's field names)."""
        allowed = {
            "round", "kind", "scheduled_on", "scheduled_time", "duration_minutes", "location",
            "interviewers", "notes",
        }  # fmt: skip
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        values = dict(fields)
        if "kind" in values:
            values["kind"] = values["kind"].value
        if "scheduled_time" in values and values["scheduled_time"] is not None:
            values["scheduled_time"] = values["scheduled_time"].strftime("%H:%M")
        if "interviewers" in values:
            people = list(values["interviewers"] or ())
            values["interviewers"] = to_json(people) if people else None
        if not values:
            return
        sets = ", ".join(f"{name} = :{name}" for name in values)
        self.db.execute(
            f"UPDATE interviews SET {sets} WHERE id = :id AND owner_id = :owner",
            {**values, "id": interview_id, "owner": self.owner_id},
        )

    def delete(self, interview_id: int) -> None:
        self.db.execute(
            "DELETE FROM interviews WHERE id = :id AND owner_id = :owner",
            {"id": interview_id, "owner": self.owner_id},
        )


class QuestionRepository(Repository):
    def add(
        self,
        application_id: int,
        text: str,
        now: datetime,
        *,
        interview_id: int | None = None,
        hard: bool = False,
        theme: str | None = None,
        notes: str | None = None,
    ) -> int:
        return self.db.insert(
            "INSERT INTO interview_questions (owner_id, application_id, interview_id, text, hard, "
            "theme, notes, created_at) VALUES (:owner, :app, :interview, :text, :hard, :theme, "
            ":notes, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "app": application_id,
                "interview": interview_id,
                "text": text,
                "hard": hard,
                "theme": theme,
                "notes": notes,
                "now": now,
            },
        )

    def for_application(self, application_id: int) -> list[Question]:
        rows = self.db.query(
            f"SELECT {QUESTION_COLUMNS} FROM interview_questions WHERE application_id = :app "
            "AND owner_id = :owner ORDER BY id",
            {"app": application_id, "owner": self.owner_id},
        )
        return [to_question(row) for row in rows]

    def hard_ones(self) -> list[Question]:
        rows = self.db.query(
            f"SELECT {QUESTION_COLUMNS} FROM interview_questions WHERE owner_id = :owner "
            "AND hard = :hard ORDER BY id DESC",
            {"owner": self.owner_id, "hard": True},
        )
        return [to_question(row) for row in rows]

    def set_hard(self, question_id: int, hard: bool) -> int:
        return self.db.execute(
            "UPDATE interview_questions SET hard = :hard WHERE id = :id AND owner_id = :owner",
            {"hard": hard, "id": question_id, "owner": self.owner_id},
        )

    def get(self, question_id: int) -> Question | None:
        row = self.db.one(
            f"SELECT {QUESTION_COLUMNS} FROM interview_questions WHERE id = :id "
            "AND owner_id = :owner",
            {"id": question_id, "owner": self.owner_id},
        )
        return None if row is None else to_question(row)

    def update(
        self, question_id: int, text: str, hard: bool, notes: str | None, interview_id: int | None
    ) -> None:
        self.db.execute(
            "UPDATE interview_questions SET text = :text, hard = :hard, notes = :notes, "
            "interview_id = :interview WHERE id = :id AND owner_id = :owner",
            {
                "text": text,
                "hard": hard,
                "notes": notes,
                "interview": interview_id,
                "id": question_id,
                "owner": self.owner_id,
            },
        )

    def delete(self, question_id: int) -> None:
        self.db.execute(
            "DELETE FROM interview_questions WHERE id = :id AND owner_id = :owner",
            {"id": question_id, "owner": self.owner_id},
        )
