"""How fast the text classifiers are: model load time and texts per second on one core.

    python bench/classifier_speed.py feedback|emails [--repeat N]

Prints a Markdown table for docs/performance.md. Each figure is the best (throughput) or the
median (start-up) of several runs, beside the floor of starting Python at all (`python -c pass`).

Throughput runs in this one process, after the model is loaded, over the texts of the training
corpus (repeated to at least 20,000 texts). Both CPU time (what one core can do, unaffected by
other work on a shared machine) and wall-clock time are shown.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEEDBACK_CORPUS = ROOT / "training" / "feedback"


def median_ms(args: list[str], runs: int) -> float:
    """Median wall-clock milliseconds of running ``args`` as a fresh process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def in_process_ms(code: str, runs: int) -> float:
    """Median of what ``code`` prints (milliseconds), each run in a fresh interpreter."""
    values = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout
        values.append(float(out))
    return statistics.median(values)


LOAD_CODE = """
import time
start = time.perf_counter()
from nextyes.text.themes import read_model
imported = time.perf_counter()
read_model()
done = time.perf_counter()
print(({part}) * 1000)
"""


def feedback(repeat: int) -> list[tuple[str, str]]:
    from nextyes.text.themes import read_model

    texts = [
        json.loads(line)["text"]
        for path in sorted(FEEDBACK_CORPUS.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    words = sum(len(t.split()) for t in texts) / len(texts)
    texts = texts * max(1, -(-20_000 // len(texts)))
    model = read_model()
    model.predict_many(texts[:2000])  # warm the per-word caches, as a long run would
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        model.predict_many(texts)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    runs = max(5, repeat)
    return [
        ("python -c pass (floor)", f"{median_ms([sys.executable, '-c', 'pass'], runs):.0f} ms"),
        (
            "import nextyes.text.themes",
            f"{in_process_ms(LOAD_CODE.format(part='imported - start'), runs):.1f} ms",
        ),
        (
            "read the model (read_model)",
            f"{in_process_ms(LOAD_CODE.format(part='done - imported'), runs):.1f} ms",
        ),
        (
            f"classify {len(texts):,} texts (mean {words:.0f} words), CPU time",
            f"{len(texts) / min(cpu):,.0f} texts/s",
        ),
        ("same, wall-clock", f"{len(texts) / min(wall):,.0f} texts/s"),
    ]


EMAIL_LOAD = """
import time
start = time.perf_counter()
from nextyes.text.email_classifier import load_email_classifier
imported = time.perf_counter()
load_email_classifier()
done = time.perf_counter()
print(({part}) * 1000)
"""


def emails(repeat: int) -> list[tuple[str, str]]:
    from nextyes.text.email_classifier import batch_collection, load_email_classifier

    rows = [
        json.loads(line)
        for path in sorted((ROOT / "training" / "emails").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    messages = [(r["subject"], r["body"], r["from"]) for r in rows]
    messages = messages * max(1, -(-20_000 // len(messages)))
    chars = sum(len(b) for _s, b, _f in messages) / len(messages)
    model = load_email_classifier()
    model.prepare_explanations()
    figures = []
    for name, method in (("predict", model.predict), ("analyse (with why)", model.analyse)):
        cpu = []
        for _ in range(repeat):
            c0 = time.process_time()
            with batch_collection():
                for subject, body, sender in messages:
                    method(subject, body, sender)
            cpu.append(time.process_time() - c0)
        figures.append(
            (f"{name}: {len(messages):,} emails (mean body {chars:.0f} chars), CPU time",
             f"{len(messages) / min(cpu):,.0f} emails/s")
        )  # fmt: skip
    runs = max(5, repeat)
    return [
        ("python -c pass (floor)", f"{median_ms([sys.executable, '-c', 'pass'], runs):.0f} ms"),
        (
            "import nextyes.text.email_classifier",
            f"{in_process_ms(EMAIL_LOAD.format(part='imported - start'), runs):.1f} ms",
        ),
        (
            "read the model (load_email_classifier)",
            f"{in_process_ms(EMAIL_LOAD.format(part='done - imported'), runs):.1f} ms",
        ),
        *figures,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("section", choices=["feedback", "emails"])
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (best is kept)")
    args = parser.parse_args()
    rows = feedback(args.repeat) if args.section == "feedback" else emails(args.repeat)
    print(f"Python {platform.python_version()} on {platform.machine()}, one process")
    print()
    print("| measurement | result |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
