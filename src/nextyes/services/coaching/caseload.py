"""The coach's caseload: every client on one page, led by who needs a check-in and why.

One read through `policy.read_caseload` (which logs a "caseload" read for each client), a few
batched queries for all clients together, then the pure rules of `domain.caseload`. A client's
facts for a scope are gathered only when their share holds that scope, so a signal never rests
on something they keep private. Each signal becomes a sentence (content/coaching/messages.toml)
and a link to what raised it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from nextyes.domain.accounts import SignedIn
from nextyes.domain.caseload import (
    CaseloadRules,
    ClientFacts,
    Signal,
    SignalKind,
    signals_for,
)
from nextyes.domain.coaching import Scope, Share, ordered
from nextyes.services.coaching.policy import read_caseload
from nextyes.storage.uow import UnitOfWork

SORTS = ("need", "name", "seen", "interview", "applied")


@dataclass(frozen=True, slots=True)
class SignalLine:
    kind: SignalKind
    sentence: str
    href: str
    check_in: bool


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    client_id: int
    name: str
    scopes: list[Scope]
    signals: list[SignalLine]
    last_seen: datetime | None
    last_applied: date | None
    applied_this_week: int | None
    next_interview: date | None

    @property
    def check_ins(self) -> int:
        return sum(1 for s in self.signals if s.check_in)


def published_interview_rate() -> float:
    from nextyes import content

    for figure in content.load("learning/insights")["published"]:
        if figure["key"] == "interview_rate":
            return float(figure["value"])
    return 0.03


def _facts(
    uow: UnitOfWork, shares: list[Share], rules: CaseloadRules, now: datetime, today: date
) -> list[ClientFacts]:
    if not shares:
        return []
    ids = [s.seeker_id for s in shares]

    def having(*scopes: Scope) -> list[int]:
        return [s.seeker_id for s in shares if all(scope in s.scopes for scope in scopes)]

    apps = having(Scope.APPLICATIONS)
    goals_ids = having(Scope.APPLICATIONS, Scope.GOALS)
    plan_ids = having(Scope.PLAN)
    reflection_ids = having(Scope.REFLECTIONS)
    repo = uow.caseload
    seen = repo.last_seen(ids)
    week_start = today - timedelta(days=today.weekday())
    applying = repo.applying(apps, week_start) if apps else {}
    goals = repo.weekly_goals(goals_ids) if goals_ids else {}
    outcomes = repo.outcomes(apps, today - timedelta(days=180)) if apps else {}
    plan_steps = repo.latest_plan_step(plan_ids) if plan_ids else {}
    reflected = repo.latest_reflection(reflection_ids) if reflection_ids else {}
    since = now - timedelta(days=rules.cool_down_days)
    cooled = repo.ended_cool_downs(apps, since, now) if apps else {}
    steps = repo.steps_after(apps, since.date()) if apps else {}
    upcoming = (
        repo.upcoming(apps, today, today + timedelta(days=rules.interview_days)) if apps else {}
    )
    window_end = today - timedelta(days=rules.pipeline_wait_days)
    window_start = window_end - timedelta(days=rules.pipeline_days)
    conversion = repo.conversion(apps, window_start, window_end) if apps else {}
    celebrate_ids = having(Scope.APPLICATIONS)
    wins_ids = set(having(Scope.GOALS))
    news = (
        repo.celebrations(celebrate_ids, today - timedelta(days=rules.win_days), True)
        if (celebrate_ids)
        else {}
    )
    facts = []
    for share in shares:
        cid = share.seeker_id
        shared = share.scopes
        has_apps = Scope.APPLICATIONS in shared
        step_days = [d for d in (plan_steps.get(cid), reflected.get(cid)) if d is not None]
        ends = cooled.get(cid, []) if has_apps else None
        after: dict[int, bool] = {}
        for ended in ends or []:
            taken = steps.get(cid, [])
            after[ended.application_id] = any(
                (app is None or app == ended.application_id) and day >= ended.ended_at.date()
                for app, day in taken
            )
        sent, interviews, earlier_sent, earlier_interviews = conversion.get(cid, (0, 0, 0, 0))
        last_applied, this_week = applying.get(cid, (None, 0))
        celebrations = [
            c for c in news.get(cid, [])
            if not c.text.startswith("win|") or cid in wins_ids
        ] if has_apps else None  # fmt: skip
        facts.append(
            ClientFacts(
                client_id=cid,
                last_seen=seen.get(cid),
                last_applied=last_applied if has_apps else None,
                applied_this_week=this_week if has_apps else None,
                weekly_goal=goals.get(cid),
                outcomes=outcomes.get(cid, []) if has_apps else None,
                steps_since=max(step_days) if step_days else None,
                steps_known=Scope.PLAN in shared or Scope.REFLECTIONS in shared,
                cool_downs=ends,
                next_step_after=after,
                upcoming=upcoming.get(cid, []) if has_apps else None,
                recent_sent=sent,
                recent_interviews=interviews,
                earlier_sent=earlier_sent,
                earlier_interviews=earlier_interviews,
                pipeline_known=has_apps,
                window_start=window_start,
                celebrations=celebrations,
            )
        )
    return facts


def describe(signal: Signal) -> SignalLine:
    """The signal as a sentence for the coach, and where it came from."""
    from nextyes import content
    from nextyes.domain.dates import describe_day

    words = content.load("coaching/messages")["signals"]
    v = dict(signal.values)
    cid = signal.client_id
    href = f"/clients/{cid}"
    kind = signal.kind
    if kind is SignalKind.QUIET:
        key = "quiet_never" if v["never"] else "quiet"
        text = content.fill(words[key], days=v["days"], goal=v["goal"])
        href += "#applications"
    elif kind is SignalKind.NOES:
        key = "noes" if v["steps_known"] else "noes_unknown"
        text = content.fill(words[key], count=v["count"], since=_day(v["since"]))
    elif kind is SignalKind.COOL_DOWN:
        text = content.fill(words["cool_down"], company=v["company"], ended=_day(v["ended"]))
    elif kind is SignalKind.INTERVIEW:
        on = v["on"]
        assert isinstance(on, date)
        when = describe_day(on, on - timedelta(days=int(str(v["days"]))))
        text = content.fill(words["interview"], company=v["company"], when=when)
    elif kind is SignalKind.PIPELINE:
        key = "pipeline_own" if v["own"] else "pipeline_published"
        text = content.fill(
            words[key], interviews=v["interviews"], sent=v["sent"], rate=v["rate"],
            reference=v["reference"], since=_day(v["since"]),
        )  # fmt: skip
        href += "#applications"
    elif kind is SignalKind.AWAY:
        text = words["away_never"] if v["never"] else content.fill(words["away"], days=v["days"])
    else:
        what, _, detail = str(v["text"]).partition("|")
        if what == "win":
            text = content.fill(words["win"], text=detail, on=_day(v["on"]))
            href += "#wins"
        else:
            text = content.fill(words[f"step_{what}"], company=detail, on=_day(v["on"]))
    if signal.application_id is not None and kind is not SignalKind.QUIET:
        href = f"/clients/{cid}/applications/{signal.application_id}"
    return SignalLine(kind, text, href, kind.check_in)


def _day(value: object) -> str:
    if isinstance(value, date):
        return f"{value:%a} {value.day} {value:%b}"
    return ""


def caseload(
    uow: UnitOfWork,
    coach: SignedIn,
    rules: CaseloadRules,
    now: datetime,
    sort: str = "need",
) -> list[CaseloadRow]:
    """Every client of the coach, with their signals, sorted (need: most check-ins first)."""
    today = now.astimezone(UTC).date()
    rate = published_interview_rate()

    def read(shares: list[Share]) -> list[CaseloadRow]:
        rows = []
        by_id = {s.seeker_id: s for s in shares}
        for facts in _facts(uow, shares, rules, now, today):
            share = by_id[facts.client_id]
            signals = [describe(s) for s in signals_for(facts, rules, today, now, rate)]
            signals.sort(key=lambda s: (not s.check_in, s.kind.value))
            upcoming = facts.upcoming or []
            rows.append(
                CaseloadRow(
                    client_id=facts.client_id,
                    name=share.seeker_name,
                    scopes=ordered(share.scopes),
                    signals=signals,
                    last_seen=facts.last_seen,
                    last_applied=facts.last_applied,
                    applied_this_week=facts.applied_this_week,
                    next_interview=upcoming[0].on if upcoming else None,
                )
            )
        return rows

    rows = read_caseload(uow, coach, now, read)
    return sort_rows(rows, sort)


def sort_rows(rows: list[CaseloadRow], sort: str) -> list[CaseloadRow]:
    far = date.max
    old = datetime.min.replace(tzinfo=UTC)
    keys = {
        "need": lambda r: (-r.check_ins, -len(r.signals), r.name.lower()),
        "name": lambda r: (r.name.lower(), r.client_id),
        "seen": lambda r: (r.last_seen or old, r.name.lower()),
        "interview": lambda r: (r.next_interview or far, r.name.lower()),
        "applied": lambda r: (r.last_applied or date.min, r.name.lower()),
    }
    return sorted(rows, key=keys.get(sort, keys["need"]))
