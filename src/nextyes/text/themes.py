"""The feedback-theme classifier at run time: plain Python over a small shipped model.

The model is a one-vs-rest logistic regression trained by ``training/train_feedback.py`` on the
project's own corpus (``training/feedback/*.jsonl``). It ships as two files in ``models/``: a
JSON header (themes, vocabulary, biases, decision thresholds, the corpus digest) and the weights
as little-endian float32, one block of ``len(vocabulary)`` values per theme.

Nothing is loaded at import; ``load_theme_classifier()`` reads the files once and caches them.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sys
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from nextyes.domain.themes import Control, Theme, overall_control
from nextyes.errors import ModelUnavailable
from nextyes.text.features import FEATURE_VERSION, extract

MODEL_FORMAT = 1
MODEL_DIR = os.path.join(os.path.dirname(__file__), "models")
HEADER_FILE = "feedback_themes.json"
WEIGHTS_FILE = "feedback_themes.f32"


@dataclass(frozen=True, slots=True)
class ThemePrediction:
    """The themes found in one piece of feedback.

    ``themes`` is ordered from the strongest; ``scores`` holds a 0..1 score for every theme.
    """

    themes: tuple[Theme, ...]
    scores: dict[str, float]
    controllable: Control


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How scores become themes.

    The strongest theme is kept when it reaches ``floor``; any other theme is added when it
    reaches ``absolute`` and is at least ``relative`` times the strongest score, so one clear
    theme gives one theme while feedback that names several reasons gives several.
    """

    floor: float
    absolute: float
    relative: float


class ThemeClassifier:
    """Scores feedback text against the thirteen themes."""

    def __init__(
        self,
        themes: Sequence[Theme],
        vocabulary: Sequence[str],
        weights: Sequence[float],
        biases: Sequence[float],
        thresholds: Thresholds,
        lexicon: Mapping[str, Sequence[str]] | None = None,
        corpus_sha256: str = "",
    ) -> None:
        size = len(vocabulary)
        if len(weights) != size * len(themes) or len(biases) != len(themes):
            raise ValueError("the weights do not match the vocabulary and themes")
        self.themes = tuple(themes)
        self.thresholds = thresholds
        self.corpus_sha256 = corpus_sha256
        self._index = {feature: i for i, feature in enumerate(vocabulary)}
        values = list(weights)
        self._columns = [values[t * size : (t + 1) * size] for t in range(len(self.themes))]
        self._biases = list(biases)
        self._names = [str(theme) for theme in self.themes]
        self._lexicon = {key: tuple(names) for key, names in (lexicon or {}).items()}

    def raw_scores(self, text: str) -> list[float]:
        """The 0..1 score of each theme, in the order of ``self.themes``."""
        features = extract(text, self._lexicon)
        get = self._index.get
        ids = [i for i in map(get, features) if i is not None]
        scale = 1.0 / math.sqrt(len(features)) if features else 0.0
        exp = math.exp
        scores = []
        for column, bias in zip(self._columns, self._biases, strict=True):
            z = bias + scale * sum(map(column.__getitem__, ids))
            scores.append(1.0 / (1.0 + exp(-z)) if z > -60.0 else 0.0)
        return scores

    def predict(self, text: str) -> ThemePrediction:
        scores = self.raw_scores(text)
        order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
        best = scores[order[0]]
        limits = self.thresholds
        chosen: list[Theme] = []
        if best >= limits.floor:
            cut = max(limits.absolute, limits.relative * best)
            chosen = [self.themes[i] for i in order if i == order[0] or scores[i] >= cut]
        return ThemePrediction(
            themes=tuple(chosen),
            scores={name: round(s, 4) for name, s in zip(self._names, scores, strict=True)},
            controllable=overall_control(chosen),
        )

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
            raw = f.read()
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
    weights = array("f")
    weights.frombytes(raw)
    if sys.byteorder != "little":
        weights.byteswap()
    thresholds = header["thresholds"]
    return ThemeClassifier(
        themes=[Theme(name) for name in header["themes"]],
        vocabulary=header["vocabulary"],
        weights=weights,
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
    digest = hashlib.sha256()
    for path in sorted(paths, key=os.path.basename):
        digest.update(os.path.basename(path).encode("utf-8") + b"\0")
        with open(path, "rb") as f:
            digest.update(f.read())
        digest.update(b"\0")
    return digest.hexdigest()
