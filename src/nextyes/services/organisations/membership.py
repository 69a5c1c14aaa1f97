"""Making an organisation, its groups and invitations; joining, consenting, leaving.

Leaving has two ways. Deactivate: the member keeps their journal as a personal account; what the
organisation's figures had counted of them is kept as an anonymous record (no account, no name)
and nothing new is counted. Delete: the account and everything in it goes (after the member was
offered a download), and so does their part of the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from nextyes.domain.accounts import Role, SignedIn
from nextyes.domain.errors import Conflict, InvalidInput, NotFound
from nextyes.domain.organisations import (
    MemberRole,
    Membership,
    Organisation,
    OrganisationGroup,
    SingleSignOn,
    clean_name,
    group_kind,
    member_role,
)
from nextyes.services.accounts.secrets import digest, new_secret
from nextyes.services.accounts.sessions import NewSession, SessionRules
from nextyes.services.coaching.policy import organisation_role
from nextyes.storage.uow import UnitOfWork

if TYPE_CHECKING:
    from nextyes.services.accounts.sealing import Sealer

SSO_SECRET = "single sign-on client secret"
"""What an organisation's client secret is sealed for (bound into the sealed value)."""

INVITATION_LIFETIME = timedelta(days=30)
MONTHS = 6  # the figures over time look this many months back


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("organisations/messages")["refused"][key], **values)


def create_organisation(
    uow: UnitOfWork, creator: SignedIn, name_text: str, now: datetime
) -> Organisation:
    """A new organisation (server administrators only); its maker becomes its first admin."""
    if creator.role is not Role.ADMIN:
        raise NotFound(_said("not_server_admin"))
    name = clean_name(name_text, "organisation's name")
    with uow:
        if uow.organisations.by_name(name) is not None:
            raise Conflict(_said("name_taken", name=name))
        org_id = uow.organisations.add(name, now)
        uow.organisations.add_member(org_id, creator.user_id, MemberRole.ADMIN, False, now)
        found = uow.organisations.get(org_id)
        assert found is not None
        uow.commit()
    return found


@dataclass(frozen=True, slots=True)
class OrganisationOverview:
    organisation: Organisation
    me: Membership
    members: list[Membership]
    groups: list[OrganisationGroup]


def overview(uow: UnitOfWork, viewer: SignedIn, organisation_id: int) -> OrganisationOverview:
    """For its admins and coaches: who belongs (names and roles only) and the groups."""
    me = organisation_role(uow, viewer, organisation_id, ("admin", "coach"))
    with uow:
        org = uow.organisations.get(organisation_id)
        assert org is not None
        return OrganisationOverview(
            org, me, uow.organisations.members(organisation_id),
            uow.organisations.groups(organisation_id),
        )  # fmt: skip


def add_group(
    uow: UnitOfWork, viewer: SignedIn, organisation_id: int, kind: str, name: str, now: datetime
) -> OrganisationGroup:
    organisation_role(uow, viewer, organisation_id, ("admin",))
    return make_group(uow, organisation_id, kind, name, now)


def make_group(
    uow: UnitOfWork, organisation_id: int, kind: str, name: str, now: datetime
) -> OrganisationGroup:
    """A new group (the caller has checked who may make one)."""
    chosen, clean = group_kind(kind), clean_name(name, "group's name")
    with uow:
        if any(
            g.kind is chosen and g.name == clean for g in uow.organisations.groups(organisation_id)
        ):
            raise Conflict(_said("group_taken", name=clean))
        group_id = uow.organisations.add_group(organisation_id, chosen, clean, now)
        uow.commit()
    return OrganisationGroup(group_id, chosen, clean, 0)


def put_in_group(
    uow: UnitOfWork, viewer: SignedIn, organisation_id: int, member_id: int, group_id: int
) -> None:
    organisation_role(uow, viewer, organisation_id, ("admin",))
    with uow:
        if not any(m.id == member_id for m in uow.organisations.members(organisation_id)):
            raise NotFound(_said("no_member", id=member_id))
        if not any(g.id == group_id for g in uow.organisations.groups(organisation_id)):
            raise NotFound(_said("no_group", id=group_id))
        uow.organisations.put_in_group(group_id, member_id)
        uow.commit()


