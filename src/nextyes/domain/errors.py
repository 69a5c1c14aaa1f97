"""The errors a user can cause, each with a message that names the next step.

They live in the domain so pure rules can raise them; `nextyes.errors` re-exports them beside the
errors of the outer layers. Every edge translates a NextyesError once: the CLI into exit code 2,
the web app into a 4xx answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Words:
    """A sentence kept in a content file: `key` of `content/<file>.toml` (such as
    `Words("pipeline/web", "ended", {"stage": "rejected"})`), filled with `values` by the edge
    that shows it. A value may itself be Words (a sentence inside a sentence)."""

    file: str
    key: str
    values: Mapping[str, object] = field(default_factory=dict)


class NextyesError(Exception):
    """Something the user can fix. The message says what is wrong and what to do.

    `web` names the same message for someone using the browser, kept in a content file, when
    the first names a command or an option: the web app shows it instead."""

    def __init__(self, message: str, *, web: Words | None = None) -> None:
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
