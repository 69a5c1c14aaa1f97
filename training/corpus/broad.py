"""The broad corpus: every label in seven languages, many employers and many shapes of mail.

A message is a decisive paragraph (what the mail is about) inside a shape chosen at random:
a full letter, a bare portal notice, a short note, a reply that quotes the thread below it, a
forwarded message, or a letter with a long signature and legal footer. The shapes and frames
are shared by every label, so only what the message says can tell the labels apart.
"""

from __future__ import annotations

import random

from corpus import en_noes, en_other, en_steps, eu_a, eu_b, eu_more
from corpus.common import DISCLAIMERS, GREETINGS, SIGNATURES, SIGNOFFS, expand, pick, sender_for
from corpus.world import world_context

Kind = tuple[list[str], list[str]]

ENGLISH: dict[str, list[tuple[float, Kind]]] = {
    "rejection": en_noes.KINDS,
    "application_received": en_steps.RECEIVED,
    "interview": en_steps.INTERVIEW,
    "assessment": en_steps.ASSESSMENT,
    "offer": en_steps.OFFER,
    "recruiter_outreach": en_other.OUTREACH,
    "unrelated": en_other.LOOKALIKES,
}
BANKS = {**eu_a.BANKS, **eu_b.BANKS}
FRAMES = {**eu_a.FRAMES, **eu_b.FRAMES}

