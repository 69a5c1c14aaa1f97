"""Who needs a check-in, and why: the caseload's signals as pure rules over plain facts.

The repository gathers the facts for all of a coach's clients in a few queries; these rules turn
each client's facts into signals, each with the thresholds from `CaseloadRules` (settings, never
constants in the rules). A signal only draws on what the client shares: the service passes the
facts of a scope only when the share holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum


class SignalKind(StrEnum):
    QUIET = "quiet"  # no applications for a while, against their own weekly goal
    NOES = "noes"  # several noes in a row with no reflection or plan step since
    COOL_DOWN = "cool_down"  # a cool-down ended with no next step
    INTERVIEW = "interview"  # an interview coming up: prepare together
    PIPELINE = "pipeline"  # applications turn into interviews far less often than before
    AWAY = "away"  # no sign-in for weeks
    WIN = "win"  # something to celebrate

    @property
    def check_in(self) -> bool:
        """Whether the signal asks for a check-in (the others are to prepare or celebrate)."""
        return self not in (SignalKind.INTERVIEW, SignalKind.WIN)


@dataclass(frozen=True, slots=True)
class CaseloadRules:
    """The thresholds, from the server's settings (`[caseload]`)."""

    quiet_days: int = 14
    noes_in_a_row: int = 3
    cool_down_days: int = 14  # how far back an ended cool-down still counts
    interview_days: int = 7
    pipeline_days: int = 60  # the recent window of applications
    pipeline_wait_days: int = 14  # applications younger than this have had no time to answer
    pipeline_min: int = 15  # applications in the window before the rate is read
    pipeline_ratio: float = 0.5  # "far below": under this share of the reference rate
    away_days: int = 21
    win_days: int = 7


@dataclass(frozen=True, slots=True)
class Outcome:
    application_id: int
    company: str
    stage: str
    on: date


@dataclass(frozen=True, slots=True)
class CoolDownEnd:
    application_id: int
    company: str
    ended_at: datetime


@dataclass(frozen=True, slots=True)
class Upcoming:
    application_id: int
    company: str
    on: date


@dataclass(frozen=True, slots=True)
class Celebration:
    application_id: int | None
    text: str
    on: date


@dataclass(frozen=True, slots=True)
class ClientFacts:
    """What the rules know of one client (a field is None when its scope is not shared)."""

    client_id: int
    last_seen: datetime | None
    last_applied: date | None = None
    applied_this_week: int | None = None
    weekly_goal: int | None = None
    outcomes: list[Outcome] | None = None  # newest first
    steps_since: date | None = None  # the latest plan step or reflection (what is shared)
    steps_known: bool = False  # whether plan or reflections are shared at all
    cool_downs: list[CoolDownEnd] | None = None
    next_step_after: dict[int, bool] = field(default_factory=dict)  # cool-down app -> a step
    upcoming: list[Upcoming] | None = None
    recent_sent: int = 0
    recent_interviews: int = 0
    earlier_sent: int = 0
    earlier_interviews: int = 0
    pipeline_known: bool = False
    window_start: date | None = None
    celebrations: list[Celebration] | None = None


@dataclass(frozen=True, slots=True)
class Signal:
    kind: SignalKind
    client_id: int
    values: dict[str, object]  # fill the sentence for the kind (content/coaching/messages.toml)
    application_id: int | None = None
    on: date | None = None


def signals_for(
    facts: ClientFacts, rules: CaseloadRules, today: date, now: datetime, published_rate: float
) -> list[Signal]:
    found: list[Signal] = []
    cid = facts.client_id
    if facts.weekly_goal and facts.outcomes is not None:
        quiet_since = facts.last_applied
        days = (today - quiet_since).days if quiet_since else None
        if days is None or days >= rules.quiet_days:
            found.append(
                Signal(
                    SignalKind.QUIET, cid,
                    {"days": days if days is not None else rules.quiet_days,
                     "goal": facts.weekly_goal, "never": days is None},
                    on=quiet_since,
                )
            )  # fmt: skip
    if facts.outcomes:
        run: list[Outcome] = []
        for outcome in facts.outcomes:
            if outcome.stage != "rejected":
                break
            run.append(outcome)
        if len(run) >= rules.noes_in_a_row:
            first = run[-1].on
            stepped = facts.steps_since is not None and facts.steps_since >= first
            if not stepped:
                found.append(
                    Signal(
                        SignalKind.NOES, cid,
                        {"count": len(run), "since": first, "steps_known": facts.steps_known},
                        application_id=run[0].application_id, on=run[0].on,
                    )
                )  # fmt: skip
    for ended in facts.cool_downs or []:
        fresh = now - timedelta(days=rules.cool_down_days) <= ended.ended_at <= now
        if fresh and not facts.next_step_after.get(ended.application_id, False):
            found.append(
                Signal(
                    SignalKind.COOL_DOWN, cid,
                    {"company": ended.company, "ended": ended.ended_at.date()},
                    application_id=ended.application_id, on=ended.ended_at.date(),
                )
            )  # fmt: skip
            break  # one is enough to ask about
    if facts.pipeline_known and facts.recent_sent >= rules.pipeline_min:
        recent = facts.recent_interviews / facts.recent_sent
        own = facts.earlier_sent >= rules.pipeline_min and facts.earlier_interviews > 0
        reference = facts.earlier_interviews / facts.earlier_sent if own else published_rate
        if recent < rules.pipeline_ratio * reference:
            found.append(
                Signal(
                    SignalKind.PIPELINE, cid,
                    {"interviews": facts.recent_interviews, "sent": facts.recent_sent,
                     "rate": round(recent * 100), "reference": round(reference * 100),
                     "own": own, "since": facts.window_start},
                )
            )  # fmt: skip
    if facts.last_seen is None or now - facts.last_seen >= timedelta(days=rules.away_days):
        days = (now - facts.last_seen).days if facts.last_seen else None
        found.append(Signal(SignalKind.AWAY, cid, {"days": days, "never": days is None}))
    for coming in facts.upcoming or []:
        found.append(
            Signal(
                SignalKind.INTERVIEW, cid,
                {"company": coming.company, "on": coming.on, "days": (coming.on - today).days},
                application_id=coming.application_id, on=coming.on,
            )
        )  # fmt: skip
    for celebration in (facts.celebrations or [])[:3]:
        found.append(
            Signal(
                SignalKind.WIN, cid, {"text": celebration.text, "on": celebration.on},
                application_id=celebration.application_id, on=celebration.on,
            )
        )  # fmt: skip
    return found
