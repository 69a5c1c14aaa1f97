"""Patterns across a search: the funnel, where the noes come, what converts, recurring themes.

Pure calculations over plain facts (the repository gathers them in one query). Every rate
carries its counts and a 95% Wilson interval, and nothing is called a pattern unless there is
enough data and the difference is larger than chance would easily give: a journal with a
handful of applications is told so rather than shown a trend.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from nextyes.domain.stages import PROGRESS, RANK, Stage
from nextyes.domain.themes import CONTROL, Control, Theme

MIN_APPLICATIONS = 10
"""Sent applications needed before any rate is read."""
MIN_GROUP = 8
"""Applications a group (a source, a résumé version ...) needs before it is compared."""
MIN_RESPONSES = 5
"""Answers needed before response times are described."""
QUIET_AFTER = timedelta(days=30)
"""An application with no answer after this long counts as unanswered."""
RECURRING = 2
"""Mentions in the last 90 days that make a theme recurring."""

RESPONSE_STAGES = frozenset(
    {Stage.SCREENING, Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL, Stage.OFFER,
     Stage.ACCEPTED, Stage.DECLINED, Stage.REJECTED}
)  # fmt: skip
"""Events that mean the employer answered (a "no" is an answer too)."""


@dataclass(frozen=True, slots=True)
class ApplicationFacts:
    """What the insights need to know about one application."""

    id: int
    applied_on: date | None
    stage: Stage
    furthest: Stage
    """The furthest step along the pipeline it reached (applied at least, once sent)."""
    first_response_on: date | None
    rejected_at: Stage | None
    source: str | None = None
    resume_version: str | None = None
    cover_letter_version: str | None = None
    role: str = ""

    def reached(self, stage: Stage) -> bool:
        return RANK[self.furthest] >= RANK[stage]


@dataclass(frozen=True, slots=True)
class Rate:
    """hits out of total, with a 95% Wilson interval (0..1)."""

    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        if not self.total:
            return (0.0, 1.0)
        z = 1.96
        n, p = self.total, self.value
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        low = 0.0 if self.hits == 0 else max(0.0, min(p, centre - half))
        high = 1.0 if self.hits == n else min(1.0, max(p, centre + half))
        return (low, high)

    def clearly_above(self, other: Rate) -> bool:
        """Whether the two intervals do not overlap, this one higher."""
        return self.interval[0] > other.interval[1]


@dataclass(frozen=True, slots=True)
class FunnelStep:
    key: str
    """applied, response, interview, final or offer."""
    count: int
    rate: Rate
    """Share of sent applications that got this far."""


@dataclass(frozen=True, slots=True)
class GroupOutcome:
    """How applications in one group (a source, a résumé version ...) fared."""

    group: str
    applications: int
    response: Rate
    interview: Rate
    offer: Rate

    @property
    def enough(self) -> bool:
        return self.applications >= MIN_GROUP


@dataclass(frozen=True, slots=True)
class Standout:
    """A group whose interview rate is clearly above the rest of the search."""

    group: GroupOutcome
    rest: Rate


@dataclass(frozen=True, slots=True)
class ResponseTime:
    answered: int
    median_days: float
    quartiles: tuple[float, float]


@dataclass(frozen=True, slots=True)
class ThemeMention:
    theme: Theme
    on: date


@dataclass(frozen=True, slots=True)
class ThemeTrend:
    theme: Theme
    last_30: int
    last_90: int
    before: int

    @property
    def control(self) -> Control:
        return CONTROL[self.theme]

    @property
    def recurring(self) -> bool:
        return self.last_90 >= RECURRING


def sent(facts: Iterable[ApplicationFacts]) -> list[ApplicationFacts]:
    """Applications actually sent (saved-only ones are plans, not applications)."""
    return [f for f in facts if f.applied_on is not None]


def funnel(facts: Sequence[ApplicationFacts]) -> list[FunnelStep]:
    """Sent -> any answer -> interview -> final -> offer, each as a share of sent."""
    total = len(facts)
    counts = {
        "applied": total,
        "response": sum(1 for f in facts if f.first_response_on is not None),
        "interview": sum(1 for f in facts if f.reached(Stage.INTERVIEW)),
        "final": sum(1 for f in facts if f.reached(Stage.FINAL)),
        "offer": sum(1 for f in facts if f.reached(Stage.OFFER)),
    }
    return [FunnelStep(key, n, Rate(n, total)) for key, n in counts.items()]


def noes_by_stage(facts: Iterable[ApplicationFacts]) -> dict[Stage, int]:
    """How many noes came at each step, in pipeline order (steps with none left out)."""
    counts = Counter(f.rejected_at for f in facts if f.rejected_at is not None)
    return {stage: counts[stage] for stage in PROGRESS if counts[stage]}


def conversions(
    facts: Sequence[ApplicationFacts], keys: Mapping[str, Callable[[ApplicationFacts], str | None]]
) -> dict[str, list[GroupOutcome]]:
    """Outcomes per group for each grouping (largest group first); applications without a
    value for a grouping are left out of it."""
    interview, offer = RANK[Stage.INTERVIEW], RANK[Stage.OFFER]
    outcomes = [
        (f.first_response_on is not None, RANK[f.furthest] >= interview, RANK[f.furthest] >= offer)
        for f in facts
    ]
    result = {}
    for name, key in keys.items():
        tallies: dict[str, list[int]] = {}
        for (group, outcome), n in Counter(zip(map(key, facts), outcomes, strict=True)).items():
            if group:
                tally = tallies.setdefault(group, [0, 0, 0, 0])
                tally[0] += n
                tally[1] += outcome[0] * n
                tally[2] += outcome[1] * n
                tally[3] += outcome[2] * n
        groups = [
            GroupOutcome(group, n, Rate(answered, n), Rate(interviewed, n), Rate(offered, n))
            for group, (n, answered, interviewed, offered) in tallies.items()
        ]
        result[name] = sorted(groups, key=lambda g: (-g.applications, g.group))
    return result


def standouts(groups: Sequence[GroupOutcome]) -> list[Standout]:
    """Groups with enough data whose interview rate is clearly above all the other groups'."""
    found = []
    for group in groups:
        if not group.enough:
            continue
        rest_hits = sum(g.interview.hits for g in groups if g is not group)
        rest_total = sum(g.interview.total for g in groups if g is not group)
        rest = Rate(rest_hits, rest_total)
        if rest_total >= MIN_GROUP and group.interview.clearly_above(rest):
            found.append(Standout(group, rest))
    return found


