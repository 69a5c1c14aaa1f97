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

The classifier must handle tens of thousands of texts a second in plain Python, so the code
leans on C-level helpers (``map``, ``filter``, set operations) and caches per word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from itertools import filterfalse, pairwise

FEATURE_VERSION = 3
"""Bump when the features change: a model trained on other features refuses to load."""

DISMISSED = "~"

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?|[.!?\n]|[,;:()\u2013\u2014]| - ")

# Words that open a new clause which turns against what came before.
_CONTRAST = frozenset({"but", "however", "unfortunately", "sadly", "regrettably", "yet"})
# Words that open a clause conceding something before the real point.
_CONCESSIVE = frozenset({"although", "though", "while", "whilst", "despite", "whereas"})

_SENTENCE, _CLAUSE, _OPENER = 1, 2, 3
_BOUNDARIES: dict[str, int] = {
    **dict.fromkeys(".!?\n", _SENTENCE),
    **dict.fromkeys([",", ";", ":", "(", ")", "\u2013", "\u2014", " - "], _CLAUSE),
    **dict.fromkeys(_CONTRAST | _CONCESSIVE, _OPENER),
}

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
_NEGATORS = frozenset(
    {"not", "no", "never", "nothing", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
     "weren't", "haven't", "hasn't", "hadn't", "can't", "couldn't", "won't", "wouldn't",
     "shouldn't", "mustn't", "needn't", "ain't"}
)  # fmt: skip
# Words right after a negator that say "this was not about X" ("not based on", "not due to").
_NOT_ABOUT = frozenset(
    {"about", "because", "due", "related", "based", "wrong", "personal", "personally"}
)  # fmt: skip
# Openers of a cleft that sets something aside ("it wasn't your CV", "this isn't about ...").
_CLEFT_SUBJECTS = frozenset({"it", "it's", "this", "that", "that's"})
_CLEFT_FOCUS = frozenset({"your", "that", "anything", "about", "because", "personal", "down"})

# Function words: kept inside word pairs ("not enough", "too junior") but not as features of
# their own, where they would only learn the style of the corpus. The last lines are the
# function words of this domain: nearly every piece of feedback mentions the candidate, the
# interview or the application, whatever its theme ("another candidate" still counts).
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
        "candidate", "candidates", "interview", "interviews", "interviewed", "interviewer",
        "interviewers", "application", "applications", "applicant", "applicants", "applied",
        "applying", "apply",
    }
)  # fmt: skip

FUNCTION_WORDS = _FUNCTION_WORDS
"""Words that carry grammar, not meaning (shared with the explanation of a theme)."""

_SUFFIXES = (
    "ingly", "edly", "ings", "ing", "ions", "ion", "ies", "ied", "es", "ed", "s", "ly",
    "ments", "ment", "ness", "ful", "ive", "ity", "ers", "er", "al",
)  # fmt: skip


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


class _WordCache(dict[str, str]):
    """Word -> derived string, computed on first sight and kept (up to a limit)."""

    limit = 200_000

    def __init__(self, derive: Callable[[str], str]) -> None:
        super().__init__()
        self._derive = derive

    def __missing__(self, word: str) -> str:
        value = self._derive(word)
        if len(self) >= self.limit:
            self.clear()
        self[word] = value
        return value


_STEM = _WordCache(stem)
# The stem feature of a word, or "" for a function word (which has none).
_STEM_FEATURE = _WordCache(lambda w: "" if w in _FUNCTION_WORDS else "=" + _STEM[w])


def _dismissed_by_negation(clause: list[str]) -> bool:
    """Whether a negation in the clause sets its topic aside ("X was not the issue")."""
    if _NEGATORS.isdisjoint(clause):
        return False
    size = len(clause)
    for i, token in enumerate(clause):
        if token not in _NEGATORS or i + 1 == size:
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


