"""Write the labelled email corpus to training/emails/<label>.jsonl.

    python training/write_email_corpus.py

The corpus is composed from the hand-written fragments in training/corpus/ (the project's own
words; every company and person is invented) with a fixed seed, so running this again yields
the same files. Each line: id, label, lang, from, subject, body.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import (
    broad,
    everyday,
    extras,
    languages,
    negatives,
    outreach,
    progress,
    received,
    rejections,
)
from corpus.common import context

SEED = 20261103
OUT = Path(__file__).resolve().parent / "emails"

Composer = Callable[[random.Random, dict[str, str]], tuple[str, str, str]]

ENGLISH: dict[str, tuple[int, list[tuple[float, Composer]]]] = {
    "rejection": (
        600,
        [
            (0.55, rejections.compose),
            (0.15, rejections.compose_with_sentences),
            (0.3, extras.rejection),
        ],
    ),
    "application_received": (360, [(0.7, received.compose), (0.3, extras.received)]),
    "interview": (330, [(0.7, progress.interview), (0.3, extras.interview)]),
    "assessment": (210, [(0.7, progress.assessment), (0.3, extras.assessment)]),
    "offer": (190, [(0.7, progress.offer), (0.3, extras.offer)]),
    "recruiter_outreach": (210, [(0.7, outreach.compose), (0.3, extras.outreach)]),
    "unrelated": (
        560,
        [(0.5, negatives.compose), (0.2, extras.unrelated), (0.3, everyday.compose)],
    ),
}
PER_OTHER_LANGUAGE = 12
BROAD_ENGLISH = 360
"""Messages per label from the broad corpus (corpus/broad.py) in English ..."""
BROAD_PER_LANGUAGE = 72
"""... and in each of German, French, Spanish, Italian, Dutch and Portuguese."""
BROAD_LANGUAGES = ("de", "fr", "es", "it", "nl", "pt")

NEUTRAL_SUBJECTS = [
    "Your application for {role} at {company}", "Your application to {company}",
    "{company} - {role}", "{role} at {company}", "Your {company} application",
    "Application update", "{role} ({num})", "Thank you for applying to {company}",
    "Re: {role}", "{company} Careers", "Regarding your application", "Following up", "",
    "Your application for {role}", "{company}: {role}", "Thank you for your interest in {company}",
]  # fmt: skip
"""Subjects an applicant-tracking system uses at every stage, so the body has to decide."""
NEUTRAL_SHARE = 0.3
PIPELINE_LABELS = {"rejection", "application_received", "interview", "assessment", "offer"}

QUOTES = [
    "On {date}, {first} wrote:\n> Thank you for the update and for your time so far.",
    "-----Original Message-----\nFrom: {first} {last}\nSubject: {role}\n\nHi, just checking in "
    "on my application. Thanks!",
    "> Hi, I wanted to follow up on my application for {role}. Many thanks, {first}",
]


def _add_reply_context(
    rng: random.Random, ctx: dict[str, str], subject: str, body: str
) -> tuple[str, str]:
    if rng.random() < 0.06:
        quote = rng.choice(QUOTES).format_map(ctx)
        return (
            "Re: " + subject if not subject.startswith("Re:") else subject
        ), f"{body}\n\n{quote}"
    return subject, body


def main() -> None:
    rng = random.Random(SEED)
    OUT.mkdir(exist_ok=True)
    seen: set[tuple[str, str]] = set()
    total = 0
    for label, (count, composers) in ENGLISH.items():
        rows: list[dict[str, str]] = []
        attempts = 0
        weights = [w for w, _ in composers]
        plans = [("en", count)] + [(lang, PER_OTHER_LANGUAGE) for lang in ("es", "fr", "de")]
        plans += [("broad-en", BROAD_ENGLISH)]
        plans += [(f"broad-{lang}", BROAD_PER_LANGUAGE) for lang in BROAD_LANGUAGES]
        for lang, wanted in plans:
            attempts = 0
            made = 0
            while made < wanted and attempts < count * 40:
                attempts += 1
                ctx = context(rng)
                if lang.startswith("broad-"):
                    lang_code = lang.removeprefix("broad-")
                    sender, subject, body = broad.compose(rng, ctx, label, lang_code)
                elif lang == "en":
                    compose = rng.choices([c for _, c in composers], weights)[0]
                    sender, subject, body = compose(rng, ctx)
                    if label in PIPELINE_LABELS and rng.random() < NEUTRAL_SHARE:
                        subject = rng.choice(NEUTRAL_SUBJECTS).format_map(ctx)
                    if label != "unrelated":
                        subject, body = _add_reply_context(rng, ctx, subject, body)
                else:
                    sender, subject, body = languages.compose(rng, ctx, lang, label)
                key = (" ".join(subject.split()).lower(), " ".join(body.split()).lower())
                if key in seen:
                    continue
                seen.add(key)
                made += 1
                rows.append(
                    {
                        "id": f"{label}-{len(rows):04d}",
                        "label": label,
                        "lang": lang.removeprefix("broad-"),
                        "source": "broad" if lang.startswith("broad-") else "fragments",
                        "from": sender,
                        "subject": subject,
                        "body": body,
                    }
                )
        with (OUT / f"{label}.jsonl").open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        total += len(rows)
        print(f"{label:>22} {len(rows):5d}")
    print(f"{'total':>22} {total:5d}")


if __name__ == "__main__":
    main()
