"""Company names and job titles, normalised so that the same employer is recognised."""

from __future__ import annotations

import re
import unicodedata

from nextyes.domain.limits import FIELD_LIMITS, storable

_LEGAL_SUFFIXES = {
    "inc", "incorporated", "llc", "llp", "ltd", "limited", "plc", "corp", "corporation", "co",
    "company", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as",
    "pty", "pte", "kg", "se", "lp", "group", "holdings",
}  # fmt: skip
_NON_WORD = re.compile(r"[^\w]+")


KEY_LENGTH = FIELD_LIMITS["applications"]["company_key"]


def company_key(name: str) -> str:
    """A key under which spellings of one employer meet: "ACME Robotics, Inc." -> "acme robotics"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("&", " and ")
    words = [w for w in _NON_WORD.sub(" ", text).split() if w]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    key = " ".join(words) or name.strip().lower()
    return key[:KEY_LENGTH].rstrip()  # "&" grows into " and ": the key keeps to its column


def typed_key(text: str) -> str:
    """What a user typed, as a lookup key: "Final-round", " final_round " -> "final round"."""
    return " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())


def clean_text(value: str | None) -> str | None:
    """Trim a free-text field; an empty one becomes None."""
    if value is None:
        return None
    value = storable(value)  # no NUL or broken character gets as far as a journal
    text = " ".join(value.split()) if "\n" not in value else value.strip()
    return text or None
