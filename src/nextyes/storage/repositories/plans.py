"""Plan items: what the user is working on, with the evidence for it (a JSON list)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from nextyes.domain.plan import Evidence, EvidenceKind, NewPlanItem, PlanItem, PlanKind, PlanStatus
from nextyes.storage.convert import as_date, as_date_or_none, from_json, to_json
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

COLUMNS = (
    "id, theme, kind, title, detail, status, action_key, source_feedback_id, "
    "source_application_id, evidence, created_on, started_on, finished_on, dropped_on"
)
_DATE_COLUMNS = {
    PlanStatus.STARTED: "started_on",
    PlanStatus.DONE: "finished_on",
    PlanStatus.DROPPED: "dropped_on",
}


def to_plan_item(row: Row) -> PlanItem:
    return PlanItem(
        id=row["id"],
        title=row["title"],
        kind=PlanKind(row["kind"]),
        status=PlanStatus(row["status"]),
        created_on=as_date(row["created_on"]),
        theme=row["theme"],
        detail=row["detail"],
        action_key=row["action_key"],
        source_feedback_id=row["source_feedback_id"],
        source_application_id=row["source_application_id"],
        evidence=tuple(
            Evidence(as_date(e["on"]), e["text"], EvidenceKind(e.get("kind", "note")))
            for e in from_json(row["evidence"], [])
        ),
        started_on=as_date_or_none(row["started_on"]),
        finished_on=as_date_or_none(row["finished_on"]),
        dropped_on=as_date_or_none(row["dropped_on"]),
    )


def _evidence_json(evidence: Sequence[Evidence]) -> str:
    return to_json([{"on": e.on.isoformat(), "text": e.text, "kind": e.kind.value}
                    for e in evidence])  # fmt: skip


class PlanRepository(Repository):
    def add(self, new: NewPlanItem, created_on: date, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO plan_items (owner_id, theme, kind, title, detail, status, action_key, "
            "source_feedback_id, source_application_id, evidence, created_on, updated_at) "
            "VALUES (:owner, :theme, :kind, :title, :detail, :status, :key, :feedback, :app, "
            ":evidence, :created_on, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "theme": new.theme,
                "kind": new.kind.value,
                "title": new.title,
                "detail": new.detail,
                "status": PlanStatus.PLANNED.value,
                "key": new.action_key,
                "feedback": new.source_feedback_id,
                "app": new.source_application_id,
                "evidence": _evidence_json(()),
                "created_on": created_on,
                "now": now,
            },
        )

    def get(self, item_id: int) -> PlanItem | None:
        row = self.db.one(
            f"SELECT {COLUMNS} FROM plan_items WHERE id = :id AND owner_id = :owner",
            {"id": item_id, "owner": self.owner_id},
        )
        return None if row is None else to_plan_item(row)

    def find(self, statuses: Sequence[PlanStatus] = ()) -> list[PlanItem]:
        params: dict[str, object] = {"owner": self.owner_id}
        where = "owner_id = :owner"
        if statuses:
            names = {f"s{n}": s.value for n, s in enumerate(statuses)}
            where += f" AND status IN ({', '.join(':' + k for k in names)})"
            params.update(names)
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM plan_items WHERE {where} ORDER BY created_on, id", params
        )
        return [to_plan_item(row) for row in rows]

    def action_keys(self) -> set[str]:
        """Library actions already in the plan, whatever their status."""
        rows = self.db.query(
            "SELECT DISTINCT action_key FROM plan_items WHERE owner_id = :owner "
            "AND action_key IS NOT NULL",
            {"owner": self.owner_id},
        )
        return {row["action_key"] for row in rows}

    def set_status(self, item_id: int, status: PlanStatus, on: date, now: datetime) -> None:
        column = _DATE_COLUMNS[status]
        started = ", started_on = COALESCE(started_on, :on)" if status is PlanStatus.DONE else ""
        self.db.execute(
            f"UPDATE plan_items SET status = :status, {column} = :on{started}, updated_at = :now "
            "WHERE id = :id AND owner_id = :owner",
            {"status": status.value, "on": on, "now": now, "id": item_id, "owner": self.owner_id},
        )

    def set_evidence(self, item_id: int, evidence: Sequence[Evidence], now: datetime) -> None:
        self.db.execute(
            "UPDATE plan_items SET evidence = :evidence, updated_at = :now "
            "WHERE id = :id AND owner_id = :owner",
            {"evidence": _evidence_json(evidence), "now": now, "id": item_id,
             "owner": self.owner_id},
        )  # fmt: skip
