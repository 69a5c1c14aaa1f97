"""Phrases shown as the reason for a label or a theme ("why"), made readable."""

from __future__ import annotations


def chain(phrases: list[str]) -> list[str]:
    """Pairs that continue each other read as one phrase: "will not" + "not be" -> "will not be".

    The order of first appearance is kept; single words are left as they are.
    """
    merged = list(phrases)
    while True:
        pair = next(
            (
                (i, j)
                for i, left in enumerate(merged)
                for j, right in enumerate(merged)
                if i != j and " " in left and " " in right
                and left.split()[-1] == right.split()[0]
            ),
            None,
        )  # fmt: skip
        if pair is None:
            return merged
        i, j = pair
        merged[i] = merged[i] + " " + " ".join(merged[j].split()[1:])
        del merged[j]
