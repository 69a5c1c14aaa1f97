"""More shapes of each label: short notes, thread replies, portal mail, no greeting at all.

Real job email is often terse, arrives inside a thread, or is a bare system notice. These
compositions add that variety beside the longer letters of the other modules.
"""

from __future__ import annotations

import random

from corpus.common import letter, maybe, pick, sender_for

REJECTION_DECISIONS = [
    "Our team has reviewed your application and it has not been selected to move forward.",
    "You were not selected for this position.",
    "I'm afraid you haven't been chosen to continue in the process.",
    "We have decided to move ahead with applicants whose qualifications more closely meet our current needs.",
    "The position you applied for has now been filled.",
    "We've filled the role, so we won't be arranging any further interviews.",
    "We're going to pass on your application for now.",
    "Your experience isn't quite the match we need for this opening, so we won't take it further.",
    "We have gone ahead with other candidates whose experience lines up more closely with the role.",
    "We've chosen to pursue other applicants at this time.",
    "Right now we don't have a role that matches your experience.",
    "We won't be able to move forward with your application.",
    "The hiring manager has chosen to interview other candidates.",
    "Your profile isn't the right match for this particular role.",
    "We have identified candidates whose experience is more closely aligned with what the team needs.",
    "We have now completed our selection process, and I'm sorry to say we will not be offering you a place on the team.",
    "We have accepted another candidate for this position.",
    "The role is now closed because we have made a hire.",
    "We are no longer considering your application for this role.",
    "We've decided to pause hiring for this role for the foreseeable future.",
    "We will not be able to offer you the position.",
    "Other applicants matched the requirements more closely.",
    "We're going with someone whose experience is more aligned with the position.",
    "We aren't able to move your application to the next step.",
    "Your application will not be moving forward.",
    "The requisition has been cancelled, so the process has ended for all applicants.",
    "We don't see a strong enough alignment between your experience and this role.",
    "While your skills are impressive, they aren't quite what this role calls for.",
    "We're not able to consider you further for this position.",
    "We already have a full shortlist for this role.",
    "Sadly it's a no from us this time.",
    "We won't be proceeding with your application.",
    "We have decided to look at candidates with a different skill set.",
    "Your application has been declined.",
    "Your candidacy is no longer under consideration.",
    "The team decided not to advance you to the onsite interviews.",
    "We won't be scheduling a second interview.",
    "After the assessment review, we have decided not to progress your application.",
    "We reviewed your coding exercise and won't be moving you to the next round.",
    "We need someone more senior for this role, so we'll have to decline.",
    "We're looking for more experience with [[Kubernetes|payroll systems|B2B sales|paediatric care|audit work]], so we won't be progressing your application.",
    "Your application status has changed to: Not selected.",
    "Status: no longer under consideration.",
]

REJECTION_WRAPS = [
    "Thanks for applying to {company}.",
    "Thank you for your interest in the {role} role.",
    "We appreciate the time you put into applying.",
    "Thanks for your patience while we reviewed applications.",
    "Thanks so much for reaching out about {role}.",
    "We wanted to reach out personally with an update.",
    "We genuinely enjoyed reading your application.",
    "Thanks for taking the time to apply; we know it takes effort.",
    "We wanted to send a quick thank-you for your interest in {company}.",
    "Thank you for your interest in {company} and in the {role} opening.",
]

REJECTION_AFTER = [
    "We'll keep your details in case something more suitable comes up.",
    "We wish you success in your search and in your career.",
    "If other opportunities open up, we may be in touch.",
    "Feel free to apply for other roles that catch your eye.",
    "Best of luck!",
    "Thanks again for thinking of us.",
    "We hope our paths cross again.",
    "Please continue to check our careers site for future roles.",
    "",
]

REJECTION_SUBJECTS = [
    "", "Regarding your application with {company}", "Follow-up from {company}",
    "A thank you from the {company} team", "Your {company} application",
    "Thank you for applying to {company}!", "{role} - {num} at {company}", "Your application",
    "Application status changed", "Re: {role}", "Update", "Thank you for your interest",
]  # fmt: skip


