"""`nextyes story`: a bank of STAR stories to draw on in interviews, tagged by theme."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.stories import PARTS, NewStory, Story, clean_story
from nextyes.domain.themes import Theme
from nextyes.storage.uow import UnitOfWork


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
            raise InvalidInput(
                f"'{theme}' is not a theme. Themes: {', '.join(t.value for t in Theme)}."
            )
    with uow:
        return uow.stories.find(wanted)


def get_story(uow: UnitOfWork, story_id: int) -> Story:
    with uow:
        story = uow.stories.get(story_id)
    if story is None:
        raise NotFound(f"No story {story_id}. `nextyes story list` shows the ids.")
    return story


EDITABLE = ("title", *PARTS, "themes")


def update_story(
    uow: UnitOfWork, story_id: int, changes: Mapping[str, Any], now: datetime
) -> Story:
    """Change a story: only the parts given (None or empty clears a part; themes replace)."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InvalidInput(
            f"{', '.join(unknown)} is not part of a story. Parts: {', '.join(EDITABLE)}."
        )
    if "title" in changes and not (changes["title"] or "").strip():
        raise InvalidInput("A story needs a title; give a few words, or leave the title as it is.")
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
        raise NotFound(f"No story {story_id}. `nextyes story list` shows the ids.")
    return story
