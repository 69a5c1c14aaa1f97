"""Measure the email classifier on splits that stand in for mail nobody here wrote.

    python training/proxy_emails.py [--c C]

Cross-validation over shuffled folds flatters a composed corpus: every fold shares the same
fragments and frames. These splits hold back whole parts instead, so the model is scored on
wording and languages it never saw while training:

- the held-out set (corpus/heldout.py, written apart, never trained on);
- across sources: trained on the fragment-built part only, scored on the broad part, and the
  other way round;
- leave one language out: for each of the six languages besides English, trained on the
  others and scored on that language alone.

Every model here is trained afresh the way train_emails.py trains the shipped one, and scored
through the run-time classifier (the rejection guard included). The last line holds the
headline figures: the mean macro-F1 of the splits and the rejection recall over all of them.
Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import heldout
from nextyes.text.email_classifier import EmailClassifier
from train_emails import CORPUS, LABELS, NB_BETA, C, load_rows, row_features, train

OTHER_LANGUAGES = ("de", "fr", "es", "it", "nl", "pt")


def fitted(rows: list[dict[str, str]], c: float, nb_beta: float) -> EmailClassifier:
    docs = [row_features(row) for row in rows]
    y = np.array([row["label"] for row in rows])
    intercepts, weights, _ = train(docs, y, c, None, 0.0, nb_beta)
    return EmailClassifier(LABELS, intercepts, weights)


def scored(classifier: EmailClassifier, rows: list[dict[str, str]]) -> tuple[float, int, int]:
    """Macro-F1 over the labels present, rejections found, rejections there."""
    gold = [r["label"] for r in rows]
    predicted = [classifier.predict(r["subject"], r["body"], r["from"]).label.value for r in rows]
    present = [label for label in LABELS if label in gold]
    macro = float(f1_score(gold, predicted, labels=present, average="macro", zero_division=0))
    found = sum(g == p == "rejection" for g, p in zip(gold, predicted, strict=True))
    return macro, found, gold.count("rejection")


def splits(
    rows: list[dict[str, str]],
) -> list[tuple[str, Callable[[dict[str, str]], bool]]]:
    """(name, is-held-back) for every split but the held-out set."""
    out: list[tuple[str, Callable[[dict[str, str]], bool]]] = [
        ("broad, trained on fragments", lambda r: r["source"] == "broad"),
        ("fragments, trained on broad", lambda r: r["source"] == "fragments"),
    ]
    for lang in OTHER_LANGUAGES:
        out.append((f"{lang}, trained on the rest", lambda r, lang=lang: r["lang"] == lang))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--nb-beta", type=float, default=NB_BETA, help="share of naive Bayes")
    args = parser.parse_args()
    rows = load_rows(CORPUS)
    results: list[tuple[str, float, int, int]] = []
    full = fitted(rows, args.c, args.nb_beta)
    results.append(("held-out set (corpus/heldout.py)", *scored(full, heldout.rows())))
    for name, held in splits(rows):
        train_rows = [r for r in rows if not held(r)]
        test_rows = [r for r in rows if held(r)]
        results.append((name, *scored(fitted(train_rows, args.c, args.nb_beta), test_rows)))
    print(f"{'split':>36}  macro_f1  rejections found")
    for name, macro, found, real in results:
        print(f"{name:>36}  {macro:8.3f}  {found:5d} / {real}")
    languages = [m for name, m, _, _ in results if name.endswith("the rest")]
    mean = float(np.mean([m for _, m, _, _ in results]))
    found = sum(f for _, _, f, _ in results)
    real = sum(r for _, _, _, r in results)
    print(
        f"heldout_macro_f1={results[0][1]:.3f} cross_source_macro_f1="
        f"{np.mean([results[1][1], results[2][1]]):.3f} "
        f"leave_language_out_macro_f1={np.mean(languages):.3f} "
        f"mean_macro_f1={mean:.3f} rejection_recall={found / max(real, 1):.3f}"
    )


if __name__ == "__main__":
    main()
