"""The reads `nextyes today` makes in one go, on SQLite and PostgreSQL: recent noes with what
was done after each, and the quiet applications across several stages."""

from __future__ import annotations

from datetime import date, timedelta

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.recovery.feedback_requests import add_feedback, record_request_sent
from nextyes.services.recovery.reflection import ReflectionAnswers, plan_reflection, save_reflection
from nextyes.services.recovery.replies import draft_reply
from tests.conftest import NOW, TODAY


def _app(journal: Journal, company: str, on: date, stage: Stage | None = None) -> int:
    new = NewApplication(company, "Data Analyst", on)
    app_id = svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id
    if stage is not None:
        svc.move_application(journal.uow(), app_id, stage, on + timedelta(days=1), NOW,
                             origin=Origin.CLI)  # fmt: skip
    return app_id


def _no(journal: Journal, app_id: int, on: date) -> None:
    svc.record_rejection(journal.uow(), app_id, on, NOW, origin=Origin.CLI)


def test_recent_noes_come_newest_first_with_what_was_done_after_each(
    any_journal: Journal,
) -> None:
    early = TODAY - timedelta(days=30)
    asked = _app(any_journal, "Asked Co", early, Stage.INTERVIEW)
    replied = _app(any_journal, "Replied Co", early, Stage.INTERVIEW)
    reflected = _app(any_journal, "Reflected Co", early)
    untouched = _app(any_journal, "Untouched Co", early, Stage.FINAL)
    too_old = _app(any_journal, "Old Co", early)
    _no(any_journal, asked, TODAY - timedelta(days=1))
    _no(any_journal, replied, TODAY - timedelta(days=2))
    _no(any_journal, reflected, TODAY - timedelta(days=3))
    _no(any_journal, untouched, TODAY)
    _no(any_journal, too_old, TODAY - timedelta(days=25))
    add_feedback(any_journal.uow(), asked, "Strong on SQL, less on stakeholders", TODAY, NOW,
                 origin=Origin.CLI)  # fmt: skip
    record_request_sent(any_journal.uow(), asked, TODAY, NOW)
    draft_reply(any_journal.uow(), replied, NOW, to="Priya Shah")
    plan = plan_reflection(any_journal.uow(), reflected)
    save_reflection(any_journal.uow(), plan, ReflectionAnswers(mood_before=2), started_at=NOW,
                    finished_at=NOW, now=NOW)  # fmt: skip
    with any_journal.uow() as uow:
        noes = uow.recovery_progress.recent_noes(TODAY - timedelta(days=21), TODAY)
        requests = uow.recovery_progress.latest_requests(TODAY - timedelta(days=21), TODAY)
    assert [n.application_id for n in noes] == [untouched, asked, replied, reflected]
    flags = {n.application_id: (n.with_feedback, n.with_reply, n.with_reflection) for n in noes}
    assert flags == {
        untouched: (False, False, False),
        asked: (True, False, False),
        replied: (False, True, False),
        reflected: (False, False, True),
    }
    assert noes[0].from_stage is Stage.FINAL and noes[3].from_stage is Stage.APPLIED
    assert list(requests) == [asked] and requests[asked].sent_on == TODAY


def test_an_application_that_moved_on_after_its_no_is_not_a_recent_no(
    any_journal: Journal,
) -> None:
    app_id = _app(any_journal, "Changed Mind Co", TODAY - timedelta(days=30), Stage.INTERVIEW)
    _no(any_journal, app_id, TODAY - timedelta(days=4))
    svc.move_application(any_journal.uow(), app_id, Stage.INTERVIEW, TODAY - timedelta(days=2),
                         NOW, correct=True, origin=Origin.CLI)  # fmt: skip
    with any_journal.uow() as uow:
        assert uow.recovery_progress.recent_noes(TODAY - timedelta(days=21), TODAY) == []


def test_quiet_applications_are_the_oldest_across_every_stage_asked_for(
    any_journal: Journal,
) -> None:
    days = {"A": 40, "B": 35, "C": 30, "D": 25, "E": 20, "F": 5}
    stages = {"A": None, "B": Stage.SCREENING, "C": None, "D": Stage.SCREENING, "E": None,
              "F": None}  # fmt: skip
    ids = {}
    for name, ago in days.items():
        ids[name] = _app(any_journal, f"{name} Co", TODAY - timedelta(days=ago + 1), stages[name])
    cutoff = TODAY - timedelta(days=10)
    both = (Stage.APPLIED, Stage.SCREENING)
    with any_journal.uow() as uow:
        quiet, total = uow.applications.quiet_since(both, cutoff, TODAY, 3)
        few, few_total = uow.applications.quiet_since(both, cutoff, TODAY, 8)
        screening, screening_total = uow.applications.quiet_since(
            (Stage.SCREENING,), cutoff, TODAY, 8
        )
    assert [a.id for a in quiet] == [ids["A"], ids["B"], ids["C"]] and total == 5
    assert [a.id for a in few] == [ids[n] for n in "ABCDE"] and few_total == 5
    assert [a.id for a in screening] == [ids["B"], ids["D"]] and screening_total == 2
