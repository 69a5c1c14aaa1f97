"""`nextyes today` and `list` define only what they use: a frozen dataclass costs about 0.6 ms
to define, and the records for adding things, showing one application's detail or what was kept
after a no are defined on first use (domain/inputs.py, detail.py, recovery_rows.py), while
`domain.models` and `domain.recovery` still name them all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nextyes.domain import detail, inputs, models, recovery, recovery_rows

LATER = (
    "nextyes.domain.inputs", "nextyes.domain.detail", "nextyes.domain.recovery_rows",
    "rich", "sqlalchemy", "jinja2", "shutil",
)  # fmt: skip


@pytest.mark.parametrize("command", [["today"], ["list", "--limit", "20"]])
def test_a_quick_command_defines_no_record_it_does_not_use(
    command: list[str], tmp_path: Path
) -> None:
    env = {**os.environ, "NEXTYES_HOME": str(tmp_path), "NEXTYES_NOW": "2026-11-22T10:00:00"}
    env.pop("NEXTYES_DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "nextyes", "add", "Acme", "Analyst"], env=env,
                   check=True, capture_output=True)  # fmt: skip
    code = (
        "import sys; from nextyes.cli.main import main; sys.argv = ['nextyes', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {LATER!r} if m in sys.modules], file=sys.stderr)\n"
        "defined = {name for module in ('nextyes.domain.models', 'nextyes.domain.recovery')\n"
        "           for name in vars(sys.modules.get(module, sys))}\n"
        f"print([n for n in {(*models.ELSEWHERE, *recovery.ELSEWHERE)!r} if n in defined],\n"
        "      file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code, *command], env=env, capture_output=True,
                         text=True, check=True)  # fmt: skip
    assert out.stderr.strip().splitlines()[-2:] == ["[]", "[]"]


def test_the_records_defined_later_are_named_by_models_as_before() -> None:
    assert models.NewApplication is inputs.NewApplication
    assert models.NewStageEvent is inputs.NewStageEvent
    assert models.ApplicationDetail is detail.ApplicationDetail
    assert models.Note is detail.Note
    assert models.Question is detail.Question
    assert recovery.Reflection is recovery_rows.Reflection
    assert recovery.DraftRow is recovery_rows.DraftRow
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        models.Nothing  # noqa: B018


def test_the_table_width_is_the_one_shutil_would_give(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from nextyes.cli.output import terminal_width

    for columns in ("120", "0", "-3", "wide", None):
        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)
        monkeypatch.setenv("LINES", "40")
        assert terminal_width() == shutil.get_terminal_size((100, 24)).columns
