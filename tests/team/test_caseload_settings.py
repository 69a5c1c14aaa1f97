"""The caseload's thresholds are settings: the guide's [caseload] block loads as written, the
environment overrides it, and a wrong value is refused with a message that says what to do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nextyes.domain.caseload import CaseloadRules
from nextyes.errors import InvalidInput
from nextyes.server_settings import ServerSettings

DOC = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


def _write(tmp_path: Path, text: str) -> Path:
    config = tmp_path / "server.toml"
    config.write_text(text, encoding="utf-8")
    return config


def test_the_guides_caseload_block_loads_and_the_environment_wins(tmp_path: Path) -> None:
    blocks = re.findall(r"```toml\n(\[caseload\].*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert blocks, "docs/deploy.md shows the [caseload] settings"
    config = _write(tmp_path, blocks[0])
    assert ServerSettings.load(config, env={}).caseload == CaseloadRules()
    changed = ServerSettings.load(
        config, env={"NEXTYES_CASELOAD_QUIET_DAYS": "10", "NEXTYES_CASELOAD_PIPELINE_RATIO": "0.3"}
    )
    assert changed.caseload.quiet_days == 10 and changed.caseload.pipeline_ratio == 0.3
    assert ServerSettings.load(None, env={}).caseload == CaseloadRules()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[caseload]\nquiet_days = 0\n", "from 1 to 365"),
        ("[caseload]\npipeline_ratio = 'half'\n", "should be a number"),
        ("[caseload]\nquiet = 3\n", "has no setting 'quiet'"),
        ("caseload = 3\n", "should be a table"),
    ],
)
def test_a_wrong_threshold_is_refused_clearly(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        ServerSettings.load(_write(tmp_path, text), env={})
