"""How long do backups, exports, imports and the weekly review take on a big journal?

Builds a 10,000-application journal (the demo generator, two years) in a temporary home, then
times whole processes from the venv's own `nextyes`: median of N runs after a warm-up, with
peak RSS. Imports go into a fresh, empty home for every run (creating that home is not timed).
`python -c pass` is the floor.

    .venv/bin/python bench/portability.py [--runs 5] [--count 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import Timing, machine, measure, run_once, table


def measure_import(
    label: str, argv: list[str], env: dict[str, str], empty: Path, runs: int
) -> Timing:
    """Each run imports into a copy of an empty journal, so every run does the full work."""
    samples = []
    for n in range(runs + 1):
        home = Path(tempfile.mkdtemp(prefix="nextyes-import-"))
        shutil.copyfile(empty, home / "journal.db")
        try:
            sample = run_once(argv, {**env, "NEXTYES_HOME": str(home)})
        finally:
            shutil.rmtree(home)
        if n:  # the first run warms the page cache
            samples.append(sample)
    times = sorted(t for t, _, _ in samples)
    return Timing(label, statistics.median(times), times[max(0, int(len(times) * 0.9) - 1)],
                  statistics.median(c for _, c, _ in samples), max(r for _, _, r in samples),
                  runs)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--keep", help="build the journal in this folder and keep it")
    args = parser.parse_args()
    nextyes = str(Path(sys.executable).parent / "nextyes")
    home = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nextyes-bench-"))
    work = Path(tempfile.mkdtemp(prefix="nextyes-bench-files-"))
    env = {**os.environ, "NEXTYES_HOME": str(home), "NEXTYES_NOW": "2026-11-22T10:00:00"}
    env.pop("NEXTYES_DATABASE_URL", None)
    if not (home / "journal.db").exists():
        start = time.perf_counter()
        subprocess.run(
            [nextyes, "demo", "--count", str(args.count), "--days", "730", "--seed", "1"],
            env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        print(f"built a {args.count}-application journal in {time.perf_counter() - start:.1f} s")
    empty_home = work / "empty"
    subprocess.run([nextyes, "settings"], env={**env, "NEXTYES_HOME": str(empty_home)},
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    empty = empty_home / "journal.db"
    as_json, as_csv = work / "journal.json", work / "applications.csv"
    subprocess.run([nextyes, "export", "json", "--out", str(as_json)], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([nextyes, "export", "csv", "--out", str(as_csv)], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    runs = args.runs
    rows = [
        measure("python -c pass", [sys.executable, "-c", "pass"], env, runs),
        measure("nextyes backup --keep 3", [nextyes, "backup", "--keep", "3"], env, runs),
        measure("nextyes export json --out FILE",
                [nextyes, "export", "json", "--out", str(work / "j.json")], env, runs),
        measure("nextyes export csv --out FILE",
                [nextyes, "export", "csv", "--out", str(work / "a.csv")], env, runs),
        measure_import("nextyes import json FILE (empty journal)",
                       [nextyes, "import", "json", str(as_json)], env, empty, runs),
        measure_import("nextyes import csv FILE --yes (empty journal)",
                       [nextyes, "import", "csv", str(as_csv), "--yes"], env, empty, runs),
        measure("nextyes import csv FILE --yes (all already there)",
                [nextyes, "import", "csv", str(as_csv), "--yes"], env, runs),
        measure("nextyes review week", [nextyes, "review", "week"], env, runs),
        measure("nextyes review week --format html",
                [nextyes, "review", "week", "--format", "html"], env, runs),
        measure("nextyes review week --format pdf --out FILE",
                [nextyes, "review", "week", "--format", "pdf", "--out", str(work / "w.pdf")],
                env, runs),
    ]  # fmt: skip
    sizes = {p.name: p.stat().st_size / 1e6 for p in (home / "journal.db", as_json, as_csv)}
    print(f"\nMachine: {machine()}; load average at the end: {os.getloadavg()[0]:.1f}")
    print(f"Journal: {args.count} applications (SQLite, WAL)")
    print("Sizes (MB): " + ", ".join(f"{k} {v:.1f}" for k, v in sizes.items()) + "\n")
    print(table(rows))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
