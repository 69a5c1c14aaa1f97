"""Train the feedback-theme classifier and write the model nextyes ships.

    python training/train_feedback.py            # cross-validate, then train and write the model
    python training/train_feedback.py --cv-only  # only report cross-validated figures

Needs the ``train`` extra (scikit-learn, numpy): ``pip install -e '.[train]'``. The run is
deterministic: the same corpus gives the same model, byte for byte.

The corpus is ``training/feedback/*.jsonl``: one example per line with ``text``, ``themes`` (a
list of theme names, possibly empty), ``voice`` and ``field``. Features come from
``nextyes.text.features`` (the same code the run-time classifier uses). Each theme gets a binary
logistic regression over the text's features, scaled by one over the square root of their number.
Cross-validation gives out-of-fold scores, on which the decision thresholds are chosen; the model
is then trained on the whole corpus and written to ``src/nextyes/text/models/`` with the SHA-256
of the corpus it came from.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from nextyes.domain.themes import Theme
from nextyes.text.features import FEATURE_VERSION, extract, lexicon_features, lexicon_key
from nextyes.text.themes import (
    HEADER_FILE,
    MODEL_FORMAT,
    WEIGHTS_FILE,
    corpus_digest,
    pack_rows,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "training" / "feedback"
LEXICON = ROOT / "training" / "feedback_lexicon.toml"
MODEL_DIR = ROOT / "src" / "nextyes" / "text" / "models"
THEMES = list(Theme)

C = 10.0  # inverse regularisation strength (chosen by cross-validation; 10-30 are within noise)
MIN_COUNT = 1  # keep features seen in at least this many examples
PRUNE_BELOW = 0.2  # drop features whose largest absolute weight is smaller (free in CV)
NB_BETA = 1.0
"""How much of each feature's naive Bayes log-count ratio is added to its regression weight.

