"""What nextyes says after a "no": the kind message, the cool-down window in words, suggestions
for the cool-down, and the reflection questions for the stage reached.

Pure: plain values in, text out. Variation comes from an explicit seed (an application id, the
number of earlier reflections), so the same situation always reads the same way.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from nextyes import content
from nextyes.domain.cooldown import CoolDownWindow
from nextyes.domain.recovery import StageGroup, stage_group
from nextyes.text import templating
from nextyes.text.wording import clean, clock, month_name, spoken_number, weekday_name

EVENING_STARTS = time(17, 0)
SHORT_WINDOW = timedelta(hours=3)
DAY_WINDOW = timedelta(hours=36)


@dataclass(frozen=True)
class CoolDownMessage:
    message_id: str
    message: str
    window: str
    during: str | None
    suggestions_intro: str
    suggestions: tuple[str, ...]

    def as_text(self) -> str:
        lines = [self.message, "", self.window]
        if self.during:
            lines.append(self.during)
        lines += ["", self.suggestions_intro, *(f"- {s}" for s in self.suggestions)]
        return "\n".join(lines)


def rejection_message(
    *,
    stage: str,
    company: str,
    role: str,
    noes_this_week: int,
    first_no: bool,
    seed: int = 0,
    cool_down: bool = True,
) -> tuple[str, str]:
    """The id and text of the message for this "no".

    `noes_this_week` counts this one too, so it is at least 1; `first_no` is true when this is
    the first rejection in the journal.
    """
    if noes_this_week < 1:
        raise ValueError("noes_this_week counts this rejection too, so it is at least 1.")
    group = stage_group(stage)
    candidates = [
        (score, m)
        for m in content.load("recovery/rejection")["message"]
        if (score := _score(m, group, noes_this_week, first_no)) is not None
    ]
    best = max(score for score, _ in candidates)
    chosen = random.Random(seed).choice([m for score, m in candidates if score == best])
    steps: dict[str, str] = content.load("common")["step_reached"]
    values = {
        "company": clean(company),
        "role": clean(role),
        "noes_this_week": spoken_number(noes_this_week),
        "step": str(steps.get(str(stage).strip().lower(), steps["interview"])),
    }
    text = chosen["text"] if cool_down else chosen.get("without_cool_down", chosen["text"])
    return chosen["id"], templating.render(text, values)


def _score(
    message: dict[str, Any], group: StageGroup, noes_this_week: int, first_no: bool
) -> int | None:
    """How specific a message is for this situation, or None when it doesn't apply."""
    score = 0
    if "groups" in message:
        if group.value not in message["groups"]:
            return None
        score += 1
    if message.get("first_no"):
        if not first_no:
            return None
        score += 2
    minimum = int(message.get("min_noes_this_week", 0))
    if minimum:
        if noes_this_week < minimum:
            return None
        score += 2 if minimum >= 3 else 1
    return score


def describe_window(window: CoolDownWindow | None, *, now: datetime) -> str:
    """The window in words, relative to now ("until 21:00 this evening")."""
    texts = content.load("recovery/rejection")["window"]
    if window is None:
        return str(texts["none"])
    if not window.is_active(now):
        return str(texts["over"])
    end = window.ends_at
    if end.tzinfo is not None and now.tzinfo is not None:
        end = end.astimezone(now.tzinfo)  # stored in UTC, shown in the person's local time
    days = (end.date() - now.date()).days
    evening = end.time() >= EVENING_STARTS
    if days == 0:
        key = "this_evening" if evening else "today"
    elif days == 1:
        key = "tomorrow_evening" if evening else "tomorrow"
    elif days < 7:
        key = "this_week"
    else:
        key = "later"
    values = {
        "time": clock(end),
        "weekday": weekday_name(end),
        "day": str(end.day),
        "month": month_name(end),
    }
    return templating.render(texts[key], values)


