"""Errors a person can act on. Each message says what went wrong and what to do next."""

from __future__ import annotations


class NextyesError(Exception):
    """A problem with the input; the command-line edge turns it into exit code 2."""


class MailboxError(NextyesError):
    """A path that nextyes cannot read as a mailbox."""
