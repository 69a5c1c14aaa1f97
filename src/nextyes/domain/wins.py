"""Small wins: the records, and the pure rules that spot them in what the journal holds.

Automatic wins carry a key that is unique per owner, so looking for them again never adds one
twice. The rules below only read events and text; the service gathers the facts and stores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from nextyes.domain.models import StageEvent
from nextyes.domain.stages import RANK, Stage

MAX_WIN = 500


class WinKind(StrEnum):
    MANUAL = "manual"
    INTERVIEW = "interview"  # invited to an interview or a final round
    FURTHEST = "furthest"  # a later stage than ever before
    FEEDBACK = "feedback"  # something good said about you
    CONTACT = "contact"  # a new person in your network
    REFERRAL = "referral"  # someone referred you
    PLAN = "plan"  # a plan item finished
    GOAL = "goal"  # a weekly goal met
    COMEBACK = "comeback"  # the first application after a no


# Records here are NamedTuples: `nextyes today` imports them, and a NamedTuple costs a
# fraction of a frozen dataclass to define, which a quick command feels.
class Win(NamedTuple):
    id: int
    occurred_on: date
    text: str
    kind: WinKind
    application_id: int | None = None
    auto_key: str | None = None

    @property
    def automatic(self) -> bool:
        return self.auto_key is not None


class NewWin(NamedTuple):
    occurred_on: date
    text: str
    kind: WinKind
    application_id: int | None = None
    auto_key: str | None = None


# Stages that count as getting further along the pipeline (declining an offer does not rank).
_FURTHER = frozenset(RANK) - {Stage.SAVED, Stage.APPLIED, Stage.DECLINED}
INVITE_STAGES = frozenset({Stage.INTERVIEW, Stage.FINAL})


def _timeline(events: Iterable[StageEvent]) -> list[StageEvent]:
    return sorted((e for e in events if not e.correction), key=lambda e: (e.occurred_on, e.id))


def taken_back(events: Iterable[StageEvent]) -> set[int]:
    """Ids of the events a later correction took back.

    A correction to a stage says the application never really got past it, so the earlier
    events of that application at a later stage did not happen; a move forward after the
    correction is real again."""
    taken: set[int] = set()
    seen: dict[int, list[StageEvent]] = {}
    for event in sorted(events, key=lambda e: e.id):
        earlier = seen.setdefault(event.application_id, [])
        if event.correction and event.stage in RANK:
            back_to = RANK[event.stage]
            taken.update(e.id for e in earlier if e.stage in RANK and RANK[e.stage] > back_to)
        earlier.append(event)
    return taken


def furthest_firsts(events: Iterable[StageEvent], reached_before: int) -> list[StageEvent]:
    """Events that took the search to a later stage than ever before.

    `events` are those from some day on, and `reached_before` is the highest rank reached before
    that day (-1 for none). At most one event per stage, since the best rank only grows.
    """
    best = reached_before
    found = []
    for event in _timeline(events):
        if event.stage not in RANK:
            continue
        rank = RANK[event.stage]
        if rank > best and event.stage in _FURTHER:
            found.append(event)
        if event.stage is not Stage.DECLINED:
            best = max(best, rank)
    return found


def invitations(events: Iterable[StageEvent]) -> list[StageEvent]:
    """Invitations to talk: each interview round or final round reached."""
    return [e for e in _timeline(events) if e.stage in INVITE_STAGES]


def comebacks(events: Iterable[StageEvent]) -> list[tuple[StageEvent, StageEvent]]:
    """(the no, the first application sent after it), over a timeline of applied and rejected
    events. A no and an application on the same day count: sending one that day is a comeback.
    The application must be another one: a no can never be its own comeback."""
    order = {Stage.REJECTED: 0, Stage.APPLIED: 1}
    timeline = sorted(
        (e for e in events if e.stage in order and not e.correction),
        key=lambda e: (e.occurred_on, order[e.stage], e.id),
    )
    found = []
    pending: StageEvent | None = None
    for event in timeline:
        if event.stage is Stage.REJECTED:
            pending = event
        elif pending is not None and event.application_id != pending.application_id:
            found.append((pending, event))
            pending = None
    return found


# --- praise in feedback ----------------------------------------------------------------------


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The praise rules, compiled on first use (`today` rarely needs them)."""
    praise = re.compile(
        r"\b(liked|loved|enjoyed|impressed|impressive|strong|excellent|great|clear|thoughtful|"
        r"outstanding|solid|good|positive|fantastic|brilliant|confident|articulate|insightful|"
        r"engaging|compelling|polished|sharp|praised|appreciated|stood out|standout|"
        r"came across well|went well|did well|well[- ]prepared|well[- ]structured|well done)\b"
    )
    negation = re.compile(
        r"\b(not|never|no|nor|lack|lacked|lacking|without|less|needed|need|needs|wasn't|"
        r"weren't|isn't|aren't|didn't|don't|doesn't|would|could|should|might|if|unless|more|"
        r"too)\b|n't\b|'d\b"
    )
    not_about_you = re.compile(
        r"\b(candidates?|applicants?|others?|someone|somebody|field|pool|competition)\b|"
        r"\b(great|nice|lovely|good|pleasure|glad) to (meet|speak|talk|chat|hear)|"
        r"\bthank|\bappreciated? (your|the) (time|interest|patience|application)"
    )
    clause = re.compile(
        r"(?:[.;!?:\n]+|,|\s[-–—]\s|\b(?:but|though|although|however|yet|whereas)\b)",
        re.IGNORECASE,
    )
    return praise, negation, not_about_you, clause


_WINDOW = 4  # words before a praise word that can turn it around


def praise_in(text: str) -> str | None:
    """The first clause of some feedback that says something good about the candidate.

    "Strong interview, but they need more experience" -> "Strong interview". Negated,
    conditional or comparative praise ("not strong enough", "would have liked more") and praise
    of other people ("several strong candidates") do not count; nor do pleasantries.
    """
    praise, negation, not_about_you, clauses = _patterns()
    for clause in clauses.split(text):
        part = clause.strip()
        lower = part.lower().replace("\u2019", "'")
        if not part or not_about_you.search(lower):
            continue
        for match in praise.finditer(lower):
            before = lower[: match.start()].split()[-_WINDOW:]
            if not negation.search(" ".join(before)):
                return (part[:1].upper() + part[1:])[:MAX_WIN]
    return None


def first_sentence(text: str, limit: int = 120) -> str:
    """A short quote: the text up to its first sentence end, cut at a word near `limit`."""
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def new_wins_only(found: Sequence[NewWin], known_keys: Iterable[str]) -> list[NewWin]:
    """Drop wins whose key is already stored (and repeats within `found`)."""
    seen = set(known_keys)
    result = []
    for win in found:
        if win.auto_key is not None:
            if win.auto_key in seen:
                continue
            seen.add(win.auto_key)
        result.append(win)
    return result
