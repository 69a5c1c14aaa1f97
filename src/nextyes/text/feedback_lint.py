"""The feedback-request lint: phrasings that make a hiring team less likely to answer.

`lint(text)` returns flags, each with the exact character span it points at, a category
(comparison, demand, blame, pleading, length), an explanation and a suggested rewrite. The rules
are data (`content/recovery/feedback_lint.toml`); this module compiles and applies them. It is pure: no
I/O beyond reading the packaged rules once.

Lines quoted from an earlier email (starting with ">") are neither checked nor counted.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from nextyes import content
from nextyes.text import templating

CATEGORIES: tuple[str, ...] = ("comparison", "demand", "blame", "pleading", "length")

# Length-preserving: each character maps to exactly one, so spans found in the normalised text
# are spans of the original.
_NORMALISE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
    }
)
_MACRO = re.compile(r"\{([A-Z_]+)\}")
_WORD = re.compile(r"\w[\w'\u2019-]*")
# Sentences end at . ! ? or a blank line; a single line break is just wrapping (emails wrap).
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n[ \t]*\n")
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)


@dataclass(frozen=True)
class Flag:
    """One thing worth rewording, and where it is: `text[start:end]`."""

    start: int
    end: int
    category: str
    rule: str
    excerpt: str
    label: str
    message: str
    rewrite: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "rule": self.rule,
            "excerpt": self.excerpt,
            "label": self.label,
            "message": self.message,
            "rewrite": self.rewrite,
        }


@dataclass(frozen=True)
class Rule:
    """One rule. Its regular expressions are compiled on first use, and only for texts that
    contain one of its `triggers` (words every match contains): compiling all of them costs
    more than linting a draft."""

    id: str
    category: str
    sources: tuple[str, ...]  # expanded, whitespace-tolerant, anchored at word edges
    requires_source: str | None
    unless_source: str | None
    triggers: tuple[str, ...]
    message: str
    rewrite: str

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_regex(source) for source in self.sources)

    @property
    def requires(self) -> re.Pattern[str] | None:
        return None if self.requires_source is None else _regex(self.requires_source)

    @property
    def unless(self) -> re.Pattern[str] | None:
        return None if self.unless_source is None else _regex(self.unless_source)

    def may_match(self, folded: str) -> bool:
        """Whether the text (lowercased with `fold`) could match at all."""
        return not self.triggers or any(t in folded for t in self.triggers)


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    max_words: int
    labels: Mapping[str, str]
    length_message: str
    length_rewrite: str


def compile_rules(data: Mapping[str, Any]) -> Rules:
    """Build the rule set from the content file's structure (exposed for tests)."""
    macros: Mapping[str, str] = data.get("macros", {})
    categories: Mapping[str, Mapping[str, str]] = data["categories"]
    unknown = set(categories) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"Unknown lint categories {sorted(unknown)}.")
    rules = []
    for raw in data.get("rules", []):
        category = categories[raw["category"]]
        rules.append(
            Rule(
                id=raw["id"],
                category=raw["category"],
                sources=tuple(_expand(p, macros, anchored=True) for p in raw["patterns"]),
                requires_source=_expand(raw["requires"], macros) if "requires" in raw else None,
                unless_source=_expand(raw["unless"], macros) if "unless" in raw else None,
                triggers=tuple(t.lower() for t in raw.get("triggers", ())),
                message=raw.get("message", category["message"]),
                rewrite=raw.get("rewrite", category["rewrite"]),
            )
        )
    length = categories["length"]
    return Rules(
        rules=tuple(rules),
        max_words=int(data["settings"]["max_words"]),
        labels={name: c["label"] for name, c in categories.items()},
        length_message=length["message"],
        length_rewrite=length["rewrite"],
    )


def _expand(pattern: str, macros: Mapping[str, str], *, anchored: bool = False) -> str:
    expanded = pattern
    for _ in range(4):
        expanded = _MACRO.sub(lambda m: macros[m.group(1)], expanded)
    expanded = expanded.replace(" ", r"\s+")
    return rf"(?<!\w)(?:{expanded})(?!\w)" if anchored else expanded


