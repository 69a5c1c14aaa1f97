"""The insights as sentences for people, from the templates in ``content/learning/insights.toml``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nextyes import content
from nextyes.domain.insights import MIN_APPLICATIONS, MIN_GROUP, Rate
from nextyes.domain.themes import Control

if TYPE_CHECKING:
    from nextyes.services.learning.insights import Insights


def pct(rate: Rate) -> str:
    return f"{round(rate.value * 100)}%"


def plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def sentences(insights: Insights) -> dict[str, list[str]]:
    words = content.load("learning/insights")
    if insights.sent == 0:
        return {"overview": [words["nothing_yet"]]}
    applications = plural(insights.sent, "application", "applications")
    if not insights.enough:
        return {
            "overview": [
                content.fill(
                    words["too_little"],
                    count=insights.sent,
                    applications=applications,
                    needed=MIN_APPLICATIONS,
                )
            ],
            "themes": _themes(insights, words),
        }
    return {
        "overview": [_funnel(insights, words, applications)],
        "noes": _noes(insights, words),
        "timing": _timing(insights, words),
        "conversion": _conversion(insights, words),
        "themes": _themes(insights, words),
        "comparison": _comparison(insights, words),
    }


def _funnel(insights: Insights, words: dict[str, Any], applications: str) -> str:
    steps = {step.key: step for step in insights.funnel}
    return content.fill(
        words["funnel"]["summary"],
        applied=steps["applied"].count,
        applications=applications,
        response=steps["response"].count,
        response_pct=pct(steps["response"].rate),
        interview=steps["interview"].count,
        interview_pct=pct(steps["interview"].rate),
        offer=steps["offer"].count,
        offer_pct=pct(steps["offer"].rate),
    )


def _noes(insights: Insights, words: dict[str, Any]) -> list[str]:
    noes = insights.noes_by_stage
    if not noes:
        return [words["noes"]["none"]]
    total = sum(noes.values())
    stage, count = max(noes.items(), key=lambda item: item[1])
    if count * 2 <= total:
        return [words["noes"]["spread"]]
    found = [
        content.fill(
            words["noes"]["cluster"],
            stage=words["noes"]["when"][stage.value],
            count=count,
            total=total,
        )
    ]
    advice = words["noes"]["advice"].get(stage.value)
    return [*found, advice] if advice else found


def _timing(insights: Insights, words: dict[str, Any]) -> list[str]:
    timing = words["timing"]
    found = []
    if insights.response_time is None:
        found.append(timing["too_few"])
    else:
        q1, q3 = insights.response_time.quartiles
        found.append(
            content.fill(
                timing["response"],
                median=_days(insights.response_time.median_days),
                q1=_days(q1),
                q3=_days(q3),
            )
        )
    quiet = insights.unanswered
    if quiet.total:
        found.append(
            content.fill(
                timing["unanswered"],
                hits=quiet.hits,
                total=quiet.total,
                applications=plural(quiet.total, "application", "applications"),
                pct=pct(quiet),
            )
        )
    else:
        found.append(timing["unanswered_none"])
    silent = insights.ghosted_after_interview
    if silent.total and silent.hits:
        found.append(
            content.fill(
                timing["ghosted"],
                hits=silent.hits,
                total=silent.total,
                applications=plural(silent.total, "application", "applications"),
                pct=pct(silent),
            )
        )
    return found


def _days(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _conversion(insights: Insights, words: dict[str, Any]) -> list[str]:
    texts = words["conversion"]
    found = []
    for name, groups in insights.conversions.items():
        label = texts["labels"][name]
        if sum(1 for g in groups if g.enough) < 2:
            if groups:
                found.append(content.fill(texts["too_few"], label=label, needed=MIN_GROUP))
            continue
        standouts = insights.standouts[name]
        if not standouts:
            found.append(content.fill(texts["no_standout"], label=label))
        for standout in standouts:
            found.append(
                content.fill(
                    texts["standout"],
                    label=label,
                    group=standout.group.group,
                    hits=standout.group.interview.hits,
                    total=standout.group.interview.total,
                    pct=pct(standout.group.interview),
                    rest_pct=pct(standout.rest),
                )
            )
    return found


def _themes(insights: Insights, words: dict[str, Any]) -> list[str]:
    texts = words["themes"]
    within: list[str] = []
    outside: list[str] = []
    for trend in insights.themes:
        label = texts["names"][trend.theme.value]
        into = outside if trend.control is Control.NO else within
        if trend.recurring:
            recent = content.fill(texts["recent"], last_30=trend.last_30) if trend.last_30 else ""
            line = content.fill(
                texts["recurring"],
                label=label,
                last_90=trend.last_90,
                times=plural(trend.last_90, "time", "times"),
                recent=recent,
            )
            into.append(f"{line} {texts['control'][trend.control.value]}")
        elif trend.last_90 == 0 and trend.before >= 2:
            into.append(
                content.fill(
                    texts["fading"],
                    label=label,
                    before=trend.before,
                    times=plural(trend.before, "time", "times"),
                )
            )
    found = []
    if within:
        found += [texts["within"], *within]
    if outside:
        found += [texts["outside"], *outside]
    return found or [texts["none"]]


def _comparison(insights: Insights, words: dict[str, Any]) -> list[str]:
    texts = words["comparison"]
    if not insights.comparisons:
        return []
    found = [texts["intro"]]
    for comparison in insights.comparisons:
        yours = content.fill(
            texts["yours"],
            hits=comparison.yours.hits,
            total=comparison.yours.total,
            pct=pct(comparison.yours),
        )
        found.append(
            content.fill(
                texts["line"],
                statement=comparison.statement,
                source=comparison.source,
                yours=yours,
                uncertainty=comparison.uncertainty,
            )
        )
    return found
