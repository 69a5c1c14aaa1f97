"""The project's words: messages, templates and questions kept as TOML data files.

    from nextyes import content
    content.load("pipeline")["moved"]["interview"]

Files live beside this module so they can be reviewed and translated without touching code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed content file `<name>.toml` (cached; read on first use, never at import)."""
    text = (FOLDER / f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def fill(template: str, **values: object) -> str:
    """Fill `{name}` fields; a template that names a missing value is a bug, so it raises."""
    return template.format_map(values)
