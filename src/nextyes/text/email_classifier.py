"""Classify job-search email with the shipped model, in plain Python.

The model (models/emails.json) is a linear model over word features trained by
training/train_emails.py. Scoring is a set intersection and a few sums, so thousands of messages
a second go through on one core without numpy or scikit-learn. The model is read on first use,
never at import.
"""

from __future__ import annotations

import gc
import json
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from nextyes.domain.mail_labels import MailLabel
from nextyes.text.email_cues import has_rejection_language
from nextyes.text.email_features import features, parse_feature_name

MODEL_RESOURCE = "emails.json"


@dataclass(frozen=True, slots=True)
class MailPrediction:
    """The label of one message, how sure the model is (0..1), and every label's probability."""

    label: MailLabel
    confidence: float
    scores: dict[str, float]


_SCALE = 10_000
"""Weights are stored to four decimals, so scaling by 10,000 makes them exact integers."""
_OFFSET = 1 << 30
_WIDTH = 48


class EmailClassifier:
    """Scores emails with a linear model: one weight per feature and label.

    Each feature's weights are packed into one Python integer, one 48-bit field per label
    (offset so every field is positive) plus a last field that counts the feature itself. The
    score of a message is then a single C-level sum over its features, unpacked with shifts:
    the same sums as adding floats label by label, several times faster.
    """

    def __init__(
        self, labels: list[str], intercepts: list[float], weights: dict[str, list[float]]
    ) -> None:
        self.labels = [MailLabel(label) for label in labels]
        self.intercepts = intercepts
        self._names = [label.value for label in self.labels]
        self._rejection = self.labels.index(MailLabel.REJECTION)
        self._packed = {parse_feature_name(name): _pack(values) for name, values in weights.items()}
        self.vocabulary = frozenset(self._packed)

    @classmethod
    def from_json(cls, text: str) -> EmailClassifier:
        data = json.loads(text)
        return cls(data["labels"], data["intercepts"], data["weights"])

    def raw_scores(self, subject: str, body: str, sender: str = "") -> list[float]:
        """The linear score of each label (before the softmax)."""
        total = sum(filter(None, map(self._packed.get, features(subject, body, sender))))
        count = total >> (_WIDTH * len(self.labels))
        mask = (1 << _WIDTH) - 1
        return [
            bias + (((total >> (_WIDTH * i)) & mask) - count * _OFFSET) / _SCALE
            for i, bias in enumerate(self.intercepts)
        ]

    def predict_many(self, messages: Iterable[tuple[str, str, str]]) -> Iterator[MailPrediction]:
        """Predictions for (subject, body, sender) triples, in order, tuned for bulk work."""
        with batch_collection():
            for subject, body, sender in messages:
                yield self.predict(subject, body, sender)

    def predict(self, subject: str, body: str, sender: str = "") -> MailPrediction:
        """The most likely label, after the rule that guards against a false rejection."""
        raw = self.raw_scores(subject, body, sender)
        top = max(raw)
        exp = [math.exp(score - top) for score in raw]
        total = sum(exp)
        best = raw.index(top)
        if best == self._rejection and not has_rejection_language(subject, body):
            # A rejection must say no about the reader's own application; without such words
            # the runner-up is the better reading.
            raw[best] = -math.inf
            best = raw.index(max(raw))
        scores = {label: round(e / total, 4) for label, e in zip(self._names, exp, strict=True)}
        return MailPrediction(self.labels[best], round(exp[best] / total, 4), scores)


def _pack(values: list[float]) -> int:
    packed = 1 << (_WIDTH * len(values))  # the count field
    for i, value in enumerate(values):
        packed |= (round(value * _SCALE) + _OFFSET) << (_WIDTH * i)
    return packed


@contextmanager
def batch_collection(threshold: int = 50_000) -> Iterator[None]:
    """Collect garbage less often while many messages are classified in a row.

    Each message allocates a few hundred short-lived objects; with CPython's default threshold
    the collector runs every few messages and costs about a fifth of the time. The previous
    thresholds, and the ordinary treatment of older objects, are restored afterwards.
    """
    previous = gc.get_threshold()
    gc.set_threshold(max(threshold, previous[0]), *previous[1:])
    # Everything alive before the batch (the decoded messages, the model) is set aside, so the
    # collections that still run walk only what the batch itself allocates.
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*previous)


@lru_cache(maxsize=1)
def load_email_classifier() -> EmailClassifier:
    """The shipped classifier, read once and cached."""
    text = resources.files("nextyes.text.models").joinpath(MODEL_RESOURCE).read_text("utf-8")
    return EmailClassifier.from_json(text)
