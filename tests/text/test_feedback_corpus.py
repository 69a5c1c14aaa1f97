"""The labelled corpus the feedback-theme classifier is trained on."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from nextyes.domain.themes import Theme

CORPUS = Path(__file__).resolve().parents[2] / "training" / "feedback"
VOICES = {
    "interviewer_quote",
    "recruiter_paraphrase",
    "candidate_notes",
    "hr_wording",
    "bullet_points",
    "one_liner",
    "long_paragraph",
}


def rows() -> list[dict[str, object]]:
    found = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            found.append(json.loads(line))
    return found


def test_every_example_has_text_known_themes_a_voice_and_a_field() -> None:
    known = {str(t) for t in Theme}
    for row in rows():
        assert set(row) == {"text", "themes", "voice", "field"}, row
        assert isinstance(row["text"], str), row
        assert row["text"].strip(), row
        assert isinstance(row["themes"], list), row
        assert set(row["themes"]) <= known, row
        assert row["voice"] in VOICES, row
        assert isinstance(row["field"], str), row
        assert row["field"], row


def test_the_corpus_is_large_and_covers_every_theme_voice_and_many_fields() -> None:
    examples = rows()
    assert len(examples) >= 800
    per_theme = Counter(t for row in examples for t in row["themes"])  # type: ignore[attr-defined]
    assert min(per_theme[str(t)] for t in Theme) >= 50, per_theme
    assert {row["voice"] for row in examples} == VOICES
    assert len({row["field"] for row in examples}) >= 20
    assert sum(1 for row in examples if len(row["themes"]) > 1) >= 40  # type: ignore[arg-type]


def test_no_example_is_written_twice() -> None:
    texts = [row["text"] for row in rows()]
    assert len(texts) == len(set(texts))
