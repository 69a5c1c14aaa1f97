"""Unrelated mail, with the hard negatives: other rejections, offers and "applications".

Job alerts and newsletters that use hiring words, rejections for flats, loans, credit cards,
university places, visas and grants, a friend writing about their own rejection, marketing
"offers", account and password emails, calendar invitations to other meetings, digests.
"""

from __future__ import annotations

import random

from corpus.common import FIRST_NAMES, pick

ITEMS: list[tuple[str, str, list[str]]] = [
    # (sender, subject, bodies)
    (
        "JobHub Alerts <alerts@jobhub.example>",
        "[[12|5|27|8]] new jobs for '{role}' in {city}",
        [
            "New jobs matching your search:\n\n{role} - {company} - {city}\nApply now\n\nSenior "
            "{role} - Northwind Logistics - Remote\nEasy apply\n\nYou are receiving this alert "
            "because you saved a search. Manage alerts in your settings.",
            "Jobs you might like\n\n{role} at {company}\nSalary: {salary}\nPosted 2 days ago\n\n"
            "Don't miss out: employers are reviewing applications now. Unsubscribe anytime.",
            "Based on your profile, these employers are hiring:\n- {company}: {role}\n- Tessellate: "
            "Data Analyst\n- Greenleaf Energy: Project Engineer\nView all jobs",
        ],
    ),
    (
        "CareerPath Weekly <newsletter@careerpath.example>",
        "[[This week|Weekly digest|Career tips]]: [[how to bounce back from rejection|negotiating "
        "your offer|acing the final interview|writing a cover letter that works]]",
        [
            "In this issue: what to do when you get a rejection email, how to ask for feedback, "
            "and five questions to ask at the end of an interview. Plus: when a job offer arrives, "
            "how to negotiate without fear. Read more on our blog.",
            "Unfortunately, many candidates give up after a few rejections. This week we look at "
            "how to keep going, with stories from readers who landed an offer after months of "
            "searching. Unsubscribe | Preferences",
            "Hiring is slowing in some sectors and speeding up in others. Our guide explains what "
            "recruiters look for and how to stand out in an interview. Upgrade to premium for an "
            "exclusive offer on CV reviews.",
        ],
    ),
    (
        "Lettings Team <lettings@cityhomes-lettings.example>",
        "[[Your application for the flat|Update on 14B Ashford Road|Viewing and application "
        "update|Your rental application]]",
        [
            "Thank you for your application to rent the two-bedroom flat at 14B Ashford Road. "
            "Unfortunately, the landlord has decided to proceed with another applicant. We will "
            "let you know about similar properties.",
            "Thanks for viewing the apartment on {day}. We regret to inform you that your rental "
            "application was not successful on this occasion, as the landlord has accepted "
            "another offer.",
            "We have received your tenancy application and the referencing process has begun. "
            "We'll be in touch within 48 hours.",
        ],
    ),
    (
        "Harbourview Bank <no-reply@notifications.harbourview-personal.example>",
        "[[Your loan application|Your credit card application|Decision on your application|"
        "Mortgage application update]]",
        [
            "Thank you for applying for a personal loan. After careful review, we are unable to "
            "approve your application at this time. This decision was based on information from "
            "credit reference agencies.",
            "We're sorry, but we can't offer you the Platinum credit card right now. You can check "
            "your eligibility for other cards in the app.",
            "Good news! Your mortgage application has been approved in principle. Your adviser "
            "will contact you to discuss the next steps.",
            "We have received your credit card application and will let you know our decision "
            "within 5 working days.",
        ],
    ),
    (
        "Admissions Office <admissions@ravenwood-uni.example>",
        "[[Your application to Ravenwood University|Decision on your MSc application|Admissions "
        "decision|Your place on the course]]",
        [
            "Thank you for your application to the MSc in Environmental Science. We regret that "
            "we are unable to offer you a place on the programme this year, due to the very high "
            "number of applications.",
            "Congratulations! We are delighted to offer you a place on the BA in History starting "
            "in September. Please accept your offer through the applicant portal.",
            "We have received your application for postgraduate study. The admissions tutor will "
            "review it and you will hear from us within six weeks.",
            "Thank you for attending the interview for the PhD programme. Unfortunately the panel "
            "has decided not to offer you a funded studentship.",
        ],
    ),
    (
        "Visa Application Centre <noreply@visa-centre.example>",
        "[[Visa application status|Your visa decision|Appointment confirmation]]",
        [
            "Your visa application has been refused. The reasons for the refusal are given in the "
            "attached letter, along with information on how to appeal.",
            "Your biometrics appointment is confirmed for {date} at {time}. Please bring your "
            "passport and appointment letter.",
            "We have received your visa application. Processing usually takes 15 working days.",
        ],
    ),
    (
        "{friend} <{friend_lower}@mailbox.example>",
        "[[ugh|Re: how did it go?|bad news :(|news|Re: Friday]]",
        [
            "Hey! So I heard back from {company} - they said no. Apparently they went with "
            "someone with more experience. I'm gutted but honestly kind of relieved. Drinks on "
            "Friday still on?",
            "They rejected me after the final round!! The email was so long and polite, I had to "
            "read it twice to realise it was a no. How's your search going? Any interviews?",
            "Just wanted to say good luck with your interview tomorrow. You've got this! Call me "
            "after.",
            "I got the offer!!! Can't believe it. Thanks so much for helping me prep. Dinner is "
            "on me.",
            "Sorry to hear about the rejection. Their loss. Want to grab coffee this week and "
            "look at the next applications together?",
        ],
    ),
    (
        "[[Opal Cosmetics|Summit Outdoor Co.|Driftwood Travel|Wildflower Coffee]] "
        "<offers@deals.example>",
        "[[Exclusive offer just for you|Your 20% off offer ends tonight|Last chance: special "
        "offer|We've got an offer you can't refuse]]",
        [
            "Don't miss our exclusive offer: 20% off everything until midnight. Use code YES20 at "
            "checkout. Unsubscribe here.",
            "Congratulations! You've been selected for a special members' offer. Claim your free "
            "gift with any order this week.",
            "Unfortunately your cart is about to expire. Complete your order now and get free "
            "delivery.",
        ],
    ),
    (
        "[[Trellis HR Software|Acme Robotics Careers|CareerPath]] <accounts@notifications.example>",
        "[[Reset your password|Verify your email address|Your account has been created|New sign-in "
        "to your account|Your password was changed]]",
        [
            "We received a request to reset the password for your account. Click the link below "
            "to choose a new password. If you didn't request this, you can ignore this email.",
            "Welcome! Please verify your email address to finish creating your candidate account. "
            "This link expires in 24 hours.",
            "Your account has been created. You can now save jobs and set up job alerts.",
            "We noticed a new sign-in to your account from Chrome on Windows. If this was you, "
            "there's nothing else to do.",
        ],
    ),
    (
        "Google Calendar <calendar-notification@calendar.example>",
        "Invitation: [[Dentist|Book club|Team lunch|Parents' evening|Yoga class|1:1 with "
        "Jamie|Quarterly planning]] @ {date} {time}",
        [
            "You have been invited to the following event.\n\nTitle: Book club\nWhen: {date} "
            "{time}\nWhere: The Crown\nGoing? Yes - Maybe - No",
            "Reminder: Dentist appointment on {date} at {time}. Reply to reschedule.",
            "{friend} has invited you to Quarterly planning. Joining info: video call link. "
            "Invitation from Google Calendar.",
        ],
    ),
    (
        "LinkedIn <messages-noreply@linkedin.example>",
        "[[You appeared in 14 searches this week|{friend} and 12 others viewed your profile|"
        "Your network digest|Congratulate {friend} on the new job|People you may know]]",
        [
            "You appeared in 14 searches this week. Recruiters from companies like {company} "
            "looked at profiles like yours. See all searches.",
            "{friend} started a new position as {role} at {company}. Say congrats!",
            "Trending in your network: 5 tips for interviews, a post about handling rejection, "
            "and 3 jobs you may be interested in.",
        ],
    ),
    (
        "[[Parcel Service|Online Shop|City Council|Gym]] <no-reply@service.example>",
        "[[Your order has shipped|Your receipt|Council tax reminder|Your membership|"
        "Delivery update]]",
        [
            "Your order #{num} has been dispatched and should arrive on {date}.",
            "Thanks for your purchase. Your receipt is attached.",
            "Your membership renews on {date}. No action is needed.",
            "We were unable to deliver your parcel today. Please choose a new delivery slot.",
        ],
    ),
    (
        "Conference Programme Committee <cfp@devconf.example>",
        "[[Your talk proposal|DevConf decision|CFP results]]",
        [
            "Thank you for submitting a talk to DevConf. Unfortunately we were not able to accept "
            "your proposal this year; we received over 600 submissions.",
            "Congratulations, your talk has been accepted! Please confirm your attendance.",
        ],
    ),
    (
        "Community Arts Fund <grants@artsfund.example>",
        "[[Your grant application|Funding decision]]",
        [
            "Thank you for applying to the Community Arts Fund. We regret that your application "
            "was not successful in this round. We encourage you to apply again in spring.",
            "We have received your grant application and will be in touch after the panel meets.",
        ],
    ),
    (
        "{friend} <{friend_lower}@mailbox.example>",
        "[[Re: CV|Job at my company|Intro]]",
        [
            "My team is hiring a {role}, want me to refer you? I can send your CV to the hiring "
            "manager.",
            "I looked over your CV. Looks great - maybe move the projects section up. Happy to "
            "read your cover letter too.",
            "Meet {rfirst} - {rfirst} works at {company} and is happy to chat about what it's "
            "like there. I'll let you two take it from here.",
        ],
    ),
    (
        "{company} <news@{domain}>",
        "[[News from {company}|Our quarterly update|{company} is hiring!|Meet our new CEO]]",
        [
            "We're growing! This quarter we opened a new office in {city} and we're hiring across "
            "engineering, sales and operations. Browse open roles on our careers page.",
            "Thank you for being a customer. Here's what's new in our product this month.",
            "Join our virtual careers fair on {date}: meet the team and learn about life at "
            "{company}. Register now.",
        ],
    ),
]


def compose(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    friend = rng.choice(FIRST_NAMES)
    ctx["friend"] = friend
    ctx["friend_lower"] = friend.lower()
    sender, subject, bodies = rng.choice(ITEMS)
    body = pick(rng, bodies, ctx)
    if rng.random() < 0.3 and "@mailbox.example" not in sender:
        body += rng.choice(
            [
                "\n\nYou are receiving this email because you signed up. Unsubscribe.",
                "\n\nPlease do not reply to this automated message.",
                "\n\nPrivacy policy | Help centre | Manage preferences",
            ]
        )
    return pick(rng, [sender], ctx), pick(rng, [subject], ctx), body
