"""A small template language for messages whose facts are sometimes unknown.

    Thank you for talking with me[ on {interview_date}] about the {role} role.
    [Hi {first_name}|Hello],

`{name}` inserts a fact. `[...]` is an optional segment, kept only when every fact inside it is
known; `[A|B]` keeps the first alternative whose facts are all known (an alternative without
facts always is). A fact outside any segment is required. Values are inserted verbatim and
never read as template syntax, so a company called "{Acme}" stays "{Acme}". Segments do not nest;
templates are ours, so a malformed one is a programming error (TemplateError), found by tests.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

_FIELD = re.compile(r"\{([a-z_]+)\}")
_BLANK_RUNS = re.compile(r"\n{3,}")


class TemplateError(ValueError):
    """A template is malformed, or a required fact is missing."""


@dataclass(frozen=True)
class _Field:
    name: str


_Piece = str | _Field
_Run = tuple[_Piece, ...]


@dataclass(frozen=True)
class _Choice:
    alternatives: tuple[_Run, ...]


@dataclass(frozen=True)
class Template:
    source: str
    parts: tuple[_Piece | _Choice, ...]

    @property
    def fields(self) -> frozenset[str]:
        """Every fact the template can use."""
        names: set[str] = set()
        for part in self.parts:
            runs = part.alternatives if isinstance(part, _Choice) else ((part,),)
            names.update(p.name for run in runs for p in run if isinstance(p, _Field))
        return frozenset(names)

    @property
    def required(self) -> frozenset[str]:
        """The facts the template cannot do without."""
        return frozenset(p.name for p in self.parts if isinstance(p, _Field))

    def render(self, values: Mapping[str, str | None]) -> str:
        """The text with `values` filled in; None and "" count as unknown."""
        known = {k: v for k, v in values.items() if v}
        unknown = self.fields - set(values)
        if unknown:
            raise TemplateError(f"No value (not even None) given for {sorted(unknown)}.")
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, _Choice):
                run = next((r for r in part.alternatives if _all_known(r, known)), ())
                out.extend(_fill(run, known))
            elif isinstance(part, _Field) and part.name not in known:
                raise TemplateError(f"The template needs {part.name}, and it is unknown.")
            else:
                out.extend(_fill((part,), known))
        return _tidy("".join(out))


def _all_known(run: _Run, known: Mapping[str, str]) -> bool:
    return all(p.name in known for p in run if isinstance(p, _Field))


def _fill(run: _Run, known: Mapping[str, str]) -> list[str]:
    return [known[p.name] if isinstance(p, _Field) else p for p in run]


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


@cache
def parse(source: str) -> Template:
    """Parse a template once; the result is cached by its text."""
    parts: list[_Piece | _Choice] = []
    position = 0
    while position < len(source):
        start = source.find("[", position)
        if start < 0:
            parts.extend(_pieces(source[position:]))
            break
        parts.extend(_pieces(source[position:start]))
        end = source.find("]", start)
        if end < 0:
            raise TemplateError(f"Unclosed [ at {start} in {source!r}.")
        inner = source[start + 1 : end]
        if "[" in inner:
            raise TemplateError(f"Nested [ at {start} in {source!r}; segments do not nest.")
        parts.append(_Choice(tuple(tuple(_pieces(alt)) for alt in inner.split("|"))))
        position = end + 1
    return Template(source, tuple(parts))


def _pieces(text: str) -> list[_Piece]:
    if "]" in text or "|" in text:
        raise TemplateError(f"Stray ] or | outside a segment in {text!r}.")
    pieces: list[_Piece] = []
    position = 0
    for match in _FIELD.finditer(text):
        pieces.append(text[position : match.start()])
        pieces.append(_Field(match.group(1)))
        position = match.end()
    pieces.append(text[position:])
    for piece in pieces:
        if isinstance(piece, str) and ("{" in piece or "}" in piece):
            raise TemplateError(f"Malformed {{field}} in {text!r}.")
    return [p for p in pieces if p != ""]


def render(source: str, values: Mapping[str, str | None]) -> str:
    """Parse (cached) and render in one step."""
    return parse(source).render(values)
