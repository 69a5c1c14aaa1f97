"""The quick MIME reader agrees with the standard library, and hands over what it cannot read."""

from __future__ import annotations

import email.message
import email.policy
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextyes.mail import fastmime
from nextyes.mail.decode import parse_message

BODIES = [
    "Dear Sam,\n\nThank you for applying. We'd like to invite you to interview.\n\nBest,\nAna",
    "Estimado/a: lamentamos comunicarte que tu candidatura no ha sido seleccionada. Señales, ñ.",
    "Vielen Dank für Ihre Bewerbung. Leider müssen wir Ihnen absagen. Grüße aus München",
    "A line that starts a paragraph\nFrom the team at Acme, with = signs and =3D literal text.",
]


def _build(body: str, shape: str, charset: str, attach: bool) -> bytes:
    msg = email.message.EmailMessage(policy=email.policy.SMTP)
    msg["From"] = "Recruiting Team <jobs@acme.example>"
    msg["Subject"] = "Your application for Data Analyst – Acme"
    msg["Date"] = "Tue, 03 Nov 2026 09:30:00 +0100"
    msg["Message-ID"] = "<fast-1@acme.example>"
    html = (
        "<html><body>" + "".join(f"<p>{line}</p>" for line in body.split("\n")) + "</body></html>"
    )
    if shape == "html":
        msg.set_content(html, subtype="html", charset=charset)
    elif shape == "qp":
        msg.set_content(body, charset=charset, cte="quoted-printable")
    elif shape == "base64":
        msg.set_content(body, charset=charset, cte="base64")
    else:
        msg.set_content(body, charset=charset)
        msg.add_alternative(html, subtype="html", charset=charset)
    if attach:
        msg.add_attachment(
            b"%PDF-1.4 bytes", maintype="application", subtype="pdf", filename="a.pdf"
        )
    return msg.as_bytes()


@pytest.mark.parametrize(
    ("body", "shape", "charset", "attach"),
    list(
        product(
            BODIES, ["alternative", "html", "qp", "base64"], ["utf-8", "iso-8859-1"], [False, True]
        )
    ),
)
def test_the_quick_reader_reads_what_the_standard_library_reads(
    body: str, shape: str, charset: str, attach: bool
) -> None:
    try:
        body.encode(charset)
    except UnicodeEncodeError:
        charset = "utf-8"
    raw = _build(body, shape, charset, attach)
    fastmime.fast_parse(raw, 1_000_000)  # handled by the quick reader, not handed over
    quick, full = parse_message(raw), parse_message(raw, fast=False)
    assert (quick.message_id, quick.date, quick.subject, quick.body) == (
        full.message_id, full.date, full.subject, full.body,
    )  # fmt: skip


def test_crlf_messages_and_nested_multiparts_are_read() -> None:
    raw = (
        b'From: a@b.c\r\nSubject: nested\r\nContent-Type: multipart/mixed; boundary="out"\r\n\r\n'
        b"preamble\r\n--out\r\nContent-Type: multipart/alternative; boundary=in\r\n\r\n"
        b"--in\r\nContent-Type: text/plain\r\n\r\ninner words\r\n--in--\r\n"
        b"--out\r\nContent-Type: text/plain; name=x.txt\r\nContent-Disposition: attachment\r\n\r\n"
        b"attached\r\n--out--\r\nepilogue\r\n"
    )
    assert parse_message(raw).body == "inner words"


def test_a_boundary_that_prefixes_a_body_line_does_not_split_it() -> None:
    raw = (
        b'Content-Type: multipart/mixed; boundary="b"\nFrom: a@b.c\n\n--b\n'
        b"Content-Type: text/plain\n\n--bonus line stays\n--b--\n"
    )
    assert parse_message(raw).body == "--bonus line stays"


@pytest.mark.parametrize(
    "raw",
    [
        b"just words, no headers",
        b"Content-Type: multipart/mixed\nFrom: x\n\nno boundary given",
        b"Content-Type: text/plain; title*=utf-8''x\n\nrfc 2231",
        b" leading continuation\nFrom: x\n\nbody",
    ],
)
def test_unusual_messages_are_handed_to_the_standard_library(raw: bytes) -> None:
    with pytest.raises(fastmime.Unsupported):
        fastmime.fast_parse(raw, 1_000_000)
    assert parse_message(raw).message_id


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_the_quick_reader_only_ever_gives_up_politely(raw: bytes) -> None:
    try:
        fastmime.fast_parse(raw, 1_000_000)
    except fastmime.Unsupported:
        pass
