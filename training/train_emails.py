"""Train the email classifier and write its artifact to src/nextyes/text/models/emails.json.

    python training/train_emails.py [--no-cv] [--c C]

Needs the `train` extra (scikit-learn, numpy). Deterministic: the same corpus gives the same
artifact byte for byte. It prints, in this order:

- 5-fold stratified cross-validation on the project's corpus (training/emails/);
- the confidence bands measured on the out-of-fold probabilities after calibration (one
  temperature, fitted on the same out-of-fold scores): how many messages each band holds and
  how often the label is right there;
- the shipped model scored, through the run-time classifier, on the held-out set
  (corpus/heldout.py: written apart from the training corpus, never trained on), the closest
  stand-in for mail nobody here wrote.

The artifact is plain JSON that nextyes scores with the standard library.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.naive_bayes import MultinomialNB

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import heldout
from email_bands import choose_bands, fit_temperature, report_bands
from nextyes.domain.mail_labels import MailLabel
from nextyes.text.email_classifier import MODEL_FORMAT, EmailClassifier
from nextyes.text.email_features import FEATURE_VERSION, feature_name, features, informative
from nextyes.text.themes import corpus_digest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "training" / "emails"
ARTIFACT = ROOT / "src" / "nextyes" / "text" / "models" / "emails.json"
LABELS = [label.value for label in MailLabel]
C = 4.0
MIN_DF = 2
PRUNE_BELOW = 0.2
NB_BETA = 0.05
"""How much of the naive Bayes log-ratios is added to the logistic regression's weights."""
NB_ALPHA = 0.1
"""Additive smoothing of the naive Bayes word counts."""
HARMFUL = ("offer", "interview", "assessment")


def corpus_sha256(folder: Path) -> str:
    """One digest over every corpus file, by name and content."""
    return corpus_digest(str(p) for p in folder.glob("*.jsonl"))


def load_rows(folder: Path) -> list[dict[str, str]]:
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    return rows


def row_features(row: dict[str, str]) -> list[str]:
    # The sender is left out for half the rows (chosen by a stable hash of the id), so the model
    # learns to read the words and does not lean on who sent the message.
    keep_sender = zlib.crc32(row["id"].encode()) % 2 == 0
    found = features(row["subject"], row["body"], row["from"] if keep_sender else "")
    return sorted(feature_name(f) for f in found if informative(f))


EMBEDDINGS = ROOT / "training" / "embeddings"
ALPHA = 1.0
"""How strongly the dense (embedding) part counts against the words, before regularisation."""


def load_table() -> dict[str, np.ndarray]:
    """The distilled word vectors (training/distill_embeddings.py), function words left out."""
    meta = json.loads((EMBEDDINGS / "words.json").read_text("utf-8"))
    words = (EMBEDDINGS / "words.txt").read_text("utf-8").split("\n")[: meta["words"]]
    raw = np.frombuffer((EMBEDDINGS / "words.i8").read_bytes(), dtype=np.int8)
    vectors = raw.reshape(len(words), meta["dims"]).astype(np.float64) * meta["scale"]
    return {w: v for w, v in zip(words, vectors, strict=True) if informative(w)}


def dense(docs: list[list[str]], table: dict[str, np.ndarray], alpha: float) -> np.ndarray:
    """Each document's mean word vector over the words the table knows (zeros when none)."""
    dims = len(next(iter(table.values())))
    out = np.zeros((len(docs), dims))
    for i, doc in enumerate(docs):
        known = [table[f] for f in doc if f in table]
        if known:
            out[i] = np.mean(known, axis=0) * alpha
    return out


def build(c: float) -> tuple[CountVectorizer, LogisticRegression]:
    vectorizer = CountVectorizer(analyzer=lambda feats: feats, binary=True, min_df=MIN_DF)
    model = LogisticRegression(C=c, max_iter=5000, tol=1e-6)
    return vectorizer, model


def _with_dense(x: csr_matrix, extra: np.ndarray | None) -> csr_matrix:
    return x if extra is None else hstack([x, csr_matrix(extra)], format="csr")


