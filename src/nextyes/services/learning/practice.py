"""`nextyes practice`: draw interview questions weighted to weak themes, log how it went.

The bank is ``content/learning/questions.toml``; the user's own hard interview questions (flagged when
recording an interview) join it. Weak themes are the recurring feedback themes within the
user's control, plus themes whose practice has been rated low.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from nextyes import content
from nextyes.domain.errors import InvalidInput, NotFound, Words
from nextyes.domain.insights import theme_trends
from nextyes.domain.plan import Evidence, EvidenceKind
from nextyes.domain.practice import (
    HARD_RATING,
    Category,
    PracticeSession,
    Question,
    Reason,
    check_rating,
    clean_notes,
    draw,
    weigh,
)
from nextyes.domain.themes import Control
from nextyes.services.learning.themed_texts import theme_mentions, with_themes
from nextyes.storage.uow import UnitOfWork

HISTORY = timedelta(days=180)
"""How far back practice ratings count."""
ASKED = "asked-"
"""Key prefix of questions from the user's own interviews."""
MAX_QUESTION = 500


def _said(key: str, **values: object) -> str:
    """A refusal from content/learning/practice.toml [problems]."""
    return content.fill(content.load("learning/practice")["problems"][key], **values)


@dataclass(frozen=True, slots=True)
class DrawnQuestion:
    question: Question
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class PracticeLogged:
    session: PracticeSession
    plan_item_id: int | None


def question_bank() -> list[Question]:
    from nextyes import content

    return [
        Question(q["key"], Category(q["category"]), q["text"], tuple(q["themes"]))
        for q in content.load("learning/questions")["questions"]
    ]


def weak_themes(uow: UnitOfWork, today: date) -> dict[str, int]:
    """Themes to practise more: recurring feedback themes within your control (by how often
    they came up in 90 days) and themes whose recent practice was rated low."""
    with uow:
        texts = with_themes(uow.insights.themed_texts(since=today - timedelta(days=90)))
        sessions = uow.practice.since(today - HISTORY)
    weak = {
        t.theme.value: t.last_90
        for t in theme_trends(theme_mentions(texts), today)
        if t.recurring and t.control is not Control.NO
    }
    ratings: dict[str, list[int]] = defaultdict(list)
    for session in sessions:
        if session.theme and session.rating is not None:
            ratings[session.theme].append(session.rating)
    for theme, values in ratings.items():
        if sum(values) / len(values) <= HARD_RATING + 0.5:
            weak[theme] = weak.get(theme, 0) + 1
    return weak


def draw_questions(
    uow: UnitOfWork,
    today: date,
    *,
    count: int = 5,
    category: str | None = None,
    seed: int | None = None,
) -> list[DrawnQuestion]:
    """Questions to practise today; the same day (or seed) gives the same draw."""
    if not 1 <= count <= 50:
        raise InvalidInput(_said("count_range"))
    chosen_category = _category(category) if category else None
    weak = weak_themes(uow, today)
    with uow:
        sessions = uow.practice.since(today - HISTORY)
        hard = uow.questions.hard_ones()
    pool = question_bank() + [
        Question(f"{ASKED}{q.id}", Category.YOURS, q.text, (q.theme,) if q.theme else ())
        for q in hard
    ]
    if chosen_category is not None:
        pool = [q for q in pool if q.category is chosen_category]
    rng = random.Random(seed if seed is not None else today.toordinal())
    picked = draw(weigh(pool, weak, sessions, today), count, rng)
    return [DrawnQuestion(question, reasons) for question, reasons in picked]


def _category(name: str) -> Category:
    try:
        return Category(name.strip().lower().replace("-", "_"))
    except ValueError:
        names = ", ".join(c.value for c in Category)
        raise InvalidInput(_said("not_a_category", name=name, names=names)) from None


def log_practice(
    uow: UnitOfWork,
    question: str,
    on: date,
    now: datetime,
    *,
    rating: int | None = None,
    notes: str | None = None,
    plan_item_id: int | None = None,
) -> PracticeLogged:
    """Log a practice session: a bank key, an asked-N key, or a question in your own words.

    With a plan item, the session is kept as evidence on it too.
    """
    check_rating(rating)
    kept_notes = clean_notes(notes)
    if on > now.date():
        raise InvalidInput(_said("in_future", day=on.isoformat()))
    bank = {q.key: q for q in question_bank()}
    wanted = question.strip()
    with uow:
        key, text, theme = _resolve(uow, wanted, bank)
        item = None if plan_item_id is None else uow.plans.get(plan_item_id)
        if plan_item_id is not None and item is None:
            raise NotFound(_said("no_plan_item", id=plan_item_id))
        session_id = uow.practice.add(on, text, now, question_key=key, theme=theme,
                                      rating=rating, notes=kept_notes,
                                      plan_item_id=plan_item_id)  # fmt: skip
        if item is not None:
            rated = f" (rated {rating}/5)" if rating is not None else ""
            evidence = Evidence(on, f"Practised: {text}{rated}", EvidenceKind.PRACTICE)
            uow.plans.set_evidence(item.id, (*item.evidence, evidence), now)
        session = uow.practice.get(session_id)
        uow.commit()
    assert session is not None
    return PracticeLogged(session, plan_item_id)


def _resolve(
    uow: UnitOfWork, wanted: str, bank: dict[str, Question]
) -> tuple[str | None, str, str | None]:
    if wanted in bank:
        drawn = bank[wanted]
        return drawn.key, drawn.text, drawn.themes[0] if drawn.themes else None
    if wanted.startswith(ASKED) and wanted[len(ASKED) :].isdigit():
        asked = {f"{ASKED}{a.id}": a for a in uow.questions.hard_ones()}
        if wanted not in asked:
            raise NotFound(_said("no_flagged", question=wanted))
        flagged = asked[wanted]
        return wanted, flagged.text, flagged.theme
    if not wanted:
        raise InvalidInput(
            _said("which_question"),
            web=Words("learning/web", "practice_which"),
        )
    if len(wanted) > MAX_QUESTION:
        raise InvalidInput(_said("question_too_long", max=MAX_QUESTION))
    if " " not in wanted:
        raise InvalidInput(
            _said("not_a_key", text=wanted),
            web=Words("learning/web", "practice_not_a_key", {"text": wanted}),
        )
    return None, wanted, None


def practice_history(uow: UnitOfWork, limit: int = 20) -> list[PracticeSession]:
    if limit < 1:
        raise InvalidInput(_said("limit_too_low"))
    with uow:
        return uow.practice.recent(limit)
