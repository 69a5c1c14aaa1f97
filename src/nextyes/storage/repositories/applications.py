"""Applications: the journal's main aggregate (its timeline lives in stage_events)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from nextyes.domain.companies import company_key
from nextyes.domain.models import Application
from nextyes.domain.stages import Stage
from nextyes.storage.convert import as_date, as_date_or_none, as_datetime_or_none
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository, like_pattern

if TYPE_CHECKING:  # defined only by the commands that add or list
    from nextyes.domain.inputs import NewApplication
    from nextyes.domain.queries import ApplicationQuery

COLUMNS = (
    "id, owner_id, company, role, stage, stage_on, applied_on, last_activity_on, source, url, "
    "resume_version, cover_letter_version, location, salary, referral_contact_id, created_at"
)


def to_application(row: Row) -> Application:
    return Application(
        id=row["id"],
        owner_id=row["owner_id"],
        company=row["company"],
        role=row["role"],
        stage=Stage(row["stage"]),
        stage_on=as_date(row["stage_on"]),
        applied_on=as_date_or_none(row["applied_on"]),
        last_activity_on=as_date(row["last_activity_on"]),
        source=row["source"],
        url=row["url"],
        resume_version=row["resume_version"],
        cover_letter_version=row["cover_letter_version"],
        location=row["location"],
        salary=row["salary"],
        referral_contact_id=row["referral_contact_id"],
        created_at=as_datetime_or_none(row["created_at"]),
    )


class ApplicationRepository(Repository):
    def add(self, new: NewApplication, *, stage: Stage, stage_on: date, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO applications (owner_id, company, company_key, role, stage, stage_on, "
            "applied_on, last_activity_on, source, url, resume_version, cover_letter_version, "
            "location, salary, referral_contact_id, created_at, updated_at) VALUES (:owner, "
            ":company, :key, :role, :stage, :stage_on, :applied_on, :stage_on, :source, :url, "
            ":resume, :cover, :location, :salary, :referral, :now, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "company": new.company,
                "key": company_key(new.company),
                "role": new.role,
                "stage": stage.value,
                "stage_on": stage_on,
                "applied_on": new.applied_on,
                "source": new.source,
                "url": new.url,
                "resume": new.resume_version,
                "cover": new.cover_letter_version,
                "location": new.location,
                "salary": new.salary,
                "referral": new.referral_contact_id,
                "now": now,
            },
        )

    def get(self, application_id: int) -> Application | None:
        row = self.db.one(
            f"SELECT {COLUMNS} FROM applications WHERE id = :id AND owner_id = :owner",
            {"id": application_id, "owner": self.owner_id},
        )
        return None if row is None else to_application(row)

    def get_many(self, ids: Sequence[int]) -> dict[int, Application]:
        if not ids:
            return {}
        names = {f"i{n}": value for n, value in enumerate(ids)}
        marks = ", ".join(f":{name}" for name in names)
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM applications WHERE owner_id = :owner AND id IN ({marks})",
            {"owner": self.owner_id, **names},
        )
        return {row["id"]: to_application(row) for row in rows}

    def _where(self, query: ApplicationQuery) -> tuple[str, dict[str, Any]]:
        clauses = ["owner_id = :owner"]
        params: dict[str, Any] = {"owner": self.owner_id}
        if query.stages:
            names = {f"s{n}": s.value for n, s in enumerate(query.stages)}
            clauses.append(f"stage IN ({', '.join(':' + k for k in names)})")
            params.update(names)
        if query.exclude_stages:
            names = {f"x{n}": s.value for n, s in enumerate(query.exclude_stages)}
            clauses.append(f"stage NOT IN ({', '.join(':' + k for k in names)})")
            params.update(names)
        if query.company:
            clauses.append("company_key LIKE :company ESCAPE '\\'")
            params["company"] = like_pattern(company_key(query.company))
        if query.since:
            clauses.append("COALESCE(applied_on, stage_on) >= :since")
            params["since"] = query.since
        return " AND ".join(clauses), params

    def find(self, query: ApplicationQuery) -> list[Application]:
        where, params = self._where(query)
        sql = (
            f"SELECT {COLUMNS} FROM applications WHERE {where} "
            "ORDER BY last_activity_on DESC, id DESC"
        )
        if query.limit is not None:
            sql += " LIMIT :limit OFFSET :offset"
            params.update(limit=query.limit, offset=query.offset)
        return [to_application(row) for row in self.db.query(sql, params)]

    def count(self, query: ApplicationQuery) -> int:
        where, params = self._where(query)
        return int(self.db.scalar(f"SELECT count(*) FROM applications WHERE {where}", params))

    def set_stage(
        self, application_id: int, stage: Stage, stage_on: date, now: datetime, applied_on: date
    ) -> None:
        self.db.execute(
            "UPDATE applications SET stage = :stage, stage_on = :stage_on, "
            "applied_on = COALESCE(applied_on, :applied_on), updated_at = :now "
            "WHERE id = :id AND owner_id = :owner",
            {
                "stage": stage.value,
                "stage_on": stage_on,
                "applied_on": applied_on,
                "now": now,
                "id": application_id,
                "owner": self.owner_id,
            },
        )

    def touch(self, application_id: int, day: date, now: datetime) -> None:
        """Note activity on `day` (the latest activity wins)."""
        self.db.execute(
            "UPDATE applications SET last_activity_on = :day, updated_at = :now "
            "WHERE id = :id AND owner_id = :owner AND last_activity_on < :day",
            {"day": day, "now": now, "id": application_id, "owner": self.owner_id},
        )

    def update_fields(self, application_id: int, fields: dict[str, Any], now: datetime) -> None:
        allowed = {
            "company", "role", "source", "url", "resume_version", "cover_letter_version",
            "location", "salary", "referral_contact_id", "applied_on",
        }  # fmt: skip
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        values = dict(fields)
        if "company" in values:
            values["company_key"] = company_key(values["company"])
        sets = ", ".join(f"{name} = :{name}" for name in values)
        self.db.execute(
            f"UPDATE applications SET {sets}, updated_at = :now WHERE id = :id AND owner_id = :owner",
            {**values, "now": now, "id": application_id, "owner": self.owner_id},
        )

    def delete(self, application_id: int) -> None:
        self.db.execute(
            "DELETE FROM applications WHERE id = :id AND owner_id = :owner",
            {"id": application_id, "owner": self.owner_id},
        )

    def with_company_key(self, key: str) -> list[Application]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM applications WHERE owner_id = :owner AND company_key = :key "
            "ORDER BY stage_on DESC",
            {"owner": self.owner_id, "key": key},
        )
        return [to_application(row) for row in rows]

    def company_names(self) -> list[tuple[str, str]]:
        """Every (company_key, company) the journal knows, for fuzzy matching."""
        rows = self.db.query(
            "SELECT DISTINCT company_key, company FROM applications WHERE owner_id = :owner",
            {"owner": self.owner_id},
        )
        return [(row["company_key"], row["company"]) for row in rows]

    def quiet_since(
        self, stages: Sequence[Stage], cutoff: date, today: date, limit: int
    ) -> tuple[list[Application], int]:
        """Applications at `stages` with no activity since `cutoff` and nothing scheduled from
        `today` on: the oldest `limit` of them, and how many there are in all."""
        names = {f"s{n}": s.value for n, s in enumerate(stages)}
        params = {"owner": self.owner_id, "cutoff": cutoff, "today": today, **names}

        def quiet(stage: str) -> str:
            return (
                f"FROM applications a WHERE a.owner_id = :owner AND {stage} "
                "AND a.last_activity_on <= :cutoff AND NOT EXISTS (SELECT 1 FROM interviews i "
                "WHERE i.application_id = a.id AND i.scheduled_on >= :today)"
            )

        # One ordered, limited read per stage along the (owner, stage, last activity) index,
        # then the oldest of those: with all the stages in one IN list, SQLite walks the
        # last-activity index through the whole journal instead.
        parts = " UNION ALL ".join(
            f"SELECT * FROM (SELECT {COLUMNS} {quiet(f'a.stage = :{name}')} "
            f"ORDER BY a.last_activity_on, a.id LIMIT :limit) AS q_{name}"
            for name in names
        )
        rows = self.db.query(
            f"SELECT * FROM ({parts}) AS quiet ORDER BY last_activity_on, id LIMIT :limit",
            {**params, "limit": limit},
        )
        total = len(rows)
        if total == limit:
            marks = ", ".join(":" + k for k in names)
            total = int(self.db.scalar(f"SELECT count(*) {quiet(f'a.stage IN ({marks})')}", params))
        return [to_application(row) for row in rows], total

    def count_by_stage(self) -> dict[Stage, int]:
        rows = self.db.query(
            "SELECT stage, count(*) AS n FROM applications WHERE owner_id = :owner GROUP BY stage",
            {"owner": self.owner_id},
        )
        return {Stage(row["stage"]): int(row["n"]) for row in rows}
