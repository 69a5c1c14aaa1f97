"""The job posting an application came from: its text, kept because postings disappear."""

from __future__ import annotations

from datetime import date, datetime

from nextyes.domain.postings import Posting
from nextyes.storage.convert import as_date
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

COLUMNS = "id, application_id, url, title, text, captured_on"


def to_posting(row: Row) -> Posting:
    return Posting(
        id=row["id"],
        application_id=row["application_id"],
        url=row["url"],
        title=row["title"],
        text=row["text"],
        captured_on=as_date(row["captured_on"]),
    )


class PostingRepository(Repository):
    def put(
        self,
        application_id: int,
        *,
        url: str | None,
        title: str | None,
        text: str,
        captured_on: date,
        now: datetime,
    ) -> None:
        """Keep the posting of an application, replacing one kept before."""
        params = {
            "owner": self.owner_id,
            "app": application_id,
            "url": url,
            "title": title,
            "text": text,
            "on": captured_on,
            "now": now,
        }
        self.db.execute(
            "DELETE FROM postings WHERE application_id = :app AND owner_id = :owner",
            {"app": application_id, "owner": self.owner_id},
        )
        self.db.insert(
            "INSERT INTO postings (owner_id, application_id, url, title, text, captured_on, "
            "created_at) VALUES (:owner, :app, :url, :title, :text, :on, :now) RETURNING id",
            params,
        )

    def for_application(self, application_id: int) -> Posting | None:
        row = self.db.one(
            f"SELECT {COLUMNS} FROM postings WHERE application_id = :app AND owner_id = :owner",
            {"app": application_id, "owner": self.owner_id},
        )
        return None if row is None else to_posting(row)
