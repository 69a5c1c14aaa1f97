"""Per-owner settings, stored as JSON text under a key."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from nextyes.storage.convert import from_json, to_json
from nextyes.storage.repositories.base import Repository


class SettingsRepository(Repository):
    def all(self) -> dict[str, Any]:
        rows = self.db.query(
            "SELECT key, value FROM settings WHERE owner_id = :owner", {"owner": self.owner_id}
        )
        return {row["key"]: from_json(row["value"]) for row in rows}

    def set(self, key: str, value: Any, now: datetime) -> None:
        self.db.execute(
            "INSERT INTO settings (owner_id, key, value, updated_at) VALUES (:owner, :key, "
            ":value, :now) ON CONFLICT (owner_id, key) DO UPDATE SET value = :value, "
            "updated_at = :now",
            {"owner": self.owner_id, "key": key, "value": to_json(value), "now": now},
        )

    def unset(self, key: str) -> None:
        self.db.execute(
            "DELETE FROM settings WHERE owner_id = :owner AND key = :key",
            {"owner": self.owner_id, "key": key},
        )
