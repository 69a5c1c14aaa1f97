"""Reminders by email (team mode, when the server has SMTP): off unless a person turns them on.

Two kinds: the day before an interview, a note to prepare; and once a week, a short look back
at the week before (wins, goals met) and at the interviews ahead. Each mail carries a link that
turns reminders off in one step. `nextyes admin send-reminders`, run daily by a timer, sends
what is due; a reminder is noted as sent in the same transaction, so a second run, or a second
server, never sends it twice, and a mail the relay refused is tried again next time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from nextyes.server_settings import ServerSettings
from nextyes.services.accounts.secrets import new_secret
from nextyes.storage.uow import UnitOfWork

PATH = "/unsubscribe/"


@dataclass(frozen=True, slots=True)
class Reminder:
    key: str
    subject: str
    body: str


def _words() -> dict[str, dict[str, str]]:
    from nextyes import content

    found: dict[str, dict[str, str]] = content.load("accounts/mail")
    return found


def set_reminders(uow: UnitOfWork, user_id: int, on: bool) -> None:
    with uow:
        uow.reminders.set(user_id, on, new_secret(24))
        uow.commit()


def reminders_on(uow: UnitOfWork, user_id: int) -> bool:
    with uow:
        return uow.reminders.is_on(user_id)


def unsubscribe(uow: UnitOfWork, token: str) -> bool:
    if not 0 < len(token) <= 64:
        return False
    with uow:
        done = uow.reminders.unsubscribe(token) > 0
        uow.commit()
    return done


def due_reminders(uow: UnitOfWork, now: datetime) -> list[Reminder]:
    """What one person's journal has to remind them of today (before checking what was sent)."""
    from nextyes import content
    from nextyes.domain.goals import week_start
    from nextyes.services.momentum.week import week_momentum

    words = _words()
    today = now.date()
    tomorrow = today + timedelta(days=1)
    found: list[Reminder] = []
    with uow:
        ahead = uow.interviews.between(today, today + timedelta(days=7))
        companies = {i.application_id: uow.applications.get(i.application_id) for i in ahead}
    for interview in ahead:
        if interview.scheduled_on != tomorrow:
            continue
        application = companies[interview.application_id]
        if application is None:
            continue
        at = interview.scheduled_time.strftime(" at %H:%M") if interview.scheduled_time else ""
        found.append(
            Reminder(
                key=f"interview:{interview.id}:{interview.scheduled_on.isoformat()}",
                subject=content.fill(words["interview"]["subject"], company=application.company),
                body=content.fill(
                    words["interview"]["body"],
                    company=application.company,
                    role=application.role,
                    at=at,
                ),
            )
        )
    last_monday = week_start(today) - timedelta(days=7)
    week = week_momentum(uow, last_monday, now)
    met = [metric.value for metric, result in week.goals if result.met]
    upcoming = [
        f"- {i.scheduled_on:%A %d %B}: {companies[i.application_id].company}"  # type: ignore[union-attr]
        for i in ahead
        if companies.get(i.application_id) is not None
    ]
    iso = last_monday.isocalendar()
    found.append(
        Reminder(
            key=f"week:{iso.year}-W{iso.week:02d}",
            subject=words["week"]["subject"],
            body=content.fill(
                words["week"]["body"],
                wins=len(week.wins),
                goals=", ".join(met) if met else "none this time, and that is all right",
                ahead="\n".join(upcoming) if upcoming else "- nothing booked yet",
            ),
        )
    )
    return found


def send_reminders(
    accounts: UnitOfWork,
    journal_for: Callable[[int], UnitOfWork],
    server: ServerSettings,
    now: datetime,
) -> int:
    """Send every reminder due to everyone who asked for them; returns how many were sent.

    `journal_for(user_id)` gives a unit of work scoped to that person's journal.
    """
    from nextyes import content
    from nextyes.mail.sending import send_mail

    if server.smtp is None:
        return 0
    footer = _words()["footer"]["body"]
    with accounts:
        people = accounts.reminders.subscribers()
    sent = 0
    for person in people:
        uow = journal_for(person.user_id)
        for reminder in due_reminders(uow, now):
            link = server.public_url.rstrip("/") + PATH + person.token
            body = reminder.body.rstrip() + "\n\n" + content.fill(footer, link=link)
            with accounts:
                if not accounts.reminders.claim(person.user_id, reminder.key, now):
                    continue
                send_mail(server.smtp, person.email, reminder.subject, body)
                accounts.commit()
            sent += 1
    return sent
