"""`nextyes admin org`: organisations (career centres) from the server's own command line."""

from __future__ import annotations

import sys

import click

from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say

ROLES = ("member", "coach", "admin")
KINDS = ("cohort", "programme", "year")


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("organisations/messages")["done"][key], **values)


@click.group()
def org() -> None:
    """Organisations: create, list, show, groups, invite, add and remove people, sign-on, refresh.

    ORG is an organisation's id or its exact name. A member added here, or by invitation, counts
    in the organisation's figures only once they consent, on their own organisations page.
    """


@org.command()
@click.argument("name")
@click.option("--admin", "admin_email", required=True, metavar="EMAIL",
              help="The account that runs it (it must exist: `nextyes admin create-user`).")  # fmt: skip
@pass_app
def create(app: AppContext, name: str, admin_email: str) -> None:
    """Make an organisation, with its first admin."""
    from nextyes.services.organisations import operator

    made = operator.create(app.uow(), name, admin_email, app.now())
    say(_said("made", name=made.name, id=made.id, email=admin_email.strip().lower()))


@org.command("list")
@format_option("table", "json")
@pass_app
def list_(app: AppContext, fmt: str) -> None:
    """List organisations: people by role, how many members consent, groups, single sign-on."""
    from nextyes.services.organisations import operator

    found = operator.summaries(app.uow())
    if fmt == "json":
        emit_json([
            {"id": s.organisation.id, "name": s.organisation.name, "admins": s.admins,
             "coaches": s.coaches, "members": s.members, "consenting": s.consenting,
             "groups": s.groups, "single_sign_on": s.organisation.sso is not None}
            for s in found
        ])  # fmt: skip
        return
    emit_table(
        ["id", "name", "admins", "coaches", "members", "consenting", "groups", "sign-on"],
        [
            (s.organisation.id, s.organisation.name, s.admins, s.coaches, s.members,
             s.consenting, s.groups, "on" if s.organisation.sso else "")
            for s in found
        ],
    )  # fmt: skip


@org.command()
@click.argument("ref", metavar="ORG")
@format_option("table", "json")
@pass_app
def show(app: AppContext, ref: str, fmt: str) -> None:
    """Who belongs (email, name, role, consent, groups) and the groups with their sizes."""
    from nextyes.services.organisations import operator

    found = operator.find(app.uow(), ref)
    rows, groups = operator.roster(app.uow(), found)
    if fmt == "json":
        emit_json({
            "id": found.id, "name": found.name,
            "single_sign_on": None if found.sso is None else {
                "issuer": found.sso.issuer, "client_id": found.sso.client_id,
                "email_domain": found.sso.email_domain,
            },
            "groups": [{"kind": g.kind.value, "name": g.name, "size": g.size} for g in groups],
            "people": [
                {"email": r.email, "name": r.name, "role": r.role.value, "consent": r.consent,
                 "groups": list(r.groups)}
                for r in rows
            ],
        })  # fmt: skip
        return
    say(f"{found.name} (id {found.id})", style="bold")
    emit_table(
        ["email", "name", "role", "counted", "groups"],
        [
            (r.email, r.name, r.role.value, "yes" if r.consent else "", ", ".join(r.groups))
            for r in rows
        ],
    )
    emit_table(["group", "people"], [(f"{g.kind.value}:{g.name}", g.size) for g in groups])


@org.command("add-group")
@click.argument("ref", metavar="ORG")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("name")
@pass_app
def add_group(app: AppContext, ref: str, kind: str, name: str) -> None:
    """Make a group: a cohort, a programme or a graduation year."""
    from nextyes.services.organisations import operator

    made = operator.add_group(app.uow(), operator.find(app.uow(), ref), kind, name, app.now())
    say(_said("group", name=made.name))


