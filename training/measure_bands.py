"""The shipped email classifier's confidence bands, measured on a labelled set of emails.

    python training/measure_bands.py [EMAILS.jsonl]   (default: the held-out set)

Each line needs subject, body and label (from is optional). For each band (sure: applied;
review: a person chooses between the two likeliest labels; aside: clearly not job mail) it
prints how many messages fall there, how often the label is right (precision), how often the
right label is one of the two shown (top-2), and where each kind of mail ends up (recall by
band). Plain Python over the run-time classifier, so it measures exactly what ships.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.text.email_classifier import load_email_classifier


def rows_from(argv: list[str]) -> tuple[str, list[dict[str, str]]]:
    if argv:
        path = Path(argv[0])
        lines = path.read_text("utf-8").splitlines()
        return path.name, [json.loads(line) for line in lines if line.strip()]
    from corpus import heldout

    return "held-out set (corpus/heldout.py)", heldout.rows()


def main() -> None:
    name, rows = rows_from(sys.argv[1:])
    model = load_email_classifier()
    bands: Counter[Band] = Counter()
    right: Counter[Band] = Counter()
    top2: Counter[Band] = Counter()
    where: Counter[tuple[str, Band]] = Counter()
    for row in rows:
        prediction = model.predict(row.get("subject") or "", row.get("body") or "",
                                   row.get("from") or "")  # fmt: skip
        gold = row["label"]
        bands[prediction.band] += 1
        right[prediction.band] += prediction.label.value == gold
        shown = {prediction.label.value, prediction.runner_up.value if prediction.runner_up else ""}
        top2[prediction.band] += gold in shown
        where[gold, prediction.band] += 1
    print(f"{name}: {len(rows)} messages; sure >= {model.sure}, aside >= {model.aside}")
    print(
        "| band | what happens | messages | share | precision | right label among the two shown |"
    )
    print("|---|---|---:|---:|---:|---:|")
    what = {Band.SURE: "applied", Band.REVIEW: "review queue", Band.ASIDE: "set aside quietly"}
    for band in Band:
        n = bands[band]
        print(f"| {band.value} | {what[band]} | {n} | {n / len(rows):.0%} | "
              f"{right[band] / max(n, 1):.3f} | {top2[band] / max(n, 1):.3f} |")  # fmt: skip
    print("\n| label | messages | sure | review | aside |")
    print("|---|---:|---:|---:|---:|")
    for label in MailLabel:
        n = sum(where[label.value, band] for band in Band)
        if n:
            cells = " | ".join(f"{where[label.value, band] / n:.0%}" for band in Band)
            print(f"| {label.value} | {n} | {cells} |")


if __name__ == "__main__":
    main()
