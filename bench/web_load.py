"""How fast is the web app on a big journal? wrk against one uvicorn worker on 127.0.0.1.

Builds (or reuses) the 10,000-application journal (`nextyes demo --count 10000 --days 730`),
starts `uvicorn --factory web_app:app` (nextyes's app plus a minimal page and a minimal JSON
endpoint on the same stack), warms each address up, then runs wrk on each in turn:

    .venv/bin/python bench/web_load.py [--seconds 15] [--connections 32] [--keep DIR]

Targets (issue 6): the dashboard >= 60% of the minimal page's requests/s with p99 <= 2x its
p99; GET /api/v1/applications?limit=50 >= 70% of the minimal JSON endpoint's requests/s.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import machine, measure

TARGETS = [
    ("minimal page", "/bench/minimal-page"),
    ("dashboard", "/"),
    ("minimal JSON", "/bench/minimal-json"),
    ("API list", "/api/v1/applications?limit=50"),
    ("board", "/board"),
]


@dataclass(frozen=True)
class Load:
    label: str
    path: str
    rps: float
    p50_ms: float
    p99_ms: float


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, seconds: int, connections: int) -> tuple[float, float, float]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    if "Non-2xx" in out:
        raise SystemExit(f"{url} answered errors under load:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    return rps, p50, p99


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--keep", help="build the journal in this folder and keep it")
    args = parser.parse_args()
    bindir = Path(sys.executable).parent
    home = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nextyes-web-"))
    port = free_port()
    env = {
        **os.environ, "NEXTYES_HOME": str(home), "NEXTYES_NOW": "2026-11-22T10:00:00",
        "NEXTYES_WEB_PORT": str(port), "PYTHONPATH": str(Path(__file__).parent),
    }  # fmt: skip
    env.pop("NEXTYES_DATABASE_URL", None)
    if not (home / "journal.db").exists():
        subprocess.run(
            [str(bindir / "nextyes"), "demo", "--count", str(args.count), "--days", "730",
             "--seed", "1"], env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    server = subprocess.Popen(
        [str(bindir / "uvicorn"), "--factory", "web_app:app", "--host", "127.0.0.1",
         "--port", str(port), "--workers", "1", "--log-level", "warning", "--no-access-log"],
        env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/api/v1/stages", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        for _, path in TARGETS:  # warm-up: caches filled, code paths imported
            for _ in range(3):
                urllib.request.urlopen(base + path, timeout=30).read()
        results = []
        for label, path in TARGETS:
            rps, p50, p99 = wrk(base + path, args.seconds, args.connections)
            results.append(Load(label, path, rps, p50, p99))
    finally:
        server.terminate()
        server.wait(timeout=10)
    floor = measure("python -c pass", [sys.executable, "-c", "pass"], env, 15)
    by = {r.label: r for r in results}
    print(f"\nMachine: {machine()}; journal: {args.count} applications (SQLite, WAL); "
          f"wrk -t2 -c{args.connections} -d{args.seconds}s; one uvicorn worker\n")  # fmt: skip
    print(f"Floor: `python -c pass` {floor.median_ms:.0f} ms median.\n")
    print("| address | requests/s | p50 ms | p99 ms |")
    print("|---|---:|---:|---:|")
    for r in results:
        print(f"| `{r.path}` ({r.label}) | {r.rps:.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} |")
    page, dash = by["minimal page"], by["dashboard"]
    api, json_ = by["API list"], by["minimal JSON"]
    print(
        f"\ndashboard: {dash.rps / page.rps:.0%} of the minimal page's throughput (target >= 60%), "
        f"p99 {dash.p99_ms / page.p99_ms:.2f}x its p99 (target <= 2x)"
    )
    print(
        f"API list: {api.rps / json_.rps:.0%} of the minimal endpoint's throughput (target >= 70%)"
    )


if __name__ == "__main__":
    main()
