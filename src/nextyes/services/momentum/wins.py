"""Small wins: the ones you log, and the ones nextyes finds for you. This is the one place
automatic wins are derived.

Automatic wins are derived *on read*, from whatever the journal holds, so every way a fact gets
in (a command, the web app, a mail import, a plan item finished) yields its win without anyone
having to remember to call something. `sync_auto_wins` looks at the rows added since it last
looked (a watermark of row ids in the owner's settings, so an old event imported today still
counts) and stores new wins under a unique `auto_key`, so looking again never duplicates. `week_wins` shows this week's wins, stored or
still to be stored, without writing (for `nextyes today`, which only reads).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from nextyes import content
from nextyes.domain.companies import clean_text
from nextyes.domain.errors import InvalidInput, NotFound, Words
from nextyes.domain.goals import week_label, week_start
from nextyes.domain.models import EventWithCompany, StageEvent
from nextyes.domain.stages import RANK, Stage
from nextyes.domain.wins import (
    MAX_WIN,
    NewWin,
    Win,
    WinKind,
    comebacks,
    first_sentence,
    furthest_firsts,
    invitations,
    new_wins_only,
    praise_in,
    taken_back,
)
from nextyes.errors import JournalReadOnly
from nextyes.services.momentum.goals import GoalHistory, goal_history, weeks_met
from nextyes.services.momentum.goals import amount as goal_amount
from nextyes.storage.convert import as_datetime
from nextyes.storage.repositories.momentum import WATCHED
from nextyes.storage.uow import UnitOfWork

WATERMARK = "auto_wins_checked"  # settings key: where the last look stopped
MARGIN = timedelta(minutes=10)  # rows committed a little after they were stamped still count
_PROGRESS = (Stage.SCREENING, Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL, Stage.OFFER,
             Stage.ACCEPTED, Stage.DECLINED)  # fmt: skip
# Stages by how far along they are, furthest first (a declined offer is not "further").
_FURTHEST_FIRST = sorted((s for s in RANK if s is not Stage.DECLINED), key=RANK.__getitem__,
                         reverse=True)  # fmt: skip


class Watermark(NamedTuple):
    """Where the last look stopped: the newest row id of each watched table (new rows are found
    by id, whatever day they are about), and the time, for plan items finished since."""

    at: datetime | None
    ids: dict[str, int]


def _words() -> dict[str, str]:
    words: dict[str, str] = content.load("momentum/messages")["wins"]
    return words


def _stage_words(stage: Stage) -> str:
    return str(
        content.load("momentum/messages")["wins"]["stage"].get(stage.value, stage.label.lower())
    )


def _watermark(uow: UnitOfWork) -> Watermark:
    value = uow.settings.all().get(WATERMARK)
    if not isinstance(value, dict):
        return Watermark(None, dict.fromkeys(WATCHED, 0))
    return Watermark(
        as_datetime(value["at"]) if value.get("at") else None,
        {name: int(value.get(name, 0)) for name in WATCHED},
    )


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def find_auto_wins(
    uow: UnitOfWork,
    now: datetime,
    mark: Watermark,
    history: GoalHistory | None = None,
    from_day: date | None = None,
) -> list[NewWin]:
    """Wins in what was recorded after `mark`, the new facts judged against the whole history.
    With `from_day`, only events about that day or later are judged (a preview of this week
    need not read a journal's whole history when its wins were never stored). Reads only;
    call inside an open uow (`history` saves reading the goals twice)."""
    new_events = uow.momentum.events_after(mark.ids["events"], from_day)
    found: list[NewWin] = []
    found += _stage_wins(uow, new_events)
    found += _feedback_wins(uow, mark.ids["feedback"], from_day)
    found += _network_wins(uow, mark, new_events)
    found += _plan_wins(uow, (mark.at - MARGIN) if mark.at else None)
    found += _goal_wins(history or goal_history(uow, now.date()), mark.at)
    return [w for w in found if w.occurred_on <= now.date()]


def _stage_wins(uow: UnitOfWork, new: list[EventWithCompany]) -> list[NewWin]:
    if not new:
        return []
    words = _words()
    first_day = min(e.event.occurred_on for e in new)
    where = {e.event.application_id: (e.company, e.role) for e in new}
    reached = uow.momentum.first_reached_before(first_day, _FURTHEST_FIRST)
    best = RANK[reached] if reached is not None else -1
    context = uow.momentum.events_from(first_day, _PROGRESS)
    # A correction comes after what it takes back, so both are among the new rows; what was
    # stored before a correction is withdrawn when it is made (`withdraw_taken_back`).
    taken = taken_back(e.event for e in (*new, *context))
    new = [e for e in new if e.event.id not in taken]
    context = [e for e in context if e.event.id not in taken]
    where.update({e.event.application_id: (e.company, e.role) for e in context})
    wins: list[NewWin] = []
    furthest = furthest_firsts([e.event for e in context], best)
    furthest_ids = {e.id for e in furthest}
    for event in furthest:
        company, role = where[event.application_id]
        wins.append(NewWin(event.occurred_on, content.fill(
            words["furthest"], stage=_stage_words(event.stage), company=company, role=role),
            WinKind.FURTHEST, event.application_id, f"furthest-{event.stage.value}"))  # fmt: skip
    for event in invitations(e.event for e in new):
        if event.id in furthest_ids:
            continue
        company, role = where[event.application_id]
        wins.append(NewWin(event.occurred_on, content.fill(
            words["interview"], stage=_stage_words(event.stage), company=company, role=role),
            WinKind.INTERVIEW, event.application_id, f"invite-{event.id}"))  # fmt: skip
    wins += _comeback_wins(uow, [e.event for e in new])
    return wins


def _comeback_wins(uow: UnitOfWork, new: list[StageEvent]) -> list[NewWin]:
    relevant = [e for e in new if e.stage in (Stage.APPLIED, Stage.REJECTED)]
    if not relevant:
        return []
    first_day = min(e.occurred_on for e in relevant)
    since = uow.momentum.last_rejection_before(first_day) or first_day
    timeline = uow.momentum.events_from(since, (Stage.APPLIED, Stage.REJECTED))
    company = {e.event.application_id: e.company for e in timeline}
    words = _words()
    wins: dict[str, NewWin] = {}
    for no, applied in comebacks(e.event for e in timeline):
        # One a week at most: applying again soon after a no is the win, not every application.
        key = f"comeback-{week_label(week_start(applied.occurred_on))}"
        wins.setdefault(key, NewWin(applied.occurred_on, content.fill(
            words["comeback"], company=company[no.application_id]), WinKind.COMEBACK,
            applied.application_id, key))  # fmt: skip
    return list(wins.values())


def _feedback_wins(uow: UnitOfWork, after_id: int, from_day: date | None) -> list[NewWin]:
    words = _words()
    facts = uow.momentum.feedback_after(after_id, from_day)
    apps = uow.applications.get_many(sorted({f.application_id for f in facts if f.application_id}))
    wins = []
    for fact in facts:
        praise = praise_in(fact.text)
        if praise is None:
            continue
        app = apps.get(fact.application_id) if fact.application_id else None
        quote = first_sentence(praise)
        text = (content.fill(words["feedback"], company=app.company, quote=quote) if app
                else content.fill(words["feedback_general"], quote=quote))  # fmt: skip
        wins.append(NewWin(fact.received_on, text, WinKind.FEEDBACK, fact.application_id,
                           f"feedback-{fact.id}"))  # fmt: skip
    return wins


def _network_wins(uow: UnitOfWork, mark: Watermark, new: list[EventWithCompany]) -> list[NewWin]:
    words = _words()
    wins = []
    by_day: dict[date, list[tuple[str, str | None]]] = {}
    for _, name, company, created in uow.momentum.contacts_after(mark.ids["contacts"]):
        by_day.setdefault(_local_day(created), []).append((name, company))
    for day, people in by_day.items():  # one win a day for new people, however many came
        if len(people) == 1:
            name, company = people[0]
            where = f" ({company})" if company else ""
            text = content.fill(words["contact"], name=name, company=where)
        else:
            names = [name for name, _ in people]
            shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
            text = content.fill(words["contacts"], count=len(names), names=shown)
        wins.append(NewWin(day, text, WinKind.CONTACT, None, f"contacts-{day.isoformat()}"))
    # A referral shows as a new application that came through someone, or a referral logged.
    candidates = [e.event.application_id for e in new if e.event.stage is Stage.APPLIED]
    candidates += uow.momentum.referral_interactions_after(mark.ids["interactions"])
    for app_id, company, role, day, name in uow.momentum.referrals(candidates):
        wins.append(NewWin(day, content.fill(words["referral"], name=name, company=company,
                                             role=role), WinKind.REFERRAL, app_id,
                           f"referral-{app_id}"))  # fmt: skip
    return wins


def _plan_wins(uow: UnitOfWork, changed_since: datetime | None) -> list[NewWin]:
    words = _words()
    return [
        NewWin(item.finished_on, content.fill(words["plan"], title=item.title), WinKind.PLAN,
               item.source_application_id, f"plan-{item.id}")
        for item in uow.momentum.plan_items(changed_since=changed_since)
        if item.finished_on is not None
    ]  # fmt: skip


def _goal_wins(history: GoalHistory, since: datetime | None) -> list[NewWin]:
    words = _words()
    # A back-dated entry can complete an earlier week: look a few weeks behind the watermark.
    first = week_start(_local_day(since)) - timedelta(weeks=4) if since else date.min
    return [
        NewWin(result.met_on, content.fill(words["goal"], amount=goal_amount(metric, result.target)),
               WinKind.GOAL, None, f"goal-{metric.value}-{result.week.isoformat()}")
        for metric, result in weeks_met(history, first)
        if result.met_on is not None
    ]  # fmt: skip


def withdraw_taken_back(uow: UnitOfWork, application_id: int) -> int:
    """After a correction: remove the automatic wins of this application that came from an
    event the correction took back (an interview recorded by mistake is no win). Call inside
    an open uow; returns how many went."""
    events = uow.events.for_application(application_id)
    taken = taken_back(events)
    gone = [e for e in events if e.id in taken]
    keys = [f"invite-{e.id}" for e in gone] + [f"furthest-{e.stage.value}" for e in gone]
    return uow.wins.remove_automatic(application_id, keys)


def sync_auto_wins(uow: UnitOfWork, now: datetime) -> int:
    """Store the automatic wins found since the last look; returns how many were new.

    On a read-only journal nothing can be stored: the wins already kept are what shows."""
    try:
        with uow:
            mark = _watermark(uow)
            latest = uow.momentum.last_ids()
            found = find_auto_wins(uow, now, mark)
            added = sum(uow.wins.add_if_new(win, now) for win in found)
            uow.settings.set(WATERMARK, {"at": now.astimezone(UTC).isoformat(), **latest}, now)
            uow.commit()
    except JournalReadOnly:
        return 0
    return added


def _said(key: str, **values: object) -> str:
    """A refusal from content/momentum/messages.toml [problems]."""
    return content.fill(content.load("momentum/messages")["problems"][key], **values)


def _no_application(application_id: int) -> str:
    problems = content.load("pipeline/messages")["problems"]
    return content.fill(problems["no_application"], id=application_id)


def record_win(
    uow: UnitOfWork, text: str, on: date, now: datetime, application_id: int | None = None
) -> Win:
    body = clean_text(text)
    if not body:
        raise InvalidInput(
            _said("win_empty"),
            web=Words("momentum/web", "win_empty"),
        )
    if len(body) > MAX_WIN:
        raise InvalidInput(_said("win_too_long", max=MAX_WIN))
    if on > now.date():
        raise InvalidInput(_said("win_in_future", day=on.isoformat()))
    with uow:
        if application_id is not None and uow.applications.get(application_id) is None:
            raise NotFound(_no_application(application_id))
        new = NewWin(on, body, WinKind.MANUAL, application_id)
        win_id = uow.wins.add(new, now)
        uow.commit()
    return Win(win_id, on, body, WinKind.MANUAL, application_id)


def list_wins(
    uow: UnitOfWork, now: datetime, *, since: date | None = None, limit: int | None = None
) -> list[Win]:
    """Wins, newest first, after storing any new automatic ones."""
    if limit is not None and limit < 1:
        raise InvalidInput(_said("limit_too_low"))
    sync_auto_wins(uow, now)
    with uow:
        return uow.wins.recent(limit=limit, since=since)


def wins_between(uow: UnitOfWork, start: date, end: date, now: datetime) -> list[Win]:
    """Wins in a period (for reviews and summaries), after storing new automatic ones."""
    sync_auto_wins(uow, now)
    with uow:
        return uow.wins.between(start, end)


def week_wins(uow: UnitOfWork, now: datetime, history: GoalHistory | None = None) -> list[NewWin]:
    """This week's wins, newest first, including automatic ones not stored yet. Reads only;
    call inside an open uow."""
    today = now.date()
    monday = week_start(today)
    stored = [
        NewWin(w.occurred_on, w.text, w.kind, w.application_id, w.auto_key)
        for w in uow.wins.between(monday, today)
    ]
    found = [
        w
        for w in find_auto_wins(uow, now, _watermark(uow), history, from_day=monday)
        if w.occurred_on >= monday
    ]
    keys = [w.auto_key for w in found if w.auto_key]
    pending = new_wins_only(found, uow.wins.known_keys(keys)) if keys else []
    return sorted([*stored, *pending], key=_progress_first)


def _progress_first(win: NewWin) -> tuple[bool, int]:
    """Real progress before new people in the network, then newest first."""
    return (win.kind is WinKind.CONTACT, -win.occurred_on.toordinal())
