"""More wordings for the six other languages: tests by their many names, noes said plainly,
interview logistics, offers, outreach and look-alikes. Merged with eu_a and eu_b by broad.py.

`{test}` is filled from TESTS, so the model meets the many names a test goes by.
"""

from __future__ import annotations

TESTS: dict[str, list[str]] = {
    "en": ["aptitude test", "ability test", "psychometric test", "situational judgement test",
           "written exam", "work sample", "skills check", "technical challenge",
           "in-tray exercise", "personality questionnaire", "language test", "case exercise"],
    "de": ["Eignungstest", "Arbeitsprobe", "Persönlichkeitsfragebogen", "Probearbeit",
           "Fachtest", "Sprachtest", "Programmieraufgabe", "Online-Assessment"],
    "fr": ["test de personnalité", "questionnaire", "mise en situation", "test technique",
           "épreuve écrite", "test de logique", "exercice pratique", "test d'aptitude"],
    "es": ["prueba psicotécnica", "ejercicio técnico", "examen escrito", "test de personalidad",
           "prueba de nivel", "reto técnico", "cuestionario", "prueba práctica"],
    "it": ["test attitudinale", "prova scritta", "esercizio tecnico", "test di logica",
           "questionario di personalità", "prova pratica", "test di inglese", "sfida tecnica"],
    "nl": ["capaciteitentest", "persoonlijkheidstest", "proefopdracht", "werkproef",
           "online assessment", "taaltest", "casusopdracht", "vaardigheidstest"],
    "pt": ["teste técnico", "prova escrita", "teste psicotécnico", "desafio técnico",
           "questionário de personalidade", "prova prática", "teste de lógica", "exercício"],
}  # fmt: skip

