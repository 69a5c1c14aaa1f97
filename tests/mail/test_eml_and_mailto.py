from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.mail.drafts import build_eml, check_address, mailto_url

BODY = "Hi Zoë,\n\nThank you for letting me know.\n\nBest wishes,\nSam"


def _parse(data: bytes) -> EmailMessage:
    parsed = message_from_bytes(data, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_an_eml_draft_is_marked_unsent_and_reads_back_exactly() -> None:
    data = build_eml(
        subject="Thank you – Data Analyst",
        body=BODY,
        to="zoe@example.com",
        to_name="Zoë Martín",
        sender="sam@example.org",
        date=datetime(2026, 11, 4, 9, 30, tzinfo=UTC),
    )
    parsed = _parse(data)
    assert parsed["X-Unsent"] == "1"
    assert parsed["Subject"] == "Thank you – Data Analyst"
    assert parsed["To"].addresses[0].addr_spec == "zoe@example.com"
    assert parsed["To"].addresses[0].display_name == "Zoë Martín"
    assert parsed["From"].addresses[0].addr_spec == "sam@example.org"
    assert parsed["Date"].datetime == datetime(2026, 11, 4, 9, 30, tzinfo=UTC)
    assert parsed.get_content_type() == "text/plain"
    assert parsed.get_content().replace("\r\n", "\n").rstrip("\n") == BODY


def test_an_eml_draft_uses_crlf_line_endings_and_ascii_headers() -> None:
    data = build_eml(subject="Merci beaucoup, Zoë", body=BODY)
    header_block, _, _ = data.partition(b"\r\n\r\n")
    assert b"\n" not in header_block.replace(b"\r\n", b"")
    header_block.decode("ascii")
    assert b"\r\n" in data


def test_an_eml_draft_without_a_recipient_leaves_it_for_the_mail_app() -> None:
    parsed = _parse(build_eml(subject="Thanks", body="Thanks."))
    assert parsed["To"] is None
    assert parsed["X-Unsent"] == "1"


def test_a_subject_cannot_smuggle_in_another_header() -> None:
    parsed = _parse(build_eml(subject="Hi\r\nBcc: someone@example.com", body="x"))
    assert parsed["Bcc"] is None
    assert parsed["Subject"] == "Hi Bcc: someone@example.com"


@pytest.mark.parametrize(
    "address",
    ["", "priya", "priya@", "@example.com", "a b@example.com", "x@y", "a@b.com\r\nBcc: c"],
)
def test_an_address_that_is_not_one_says_what_to_write(address: str) -> None:
    with pytest.raises(ValueError, match=r"name@example\.com"):
        check_address(address)


def test_a_mailto_url_quotes_every_value() -> None:
    url = mailto_url(to="priya.shah+jobs@example.com", subject="Thanks & regards?", body=BODY)
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "priya.shah+jobs@example.com"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["subject"] == ["Thanks & regards?"]
    assert query["body"] == [BODY.replace("\n", "\r\n")]
    assert " " not in url
    assert "\n" not in url


def test_a_mailto_url_can_leave_the_recipient_out() -> None:
    assert mailto_url(subject="Thanks", body="Thank you.").startswith("mailto:?subject=Thanks&")


@given(st.text(), st.text())
def test_any_subject_and_body_survive_the_round_trip_through_a_mailto_url(
    subject: str, body: str
) -> None:
    query = parse_qs(urlsplit(mailto_url(subject=subject, body=body)).query, keep_blank_values=True)
    assert query["subject"] == [" ".join(subject.split())]
    expected = body.replace("\r\n", "\n").replace("\n", "\r\n")
    assert query["body"] == [expected]
