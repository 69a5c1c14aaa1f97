"""Practice over a real journal: the bank, weak themes, hard questions and the session log."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.practice import Category
from nextyes.errors import InvalidInput, NotFound
from nextyes.services.journal import Journal
from nextyes.services.learning import plan, practice
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY


def an_application(journal: Journal) -> int:
    new = NewApplication("Acme", "Analyst", TODAY - timedelta(days=30))
    return svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id


def test_the_bank_has_enough_questions_in_every_category() -> None:
    bank = practice.question_bank()
    assert len(bank) >= 150
    assert len({q.key for q in bank}) == len(bank)
    per = Counter(q.category for q in bank)
    assert all(per[c] >= 25 for c in Category if c is not Category.YOURS)
    assert all(q.themes for q in bank)


def test_recurring_feedback_themes_make_their_questions_come_up_more(
    any_journal: Journal,
) -> None:
    apps = [an_application(any_journal), an_application(any_journal)]
    uow = any_journal.uow()
    with uow:
        for app_id, days in zip(apps, (3, 9), strict=True):
            uow.feedback.add(app_id, "x", "interviewer", TODAY - timedelta(days=days), NOW,
                             themes=("preparation_company_knowledge",), origin="cli")  # fmt: skip
        uow.commit()
    assert practice.weak_themes(any_journal.uow(), TODAY) == {"preparation_company_knowledge": 2}
    bank = practice.question_bank()
    share = sum("preparation_company_knowledge" in q.themes for q in bank) / len(bank)
    drawn = [
        d
        for seed in range(20)
        for d in practice.draw_questions(any_journal.uow(), TODAY, count=10, seed=seed)
    ]
    about_prep = [d for d in drawn if "preparation_company_knowledge" in d.question.themes]
    assert len(about_prep) / len(drawn) > 2 * share
    assert all(r.kind == "weak_theme" for d in about_prep for r in d.reasons)


def test_questions_flagged_hard_in_real_interviews_join_the_draw(any_journal: Journal) -> None:
    app_id = an_application(any_journal)
    uow = any_journal.uow()
    with uow:
        question_id = uow.questions.add(app_id, "Design a rota for 40 nurses.", NOW, hard=True)
        uow.commit()
    drawn = practice.draw_questions(any_journal.uow(), TODAY, category="from_your_interviews")
    assert [d.question.key for d in drawn] == [f"asked-{question_id}"]
    logged = practice.log_practice(any_journal.uow(), f"asked-{question_id}", TODAY, NOW, rating=3)
    assert logged.session.question_text == "Design a rota for 40 nurses."


def test_the_same_day_gives_the_same_questions(any_journal: Journal) -> None:
    first = practice.draw_questions(any_journal.uow(), TODAY)
    assert practice.draw_questions(any_journal.uow(), TODAY) == first
    assert practice.draw_questions(any_journal.uow(), TODAY, seed=99) != first


def test_a_session_is_logged_from_a_key_or_your_own_words(any_journal: Journal) -> None:
    by_key = practice.log_practice(any_journal.uow(), "beh-01", TODAY, NOW, rating=2,
                                   notes="  Forgot the result  ")  # fmt: skip
    assert by_key.session.question_key == "beh-01"
    assert by_key.session.theme == "behavioural_answers"
    assert by_key.session.notes == "Forgot the result"
    own = practice.log_practice(any_journal.uow(), "Why leave a good job?", TODAY, NOW)
    assert (own.session.question_key, own.session.rating) == (None, None)
    assert [s.id for s in practice.practice_history(any_journal.uow())] == [
        own.session.id, by_key.session.id,
    ]  # fmt: skip


def test_a_low_rating_makes_its_theme_weak(any_journal: Journal) -> None:
    practice.log_practice(any_journal.uow(), "sit-01", TODAY, NOW, rating=1)
    assert practice.weak_themes(any_journal.uow(), TODAY) == {"behavioural_answers": 1}


def test_practice_towards_a_plan_item_is_kept_as_its_evidence(any_journal: Journal) -> None:
    item = plan.add_plan_item(any_journal.uow(), "Answer-first replies", TODAY, NOW)
    practice.log_practice(any_journal.uow(), "mot-02", TODAY, NOW, rating=4,
                          plan_item_id=item.id)  # fmt: skip
    (kept,) = plan.list_plan(any_journal.uow())[0].evidence
    assert kept.kind.value == "practice"
    assert "Tell me about yourself." in kept.text
    assert "(rated 4/5)" in kept.text


@pytest.mark.parametrize(
    ("question", "kwargs", "error", "message"),
    [
        ("", {}, InvalidInput, "Which question"),
        ("beh99", {}, InvalidInput, "not a question key"),
        ("asked-404", {}, NotFound, "No flagged interview question"),
        ("beh-01", {"rating": 9}, InvalidInput, "1 \\(hard going\\) to 5"),
        ("beh-01", {"plan_item_id": 5}, NotFound, "No plan item 5"),
    ],
)
def test_bad_sessions_are_refused_and_nothing_is_logged(
    any_journal: Journal, question: str, kwargs: dict[str, object], error: type[Exception],
    message: str,
) -> None:  # fmt: skip
    with pytest.raises(error, match=message):
        practice.log_practice(any_journal.uow(), question, TODAY, NOW, **kwargs)  # type: ignore[arg-type]
    assert practice.practice_history(any_journal.uow()) == []


def test_a_day_in_the_future_is_refused(any_journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="future"):
        practice.log_practice(any_journal.uow(), "beh-01", TODAY + timedelta(days=1), NOW)