ENGLISH_OPENERS = [
    "Thanks for your interest in {company}.", "I hope you're well.", "Thank you for your "
    "patience.", "I hope your week is going well.", "Thanks for getting back to me.",
    "Thank you for applying for {role}.", "Thanks again for your time.", "",
]  # fmt: skip
ENGLISH_CLOSERS = [
    "Let me know if you have any questions.", "Thanks again.", "All the best with everything.",
    "Have a good weekend.", "Speak soon.", "Any questions, just reply to this email.",
    "Take care.", "",
]  # fmt: skip
LONG_SIGNATURES = [
    "{recruiter}\n{rtitle} | {company}\nM: +44 7700 {num}\n{city}\n[[Pronouns: she/her|"
    "Pronouns: he/him|Working hours: Mon-Thu]]",
    "{recruiter}\n{rtitle}\n{company} {country_upper}\nhttps://{domain}\n"
    "[[Follow us on LinkedIn|We're hiring: https://{domain}/jobs|Proud to be a Great Place to "
    "Work]]",
]  # fmt: skip
UNSUBSCRIBE = [
    "Manage your email preferences: https://{domain}/prefs?u={num}",
    "You received this email because you have an account at {company}. Unsubscribe.",
    "Sent from my phone",
    "Get Outlook for iOS",
    "© {year} {company}. All rights reserved.",
]  # fmt: skip
QUOTE_HEADERS = {
    "en": "On {date} at {time}, {first} {last} wrote:",
    "de": "Am {date} schrieb {first} {last}:",
    "fr": "Le {date}, {first} {last} a écrit :",
    "es": "El {date}, {first} {last} escribió:",
    "it": "Il giorno {date} {first} {last} ha scritto:",
    "nl": "Op {date} schreef {first} {last}:",
    "pt": "Em {date}, {first} {last} escreveu:",
}
QUOTED = {
    "en": ["Hi {rfirst}, thank you again for the interview. If you have a moment, I'd really "
           "value any feedback on how I could improve.", "Hello, I wanted to follow up on my "
           "application for {role}. Many thanks!", "Thanks, that time works for me."],
    "de": ["Hallo {rfirst}, vielen Dank für das Gespräch. Hätten Sie ein kurzes Feedback für "
           "mich?", "Guten Tag, ich wollte mich nach dem Stand meiner Bewerbung erkundigen."],
    "fr": ["Bonjour {rfirst}, merci encore pour l'entretien. Auriez-vous un retour à me "
           "faire ?", "Bonjour, je me permets de revenir vers vous concernant ma candidature."],
    "es": ["Hola {rfirst}, gracias de nuevo por la entrevista. ¿Podrías darme algo de "
           "feedback?", "Hola, quería saber cómo va mi candidatura."],
    "it": ["Ciao {rfirst}, grazie ancora per il colloquio. Potresti darmi un feedback?",
           "Buongiorno, volevo sapere a che punto è la mia candidatura."],
    "nl": ["Hoi {rfirst}, nogmaals bedankt voor het gesprek. Heb je nog feedback voor me?",
           "Hallo, ik wilde even vragen hoe het staat met mijn sollicitatie."],
    "pt": ["Olá {rfirst}, obrigado mais uma vez pela entrevista. Poderia dar-me algum "
           "feedback?", "Olá, gostaria de saber o ponto de situação da minha candidatura."],
}  # fmt: skip
COURTESY = {
    "en": ["Best of luck!", "Best of luck with your search.", "We'll keep your details on file "
           "for future openings.", "You can check your application status at any time in your "
           "account.", "We'll send you an update as soon as we can.", "We appreciate the time "
           "you took to apply.", "Thank you for your interest in the position.", "We know "
           "applying takes time and effort, so thank you.", "Keep an eye on our careers page "
           "for more roles."],
    "de": ["Viel Erfolg!", "Wir melden uns so bald wie möglich.", "Danke für Ihr Interesse an "
           "der Stelle.", "Den Status Ihrer Bewerbung sehen Sie im Portal."],
    "fr": ["Bonne chance !", "Nous revenons vers vous dès que possible.", "Merci de l'intérêt "
           "porté au poste.", "Vous pouvez suivre votre candidature dans votre espace."],
    "es": ["¡Mucha suerte!", "Te escribiremos en cuanto podamos.", "Gracias por tu interés en "
           "el puesto.", "Puedes ver el estado de tu candidatura en el portal."],
    "it": ["In bocca al lupo!", "Ti aggiorneremo al più presto.", "Grazie per l'interesse "
           "verso la posizione.", "Puoi seguire la tua candidatura nel portale."],
    "nl": ["Veel succes!", "We laten zo snel mogelijk van ons horen.", "Bedankt voor je "
           "interesse in de functie.", "Je kunt de status van je sollicitatie in het portaal "
           "bekijken."],
    "pt": ["Boa sorte!", "Daremos notícias assim que possível.", "Obrigado pelo interesse na "
           "vaga.", "Pode acompanhar a sua candidatura no portal."],
}  # fmt: skip
"""Courtesies that every kind of job mail uses, so none of them reads as a decision."""
FORWARD = "---------- Forwarded message ---------\nFrom: {sender}\nDate: {date}\nSubject: {subject}"
NEUTRAL_SUBJECTS = [
    "{company}", "{role}", "Your application", "{role} ({ref})", "Re: {role}", "Update",
    "{company} - {role}", "", "Following up", "Hello from {company}",
]  # fmt: skip


def _english(rng: random.Random, ctx: dict[str, str], label: str) -> tuple[str, str]:
    weights = [w for w, _ in ENGLISH[label]]
    subjects, cores = rng.choices([k for _, k in ENGLISH[label]], weights)[0]
    return pick(rng, subjects, ctx), pick(rng, cores, ctx)


def _other(rng: random.Random, ctx: dict[str, str], label: str, lang: str) -> tuple[str, str]:
    subjects, cores = BANKS[lang][label]
    more_subjects, more_cores = eu_more.MORE[lang].get(label, ([], []))
    subjects, cores = subjects + more_subjects, cores + more_cores
    core = pick(rng, cores, ctx)
    if rng.random() < 0.35:  # two decisive sentences from the same label
        second = pick(rng, [c for c in cores if c != core], ctx)
        core = core + " " + second[:1].upper() + second[1:]
    return pick(rng, subjects, ctx), core


