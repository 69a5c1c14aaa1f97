"""Cells a spreadsheet will not run as formulas (kept tiny: every listing imports it)."""

from __future__ import annotations

from datetime import date
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> str:
    """A cell a spreadsheet will not run as a formula (prefixing a quote, as OWASP advises)."""
    text = "" if value is None else str(value.isoformat() if isinstance(value, date) else value)
    return "'" + text if text.startswith(FORMULA_START) else text
