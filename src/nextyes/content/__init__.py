"""The words nextyes shows to people, kept in TOML data files beside this module.

Messages, templates and questions are product text: they live here so they can be reviewed and
translated without touching code. `load("rejection")` reads `rejection.toml` once per process.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed content file `<name>.toml`, read once and cached.

    The returned dictionary is shared between callers: read it, never change it.
    """
    if not name or not name.replace("_", "").isalnum():
        raise ValueError(f"{name!r} is not a content file name (letters, digits and _ only).")
    source = resources.files(__name__).joinpath(f"{name}.toml")
    if not source.is_file():
        raise FileNotFoundError(f"nextyes has no content file named {name}.toml.")
    return tomllib.loads(source.read_text(encoding="utf-8"))
