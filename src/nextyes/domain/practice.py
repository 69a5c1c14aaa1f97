"""Interview practice: which questions to draw, and the sessions that were logged.

Questions on the user's weak themes (recurring in feedback, or rated low in practice) and
questions they found hard (flagged in an interview, or rated 2/5 or lower) come up more
often; questions practised recently with a good rating come up less, so practice rotates.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from nextyes.domain.errors import InvalidInput

HARD_RATING = 2
"""A self-rating at or below this marks a question as hard."""
GOOD_RATING = 4
RESTING = timedelta(days=14)
"""A question rated well is drawn less for this long."""
WEAK_WEIGHT = 2.0
HARD_WEIGHT = 3.0
RESTING_WEIGHT = 0.25
MAX_NOTES = 2000


class Category(StrEnum):
    BEHAVIOURAL = "behavioural"
    TECHNICAL_GENERAL = "technical_general"
    SITUATIONAL = "situational"
    MOTIVATION = "motivation"
    COMPANY_KNOWLEDGE = "company_knowledge"
    YOURS = "from_your_interviews"
    """Questions the user was asked in a real interview and flagged as hard."""


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    category: Category
    text: str
    themes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PracticeSession:
    id: int
    practiced_on: date
    question_text: str
    question_key: str | None = None
    theme: str | None = None
    rating: int | None = None
    notes: str | None = None
    plan_item_id: int | None = None


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a question was weighted up (keys the words file fills in)."""

    kind: str
    """weak_theme, hard_rated or hard_flagged."""
    detail: str


def check_rating(rating: int | None) -> int | None:
    if rating is not None and not 1 <= rating <= 5:
        raise InvalidInput(
            f"A rating is 1 (hard going) to 5 (felt great); {rating} is outside that."
        )
    return rating


def clean_notes(notes: str | None) -> str | None:
    if notes is None or not notes.strip():
        return None
    if len(notes) > MAX_NOTES:
        raise InvalidInput(f"Those notes are over {MAX_NOTES:,} characters; keep the useful part.")
    return notes.strip()


def weigh(
    questions: Iterable[Question],
    weak_themes: Mapping[str, int],
    sessions: Sequence[PracticeSession],
    today: date,
) -> list[tuple[Question, float, tuple[Reason, ...]]]:
    """Each question's draw weight and the reasons it was raised or lowered.

    `weak_themes` maps a theme to how strongly it is weak (mentions in recent feedback plus
    low practice ratings); the latest rating of each question decides hard or resting.
    """
    latest: dict[str, PracticeSession] = {}
    for session in sorted(sessions, key=lambda s: (s.practiced_on, s.id)):
        if session.question_key:
            latest[session.question_key] = session
    weighed = []
    for question in questions:
        weight = 1.0
        reasons: list[Reason] = []
        for theme in question.themes:
            if weak_themes.get(theme):
                weight += WEAK_WEIGHT * min(weak_themes[theme], 3)
                reasons.append(Reason("weak_theme", theme))
        if question.category is Category.YOURS:
            weight += HARD_WEIGHT
            reasons.append(Reason("hard_flagged", question.text))
        last = latest.get(question.key)
        if last is not None and last.rating is not None:
            if last.rating <= HARD_RATING:
                weight += HARD_WEIGHT
                reasons.append(Reason("hard_rated", f"{last.rating}/5 on {last.practiced_on}"))
            elif last.rating >= GOOD_RATING and today - last.practiced_on < RESTING:
                weight *= RESTING_WEIGHT
        weighed.append((question, weight, tuple(reasons)))
    return weighed


def draw(
    weighed: Sequence[tuple[Question, float, tuple[Reason, ...]]], count: int, rng: random.Random
) -> list[tuple[Question, tuple[Reason, ...]]]:
    """Up to `count` different questions, each drawn in proportion to its weight."""
    pool = list(weighed)
    chosen: list[tuple[Question, tuple[Reason, ...]]] = []
    while pool and len(chosen) < count:
        total = sum(w for _, w, _ in pool)
        pick = rng.random() * total
        for index, (question, weight, reasons) in enumerate(pool):
            pick -= weight
            if pick <= 0 or index == len(pool) - 1:
                chosen.append((question, reasons))
                del pool[index]
                break
    return chosen