def response_time(facts: Iterable[ApplicationFacts]) -> ResponseTime | None:
    """Days from sending to the first answer, when there are enough answers to say."""
    days = sorted(
        (f.first_response_on - f.applied_on).days
        for f in facts
        if f.first_response_on is not None and f.applied_on is not None
    )
    if len(days) < MIN_RESPONSES:
        return None
    import statistics  # only here: it pulls in fractions and decimal

    q1, _, q3 = statistics.quantiles(days, n=4, method="inclusive")
    return ResponseTime(len(days), float(statistics.median(days)), (q1, q3))


def unanswered(facts: Iterable[ApplicationFacts], today: date) -> Rate:
    """Of applications sent at least 30 days ago, how many never got an answer."""
    old = [
        f
        for f in facts
        if f.applied_on is not None
        and f.applied_on <= today - QUIET_AFTER
        and f.stage is not Stage.WITHDRAWN
    ]
    return Rate(sum(1 for f in old if f.first_response_on is None), len(old))


def ghosted_after_interview(facts: Iterable[ApplicationFacts]) -> Rate:
    """Of applications that reached an interview and have ended, how many ended in silence."""
    ended = [
        f
        for f in facts
        if f.reached(Stage.INTERVIEW) and not f.stage.is_open and f.stage is not Stage.WITHDRAWN
    ]
    return Rate(sum(1 for f in ended if f.stage is Stage.GHOSTED), len(ended))


def theme_trends(mentions: Iterable[ThemeMention], today: date) -> list[ThemeTrend]:
    """Mentions of each theme in the last 30 and 90 days and before; most recent-heavy first."""
    last_30: Counter[Theme] = Counter()
    last_90: Counter[Theme] = Counter()
    before: Counter[Theme] = Counter()
    for mention in mentions:
        age = (today - mention.on).days
        if age < 90:
            last_90[mention.theme] += 1
            if age < 30:
                last_30[mention.theme] += 1
        else:
            before[mention.theme] += 1
    themes = set(last_90) | set(before)
    trends = [ThemeTrend(t, last_30[t], last_90[t], before[t]) for t in themes]
    return sorted(trends, key=lambda t: (-t.last_90, -t.last_30, -t.before, t.theme.value))
