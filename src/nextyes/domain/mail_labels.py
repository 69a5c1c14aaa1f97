"""The labels nextyes gives to job-search email (part of the command-line contract)."""

from __future__ import annotations

from enum import StrEnum


class MailLabel(StrEnum):
    APPLICATION_RECEIVED = "application_received"
    INTERVIEW = "interview"
    ASSESSMENT = "assessment"
    REJECTION = "rejection"
    OFFER = "offer"
    RECRUITER_OUTREACH = "recruiter_outreach"
    UNRELATED = "unrelated"