def out_of_fold(
    docs: list[list[str]],
    y: np.ndarray,
    c: float,
    extra: np.ndarray | None,
    nb_beta: float = NB_BETA,
) -> np.ndarray:
    """Out-of-fold decision scores (log-odds before the softmax), labels in LABELS order.

    The naive Bayes part is added as in `train` (the rejection guard and pruning are not).
    """
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    scores = np.zeros((len(docs), len(LABELS)))
    for train, test in folds.split(docs, y):
        vectorizer, model = build(c)
        x_train = vectorizer.fit_transform([docs[i] for i in train])
        model.fit(_with_dense(x_train, None if extra is None else extra[train]), y[train])
        order = [list(model.classes_).index(label) for label in LABELS]
        words = vectorizer.transform([docs[i] for i in test])
        x_test = _with_dense(words, None if extra is None else extra[test])
        scores[test] = model.decision_function(x_test)[:, order]
        if nb_beta:
            scores[test] += nb_beta * (words @ naive_bayes(x_train, y[train]).T)
    return scores


def report(title: str, gold: list[str], predicted: list[str]) -> float:
    print(title)
    print(classification_report(gold, predicted, labels=LABELS, digits=3, zero_division=0))
    macro = f1_score(gold, predicted, labels=LABELS, average="macro", zero_division=0)
    harmful = sum(p == "rejection" and g in HARMFUL for g, p in zip(gold, predicted, strict=True))
    tp = sum(g == p == "rejection" for g, p in zip(gold, predicted, strict=True))
    said = sum(p == "rejection" for p in predicted)
    real = sum(g == "rejection" for g in gold)
    print(
        f"macro_f1={macro:.3f} rejection_precision={tp / max(said, 1):.3f} "
        f"rejection_recall={tp / max(real, 1):.3f} harmful_rejections={harmful}"
    )
    return float(macro)


Weights = dict[str, list[float]]


def naive_bayes(x: csr_matrix, y: np.ndarray) -> np.ndarray:
    """Per label and feature, the naive Bayes log-probability less its mean over the labels.

    Added to the regression's weights (NB_BETA of it), it spreads some weight over every word
    that leans towards a label, where the regression alone puts nearly all of it on the few
    words that separate the corpus best. Mail worded unlike the corpus shares fewer of those
    few words, so the spread is what still reads it right (measured in proxy_emails.py).
    """
    model = MultinomialNB(alpha=NB_ALPHA).fit(x, y)
    order = [list(model.classes_).index(label) for label in LABELS]
    logs = model.feature_log_prob_[order]
    return np.asarray(logs - logs.mean(axis=0, keepdims=True))


def train(
    docs: list[list[str]],
    y: np.ndarray,
    c: float,
    table: dict[str, np.ndarray] | None,
    alpha: float,
    nb_beta: float = NB_BETA,
) -> tuple[list[float], Weights, Weights]:
    vectorizer, model = build(c)
    extra = None if table is None else dense(docs, table, alpha)
    x = vectorizer.fit_transform(docs)
    model.fit(_with_dense(x, extra), y)
    order = [list(model.classes_).index(label) for label in LABELS]
    names = vectorizer.get_feature_names_out()
    coef = model.coef_[order][:, : len(names)]
    if nb_beta:
        coef = coef + nb_beta * naive_bayes(x, y)
    embedding: Weights = {}
    if table is not None:
        folded = model.coef_[order][:, len(names) :]
        for word in sorted(table):
            values = folded @ (table[word] * alpha)
            embedding[word] = [round(float(v), 4) for v in values]
    weights = {}
    for j, name in enumerate(names):
        column = coef[:, j]
        if np.max(np.abs(column)) >= PRUNE_BELOW:
            weights[str(name)] = [round(float(v), 4) for v in column]
    intercepts = [round(float(v), 4) for v in model.intercept_[order]]
    return intercepts, dict(sorted(weights.items())), embedding


