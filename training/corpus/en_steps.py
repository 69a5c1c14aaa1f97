"""English mail for the steps of a search that are not a no, for the broad corpus.

Acknowledgements and status notices, interviews (invitations, agendas, changed video links,
later rounds, reminders, directions), assessments (tests, tasks, reminders, assessment
centres) and offers (formal, verbal, conditional, programme places).
"""

from __future__ import annotations

Kind = tuple[list[str], list[str]]

RECEIVED: list[tuple[float, Kind]] = [
    (0.2, (
        ["Thank you for your interest in careers at {company}", "Application update",
         "Your application is being reviewed", "{company} - we received your application"],
        [
            "Thank you for your interest in [[careers at {company}|joining {company}]]. Your "
            "application [[is being reviewed|has been received and is under review]]. "
            "[[If your skills match the position, a member of our team will contact you by "
            "phone or email.|We will notify you of any change.|Someone will contact you if "
            "you are selected for an interview.]]",
            "Your application for {role} [[is now with|has been passed to]] [[the hiring "
            "manager|our recruiters]]. [[We'll notify you by email when there's news.|You'll "
            "hear from us once the review is complete.]] [[Visit our careers site to see "
            "other openings.|]]",
        ],
    )),
    (0.2, (
        ["Thank you for your application", "Thanks for applying to {company}",
         "We got your application!", "{company}: application confirmation"],
        [
            "Thank you for your interest in {company}! [[This email confirms|We're letting "
            "you know]] that we've received your application for {role}. [[While you wait, "
            "you can explore life at {company} on our blog.|In the meantime, follow us on "
            "social media to hear about our teams.|You can also set up job alerts for similar "
            "roles.]]\n\n[[View your application|Go to your candidate profile]]: {link}",
            "Hi {first}, thanks for applying! [[Our hiring team will look at your application "
            "and reach out if there's a fit.|We'll review your profile and be in touch about "
            "next steps.]] [[Please don't reply to this email.|]]",
        ],
    )),
    (0.3, (
        ["Application received: {role}", "We've received your application", "Thanks for "
         "applying, {first}", "Your application to {company}", "{role} ({ref})",
         "Application confirmation", "Thank you for applying"],
        [
            "[[We've received|We have received|This confirms we received]] your application "
            "for {role}. [[Our team will review it and get back to you|Someone from the team "
            "will look at it|We read every application ourselves]] [[within two weeks|as soon "
            "as we can|over the coming days]].",
            "Thanks for applying for {role}. [[You don't need to do anything else for now.|Your "
            "application is complete.]] [[If your experience fits, we'll contact you about next "
            "steps.|We'll let you know either way.|We aim to reply to everyone within 15 "
            "working days.]]",
            "Your application (reference {ref}) [[arrived safely|is in]]. [[The closing date is "
            "{date}; shortlisting happens the week after.|Shortlisting starts after the "
            "advert closes.]]",
            "Great to hear from you! Your CV is with the hiring manager for {role}, and "
            "[[I'll be in touch once they've had a look|we'll update you by the end of next "
            "week]].",
        ],
    )),
    (0.2, (
        ["Application status: In review", "Status update for {role}", "{company} careers: "
         "your application", "Candidate home: update"],
        [
            "Position: {role}\nReference: {ref}\nStatus: [[Received|Under review|In "
            "review|Submitted|New]]\n\n[[You can follow your application in the candidate "
            "portal.|We will email you when the status changes.]]",
            "Your application for {role} is now [[under review|with the recruiting "
            "team|being screened]]. [[Reviews usually take two to three weeks.|]] "
            "[[This is an automated message; replies are not monitored.|]]",
        ],
    )),
    (0.3, (
        ["Application received", "We have your application", "Thank you for applying",
         "{role}: your application"],
        [
            "Thank you for applying for {role}. [[We read every application carefully.|Our "
            "recruiters are reviewing applications now.]] [[Because of the number of "
            "applications we receive, we can only contact shortlisted candidates.|If you have "
            "not heard from us within four weeks, please assume that your application has not "
            "been successful on this occasion.|If your application is unsuccessful, we will let "
            "you know by email.|Should you not be selected, we may keep your details for similar "
            "roles.]]",
            "We've got your application for {role}. [[Unfortunately we can't reply to every "
            "applicant individually,|Sadly we're not able to give feedback at this stage,]] "
            "but [[you can check the status in your account|we'll be in touch if you're "
            "shortlisted]].",
            "Your application for {role} has been submitted. [[If we decide not to move "
            "forward, you'll receive an email from us.|Whatever the outcome, we will let you "
            "know.|Not every application leads to an interview, but every one is read.]]",
        ],
    )),
    (0.25, (
        ["{programme}: application received", "Thank you for applying to the {programme}",
         "Your application to {company} ({ref})", "Application submitted"],
        [
            "Thank you for applying to the {programme}. [[Your online application has been "
            "submitted.|We have your application and supporting documents.]] [[The next "
            "step, if you are shortlisted, is an online test.|Shortlisted applicants will be "
            "invited to an assessment centre.|We'll be in touch after the application window "
            "closes on {date}.]]",
            "We acknowledge receipt of your application for the post of {role} ({ref}). "
            "[[Due to the volume of applications, only shortlisted candidates will be "
            "contacted.|Please keep this reference for any questions.]]",
        ],
    )),
]  # fmt: skip

