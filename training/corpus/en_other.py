"""English recruiter outreach and the mail that only looks like job search, for the broad corpus.

The look-alikes use the words of hiring ("application", "interview", "unfortunately",
"offer", "reference") about loans, mortgages, flats, press interviews, talks, grants, a
friend's own search, orders and accounts: the model has to read what the message is about.
"""

from __future__ import annotations

Kind = tuple[list[str], list[str]]

OUTREACH: list[tuple[float, Kind]] = [
    (0.3, (
        ["Hello!", "Hi {first}", "Reaching out", "Quick hello", "Connecting"],
        [
            "Hi {first}, hope you're well! I wanted to reach out because [[we're growing|I'm "
            "hiring|my team is expanding]] and your profile stood out. [[Would you be "
            "interested in hearing more?|Open to a chat?|Let me know if you'd like to talk.]]",
            "Hope you're doing well. I work with [[several|a few]] companies in {city} that are "
            "looking for people with your background. [[Happy to share more if you're "
            "curious.|Take care, and let me know if you'd like to stay in touch.]]",
        ],
    )),
    (0.5, (
        ["{role} opportunity", "Open to a new role?", "Quick question, {first}",
         "Exciting {role} role in {city}", "Your profile caught my eye", "Role you might like",
         "Confidential opportunity", "Hi {first} - {company}"],
        [
            "I'm [[a recruiter|a talent partner|a headhunter]] [[at|working with]] {company} and "
            "came across your profile. We're hiring a {role} [[and your background looks like a "
            "strong match|and I think you'd be great]]. [[Would you be open to a quick chat?|Are "
            "you open to hearing more?|Fancy a 15-minute call this week?]]",
            "[[I lead a small team|I'm the founder]] at {company}, and we're looking for our "
            "first {role}. [[No pressure at all,|I know you're probably busy, but]] would you "
            "be up for a coffee or a call?",
            "I have a [[contract|permanent|interim]] {role} role with a client in {city}: "
            "[[six months, outside IR35|{salary} plus bonus|fully remote]]. If you or someone "
            "you know might be interested, reply and I'll send the details.",
            "Your experience with {sector_thing} stood out. [[My client|One of our clients]] "
            "is growing its {team} team and asked me to find people like you. Is now a good "
            "time to talk about a move?",
        ],
    )),
    (0.5, (
        ["Re: {role} at {company}", "Following up on my message", "Still interested?",
         "Checking in", "New roles matching your background"],
        [
            "Just bumping this up in case it got buried. [[The role is still open and the "
            "team would like to meet you.|Happy to share the salary range first if that "
            "helps.]]",
            "We spoke [[last year|a while back]] about {team} roles. [[Something has come up "
            "that fits what you described.|I've got two openings you might like.]] Are you "
            "looking at the moment?",
            "I'm building a shortlist for a {role} search and your name came up through "
            "[[a former colleague|our network|a referral]]. Could we talk this week?",
        ],
    )),
]  # fmt: skip

