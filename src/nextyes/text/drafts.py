"""Email drafts after a "no": the feedback request and the gracious reply.

Composers take plain values (never database rows) and return a Draft; they never send anything.
Sending is the person's own act, from their own mail client.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from nextyes import content
from nextyes.domain.recovery import StageGroup, Tone, parse_tone, stage_group
from nextyes.text import templating
from nextyes.text.wording import clean, first_name, phrase, spoken_date


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str

    def as_text(self) -> str:
        return f"Subject: {self.subject}\n\n{self.body}\n"


def compose_feedback_request(
    *,
    tone: Tone | str,
    stage: str,
    company: str,
    role: str,
    contact_name: str | None = None,
    interview_date: date | None = None,
    interview_label: str | None = None,
    interview_topic: str | None = None,
    sender_name: str | None = None,
    today: date | None = None,
) -> Draft:
    """A short, grateful request for feedback, shaped by the stage the process reached.

    `interview_label` names the conversation ("second-round interview"); `interview_topic` is
    something recorded about it that reads after "especially" ("the system design exercise").
    `today` decides whether the interview date needs its year.
    """
    group = stage_group(stage)
    template = _template("recovery/feedback_requests", parse_tone(tone), group)
    values = _people(company, role, contact_name, sender_name) | {
        "interview_date": spoken_date(interview_date, today=today) if interview_date else None,
        "interview_label": phrase(interview_label),
        "interview_topic": phrase(interview_topic),
    }
    return _render(template, values)


def compose_reply(
    *,
    tone: Tone | str,
    stage: str,
    company: str,
    role: str,
    contact_name: str | None = None,
    sender_name: str | None = None,
    ask_future_roles: bool = False,
    connect: bool = False,
    reason: str | None = None,
) -> Draft:
    """A thank-you that keeps the door open, optionally asking to be kept in mind for future
    roles and offering to stay in touch. `reason` is the reason recorded with the "no": when
    it says the role was put on hold, the reply does not speak of "the hire" or of someone
    else being selected."""
    group = stage_group(stage)
    replies = content.load("recovery/replies")
    template = _template("recovery/replies", parse_tone(tone), group)
    values = _people(company, role, contact_name, sender_name)
    thanks: dict[str, str] = replies["thanks_for"]
    values["thanks_for"] = thanks.get(str(stage).strip().lower(), thanks[group.value])
    suffix = "_on_hold" if is_role_on_hold(reason) else ""
    template["subject"] = template["subject" + suffix]
    for part in ("wish", "regret"):
        if part in template:
            values[part] = templating.render(template[part + suffix], values)
    values["future_roles"] = (
        templating.render(template["future_roles"], values) if ask_future_roles else None
    )
    values["connect_note"] = (
        templating.render(template["connect_note"], values) if connect else None
    )
    return _render(template, values)


def is_role_on_hold(reason: str | None) -> bool:
    """Whether the reason given for a "no" says the role itself was put on hold or closed."""
    if not reason:
        return False
    import re

    patterns: list[str] = content.load("recovery/replies")["on_hold"]["patterns"]
    return any(re.search(pattern, reason, re.IGNORECASE) for pattern in patterns)


def compose_follow_up(
    *,
    tone: Tone | str,
    company: str,
    role: str,
    sent_on: date,
    contact_name: str | None = None,
    sender_name: str | None = None,
    today: date | None = None,
) -> Draft:
    """The one gentle follow-up to a feedback request that had no answer."""
    template = dict(content.load("recovery/feedback_requests")["follow_up"][parse_tone(tone).value])
    values = _people(company, role, contact_name, sender_name)
    values["sent_on"] = spoken_date(sent_on, today=today)
    return _render(template, values)


def interview_label(kind: str, round: int | None = None) -> str:
    """How an interview is named in a draft: "panel interview", "second-round video interview"."""
    labels = content.load("recovery/feedback_requests")["interview_labels"]
    label = str(labels.get(kind, labels["other"]))
    ordinals: list[str] = labels["ordinals"]
    if round is not None and 2 <= round <= len(ordinals) and kind not in ("final", "assessment"):
        return templating.render(
            labels["with_round"], {"ordinal": ordinals[round - 1], "label": label}
        )
    return label


def is_feedback_declined(text: str) -> bool:
    """Whether a short reply says they don't give feedback (rather than giving some)."""
    import re

    rules = content.load("recovery/feedback_requests")["declined"]
    if len(text.split()) > int(rules["max_words"]):
        return False
    plain = " ".join(text.replace("\u2019", "'").split())
    if re.search(rules["unless"], plain, re.IGNORECASE):
        return False
    return any(
        re.search(pattern.replace(" ", r"\s+"), plain, re.IGNORECASE)
        for pattern in rules["patterns"]
    )


def _template(name: str, tone: Tone, group: StageGroup) -> dict[str, Any]:
    data = content.load(name)[tone.value]
    return dict(data[group.value]) if group.value in data else dict(data)


def _people(
    company: str, role: str, contact_name: str | None, sender_name: str | None
) -> dict[str, str | None]:
    company_text, role_text = clean(company), clean(role)
    if company_text is None or role_text is None:
        raise ValueError("A draft needs the company and the role; both were expected, not blank.")
    return {
        "company": company_text,
        "role": role_text,
        "contact_name": clean(contact_name),
        "contact_first_name": first_name(contact_name),
        "sender_name": clean(sender_name),
    }


def _render(template: dict[str, Any], values: dict[str, str | None]) -> Draft:
    return Draft(
        subject=templating.render(template["subject"], values),
        body=templating.render(template["body"], values),
    )
