"""Self-care entries, moods (logged, or recorded around a reflection) and the why statement."""

from __future__ import annotations

from datetime import date, datetime

from nextyes.domain.wellbeing import CareEntry, CareKind, MoodEntry, WhyStatement
from nextyes.storage.convert import as_date, as_date_or_none, as_datetime
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

CARE_COLUMNS = "id, occurred_on, kind, minutes, note"


def to_care(row: Row) -> CareEntry:
    return CareEntry(
        id=row["id"],
        occurred_on=as_date(row["occurred_on"]),
        kind=CareKind(row["kind"]),
        minutes=row["minutes"],
        note=row["note"],
    )


class CareRepository(Repository):
    def add(
        self, on: date, kind: CareKind, minutes: int | None, note: str | None, now: datetime
    ) -> int:
        return self.db.insert(
            "INSERT INTO care_entries (owner_id, occurred_on, kind, minutes, note, created_at) "
            "VALUES (:owner, :on, :kind, :minutes, :note, :now) RETURNING id",
            {"owner": self.owner_id, "on": on, "kind": kind.value, "minutes": minutes,
             "note": note, "now": now},
        )  # fmt: skip

    def between(self, start: date, end: date) -> list[CareEntry]:
        rows = self.db.query(
            f"SELECT {CARE_COLUMNS} FROM care_entries WHERE owner_id = :owner "
            "AND occurred_on BETWEEN :start AND :end ORDER BY occurred_on DESC, id DESC",
            {"owner": self.owner_id, "start": start, "end": end},
        )
        return [to_care(row) for row in rows]

    def last_on(self, until: date) -> date | None:
        return as_date_or_none(
            self.db.scalar(
                "SELECT max(occurred_on) FROM care_entries WHERE owner_id = :owner "
                "AND occurred_on <= :until",
                {"owner": self.owner_id, "until": until},
            )
        )


MOOD_COLUMNS = "id, recorded_at, score, note, application_id, context"


def to_mood(row: Row) -> MoodEntry:
    return MoodEntry(
        id=row["id"],
        recorded_at=as_datetime(row["recorded_at"]),
        score=int(row["score"]),
        note=row["note"],
        application_id=row["application_id"],
        context=row["context"],
    )


class MoodRepository(Repository):
    """Moods: logged with `nextyes mood`, and before and after a reflection."""

    def add(
        self,
        score: int,
        recorded_at: datetime,
        now: datetime,
        *,
        application_id: int | None = None,
        context: str | None = None,
        note: str | None = None,
    ) -> int:
        return self.db.insert(
            "INSERT INTO moods (owner_id, application_id, recorded_at, score, note, context, "
            "created_at) VALUES (:owner, :app, :at, :score, :note, :context, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "app": application_id,
                "at": recorded_at,
                "score": score,
                "note": note,
                "context": context,
                "now": now,
            },
        )

    def between(self, start: datetime, end: datetime) -> list[MoodEntry]:
        """Moods recorded from `start` up to (not including) `end`, newest first."""
        rows = self.db.query(
            f"SELECT {MOOD_COLUMNS} FROM moods WHERE owner_id = :owner "
            "AND recorded_at >= :start AND recorded_at < :end ORDER BY recorded_at DESC, id DESC",
            {"owner": self.owner_id, "start": start, "end": end},
        )
        return [to_mood(row) for row in rows]

    def latest(self, limit: int, until: datetime) -> list[MoodEntry]:
        """The last `limit` moods recorded before `until`, newest first."""
        rows = self.db.query(
            f"SELECT {MOOD_COLUMNS} FROM moods WHERE owner_id = :owner AND recorded_at < :until "
            "ORDER BY recorded_at DESC, id DESC LIMIT :limit",
            {"owner": self.owner_id, "until": until, "limit": limit},
        )
        return [to_mood(row) for row in rows]


class WhyRepository(Repository):
    def add(self, text: str, set_on: date, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO why_statements (owner_id, text, set_on, created_at) "
            "VALUES (:owner, :text, :on, :now) RETURNING id",
            {"owner": self.owner_id, "text": text, "on": set_on, "now": now},
        )

    def history(self) -> list[WhyStatement]:
        """Every why written, newest first."""
        rows = self.db.query(
            "SELECT id, text, set_on FROM why_statements WHERE owner_id = :owner "
            "ORDER BY set_on DESC, id DESC",
            {"owner": self.owner_id},
        )
        return [WhyStatement(row["id"], row["text"], as_date(row["set_on"])) for row in rows]

    def current(self) -> WhyStatement | None:
        row = self.db.one(
            "SELECT id, text, set_on FROM why_statements WHERE owner_id = :owner "
            "ORDER BY set_on DESC, id DESC LIMIT 1",
            {"owner": self.owner_id},
        )
        return None if row is None else WhyStatement(row["id"], row["text"], as_date(row["set_on"]))
