"""A cheap fingerprint of the journal's contents, for caches that must notice any change."""

from __future__ import annotations

from nextyes.storage.repositories.base import Repository


class JournalStateRepository(Repository):
    def version(self) -> str:
        """A value that changes whenever anything in the journal may have changed.

        SQLite: `data_version` moves when another connection (the CLI) commits, and
        `total_changes()` when this connection writes. PostgreSQL: the next transaction id moves
        with every write transaction on the server. Both are a single, index-free query; a change
        elsewhere may move them too, which only costs a cache refresh.
        """
        if self.db.dialect == "sqlite":
            row = self.db.one(
                "SELECT data_version AS other, total_changes() AS own FROM pragma_data_version"
            )
            assert row is not None
            return f"s{row['other']}.{row['own']}"
        value = self.db.scalar("SELECT pg_snapshot_xmax(pg_current_snapshot()) AS xmax")
        return f"p{value}"
