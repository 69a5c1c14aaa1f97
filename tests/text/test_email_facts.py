"""Reading company, role, interview times and rejection details out of job email."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.mail_labels import MailLabel
from nextyes.text.email_dates import interview_times
from nextyes.text.email_extract import extract_company, extract_role
from nextyes.text.email_facts import extract_facts
from nextyes.text.rejection_facts import ReachedStage, reached_stage, reason_phrases

SENT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday


@pytest.mark.parametrize(
    ("name", "domain", "subject", "body", "company"),
    [
        ("jobs@greenhouse-mail.io on behalf of Acme", "greenhouse-mail.io", "", "", "Acme"),
        ("Sam Lee from Brightwell Health", "hire.lever.co", "", "", "Brightwell Health"),
        ("Northwind Logistics Careers", "northwind.com", "", "", "Northwind Logistics"),
        ("Tessellate Recruiting Team", "tessellate.dev", "", "", "Tessellate"),
        ("Workday", "myworkday.com", "Your application to Lumen Analytics", "", "Lumen Analytics"),
        ("Jo", "gmail.com", "Hello", "Thanks for your interest in Pixelforge. We", "Pixelforge"),
        ("", "mail.cedar-stone.co.uk", "", "", "Cedar Stone"),
        ("", "", "", "Kind regards,\nThe Harbourview Bank Talent Team", "Harbourview Bank"),
        ("Sam Lee", "hire.lever.co", "Chat", "Thanks!\nSam Lee\nRecruiter at Zephyr", "Zephyr"),
        ("Ember Labs", "ashbyhq.com", "Next steps at Ember Labs", "Hi", "Ember Labs"),
    ],
)
def test_the_hiring_company_is_found_from_sender_subject_body_or_domain(
    name: str, domain: str, subject: str, body: str, company: str
) -> None:
    assert extract_company(name, domain, subject, body).name == company


def test_an_ats_sender_keeps_no_domain_for_the_company() -> None:
    found = extract_company("Acme Careers", "myworkday.com", "", "")
    assert found.via_ats
    assert found.domain is None


@pytest.mark.parametrize(
    ("subject", "body", "role"),
    [
        ("Your application for Data Analyst at Acme", "", "Data Analyst"),
        (
            "Update",
            "Thank you for applying for the Senior Backend Engineer role at Acme.",
            "Senior Backend Engineer",
        ),
        ("Update", "We'd like to offer you the position of Store Manager.", "Store Manager"),
        ("Acme - Product Designer", "", "Product Designer"),
        ("Hello", "Just saying hi.", None),
    ],
)  # fmt: skip
def test_the_role_title_is_read_from_subject_or_body(
    subject: str, body: str, role: str | None
) -> None:
    assert extract_role(subject, body) == role


def test_interview_dates_and_times_are_read_relative_to_the_message_date() -> None:
    text = "Could we meet on Thursday at 2:30 pm? Otherwise 10 November, 10:00 works too."
    assert interview_times(text, SENT) == [
        datetime(2026, 11, 5, 14, 30, tzinfo=UTC),
        datetime(2026, 11, 10, 10, 0, tzinfo=UTC),
    ]


def test_tomorrow_and_dates_early_next_year_are_placed_correctly() -> None:
    late = datetime(2026, 12, 30, 9, 0, tzinfo=UTC)
    assert interview_times("See you tomorrow at 9am.", late) == [
        datetime(2026, 12, 31, 9, 0, tzinfo=UTC)
    ]
    assert interview_times("Your interview: January 4th at 11:15 AM", late) == [
        datetime(2027, 1, 4, 11, 15, tzinfo=UTC)
    ]


def test_a_weekday_written_with_its_date_counts_once() -> None:
    assert interview_times("Tuesday, 10 November at 15:30", SENT) == [
        datetime(2026, 11, 10, 15, 30, tzinfo=UTC)
    ]


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("Thanks for applying. We won't be moving forward.", ReachedStage.APPLICATION),
        ("We won't be inviting you to interview for this role.", ReachedStage.APPLICATION),
        ("Thanks for the phone screen last week. Unfortunately...", ReachedStage.SCREEN),
        ("Thank you for interviewing with the team.", ReachedStage.INTERVIEW),
        ("Thank you for reaching the final round; we chose another finalist.", ReachedStage.FINAL),
    ],
)
def test_a_rejection_records_the_stage_it_reached(body: str, stage: ReachedStage) -> None:
    assert reached_stage("Update", body) is stage


def test_reason_phrases_are_the_sentences_that_explain_the_decision() -> None:
    body = (
        "Thank you for your time. We were looking for someone with more experience in "
        "payroll systems. Another candidate was a closer match for the team. Best of luck!"
    )
    assert reason_phrases(body) == [
        "We were looking for someone with more experience in payroll systems.",
        "Another candidate was a closer match for the team.",
    ]


def test_facts_depend_on_the_label() -> None:
    body = "Thank you for interviewing with Acme. We've decided to move on with another candidate."
    facts = extract_facts(MailLabel.REJECTION, subject="Your application", body=body, sent=SENT)
    assert facts.company.name == "Acme"
    assert facts.reached_stage is ReachedStage.INTERVIEW
    invite = extract_facts(
        MailLabel.INTERVIEW, subject="Interview", body="Friday at 3pm?", sent=SENT
    )
    assert invite.interview_times == [datetime(2026, 11, 6, 15, 0, tzinfo=UTC)]
    assert invite.reached_stage is None


@given(st.text(max_size=400))
def test_extraction_never_fails_on_any_text(text: str) -> None:
    facts = extract_facts(
        MailLabel.REJECTION, subject=text[:50], body=text, sender_name=text[:30], sent=SENT
    )
    assert facts.role is None or len(facts.role) <= 70
    interview_times(text, SENT)
