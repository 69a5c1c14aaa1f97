"""German, French and Spanish building blocks for the broad corpus (see eu_b for the others).

Per language: the frame of a letter (greetings, thanks, closings, sign-offs, footers) and, per
label, subjects and decisive paragraphs, including the plain no, the public-sector and
programme outcomes, the portal notice, interview logistics, test reminders and look-alikes.
"""

from __future__ import annotations

Bank = dict[str, tuple[list[str], list[str]]]

FRAMES: dict[str, dict[str, list[str]]] = {
    "de": {
        "greet": ["Hallo {first},", "Liebe/r {first},", "Sehr geehrte/r {first} {last},",
                  "Guten Tag {first} {last},", "Hi {first},", "Moin {first},"],
        "thanks": ["vielen Dank für Ihre Bewerbung als {role}.", "danke für dein Interesse an "
                   "{company}.", "herzlichen Dank für die Zeit, die Sie sich genommen haben."],
        "close": ["Viele Grüße", "Mit freundlichen Grüßen", "Beste Grüße", "Herzliche Grüße",
                  "Liebe Grüße"],
        "footer": ["{company} · {city} · Amtsgericht {city} HRB {num}",
                   "Diese E-Mail wurde automatisch erstellt. Bitte antworten Sie nicht darauf.",
                   "Datenschutzhinweise: https://{domain}/datenschutz"],
    },
    "fr": {
        "greet": ["Bonjour {first},", "Madame, Monsieur,", "Bonjour {first} {last},",
                  "Chère candidate, cher candidat,", "Salut {first},"],
        "thanks": ["merci pour votre candidature au poste de {role}.", "nous vous remercions "
                   "de l'intérêt que vous portez à {company}.", "merci pour le temps que vous "
                   "nous avez consacré."],
        "close": ["Cordialement,", "Bien à vous,", "Belle journée,", "Bien cordialement,",
                  "Avec nos meilleures salutations,"],
        "footer": ["{company} - {city}", "Ceci est un message automatique, merci de ne pas y "
                   "répondre.", "Vos données sont traitées conformément au RGPD."],
    },
    "es": {
        "greet": ["Hola {first}:", "Estimado/a {first}:", "Buenos días, {first}:", "Hola, {first},",
                  "Estimado/a candidato/a:"],
        "thanks": ["gracias por presentar tu candidatura para {role}.", "te agradecemos el "
                   "interés en {company}.", "muchas gracias por el tiempo que nos has dedicado."],
        "close": ["Un saludo,", "Saludos cordiales,", "Atentamente,", "Un abrazo,",
                  "Muchas gracias,"],
        "footer": ["{company} | {city}", "Este es un mensaje automático; por favor, no respondas.",
                   "Protección de datos: https://{domain}/privacidad"],
    },
}  # fmt: skip