LOOKALIKES: list[tuple[float, Kind]] = [
    (0.1, (
        ["Your loan application", "Decision on your loan request", "Loan application {ref}",
         "Update on your credit application"],
        [
            "Thank you for your loan application. [[Unfortunately we are unable to approve it "
            "at this time.|After reviewing your credit file, we cannot offer you this loan.|"
            "Good news: your loan has been approved.]] [[You can ask for a copy of the credit "
            "report we used.|The funds will arrive within two working days.]]",
            "We've reviewed your application for a personal loan of {salary}. "
            "[[We're not able to lend to you right now.|We need one more document before we "
            "can decide.]] Reference: {ref}.",
        ],
    )),
    (0.1, (
        ["Mortgage application update", "Your mortgage offer", "Agreement in principle",
         "Next steps on your mortgage"],
        [
            "Your mortgage application has moved to [[underwriting|valuation|offer]]. "
            "[[The surveyor will contact you to book a visit.|Your mortgage offer is attached; "
            "it is valid for six months.|Unfortunately the lender has declined the "
            "application.]]",
            "We're pleased to confirm your agreement in principle for {salary}. This is not a "
            "formal offer of a mortgage.",
        ],
    )),
    (0.1, (
        ["Interview request from {company} Magazine", "Podcast interview?", "Press enquiry",
         "Would you be our guest?"],
        [
            "I'm a journalist at {company} [[Magazine|News|Weekly]] writing a piece on "
            "[[remote work|small businesses in {city}|climate tech]]. Would you be available "
            "for a [[20-minute|short]] interview [[by phone|on video]] this week? [[Quotes "
            "will be checked with you before we publish.|]]",
            "We host a podcast about [[careers in design|local history|running]] and would "
            "love to interview you for an episode. Recording takes about an hour.",
        ],
    )),
    (0.1, (
        ["Could you be my referee?", "A favour", "Reference request", "Quick ask"],
        [
            "Hi {rfirst}! I've applied for a [[teaching|nursing|project manager]] job and "
            "they've asked for two referees. Would you be OK being one of them? They'd just "
            "email you a short form. Thanks so much!",
            "{company} has asked for a reference for {first} {last}, who has applied for a "
            "position with us and named you as a referee. Please complete the short form by "
            "{date}.",
            "I got the job!! They offered it to me yesterday. Drinks on me on {day}?",
            "Sad news, I didn't get the job I interviewed for. Fancy a walk this weekend to "
            "take my mind off it?",
        ],
    )),
    (0.12, (
        ["Your rental application", "Application for {city} flat", "Tenancy application "
         "outcome", "About the apartment"],
        [
            "Thank you for applying for the flat on [[Mill Road|Harbour Street|Station "
            "Lane]]. [[The landlord has chosen another applicant.|We regret that the "
            "property has been let.|Your application has been accepted; please pay the "
            "holding deposit.]]",
        ],
    )),
    (0.12, (
        ["Your talk proposal", "Conference submission decision", "Decision on your "
         "manuscript", "Grant application outcome", "Your scholarship application"],
        [
            "Thank you for submitting your [[talk|workshop|paper|grant application]] to "
            "[[the programme committee|our {year} call|the review panel]]. "
            "[[Unfortunately it was not accepted this year.|We received many strong "
            "submissions and could not accept yours.|We're happy to accept it!]] "
            "[[Reviews are available in the portal.|]]",
        ],
    )),
    (0.12, (
        ["Your order has been received", "Thanks for your application", "Account "
         "update", "Your subscription", "Membership application"],
        [
            "Thanks for your [[order|membership application|application for a store "
            "card]]! [[We're processing it now.|It is being reviewed.]] [[Track it here: "
            "https://shop.{domain}/{num}|You'll receive your card within ten days.]]",
            "Your [[app|application]] has been updated to version [[3.2|10.4]]. "
            "[[See what's new.|Release notes inside.]]",
            "[[Reminder|Invitation]]: [[Team sync|Quarterly planning|Parents' evening|Dentist "
            "appointment]] on {date} at {time}. [[Join with the link in the invite.|]]",
        ],
    )),
    (0.12, (
        ["[[12|7|30]] new jobs for you", "Career tips this week", "Jobs near {city}",
         "Webinar: how to ace your interview"],
        [
            "Jobs matching your alerts:\n{role} - {company} - {city}\nSenior {role} - "
            "[[Remote|Hybrid]]\n\nUpdate your alert settings or unsubscribe at any time.",
            "New jobs [[based on your saved search|for you]]: we found [[4|9|15]] "
            "opportunities matching '{role}'. [[See the full job descriptions and salary "
            "ranges.|Apply in one click.]] [[Our clients are hiring now.|]] You are receiving "
            "this because you created a job alert.",
            "This week: [[how to answer 'tell me about yourself'|what to do after a "
            "rejection|negotiating an offer]]. Plus five employers hiring now. Read on the "
            "blog.",
        ],
    )),
    (0.12, (
        ["Tryout results", "Competition results", "Your entry", "Course enrolment"],
        [
            "Thanks for coming to the [[choir auditions|club trials|team tryouts]]. "
            "[[Unfortunately we don't have a place for you this season.|You made it!]]",
            "Your enrolment on the [[evening Spanish course|pottery class|first aid "
            "course]] is [[confirmed|on the waiting list]].",
        ],
    )),
]  # fmt: skip
