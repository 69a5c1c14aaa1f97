"""One bad message never blocks a mailbox: it is set aside with its reason, the rest import.

A fault is injected into the import of one message (whatever the cause: a date past the
calendar, a bug); a compressed mailbox is cut short at many points.
"""

from __future__ import annotations

import gzip
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from nextyes.mail.decode import parse_date
from nextyes.services.journal import Journal
from nextyes.services.mail import importer as importer_module
from nextyes.services.mail.review import review_queue
from nextyes.services.mail.sources import import_mailbox
from tests.conftest import NOW
from tests.mailboxes import Mail, write_mbox


def _confirmations(count: int) -> list[Mail]:
    return [
        Mail(
            f"Talent <jobs@company{i}.example>",
            f"Your application to Company{i}",
            f"Thank you for applying to the Data Analyst role at Company{i}. "
            "We have received your application and will be in touch.",
            message_id=f"<confirm-{i}@company{i}.example>",
        )
        for i in range(count)
    ]


def _companies(journal: Journal) -> set[str]:
    return {r["company"] for r in journal.db.query("SELECT company FROM applications")}


def test_a_message_that_fails_is_set_aside_with_its_reason_and_the_rest_import(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = write_mbox(tmp_path / "box.mbox", _confirmations(6))
    original = importer_module.Importer.decide

    def fails_for_company_3(self: importer_module.Importer, mail, rule):  # type: ignore[no-untyped-def]
        if "Company3" in (mail.subject or ""):
            raise OverflowError("date value out of range")
        return original(self, mail, rule)

    monkeypatch.setattr(importer_module.Importer, "decide", fails_for_company_3)
    summary = import_mailbox(journal.uow(), box, NOW, workers=0)
    assert summary.review == 1
    assert _companies(journal) == {f"Company{i}" for i in range(6)} - {"Company3"}
    waiting = review_queue(journal.uow())
    assert len(waiting) == 1 and "Company3" in (waiting[0].subject or "")
    assert "Set aside" in (waiting[0].review_reason or "")
    assert "OverflowError" in (waiting[0].review_reason or "")
    again = import_mailbox(journal.uow(), box, NOW, workers=0)  # a re-run moves on
    assert again.already_imported == 6


def test_a_date_past_the_calendar_does_not_stop_the_import(
    journal: Journal, tmp_path: Path
) -> None:
    mails = _confirmations(3)
    mails[1] = Mail(mails[1].sender, mails[1].subject, mails[1].body,
                    date="31 Dec 9999 23:59:00 -2359", message_id=mails[1].message_id)  # fmt: skip
    box = write_mbox(tmp_path / "box.mbox", mails)
    import_mailbox(journal.uow(), box, NOW, workers=0)
    assert _companies(journal) == {"Company0", "Company1", "Company2"}


@settings(max_examples=60, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59)),
    minutes=st.integers(-2359, 2359),
)
def test_any_date_header_is_a_usable_moment_or_none(moment: datetime, minutes: int) -> None:
    sign = "-" if minutes < 0 else "+"
    header = moment.strftime("%d %b %Y %H:%M:%S ").lstrip("0") + f"{sign}{abs(minutes):04d}"
    parsed = parse_date(header)
    if parsed is not None:
        parsed.astimezone(UTC).date()
        (parsed + timedelta(days=1)).astimezone(UTC)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=(Phase.explicit, Phase.generate),
)
@given(cut=st.floats(0.05, 0.95))
def test_a_compressed_mailbox_cut_short_imports_what_it_holds_and_says_so(
    journal: Journal, tmp_path: Path, cut: float
) -> None:
    plain = write_mbox(tmp_path / f"whole-{cut}.mbox", _confirmations(40))
    data = gzip.compress(plain.read_bytes())
    box = tmp_path / f"cut-{cut}.mbox.gz"
    box.write_bytes(data[: int(len(data) * cut)])
    summary = import_mailbox(journal.uow(), box, NOW, workers=0)
    assert summary.cut_short is not None and "after" in summary.cut_short
    whole = plain.read_bytes()
    readable = zlib.decompressobj(31).decompress(data[: int(len(data) * cut)])
    complete = readable.count(b"\nFrom ") + (1 if whole.startswith(b"From ") else 0) - 1
    assert summary.read >= max(complete, 0)
