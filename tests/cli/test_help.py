"""Every command has help, the registry's one-liners match, and the CLI reference is current."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from nextyes.cli.registry import COMMANDS
from tests.conftest import Cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_that_matches_the_registry(name: str, run: Cli) -> None:
    module, attribute, summary = COMMANDS[name]
    command: click.Command = getattr(importlib.import_module(module), attribute)
    assert command.name == name
    assert command.help, f"{name} has no help text"
    assert command.help.strip().splitlines()[0] == summary
    assert summary in run.ok(name, "--help").output
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            assert sub.help, f"{name} {sub.name} has no help text"


def test_the_root_help_loads_no_command_module() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from nextyes.cli.main import cli; "
        "CliRunner().invoke(cli, ['--help']); "
        "print(sorted(m for m in sys.modules if m.startswith('nextyes.cli.commands.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_cli_reference_is_up_to_date() -> None:
    """docs/cli.md is generated from the commands' help: `python scripts/cli_reference.py`."""
    script = ROOT / "scripts" / "cli_reference.py"
    env = {**os.environ, "COLUMNS": "100"}
    out = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stdout + out.stderr
