"""How quick do the recovery commands feel on a big journal, and how fast is the lint?

Builds (or reuses, with --keep) the same 10,000-application demo journal as cli_latency.py,
then times whole processes from the venv's own `nextyes`: median and p90 of N runs after a
warm-up, with peak RSS; `python -c pass` is the floor. Then times the feedback-request lint
in-process on a typical draft and on a long pasted email.

    .venv/bin/python bench/recovery_latency.py [--runs 15] [--count 10000] [--keep DIR]

Targets (issue 3 and the foundation): quick commands <= 150 ms median; the lint well under
the time it takes to notice (<= 5 ms for a 150-word draft).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import machine, measure, table

DRAFT = """Hi Priya,

Thank you for letting me know, and for the time you and the team gave me in the panel
interview on 16 November. I enjoyed learning about the Data Analyst role at Acme Robotics,
especially the SQL case study. I'm keen to keep improving, and I'd be grateful for any
thoughts on how I came across: what worked, and one or two things I could do better next
time. Why did you pick the other candidate? I deserve to know, and honestly the process felt
rushed. I understand if you're not able to share feedback. Either way, thank you, and best
wishes to the team. I really hope we cross paths again; I learned a lot from the exercise and
from the questions you asked about stakeholder work and experiment design.

Best wishes,
Sam
"""

CLEAN_DRAFT = DRAFT.replace(
    "Why did you pick the other candidate? I deserve to know, and honestly the process felt\nrushed. ",
    "",
)

ANSWERS = """mood_before: 2
answers: ["The churn story landed.", "The conflict question trailed off."]
hard_questions: [Design an A/B test for a checkout button]
mood_after: 3
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--keep", help="build the journal in this folder and keep it")
    args = parser.parse_args()
    nextyes = str(Path(sys.executable).parent / "nextyes")
    home = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nextyes-bench-"))
    env = {**os.environ, "NEXTYES_HOME": str(home), "NEXTYES_NOW": "2026-11-22T10:00:00"}
    env.pop("NEXTYES_DATABASE_URL", None)
    if not (home / "journal.db").exists():
        subprocess.run(
            [nextyes, "demo", "--count", str(args.count), "--days", "730", "--seed", "1"],
            env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    rejected = _a_rejection_after_an_interview(home / "journal.db")
    draft = home / "draft.txt"
    draft.write_text(CLEAN_DRAFT, encoding="utf-8")  # exit 0: the command passes it
    answers = home / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    lint = [nextyes, "feedback", "lint", str(draft)]
    rows = [
        measure("python -c pass", [sys.executable, "-c", "pass"], env, args.runs),
        measure("nextyes today", [nextyes, "today"], env, args.runs),
        measure("nextyes today --format json", [nextyes, "today", "--format", "json"], env,
                args.runs),
        measure("nextyes feedback lint draft.txt", lint, env, args.runs),
        measure(f"nextyes feedback request {rejected}", [nextyes, "feedback", "request",
                str(rejected)], env, args.runs),
        measure(f"nextyes reply {rejected}", [nextyes, "reply", str(rejected)], env, args.runs),
        measure(f"nextyes reflect {rejected} --answers answers.yaml", [nextyes, "reflect",
                str(rejected), "--answers", str(answers)], env, args.runs),
    ]  # fmt: skip
    print(f"\nMachine: {machine()}; journal: {args.count} applications (SQLite, WAL)\n")
    print(table(rows))
    print()
    print(_lint_timings())


def _a_rejection_after_an_interview(path: Path) -> int:
    with sqlite3.connect(path) as db:
        row = db.execute(
            "SELECT a.id FROM applications a JOIN stage_events e ON e.application_id = a.id "
            "JOIN interviews i ON i.application_id = a.id "
            "WHERE a.stage = 'rejected' AND e.stage = 'rejected' AND e.from_stage = 'interview' "
            "AND i.interviewers IS NOT NULL ORDER BY a.id LIMIT 1"
        ).fetchone()
    if row is None:
        raise SystemExit("the demo journal has no rejection after an interview")
    return int(row[0])


def _lint_timings() -> str:
    from nextyes.text.feedback_lint import default_rules, lint

    start = time.perf_counter()
    default_rules()
    load_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    lint(DRAFT)
    first_ms = (time.perf_counter() - start) * 1000
    lines = [
        f"Lint rules read from content: {load_ms:.1f} ms; first lint of the typical draft, "
        f"compiling the rules its words trigger: {first_ms:.1f} ms",
        "",
        "| text | words | median ms (rules compiled) | runs |",
        "|---|---:|---:|---:|",
    ]
    for label, text in (("typical draft", DRAFT), ("long pasted email", DRAFT * 25)):
        samples = []
        for _ in range(50):
            start = time.perf_counter()
            lint(text)
            samples.append((time.perf_counter() - start) * 1000)
        words = len(text.split())
        lines.append(f"| {label} | {words} | {statistics.median(samples):.2f} | 50 |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
