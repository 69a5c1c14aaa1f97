"""What an interview is called where people read it, by its kind."""

from __future__ import annotations

from nextyes import content
from nextyes.domain.models import InterviewKind


def interview_name(kind: InterviewKind) -> str:
    """ "Phone interview", "Assessment", or plain "Interview" for one of no particular kind."""
    return str(content.load("pipeline/messages")["interview_kinds"][kind.value])
