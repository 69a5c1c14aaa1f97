"""The journal export as text: the envelope indented, then one row per line.

One row per line keeps a large export quick to write (the C JSON encoder does each row) and
easy to read and compare with a text tool. It is ordinary JSON: any JSON reader loads it.
"""

from __future__ import annotations

import json
from typing import Any


def _one(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def journal_json(document: dict[str, Any]) -> str:
    lines = ["{"]
    for key, value in document.items():
        if key != "tables":
            lines.append(f"  {_one(key)}: {_one(value)},")
    lines.append('  "tables": {')
    tables = list(document.get("tables", {}).items())
    for n, (name, rows) in enumerate(tables):
        comma = "," if n < len(tables) - 1 else ""
        if not rows:
            lines.append(f"    {_one(name)}: []{comma}")
            continue
        lines.append(f"    {_one(name)}: [")
        lines.extend(
            f"      {_one(row)}{',' if i < len(rows) - 1 else ''}" for i, row in enumerate(rows)
        )
        lines.append(f"    ]{comma}")
    lines += ["  }", "}", ""]
    return "\n".join(lines)
