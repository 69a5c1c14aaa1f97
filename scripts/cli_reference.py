"""Write docs/cli.md from the commands' own help (`--check` compares instead of writing).

python scripts/cli_reference.py          # regenerate
python scripts/cli_reference.py --check  # exit 1 if docs/cli.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from nextyes.cli.main import cli

TARGET = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _help(command: click.Command, path: list[str]) -> str:
    ctx = click.Context(
        command, info_name=" ".join(path), terminal_width=100, max_content_width=100
    )
    return command.get_help(ctx)


def _walk(command: click.Command, path: list[str]) -> list[str]:
    parts = [f"## `{' '.join(path)}`\n", "```text", _help(command, path), "```\n"]
    if isinstance(command, click.Group):
        ctx = click.Context(command, info_name=path[-1])
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                parts.extend(_walk(sub, [*path, name]))
    return parts


def render() -> str:
    head = [
        "# nextyes command reference\n",
        "Generated from each command's `--help` by `python scripts/cli_reference.py`; a test",
        "checks it is current. The command-line contract (names, options, output shapes) is in",
        "the design notes; this page is the full detail.\n",
    ]
    return "\n".join(head + _walk(cli, ["nextyes"])).rstrip() + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print("docs/cli.md is out of date: run `python scripts/cli_reference.py`.")
            return 1
        return 0
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
