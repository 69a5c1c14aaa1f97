"""Shared checks for the composer tests: rendered text must read as finished prose."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

LEFTOVERS = re.compile(r"None|\{|\}|\[|\]|\|")
# "Hello," is a whole greeting; "Hi," or "Dear ," is one whose name went missing.
EMPTY_GREETING = re.compile(r"^(?:Hi|Dear|Hey)\s*[,!]|^\w+\s+,", re.MULTILINE)
BAD_SPACING = re.compile(r" {2,}| [,.;:!?)]|\( |[ \t]$|\n{3,}", re.MULTILINE)


def _assert_reads_well(text: str) -> None:
    assert text, "rendered text is empty"
    assert text == text.strip(), repr(text)
    assert not LEFTOVERS.search(text), f"leftover placeholder in {text!r}"
    assert not EMPTY_GREETING.search(text), f"empty greeting in {text!r}"
    assert not BAD_SPACING.search(text), f"bad spacing in {text!r}"


@pytest.fixture
def assert_reads_well() -> Callable[[str], None]:
    return _assert_reads_well
