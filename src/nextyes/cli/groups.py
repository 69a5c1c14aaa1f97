"""A command group with a default subcommand, for commands people type as sentences:
`nextyes win "Nailed it"` is `nextyes win add "Nailed it"`, `nextyes win` alone lists, and
`nextyes win --format json` lists as JSON."""

from __future__ import annotations

from typing import Any

import click


def _accepts(command: click.Command | None, option: str) -> bool:
    name = option.split("=", 1)[0]
    return command is not None and any(
        name in p.opts for p in command.params if isinstance(p, click.Option)
    )


class DefaultGroup(click.Group):
    """Arguments that do not start with a subcommand go to `default`; no arguments, or an
    option only the listing knows, go to `default_if_empty`."""

    def __init__(
        self, *args: Any, default: str | None = None, default_if_empty: str | None = None,
        **kwargs: Any,
    ) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.default = default
        self.default_if_empty = default_if_empty

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        listing = self.commands.get(self.default_if_empty or "")
        if not args and self.default_if_empty:
            args = [self.default_if_empty]
        elif args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            if listing is not None and _accepts(listing, args[0]):
                args = [listing.name or "", *args]
            elif self.default:
                args = [self.default, *args]
        return super().parse_args(ctx, args)
