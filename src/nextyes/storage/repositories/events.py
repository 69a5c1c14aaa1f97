"""Stage events: the timeline an application's current stage is derived from."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from nextyes.domain.models import Origin, StageEvent
from nextyes.domain.stages import Stage
from nextyes.storage.convert import as_bool, as_date, as_datetime_or_none
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

if TYPE_CHECKING:  # what a person gives, defined only by the commands that add
    from nextyes.domain.inputs import NewStageEvent

COLUMNS = (
    "id, application_id, stage, occurred_on, from_stage, round, note, reason, correction, "
    "origin, recorded_at"
)


def to_event(row: Row) -> StageEvent:
    return StageEvent(
        id=row["id"],
        application_id=row["application_id"],
        stage=Stage(row["stage"]),
        occurred_on=as_date(row["occurred_on"]),
        from_stage=Stage(row["from_stage"]) if row["from_stage"] else None,
        round=row["round"],
        note=row["note"],
        reason=row["reason"],
        correction=as_bool(row["correction"]),
        origin=Origin(row["origin"]),
        recorded_at=as_datetime_or_none(row["recorded_at"]),
    )


class StageEventRepository(Repository):
    def add(self, new: NewStageEvent, now: datetime, source_ref: str | None = None) -> StageEvent:
        event_id = self.db.insert(
            "INSERT INTO stage_events (owner_id, application_id, stage, occurred_on, from_stage, "
            "round, note, reason, correction, origin, source_ref, recorded_at) VALUES (:owner, "
            ":app, :stage, :on, :from_stage, :round, :note, :reason, :correction, :origin, "
            ":ref, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "app": new.application_id,
                "stage": new.stage.value,
                "on": new.occurred_on,
                "from_stage": new.from_stage.value if new.from_stage else None,
                "round": new.round,
                "note": new.note,
                "reason": new.reason,
                "correction": new.correction,
                "origin": new.origin.value,
                "ref": source_ref,
                "now": now,
            },
        )
        return StageEvent(
            id=event_id,
            application_id=new.application_id,
            stage=new.stage,
            occurred_on=new.occurred_on,
            from_stage=new.from_stage,
            round=new.round,
            note=new.note,
            reason=new.reason,
            correction=new.correction,
            origin=new.origin,
            recorded_at=now,
        )

    def for_application(self, application_id: int) -> list[StageEvent]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM stage_events WHERE application_id = :app AND owner_id = :owner "
            "ORDER BY occurred_on, id",
            {"app": application_id, "owner": self.owner_id},
        )
        return [to_event(row) for row in rows]

    def for_applications(self, ids: Sequence[int]) -> dict[int, list[StageEvent]]:
        result: dict[int, list[StageEvent]] = {i: [] for i in ids}
        if not ids:
            return result
        names = {f"i{n}": value for n, value in enumerate(ids)}
        marks = ", ".join(":" + k for k in names)
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM stage_events WHERE owner_id = :owner "
            f"AND application_id IN ({marks}) ORDER BY occurred_on, id",
            {"owner": self.owner_id, **names},
        )
        for row in rows:
            result[row["application_id"]].append(to_event(row))
        return result

    def with_stage_between(
        self, stages: Sequence[Stage], start: date, end: date
    ) -> list[StageEvent]:
        """Events reaching any of `stages` on days start..end (inclusive)."""
        names = {f"s{n}": s.value for n, s in enumerate(stages)}
        marks = ", ".join(":" + k for k in names)
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM stage_events WHERE owner_id = :owner AND stage IN ({marks}) "
            "AND occurred_on BETWEEN :start AND :end ORDER BY occurred_on, id",
            {"owner": self.owner_id, "start": start, "end": end, **names},
        )
        return [to_event(row) for row in rows]

    def rejections_of_company(self, key: str, since: date) -> list[StageEvent]:
        rows = self.db.query(
            "SELECT e.id, e.application_id, e.stage, e.occurred_on, e.from_stage, e.round, e.note, "
            "e.reason, e.correction, e.origin, e.recorded_at FROM stage_events e "
            "JOIN applications a ON a.id = e.application_id "
            "WHERE e.owner_id = :owner AND a.company_key = :key AND e.stage = 'rejected' "
            "AND e.occurred_on >= :since ORDER BY e.occurred_on DESC",
            {"owner": self.owner_id, "key": key, "since": since},
        )
        return [to_event(row) for row in rows]

    def all(self) -> list[StageEvent]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM stage_events WHERE owner_id = :owner ORDER BY occurred_on, id",
            {"owner": self.owner_id},
        )
        return [to_event(row) for row in rows]
