"""A sending domain the journal ties to two companies is read as an applicant-tracking system's.

The domains here are on no hard-coded list: what makes them shared is what the person's links
and corrections say about them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from nextyes.domain.mail import AnalysedMail, MailStatus
from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.domain.models import NewApplication, Origin
from nextyes.services.journal import Journal
from nextyes.services.mail.corrections import Corrected, CorrectionMemory, words_of
from nextyes.services.mail.importer import Importer
from nextyes.services.mail.review import Correction, settle
from nextyes.services.mail.senders import SenderTies
from nextyes.services.mail.sources import import_mailbox
from nextyes.services.pipeline.applications import add_application
from nextyes.text.email_extract import extract_company
from tests.conftest import NOW
from tests.mailboxes import Mail, write_mbox

PORTAL = "no-reply@mail.hirevault.example"
PORTAL_DOMAIN = "mail.hirevault.example"

NOTICE = AnalysedMail(
    message_key="<h1@hv>", message_id="<h1@hv>", received_at=None,
    sender=f"Kelda Careers <{PORTAL}>", sender_address=PORTAL, sender_domain=PORTAL_DOMAIN,
    subject="Candidate update: Buyer (R-1881)", label=MailLabel.REJECTION, confidence=0.6,
    company="Kelda", role="Buyer",
    snippet="Your candidacy for Buyer has reached its final state in our hiring workflow and "
    "the requisition is now archived for you.",
    band=Band.REVIEW, runner_up=MailLabel.APPLICATION_RECEIVED,
)  # fmt: skip


def _add(journal: Journal, company: str, role: str) -> int:
    return add_application(
        journal.uow(), NewApplication(company, role, date(2026, 10, 1)), NOW, origin=Origin.CLI
    ).id


def _queue(journal: Journal, mail: AnalysedMail) -> int:
    with journal.uow() as uow:
        uow.mail.add(mail, MailStatus.REVIEW, NOW, review_reason="unsure")
        uow.commit()
        (row,) = [
            m for m in uow.mail.with_status(MailStatus.REVIEW) if m.message_key == mail.message_key
        ]
    return row.id


def _linked(journal: Journal, mail: AnalysedMail, application_id: int) -> None:
    with journal.uow() as uow:
        uow.mail.add(mail, MailStatus.LINKED, NOW, application_id=application_id)
        uow.commit()


def _message(n: int, **changes: object) -> AnalysedMail:
    return replace(NOTICE, message_key=f"<h{n}@hv>", message_id=f"<h{n}@hv>", **changes)  # type: ignore[arg-type]


def test_a_domain_tied_to_two_companies_speaks_for_many() -> None:
    ties = SenderTies.of([(PORTAL_DOMAIN, "Kelda"), ("jo@mail.hirevault.example", "Orvane Ltd")])
    assert ties.shared == {PORTAL_DOMAIN}


def test_one_company_spelt_two_ways_is_still_one() -> None:
    ties = SenderTies.of(
        [("acme.example", "ACME Robotics, Inc."), ("acme.example", "Acme Robotics")]
    )
    assert ties.shared == set()
    assert not ties.would_share("hr@acme.example", "Acme Robotics Ltd")
    assert ties.would_share("hr@acme.example", "Orvane")


def test_free_mail_tied_to_many_companies_is_people_not_a_system() -> None:
    ties = SenderTies.of(
        [("gmail.com", "Kelda"), ("gmail.com", "Orvane"), ("a@gmail.com", "Brisk")]
    )
    assert ties.shared == set()
    assert not ties.would_share("jo@gmail.com", "Northwind")


def test_a_shared_domain_is_read_like_an_applicant_tracking_system() -> None:
    shared = frozenset({PORTAL_DOMAIN})
    plain = extract_company("Hirevault", PORTAL_DOMAIN, "Candidate update", "Your candidacy.")
    learned = extract_company(
        "Hirevault", PORTAL_DOMAIN, "Candidate update", "Your candidacy.", shared
    )
    assert (plain.name, plain.domain, plain.via_ats) == ("Hirevault", PORTAL_DOMAIN, False)
    # neither the system's own display name nor its domain is taken for the employer's
    assert (learned.name, learned.domain, learned.via_ats) == (None, None, True)
    named = extract_company(
        "Kelda Careers", PORTAL_DOMAIN, "Candidate update", "Your candidacy.", shared
    )
    assert (named.name, named.via_ats) == ("Kelda", True)
    unnamed = extract_company("", PORTAL_DOMAIN, "Candidate update", "Your candidacy.", shared)
    assert unnamed.name is None


def test_mail_from_a_shared_domain_is_not_joined_to_an_employer_by_the_domain(
    any_journal: Journal,
) -> None:
    kelda, orvane = _add(any_journal, "Kelda", "Buyer"), _add(any_journal, "Orvane", "Sous Chef")
    _linked(any_journal, _message(1), kelda)
    _linked(any_journal, _message(2, company="Orvane", role="Sous Chef"), orvane)
    # a third employer's no that names no company the journal knows, for a role like Kelda's
    unnamed = _message(3, company="Hirevault", role="Buyer", band=Band.SURE)
    with any_journal.uow() as uow:
        importer = Importer(uow, NOW)
        read, _rule = importer.effective(unnamed)
        outcome = importer.decide(read)
    assert read.via_ats and read.company is None
    assert (outcome.status, outcome.application_id) == (MailStatus.REVIEW, None)


def test_a_shared_address_keeps_no_company_of_its_own(any_journal: Journal) -> None:
    kelda, orvane = _add(any_journal, "Kelda", "Buyer"), _add(any_journal, "Orvane", "Sous Chef")
    brisk = _add(any_journal, "Brisk Foods", "Store Manager")
    first = _queue(any_journal, _message(1, company=None))
    settle(any_journal.uow(), first, NOW, correction=Correction(application_id=kelda))
    second = _queue(any_journal, _message(2, company="Kelda", role="Sous Chef"))
    settle(any_journal.uow(), second, NOW, correction=Correction(application_id=orvane))
    with any_journal.uow() as uow:
        rules = uow.sender_rules.all()
    assert rules[PORTAL].company == "Kelda"  # the second employer was not remembered for it
    brisk_no = _message(3, company="Brisk Foods", role="Store Manager", band=Band.SURE)
    with any_journal.uow() as uow:
        importer = Importer(uow, NOW)
        read, rule = importer.effective(brisk_no)
        outcome = importer.decide(read, rule)
    assert (read.company, read.via_ats, rule) == ("Brisk Foods", True, None)
    assert outcome.application_id == brisk


def test_an_import_learns_a_shared_domain_as_it_goes(any_journal: Journal) -> None:
    kelda, orvane = _add(any_journal, "Kelda", "Buyer"), _add(any_journal, "Orvane", "Sous Chef")
    received = MailLabel.APPLICATION_RECEIVED
    with any_journal.uow() as uow:
        importer = Importer(uow, NOW)
    first = importer.apply(_message(1, label=received, band=Band.SURE))
    assert first.application_id == kelda
    assert PORTAL_DOMAIN not in importer.ties.shared
    second = _message(2, label=received, band=Band.SURE, company="Orvane", role="Sous Chef")
    assert importer.apply(second).application_id == orvane
    assert PORTAL_DOMAIN in importer.ties.shared
    unnamed = importer.apply(_message(3, company="Hirevault", role="Buyer", band=Band.SURE))
    assert (unnamed.status, unnamed.application_id) == (MailStatus.REVIEW, None)


def test_a_correction_from_a_shared_domain_is_held_to_the_systems_bar() -> None:
    corrected = Corrected(
        mail_id=1, label=MailLabel.REJECTION, sender_address=PORTAL,
        sender_domain=PORTAL_DOMAIN, via_ats=False,
        words=words_of("Candidate update Buyer", "candidacy reached final state workflow archived"),
        subject="Candidate update: Buyer",
    )  # fmt: skip
    # 5 of 11 words shared (0.45): past the same-sender bar, short of the system's
    alike = _message(
        9, subject="Candidate update: Buyer", snippet="Your candidacy reached the hiring panel."
    )
    loose, strict = CorrectionMemory(), CorrectionMemory(shared={PORTAL_DOMAIN})
    loose.add(corrected)
    strict.add(corrected)
    assert loose.recall(alike) is corrected
    assert strict.recall(alike) is None


def test_a_mailbox_import_reads_a_learned_domain_as_a_system_from_its_first_message(
    any_journal: Journal, tmp_path: Path
) -> None:
    kelda, orvane = _add(any_journal, "Kelda", "Buyer"), _add(any_journal, "Orvane", "Sous Chef")
    _linked(any_journal, _message(1), kelda)
    _linked(any_journal, _message(2, company="Orvane", role="Sous Chef"), orvane)
    box = write_mbox(
        tmp_path / "portal.mbox",
        [
            Mail(
                f"Hirevault <{PORTAL}>",
                "Thank you for applying",
                "Hi Sam, thanks for applying for the Buyer role. We have received your "
                "application and the team will review it over the next two weeks.",
            )
        ],
    )
    import_mailbox(any_journal.uow(), box, NOW, workers=0)
    with any_journal.uow() as uow:
        (row,) = [
            m for m in uow.mail.settled([MailStatus.REVIEW]) if m.message_key.startswith("<test")
        ]
    assert row.details["via_ats"] is True
    assert row.application_id is None  # not Kelda's Buyer application, reached by the domain
    assert row.company != "Hirevault"  # the system's name is not the employer's


def test_a_systems_address_is_one_sender_per_employer_it_writes_for() -> None:
    corrected = Corrected(
        mail_id=1, label=MailLabel.REJECTION, sender_address=PORTAL,
        sender_domain=PORTAL_DOMAIN, via_ats=True, company="kelda",
        words=words_of("Candidate update Buyer", "candidacy reached final state workflow archived"),
        subject="Candidate update: Buyer",
    )  # fmt: skip
    memory = CorrectionMemory()
    memory.add(corrected)
    snippet = "Your candidacy reached the hiring panel."  # 0.45 alike, as above
    same_employer = _message(9, subject="Candidate update: Buyer", snippet=snippet)
    assert memory.recall(same_employer) is corrected
    assert memory.recall(replace(same_employer, company="Orvane")) is None
    assert memory.recall(replace(same_employer, company=None)) is None
