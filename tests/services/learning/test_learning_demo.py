"""The demo journal has a plan, practice and stories to explore."""

from __future__ import annotations

from pathlib import Path

from nextyes.config import Settings
from nextyes.domain.plan import PlanKind, PlanStatus
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal, open_journal
from nextyes.services.learning.plan import list_plan
from nextyes.services.learning.practice import practice_history
from nextyes.services.learning.stories import list_stories
from tests.conftest import NOW, TODAY


def test_the_demo_has_a_plan_at_every_status_with_evidence(journal: Journal) -> None:
    fill_demo(journal.uow(), NOW, seed=3)
    items = list_plan(journal.uow())
    assert {i.status for i in items} == set(PlanStatus)
    skill = next(i for i in items if i.kind is PlanKind.SKILL)
    assert skill.evidence
    assert all(i.created_on <= TODAY for i in items)
    assert any(i.source_feedback_id or i.source_application_id for i in items if i.action_key)


def test_the_demo_has_practice_getting_easier_and_complete_stories(journal: Journal) -> None:
    fill_demo(journal.uow(), NOW, seed=3)
    sessions = sorted(practice_history(journal.uow(), 50), key=lambda s: s.practiced_on)
    assert len(sessions) == 12
    first, last = sessions[:4], sessions[-4:]
    assert sum(s.rating or 0 for s in last) > sum(s.rating or 0 for s in first)
    stories = list_stories(journal.uow())
    assert len(stories) >= 4
    assert all(not s.missing and s.themes for s in stories)


def test_the_demo_is_the_same_for_the_same_seed(journal: Journal, tmp_path: Path) -> None:
    fill_demo(journal.uow(), NOW, seed=5)
    other = open_journal(Settings.from_env(home=str(tmp_path / "other")))
    try:
        fill_demo(other.uow(), NOW, seed=5)
        assert practice_history(other.uow(), 50) == practice_history(journal.uow(), 50)
        assert list_plan(other.uow()) == list_plan(journal.uow())
    finally:
        other.close()
