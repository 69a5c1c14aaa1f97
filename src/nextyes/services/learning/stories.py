"""`nextyes story`: a bank of STAR stories to draw on in interviews, tagged by theme."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from nextyes import content
from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.stories import PARTS, NewStory, Story, clean_story
from nextyes.domain.themes import Theme
from nextyes.storage.uow import UnitOfWork


def _said(key: str, **values: object) -> str:
    """A refusal from content/learning/practice.toml [problems]."""
    return content.fill(content.load("learning/practice")["problems"][key], **values)


def add_story(uow: UnitOfWork, new: NewStory, today: date, now: datetime) -> Story:
    story = clean_story(new)
    with uow:
        story_id = uow.stories.add(story, today, now)
        saved = uow.stories.get(story_id)
        uow.commit()
    assert saved is not None
    return saved


def list_stories(uow: UnitOfWork, theme: str | None = None) -> list[Story]:
    wanted = None
    if theme:
        wanted = theme.strip().lower().replace("-", "_")
        if wanted not in {t.value for t in Theme}:
            names = ", ".join(t.value for t in Theme)
            raise InvalidInput(_said("not_a_theme", theme=theme, names=names))
    with uow:
        return uow.stories.find(wanted)


def get_story(uow: UnitOfWork, story_id: int) -> Story:
    with uow:
        story = uow.stories.get(story_id)
    if story is None:
        raise NotFound(_said("no_story", id=story_id))
    return story


EDITABLE = ("title", *PARTS, "themes")


def update_story(
    uow: UnitOfWork, story_id: int, changes: Mapping[str, Any], now: datetime
) -> Story:
    """Change a story: only the parts given (None or empty clears a part; themes replace)."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InvalidInput(_said("not_a_part", names=", ".join(unknown), parts=", ".join(EDITABLE)))
    if "title" in changes and not (changes["title"] or "").strip():
        raise InvalidInput(_said("needs_a_title"))
    with uow:
        story = _story(uow, story_id)
        current = asdict(story)
        merged = {k: current[k] for k in EDITABLE} | dict(changes)
        merged["themes"] = tuple(merged["themes"] or ())
        cleaned = clean_story(NewStory(**merged))
        uow.stories.update(story_id, cleaned, now)
        saved = _story(uow, story_id)
        uow.commit()
    return saved


def delete_story(uow: UnitOfWork, story_id: int) -> Story:
    with uow:
        story = _story(uow, story_id)
        uow.stories.delete(story_id)
        uow.commit()
    return story


def _story(uow: UnitOfWork, story_id: int) -> Story:
    story = uow.stories.get(story_id)
    if story is None:
        raise NotFound(_said("no_story", id=story_id))
    return story
