"""Reading mailboxes: mbox, .eml folders, Maildir, and the ways they go wrong."""

from __future__ import annotations

import email.message
import gzip
import mailbox
from pathlib import Path

import pytest

from nextyes.errors import MailboxError
from nextyes.mail import readers
from nextyes.mail.readers import (
    MailboxKind,
    ReadStats,
    detect_mailbox,
    iter_raw_messages,
    read_mailbox,
)


def _message(i: int, body: str = "", *, message_id: bool = True) -> email.message.EmailMessage:
    msg = email.message.EmailMessage()
    msg["From"] = f"Talent Team <no-reply+{i}@careers.example.com>"
    msg["To"] = "me@example.org"
    msg["Subject"] = f"Your application number {i}"
    msg["Date"] = "Tue, 03 Nov 2026 09:30:00 +0100"
    if message_id:
        msg["Message-ID"] = f"<msg-{i}@example.com>"
    msg.set_content(body or f"Thank you for applying, candidate {i}.\n")
    return msg


def _write_mbox(path: Path, messages: list[email.message.EmailMessage]) -> Path:
    box = mailbox.mbox(str(path))
    for msg in messages:
        box.add(msg)
    box.flush()
    box.close()
    return path


def test_an_mbox_is_read_message_by_message_in_order(tmp_path: Path) -> None:
    path = _write_mbox(tmp_path / "all.mbox", [_message(i) for i in range(25)])
    got = list(read_mailbox(path))
    assert [m.message_id for m in got] == [f"<msg-{i}@example.com>" for i in range(25)]
    assert got[3].subject == "Your application number 3"
    assert got[3].sender_domain == "careers.example.com"
    assert got[3].sender_name == "Talent Team"
    assert got[3].body == "Thank you for applying, candidate 3."
    assert got[3].date is not None
    assert got[3].date.isoformat() == "2026-11-03T09:30:00+01:00"


def test_the_splitter_finds_separators_across_chunk_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write_mbox(tmp_path / "small.mbox", [_message(i, "x" * (i * 7)) for i in range(40)])
    expected = [m.message_id for m in read_mailbox(path)]
    for chunk in (1, 2, 3, 5, 6, 7, 64, 333):
        monkeypatch.setattr(readers, "CHUNK_BYTES", chunk)
        assert [m.message_id for m in read_mailbox(path)] == expected


def test_lines_starting_with_from_inside_a_body_do_not_split_the_message(tmp_path: Path) -> None:
    body = "Hello,\nFrom now on we will write weekly.\n>From the team\n"
    path = _write_mbox(tmp_path / "from.mbox", [_message(1, body), _message(2)])
    got = list(read_mailbox(path))
    assert len(got) == 2
    assert "From now on we will write weekly." in got[0].body


def test_a_gzipped_mbox_is_read_like_a_plain_one(tmp_path: Path) -> None:
    plain = _write_mbox(tmp_path / "a.mbox", [_message(i) for i in range(3)])
    packed = tmp_path / "a.mbox.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert detect_mailbox(packed) is MailboxKind.MBOX
    assert [m.subject for m in read_mailbox(packed)] == [m.subject for m in read_mailbox(plain)]


def test_an_oversized_message_keeps_its_beginning_and_the_next_message_still_arrives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_MESSAGE_BYTES", 2000)
    monkeypatch.setattr(readers, "CHUNK_BYTES", 512)
    big = _message(1)
    big.add_attachment(b"\x00" * 50_000, maintype="application", subtype="octet-stream")
    path = _write_mbox(tmp_path / "big.mbox", [big, _message(2)])
    got = list(read_mailbox(path))
    assert [m.message_id for m in got] == ["<msg-1@example.com>", "<msg-2@example.com>"]
    assert "Truncated" in got[0].defects
    assert got[0].body.startswith("Thank you for applying")