@org.command()
@click.argument("ref", metavar="ORG")
@click.option("--role", type=click.Choice(ROLES), default="member", show_default=True)
@click.option("--group", metavar="GROUP", help="Put them in this group (name, or kind:name).")
@pass_app
@click.pass_context
def invite(ctx: click.Context, app: AppContext, ref: str, role: str, group: str | None) -> None:
    """Print a one-time link to join (valid for 30 days)."""
    from nextyes.cli.commands.admin_settings import server_settings as _server
    from nextyes.services.organisations import operator
    from nextyes.services.organisations.membership import INVITATION_LIFETIME

    server = _server(ctx)
    found = operator.find(app.uow(), ref)
    made = operator.invite(app.uow(), found, role, group, app.now())
    say(_said("invited", name=found.name, role=role, days=INVITATION_LIFETIME.days))
    click.echo(f"{server.public_url}/join/organisation/{made.token}")


@org.command("add")
@click.argument("ref", metavar="ORG")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="member", show_default=True)
@click.option("--group", metavar="GROUP", help="Put them in this group (name, or kind:name).")
@pass_app
def add(app: AppContext, ref: str, email: str, role: str, group: str | None) -> None:
    """Add an existing account to the organisation."""
    from nextyes.services.organisations import operator

    found = operator.find(app.uow(), ref)
    address, chosen = operator.add_member(app.uow(), found, email, role, group, app.now())
    say(_said("member_added", email=address, name=found.name, role=chosen.value))


@org.command("remove")
@click.argument("ref", metavar="ORG")
@click.argument("email")
@pass_app
def remove(app: AppContext, ref: str, email: str) -> None:
    """Take someone out of the organisation (their journal stays theirs)."""
    from nextyes.services.organisations import operator

    found = operator.find(app.uow(), ref)
    address = operator.remove_member(app.uow(), found, email, app.now())
    say(_said("member_removed", email=address, name=found.name))


@org.command()
@click.argument("ref", metavar="ORG")
@click.option("--issuer", default="", help="The OpenID Connect provider's address (https://).")
@click.option("--client-id", default="", help="The client id the provider issued for nextyes.")
@click.option("--email-domain", default="", help="Only accept addresses in this domain.")
@click.option("--off", is_flag=True, help="Turn single sign-on off.")
@pass_app
@click.pass_context
def sso(
    ctx: click.Context,
    app: AppContext,
    ref: str,
    issuer: str,
    client_id: str,
    email_domain: str,
    off: bool,
) -> None:
    """Set single sign-on; the client secret is read from standard input (never an option)
    and kept sealed with the server's key (NEXTYES_SECRET_KEY; see docs/deploy.md)."""
    from nextyes.errors import InvalidInput
    from nextyes.services.organisations import operator

    if not off and not issuer.strip():
        raise InvalidInput("Give the provider's address with --issuer, or --off to turn it off.")
    found = operator.find(app.uow(), ref)
    secret = ""
    if not off:
        if sys.stdin.isatty():
            secret = click.prompt("Client secret (empty for none)", default="", hide_input=True)
        else:
            secret = sys.stdin.readline().strip()
    from nextyes.cli.commands.admin_settings import server_settings as _server
    from nextyes.services.accounts.sealing import server_sealer

    sealer = server_sealer(_server(ctx), app.settings.home)
    changed = operator.set_sso(
        app.uow(), found, "" if off else issuer, client_id, secret, email_domain, sealer
    )
    say(_said("sso") if changed.sso else _said("sso_off_done", name=changed.name))


@org.command()
@click.argument("ref", metavar="ORG")
@pass_app
def refresh(app: AppContext, ref: str) -> None:
    """Bring the cohort figures' kept facts up to date now, ahead of the next report.

    A report only reads kept facts; when some are behind, it queues a refresh for the jobs
    workers (`nextyes serve`, or `nextyes admin run-jobs`). This runs that refresh at once, in
    this process: after a bulk import, or nightly from cron, when no worker is running.
    """
    from nextyes.services.organisations import operator

    found = operator.find(app.uow(), ref)
    counted = operator.refresh_facts(app.uow(), found, app.now())
    say(_said("refreshed", name=found.name, count=counted))
