"""`nextyes reply`: a gracious reply after a no."""

from __future__ import annotations

from pathlib import Path

import click

from nextyes import content
from nextyes.cli.commands.recovery.feedback import TONES, draft_json, draft_output_options
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say


@click.command()
@click.argument("application_id", type=int, metavar="ID")
@click.option(
    "--to",
    "to",
    metavar="CONTACT",
    help="Who to thank: a contact's name or id (kept as a contact).",
)
@click.option("--email", help="Their email address (for --as mailto or eml).")
@click.option("--tone", type=TONES, help="warm (default), formal or brief.")
@click.option("--ask-future-roles", is_flag=True, help="Ask to be considered for future roles.")
@click.option("--connect", is_flag=True, help="Add a short note about staying in touch.")
@draft_output_options
@format_option("text", "json")
@pass_app
def reply(
    app: AppContext, application_id: int, to: str | None, email: str | None, tone: str | None,
    ask_future_roles: bool, connect: bool, as_: str, out: Path | None, fmt: str,
) -> None:  # fmt: skip
    """Draft a gracious reply to a no.

    Thanks them and keeps the door open, optionally asking to be considered for future roles
    and offering to stay in touch. The people involved (whoever you write to and the
    interviewers on record) are kept as contacts tied to the company: paths cross again.
    Nothing is sent: you send it from your own mail app.
    """
    from nextyes.services.recovery.feedback_requests import export_draft
    from nextyes.services.recovery.replies import draft_reply

    composed = draft_reply(
        app.uow(), application_id, app.now(), to=to, email=email, tone=tone,
        ask_future_roles=ask_future_roles, connect=connect,
    )  # fmt: skip
    path = out or app.settings.home / "drafts" / f"{application_id}-reply.eml"
    shown = export_draft(composed, as_, path=path if as_ == "eml" else None, now=app.now())
    if fmt == "json":
        emit_json(draft_json(composed, as_, shown))
        return
    words = content.load("recovery/replies")["said"]
    if as_ == "eml":
        say(content.fill(words["written"], path=shown))
    else:
        click.echo(shown)
    if composed.kept_contacts:
        people = ", ".join(composed.kept_contacts)
        kept = content.fill(words["kept"], company=composed.application.company, people=people)
        click.echo(kept, err=True)
