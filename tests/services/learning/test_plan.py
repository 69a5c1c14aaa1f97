"""The improvement plan: suggestions from recurring themes, items, moves and evidence."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.plan import EvidenceKind, PlanKind, PlanStatus
from nextyes.errors import Conflict, InvalidInput, NotFound
from nextyes.services.journal import Journal
from nextyes.services.learning import plan
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY


def feedback(journal: Journal, text: str, days_ago: int, themes: tuple[str, ...] | None = None
             ) -> tuple[int, int]:  # fmt: skip
    app = svc.add_application(
        journal.uow(),
        NewApplication("Acme", "Analyst", TODAY - timedelta(days=60)),
        NOW,
        origin=Origin.CLI,
    )
    uow = journal.uow()
    with uow:
        feedback_id = uow.feedback.add(
            app.id,
            text,
            "interviewer",
            TODAY - timedelta(days=days_ago),
            NOW,
            themes=themes,
            origin="cli",
        )
        uow.commit()  # fmt: skip
    return app.id, feedback_id


def test_every_library_action_has_a_theme_kind_title_and_detail() -> None:
    library = plan.action_library()
    assert len(library) >= 40
    assert {a.kind for a in library.values()} >= {
        PlanKind.PRACTICE, PlanKind.LEARNING, PlanKind.MATERIALS, PlanKind.NETWORKING
    }  # fmt: skip
    assert all(a.title and a.detail for a in library.values())
    assert {a.theme for a in library.values()} == set(plan.Theme)


def test_suggestions_come_from_recurring_themes_within_your_control(any_journal: Journal) -> None:
    feedback(any_journal, "x", 5, themes=("communication",))
    _, latest = feedback(any_journal, "y", 2, themes=("communication",))
    feedback(any_journal, "z", 3, themes=("salary_budget",))
    feedback(any_journal, "w", 4, themes=("salary_budget",))
    feedback(any_journal, "v", 6, themes=("culture_fit",))
    found = plan.suggest_plan_items(any_journal.uow(), TODAY)
    assert {s.action.theme.value for s in found} == {"communication"}
    assert len(found) == plan.PER_THEME
    assert all(s.mentions == 2 for s in found)
    assert found[0].because is not None
    assert found[0].because.feedback_id == latest


def test_an_action_already_in_the_plan_is_not_suggested_again(any_journal: Journal) -> None:
    for days in (3, 4):
        feedback(any_journal, "x", days, themes=("communication",))
    first = plan.suggest_plan_items(any_journal.uow(), TODAY)[0]
    plan.add_plan_item(any_journal.uow(), first.action.key, TODAY, NOW)
    again = plan.suggest_plan_items(any_journal.uow(), TODAY)
    assert first.action.key not in {s.action.key for s in again}
    with pytest.raises(Conflict, match="already in your plan"):
        plan.add_plan_item(any_journal.uow(), first.action.key, TODAY, NOW)


def test_an_added_action_links_to_the_latest_feedback_on_its_theme(any_journal: Journal) -> None:
    feedback(any_journal, "old", 20, themes=("communication",))
    app_id, latest = feedback(any_journal, "new", 2, themes=("communication",))
    item = plan.add_plan_item(any_journal.uow(), "comm-answer-first", TODAY, NOW)
    assert (item.kind, item.theme, item.status) == (PlanKind.PRACTICE, "communication",
                                                    PlanStatus.PLANNED)  # fmt: skip
    assert (item.source_feedback_id, item.source_application_id) == (latest, app_id)


def test_an_item_of_your_own_or_a_skill_can_be_added(any_journal: Journal) -> None:
    item = plan.add_plan_item(any_journal.uow(), "  SQL   window functions ", TODAY, NOW,
                              kind="skill")  # fmt: skip
    assert (item.title, item.kind, item.action_key) == ("SQL window functions", PlanKind.SKILL,
                                                         None)  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"what": "  "}, InvalidInput, "needs a title"),
        ({"what": "x", "theme": "luck"}, InvalidInput, "not a theme"),
        ({"what": "x", "kind": "wishing"}, InvalidInput, "not a kind"),
        ({"what": "x", "feedback_id": 999}, NotFound, "No feedback 999"),
        ({"what": "x", "application_id": 999}, NotFound, "No application 999"),
    ],
)
def test_bad_items_are_refused_and_nothing_is_kept(
    any_journal: Journal, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    given = dict(kwargs)
    what = str(given.pop("what"))
    with pytest.raises(error, match=message):
        plan.add_plan_item(any_journal.uow(), what, TODAY, NOW, **given)  # type: ignore[arg-type]
    assert plan.list_plan(any_journal.uow()) == []


def test_items_move_from_planned_to_started_to_done_and_keep_their_evidence(
    any_journal: Journal,
) -> None:
    item = plan.add_plan_item(any_journal.uow(), "Mock interview", TODAY - timedelta(days=9), NOW)
    started = plan.move_plan_item(any_journal.uow(), item.id, PlanStatus.STARTED,
                                  TODAY - timedelta(days=5), NOW)  # fmt: skip
    assert started.started_on == TODAY - timedelta(days=5)
    plan.add_evidence(any_journal.uow(), item.id, "Did one with Sam", TODAY, NOW,
                      kind=EvidenceKind.PRACTICE)  # fmt: skip
    done = plan.move_plan_item(any_journal.uow(), item.id, PlanStatus.DONE, TODAY, NOW,
                               evidence="Second one felt easy")  # fmt: skip
    assert done.status is PlanStatus.DONE
    assert [e.text for e in done.evidence] == ["Did one with Sam", "Second one felt easy"]
    assert done.evidence[0].kind is EvidenceKind.PRACTICE
    assert plan.list_plan(any_journal.uow(), (PlanStatus.PLANNED, PlanStatus.STARTED)) == []


def test_finishing_straight_from_planned_records_the_start_too(any_journal: Journal) -> None:
    item = plan.add_plan_item(any_journal.uow(), "Read the annual report", TODAY, NOW)
    done = plan.move_plan_item(any_journal.uow(), item.id, PlanStatus.DONE, TODAY, NOW)
    assert done.started_on == done.finished_on == TODAY


@pytest.mark.parametrize("final", [PlanStatus.DONE, PlanStatus.DROPPED])
def test_done_and_dropped_are_final(any_journal: Journal, final: PlanStatus) -> None:
    item = plan.add_plan_item(any_journal.uow(), "Something", TODAY, NOW)
    plan.move_plan_item(any_journal.uow(), item.id, final, TODAY, NOW)
    with pytest.raises(Conflict, match="final"):
        plan.move_plan_item(any_journal.uow(), item.id, PlanStatus.STARTED, TODAY, NOW)


def test_days_in_the_future_or_before_the_item_are_refused(any_journal: Journal) -> None:
    item = plan.add_plan_item(any_journal.uow(), "Something", TODAY, NOW)
    with pytest.raises(InvalidInput, match="future"):
        plan.move_plan_item(any_journal.uow(), item.id, PlanStatus.STARTED,
                            TODAY + timedelta(days=1), NOW)  # fmt: skip
    with pytest.raises(InvalidInput, match="before plan item"):
        plan.add_evidence(any_journal.uow(), item.id, "x", TODAY - timedelta(days=3), NOW)
    with pytest.raises(InvalidInput, match="evidence is empty"):
        plan.add_evidence(any_journal.uow(), item.id, "   ", TODAY, NOW)
