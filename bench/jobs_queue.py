"""The background-jobs queue on PostgreSQL: how many jobs a second 1, 2 and 4 workers claim and
finish (each on a connection of its own, `FOR UPDATE SKIP LOCKED`), and that none is taken twice.

    .venv/bin/python bench/jobs_queue.py [--jobs 2000] [--admin-url postgresql://postgres@127.0.0.1:5432/test]

This is the queue's own cost (claim, one progress write, finish), not a job's work: a mailbox
or an IMAP fetch takes far longer than its place in the queue. The database is
`nextyes_jobs_bench` on the admin URL's server, made afresh and dropped at the end.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import machine

NOW = datetime(2026, 12, 6, 7, 0, tzinfo=UTC)


def run(url: str, jobs: int, workers: int) -> tuple[float, int, int]:
    from nextyes.config import Settings
    from nextyes.services.jobs.queue import enqueue
    from nextyes.services.journal import open_journal

    settings = Settings.from_env(db=url, home=tempfile.mkdtemp())
    journal = open_journal(settings)
    journal.db.execute("DELETE FROM jobs")
    journal.db.commit()
    for n in range(jobs):
        enqueue(journal.uow(), None, "bench", f"job {n}", {"n": n}, NOW)
    taken: list[list[int]] = [[] for _ in range(workers)]

    def work(slot: int) -> None:
        mine = open_journal(settings)
        name = f"bench-{slot}"
        try:
            while True:
                with mine.uow() as uow:
                    job = uow.jobs.claim(name, NOW)
                    uow.commit()
                if job is None:
                    return
                with mine.uow() as uow:
                    uow.jobs.progress(job.id, name, 1, 1, NOW)
                    uow.jobs.finish(job.id, name, NOW, result="{}")
                    uow.commit()
                taken[slot].append(job.id)
        finally:
            mine.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    claimed = [i for ids in taken for i in ids]
    journal.close()
    return jobs / seconds, len(claimed), len(claimed) - len(set(claimed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    import psycopg

    from nextyes.storage.migrate import upgrade

    name = "nextyes_jobs_bench"
    url = args.admin_url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(args.admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]
        conn.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
    try:
        upgrade(url)
        print(machine())
        print("| workers | jobs | jobs/s | claimed twice |")
        print("|---|---|---|---|")
        for workers in (1, 2, 4):
            rate, claimed, twice = run(url, args.jobs, workers)
            print(f"| {workers} | {claimed:,} | {rate:,.0f} | {twice} |")
    finally:
        with psycopg.connect(args.admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