BANKS: dict[str, Bank] = {
    "de": {
        "rejection": (
            [
                "Ihre Bewerbung bei {company}",
                "Rückmeldung zu Ihrer Bewerbung",
                "{role} - Entscheidung",
                "Stelle {ref}",
                "Re: Feedback zum Gespräch",
                "Statusänderung",
            ],
            [
                "wir haben uns für [[eine andere Person|einen anderen Kandidaten|eine "
                "Bewerberin mit mehr Erfahrung im Vertrieb]] entschieden.",
                "nach sorgfältiger Prüfung können wir Ihnen [[die Stelle leider nicht "
                "anbieten|leider keine Zusage geben|kein Angebot machen]].",
                "die Stelle als {role} ist inzwischen [[vergeben|besetzt]]. Ihre Unterlagen "
                "[[löschen wir nach sechs Monaten|senden wir Ihnen gern zurück]].",
                "Sie sind diesmal nicht in die nächste Runde gekommen. [[Das Feld war sehr "
                "stark.|Es war knapp.]]",
                "wir werden Ihre Bewerbung nicht weiter berücksichtigen.",
                "Status Ihrer Bewerbung: [[Absage|Abgelehnt|Nicht berücksichtigt|Geschlossen]]",
                "für das {programme} können wir Ihnen keinen Platz anbieten; die Plätze sind "
                "vergeben.",
                "danke für Ihre Nachfrage. Wie besprochen haben wir uns für jemand anderen "
                "entschieden; ausschlaggebend war [[die fehlende Führungserfahrung|die "
                "Gehaltsvorstellung|die Erfahrung mit SAP]].",
                "die Ausschreibung {ref} wurde [[zurückgezogen|gestoppt]], wir besetzen die "
                "Stelle in diesem Jahr nicht.",
            ],
        ),
        "application_received": (
            [
                "Eingangsbestätigung",
                "Ihre Bewerbung ist eingegangen",
                "Bewerbung als {role}",
                "Danke für deine Bewerbung!",
            ],
            [
                "Ihre Bewerbung als {role} ist bei uns eingegangen. Wir melden uns [[innerhalb "
                "von zwei Wochen|so bald wie möglich]] bei Ihnen.",
                "wir haben deine Unterlagen erhalten und schauen sie uns in Ruhe an. "
                "[[Den Stand siehst du jederzeit im Bewerberportal.|]]",
                "Status: In Prüfung\nReferenz: {ref}\nWir informieren Sie, sobald sich etwas "
                "ändert.",
                "Sollten Sie innerhalb von vier Wochen nichts von uns hören, konnten wir Ihre Bewerbung leider nicht berücksichtigen.",
            ],
        ),
        "interview": (
            [
                "Einladung zum Vorstellungsgespräch",
                "Termin für das Gespräch",
                "Zweite Runde",
                "Neuer Link für unser Gespräch",
                "Erinnerung: Gespräch morgen",
            ],
            [
                "wir möchten Sie gern kennenlernen und laden Sie zu einem [[Vorstellungsgespräch|"
                "Kennenlerngespräch|Videocall]] ein. Passt Ihnen {day} um {time}?",
                "wir freuen uns, Sie zur zweiten Gesprächsrunde einzuladen. [[Diesmal sind "
                "der Teamleiter und zwei Kollegen dabei.|]]",
                "der Link für unser Gespräch hat sich geändert: https://meet.{domain}/{num}. "
                "Die Uhrzeit bleibt gleich.",
                "kleine Erinnerung an unser Gespräch [[morgen|am {day}]] um {time}. Ablauf: "
                "Vorstellung, Fachteil, Ihre Fragen.",
                "können wir unseren Termin auf {day} verschieben? Eine neue Einladung folgt.",
            ],
        ),
        "assessment": (
            [
                "Online-Test für {role}",
                "Erinnerung: Ihr Test läuft ab",
                "Fallstudie",
                "Einladung zum Assessment-Center",
            ],
            [
                "als nächsten Schritt bitten wir Sie, einen Online-Test zu absolvieren "
                "(etwa {minutes} Minuten): https://test.{domain}/{num}",
                "Ihr Test ist noch offen und läuft in 48 Stunden ab. [[Falls Sie mehr Zeit "
                "brauchen, melden Sie sich.|]]",
                "wir laden Sie zu unserem Assessment-Center am {date} ein, mit Gruppenübung "
                "und Präsentation.",
                "anbei die Fallstudie. Bitte schicken Sie uns Ihre Lösung bis {date}.",
            ],
        ),
        "offer": (
            ["Ihr Vertragsangebot", "Zusage für {role}", "Herzlichen Glückwunsch!"],
            [
                "wir freuen uns sehr, Ihnen die Stelle als {role} anzubieten. Den Vertrag "
                "finden Sie im Anhang.",
                "wie am Telefon besprochen: Wir möchten dich unbedingt im Team haben! Das "
                "schriftliche Angebot kommt morgen.",
                "wir bieten Ihnen einen Platz im {programme} an. Bitte bestätigen Sie bis {date}.",
            ],
        ),
        "recruiter_outreach": (
            ["Spannende Position als {role}", "Kurze Frage", "Offen für Neues?"],
            [
                "ich bin Personalberater und habe Ihr Profil gesehen. Für einen Kunden in "
                "{city} suche ich eine/n {role}. Hätten Sie Lust auf ein kurzes Telefonat?",
                "wir bauen gerade unser Team bei {company} auf. Wäre ein Wechsel für dich "
                "interessant?",
            ],
        ),
        "unrelated": (
            [
                "Ihr Kreditantrag",
                "Interviewanfrage für unser Magazin",
                "Kannst du meine Referenz sein?",
                "Ihre Bestellung",
                "Wohnungsbewerbung",
            ],
            [
                "leider können wir Ihren Kreditantrag derzeit nicht genehmigen.",
                "ich schreibe für die {city}er Zeitung und würde Sie gern für einen Artikel "
                "interviewen.",
                "ich bewerbe mich gerade und brauche eine Referenz. Wärst du dazu bereit?",
                "vielen Dank für Ihre Bestellung. Sie wird in Kürze versendet.",
                "leider wurde die Wohnung bereits an andere Mieter vergeben.",
                "Ihre Anmeldung zum Sprachkurs ist bestätigt.",
            ],
        ),
    },
    "fr": {
        "rejection": (
            [
                "Votre candidature chez {company}",
                "Suite à votre candidature",
                "{role} - réponse",
                "Offre {ref}",
                "Re: Retour sur mon entretien",
                "Mise à jour de votre candidature",
            ],
            [
                "nous avons retenu [[un autre profil|une autre personne|un candidat plus "
                "expérimenté]] pour ce poste.",
                "nous ne pourrons pas [[donner suite à votre candidature|vous proposer le "
                "poste|poursuivre le processus avec vous]].",
                "le poste de {role} est désormais pourvu.",
                "vous n'avez pas été sélectionné(e) pour la suite du processus.",
                "Statut : [[Non retenu|Refusé|Clôturé]]",
                "nous ne sommes pas en mesure de vous proposer une place dans le {programme}.",
                "merci pour votre message. Comme évoqué, nous avons choisi une autre "
                "personne ; le point décisif était [[l'expérience en management|la maîtrise "
                "de l'anglais|la disponibilité]].",
                "le recrutement pour ce poste a été [[suspendu|annulé]] ; votre candidature "
                "est donc close.",
                "votre candidature n'a pas été retenue à l'issue de la présélection.",
            ],
        ),
        "application_received": (
            [
                "Accusé de réception",
                "Nous avons bien reçu votre candidature",
                "Candidature {role}",
                "Merci pour votre candidature",
            ],
            [
                "nous avons bien reçu votre candidature pour le poste de {role}. Nous "
                "reviendrons vers vous [[dans les meilleurs délais|sous deux semaines]].",
                "votre dossier (réf. {ref}) est en cours d'étude par notre équipe.",
                "Statut : En cours d'examen\nVous serez informé(e) de toute évolution.",
                "Sans réponse de notre part sous quatre semaines, vous pourrez considérer que votre candidature n'a pas été retenue.",
            ],
        ),
        "interview": (
            [
                "Invitation à un entretien",
                "Votre entretien avec {company}",
                "Deuxième tour",
                "Nouveau lien pour l'entretien",
                "Rappel : entretien demain",
            ],
            [
                "nous souhaitons vous rencontrer pour un entretien [[en visio|dans nos "
                "locaux|téléphonique]]. Seriez-vous disponible {day} à {time} ?",
                "bonne nouvelle : vous êtes invité(e) au deuxième tour d'entretiens avec "
                "{interviewer}.",
                "le lien de la visio a changé : https://meet.{domain}/{num}. L'horaire reste le "
                "même.",
                "petit rappel pour notre entretien [[demain|{day}]] à {time}. Au programme : "
                "présentation, cas pratique, questions.",
                "pourrions-nous décaler notre échange à {day} ? Je vous renvoie une invitation.",
            ],
        ),
        "assessment": (
            [
                "Test en ligne - {role}",
                "Rappel : votre test expire bientôt",
                "Étude de cas",
                "Invitation à un assessment center",
            ],
            [
                "la prochaine étape est un test en ligne d'environ {minutes} minutes : "
                "https://test.{domain}/{num}",
                "votre test n'est pas encore terminé ; le lien expire dans 48 heures.",
                "vous trouverez ci-joint l'étude de cas à nous renvoyer avant le {date}.",
                "nous vous invitons à notre journée d'évaluation le {date}.",
            ],
        ),
        "offer": (
            ["Proposition d'embauche", "Votre promesse d'embauche", "Félicitations !"],
            [
                "nous avons le plaisir de vous proposer le poste de {role}. Vous trouverez la "
                "proposition en pièce jointe.",
                "comme convenu par téléphone, nous serions ravis de vous accueillir dans "
                "l'équipe ! L'offre écrite suit.",
                "nous vous proposons une place dans le {programme}. Merci de confirmer avant "
                "le {date}.",
            ],
        ),
        "recruiter_outreach": (
            [
                "Opportunité {role}",
                "Une question rapide",
                "Ouvert(e) à de nouvelles opportunités ?",
            ],
            [
                "je suis chasseur de têtes et votre profil a retenu mon attention. Un de mes "
                "clients à {city} recrute un(e) {role}. Seriez-vous disponible pour en parler ?",
                "nous développons l'équipe de {company} et je pense à vous. Un café cette "
                "semaine ?",
            ],
        ),
        "unrelated": (
            [
                "Votre demande de prêt",
                "Demande d'interview pour notre journal",
                "Peux-tu être ma référence ?",
                "Votre commande",
                "Dossier de location",
            ],
            [
                "nous ne sommes malheureusement pas en mesure d'accepter votre demande de prêt.",
                "je suis journaliste et j'aimerais vous interviewer pour un article sur {city}.",
                "je postule à un poste et on me demande une référence. Tu serais d'accord ?",
                "votre commande a bien été reçue et sera expédiée demain.",
                "le propriétaire a retenu un autre dossier pour l'appartement.",
            ],
        ),
    },
    "es": {
        "rejection": (
            [
                "Tu candidatura en {company}",
                "Proceso de selección {role}",
                "Respuesta a tu candidatura",
                "Oferta {ref}",
                "Re: Feedback de la entrevista",
                "Estado de tu solicitud",
            ],
            [
                "hemos elegido a [[otra persona|otro perfil|una candidata con más experiencia]] "
                "para el puesto.",
                "no vamos a [[seguir adelante con tu candidatura|ofrecerte el puesto|continuar "
                "el proceso contigo]].",
                "la vacante de {role} ya está cubierta.",
                "no has pasado a la siguiente fase del proceso.",
                "Estado: [[Descartado|No seleccionado|Cerrado]]",
                "no podemos ofrecerte una plaza en el {programme}; las plazas ya están asignadas.",
                "gracias por preguntar. Como te comenté, elegimos a otra persona; lo que "
                "decidió fue [[la experiencia con clientes|el nivel de inglés|la "
                "disponibilidad]].",
                "el proceso para este puesto se ha [[cancelado|paralizado]], así que cerramos "
                "todas las candidaturas.",
                "tu perfil no encaja con lo que buscamos en este momento.",
            ],
        ),
        "application_received": (
            [
                "Hemos recibido tu candidatura",
                "Confirmación de inscripción",
                "Solicitud {role}",
                "Gracias por inscribirte",
            ],
            [
                "hemos recibido tu candidatura para {role}. La revisaremos y te diremos algo "
                "[[pronto|en unas dos semanas]].",
                "tu solicitud (ref. {ref}) está en revisión por el equipo de selección.",
                "Estado: En revisión\nTe avisaremos cuando haya novedades.",
                "Si no recibes noticias nuestras en cuatro semanas, entiende que tu candidatura no ha sido seleccionada.",
            ],
        ),
        "interview": (
            [
                "Entrevista con {company}",
                "Invitación a entrevista",
                "Segunda ronda",
                "Nuevo enlace para la entrevista",
                "Recordatorio: entrevista mañana",
            ],
            [
                "nos gustaría conocerte en una entrevista [[por videollamada|en la "
                "oficina|por teléfono]]. ¿Te va bien el {day} a las {time}?",
                "¡has pasado a la segunda ronda! Esta vez hablarás con {interviewer}.",
                "ha cambiado el enlace de la videollamada: https://meet.{domain}/{num}. La "
                "hora es la misma.",
                "te recordamos la entrevista de [[mañana|el {day}]] a las {time}. Agenda: "
                "presentación, caso práctico y tus preguntas.",
                "¿podemos mover la entrevista al {day}? Te envío nueva invitación.",
            ],
        ),
        "assessment": (
            [
                "Prueba online - {role}",
                "Recordatorio: tu prueba caduca",
                "Caso práctico",
                "Jornada de evaluación",
            ],
            [
                "el siguiente paso es una prueba online de unos {minutes} minutos: "
                "https://test.{domain}/{num}",
                "aún no has completado la prueba; el enlace caduca en 48 horas.",
                "te adjuntamos el caso práctico; envíanos tu propuesta antes del {date}.",
                "te invitamos a la jornada de evaluación del {date}.",
            ],
        ),
        "offer": (
            ["Oferta de trabajo", "Tu oferta de {company}", "¡Enhorabuena!"],
            [
                "nos alegra ofrecerte el puesto de {role}. Adjuntamos la carta de oferta.",
                "como hablamos por teléfono, ¡queremos que te unas al equipo! La oferta por "
                "escrito llega mañana.",
                "te ofrecemos una plaza en el {programme}. Confírmanos antes del {date}.",
            ],
        ),
        "recruiter_outreach": (
            ["Oportunidad como {role}", "Una pregunta rápida", "¿Abierto/a a nuevos retos?"],
            [
                "soy consultora de selección y he visto tu perfil. Un cliente en {city} busca "
                "un/a {role}. ¿Hablamos?",
                "estamos ampliando el equipo de {company} y me acordé de ti. ¿Te apetece un café?",
            ],
        ),
        "unrelated": (
            [
                "Tu solicitud de préstamo",
                "Petición de entrevista para nuestro medio",
                "¿Puedes ser mi referencia?",
                "Tu pedido",
                "Solicitud de alquiler",
            ],
            [
                "lamentablemente no podemos aprobar tu solicitud de préstamo en este momento.",
                "soy periodista y me gustaría entrevistarte para un reportaje sobre {city}.",
                "me piden una referencia para un trabajo al que me he presentado. ¿Te importaría?",
                "hemos recibido tu pedido y lo enviaremos mañana.",
                "el propietario ha elegido a otro inquilino para el piso.",
            ],
        ),
    },
}
