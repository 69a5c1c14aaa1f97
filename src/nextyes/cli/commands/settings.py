"""`nextyes settings`: show or change your settings."""

from __future__ import annotations

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.services.settings import preferences as service


@click.command()
@click.argument("key", required=False)
@click.argument("value", required=False)
@click.option("--reset", is_flag=True, help="Put KEY back to its default.")
@format_option("table", "json")
@pass_app
def settings(app: AppContext, key: str | None, value: str | None, reset: bool, fmt: str) -> None:
    """Show or change your settings.

    \b
    nextyes settings                          all settings and their values
    nextyes settings upcoming_days 14         change one
    nextyes settings upcoming_days --reset    back to the default
    """
    if key and reset:
        default = service.reset_preference(app.uow(), key)
        say(content.fill(content.load("settings/messages")["reset"], key=key, default=default))
        return
    if key and value is not None:
        stored = service.set_preference(app.uow(), key, value, app.now())
        say(f"{key} = {stored}")
        return
    values = service.read_preferences(app.uow())
    rows = service.describe(values)
    if key:
        rows = [r for r in rows if r[0] == key.replace("-", "_")]
        if not rows:
            raise click.BadParameter(
                content.fill(content.load("settings/messages")["no_such_setting_listed"], key=key),
                param_hint="KEY",
            )
    if fmt == "json":
        emit_json({k: v for k, v, _ in rows})
        return
    emit_table(("setting", "value", "what it does"), [(k, v, p.help) for k, v, p in rows])