@dataclass(frozen=True, slots=True)
class NewOrgInvitation:
    token: str
    expires_at: datetime
    role: MemberRole


def invite(
    uow: UnitOfWork,
    viewer: SignedIn,
    organisation_id: int,
    role: str,
    group_id: int | None,
    now: datetime,
) -> NewOrgInvitation:
    organisation_role(uow, viewer, organisation_id, ("admin",))
    return issue_invitation(uow, organisation_id, role, group_id, now)


def issue_invitation(
    uow: UnitOfWork, organisation_id: int, role: str, group_id: int | None, now: datetime
) -> NewOrgInvitation:
    """A one-time invitation link's secret (the caller has checked who may invite)."""
    chosen = member_role(role)
    token = new_secret()
    with uow:
        if group_id is not None and not any(
            g.id == group_id for g in uow.organisations.groups(organisation_id)
        ):
            raise NotFound(_said("no_group", id=group_id))
        expires = now + INVITATION_LIFETIME
        uow.organisations.add_invitation(
            organisation_id, digest(token), chosen, group_id, now, expires
        )
        uow.commit()
    return NewOrgInvitation(token, expires, chosen)


@dataclass(frozen=True, slots=True)
class OrgInvitationPreview:
    organisation: Organisation
    role: MemberRole


def look_up(uow: UnitOfWork, token: str, now: datetime) -> OrgInvitationPreview:
    with uow:
        found = uow.organisations.invitation(digest(token or ""))
        if found is None or found.used_at is not None or found.expires_at <= now:
            raise NotFound(_said("invitation"))
        org = uow.organisations.get(found.organisation_id)
        assert org is not None
    return OrgInvitationPreview(org, found.role)


def join(uow: UnitOfWork, who: SignedIn, token: str, consent: bool, now: datetime) -> Membership:
    """Take an invitation: a member (with or without consent to be counted), coach or admin."""
    with uow:
        found = uow.organisations.invitation(digest(token or ""))
        if found is None or found.used_at is not None or found.expires_at <= now:
            raise NotFound(_said("invitation"))
        if uow.organisations.membership(found.organisation_id, who.user_id) is not None:
            raise Conflict(_said("already_member"))
        if not uow.organisations.use_invitation(found.id, now):
            raise NotFound(_said("invitation"))
        member_id = uow.organisations.add_member(
            found.organisation_id, who.user_id, found.role,
            consent and found.role is MemberRole.MEMBER, now,
        )  # fmt: skip
        if found.group_id is not None:
            uow.organisations.put_in_group(found.group_id, member_id)
        joined = uow.organisations.membership(found.organisation_id, who.user_id)
        assert joined is not None
        uow.commit()
    return joined


def join_by_sign_on(
    uow: UnitOfWork, user_id: int, organisation_id: int, now: datetime
) -> Membership:
    """A person signed in with the organisation's provider belongs to it (as a member, not
    counted until they consent)."""
    with uow:
        found = uow.organisations.membership(organisation_id, user_id)
        if found is None:
            uow.organisations.add_member(organisation_id, user_id, MemberRole.MEMBER, False, now)
            found = uow.organisations.membership(organisation_id, user_id)
        assert found is not None
        uow.commit()
    return found


def my_memberships(uow: UnitOfWork, who: SignedIn) -> list[Membership]:
    with uow:
        return uow.organisations.memberships_of(who.user_id)


def _mine(uow: UnitOfWork, who: SignedIn, organisation_id: int) -> Membership:
    found = uow.organisations.membership(organisation_id, who.user_id)
    if found is None:
        raise NotFound(_said("not_member", id=organisation_id))
    return found


def set_consent(uow: UnitOfWork, who: SignedIn, organisation_id: int, consent: bool) -> Membership:
    with uow:
        mine = _mine(uow, who, organisation_id)
        if mine.role is not MemberRole.MEMBER and consent:
            raise InvalidInput(_said("staff_consent"))
        uow.organisations.set_consent(mine.id, consent)
        if not consent:
            uow.cohort.forget(who.user_id)
        changed = _mine(uow, who, organisation_id)
        uow.commit()
    return changed


