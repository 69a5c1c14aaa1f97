"""The project's words: messages, templates and questions kept as TOML data files.

    from nextyes import content
    content.load("pipeline/messages")["moved"]["interview"]

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
    """The parsed content file `<name>.toml`, where name is `file` or `feature/file` (cached;
    read on first use, never at import).

    The returned dictionary is shared between callers: read it, never change it.
    """
    parts = name.split("/")
    if len(parts) > 2 or not all(part and part.replace("_", "").isalnum() for part in parts):
        raise ValueError(
            f"{name!r} is not a content file name (letters, digits and _, "
            "optionally after one `feature/`)."
        )
    path = FOLDER / f"{name}.toml"
    if not path.is_file():
        raise FileNotFoundError(f"nextyes has no content file named {name}.toml.")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def fill(template: str, **values: object) -> str:
    """Fill `{name}` fields; a template that names a missing value is a bug, so it raises."""
    return template.format_map(values)


def counted(forms: list[str], n: int) -> str:
    """A count with its noun, from a content pair such as ["{n} application", "{n} applications"]:
    the first form for one, the second for any other number."""
    return fill(forms[0] if n == 1 else forms[1], n=n)
