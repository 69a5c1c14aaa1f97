"""An import survives broken mail and a hard kill: whole messages or nothing, then it resumes."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.services.journal import Journal
from nextyes.services.mail.sources import import_mailbox
from tests.conftest import NOW, NOW_TEXT
from tests.mailboxes import Mail, write_mbox

ROOT = Path(__file__).resolve().parents[3]

_header_values = st.one_of(
    st.text(max_size=60).map(lambda s: s.replace("\r", " ").replace("\n", " ")),
    st.sampled_from(
        ["multipart/mixed; boundary=", "text/html; charset=unknown-8bit", "base64", "<>",
         "=?utf-8?b?broken?=", "Fri, 31 Feb 2026 25:61:00 +9999", "quoted-printable"]
    ),
)  # fmt: skip
_messages = st.lists(
    st.tuples(
        st.lists(
            st.tuples(
                st.sampled_from(["From", "Subject", "Date", "Message-ID", "Content-Type",
                                 "Content-Transfer-Encoding"]),
                _header_values,
            ),
            max_size=6,
        ),
        st.binary(max_size=400),
    ),
    min_size=1,
    max_size=6,
)  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_messages)
def test_malformed_messages_never_stop_an_import(
    journal: Journal, tmp_path: Path, messages: list[tuple[list[tuple[str, str]], bytes]]
) -> None:
    path = tmp_path / "fuzz.mbox"
    with path.open("wb") as out:
        for headers, body in messages:
            head = "".join(f"{name}: {value}\n" for name, value in headers)
            raw = (
                head.encode("utf-8", "surrogateescape")
                + b"\n"
                + body.replace(b"\nFrom ", b"\n>From ")
            )
            out.write(b"From fuzz@example.invalid Thu Jan  1 00:00:00 2026\n" + raw + b"\n\n")
    summary = import_mailbox(journal.uow(), path, NOW)
    again = import_mailbox(journal.uow(), path, NOW)
    assert summary.read == again.read <= len(messages)  # blank entries are not messages
    assert again.created == again.stage_changes == again.rejections == 0


def _corpus_mails(count: int) -> list[Mail]:
    rows = []
    for name in ("application_received", "interview", "rejection", "unrelated", "offer"):
        lines = (ROOT / "training" / "emails" / f"{name}.jsonl").read_text("utf-8").splitlines()
        rows.extend(json.loads(line) for line in lines)
    rng = random.Random(3)
    start = time.mktime((2026, 1, 1, 9, 0, 0, 0, 0, 0))
    mails = []
    for i in range(count):
        row = rng.choice(rows)
        day = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(start + i * 3600))
        mails.append(Mail(row["from"], row["subject"], row["body"], day, f"<kill-{i}@x>"))
    return mails


def _state(db: Path) -> dict[str, list[tuple[object, ...]]]:
    queries = {
        "applications": "SELECT id, company, role, stage, stage_on, applied_on FROM applications",
        "events": "SELECT application_id, stage, occurred_on, origin, reason, round FROM stage_events",
        "mail": "SELECT message_key, label, status, application_id, review_reason FROM mail_messages",
        "interviews": "SELECT application_id, scheduled_on, notes FROM interviews",
    }
    with sqlite3.connect(db) as conn:
        return {
            name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in queries.items()
        }


def _import(home: Path, box: Path) -> subprocess.Popen[bytes]:
    """`nextyes mail import` as its own process (so it can be killed)."""
    env = {**os.environ, "NEXTYES_HOME": str(home), "NEXTYES_NOW": NOW_TEXT}
    return subprocess.Popen(
        [sys.executable, "-m", "nextyes", "mail", "import", str(box), "--workers", "0"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


@pytest.mark.slow
def test_a_killed_import_leaves_whole_messages_and_resumes_to_the_same_journal(
    tmp_path: Path,
) -> None:
    box = write_mbox(tmp_path / "big.mbox", _corpus_mails(3000))
    clean_home, killed_home = tmp_path / "clean", tmp_path / "killed"
    assert _import(clean_home, box).wait(timeout=300) == 0

    proc = _import(killed_home, box)
    db = killed_home / "journal.db"
    deadline = time.monotonic() + 120
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=0.1) as conn:
                    seen = conn.execute("SELECT COUNT(*) FROM mail_messages").fetchone()[0]
            except sqlite3.OperationalError:
                seen = 0
            if seen >= 400:
                break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with sqlite3.connect(db) as conn:
        kept = conn.execute("SELECT COUNT(*) FROM mail_messages").fetchone()[0]
    assert 0 < kept < 3000, "the import was not stopped half-way; make the mailbox bigger"

    assert _import(killed_home, box).wait(timeout=300) == 0
    assert _state(db) == _state(clean_home / "journal.db")