def test_a_folder_of_eml_files_is_read_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.eml").write_bytes(_message(2).as_bytes())
    (folder / "a.EML").write_bytes(_message(1).as_bytes())
    (folder / "sub" / "c.eml").write_bytes(_message(3).as_bytes())
    (folder / "notes.txt").write_text("not mail")
    assert detect_mailbox(folder) is MailboxKind.EML_FOLDER
    assert [m.message_id for m in read_mailbox(folder)] == [
        "<msg-1@example.com>",
        "<msg-2@example.com>",
        "<msg-3@example.com>",
    ]


def test_a_maildir_is_read_from_cur_and_new(tmp_path: Path) -> None:
    box = mailbox.Maildir(str(tmp_path / "Mail"))
    for i in range(4):
        box.add(_message(i))
    box.close()
    assert detect_mailbox(tmp_path / "Mail") is MailboxKind.MAILDIR
    assert sorted(m.message_id for m in read_mailbox(tmp_path / "Mail")) == [
        f"<msg-{i}@example.com>" for i in range(4)
    ]


def test_a_single_eml_file_is_a_mailbox_of_one(tmp_path: Path) -> None:
    path = tmp_path / "one.eml"
    path.write_bytes(_message(7).as_bytes())
    assert detect_mailbox(path) is MailboxKind.EML_FILE
    assert [m.message_id for m in read_mailbox(path)] == ["<msg-7@example.com>"]


def test_an_empty_mbox_has_no_messages(tmp_path: Path) -> None:
    path = tmp_path / "empty.mbox"
    path.write_bytes(b"")
    assert list(read_mailbox(path)) == []


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        (lambda p: None, "Nothing found at"),
        (lambda p: p.mkdir(), "not a Maildir"),
        (lambda p: p.write_bytes(b"PK\x03\x04 zipped"), "damaged zip archive"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\nbinary"), "does not look like email"),
    ],
)
def test_a_path_that_is_not_a_mailbox_says_what_nextyes_can_read(
    tmp_path: Path, setup: object, words: str
) -> None:
    target = tmp_path / "input"
    setup(target)  # type: ignore[operator]
    with pytest.raises(MailboxError, match=words) as caught:
        list(read_mailbox(target))
    assert "mbox" in str(caught.value)


def test_a_message_without_message_id_gets_a_stable_content_hash(tmp_path: Path) -> None:
    path = _write_mbox(tmp_path / "noid.mbox", [_message(1, message_id=False)])
    first = next(read_mailbox(path))
    again = next(read_mailbox(path))
    assert first.message_id.startswith("sha256:")
    assert first.message_id == again.message_id
    assert not first.has_own_id


def test_stats_count_what_was_read(tmp_path: Path) -> None:
    path = _write_mbox(tmp_path / "x.mbox", [_message(i) for i in range(5)])
    stats = ReadStats()
    assert len(list(read_mailbox(path, stats))) == 5
    assert stats.read == 5
    assert stats.unreadable == 0


def test_a_zip_of_eml_files_and_mboxes_is_read_inside_the_archive(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "mail.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("b/second.eml", b"From: b@example.org\r\nSubject: two\r\n\r\nhello")
        packed.writestr("a/first.eml", b"From: a@example.org\r\nSubject: one\r\n\r\nhello")
        packed.writestr("notes.txt", b"not mail")
        packed.writestr(
            "Takeout/all.mbox", b"From x\nSubject: three\n\nbody\nFrom y\nSubject: four\n\nbody\n"
        )
    assert detect_mailbox(archive) is MailboxKind.ZIP
    raws = list(iter_raw_messages(archive))
    subjects = [raw.data.split(b"Subject: ")[1].split(b"\n")[0].strip() for raw in raws]
    assert subjects == [b"three", b"four", b"one", b"two"]  # by name in the archive
    positions = [raw.position for raw in raws]
    assert positions == sorted(positions) and len(set(positions)) == 4


def test_a_zip_without_mail_says_what_nextyes_can_read(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("cat.jpg", b"\xff\xd8")
    with pytest.raises(MailboxError, match=r"without \.eml or \.mbox files"):
        detect_mailbox(archive)
