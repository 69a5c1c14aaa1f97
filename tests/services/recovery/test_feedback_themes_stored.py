"""Feedback is classified when it is recorded, so later reads need not classify it again."""

from __future__ import annotations

from datetime import timedelta

from nextyes.domain.models import NewApplication, Origin
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.recovery.feedback_requests import add_feedback
from tests.conftest import NOW, TODAY


def test_recorded_feedback_keeps_its_themes_and_control(any_journal: Journal) -> None:
    new = NewApplication("Acme", "Analyst", TODAY - timedelta(days=20))
    app = svc.add_application(any_journal.uow(), new, NOW, origin=Origin.CLI)
    svc.record_rejection(
        any_journal.uow(), app.id, TODAY - timedelta(days=2), NOW, origin=Origin.CLI
    )
    text = "Your SQL was not strong enough for the day-to-day work; the window functions tripped you up."
    add_feedback(
        any_journal.uow(), app.id, text, TODAY, NOW, giver="interviewer", origin=Origin.CLI
    )
    with any_journal.uow() as uow:
        (stored,) = uow.feedback.for_application(app.id)
    assert stored.themes == ("technical_skills",)
    assert stored.controllable == "yes"
