"""The server settings an `nextyes admin` command runs against (shared by its subgroups)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import click

    from nextyes.server_settings import ServerSettings


def server_settings(ctx: click.Context) -> ServerSettings:
    """The settings file given to `nextyes admin --config` (or NEXTYES_SERVER_CONFIG)."""
    from nextyes.server_settings import ServerSettings

    config = ctx.find_root().params.get("config") or (
        ctx.parent.params.get("config") if ctx.parent else None
    )
    return ServerSettings.load(config)
