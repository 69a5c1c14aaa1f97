"""Calibration and confidence bands for the email classifier, measured on held-back scores.

One temperature divides every score before the softmax, fitted so the probabilities match how
often the label is right (lowest log loss). The bands then split messages three ways:

- sure: a job label with probability at least `sure`; applied to the journal;
- aside: "unrelated" with probability at least `aside`; set aside quietly;
- review: everything else, shown in the review queue with its two likeliest labels.

Each threshold is the lowest that keeps its band's precision at the target, so as few messages
as possible wait for a person while almost none is applied or set aside wrongly.
"""

from __future__ import annotations

import numpy as np

SURE_PRECISION = 0.98
ASIDE_PRECISION = 0.99
GRID = [round(x, 2) for x in np.arange(0.5, 0.991, 0.01)]
ASIDE_AT_LEAST = 0.95
"""Never set mail aside below this probability, whatever the held-back scores allow.

A job message set aside is the costly mistake (nobody sees it), and a held-back set of a few
hundred messages puts only a score of them in the band: all right there shows far less than
99% precision."""


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def fit_temperature(scores: np.ndarray, gold: list[int]) -> float:
    """The temperature with the lowest log loss (a fine grid; the loss is smooth in it)."""
    rows = np.arange(len(gold))
    best_t, best_loss = 1.0, float("inf")
    for t in np.arange(0.3, 4.01, 0.02):
        loss = -float(np.mean(np.log(softmax(scores / t)[rows, gold] + 1e-12)))
        if loss < best_loss - 1e-12:
            best_t, best_loss = float(t), loss
    return round(best_t, 2)


def _bands(probs: np.ndarray, labels: list[str], sure: float, aside: float) -> list[str]:
    unrelated = labels.index("unrelated")
    top = probs.argmax(axis=1)
    conf = probs.max(axis=1)
    return [
        ("aside" if conf[i] >= aside else "review")
        if t == unrelated
        else ("sure" if conf[i] >= sure else "review")
        for i, t in enumerate(top)
    ]


def choose_bands(scores: np.ndarray, gold: list[str], labels: list[str]) -> dict[str, float]:
    """The lowest thresholds that keep each band's precision at its target."""
    probs = softmax(scores)
    predicted = [labels[i] for i in probs.argmax(axis=1)]
    right = np.array([g == p for g, p in zip(gold, predicted, strict=True)])
    chosen = {"sure": GRID[-1], "aside": GRID[-1]}
    for band, target in (("sure", SURE_PRECISION), ("aside", ASIDE_PRECISION)):
        for threshold in GRID:
            given = (
                _bands(probs, labels, threshold, 2.0)
                if band == "sure"
                else _bands(probs, labels, 2.0, threshold)
            )
            inside = np.array([b == band for b in given])
            if inside.any() and right[inside].mean() >= target:
                chosen[band] = threshold
                break
    chosen["aside"] = max(chosen["aside"], ASIDE_AT_LEAST)
    return chosen


def band_rows(
    scores: np.ndarray, gold: list[str], labels: list[str], bands: dict[str, float]
) -> list[tuple[str, int, float, float]]:
    """Per band: messages, share of all, precision of the label, and (review) top-2 hits."""
    probs = softmax(scores)
    given = _bands(probs, labels, bands["sure"], bands["aside"])
    order = np.argsort(-probs, axis=1)
    rows = []
    for band in ("sure", "review", "aside"):
        idx = [i for i, b in enumerate(given) if b == band]
        if not idx:
            rows.append((band, 0, 0.0, 0.0))
            continue
        top1 = np.mean([labels[order[i, 0]] == gold[i] for i in idx])
        top2 = np.mean([gold[i] in (labels[order[i, 0]], labels[order[i, 1]]) for i in idx])
        rows.append((band, len(idx), float(top1), float(top2)))
    return rows


def report_bands(
    scores: np.ndarray, gold: list[str], labels: list[str], bands: dict[str, float]
) -> str:
    total = len(gold)
    lines = [
        f"bands: sure >= {bands['sure']:.2f} (a job label), aside >= {bands['aside']:.2f} "
        "(unrelated), review otherwise",
        f"{'band':>8} {'messages':>9} {'share':>6} {'precision':>9} {'top-2':>6}",
    ]
    for band, n, top1, top2 in band_rows(scores, gold, labels, bands):
        lines.append(f"{band:>8} {n:>9} {n / total:>6.1%} {top1:>9.3f} {top2:>6.3f}")
    job = [i for i, g in enumerate(gold) if g != "unrelated"]
    probs = softmax(scores)
    given = _bands(probs, labels, bands["sure"], bands["aside"])
    lost = sum(given[i] == "aside" for i in job)
    lines.append(f"job mail set aside: {lost} of {len(job)} ({lost / max(len(job), 1):.2%})")
    return "\n".join(lines)
