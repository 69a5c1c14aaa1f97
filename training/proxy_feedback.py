"""Measure the feedback-theme classifier on splits that stand in for feedback nobody here wrote.

    python training/proxy_feedback.py [--nb-beta B]

Shuffled folds flatter the corpus: every fold holds examples in every voice. Here each voice
of the corpus (interviewer quotes, HR wording, recruiter paraphrase, candidate notes,
one-liners, long paragraphs, bullet points) is held back in turn: the model is trained on the
other voices, with the thresholds train_feedback.py would choose on its shuffled folds, and
scored on the voice it never saw. The last line holds the figures over all held-back examples
(top-1 counts examples that have a theme). Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_feedback as tf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nb-beta", type=float, default=tf.NB_BETA, help="share of naive Bayes")
    args = parser.parse_args()
    tf.NB_BETA = args.nb_beta
    examples = tf.load_corpus(tf.CORPUS)
    lexicon = tf.load_lexicon(tf.LEXICON)
    feature_sets = tf.featurise(examples, lexicon)
    gold = tf.labels(examples)
    thresholds = tf.choose_thresholds(gold, tf.out_of_fold_scores(examples, lexicon))
    scores = np.zeros(gold.shape)
    print(f"thresholds (floor, absolute, relative) = {thresholds}")
    print(f"{'voice held back':>22} {'n':>5} {'top1':>6} {'micro_f1':>9}")
    for voice in sorted({e.voice for e in examples}):
        train = [i for i, e in enumerate(examples) if e.voice != voice]
        test = [i for i, e in enumerate(examples) if e.voice == voice]
        vocabulary = tf.vocabulary_of([feature_sets[i] for i in train])
        weights, biases = tf.fit(
            tf.matrix([feature_sets[i] for i in train], vocabulary), gold[train]
        )
        weights[:, np.abs(weights).max(axis=0) < tf.PRUNE_BELOW] = 0.0
        x_test = tf.matrix([feature_sets[i] for i in test], vocabulary)
        scores[test] = tf.probabilities(x_test, weights, biases)
        part_gold, part = gold[test].astype(bool), scores[test]
        themed = part_gold.any(axis=1)
        top1 = float(np.mean(part_gold[themed, part[themed].argmax(axis=1)]))
        f1 = tf.micro_f1(part_gold, tf.decide(part, *thresholds))[2]
        print(f"{voice:>22} {len(test):>5} {top1:>6.3f} {f1:>9.3f}")
    everything = gold.astype(bool)
    themed = everything.any(axis=1)
    top1 = float(np.mean(everything[themed, scores[themed].argmax(axis=1)]))
    p, r, f1 = tf.micro_f1(everything, tf.decide(scores, *thresholds))
    print(f"leave_voice_out top1={top1:.3f} micro_f1={f1:.3f} precision={p:.3f} recall={r:.3f}")


if __name__ == "__main__":
    main()