INTERVIEW: list[tuple[float, Kind]] = [
    (0.2, (
        ["Call tomorrow?", "{role}", "Re: {role} role", "Catch up", "Speaking {day}"],
        [
            "Hi {first}, it's {rfirst}, the recruiter [[working on|handling]] the {role} "
            "[[role|vacancy]]. [[Are you free for a call|Can I call you]] [[tomorrow at "
            "{time}|on {day}]]? [[I'll ring your mobile.|]] [[The client wants to meet you next "
            "week.|I'd like to prep you for the interview with the client.]]",
            "[[Great news,|Hi {first},]] [[my client|the hiring manager]] would like to "
            "[[interview you|meet you]] [[next week|on {day}]]. [[When are you free?|I'll call "
            "you later today to go through the details.]]",
            "Thanks for your time on the phone. As discussed, I've put you forward and "
            "[[{company}|the client]] want to see you for a [[first|second]] interview on "
            "{date}. [[Details to follow.|I'll confirm the address.]]",
        ],
    )),
    (0.25, (
        ["Phone screen for {role}", "Thanks for applying to {company}!", "Next steps with "
         "{company}", "Your application for {role}", "Quick call?", "{role} - let's chat"],
        [
            "Thanks for applying for {role}! [[I'm the recruiter for this role|I look after "
            "hiring for the {team} team]] and I'd like to set up a [[short|20-minute|30-minute]] "
            "[[phone screen|intro call|video chat]] to learn more about you. [[Here's my "
            "calendar: https://cal.{domain}/{slug}|What times work for you this week?|Are you "
            "free {day} afternoon?]]",
            "I've [[read|looked over]] your application and [[would love to|want to]] "
            "[[talk|chat]] about {role}. [[The first step is a call with me, then a technical "
            "interview.|It's an informal conversation, nothing to prepare.]] [[Please book a "
            "time that suits you.|Let me know a couple of slots.]]",
            "Your background in {sector_thing} [[caught our eye|fits what the team needs]], so "
            "[[we'd like to move you forward|the hiring manager asked me to reach out]] with "
            "[[a first conversation|an interview]] for {role}.",
        ],
    )),
    (0.25, (
        ["Interview invitation - {role}", "Let's talk: {role}", "Invitation to interview",
         "{company} interview", "Next step: interview for {role}", "Would you be free to chat?"],
        [
            "We'd [[like|love]] to [[invite you to an interview|meet you|set up a conversation]] "
            "for {role}. [[Could you send me a few times that work next week?|Please pick a "
            "slot here: https://cal.{domain}/{slug}|Would {day} at {time} {tz} suit you?]]",
            "[[Your application stood out|The hiring manager liked your CV]] and we'd like to "
            "[[move you to a first interview|have a 30-minute call with you]]. [[It'll be on "
            "video with {interviewer}.|It's a phone call with me.]]",
            "You've been shortlisted for interview for {role}. Interviews will be held on "
            "{date} [[at our {city} office|by video|on Teams]]. Please confirm whether you can "
            "attend.",
        ],
    )),
    (0.2, (
        ["Agenda for your visit on {day}", "Your interview day: schedule", "{role} - "
         "interview plan", "What to expect on {date}"],
        [
            "Here is the plan for {date}:\n[[09:30|10:00|13:00]] welcome with {rfirst}\n"
            "[[10:00|10:30|13:30]] technical discussion with {interviewer}\n[[11:00|11:30|"
            "14:30]] meet the team\n[[11:30|12:00|15:00]] wrap-up and questions\n\n"
            "[[Bring photo ID for reception.|Parking is free on site.|Lunch is on us.]]",
            "Ahead of your interview on {day}, here is what to expect: "
            "[[a 45-minute conversation about your experience, then a short case discussion|two "
            "back-to-back sessions of 40 minutes|a panel of three and a ten-minute "
            "presentation]]. [[No preparation is needed beyond reading the job description.|"
            "Please prepare a short presentation on a project you're proud of.]]",
        ],
    )),
    (0.2, (
        ["Updated invite: {role} interview", "New video link for {day}", "Change of time - "
         "interview", "Rescheduled: {role} interview", "Re: Interview on {day}"],
        [
            "[[Small change|Quick heads-up]]: we've moved your interview to {date} at {time}. "
            "[[The new calendar invite is on its way.|Please accept the updated invite.]]",
            "The video link for your interview has changed. Please use this one instead: "
            "https://meet.{domain}/{slug}-{num} [[The old link won't work.|Everything else "
            "stays the same.]]",
            "{interviewer} is unwell, so [[{rfirst} will run your interview instead|we need to "
            "move your interview to {day}]]. Sorry for the change, and thanks for being flexible.",
            "Can we push our call by [[half an hour|an hour|a day]]? [[Same link.|I'll send a "
            "new invite.]] Apologies!",
        ],
    )),
    (0.2, (
        ["Round two", "Second interview - {role}", "Final round with {company}",
         "Next round!", "Re: Our chat on {day}"],
        [
            "[[Good news:|Great news -|Thanks for the conversation last week.]] the team "
            "[[would like|wants]] you back for [[round two|a second interview|the final round|"
            "the on-site]]. [[This time you'll meet {interviewer} and two engineers.|It's a "
            "90-minute session with the leadership team.]] [[What does your week look like?|"
            "Are you free on {day}?]]",
            "You're through to the [[next|second|final]] round for {role}! [[I'll send "
            "times shortly.|Please book a slot using the link below.]]",
        ],
    )),
    (0.15, (
        ["Reminder: interview tomorrow", "Your interview with {company} today",
         "Confirmed: {role} interview on {date}", "Interview confirmation"],
        [
            "[[Just a reminder|A friendly reminder]] that your interview for {role} is "
            "[[tomorrow|today|on {date}]] at {time} {tz}. [[Join here: https://meet.{domain}/"
            "{num}|Please arrive ten minutes early and ask for {rfirst} at reception.|"
            "{interviewer} will call you on the number you gave us.]]",
            "Confirmed: {role} interview, {date}, {time}. [[Location: {city} office, 3rd "
            "floor.|Format: video call, 45 minutes.]] Reply to this email if anything changes.",
        ],
    )),
]  # fmt: skip

