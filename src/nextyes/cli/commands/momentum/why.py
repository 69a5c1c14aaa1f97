"""`nextyes why`: what the search is for."""

from __future__ import annotations

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.groups import DefaultGroup
from nextyes.cli.output import emit_json, format_option, say
from nextyes.services.momentum import why as service


@click.group(cls=DefaultGroup, default_if_empty="show")
def why() -> None:
    """What the search is for, and a check now and then.

    nextyes shows your why after a no and in reviews, and now and then (monthly, or after a
    few noes) asks whether the roles you apply for still fit it.

    \b
      nextyes why set "Work where my analysis changes decisions, near home"
      nextyes why show
      nextyes why keep        it still holds
    """


@why.command(name="set", context_settings={"ignore_unknown_options": True})
@click.argument("text", nargs=-1, required=True)
@pass_app
def set_(app: AppContext, text: tuple[str, ...]) -> None:
    """Write (or rewrite) your why; earlier ones are kept."""
    say(service.set_why(app.uow(), " ".join(text), app.now()))


@why.command()
@format_option("text", "json")
@pass_app
def show(app: AppContext, fmt: str) -> None:
    """Show your why, and whether it is time to re-check it."""
    view = service.show_why(app.uow(), app.today())
    if fmt == "json":
        emit_json({
            "why": view.current.text if view.current else None,
            "set_on": view.current.set_on.isoformat() if view.current else None,
            "history": [{"text": w.text, "set_on": w.set_on.isoformat()} for w in view.history],
            "recheck": ({"reason": view.recheck.reason, "roles": list(view.recheck.roles)}
                        if view.recheck else None),
        })  # fmt: skip
        return
    words = content.load("momentum/messages")["why"]
    if view.current is None:
        say(words["none"])
        return
    say(words["heading"], style="bold")
    say(view.current.text)
    say(f"(since {view.current.set_on.isoformat()})", style="dim")
    if view.recheck:
        say()
        say(view.recheck.title, style="bold")
        say(view.recheck.reason)
        line = service.roles_line(view.recheck)
        if line:
            say(line)
        say(view.recheck.suggestion, style="dim")


@why.command()
@pass_app
def keep(app: AppContext) -> None:
    """Your why still holds: nextyes asks again in a while."""
    say(service.keep_why(app.uow(), app.now()))
