"""How fast does nextyes read and classify a big mailbox?

Generates a 20,000-message mbox with realistic MIME (plain, HTML-only and alternative bodies,
quoted-printable and base64, Latin-1 and UTF-8, some PDF attachments) from the project's own
email corpus, then measures, in this order:

- the ceiling: iterating the same mbox with the standard library (`mailbox.mbox`, which parses
  every message);
- nextyes's reader: the streaming splitter plus decoding to MailMessage (subject, sender,
  plain-text body), one core;
- the classifier alone on the decoded messages, one core (best of three passes, through
  `predict_many`, the bulk entry point the import uses);
- peak RSS of the reader on its own, in a fresh process;
- `nextyes mail import` end to end into a fresh journal (worker processes for reading and
  classifying, this process for the journal), with the peak RSS of each process.

    .venv/bin/python bench/mail_import.py [--count 20000] [--attachment-kb 0] [--keep DIR]

`--attachment-kb 150` pads one message in three with a PDF of that size, to make the mbox
about 1 GB for the memory check. Targets (issue 7): end-to-end import >= 2,000 messages/s
using both cores; classifier >= 20,000 messages/s on one core; peak RSS <= 200 MB for a 1 GB
mbox.
"""

from __future__ import annotations

import argparse
import email.message
import email.policy
import email.utils
import json
import mailbox
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _util import machine

ROOT = Path(__file__).resolve().parents[1]
HTML = "<html><head><style>p{{margin:0}}</style></head><body>{}</body></html>"


def corpus_rows() -> list[dict[str, str]]:
    rows = []
    for path in sorted((ROOT / "training" / "emails").glob("*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines())
    return rows


def build_message(row: dict[str, str], i: int, rng: random.Random, attach_kb: int) -> bytes:
    msg = email.message.EmailMessage(policy=email.policy.SMTP)
    msg["From"] = row["from"]
    msg["To"] = "Sam Candidate <sam@example.org>"
    msg["Subject"] = row["subject"]
    sent = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=37 * i)
    msg["Date"] = email.utils.format_datetime(sent)
    if rng.random() < 0.97:
        msg["Message-ID"] = f"<bench-{i}@nextyes.invalid>"
    body = row["body"]
    charset = "iso-8859-1" if rng.random() < 0.15 and body.isascii() is False else "utf-8"
    try:
        body.encode(charset)
    except UnicodeEncodeError:
        charset = "utf-8"
    html = HTML.format("".join(f"<p>{p}</p>" for p in body.split("\n")))
    shape = rng.random()
    if shape < 0.25:
        msg.set_content(html, subtype="html", charset=charset)
    elif shape < 0.45:
        msg.set_content(body, charset=charset, cte="quoted-printable")
    else:
        msg.set_content(body, charset=charset)
        msg.add_alternative(html, subtype="html", charset=charset)
    if attach_kb and i % 3 == 0:
        pdf = b"%PDF-1.4\n" + rng.randbytes(attach_kb * 1024)
        msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="details.pdf")
    return msg.as_bytes()


PADDING = (
    "\n\n--\n{name}\nTalent Acquisition | People & Culture\nThis message and any attachments "
    "are confidential and intended only for the addressee. If you received it in error, please "
    "tell the sender and delete it. We process candidate data under our privacy notice, which "
    "explains your rights and how long we keep your details. "
)
ALL_REVIEW_LABELS = ("rejection", "interview", "assessment", "offer")


def job_like(row: dict[str, str], rng: random.Random) -> dict[str, str]:
    """The row as a 2-4 KB message: its body followed by the thread and footer real mail has."""
    target = rng.randint(2000, 4000)
    body = row["body"]
    quoted = "\n".join("> " + line for line in body.splitlines())
    while len(body) < target:
        body += PADDING.format(name=row["from"].split("<")[0].strip()) + "\n" + quoted
    return {**row, "body": body[:target]}


def write_mbox(path: Path, count: int, attach_kb: int, all_review: bool = False) -> None:
    rng = random.Random(7)
    rows = corpus_rows()
    if all_review:
        # job mail from companies the fresh journal has never heard of: none can be applied
        # on its own, so every message waits in the review queue
        rows = [r for r in rows if r["label"] in ALL_REVIEW_LABELS]
    with path.open("wb") as out:
        for i in range(count):
            row = rng.choice(rows)
            raw = build_message(job_like(row, rng) if all_review else row, i, rng, attach_kb)
            raw = raw.replace(b"\r\n", b"\n")
            escaped = b"\n".join(
                b">" + line if line.startswith(b"From ") else line for line in raw.split(b"\n")
            )
            out.write(b"From bench@nextyes.invalid Thu Jan  1 00:00:00 2026\n")
            out.write(escaped.rstrip(b"\n") + b"\n\n")


