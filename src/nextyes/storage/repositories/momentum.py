"""Read-only queries across the journal for small wins and the growth record.

The rows these read belong to other aggregates (stage events, feedback, plan items,
reflections, practice sessions); this repository only looks, it never writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from nextyes.domain.models import EventWithCompany
from nextyes.domain.stages import RANK, Stage
from nextyes.storage.convert import (
    as_date,
    as_date_or_none,
    as_datetime,
    as_datetime_or_none,
    from_json,
)
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository
from nextyes.storage.repositories.events import COLUMNS as EVENT_COLUMNS
from nextyes.storage.repositories.events import to_event


class FeedbackFact(NamedTuple):
    id: int
    application_id: int | None
    text: str
    received_on: date


class PlanItemFact(NamedTuple):
    id: int
    title: str
    status: str
    finished_on: date | None
    source_application_id: int | None


class ReflectionFact(NamedTuple):
    application_id: int
    started_on: date
    finished: bool
    attributions: dict[str, str]  # theme -> yes | partly | no, as the user marked it


def _with_company(row: Row) -> EventWithCompany:
    return EventWithCompany(to_event(row), row["company"], row["role"])


# Rows newer than a known id are found through the primary key: `+owner_id` keeps SQLite from
# preferring an owner index that would make it read every row (PostgreSQL reads it as owner_id).
# What the automatic wins watch: name in the watermark -> table (rows are found by id).
WATCHED = {"events": "stage_events", "feedback": "feedback", "contacts": "contacts",
           "interactions": "contact_interactions"}  # fmt: skip


def _rank(alias: str) -> str:
    """SQL for an event's RANK (how far along it is); NULL for a stage without one."""
    whens = " ".join(f"WHEN '{stage.value}' THEN {rank}" for stage, rank in RANK.items())
    return f"(CASE {alias}.stage {whens} ELSE NULL END)"


_EVENT_JOIN = ", ".join(f"e.{c.strip()}" for c in EVENT_COLUMNS.split(","))


