"""A held-out set written apart from the training corpus, as a stand-in for mail nobody here wrote.

Never trained on. Each message is a whole template written separately from the fragment and
broad corpora, in other shapes (bulleted portal pages, text-message brevity, long corporate
letters with navigation left over from HTML, forwarded threads) and in the seven languages.
`training/train_emails.py` scores the model on it after training and prints the figures.
"""

from __future__ import annotations

TEMPLATES: dict[str, list[str]] = {
    "rejection": [
        "hey {first} - bad news I'm afraid, the client went for the other person on the "
        "shortlist. gutted for you, you were great. let's find you the next one",
        "CANDIDATE PORTAL\n\nRole: {role}\nLocation: {city}\nCurrent stage: Closed\nOutcome: "
        "We will not be taking this application forward.\n\nView other jobs | Help",
        "Dear {first},\n\nThe interview panel met on {day} to compare all the people they "
        "spoke with. I have to let you know that you were not the person they recommended for "
        "appointment. This was a competitive round and the margin was small.\n\nYours "
        "sincerely,\n{recruiter}\nResourcing Team",
        "Hi {first}, thanks so much for the time you gave us over the last few weeks. We've "
        "now made the hire for {role} and I wanted to close the loop with you directly rather "
        "than leave you wondering. It won't be us this time, but I hope we cross paths again.",
        "Thank you for your email asking for feedback. The scoring showed that your answers "
        "on budget planning were weaker than those of the successful applicant, and that is "
        "the main reason the job was offered elsewhere.",
        "Following the selection process for the {year} graduate intake, we're sorry to say "
        "your application hasn't been successful. Places were limited and demand was "
        "exceptionally high.",
        "Your interest in the {role} vacancy is appreciated. Having looked at the application "
        "against the person specification, the recruiting manager will not be shortlisting "
        "you for interview.",
        "Home | Jobs | My applications\n\n{role} - {company}\nApplication status: Unsuccessful\n"
        "Updated {date}",
        "Sehr geehrte/r {first} {last},\n\nnach Abschluss des Auswahlverfahrens müssen wir "
        "Ihnen mitteilen, dass wir Ihre Bewerbung nicht berücksichtigen konnten. Wir "
        "wünschen Ihnen für Ihren weiteren Weg alles Gute.",
        "Bonjour {first}, après étude de votre profil, nous ne donnerons pas suite à votre "
        "candidature pour le poste de {role}. Nous vous souhaitons une bonne continuation.",
        "Hola {first}, te escribimos para contarte que hemos finalizado el proceso y "
        "finalmente no has sido la persona seleccionada. Gracias por tu tiempo.",
        "Ciao {first}, ti scriviamo per comunicarti che la selezione si è conclusa e non "
        "sei stato scelto per il ruolo di {role}. In bocca al lupo per il futuro.",
        "Beste {first}, na zorgvuldige afweging hebben we besloten je niet uit te nodigen "
        "voor een gesprek. We wensen je veel succes met je zoektocht.",
        "Olá {first}, depois de analisarmos o seu perfil, decidimos não avançar com a sua "
        "candidatura para {role}. Desejamos-lhe sucesso.",
    ],
    "application_received": [
        "APPLICATION SUBMITTED\n\n- Job: {role}\n- Reference: {num}\n- Submitted: {date}\n\n"
        "What happens next? Our recruiters look at every application and reply within 10 "
        "working days.",
        "hi {first}, got your CV for the {role} job, thanks! will pass it to the manager and "
        "come back to you soon",
        "Dear Applicant, this is to acknowledge that your application for vacancy {num} has "
        "been logged on our system. Please quote this number in any correspondence.",
        "Thanks for throwing your hat in the ring for {role}! Our team is reading "
        "applications now. Sit tight - you'll hear from us either way.",
        "Guten Tag {first}, wir bestätigen den Eingang Ihrer Unterlagen für die Position "
        "{role}. Die Prüfung dauert in der Regel zwei Wochen.",
        "Bonjour, nous accusons réception de votre dossier de candidature. Il sera étudié "
        "avec attention par nos équipes.",
        "Hola, te confirmamos que tu solicitud para {role} se ha registrado correctamente.",
        "Gentile {first}, confermiamo di aver ricevuto il tuo curriculum per la posizione di "
        "{role}.",
        "Hallo {first}, je sollicitatie is goed aangekomen. We nemen binnenkort contact op.",
        "Olá, confirmamos a receção do seu currículo para a vaga de {role}.",
    ],
    "interview": [
        "Hi {first} - quick one: could you do Thursday 2pm instead of Wednesday for the "
        "second chat with the team? Same Zoom room. Thanks!",
        "INTERVIEW DETAILS\nWhen: {date}, {time}\nWhere: Teams (link below)\nWho: {interviewer} "
        "(Hiring Manager), {recruiter} (HR)\nLength: 60 minutes\n\nPlease have your camera on.",
        "Dear {first}, I am pleased to tell you that you have been shortlisted and we would "
        "like you to attend a panel interview at our {city} office on {date}. Please let me "
        "know if you require any reasonable adjustments.",
        "Your stage-two conversation is booked. You'll be talking to two people from the "
        "{team} team; expect questions on a recent project and some time for yours.",
        "Hallo {first}, wir würden Sie gern persönlich kennenlernen. Hätten Sie am {day} "
        "Zeit für ein Gespräch vor Ort?",
        "Bonjour {first}, seriez-vous disponible pour un premier échange téléphonique cette "
        "semaine ?",
        "Hola {first}, ¿te viene bien una llamada el jueves para conocernos?",
        "Ciao {first}, ti confermo il colloquio di giovedì alle 15 con il responsabile.",
        "Hoi {first}, leuk dat je verder wilt! Zullen we donderdag een videocall plannen?",
        "Olá {first}, gostaríamos de marcar uma conversa consigo na próxima semana.",
    ],
    "assessment": [
        "Hi {first}, next up is a short exercise: build a small API that returns the three "
        "busiest stations from the attached file. Aim for two hours, send a repo link when "
        "done.",
        "ACTION REQUIRED: complete your ability tests\nTests: verbal, numerical\nDeadline: "
        "{date}\nStart now >",
        "You still have a task waiting in your candidate dashboard. It will close "
        "automatically on {date}.",
        "Dear {first}, you are invited to sit the written exam for {role}. The exam lasts "
        "90 minutes and takes place online.",
        "Hallo {first}, bitte bearbeiten Sie bis {date} die beigefügte Arbeitsprobe.",
        "Bonjour {first}, merci de passer le questionnaire de personnalité avant vendredi.",
        "Hola {first}, te enviamos un ejercicio técnico para resolver en casa esta semana.",
        "Ciao {first}, ti chiediamo di completare un breve test di logica entro venerdì.",
        "Hoi {first}, wil je deze week de capaciteitentest maken? De link staat hieronder.",
        "Olá {first}, pedimos que realize o teste técnico online até sexta-feira.",
    ],
    "offer": [
        "{first}!! the team said yes - we want you! I'll send the paperwork over tonight, "
        "call me when you can",
        "OFFER SUMMARY\nPosition: {role}\nBase salary: {salary}\nStart date: to be agreed\n"
        "Please review and e-sign by {date}.",
        "Dear {first}, further to your recent interview, I am writing to offer you "
        "appointment to the post of {role}, subject to the usual pre-employment checks.",
        "Hallo {first}, wir möchten Ihnen gern einen Arbeitsvertrag als {role} anbieten.",
        "Bonjour {first}, nous sommes heureux de vous annoncer que votre candidature est "
        "retenue : bienvenue dans l'équipe !",
        "Hola {first}, ¡queremos contar contigo! Te mandamos la propuesta económica hoy.",
        "Ciao {first}, siamo lieti di comunicarti che abbiamo scelto te per il ruolo.",
        "Hoi {first}, goed nieuws: we willen je aannemen als {role}!",
        "Olá {first}, temos o prazer de informar que foi escolhido/a para a função.",
    ],
    "recruiter_outreach": [
        "hi {first}, saw your profile - I'm hiring for a {role} at a fast-growing startup, "
        "fully remote, great equity. worth a chat?",
        "Dear {first}, I head the search practice at a boutique firm. We are retained on a "
        "senior appointment that may interest you and would value a confidential "
        "conversation.",
        "Hello {first}, a mutual connection suggested I reach out. Our company is opening a "
        "{team} team in {city} - would you like to hear about it?",
        "Hallo {first}, ich unterstütze ein Unternehmen in {city} bei der Suche nach einer "
        "{role}. Darf ich Ihnen mehr erzählen?",
        "Bonjour {first}, je recrute pour une belle entreprise à {city}. Votre parcours "
        "m'intéresse : on s'appelle ?",
        "Hola {first}, busco perfiles como el tuyo para un cliente en {city}. ¿Te cuento?",
        "Ciao {first}, cerco una figura come la tua per un'azienda di {city}. Ti va di parlarne?",
        "Hoi {first}, ik zoek iemand zoals jij voor een mooie rol in {city}. Interesse?",
        "Olá {first}, estou a recrutar para uma empresa em {city}. Podemos conversar?",
    ],
    "unrelated": [
        "Hi {first}, your car insurance renewal is due on {date}. Your new premium is shown below.",
        "Hey! Are you coming to Sam's birthday on Saturday? Let me know so I can book the table.",
        "Your application to open a savings account could not be completed. Please upload a "
        "proof of address.",
        "We've reviewed your planning application for the rear extension. A decision will "
        "be issued within eight weeks.",
        "Dear {first}, I'm producing a radio feature on commuting and wondered if you'd do "
        "a short interview on air next week?",
        "Hi {first}, would you mind writing me a reference for the volunteer coordinator "
        "job I've applied for? No rush!",
        "Unfortunately, your request for a refund has been declined as the item was used.",
        "Thank you for your visa application. Your biometric appointment is on {date}.",
        "Ihr Antrag auf Elterngeld ist eingegangen und wird bearbeitet.",
        "Votre demande de carte de fidélité a bien été prise en compte.",
        "Tu reserva en el restaurante está confirmada para el sábado.",
        "La tua richiesta di rimborso è stata respinta.",
        "Je aanvraag voor een parkeervergunning is goedgekeurd.",
        "A sua inscrição no ginásio foi confirmada.",
    ],
}
SUBJECTS: dict[str, list[str]] = {
    "rejection": ["{role}", "Application outcome", "Re: {role}", "Your application", ""],
    "application_received": ["Application submitted", "{role}", "Thanks!", "Ref {num}"],
    "interview": ["Next conversation", "{role} - stage two", "Meeting", "Re: {role}"],
    "assessment": ["Exercise", "Your tests", "Action required", "{role}"],
    "offer": ["Good news", "{role}", "Paperwork", "Re: {role}"],
    "recruiter_outreach": ["Hello", "A role you might like", "Introduction", "{role}"],
    "unrelated": ["Reminder", "Hi", "Your request", "Update", "Re: Saturday"],
}

