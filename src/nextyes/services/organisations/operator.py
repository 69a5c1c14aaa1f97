"""Organisations from the server's own command line (`nextyes admin org`).

Whoever runs these already holds the database, like `nextyes admin create-user`, so they act
without a signed-in viewer; they do what an organisation's admin does on its pages, and a little
more (make an organisation for a named first admin, add an existing account directly). They never
read a member's journal: the roster names people, their roles, consent and groups, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from nextyes.domain.errors import Conflict, InvalidInput, NotFound
from nextyes.domain.organisations import (
    GroupKind,
    MemberRole,
    Membership,
    Organisation,
    OrganisationGroup,
    clean_name,
    member_role,
)
from nextyes.services.organisations.membership import (
    NewOrgInvitation,
    deactivate,
    issue_invitation,
    make_group,
    sso_settings,
)
from nextyes.storage.uow import UnitOfWork

if TYPE_CHECKING:
    from nextyes.services.accounts.sealing import Sealer


def _said(part: str, key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("organisations/messages")[part][key], **values)


@dataclass(frozen=True, slots=True)
class OrganisationSummary:
    organisation: Organisation
    admins: int
    coaches: int
    members: int
    consenting: int
    groups: int


@dataclass(frozen=True, slots=True)
class RosterRow:
    email: str
    name: str
    role: MemberRole
    consent: bool
    groups: tuple[str, ...]  # "kind:name"


def find(uow: UnitOfWork, ref: str) -> Organisation:
    """An organisation by its id or its exact name."""
    text = (ref or "").strip()
    with uow:
        found = uow.organisations.get(int(text)) if text.isdigit() else None
        found = found or uow.organisations.by_name(" ".join(text.split()))
    if found is None:
        raise NotFound(_said("refused", "no_organisation", ref=text[:80] or "(none given)"))
    return found


def _account_id(uow: UnitOfWork, email: str) -> tuple[int, str]:
    from nextyes.services.accounts.admin import find_account

    account = find_account(uow, email)
    return account.id, account.email


def create(uow: UnitOfWork, name_text: str, admin_email: str, now: datetime) -> Organisation:
    """A new organisation, with the account at `admin_email` as its first admin."""
    name = clean_name(name_text, "organisation's name")
    user_id, _ = _account_id(uow, admin_email)
    with uow:
        if uow.organisations.by_name(name) is not None:
            raise Conflict(_said("refused", "name_taken", name=name))
        org_id = uow.organisations.add(name, now)
        uow.organisations.add_member(org_id, user_id, MemberRole.ADMIN, False, now)
        found = uow.organisations.get(org_id)
        assert found is not None
        uow.commit()
    return found


def summaries(uow: UnitOfWork) -> list[OrganisationSummary]:
    with uow:
        found = []
        for org in uow.organisations.all():
            members = uow.organisations.members(org.id)

            def count(role: MemberRole, members: list[Membership] = members) -> int:
                return sum(1 for m in members if m.role is role)

            found.append(
                OrganisationSummary(
                    org, count(MemberRole.ADMIN), count(MemberRole.COACH),
                    count(MemberRole.MEMBER),
                    sum(1 for m in members if m.role is MemberRole.MEMBER and m.consent),
                    len(uow.organisations.groups(org.id)),
                )
            )  # fmt: skip
    return found


def roster(
    uow: UnitOfWork, organisation: Organisation
) -> tuple[list[RosterRow], list[OrganisationGroup]]:
    """Who belongs (email, name, role, consent, groups) and the groups, with their sizes."""
    with uow:
        groups = uow.organisations.groups(organisation.id)
        named = {g.id: f"{g.kind.value}:{g.name}" for g in groups}
        rows = []
        for m in uow.organisations.members(organisation.id):
            found = uow.users.by_id(m.user_id)
            rows.append(
                RosterRow(
                    email=found.account.email if found else "",
                    name=m.name,
                    role=m.role,
                    consent=m.consent,
                    groups=tuple(named[g] for g in uow.organisations.groups_of(m.id)),
                )
            )
    return rows, groups


def group_id(uow: UnitOfWork, organisation: Organisation, ref: str | None) -> int | None:
    """A group by "name" (when only one kind has it) or "kind:name"; None for no group."""
    if ref is None or not ref.strip():
        return None
    kind, _, name = ref.strip().partition(":")
    if not name or kind not in {k.value for k in GroupKind}:
        kind, name = "", ref.strip()
    with uow:
        matches = [
            g for g in uow.organisations.groups(organisation.id)
            if g.name == name and (not kind or g.kind.value == kind)
        ]  # fmt: skip
    if not matches:
        raise NotFound(
            _said("refused", "no_group_named", name=name[:80], organisation=organisation.name)
        )
    if len(matches) > 1:
        raise InvalidInput(
            _said("refused", "group_ambiguous", name=name[:80], organisation=organisation.name)
        )
    return matches[0].id


def add_group(
    uow: UnitOfWork, organisation: Organisation, kind: str, name: str, now: datetime
) -> OrganisationGroup:
    return make_group(uow, organisation.id, kind, name, now)


def invite(
    uow: UnitOfWork, organisation: Organisation, role: str, group: str | None, now: datetime
) -> NewOrgInvitation:
    return issue_invitation(uow, organisation.id, role, group_id(uow, organisation, group), now)


def add_member(
    uow: UnitOfWork,
    organisation: Organisation,
    email: str,
    role: str,
    group: str | None,
    now: datetime,
) -> tuple[str, MemberRole]:
    """An existing account joins directly. A member is not counted until they consent."""
    chosen = member_role(role)
    placed = group_id(uow, organisation, group)
    user_id, address = _account_id(uow, email)
    with uow:
        if uow.organisations.membership(organisation.id, user_id) is not None:
            raise Conflict(f"{address} belongs to {organisation.name} already.")
        member_id = uow.organisations.add_member(organisation.id, user_id, chosen, False, now)
        if placed is not None:
            uow.organisations.put_in_group(placed, member_id)
        uow.commit()
    return address, chosen


def remove_member(uow: UnitOfWork, organisation: Organisation, email: str, now: datetime) -> str:
    """Deactivate a membership: the journal stays the person's; the figures keep an anonymous
    copy of what they had counted (as when a member leaves by deactivating)."""
    user_id, address = _account_id(uow, email)
    with uow:
        found = uow.organisations.membership(organisation.id, user_id)
        if found is None:
            raise NotFound(
                _said(
                    "refused", "not_in_organisation", email=address,
                    organisation=organisation.name,
                )
            )  # fmt: skip
        deactivate(uow, found, now)
        uow.commit()
    return address


def set_sso(
    uow: UnitOfWork,
    organisation: Organisation,
    issuer: str,
    client_id: str,
    client_secret: str,
    email_domain: str,
    sealer: Sealer,
) -> Organisation:
    """Single sign-on settings; the client secret is kept sealed with the server's key."""
    sso = sso_settings(issuer, client_id, client_secret, email_domain, sealer)
    with uow:
        uow.organisations.set_sso(organisation.id, sso)
        found = uow.organisations.get(organisation.id)
        assert found is not None
        uow.commit()
    return found


def refresh_facts(uow: UnitOfWork, organisation: Organisation, now: datetime) -> int:
    """Bring the kept cohort facts of every consenting member up to date now (what the queued
    refresh does); the number of members counted."""
    from nextyes.services.organisations.cohort import refresh

    return refresh(uow, organisation.id, now)