def score_heldout(classifier: EmailClassifier) -> None:
    rows = heldout.rows()
    gold = [r["label"] for r in rows]
    predicted = [classifier.predict(r["subject"], r["body"], r["from"]).label.value for r in rows]
    print(f"\nheld-out set (corpus/heldout.py, written apart, never trained on): {len(rows)}")
    report("", gold, predicted)
    for part, keep in (("English", True), ("other languages", False)):
        pairs = [(g, p) for g, p, r in zip(gold, predicted, rows, strict=True)
                 if (r["lang"] == "en") == keep]  # fmt: skip
        right = sum(g == p for g, p in pairs)
        print(f"  {part}: {len(pairs)} messages, accuracy {right / max(len(pairs), 1):.3f}")
    wrong = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    print("  confusions:", ", ".join(f"{g}->{p} {n}" for (g, p), n in wrong.most_common(8)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation and bands")
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    parser.add_argument("--dry-run", action="store_true", help="write no artifact")
    parser.add_argument("--no-embeddings", action="store_true", help="words only")
    parser.add_argument("--alpha", type=float, default=ALPHA, help="weight of the dense part")
    parser.add_argument("--nb-beta", type=float, default=NB_BETA, help="share of naive Bayes")
    args = parser.parse_args()
    rows = load_rows(CORPUS)
    docs = [row_features(row) for row in rows]
    y = np.array([row["label"] for row in rows])
    print(f"corpus: {len(rows)} emails, {len(set(y))} labels, C={args.c}")
    table = None if args.no_embeddings else load_table()
    scores = None
    if not args.no_cv:
        extra = None if table is None else dense(docs, table, args.alpha)
        scores = out_of_fold(docs, y, args.c, extra, args.nb_beta)
        predicted = [LABELS[i] for i in scores.argmax(axis=1)]
        report("5-fold stratified cross-validation on the project's corpus:", list(y), predicted)
    intercepts, weights, embedding = train(docs, y, args.c, table, args.alpha, args.nb_beta)
    # Calibration and bands come from the held-out set: folds of the composed corpus share
    # its phrasing, so their scores are far more confident than mail from elsewhere warrants.
    plain = EmailClassifier(LABELS, intercepts, weights, embedding=embedding)
    held = heldout.rows()
    held_scores = np.array([plain.raw_scores(r["subject"], r["body"], r["from"]) for r in held])
    held_gold = [r["label"] for r in held]
    temperature = fit_temperature(held_scores, [LABELS.index(g) for g in held_gold])
    bands = choose_bands(held_scores / temperature, held_gold, LABELS)
    print(f"\ncalibration on the held-out set: temperature {temperature:.2f}")
    print(report_bands(held_scores / temperature, held_gold, LABELS, bands))
    if scores is not None:
        print("the same bands on the corpus's out-of-fold scores:")
        print(report_bands(scores / temperature, list(y), LABELS, bands))
    artifact = {
        "format": MODEL_FORMAT,
        "feature_version": FEATURE_VERSION,
        "kind": "multinomial logistic regression over binary word and word-pair features",
        "labels": LABELS,
        "corpus_sha256": corpus_sha256(CORPUS),
        "corpus_size": len(rows),
        "training": {
            "C": args.c,
            "min_df": MIN_DF,
            "prune_below": PRUNE_BELOW,
            "naive_bayes": {"beta": args.nb_beta, "alpha": NB_ALPHA},
            "alpha": args.alpha,
            "embeddings": ""
            if table is None
            else json.loads((EMBEDDINGS / "words.json").read_text("utf-8"))["teacher"],
        },
        "temperature": temperature,
        "bands": {band: float(value) for band, value in bands.items()},
        "intercepts": intercepts,
        "weights": weights,
        "embedding": embedding,
    }
    text = json.dumps(artifact, ensure_ascii=False, separators=(",", ":")) + "\n"
    score_heldout(EmailClassifier.from_json(text))
    if args.dry_run:
        return
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(text, encoding="utf-8")
    size = math.ceil(ARTIFACT.stat().st_size / 1024)
    print(f"wrote {ARTIFACT.relative_to(ROOT)}: {len(weights)} features, {size} KiB")


if __name__ == "__main__":
    main()