def rejection(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = sender_for(rng, ctx)
    subject = pick(rng, REJECTION_SUBJECTS, ctx)
    parts = [
        maybe(rng, 0.8, REJECTION_WRAPS, ctx),
        pick(rng, REJECTION_DECISIONS, ctx),
        maybe(rng, 0.6, REJECTION_AFTER, ctx),
    ]
    body = " ".join(p for p in parts if p)
    if rng.random() < 0.5:
        return sender, subject, body
    return sender, subject, letter(rng, ctx, [body])


RECEIVED_LINES = [
    "Your application has been received and is now with our recruitment team.",
    "We've got your CV, thank you! We'll review it against the role's requirements.",
    "If your background and experience match what we need, we'll be in touch to talk about next steps.",
    "Should your skills be a match for the role, a recruiter will contact you.",
    "We know waiting to hear back is the hardest part, so here is our timeline.",
    "Every application is looked at by someone on the hiring team.",
    "Shortlisting usually takes us about two weeks.",
    "If you haven't heard from us within [[three|four|six]] weeks, we'll have filled the role from other applicants.",
    "We're glad you're interested in working at {company}.",
    "Your CV is now with the recruiter for this vacancy.",
    "Your details are saved against the vacancy and will be reviewed alongside the others.",
    "Applied via {board}: your application for {role} has reached {company}.",
    "You can also create a profile in our talent community to hear about other roles.",
    "Your application reference is {num}; please quote it in any correspondence.",
    "We look forward to reviewing your application.",
    "Please allow us some time to review your details.",
    "We'll be in touch either way once we've made a decision.",
    "Thanks for your patience - we read every application carefully.",
]

RECEIVED_SUBJECTS = [
    "", "We have your application!", "Thank you for your application",
    "{first}, your application was sent to {company}", "Online application for {role}",
    "Thank you for your CV", "Application for {role} (ref {num})", "Applied: {role}",
    "Your application with {company}", "Thanks for applying",
]  # fmt: skip


def received(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = sender_for(rng, ctx)
    ctx.setdefault("board", rng.choice(["a job board", "JobHub", "WorkFinder", "CareerPath"]))
    subject = pick(rng, RECEIVED_SUBJECTS, ctx)
    opener = pick(
        rng,
        [
            "Thank you for applying for {role}.",
            "Thanks for your application to {company}.",
            "Thanks for applying to one of our open roles.",
            "Thank you for your interest in careers at {company}.",
            "Your application for {role} was sent to {company}.",
            "Thank you for applying to the {role} position.",
        ],
        ctx,
    )
    lines = rng.sample(RECEIVED_LINES, rng.randint(1, 3))
    body = " ".join([opener, *(pick(rng, [line], ctx) for line in lines)])
    if rng.random() < 0.45:
        return sender, subject, body
    return sender, subject, letter(rng, ctx, [body])


INTERVIEW_SHORT = [
    "You've cleared the technical screen. Next comes a panel with three people from the {team} team on {date}; I'll send the details shortly.",
    "Ahead of your interviews next week, I've attached some preparation notes: the format of each session, who you'll meet, and the topics they tend to cover.",
    "To help you prepare for {day}: expect two technical conversations and one about how you work with others. Have a couple of examples ready for each.",
    "Practical details for your visit on {date}: the office address, where to park, and who will meet you at {time}. Bring photo ID for the front desk.",
    "Thanks for your interest in the {role} role. It would be great to talk on the phone next week; which day works best for you?",
    "I'm the hiring manager for {role} and I saw your application come through. Could you send a few times when we could have a quick call?",
    "Your interview schedule for {date}: {time} with {interviewer}, then a break, then a conversation with the {team} lead. A video link is in the invite.",
    "How about {day} at {time}?",
    "Great, {day} at {time} works for me. I'll call you then.",
    "Can you send me your CV and a few times that suit you next week for a phone chat?",
    "Let's do {date}, {time}. I'll ring you on your mobile - should take about {minutes} minutes.",
    "Good news: you've passed the first stage and we'd like to bring you in for an onsite interview. Congratulations!",
    "Telephone interview with {interviewer} for the {role} role. Please confirm you can make {date} at {time}.",
    "Live coding session link for your interview: https://pad.{domain}/{num}. See you {day}!",
    "Are you free for a video call on {day} afternoon to talk about the role?",
    "The team would like to meet you in person. Could you come to our office on {date}?",
    "Confirming our call tomorrow at {time}. Speak then!",
    "Thanks for the quick reply. I've booked you in with {interviewer} on {date} at {time}.",
    "You're through to the next round! The panel interview will be on {date}.",
    "Would you be available for a 30-minute introductory call with the hiring manager this week?",
    "I've sent a calendar invite for {day}. If the time doesn't suit, just suggest another.",
    "We'd like to schedule your second interview. Please choose a slot: {link}",
    "Your interview has been moved to {date} at {time}. Apologies for any inconvenience.",
    "Please find the details for your onsite interview attached, including the agenda and who you'll meet.",
    "Hi {first}, thanks for applying! I'd love to set up a quick phone screen. When works for you?",
]


def interview(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = sender_for(rng, ctx, direct_share=0.8)
    subject = pick(
        rng,
        ["", "Re: Re: {role}", "RE: {company} - {role}", "Phone interview", "Interview",
         "Onsite interview", "Re: availability", "{company} telephone interview",
         "Next steps", "Re: {company} opportunity"],
        ctx,
    )  # fmt: skip
    body = pick(rng, INTERVIEW_SHORT, ctx)
    if rng.random() < 0.5:
        body = letter(rng, ctx, [body], signature=rng.random() < 0.7)
    return sender, subject, body


ASSESSMENT_SHORT = [
    "As part of your application for {role}, we invited you to complete our coding assessment. This is a reminder that it's still open.",
    "Before we move forward, we ask every candidate to do a short technical exercise at home. It covers core computer science topics and takes around {minutes} minutes.",
    "I've just sent you the online assessment; it should arrive in the next hour or so. Shout if you have any questions.",
    "Thanks for completing the assessment. This confirms we've received your submission, and the team will review your results and be in touch.",
    "You've been invited to the {company} {role} challenge. Duration: {minutes} minutes. Good luck!",
    "Thanks for finishing the challenge. Your submission has been shared with {company}.",
    "Next step: a timed online test. Please complete it within {deadline_days} days using the link below.\n{link}",
    "Please complete the situational judgement questionnaire before {date}.",
    "We'd like you to prepare a short presentation on a case we'll send you, to deliver at the next stage.",
    "Your take-home task is attached. Please send your solution back within a week.",
    "Please record your answers to the video questions; you'll have two attempts for each.",
    "Complete your skills assessment to continue your application: {link}",
    "The assessment is the next step in your application; the results help us decide on interviews.",
]


def assessment(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = sender_for(rng, ctx)
    subject = pick(
        rng,
        ["", "Code challenge invitation", "Thanks for taking the {company} challenge",
         "Assessment completed", "Re: {company} opportunity", "Your {company} application: next steps",
         "Online assessment reminder", "Submission confirmation", "Your test for {role}"],
        ctx,
    )  # fmt: skip
    body = pick(rng, ASSESSMENT_SHORT, ctx)
    if rng.random() < 0.5:
        body = letter(rng, ctx, [body])
    return sender, subject, body


OFFER_SHORT = [
    "Congratulations! We're excited to offer you a position at {company}.",
    "Your application has been successful, and your offer letter is attached.",
    "We are delighted to extend an offer for the {role} role.",
    "We were impressed with your interviews and are happy to offer you the job.",
    "Attached are your offer letter and joining instructions.",
    "We'd like to formally offer you a role with our organisation.",
    "Good news: the offer has been signed off. Welcome to the team!",
    "I'm pleased to confirm our offer of {salary} for the {role} position.",
    "We'd like you to join us as {role}. The contract is attached for your review.",
    "Following your final interview, we're pleased to offer you the position, subject to references.",
    "The team would love to have you - we're offering you the role!",
    "Here is your written offer, as discussed on the phone.",
    "I'm excited to tell you we want to hire you.",
]


def offer(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = sender_for(rng, ctx, direct_share=0.8)
    subject = pick(
        rng, ["", "Offer", "Congratulations", "Your offer", "Job offer", "Good news"], ctx
    )
    body = pick(rng, OFFER_SHORT, ctx)
    if rng.random() < 0.4:
        body = letter(rng, ctx, [body])
    return sender, subject, body


OUTREACH_SHORT = [
    "I'm an engineering director at a small, well-funded startup. We're building something new in {industry} and I'd love to tell you about it.",
    "It's been a while since we talked about {industry} roles. Several of my clients are hiring again; shall we catch up this month?",
    "The company I'm recruiting for has just raised its next round and is growing the {team} team. Would you be up for a confidential chat?",
    "You may be perfectly happy where you are, and that's fine, but this {role} opening looked like a close match to your experience.",
    "I'm not sure if you're looking right now, but I wanted to share a role that made me think of you.",
    "I've sent the full job description by email. Please reply with your details so I can put your profile forward.",
    "Are you interested in a full-time {role} opportunity with {company}? We welcome recent graduates.",
    "Hope you're doing well! I'm part of the talent acquisition team at {company}, and your profile came up in my search.",
    "My name is {recruiter} and I recruit for {company}. We train and place new developers with our clients.",
    "{company} is changing the way {industry} works, and we're hiring. Want to help?",
    "Quick one: would you consider a contract role? It's {salary} pro rata, mostly remote.",
    "I found your profile on a job board and think you could be a fit for a client of mine.",
    "We have several openings that match your skills. Can I share them with you?",
    "I saw your project on GitHub and wanted to reach out about a {role} position.",
]


def outreach(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    sender = pick(
        rng,
        ["{recruiter} <{first_lower}@{domain}>", "{recruiter} <{first_lower}@staffing-partners.example>",
         "{company} Talent <talent@{domain}>"],
        ctx,
    )  # fmt: skip
    subject = pick(
        rng,
        ["", "Follow up", "Opportunities at {company}", "Full time - {role}", "{role} opening at {company}",
         "Job description", "Hiring {role}s"],
        ctx,
    )  # fmt: skip
    body = pick(rng, OUTREACH_SHORT, ctx)
    if rng.random() < 0.6:
        body = letter(rng, ctx, [body])
    return sender, subject, body


UNRELATED_MORE = [
    ("Tandem Bikes Shop <shop@tandembikes.example>", "Your order is on its way",
     "Your bike lights are packed and on their way. Thank you for shopping with a small business; write back if anything arrives damaged."),
    ("Do Not Reply <noreply@{domain}>", "Automatic reply",
     "This address only sends messages and cannot receive replies. For help, use the contact form on our website."),
    ("{company} <billing@{domain}>", "Your plan is changing",
     "Your subscription moves to the new annual plan on {date}. Nothing else changes, and you can switch back at any time."),
    ("Careers <no-reply@{domain}>", "Welcome to the {company} talent network",
     "You're now part of our talent network. Tell us which kinds of roles interest you and we'll let you know when matching openings appear."),
    ("{company} Careers <careers@{domain}>", "Welcome to {company} Careers",
     "Welcome! Your careers account is ready. Sign in any time to browse jobs and manage your saved searches."),
    ("Help Centre <noreply@jobhub.example>", "",
     "Replies to this address go nowhere. Our help centre answers most account questions within a day."),
    ("Orders <orders@shop.example>", "Your receipt",
     "Receipt for your order: two items, paid by card. Track the delivery from your account page."),
    ("{rfirst} at CV Polish <hello@cvpolish.example>", "Your CV score is ready",
     "Your free CV score is ready! Unlock the full report and a professional rewrite for 40% off this week."),
    ("JobHub <noreply@jobhub.example>", "Complete your profile to get noticed",
     "Profiles with a photo and a summary get more views from recruiters. Finish yours in two minutes."),
    ("WorkFinder <news@workfinder.example>", "Salary guide {month}",
     "What are {role}s earning this year? Download our salary guide and see how your pay compares."),
    ("{friend} <{friend_lower}@mailbox.example>", "Re: coffee",
     "Sounds good, see you at ten on {day}. I'll bring the notes from the workshop."),
    ("Bank Alerts <alerts@bank.example>", "Your statement is ready",
     "Your monthly statement is now available in online banking."),
    ("{company} Events <events@{domain}>", "Webinar: breaking into {industry}",
     "Join our free webinar on {date} with tips from hiring managers. Save your seat today."),
    ("Career Centre <careers@ravenwood-uni.example>", "Careers fair next week",
     "Over 60 employers will be on campus next {day}. Bring copies of your CV and come along."),
    ("Survey Team <survey@feedback.example>", "Tell us about your candidate experience",
     "You recently applied to a role through our platform. Please take a two-minute survey about the process."),
    ("Recruiting Platform <no-reply@jobhub.example>", "Your data export is ready",
     "The export of your account data you requested is ready to download for 7 days."),
    ("Coding Club <hello@codeclub.example>", "Practice problems of the week",
     "Five new interview practice problems are up. Try them before {day}'s live session."),
]  # fmt: skip


def unrelated(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    from corpus.common import FIRST_NAMES

    friend = rng.choice(FIRST_NAMES)
    ctx["friend"], ctx["friend_lower"] = friend, friend.lower()
    sender, subject, body = rng.choice(UNRELATED_MORE)
    text = pick(rng, [body], ctx)
    if rng.random() < 0.4:
        text = letter(rng, ctx, [text], signature=False)
    return pick(rng, [sender], ctx), pick(rng, [subject], ctx), text
