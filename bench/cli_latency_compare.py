"""Two versions of nextyes side by side: the everyday commands, runs interleaved.

Each version's source folder goes first on PYTHONPATH (the same venv's Python and packages);
each builds its own demo journal (its own schema) in a temporary home, then every command runs
`--runs` times per version, alternating which goes first, so a load that comes and goes on a
shared machine falls on both alike. Reports the median wall time and the median CPU time
(user + system: barely moved by other programs sharing the cores).

    git worktree add --detach /tmp/before 796a7fa
    .venv/bin/python bench/cli_latency_compare.py --before /tmp/before/src [--runs 15]
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
from _util import machine, run_once

HERE = Path(__file__).resolve().parents[1] / "src"


def _env(source: Path, home: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(source), "NEXTYES_HOME": str(home)}
    env["NEXTYES_NOW"] = "2026-11-22T10:00:00"
    env.pop("NEXTYES_DATABASE_URL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, required=True, help="the older version's src/")
    parser.add_argument("--after", type=Path, default=HERE, help="the newer version's src/")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--count", type=int, default=10_000)
    # The demo of 796a7fa (the last version before the features became packages) trips on
    # some seeds (1, 2, 3, 7: "nobody to reply to yet"); 4 builds on both.
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    python = sys.executable
    sides = {}
    for name, source in (("before", args.before), ("after", args.after)):
        home = Path(tempfile.mkdtemp(prefix=f"nextyes-{name}-"))
        env = _env(source.resolve(), home)
        start = time.perf_counter()
        subprocess.run(
            [
                python,
                "-m",
                "nextyes",
                "demo",
                "--count",
                str(args.count),
                "--days",
                "730",
                "--seed",
                str(args.seed),
            ],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(
            f"{name}: built a {args.count}-application journal in "
            f"{time.perf_counter() - start:.1f} s"
        )
        sides[name] = env
    show_id = str(args.count // 2)
    commands = [
        ("--help", ["--help"]),
        ("list --limit 20", ["list", "--limit", "20"]),
        ("today", ["today"]),
        (f"show {show_id}", ["show", show_id]),
        ("add ... --yes", ["add", "Bench Co", "Data Analyst", "--source", "linkedin", "--yes"]),
    ]
    print(f"\nMachine: {machine()}; load average {os.getloadavg()[0]:.1f} at the start\n")
    print("| command | before ms | after ms | before CPU ms | after CPU ms | runs |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, argv in commands:
        samples: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
        for name in sides:  # warm-up: page cache, .pyc files
            run_once([python, "-m", "nextyes", *argv], sides[name])
        for i in range(args.runs):
            order = ("before", "after") if i % 2 == 0 else ("after", "before")
            for name in order:
                wall, cpu, _ = run_once([python, "-m", "nextyes", *argv], sides[name])
                samples[name].append((wall, cpu))
        med = {n: statistics.median(w for w, _ in s) for n, s in samples.items()}
        cpu = {n: statistics.median(c for _, c in s) for n, s in samples.items()}
        print(
            f"| `nextyes {label}` | {med['before']:.0f} | {med['after']:.0f} "
            f"| {cpu['before']:.0f} | {cpu['after']:.0f} | {args.runs} |"
        )
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
