"""Weekly goals, and the daily counts they are measured against."""

from __future__ import annotations

from datetime import date, datetime

from nextyes.domain.goals import Goal, Metric
from nextyes.storage.convert import as_date, as_date_or_none
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

COLUMNS = "id, metric, target, period, starts_on, ended_on"

# metric -> (table, date column, extra condition, what is counted)
_COUNTED = {
    Metric.APPLICATIONS: (
        "stage_events", "occurred_on", "AND stage = 'applied' AND correction = :no",
        "count(DISTINCT application_id)",
    ),
    Metric.NETWORKING: ("contact_interactions", "occurred_on", "", "count(*)"),
    Metric.PRACTICE: ("practice_sessions", "practiced_on", "", "count(*)"),
}  # fmt: skip


def to_goal(row: Row) -> Goal:
    return Goal(
        id=row["id"],
        metric=Metric(row["metric"]),
        target=int(row["target"]),
        starts_on=as_date(row["starts_on"]),
        ended_on=as_date_or_none(row["ended_on"]),
        period=row["period"],
    )


class GoalRepository(Repository):
    def add(self, metric: Metric, target: int, starts_on: date, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO goals (owner_id, metric, target, period, starts_on, created_at) "
            "VALUES (:owner, :metric, :target, 'week', :starts_on, :now) RETURNING id",
            {"owner": self.owner_id, "metric": metric.value, "target": target,
             "starts_on": starts_on, "now": now},
        )  # fmt: skip

    def set_target(self, goal_id: int, target: int) -> None:
        self.db.execute(
            "UPDATE goals SET target = :target WHERE id = :id AND owner_id = :owner",
            {"target": target, "id": goal_id, "owner": self.owner_id},
        )

    def end(self, goal_id: int, on: date) -> None:
        self.db.execute(
            "UPDATE goals SET ended_on = :on WHERE id = :id AND owner_id = :owner",
            {"on": on, "id": goal_id, "owner": self.owner_id},
        )

    def delete(self, goal_id: int) -> None:
        self.db.execute(
            "DELETE FROM goals WHERE id = :id AND owner_id = :owner",
            {"id": goal_id, "owner": self.owner_id},
        )

    def all(self) -> list[Goal]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM goals WHERE owner_id = :owner ORDER BY starts_on, id",
            {"owner": self.owner_id},
        )
        return [to_goal(row) for row in rows]

    def active(self) -> list[Goal]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM goals WHERE owner_id = :owner AND ended_on IS NULL "
            "ORDER BY starts_on, id",
            {"owner": self.owner_id},
        )
        return [to_goal(row) for row in rows]

    def daily_counts(self, metric: Metric, start: date, end: date) -> dict[date, int]:
        """How much of `metric` happened on each day from start to end (inclusive)."""
        table, column, condition, counted = _COUNTED[metric]
        rows = self.db.query(
            f"SELECT {column} AS day, {counted} AS n FROM {table} WHERE owner_id = :owner "
            f"AND {column} BETWEEN :start AND :end {condition} GROUP BY {column}",
            {"owner": self.owner_id, "start": start, "end": end, "no": False},
        )
        return {as_date(row["day"]): int(row["n"]) for row in rows}