MORE: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "de": {
        "rejection": (["Ihre Bewerbung", "{role}"], [
            "die Wahl ist auf jemand anderen gefallen.",
            "wir haben die Stelle mit einer internen Kandidatin besetzt.",
            "Ihr Profil passt leider nicht zu den Anforderungen dieser Stelle.",
            "nach dem {test} können wir Sie im weiteren Verfahren nicht berücksichtigen.",
        ]),
        "assessment": (["Nächster Schritt: {test}", "Ihr {test}"], [
            "bitte absolvieren Sie bis {date} unseren {test}.",
            "als Nächstes schicken wir Ihnen einen {test}; Sie haben {deadline_days} Tage Zeit.",
            "Erinnerung: Ihr {test} ist noch nicht abgeschlossen.",
        ]),
        "interview": (["Unser Termin am {day}", "Agenda für {day}"], [
            "anbei der Ablauf für {day}: Begrüßung, Fachgespräch mit {interviewer}, Rundgang.",
            "wir würden Sie gern zu einem persönlichen Gespräch in {city} einladen.",
        ]),
        "offer": (["Gute Nachrichten", "Ihr Angebot"], [
            "wir möchten Sie sehr gern einstellen und schicken Ihnen heute den Vertrag.",
        ]),
    },
    "fr": {
        "rejection": (["Votre candidature", "{role}"], [
            "notre choix s'est porté sur une autre personne.",
            "le poste a été attribué à un candidat interne.",
            "votre profil ne correspond pas aux besoins du poste.",
            "après le {test}, nous ne poursuivrons pas le processus avec vous.",
        ]),
        "assessment": (["Prochaine étape : {test}", "Votre {test}"], [
            "merci de compléter notre {test} avant le {date}.",
            "la prochaine étape est un {test} ; vous avez {deadline_days} jours.",
            "rappel : votre {test} n'est pas encore terminé.",
        ]),
        "interview": (["Notre rendez-vous {day}", "Déroulé de l'entretien"], [
            "voici le déroulé de {day} : accueil, échange avec {interviewer}, visite.",
            "nous aimerions vous rencontrer dans nos bureaux de {city}.",
        ]),
        "offer": (["Bonne nouvelle", "Votre offre"], [
            "nous souhaitons vous embaucher et vous envoyons le contrat aujourd'hui.",
        ]),
    },
    "es": {
        "rejection": (["Tu candidatura", "{role}"], [
            "hemos optado por otra persona para el puesto.",
            "el puesto se ha cubierto con una candidata interna.",
            "tu perfil no se ajusta a los requisitos de esta vacante.",
            "tras el {test}, no continuaremos el proceso contigo.",
        ]),
        "assessment": (["Siguiente paso: {test}", "Tu {test}"], [
            "por favor, completa nuestro {test} antes del {date}.",
            "el siguiente paso es un {test}; tienes {deadline_days} días.",
            "recordatorio: tu {test} sigue pendiente.",
        ]),
        "interview": (["Nuestra cita del {day}", "Agenda de la entrevista"], [
            "te paso la agenda del {day}: bienvenida, charla con {interviewer} y visita.",
            "nos gustaría conocerte en persona en nuestra oficina de {city}.",
        ]),
        "offer": (["Buenas noticias", "Tu oferta"], [
            "queremos contratarte y hoy te enviamos el contrato.",
        ]),
    },
    "it": {
        "rejection": (["La tua candidatura", "{role}"], [
            "la scelta è caduta su un'altra persona.",
            "la posizione è stata assegnata a un candidato interno.",
            "il tuo profilo non è in linea con i requisiti della posizione.",
            "dopo il {test}, non proseguiremo il percorso con te.",
        ]),
        "assessment": (["Prossimo passo: {test}", "Il tuo {test}"], [
            "ti chiediamo di completare il nostro {test} entro il {date}.",
            "il prossimo passo è un {test}; hai {deadline_days} giorni.",
            "promemoria: il tuo {test} non è ancora completato.",
        ]),
        "interview": (["Il nostro incontro di {day}", "Programma del colloquio"], [
            "ecco il programma di {day}: accoglienza, colloquio con {interviewer}, visita.",
            "vorremmo incontrarti di persona nella nostra sede di {city}.",
        ]),
        "offer": (["Buone notizie", "La tua offerta"], [
            "vogliamo assumerti e oggi ti inviamo il contratto.",
        ]),
    },
    "nl": {
        "rejection": (["Je sollicitatie", "{role}"], [
            "de keuze is op iemand anders gevallen.",
            "de functie is ingevuld door een interne kandidaat.",
            "je profiel sluit niet aan bij de eisen van deze functie.",
            "na de {test} gaan we het proces niet met je voortzetten.",
        ]),
        "assessment": (["Volgende stap: {test}", "Je {test}"], [
            "wil je onze {test} vóór {date} afronden?",
            "de volgende stap is een {test}; je hebt {deadline_days} dagen.",
            "herinnering: je {test} staat nog open.",
        ]),
        "interview": (["Onze afspraak op {day}", "Programma van het gesprek"], [
            "hierbij het programma voor {day}: ontvangst, gesprek met {interviewer}, rondleiding.",
            "we willen je graag ontmoeten op ons kantoor in {city}.",
        ]),
        "offer": (["Goed nieuws", "Je aanbod"], [
            "we willen je graag aannemen en sturen vandaag het contract.",
        ]),
    },
    "pt": {
        "rejection": (["A sua candidatura", "{role}"], [
            "a escolha recaiu sobre outra pessoa.",
            "a vaga foi ocupada por um candidato interno.",
            "o seu perfil não se enquadra nos requisitos da função.",
            "depois do {test}, não vamos continuar o processo consigo.",
        ]),
        "assessment": (["Próximo passo: {test}", "O seu {test}"], [
            "pedimos que conclua o nosso {test} até {date}.",
            "o próximo passo é um {test}; tem {deadline_days} dias.",
            "lembrete: o seu {test} ainda está pendente.",
        ]),
        "interview": (["O nosso encontro de {day}", "Agenda da entrevista"], [
            "segue a agenda de {day}: receção, conversa com {interviewer} e visita.",
            "gostaríamos de o/a conhecer pessoalmente no escritório de {city}.",
        ]),
        "offer": (["Boas notícias", "A sua proposta"], [
            "queremos contratá-lo/a e enviamos hoje o contrato.",
        ]),
    },
}  # fmt: skip
