"""Application confirmations: portals, job boards, and people saying "got it"."""

from __future__ import annotations

import random

from corpus.common import letter, maybe, pick, sender_for

SUBJECTS = [
    "Thank you for applying to {company}", "Your application for {role}",
    "We've received your application", "Application received: {role}",
    "{company}: application confirmation", "Thanks for your application!",
    "Your application to {company} has been submitted", "Application Confirmation - {role} ({num})",
    "Thank you for your interest in {company}", "We got your application, {first}",
    "{role} - application received", "Confirmation of your application",
    "Your application was sent to {company}", "Thanks for applying for {role}",
    "Application submitted successfully", "{company} Careers - Thank you",
    "Re: Application for {role}", "Your job application: {role} at {company}",
]  # fmt: skip

THANKS = [
    "Thank you for applying for the {role} position at {company}.",
    "Thanks for your interest in {company}! We've received your application for {role}.",
    "This email confirms that we have received your application for {role} (job ID {num}).",
    "We're excited that you applied to join {company} as a {role}.",
    "Thank you for taking the time to apply to the {role} role.",
    "Your application for {role} has been successfully submitted.",
    "We have received your application and want to thank you for considering a career with "
    "{company}.",
    "Great news - your application for {role} is in!",
    "Thanks for applying! Your application to {company} for the position of {role} has been "
    "received.",
    "Just a quick note to say we've got your application for {role}.",
]

REVIEW = [
    "Our recruiting team will review your application carefully.",
    "A member of our talent team will review your experience against the requirements of the role.",
    "We're reviewing applications now and will be in touch if your skills and experience match "
    "what we're looking for.",
    "The hiring team will look at your application over the coming [[days|weeks|two weeks]].",
    "We review every application we receive, and we aim to respond within [[five working days|"
    "two weeks|10 business days]].",
    "If your profile is a match, someone from our team will reach out to discuss next steps.",
    "If you are selected to move forward, a recruiter will contact you to arrange a first "
    "conversation.",
    "We'll let you know as soon as we have an update.",
]

VOLUME = [
    "Because we receive a high volume of applications, it may take some time for us to get back "
    "to you.",
    "Due to the number of applications, we may not be able to respond to every applicant "
    "individually.",
    "Please note that only shortlisted candidates will be contacted.",
    "If you do not hear from us within four weeks, please assume that your application has not "
    "been shortlisted on this occasion.",
    "We appreciate your patience while we work through applications.",
]

PORTAL = [
    "You can track the status of your application at any time by logging in to your candidate "
    "account: {link}",
    "To review your application or update your details, visit {link}.",
    "You can view your submitted application in the candidate portal.",
    "In the meantime, feel free to explore our careers page and learn more about life at "
    "{company}.",
    "While you wait, you might enjoy reading about our team on our blog.",
    "If you have any questions, reply to this email and we'll be happy to help.",
]

WHAT_NEXT = [
    "What happens next?\n1. We review your application.\n2. If there's a match, we invite you "
    "to a short call.\n3. Interviews with the team.",
    "Here's what to expect: our process usually includes a short screening call, a skills "
    "conversation and a final meeting with the team.",
    "Next steps: a member of the team will review your application within the next two weeks.",
]

BOARD = [
    "Your application was sent to {company}.\n\n{role}\n{company} - {city}\n\nApplied on "
    "{date}. Good luck! You can track this application in My Jobs.",
    "Application submitted\n\n{role} at {company}\n{city}\n\nThe employer will contact you "
    "directly if they'd like to move forward. You can view the jobs you've applied for in your "
    "profile.",
    "Congratulations, your application for {role} with {company} was submitted. The following "
    "items were sent: CV, cover letter.\n\nNote: we'll let you know if the employer views your "
    "application.",
]

PERSONAL = [
    "Thanks for sending over your CV for the {role} role. I'll share it with the hiring manager "
    "and come back to you [[later this week|early next week|by Friday]].",
    "Got your application, thank you! I'm reviewing everything this week and will get back to "
    "you soon.",
    "Many thanks for your application for {role}. I confirm receipt and will pass it on to the "
    "team.",
    "Thank you for your email and attached CV. We'll review it and respond in due course.",
]


def compose(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = sender_for(rng, ctx, direct_share=0.35)
    subject = pick(rng, SUBJECTS, ctx)
    style = rng.random()
    if style < 0.1:
        ctx["board"] = rng.choice(["JobHub", "WorkFinder", "CareerPath", "Indeed-style board"])
        body = pick(rng, BOARD, ctx)
        sender = rng.choice(
            [
                "JobHub <noreply@jobhub.example>",
                "WorkFinder Applications <apply@workfinder.example>",
                "CareerPath <jobs-noreply@careerpath.example>",
            ]
        )
        return sender, subject, body
    if style < 0.2:
        return sender, subject, letter(rng, ctx, [pick(rng, PERSONAL, ctx)], greeting=True)
    paragraphs = [
        pick(rng, THANKS, ctx),
        " ".join(
            x for x in (pick(rng, REVIEW, ctx), maybe(rng, 0.5, VOLUME, ctx)) if x
        ),
        maybe(rng, 0.2, WHAT_NEXT, ctx),
        maybe(rng, 0.6, PORTAL, ctx),
        maybe(rng, 0.4, ["Thank you again for your interest in {company}.",
                         "We appreciate your interest and wish you luck!",
                         "Thanks again for applying.", "Good luck!"], ctx),
    ]  # fmt: skip
    return sender, subject, letter(rng, ctx, paragraphs)
