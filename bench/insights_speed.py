"""How long do `nextyes insights` (and plan, practice, story) take on a 10,000-application journal?

Builds the journal with the demo generator (two years of activity, as bench/cli_latency.py
does) in a temporary home, then times whole processes from the venv's own `nextyes`: median
and p90 of N runs after a warm-up, with peak RSS, beside `python -c pass`. Also times the
service alone, in this process, with the journal already open.

    .venv/bin/python bench/insights_speed.py [--runs 15] [--count 10000] [--keep DIR]

Target (issue 4): `nextyes insights` <= 500 ms on the 10,000-application journal. The plan,
practice and story commands are measured beside it against the quick-command target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import machine, measure, table

NOW = "2026-11-22T10:00:00"


def service_ms(home: Path, runs: int) -> float:
    os.environ["NEXTYES_NOW"] = NOW
    from nextyes.config import Settings
    from nextyes.services.journal import open_journal
    from nextyes.services.learning.insights import build_insights

    settings = Settings.from_env(home=str(home))
    journal = open_journal(settings)
    try:
        build_insights(journal.uow(), settings.today())  # warm-up: model, caches, page cache
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            build_insights(journal.uow(), settings.today())
            times.append((time.perf_counter() - start) * 1000)
    finally:
        journal.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--keep", help="build the journal in this folder and keep it")
    args = parser.parse_args()
    nextyes = str(Path(sys.executable).parent / "nextyes")
    home = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nextyes-bench-"))
    env = {**os.environ, "NEXTYES_HOME": str(home), "NEXTYES_NOW": NOW}
    env.pop("NEXTYES_DATABASE_URL", None)
    if not (home / "journal.db").exists():
        start = time.perf_counter()
        subprocess.run(
            [nextyes, "demo", "--count", str(args.count), "--days", "730", "--seed", "1"],
            env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        print(f"built a {args.count}-application journal in {time.perf_counter() - start:.1f} s")
    rows = [
        measure("python -c pass", [sys.executable, "-c", "pass"], env, args.runs),
        measure("nextyes insights", [nextyes, "insights"], env, args.runs),
        measure(
            "nextyes insights --format json",
            [nextyes, "insights", "--format", "json"],
            env,
            args.runs,
        ),
        measure("nextyes plan", [nextyes, "plan"], env, args.runs),
        measure("nextyes plan suggest", [nextyes, "plan", "suggest"], env, args.runs),
        measure("nextyes practice", [nextyes, "practice"], env, args.runs),
        measure("nextyes story list", [nextyes, "story", "list"], env, args.runs),
    ]
    print(f"\nMachine: {machine()}; journal: {args.count} applications (SQLite, WAL)\n")
    print(table(rows))
    print(
        f"\nbuild_insights alone (journal open, warm): {service_ms(home, args.runs):.0f} ms median"
    )


if __name__ == "__main__":
    main()
