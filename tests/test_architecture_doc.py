"""docs/architecture.md keeps up with the code: the features' map and the commands by feature."""

from __future__ import annotations

import re
from pathlib import Path

import nextyes
from nextyes.cli.registry import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
SERVICES = Path(nextyes.__file__).resolve().parent / "services"


def _section(title: str) -> str:
    start = DOC.index(f"## {title}\n")
    end = DOC.find("\n## ", start + 1)
    return DOC[start : end if end != -1 else None]


def _commands_by_feature() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in re.findall(r"^- ([^:\n]+): (.+(?:\n  .+)*)", _section("Commands by feature"), re.M):
        found[line[0]] = re.findall(r"`([a-z]+)`", line[1])
    return found


def test_every_command_is_listed_once_under_its_feature() -> None:
    listed = _commands_by_feature()
    everywhere = [name for names in listed.values() for name in names]
    assert sorted(everywhere) == sorted(COMMANDS)
    for name, (module, _, _) in COMMANDS.items():
        parts = module.split(".")
        if len(parts) == 5:  # nextyes.cli.commands.<feature>.<module>
            assert name in listed.get(parts[3], []), f"`{name}` belongs under {parts[3]}"


def test_the_map_names_every_feature_package_and_module_of_services() -> None:
    tree = _section("The map: one word per feature, in every layer")
    names = [p.name + ("/" if p.is_dir() else "") for p in SERVICES.iterdir()]
    for name in names:
        if name.startswith("__") or name.endswith(".pyc"):
            continue
        assert re.search(rf"^  {re.escape(name)}\s", tree, re.M), f"{name} is not on the map"
