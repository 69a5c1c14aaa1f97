"""The story bank: STAR stories (situation, task, action, result) tagged by feedback theme.

A story can be saved half-written; the bank says which parts are still missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nextyes.domain.errors import InvalidInput, Words
from nextyes.domain.themes import Theme

MAX_TITLE = 200
MAX_PART = 4000
PARTS = ("situation", "task", "action", "result")


@dataclass(frozen=True, slots=True)
class Story:
    id: int
    title: str
    created_on: date
    situation: str | None = None
    task: str | None = None
    action: str | None = None
    result: str | None = None
    themes: tuple[str, ...] = ()

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(part for part in PARTS if not getattr(self, part))


@dataclass(frozen=True, slots=True)
class NewStory:
    title: str
    situation: str | None = None
    task: str | None = None
    action: str | None = None
    result: str | None = None
    themes: tuple[str, ...] = ()


def clean_story(new: NewStory) -> NewStory:
    """The story tidied, or InvalidInput saying what to fix."""
    title = " ".join(new.title.split())
    if not title:
        raise InvalidInput(
            'A story needs a short title, for example: nextyes story add "The migration rescue"',
            web=Words("learning/web", "story_title_empty"),
        )
    if len(title) > MAX_TITLE:
        raise InvalidInput(f"That title is over {MAX_TITLE} characters; keep it to a few words.")
    parts = {}
    for part in PARTS:
        text = (getattr(new, part) or "").strip()
        if len(text) > MAX_PART:
            raise InvalidInput(f"The {part} is over {MAX_PART:,} characters; tighten it a little.")
        parts[part] = text or None
    themes = []
    for name in new.themes:
        key = name.strip().lower().replace("-", "_")
        if key not in {t.value for t in Theme}:
            raise InvalidInput(
                f"'{name}' is not a theme. Themes: {', '.join(t.value for t in Theme)}."
            )
        if key not in themes:
            themes.append(key)
    return NewStory(title=title, themes=tuple(themes), **parts)
