"""A correction in the review queue teaches the journal: the next message like it is read right."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from nextyes.domain.mail import AnalysedMail, MailStatus, StoredMail
from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.services.journal import Journal
from nextyes.services.mail.corrections import CorrectionMemory, corrected_from
from nextyes.services.mail.importer import Importer
from nextyes.services.mail.review import Correction, settle

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

STATUS_NOTICE = AnalysedMail(
    message_key="<n1@ats>", message_id="<n1@ats>", received_at=None,
    sender="Kelda Careers <no-reply@hire.lever.co>", sender_address="no-reply@hire.lever.co",
    sender_domain="hire.lever.co", subject="Candidate update: Data Analyst (R-1881)",
    label=MailLabel.APPLICATION_RECEIVED, confidence=0.6, company="Kelda", via_ats=True,
    snippet="Your candidacy for Data Analyst has reached its final state in our hiring "
    "workflow and the requisition is now archived for you. Thank you for your time with Kelda.",
    band=Band.REVIEW, runner_up=MailLabel.REJECTION,
)  # fmt: skip
"""A portal notice that the model reads as an acknowledgement; the person knows it is a no."""


def _queue(journal: Journal, mail: AnalysedMail) -> int:
    with journal.uow() as uow:
        uow.mail.add(mail, MailStatus.REVIEW, NOW, review_reason="unsure")
        uow.commit()
        (row,) = [
            m for m in uow.mail.with_status(MailStatus.REVIEW) if m.message_key == mail.message_key
        ]
    return row.id


def _read(journal: Journal, mail: AnalysedMail) -> AnalysedMail:
    with journal.uow() as uow:
        return Importer(uow, NOW).effective(mail)[0]


def test_a_corrected_label_is_used_for_the_next_notice_like_it(any_journal: Journal) -> None:
    mail_id = _queue(any_journal, STATUS_NOTICE)
    settle(any_journal.uow(), mail_id, NOW, correction=Correction(label=MailLabel.REJECTION))
    later = replace(
        STATUS_NOTICE, message_key="<n2@ats>", message_id="<n2@ats>",
        subject="Candidate update: Data Engineer (R-2040)",
        snippet=STATUS_NOTICE.snippet.replace("Data Analyst", "Data Engineer"),
    )  # fmt: skip
    read = _read(any_journal, later)
    assert (read.label, read.band, read.confidence) == (MailLabel.REJECTION, Band.SURE, 1.0)
    assert "like a message you corrected" in read.why[0]


def test_other_mail_from_the_same_system_keeps_its_own_reading(any_journal: Journal) -> None:
    mail_id = _queue(any_journal, STATUS_NOTICE)
    settle(any_journal.uow(), mail_id, NOW, correction=Correction(label=MailLabel.REJECTION))
    invitation = replace(
        STATUS_NOTICE, message_key="<n3@ats>", message_id="<n3@ats>",
        subject="Interview invitation: Data Analyst", label=MailLabel.INTERVIEW,
        snippet="We would love to meet you on Thursday at 2pm by video. Please pick a slot.",
        band=Band.SURE,
    )  # fmt: skip
    assert _read(any_journal, invitation).label is MailLabel.INTERVIEW


def test_a_correction_keeps_what_the_message_was_read_as(any_journal: Journal) -> None:
    mail_id = _queue(any_journal, replace(STATUS_NOTICE, company=None))
    settle(any_journal.uow(), mail_id, NOW, correction=Correction(label=MailLabel.UNRELATED))
    with any_journal.uow() as uow:
        (kept,) = uow.mail.corrected()
    assert kept.details["read_as"] == "application_received"
    assert kept.label is MailLabel.UNRELATED


def test_accepting_a_message_as_read_teaches_nothing(any_journal: Journal) -> None:
    outreach = replace(STATUS_NOTICE, label=MailLabel.RECRUITER_OUTREACH, company=None)
    settle(any_journal.uow(), _queue(any_journal, outreach), NOW)
    with any_journal.uow() as uow:
        assert uow.mail.corrected() == []


def _stored(mail: AnalysedMail, label: MailLabel, mail_id: int = 1) -> StoredMail:
    return StoredMail(
        id=mail_id, message_key=mail.message_key, received_at=None, sender=mail.sender,
        sender_domain=mail.sender_domain, subject=mail.subject, label=label, confidence=1.0,
        company=mail.company, role=None, status=MailStatus.APPLIED, review_reason=None,
        application_id=None, snippet=mail.snippet,
        details={"sender_address": mail.sender_address, "via_ats": mail.via_ats,
                 "read_as": mail.label.value},
    )  # fmt: skip


def test_the_bar_rises_as_the_tie_between_senders_loosens() -> None:
    personal = replace(
        STATUS_NOTICE, sender_address="ana@kelda.example", sender_domain="kelda.example",
        via_ats=False, snippet="Thanks for the chat, the team decided on the other finalist "
        "for the analyst post, sorry to send this news",
    )  # fmt: skip
    memory = CorrectionMemory()
    memory.add(corrected_from(_stored(personal, MailLabel.REJECTION)))
    # half the words in common: enough from the same person, not from a stranger
    half = replace(personal, snippet="Thanks for the chat, the team decided to meet you again")
    assert memory.recall(half) is not None
    stranger = replace(
        half, sender_address="x@elsewhere.example", sender_domain="elsewhere.example"
    )
    assert memory.recall(stranger) is None
    # a near copy is recognised from anyone
    copy = replace(personal, sender_address="y@other.example", sender_domain="other.example")
    recalled = memory.recall(copy)
    assert recalled is not None
    assert recalled.label is MailLabel.REJECTION
