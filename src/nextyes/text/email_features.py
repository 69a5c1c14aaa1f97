"""Turn an email into the sparse features the email classifier scores.

Shared by training (training/train_emails.py) and inference, so both see the same features.
Standard library only, and quick: one regex pass over the subject and the first few thousand
characters of the body.
"""

from __future__ import annotations

import re
from itertools import pairwise

from nextyes.text.email_cues import cue_features

BODY_CHARS = 4000
"""Only the start of a body is scored; what decides the label is nearly always there."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTED = re.compile(r"(?m)^>.*$")
_REPLY_HEADER = re.compile(
    r"(?im)^(?:-{2,}\s*original message\s*-{2,}|on .{4,80} wrote:|le .{4,80} a écrit\s*:|"
    r"am .{4,80} schrieb .{1,80}:|el .{4,80} escribió:)"
)
_NO_REPLY = re.compile(r"\b(?:no-?reply|do-?not-?reply|donotreply|noreply)\b|@ ?notifications?\.")
ATS_DOMAINS = (
    "greenhouse-mail.io", "greenhouse.io", "lever.co", "myworkday.com", "myworkdayjobs.com",
    "smartrecruiters.com", "taleo.net", "ashbyhq.com", "icims.com", "jobvite.com",
    "workablemail.com", "workable.com", "successfactors.com", "bamboohr.com", "recruitee.com",
    "teamtailor-mail.com", "breezy-mail.com", "applytojob.com", "pinpointhq.com",
)  # fmt: skip


def own_text(body: str) -> str:
    """The part of a body written for this message: quoted replies and history cut off."""
    head = body[:BODY_CHARS]
    match = _REPLY_HEADER.search(head)
    if match:
        head = head[: match.start()]
    if ">" in head:
        head = _QUOTED.sub(" ", head)
    return head


def tokens(text: str) -> list[str]:
    """Lower-case words (letters only, apostrophes kept inside words)."""
    return _WORD.findall(text.lower().replace("’", "'"))


def sender_features(sender: str) -> set[str]:
    """What the sender says in general terms: an applicant-tracking system, a no-reply box.

    Names and domains themselves are left out on purpose: the model should read the words,
    not remember who wrote them.
    """
    lowered = sender.lower()
    found = set()
    if any(domain in lowered for domain in ATS_DOMAINS):
        found.add("f:ats")
    if _NO_REPLY.search(lowered):
        found.add("f:noreply")
    return found


def features(subject: str, body: str, sender: str = "") -> set[str]:
    """The set of features of one email: words and word pairs, subject words, sender words."""
    subject_words = tokens(subject)
    words = [*subject_words, "|", *tokens(own_text(body))]
    feats = set(words)
    feats.update(map(" ".join, pairwise(words)))
    feats.update(["s:" + w for w in subject_words])
    if sender:
        feats.update(sender_features(sender))
    feats.discard("|")
    feats.update(cue_features(subject, body))
    return feats
