"""`nextyes growth`: the growth record, each no with what it taught and what followed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from nextyes import content
from nextyes.domain.growth import (
    Growth,
    Lesson,
    NoFact,
    PlanFact,
    StepFact,
    build_growth,
    count_since,
)
from nextyes.domain.stages import Stage
from nextyes.domain.themes import CONTROL, LABELS, Control, Theme
from nextyes.domain.wins import first_sentence
from nextyes.storage.uow import UnitOfWork

_STEPS = (Stage.SCREENING, Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL, Stage.OFFER,
          Stage.ACCEPTED)  # fmt: skip


@dataclass(frozen=True, slots=True)
class GrowthRecord:
    growth: Growth
    summary: str  # the honest counts, framed as progress


def _theme_lesson(key: str, control: str | None, on: date) -> Lesson | None:
    """A theme and how far it is yours to work on: as the user marked it in a reflection, or
    else as nextyes reads the theme."""
    try:
        theme = Theme(key)
        level = Control(control) if control else CONTROL[theme]
    except ValueError:
        return None
    words = content.load("momentum/growth")["stone"]
    return Lesson("theme", content.fill(words[f"theme_{level.value}"], theme=LABELS[theme]), on)


def growth_record(uow: UnitOfWork) -> GrowthRecord:
    with uow:
        rejections = uow.momentum.rejections()
        feedback = uow.feedback.all()
        reflections = uow.momentum.reflections()
        plans = [PlanFact(p.title, p.finished_on, p.source_application_id)
                 for p in uow.momentum.plan_items()]  # fmt: skip
        steps = [StepFact(e.event.application_id, e.company, e.event.stage, e.event.occurred_on)
                 for e in uow.momentum.events_from(date.min, _STEPS)]  # fmt: skip
        practice_days = uow.momentum.practice_days()
    noes = [
        NoFact(r.event.application_id, r.company, r.role, r.event.occurred_on,
               r.event.from_stage or Stage.APPLIED, r.event.reason)
        for r in rejections
    ]  # fmt: skip
    words = content.load("momentum/growth")
    lessons: dict[int, list[Lesson]] = defaultdict(list)
    themes: dict[int, dict[str, tuple[str | None, date]]] = defaultdict(dict)
    for item in feedback:
        if item.application_id is None:
            continue
        quote = content.fill(words["stone"]["feedback"], text=first_sentence(item.text))
        lessons[item.application_id].append(Lesson("feedback", quote, item.received_on))
        for key in item.themes:
            themes[item.application_id].setdefault(key, (None, item.received_on))
    for reflection in reflections:
        if reflection.finished:
            text = content.fill(words["stone"]["reflection"], day=reflection.started_on.isoformat())
            lessons[reflection.application_id].append(Lesson("reflection", text,
                                                             reflection.started_on))  # fmt: skip
            for key, marked_as in reflection.attributions.items():
                themes[reflection.application_id][key] = (marked_as, reflection.started_on)
    for app_id, marked in themes.items():
        for key, (level, on) in marked.items():
            lesson = _theme_lesson(key, level, on)
            if lesson is not None:
                lessons[app_id].append(lesson)
    reflection_days = [r.started_on for r in reflections if r.finished]
    if reflection_days:
        anchor: date | None = min(reflection_days)
        since_what = "first_reflection"
    elif noes:
        anchor, since_what = min(n.on for n in noes), "first_no"
    else:
        anchor, since_what = None, "nothing"
    counts = count_since(anchor, noes, steps, plans, practice_days, reflection_days, since_what)
    growth = build_growth(noes, lessons, plans, steps, counts)
    return GrowthRecord(growth, _summary(growth))


def _summary(growth: Growth) -> str:
    words = content.load("momentum/growth")
    counts = growth.counts
    if counts.since is None:
        return str(words["nothing"])
    parts = []
    for name in ("noes", "interviews", "finals", "offers", "plan_done", "practice",
                 "reflections"):  # fmt: skip
        n = getattr(counts, name)
        if n or name in ("noes", "interviews"):
            singular, plural = words["counts"][name]
            parts.append(content.fill(singular if n == 1 else plural, n=n))
    text = content.fill(words[f"since_{counts.since_what}"], day=counts.since.isoformat(),
                        parts=", ".join(parts))  # fmt: skip
    return f"{text} {words['closing']}"


def when(days: int) -> str:
    words = content.load("momentum/growth")["stone"]
    if days <= 0:
        return str(words["same_day"])
    if days == 1:
        return str(words["one_day_later"])
    return content.fill(words["days_later"], days=days)