ASSESSMENT: list[tuple[float, Kind]] = [
    (0.35, (
        ["Online assessment for {role}", "Your next step: a short test", "{company} - "
         "coding challenge", "Invitation to complete an assessment", "Numerical reasoning test"],
        [
            "The next step is [[an online test|a coding challenge|a numerical and verbal "
            "reasoning test|a short personality questionnaire|a situational judgement "
            "test]]. [[It takes about {minutes} minutes.|Set aside an hour somewhere "
            "quiet.]] Start it here within {deadline_days} days: https://assess.{domain}/"
            "{num}",
            "[[Next up|The next stage|As a next step]]: a {test}. [[Please finish it by "
            "{date}.|You'll find the link in your candidate account.|It is the same for every "
            "applicant.]]",
            "Please complete the [[take-home task|written exercise|case study]] attached "
            "and send it back by {date}. [[Don't spend more than three hours on it.|We care "
            "more about your reasoning than a polished answer.]]",
            "As part of the process, we ask every candidate to record a short video "
            "interview: [[four|five]] questions, [[two|three]] minutes each, on your own time. "
            "[[The link stays open for {deadline_days} days.|]]",
        ],
    )),
    (0.3, (
        ["Reminder: your assessment expires soon", "You haven't started your test yet",
         "48 hours left to complete your assessment", "Reminder - {role} task"],
        [
            "[[A reminder|Just checking in]]: your [[assessment|test|exercise]] for {role} "
            "[[closes|expires]] in [[48 hours|two days|24 hours]]. [[If you need more time, "
            "reply and we can extend it.|If you've already finished, please ignore this.]]",
            "We noticed you haven't [[started|finished]] the [[online test|video "
            "questions|coding task]] yet. The link is valid until {date}.",
        ],
    )),
    (0.35, (
        ["Assessment centre invitation", "{programme}: assessment day", "Trial shift at "
         "{company}", "Practical test - {role}"],
        [
            "Congratulations on passing the online tests. We'd like to invite you to our "
            "[[assessment centre|assessment day|virtual assessment day]] on {date}, which "
            "includes [[a group exercise, a written task and an interview|a case study and "
            "a role play]].",
            "The next stage is a [[paid trial shift|practical skills test|two-hour work "
            "trial]] at our {city} [[site|kitchen|workshop]] on {day}. [[Wear comfortable "
            "shoes.|Bring your certificates.]]",
        ],
    )),
]  # fmt: skip

