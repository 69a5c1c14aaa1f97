"""Guided reflection: the plan for the stage reached, answers from a file, and what is kept."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.domain.models import InterviewKind, NewApplication, Origin
from nextyes.domain.recovery import StageGroup
from nextyes.domain.stages import Stage
from nextyes.errors import Conflict, InvalidInput, NextyesError
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.recovery.cool_down import reject_and_recover
from nextyes.services.recovery.reflection import (
    ReflectionAnswers,
    answers_from_document,
    plan_reflection,
    save_reflection,
)
from tests.conftest import NOW, TODAY, snapshot


def _rejected(journal: Journal, stage: Stage | None = Stage.FINAL) -> int:
    new = NewApplication("Acme Robotics", "Data Analyst", TODAY - timedelta(days=30))
    app_id = svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id
    if stage is not None:
        svc.move_application(
            journal.uow(), app_id, stage, TODAY - timedelta(days=6), NOW,
            details=svc.InterviewDetails(kind=InterviewKind.VIDEO, at=time(10)), origin=Origin.CLI,
        )  # fmt: skip
    reject_and_recover(
        journal.uow(), app_id, TODAY - timedelta(days=1), NOW, cool_down="none", origin=Origin.CLI
    )
    return app_id


def test_the_plan_fits_the_stage_reached(journal: Journal) -> None:
    final = plan_reflection(journal.uow(), _rejected(journal, Stage.FINAL))
    assert final.session.group is StageGroup.FINAL
    assert {"red_flags", "fit"} <= {q.topic for q in final.session.questions}
    assert final.interview_id is not None
    screened = plan_reflection(journal.uow(), _rejected(journal, None))
    assert screened.session.group is StageGroup.SCREEN_OUT
    assert screened.interview_id is None


def test_the_time_box_comes_from_the_setting_or_the_option(journal: Journal) -> None:
    app_id = _rejected(journal)
    assert plan_reflection(journal.uow(), app_id).minutes == 15
    assert plan_reflection(journal.uow(), app_id, minutes=10).minutes == 10
    with pytest.raises(InvalidInput, match="from 5 to 60"):
        plan_reflection(journal.uow(), app_id, minutes=300)


def test_attribution_is_prefilled_from_the_questions_themes(journal: Journal) -> None:
    plan = plan_reflection(journal.uow(), _rejected(journal))
    assert plan.suggested
    assert set(plan.suggested.values()) <= {"yes", "partly", "no"}


def test_reflecting_on_an_open_application_is_refused(journal: Journal) -> None:
    app_id = svc.add_application(
        journal.uow(), NewApplication("A", "B", TODAY), NOW, origin=Origin.CLI
    ).id
    with pytest.raises(Conflict, match="follows a no"):
        plan_reflection(journal.uow(), app_id)


def test_a_yaml_answers_file_is_read_by_topic(journal: Journal) -> None:
    plan = plan_reflection(journal.uow(), _rejected(journal))
    answers = answers_from_document(
        plan,
        """
mood_before: 2
answers:
  answers: The SQL one went well; the stakeholder story trailed off.
  fit: Lovely people, fully on-site though.
hard_questions:
  - Design an A/B test for a checkout button
attribution:
  technical_skills: partly
  salary_budget: no
