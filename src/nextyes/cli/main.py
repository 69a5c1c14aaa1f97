"""The `nextyes` command: a root group that loads its commands on demand.

User errors (NextyesError) become one clear sentence on stderr and exit code 2; anything
unexpected gets a short apology, a log file with the details, and exit code 1.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, NoReturn

import click

from nextyes import __version__, content
from nextyes.cli.context import AppContext
from nextyes.cli.registry import COMMANDS
from nextyes.domain.errors import NextyesError
from nextyes.errors import DiskFull

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class UserError(click.ClickException):
    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)


class NextyesGroup(click.Group):
    """Commands from the registry, imported only when invoked; user errors become exit 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NextyesError as exc:
            raise UserError(exc.message) from None
        except OSError as exc:
            import errno

            if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
                raise
            raise UserError(DiskFull(exc.filename or "this file").message) from None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            from difflib import get_close_matches

            close = get_close_matches(args[0], list(COMMANDS), n=1) if args else []
            words = _words()
            hint = content.fill(words["did_you_mean"], name=close[0]) if close else ""
            raise click.UsageError(
                content.fill(words["unknown_command"], problem=exc.message, hint=hint), ctx
            ) from None


@click.group(cls=NextyesGroup, context_settings=CONTEXT_SETTINGS)
@click.option(
    "--home",
    metavar="DIR",
    help="Folder holding your journal (default: NEXTYES_HOME or your user data folder).",
)
@click.option(
    "--db",
    metavar="URL",
    help="Use another database: postgresql://... or sqlite:///path (default: NEXTYES_DATABASE_URL).",
)
@click.version_option(__version__, prog_name="nextyes")
@click.pass_context
def cli(ctx: click.Context, home: str | None, db: str | None) -> None:
    """nextyes: a job-search journal that turns every rejection into a plan for the next yes.

    Log applications and what happens to them; when a "no" comes, nextyes helps you recover,
    learn from it and keep going. Start with `nextyes add`, or try `nextyes demo` in a spare
    home (`nextyes --home /tmp/nextyes-demo demo`).
    """
    app = ctx.ensure_object(AppContext)
    app.home, app.db = home, db
    ctx.call_on_close(app.close)


def _words() -> dict[str, str]:
    """What the command line itself says, from content/common.toml (read only when needed)."""
    words: dict[str, str] = content.load("common")["command_line"]
    return words


def main() -> NoReturn:
    try:
        cli.main(prog_name="nextyes")
    except KeyboardInterrupt:
        click.echo(_words()["stopped"], err=True)
        sys.exit(130)
    except Exception as exc:
        path = _write_crash_log(exc)
        click.echo(content.fill(_words()["crashed"], path=path), err=True)
        sys.exit(1)
    sys.exit(0)


def _write_crash_log(exc: BaseException) -> str:
    import traceback

    from nextyes.crash_logs import logs_folder, write_crash_log

    try:
        text = "".join(traceback.format_exception(exc))
        return str(write_crash_log(logs_folder(), "crash", text))
    except OSError:
        return "(could not write a log file) " + repr(exc)
