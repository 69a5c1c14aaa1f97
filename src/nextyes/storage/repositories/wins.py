"""Small wins, written by hand or found in the journal (those carry a unique `auto_key`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from nextyes.domain.wins import NewWin, Win, WinKind
from nextyes.storage.convert import as_date
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

COLUMNS = "id, occurred_on, text, kind, application_id, auto_key"


def to_win(row: Row) -> Win:
    return Win(
        id=row["id"],
        occurred_on=as_date(row["occurred_on"]),
        text=row["text"],
        kind=WinKind(row["kind"]),
        application_id=row["application_id"],
        auto_key=row["auto_key"],
    )


def _params(owner: int, win: NewWin, now: datetime) -> dict[str, object]:
    return {
        "owner": owner,
        "on": win.occurred_on,
        "text": win.text,
        "kind": win.kind.value,
        "app": win.application_id,
        "key": win.auto_key,
        "now": now,
    }


class WinRepository(Repository):
    def add(self, win: NewWin, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO wins (owner_id, occurred_on, text, kind, application_id, auto_key, "
            "created_at) VALUES (:owner, :on, :text, :kind, :app, :key, :now) RETURNING id",
            _params(self.owner_id, win, now),
        )

    def add_if_new(self, win: NewWin, now: datetime) -> bool:
        """Store an automatic win unless one with its key exists; True when it was added."""
        added = self.db.execute(
            "INSERT INTO wins (owner_id, occurred_on, text, kind, application_id, auto_key, "
            "created_at) VALUES (:owner, :on, :text, :kind, :app, :key, :now) "
            "ON CONFLICT (owner_id, auto_key) DO NOTHING",
            _params(self.owner_id, win, now),
        )
        return added > 0

    def remove_automatic(self, application_id: int, keys: Sequence[str]) -> int:
        """Remove the automatic wins of one application stored under `keys`; how many went."""
        names = {f"k{n}": key for n, key in enumerate(keys)}
        if not names:
            return 0
        marks = ", ".join(":" + k for k in names)
        return self.db.execute(
            "DELETE FROM wins WHERE owner_id = :owner AND application_id = :app "
            f"AND auto_key IN ({marks})",
            {"owner": self.owner_id, "app": application_id, **names},
        )

    def known_keys(self, keys: Sequence[str]) -> set[str]:
        """Which of `keys` are already stored."""
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            names = {f"k{n}": key for n, key in enumerate(chunk)}
            if not names:
                continue
            marks = ", ".join(":" + k for k in names)
            rows = self.db.query(
                f"SELECT auto_key FROM wins WHERE owner_id = :owner AND auto_key IN ({marks})",
                {"owner": self.owner_id, **names},
            )
            found.update(row["auto_key"] for row in rows)
        return found

    def between(self, start: date, end: date) -> list[Win]:
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM wins WHERE owner_id = :owner "
            "AND occurred_on BETWEEN :start AND :end ORDER BY occurred_on DESC, id DESC",
            {"owner": self.owner_id, "start": start, "end": end},
        )
        return [to_win(row) for row in rows]

    def recent(self, limit: int | None = None, since: date | None = None) -> list[Win]:
        sql = f"SELECT {COLUMNS} FROM wins WHERE owner_id = :owner"
        params: dict[str, object] = {"owner": self.owner_id}
        if since is not None:
            sql += " AND occurred_on >= :since"
            params["since"] = since
        sql += " ORDER BY occurred_on DESC, id DESC"
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return [to_win(row) for row in self.db.query(sql, params)]

    def count(self, since: date | None = None) -> int:
        sql = "SELECT count(*) FROM wins WHERE owner_id = :owner"
        params: dict[str, object] = {"owner": self.owner_id}
        if since is not None:
            sql += " AND occurred_on >= :since"
            params["since"] = since
        return int(self.db.scalar(sql, params))