OFFER: list[tuple[float, Kind]] = [
    (0.35, (
        ["Offer of employment - {role}", "Your offer from {company}", "Job offer",
         "Congratulations, {first}!", "Offer letter attached"],
        [
            "[[I'm delighted|We're very happy|It gives me great pleasure]] to offer you the "
            "position of {role} [[at {company}|with us]]. [[The salary is {salary} a year.|"
            "Your offer letter is attached.|Details of pay and benefits are in the "
            "attached letter.]] [[Please let us know by {date}.|Could you confirm within a "
            "week?]]",
            "The team loved meeting you and we'd like you to join as {role}. [[Starting date "
            "to be agreed.|We suggest a start on the first of next month.]] [[Sign the "
            "contract in the portal to accept.|]]",
        ],
    )),
    (0.25, (
        ["Following our call", "Re: {role}", "Great speaking today", "Next steps"],
        [
            "As I said on the phone, [[we'd love you to join us|the job is yours if you want "
            "it]]! The written offer will follow [[today|tomorrow]] from HR. [[Let me know if "
            "you have questions about the package.|]]",
            "Thanks for the call. To confirm the verbal offer: {role}, {salary}, "
            "[[hybrid, two days in the office|fully remote|based in {city}]].",
        ],
    )),
    (0.2, (
        ["Conditional offer - {role}", "Provisional offer ({ref})", "Offer subject to checks"],
        [
            "We are pleased to make you a [[conditional|provisional]] offer for {role}, "
            "subject to [[satisfactory references|a background check|pre-employment health "
            "clearance]]. [[Please complete the forms in your account.|]]",
        ],
    )),
    (0.2, (
        ["{programme}: you're in!", "Your place on the {programme}", "Welcome to the "
         "{programme}"],
        [
            "We're delighted to offer you a place on the {programme}. [[You'll start on "
            "{date} with the rest of the cohort.|Your placement will be in the {team} "
            "team.]] Please accept your place by {date}.",
        ],
    )),
]  # fmt: skip
