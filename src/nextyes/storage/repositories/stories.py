"""Stories: the STAR story bank, themes kept as a JSON list."""

from __future__ import annotations

from datetime import date, datetime

from nextyes.domain.stories import NewStory, Story
from nextyes.storage.convert import as_date, from_json, to_json
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository, like_pattern

COLUMNS = "id, title, situation, task, action, result, themes, created_on"


def to_story(row: Row) -> Story:
    return Story(
        id=row["id"],
        title=row["title"],
        created_on=as_date(row["created_on"]),
        situation=row["situation"],
        task=row["task"],
        action=row["action"],
        result=row["result"],
        themes=tuple(from_json(row["themes"], [])),
    )


class StoryRepository(Repository):
    def add(self, new: NewStory, created_on: date, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO stories (owner_id, title, situation, task, action, result, themes, "
            "created_on, updated_at) VALUES (:owner, :title, :situation, :task, :action, "
            ":result, :themes, :created_on, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "title": new.title,
                "situation": new.situation,
                "task": new.task,
                "action": new.action,
                "result": new.result,
                "themes": to_json(list(new.themes)),
                "created_on": created_on,
                "now": now,
            },
        )

    def get(self, story_id: int) -> Story | None:
        row = self.db.one(
            f"SELECT {COLUMNS} FROM stories WHERE id = :id AND owner_id = :owner",
            {"id": story_id, "owner": self.owner_id},
        )
        return None if row is None else to_story(row)

    def find(self, theme: str | None = None) -> list[Story]:
        params: dict[str, object] = {"owner": self.owner_id}
        where = "owner_id = :owner"
        if theme:
            where += " AND themes LIKE :theme ESCAPE '\\'"
            params["theme"] = like_pattern(f'"{theme}"')
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM stories WHERE {where} ORDER BY created_on, id", params
        )
        return [to_story(row) for row in rows]

    def update(self, story_id: int, story: NewStory, now: datetime) -> None:
        self.db.execute(
            "UPDATE stories SET title = :title, situation = :situation, task = :task, "
            "action = :action, result = :result, themes = :themes, updated_at = :now "
            "WHERE id = :id AND owner_id = :owner",
            {
                "title": story.title,
                "situation": story.situation,
                "task": story.task,
                "action": story.action,
                "result": story.result,
                "themes": to_json(list(story.themes)),
                "now": now,
                "id": story_id,
                "owner": self.owner_id,
            },
        )

    def delete(self, story_id: int) -> None:
        self.db.execute(
            "DELETE FROM stories WHERE id = :id AND owner_id = :owner",
            {"id": story_id, "owner": self.owner_id},
        )
