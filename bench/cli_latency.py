"""How quick do everyday commands feel on a big journal?

Builds a 10,000-application journal (the demo generator, two years of activity) in a
temporary home, then times whole processes from the venv's own `nextyes` entry point:
median of N runs after a warm-up, with peak RSS. `python -c pass` is the floor.

    .venv/bin/python bench/cli_latency.py [--runs 15] [--count 10000] [--keep DIR]

Target (issue: foundation): each command <= 150 ms median and <= 80 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import machine, measure, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--keep", help="build the journal in this folder and keep it")
    args = parser.parse_args()
    bindir = Path(sys.executable).parent
    nextyes = str(bindir / "nextyes")
    home = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nextyes-bench-"))
    env = {**os.environ, "NEXTYES_HOME": str(home), "NEXTYES_NOW": "2026-11-22T10:00:00"}
    env.pop("NEXTYES_DATABASE_URL", None)
    # A user's Python caches compiled modules; with this set, every run would recompile them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not (home / "journal.db").exists():
        start = time.perf_counter()
        subprocess.run(
            [nextyes, "demo", "--count", str(args.count), "--days", "730", "--seed", "1"],
            env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        print(f"built a {args.count}-application journal in {time.perf_counter() - start:.1f} s")
    show_id = str(args.count // 2)
    rows = [
        measure("python -c pass", [sys.executable, "-c", "pass"], env, args.runs),
        measure("nextyes --help", [nextyes, "--help"], env, args.runs),
        measure("nextyes list --limit 20", [nextyes, "list", "--limit", "20"], env, args.runs),
        measure("nextyes today", [nextyes, "today"], env, args.runs),
        measure(f"nextyes show {show_id}", [nextyes, "show", show_id], env, args.runs),
        measure(
            "nextyes add ... --yes",
            [nextyes, "add", "Bench Co", "Data Analyst", "--source", "linkedin", "--yes"],
            env,
            args.runs,
        ),
    ]
    print(f"\nMachine: {machine()}; journal: {args.count} applications (SQLite, WAL)\n")
    print(table(rows))


if __name__ == "__main__":
    main()
