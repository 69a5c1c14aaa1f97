"""Turn an email into the sparse features the email classifier scores.

Shared by training (training/train_emails.py) and inference, so both see the same features:
lower-case words and adjacent word pairs of the subject and the start of the body, the subject's
words once more on their own, and two general traits of the sender. Pairs are tuples, which hash
faster than joined strings; the model file writes them as "word word".
"""

from __future__ import annotations

import re
from itertools import pairwise

BODY_CHARS = 2000
"""Only the start of a body is scored; what decides the label is nearly always there."""

Feature = str | tuple[str, str]

_WORD = re.compile(r"[^\W\d_]+")
_QUOTED = re.compile(r"(?m)^>.*$")
_REPLY_HEADER = re.compile(
    r"(?im)^(?:-{2,}\s*original message\s*-{2,}|on .{4,80} wrote:|le .{4,80} a écrit\s*:|"
    r"am .{4,80} schrieb .{1,80}:|el .{4,80} escribió:)"
)
_NO_REPLY = re.compile(r"no-?reply|do-?not-?reply")
ATS_DOMAINS = (
    "greenhouse-mail.io", "greenhouse.io", "lever.co", "myworkday.com", "myworkdayjobs.com",
    "smartrecruiters.com", "taleo.net", "ashbyhq.com", "icims.com", "jobvite.com",
    "workablemail.com", "workable.com", "successfactors.com", "bamboohr.com", "recruitee.com",
    "teamtailor-mail.com", "breezy-mail.com", "applytojob.com", "pinpointhq.com",
)  # fmt: skip


def own_text(body: str, limit: int = BODY_CHARS * 2) -> str:
    """The part of a body written for this message: quoted replies and history cut off."""
    head = body[:limit]
    match = _REPLY_HEADER.search(head)
    if match:
        head = head[: match.start()]
    if ">" in head:
        head = _QUOTED.sub(" ", head)
    return head


def tokens(text: str) -> list[str]:
    """Lower-case runs of letters (digits and punctuation split words)."""
    return _WORD.findall(text.lower())


def sender_features(sender: str) -> set[Feature]:
    """What the sender says in general terms: an applicant-tracking system, a no-reply box.

    Names and domains themselves are left out on purpose: the model should read the words,
    not remember who wrote them.
    """
    address = sender.lower().rpartition("<")[2].rstrip("> ")
    local, _, domain = address.rpartition("@")
    found: set[Feature] = set()
    if domain.endswith(ATS_DOMAINS):
        found.add("f:ats")
    if _NO_REPLY.search(local) or domain.startswith("notification"):
        found.add("f:noreply")
    return found


def features(subject: str, body: str, sender: str = "") -> set[Feature]:
    """The set of features of one email."""
    subject_words = _WORD.findall(subject.lower())
    words = _WORD.findall(own_text(body, BODY_CHARS).lower())
    feats: set[Feature] = set(words)
    feats.update(pairwise(words))
    if subject_words:
        feats.update(subject_words)
        feats.update(pairwise(subject_words))
        feats.update(["s:" + w for w in subject_words])
    if sender:
        feats.update(sender_features(sender))
    return feats


def feature_name(feature: Feature) -> str:
    """How a feature is written in the model file."""
    return feature if isinstance(feature, str) else " ".join(feature)


def parse_feature_name(name: str) -> Feature:
    """The feature a model-file name stands for (the inverse of feature_name)."""
    first, space, second = name.partition(" ")
    return (first, second) if space else name
