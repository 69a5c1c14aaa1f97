"""Errors nextyes reports to people: each message says what to do next."""

from __future__ import annotations


class NextyesError(Exception):
    """An error caused by the input or the situation, not a bug: shown without a traceback."""


class ModelUnavailable(NextyesError):
    """A shipped model is missing or was built for another version."""
