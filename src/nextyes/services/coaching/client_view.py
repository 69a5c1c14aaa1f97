"""What a coach reads of a client: one section per scope, nothing beyond the scopes shared.

Every function here takes a `ClientAccess`, which only `policy` hands out, and leaves out what
the access does not hold: without `money` an application's salary is None; without
`private_notes` a note marked private is not there at all; feedback appears on an application
only with `feedback`, reflections only with `reflections`. The seeker's "view as my coach" page
calls the same functions with the same access, so it shows exactly this.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from nextyes.domain.coaching import Comment, CommentsBeside, CommentTarget, Scope, Suggestion
from nextyes.domain.errors import NotFound
from nextyes.domain.privacy import mentions_money
from nextyes.domain.queries import ApplicationQuery
from nextyes.services.coaching.policy import ClientAccess


@dataclass(frozen=True, slots=True)
class ClientApplication:
    id: int
    company: str
    role: str
    stage: str
    applied_on: date | None
    last_activity_on: date
    source: str | None
    location: str | None
    salary: str | None  # only with the `money` scope


@dataclass(frozen=True, slots=True)
class ClientEvent:
    stage: str
    occurred_on: date
    note: str | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class ClientInterview:
    id: int
    scheduled_on: date
    scheduled_time: time | None
    kind: str
    round: int | None


@dataclass(frozen=True, slots=True)
class ClientNote:
    id: int
    written_on: date
    text: str
    private: bool


@dataclass(frozen=True, slots=True)
class ClientFeedback:
    id: int
    application_id: int | None
    received_on: date
    giver: str
    text: str
    themes: tuple[str, ...]
    controllable: str | None


@dataclass(frozen=True, slots=True)
class ClientReflection:
    id: int
    application_id: int
    started_at: datetime
    finished: bool
    answers: dict[str, str]


@dataclass(frozen=True, slots=True)
class ClientPlanItem:
    id: int
    title: str
    kind: str
    status: str
    theme: str | None
    detail: str | None
    created_on: date
    finished_on: date | None


@dataclass(frozen=True, slots=True)
class ClientGoal:
    metric: str
    target: int
    starts_on: date


@dataclass(frozen=True, slots=True)
class ClientWin:
    occurred_on: date
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class ClientMood:
    recorded_at: datetime
    score: int
    note: str | None


@dataclass(frozen=True, slots=True)
class ClientCare:
    occurred_on: date
    kind: str
    minutes: int | None


@dataclass(frozen=True, slots=True)
class ClientMail:
    id: int
    received_at: datetime | None
    sender: str | None
    subject: str | None
    label: str
    snippet: str | None


@dataclass(frozen=True, slots=True)
class ClientOffer:
    status: str
    answer_by: date | None
    start_on: date | None
    location: str | None
    pay_amount: float | None  # with `money`, or when the seeker marked the pay not private
    pay_currency: str | None
    pay_period: str | None


@dataclass(frozen=True, slots=True)
class ClientApplicationDetail:
    application: ClientApplication
    events: list[ClientEvent]
    interviews: list[ClientInterview]
    notes: list[ClientNote]
    feedback: list[ClientFeedback] | None  # None: not shared
    reflections: list[ClientReflection] | None
    comments: list[Comment] = field(default_factory=list)
    offer: ClientOffer | None = None

    def comments_on(self, target: str, item_id: int) -> list[Comment]:
        """The coach's comments on this application or one of its pieces of feedback."""
        return CommentsBeside(tuple(self.comments)).on(target, item_id)


