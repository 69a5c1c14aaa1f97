"""Importing job email into the journal, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from nextyes.config import Settings
from nextyes.domain.mail import AnalysedMail, MailStatus
from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.mail.importer import Importer
from nextyes.services.mail.review import Correction, ignore, review_queue, settle
from nextyes.services.mail.sources import import_mailbox
from nextyes.services.pipeline.applications import (
    add_application,
    move_application,
    record_rejection,
)
from tests.conftest import NOW, snapshot
from tests.mailboxes import (
    CONFIRMATION,
    INVITATION,
    NEWSLETTER,
    REJECTION,
    UNKNOWN_REJECTION,
    write_mbox,
)


def _add(journal: Journal, company: str, role: str, on: date = date(2026, 10, 1)) -> int:
    return add_application(
        journal.uow(), NewApplication(company, role, on), NOW, origin=Origin.CLI
    ).id


def _stage(journal: Journal, application_id: int) -> Stage:
    with journal.uow() as uow:
        application = uow.applications.get(application_id)
        assert application is not None
        return application.stage


def test_a_confirmation_creates_the_application_it_confirms(
    any_journal: Journal, tmp_path: Path
) -> None:
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION])
    summary = import_mailbox(any_journal.uow(), box, NOW)
    assert summary.created == 1
    with any_journal.uow() as uow:
        (application,) = uow.applications.find(_all())
    assert (application.company, application.role) == ("Lumen Analytics", "Product Manager")
    assert application.applied_on == date(2026, 11, 3)
    assert application.source == "email"


def _all():  # type: ignore[no-untyped-def]
    from nextyes.domain.queries import ApplicationQuery

    return ApplicationQuery()


def test_an_invitation_moves_the_application_forward_and_schedules_the_interview(
    any_journal: Journal, tmp_path: Path
) -> None:
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION, INVITATION])
    summary = import_mailbox(any_journal.uow(), box, NOW)
    assert (summary.created, summary.stage_changes, summary.invitations) == (1, 1, 1)
    with any_journal.uow() as uow:
        (application,) = uow.applications.find(_all())
        (interview,) = uow.interviews.for_application(application.id)
        events = uow.events.for_application(application.id)
    assert application.stage is Stage.INTERVIEW
    assert [e.origin for e in events] == [Origin.MAIL, Origin.MAIL]
    assert interview.notes is not None
    assert "12 Nov 2026, 14:30" in interview.notes


def test_a_rejection_is_recorded_like_nextyes_reject_with_its_reason(
    any_journal: Journal, tmp_path: Path
) -> None:
    application_id = _add(any_journal, "Acme Robotics", "Data Analyst")
    summary = import_mailbox(any_journal.uow(), write_mbox(tmp_path / "r.mbox", [REJECTION]), NOW)
    assert summary.rejections == 1
    assert _stage(any_journal, application_id) is Stage.REJECTED
    with any_journal.uow() as uow:
        event = uow.events.for_application(application_id)[-1]
    assert event.origin is Origin.MAIL
    assert event.occurred_on == date(2026, 11, 6)
    assert event.reason is not None
    assert "more experience in forecasting" in event.reason


def test_importing_the_same_mailbox_twice_changes_nothing(
    any_journal: Journal, tmp_path: Path
) -> None:
    _add(any_journal, "Acme Robotics", "Data Analyst")
    box = write_mbox(
        tmp_path / "in.mbox", [CONFIRMATION, INVITATION, REJECTION, UNKNOWN_REJECTION, NEWSLETTER]
    )
    import_mailbox(any_journal.uow(), box, NOW)
    before = snapshot(any_journal)
    again = import_mailbox(any_journal.uow(), box, NOW)
    assert again.already_imported == 5
    assert snapshot(any_journal) == before


def test_a_dry_run_reports_the_changes_and_writes_nothing(
    any_journal: Journal, tmp_path: Path
) -> None:
    _add(any_journal, "Acme Robotics", "Data Analyst")
    before = snapshot(any_journal)
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION, INVITATION, REJECTION])
    summary = import_mailbox(any_journal.uow(), box, NOW, dry_run=True)
    assert (summary.created, summary.stage_changes, summary.rejections) == (1, 1, 1)
    assert snapshot(any_journal) == before


def test_stages_only_move_forward(any_journal: Journal, tmp_path: Path) -> None:
    application_id = _add(any_journal, "Lumen Analytics", "Product Manager")
    move_application(
        any_journal.uow(), application_id, Stage.OFFER, date(2026, 11, 10), NOW, origin=Origin.CLI
    )
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION, INVITATION])
    summary = import_mailbox(any_journal.uow(), box, NOW)
    assert summary.linked == 2
    assert _stage(any_journal, application_id) is Stage.OFFER


def test_an_older_email_never_overrides_a_newer_event(any_journal: Journal, tmp_path: Path) -> None:
    application_id = _add(any_journal, "Lumen Analytics", "Product Manager")
    record_rejection(any_journal.uow(), application_id, date(2026, 11, 9), NOW, origin=Origin.CLI)
    summary = import_mailbox(any_journal.uow(), write_mbox(tmp_path / "i.mbox", [INVITATION]), NOW)
    assert summary.linked == 1
    assert _stage(any_journal, application_id) is Stage.REJECTED


def test_a_later_invitation_after_a_recorded_no_waits_for_review(
    any_journal: Journal, tmp_path: Path
) -> None:
    application_id = _add(any_journal, "Lumen Analytics", "Product Manager")
    record_rejection(any_journal.uow(), application_id, date(2026, 11, 1), NOW, origin=Origin.CLI)
    summary = import_mailbox(any_journal.uow(), write_mbox(tmp_path / "i.mbox", [INVITATION]), NOW)
    assert summary.review == 1
    (queued,) = review_queue(any_journal.uow())
    assert queued.review_reason is not None
    assert "already ended" in queued.review_reason


def test_two_open_applications_at_one_company_wait_for_review(
    any_journal: Journal, tmp_path: Path
) -> None:
    _add(any_journal, "Acme Robotics", "Data Analyst")
    _add(any_journal, "Acme Robotics", "Data Engineer")
    vague = replace(REJECTION, subject="Update", body=REJECTION.body.replace("Data Analyst", ""))
    box = write_mbox(tmp_path / "in.mbox", [replace(vague, subject="An update from Acme Robotics")])
    summary = import_mailbox(any_journal.uow(), box, NOW)
    assert summary.review == 1
    (queued,) = review_queue(any_journal.uow())
    assert "More than one application fits" in (queued.review_reason or "")


def test_the_role_decides_between_two_applications_at_one_company(
    any_journal: Journal, tmp_path: Path
) -> None:
    analyst = _add(any_journal, "Acme Robotics", "Data Analyst")
    engineer = _add(any_journal, "Acme Robotics", "Mechanical Engineer")
    import_mailbox(any_journal.uow(), write_mbox(tmp_path / "in.mbox", [REJECTION]), NOW)
    assert _stage(any_journal, analyst) is Stage.REJECTED
    assert _stage(any_journal, engineer) is Stage.APPLIED


def test_a_company_spelled_differently_still_matches(any_journal: Journal, tmp_path: Path) -> None:
    application_id = _add(any_journal, "ACME Robotics, Inc.", "Data Analyst")
    import_mailbox(any_journal.uow(), write_mbox(tmp_path / "in.mbox", [REJECTION]), NOW)
    assert _stage(any_journal, application_id) is Stage.REJECTED


def test_an_unknown_company_waits_for_review_and_the_correction_is_remembered(
    any_journal: Journal, tmp_path: Path
) -> None:
    application_id = _add(any_journal, "Zephyr Mobility", "Designer")
    first = write_mbox(tmp_path / "1.mbox", [UNKNOWN_REJECTION])
    assert import_mailbox(any_journal.uow(), first, NOW).review == 1
    (queued,) = review_queue(any_journal.uow())
    outcome = settle(
        any_journal.uow(), queued.id, NOW, correction=Correction(application_id=application_id)
    )
    assert outcome.effect == "rejected"
    assert _stage(any_journal, application_id) is Stage.REJECTED
    assert review_queue(any_journal.uow()) == []
    # the next message from that sender is read with the company the user gave
    second_app = _add(any_journal, "Zephyr Mobility", "Illustrator")
    later = replace(UNKNOWN_REJECTION, date="Mon, 09 Nov 2026 09:00:00 +0000")
    box = write_mbox(tmp_path / "2.mbox", [replace(later, message_id="<later@z>")])
    assert import_mailbox(any_journal.uow(), box, NOW).rejections == 1
    assert _stage(any_journal, second_app) is Stage.REJECTED


def test_ignoring_always_sets_that_senders_later_mail_aside(
    any_journal: Journal, tmp_path: Path
) -> None:
    import_mailbox(any_journal.uow(), write_mbox(tmp_path / "1.mbox", [UNKNOWN_REJECTION]), NOW)
    (queued,) = review_queue(any_journal.uow())
    ignore(any_journal.uow(), queued.id, NOW, always=True)
    box = write_mbox(tmp_path / "2.mbox", [replace(UNKNOWN_REJECTION, message_id="<x@z>")])
    summary = import_mailbox(any_journal.uow(), box, NOW)
    assert (summary.ignored, summary.review) == (1, 0)


def test_mail_that_is_not_about_the_search_keeps_nothing_private(
    any_journal: Journal, tmp_path: Path
) -> None:
    import_mailbox(any_journal.uow(), write_mbox(tmp_path / "n.mbox", [NEWSLETTER]), NOW)
    (row,) = any_journal.db.query("SELECT * FROM mail_messages")
    assert row["status"] == MailStatus.SKIPPED.value
    assert (row["sender"], row["subject"], row["snippet"], row["body"]) == (None,) * 4
    any_journal.db.rollback()


def test_job_mail_keeps_a_snippet_and_the_body_only_when_asked(
    any_journal: Journal, tmp_path: Path
) -> None:
    import_mailbox(any_journal.uow(), write_mbox(tmp_path / "a.mbox", [CONFIRMATION]), NOW)
    second = replace(CONFIRMATION, message_id="<kept@x>")
    import_mailbox(
        any_journal.uow(), write_mbox(tmp_path / "b.mbox", [second]), NOW, keep_bodies=True
    )
    rows = any_journal.db.query("SELECT snippet, body FROM mail_messages ORDER BY id")
    any_journal.db.rollback()
    assert rows[0]["snippet"].startswith("Hi Sam, thanks for applying")
    assert len(rows[0]["snippet"]) <= 240
    assert rows[0]["body"] is None
    assert "next two weeks" in rows[1]["body"]


def test_an_unsure_classification_waits_for_review_with_its_two_likeliest_readings(
    any_journal: Journal,
) -> None:
    mail = AnalysedMail(
        message_key="<unsure@x>", message_id="<unsure@x>", received_at=None, sender="a@b.c",
        sender_address="a@b.c", sender_domain="b.c", subject="Hello", label=MailLabel.OFFER,
        confidence=0.3, company="Acme", band=Band.REVIEW, runner_up=MailLabel.INTERVIEW,
    )  # fmt: skip
    with any_journal.uow() as uow:
        outcome = Importer(uow, NOW).decide(mail)
    assert outcome.status is MailStatus.REVIEW
    reason = outcome.review_reason or ""
    assert "an offer or an interview invitation" in reason
    assert "30% sure" in reason


def test_unsure_mail_that_may_not_be_job_mail_still_waits_for_review(
    any_journal: Journal,
) -> None:
    mail = AnalysedMail(
        message_key="<maybe@x>", message_id="<maybe@x>", received_at=None, sender="a@b.c",
        sender_address="a@b.c", sender_domain="b.c", subject="Hello",
        label=MailLabel.UNRELATED, confidence=0.6, band=Band.REVIEW,
        runner_up=MailLabel.REJECTION,
    )  # fmt: skip
    with any_journal.uow() as uow:
        outcome = Importer(uow, NOW).decide(mail)
    assert outcome.status is MailStatus.REVIEW
    assert "not about your job search or a rejection" in (outcome.review_reason or "")


def test_worker_processes_give_the_same_journal_as_one_process(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nextyes.services.journal import open_journal

    mails = [
        replace(m, message_id=f"<{i}-{n}@x>")
        for i in range(40)
        for n, m in enumerate([CONFIRMATION, INVITATION, NEWSLETTER])
    ]
    box = write_mbox(tmp_path / "in.mbox", mails)
    results = []
    for workers, name in ((0, "a"), (2, "b")):
        journal = open_journal(Settings.from_env(home=str(tmp_path / name)))
        summary = import_mailbox(journal.uow(), box, NOW, workers=workers)
        rows = journal.db.query("SELECT message_key, label, status FROM mail_messages ORDER BY id")
        results.append((summary, [tuple(r) for r in rows]))
        journal.close()
    assert results[0] == results[1]


def test_a_recent_rejection_opens_a_cool_down_like_nextyes_reject(
    any_journal: Journal, tmp_path: Path
) -> None:
    application_id = _add(any_journal, "Acme Robotics", "Data Analyst")
    recent = replace(REJECTION, date="Sun, 22 Nov 2026 08:30:00 +0000")
    import_mailbox(any_journal.uow(), write_mbox(tmp_path / "r.mbox", [recent]), NOW)
    rows = any_journal.db.query(
        "SELECT application_id FROM cool_downs WHERE application_id = :id", {"id": application_id}
    )
    any_journal.db.rollback()
    assert len(rows) == 1
