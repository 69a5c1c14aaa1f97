"""Who needs a check-in: each signal from its facts, with thresholds from the settings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from nextyes.domain.caseload import (
    CaseloadRules,
    Celebration,
    ClientFacts,
    CoolDownEnd,
    Outcome,
    SignalKind,
    Upcoming,
    signals_for,
)

NOW = datetime(2026, 11, 22, 10, tzinfo=UTC)
TODAY = NOW.date()
RULES = CaseloadRules()


def kinds(facts: ClientFacts, rules: CaseloadRules = RULES) -> list[SignalKind]:
    return [s.kind for s in signals_for(facts, rules, TODAY, NOW, 0.03)]


def facts(**values: object) -> ClientFacts:
    base: dict[str, object] = {"client_id": 1, "last_seen": NOW - timedelta(days=1)}
    return ClientFacts(**{**base, **values})  # type: ignore[arg-type]


def test_quiet_only_against_their_own_weekly_goal_and_the_threshold_setting() -> None:
    quiet = facts(last_applied=TODAY - timedelta(days=15), weekly_goal=5, outcomes=[])
    assert SignalKind.QUIET in kinds(quiet)
    assert SignalKind.QUIET not in kinds(
        facts(last_applied=TODAY - timedelta(days=15), outcomes=[])
    )
    assert SignalKind.QUIET not in kinds(quiet, CaseloadRules(quiet_days=20))


def test_noes_in_a_row_unless_a_step_came_after_the_first() -> None:
    noes = [Outcome(i, f"C{i}", "rejected", TODAY - timedelta(days=i)) for i in range(1, 4)]
    assert SignalKind.NOES in kinds(facts(outcomes=noes))
    stepped = facts(outcomes=noes, steps_since=TODAY - timedelta(days=2), steps_known=True)
    assert SignalKind.NOES not in kinds(stepped)
    broken = [noes[0], Outcome(9, "Yes Ltd", "interview", TODAY - timedelta(days=2)), *noes[1:]]
    assert SignalKind.NOES not in kinds(facts(outcomes=broken))
    assert SignalKind.NOES not in kinds(facts(outcomes=noes), CaseloadRules(noes_in_a_row=4))


def test_a_cool_down_that_ended_without_a_next_step() -> None:
    ended = [CoolDownEnd(7, "Acme", NOW - timedelta(days=2))]
    assert SignalKind.COOL_DOWN in kinds(facts(cool_downs=ended))
    assert SignalKind.COOL_DOWN not in kinds(facts(cool_downs=ended, next_step_after={7: True}))
    old = [CoolDownEnd(7, "Acme", NOW - timedelta(days=30))]
    assert SignalKind.COOL_DOWN not in kinds(facts(cool_downs=old))


def test_a_pipeline_far_below_their_own_earlier_rate_or_the_published_figure() -> None:
    own = facts(pipeline_known=True, recent_sent=20, recent_interviews=1, earlier_sent=20,
                earlier_interviews=6, window_start=date(2026, 9, 1))  # fmt: skip
    assert SignalKind.PIPELINE in kinds(own)
    fine = facts(pipeline_known=True, recent_sent=20, recent_interviews=5, earlier_sent=20,
                 earlier_interviews=6)  # fmt: skip
    assert SignalKind.PIPELINE not in kinds(fine)
    published = facts(pipeline_known=True, recent_sent=30, recent_interviews=0)
    assert SignalKind.PIPELINE in kinds(published)
    assert SignalKind.PIPELINE not in kinds(published, CaseloadRules(pipeline_min=40))


def test_away_interviews_and_wins() -> None:
    assert SignalKind.AWAY in kinds(facts(last_seen=NOW - timedelta(days=22)))
    assert SignalKind.AWAY in kinds(facts(last_seen=None))
    assert SignalKind.AWAY not in kinds(
        facts(last_seen=NOW - timedelta(days=22)), CaseloadRules(away_days=30)
    )
    soon = facts(upcoming=[Upcoming(3, "Acme", TODAY + timedelta(days=2))])
    assert kinds(soon) == [SignalKind.INTERVIEW]
    won = facts(celebrations=[Celebration(3, "offer|Acme", TODAY)])
    assert kinds(won) == [SignalKind.WIN]
    assert not SignalKind.WIN.check_in and SignalKind.QUIET.check_in
