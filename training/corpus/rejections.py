"""Rejections at every stage, mostly polite, long and hedged, in English."""

from __future__ import annotations

import random

from corpus.common import letter, maybe, pick, sender_for, sentences

SUBJECTS = [
    "Your application to {company}", "Update on your application", "{company} - {role}",
    "Regarding your application for {role}", "Your {company} application", "Application update",
    "Thank you for your interest in {company}", "{role} at {company}", "An update from {company}",
    "Your candidacy for {role}", "Re: {role} interview", "Following up on your interview",
    "Thank you from {company}", "Your application status", "{company} recruitment update",
    "Update: {role} ({num})", "Thanks for applying to {company}", "Re: Next steps",
    "Our decision on the {role} role", "{role} position", "Thank you for your time",
    "Your interview with {company}", "Important information about your application",
    "Application for {role} - update", "Re: {role}", "Thank you for meeting with us",
]  # fmt: skip

OPENINGS = {
    "application": [
        "Thank you for applying for the {role} position at {company}.",
        "Thanks so much for your interest in the {role} role and for taking the time to apply.",
        "We appreciate you considering {company} as the next step in your career.",
        "Thank you for submitting your application for {role}. We know putting an application "
        "together takes real effort, and we're grateful you chose to apply.",
        "Thanks for applying to {company} - we enjoyed learning about your background.",
        "We wanted to thank you for your recent application for the {role} vacancy (ref {num}).",
        "I'm writing about your application for the {role} opening on our {team} team.",
        "Thank you for your application and for your patience while we reviewed it.",
    ],
    "screen": [
        "Thank you for taking the time to speak with me [[earlier this week|last week|on {day}]] "
        "about the {role} role.",
        "It was great to chat on the phone about {company} and the {role} opening.",
        "Thanks again for the call [[yesterday|on {day}]] - I really enjoyed hearing about your "
        "work so far.",
        "Thank you for completing the initial screening call for {role}.",
        "I appreciated our conversation about the {role} position and your interest in {company}.",
    ],
    "interview": [
        "Thank you for interviewing with us for the {role} position.",
        "Thanks so much for coming in to meet the team on {day}.",
        "I wanted to thank you for the time you spent with {interviewer} and the {team} team.",
        "Thank you for your time and energy throughout our interview process for {role}.",
        "We really appreciated you talking with us about the {role} role, and for the thought "
        "you put into your answers.",
        "Thank you for joining us for the technical interview last week.",
        "Thanks for taking part in the panel interview for {role}.",
    ],
    "final": [
        "Thank you for making it all the way to the final round for {role}.",
        "I wanted to personally thank you for your time through every stage of the process, "
        "including the final interviews with our leadership team.",
        "Thank you for the time you invested in our process, from the first call to the final "
        "presentation.",
        "Thank you for meeting with {interviewer} for the final conversation about {role}.",
    ],
    "closed": [
        "Thank you for your interest in the {role} role at {company}.",
        "We're writing to everyone who applied for {role} with an update.",
        "Thank you for applying to {company} and for your patience over the past few weeks.",
    ],
}

PRAISE = [
    "We were impressed by your background and the experience you shared.",
    "Everyone who met you enjoyed the conversation, and your enthusiasm really came through.",
    "Your experience in [[{industry}|the field|this area]] is clearly strong, and it was a "
    "genuinely difficult decision.",
    "You have a lot to offer and we enjoyed getting to know you.",
    "The team appreciated your thoughtful questions and the care you put into your answers.",
    "Your application stood out in many ways.",
    "We received a large number of strong applications, including yours.",
    "We were lucky to hear from so many talented people for this role.",
    "I know the team particularly enjoyed your [[portfolio|case study|examples|presentation]].",
]

