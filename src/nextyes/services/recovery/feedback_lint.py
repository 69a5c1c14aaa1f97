"""Checking the wording of a feedback request the person wrote or edited (no journal needed)."""

from __future__ import annotations

from nextyes.text.feedback_lint import Flag, lint


def lint_request(text: str) -> list[Flag]:
    """Flags for phrasings that make a hiring team less likely to answer, each with a rewrite."""
    return lint(text)
