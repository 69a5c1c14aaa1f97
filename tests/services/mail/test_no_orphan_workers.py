"""Killing `mail import` outright leaves no worker processes behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.mailboxes import Mail, write_mbox

IMPORT = """
import sys
from pathlib import Path
from nextyes.config import Settings
from nextyes.services.journal import open_journal
from nextyes.services.mail.sources import import_mailbox
journal = open_journal(Settings.from_env())
import_mailbox(journal.uow(), Path(sys.argv[1]), journal.settings.now(), workers=2)
"""


def _children(parent: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")
def test_killing_an_import_leaves_no_worker_behind(tmp_path: Path, home: Path) -> None:
    mails = [
        Mail(f"Talent <jobs@c{i}.example>", f"Your application to C{i}",
             f"Thank you for applying to the Analyst role at C{i}. " * 20)
        for i in range(1500)
    ]  # fmt: skip
    box = write_mbox(tmp_path / "big.mbox", mails)
    run = subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(box)], env={**os.environ, "NEXTYES_HOME": str(home)}
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and run.poll() is None:
        workers = _children(run.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the import did not start its workers"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [w for w in workers if _alive(w)] == []