@cache
def _regex(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


# The only non-ASCII characters that Python's case-insensitive matching equates with an ASCII
# letter; folded so that a trigger word is found wherever its rule could match.
_FOLD = str.maketrans({"\u212a": "k", "\u0131": "i", "\u0130": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """Lowercase text with single spaces, for the trigger check (`in` tests only: offsets in
    it do not match the original)."""
    return " ".join(text.translate(_FOLD).lower().split())


@cache
def default_rules() -> Rules:
    """The packaged rules, compiled once."""
    return compile_rules(content.load("recovery/feedback_lint"))


def lint(text: str, rules: Rules | None = None) -> list[Flag]:
    """Every flag for `text`, ordered by position."""
    rules = rules or default_rules()
    plain = text.translate(_NORMALISE)
    quoted = [(m.start(), m.end()) for m in _QUOTED_LINE.finditer(plain)]
    sentences = _SentenceBounds(plain)
    folded = fold(plain)
    found: list[Flag] = []
    for rule in rules.rules:
        if not rule.may_match(folded):
            continue
        for pattern in rule.patterns:
            for match in pattern.finditer(plain):
                start, end = match.span()
                if start == end or _inside(start, quoted):
                    continue
                begin, finish = sentences.around(start, end)
                sentence = plain[begin:finish]
                if rule.requires is not None and not rule.requires.search(sentence):
                    continue
                if rule.unless is not None and _overlaps(rule.unless, sentence, begin, start, end):
                    continue
                found.append(_flag(text, start, end, rule, rules))
    length = _length_flag(text, plain, quoted, rules)
    if length is not None:
        found.append(length)
    return _merge(found)


def _flag(text: str, start: int, end: int, rule: Rule, rules: Rules) -> Flag:
    return Flag(
        start=start,
        end=end,
        category=rule.category,
        rule=rule.id,
        excerpt=text[start:end],
        label=rules.labels[rule.category],
        message=rule.message,
        rewrite=rule.rewrite,
    )


def _length_flag(
    text: str, plain: str, quoted: Sequence[tuple[int, int]], rules: Rules
) -> Flag | None:
    words = [m for m in _WORD.finditer(plain) if not _inside(m.start(), quoted)]
    if len(words) <= rules.max_words:
        return None
    start, end = words[rules.max_words].start(), words[-1].end()
    values = {"words": str(len(words)), "max_words": str(rules.max_words)}
    return Flag(
        start=start,
        end=end,
        category="length",
        rule="length",
        excerpt=text[start:end],
        label=rules.labels["length"],
        message=templating.render(rules.length_message, values),
        rewrite=rules.length_rewrite,
    )


def _overlaps(pattern: re.Pattern[str], sentence: str, offset: int, start: int, end: int) -> bool:
    """Whether an `unless` phrase covers part of the flagged span (not just the sentence)."""
    return any(
        m.start() + offset < end and start < m.end() + offset for m in pattern.finditer(sentence)
    )


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


class _SentenceBounds:
    """Finds the sentence (with its closing punctuation) around a span."""

    def __init__(self, text: str) -> None:
        self.text = text
        marks = list(_SENTENCE_END.finditer(text))
        self.starts = [m.start() for m in marks]
        self.ends = [m.end() for m in marks]

    def around(self, start: int, end: int) -> tuple[int, int]:
        before = bisect_right(self.ends, start)
        begin = self.ends[before - 1] if before else 0
        after = bisect_left(self.starts, end)
        finish = self.ends[after] if after < len(self.starts) else len(self.text)
        return begin, finish


def _merge(flags: list[Flag]) -> list[Flag]:
    """Overlapping flags of one category become one flag covering both spans."""
    merged: list[Flag] = []
    for flag in sorted(flags, key=lambda f: (f.category, f.start, -f.end)):
        last = merged[-1] if merged else None
        if last is not None and last.category == flag.category and flag.start < last.end:
            if flag.end > last.end:
                text_end = last.excerpt + flag.excerpt[last.end - flag.start :]
                merged[-1] = _replace_span(last, last.start, flag.end, text_end)
            continue
        merged.append(flag)
    return sorted(merged, key=lambda f: (f.start, f.end, CATEGORIES.index(f.category)))


def _replace_span(flag: Flag, start: int, end: int, excerpt: str) -> Flag:
    return Flag(
        start=start,
        end=end,
        category=flag.category,
        rule=flag.rule,
        excerpt=excerpt,
        label=flag.label,
        message=flag.message,
        rewrite=flag.rewrite,
    )
