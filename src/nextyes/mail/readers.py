"""Read mailboxes as a stream of messages, in constant memory whatever their size.

Four sources are recognised: an mbox file (such as a Google Takeout export, optionally
gzip-compressed), a folder of `.eml` files, a Maildir (a folder with `cur` and `new`), and a
zip archive of `.eml` files or `.mbox` files (read inside the archive, never unpacked to disk).
A single `.eml` file is read as a mailbox of one.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, BinaryIO

from nextyes.errors import MailboxError, Words
from nextyes.mail.decode import parse_message
from nextyes.mail.message import MailMessage

MAX_MESSAGE_BYTES = 4 * 1024 * 1024
"""Bytes kept of one message. The rest (in practice, attachments) is read past, never held."""
CHUNK_BYTES = 1024 * 1024

_SEPARATOR = b"\nFrom "
_ESCAPED_FROM = re.compile(rb"(?m)^>(>*From )")
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")
_KINDS_HINT = (
    "nextyes reads an mbox file (such as a Google Takeout export), a folder of .eml files, "
    "a zip of .eml or .mbox files, or a Maildir folder (one with cur and new inside)."
)


class MailboxKind(StrEnum):
    MBOX = "mbox"
    EML_FOLDER = "eml-folder"
    MAILDIR = "maildir"
    EML_FILE = "eml-file"
    ZIP = "zip"


@dataclass(frozen=True, slots=True)
class RawMessage:
    """The bytes of one message as stored, and where it was found.

    `position` orders messages within their mailbox (a byte offset in an mbox, an index in a
    folder) so that an interrupted import can resume; `truncated` is set when the message was
    longer than MAX_MESSAGE_BYTES and only its beginning was kept.
    """

    data: bytes
    position: int
    truncated: bool = False
    location: str = ""


@dataclass(slots=True)
class ReadStats:
    """Counts kept while reading, for the import summary."""

    read: int = 0
    unreadable: int = 0


class _ForgivingGzip(io.RawIOBase):
    """A gzip stream that ends where its data ends: a file cut short (a download stopped, a
    disk filled) gives every whole message before the cut, and says where it stopped."""

    def __init__(self, path: Path, on_damage: Callable[[str], None] | None) -> None:
        self.inner = gzip.open(path, "rb")  # noqa: SIM115 - closed by close()
        self.on_damage = on_damage
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        try:  # read1: what one step decompresses, so a cut loses nothing before it
            data = self.inner.read1(size if size > 0 else CHUNK_BYTES)
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            if self.on_damage is not None:
                self.on_damage(f"{exc} after {self.read_bytes:,} bytes")
                self.on_damage = None
            return b""
        self.read_bytes += len(data)
        return data

    def close(self) -> None:
        self.inner.close()
        super().close()


def _open_binary(path: Path, on_damage: Callable[[str], None] | None = None) -> BinaryIO:
    handle: BinaryIO = path.open("rb")
    if handle.read(2) == b"\x1f\x8b":
        handle.close()
        return _ForgivingGzip(path, on_damage)  # type: ignore[return-value]
    handle.seek(0)
    return handle


# The same, for a file uploaded in the browser: its name on the server means nothing there
_UPLOADED = {
    "unreadable": Words("mail/web", "uploaded.unreadable"),
    "empty_zip": Words("mail/web", "uploaded.empty_zip"),
    "not_mail": Words("mail/web", "uploaded.not_mail"),
}


def detect_mailbox(path: Path) -> MailboxKind:
    """Which kind of mailbox `path` is; a MailboxError that says what to do otherwise."""
    if not path.exists():
        raise MailboxError(f"Nothing found at {path}. Check the path; {_KINDS_HINT}")
    if path.is_dir():
        if (path / "cur").is_dir() and (path / "new").is_dir():
            return MailboxKind.MAILDIR
        if any(_eml_files(path)):
            return MailboxKind.EML_FOLDER
        raise MailboxError(
            f"{path} is a folder without .eml files and is not a Maildir. {_KINDS_HINT}"
        )
    try:
        with path.open("rb") as probe:
            magic = probe.read(4)
        if magic[:2] == b"\x1f\x8b":
            with _ForgivingGzip(path, None) as unzipped:  # a file cut short still has a start
                magic = unzipped.read(4096)
        else:
            with path.open("rb") as probe:
                magic = probe.read(4096)
    except (OSError, EOFError) as exc:
        raise MailboxError(
            f"{path} could not be read ({exc}). {_KINDS_HINT}", web=_UPLOADED["unreadable"]
        ) from exc
    if magic.startswith(b"PK\x03\x04"):
        if not zip_members(path):
            raise MailboxError(
                f"{path} is a zip archive without .eml or .mbox files. {_KINDS_HINT}",
                web=_UPLOADED["empty_zip"],
            )
        return MailboxKind.ZIP
    if not magic or magic.startswith(b"From "):
        return MailboxKind.MBOX
    if _HEADER_LINE.match(magic.lstrip(b"\r\n")):
        return MailboxKind.EML_FILE
    raise MailboxError(f"{path} does not look like email. {_KINDS_HINT}", web=_UPLOADED["not_mail"])


def zip_members(path: Path) -> list[zipfile.ZipInfo]:
    """The mail in a zip archive: its .eml and .mbox files, in name order."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir() and info.filename.lower().endswith((".eml", ".mbox"))
            ]
    except (zipfile.BadZipFile, OSError) as exc:
        raise MailboxError(f"{path} is a damaged zip archive ({exc}). {_KINDS_HINT}") from exc
    return sorted(members, key=lambda info: info.filename)