mood_after: 3
""",
        "answers.yaml",
    )
    by_topic = {q.topic: q.id for q in plan.session.questions}
    assert answers.answers[by_topic["answers"]].startswith("The SQL one")
    assert answers.attributions == {"technical_skills": "partly", "salary_budget": "no"}
    assert (answers.mood_before, answers.mood_after) == (2, 3)


def test_a_json_answers_list_follows_the_order_of_the_questions(journal: Journal) -> None:
    plan = plan_reflection(journal.uow(), _rejected(journal))
    answers = answers_from_document(plan, '{"answers": ["first", null, "third"]}', "a.json")
    first, _, third = plan.session.questions[:3]
    assert answers.answers == {first.id: "first", third.id: "third"}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("", "is empty"),
        ("   \n", "is empty"),
        ("{}", "is empty"),
        ("- just\n- a list", "should hold a mapping"),
        ("moood_before: 2", "keys nextyes doesn't know: moood_before"),
        ("mood_before: 9", "outside 1 to 5"),
        ("mood_before: low", "not a mood"),
        ("answers: {weather: sunny}", "isn't a question in this reflection"),
        ("attribution: {luck: no}", "'luck' is not one of the themes"),
        ("attribution: {culture_fit: maybe}", "Give yes, partly or no"),
        ("answers: {answers: ''}", "nothing to record"),
        ("answers: [unclosed", "isn't valid YAML"),
        ('{"mood_before": ', "isn't valid JSON"),
    ],
)
def test_a_bad_answers_file_says_what_to_fix(journal: Journal, document: str, message: str) -> None:
    plan = plan_reflection(journal.uow(), _rejected(journal))
    with pytest.raises(InvalidInput, match=message):
        answers_from_document(plan, document, "answers.yaml")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
def test_any_answers_text_is_read_or_refused_clearly(journal: Journal, document: str) -> None:
    plan = plan_reflection(journal.uow(), _rejected(journal))
    try:
        answers_from_document(plan, document, "answers.yaml")
    except NextyesError as exc:
        assert exc.message


def test_saving_keeps_the_answers_the_moods_and_the_hard_questions(any_journal: Journal) -> None:
    app_id = _rejected(any_journal)
    plan = plan_reflection(any_journal.uow(), app_id)
    question = plan.session.questions[0]
    saved = save_reflection(
        any_journal.uow(),
        plan,
        ReflectionAnswers(
            mood_before=2,
            mood_after=4,
            answers={question.id: "  Got the forecasting across.  "},
            hard_questions=("Design an A/B test", "design an a/b test"),
            attributions={"technical_skills": "partly"},
        ),
        started_at=NOW,
        finished_at=NOW + timedelta(minutes=11),
        now=NOW,
    )
    assert saved.answers == {question.id: "Got the forecasting across."}
    assert (saved.mood_before, saved.mood_after, saved.time_box_minutes) == (2, 4, 15)
    with any_journal.uow() as uow:
        hard = [q for q in uow.questions.for_application(app_id) if q.hard]
        moods = uow.db.query("SELECT score, context FROM moods ORDER BY id")
    assert [(q.text, q.interview_id) for q in hard] == [("Design an A/B test", plan.interview_id)]
    assert [(m["score"], m["context"]) for m in moods] == [
        (2, "before_reflection"),
        (4, "after_reflection"),
    ]


def test_a_second_reflection_asks_other_questions(journal: Journal) -> None:
    app_id = _rejected(journal)
    first = plan_reflection(journal.uow(), app_id)
    save_reflection(journal.uow(), first, ReflectionAnswers(mood_before=3), started_at=NOW,
                    finished_at=NOW, now=NOW)  # fmt: skip
    second = plan_reflection(journal.uow(), app_id)
    assert [q.id for q in first.session.questions] != [q.id for q in second.session.questions]


def test_invalid_answers_are_refused_before_anything_is_written(journal: Journal) -> None:
    plan = plan_reflection(journal.uow(), _rejected(journal))
    before = snapshot(journal)
    with pytest.raises(InvalidInput):
        save_reflection(journal.uow(), plan, ReflectionAnswers(mood_before=0), started_at=NOW,
                        finished_at=NOW, now=NOW)  # fmt: skip
    assert snapshot(journal) == before


def test_reflecting_again_edits_the_earlier_reflection_unless_a_new_one_is_asked_for(
    any_journal: Journal,
) -> None:
    app_id = _rejected(any_journal)
    first = plan_reflection(any_journal.uow(), app_id)
    assert first.earlier is None
    asked = first.session.questions[0].id
    saved = save_reflection(
        any_journal.uow(), first, ReflectionAnswers(mood_before=2, answers={asked: "Too fast"}),
        started_at=NOW, finished_at=NOW, now=NOW,
    )  # fmt: skip
    again = plan_reflection(any_journal.uow(), app_id)
    assert again.earlier is not None and again.earlier.id == saved.id
    assert again.session.questions[0].id == asked, "the earlier questions come first"
    other = again.session.questions[1].id
    edited = save_reflection(
        any_journal.uow(), again, ReflectionAnswers(mood_after=4, answers={other: "Slow down"}),
        started_at=NOW, finished_at=NOW, now=NOW,
    )  # fmt: skip
    assert edited.id == saved.id
    assert edited.answers == {asked: "Too fast", other: "Slow down"}
    assert (edited.mood_before, edited.mood_after) == (2, 4)
    fresh = plan_reflection(any_journal.uow(), app_id, new=True)
    assert fresh.earlier is None
    another = save_reflection(
        any_journal.uow(), fresh, ReflectionAnswers(mood_before=3), started_at=NOW,
        finished_at=NOW, now=NOW,
    )  # fmt: skip
    assert another.id != saved.id


def test_a_reflection_is_deleted_and_a_missing_one_is_a_clear_refusal(
    any_journal: Journal,
) -> None:
    from nextyes.errors import NotFound
    from nextyes.services.recovery.reflection import delete_reflection

    app_id = _rejected(any_journal)
    plan = plan_reflection(any_journal.uow(), app_id)
    saved = save_reflection(
        any_journal.uow(), plan, ReflectionAnswers(mood_before=2), started_at=NOW,
        finished_at=NOW, now=NOW,
    )  # fmt: skip
    assert delete_reflection(any_journal.uow(), saved.id).id == saved.id
    before = snapshot(any_journal)
    with pytest.raises(NotFound, match=f"No reflection {saved.id} "):
        delete_reflection(any_journal.uow(), saved.id)
    assert snapshot(any_journal) == before
    assert plan_reflection(any_journal.uow(), app_id).earlier is None