@dataclass(frozen=True, slots=True)
class ClientPage:
    """Everything the coach may see of one client, section by section (None: not shared)."""

    client_id: int
    name: str
    scopes: list[Scope]
    applications: list[ClientApplication] | None
    feedback: list[ClientFeedback] | None
    themes: list[tuple[str, int]] | None
    plan: list[ClientPlanItem] | None
    goals: list[ClientGoal] | None
    wins: list[ClientWin] | None
    reflections: list[ClientReflection] | None
    moods: list[ClientMood] | None
    care: list[ClientCare] | None
    mail: list[ClientMail] | None
    comments: list[Comment]
    suggestions: list[Suggestion]

    def comments_on(self, target: str, item_id: int) -> list[Comment]:
        """The coach's comments on one item, to show beside it."""
        return CommentsBeside(tuple(self.comments)).on(target, item_id)


def _application(access: ClientAccess, a: object) -> ClientApplication:
    from nextyes.domain.models import Application

    assert isinstance(a, Application)
    return ClientApplication(
        id=a.id,
        company=a.company,
        role=a.role,
        stage=a.stage.value,
        applied_on=a.applied_on,
        last_activity_on=a.last_activity_on,
        source=a.source,
        location=a.location,
        salary=a.salary if access.has(Scope.MONEY) else None,
    )


def client_applications(access: ClientAccess, limit: int = 500) -> list[ClientApplication]:
    uow = access.uow
    with uow:
        found = uow.applications.find(ApplicationQuery(limit=limit))
    return [_application(access, a) for a in found]


def client_application(access: ClientAccess, application_id: int) -> ClientApplicationDetail:
    uow = access.uow
    with uow:
        found = uow.applications.get(application_id)
        if found is None:
            raise NotFound(
                f"No application {application_id} among what your client shares with you."
            )
        money = access.has(Scope.MONEY)
        events = [
            ClientEvent(
                e.stage.value,
                e.occurred_on,
                e.note if money or not mentions_money(e.note) else None,
                e.reason,
            )
            for e in uow.events.for_application(application_id)
        ]
        interviews = [
            ClientInterview(i.id, i.scheduled_on, i.scheduled_time, i.kind.value, i.round)
            for i in uow.interviews.for_application(application_id)
        ]
        notes = [
            ClientNote(n.id, n.written_on, n.text, n.private)
            for n in uow.notes.for_application(application_id)
            if not n.private or access.has(Scope.PRIVATE_NOTES)
        ]
        feedback = (
            [_feedback(f) for f in uow.feedback.for_application(application_id)]
            if access.has(Scope.FEEDBACK)
            else None
        )
        reflections = (
            [_reflection(r) for r in uow.reflections.for_application(application_id)]
            if access.has(Scope.REFLECTIONS)
            else None
        )
        shown = {(CommentTarget.APPLICATION, application_id)} | {
            (CommentTarget.FEEDBACK, f.id) for f in feedback or ()
        }
        comments = [
            c
            for c in uow.coach_comments.by_coach(access.owner_id, access.viewer_id)
            if (c.target, c.target_id) in shown
        ]
        offer = _offer(access, uow.offers.for_application(application_id))
    return ClientApplicationDetail(
        _application(access, found), events, interviews, notes, feedback, reflections, comments,
        offer,
    )  # fmt: skip


def _offer(access: ClientAccess, offer: object) -> ClientOffer | None:
    """An offer's terms; its pay only with `money`, or when the seeker marked it not private."""
    from nextyes.domain.offers import Offer

    if offer is None:
        return None
    assert isinstance(offer, Offer)
    t = offer.terms
    pay = access.has(Scope.MONEY) or not t.pay_private
    return ClientOffer(
        status=offer.status.value, answer_by=t.answer_by, start_on=t.start_on,
        location=t.location, pay_amount=t.pay_amount if pay else None,
        pay_currency=t.pay_currency if pay else None,
        pay_period=t.pay_period.value if pay and t.pay_period else None,
    )  # fmt: skip


def _feedback(f: object) -> ClientFeedback:
    from nextyes.domain.recovery import FeedbackRow

    assert isinstance(f, FeedbackRow)
    return ClientFeedback(
        f.id, f.application_id, f.received_on, f.giver, f.text, tuple(f.themes), f.controllable
    )