def _iter_zip(path: Path) -> Iterator[RawMessage]:
    """Messages of the .eml and .mbox files in a zip archive, each read as it is unpacked.

    Positions count on across the archive: one per .eml file, the byte offset within each mbox
    after those before it."""
    members = zip_members(path)
    with zipfile.ZipFile(path) as archive:
        position = 0
        for info in members:
            try:
                with archive.open(info) as handle:
                    if info.filename.lower().endswith(".mbox"):
                        for raw in _iter_mbox_handle(handle, f"{path}:{info.filename}"):
                            yield RawMessage(raw.data, position + raw.position, raw.truncated,
                                             f"{path}:{info.filename}")  # fmt: skip
                        position += info.file_size + 1
                    else:
                        data = handle.read(MAX_MESSAGE_BYTES + 1)
                        yield RawMessage(data[:MAX_MESSAGE_BYTES], position,
                                         len(data) > MAX_MESSAGE_BYTES, f"{path}:{info.filename}")  # fmt: skip
                        position += 1
            except (zipfile.BadZipFile, OSError, EOFError):
                continue  # one damaged member must not stop the rest


def _eml_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(".eml"):
                yield Path(root) / name


def _maildir_files(folder: Path) -> Iterator[Path]:
    for sub in ("cur", "new"):
        with os.scandir(folder / sub) as entries:
            names = sorted(e.name for e in entries if e.is_file() and not e.name.startswith("."))
        for name in names:
            yield folder / sub / name


def _read_capped(path: Path, index: int) -> RawMessage:
    with path.open("rb") as handle:
        data = handle.read(MAX_MESSAGE_BYTES + 1)
    truncated = len(data) > MAX_MESSAGE_BYTES
    return RawMessage(data[:MAX_MESSAGE_BYTES], index, truncated, str(path))


class _Collector:
    """The current mbox message: at most MAX_MESSAGE_BYTES kept, the rest only counted."""

    __slots__ = ("parts", "size", "start")

    def __init__(self, start: int) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.start = start

    def add(self, piece: bytes) -> None:
        room = MAX_MESSAGE_BYTES - self.size
        if room > 0:
            self.parts.append(piece if len(piece) <= room else piece[:room])
        self.size += len(piece)

    def finish(self) -> RawMessage | None:
        data = b"".join(self.parts)
        _envelope, _newline, data = data.partition(b"\n")
        if not data.strip():
            return None
        if b">From " in data:
            data = _ESCAPED_FROM.sub(rb"\1", data)
        return RawMessage(data, self.start, self.size > MAX_MESSAGE_BYTES)


def iter_mbox(path: Path, on_damage: Callable[[str], None] | None = None) -> Iterator[RawMessage]:
    """Messages of an mbox file, split on lines that start with "From ", in constant memory.
    A gzipped one cut short ends at the cut; `on_damage` hears where."""
    with _open_binary(path, on_damage) as handle:
        yield from _iter_mbox_handle(handle, str(path))


def _iter_mbox_handle(handle: IO[bytes], path: str) -> Iterator[RawMessage]:
    """Messages of an open mbox stream (a file, or a member of a zip archive)."""
    buffer = b""
    offset = 0  # file offset of buffer[0]
    current: _Collector | None = None
    while True:
        chunk = handle.read(CHUNK_BYTES)
        buffer += chunk
        start = 0
        if current is None:
            if len(buffer) < 5 and chunk:
                continue
            if not buffer.startswith(b"From "):
                if buffer.strip():
                    raise MailboxError(f"{path} does not start like an mbox. {_KINDS_HINT}")
                return
            current = _Collector(offset)
        while (hit := buffer.find(_SEPARATOR, start)) >= 0:
            current.add(buffer[start : hit + 1])
            message = current.finish()
            if message is not None:
                yield message
            start = hit + 1
            current = _Collector(offset + start)
        if not chunk:
            current.add(buffer[start:])
            message = current.finish()
            if message is not None:
                yield message
            return
        keep = max(start, len(buffer) - len(_SEPARATOR) + 1)
        current.add(buffer[start:keep])
        buffer = buffer[keep:]
        offset += keep


def iter_raw_messages(
    path: Path, on_damage: Callable[[str], None] | None = None
) -> Iterator[RawMessage]:
    """The raw messages of any supported mailbox at `path`, in a stable order."""
    kind = detect_mailbox(path)
    if kind is MailboxKind.MBOX:
        yield from iter_mbox(path, on_damage)
    elif kind is MailboxKind.EML_FILE:
        yield _read_capped(path, 0)
    elif kind is MailboxKind.ZIP:
        yield from _iter_zip(path)
    else:
        files = _maildir_files(path) if kind is MailboxKind.MAILDIR else _eml_files(path)
        for index, file in enumerate(files):
            try:
                yield _read_capped(file, index)
            except OSError:
                continue


def read_mailbox(path: Path, stats: ReadStats | None = None) -> Iterator[MailMessage]:
    """Decoded messages of the mailbox at `path`.

    A message that cannot be decoded at all is skipped and counted in `stats.unreadable`;
    it never stops the rest of the mailbox from being read.
    """
    counts = stats if stats is not None else ReadStats()
    for raw in iter_raw_messages(path):
        try:
            message = parse_message(raw.data, truncated=raw.truncated)
        except Exception:  # one broken message must not stop the rest of an import
            counts.unreadable += 1
            continue
        counts.read += 1
        yield message
