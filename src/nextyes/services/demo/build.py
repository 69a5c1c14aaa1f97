"""A realistic demo journal: about four months of one person's search, deterministic per seed.

Built through the same services a user's commands call, inside one transaction, so the demo
obeys every rule the real journal does. Each feature adds its own demo data: `EXTENSIONS`
lists them, in order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from nextyes import content
from nextyes.domain.models import (
    InterviewKind,
    NewApplication,
    NewContact,
    Origin,
    Relation,
)
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import Stage
from nextyes.errors import Conflict
from nextyes.services.demo.context import DemoContext, Extension
from nextyes.services.learning.demo import learning_demo
from nextyes.services.learning.themed_texts import classify_feedback
from nextyes.services.momentum.demo import momentum_demo
from nextyes.services.pipeline.applications import (
    InterviewDetails,
    add_application,
    add_note,
    move_application,
    record_rejection,
)
from nextyes.services.pipeline.demo import pipeline_demo
from nextyes.services.recovery.demo import recovery_demo
from nextyes.services.review.demo import review_demo
from nextyes.storage.uow import UnitOfWork

DEMO = Origin.DEMO

# The demo's extension point: each feature's own demo data, run in this order once the
# applications, their stages and the contacts exist.
EXTENSIONS: tuple[Extension, ...] = (
    recovery_demo,
    momentum_demo,
    learning_demo,
    review_demo,
    pipeline_demo,
)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    applications: int
    rejections: int
    interviews: int
    offers: int
    contacts: int
    open_by_stage: dict[str, int]


def fill_demo(
    uow: UnitOfWork,
    now: datetime,
    *,
    seed: int = 7,
    count: int = 120,
    days: int = 120,
    home: str | None = None,
    spare_home: str = "/tmp/nextyes-demo",
) -> DemoSummary:
    """Fill an empty journal with demo data; refuses a journal that already has applications.

    `home` is where this journal lives and `spare_home` an empty folder to suggest instead, so
    the refusal never suggests the very command that was just refused.
    """
    words = content.load("demo/journal")
    rng = random.Random(seed)
    with uow:
        existing = uow.applications.count(ApplicationQuery())
        if existing:
            said = words["said"]
            where = content.fill(said["in_home"], home=home) if home else ""
            explore = f"nextyes --home {home} today" if home else "nextyes today"
            raise Conflict(
                content.fill(said["not_empty"], where=where, count=existing, explore=explore,
                             spare_home=spare_home)
            )  # fmt: skip
        ctx = DemoContext(uow, rng, now, words)
        _contacts(ctx)
        builder = _Builder(ctx)
        fixtures = _fixtures(ctx.today)
        for _ in range(max(count - len(fixtures), 0)):
            builder.random_application(days)
        for fixture in fixtures[: min(count, len(fixtures))]:
            builder.scripted(*fixture)
        for extension in EXTENSIONS:
            extension(ctx)
        counts = uow.applications.count_by_stage()
        summary = DemoSummary(
            applications=sum(counts.values()),
            rejections=counts.get(Stage.REJECTED, 0),
            interviews=builder.interviews,
            offers=builder.offers,
            contacts=len(ctx.contacts),
            open_by_stage={s.value: n for s, n in counts.items() if s.is_open},
        )
        uow.commit()
    return summary


def _contacts(ctx: DemoContext) -> None:
    for i, person in enumerate(ctx.words["contacts"]):
        follow_up = None
        if person["relation"] in ("mentor", "recruiter"):
            follow_up = ctx.today + timedelta(days=(2 if person["relation"] == "mentor" else -1))
        contact_id = ctx.uow.contacts.add(
            NewContact(
                name=person["name"],
                relation=Relation(person["relation"]),
                company=person.get("company"),
                email=person.get("email"),
                how_met=person.get("how_met"),
                next_follow_up_on=follow_up,
            ),
            ctx.now - timedelta(days=100 - i),
        )
        ctx.contacts[person["relation"]] = contact_id


# (stage path, days ago the application was sent, days between steps) for open applications
# that must sit at every stage today; an interview or assessment date may lie ahead.
Fixture = tuple[tuple[Stage, ...], int, tuple[int, ...]]


def _fixtures(today: date) -> list[Fixture]:
    return [
        ((Stage.SAVED,), 1, ()),
        ((Stage.APPLIED,), 2, ()),
        ((Stage.APPLIED, Stage.SCREENING), 9, (6,)),
        ((Stage.APPLIED, Stage.SCREENING, Stage.ASSESSMENT), 16, (5, 13)),  # due in 2 days
        ((Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW), 20, (6, 15)),  # tomorrow
        ((Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.FINAL), 30, (5, 9, 19)),
        ((Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.FINAL, Stage.OFFER), 40,
         (5, 8, 10, 15)),
        ((Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.FINAL, Stage.OFFER,
          Stage.DECLINED), 95, (4, 7, 8, 6, 5)),
    ]  # fmt: skip


class _Builder:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.words = ctx.words
        self.interviews = 0
        self.offers = 0
        families = self.words["roles"]
        self.titles = [t for titles in families.values() for t in titles]
        self.sources = [s for s, _ in self.words["sources"]]
        self.weights = [w for _, w in self.words["sources"]]

    def _new(self, age: int, saved: bool = False) -> int:
        ctx, rng = self.ctx, self.rng
        source = rng.choices(self.sources, self.weights)[0]
        resume = "v1" if age > 80 else "v2" if age > 40 else "v3"
        referral = ctx.contacts.get("colleague") if source == "referral" else None
        company = rng.choice(self.words["companies"])
        app = add_application(
            ctx.uow,
            NewApplication(
                company=company,
                role=rng.choice(self.titles),
                applied_on=ctx.today - timedelta(days=age),
                source=source,
                url=f"https://jobs.example.com/{company.lower().split()[0]}/{rng.randrange(10**5)}",
                resume_version=None if saved else resume,
                cover_letter_version=rng.choice([None, "short", "story"]),
                location=rng.choice(self.words["locations"]),
                saved_only=saved,
                referral_contact_id=referral,
            ),
            ctx.now,
            origin=DEMO,
        )
        ctx.applications.append(app.id)
        if source == "recruiter" and "recruiter" in ctx.contacts:
            ctx.uow.contacts.link(app.id, ctx.contacts["recruiter"], "recruiter")
        if rng.random() < 0.15:
            add_note(ctx.uow, app.id, rng.choice(self.words["notes"]), app.stage_on, ctx.now)
        return app.id

    def _step(self, app_id: int, stage: Stage, day: date) -> None:
        ctx, rng = self.ctx, self.rng
        details = None
        if stage in (Stage.INTERVIEW, Stage.FINAL, Stage.ASSESSMENT):
            kind = {
                Stage.ASSESSMENT: InterviewKind.ASSESSMENT,
                Stage.FINAL: InterviewKind.FINAL,
            }.get(
                stage, rng.choice([InterviewKind.VIDEO, InterviewKind.PHONE, InterviewKind.PANEL])
            )
            people = tuple(rng.sample(self.words["interviewers"], rng.choice([1, 1, 2])))
            details = InterviewDetails(
                kind=kind,
                at=time(rng.choice([9, 10, 11, 14, 15, 16])),
                interviewers=() if stage is Stage.ASSESSMENT else people,
            )
            self.interviews += stage is not Stage.ASSESSMENT
        if stage is Stage.OFFER:
            self.offers += 1
        outcome = move_application(ctx.uow, app_id, stage, day, ctx.now, details=details,
                                   origin=DEMO)  # fmt: skip
        if outcome.interview_id and stage is not Stage.ASSESSMENT and day <= ctx.today:
            asked = rng.sample(self.words["questions"], rng.choice([2, 3, 3, 4]))
            for text in asked:
                ctx.uow.questions.add(app_id, text, ctx.now, interview_id=outcome.interview_id,
                                      hard=text in self.words["hard_questions"])  # fmt: skip

    def _reject(self, app_id: int, stage: Stage, day: date) -> None:
        ctx, rng = self.ctx, self.rng
        reasons = self.words["rejection_reasons"].get(stage.value, [""])
        reason = rng.choice(reasons) or None
        record_rejection(ctx.uow, app_id, day, ctx.now, reason=reason, origin=DEMO)
        ctx.rejections.append(app_id)
        later_stage = stage in (Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL)
        heard_on = day + timedelta(days=rng.randint(2, 6))
        if later_stage and heard_on <= ctx.today and rng.random() < 0.6:
            theme = rng.choice(list(self.words["feedback"]))
            text = rng.choice(self.words["feedback"][theme])
            found = classify_feedback(text)
            ctx.uow.feedback.add(
                app_id, text, rng.choice(["interviewer", "recruiter"]), heard_on, ctx.now,
                origin="demo", themes=found.themes, scores=found.scores,
                controllable=found.controllable,
            )  # fmt: skip

    def random_application(self, days: int) -> None:
        rng, today = self.rng, self.ctx.today
        age = int(days * rng.random() ** 1.15)
        app_id = self._new(age)
        day = today - timedelta(days=age)
        answer = {"v1": 0.35, "v2": 0.45, "v3": 0.55}[
            "v1" if age > 80 else "v2" if age > 40 else "v3"
        ]
        stage = Stage.APPLIED

        def later(low: int, high: int) -> date | None:
            nonlocal day
            nxt = day + timedelta(days=rng.randint(low, high))
            if nxt > today:
                return None
            day = nxt
            return nxt

        if rng.random() > answer:
            if age >= 28 and rng.random() < 0.5 and later(24, 40):
                self._step(app_id, Stage.GHOSTED, day)
            elif age >= 10 and rng.random() < 0.3 and later(5, 20):
                self._reject(app_id, stage, day)
            return
        if later(3, 12) is None:
            return
        if rng.random() < 0.4:
            self._reject(app_id, stage, day)
            return
        path = [Stage.SCREENING]
        if rng.random() < 0.4:
            path.append(Stage.ASSESSMENT)
        path.append(Stage.INTERVIEW)
        if rng.random() < 0.3:
            path.append(Stage.INTERVIEW)
        path.append(Stage.FINAL)
        drop = {
            Stage.SCREENING: 0.35,
            Stage.ASSESSMENT: 0.4,
            Stage.INTERVIEW: 0.4,
            Stage.FINAL: 1.0,
        }
        for i, nxt in enumerate(path):
            if i > 0:
                gap = later(4, 11)
                if gap is None:
                    upcoming = day + timedelta(days=rng.randint(4, 11))
                    if (
                        nxt in (Stage.INTERVIEW, Stage.FINAL, Stage.ASSESSMENT)
                        and (upcoming - today).days <= 10
                        and rng.random() < 0.5
                    ):
                        self._step(app_id, nxt, upcoming)
                    return
            self._step(app_id, nxt, day)
            stage = nxt
            if rng.random() < drop[nxt]:
                if later(3, 9) is None:
                    return
                if nxt is Stage.SCREENING and rng.random() < 0.25:
                    self._step(app_id, Stage.GHOSTED, day)
                else:
                    self._reject(app_id, stage, day)
                return

    def scripted(self, path: tuple[Stage, ...], age: int, gaps: tuple[int, ...]) -> None:
        today = self.ctx.today
        app_id = self._new(age, saved=path == (Stage.SAVED,))
        day = today - timedelta(days=age)
        for stage, gap in zip(path[1:], gaps, strict=True):
            day += timedelta(days=gap)
            self._step(app_id, stage, day)