DECISIONS = {
    "application": [
        "After careful review, we have decided not to move forward with your application at "
        "this time.",
        "Unfortunately, we will not be progressing your application to the next stage.",
        "We've decided to pursue other candidates whose experience more closely matches what we "
        "need for this role.",
        "On this occasion your application has not been successful.",
        "We regret to let you know that we won't be inviting you to interview for this position.",
        "After reviewing your application, we have decided to proceed with other applicants.",
        "Unfortunately, you have not been shortlisted for this role.",
        "We will not be taking your application further for this vacancy.",
        "I'm sorry to say that we won't be moving ahead with your candidacy.",
        "We've reviewed your application and, unfortunately, we are unable to offer you an "
        "interview at this time.",
        "At this stage we have chosen to focus on candidates whose skills align more closely "
        "with the requirements.",
        "This time we won't be moving forward, but we really appreciate your interest.",
    ],
    "screen": [
        "After discussing with the hiring team, we've decided not to move you forward to the "
        "next round.",
        "Unfortunately we won't be progressing to the interview stage with your application.",
        "We have decided to continue with other candidates whose experience is a closer match "
        "for this particular role.",
        "I'm sorry to let you know that we won't be taking things further at this point.",
        "The team has decided not to proceed with your candidacy.",
    ],
    "interview": [
        "After a lot of discussion, we have decided to move forward with another candidate.",
        "Unfortunately, we will not be moving forward with your application.",
        "We've decided not to proceed to the next stage with your candidacy.",
        "I'm sorry to share that you have not been selected for the next round.",
        "The panel has decided to progress other candidates whose experience better matches the "
        "role's requirements.",
        "We've made the difficult decision not to move forward with you for this position.",
        "I wish I had better news, but we won't be moving ahead with your application.",
        "This isn't the news you were hoping for: we have decided not to continue with your "
        "application.",
        "Regrettably, we have decided to pursue other candidates for this position.",
    ],
    "final": [
        "After much deliberation, we have decided to offer the position to another candidate.",
        "We have made the very difficult decision to extend an offer to a different candidate.",
        "It was an extremely close call, but we won't be extending an offer to you this time.",
        "Unfortunately, we've decided to go with another finalist whose experience was a closer "
        "fit.",
        "The decision came down to very small margins, and on this occasion we have chosen "
        "another candidate.",
        "I'm sorry to tell you that we will not be offering you the role.",
    ],
    "closed": [
        "Unfortunately, the position has been filled.",
        "We have decided to close this vacancy and will not be hiring for it at this time.",
        "Due to a change in business priorities, the {role} role has been put on hold and we are "
        "no longer recruiting for it.",
        "The role has been cancelled following a restructure, so we are unable to progress any "
        "applications.",
        "We've filled the position internally, so we won't be moving forward with external "
        "candidates.",
        "Following a review of our budget, we are no longer able to proceed with this hire.",
        "This requisition has been closed and we are not able to take your application further.",
    ],
}

REASONS = [
    "We were looking for someone with more hands-on experience in [[people management|"
    "stakeholder management|cloud infrastructure|clinical trials|enterprise sales|budgeting]].",
    "Ultimately we needed someone who could hit the ground running with [[our tech stack|"
    "the regulatory side|large-scale projects|the client portfolio]].",
    "The feedback from the panel was that your answers on [[system design|prioritisation|"
    "conflict situations|the case study]] were not quite as detailed as we needed.",
    "The other candidate had more direct experience in a similar role.",
    "We decided to prioritise candidates with more seniority for this particular opening.",
    "Another candidate's background was a closer match for the needs of the team right now.",
    "The decision was not about any single answer; it came down to the overall fit with what "
    "the team needs at this moment.",
    "We felt your experience, while impressive, leans more towards a different kind of role.",
    "We had an internal candidate who was a very strong fit.",
    "The salary expectations were beyond the budget we have for this position.",
]

HEDGES = [
    "This was not an easy decision, and it is in no way a reflection of your abilities.",
    "Please know that this decision was difficult given the quality of candidates.",
    "We know this is disappointing news, and we're grateful for the effort you put in.",
    "We understand this may be disappointing.",
    "Please don't read this as a judgement of your talent.",
    "I realise this isn't the outcome you hoped for.",
]

FILE = [
    "We'd like to keep your details on file and may reach out if a suitable role comes up.",
    "With your permission, we will keep your CV on file for future opportunities.",
    "We encourage you to apply for future openings that match your skills.",
    "Please keep an eye on our careers page, as new roles open up regularly.",
    "We will keep your profile in our talent pool for the next 12 months.",
    "We hope you'll consider applying again in the future.",
    "We'd love to stay in touch, so please do follow us for future vacancies.",
]

