"""Turn an email into the sparse features the email classifier scores.

Shared by training (training/train_emails.py) and inference, so both see the same features:
lower-case words and adjacent word pairs of the subject and the start of the body, the subject's
words once more on their own, and two general traits of the sender. Pairs are tuples, which hash
faster than joined strings; the model file writes them as "word word".
"""

from __future__ import annotations

import re
from itertools import pairwise

FEATURE_VERSION = 4
"""Bump when the features change: a model trained on other features refuses to load."""

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


FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "into",
        "about",
        "than",
        "then",
        "so",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "i",
        "me",
        "my",
        "we",
        "our",
        "us",
        "you",
        "your",
        "yours",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "s",
        "re",
        "ve",
        "ll",
        "d",
        "m",
        "t",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "when",
        "where",
        "how",
        "all",
        "any",
        "some",
        "very",
        "really",
        "quite",
        "just",
        "also",
        "if",
        "up",
        "out",
        "over",
        "again",
        "one",
        "just",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "und",
        "oder",
        "zu",
        "im",
        "am",
        "an",
        "auf",
        "für",
        "von",
        "mit",
        "als",
        "ist",
        "sind",
        "war",
        "wir",
        "sie",
        "ihr",
        "ihre",
        "ihnen",
        "ich",
        "du",
        "dich",
        "dir",
        "es",
        "bei",
        "aus",
        "um",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "et",
        "ou",
        "à",
        "au",
        "aux",
        "en",
        "pour",
        "par",
        "avec",
        "sur",
        "dans",
        "est",
        "sont",
        "nous",
        "vous",
        "votre",
        "vos",
        "notre",
        "nos",
        "je",
        "tu",
        "il",
        "elle",
        "ce",
        "cette",
        "ces",
        "qui",
        "que",
        "el",
        "los",
        "las",
        "una",
        "unos",
        "unas",
        "y",
        "o",
        "del",
        "al",
        "por",
        "con",
        "para",
        "en",
        "es",
        "son",
        "nosotros",
        "te",
        "tu",
        "tus",
        "su",
        "sus",
        "lo",
        "se",
        "que",
        "mi",
        "il",
        "lo",
        "gli",
        "uno",
        "della",
        "delle",
        "dei",
        "degli",
        "e",
        "o",
        "di",
        "da",
        "in",
        "per",
        "con",
        "su",
        "è",
        "sono",
        "noi",
        "ti",
        "tuo",
        "tua",
        "suo",
        "sua",
        "che",
        "ci",
        "si",
        "mi",
        "het",
        "een",
        "en",
        "of",
        "van",
        "voor",
        "met",
        "op",
        "aan",
        "bij",
        "je",
        "jij",
        "jouw",
        "wij",
        "we",
        "ons",
        "onze",
        "is",
        "zijn",
        "dat",
        "die",
        "dit",
        "deze",
        "ik",
        "er",
        "om",
        "te",
        "os",
        "um",
        "uma",
        "uns",
        "umas",
        "e",
        "ou",
        "do",
        "da",
        "dos",
        "das",
        "no",
        "na",
        "nos",
        "nas",
        "em",
        "por",
        "com",
        "para",
        "é",
        "são",
        "nós",
        "seu",
        "sua",
        "você",
        "o",
        "a",
        "que",
        "se",
    ]
)
"""Words that carry grammar, not meaning, in the seven languages of the corpus.

Training leaves them out as features of their own, and drops word pairs made only of them
("on the", "we re"), so the model does not learn the style of the corpus; pairs such as "your
application" keep them. Negations ("not", "nicht", "pas") are not function words here.
"""


CONDITIONAL = "ʔ"
"""Marks a word read inside a conditional clause ("if you are not selected, ...").

A letter, so the word pattern keeps it: "ʔnot" is its own feature, and a promise about a
decision not yet made does not read like the decision itself.
"""
_CONDITIONAL_CLAUSE = re.compile(
    r"\b(?:if|unless|whether|in case|in the event|should you|si|falls|sofern|wenn|qualora"
    r"|mocht|indien)\b[^.,;:!?\n]*"
)


def _mark_conditional(match: re.Match[str]) -> str:
    return " ".join(CONDITIONAL + word for word in _WORD.findall(match.group(0)))


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
    words = _WORD.findall(
        _CONDITIONAL_CLAUSE.sub(_mark_conditional, own_text(body, BODY_CHARS).lower())
    )
    feats: set[Feature] = set(words)
    # parts of long words, so other forms and compounds of a known word still count
    long_words = [w for w in feats if len(w) >= 7 and w[0] != CONDITIONAL]
    feats.update(["<" + w[:5] for w in long_words])
    feats.update([">" + w[-4:] for w in long_words if len(w) >= 8])
    feats.update(pairwise(words))
    if subject_words:
        feats.update(subject_words)
        feats.update(pairwise(subject_words))
        feats.update(["s:" + w for w in subject_words])
    if sender:
        feats.update(sender_features(sender))
    return feats


def informative(feature: Feature) -> bool:
    """Whether training keeps a feature: not a function word, nor a pair of them."""
    if isinstance(feature, tuple):
        first, second = (w.lstrip(CONDITIONAL) for w in feature)
        return not (first in FUNCTION_WORDS and second in FUNCTION_WORDS)
    return feature.lstrip(CONDITIONAL) not in FUNCTION_WORDS


def feature_name(feature: Feature) -> str:
    """How a feature is written in the model file."""
    return feature if isinstance(feature, str) else " ".join(feature)


def parse_feature_name(name: str) -> Feature:
    """The feature a model-file name stands for (the inverse of feature_name)."""
    first, space, second = name.partition(" ")
    return (first, second) if space else name
