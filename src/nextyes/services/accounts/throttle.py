"""Sign-in throttling, kept in the database so every worker sees the same counts.

Two counters per attempt: one for the account (keyed by a digest of the address typed, whether
or not an account has it, so an unknown address is answered like a known one) and one for the
network address. After a few failures each further try must wait longer (1 s, 2 s, 4 s, ... up
to a minute); after many, signing in is paused for a while. A success clears the account's count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from nextyes.domain.errors import InvalidInput
from nextyes.services.accounts.secrets import digest
from nextyes.storage.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class ThrottleRules:
    free_tries: int = 3  # failures before any wait
    max_wait: timedelta = timedelta(seconds=60)
    account_lock_after: int = 10
    address_lock_after: int = 50
    lock_for: timedelta = timedelta(minutes=15)
    forget_after: timedelta = timedelta(hours=1)  # a quiet hour starts the count again


class TooManyTries(InvalidInput):
    """Signing in is paused for this account or address; `seconds` says for how long."""

    def __init__(self, message: str, seconds: int) -> None:
        super().__init__(message)
        self.seconds = seconds


def keys(email: str, address: str | None) -> list[str]:
    found = [f"account:{digest('account:' + email)[:64]}"]
    if address:
        found.append(f"address:{digest('address:' + address)[:64]}")
    return found


def check(uow: UnitOfWork, found: list[str], rules: ThrottleRules, now: datetime) -> None:
    """Refuse (TooManyTries) while any key is locked or still within its wait."""
    from nextyes import content

    said = content.load("accounts/messages")["refused"]
    for key in found:
        state = uow.throttle.get(key)
        if state is None or now - state.last_failure_at > rules.forget_after:
            continue
        if state.locked_until is not None and state.locked_until > now:
            left = (state.locked_until - now).total_seconds()
            minutes = math.ceil(left / 60)
            raise TooManyTries(content.fill(said["locked"], minutes=minutes), math.ceil(left))
        ready = state.last_failure_at + wait_after(state.failures, rules)
        if ready > now:
            seconds = math.ceil((ready - now).total_seconds())
            raise TooManyTries(content.fill(said["wait"], seconds=seconds), seconds)


def wait_after(failures: int, rules: ThrottleRules) -> timedelta:
    if failures < rules.free_tries:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (failures - rules.free_tries)), rules.max_wait)


def failed(uow: UnitOfWork, found: list[str], rules: ThrottleRules, now: datetime) -> None:
    for key in found:
        count = uow.throttle.failed(key, now, now - rules.forget_after)
        limit = rules.account_lock_after if key.startswith("account:") else rules.address_lock_after
        if count >= limit:
            uow.throttle.lock(key, now + rules.lock_for)


def succeeded(uow: UnitOfWork, found: list[str]) -> None:
    uow.throttle.clear(found[0])  # the account's count; the address keeps its own