def _reflection(r: object) -> ClientReflection:
    from nextyes.domain.recovery import Reflection

    assert isinstance(r, Reflection)
    return ClientReflection(
        r.id, r.application_id, r.started_at, r.finished_at is not None, dict(r.answers)
    )


def client_feedback(access: ClientAccess) -> list[ClientFeedback]:
    with access.uow as uow:
        return [_feedback(f) for f in uow.feedback.all()]


def theme_counts(feedback: list[ClientFeedback]) -> list[tuple[str, int]]:
    counts = Counter(theme for f in feedback for theme in set(f.themes))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def client_plan(access: ClientAccess) -> list[ClientPlanItem]:
    with access.uow as uow:
        items = uow.plans.find()
    return [
        ClientPlanItem(
            i.id, i.title, i.kind.value, i.status.value, i.theme, i.detail, i.created_on,
            i.finished_on,
        )
        for i in items
    ]  # fmt: skip


def client_goals(access: ClientAccess) -> list[ClientGoal]:
    with access.uow as uow:
        goals = uow.goals.active()
    return [ClientGoal(g.metric.value, g.target, g.starts_on) for g in goals]


def client_wins(access: ClientAccess, today: date, days: int = 90) -> list[ClientWin]:
    with access.uow as uow:
        wins = uow.wins.recent(limit=50, since=today - timedelta(days=days))
    return [ClientWin(w.occurred_on, w.text, w.kind.value) for w in wins]


def client_reflections(access: ClientAccess) -> list[ClientReflection]:
    with access.uow as uow:
        return [_reflection(r) for r in uow.client_rows.reflections()]


def client_moods(access: ClientAccess, now: datetime, days: int = 60) -> list[ClientMood]:
    with access.uow as uow:
        moods = uow.moods.between(now - timedelta(days=days), now + timedelta(days=1))
    return [ClientMood(m.recorded_at, m.score, m.note) for m in moods]


def client_care(access: ClientAccess, today: date, days: int = 60) -> list[ClientCare]:
    with access.uow as uow:
        care = uow.care.between(today - timedelta(days=days), today)
    return [ClientCare(c.occurred_on, c.kind.value, c.minutes) for c in care]


def client_mail(access: ClientAccess, limit: int = 100) -> list[ClientMail]:
    with access.uow as uow:
        found = uow.client_rows.mail(limit)
    return [
        ClientMail(m.id, m.received_at, m.sender, m.subject, m.label.value, m.snippet)
        for m in found
    ]


def client_page(access: ClientAccess, now: datetime) -> ClientPage:
    """Every section the access holds, and the coach's own comments and suggestions."""
    from nextyes.domain.coaching import ordered

    today = now.astimezone(UTC).date()
    has = access.has
    feedback = client_feedback(access) if has(Scope.FEEDBACK) else None
    with access.uow as uow:
        comments = [  # only on what is shared now: a withdrawn scope takes its comments along
            c
            for c in uow.coach_comments.by_coach(access.owner_id, access.viewer_id)
            if has(c.target.scope)
        ]
        suggestions = uow.coach_suggestions.by_coach(access.owner_id, access.viewer_id)
    return ClientPage(
        client_id=access.owner_id,
        name=access.owner_name,
        scopes=ordered(access.scopes),
        applications=client_applications(access, 200) if has(Scope.APPLICATIONS) else None,
        feedback=feedback,
        themes=theme_counts(feedback) if feedback is not None else None,
        plan=client_plan(access) if has(Scope.PLAN) else None,
        goals=client_goals(access) if has(Scope.GOALS) else None,
        wins=client_wins(access, today) if has(Scope.GOALS) else None,
        reflections=client_reflections(access) if has(Scope.REFLECTIONS) else None,
        moods=client_moods(access, now) if has(Scope.WELLBEING) else None,
        care=client_care(access, today) if has(Scope.WELLBEING) else None,
        mail=client_mail(access) if has(Scope.EMAIL) else None,
        comments=comments,
        suggestions=suggestions,
    )
