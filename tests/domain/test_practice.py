"""Which practice questions come up: weak themes and hard questions more, rested ones less."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest

from nextyes.domain.errors import InvalidInput
from nextyes.domain.practice import (
    Category,
    PracticeSession,
    Question,
    check_rating,
    draw,
    weigh,
)

TODAY = date(2026, 11, 22)
PLAIN = Question("q-plain", Category.MOTIVATION, "Why us?", ("role_alignment",))
WEAK = Question("q-weak", Category.BEHAVIOURAL, "A conflict?", ("communication",))
ASKED = Question("asked-7", Category.YOURS, "Explain a JOIN.", ())


def session(key: str, rating: int, days_ago: int) -> PracticeSession:
    return PracticeSession(1, TODAY - timedelta(days=days_ago), "q", key, rating=rating)


def weights(*sessions: PracticeSession, weak: dict[str, int] | None = None) -> dict[str, float]:
    weighed = weigh([PLAIN, WEAK, ASKED], weak or {}, list(sessions), TODAY)
    return {q.key: w for q, w, _ in weighed}


def test_a_weak_theme_raises_its_questions_and_says_why() -> None:
    weighed = weigh([PLAIN, WEAK], {"communication": 2}, [], TODAY)
    (_plain, plain_weight, plain_reasons), (_weak, weak_weight, weak_reasons) = weighed
    assert weak_weight > plain_weight == 1.0
    assert [r.kind for r in weak_reasons] == ["weak_theme"]
    assert plain_reasons == ()


def test_questions_flagged_in_interviews_or_rated_hard_come_up_more() -> None:
    w = weights(session("q-plain", 2, 5))
    assert w["asked-7"] > 1.0
    assert w["q-plain"] > w["q-weak"]


def test_a_question_rated_well_recently_rests_for_a_while() -> None:
    assert weights(session("q-plain", 5, 3))["q-plain"] < 1.0
    assert weights(session("q-plain", 5, 30))["q-plain"] == 1.0


def test_only_the_latest_rating_of_a_question_counts() -> None:
    later_good = weights(session("q-plain", 1, 40), session("q-plain", 4, 2))
    assert later_good["q-plain"] < 1.0


def test_a_draw_gives_different_questions_and_the_same_ones_for_the_same_seed() -> None:
    weighed = weigh([PLAIN, WEAK, ASKED], {}, [], TODAY)
    first = draw(weighed, 3, random.Random(4))
    assert len({q.key for q, _ in first}) == 3
    assert draw(weighed, 3, random.Random(4)) == first
    assert len(draw(weighed, 10, random.Random(4))) == 3


def test_heavier_questions_are_drawn_more_often() -> None:
    weighed = weigh([PLAIN, WEAK], {"communication": 3}, [], TODAY)
    firsts = Counter(draw(weighed, 1, random.Random(seed))[0][0].key for seed in range(400))
    assert firsts["q-weak"] > 3 * firsts["q-plain"]


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_a_rating_outside_one_to_five_is_refused(rating: int) -> None:
    with pytest.raises(InvalidInput, match="1 \\(hard going\\) to 5"):
        check_rating(rating)
