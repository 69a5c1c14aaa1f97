"""Recruiters reaching out first: agency and in-house, warm and templated."""

from __future__ import annotations

import random

from corpus.common import letter, maybe, pick

SUBJECTS = [
    "Opportunity at {company}", "{role} opportunity - interested?", "Quick question",
    "Your profile caught my eye", "Exciting {role} role in {city}", "Open to a new challenge?",
    "Are you open to new opportunities?", "{company} is hiring a {role}", "Introduction",
    "Confidential opportunity", "Let's connect", "Role that could suit you",
    "{role} - {city} - hybrid", "Chat about {company}?", "Hi {first} - new role",
]  # fmt: skip

SENDERS = [
    "{recruiter} <{first_lower}.{last_lower}@{domain}>",
    "{recruiter} <{first_lower}@talentbridge-recruitment.example>",
    "{recruiter} via LinkedIn <inmail-hit-reply@linkedin.example>",
    "{recruiter} <{first_lower}@harperlane-search.example>",
    "{recruiter} <{first_lower}.{last_lower}@northstar-talent.example>",
]

HOOKS = [
    "I came across your profile and was impressed by your experience in {industry}.",
    "I'm {rfirst}, a recruiter at {company}, and I think your background could be a great fit "
    "for a role we're hiring for.",
    "I'm working with a client in {city} who is looking for a {role}, and your name came up.",
    "I hope you don't mind me reaching out directly.",
    "Your work on [[data pipelines|patient care|brand campaigns|supply chain projects|"
    "customer onboarding]] caught my attention.",
    "A colleague mentioned you might be interested in hearing about new opportunities.",
    "I recruit for {team} roles at {company} and wanted to introduce myself.",
]

PITCHES = [
    "We're hiring a {role} to join a growing team, with a salary of up to {salary} and hybrid "
    "working.",
    "It's a chance to lead a small team and shape how the function grows.",
    "The role is fully remote and the team is known for a great culture.",
    "My client is a fast-growing company in the {industry} space, and they're building out their "
    "{team} team.",
    "The position offers strong progression, a learning budget and flexible hours.",
]

ASKS = [
    "Would you be open to a quick chat this week?",
    "If you're interested, reply with a good time to talk and your current CV.",
    "Even if the timing isn't right, I'd be happy to connect for the future.",
    "Let me know if you'd like to hear more - no pressure at all.",
    "Are you currently open to new opportunities?",
    "Could we schedule 15 minutes to discuss?",
]


def compose(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = pick(rng, SENDERS, ctx)
    ctx["ats_footer"] = ""
    subject = pick(rng, SUBJECTS, ctx)
    if rng.random() < 0.12:
        body = pick(
            rng,
            [
                "Hi {first}, I have a {role} role in {city} that looks like a strong match for "
                "your background. Open to a chat?",
                "Hey {first}! Are you looking at the moment? I've got something you might like.",
                "Hi {first}, hope all is well. Would love to tell you about a {role} opportunity "
                "at {company}. When suits for a call?",
            ],
            ctx,
        )
        return sender, subject, body
    paragraphs = [
        pick(rng, HOOKS, ctx),
        maybe(rng, 0.8, PITCHES, ctx),
        pick(rng, ASKS, ctx),
        maybe(rng, 0.3, ["Job description attached.",
                         "You can read more about the role here: https://{domain}/careers/{num}",
                         "Happy to share more details on salary and benefits over a call."], ctx),
    ]  # fmt: skip
    return sender, subject, letter(rng, ctx, paragraphs)
