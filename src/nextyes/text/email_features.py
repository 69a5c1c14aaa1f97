"""Turn an email into the sparse features the email classifier scores.

Shared by training (training/train_emails.py) and inference, so both see the same features.
Standard library only, and quick: one regex pass over the subject and the first few thousand
characters of the body.
"""

from __future__ import annotations

import re
from itertools import pairwise

BODY_CHARS = 4000
"""Only the start of a body is scored; what decides the label is nearly always there."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTED = re.compile(r"(?m)^>.*$")
_REPLY_HEADER = re.compile(
    r"(?im)^(?:-{2,}\s*original message\s*-{2,}|on .{4,80} wrote:|le .{4,80} a écrit\s*:|"
    r"am .{4,80} schrieb .{1,80}:|el .{4,80} escribió:)"
)
_SENDER_SPLIT = re.compile(r"[^a-z]+")


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


def features(subject: str, body: str, sender: str = "") -> set[str]:
    """The set of features of one email: words and word pairs, subject words, sender words."""
    subject_words = tokens(subject)
    words = [*subject_words, "|", *tokens(own_text(body))]
    feats = set(words)
    feats.update(map(" ".join, pairwise(words)))
    feats.update(["s:" + w for w in subject_words])
    if sender:
        feats.update("f:" + part for part in _SENDER_SPLIT.split(sender.lower()) if len(part) > 2)
    feats.discard("|")
    return feats
