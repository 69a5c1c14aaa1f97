"""Everyday mail that is not about the job search: the bulk of any real inbox.

Short service notices, receipts, reminders, social notes and newsletters, many of them
friendly and addressed by name, so that politeness alone never reads as job mail.
"""

from __future__ import annotations

import random

from corpus.common import FIRST_NAMES, letter, pick

# (sender, subject, body)
ITEMS: list[tuple[str, str, str]] = [
    ("City Energy <bills@cityenergy.example>", "Your bill for [[October|November|March]] is ready",
     "Hi {first}, your latest energy bill is ready to view. The amount will be collected by direct debit on {date}."),
    ("Water Services <noreply@water.example>", "Planned work in your area",
     "We'll be working on the pipes on your street on {date}. You may notice low pressure between 9am and 1pm."),
    ("Dr Patel's Surgery <appointments@surgery.example>", "Appointment reminder",
     "This is a reminder of your appointment with the practice nurse on {date} at {time}. Reply CANCEL if you can no longer attend."),
    ("Pet Clinic <hello@starlingvets.example>", "Time for Milo's vaccination",
     "Milo is due his annual booster. Book a slot online or call us; we have appointments most days this month."),
    ("Northern Rail <tickets@rail.example>", "Your e-ticket for {date}",
     "Your tickets are attached. Show them on your phone or print them before you travel. Have a good journey!"),
    ("Stay Booking <confirm@staybooking.example>", "Booking confirmed: 2 nights in {city}",
     "Your stay is confirmed. Check-in from 3pm on {date}. The property will send directions closer to the day."),
    ("Airline Check-in <checkin@flyair.example>", "Check in now for your flight",
     "Online check-in is open for your flight on {date}. Choose your seat and download your boarding pass."),
    ("Cinema Club <news@cinemaclub.example>", "This week's screenings",
     "New this week: three premieres and a classic double bill on {day}. Members get 20% off snacks."),
    ("Book Club <{friend_lower}@mailbox.example>", "Next month's book",
     "Hi all, we picked the next book! Meeting at mine on {day} at 7. Bring something to share."),
    ("{friend} <{friend_lower}@mailbox.example>", "Photos from the weekend",
     "Here are the photos from Saturday. The one of the dog in the lake is my favourite. Thanks for coming!"),
    ("{friend} <{friend_lower}@mailbox.example>", "Re: dinner",
     "Sounds perfect. I'll book the Thai place for 7:30 on {day}. Let me know if anyone else wants to join."),
    ("{friend} <{friend_lower}@mailbox.example>", "Happy birthday!",
     "Happy birthday! Hope you have a lovely day and do something nice for yourself. Drinks soon?"),
    ("Mum <{friend_lower}@mailbox.example>", "Sunday",
     "Are you still coming for lunch on Sunday? Dad is making his famous pie. Love you."),
    ("School Office <office@school.example>", "Parents' evening",
     "Parents' evening is on {date}. Please book a ten-minute slot with each teacher using the link."),
    ("Gym <members@gym.example>", "Your class is booked",
     "You're booked into Spin on {day} at {time}. Cancel at least two hours before to keep your credits."),
    ("Streaming Service <info@stream.example>", "New this month",
     "Fresh series and films have arrived. Pick up where you left off, or try something new tonight."),
    ("Online Shop <orders@shop.example>", "Your order has been delivered",
     "Your parcel was delivered today and left with a neighbour. Tell us how we did!"),
    ("Online Shop <reviews@shop.example>", "How was your order?",
     "Thank you for your recent purchase. Would you take a minute to review the items you bought?"),
    ("Local Bakery <hello@bakery.example>", "Thank you for your order!",
     "Thanks so much for ordering from us, {first}. Your cake will be ready to collect on {day} after 10am."),
    ("Charity Appeal <news@charity.example>", "Thank you for your support",
     "Because of supporters like you, we planted 4,000 trees this year. Here's what your gift made possible."),
    ("Council <noreply@council.example>", "Bin collection changes",
     "From next week, recycling will be collected on {day}s. Please put your bins out by 7am."),
    ("Bank <alerts@bank.example>", "A payment was made from your account",
     "A card payment of £23.40 was made at a supermarket today. If you don't recognise it, call us."),
    ("Bank <offers@bank.example>", "You're pre-approved",
     "Good news: you're pre-approved for a credit card with no annual fee. Offer ends soon."),
    ("Insurance <renewals@insure.example>", "Your car insurance renewal",
     "Your policy renews on {date}. Review your cover and let us know if anything has changed."),
    ("Code Hosting <notifications@codehost.example>", "[project] New issue opened",
     "A new issue was opened in your repository: 'Build fails on Windows'. View it on the site to reply."),
    ("Code Hosting <notifications@codehost.example>", "Your pull request was merged",
     "Your pull request 'Fix typo in README' was merged. Thanks for contributing!"),
    ("Cloud Storage <noreply@cloud.example>", "You're running out of space",
     "You've used 90% of your storage. Free up space or upgrade your plan to keep syncing."),
    ("Password Manager <security@vault.example>", "New device added",
     "A new device was added to your account. If this was you, no action is needed."),
    ("Newsletter <weekly@techdigest.example>", "Tech Digest #142",
     "This week: a new phone nobody needs, the best keyboard shortcuts, and why everyone is talking about batteries."),
    ("Recipe Box <hello@recipes.example>", "Five dinners under 30 minutes",
     "Quick, cheap and tasty: this week's recipes use ingredients you already have."),
    ("Running Club <club@runners.example>", "Saturday parkrun",
     "See you at 9am by the café. New runners welcome; we'll do a gentle warm-up first."),
    ("Library <noreply@library.example>", "Items due soon",
     "Two items on your card are due back on {date}. Renew online if you need longer."),
    ("Volunteer Centre <hello@volunteers.example>", "Thanks for signing up",
     "Thanks for offering your time! We'll match you with a local project and be in touch soon."),
    ("Photo Prints <orders@prints.example>", "Your prints have shipped",
     "Your photo prints are on their way and should arrive within three working days."),
    ("Event Tickets <tickets@events.example>", "Your tickets for {day}",
     "Your tickets are ready. Doors open at 7pm; bring the QR code on your phone."),
    ("Landlord <{friend_lower}@mailbox.example>", "Boiler service",
     "Hi {first}, the engineer is coming to service the boiler on {date} in the morning. Is that OK?"),
    ("Neighbourhood Group <group@street.example>", "Street party planning",
     "We're planning a street party for the summer. Ideas and volunteers welcome at the meeting on {day}."),
    ("App Store <receipts@apps.example>", "Your receipt",
     "Receipt for your subscription renewal. Manage subscriptions in your account settings."),
    ("Software Updates <updates@software.example>", "An update is available",
     "Version 4.2 brings faster start-up and fixes for several bugs. Update now or tonight."),
    ("Survey <feedback@shop.example>", "Quick question about your visit",
     "How likely are you to recommend us to a friend? It takes 30 seconds and helps us improve."),
]  # fmt: skip


def compose(rng: random.Random, ctx: dict[str, str]) -> tuple[str, str, str]:
    friend = rng.choice(FIRST_NAMES)
    ctx["friend"], ctx["friend_lower"] = friend, friend.lower()
    sender, subject, body = rng.choice(ITEMS)
    text = pick(rng, [body], ctx)
    if rng.random() < 0.35:
        text = letter(rng, ctx, [text], signature=False)
    return pick(rng, [sender], ctx), pick(rng, [subject], ctx), text
