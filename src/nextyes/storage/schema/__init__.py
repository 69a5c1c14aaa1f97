"""The journal's tables as SQLAlchemy metadata: the source Alembic migrates from.

Imported only by migrations, their tests and the JSON export; repositories use plain SQL. Every
journal row has an `owner_id`: in local mode one implicit owner ("local"), in team mode the
signed-in user. Dates are DATE; moments are TIMESTAMP WITH TIME ZONE (ISO text in UTC on SQLite).
Tables live in one module per area; importing this package registers them all on `metadata`.
"""

from __future__ import annotations

from nextyes.storage.schema import (
    accounts,
    coaching,
    jobs,
    journal,
    learning,
    mail,
    momentum,
    organisations,
    pipeline,
    recovery,
)
from nextyes.storage.schema.base import metadata

__all__ = [
    "accounts",
    "coaching",
    "jobs",
    "journal",
    "learning",
    "mail",
    "metadata",
    "momentum",
    "organisations",
    "pipeline",
    "recovery",
]
