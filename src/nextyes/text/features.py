"""Features for the feedback-theme classifier, in plain Python.

Training (``training/train_feedback.py``) and inference share this module, so the shipped model
always sees exactly the features it was trained on.

Feedback about a "no" is full of praise that is not the reason ("your technical skills were
not the issue", "we loved your portfolio, but ...") and of hedges ("while we were impressed
with ..."). A clause that is set aside like this keeps its words, but marked with ``~``: the
model then learns that a *dismissed* mention of a skill says little about the theme, while
``not enough experience`` (a plain negation) still counts for experience.

A text becomes a set of features, each prefixed with ``~`` when its clause is dismissed:
- the words of each clause (but function words such as "the" or "you") and the pairs of
  neighbouring words (bigrams, function words included);
- each word's stem after ``=`` (``=communicat``), so other forms of a known word still count;
- ``@theme`` when a stem or a pair of stems is in the model's theme lexicon
  (``training/feedback_lexicon.toml``), so synonyms the corpus never spells out still count.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from itertools import pairwise

FEATURE_VERSION = 1
"""Bump when the features change: a model trained on other features refuses to load."""

DISMISSED = "~"

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?|[.!?\n]|[,;:()\u2013\u2014]| - ")
_SENTENCE_END = frozenset(".!?\n")
_CLAUSE_END = frozenset({",", ";", ":", "(", ")", "\u2013", "\u2014", " - "})

# Words that open a new clause which turns against what came before.
_CONTRAST = frozenset({"but", "however", "unfortunately", "sadly", "regrettably", "yet"})
# Words that open a clause conceding something before the real point.
_CONCESSIVE = frozenset({"although", "though", "while", "whilst", "despite", "whereas"})
# Evaluative words that, followed by a contrast, mark a clause as praise set aside.
_PRAISE = frozenset(
    {
        "good", "great", "strong", "excellent", "solid", "fine", "lovely", "impressive",
        "impressed", "enjoyed", "liked", "loved", "brilliant", "sound", "capable", "talented",
        "relevant", "valuable", "evident", "fantastic", "outstanding", "positive", "nice",
        "appreciated", "superb", "clearly", "spot", "thoughtful", "warm", "friendly", "pleasant",
        "strengths", "praised", "impeccable", "exceptional", "terrific", "wonderful",
    }
)  # fmt: skip
# Nouns that, negated in the same clause, dismiss it ("X was not the issue").
_DISMISS_NOUNS = frozenset(
    {"issue", "issues", "problem", "problems", "concern", "concerns", "question", "doubt",
     "doubts", "reason", "factor", "reflection", "worry", "worries", "thing"}
)  # fmt: skip
# Small words allowed between the negator and the noun ("wasn't really the main issue").
_FILLERS = frozenset(
    {"the", "a", "an", "any", "really", "at", "all", "much", "in", "main", "real", "big",
     "major", "actually", "ever", "one"}
)  # fmt: skip
_NEGATORS = frozenset({"not", "no", "never", "nothing"})
# Words right after a negator that say "this was not about X" ("not based on", "not due to").
_NOT_ABOUT = frozenset(
    {"about", "because", "due", "related", "based", "wrong", "personal", "personally"}
)  # fmt: skip
# Openers of a cleft that sets something aside ("it wasn't your CV", "this isn't about ...").
_CLEFT_SUBJECTS = frozenset({"it", "it's", "this", "that", "that's"})
_CLEFT_FOCUS = frozenset({"your", "that", "anything", "about", "because", "personal", "down"})


def _is_negator(token: str) -> bool:
    return token in _NEGATORS or token.endswith("n't")


def _dismissed(clause: list[str]) -> bool:
    """Whether a clause sets its topic aside rather than giving it as the reason."""
    if clause[0] in _CONCESSIVE:
        return True
    size = len(clause)
    for i, token in enumerate(clause):
        if not _is_negator(token) or i + 1 == size:
            continue
        following = clause[i + 1]
        if following in _NOT_ABOUT:
            return True
        if token == "nothing" and clause[i + 1 : i + 3] == ["to", "do"]:
            return True
        if i <= 2 and following in _CLEFT_FOCUS and clause[0] in _CLEFT_SUBJECTS:
            return True
        j = i + 1
        while j < size and j <= i + 2 and clause[j] in _FILLERS:
            j += 1
        # the noun itself, or one word later ("not a skills thing")
        if not _DISMISS_NOUNS.isdisjoint(clause[j : j + 2]):
            return True
    return False


def _clauses(text: str) -> list[tuple[list[str], bool]]:
    """Split a text into clauses of lower-case words, each with whether it is dismissed."""
    tokens = _TOKEN.findall(text.lower().replace("\u2019", "'"))
    sentences: list[list[list[str]]] = []
    sentence: list[list[str]] = []
    clause: list[str] = []
    for token in tokens:
        if token in _SENTENCE_END:
            if clause:
                sentence.append(clause)
                clause = []
            if sentence:
                sentences.append(sentence)
                sentence = []
        elif token in _CLAUSE_END:
            if clause:
                sentence.append(clause)
                clause = []
        elif token in _CONTRAST or token in _CONCESSIVE:
            if clause:
                sentence.append(clause)
            clause = [token]
        else:
            clause.append(token)
    if clause:
        sentence.append(clause)
    if sentence:
        sentences.append(sentence)

    result: list[tuple[list[str], bool]] = []
    for s_index, sentence in enumerate(sentences):
        next_opens_with_contrast = (
            s_index + 1 < len(sentences) and sentences[s_index + 1][0][0] in _CONTRAST
        )
        for c_index, words in enumerate(sentence):
            dismissed = _dismissed(words)
            if not dismissed and not _PRAISE.isdisjoint(words):
                later = sentence[c_index + 1 :]
                contrast_follows = any(c[0] in _CONTRAST for c in later)
                dismissed = contrast_follows or (not later and next_opens_with_contrast)
            if dismissed and len(words) <= 3 and c_index > 0:
                # A short tail such as "no question" or "not the issue" sets aside the
                # clause it follows.
                result[-1] = (result[-1][0], True)
            result.append((words, dismissed))
    return result


# Function words: kept inside word pairs ("not enough", "too junior") but not as features of
# their own, where they would only learn the style of the corpus.
_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "from", "by", "with",
        "as", "into", "about", "than", "then", "so", "that", "this", "these", "those", "it", "its",
        "it's", "i", "i'm", "i'd", "i've", "me", "my", "we", "we're", "we've", "we'd", "our", "us",
        "you", "you're", "you've", "you'd", "your", "yours", "he", "she", "they", "they're", "them",
        "their", "his", "her", "be", "is", "are", "was", "were", "been", "being", "am", "do",
        "does", "did", "done", "have", "has", "had", "having", "will", "would", "can", "just",
        "also", "there", "here", "what", "which", "who", "whom", "when", "where", "how", "all",
        "any", "some", "very", "really", "quite", "much", "if", "up", "out", "over", "again", "one",
        "not", "no", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
        "haven't", "hasn't", "hadn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't",
    }
)  # fmt: skip


_SUFFIXES = (
    "ingly", "edly", "ings", "ing", "ions", "ion", "ies", "ied", "es", "ed", "s", "ly",
    "ments", "ment", "ness", "ful", "ive", "ity", "ers", "er", "al",
)  # fmt: skip


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: without one common suffix and a final "e", keeping four letters or more.

    "experience", "experienced" and "inexperienced" share ``experienc``; "communicate" and
    "communication" share ``communicat``.
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def lexicon_key(phrase: str) -> str:
    """How a lexicon entry is looked up: its stems, space-separated."""
    words = [m for m in _TOKEN.findall(phrase.lower().replace("\u2019", "'")) if m[0].isalnum()]
    return " ".join(stem(w) for w in words)


def extract(text: str, lexicon: Mapping[str, tuple[str, ...]] | None = None) -> set[str]:
    """The features of one piece of feedback (see the module's docstring)."""
    features: set[str] = set()
    add = features.add
    update = features.update
    for words, dismissed in _clauses(text):
        mark = DISMISSED if dismissed else ""
        stems = [stem(w) for w in words]
        if lexicon:
            for key in stems:
                themes = lexicon.get(key)
                if themes:
                    update(mark + "@" + t for t in themes)
            for first, second in pairwise(stems):
                themes = lexicon.get(first + " " + second)
                if themes:
                    update(mark + "@" + t for t in themes)
        content = [i for i, w in enumerate(words) if w not in _FUNCTION_WORDS]
        if dismissed:
            words = [mark + w for w in words]
        update(words[i] for i in content)
        update(mark + "=" + stems[i] for i in content)
        for first, second in pairwise(words):
            add(first + " " + second)
    return features
