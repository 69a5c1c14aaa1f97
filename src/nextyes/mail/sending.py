"""Sending mail through the server's SMTP relay (team mode: invitations, resets, reminders)."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from nextyes.errors import NextyesError
from nextyes.server_settings import SmtpSettings


class MailNotSent(NextyesError):
    """The SMTP server could not be reached or refused the message."""


def send_mail(smtp: SmtpSettings, to: str, subject: str, body: str) -> None:
    import smtplib

    message = EmailMessage()
    message["From"] = smtp.sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="nextyes.invalid")
    message.set_content(body)
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=20) as client:
            if smtp.starttls:
                client.starttls()
            if smtp.username:
                client.login(smtp.username, smtp.password or "")
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailNotSent(
            f"The mail server {smtp.host}:{smtp.port} did not take the message ({type(exc).__name__}). "
            "Check the [smtp] settings; the link can also be printed with `nextyes admin`."
        ) from None
