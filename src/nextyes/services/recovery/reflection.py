"""Guided reflection after a "no": a few questions for the stage reached, inside a time box,
mood before and after, and an attribution step (what was yours to change, partly, or not).

The questions are asked at an edge (the CLI prompts, the web app shows a form); this module
plans the session and saves what came of it. `answers_from_document` reads the same answers
from a YAML or JSON file, for scripts and tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from nextyes import content
from nextyes.domain.models import Application, InterviewKind
from nextyes.domain.recovery import Reflection, check_mood
from nextyes.domain.stages import Stage
from nextyes.domain.themes import CONTROL, Control, Theme
from nextyes.errors import InvalidInput, NotFound, Words
from nextyes.services.recovery.cool_down import get_rejected_application
from nextyes.services.recovery.feedback_requests import rejection_facts
from nextyes.services.settings.preferences import PREFERENCES, get_preferences
from nextyes.storage.uow import UnitOfWork
from nextyes.text.recovery import ReflectionSet, all_reflection_questions, reflection_set

MAX_SUGGESTED_THEMES = 6
MAX_ANSWER = 5_000


def _said(key: str, **values: object) -> str:
    """A refusal of the reflection, from content/recovery/reflection.toml [problems]."""
    return content.fill(content.load("recovery/reflection")["problems"][key], **values)


THEMES = frozenset(t.value for t in Theme)
DOCUMENT_KEYS = ("mood_before", "answers", "hard_questions", "attribution", "mood_after")


@dataclass(frozen=True, slots=True)
class ReflectionPlan:
    application: Application
    at_stage: Stage
    session: ReflectionSet
    suggested: dict[str, str]  # theme -> yes | partly | no, to pre-fill the attribution step
    interview_id: int | None  # where hard interview questions are kept
    earlier: Reflection | None = None  # the reflection this session edits (None: a new one)

    @property
    def minutes(self) -> int:
        return self.session.minutes


@dataclass(frozen=True, slots=True)
class ReflectionAnswers:
    mood_before: int | None = None
    mood_after: int | None = None
    answers: dict[str, str] = field(default_factory=dict)  # question id -> answer
    hard_questions: tuple[str, ...] = ()
    attributions: dict[str, str] = field(default_factory=dict)  # theme -> yes | partly | no


def plan_reflection(
    uow: UnitOfWork, application_id: int, *, minutes: int | None = None, new: bool = False
) -> ReflectionPlan:
    """The session for a reflection on this no. If there is one already, the session edits it
    (its questions first, its answers to start from) unless `new` asks for another."""
    with uow:
        app = get_rejected_application(uow, application_id, "reflection")
        if minutes is None:
            minutes = int(get_preferences(uow)["reflection_minutes"])
        else:
            minutes = PREFERENCES["reflection_minutes"].parse(str(minutes))
        at_stage, heard_on = rejection_facts(uow, app)
        session = reflection_set(at_stage.value, seed=uow.reflections.count(), minutes=minutes)
        earlier = None if new else next(reversed(uow.reflections.for_application(app.id)), None)
        if earlier is not None:
            session = _with_earlier_questions(session, earlier)
        themes: list[str] = []
        for feedback in uow.feedback.for_application(app.id):
            themes.extend(feedback.themes)
        for question in session.questions:
            themes.extend(question.themes)
        known = [t for t in dict.fromkeys(themes) if t in THEMES]
        suggested = {t: CONTROL[Theme(t)].value for t in known[:MAX_SUGGESTED_THEMES]}
        talks = [
            i
            for i in uow.interviews.for_application(app.id)
            if i.kind is not InterviewKind.ASSESSMENT and i.scheduled_on <= heard_on
        ]
    if earlier is not None:
        suggested = {**suggested, **earlier.attributions}
    return ReflectionPlan(
        app, at_stage, session, suggested, talks[-1].id if talks else None, earlier
    )


def _with_earlier_questions(session: ReflectionSet, earlier: Reflection) -> ReflectionSet:
    """The questions answered before come first, then the session's others, as many as before."""
    every = {q.id: q for q in all_reflection_questions()}
    answered = [every[qid] for qid in earlier.answers if qid in every]
    rest = [q for q in session.questions if q.id not in earlier.answers]
    size = max(len(session.questions), len(answered))
    return replace(session, questions=tuple((answered + rest)[:size]))


