"""On a served journal, what one person's mail teaches about a sending domain stays theirs."""

from __future__ import annotations

from datetime import date

from nextyes.domain.mail import AnalysedMail, MailStatus, SenderRule
from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.domain.models import NewApplication, Origin
from nextyes.services.accounts import admin
from nextyes.services.accounts.sessions import signed_in_as
from nextyes.services.journal import Journal
from nextyes.services.mail.importer import Importer
from nextyes.services.pipeline.applications import add_application
from tests.conftest import NOW

PORTAL = "no-reply@mail.hirevault.example"


def _mail(n: int, company: str) -> AnalysedMail:
    return AnalysedMail(
        message_key=f"<s{n}@hv>", message_id=f"<s{n}@hv>", received_at=None,
        sender=f"{company} Careers <{PORTAL}>", sender_address=PORTAL,
        sender_domain="mail.hirevault.example", subject="Candidate update: Buyer",
        label=MailLabel.REJECTION, confidence=0.9, company=company, role="Buyer",
        snippet="Your candidacy has reached its final state.", band=Band.SURE,
    )  # fmt: skip


def _linked(journal: Journal, mail: AnalysedMail) -> None:
    uow = journal.uow()
    created = add_application(
        uow, NewApplication(mail.company or "", "Buyer", date(2026, 10, 1)), NOW, origin=Origin.CLI
    )
    with uow:
        uow.mail.add(mail, MailStatus.LINKED, NOW, application_id=created.id)
        uow.commit()


def test_a_domain_shared_in_one_journal_is_still_an_employers_in_another(
    any_journal: Journal,
) -> None:
    ada = signed_in_as(admin.create_account(any_journal.uow(), "ada@example.org", NOW))
    bo = signed_in_as(admin.create_account(any_journal.uow(), "bo@example.org", NOW))
    ada_journal, bo_journal = any_journal.for_owner(ada.user_id), any_journal.for_owner(bo.user_id)
    _linked(ada_journal, _mail(1, "Kelda"))
    _linked(ada_journal, _mail(2, "Orvane"))
    _linked(bo_journal, _mail(3, "Kelda"))
    uow = bo_journal.uow()
    with uow:
        uow.sender_rules.remember(SenderRule(PORTAL, "Kelda"), NOW)
        uow.commit()

    with ada_journal.uow() as uow:
        ada_importer = Importer(uow, NOW)
    with bo_journal.uow() as uow:
        bo_importer = Importer(uow, NOW)
    assert ada_importer.ties.shared == {"mail.hirevault.example"}
    assert bo_importer.ties.shared == set()
    # Bo's own word about the address still holds in Bo's journal
    read, rule = bo_importer.effective(_mail(4, "Brisk Foods"))
    assert (read.company, read.via_ats, rule) == ("Kelda", False, SenderRule(PORTAL, "Kelda"))
