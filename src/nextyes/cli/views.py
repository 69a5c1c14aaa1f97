"""Domain records as the JSON shapes the command-line contract promises."""

from __future__ import annotations

from typing import Any

from nextyes.domain.cooldown import CoolDownWindow
from nextyes.domain.models import Application, ApplicationDetail, Interview, StageEvent


def application_json(app: Application) -> dict[str, Any]:
    return {
        "id": app.id,
        "company": app.company,
        "role": app.role,
        "stage": app.stage.value,
        "stage_on": app.stage_on.isoformat(),
        "applied_on": app.applied_on.isoformat() if app.applied_on else None,
        "last_activity_on": app.last_activity_on.isoformat(),
        "source": app.source,
        "url": app.url,
        "resume_version": app.resume_version,
        "cover_letter_version": app.cover_letter_version,
        "location": app.location,
        "salary": app.salary,
        "referral_contact_id": app.referral_contact_id,
    }


def event_json(event: StageEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "stage": event.stage.value,
        "on": event.occurred_on.isoformat(),
        "from_stage": event.from_stage.value if event.from_stage else None,
        "round": event.round,
        "note": event.note,
        "reason": event.reason,
        "correction": event.correction,
        "origin": event.origin.value,
    }


def interview_json(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.id,
        "round": interview.round,
        "kind": interview.kind.value,
        "on": interview.scheduled_on.isoformat(),
        "at": interview.scheduled_time.strftime("%H:%M") if interview.scheduled_time else None,
        "interviewers": list(interview.interviewers),
        "location": interview.location,
        "notes": interview.notes,
    }


def detail_json(detail: ApplicationDetail) -> dict[str, Any]:
    data = application_json(detail.application)
    data["events"] = [event_json(e) for e in detail.events]
    data["interviews"] = [interview_json(i) for i in detail.interviews]
    data["questions"] = [
        {"id": q.id, "interview_id": q.interview_id, "text": q.text, "hard": q.hard}
        for q in detail.questions
    ]
    data["notes"] = [
        {"id": n.id, "on": n.written_on.isoformat(), "text": n.text, "private": n.private}
        for n in detail.notes
    ]
    data["contacts"] = [
        {"id": c.contact.id, "name": c.contact.name, "role": c.role, "email": c.contact.email}
        for c in detail.contacts
    ]
    feedback = detail.feedback
    data["feedback"] = [
        {
            "id": f.id,
            "text": f.text,
            "from": f.giver,
            "on": f.received_on.isoformat(),
            "themes": list(f.themes),
        }
        for f in feedback
    ]
    data["cool_downs"] = [
        {"kind": c.kind, "starts_at": c.starts_at.isoformat(), "ends_at": c.ends_at.isoformat()}
        for c in detail.cool_downs
    ]
    data["feedback_requests"] = [
        {
            "id": r.id,
            "sent_on": r.sent_on.isoformat(),
            "status": r.status.value,
            "follow_up_on": r.follow_up_on.isoformat() if r.follow_up_on else None,
            "followed_up_on": r.followed_up_on.isoformat() if r.followed_up_on else None,
        }
        for r in detail.feedback_requests
    ]
    data["reflections"] = [
        {
            "id": r.id,
            "started_at": r.started_at.isoformat(),
            "mood_before": r.mood_before,
            "mood_after": r.mood_after,
            "answers": r.answers,
            "attributions": r.attributions,
        }
        for r in detail.reflections
    ]
    offer = detail.offer
    data["offer"] = (
        None
        if offer is None
        else {
            "status": offer.status.value,
            "answer_by": offer.terms.answer_by.isoformat() if offer.terms.answer_by else None,
            "decided_on": offer.decided_on.isoformat() if offer.decided_on else None,
        }
    )
    posting = detail.posting
    data["posting"] = (
        None
        if posting is None
        else {
            "url": posting.url,
            "title": posting.title,
            "captured_on": posting.captured_on.isoformat(),
        }
    )
    return data


def cool_down_json(window: CoolDownWindow | None, text: str) -> dict[str, Any] | None:
    if window is None:
        return None
    return {
        "kind": str(window.spec),
        "starts_at": window.starts_at.isoformat(),
        "ends_at": window.ends_at.isoformat(),
        "text": text,
    }
