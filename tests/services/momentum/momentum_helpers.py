"""Small builders for momentum's service tests: real journals, filled through the services."""

from __future__ import annotations

from datetime import date, timedelta

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as apps
from tests.conftest import NOW, TODAY

MONDAY = TODAY - timedelta(days=TODAY.weekday())  # TODAY is a Sunday


def applied(journal: Journal, company: str, day: date = TODAY, role: str = "Analyst") -> int:
    return apps.add_application(
        journal.uow(), NewApplication(company, role, day), NOW, origin=Origin.CLI
    ).id


def moved(journal: Journal, app_id: int, stage: Stage, day: date) -> None:
    apps.move_application(journal.uow(), app_id, stage, day, NOW, origin=Origin.CLI)


def rejected(journal: Journal, app_id: int, day: date) -> None:
    apps.record_rejection(journal.uow(), app_id, day, NOW, origin=Origin.CLI)


def practice(journal: Journal, day: date) -> None:
    """A practice session, as the practice feature stores it."""
    with journal.uow() as uow:
        uow.db.execute(
            "INSERT INTO practice_sessions (owner_id, practiced_on, question_text, created_at) "
            "VALUES (:owner, :on, 'Why this role?', :now)",
            {"owner": journal.owner_id, "on": day, "now": NOW},
        )
        uow.commit()


def plan_item(journal: Journal, title: str, finished_on: date | None, app_id: int | None) -> int:
    """A plan item, as the plan feature stores it."""
    with journal.uow() as uow:
        item_id = uow.db.insert(
            "INSERT INTO plan_items (owner_id, kind, title, status, source_application_id, "
            "created_on, finished_on, updated_at) VALUES (:owner, 'practice', :title, :status, "
            ":app, :created, :finished, :now) RETURNING id",
            {"owner": journal.owner_id, "title": title, "app": app_id,
             "status": "done" if finished_on else "todo", "created": TODAY - timedelta(days=30),
             "finished": finished_on, "now": NOW},
        )  # fmt: skip
        uow.commit()
    return item_id


def reflection(journal: Journal, app_id: int, day: date, attributions: str | None = None) -> None:
    """A finished reflection, as the recovery feature stores it."""
    from datetime import datetime, time

    started = datetime.combine(day, time(18), NOW.tzinfo)
    with journal.uow() as uow:
        uow.db.execute(
            "INSERT INTO reflections (owner_id, application_id, stage_group, started_at, "
            "finished_at, time_box_minutes, attributions, created_at) VALUES (:owner, :app, "
            "'interview', :started, :finished, 15, :attributions, :now)",
            {"owner": journal.owner_id, "app": app_id, "started": started,
             "finished": started + timedelta(minutes=12), "attributions": attributions,
             "now": NOW},
        )  # fmt: skip
        uow.commit()