def _frame(rng: random.Random, ctx: dict[str, str], lang: str, core: str) -> list[str]:
    """Greeting, optional opening, the core, optional closing, sign-off and signature."""
    if lang == "en":
        parts = [pick(rng, GREETINGS, ctx), pick(rng, ENGLISH_OPENERS, ctx), core,
                 pick(rng, ENGLISH_CLOSERS, ctx)]  # fmt: skip
        sign = pick(rng, SIGNOFFS, ctx) + "\n" + pick(rng, SIGNATURES, ctx)
    else:
        frame = FRAMES[lang]
        thanks = pick(rng, frame["thanks"], ctx) if rng.random() < 0.6 else ""
        greeting = pick(rng, frame["greet"], ctx)
        first = f"{thanks[:1].upper()}{thanks[1:]} " if thanks and rng.random() < 0.3 else ""
        body = f"{thanks} {core}" if thanks and not first else core
        if not thanks or first:
            body = body[:1].upper() + body[1:]
        parts = [greeting, first + body if first else body]
        sign = pick(rng, frame["close"], ctx) + "\n" + expand("{recruiter}\n{company}", rng, ctx)
    if rng.random() < 0.15:
        sign = expand(rng.choice(LONG_SIGNATURES), rng, ctx)
    parts.append(sign)
    return [p for p in parts if p]


def _footer(rng: random.Random, ctx: dict[str, str], lang: str) -> list[str]:
    found = []
    if ctx.get("ats_footer") and rng.random() < 0.5:
        found.append(ctx["ats_footer"])
    if rng.random() < 0.25:
        options = DISCLAIMERS + UNSUBSCRIBE if lang == "en" else FRAMES[lang]["footer"]
        found.append(pick(rng, options, ctx))
    return found


def compose(
    rng: random.Random, base: dict[str, str], label: str, lang: str
) -> tuple[str, str, str]:
    """One message of `label` in `lang`: (sender, subject, body)."""
    ctx = world_context(rng, base, lang)
    ctx["sector_thing"] = rng.choice(en_noes.SECTOR_THINGS)
    ctx["reason"] = expand(rng.choice(en_noes.REASONS), rng, ctx)
    ctx["country_upper"] = ctx["country"].upper()
    ctx["test"] = rng.choice(eu_more.TESTS[lang])
    sender = sender_for(rng, ctx, direct_share=0.5)
    if lang == "en":
        subject, core = _english(rng, ctx, label)
    else:
        subject, core = _other(rng, ctx, label, lang)
    if label != "unrelated" and rng.random() < 0.25:
        subject = pick(rng, NEUTRAL_SUBJECTS, ctx)
    if label in ("application_received", "interview", "assessment") and rng.random() < 0.35:
        core = f"{core} {pick(rng, COURTESY[lang], ctx)}"
    shape = rng.random()
    if shape < 0.15:  # a bare notice or one-line note
        parts = [core, *_footer(rng, ctx, lang)]
    elif shape < 0.3:  # a short note signed with a first name
        parts = [core, ctx["rfirst"]]
    else:
        parts = _frame(rng, ctx, lang, core) + _footer(rng, ctx, lang)
    body = ("\n\n" if rng.random() < 0.75 else "\n").join(parts)
    if rng.random() < 0.12 or (subject.startswith(("Re:", "RE:")) and rng.random() < 0.6):
        quote = expand(rng.choice(QUOTED[lang]), rng, ctx)
        header = expand(QUOTE_HEADERS[lang], rng, ctx)
        body = f"{body}\n\n{header}\n" + "\n".join("> " + line for line in quote.split("\n"))
        if not subject.lower().startswith("re:"):
            subject = "Re: " + subject
    elif rng.random() < 0.05:
        ctx["sender"], ctx["subject"] = sender, subject
        body = expand(FORWARD, rng, ctx) + "\n\n" + body
        subject = "Fwd: " + subject
    return sender, subject, body
