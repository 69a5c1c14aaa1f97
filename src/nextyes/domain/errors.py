"""The errors a user can cause, each with a message that names the next step.

They live in the domain so pure rules can raise them; `nextyes.errors` re-exports them beside the
errors of the outer layers. Every edge translates a NextyesError once: the CLI into exit code 2,
the web app into a 4xx answer.
"""

from __future__ import annotations


class NextyesError(Exception):
    """Something the user can fix. The message says what is wrong and what to do.

    `web` is the same message for someone using the browser, when the first names a command
    (the web app shows it instead; the content files hold both versions)."""

    def __init__(self, message: str, *, web: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.web = web

    def __str__(self) -> str:
        return self.message


class InvalidInput(NextyesError):
    """A value the user gave cannot be used as it is."""


class NotFound(NextyesError):
    """The thing asked for does not exist in this journal."""


class Conflict(NextyesError):
    """The request clashes with what the journal already holds."""
