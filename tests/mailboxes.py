"""Write small mailboxes for tests: one message per (sender, subject, body, date) tuple."""

from __future__ import annotations

import email.message
import mailbox
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Mail:
    sender: str
    subject: str
    body: str
    date: str = "Mon, 02 Nov 2026 09:00:00 +0000"
    message_id: str | None = None


def write_mbox(path: Path, mails: list[Mail], *, start: int = 0) -> Path:
    box = mailbox.mbox(str(path))
    for i, mail in enumerate(mails, start=start):
        msg = email.message.EmailMessage()
        msg["From"] = mail.sender
        msg["To"] = "Sam <sam@example.org>"
        msg["Subject"] = mail.subject
        msg["Date"] = mail.date
        msg["Message-ID"] = mail.message_id or f"<test-{i}@example.com>"
        msg.set_content(mail.body)
        box.add(msg)
    box.flush()
    box.close()
    return path


CONFIRMATION = Mail(
    "Lumen Analytics <no-reply@us.greenhouse-mail.io>",
    "Thank you for applying to Lumen Analytics",
    "Hi Sam, thanks for applying for the Product Manager role at Lumen Analytics. We have "
    "received your application and our team will review it over the next two weeks.",
    "Tue, 03 Nov 2026 09:00:00 +0000",
)
INVITATION = Mail(
    "Lumen Analytics <no-reply@us.greenhouse-mail.io>",
    "Interview invitation",
    "Hi Sam, we'd like to invite you to interview for the Product Manager role at Lumen "
    "Analytics. Would Thursday, 12 November at 2:30 pm work for a video call?",
    "Thu, 05 Nov 2026 09:00:00 +0000",
)
REJECTION = Mail(
    "Acme Robotics Careers <careers@acmerobotics.com>",
    "Your application for Data Analyst at Acme Robotics",
    "Dear Sam, thank you for applying. After careful review we have decided not to move "
    "forward with your application, as we were looking for someone with more experience in "
    "forecasting. We wish you every success.",
    "Fri, 06 Nov 2026 09:00:00 +0000",
)
UNKNOWN_REJECTION = Mail(
    "Hiring Team <hiring.team.uk@gmail.com>",
    "Update on your application",
    "Thank you for your interest. Unfortunately we have decided to move forward with other "
    "candidates whose experience more closely matches the role.",
    "Sat, 07 Nov 2026 09:00:00 +0000",
)
NEWSLETTER = Mail(
    "Deals <offers@shop.example>",
    "Exclusive offer just for you",
    "Don't miss our exclusive offer: 20% off everything until midnight. Unsubscribe here.",
    "Sat, 07 Nov 2026 10:00:00 +0000",
)