FEEDBACK = [
    "If you would like feedback, just reply to this email and I'll arrange a short call.",
    "Due to the volume of applications we're unable to provide individual feedback.",
    "I'm happy to share some feedback from the interviewers if that would be helpful.",
    "Unfortunately we aren't able to offer detailed feedback at this stage.",
    "",
]

WISHES = [
    "We wish you the very best in your job search.",
    "Best of luck with your search, and thank you again for your interest in {company}.",
    "We wish you every success in your future career.",
    "Good luck with everything, and thank you again for your time.",
    "I have no doubt you'll find a great role soon.",
    "Thanks again, and all the best for what comes next.",
]

SHORT = [
    "Hi {first}, thanks for applying. We've decided to go in another direction for the {role} "
    "role. Best of luck.",
    "Thanks for your interest in {company}. Unfortunately we won't be moving forward with your "
    "application for {role}.",
    "Dear {first}, we regret to inform you that your application for {role} was unsuccessful.",
    "Unfortunately the {role} position has now been filled. Thank you for applying.",
    "Hi {first} - quick update: the team went with another candidate. Thanks so much for your "
    "time, it was great to meet you.",
    "We appreciate your interest, but we have decided not to proceed with your application.",
    "Your application for {role} ({num}) has been reviewed and will not be progressed further. "
    "Thank you for your interest in {company}.",
    "Status update: not selected. Thank you for applying to {role} at {company}.",
    "Hi {first}, I'm sorry to say we've offered the role to someone else. Thank you for all the "
    "time you gave us.",
]

STAGE_WEIGHTS = [
    ("application", 40),
    ("screen", 12),
    ("interview", 22),
    ("final", 12),
    ("closed", 14),
]


def compose(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = sender_for(rng, ctx)
    subject = pick(rng, SUBJECTS, ctx)
    stage = rng.choices([s for s, _ in STAGE_WEIGHTS], [w for _, w in STAGE_WEIGHTS])[0]
    if rng.random() < 0.1:
        return sender, subject, pick(rng, SHORT, ctx)
    opening = pick(rng, OPENINGS[stage], ctx)
    praise = maybe(rng, 0.55 if stage != "application" else 0.35, PRAISE, ctx)
    decision = pick(rng, DECISIONS[stage], ctx)
    reason = maybe(rng, 0.3 if stage in ("interview", "final", "screen") else 0.1, REASONS, ctx)
    hedge = maybe(rng, 0.35, HEDGES, ctx)
    keep = maybe(rng, 0.45 if stage != "final" else 0.3, FILE, ctx)
    feedback = maybe(rng, 0.3, FEEDBACK, ctx)
    wishes = maybe(rng, 0.8, WISHES, ctx)
    layout = rng.random()
    if layout < 0.35:
        paragraphs = [
            opening + " " + praise,
            decision + " " + reason,
            hedge,
            keep + " " + feedback,
            wishes,
        ]
    elif layout < 0.6:
        paragraphs = [
            " ".join([opening, praise, decision]),
            " ".join([reason, hedge, keep, feedback, wishes]),
        ]
    elif layout < 0.8:
        paragraphs = [opening, decision, praise + " " + hedge, keep, feedback, wishes]
    else:
        # the decision first, then the thanks
        paragraphs = [decision, opening + " " + praise, reason, keep + " " + wishes]
    paragraphs = [" ".join(p.split()) for p in paragraphs]
    return sender, subject, letter(rng, ctx, paragraphs)


def compose_with_sentences(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    """A freer composition: sentences drawn across stages, for variety."""
    sender = sender_for(rng, ctx)
    subject = pick(rng, SUBJECTS, ctx)
    stage = rng.choice(list(OPENINGS))
    body = sentences(
        rng,
        ctx,
        (1.0, OPENINGS[stage]),
        (0.5, PRAISE),
        (1.0, DECISIONS[stage]),
        (0.3, REASONS),
        (0.5, FILE),
        (0.7, WISHES),
    )
    return sender, subject, letter(rng, ctx, [body])