def cool_down_suggestions(window: CoolDownWindow | None, *, seed: int = 0) -> tuple[str, ...]:
    """Two or three low-effort ideas that fit the window's length (two when there is none)."""
    if window is None:
        fits, count = "short", 2
    else:
        length = window.ends_at - window.starts_at
        fits = "short" if length <= SHORT_WINDOW else "day" if length <= DAY_WINDOW else "long"
        count = 3
    pool = [
        s["text"] for s in content.load("recovery/rejection")["suggestion"] if fits in s["fits"]
    ]
    return tuple(random.Random(seed).sample(pool, k=min(count, len(pool))))


def compose_cool_down(
    *,
    stage: str,
    company: str,
    role: str,
    noes_this_week: int,
    first_no: bool,
    window: CoolDownWindow | None,
    now: datetime,
    seed: int = 0,
) -> CoolDownMessage:
    """Everything `reject` says: the kind message, the window, and what might help during it."""
    message_id, message = rejection_message(
        stage=stage,
        company=company,
        role=role,
        noes_this_week=noes_this_week,
        first_no=first_no,
        seed=seed,
        cool_down=window is not None,
    )
    data = content.load("recovery/rejection")
    active = window is not None and window.is_active(now)
    return CoolDownMessage(
        message_id=message_id,
        message=message,
        window=describe_window(window, now=now),
        during=str(data["window"]["during"]) if active else None,
        suggestions_intro=str(data["suggestions"]["intro"]),
        suggestions=cool_down_suggestions(window, seed=seed),
    )


# Reflection -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReflectionQuestion:
    id: str
    topic: str
    topic_label: str
    text: str
    groups: tuple[StageGroup, ...]
    themes: tuple[str, ...]


@dataclass(frozen=True)
class ReflectionSet:
    group: StageGroup
    minutes: int
    questions: tuple[ReflectionQuestion, ...]
    intro: str
    mood_before: str
    mood_after: str
    mood_labels: tuple[str, ...]
    skip_hint: str
    hard_questions: str
    gentle_close: str
    closing: str
    attribution_intro: str
    attribution_labels: dict[str, str]

    def time_left(self, minutes_left: int) -> str:
        text = content.load("recovery/reflection")["session"]["time_left"]
        return templating.render(text, {"minutes": str(max(minutes_left, 0))})


def all_reflection_questions() -> tuple[ReflectionQuestion, ...]:
    data = content.load("recovery/reflection")
    return tuple(
        ReflectionQuestion(
            id=q["id"],
            topic=q["topic"],
            topic_label=data["topics"][q["topic"]],
            text=q["text"],
            groups=tuple(StageGroup(g) for g in q["groups"]),
            themes=tuple(q["themes"]),
        )
        for q in data["question"]
    )


def reflection_set(stage: str, *, seed: int = 0, minutes: int = 15) -> ReflectionSet:
    """One question per topic for the stage reached, rotating with `seed` (for instance the
    number of earlier reflections), inside a time box of `minutes`."""
    if minutes < 1:
        raise ValueError("A reflection needs at least one minute.")
    group = stage_group(stage)
    data = content.load("recovery/reflection")
    questions = all_reflection_questions()
    chosen = []
    for topic in data["sets"][group.value]:
        options = [q for q in questions if q.topic == topic and group in q.groups]
        chosen.append(options[seed % len(options)])
    session = data["session"]
    values = {"minutes": str(minutes)}
    attribution = data["attribution"]
    return ReflectionSet(
        group=group,
        minutes=minutes,
        questions=tuple(chosen),
        intro=templating.render(session["intro"], values),
        mood_before=session["mood_before"],
        mood_after=session["mood_after"],
        mood_labels=tuple(session["mood_labels"]),
        skip_hint=session["skip_hint"],
        hard_questions=session["hard_questions"],
        gentle_close=templating.render(session["gentle_close"], values),
        closing=session["closing"],
        attribution_intro=attribution["intro"],
        attribution_labels={k: attribution[k] for k in ("yes", "partly", "no")},
    )
