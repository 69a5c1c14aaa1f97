"""Classify every message of a mailbox without touching the journal."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.mail.readers import ReadStats, read_mailbox
from nextyes.text.email_classifier import batch_collection, load_email_classifier
from nextyes.text.email_extract import extract_company, extract_role
from nextyes.text.email_features import own_text


@dataclass(frozen=True, slots=True)
class ClassifiedMail:
    """One message with its label and the company and role it is about (when named)."""

    message_id: str
    date: datetime | None
    sender: str
    subject: str
    label: MailLabel
    confidence: float
    company: str | None
    role: str | None
    band: Band = Band.SURE
    runner_up: MailLabel | None = None
    why: tuple[str, ...] = ()


def classify_mailbox(path: Path, stats: ReadStats | None = None) -> Iterator[ClassifiedMail]:
    """Each message of the mailbox at `path`, classified, in mailbox order.

    Raises MailboxError (with what to do) when `path` is not a mailbox; messages that cannot
    be decoded are skipped and counted in `stats`.
    """
    classifier = load_email_classifier()
    with batch_collection():
        for message in read_mailbox(path, stats):
            prediction, why = classifier.analyse(message.subject, message.body, message.sender)
            text = own_text(message.body)
            company = extract_company(
                message.sender_name, message.sender_domain, message.subject, text
            )
            yield ClassifiedMail(
                message_id=message.message_id,
                date=message.date,
                sender=message.sender,
                subject=message.subject,
                label=prediction.label,
                confidence=prediction.confidence,
                company=company.name,
                role=extract_role(message.subject, text),
                band=prediction.band,
                runner_up=prediction.runner_up,
                why=why,
            )