class MomentumRepository(Repository):
    def last_ids(self) -> dict[str, int]:
        """The newest row id of each table automatic wins are found in (0 when empty)."""
        result = {}
        for name, table in WATCHED.items():
            value = self.db.scalar(
                f"SELECT max(id) FROM {table} WHERE owner_id = :owner", {"owner": self.owner_id}
            )
            result[name] = int(value or 0)
        return result

    def events_after(self, event_id: int, from_day: date | None = None) -> list[EventWithCompany]:
        """Stage events recorded after `event_id` (about `from_day` or later, when given)."""
        rows = self.db.query(
            f"SELECT {_EVENT_JOIN}, a.company, a.role FROM stage_events e "
            "JOIN applications a ON a.id = e.application_id WHERE +e.owner_id = :owner "
            "AND e.id > :after AND e.occurred_on >= :from_day ORDER BY e.occurred_on, e.id",
            {"owner": self.owner_id, "after": event_id, "from_day": from_day or date.min},
        )
        return [_with_company(row) for row in rows]

    def events_from(self, day: date, stages: tuple[Stage, ...]) -> list[EventWithCompany]:
        """Events at `stages` from `day` on (the context new events are judged in)."""
        names = {f"s{n}": s.value for n, s in enumerate(stages)}
        marks = ", ".join(":" + k for k in names)
        rows = self.db.query(
            f"SELECT {_EVENT_JOIN}, a.company, a.role FROM stage_events e "
            "JOIN applications a ON a.id = e.application_id WHERE e.owner_id = :owner "
            f"AND e.occurred_on >= :day AND e.stage IN ({marks}) ORDER BY e.occurred_on, e.id",
            {"owner": self.owner_id, "day": day, **names},
        )
        return [_with_company(row) for row in rows]

    def first_reached_before(self, day: date, stages: Sequence[Stage]) -> Stage | None:
        """The first of `stages` (in the order given) an application reached before `day`,
        leaving out what a later correction took back (see `domain.wins.taken_back`). One
        quick indexed look per stage until one is found."""
        for stage in stages:
            found = self.db.scalar(
                "SELECT 1 FROM stage_events e WHERE e.owner_id = :owner AND e.stage = :stage "
                "AND e.occurred_on < :day AND e.correction = :no AND NOT EXISTS ("
                "SELECT 1 FROM stage_events c WHERE c.application_id = e.application_id "
                f"AND c.correction = :yes AND c.id > e.id AND {_rank('c')} < {_rank('e')}) "
                "LIMIT 1",
                {"owner": self.owner_id, "stage": stage.value, "day": day, "no": False,
                 "yes": True},
            )  # fmt: skip
            if found is not None:
                return stage
        return None

    def last_rejection_before(self, day: date) -> date | None:
        return as_date_or_none(
            self.db.scalar(
                "SELECT max(occurred_on) FROM stage_events WHERE owner_id = :owner "
                "AND stage = 'rejected' AND occurred_on < :day AND correction = :no",
                {"owner": self.owner_id, "day": day, "no": False},
            )
        )

    def feedback_after(self, feedback_id: int, from_day: date | None = None) -> list[FeedbackFact]:
        rows = self.db.query(
            "SELECT id, application_id, text, received_on FROM feedback WHERE +owner_id = :owner "
            "AND id > :after AND received_on >= :from_day AND giver <> 'self' "
            "ORDER BY received_on, id",
            {"owner": self.owner_id, "after": feedback_id, "from_day": from_day or date.min},
        )
        return [
            FeedbackFact(row["id"], row["application_id"], row["text"], as_date(row["received_on"]))
            for row in rows
        ]

    def contacts_after(self, contact_id: int) -> list[tuple[int, str, str | None, datetime]]:
        """(id, name, company, when added) of contacts added after `contact_id`."""
        rows = self.db.query(
            "SELECT id, name, company, created_at FROM contacts WHERE +owner_id = :owner "
            "AND id > :after ORDER BY id",
            {"owner": self.owner_id, "after": contact_id},
        )
        return [(row["id"], row["name"], row["company"], as_datetime(row["created_at"]))
                for row in rows]  # fmt: skip

    def referral_interactions_after(self, interaction_id: int) -> list[int]:
        """Applications named in referral interactions logged after `interaction_id`."""
        rows = self.db.query(
            "SELECT DISTINCT application_id FROM contact_interactions WHERE +owner_id = :owner "
            "AND id > :after AND kind = 'referral' AND application_id IS NOT NULL",
            {"owner": self.owner_id, "after": interaction_id},
        )
        return [int(row["application_id"]) for row in rows]

    def referrals(self, application_ids: Sequence[int]) -> list[tuple[int, str, str, date, str]]:
        """(application id, company, role, day, who referred) for those of the applications
        that came through a referral."""
        result = []
        ids = sorted(set(application_ids))
        for start in range(0, len(ids), 500):
            names = {f"a{n}": value for n, value in enumerate(ids[start : start + 500])}
            marks = ", ".join(":" + k for k in names)
            rows = self.db.query(
                "SELECT a.id, a.company, a.role, a.applied_on, a.stage_on, c.name "
                "FROM applications a JOIN contacts c ON c.id = a.referral_contact_id "
                f"WHERE a.owner_id = :owner AND a.id IN ({marks}) ORDER BY a.id",
                {"owner": self.owner_id, **names},
            )
            result += [
                (row["id"], row["company"], row["role"],
                 as_date(row["applied_on"] or row["stage_on"]), row["name"])
                for row in rows
            ]  # fmt: skip
        return result

    def plan_items(self, changed_since: datetime | None = None) -> list[PlanItemFact]:
        sql = (
            "SELECT id, title, status, finished_on, source_application_id FROM plan_items "
            "WHERE owner_id = :owner"
        )
        params: dict[str, object] = {"owner": self.owner_id}
        if changed_since is not None:
            sql += " AND updated_at >= :since"
            params["since"] = changed_since
        rows = self.db.query(sql + " ORDER BY id", params)
        return [
            PlanItemFact(row["id"], row["title"], row["status"],
                         as_date_or_none(row["finished_on"]), row["source_application_id"])
            for row in rows
        ]  # fmt: skip

    def reflections(self) -> list[ReflectionFact]:
        rows = self.db.query(
            "SELECT application_id, started_at, finished_at, attributions FROM reflections "
            "WHERE owner_id = :owner ORDER BY started_at, id",
            {"owner": self.owner_id},
        )
        result = []
        for row in rows:
            started = as_datetime_or_none(row["started_at"])
            if started is not None:
                result.append(
                    ReflectionFact(row["application_id"], started.astimezone().date(),
                                   row["finished_at"] is not None,
                                   dict(from_json(row["attributions"], {})))
                )  # fmt: skip
        return result

    def practice_days(self) -> list[date]:
        rows = self.db.query(
            "SELECT practiced_on FROM practice_sessions WHERE owner_id = :owner "
            "ORDER BY practiced_on",
            {"owner": self.owner_id},
        )
        return [as_date(row["practiced_on"]) for row in rows]

    def rejections(self) -> list[EventWithCompany]:
        rows = self.db.query(
            f"SELECT {_EVENT_JOIN}, a.company, a.role FROM stage_events e "
            "JOIN applications a ON a.id = e.application_id WHERE e.owner_id = :owner "
            "AND e.stage = 'rejected' AND e.correction = :no ORDER BY e.occurred_on, e.id",
            {"owner": self.owner_id, "no": False},
        )
        return [_with_company(row) for row in rows]

    def noes_between(self, start: date, end: date) -> int:
        return int(
            self.db.scalar(
                "SELECT count(*) FROM stage_events WHERE owner_id = :owner AND stage = 'rejected' "
                "AND correction = :no AND occurred_on BETWEEN :start AND :end",
                {"owner": self.owner_id, "no": False, "start": start, "end": end},
            )
        )

    def active_days(self, start: date, end: date) -> int:
        """Days from start to end on which something happened in the search."""
        stages = {f"s{n}": s.value for n, s in enumerate(Stage)}  # lets the stage index serve
        marks = ", ".join(":" + k for k in stages)
        rows = self.db.query(
            "SELECT occurred_on AS day FROM stage_events WHERE owner_id = :owner "
            f"AND stage IN ({marks}) AND occurred_on BETWEEN :start AND :end UNION "
            "SELECT occurred_on AS day FROM contact_interactions WHERE owner_id = :owner "
            "AND occurred_on BETWEEN :start AND :end UNION "
            "SELECT practiced_on AS day FROM practice_sessions WHERE owner_id = :owner "
            "AND practiced_on BETWEEN :start AND :end",
            {"owner": self.owner_id, "start": start, "end": end, **stages},
        )
        return len({as_date(row["day"]) for row in rows})

    def last_activity_on(self) -> date | None:
        return as_date_or_none(
            self.db.scalar(
                "SELECT max(last_activity_on) FROM applications WHERE owner_id = :owner",
                {"owner": self.owner_id},
            )
        )

    def recent_roles(self, since: date, limit: int) -> list[str]:
        """The roles applied for most often from `since` on."""
        rows = self.db.query(
            "SELECT role, count(*) AS n FROM applications WHERE owner_id = :owner "
            "AND applied_on >= :since GROUP BY role ORDER BY count(*) DESC, role LIMIT :limit",
            {"owner": self.owner_id, "since": since, "limit": limit},
        )
        return [row["role"] for row in rows]