def months_back(today: date, count: int = MONTHS) -> list[str]:
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return sorted(months)


def leave(
    uow: UnitOfWork, who: SignedIn, organisation_id: int, how: str, now: datetime
) -> Membership:
    """Deactivate (keep the journal; the figures keep an anonymous copy of what they counted)
    or delete (the account and everything in it, and their part of the figures)."""
    if how not in ("deactivate", "delete"):
        raise InvalidInput(_said("leave_how"))
    with uow:
        mine = _mine(uow, who, organisation_id)
        if how == "deactivate":
            deactivate(uow, mine, now)
        else:
            if who.role is Role.ADMIN:
                raise InvalidInput(_said("admin_delete"))
            uow.users.delete(who.user_id)
        uow.commit()
    return mine


def deactivate(uow: UnitOfWork, member: Membership, now: datetime) -> None:
    """End a membership, keeping an anonymous copy of what the figures counted of it (inside
    the caller's unit of work; they commit)."""
    today = now.astimezone(UTC).date()
    if member.consent and member.role is MemberRole.MEMBER:
        facts = uow.cohort.facts_of(
            member.organisation_id, member.user_id, months_back(today), date(today.year - 1, 1, 1)
        )
        if facts is not None:
            uow.cohort.archive(member.organisation_id, facts)
    uow.cohort.forget(member.user_id)
    uow.organisations.leave(member.id, now)


def set_sso(
    uow: UnitOfWork,
    viewer: SignedIn,
    organisation_id: int,
    issuer: str,
    client_id: str,
    client_secret: str,
    email_domain: str,
    sealer: Sealer,
) -> Organisation:
    """Single sign-on settings; the client secret is kept sealed with the server's key."""
    organisation_role(uow, viewer, organisation_id, ("admin",))
    sso = sso_settings(issuer, client_id, client_secret, email_domain, sealer)
    with uow:
        uow.organisations.set_sso(organisation_id, sso)
        found = uow.organisations.get(organisation_id)
        assert found is not None
        uow.commit()
    return found


def sso_settings(
    issuer: str, client_id: str, client_secret: str, email_domain: str, sealer: Sealer
) -> SingleSignOn | None:
    """Checked single sign-on settings, the client secret sealed; None (sign-on off) when no
    issuer is given."""
    sso = None
    if issuer.strip():
        if not issuer.strip().startswith(("https://", "http://127.0.0.1", "http://localhost")):
            raise InvalidInput(_said("issuer"))
        if not client_id.strip():
            raise InvalidInput(_said("client_id"))
        sso = SingleSignOn(
            issuer=issuer.strip().rstrip("/"), client_id=client_id.strip(),
            client_secret=(
                sealer.seal(client_secret.strip(), SSO_SECRET) if client_secret.strip() else None
            ),
            email_domain=email_domain.strip().lower().lstrip("@") or None,
        )  # fmt: skip
    return sso


def join_with_new_account(
    uow: UnitOfWork,
    token: str,
    email_text: str,
    password: str,
    again: str,
    name: str | None,
    consent: bool,
    rules: SessionRules,
    now: datetime,
    *,
    agent: str | None = None,
    address: str | None = None,
) -> tuple[NewSession, Membership]:
    """Someone invited without an account makes one and joins, in one go (the invitation is
    the permission, whether or not open sign-up is on)."""
    from nextyes.domain.accounts import SessionStage
    from nextyes.services.accounts.admin import create_account
    from nextyes.services.accounts.sessions import open_session, signed_in_as

    if password != again:
        from nextyes import content

        raise InvalidInput(str(content.load("accounts/messages")["refused"]["passwords_differ"]))
    with uow:
        look_up(uow, token, now)
        account = create_account(uow, email_text, now, name=name, password=password)
        opened = open_session(
            uow, account, SessionStage.FULL, rules, now, agent=agent, address=address
        )
        joined = join(uow, signed_in_as(account), token, consent, now)
        uow.commit()
    return opened, joined
