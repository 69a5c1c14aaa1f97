"""IMAP import against a real dovecot started by the tests on 127.0.0.1 (over TLS)."""

from __future__ import annotations

import imaplib
import os
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from nextyes.errors import MailboxError
from nextyes.mail.imap import ImapReader, ImapTarget, parse_imap_url, since_criterion
from nextyes.services.journal import Journal
from nextyes.services.mail.sources import import_imap
from tests.conftest import IN_CI, NOW, Cli
from tests.mailboxes import CONFIRMATION, INVITATION, NEWSLETTER, Mail

DOVECOT = Path("/usr/sbin/dovecot")
pytestmark = pytest.mark.imap

CONFIG = """
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
first_valid_uid = 1
ssl = required
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={user} gid={user} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  chroot =
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""


@dataclass
class Server:
    port: int
    cafile: str
    root: Path
    user: str = "sam"
    password: str = "correct horse"

    def target(self, folder: str = "INBOX") -> ImapTarget:
        return ImapTarget(self.user, "127.0.0.1", self.port, folder)

    def url(self, folder: str = "INBOX") -> str:
        return f"imap://{self.user}@127.0.0.1:{self.port}/{folder}"

    def append(self, mail: Mail, message_id: str, when: str | None = None) -> None:
        raw = (
            f"From: {mail.sender}\r\nSubject: {mail.subject}\r\nDate: {mail.date}\r\n"
            f"Message-ID: {message_id}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            f"{mail.body}\r\n"
        ).encode()
        context = ssl.create_default_context(cafile=self.cafile)
        with imaplib.IMAP4_SSL("127.0.0.1", self.port, ssl_context=context) as conn:
            conn.login(self.user, self.password)
            conn.append("INBOX", "", when, raw)

    def clear(self) -> None:
        context = ssl.create_default_context(cafile=self.cafile)
        with imaplib.IMAP4_SSL("127.0.0.1", self.port, ssl_context=context) as conn:
            conn.login(self.user, self.password)
            _, count = conn.select("INBOX")
            if count and count[0] and int(count[0]) > 0:
                conn.store("1:*", "+FLAGS", "\\Deleted")
                conn.expunge()


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"the IMAP tests need {reason} in CI")
    pytest.skip(f"the IMAP tests need {reason}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def dovecot() -> Iterator[Server]:
    if not DOVECOT.exists():
        _unavailable("dovecot (apt-get install dovecot-imapd)")
    if shutil.which("openssl") is None:
        _unavailable("openssl")
    if os.geteuid() != 0:
        _unavailable("root (dovecot switches to its own user)")
    root = Path(tempfile.mkdtemp(prefix="nextyes-imap-"))
    root.chmod(0o755)
    for folder in ("run", "state", "home"):
        (root / folder).mkdir()
    shutil.chown(root / "home", "dovecot", "dovecot")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem"),
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = Server(_free_port(), str(root / "cert.pem"), root)
    (root / "passwd").write_text(f"{server.user}:{{PLAIN}}{server.password}\n")
    config = root / "dovecot.conf"
    config.write_text(CONFIG.format(root=root, port=server.port, user="dovecot"))
    # dovecot forks into the background: its children must not hold our pipes open
    started = subprocess.run(
        [str(DOVECOT), "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    if started.returncode != 0:
        log = root / "dovecot.log"
        pytest.fail(f"dovecot did not start: {log.read_text() if log.exists() else ''}")
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield server
    finally:
        pid_file = root / "run" / "master.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().split()[0])
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 15
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.1)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def server(dovecot: Server) -> Server:
    dovecot.clear()
    return dovecot


def _import(journal: Journal, server: Server, **options: object) -> object:
    return import_imap(
        journal.uow(),
        server.target(),
        server.password,
        NOW,
        cafile=server.cafile,
        **options,  # type: ignore[arg-type]
    )


def test_an_imap_folder_is_imported_and_later_runs_read_only_new_mail(
    journal: Journal, server: Server
) -> None:
    server.append(CONFIRMATION, "<imap-1@x>")
    server.append(NEWSLETTER, "<imap-2@x>")
    first = _import(journal, server)
    assert (first.read, first.created, first.skipped) == (2, 1, 1)  # type: ignore[attr-defined]
    again = _import(journal, server)
    assert again.read == 0  # type: ignore[attr-defined]
    server.append(INVITATION, "<imap-3@x>")
    third = _import(journal, server)
    assert (third.read, third.stage_changes) == (1, 1)  # type: ignore[attr-defined]


def test_a_renumbered_folder_is_read_again_without_importing_twice(
    journal: Journal, server: Server
) -> None:
    server.append(CONFIRMATION, "<imap-10@x>")
    _import(journal, server)
    with journal.uow() as uow:
        _, last = uow.mail_sources.position(server.target().source_key)
        uow.mail_sources.save(server.target().source_key, 12345, last or 0, NOW)
        uow.commit()
    again = _import(journal, server)
    assert (again.read, again.already_imported, again.created) == (1, 1, 0)  # type: ignore[attr-defined]


def test_since_reads_only_mail_from_that_day_on(journal: Journal, server: Server) -> None:
    server.append(CONFIRMATION, "<old@x>", when='"01-Mar-2026 10:00:00 +0000"')
    server.append(INVITATION, "<new@x>", when='"05-Nov-2026 10:00:00 +0000"')
    summary = _import(journal, server, since=date(2026, 11, 1))
    assert summary.read == 1  # type: ignore[attr-defined]


def test_a_dry_run_leaves_the_position_where_it_was(journal: Journal, server: Server) -> None:
    server.append(CONFIRMATION, "<dry@x>")
    assert _import(journal, server, dry_run=True).created == 1  # type: ignore[attr-defined]
    assert _import(journal, server).created == 1  # type: ignore[attr-defined]


def test_a_wrong_password_says_what_to_check(server: Server) -> None:
    with (
        pytest.raises(MailboxError, match="refused the login for sam"),
        ImapReader(server.target(), "wrong", cafile=server.cafile),
    ):
        pass


def test_an_untrusted_certificate_is_refused(server: Server) -> None:
    with (
        pytest.raises(MailboxError, match="trusted TLS"),
        ImapReader(server.target(), server.password),
    ):
        pass


def test_a_missing_folder_is_named(server: Server) -> None:
    with (
        pytest.raises(MailboxError, match="no folder 'Jobs'"),
        ImapReader(server.target("Jobs"), server.password, cafile=server.cafile),
    ):
        pass


def test_a_closed_port_is_reported() -> None:
    target = ImapTarget("sam", "127.0.0.1", _free_port(), "INBOX")
    with pytest.raises(MailboxError, match="Could not reach"), ImapReader(target, "x", timeout=3):
        pass


def test_the_command_imports_with_the_password_from_the_environment(
    run: Cli, server: Server
) -> None:
    server.append(CONFIRMATION, "<cli-1@x>")
    env = {"NEXTYES_IMAP_PASSWORD": server.password, "NEXTYES_IMAP_CAFILE": server.cafile}
    result = run("mail", "import", server.url(), env=env)
    assert result.exit_code == 0, result.output
    assert "New applications from confirmation emails: 1" in result.output
    wrong = run("mail", "import", server.url(), env={**env, "NEXTYES_IMAP_PASSWORD": "nope"})
    assert wrong.exit_code == 2
    assert "refused the login" in wrong.output


def test_without_a_password_or_a_terminal_the_command_says_how_to_give_one(run: Cli) -> None:
    result = run(
        "mail", "import", "imap://sam@127.0.0.1/INBOX", env={"NEXTYES_IMAP_PASSWORD": None}
    )  # type: ignore[dict-item]
    assert result.exit_code == 2
    assert "NEXTYES_IMAP_PASSWORD" in result.output


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("imap://sam@mail.example.org/INBOX", ("sam", "mail.example.org", 993, "INBOX", False)),
        ("imaps://sam%40work.org@mail.example.org:1993/Jobs%20Search",
         ("sam@work.org", "mail.example.org", 1993, "Jobs Search", False)),
        ("imap://sam@mail.example.org?starttls", ("sam", "mail.example.org", 143, "INBOX", True)),
    ],
)  # fmt: skip
def test_imap_addresses_are_read(url: str, expected: tuple[object, ...]) -> None:
    target = parse_imap_url(url)
    assert (target.user, target.host, target.port, target.folder, target.starttls) == expected


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("imap://mail.example.org/INBOX", "no user name"),
        ("imap://sam:secret@mail.example.org/INBOX", "Leave the password out"),
        ("imap://sam@mail.example.org:port/INBOX", "not a number"),
        ("pop3://sam@mail.example.org", "not an IMAP address"),
    ],
)
def test_bad_imap_addresses_say_how_to_write_one(url: str, words: str) -> None:
    with pytest.raises(MailboxError, match=words):
        parse_imap_url(url)


def test_since_is_written_the_way_imap_wants_it() -> None:
    assert since_criterion(date(2026, 3, 7)) == "SINCE 07-Mar-2026"