def save_reflection(
    uow: UnitOfWork,
    plan: ReflectionPlan,
    answers: ReflectionAnswers,
    *,
    started_at: datetime,
    finished_at: datetime,
    now: datetime,
) -> Reflection:
    """Keep the reflection, its moods and the hard questions (flagged for practice)."""
    checked = check_answers(plan, answers)
    app_id = plan.application.id
    earlier = plan.earlier
    with uow:
        if earlier is not None:
            reflection_id = earlier.id
            if uow.reflections.get(earlier.id) is None:
                raise NotFound(
                    _said("gone", id=earlier.id), web=Words("recovery/web", "reflection_gone")
                )
            uow.reflections.update(
                earlier.id,
                finished_at=finished_at,
                mood_before=_kept(checked.mood_before, earlier.mood_before),
                mood_after=_kept(checked.mood_after, earlier.mood_after),
                answers={**earlier.answers, **checked.answers},
                attributions={**earlier.attributions, **checked.attributions},
            )
            checked = replace(
                checked,
                mood_before=None if checked.mood_before == earlier.mood_before
                else checked.mood_before,
                mood_after=None if checked.mood_after == earlier.mood_after
                else checked.mood_after,
            )  # fmt: skip
        else:
            reflection_id = uow.reflections.add(
                app_id, plan.session.group, started_at, finished_at, plan.minutes, now,
                mood_before=checked.mood_before, mood_after=checked.mood_after,
                answers=checked.answers, attributions=checked.attributions,
            )  # fmt: skip
        for score, moment, context in (
            (checked.mood_before, started_at, "before_reflection"),
            (checked.mood_after, finished_at, "after_reflection"),
        ):
            if score is not None:
                uow.moods.add(score, moment, now, application_id=app_id, context=context)
        asked = {q.text.casefold(): q for q in uow.questions.for_application(app_id)}
        for text in checked.hard_questions:
            existing = asked.get(text.casefold())
            if existing is not None:
                uow.questions.set_hard(existing.id, True)
            else:
                uow.questions.add(app_id, text, now, interview_id=plan.interview_id, hard=True)
        saved = [r for r in uow.reflections.for_application(app_id) if r.id == reflection_id]
        uow.commit()
    return saved[0]


def _kept(new: int | None, old: int | None) -> int | None:
    return old if new is None else new


def delete_reflection(uow: UnitOfWork, reflection_id: int) -> Reflection:
    """Remove a reflection (its moods and the hard questions it flagged stay in the journal)."""
    with uow:
        reflection = uow.reflections.get(reflection_id)
        if reflection is None:
            raise NotFound(
                _said("not_found", id=reflection_id),
                web=Words("recovery/web", "no_reflection", {"id": reflection_id}),
            )
        uow.reflections.delete(reflection_id)
        uow.commit()
    return reflection


def check_answers(plan: ReflectionPlan, answers: ReflectionAnswers) -> ReflectionAnswers:
    """Answers as they will be kept, or InvalidInput saying what to change."""
    known = {q.id for q in all_reflection_questions()}
    unknown = sorted(set(answers.answers) - known)
    if unknown:
        raise InvalidInput(_said("unknown_question", names=", ".join(unknown)))
    texts = {k: _text(v, "an_answer") for k, v in answers.answers.items()}
    hard: list[str] = []
    for question in answers.hard_questions:
        text = " ".join(_text(question, "a_hard_question").split())
        if text and text.casefold() not in {h.casefold() for h in hard}:
            hard.append(text)
    attributions = {}
    for theme, value in answers.attributions.items():
        if theme not in THEMES:
            names = ", ".join(t.value for t in Theme)
            raise InvalidInput(_said("not_a_theme", theme=theme, names=names))
        attributions[theme] = _control(value, theme)
    return ReflectionAnswers(
        mood_before=None if answers.mood_before is None else check_mood(answers.mood_before),
        mood_after=None if answers.mood_after is None else check_mood(answers.mood_after),
        answers={k: v for k, v in texts.items() if v},
        hard_questions=tuple(hard),
        attributions=attributions,
    )


