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

from nextyes.errors import InvalidInput
from nextyes.text.themes import ThemePrediction, load_theme_classifier

EXAMPLE_LINE = '{"id": 1, "text": "They said I needed more experience with budgets."}'


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
            raise InvalidInput(
                "The input is not UTF-8 text. Save it as UTF-8 (most editors offer this under "
                "'Save as' or 'Encoding') and run it again."
            ) from None
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except (ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
            raise InvalidInput(
                f"Line {number} is not JSON. Give one JSON object per line, for example: "
                f"{EXAMPLE_LINE}"
            ) from None
        if not isinstance(row, dict):
            raise InvalidInput(
                f"Line {number} is JSON but not an object. Give one object per line with a "
                f'"text" field, for example: {EXAMPLE_LINE}'
            )
        text = row.pop("text", None)
        if not isinstance(text, str):
            problem = "has no" if text is None else "has a non-text"
            raise InvalidInput(
                f'Line {number} {problem} "text" field. Put the feedback in "text", for '
                f"example: {EXAMPLE_LINE}"
            )
        found.append(FeedbackLine(number, text, row))
    if not found:
        raise InvalidInput(
            "There was no feedback to classify: the input is empty. Give one JSON object per "
            f"line, for example: {EXAMPLE_LINE}"
        )
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
