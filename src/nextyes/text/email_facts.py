"""Everything nextyes reads out of one classified job email, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from nextyes.domain.mail_labels import MailLabel
from nextyes.text.email_dates import interview_times
from nextyes.text.email_extract import Company, extract_company, extract_role
from nextyes.text.email_features import own_text
from nextyes.text.rejection_facts import ReachedStage, reached_stage, reason_phrases

FACTS_CHARS = 2500
"""Company, role and dates are read from the start of a body, where they are written."""


@dataclass(frozen=True, slots=True)
class MailFacts:
    """What one email says about an application.

    `interview_times` is filled for interview mail, `reached_stage` and `reasons` for rejections.
    """

    company: Company
    role: str | None
    interview_times: list[datetime] = field(default_factory=list)
    reached_stage: ReachedStage | None = None
    reasons: list[str] = field(default_factory=list)


def extract_facts(
    label: MailLabel,
    *,
    subject: str,
    body: str,
    sender_name: str = "",
    sender_domain: str = "",
    sent: datetime | None = None,
    shared_domains: frozenset[str] = frozenset(),
) -> MailFacts:
    """The company, role and label-specific facts of one email."""
    text = own_text(body, FACTS_CHARS)
    company = extract_company(sender_name, sender_domain, subject, text, shared_domains)
    role = extract_role(subject, text)
    if label is MailLabel.INTERVIEW and sent is not None:
        return MailFacts(company, role, interview_times=interview_times(text, sent))
    if label is MailLabel.REJECTION:
        return MailFacts(
            company,
            role,
            reached_stage=reached_stage(subject, text),
            reasons=reason_phrases(text),
        )
    return MailFacts(company, role)