The regression puts nearly all its weight on the few words that separate the corpus best;
the ratio spreads some over every word that leans towards a theme, which is what still reads
feedback worded unlike the corpus (leave-one-voice-out top-1 0.857 -> 0.889; 0.5-2 within
0.01 of each other)."""
NB_SMOOTHING = 0.5
FOLDS = 5
SEED = 20251122


@dataclass(frozen=True)
class Example:
    text: str
    themes: frozenset[str]
    voice: str
    field: str
    source: str


def load_corpus(directory: Path) -> list[Example]:
    known = {str(t) for t in THEMES}
    examples = []
    for path in sorted(directory.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            unknown = set(row["themes"]) - known
            if unknown or not row["text"].strip():
                sys.exit(f"{path.name}:{number}: bad example (unknown themes {sorted(unknown)})")
            examples.append(
                Example(
                    row["text"], frozenset(row["themes"]), row["voice"], row["field"], path.stem
                )
            )
    return examples


def load_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    """The theme lexicon keyed by stems, as the run-time classifier looks it up."""
    known = {str(t) for t in THEMES}
    entries: dict[str, set[str]] = {}
    for theme, phrases in tomllib.loads(path.read_text(encoding="utf-8")).items():
        if theme not in known:
            sys.exit(f"{path.name}: unknown theme {theme!r}")
        for phrase in phrases:
            key = lexicon_key(phrase)
            if key.count(" ") > 1 or not key:
                sys.exit(f"{path.name}: {phrase!r} must be one or two words")
            entries.setdefault(key, set()).add(theme)
    return {key: tuple(sorted(themes)) for key, themes in sorted(entries.items())}


def featurise(examples: list[Example], lexicon: dict[str, tuple[str, ...]]) -> list[set[str]]:
    lookup = lexicon_features(lexicon)
    return [extract(e.text, lookup) for e in examples]


def vocabulary_of(feature_sets: list[set[str]]) -> list[str]:
    counts = Counter(f for features in feature_sets for f in features)
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT)


def matrix(feature_sets: list[set[str]], vocabulary: list[str]) -> csr_matrix:
    index = {f: i for i, f in enumerate(vocabulary)}
    rows, cols, values = [], [], []
    for r, features in enumerate(feature_sets):
        scale = 1.0 / math.sqrt(len(features)) if features else 0.0
        for f in features:
            i = index.get(f)
            if i is not None:
                rows.append(r)
                cols.append(i)
                values.append(scale)
    shape = (len(feature_sets), len(vocabulary))
    return csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float64)


def labels(examples: list[Example]) -> np.ndarray:
    return np.array([[t in e.themes for t in map(str, THEMES)] for e in examples], dtype=int)


def fit(x: csr_matrix, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    weights = np.zeros((len(THEMES), x.shape[1]))
    biases = np.zeros(len(THEMES))
    for t in range(len(THEMES)):
        model = LogisticRegression(C=C, solver="liblinear", class_weight="balanced")
        model.fit(x, y[:, t])
        weights[t] = model.coef_[0] + NB_BETA * log_count_ratio(x, y[:, t])
        biases[t] = model.intercept_[0]
    return weights, biases


def log_count_ratio(x: csr_matrix, gold: np.ndarray) -> np.ndarray:
    """Per feature, log(share among the theme's examples / share among the others)."""
    present = (x > 0).astype(np.float64)
    inside = np.asarray(present[gold == 1].sum(axis=0)).ravel() + NB_SMOOTHING
    outside = np.asarray(present[gold == 0].sum(axis=0)).ravel() + NB_SMOOTHING
    return np.asarray(np.log(inside / inside.sum()) - np.log(outside / outside.sum()))


def probabilities(x: csr_matrix, weights: np.ndarray, biases: np.ndarray) -> np.ndarray:
    z = x @ weights.T + biases
    return 1.0 / (1.0 + np.exp(-z))


def decide(scores: np.ndarray, floor: float, absolute: float, relative: float) -> np.ndarray:
    best = scores.max(axis=1, keepdims=True)
    cut = np.maximum(absolute, relative * best)
    chosen = scores >= cut
    chosen[np.arange(len(scores)), scores.argmax(axis=1)] = True
    chosen[best[:, 0] < floor] = False
    return chosen


def micro_f1(gold: np.ndarray, chosen: np.ndarray) -> tuple[float, float, float]:
    tp = int((gold & chosen).sum())
    fp = int((~gold.astype(bool) & chosen).sum())
    fn = int((gold.astype(bool) & ~chosen).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def out_of_fold_scores(examples: list[Example], lexicon: dict[str, tuple[str, ...]]) -> np.ndarray:
    feature_sets = featurise(examples, lexicon)
    y = labels(examples)
    scores = np.zeros(y.shape)
    for train, test in KFold(FOLDS, shuffle=True, random_state=SEED).split(feature_sets):
        vocabulary = vocabulary_of([feature_sets[i] for i in train])
        x_train = matrix([feature_sets[i] for i in train], vocabulary)
        weights, biases = fit(x_train, y[train])
        weights[:, np.abs(weights).max(axis=0) < PRUNE_BELOW] = 0.0  # as the shipped model
        x_test = matrix([feature_sets[i] for i in test], vocabulary)
        scores[test] = probabilities(x_test, weights, biases)
    return scores


def choose_thresholds(gold: np.ndarray, scores: np.ndarray) -> tuple[float, float, float]:
    """The thresholds with the best out-of-fold micro-F1 (ties: fewer extra themes)."""
    best: tuple[float, float, float, float] | None = None
    for floor in (0.0, 0.2, 0.3, 0.4):
        for absolute in np.arange(0.5, 0.96, 0.05):
            for relative in (0.0, 0.5, 0.6, 0.7, 0.8, 0.9):
                chosen = decide(scores, floor, absolute, relative)
                f1 = micro_f1(gold, chosen)[2]
                candidate = (f1, floor, float(absolute), relative)
                if best is None or f1 > best[0] + 1e-9:
                    best = candidate
    assert best is not None
    return best[1], round(best[2], 2), best[3]


def report(examples: list[Example], scores: np.ndarray, thresholds: tuple[float, ...]) -> str:
    gold = labels(examples).astype(bool)
    chosen = decide(scores, *thresholds)
    p, r, f = micro_f1(gold, chosen)
    has_theme = gold.any(axis=1)
    top = scores.argmax(axis=1)
    top1 = float(np.mean(gold[has_theme, top[has_theme]]))
    exact = float(np.mean((gold == chosen).all(axis=1)))
    lines = [
        f"examples={len(examples)} folds={FOLDS} thresholds(floor, absolute, relative)="
        f"{thresholds}",
        f"{'theme':>30} {'n':>4} {'prec':>6} {'rec':>6} {'f1':>6}",
    ]
    for t, theme in enumerate(THEMES):
        tp = int((gold[:, t] & chosen[:, t]).sum())
        fp = int((~gold[:, t] & chosen[:, t]).sum())
        fn = int((gold[:, t] & ~chosen[:, t]).sum())
        tp_p = tp / (tp + fp) if tp + fp else 0.0
        tp_r = tp / (tp + fn) if tp + fn else 0.0
        tp_f = 2 * tp_p * tp_r / (tp_p + tp_r) if tp_p + tp_r else 0.0
        lines.append(
            f"{theme!s:>30} {int(gold[:, t].sum()):>4} {tp_p:>6.3f} {tp_r:>6.3f} {tp_f:>6.3f}"
        )
    subsets = {
        "negation and hedging file": [
            i for i, e in enumerate(examples) if e.source == "negation_hedging"
        ],
        "single-theme examples": [i for i, e in enumerate(examples) if len(e.themes) == 1],
        "multi-theme examples": [i for i, e in enumerate(examples) if len(e.themes) > 1],
        "one-liners": [i for i, e in enumerate(examples) if e.voice == "one_liner"],
    }
    for name, rows in subsets.items():
        sp, sr, sf = micro_f1(gold[rows], chosen[rows])
        lines.append(f"{name}: n={len(rows)} micro_f1={sf:.3f} precision={sp:.3f} recall={sr:.3f}")
    lines.append(
        f"micro_f1={f:.3f} precision={p:.3f} recall={r:.3f} top1={top1:.3f} exact_match={exact:.3f}"
    )
    return "\n".join(lines)


def write_model(
    examples: list[Example],
    lexicon: dict[str, tuple[str, ...]],
    thresholds: tuple[float, float, float],
) -> None:
    feature_sets = featurise(examples, lexicon)
    vocabulary = vocabulary_of(feature_sets)
    weights, biases = fit(matrix(feature_sets, vocabulary), labels(examples))
    keep = np.abs(weights).max(axis=0) >= PRUNE_BELOW
    vocabulary = [f for f, k in zip(vocabulary, keep, strict=True) if k]
    weights = weights[:, keep]
    floor, absolute, relative = thresholds
    header = {
        "format": MODEL_FORMAT,
        "feature_version": FEATURE_VERSION,
        "corpus_sha256": corpus_digest(str(p) for p in CORPUS.glob("*.jsonl")),
        "corpus_examples": len(examples),
        "training": {
            "C": C,
            "min_count": MIN_COUNT,
            "prune_below": PRUNE_BELOW,
            "naive_bayes": {"beta": NB_BETA, "smoothing": NB_SMOOTHING},
        },
        "themes": [str(t) for t in THEMES],
        "biases": [round(float(b), 6) for b in biases],
        "thresholds": {"floor": floor, "absolute": absolute, "relative": relative},
        "lexicon": {key: list(themes) for key, themes in lexicon.items()},
        "vocabulary": vocabulary,
    }
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    (MODEL_DIR / HEADER_FILE).write_text(
        json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    (MODEL_DIR / WEIGHTS_FILE).write_bytes(pack_rows(weights.T.tolist()))
    for stale in MODEL_DIR.glob("feedback_themes*"):  # older files of this model only
        if stale.name not in (HEADER_FILE, WEIGHTS_FILE):
            stale.unlink()
    print(f"wrote {len(vocabulary)} features x {len(THEMES)} themes to {MODEL_DIR}")


def score_heldout() -> None:
    """The shipped model on feedback written apart from the corpus (corpus/heldout_feedback.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus.heldout_feedback import HELDOUT
    from nextyes.domain.themes import overall_control
    from nextyes.text.themes import read_model

    model = read_model(str(MODEL_DIR))
    tp = fp = fn = top1 = ctrl = 0
    for text, gold in HELDOUT:
        prediction = model.predict(text)
        chosen = {str(t) for t in prediction.themes}
        tp += len(chosen & set(gold))
        fp += len(chosen - set(gold))
        fn += len(set(gold) - chosen)
        best = max(prediction.scores, key=prediction.scores.__getitem__)
        top1 += best in gold if gold else not chosen
        ctrl += prediction.controllable == overall_control(gold)
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    print(
        f"held-out feedback (written apart, never trained on): n={len(HELDOUT)} "
        f"micro_f1={2 * p * r / max(p + r, 1e-9):.3f} precision={p:.3f} recall={r:.3f} "
        f"top1={top1 / len(HELDOUT):.3f} controllable={ctrl / len(HELDOUT):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-only", action="store_true", help="report CV figures, write nothing")
    args = parser.parse_args()
    examples = load_corpus(CORPUS)
    lexicon = load_lexicon(LEXICON)
    scores = out_of_fold_scores(examples, lexicon)
    thresholds = choose_thresholds(labels(examples), scores)
    print(report(examples, scores, thresholds))
    if not args.cv_only:
        write_model(examples, lexicon, thresholds)
        score_heldout()


if __name__ == "__main__":
    main()
