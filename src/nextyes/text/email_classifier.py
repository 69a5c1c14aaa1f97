"""Classify job-search email with the shipped model, in plain Python.

The model (models/emails.json) is a linear model over word features trained by
training/train_emails.py. Scoring is a set intersection and a few sums, so thousands of messages
a second go through on one core without numpy or scikit-learn. The model is read on first use,
never at import.

Probabilities are calibrated (one temperature, fitted on held-back scores), and each message
falls in one of three confidence bands measured the same way (docs/quality.md): sure (applied),
review (a person decides between the two likeliest labels), aside (clearly not job mail). The
phrases that pushed a message towards its label are its explanation ("why").
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
from operator import itemgetter

from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.errors import ModelUnavailable
from nextyes.text.email_cues import has_rejection_language
from nextyes.text.email_features import (
    CONDITIONAL,
    FEATURE_VERSION,
    Feature,
    feature_name,
    features,
    parse_feature_name,
)
from nextyes.text.phrases import chain

MODEL_RESOURCE = "emails.json"
MIN_PULL = 0.1
"""A phrase explains a label only when it pulls towards it at least this much (log-odds)."""
MODEL_FORMAT = 2
REJECTION_WITHOUT_CUE = 0.97
"""A rejection without any phrase that says no stands only when the model is this sure."""


@dataclass(frozen=True, slots=True)
class MailPrediction:
    """The label of one message, how sure the model is (0..1), and every label's probability.

    `band` says what happens to it: applied when sure, a person's review otherwise, or set
    aside when it is clearly not job mail. `runner_up` is the second likeliest label.
    """

    label: MailLabel
    confidence: float
    scores: dict[str, float]
    band: Band = Band.SURE
    runner_up: MailLabel | None = None


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
        self,
        labels: list[str],
        intercepts: list[float],
        weights: dict[str, list[float]],
        *,
        temperature: float = 1.0,
        sure: float = 0.0,
        aside: float = 0.0,
        corpus_sha256: str = "",
        embedding: dict[str, list[float]] | None = None,
    ) -> None:
        self.labels = [MailLabel(label) for label in labels]
        self.intercepts = intercepts
        self.temperature = temperature
        self.sure = sure
        self.aside = aside
        self.corpus_sha256 = corpus_sha256
        self._names = [label.value for label in self.labels]
        self._rejection = self.labels.index(MailLabel.REJECTION)
        self._unrelated = (
            self.labels.index(MailLabel.UNRELATED) if MailLabel.UNRELATED in self.labels else -1
        )
        self._packed = {parse_feature_name(name): _pack(values) for name, values in weights.items()}
        self.vocabulary = frozenset(self._packed)
        self._pulls: list[dict[Feature, float] | None] = [None] * len(self.labels)
        """Per label, each feature's pull towards it (built on first use, for "why")."""
        self._embedding: dict[Feature, int] = {
            word: _pack(values) for word, values in (embedding or {}).items()
        }

    @classmethod
    def from_json(cls, text: str) -> EmailClassifier:
        data = json.loads(text)
        if data.get("format") != MODEL_FORMAT or data.get("feature_version") != FEATURE_VERSION:
            raise ModelUnavailable(
                "The email model was built for another version of nextyes. Rebuild it with "
                "`python training/train_emails.py`."
            )
        bands = data["bands"]
        return cls(
            data["labels"],
            data["intercepts"],
            data["weights"],
            temperature=data["temperature"],
            sure=bands["sure"],
            aside=bands["aside"],
            corpus_sha256=data["corpus_sha256"],
            embedding=data.get("embedding"),
        )

    def raw_scores(self, subject: str, body: str, sender: str = "") -> list[float]:
        """The linear score of each label (before the softmax).

        The words' part is a sum over the message's features; the meaning part (the distilled
        word vectors, folded into per-word weights at training) is a mean over the words the
        table knows, so a long message does not count for more than a short one.
        """
        return self._raw(features(subject, body, sender))

    def _raw(self, found: set[Feature]) -> list[float]:
        size = len(self.labels)
        mask = (1 << _WIDTH) - 1
        total = sum(filter(None, map(self._packed.get, found)))
        count = total >> (_WIDTH * size)
        scores = [
            bias + (((total >> (_WIDTH * i)) & mask) - count * _OFFSET) / _SCALE
            for i, bias in enumerate(self.intercepts)
        ]
        if self._embedding:
            meaning = sum(filter(None, map(self._embedding.get, found)))
            known = meaning >> (_WIDTH * size)
            if known:
                scale = 1.0 / (known * _SCALE)
                offset = known * _OFFSET
                scores = [
                    score + (((meaning >> (_WIDTH * i)) & mask) - offset) * scale
                    for i, score in enumerate(scores)
                ]
        return scores

    def predict_many(self, messages: Iterable[tuple[str, str, str]]) -> Iterator[MailPrediction]:
        """Predictions for (subject, body, sender) triples, in order, tuned for bulk work."""
        with batch_collection():
            for subject, body, sender in messages:
                yield self.predict(subject, body, sender)

    def predict(self, subject: str, body: str, sender: str = "") -> MailPrediction:
        """The most likely label, after the rule that guards against a false rejection."""
        return self.predict_scores(self.raw_scores(subject, body, sender), subject, body)

    def predict_scores(self, raw: list[float], subject: str, body: str) -> MailPrediction:
        """The prediction for a message's raw scores (see `predict`)."""
        scale = 1.0 / self.temperature
        top = max(raw)
        exp = [math.exp((score - top) * scale) for score in raw]
        total = sum(exp)
        best = raw.index(top)
        rest = list(raw)
        rest[best] = -math.inf
        second = rest.index(max(rest))
        if best == self._rejection and not has_rejection_language(subject, body):
            # A rejection must say no about the reader's own application; without words that
            # say so, the runner-up is the better reading.
            rest[second] = -math.inf
            best, second = second, rest.index(max(rest))
        confidence = exp[best] / total
        if best == self._unrelated:
            band = Band.ASIDE if confidence >= self.aside else Band.REVIEW
        else:
            band = Band.SURE if confidence >= self.sure else Band.REVIEW
        scores = {label: round(e / total, 4) for label, e in zip(self._names, exp, strict=True)}
        return MailPrediction(
            self.labels[best], round(confidence, 4), scores, band, self.labels[second]
        )

    def analyse(
        self, subject: str, body: str, sender: str = "", limit: int = 5
    ) -> tuple[MailPrediction, tuple[str, ...]]:
        """The prediction and the phrases behind its label, from one reading of the message."""
        found = features(subject, body, sender)
        prediction = self.predict_scores(self._raw(found), subject, body)
        if prediction.band is Band.ASIDE:  # clearly not job mail: nobody will ask why
            return prediction, ()
        return prediction, tuple(self._explain(found, prediction.label, limit))

    def prepare_explanations(self) -> None:
        """Build what "why" needs for every label now (before worker processes fork)."""
        if any(table is None for table in self._pulls):
            self._pulls = list(_pull_tables(self._packed, len(self.labels)))

    def explain(
        self,
        subject: str,
        body: str,
        sender: str = "",
        label: MailLabel | None = None,
        limit: int = 5,
    ) -> list[str]:
        """The phrases of a message that pushed it most towards `label` (default: its label).

        A phrase counts by how much more it adds to `label` than to the average other label;
        a word already inside a chosen pair is not repeated.
        """
        if label is None:
            label = self.predict(subject, body, sender).label
        return self._explain(features(subject, body, sender), label, limit)

    def _pull_of(self, index: int) -> dict[Feature, float]:
        self.prepare_explanations()
        table = self._pulls[index]
        assert table is not None
        return table

    def _explain(self, found: set[Feature], label: MailLabel, limit: int) -> list[str]:
        index = self.labels.index(label)
        pull = self._pulls[index] or self._pull_of(index)
        scored = [(pull[f], f) for f in pull.keys() & found]
        scored.sort(key=itemgetter(0), reverse=True)
        scored = scored[: limit * 4]
        # ties broken by the phrase itself, so every process explains a message the same way
        scored.sort(key=lambda item: (-item[0], feature_name(item[1])))
        pulls = [(weight, phrase) for weight, f in scored if (phrase := _phrase(f))]
        phrases: list[str] = []
        for _pull, phrase in pulls:
            words = phrase.split()
            if phrase in phrases or any(phrase in kept.split() for kept in phrases):
                continue
            phrases = [kept for kept in phrases if kept not in words]
            phrases.append(phrase)
            if len(phrases) == limit:
                break
        return chain(phrases)


def _pull_tables(packed: dict[Feature, int], count: int) -> list[dict[Feature, float]]:
    """Per label, each feature's pull towards it: its weight there beyond the others' average
    (only pulls of at least MIN_PULL are kept). One pass over the model for every label."""
    tables: list[dict[Feature, float]] = [{} for _ in range(count)]
    share = 1 / (count - 1)
    for feature, value in packed.items():
        values = _unpack(value, count)
        total = sum(values)
        for index, weight in enumerate(values):
            pull = weight - (total - weight) * share
            if pull >= MIN_PULL:
                tables[index][feature] = pull
    return tables


def _phrase(feature: Feature) -> str | None:
    """How a feature reads to a person: a word or a pair of words (sender traits are left out)."""
    if isinstance(feature, tuple):
        return " ".join(feature)
    if feature.startswith("s:"):
        return feature[2:]
    if feature.startswith(("f:", "<", ">", CONDITIONAL)):
        return None
    return feature


def _unpack(packed: int, count: int) -> list[float]:
    mask = (1 << _WIDTH) - 1
    return [(((packed >> (_WIDTH * i)) & mask) - _OFFSET) / _SCALE for i in range(count)]


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
