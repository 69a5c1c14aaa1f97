"""Who is hiring and for which role, read from one job email.

The hiring company (display name, sending domain, applicant-tracking-system conventions,
signature lines, subject patterns) and the role title. Standard library only; every function
returns None rather than guessing wildly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nextyes.text.email_features import ATS_DOMAINS

PERSONAL_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
        "icloud.com", "me.com", "proton.me", "protonmail.com", "aol.com", "gmx.de", "gmx.net",
        "web.de", "mail.com", "yandex.com", "fastmail.com",
    }
)  # fmt: skip
JOB_BOARD_DOMAINS = ("linkedin.", "indeed.", "glassdoor.", "dice.", "monster.", "ziprecruiter.")
_ORG_SUFFIX = r"(?:\s+(?:Inc\.?|LLC|Ltd\.?|GmbH|S\.?A\.?|plc|Co\.|Corp\.?|B\.V\.|LLP))?"
_NAME = r"[A-Z0-9][\w&'’\-]*(?:\s+(?:&\s+)?[A-Z0-9][\w&'’\-]*){0,4}" + _ORG_SUFFIX
_TEAM_WORDS = (
    r"(?:Careers?|Recruiting|Recruitment|Talent(?: Acquisition)?|Hiring(?: Team)?|People(?: Team)?"
    r"|HR|Human Resources|Jobs|Team|University Recruiting|Talent Team|Recruiting Team)"
)
_TEAM_SUFFIX = re.compile(
    r"\s+(?:careers?|recruiting|recruitment|talent|acquisition|hiring|people|hr|team|jobs"
    r"|university|family|human resources)$",
    re.I,
)
_SENDER_PATTERNS = [
    re.compile(r"on behalf of\s+(?P<c>.+)$", re.I),
    re.compile(r"^.+?\s+(?:from|at|@)\s+(?P<c>" + _NAME + r")$"),
    re.compile(r"^(?P<c>" + _NAME + r")\s+(?:" + _TEAM_WORDS + r")(?:\s+Team)?$"),
    re.compile(r"^(?P<c>" + _NAME + r")\s+via\s+\w+$", re.I),
]
_C = r"(?P<c>" + _NAME + r")"
_TEXT_PATTERNS = [
    re.compile(r"(?:applying|applied|application|apply)\s+(?:to|with|at)\s+" + _C),
    re.compile(r"(?:interest(?:ed)? in|considering|join(?:ing)?)\s+(?:the\s+)?" + _C),
    re.compile(r"(?:position|role|opening|vacancy|opportunity)\s+(?:at|with)\s+" + _C),
    re.compile(
        r"(?:interview(?:ing)?|offer|career|future|speaking|meeting)\s+(?:with|at|from)\s+" + _C
    ),
    re.compile(r"^(?:The\s+)?" + _C + r"\s+" + _TEAM_WORDS + r"(?:\s+Team)?\s*$", re.M),
    re.compile(r"^Your\s+" + _C + r"\s+(?:application|interview|offer)", re.M),
    re.compile(r"on behalf of\s+" + _C),
    re.compile(
        r"(?:Recruit\w*|Talent[\w ]{0,25}|HR[\w ]{0,20}|People[\w ]{0,20}|Hiring Manager)"
        r"\s*(?:\bat\b|@|,|\||-)\s*" + _C
    ),
]
_NOT_COMPANIES = frozenset(
    {
        "the", "our", "your", "this", "us", "we", "a", "an", "you", "it", "them", "team",
        "the team", "thank", "thanks", "dear", "hi", "hello", "application", "recruiting",
        "careers", "jobs", "talent", "hiring", "people", "hr", "do not reply", "no reply",
        "noreply", "workday", "greenhouse", "lever", "taleo", "icims", "smartrecruiters", "ashby",
        "recruiting team",
    }
)  # fmt: skip

_ROLE = r"(?P<r>[A-Z][\w/&+#().,'’\- ]{1,70}?)"
_KIND = r"(?:position|role|opening|vacancy|job)"
_ROLE_PATTERNS = [
    re.compile(
        r"(?:application|applying|applied)\s+(?:for|to)\s+(?:the\s+)?(?:(?:position|role) of\s+)?"
        + _ROLE + r"(?:\s+" + _KIND + r")?\s+(?:at|with|in|on)\s+[A-Z]"
    ),
    re.compile(
        r"(?:application|applying|applied|interest)\s+(?:for|in)\s+(?:the\s+|our\s+)?"
        + _ROLE + r"\s+" + _KIND + r"\b"
    ),
    re.compile(r"(?:the\s+)?(?:position|role) of\s+" + _ROLE + r"(?=[.,;!\n]|\s+(?:at|with)\s)"),
    re.compile(
        r"(?:for|as)\s+(?:the\s+|a\s+|an\s+|our\s+(?:new\s+)?)" + _ROLE + r"\s+" + _KIND + r"\b"
    ),
    re.compile(
        r"^(?:Re:\s*)?(?:Your application for|Application for|Application received:"
        r"|Interview for|Offer for)\s+" + _ROLE + r"(?:\s+(?:at|with)\s+.+|\s*\(.*\))?$",
        re.I,
    ),
]  # fmt: skip
_ROLE_SUBJECT = re.compile(r"^(?:Re:\s*)?(?P<a>[^-–|:]{2,60}?)\s+[-–|:]\s+(?P<b>[^-–|:]{2,60})$")
_ROLE_WORDS = re.compile(
    r"\b(?:engineer|developer|analyst|manager|designer|scientist|intern|assistant|officer|"
    r"coordinator|specialist|consultant|director|lead|nurse|teacher|technician|associate|"
    r"administrator|architect|writer|editor|advisor|adviser|agent|representative|executive|"
    r"accountant|clerk|chef|driver|supervisor|programmer|researcher|tutor|lecturer|worker)s?\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Company:
    name: str | None
    domain: str | None
    via_ats: bool = False


def _clean_name(raw: str) -> str | None:
    name = raw.strip(" \t\"'’.,;:!-–|")
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"^(?:the|our)\s+", "", name, flags=re.I)
    while (trimmed := _TEAM_SUFFIX.sub("", name)) != name:
        name = trimmed
    if not name or name.lower() in _NOT_COMPANIES or len(name) > 60:
        return None
    if not any(ch.isalpha() for ch in name):
        return None
    return name


def domain_company(domain: str) -> str | None:
    """The company a sending domain names ("mail.kelda.example" -> "Kelda"), if any."""
    if not domain or domain in PERSONAL_DOMAINS or any(j in domain for j in JOB_BOARD_DOMAINS):
        return None
    if any(domain.endswith(ats) for ats in ATS_DOMAINS) or domain.endswith(".invalid"):
        return None
    labels = [p for p in domain.split(".") if p]
    if len(labels) < 2:
        return None
    skip = {"mail", "email", "careers", "jobs", "talent", "recruiting", "hr", "notifications", "e"}
    core = [p for p in labels[:-1] if p not in skip and p not in {"co", "com", "ac", "gov", "org"}]
    if not core:
        return None
    return core[-1].replace("-", " ").title()


_BEFORE_EMPLOYER = ("at", "with", "to", "join", "joining", "in", "from", "the")
_AFTER_EMPLOYER = ("team", "careers", "recruiting", "talent", "people", "hr", "application", "'s")


def _named_as_company(name: str, text: str) -> bool:
    """Whether `text` uses `name` the way one names an employer ("at X", "X team")."""
    lowered, wanted = text.lower(), name.lower()
    start = lowered.find(wanted)
    while start >= 0:
        end = start + len(wanted)
        before = lowered[max(0, start - 12) : start].split()
        after = lowered[end : end + 14].lstrip(" ,")
        if (before and before[-1] in _BEFORE_EMPLOYER) or after.startswith(_AFTER_EMPLOYER):
            return True
        start = lowered.find(wanted, end)
    return False


def extract_company(
    sender_name: str,
    sender_domain: str,
    subject: str,
    body: str,
    shared_domains: frozenset[str] = frozenset(),
) -> Company:
    """The hiring company, reading the sender first, then the subject, then the body.

    `shared_domains` are sending domains a journal learned to speak for many employers: they
    are read as an applicant-tracking system's, like the ones in ATS_DOMAINS.
    """
    via_ats = sender_domain in shared_domains or any(
        sender_domain.endswith(ats) for ats in ATS_DOMAINS
    )
    domain = None if via_ats or sender_domain in PERSONAL_DOMAINS else (sender_domain or None)
    display = _clean_name(sender_name) if sender_name else None
    if via_ats and display and display.lower() == (domain_company(sender_domain) or "").lower():
        display = None  # the system's own name ("Hirevault <no-reply@hirevault.example>")
    if display and _named_as_company(display, subject + "\n" + body[:3000]):
        return Company(display, domain, via_ats)
    if sender_name:
        for pattern in _SENDER_PATTERNS:
            match = pattern.search(sender_name.strip())
            if match and (name := _clean_name(match.group("c"))):
                return Company(name, domain, via_ats)
    for text in (subject, body[:3000]):
        for pattern in _TEXT_PATTERNS:
            for match in pattern.finditer(text):
                if name := _clean_name(match.group("c")):
                    return Company(name, domain, via_ats)
    if via_ats and display and " " not in display:
        return Company(display, domain, via_ats)
    return Company(None if via_ats else domain_company(sender_domain), domain, via_ats)


def _clean_role(raw: str) -> str | None:
    role = re.sub(r"\s+", " ", raw).strip(" \t\"'’.,;:!-–|")
    role = re.sub(r"^(?:the|a|an|our)\s+", "", role, flags=re.I)
    role = re.sub(r"\s*\((?:ref|job|id|req)[^)]*\)$", "", role, flags=re.I)
    if not role or len(role) > 70 or len(role.split()) > 8:
        return None
    return role


def extract_role(subject: str, body: str) -> str | None:
    """The role title the email is about, when it names one."""
    for text in (subject, body[:3000]):
        for pattern in _ROLE_PATTERNS:
            match = pattern.search(text)
            if match and (role := _clean_role(match.group("r"))):
                return role
    match = _ROLE_SUBJECT.match(subject.strip())
    if match:
        for part in (match.group("b"), match.group("a")):
            if _ROLE_WORDS.search(part) and (role := _clean_role(part)):
                return role
    return None
