"""Moving everything recorded about one application onto another (merging duplicates).

Every table that points at an application is found in the schema's metadata, so a table added
later is merged without further work (SQLAlchemy is imported for the metadata only, and only by
a merge). Rows that would break a uniqueness rule on the kept application (the same person in
the same role twice, a second offer or posting) stay with the other record and go with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import cache

from nextyes.storage.repositories.base import Repository


@cache
def pointing_columns() -> tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...]:
    """(table, column, unique column groups including it) for every column pointing at an
    application, stage events first."""
    import sqlalchemy as sa

    from nextyes.storage.schema import metadata

    found = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            if not any(fk.column.table.name == "applications" for fk in column.foreign_keys):
                continue
            groups = tuple(
                tuple(c.name for c in constraint.columns)
                for constraint in table.constraints
                if isinstance(constraint, sa.UniqueConstraint) and column.name in constraint.columns
            )
            found.append((table.name, column.name, groups))
    found.sort(key=lambda item: item[0] != "stage_events")
    return tuple(found)


class MergeRepository(Repository):
    def move_events(self, duplicates: Mapping[int, int]) -> None:
        """Point what refers to each duplicate event at the kept one, then drop the duplicate."""
        for other_id, kept_id in duplicates.items():
            params = {"other": other_id, "kept": kept_id, "owner": self.owner_id}
            for table in ("cool_downs", "mail_messages"):
                self.db.execute(
                    f"UPDATE {table} SET event_id = :kept "
                    "WHERE event_id = :other AND owner_id = :owner",
                    params,
                )
            self.db.execute(
                "DELETE FROM stage_events WHERE id = :other AND owner_id = :owner", params
            )

    def move_rows(self, keep_id: int, other_id: int) -> dict[str, int]:
        """Move every row of `other_id` to `keep_id`; how many moved, table by table."""
        moved: dict[str, int] = {}
        params = {"keep": keep_id, "other": other_id, "owner": self.owner_id}
        for table, column, groups in pointing_columns():
            clash = " OR ".join(
                "(" + " AND ".join(
                    f"k.{c} = {table}.{c}" if c != column else f"k.{c} = :keep" for c in group
                ) + ")"
                for group in groups
            )  # fmt: skip
            unless = f" AND NOT EXISTS (SELECT 1 FROM {table} k WHERE {clash})" if groups else ""
            count = self.db.execute(
                f"UPDATE {table} SET {column} = :keep "
                f"WHERE {column} = :other AND owner_id = :owner{unless}",
                params,
            )
            if count:
                moved[table] = count
        return moved

    def set_standing(
        self,
        application_id: int,
        *,
        stage: str,
        stage_on: date,
        applied_on: date | None,
        last_activity_on: date,
        now: datetime,
    ) -> None:
        self.db.execute(
            "UPDATE applications SET stage = :stage, stage_on = :stage_on, "
            "applied_on = :applied_on, last_activity_on = :last, updated_at = :now "
            "WHERE id = :id AND owner_id = :owner",
            {
                "stage": stage,
                "stage_on": stage_on,
                "applied_on": applied_on,
                "last": last_activity_on,
                "now": now,
                "id": application_id,
                "owner": self.owner_id,
            },
        )
