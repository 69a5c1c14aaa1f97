"""Train the email classifier and write its artifact to src/nextyes/text/models/emails.json.

    python training/train_emails.py [--no-cv]

Needs the `train` extra (scikit-learn, numpy). Deterministic: the same corpus gives the same
artifact byte for byte. Prints cross-validated figures (5-fold, stratified) before training on
the whole corpus. The artifact is plain JSON that nextyes scores with the standard library.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import zlib
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedKFold

from nextyes.domain.mail_labels import MailLabel
from nextyes.text.email_features import feature_name, features

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "training" / "emails"
ARTIFACT = ROOT / "src" / "nextyes" / "text" / "models" / "emails.json"
LABELS = [label.value for label in MailLabel]
C = 4.0
MIN_DF = 2
PRUNE_BELOW = 0.01


def corpus_sha256(folder: Path) -> str:
    """One digest over every corpus file, by name and content."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


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
    return sorted(feature_name(f) for f in found)


def build(min_df: int) -> tuple[CountVectorizer, LogisticRegression]:
    vectorizer = CountVectorizer(analyzer=lambda feats: feats, binary=True, min_df=min_df)
    model = LogisticRegression(C=C, max_iter=5000, tol=1e-6)
    return vectorizer, model


def cross_validate(docs: list[list[str]], y: np.ndarray) -> None:
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    predicted = np.empty_like(y)
    for train, test in folds.split(docs, y):
        vectorizer, model = build(MIN_DF)
        x_train = vectorizer.fit_transform([docs[i] for i in train])
        model.fit(x_train, y[train])
        x_test = vectorizer.transform([docs[i] for i in test])
        predicted[test] = model.predict(x_test)
    print("5-fold stratified cross-validation on the project's corpus:")
    print(classification_report(y, predicted, labels=LABELS, digits=3, zero_division=0))
    print(f"macro_f1={f1_score(y, predicted, labels=LABELS, average='macro'):.3f}")
    harmful = int(
        np.sum((predicted == "rejection") & np.isin(y, ["offer", "interview", "assessment"]))
    )
    print(f"harmful_rejections={harmful}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    args = parser.parse_args()
    rows = load_rows(CORPUS)
    docs = [row_features(row) for row in rows]
    y = np.array([row["label"] for row in rows])
    print(f"corpus: {len(rows)} emails, {len(set(y))} labels")
    if not args.no_cv:
        cross_validate(docs, y)
    vectorizer, model = build(MIN_DF)
    x = vectorizer.fit_transform(docs)
    model.fit(x, y)
    order = [list(model.classes_).index(label) for label in LABELS]
    coef = model.coef_[order]
    intercepts = model.intercept_[order]
    names = vectorizer.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        column = coef[:, j]
        if np.max(np.abs(column)) >= PRUNE_BELOW:
            weights[str(name)] = [round(float(v), 4) for v in column]
    artifact = {
        "format": 1,
        "kind": "multinomial logistic regression over binary word and word-pair features",
        "labels": LABELS,
        "corpus_sha256": corpus_sha256(CORPUS),
        "corpus_size": len(rows),
        "intercepts": [round(float(v), 4) for v in intercepts],
        "weights": dict(sorted(weights.items())),
    }
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(json.dumps(artifact, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(
        f"wrote {ARTIFACT.relative_to(ROOT)}: {len(weights)} features, "
        f"{ARTIFACT.stat().st_size // 1024} KiB"
    )


if __name__ == "__main__":
    main()
