"""How quick do the momentum commands feel on a big journal, and what does momentum add to
`nextyes today`?

Builds (or reuses, with --keep) the same 10,000-application demo journal as cli_latency.py,
then times whole processes from the venv's own `nextyes` entry point: median of N runs after a
warm-up, with peak RSS. `python -c pass` is the floor. With --baseline SRC (a checkout's `src`
folder without momentum, e.g. from `git archive main src`), `today` is also timed on that code,
interleaved run by run with this one, so both see the same load on a shared machine.

    .venv/bin/python bench/momentum_latency.py [--runs 15] [--keep DIR] [--baseline SRC]

Bytecode caching is left on (PYTHONDONTWRITEBYTECODE is dropped), as on a user's machine.
Target (issue: foundation): quick commands <= 150 ms median and <= 80 MB.
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
from _util import Timing, machine, measure, run_once, table

COMMANDS = [
    ["today"],
    ["today", "--format", "json"],
    ["goal"],
    ["win", "list", "--limit", "20"],
    ["contact", "list"],
    ["care"],
    ["mood"],
    ["why"],
    ["growth", "--limit", "10"],
    ["calendar", "export"],
]


def interleaved(argv_a: list[str], env_a: dict[str, str], argv_b: list[str],
                env_b: dict[str, str], runs: int) -> tuple[Timing, Timing]:  # fmt: skip
    """Time two commands run by run in turn, so both see the same load."""
    run_once(argv_a, env_a)
    run_once(argv_b, env_b)
    a, b = [], []
    for _ in range(runs):
        a.append(run_once(argv_a, env_a))
        b.append(run_once(argv_b, env_b))

    def timing(label: str, samples: list[tuple[float, float, float]]) -> Timing:
        times = sorted(t for t, _, _ in samples)
        return Timing(label, statistics.median(times), times[max(0, int(len(times) * 0.9) - 1)],
                      statistics.median(c for _, c, _ in samples),
                      max(r for _, _, r in samples), runs)  # fmt: skip

    return timing("today, main without momentum", a), timing("today, with momentum", b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--keep", help="build the journal in this folder and keep it")
    parser.add_argument("--baseline", help="a `src` folder of nextyes without momentum")
    args = parser.parse_args()
    bindir = Path(sys.executable).parent
    nextyes = str(bindir / "nextyes")
    home = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nextyes-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NEXTYES_HOME=str(home), NEXTYES_NOW="2026-11-22T10:00:00")
    env.pop("NEXTYES_DATABASE_URL", None)
    if not (home / "journal.db").exists():
        start = time.perf_counter()
        subprocess.run(
            [nextyes, "demo", "--count", str(args.count), "--days", "730", "--seed", "1"],
            env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        print(f"built a {args.count}-application journal in {time.perf_counter() - start:.1f} s")
    print(f"load average at the start: {os.getloadavg()[0]:.1f}")
    rows = [measure("python -c pass", [sys.executable, "-c", "pass"], env, args.runs)]
    for command in COMMANDS:
        rows.append(measure("nextyes " + " ".join(command), [nextyes, *command], env, args.runs))
    if args.baseline:
        base_env = dict(env, PYTHONPATH=str(Path(args.baseline).resolve()))
        mine = [sys.executable, "-m", "nextyes", "today"]
        rows += interleaved(mine, base_env, mine, env, args.runs)
    print(f"\nMachine: {machine()}; journal: {args.count} applications (SQLite, WAL)\n")
    print(table(rows))


if __name__ == "__main__":
    main()
