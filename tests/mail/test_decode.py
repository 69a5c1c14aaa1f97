"""Decoding messages as they really arrive: odd charsets, broken MIME, HTML-only bodies."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nextyes.mail.decode import decode_header_value, parse_message
from nextyes.mail.html_text import html_to_text


def _raw(headers: str, body: bytes) -> bytes:
    return headers.replace("\n", "\r\n").encode("ascii") + b"\r\n" + body


def test_encoded_words_in_subject_and_sender_are_decoded() -> None:
    raw = _raw(
        "From: =?utf-8?q?Equipo_de_Selecci=C3=B3n?= <empleo@empresa.es>\n"
        "Subject: =?iso-8859-1?q?Tu_candidatura_para_Dise=F1ador?=\n",
        b"Hola\n",
    )
    msg = parse_message(raw)
    assert msg.sender_name == "Equipo de Selección"
    assert msg.subject == "Tu candidatura para Diseñador"


def test_raw_utf8_bytes_in_a_header_are_read_as_text() -> None:
    raw = "Subject: Bewerbung für München\r\nFrom: a@b.de\r\n\r\nHallo\r\n".encode()
    assert parse_message(raw).subject == "Bewerbung für München"


def test_an_unknown_charset_falls_back_and_is_noted() -> None:
    raw = _raw(
        "From: x@y.com\nSubject: hi\nContent-Type: text/plain; charset=klingon-8\n",
        "Déjà vu\n".encode(),
    )
    msg = parse_message(raw)
    assert msg.body == "Déjà vu"
    assert "UnknownCharset:klingon-8" in msg.defects


def test_latin1_bytes_labelled_as_nothing_are_still_readable() -> None:
    raw = _raw("From: x@y.com\nSubject: hi\n", "Année réussie\n".encode("latin-1"))
    assert parse_message(raw).body == "Année réussie"


def test_an_html_only_body_becomes_plain_text_without_styles_or_scripts() -> None:
    html = (
        b"<html><head><style>p{color:red}</style></head><body><p>Dear Sam,</p>"
        b"<p>Thank you for&nbsp;applying to <b>Acme</b>.</p><script>track()</script>"
        b"<table><tr><td>Role</td><td>Analyst</td></tr></table></body></html>"
    )
    raw = _raw("From: x@y.com\nSubject: hi\nContent-Type: text/html; charset=utf-8\n", html)
    body = parse_message(raw).body
    assert "Dear Sam," in body
    assert "Thank you for applying to Acme." in body
    assert "color" not in body
    assert "track" not in body
    assert "Analyst" in body


def test_plain_text_is_preferred_over_html_in_an_alternative() -> None:
    raw = _raw(
        "From: x@y.com\nSubject: hi\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b"\n',
        b"--b\r\nContent-Type: text/plain\r\n\r\nplain words\r\n"
        b"--b\r\nContent-Type: text/html\r\n\r\n<p>html words</p>\r\n--b--\r\n",
    )
    assert parse_message(raw).body == "plain words"


def test_attachments_are_skipped_even_when_they_claim_to_be_text() -> None:
    raw = _raw(
        'From: x@y.com\nSubject: hi\nContent-Type: multipart/mixed; boundary="b"\n',
        b"--b\r\nContent-Type: text/plain\r\n\r\nthe letter\r\n"
        b"--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=cv.txt\r\n"
        b"\r\nmy whole cv\r\n"
        b"--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"JVBERi0xLjQK\r\n--b--\r\n",
    )
    assert parse_message(raw).body == "the letter"


def test_truncated_multipart_is_read_as_far_as_it_goes() -> None:
    raw = _raw(
        'From: x@y.com\nSubject: cut\nContent-Type: multipart/mixed; boundary="b"\n',
        b"--b\r\nContent-Type: text/plain\r\n\r\nwe would like to invite you",
    )
    msg = parse_message(raw)
    assert msg.body == "we would like to invite you"
    assert msg.defects


def test_a_quoted_printable_body_is_decoded() -> None:
    raw = _raw(
        "From: x@y.com\nSubject: q\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n",
        b"Caf=C3=A9 at ten, see you th=\r\nere.\r\n",
    )
    assert parse_message(raw).body == "Café at ten, see you there."


def test_an_unreadable_date_is_none_and_noted() -> None:
    msg = parse_message(_raw("From: x@y.com\nDate: the day after tomorrow\n", b"hi"))
    assert msg.date is None
    assert "UnreadableDate" in msg.defects


def test_a_message_with_no_headers_at_all_still_decodes() -> None:
    msg = parse_message(b"just some words\n")
    assert msg.message_id.startswith("sha256:")
    assert msg.sender_domain == ""


def test_header_values_are_folded_onto_one_line() -> None:
    assert (
        decode_header_value("Your application\r\n  for Analyst") == "Your application for Analyst"
    )
    assert decode_header_value(None) == ""


def test_broken_html_still_gives_its_text() -> None:
    assert html_to_text("<div><p>Hello <b>there</div> <td>friend") == "Hello there\n\nfriend"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_decode_without_raising(raw: bytes) -> None:
    msg = parse_message(raw)
    assert msg.message_id


_header_names = st.sampled_from(
    ["From", "Subject", "Date", "Message-ID", "Content-Type", "Content-Transfer-Encoding"]
)
_header_values = st.one_of(
    st.text(max_size=80).map(lambda s: s.replace("\r", " ").replace("\n", " ")),
    st.sampled_from(
        [
            "multipart/mixed; boundary=",
            'multipart/alternative; boundary="x"',
            "text/html; charset=unknown-8bit",
            "text/plain; charset=utf-7",
            "base64",
            "quoted-printable",
            "=?utf-8?b?invalid?=",
            "=?bogus?q?x?=",
            "<>",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_header_names, _header_values), max_size=8),
    st.binary(max_size=500),
)
def test_malformed_mime_decodes_without_raising(
    headers: list[tuple[str, str]], body: bytes
) -> None:
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    raw = head.encode("utf-8", "surrogateescape") + b"\r\n--x\r\n" + body
    msg = parse_message(raw)
    assert isinstance(msg.body, str)
    assert isinstance(msg.subject, str)


_names = st.text(alphabet=st.characters(blacklist_characters='<>",@\r\n'), max_size=20)
_locals = st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,15}", fullmatch=True)
_domains = st.from_regex(r"[a-z0-9]{1,10}(\.[a-z]{2,5}){1,2}", fullmatch=True)


@given(_names, _locals, _domains)
def test_the_quick_address_split_agrees_with_the_standard_library(
    name: str, local: str, domain: str
) -> None:
    import email.utils

    from nextyes.mail.decode import split_address

    for header in (f"{name} <{local}@{domain}>", f"{local}@{domain}"):
        assert split_address(header) == email.utils.parseaddr(header)