def _sentences(lowered: str) -> list[list[list[str]]]:
    """Sentences of clauses of words; a contrast or concession word opens a new clause."""
    sentences: list[list[list[str]]] = []
    sentence: list[list[str]] = []
    clause: list[str] = []
    boundary = _BOUNDARIES.get
    for token in _TOKEN.findall(lowered):
        kind = boundary(token)
        if kind is None:
            clause.append(token)
        elif kind == _OPENER:
            if clause:
                sentence.append(clause)
            clause = [token]
        else:
            if clause:
                sentence.append(clause)
                clause = []
            if kind == _SENTENCE and sentence:
                sentences.append(sentence)
                sentence = []
    if clause:
        sentence.append(clause)
    if sentence:
        sentences.append(sentence)
    return sentences


def clauses(text: str) -> list[tuple[list[str], bool]]:
    """The clauses of a text as lower-case words, each with whether it is dismissed."""
    lowered = text.lower().replace("\u2019", "'")
    sentences = _sentences(lowered)
    result: list[tuple[list[str], bool]] = []
    last = len(sentences) - 1
    for s_index, sentence in enumerate(sentences):
        for c_index, words in enumerate(sentence):
            dismissed = words[0] in _CONCESSIVE or _dismissed_by_negation(words)
            if not dismissed and not _PRAISE.isdisjoint(words):
                later = sentence[c_index + 1 :]
                if later:
                    dismissed = any(c[0] in _CONTRAST for c in later)
                else:
                    dismissed = s_index < last and sentences[s_index + 1][0][0] in _CONTRAST
            if dismissed and len(words) <= 3 and c_index > 0:
                # A short tail such as "no question" or "not the issue" sets aside the
                # clause it follows.
                result[-1] = (result[-1][0], True)
            result.append((words, dismissed))
    return result


def lexicon_key(phrase: str) -> str:
    """How a lexicon entry is looked up: its stems, space-separated."""
    words = [t for t in _TOKEN.findall(phrase.lower().replace("\u2019", "'")) if t[0].isalnum()]
    return " ".join(_STEM[w] for w in words)


def lexicon_features(lexicon: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """A lexicon (stems -> theme names) as ``extract`` takes it (stems -> ``@theme`` features)."""
    return {key: tuple("@" + theme for theme in themes) for key, themes in lexicon.items()}


def extract(text: str, lexicon: Mapping[str, tuple[str, ...]] | None = None) -> set[str]:
    """The features of one piece of feedback (see the module's docstring).

    ``lexicon`` maps stems (see ``lexicon_key``) to features, as ``lexicon_features`` builds it.
    Word pairs stay within a clause; lexicon pairs may span two neighbouring clauses.
    """
    plain: list[str] = []
    pairs: list[str] = []
    dismissed_clauses: list[list[str]] = []
    for words, dismissed in clauses(text):
        if dismissed:
            dismissed_clauses.append(words)
        else:
            plain += words
            pairs += map(" ".join, pairwise(words))
    features = set(filterfalse(_FUNCTION_WORDS.__contains__, plain))
    features.update(filter(None, map(_STEM_FEATURE.__getitem__, plain)), pairs)
    if lexicon:
        get = lexicon.get
        stems = list(map(_STEM.__getitem__, plain))
        features.update(*filter(None, map(get, stems)))
        features.update(*filter(None, map(get, map(" ".join, pairwise(stems)))))
    mark = DISMISSED
    for words in dismissed_clauses:
        content = [w for w in words if w not in _FUNCTION_WORDS]
        features.update([mark + w for w in content], [mark + "=" + _STEM[w] for w in content])
        features.update([mark + a + " " + mark + b for a, b in pairwise(words)])
        if lexicon:
            stems = list(map(_STEM.__getitem__, words))
            found = filter(None, map(lexicon.get, [*stems, *map(" ".join, pairwise(stems))]))
            features.update([mark + f for hit in found for f in hit])
    return features