PEAK = """
def peak_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0
"""
IMPORT = (
    PEAK
    + """
import json, resource, sys, time
from pathlib import Path
from nextyes.config import Settings
from nextyes.services.journal import open_journal
from nextyes.services.mail.sources import import_mailbox
settings = Settings.from_env(home=sys.argv[2])
journal = open_journal(settings)
start = time.perf_counter()
summary = import_mailbox(journal.uow(), Path(sys.argv[1]), settings.now(), workers=int(sys.argv[3]))
elapsed = time.perf_counter() - start
workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"read": summary.read, "seconds": elapsed, "main_mb": peak_mb(),
                  "worker_mb": workers_mb, "review": summary.review, "created": summary.created}))
"""
)
READER = (
    PEAK
    + """
import sys, time
from pathlib import Path
from nextyes.mail.readers import read_mailbox
start = time.perf_counter()
count = sum(1 for _ in read_mailbox(Path(sys.argv[1])))
print(count, time.perf_counter() - start, peak_mb())
"""
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--attachment-kb", type=int, default=0)
    parser.add_argument("--keep", help="write the mbox in this folder and keep it")
    parser.add_argument("--workers", type=int, default=2, help="worker processes for the import")
    parser.add_argument(
        "--all-review",
        action="store_true",
        help="2-4 KB job mail from unknown companies, so every message waits for review",
    )
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nextyes-mail-"))
    folder.mkdir(parents=True, exist_ok=True)
    kind = "-review" if args.all_review else ""
    path = folder / f"bench-{args.count}-{args.attachment_kb}kb{kind}.mbox"
    if not path.exists():
        start = time.perf_counter()
        write_mbox(path, args.count, args.attachment_kb, args.all_review)
        print(f"wrote {path.name} in {time.perf_counter() - start:.1f} s")
    size_mb = path.stat().st_size / 1e6
    # whole-process steps first, while this process is still small (a child's peak is read
    # from its own /proc status, which starts afresh at exec)
    with tempfile.TemporaryDirectory(prefix="nextyes-home-") as home:
        done = subprocess.run(
            [sys.executable, "-c", IMPORT, str(path), home, str(args.workers)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
    e2e = json.loads(done.stdout)
    proc = subprocess.run(
        [sys.executable, "-c", READER, str(path)], check=True, capture_output=True, text=True
    )
    count, alone_s, rss = proc.stdout.split()
    floor_rss = subprocess.run(
        [sys.executable, "-c", PEAK + "print(peak_mb())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()

    from nextyes.mail.readers import read_mailbox
    from nextyes.text.email_classifier import load_email_classifier

    start = time.perf_counter()
    with path.open("rb") as handle:
        stdlib_count = sum(1 for _ in mailbox.mbox(handle.name))
    stdlib_s = time.perf_counter() - start

    start = time.perf_counter()
    messages = [(m.subject, m.body, m.sender) for m in read_mailbox(path)]
    reader_s = time.perf_counter() - start

    classifier = load_email_classifier()
    passes = []
    for _ in range(3):
        start = time.perf_counter()
        for _ in classifier.predict_many(messages):
            pass
        passes.append(time.perf_counter() - start)
    classify_s = min(passes)

    n = len(messages)
    print(f"\nMachine: {machine()}; load average {os.getloadavg()[0]:.2f} at the end")
    print(f"mbox: {n} messages, {size_mb:.0f} MB\n")
    print("| step | messages | seconds | messages/s |")
    print("|---|---:|---:|---:|")
    print(f"| stdlib `mailbox.mbox` iteration (ceiling) | {stdlib_count} | {stdlib_s:.2f} | "
          f"{stdlib_count / stdlib_s:,.0f} |")  # fmt: skip
    e2e_rate = e2e["read"] / e2e["seconds"]
    print(f"| nextyes reader: split + decode | {n} | {reader_s:.2f} | {n / reader_s:,.0f} |")
    print(f"| `nextyes mail import`, end to end, {args.workers} workers | {e2e['read']} | "
          f"{e2e['seconds']:.2f} | {e2e['read'] / e2e['seconds']:,.0f} |")  # fmt: skip
    print(f"| classifier alone, one core (best of 3) | {n} | {classify_s:.2f} | "
          f"{n / classify_s:,.0f} |")  # fmt: skip
    print(
        f"\nimport peak RSS: main process {e2e['main_mb']:.0f} MB, largest worker "
        f"{e2e['worker_mb']:.0f} MB; {e2e['created']} applications created, "
        f"{e2e['review']} messages queued for review"
    )
    print(f"import rate / stdlib parse rate: {e2e_rate / (stdlib_count / stdlib_s):.2f}")
    analyse_passes = []
    for _ in range(3):
        start = time.perf_counter()
        for subject, body, sender in messages:
            classifier.analyse(subject, body, sender)
        analyse_passes.append(time.perf_counter() - start)
    print(f"classifier with the phrases behind each label (`analyse`), one core: "
          f"{n / min(analyse_passes):,.0f} messages/s")  # fmt: skip
    print(
        f"reader alone in a fresh process: {count} messages in {float(alone_s):.2f} s, "
        f"peak RSS {float(rss):.0f} MB (python -c pass: {float(floor_rss):.0f} MB)"
    )


if __name__ == "__main__":
    main()
