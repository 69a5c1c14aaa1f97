"""The feedback-theme classifier at run time: plain Python over a small shipped model.

The model is a one-vs-rest logistic regression trained by ``training/train_feedback.py`` on the
project's own corpus (``training/feedback/*.jsonl``). It ships as two files in ``models/``:
``feedback_themes.json`` (themes, vocabulary, lexicon, biases, decision thresholds, the corpus
digest) and ``feedback_themes.weights``: for each vocabulary entry in order, one little-endian
unsigned 32-bit field per theme holding the weight in fixed point (``round(w * 2**SCALE_BITS)
+ OFFSET``).

Why fixed point: read as one little-endian integer, a feature's row *is* the theme weights
packed side by side, 32 bits apart. Adding the rows of a text's features adds all thirteen
weights at once (no field can overflow into the next while a text has fewer than
``MAX_FEATURES_PER_SUM`` features), so scoring is one ``sum(map(...))`` followed by unpacking
thirteen fields: fast in plain Python, no NumPy at run time.

Nothing is loaded at import; ``load_theme_classifier()`` reads the files once and caches them.
"""

from __future__ import annotations

import json
import math
import os
import struct
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import NamedTuple

from nextyes.domain.themes import Control, Theme, overall_control
from nextyes.errors import ModelUnavailable
from nextyes.text.features import FEATURE_VERSION, FUNCTION_WORDS, extract, lexicon_features
from nextyes.text.phrases import chain

MODEL_FORMAT = 2
MODEL_DIR = os.path.join(os.path.dirname(__file__), "models")
HEADER_FILE = "feedback_themes.json"
WEIGHTS_FILE = "feedback_themes.weights"

FIELD_BITS = 32
SCALE_BITS = 12
OFFSET = 1 << 17
"""Stored fields are ``round(w * 2**SCALE_BITS) + OFFSET``, so weights up to ±32 fit."""
MAX_WEIGHT = (OFFSET - 1) / (1 << SCALE_BITS)
MAX_FEATURES_PER_SUM = (1 << FIELD_BITS) // (2 * OFFSET) - 1


class ThemePrediction(NamedTuple):
    """The themes found in one piece of feedback.

    ``themes`` is ordered from the strongest; ``scores`` holds a 0..1 score for every theme.
    """

    themes: tuple[Theme, ...]
    scores: dict[str, float]
    controllable: Control


class Thresholds(NamedTuple):
    """How scores become themes.

    The strongest theme is kept when it reaches ``floor``; any other theme is added when it
    reaches ``absolute`` and is at least ``relative`` times the strongest score, so one clear
    theme gives one theme while feedback that names several reasons gives several.
    """

    floor: float
    absolute: float
    relative: float


def quantise(weight: float) -> int:
    """A weight as a stored fixed-point field."""
    clipped = max(-MAX_WEIGHT, min(MAX_WEIGHT, weight))
    return round(clipped * (1 << SCALE_BITS)) + OFFSET


