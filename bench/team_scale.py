"""Team mode at scale: 10,000 people and 1,000,000 applications on PostgreSQL, then 100
simulated people (locust, headless) signing in and using the dashboard, the list, the board,
adding and moving applications, against `nextyes serve` with 1 and then 2 workers. One
simulated person in ten is a coach with 50 clients, opening the caseload (page and API) and a
client's page. Then the cohort report of an organisation holding all 10,000 people (consenting,
in four cohorts), timed in the process that computes it.

    .venv/bin/pip install -c constraints.txt -e '.[bench]'      # locust
    .venv/bin/python bench/team_scale.py [--people 10000] [--per-person 100] [--clients 100]
        [--seconds 60] [--workers 1,2] [--admin-url postgresql://postgres@127.0.0.1:5432/test]
        [--keep] [--reuse] [--no-load]

The data is written with COPY (not row by row): per person, --per-person applications spread
over two years, with their stage events, feedback for a third of the noes, and 30 wins each.
The database is `nextyes_scale` (or --database) on the admin URL's server (dropped first unless --reuse).

Targets (issue 15): generation under 10 minutes; zero errors; dashboard p95 <= 150 ms; API list
p95 <= 100 ms; requests/s reported for each worker count. Issue 16: the caseload of a coach with
50 clients p95 <= 200 ms under that load; the cohort report over 10,000 people <= 1 s. The server's CPU time per request
(its workers', not PostgreSQL's) is reported too: unlike latency, it barely moves when other
programs share the machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _util import machine

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench password, not a secret"
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
COMPANIES = [f"{a} {b}" for a in ("Acme", "Brightwell", "Lumen", "Northwind", "Harbor", "Cedar",
             "Quarry", "Orbit", "Juniper", "Meridian", "Tidewater", "Granite", "Ember", "Atlas",
             "Willow", "Summit", "Beacon", "Riverbend", "Kestrel", "Foundry")
             for b in ("Robotics", "Health", "Analytics", "Labs", "Logistics", "Energy", "Bank",
                       "Studio", "Systems", "Foods", "Media", "Learning", "Insurance",
                       "Retail", "Mobility")]  # fmt: skip
ROLES = ["Data Analyst", "Analytics Engineer", "BI Developer", "Product Analyst",
         "Data Scientist", "Reporting Analyst", "Research Analyst", "Operations Analyst"]  # fmt: skip
# (stage, share, the stage before it on the way)
STAGES = [("applied", 0.38, None), ("screening", 0.10, "applied"), ("interview", 0.10, "screening"),
          ("rejected", 0.27, "screening"), ("ghosted", 0.10, "applied"), ("offer", 0.03, "interview"),
          ("saved", 0.02, None)]  # fmt: skip
FEEDBACK = [
    ("Your SQL answers were not as strong as other candidates'.", '["technical_skills"]', "yes"),
    ("We went with someone with more years in the field.", '["experience_level"]', "partly"),
    ("The role was filled internally.", '["internal_candidate"]', "no"),
    ("Your examples lacked concrete results.", '["behavioural_answers"]', "yes"),
]


def _copy(cur: Any, table: str, columns: list[str], rows: Any) -> int:
    count = 0
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def generate(url: str, people: int, per_person: int, seed: int = 7) -> dict[str, Any]:
    import psycopg

    from nextyes.services.accounts.secrets import hash_password

    rng = random.Random(seed)
    hashed = hash_password(PASSWORD)
    start = time.perf_counter()
    counts: dict[str, int] = {}
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        first = int(cur.execute("SELECT coalesce(max(id), 0) + 1 FROM users").fetchone()[0])  # type: ignore[index]
        user_ids = range(first, first + people)
        counts["users"] = _copy(cur, "users", ["id", "username", "display_name", "email",
            "password_hash", "role", "disabled", "created_at", "password_changed_at"],
            ((uid, f"person{n}@bench.nextyes", f"Person {n}", f"person{n}@bench.nextyes", hashed,
              "seeker", False, NOW, NOW) for n, uid in enumerate(user_ids)))  # fmt: skip
        weights = [s[1] for s in STAGES]
        applications: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        feedback: list[tuple[Any, ...]] = []
        app_id = 0
        event_id = 0
        for uid in user_ids:
            for _ in range(per_person):
                app_id += 1
                stage, _, before = rng.choices(STAGES, weights)[0]
                applied = NOW.date() - timedelta(days=rng.randrange(730))
                stage_on = min(applied + timedelta(days=rng.randrange(1, 40)), NOW.date())
                company = rng.choice(COMPANIES)
                applications.append((app_id, uid, company, company.lower(), rng.choice(ROLES),
                    stage, stage_on if stage != "applied" else applied,
                    None if stage == "saved" else applied,
                    stage_on if stage != "applied" else applied, rng.choice(["linkedin",
                    "referral", "company site", None]), NOW, NOW))  # fmt: skip
                if stage == "saved":
                    continue
                event_id += 1
                events.append(
                    (event_id, uid, app_id, "applied", applied, None, False, "import", NOW)
                )
                if stage != "applied":
                    event_id += 1
                    events.append(
                        (event_id, uid, app_id, stage, stage_on, before, False, "import", NOW)
                    )
                if stage == "rejected" and rng.random() < 0.33:
                    text, themes, controllable = rng.choice(FEEDBACK)
                    feedback.append((uid, app_id, text, "interviewer", stage_on, themes, "{}",
                                     controllable, "import", NOW))  # fmt: skip
        counts["applications"] = _copy(cur, "applications", ["id", "owner_id", "company",
            "company_key", "role", "stage", "stage_on", "applied_on", "last_activity_on", "source",
            "created_at", "updated_at"], applications)  # fmt: skip
        counts["stage_events"] = _copy(cur, "stage_events", ["id", "owner_id", "application_id",
            "stage", "occurred_on", "from_stage", "correction", "origin", "recorded_at"], events)  # fmt: skip
        counts["feedback"] = _copy(cur, "feedback", ["owner_id", "application_id", "text", "giver",
            "received_on", "themes", "scores", "controllable", "origin", "created_at"], feedback)  # fmt: skip
        counts["wins"] = _copy(cur, "wins", ["owner_id", "occurred_on", "text", "kind", "created_at"],
            ((uid, NOW.date() - timedelta(days=rng.randrange(365)), "Kept going after a hard week",
              "manual", NOW) for uid in user_ids for _ in range(30)))  # fmt: skip
        coaches = max(1, people // 50)
        coach_first = first + people
        counts["coaches"] = _copy(cur, "users", ["id", "username", "display_name", "email",
            "password_hash", "role", "disabled", "created_at", "password_changed_at"],
            ((coach_first + n, f"coach{n}@bench.nextyes", f"Coach {n}", f"coach{n}@bench.nextyes",
              hashed, "coach", False, NOW, NOW) for n in range(coaches)))  # fmt: skip
        counts["coach_shares"] = _copy(cur, "coach_shares", ["owner_id", "coach_id", "scopes",
            "granted_at"], ((uid, coach_first + (uid - first) // 50 % coaches,
            "applications,feedback,plan,goals", NOW) for uid in user_ids))  # fmt: skip
        counts["interviews"] = _copy(cur, "interviews", ["owner_id", "application_id", "kind",
            "scheduled_on", "created_at"], ((uid, (uid - first) * per_person + 1, "video",
            NOW.date() + timedelta(days=rng.randrange(1, 10)), NOW)
            for uid in user_ids if rng.random() < 0.3))  # fmt: skip
        org = int(
            cur.execute(
                "INSERT INTO organisations (name, created_at) VALUES ('Bench Careers', %s) RETURNING id",
                (NOW,),
            ).fetchone()[0]
        )  # type: ignore[index]
        counts["members"] = _copy(cur, "organisation_members", ["id", "organisation_id", "user_id",
            "role", "consent", "status", "joined_at"], ((uid, org, uid, "member", True, "active",
            NOW) for uid in user_ids))  # fmt: skip
        groups = [int(cur.execute(
            "INSERT INTO organisation_groups (organisation_id, kind, name, created_at) "
            "VALUES (%s, 'cohort', %s, %s) RETURNING id", (org, f"Cohort {year}", NOW),
        ).fetchone()[0]) for year in (2023, 2024, 2025, 2026)]  # type: ignore[index]  # fmt: skip
        _copy(cur, "organisation_group_members", ["group_id", "member_id"],
              ((groups[uid % 4], uid) for uid in user_ids))  # fmt: skip
        for table in ("users", "applications", "stage_events", "organisation_members"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )  # type: ignore[arg-type]
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    counts["seconds"] = round(time.perf_counter() - start)
    return counts


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def load(url: str, workers: int, clients: int, seconds: int, people: int) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NEXTYES_DATABASE_URL": url, "NEXTYES_PUBLIC_URL": base,
           "NEXTYES_HOME": tempfile.mkdtemp(prefix="nextyes-scale-")}  # fmt: skip
    env.pop("NEXTYES_NOW", None)
    bindir = Path(sys.executable).parent
    log = open(Path(env["NEXTYES_HOME"]) / "serve.log", "wb")  # noqa: SIM115
    server = subprocess.Popen(
        [str(bindir / "nextyes"), "serve", "--port", str(port), "--workers", str(workers)],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("nextyes serve did not start") from None
                time.sleep(0.2)
        cpu_before = _cpu_ms(server.pid)
        prefix = Path(env["NEXTYES_HOME"]) / "locust"
        subprocess.run(
            [str(bindir / "locust"), "-f", str(ROOT / "bench" / "team_locust.py"), "--headless",
             "-u", str(clients), "-r", str(max(1, clients // 5)), "-t", f"{seconds}s",
             "--host", base, "--csv", str(prefix), "--only-summary", "--loglevel", "ERROR"],
            env={**env, "NEXTYES_BENCH_PEOPLE": str(people),
                 "NEXTYES_BENCH_COACHES": str(max(1, people // 50))}, check=False,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as fh:
            rows = {r["Name"]: r for r in csv.DictReader(fh)}
        rows["cpu"] = {"ms": _cpu_ms(server.pid) - cpu_before}
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return rows


def _cpu_ms(pid: int) -> float:
    """CPU time (user + system) of the server and its workers so far: steady under load."""
    import psutil

    parent = psutil.Process(pid)
    total = 0.0
    for process in [parent, *parent.children(recursive=True)]:
        times = process.cpu_times()
        total += times.user + times.system
    return total * 1000


def caseload_timing(url: str, runs: int = 20) -> str:
    """A 50-client coach's caseload, computed in-process (the server's own work per request)."""
    from nextyes.config import Settings
    from nextyes.domain.accounts import Role, SignedIn
    from nextyes.domain.caseload import CaseloadRules
    from nextyes.services.coaching.caseload import caseload
    from nextyes.services.journal import open_journal

    journal = open_journal(Settings.from_env(db=url, home=tempfile.mkdtemp()))
    coach = int(journal.db.scalar("SELECT id FROM users WHERE username = 'coach0@bench.nextyes'"))
    journal.db.rollback()
    viewer = SignedIn(user_id=coach, email="coach0@bench.nextyes", name="Coach 0", role=Role.COACH)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = caseload(journal.uow(), viewer, CaseloadRules(), NOW)
        times.append((time.perf_counter() - start) * 1000)
    journal.close()
    times.sort()
    signals = sum(len(r.signals) for r in rows)
    return (
        f"Caseload of a coach with {len(rows)} clients ({signals} signals), in-process, "
        f"{runs} runs: median {times[len(times) // 2]:.0f} ms, p95 {times[int(runs * 0.95) - 1]:.0f} ms"
    )


def cohort_timing(url: str, runs: int = 5, changed: int = 100) -> str:
    """The cohort report over every member, in-process. After the bulk load the page answers
    from what is kept (nothing: every member is left for the queued refresh) and the refresh
    job reads every journal; then reports with the kept facts current; then after `changed`
    members each wrote something: the page (counting kept facts as they are, queuing a
    refresh) and the refresh job that reads those members again."""
    from nextyes.config import Settings
    from nextyes.domain.accounts import Role, SignedIn
    from nextyes.services.journal import open_journal
    from nextyes.services.organisations.cohort import cohort_report, refresh

    journal = open_journal(Settings.from_env(db=url, home=tempfile.mkdtemp()))
    db = journal.db
    org = int(db.scalar("SELECT id FROM organisations WHERE name = 'Bench Careers'"))
    admin_id = int(db.scalar("SELECT max(id) FROM users"))
    db.execute(
        "INSERT INTO organisation_members (organisation_id, user_id, role, consent, status, "
        "joined_at) VALUES (:org, :user, 'admin', :no, 'active', :now) "
        "ON CONFLICT (organisation_id, user_id) DO NOTHING",
        {"org": org, "user": admin_id, "no": False, "now": NOW},
    )
    db.execute("DELETE FROM cohort_facts")  # as after the bulk load: nothing kept yet
    db.commit()
    viewer = SignedIn(user_id=admin_id, email="coach@bench.nextyes", name=None, role=Role.COACH)
    members = int(db.scalar("SELECT count(*) FROM organisation_members WHERE role = 'member'"))
    db.rollback()

    def timed(by: str, counted: int | None = members) -> float:
        start = time.perf_counter()
        report = cohort_report(journal.uow(), viewer, org, by, NOW)
        assert report.funnel.total == counted
        return (time.perf_counter() - start) * 1000

    def refreshed() -> float:
        start = time.perf_counter()
        assert refresh(journal.uow(), org, NOW) == members
        return (time.perf_counter() - start) * 1000

    lines = [f"Cohort report over {members:,} consenting members (ms per report):"]
    lines.append(
        f"- the page right after the bulk load (nobody counted yet, refresh queued): "
        f"{timed('everyone', None):.0f} ms"
    )
    lines.append(
        f"- the queued refresh after the bulk load (every journal read): {refreshed():.0f} ms"
    )
    db.execute("DELETE FROM jobs WHERE kind = 'cohort'")  # ran above, in this process
    db.commit()
    for by in ("everyone", "cohort"):
        times = sorted(timed(by) for _ in range(runs))
        lines.append(
            f"- by {by}, facts current, {runs} runs: median {times[len(times) // 2]:.0f} ms, "
            f"slowest {times[-1]:.0f} ms"
        )
    times = []
    jobs = []
    rng = random.Random(11)
    for _ in range(runs):
        people = rng.sample(
            [int(r["user_id"]) for r in db.query(
                "SELECT user_id FROM organisation_members WHERE role = 'member'")], changed,
        )  # fmt: skip
        db.executemany(
            "INSERT INTO wins (owner_id, occurred_on, text, kind, created_at) "
            "VALUES (:owner, :day, 'Sent three applications', 'manual', :now)",
            [{"owner": p, "day": NOW.date(), "now": NOW} for p in people],
        )
        db.commit()
        times.append(timed("cohort"))
        jobs.append(refreshed())
        db.execute("DELETE FROM jobs WHERE kind = 'cohort'")
        db.commit()
    times.sort()
    jobs.sort()
    lines.append(
        f"- by cohort, after {changed} members wrote since the last refresh (figures as of it, "
        f"refresh queued), {runs} runs: median {times[len(times) // 2]:.0f} ms, "
        f"slowest {times[-1]:.0f} ms"
    )
    lines.append(
        f"- the queued refresh then ({changed} journals read again), {runs} runs: "
        f"median {jobs[len(jobs) // 2]:.0f} ms, slowest {jobs[-1]:.0f} ms"
    )
    journal.close()
    return "\n".join(lines)


def pg_settings(url: str) -> dict[str, str]:
    import psycopg

    names = ["server_version", "shared_buffers", "work_mem", "effective_cache_size",
             "max_connections", "synchronous_commit", "random_page_cost"]  # fmt: skip
    with psycopg.connect(url) as conn:
        return {n: str(conn.execute(f"SHOW {n}").fetchone()[0]) for n in names}  # type: ignore[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--per-person", type=int, default=100)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--reuse", action="store_true", help="keep the data from a previous run")
    parser.add_argument("--keep", action="store_true", help="leave the database behind")
    parser.add_argument("--database", default="nextyes_scale", help="the database to (re)create")
    parser.add_argument(
        "--no-load", action="store_true", help="skip the served load: in-process timings only"
    )
    args = parser.parse_args()
    import psycopg

    from nextyes.config import Settings
    from nextyes.services.journal import upgrade_database

    name = args.database
    url = args.admin_url.rsplit("/", 1)[0] + "/" + name
    if not args.reuse:
        with psycopg.connect(args.admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]
            conn.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
        upgrade_database(Settings.from_env(db=url, home=tempfile.mkdtemp()))
        counts = generate(url, args.people, args.per_person)
        print("generated:", json.dumps(counts))
    print(machine())
    print("PostgreSQL:", json.dumps(pg_settings(url)))
    print()
    columns = ["workers", "requests", "errors", "req/s", "dashboard p95", "API list p95",
               "board p95", "add p95", "move p95", "sign in p95", "caseload p95",
               "API caseload p95", "client page p95", "server CPU per request"]  # fmt: skip
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for workers in [] if args.no_load else [int(w) for w in args.workers.split(",")]:
        rows = load(url, workers, args.clients, args.seconds, args.people)
        total = rows["Aggregated"]

        def p95(name: str, rows: dict[str, Any] = rows) -> str:
            return f"{rows[name]['95%']} ms" if name in rows else "-"

        print(f"| {workers} | {total['Request Count']} | {total['Failure Count']} | "
              f"{float(total['Requests/s']):.1f} | {p95('dashboard')} | {p95('API list')} | "
              f"{p95('board')} | {p95('add')} | {p95('move')} | {p95('sign in')} | "
              f"{p95('caseload')} | {p95('API caseload')} | {p95('client page')} | "
              f"{rows['cpu']['ms'] / max(1, int(total['Request Count'])):.1f} ms |", flush=True)  # fmt: skip
    print()
    print(caseload_timing(url), flush=True)
    print(cohort_timing(url), flush=True)
    if not args.keep:
        with psycopg.connect(args.admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
