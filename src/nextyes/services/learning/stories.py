"""`nextyes story`: a bank of STAR stories to draw on in interviews, tagged by theme."""

from __future__ import annotations

from datetime import date, datetime

from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.stories import NewStory, Story, clean_story
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