def _text(value: object, what: str) -> str:
    """`value` as text; `what` names it in a refusal ("an_answer")."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        kind = type(value).__name__
        raise InvalidInput(_said("not_text", what=_said(what), kind=kind))
    text = str(value).strip()
    if len(text) > MAX_ANSWER:
        raise InvalidInput(_said("too_long", what=_said(what), max=f"{MAX_ANSWER:,}"))
    return text


def _control(value: object, theme: str) -> str:
    if value is True:  # YAML reads a bare yes as true
        return Control.YES.value
    if value is False:
        return Control.NO.value
    text = str(value).strip().lower()
    if text in ("y", "yes", "mine"):
        return Control.YES.value
    if text in ("p", "partly", "part", "partial"):
        return Control.PARTLY.value
    if text in ("n", "no", "not"):
        return Control.NO.value
    raise InvalidInput(_said("bad_control", theme=theme, value=value))


def answers_from_document(plan: ReflectionPlan, text: str, source: str) -> ReflectionAnswers:
    """Read answers from YAML or JSON (see `nextyes reflect --help` for the shape)."""
    data = _parse(text, source)
    keys = ", ".join(DOCUMENT_KEYS)
    if data is None or data == {} or data == []:
        raise InvalidInput(_said("empty_document", source=source, keys=keys))
    if not isinstance(data, dict):
        raise InvalidInput(_said("not_a_mapping", source=source, keys=keys))
    unknown = sorted(str(k) for k in data if k not in DOCUMENT_KEYS)
    if unknown:
        raise InvalidInput(
            _said("unknown_keys", source=source, unknown=", ".join(unknown), keys=keys)
        )
    hard = data.get("hard_questions") or ()
    attribution = data.get("attribution") or {}
    if not isinstance(attribution, dict):
        raise InvalidInput(_said("attribution_not_a_mapping"))
    answers = ReflectionAnswers(
        mood_before=data.get("mood_before"),
        mood_after=data.get("mood_after"),
        answers=_answers_by_id(plan, data.get("answers") or {}),
        hard_questions=(hard,) if isinstance(hard, str) else tuple(hard),
        attributions={str(k): v for k, v in attribution.items()},
    )
    checked = check_answers(plan, answers)
    if checked == ReflectionAnswers():
        raise InvalidInput(_said("nothing_to_record", source=source))
    return checked


def _parse(text: str, source: str) -> Any:
    stripped = text.strip()
    if source.endswith(".json") or stripped.startswith(("{", "[")):
        try:
            return json.loads(stripped) if stripped else None
        except json.JSONDecodeError as exc:
            raise InvalidInput(
                _said("bad_json", source=source, line=exc.lineno, why=exc.msg)
            ) from None
        except RecursionError:
            raise InvalidInput(_said("too_deep", source=source)) from None
    import yaml

    try:
        return yaml.safe_load(stripped)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _said("at_line", line=mark.line + 1) if mark is not None else ""
        raise InvalidInput(_said("bad_yaml", source=source, where=where)) from None
    except RecursionError:
        raise InvalidInput(_said("too_deep", source=source)) from None


def _answers_by_id(plan: ReflectionPlan, raw: object) -> dict[str, Any]:
    """Answers keyed by question id or by topic, or a list in the order the questions come."""
    questions = plan.session.questions
    if isinstance(raw, list):
        if len(raw) > len(questions):
            raise InvalidInput(
                _said("too_many_answers", answers=len(raw), questions=len(questions))
            )
        return {q.id: a for q, a in zip(questions, raw, strict=False) if a is not None}
    if not isinstance(raw, dict):
        raise InvalidInput(_said("answers_not_a_mapping"))
    by_topic = {q.topic: q.id for q in questions}
    topics = set(by_topic)
    every = {q.id: q for q in all_reflection_questions()}
    result: dict[str, Any] = {}
    for key, answer in raw.items():
        name = str(key)
        if name in by_topic:
            result[by_topic[name]] = answer
        elif name in every and every[name].topic in topics:
            result[name] = answer
        else:
            listed = ", ".join(sorted(topics))
            raise InvalidInput(_said("not_in_reflection", name=name, topics=listed))
    return {k: v for k, v in result.items() if v is not None}
