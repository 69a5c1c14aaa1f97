"""The one policy for reading across owners: (viewer, owner, scope) -> a view, or not found.

Every read of someone else's journal goes through `read_client` (one client) or
`read_caseload` (all of a coach's clients). Both decide with `domain.coaching.may_read` on the
share as it is in the database at that moment (so a revoked share or a withdrawn scope stops
the very next request) and, in the same transaction as the read, write one line per client to
that client's audit log: who read, what, when. A read that fails writes nothing.

No route, template or other service decides who may see what: they call these functions, and
the functions hand the reader a unit of work scoped to the owner only after the decision.
Organisation admins never come through here with a member's id: they get aggregates from
`services.organisations.cohort`, which reads no one's rows for an edge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from nextyes.domain.accounts import SignedIn
from nextyes.domain.coaching import Scope, Share, may_read
from nextyes.domain.errors import NotFound
from nextyes.domain.organisations import Membership
from nextyes.storage.uow import UnitOfWork

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ClientAccess:
    """What the policy allowed: the owner's journal, and the scopes that may be read of it."""

    viewer_id: int
    owner_id: int
    owner_name: str
    scopes: frozenset[Scope]
    uow: UnitOfWork  # scoped to the owner; handed out only by this module
    preview: bool = False  # the owner looking at what their coach sees

    def has(self, scope: Scope) -> bool:
        return scope in self.scopes


def not_a_client(client_id: int) -> NotFound:
    from nextyes import content

    return NotFound(
        content.fill(content.load("coaching/messages")["refused"]["no_client"], id=client_id)
    )


def read_client(
    uow: UnitOfWork,
    viewer: SignedIn,
    owner_id: int,
    scope: Scope | None,
    what: str,
    now: datetime,
    read: Callable[[ClientAccess], T],
    *,
    item_id: int | None = None,
) -> T:
    """Run `read` on the owner's journal when the viewer may read `scope` of it, and log it.

    Without a live share holding the scope the answer is "not found", exactly as for an
    account that does not exist: a coach cannot learn whether someone has a journal.
    """
    owned = UnitOfWork(uow.db, owner_id)
    with owned:
        share = owned.coach_shares.active(owner_id, viewer.user_id)
        if viewer.user_id == owner_id or not may_read(share, viewer.user_id, owner_id, scope):
            raise not_a_client(owner_id)
        assert share is not None
        access = ClientAccess(viewer.user_id, owner_id, share.seeker_name, share.scopes, owned)
        result = read(access)
        owned.coach_reads.add([(owner_id, viewer.user_id, viewer.label, what, item_id)], now)
        owned.commit()
    return result


def preview_client(
    uow: UnitOfWork, owner: SignedIn, coach_id: int, read: Callable[[ClientAccess], T]
) -> T:
    """What `coach_id` sees of the owner's journal, for the owner ("view as my coach").

    The same reads with the same scopes, so the page shows exactly what the coach gets; the
    owner reading their own journal is not a read across owners, so nothing is logged.
    """
    owned = UnitOfWork(uow.db, owner.user_id)
    with owned:
        share = owned.coach_shares.active(owner.user_id, coach_id)
        if share is None:
            raise NotFound(_said("no_coach", id=coach_id))
        access = ClientAccess(
            coach_id, owner.user_id, share.seeker_name, share.scopes, owned, preview=True
        )
        return read(access)


@dataclass(frozen=True, slots=True)
class Caseload:
    """A coach's live shares, each with its client's journal, already logged as read."""

    shares: list[Share]


def read_caseload(
    uow: UnitOfWork,
    viewer: SignedIn,
    now: datetime,
    read: Callable[[list[Share]], T],
) -> T:
    """Run `read` over every client who shares with the viewer (each read logged)."""
    with uow:
        shares = [
            s for s in uow.coach_shares.of_coach(viewer.user_id)
            if may_read(s, viewer.user_id, s.seeker_id, None)
        ]  # fmt: skip
        result = read(shares)
        if shares:
            uow.coach_reads.add(
                [(s.seeker_id, viewer.user_id, viewer.label, "caseload", None) for s in shares],
                now,
            )
        uow.commit()
    return result


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("coaching/messages")["refused"][key], **values)


def organisation_role(
    uow: UnitOfWork, viewer: SignedIn, organisation_id: int, roles: tuple[str, ...]
) -> Membership:
    """The viewer's membership of the organisation when it has one of `roles`; else not found.

    An organisation's admins get aggregates (`services.organisations.cohort`), never a member's
    rows: nothing here hands out a member's journal, and `read_client` knows only shares.
    """
    with uow:
        found = uow.organisations.membership(organisation_id, viewer.user_id)
    if found is None or found.role.value not in roles:
        raise NotFound(_said("no_organisation", id=organisation_id))
    return found
