"""A cheap fingerprint of the journal's contents, for caches that must notice any change."""

from __future__ import annotations

from nextyes.storage.repositories.base import Repository


class JournalStateRepository(Repository):
    def version(self) -> str:
        """A value that changes whenever anything in the journal may have changed.

        SQLite: `data_version` moves when another connection (the CLI) commits, and
        `total_changes()` when this connection writes; both count per connection, so the
        connection's own serial number goes with them (a served app has several). PostgreSQL:
        the owner's counter in `journal_versions`, which triggers move whenever any of the
        owner's rows change, whoever changes them; nobody else's writes move it. Each is a single
        query; a change elsewhere may move the SQLite value too, which only costs a refresh.
        """
        if self.db.dialect == "sqlite":
            row = self.db.one(
                "SELECT data_version AS other, total_changes() AS own FROM pragma_data_version"
            )
            assert row is not None
            return f"s{getattr(self.db, 'serial', 0)}.{row['other']}.{row['own']}"
        value = self.db.scalar(
            f"SELECT {COUNTER_OF.format(user=':owner')} AS version", {"owner": self.owner_id}
        )
        return counter_version(value)


# PostgreSQL's version of one person's journal, as an expression another query can carry
# (the guard reads it with the session, in the same statement).
COUNTER_OF = "(SELECT version FROM journal_versions WHERE user_id = {user})"


def counter_version(value: object) -> str:
    return f"p{value or 0}"
