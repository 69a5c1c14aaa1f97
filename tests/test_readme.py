"""The README's tour runs as written (each block in its own fresh home)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import Cli

README = Path(__file__).resolve().parents[1] / "README.md"


def _tours() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- tour:[^>]*-->\n```sh\n(.*?)```", text, flags=re.S)
    return [[line for line in block.splitlines() if line.strip()] for block in blocks]


def test_the_readme_has_a_tour() -> None:
    assert len(_tours()) >= 2


@pytest.mark.parametrize("tour", _tours(), ids=lambda t: t[0][:40])
def test_every_tour_command_runs(
    tour: list[str], run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(README.parent)  # the tour's paths are relative to the repository
    for line in tour:
        args = shlex.split(line.replace("/tmp/nextyes-demo", str(tmp_path / "demo")))
        assert args[0] == "nextyes"
        run.ok(*args[1:])


def test_make_has_the_two_commands() -> None:
    makefile = (README.parent / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, flags=re.M)
    assert re.search(r"^test:", makefile, flags=re.M)
