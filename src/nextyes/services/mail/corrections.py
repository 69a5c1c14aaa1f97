"""What a journal learned from its own corrections in the review queue.

When a person says "this message is really a rejection", the next message that looks like it
should be read that way too: the same sender's next notice, the same employer's template, the
same applicant-tracking system's status mail, or (only when very alike) any of the person's own
mail. A system's shared address counts as one sender per employer it writes for. A message is recalled by how many of its words (subject and opening lines, function
words left out) it shares with a corrected one, with a bar that rises as the tie between them
loosens. An inverted index keeps recall quick on large imports.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from nextyes.domain.companies import company_key
from nextyes.domain.mail import AnalysedMail, StoredMail
from nextyes.domain.mail_labels import MailLabel

SAME_SENDER = 0.35
SAME_DOMAIN = 0.45
SAME_ATS = 0.55
ANYWHERE = 0.75
"""The share of words (Jaccard) a message must have in common with a corrected one, by how
closely their senders are tied: the same address, the same employer's domain, the same
applicant-tracking system, or nothing at all."""
MIN_WORDS = 4

_WORD = re.compile(r"[^\W\d_]{2,}")
_COMMON = frozenset(
    [
        "the",
        "and",
        "for",
        "you",
        "your",
        "our",
        "with",
        "this",
        "that",
        "are",
        "was",
        "have",
        "has",
        "will",
        "from",
        "not",
        "but",
        "can",
        "all",
        "any",
        "been",
        "their",
        "them",
        "they",
        "its",
        "it's",
        "who",
        "what",
        "when",
        "which",
        "would",
        "could",
        "should",
        "there",
        "here",
        "hi",
        "dear",
        "thanks",
        "thank",
        "regards",
        "best",
        "kind",
    ]
)


def words_of(subject: str, snippet: str) -> frozenset[str]:
    """The words a message is recognised by: subject and opening lines, lower case."""
    found = _WORD.findall(f"{subject}\n{snippet}".lower())
    return frozenset(w for w in found if w not in _COMMON)


@dataclass(frozen=True, slots=True)
class Corrected:
    """A message the person corrected, as the memory keeps it."""

    mail_id: int
    label: MailLabel
    sender_address: str
    sender_domain: str
    via_ats: bool
    words: frozenset[str]
    subject: str
    company: str = ""
    """The company the message was settled for, as a key (domain/companies.company_key)."""


@dataclass
class CorrectionMemory:
    """Corrected messages, indexed by their words."""

    items: list[Corrected] = field(default_factory=list)
    shared: set[str] = field(default_factory=set)
    """Sending domains the journal learned to speak for many employers (services/mail/
    senders.py): their mail is held to the applicant-tracking system's bar."""
    _index: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_stored(
        cls, rows: list[StoredMail], shared: set[str] | None = None
    ) -> CorrectionMemory:
        memory = cls(shared=set() if shared is None else shared)
        for row in rows:
            memory.add(corrected_from(row))
        return memory

    def add(self, item: Corrected) -> None:
        if len(item.words) < MIN_WORDS:
            return
        position = len(self.items)
        self.items.append(item)
        for word in item.words:
            self._index.setdefault(word, []).append(position)

    def recall(self, mail: AnalysedMail) -> Corrected | None:
        """The corrected message this one is most like, when alike enough for their tie."""
        if not self.items:
            return None
        words = words_of(mail.subject, mail.snippet)
        if len(words) < MIN_WORDS:
            return None
        shared: Counter[int] = Counter()
        for word in words:
            shared.update(self._index.get(word, ()))
        company = company_key(mail.company) if mail.company else ""
        best: tuple[float, int] | None = None
        for position, count in shared.items():
            item = self.items[position]
            similarity = count / (len(words) + len(item.words) - count)
            if similarity >= _bar(item, mail, company, self.shared) and (
                best is None or similarity > best[0]
            ):
                best = (similarity, position)
        return None if best is None else self.items[best[1]]


def _bar(item: Corrected, mail: AnalysedMail, company: str, shared: set[str]) -> float:
    via_ats = item.via_ats or item.sender_domain in shared
    # a system's shared address is one sender per employer it writes for
    one_sender = not via_ats or (company and company == item.company)
    if item.sender_address and item.sender_address == mail.sender_address and one_sender:
        return SAME_SENDER
    if item.sender_domain and item.sender_domain == mail.sender_domain:
        return SAME_ATS if via_ats else SAME_DOMAIN
    return ANYWHERE


def corrected_from(row: StoredMail) -> Corrected:
    details = row.details
    return Corrected(
        mail_id=row.id,
        label=row.label,
        sender_address=str(details.get("sender_address") or ""),
        sender_domain=row.sender_domain or "",
        via_ats=bool(details.get("via_ats")),
        words=words_of(row.subject or "", row.snippet or ""),
        subject=row.subject or "",
        company=company_key(row.company) if row.company else "",
    )
