"""Links by email, when the server has an SMTP relay: invitations and password resets.

The message carries the link and nothing else about the journal. A reset asked for an address
with no account sends nothing, and the page answers the same either way: the request only
queues a job (see `services/jobs/`), and a worker looks the address up and sends the mail.
"""

from __future__ import annotations

from datetime import datetime

from nextyes.domain.accounts import LinkPurpose, normalise_email
from nextyes.domain.errors import InvalidInput
from nextyes.server_settings import ServerSettings
from nextyes.services.accounts import throttle
from nextyes.services.accounts.links import LIFETIME, create_link, link_url
from nextyes.storage.uow import UnitOfWork


def _words(key: str) -> dict[str, str]:
    from nextyes import content

    found: dict[str, str] = content.load("accounts/mail")[key]
    return found


def send_link(server: ServerSettings, email: str, purpose: LinkPurpose, secret: str) -> None:
    from nextyes import content
    from nextyes.mail.sending import send_mail

    assert server.smtp is not None
    words = _words(purpose.value)
    hours = int(LIFETIME[purpose].total_seconds() // 3600)
    body = content.fill(
        words["body"], link=link_url(server.public_url, purpose, secret), hours=hours,
        days=hours // 24, server=server.public_url,
    )  # fmt: skip
    send_mail(server.smtp, email, words["subject"], body)


def mail_reset_link(
    uow: UnitOfWork, email_text: str, server: ServerSettings, now: datetime, address: str | None
) -> None:
    """Queue a reset link by mail; the job sends it if the address has an account.

    The request does the same work whether or not the address has an account (a throttle
    check and a queued job), so neither its answer nor its timing says which."""
    from nextyes.services.jobs.queue import Kind, enqueue

    try:
        email = normalise_email(email_text)
    except InvalidInput:
        return
    keys = throttle.keys("reset:" + email, address)
    rules = throttle.ThrottleRules(free_tries=1, account_lock_after=5)
    with uow:
        try:
            throttle.check(uow, keys, rules, now)
        except throttle.TooManyTries:
            return
        throttle.failed(uow, keys, rules, now)  # every request counts: a slow drip at most
        uow.commit()
    title = "A password link by mail"
    enqueue(uow, None, Kind.RESET_MAIL, title, {"email": email, "now": now.isoformat()}, now)


def send_reset_link(uow: UnitOfWork, email: str, server: ServerSettings, now: datetime) -> bool:
    """Mail a reset link if `email` has an account that may sign in; True when one was sent."""
    if server.smtp is None:
        return False
    with uow:
        found = uow.users.by_email(email)
    if found is None or found.account.disabled:
        return False
    secret = create_link(uow, found.account.id, LinkPurpose.RESET, now)
    send_link(server, email, LinkPurpose.RESET, secret)
    return True
