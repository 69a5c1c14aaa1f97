"""`nextyes feedback`: the feedback you got, and what it says."""

from __future__ import annotations

import json
from typing import IO, Any

import click

from nextyes.cli.output import emit_table, format_option
from nextyes.services.feedback_themes import ClassifiedFeedback, classify_feedback


@click.group()
def feedback() -> None:
    """Learn from feedback: find its themes."""


@feedback.command()
@click.argument("source", metavar="[FILE|-]", type=click.File("r", encoding="utf-8"), default="-")
@format_option("jsonl", "table")
def classify(source: IO[str], fmt: str) -> None:
    """Find the themes in pieces of feedback given as JSON lines.

    Each line is a JSON object with a "text" field; other fields (such as "id") are echoed
    back. For each line it prints the themes (strongest first), whether they are within your
    control (yes, partly or no) and a 0..1 score for every theme. Reads standard input when
    FILE is - or left out.

    \b
    Example:
      echo '{"id": 1, "text": "We went with someone more senior."}' | nextyes feedback classify
    """
    results = classify_feedback(source)
    if fmt == "jsonl":
        for result in results:
            click.echo(json.dumps(_result_json(result), ensure_ascii=False))
        return
    emit_table(
        ("line", "themes", "in your control", "feedback"),
        (
            (
                r.line.number,
                ", ".join(r.prediction.themes) or "-",
                r.prediction.controllable,
                r.line.text,
            )
            for r in results
        ),
        no_wrap=("line",),
    )


def _result_json(result: ClassifiedFeedback) -> dict[str, Any]:
    prediction = result.prediction
    return {
        **result.line.fields,
        "themes": list(prediction.themes),
        "controllable": prediction.controllable,
        "scores": {name: round(score, 4) for name, score in prediction.scores.items()},
    }
