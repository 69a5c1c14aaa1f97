"""`nextyes insights`: patterns across the whole search, with the numbers behind them.

The calculations are pure (``nextyes.domain.insights``); this module gathers the facts, finds
the themes of feedback and rejection reasons (classifying any that were stored without
themes), and puts it all into sentences from ``content/learning/insights.toml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter

from nextyes.domain.insights import (
    MIN_APPLICATIONS,
    ApplicationFacts,
    FunnelStep,
    GroupOutcome,
    Rate,
    ResponseTime,
    Standout,
    ThemeTrend,
    conversions,
    funnel,
    ghosted_after_interview,
    noes_by_stage,
    response_time,
    sent,
    standouts,
    theme_trends,
    unanswered,
)
from nextyes.domain.roles import role_family
from nextyes.domain.stages import Stage
from nextyes.services.learning.themed_texts import theme_mentions, with_themes
from nextyes.storage.uow import UnitOfWork


def _role_family(facts: ApplicationFacts) -> str | None:
    return role_family(facts.role) if facts.role else None


GROUPINGS: dict[str, Callable[[ApplicationFacts], str | None]] = {
    "source": attrgetter("source"),
    "resume_version": attrgetter("resume_version"),
    "cover_letter_version": attrgetter("cover_letter_version"),
    "role_family": _role_family,
}


@dataclass(frozen=True, slots=True)
class Comparison:
    """A published figure beside the user's own."""

    key: str
    statement: str
    source: str
    url: str
    uncertainty: str
    published: float
    yours: Rate


@dataclass(frozen=True, slots=True)
class Insights:
    today: date
    sent: int
    enough: bool
    funnel: list[FunnelStep]
    noes_by_stage: dict[Stage, int]
    conversions: dict[str, list[GroupOutcome]]
    standouts: dict[str, list[Standout]]
    response_time: ResponseTime | None
    unanswered: Rate
    ghosted_after_interview: Rate
    themes: list[ThemeTrend]
    comparisons: list[Comparison]
    sentences: dict[str, list[str]] = field(default_factory=dict)


def build_insights(uow: UnitOfWork, today: date) -> Insights:
    """Everything `nextyes insights` shows, from one read of the journal."""
    with uow:
        facts = sent(uow.insights.application_facts())
        texts = uow.insights.themed_texts()
    by_group = conversions(facts, GROUPINGS)
    steps = funnel(facts)
    quiet = unanswered(facts, today)
    silent = ghosted_after_interview(facts)
    result = Insights(
        today=today,
        sent=len(facts),
        enough=len(facts) >= MIN_APPLICATIONS,
        funnel=steps,
        noes_by_stage=noes_by_stage(facts),
        conversions=by_group,
        standouts={name: standouts(groups) for name, groups in by_group.items()},
        response_time=response_time(facts),
        unanswered=quiet,
        ghosted_after_interview=silent,
        themes=theme_trends(theme_mentions(with_themes(texts)), today),
        comparisons=_comparisons(
            {"interview": steps[2].rate, "unanswered": quiet, "ghosted_after_interview": silent}
        ),
    )
    return replace(result, sentences=describe(result))


def _comparisons(yours: dict[str, Rate]) -> list[Comparison]:
    """Published figures for the measures the user has data on."""
    from nextyes import content

    found = []
    for figure in content.load("learning/insights")["published"]:
        rate = yours[figure["metric"]]
        if rate.total:
            found.append(
                Comparison(
                    key=figure["key"],
                    statement=figure["statement"],
                    source=figure["source"],
                    url=figure["url"],
                    uncertainty=figure["uncertainty"],
                    published=figure["value"],
                    yours=rate,
                )
            )
    return found


def describe(insights: Insights) -> dict[str, list[str]]:
    """The findings as sentences for people, by section."""
    from nextyes.services.learning.insight_words import sentences

    return sentences(insights)
