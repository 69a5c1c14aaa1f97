"""Role families: job titles with the level and the noise taken out, so they can be compared.

"Senior Data Analyst (Remote)", "Data Analyst II" and "data analyst - 12 month contract" all
belong to the family "data analyst".
"""

from __future__ import annotations

import re
from functools import lru_cache

_LEVEL_WORDS = frozenset(
    {
        "junior", "jr", "senior", "sr", "lead", "principal", "staff", "chief", "head", "associate",
        "assistant", "graduate", "grad", "trainee", "intern", "internship", "apprentice", "entry",
        "level", "mid", "midlevel", "experienced", "i", "ii", "iii", "iv", "v", "1", "2", "3", "4",
        "5", "l1", "l2", "l3", "l4", "l5", "l6", "contract", "contractor", "temporary", "temp",
        "permanent", "part", "full", "time", "remote", "hybrid", "fixed", "term", "month",
        "months", "maternity", "cover", "locum", "new", "of", "the", "a", "an",
    }
)  # fmt: skip
_BRACKETS = re.compile(r"\([^)]*\)|\[[^]]*\]")
_AFTER_SEPARATOR = re.compile(r"(?:\s[-\u2013\u2014|/:]\s|,).*$")
_WORDS = re.compile(r"[^\W_]+(?:['.+#][^\W_]+)*")


@lru_cache(maxsize=4096)
def role_family(title: str) -> str:
    """The family of a job title: lower case, without level, contract or location words."""
    text = _BRACKETS.sub(" ", title.lower())
    text = _AFTER_SEPARATOR.sub("", text)
    words = [w for w in _WORDS.findall(text) if w not in _LEVEL_WORDS and not w.isdigit()]
    return " ".join(words) or title.strip().lower()