SEED = 4417
COPIES = 3


def rows() -> list[dict[str, str]]:
    """The held-out messages: every template, each filled in COPIES times."""
    import random

    from corpus.common import context, sender_for
    from corpus.world import LANGUAGES, world_context

    rng = random.Random(SEED)
    found = []
    for label, templates in TEMPLATES.items():
        for number, template in enumerate(templates):
            lang = _language(template, LANGUAGES)
            for copy in range(COPIES):
                ctx = world_context(rng, context(rng), lang)
                found.append(
                    {
                        "id": f"heldout-{label}-{number}-{copy}",
                        "label": label,
                        "lang": lang,
                        "from": sender_for(rng, ctx, direct_share=0.6),
                        "subject": rng.choice(SUBJECTS[label]).format_map(ctx),
                        "body": template.format_map(ctx),
                    }
                )
    return found


_MARKERS = {
    "de": {"wir", "Sie", "Ihnen", "Ihre", "Ihr", "und", "bitte", "für", "möchten", "Ihren"},
    "fr": {"nous", "votre", "vous", "Bonjour", "pour", "est", "avec", "de", "la"},
    "es": {"Hola", "te", "tu", "para", "el", "has", "está", "que", "Tu"},
    "it": {"Ciao", "Gentile", "ti", "di", "il", "per", "è", "La", "tua"},
    "nl": {"Hoi", "Beste", "je", "een", "voor", "we", "Je", "is", "wil"},
    "pt": {"Olá", "seu", "sua", "para", "foi", "o", "A", "consigo", "de"},
}


def _language(template: str, languages: tuple[str, ...]) -> str:
    """The language a template is written in, by its most common small words."""
    import re

    words = set(re.findall(r"\w+", template))
    scores = {lang: len(words & marks) for lang, marks in _MARKERS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 2 and best in languages else "en"
