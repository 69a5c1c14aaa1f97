"""Spanish, French and German mail for every label."""

from __future__ import annotations

import random

from corpus.common import pick, sender_for

# language -> label -> (subjects, bodies)
TEXTS: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "es": {
        "rejection": (
            ["Tu candidatura en {company}", "Actualización sobre tu candidatura", "{role} - {company}",
             "Proceso de selección {role}"],
            ["Hola {first}:\n\nGracias por tu interés en {company} y por el tiempo dedicado al "
             "proceso de selección para {role}. [[Tras revisar detenidamente tu perfil|Después de "
             "valorar todas las candidaturas|Tras la entrevista con el equipo]], hemos decidido "
             "[[continuar con otros candidatos cuyo perfil se ajusta más a lo que buscamos|no "
             "avanzar con tu candidatura en esta ocasión|seguir adelante con otra persona]]. "
             "[[Guardaremos tu CV para futuras oportunidades.|Te animamos a seguir atento a "
             "nuestras ofertas.|]]\n\nTe deseamos mucho éxito.\n\nUn saludo,\n{recruiter}",
             "Estimado/a {first}: Lamentamos comunicarte que tu candidatura para el puesto de "
             "{role} no ha sido seleccionada. [[Hemos recibido un gran número de solicitudes.|"
             "La decisión ha sido difícil.|]] Agradecemos sinceramente tu interés. Atentamente, "
             "el equipo de Selección de {company}",
             "Hola {first}, muchas gracias por participar en las entrevistas. Lamentablemente, "
             "[[el puesto ya ha sido cubierto|la posición se ha cancelado|hemos elegido a otro "
             "candidato]]. Ha sido un placer conocerte y te deseamos lo mejor."]),
        "application_received": (
            ["Hemos recibido tu candidatura", "Gracias por tu candidatura - {role}",
             "Confirmación de solicitud"],
            ["Hola {first}:\n\nGracias por enviar tu candidatura para {role} en {company}. "
             "[[Nuestro equipo la revisará|La revisaremos]] en los próximos días y "
             "[[nos pondremos en contacto contigo si tu perfil encaja|te informaremos de los "
             "siguientes pasos]]. [[Puedes consultar el estado en el portal: {link}|]]\n\nUn saludo",
             "Confirmamos la recepción de tu solicitud para el puesto de {role} (ref. {num}). "
             "Debido al volumen de candidaturas, solo contactaremos con las personas "
             "preseleccionadas. Gracias por tu interés en {company}."]),
        "interview": (
            ["Invitación a entrevista - {role}", "Entrevista con {company}", "Siguiente paso"],
            ["Hola {first}, tu perfil nos ha gustado mucho y queremos invitarte a una entrevista "
             "[[por videollamada|en nuestras oficinas|telefónica]] para {role}. ¿Te vendría bien "
             "el {day} a las {time}? [[Si no, indícanos tu disponibilidad.|Puedes elegir hora "
             "aquí: {link}]] Un saludo, {recruiter}",
             "Te confirmamos la entrevista para el puesto de {role}: {date}, {time}. Te "
             "entrevistará {interviewer}. Recibirás una invitación de calendario con el enlace."]),
        "assessment": (
            ["Prueba técnica - {role}", "Siguiente fase: evaluación online"],
            ["Hola {first}, el siguiente paso del proceso es una [[prueba técnica|prueba de "
             "programación|caso práctico|prueba de personalidad]]. Tienes {deadline_days} días "
             "para completarla desde este enlace: https://assess.{domain}/t/{num}. ¡Mucha suerte!",
             "Gracias por avanzar en nuestro proceso. Te enviamos un ejercicio práctico para "
             "realizar en casa; no debería llevarte más de tres horas."]),
        "offer": (
            ["Oferta de empleo - {role}", "¡Enhorabuena!", "Tu oferta de {company}"],
            ["Hola {first}, ¡enhorabuena! Nos alegra mucho ofrecerte el puesto de {role} en "
             "{company}. [[Adjuntamos la carta de oferta con las condiciones.|El salario bruto "
             "anual es de {salary}.|La oferta está sujeta a la verificación de referencias.]] "
             "Por favor, confírmanos tu respuesta antes del {date}.",
             "Estimado/a {first}: Tras el proceso de selección, tenemos el placer de hacerte una "
             "oferta formal para incorporarte como {role}. Quedamos a la espera de tu respuesta."]),
        "recruiter_outreach": (
            ["Oportunidad como {role}", "¿Abierto/a a nuevas oportunidades?"],
            ["Hola {first}, soy {recruiter}, [[recruiter en {company}|consultor de selección]]. "
             "He visto tu perfil y creo que encajarías muy bien en un puesto de {role} en {city}. "
             "¿Te apetece que hablemos esta semana?",
             "Hola {first}, estoy buscando un/a {role} para un cliente del sector {industry}. "
             "Si te interesa, envíame tu CV y hablamos."]),
        "unrelated": (
            ["Nuevas ofertas de empleo para ti", "Tu solicitud de préstamo", "Oferta exclusiva",
             "Restablece tu contraseña"],
            ["Hay 15 nuevas ofertas de empleo de {role} en {city}. ¡Aplica ya! Gestiona tus "
             "alertas en tu perfil.",
             "Lamentamos informarte de que no podemos aprobar tu solicitud de préstamo en este "
             "momento.",
             "¡Oferta exclusiva! 30% de descuento solo este fin de semana. Date de baja aquí.",
             "Hemos recibido una solicitud para restablecer tu contraseña. Si no has sido tú, "
             "ignora este correo.",
             "Lamentablemente, el propietario ha elegido a otro inquilino para el piso."]),
    },
    "fr": {
        "rejection": (
            ["Votre candidature chez {company}", "Suite à votre candidature", "{role} - réponse",
             "Votre candidature au poste de {role}"],
            ["Bonjour {first},\n\nNous vous remercions de l'intérêt que vous portez à {company} "
             "et du temps consacré à [[votre candidature|nos entretiens]] pour le poste de "
             "{role}. [[Après une étude attentive de votre dossier|Après réflexion]], nous avons "
             "le regret de vous informer que [[nous ne pouvons pas donner une suite favorable à "
             "votre candidature|nous avons retenu un autre profil|votre candidature n'a pas été "
             "retenue]]. [[Nous conservons votre CV pour de futures opportunités.|]]\n\nNous vous "
             "souhaitons pleine réussite dans vos recherches.\n\nCordialement,\n{recruiter}",
             "Madame, Monsieur, nous avons bien étudié votre candidature. Malheureusement, "
             "[[le poste a été pourvu|le recrutement a été annulé|d'autres candidats "
             "correspondent davantage à nos besoins]]. Nous vous remercions et vous souhaitons "
             "bonne continuation. L'équipe RH de {company}",
             "Bonjour {first}, merci pour nos échanges. Nous avons décidé de ne pas poursuivre "
             "le processus avec vous. Ce n'était pas une décision facile."]),
        "application_received": (
            ["Accusé de réception de votre candidature", "Merci pour votre candidature",
             "Votre candidature pour {role}"],
            ["Bonjour {first},\n\nNous avons bien reçu votre candidature pour le poste de {role} "
             "et vous en remercions. Notre équipe l'étudiera avec attention et [[reviendra vers "
             "vous si votre profil correspond|vous tiendra informé(e) de la suite]].\n\n"
             "[[Vous pouvez suivre votre candidature sur {link}|]]\n\nL'équipe recrutement",
             "Merci pour votre candidature (réf. {num}). En raison du nombre important de "
             "candidatures, seules les personnes présélectionnées seront contactées."]),
        "interview": (
            ["Invitation à un entretien", "Entretien pour le poste de {role}", "Prochaine étape"],
            ["Bonjour {first}, votre profil a retenu notre attention et nous souhaiterions vous "
             "rencontrer pour un entretien [[en visio|dans nos locaux|téléphonique]]. Seriez-vous "
             "disponible le {day} à {time} ? Bien cordialement, {recruiter}",
             "Nous vous confirmons votre entretien le {date} à {time} avec {interviewer}. Le lien "
             "de connexion vous sera envoyé la veille."]),
        "assessment": (
            ["Test technique - {role}", "Étude de cas", "Évaluation en ligne"],
            ["Bonjour {first}, l'étape suivante consiste en un [[test technique en ligne|cas "
             "pratique|questionnaire de personnalité]]. Vous disposez de {deadline_days} jours "
             "pour le compléter : https://assess.{domain}/t/{num}. Bonne chance !",
             "Merci pour votre intérêt. Nous vous proposons un exercice à réaliser chez vous, "
             "à nous renvoyer d'ici une semaine."]),
        "offer": (
            ["Proposition d'embauche - {role}", "Félicitations !", "Votre offre chez {company}"],
            ["Bonjour {first}, nous avons le plaisir de vous proposer le poste de {role} chez "
             "{company}. [[Vous trouverez ci-joint votre promesse d'embauche.|La rémunération "
             "annuelle brute est de {salary}.|Cette proposition est soumise à la vérification de "
             "vos références.]] Merci de nous faire part de votre décision avant le {date}.",
             "Félicitations ! L'équipe a été conquise et nous serions ravis de vous accueillir."]),
        "recruiter_outreach": (
            ["Opportunité {role}", "Une opportunité qui pourrait vous intéresser"],
            ["Bonjour {first}, je suis {recruiter}, chargé(e) de recrutement. Votre parcours a "
             "retenu mon attention pour un poste de {role} à {city}. Seriez-vous ouvert(e) à un "
             "échange ?",
             "Bonjour {first}, j'accompagne un client dans le secteur {industry} qui recherche "
             "un(e) {role}. Puis-je vous appeler cette semaine ?"]),
        "unrelated": (
            ["Nouvelles offres d'emploi", "Votre demande de prêt", "Offre exclusive",
             "Réinitialisation du mot de passe"],
            ["12 nouvelles offres d'emploi correspondent à votre recherche « {role} ». Postulez "
             "dès maintenant.",
             "Nous regrettons de ne pas pouvoir donner une suite favorable à votre demande de "
             "crédit.",
             "Offre exclusive : -25 % sur toute la boutique jusqu'à dimanche !",
             "Cliquez sur le lien pour réinitialiser votre mot de passe.",
             "Malheureusement, votre dossier pour l'appartement n'a pas été retenu par le "
             "propriétaire."]),
    },
    "de": {
        "rejection": (
            ["Ihre Bewerbung bei {company}", "Rückmeldung zu Ihrer Bewerbung", "{role} - Absage",
             "Ihre Bewerbung als {role}"],
            ["Sehr geehrte/r {first} {last},\n\nvielen Dank für Ihre Bewerbung als {role} und "
             "das Interesse an {company}. [[Nach sorgfältiger Prüfung|Nach reiflicher "
             "Überlegung|Nach den Gesprächen mit dem Team]] müssen wir Ihnen leider mitteilen, "
             "dass wir [[uns für eine/n andere/n Kandidat/in entschieden haben|Ihre Bewerbung "
             "nicht weiter berücksichtigen können|Ihnen keine Zusage geben können]]. [[Gerne "
             "nehmen wir Ihre Unterlagen in unseren Talentpool auf.|]]\n\nWir wünschen Ihnen für "
             "Ihre berufliche Zukunft alles Gute.\n\nMit freundlichen Grüßen\n{recruiter}",
             "Hallo {first}, danke für die netten Gespräche. Leider [[ist die Stelle inzwischen "
             "besetzt|wurde die Stelle gestrichen|haben wir uns für jemand anderen entschieden]]. "
             "Diese Entscheidung ist uns nicht leichtgefallen. Alles Gute!",
             "Leider können wir Ihre Bewerbung für die Position {role} nicht berücksichtigen. "
             "Wir danken Ihnen für Ihr Interesse."]),
        "application_received": (
            ["Eingangsbestätigung Ihrer Bewerbung", "Danke für Ihre Bewerbung", "Ihre Bewerbung: {role}"],
            ["Hallo {first},\n\nvielen Dank für Ihre Bewerbung als {role}. Wir haben Ihre "
             "Unterlagen erhalten und werden sie [[sorgfältig prüfen|in den nächsten Tagen "
             "sichten]]. Wir melden uns [[so bald wie möglich|innerhalb von zwei Wochen]] bei "
             "Ihnen.\n\n[[Den Status sehen Sie im Bewerberportal: {link}|]]\n\nIhr Recruiting-Team",
             "Hiermit bestätigen wir den Eingang Ihrer Bewerbung (Kennziffer {num}). Aufgrund der "
             "Vielzahl an Bewerbungen bitten wir um etwas Geduld."]),
        "interview": (
            ["Einladung zum Vorstellungsgespräch", "Gespräch bei {company}", "Nächster Schritt"],
            ["Hallo {first}, Ihre Bewerbung hat uns überzeugt und wir möchten Sie gerne zu einem "
             "[[Videointerview|persönlichen Gespräch|Telefoninterview]] einladen. Passt Ihnen "
             "{day} um {time}? Viele Grüße, {recruiter}",
             "Hiermit bestätigen wir Ihr Vorstellungsgespräch am {date} um {time} mit "
             "{interviewer}. Den Link erhalten Sie per Kalendereinladung."]),
        "assessment": (
            ["Online-Test - {role}", "Fallstudie", "Ihr Assessment bei {company}"],
            ["Hallo {first}, als nächsten Schritt bitten wir Sie, [[einen Online-Test|eine "
             "Programmieraufgabe|eine Fallstudie|einen Persönlichkeitstest]] zu absolvieren. "
             "Sie haben {deadline_days} Tage Zeit: https://assess.{domain}/t/{num}. Viel Erfolg!",
             "Vielen Dank für Ihr Interesse. Anbei finden Sie eine Aufgabe zum Bearbeiten "
             "zu Hause; bitte senden Sie uns Ihre Lösung innerhalb einer Woche."]),
        "offer": (
            ["Vertragsangebot - {role}", "Herzlichen Glückwunsch!", "Ihr Angebot von {company}"],
            ["Hallo {first}, wir freuen uns sehr, Ihnen die Stelle als {role} anbieten zu "
             "können! [[Den Arbeitsvertrag finden Sie im Anhang.|Das Jahresgehalt beträgt "
             "{salary}.|Das Angebot steht unter dem Vorbehalt der Referenzprüfung.]] Bitte geben "
             "Sie uns bis {date} Bescheid.",
             "Herzlichen Glückwunsch! Wir möchten Ihnen ein Angebot für die Position {role} "
             "machen und freuen uns auf die Zusammenarbeit."]),
        "recruiter_outreach": (
            ["Spannende Position als {role}", "Offen für neue Herausforderungen?"],
            ["Hallo {first}, ich bin {recruiter}, Personalberater/in. Ihr Profil passt sehr gut "
             "zu einer Position als {role} in {city}. Hätten Sie Zeit für ein kurzes Telefonat?",
             "Hallo {first}, mein Kunde aus der Branche {industry} sucht eine/n {role}. "
             "Darf ich Ihnen mehr erzählen?"]),
        "unrelated": (
            ["Neue Jobs für Sie", "Ihr Kreditantrag", "Exklusives Angebot",
             "Passwort zurücksetzen"],
            ["20 neue Stellenangebote für {role} in {city}. Jetzt bewerben!",
             "Leider können wir Ihren Kreditantrag derzeit nicht genehmigen.",
             "Exklusives Angebot: 20 % Rabatt auf alles bis Sonntag!",
             "Klicken Sie auf den Link, um Ihr Passwort zurückzusetzen.",
             "Leider hat sich der Vermieter für andere Mietinteressenten entschieden."]),
    },
}  # fmt: skip


def compose(
    rng: random.Random, ctx: dict[str, str], language: str, label: str
) -> tuple[str, str, str]:
    subjects, bodies = TEXTS[language][label]
    if label in ("recruiter_outreach", "unrelated"):
        sender = f"{ctx['recruiter']} <{ctx['first_lower']}@{ctx['domain']}>"
        if label == "unrelated":
            sender = "Info <noreply@service.example>"
    else:
        sender = sender_for(rng, ctx)
    return sender, pick(rng, subjects, ctx), pick(rng, bodies, ctx)
