"""The feedback-theme classifier: scoring, decisions and the shipped model."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextyes.domain.themes import Control, Theme
from nextyes.errors import ModelUnavailable
from nextyes.text import themes as themes_module
from nextyes.text.features import extract
from nextyes.text.themes import (
    MAX_FEATURES_PER_SUM,
    ThemeClassifier,
    Thresholds,
    corpus_digest,
    load_theme_classifier,
    read_model,
)

ROOT = Path(__file__).resolve().parents[2]
TWO = (Theme.SALARY_BUDGET, Theme.COMMUNICATION)
LOOSE = Thresholds(floor=0.2, absolute=0.5, relative=0.8)


def tiny_classifier(thresholds: Thresholds = LOOSE) -> ThemeClassifier:
    weights = {
        "salary": [6.0, -1.0],
        "=salary": [2.0, 0.0],
        "rambled": [-1.0, 6.0],
        "=rambl": [0.0, 2.0],
    }
    return ThemeClassifier.from_weights(TWO, weights, [-2.0, -2.0], thresholds)


def expected_scores(text: str, weights: dict[str, list[float]], biases: list[float]) -> list[float]:
    features = extract(text)
    scale = 1 / math.sqrt(len(features))
    sums = [sum(weights[f][t] for f in features if f in weights) for t in range(len(biases))]
    return [1 / (1 + math.exp(-(b + scale * s))) for b, s in zip(biases, sums, strict=True)]


def test_packed_weights_score_like_the_plain_formula() -> None:
    weights = {"salary": [1.25, -0.5], "=budget": [0.75, 0.125], "too high": [-3.5, 2.0]}
    model = ThemeClassifier.from_weights(TWO, weights, [-0.5, 0.25], LOOSE)
    text = "The salary was too high for our budget."
    got = model.raw_scores(text)
    assert got == pytest.approx(expected_scores(text, weights, [-0.5, 0.25]), abs=1e-3)


def test_a_text_with_more_features_than_one_packed_sum_holds_scores_correctly() -> None:
    words = [f"w{i}" for i in range(MAX_FEATURES_PER_SUM)]
    text = " ".join(words)
    features = extract(text)
    assert len(features) > 2 * MAX_FEATURES_PER_SUM
    weights = {f: [0.01, -0.01] for f in features}
    model = ThemeClassifier.from_weights(TWO, weights, [0.0, 0.0], LOOSE)
    assert model.raw_scores(text) == pytest.approx(
        expected_scores(text, weights, [0.0, 0.0]), abs=1e-3
    )


def test_one_clear_theme_gives_exactly_that_theme() -> None:
    prediction = tiny_classifier().predict("Your salary ask was the only problem.")
    assert prediction.themes == (Theme.SALARY_BUDGET,)
    assert prediction.controllable == Control.NO


def test_two_clear_themes_give_both_strongest_first() -> None:
    prediction = tiny_classifier().predict("You rambled, and the salary too.")
    assert set(prediction.themes) == set(TWO)
    assert (
        prediction.scores[str(prediction.themes[0])] >= prediction.scores[str(prediction.themes[1])]
    )
    assert prediction.controllable == Control.PARTLY


def test_nothing_recognisable_gives_no_theme_and_reads_as_outside_your_control() -> None:
    prediction = tiny_classifier().predict("Thank you for your time.")
    assert prediction.themes == ()
    assert prediction.controllable == Control.NO


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_every_theme_gets_a_score_between_zero_and_one(text: str) -> None:
    prediction = load_theme_classifier().predict(text)
    assert set(prediction.scores) == {str(t) for t in Theme}
    assert all(0.0 <= s <= 1.0 for s in prediction.scores.values())
    assert len(set(prediction.themes)) == len(prediction.themes)


def test_predict_many_matches_predict() -> None:
    model = load_theme_classifier()
    texts = ["The role was put on hold.", "Your CV had typos.", ""]
    assert model.predict_many(texts) == [model.predict(t) for t in texts]


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("We have given the job to someone who already works in the department.", "internal"),
        ("The vacancy was withdrawn after a funding review.", "role_filled"),
        ("Your salary expectations are higher than we are able to pay.", "salary"),
        ("Your cover letter was generic and the CV had several typos.", "application"),
        ("You seemed very nervous and hardly made eye contact.", "confidence"),
        ("Your answers to the competency questions had no concrete examples.", "behavioural"),
        ("You had not looked at our products or our website before the interview.", "preparation"),
    ],
)
def test_the_shipped_model_recognises_plainly_worded_feedback(text: str, theme: str) -> None:
    prediction = load_theme_classifier().predict(text)
    assert prediction.themes, text
    assert str(prediction.themes[0]).startswith(theme)


def test_the_shipped_model_follows_the_real_reason_past_a_dismissed_one() -> None:
    prediction = load_theme_classifier().predict(
        "Your technical skills were not the issue; it came down to experience with budgets."
    )
    assert prediction.themes == (Theme.EXPERIENCE_LEVEL,)
    assert prediction.controllable == Control.PARTLY


def test_the_shipped_model_was_trained_on_the_committed_corpus() -> None:
    corpus = sorted(str(p) for p in (ROOT / "training" / "feedback").glob("*.jsonl"))
    assert corpus, "the training corpus is missing"
    assert load_theme_classifier().corpus_sha256 == corpus_digest(corpus), (
        "The shipped model is out of date: run `python training/train_feedback.py`."
    )


def test_the_shipped_model_is_small() -> None:
    files = (themes_module.HEADER_FILE, themes_module.WEIGHTS_FILE)
    size = sum((Path(themes_module.MODEL_DIR) / name).stat().st_size for name in files)
    assert size < 2_000_000


def test_a_missing_model_says_how_to_rebuild_it(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match=r"train_feedback\.py"):
        read_model(str(tmp_path))


def test_a_model_built_for_other_features_is_refused(tmp_path: Path) -> None:
    source = Path(themes_module.MODEL_DIR)
    header = json.loads((source / themes_module.HEADER_FILE).read_text(encoding="utf-8"))
    header["feature_version"] = -1
    (tmp_path / themes_module.HEADER_FILE).write_text(json.dumps(header), encoding="utf-8")
    (tmp_path / themes_module.WEIGHTS_FILE).write_bytes(
        (source / themes_module.WEIGHTS_FILE).read_bytes()
    )
    with pytest.raises(ModelUnavailable, match="another version"):
        read_model(str(tmp_path))


def test_importing_loads_no_model_and_classifying_needs_no_numpy_or_sklearn() -> None:
    script = (
        "import sys\n"
        "import nextyes.text.themes as t\n"
        "assert t.load_theme_classifier.cache_info().currsize == 0\n"
        "t.load_theme_classifier().predict('The role was cancelled.')\n"
        "print(sorted(m for m in ('numpy', 'sklearn', 'scipy') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_two_themes_tied_at_the_top_are_each_listed_once() -> None:
    weights = {"=salary": [3.0, 3.0]}
    model = ThemeClassifier.from_weights(TWO, weights, [0.0, 0.0], LOOSE)
    prediction = model.predict("salary")
    assert sorted(prediction.themes) == sorted(TWO)
