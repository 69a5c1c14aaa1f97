"""Feedback themes: read feedback given as JSON lines and classify each piece.

The use case behind `nextyes feedback classify`. Each line is a JSON object with a ``text``
field; every other field (an ``id``, a date, ...) is kept so the result can be matched back.
The whole input is checked before anything is classified, so a bad line stops the run with a
message naming it and nothing half-done.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from nextyes import content
from nextyes.errors import InvalidInput
from nextyes.text.themes import ThemePrediction, load_theme_classifier


def _said(key: str, **values: object) -> str:
    """A refused input line, from content/learning/insights.toml [classify]."""
    words = content.load("learning/insights")["classify"]
    return content.fill(words[key], example=words["example"], **values)


@dataclass(frozen=True, slots=True)
class FeedbackLine:
    """One line of input: where it was, its text and the fields to echo back."""

    number: int
    text: str
    fields: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ClassifiedFeedback:
    line: FeedbackLine
    prediction: ThemePrediction
    why: dict[str, list[str]]
    """For each theme found, the words of the feedback behind it."""


def read_feedback_lines(lines: Iterable[str]) -> list[FeedbackLine]:
    """The pieces of feedback in JSON-lines input; blank lines are skipped.

    Raises InvalidInput naming the first line that is not a JSON object with a string
    ``text`` field, or when there is no feedback at all.
    """
    found: list[FeedbackLine] = []
    number = 0
    numbered = iter(lines)
    while True:
        number += 1
        try:
            raw = next(numbered)
        except StopIteration:
            break
        except UnicodeDecodeError:
            raise InvalidInput(_said("not_utf8")) from None
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except (ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
            raise InvalidInput(_said("not_json", number=number)) from None
        if not isinstance(row, dict):
            raise InvalidInput(_said("not_an_object", number=number))
        text = row.pop("text", None)
        if not isinstance(text, str):
            raise InvalidInput(_said("no_text" if text is None else "text_not_text", number=number))
        found.append(FeedbackLine(number, text, row))
    if not found:
        raise InvalidInput(_said("empty"))
    return found


def classify_feedback(lines: Iterable[str]) -> list[ClassifiedFeedback]:
    """Read JSON-lines feedback and find the themes in each piece."""
    feedback = read_feedback_lines(lines)
    classifier = load_theme_classifier()
    predictions = classifier.predict_many(line.text for line in feedback)
    return [
        ClassifiedFeedback(
            line,
            prediction,
            {str(t): classifier.explain(line.text, t) for t in prediction.themes},
        )
        for line, prediction in zip(feedback, predictions, strict=True)
    ]
