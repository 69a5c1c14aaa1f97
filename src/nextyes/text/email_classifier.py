"""Classify job-search email with the shipped model, in plain Python.

The model (models/emails.json) is a linear model over word features trained by
training/train_emails.py. Scoring is a set intersection and a few sums, so thousands of messages
a second go through on one core without numpy or scikit-learn. The model is read on first use,
never at import.
"""

from __future__ import annotations

import json
import math
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


class EmailClassifier:
    """Scores emails with a linear model: one weight per feature and label."""

    def __init__(
        self, labels: list[str], intercepts: list[float], weights: dict[str, list[float]]
    ) -> None:
        self.labels = [MailLabel(label) for label in labels]
        self.intercepts = intercepts
        parsed = {parse_feature_name(name): values for name, values in weights.items()}
        self.vocabulary = parsed.keys()
        # one dense column per label: scoring is then a lookup per known feature, no branching
        self._columns = [
            {feature: values[i] for feature, values in parsed.items()} for i in range(len(labels))
        ]

    @classmethod
    def from_json(cls, text: str) -> EmailClassifier:
        data = json.loads(text)
        return cls(data["labels"], data["intercepts"], data["weights"])

    def raw_scores(self, subject: str, body: str, sender: str = "") -> list[float]:
        known = features(subject, body, sender) & self.vocabulary
        return [
            bias + sum(map(column.__getitem__, known))
            for bias, column in zip(self.intercepts, self._columns, strict=True)
        ]

    def predict(self, subject: str, body: str, sender: str = "") -> MailPrediction:
        """The most likely label, after the rules that guard against a false rejection."""
        raw = self.raw_scores(subject, body, sender)
        top = max(raw)
        exp = [math.exp(s - top) for s in raw]
        total = sum(exp)
        probabilities = [e / total for e in exp]
        ranked = sorted(range(len(raw)), key=probabilities.__getitem__, reverse=True)
        best = ranked[0]
        if self.labels[best] is MailLabel.REJECTION and not has_rejection_language(subject, body):
            # A rejection must say no about the reader's own application; without such words
            # the runner-up is the better reading.
            best = ranked[1]
        scores = {
            label.value: round(p, 4) for label, p in zip(self.labels, probabilities, strict=True)
        }
        return MailPrediction(self.labels[best], round(probabilities[best], 4), scores)


@lru_cache(maxsize=1)
def load_email_classifier() -> EmailClassifier:
    """The shipped classifier, read once and cached."""
    text = resources.files("nextyes.text.models").joinpath(MODEL_RESOURCE).read_text("utf-8")
    return EmailClassifier.from_json(text)
