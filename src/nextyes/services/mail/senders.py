"""Sending domains that speak for many employers, learned from the journal itself.

The hard-coded list of applicant-tracking systems (text/email_features.ATS_DOMAINS) cannot know
every system, nor a recruitment agency or a group's shared mailbox. The journal can: once the
person's links or corrections tie one sending domain to two different companies, that domain
is treated as an applicant-tracking system from then on. The company is read from the message,
not from the domain; the domain links no application; an address there keeps no company or
label of its own; and the correction memory uses the system's bar. Free-mail domains
(gmail.com and the like) are people writing for themselves, so they never count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from nextyes.domain.companies import company_key
from nextyes.services.mail.match import COMPANY_CUTOFF
from nextyes.storage.uow import UnitOfWork
from nextyes.text.email_extract import PERSONAL_DOMAINS
from nextyes.text.email_features import ATS_DOMAINS


def domain_of(sender: str) -> str:
    """The domain of an address ("jo@mail.kelda.example" -> "mail.kelda.example"); a bare
    domain stays as it is."""
    return sender.rpartition("@")[2].strip().lower()


def _learnable(domain: str) -> bool:
    return bool(domain) and domain not in PERSONAL_DOMAINS and not domain.endswith(ATS_DOMAINS)


def _same_employer(key: str, other: str) -> bool:
    return key == other or fuzz.WRatio(key, other) >= COMPANY_CUTOFF


@dataclass
class SenderTies:
    """The companies each sending domain is tied to, and the domains tied to two or more."""

    companies: dict[str, list[str]] = field(default_factory=dict)
    shared: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> SenderTies:
        ties = cls()
        for sender, company in pairs:
            ties.tie(sender, company)
        return ties

    def tie(self, sender: str, company: str) -> bool:
        """Record that mail from `sender` (an address or a domain) was about `company`; True
        when that makes its domain one that speaks for many employers."""
        domain = domain_of(sender)
        if domain in self.shared or not _learnable(domain) or not company:
            return False
        key = company_key(company)
        known = self.companies.setdefault(domain, [])
        if any(_same_employer(key, other) for other in known):
            return False
        known.append(key)
        if len(known) < 2:
            return False
        self.shared.add(domain)
        return True

    def would_share(self, sender: str, company: str) -> bool:
        """Whether `sender`'s domain speaks for many employers, or would once tied to
        `company`."""
        domain = domain_of(sender)
        if domain in self.shared:
            return True
        if not _learnable(domain) or not company:
            return False
        key = company_key(company)
        known = self.companies.get(domain, [])
        return bool(known) and not any(_same_employer(key, other) for other in known)


def sender_ties(uow: UnitOfWork) -> SenderTies:
    """What this journal's links and corrections tie each sending domain to (inside an open
    uow; one query)."""
    return SenderTies.of(uow.mail.sender_companies())
