"""Helpers for the benchmarks: timing whole processes, with their peak memory."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    label: str
    median_ms: float
    p90_ms: float
    cpu_ms: float
    peak_rss_mb: float
    runs: int


def run_once(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall time (ms), CPU time (user + system, ms) and peak RSS (MB) of one process.

    CPU time barely moves when other programs share the machine; wall time does."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err}")
    if proc.stderr:
        proc.stderr.close()
    return elapsed, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024


def measure(label: str, argv: Sequence[str], env: dict[str, str], runs: int = 15) -> Timing:
    run_once(argv, env)  # warm-up: page cache, .pyc files
    samples = [run_once(argv, env) for _ in range(runs)]
    times = sorted(t for t, _, _ in samples)
    return Timing(
        label=label,
        median_ms=statistics.median(times),
        p90_ms=times[max(0, int(len(times) * 0.9) - 1)],
        cpu_ms=statistics.median(c for _, c, _ in samples),
        peak_rss_mb=max(r for _, _, r in samples),
        runs=runs,
    )


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"
    )


def table(rows: Sequence[Timing]) -> str:
    lines = [
        "| command | median ms | p90 ms | CPU ms (median) | peak RSS MB | runs |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for t in rows:
        lines.append(
            f"| `{t.label}` | {t.median_ms:.0f} | {t.p90_ms:.0f} | {t.cpu_ms:.0f} "
            f"| {t.peak_rss_mb:.0f} | {t.runs} |"
        )
    return "\n".join(lines)
