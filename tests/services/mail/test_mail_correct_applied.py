"""Correcting mail that was already applied takes back exactly what it changed, applies the
corrected reading, teaches the journal and keeps a trail; on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.mail import AnalysedMail, MailStatus
from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.mail.correcting import (
    NeedsConfirmation,
    applied_mail,
    correct_applied,
    plan_correction,
)
from nextyes.services.mail.importer import Importer
from nextyes.services.mail.review import Correction
from nextyes.services.pipeline.applications import add_application, add_note, move_application
from tests.conftest import snapshot

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=2)

NO_THANKS = AnalysedMail(
    message_key="<r1@acme>", message_id="<r1@acme>",
    received_at=datetime(2026, 11, 18, 10, 0, tzinfo=UTC),
    sender="Dana Reyes <dana@acme-robotics.com>", sender_address="dana@acme-robotics.com",
    sender_domain="acme-robotics.com", subject="Next steps for the Data Analyst role",
    label=MailLabel.REJECTION, confidence=0.97, company="Acme Robotics", role="Data Analyst",
    snippet="Thank you for applying. We would like to invite you to a first conversation "
    "with the analytics team next week.",
    band=Band.SURE,
)  # fmt: skip
"""Read as a no; it is really an invitation."""


def _add(journal: Journal, company: str, role: str = "Data Analyst") -> int:
    new = NewApplication(company, role, date(2026, 11, 2))
    return add_application(journal.uow(), new, NOW - timedelta(days=10), origin=Origin.CLI).id


def _apply(journal: Journal, mail: AnalysedMail) -> int:
    uow = journal.uow()
    outcome = Importer(uow, NOW).apply(mail)
    assert outcome.status is not MailStatus.REVIEW, outcome.review_reason
    with uow:
        (row,) = [
            m for m in uow.mail.settled(list(MailStatus)) if m.message_key == mail.message_key
        ]
    return row.id


def _app(journal: Journal, application_id: int):  # type: ignore[no-untyped-def]
    with journal.uow() as uow:
        return uow.applications.get(application_id)


def test_a_no_that_was_an_invitation_becomes_an_interview(any_journal: Journal) -> None:
    app_id = _add(any_journal, "Acme Robotics")
    mail_id = _apply(any_journal, NO_THANKS)
    assert _app(any_journal, app_id).stage is Stage.REJECTED
    done = correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.INTERVIEW))
    assert done.outcome.effect == "moved"
    assert any("rejection" in line for line in done.undo.undone)
    application = _app(any_journal, app_id)
    assert (application.stage, application.stage_on) == (Stage.INTERVIEW, date(2026, 11, 18))
    with any_journal.uow() as uow:
        stages = [e.stage for e in uow.events.for_application(app_id)]
        cool_downs = uow.cool_downs.for_application(app_id)
        stored = uow.mail.get(mail_id)
    assert stages == [Stage.APPLIED, Stage.INTERVIEW]
    assert cool_downs == []
    assert stored is not None
    assert (stored.label, stored.status, stored.effect) == (
        MailLabel.INTERVIEW, MailStatus.APPLIED, "moved",
    )  # fmt: skip
    assert stored.corrected_at == LATER
    (trail,) = stored.corrections
    assert (trail.before.label, trail.after.label) == (MailLabel.REJECTION, MailLabel.INTERVIEW)
    assert (trail.before.status, trail.after.effect) == (MailStatus.APPLIED, "moved")
    assert trail.at == LATER and trail.undone
    assert stored.details["read_as"] == "rejection"


def test_the_next_message_like_a_corrected_one_is_read_the_corrected_way(
    any_journal: Journal,
) -> None:
    _add(any_journal, "Acme Robotics")
    mail_id = _apply(any_journal, NO_THANKS)
    correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.INTERVIEW))
    again = replace(NO_THANKS, message_key="<r2@acme>", message_id="<r2@acme>",
                    subject="Next steps for the Data Engineer role")  # fmt: skip
    with any_journal.uow() as uow:
        read, _ = Importer(uow, LATER).effective(again)
    assert read.label is MailLabel.INTERVIEW


def test_an_invitation_that_was_a_no_takes_back_the_interview_it_scheduled(
    any_journal: Journal,
) -> None:
    app_id = _add(any_journal, "Acme Robotics")
    invite = replace(NO_THANKS, label=MailLabel.INTERVIEW,
                     interview_at=(datetime(2026, 11, 25, 14, 0, tzinfo=UTC),))  # fmt: skip
    mail_id = _apply(any_journal, invite)
    with any_journal.uow() as uow:
        assert len(uow.interviews.for_application(app_id)) == 1
    correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.REJECTION))
    application = _app(any_journal, app_id)
    with any_journal.uow() as uow:
        interviews = uow.interviews.for_application(app_id)
        stages = [e.stage for e in uow.events.for_application(app_id)]
    assert application.stage is Stage.REJECTED
    assert interviews == []
    assert stages == [Stage.APPLIED, Stage.REJECTED]


def test_a_message_matched_to_the_wrong_application_moves_to_the_right_one(
    any_journal: Journal,
) -> None:
    wrong = _add(any_journal, "Acme Robotics")
    right = _add(any_journal, "Acme Robotics", "Data Engineer")
    mail_id = _apply(any_journal, NO_THANKS)
    assert _app(any_journal, wrong).stage is Stage.REJECTED
    correct_applied(any_journal.uow(), mail_id, LATER, Correction(application_id=right))
    assert _app(any_journal, wrong).stage is Stage.APPLIED
    assert _app(any_journal, right).stage is Stage.REJECTED
    with any_journal.uow() as uow:
        stored = uow.mail.get(mail_id)
    assert stored is not None and stored.application_id == right


def test_not_job_mail_takes_back_the_application_it_added(any_journal: Journal) -> None:
    before = snapshot(any_journal)
    confirmation = replace(NO_THANKS, label=MailLabel.APPLICATION_RECEIVED)
    mail_id = _apply(any_journal, confirmation)
    with any_journal.uow() as uow:
        stored = uow.mail.get(mail_id)
    assert stored is not None and stored.effect == "created"
    correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.UNRELATED))
    after = snapshot(any_journal)
    assert after["applications"] == before["applications"] == []
    assert after["stage_events"] == []
    with any_journal.uow() as uow:
        stored = uow.mail.get(mail_id)
    assert stored is not None and stored.status is MailStatus.SKIPPED
    assert stored.label is MailLabel.UNRELATED and stored.subject == confirmation.subject


def test_what_you_added_since_is_kept_and_asked_about_first(any_journal: Journal) -> None:
    app_id = _add(any_journal, "Acme Robotics")
    mail_id = _apply(any_journal, NO_THANKS)
    add_note(any_journal.uow(), app_id, "Asked Dana for feedback", date(2026, 11, 19), LATER)
    before = snapshot(any_journal)
    plan = plan_correction(any_journal.uow(), mail_id)
    assert plan.needs_confirmation and "a note" in plan.kept[0]
    with pytest.raises(NeedsConfirmation):
        correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.INTERVIEW))
    assert snapshot(any_journal) == before
    correct_applied(
        any_journal.uow(), mail_id, LATER, Correction(MailLabel.INTERVIEW), confirmed=True
    )
    with any_journal.uow() as uow:
        notes = uow.notes.for_application(app_id)
    assert [n.text for n in notes] == ["Asked Dana for feedback"]
    assert _app(any_journal, app_id).stage is Stage.INTERVIEW


def test_a_later_step_you_recorded_stays(any_journal: Journal) -> None:
    app_id = _add(any_journal, "Acme Robotics")
    invite = replace(NO_THANKS, label=MailLabel.INTERVIEW)
    mail_id = _apply(any_journal, invite)
    move_application(any_journal.uow(), app_id, Stage.FINAL, date(2026, 11, 19), LATER,
                     origin=Origin.CLI)  # fmt: skip
    plan = plan_correction(any_journal.uow(), mail_id)
    assert any("final" in line for line in plan.kept)
    done = correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.ASSESSMENT),
                           confirmed=True)  # fmt: skip
    with any_journal.uow() as uow:
        stages = [e.stage for e in uow.events.for_application(app_id)]
    # the application is further along than an assessment: the message is matched to it
    assert done.outcome.status is MailStatus.LINKED
    assert stages == [Stage.APPLIED, Stage.FINAL]
    assert _app(any_journal, app_id).stage is Stage.FINAL


def test_a_correction_that_cannot_be_applied_changes_nothing(any_journal: Journal) -> None:
    app_id = _add(any_journal, "Acme Robotics")
    mail_id = _apply(any_journal, NO_THANKS)
    before = snapshot(any_journal)
    with pytest.raises(NotFound):
        correct_applied(any_journal.uow(), mail_id, LATER, Correction(application_id=app_id + 99))
    assert snapshot(any_journal) == before


def test_saying_what_it_already_is_is_refused(any_journal: Journal) -> None:
    _add(any_journal, "Acme Robotics")
    mail_id = _apply(any_journal, NO_THANKS)
    with pytest.raises(InvalidInput, match="already reads as a rejection"):
        correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.REJECTION))
    with pytest.raises(InvalidInput, match="--label"):
        correct_applied(any_journal.uow(), mail_id, LATER, Correction())


def test_mail_still_in_review_is_sent_back_to_review(any_journal: Journal) -> None:
    uow = any_journal.uow()
    Importer(uow, NOW).apply(replace(NO_THANKS, band=Band.REVIEW))
    with uow:
        (queued,) = uow.mail.with_status(MailStatus.REVIEW)
    with pytest.raises(InvalidInput, match="mail review"):
        correct_applied(any_journal.uow(), queued.id, LATER, Correction(MailLabel.INTERVIEW))


def test_applied_mail_lists_the_newest_first(any_journal: Journal) -> None:
    _add(any_journal, "Acme Robotics")
    first = _apply(any_journal, NO_THANKS)
    older = replace(NO_THANKS, message_key="<old@acme>", label=MailLabel.RECRUITER_OUTREACH,
                    received_at=datetime(2026, 11, 1, tzinfo=UTC))  # fmt: skip
    second = _apply(any_journal, older)
    assert [m.id for m in applied_mail(any_journal.uow())] == [first, second]


def test_the_win_an_invitation_earned_goes_with_it(any_journal: Journal) -> None:
    from nextyes.services.momentum.wins import sync_auto_wins

    app_id = _add(any_journal, "Acme Robotics")
    mail_id = _apply(any_journal, replace(NO_THANKS, label=MailLabel.INTERVIEW))
    sync_auto_wins(any_journal.uow(), NOW)
    with any_journal.uow() as uow:
        before = [w.application_id for w in uow.wins.recent() if w.application_id == app_id]
    assert before, "an invitation is a win"
    correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.REJECTION))
    with any_journal.uow() as uow:
        after = [w for w in uow.wins.recent() if w.application_id == app_id]
    assert after == []


def test_last_activity_goes_back_to_what_is_left(any_journal: Journal) -> None:
    app_id = _add(any_journal, "Acme Robotics")
    before = _app(any_journal, app_id).last_activity_on
    mail_id = _apply(any_journal, replace(NO_THANKS, label=MailLabel.INTERVIEW))
    assert _app(any_journal, app_id).last_activity_on == date(2026, 11, 18)
    correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.UNRELATED))
    application = _app(any_journal, app_id)
    assert (application.stage, application.last_activity_on) == (Stage.APPLIED, before)


def test_an_added_application_you_wrote_in_stays_and_you_are_told(any_journal: Journal) -> None:
    mail_id = _apply(any_journal, replace(NO_THANKS, label=MailLabel.APPLICATION_RECEIVED))
    with any_journal.uow() as uow:
        (stored,) = [m for m in uow.mail.settled(list(MailStatus)) if m.id == mail_id]
    assert stored.application_id is not None
    add_note(any_journal.uow(), stored.application_id, "Salary band 50-55k", date(2026, 11, 19),
             LATER)  # fmt: skip
    plan = plan_correction(any_journal.uow(), mail_id)
    assert plan.undone == ()
    assert "a note belong to it, so it stays" in plan.kept[0]
    correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.UNRELATED),
                    confirmed=True)  # fmt: skip
    application = _app(any_journal, stored.application_id)
    assert application is not None and application.company == "Acme Robotics"


def test_mail_applied_before_effects_were_kept_is_still_taken_back(any_journal: Journal) -> None:
    app_id = _add(any_journal, "Acme Robotics")
    invite = replace(NO_THANKS, label=MailLabel.INTERVIEW,
                     interview_at=(datetime(2026, 11, 25, 14, 0, tzinfo=UTC),))  # fmt: skip
    mail_id = _apply(any_journal, invite)
    with any_journal.uow() as uow:  # as a journal from before migration 0007 kept it
        uow.db.execute(
            "UPDATE mail_messages SET effect = NULL, interview_id = NULL WHERE id = :id",
            {"id": mail_id},
        )
        uow.commit()
    plan = plan_correction(any_journal.uow(), mail_id)
    assert any("interview scheduled for" in line for line in plan.undone)
    correct_applied(any_journal.uow(), mail_id, LATER, Correction(MailLabel.REJECTION))
    with any_journal.uow() as uow:
        assert uow.interviews.for_application(app_id) == []
    assert _app(any_journal, app_id).stage is Stage.REJECTED


def test_an_added_application_whose_details_you_changed_stays(any_journal: Journal) -> None:
    from nextyes.services.pipeline.records import update_application

    mail_id = _apply(any_journal, replace(NO_THANKS, label=MailLabel.APPLICATION_RECEIVED))
    with any_journal.uow() as uow:
        stored = uow.mail.get(mail_id)
    assert stored is not None and stored.application_id is not None
    update_application(any_journal.uow(), stored.application_id, {"role": "Senior Data Analyst"},
                       LATER)  # fmt: skip
    plan = plan_correction(any_journal.uow(), mail_id)
    assert plan.needs_confirmation
    assert "your changes to its details belong to it" in plan.kept[0]
