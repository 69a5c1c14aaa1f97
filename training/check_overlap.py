"""Check that no training text is a near-duplicate of an evaluation text.

    python training/check_overlap.py [EVAL.jsonl ...]

By default it reads the evaluation sets in ../shared/eval/ beside the repository (never
copied into it). Every text becomes its set of five-word shingles (lower-case words); for each
pair of a training text and an evaluation text it measures how much of the shorter one the
other contains. It prints the highest overlaps (numbers only, never the evaluation text) and
exits 1 when a pair shares at least LIMIT of its shingles and at least MIN_SHARED of them: a
one-line stock phrase ("the position is no longer available") is everyone's, a paragraph is
not. Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
CORPORA = [ROOT / "training" / "emails", ROOT / "training" / "feedback"]
SIZE = 5
LIMIT = 0.5
MIN_SHARED = 10
_WORD = re.compile(r"[^\W_]+")


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i : i + SIZE])) for i in range(len(words) - SIZE + 1)}


def text_of(row: dict[str, str]) -> str:
    return row.get("text") or f"{row.get('subject') or ''}\n{row.get('body') or ''}"


def rows_in(paths: list[Path]) -> list[tuple[str, str]]:
    found = []
    for path in paths:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                found.append((f"{path.name}:{number}", text_of(json.loads(line))))
    return found


def main() -> None:
    evals = [Path(a) for a in sys.argv[1:]] or sorted(DEFAULT_EVAL.glob("*.jsonl"))
    if not evals:
        sys.exit(f"No evaluation sets found in {DEFAULT_EVAL}; name them on the command line.")
    index: dict[int, set[int]] = defaultdict(set)
    sizes = []
    for i, (_where, text) in enumerate(rows_in(evals)):
        grams = shingles(text)
        sizes.append(len(grams))
        for gram in grams:
            index[gram].add(i)
    training = rows_in([p for folder in CORPORA for p in sorted(folder.glob("*.jsonl"))])
    worst: list[tuple[float, str, int, int]] = []
    for where, text in training:
        grams = shingles(text)
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            for i in index.get(gram, ()):
                shared[i] += 1
        for i, n in shared.items():
            worst.append((n / max(1, min(len(grams), sizes[i])), where, i, n))
    worst.sort(reverse=True)
    print(f"{len(training)} training texts against {len(sizes)} evaluation texts")
    print("highest overlaps (share of the shorter text's five-word shingles):")
    for share, where, i, n in worst[:8]:
        print(f"  {share:.2f} ({n} shingles)  {where}  vs evaluation item #{i}")
    stock = [w for w in worst if w[0] >= LIMIT and w[3] < MIN_SHARED]
    over = [w for w in worst if w[0] >= LIMIT and w[3] >= MIN_SHARED]
    print(
        f"stock phrases shared (at least {LIMIT} of fewer than {MIN_SHARED} shingles): {len(stock)}"
    )
    print(f"near-duplicates (at least {LIMIT} of {MIN_SHARED} or more shingles): {len(over)}")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
