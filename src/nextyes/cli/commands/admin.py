"""`nextyes admin`: team mode's accounts, from the server's own command line.

Run it where `nextyes serve` runs, with the same database (`--db` or NEXTYES_DATABASE_URL) and
server settings (`--config` or the environment), so printed links carry the public address.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from nextyes.cli.commands.admin_org import org
from nextyes.cli.commands.admin_settings import server_settings as _server
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say

if TYPE_CHECKING:
    from nextyes.server_settings import ServerSettings

ROLES = ("seeker", "coach", "admin")


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("accounts/messages")["done"][key], **values)


@click.group()
@click.option(
    "--config", metavar="FILE", type=click.Path(dir_okay=False),
    help="The server settings (TOML), as given to `nextyes serve` (default: NEXTYES_SERVER_CONFIG).",
)  # fmt: skip
def admin(config: str | None) -> None:
    """Team-mode accounts and organisations, from the server.

    Accounts: create, invite, list, disable, reset, tokens, remove; `admin org` for
    organisations (career centres). Passwords are never typed on the command line: `create-user` reads one from standard input
    when it is not a terminal (asks twice otherwise), or `--invite` prints a one-time sign-up
    link instead. Links and tokens are printed once and stored only as digests.
    """


def _read_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    value: str = click.prompt("Password", hide_input=True, confirmation_prompt="Again")
    return value


@admin.command("create-user")
@click.argument("email")
@click.option("--name", help="The person's name, as pages greet them.")
@click.option("--role", type=click.Choice(ROLES), default="seeker", show_default=True,
              help="seeker: their own journal; coach and admin: see DESIGN's team mode.")  # fmt: skip
@click.option(
    "--invite", is_flag=True, help="Print a one-time sign-up link instead of asking for a password."
)
@pass_app
@click.pass_context
def create_user(
    ctx: click.Context, app: AppContext, email: str, name: str | None, role: str, invite: bool
) -> None:
    """Create an account (with a password, or a one-time sign-up link)."""
    from nextyes.domain.accounts import LinkPurpose, Role
    from nextyes.services.accounts import admin as service
    from nextyes.services.accounts.links import LIFETIME, link_url

    server = _server(ctx)
    password = None if invite else _read_password()
    account = service.create_account(
        app.uow(), email, app.now(), name=name, role=Role(role), password=password
    )
    say(_said("created", email=account.email, role=account.role.value))
    if invite:
        secret = service.link_for(app.uow(), account.email, LinkPurpose.INVITE, app.now())
        say(_said("invited", email=account.email, days=LIFETIME[LinkPurpose.INVITE].days))
        click.echo(link_url(server.public_url, LinkPurpose.INVITE, secret))
        _mail(server, account.email, LinkPurpose.INVITE, secret)


def _mail(server: ServerSettings, email: str, purpose: object, secret: str) -> None:
    if server.smtp is None:
        return
    from nextyes.domain.accounts import LinkPurpose
    from nextyes.services.accounts.mailing import send_link

    assert isinstance(purpose, LinkPurpose)
    send_link(server, email, purpose, secret)
    say(f"Sent it to {email} as well.")


@admin.command("list-users")
@format_option("table", "json")
@pass_app
def list_users(app: AppContext, fmt: str) -> None:
    """List the accounts: email, name, role, two-step sign-in, whether they can sign in."""
    from nextyes.services.accounts import admin as service

    accounts = service.list_accounts(app.uow())
    if fmt == "json":
        emit_json([
            {"id": a.id, "email": a.email, "name": a.name, "role": a.role.value,
             "disabled": a.disabled, "two_factor": a.two_factor, "has_password": a.has_password,
             "created_at": a.created_at, "last_sign_in_at": a.last_sign_in_at}
            for a in accounts
        ])  # fmt: skip
        return
    emit_table(
        ["email", "name", "role", "can sign in", "two-step", "last sign-in"],
        [
            (
                a.email,
                a.name or "",
                a.role.value,
                "no (disabled)" if a.disabled else "yes" if a.has_password else "invited",
                "on" if a.two_factor else "",
                a.last_sign_in_at.strftime("%Y-%m-%d") if a.last_sign_in_at else "",
            )
            for a in accounts
        ],
    )


@admin.command()
@click.argument("email")
@pass_app
def disable(app: AppContext, email: str) -> None:
    """Stop an account signing in (its sessions and tokens stop at once; its journal is kept)."""
    from nextyes.services.accounts import admin as service

    account = service.set_disabled(app.uow(), email, True)
    say(_said("disabled", email=account.email))


@admin.command()
@click.argument("email")
@pass_app
def enable(app: AppContext, email: str) -> None:
    """Let a disabled account sign in again."""
    from nextyes.services.accounts import admin as service

    account = service.set_disabled(app.uow(), email, False)
    say(_said("enabled", email=account.email))


@admin.command("reset-password")
@click.argument("email")
@pass_app
@click.pass_context
def reset_password(ctx: click.Context, app: AppContext, email: str) -> None:
    """Print a one-time link to choose a new password (valid for 24 hours)."""
    from nextyes.domain.accounts import LinkPurpose
    from nextyes.services.accounts import admin as service
    from nextyes.services.accounts.links import LIFETIME, link_url

    server = _server(ctx)
    account = service.find_account(app.uow(), email)
    secret = service.link_for(app.uow(), account.email, LinkPurpose.RESET, app.now())
    hours = int(LIFETIME[LinkPurpose.RESET].total_seconds() // 3600)
    say(_said("reset", email=account.email, hours=hours))
    click.echo(link_url(server.public_url, LinkPurpose.RESET, secret))
    _mail(server, account.email, LinkPurpose.RESET, secret)


@admin.command()
@click.argument("email")
@click.option("--name", default="made by admin", show_default=True, help="What the token is for.")
@pass_app
def token(app: AppContext, email: str, name: str) -> None:
    """Print a new personal API token for the account (shown once)."""
    from nextyes.services.accounts import admin as service

    made = service.token_for(app.uow(), email, name, app.now())
    say(_said("token", email=email.strip().lower(), name=made.stored.name))
    click.echo(made.token)


@admin.command("delete-user")
@click.argument("email")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (for scripts).")
@pass_app
def delete_user(app: AppContext, email: str, yes: bool) -> None:
    """Remove an account and every row of its journal, for good."""
    from nextyes.errors import InvalidInput
    from nextyes.services.accounts import admin as service

    account = service.find_account(app.uow(), email)
    if not yes:
        if not sys.stdin.isatty():
            raise InvalidInput(
                f"Removing {account.email} cannot be undone. Add --yes to confirm from a script."
            )
        click.confirm(
            f"Remove {account.email} and everything in their journal? This cannot be undone",
            abort=True,
        )
    removed, rows = service.delete_account(app.uow(), account.email)
    say(_said("deleted", email=removed.email, rows=rows))


@admin.command("run-jobs")
@click.option(
    "--once", is_flag=True, help="Run what is queued now, then stop (for a timer or a script)."
)
@pass_app
@click.pass_context
def run_jobs(ctx: click.Context, app: AppContext, once: bool) -> None:
    """Run queued background work (mail imports, IMAP fetches, reset mails) here.

    Every `nextyes serve` process already runs some (job_workers in the server settings); this
    runs more, on a machine of its own if you like, against the same database. Without --once it
    keeps going until stopped (Ctrl+C, or the service manager).
    """
    from nextyes.services.jobs.worker import Worker

    worker = Worker(app.settings, server=_server(ctx))
    if once:
        ran = worker.run_until_idle()
        say(f"Ran {ran} job{'s' if ran != 1 else ''}; the queue is empty.")
        return
    say("Running queued work; Ctrl+C stops after the job in hand.")
    worker.run_forever()


@admin.command("send-reminders")
@pass_app
@click.pass_context
def send_reminders(ctx: click.Context, app: AppContext) -> None:
    """Mail the reminders due today to everyone who turned them on (run it daily)."""
    from nextyes.services.accounts.reminders import send_reminders as send

    server = _server(ctx)
    if server.smtp is None:
        say("No mail server is set ([smtp] in the server settings), so there is nothing to send.")
        return
    journal = app.journal
    sent = send(app.uow(), lambda owner: journal.for_owner(owner).uow(), server, app.now())
    say(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")


@admin.command()
@pass_app
@click.pass_context
def reseal(ctx: click.Context, app: AppContext) -> None:
    """Seal every secret the server keeps with its current secret key.

    After changing the key (the old one moved to previous_secret_keys, see docs/deploy.md),
    this seals the saved mail passwords and single sign-on secrets with the new key, all or
    nothing; then the old key, and any server.key file in the home, can be removed.
    """
    from nextyes.services.accounts.sealing import reseal as seal_again
    from nextyes.services.accounts.sealing import server_sealer

    done = seal_again(app.uow(), server_sealer(_server(ctx), app.settings.home))
    say(_said("resealed", resealed=done.resealed, current=done.current))


admin.add_command(org)
