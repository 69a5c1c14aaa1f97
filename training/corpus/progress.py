"""Interviews (invitations, confirmations, reschedules), assessments and offers."""

from __future__ import annotations

import random

from corpus.common import letter, maybe, pick, sender_for

INTERVIEW_SUBJECTS = [
    "Interview invitation: {role} at {company}", "Next steps with {company}",
    "Let's schedule a chat", "{company} - interview for {role}", "Invitation to interview",
    "Your interview is confirmed", "Confirmed: {role} interview on {date}",
    "Interview reschedule request", "Can we move our call?", "Reminder: interview tomorrow",
    "{role}: phone screen", "Next round - {role}", "Final interview with {company}",
    "Re: {role} application", "Schedule your interview with {company}",
    "Invitation: Interview with {interviewer} @ {date} {time}", "Updated invitation: {role} interview",
    "Great news about your application", "Meet the team at {company}", "Following up",
]  # fmt: skip

INVITES = [
    "We were impressed with your application and would like to invite you to an interview for "
    "the {role} position.",
    "I'd love to set up a {minutes}-minute call to learn more about you and tell you about the "
    "{role} role.",
    "Good news: the hiring manager would like to meet you!",
    "We'd like to move you forward to the next stage: a video interview with {interviewer}, our "
    "{team} lead.",
    "Congratulations, you've been shortlisted for the {role} role and we'd like to invite you to "
    "interview.",
    "Thanks for your application. Are you free for a quick phone screen this week?",
    "We'd like to invite you to our final round, which is a half-day onsite with the team.",
    "Following your conversation with {interviewer}, we're pleased to invite you to the second "
    "round of interviews.",
    "Your background looks like a great fit, and we'd love to have a first chat.",
    "The team enjoyed your first interview and would like to continue the conversation.",
]

SCHEDULING = [
    "Please use this link to pick a time that suits you: {link}",
    "Could you let me know your availability for [[this week|next week|the coming days]]?",
    "Would {date} at {time} {tz} work for you? If not, please suggest two or three alternatives.",
    "Please book a slot using our scheduling page: https://cal.{domain}/interview/{num}",
    "Reply with a few times that work and I'll send a calendar invite.",
    "Slots are available on {day} and {date}, between {time} and 5pm.",
]

DETAILS = [
    "The interview will last about {minutes} minutes and will be held over [[Zoom|Google Meet|"
    "Microsoft Teams|the phone]].",
    "You'll meet {interviewer} and one other member of the {team} team.",
    "We'll talk through your experience, and there'll be plenty of time for your questions.",
    "No preparation is needed, but it may help to look at our website beforehand.",
    "The conversation will include some technical questions and a short discussion of a recent "
    "project.",
    "Please bring a form of ID and arrive ten minutes early; our office is at {city} HQ.",
]

CONFIRMATIONS = [
    "Your interview for {role} is confirmed.\n\nWhen: {date}, {time} {tz}\nWhere: video call "
    "(link below)\nWith: {interviewer}, {rtitle}\n\nJoin: https://meet.{domain}/{num}",
    "Thanks for booking a time. Here are the details of your interview:\n\nDate: {date}\nTime: "
    "{time} {tz}\nDuration: {minutes} minutes\nFormat: phone call - we'll call you on the number "
    "in your application.",
    "This confirms your interview with {company} on {date} at {time} {tz}. A calendar invitation "
    "has been sent to your email address. If you need to change the time, use the link in the "
    "invitation.",
    "Great, {date} at {time} works. I've sent over a calendar invite with the video link. "
    "Looking forward to speaking then!",
]

RESCHEDULES = [
    "Unfortunately {interviewer} is no longer available at the time we agreed. Could we move your "
    "interview to {date} at {time} {tz}? Apologies for the change.",
    "I'm so sorry, but we need to reschedule our call on {day}. Would any time on {date} work "
    "instead?",
    "No problem at all about moving the interview. I've updated the invitation to {date}, {time}.",
    "Due to an unexpected conflict, we need to postpone your interview. Please choose a new time "
    "here: {link}",
]

