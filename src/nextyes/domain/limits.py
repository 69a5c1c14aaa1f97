"""How long each text field of the journal may be: one set of limits for every edge.

The numbers are the columns' sizes on both databases (a test keeps them equal to the schema), so
whatever nextyes accepts, PostgreSQL stores, and the journal's own export imports again. Text
that no database can store (a NUL character, a lone surrogate) is cleaned on the way in.
"""

from __future__ import annotations

FIELD_LIMITS: dict[str, dict[str, int]] = {
    "api_tokens": {"name": 100, "token_hash": 64, "hint": 16},
    "application_contacts": {"role": 30},
    "applications": {
        "company": 200,
        "company_key": 200,
        "role": 200,
        "stage": 20,
        "source": 60,
        "resume_version": 60,
        "cover_letter_version": 60,
        "location": 200,
        "salary": 100,
    },
    "auth_sessions": {
        "token_hash": 64,
        "csrf_token": 64,
        "stage": 10,
        "user_agent": 200,
        "address": 64,
    },
    "calendar_feeds": {"token_hash": 64},
    "care_entries": {"kind": 20},
    "coach_comments": {"coach_label": 320, "target": 20},
    "coach_invitations": {"code_hash": 64, "scopes": 200},
    "coach_reads": {"coach_label": 320, "what": 40},
    "coach_shares": {"scopes": 200},
    "coach_suggestions": {"coach_label": 320, "kind": 20, "status": 12},
    "cohort_facts": {"since": 7},
    "contact_interactions": {"kind": 30},
    "contacts": {
        "name": 200,
        "relation": 30,
        "company": 200,
        "company_key": 200,
        "email": 320,
        "phone": 60,
    },
    "cool_downs": {"kind": 20},
    "dismissals": {"item_key": 200},
    "drafts": {"kind": 30, "recipient": 320},
    "feedback": {"giver": 20, "controllable": 10, "origin": 20},
    "feedback_requests": {"tone": 20, "status": 20},
    "goals": {"metric": 30, "period": 10},
    "imap_connections": {"url": 600},
    "interview_questions": {"theme": 40},
    "interviews": {"kind": 20, "scheduled_time": 5},
    "jobs": {"public_id": 32, "kind": 20, "title": 300, "state": 10, "worker": 100, "once": 60},
    "mail_messages": {
        "message_key": 300,
        "sender_domain": 255,
        "label": 30,
        "company": 200,
        "role": 200,
        "status": 20,
        "effect": 30,
    },
    "mail_sender_rules": {"sender": 320, "company": 200, "label": 30},
    "mail_sources": {"source_key": 500},
    "moods": {"context": 30},
    "offers": {"status": 10, "pay_currency": 3, "pay_period": 10, "location": 200, "remote": 10},
    "one_time_links": {"purpose": 10, "token_hash": 64},
    "organisation_groups": {"kind": 20, "name": 200},
    "organisation_invitations": {"token_hash": 64, "role": 10},
    "organisation_members": {"role": 10, "status": 10},
    "organisations": {
        "name": 200,
        "sso_issuer": 500,
        "sso_client_id": 200,
        "sso_email_domain": 200,
    },
    "plan_items": {"theme": 40, "kind": 20, "status": 20, "action_key": 80},
    "postings": {"title": 300},
    "practice_sessions": {"question_key": 80, "theme": 40},
    "recovery_codes": {"code_hash": 64},
    "reflections": {"stage_group": 20},
    "reminders_sent": {"key": 80},
    "settings": {"key": 80},
    "sign_in_throttle": {"key": 80},
    "stage_events": {"stage": 20, "from_stage": 20, "origin": 20, "source_ref": 300},
    "users": {
        "username": 320,
        "display_name": 200,
        "email": 320,
        "role": 20,
        "totp_secret": 64,
        "totp_pending": 64,
        "reminders_token": 64,
    },
    "wins": {"kind": 30, "auto_key": 120},
}

# What people call a field, where the column's name would not do.
FIELD_WORDS: dict[str, str] = {
    "resume_version": "résumé version",
    "cover_letter_version": "cover-letter version",
    "company_key": "company name",
    "display_name": "name",
}

_UNSTORABLE = {0: None}  # NUL: refused by PostgreSQL, cut short by many tools


def limit_of(table: str, column: str) -> int | None:
    return FIELD_LIMITS.get(table, {}).get(column)


def storable(text: str) -> str:
    """The text without what no journal can store: NUL characters are dropped, lone
    surrogates (broken halves of a character) become the replacement character."""
    if "\x00" in text:
        text = text.translate(_UNSTORABLE)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def too_long(table: str, column: str, text: str) -> str | None:
    """The message for a value longer than its field, or None when it fits."""
    limit = limit_of(table, column)
    if limit is None or len(text) <= limit:
        return None
    what = FIELD_WORDS.get(column, column.replace("_", " "))
    return f"The {what} is longer than {limit:,} characters ({len(text):,}); shorten it."
