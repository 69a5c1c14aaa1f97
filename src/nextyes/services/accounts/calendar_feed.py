"""A secret calendar address per person: phones and calendar apps poll it for what is due.

The address holds a random secret (stored as its digest); anyone with it can read the feed, so
it can be replaced (the old address stops working at once) or turned off. The feed is the same
iCalendar file `nextyes calendar export` writes: interviews, follow-ups, cool-down ends and the
weekly review, with stable ids so calendars update events instead of copying them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from nextyes.services.accounts.secrets import digest, new_secret
from nextyes.storage.uow import UnitOfWork

PATH = "/calendar/"
NOTE_FETCH_EVERY = timedelta(hours=1)


def feed_url(public_url: str, secret: str) -> str:
    return f"{public_url.rstrip('/')}{PATH}{secret}.ics"


def new_feed(uow: UnitOfWork, user_id: int, now: datetime) -> str:
    """A new secret address (any earlier one stops working); returns the secret."""
    secret = new_secret()
    with uow:
        uow.calendar_feeds.replace(user_id, digest(secret), now)
        uow.commit()
    return secret


def stop_feed(uow: UnitOfWork, user_id: int) -> None:
    with uow:
        uow.calendar_feeds.remove(user_id)
        uow.commit()


def feed_since(uow: UnitOfWork, user_id: int) -> datetime | None:
    with uow:
        return uow.calendar_feeds.created(user_id)


def feed_owner(uow: UnitOfWork, secret: str, now: datetime) -> int | None:
    """Whose feed the secret opens (None: unknown, replaced, off, or the account is disabled)."""
    if not 0 < len(secret) <= 128:
        return None
    hashed = digest(secret)
    with uow:
        found = uow.calendar_feeds.owner(hashed)
        if found is None:
            return None
        owner_id, fetched = found
        if fetched is None or now - fetched >= NOTE_FETCH_EVERY:
            uow.calendar_feeds.fetched(hashed, now)
            uow.commit()
    return owner_id