REMINDERS = [
    "Just a friendly reminder that your interview with {company} is tomorrow at {time} {tz}.",
    "Looking forward to speaking with you on {date}! Here's the link again: "
    "https://meet.{domain}/{num}",
    "This is a reminder of your upcoming interview for {role} on {date}.",
]


def interview(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = sender_for(rng, ctx, direct_share=0.6)
    subject = pick(rng, INTERVIEW_SUBJECTS, ctx)
    kind = rng.random()
    if kind < 0.55:
        paragraphs = [
            maybe(rng, 0.4, ["Thank you for applying for {role} at {company}.",
                             "Thanks for your interest in {company}.",
                             "Thanks for your patience while we reviewed applications."], ctx),
            pick(rng, INVITES, ctx),
            maybe(rng, 0.6, DETAILS, ctx),
            pick(rng, SCHEDULING, ctx),
            maybe(rng, 0.5, ["Looking forward to speaking with you!", "Speak soon.",
                             "Let me know if you have any questions in the meantime.",
                             "If you need any adjustments for the interview, just let us know."],
                  ctx),
        ]  # fmt: skip
    elif kind < 0.75:
        paragraphs = [pick(rng, CONFIRMATIONS, ctx), maybe(rng, 0.4, DETAILS, ctx)]
    elif kind < 0.9:
        paragraphs = [pick(rng, RESCHEDULES, ctx)]
    else:
        paragraphs = [pick(rng, REMINDERS, ctx), maybe(rng, 0.5, DETAILS, ctx)]
    return sender, subject, letter(rng, ctx, paragraphs)


ASSESSMENT_SUBJECTS = [
    "Your {company} assessment", "Next step: online assessment", "Coding challenge for {role}",
    "Take-home exercise - {role}", "Complete your assessment", "Reminder: assessment expires soon",
    "{company} case study", "Invitation to complete a skills test", "Online test invitation",
    "Your personality questionnaire", "Technical assessment: {role}", "Action required: assessment",
    "Next steps - written task", "{company} | Video assessment", "Work sample for {role}",
]  # fmt: skip

ASSESSMENT_INTROS = [
    "Thank you for your application for {role}. The next step in our process is an online "
    "assessment.",
    "We'd like to invite you to complete a coding challenge as the next stage of the process.",
    "As part of our process, we ask candidates to complete a short take-home exercise.",
    "Congratulations on progressing to the assessment stage!",
    "Before we schedule interviews, we'd like you to complete a short skills test.",
    "The next stage is a case study, which you'll present to the panel afterwards.",
    "We use a short work-style questionnaire to help us understand how you like to work.",
    "Please complete the numerical and verbal reasoning tests linked below.",
    "We invite you to record a short one-way video interview answering five questions.",
]

ASSESSMENT_DETAILS = [
    "The test takes about {minutes} minutes and includes [[two|three|four]] programming problems.",
    "You'll have {deadline_days} days to complete it, and you can use any language you like.",
    "The exercise should take no more than [[two|three|four]] hours; please don't spend longer "
    "than that.",
    "There are no right or wrong answers to the questionnaire; just answer honestly.",
    "The assessment is hosted on [[HackerRank|Codility|CodeSignal|TestGorilla|our assessment "
    "partner's site]] and is timed once you start.",
    "You'll receive a brief and a small data set; we'd like a short write-up of your approach.",
    "Make sure you're somewhere quiet with a stable internet connection before you begin.",
    "Once submitted, our team will review your work and get back to you within a week.",
]

ASSESSMENT_LINKS = [
    "Start your assessment here: https://assess.{domain}/t/{num}",
    "Your unique test link: https://tests.example-assess.com/invite/{num}",
    "Please submit your work by replying to this email or uploading it here: {link}",
    "Use the link below to begin:\n{link}",
    "The brief is attached to this email.",
]

ASSESSMENT_REMINDERS = [
    "This is a reminder that your assessment for {role} has not been completed yet. The link "
    "expires in {deadline_days} days.",
    "Just checking in: have you had a chance to start the take-home task? Let me know if you "
    "need more time.",
    "Your online test invitation will expire soon. Please complete it to stay in the process.",
]


def assessment(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = sender_for(rng, ctx, direct_share=0.5)
    subject = pick(rng, ASSESSMENT_SUBJECTS, ctx)
    if rng.random() < 0.15:
        paragraphs = [pick(rng, ASSESSMENT_REMINDERS, ctx), pick(rng, ASSESSMENT_LINKS, ctx)]
    else:
        details = [pick(rng, ASSESSMENT_DETAILS, ctx) for _ in range(rng.randint(1, 3))]
        paragraphs = [
            pick(rng, ASSESSMENT_INTROS, ctx),
            " ".join(dict.fromkeys(details)),
            pick(rng, ASSESSMENT_LINKS, ctx),
            maybe(rng, 0.5, ["Good luck!", "If you have any questions, just reply to this email.",
                             "If you need extra time or any adjustments, please let us know.",
                             "We look forward to seeing your work."], ctx),
        ]  # fmt: skip
    return sender, subject, letter(rng, ctx, paragraphs)


OFFER_SUBJECTS = [
    "Offer of employment - {role}", "Your offer from {company}", "Congratulations!",
    "Job offer: {role}", "Great news from {company}", "{company} offer letter",
    "Conditional offer of employment", "We'd love you to join us", "Welcome to {company}!",
    "Re: {role} - good news", "Offer details", "Your contract for {role}",
]  # fmt: skip

OFFER_LINES = [
    "I'm delighted to let you know that we would like to offer you the position of {role} at "
    "{company}!",
    "Congratulations! On behalf of {company}, I am pleased to offer you the role of {role}.",
    "The team loved meeting you and we'd like to make you an offer.",
    "Following your interviews, we're very happy to extend a conditional offer of employment for "
    "the {role} position.",
    "Great news - we'd love for you to join the {team} team as our new {role}.",
    "I'm thrilled to share that the panel has approved your offer.",
    "Please find attached your formal offer letter for the {role} role.",
    "I'm happy to confirm verbally that we're offering you the job, and the written offer will "
    "follow shortly.",
]

OFFER_DETAILS = [
    "The offer is for a starting salary of {salary} per year, with a start date of {date}.",
    "The offer is conditional on satisfactory references and a background check.",
    "Your contract, benefits summary and onboarding information are attached.",
    "The package includes {salary} base salary, 25 days' holiday and a pension contribution.",
    "This offer is subject to proof of your right to work and a health questionnaire.",
    "We'd like you to start on {date}, but we're flexible if you need a little longer.",
]

OFFER_ASK = [
    "Please let us know your decision by {date}.",
    "To accept, please sign the offer letter through the link below: {link}",
    "I'd love to jump on a call to talk through the details and answer any questions.",
    "Take a few days to think it over, and let me know if anything is unclear.",
    "We're so excited about the possibility of working together.",
]


def offer(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = sender_for(rng, ctx, direct_share=0.75)
    subject = pick(rng, OFFER_SUBJECTS, ctx)
    if rng.random() < 0.12:
        body = pick(
            rng,
            [
                "Hi {first}, great news - we'd like to offer you the role! Call me when you "
                "have a minute.",
                "We want you on the team! Offer letter attached. Congratulations!",
                "Congratulations {first}, the offer for {role} is approved. Details to follow.",
            ],
            ctx,
        )
        return sender, subject, body
    paragraphs = [
        maybe(rng, 0.4, ["Thank you for your time throughout the process.",
                         "I hope you're having a good week.",
                         "Thank you for meeting the team last week."], ctx),
        pick(rng, OFFER_LINES, ctx),
        " ".join(dict.fromkeys(pick(rng, OFFER_DETAILS, ctx) for _ in range(rng.randint(1, 3)))),
        pick(rng, OFFER_ASK, ctx),
        maybe(rng, 0.5, ["Welcome aboard!", "Congratulations again!",
                         "We can't wait to have you with us."], ctx),
    ]  # fmt: skip
    return sender, subject, letter(rng, ctx, paragraphs)