def pack_rows(rows: Iterable[Sequence[float]]) -> bytes:
    """The weights file for rows of per-theme weights, one row per vocabulary entry."""
    out = bytearray()
    for row in rows:
        for weight in row:
            out += quantise(weight).to_bytes(FIELD_BITS // 8, "little")
    return bytes(out)


class ThemeClassifier:
    """Scores feedback text against the thirteen themes."""

    def __init__(
        self,
        themes: Sequence[Theme],
        vocabulary: Sequence[str],
        packed: bytes,
        biases: Sequence[float],
        thresholds: Thresholds,
        lexicon: Mapping[str, Sequence[str]] | None = None,
        corpus_sha256: str = "",
    ) -> None:
        width = len(themes) * FIELD_BITS // 8
        if len(packed) != width * len(vocabulary) or len(biases) != len(themes):
            raise ValueError("the weights do not match the vocabulary and themes")
        self.themes = tuple(themes)
        self.thresholds = thresholds
        self.corpus_sha256 = corpus_sha256
        from_bytes = int.from_bytes
        self._rows = {
            feature: from_bytes(packed[i * width : (i + 1) * width], "little")
            for i, feature in enumerate(vocabulary)
        }
        self._biases = tuple(biases)
        self._fields = struct.Struct(f"<{len(themes)}I")
        self._names = tuple(str(theme) for theme in self.themes)
        self._lexicon = lexicon_features(lexicon or {})
        self._controls: dict[tuple[Theme, ...], Control] = {}

    @classmethod
    def from_weights(
        cls,
        themes: Sequence[Theme],
        weights: Mapping[str, Sequence[float]],
        biases: Sequence[float],
        thresholds: Thresholds,
        lexicon: Mapping[str, Sequence[str]] | None = None,
    ) -> ThemeClassifier:
        """A classifier from per-feature weight rows (one weight per theme)."""
        vocabulary = list(weights)
        packed = pack_rows(weights[feature] for feature in vocabulary)
        return cls(themes, vocabulary, packed, biases, thresholds, lexicon)

    def raw_scores(self, text: str) -> list[float]:
        """The 0..1 score of each theme, in the order of ``self.themes``."""
        features = extract(text, self._lexicon)
        if not features:
            return self._sigmoids([0] * len(self._biases), 0.0)
        known = list(self._rows.keys() & features)
        sums = [0] * len(self._biases)
        row = self._rows.__getitem__
        for start in range(0, len(known), MAX_FEATURES_PER_SUM):
            chunk = known[start : start + MAX_FEATURES_PER_SUM]
            fields = self._fields.unpack(sum(map(row, chunk)).to_bytes(self._fields.size, "little"))
            base = len(chunk) * OFFSET
            sums = [s + field - base for s, field in zip(sums, fields, strict=True)]
        return self._sigmoids(sums, 1.0 / (math.sqrt(len(features)) * (1 << SCALE_BITS)))

    def _sigmoids(self, sums: list[int], scale: float) -> list[float]:
        exp = math.exp
        pairs = zip(self._biases, sums, strict=True)
        try:
            return [1.0 / (1.0 + exp(-(bias + scale * s))) for bias, s in pairs]
        except OverflowError:  # a logit below about -700: the score is 0
            pairs = zip(self._biases, sums, strict=True)
            return [1.0 / (1.0 + exp(min(700.0, -(bias + scale * s)))) for bias, s in pairs]

    def predict(self, text: str) -> ThemePrediction:
        scores = self.raw_scores(text)
        best = max(scores)
        limits = self.thresholds
        chosen: tuple[Theme, ...] = ()
        if best >= limits.floor:
            chosen = (self.themes[scores.index(best)],)
            cut = max(limits.absolute, limits.relative * best)
            if sorted(scores)[-2] >= cut:
                ranked = sorted(zip(scores, self.themes, strict=True), reverse=True)
                chosen += tuple(t for score, t in ranked if score >= cut and t is not chosen[0])
        control = self._controls.get(chosen)
        if control is None:
            control = self._controls[chosen] = overall_control(list(chosen))
        return ThemePrediction(chosen, dict(zip(self._names, scores, strict=True)), control)

    def explain(self, text: str, theme: Theme, limit: int = 4) -> list[str]:
        """The words of `text` that weigh most towards `theme` ("why"), strongest first.

        Only words and word pairs read plainly count (not stems, lexicon hits or dismissed
        clauses); a word already inside a chosen pair is not repeated.
        """
        index = self.themes.index(theme)
        shift, mask = FIELD_BITS * index, (1 << FIELD_BITS) - 1
        pulls = []
        for feature in extract(text, self._lexicon) & self._rows.keys():
            if feature[0] in "=@~" or all(w in FUNCTION_WORDS for w in feature.split()):
                continue
            weight = ((self._rows[feature] >> shift) & mask) - OFFSET
            if weight > 0:
                pulls.append((-weight, feature))
        words: list[str] = []
        for _weight, feature in sorted(pulls):
            parts = feature.split()
            if any(feature in kept.split() for kept in words):
                continue
            words = [kept for kept in words if kept not in parts]
            words.append(feature)
            if len(words) == limit:
                break
        return chain(words)

    def predict_many(self, texts: Iterable[str]) -> list[ThemePrediction]:
        predict = self.predict
        return [predict(text) for text in texts]


def read_model(directory: str = MODEL_DIR) -> ThemeClassifier:
    """Read a model written by the training script from ``directory``."""
    header_path = os.path.join(directory, HEADER_FILE)
    weights_path = os.path.join(directory, WEIGHTS_FILE)
    try:
        with open(header_path, encoding="utf-8") as f:
            header = json.load(f)
        with open(weights_path, "rb") as f:
            packed = f.read()
    except FileNotFoundError as exc:
        raise ModelUnavailable(
            f"The feedback-theme model is missing ({exc.filename}). Reinstall nextyes, or "
            "rebuild it with `python training/train_feedback.py`."
        ) from exc
    if header.get("format") != MODEL_FORMAT or header.get("feature_version") != FEATURE_VERSION:
        raise ModelUnavailable(
            "The feedback-theme model was built for another version of nextyes. Rebuild it "
            "with `python training/train_feedback.py`."
        )
    thresholds = header["thresholds"]
    return ThemeClassifier(
        themes=[Theme(name) for name in header["themes"]],
        vocabulary=header["vocabulary"],
        packed=packed,
        biases=header["biases"],
        thresholds=Thresholds(
            floor=thresholds["floor"],
            absolute=thresholds["absolute"],
            relative=thresholds["relative"],
        ),
        lexicon=header.get("lexicon", {}),
        corpus_sha256=header.get("corpus_sha256", ""),
    )


@cache
def load_theme_classifier() -> ThemeClassifier:
    """The shipped feedback-theme classifier, read on first use and kept for the process."""
    return read_model()


def corpus_digest(paths: Iterable[str]) -> str:
    """SHA-256 over a corpus: each file's name and bytes, in name order."""
    import hashlib  # only training and tests need it; keep it off the classifier's import

    digest = hashlib.sha256()
    for path in sorted(paths, key=os.path.basename):
        digest.update(os.path.basename(path).encode("utf-8") + b"\0")
        with open(path, "rb") as f:
            digest.update(f.read())
        digest.update(b"\0")
    return digest.hexdigest()
