"""The README's tour runs as a newcomer would follow it: every block, in order, in one home.

The default home is one fresh folder for the whole tour and the demo home one other, so an id
a block uses has to be the id the blocks before it made, and no block may redo what an earlier
one did (a second `demo` into a filled home is refused).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import Cli

README = Path(__file__).resolve().parents[1] / "README.md"
DEMO_HOME = "/tmp/nextyes-demo"


def _tours() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- tour:[^>]*-->\n```sh\n(.*?)```", text, flags=re.S)
    return [[line for line in block.splitlines() if line.strip()] for block in blocks]


def test_the_readme_has_a_tour() -> None:
    assert len(_tours()) >= 2


def test_the_tour_runs_top_to_bottom_in_one_home(
    run: Cli, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(README.parent)  # the tour's paths are relative to the repository
    assert not home.exists()  # a newcomer's first command meets an empty home
    for block in _tours():
        for line in block:
            args = shlex.split(line.replace(DEMO_HOME, str(tmp_path / "demo")))
            assert args[0] == "nextyes"
            result = run(*args[1:])
            assert result.exit_code == 0, (line, result.output, result.exception)


def test_the_demo_runs_once_in_the_tour() -> None:
    demos = [line for block in _tours() for line in block if re.search(r"\bdemo\s*$", line)]
    assert len(demos) == 1


def test_make_has_the_two_commands() -> None:
    makefile = (README.parent / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, flags=re.M)
    assert re.search(r"^test:", makefile, flags=re.M)
