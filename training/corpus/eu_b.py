"""Italian, Dutch and Portuguese building blocks for the broad corpus (same shape as eu_a)."""

from __future__ import annotations

Bank = dict[str, tuple[list[str], list[str]]]

FRAMES: dict[str, dict[str, list[str]]] = {
    "it": {
        "greet": ["Ciao {first},", "Gentile {first},", "Gentile {first} {last},",
                  "Buongiorno {first},", "Gentile candidato/a,"],
        "thanks": ["grazie per aver inviato la tua candidatura per {role}.", "ti ringraziamo "
                   "per l'interesse verso {company}.", "grazie per il tempo che ci hai dedicato."],
        "close": ["Cordiali saluti,", "Un saluto,", "A presto,", "Distinti saluti,", "Grazie ancora,"],
        "footer": ["{company} - {city} - P.IVA {num}", "Questa è una email automatica, per "
                   "favore non rispondere.", "Informativa privacy: https://{domain}/privacy"],
    },
    "nl": {
        "greet": ["Hoi {first},", "Beste {first},", "Geachte heer/mevrouw {last},",
                  "Hallo {first},", "Beste kandidaat,"],
        "thanks": ["bedankt voor je sollicitatie als {role}.", "dank voor je interesse in "
                   "{company}.", "bedankt voor de tijd die je voor ons hebt vrijgemaakt."],
        "close": ["Met vriendelijke groet,", "Groeten,", "Hartelijke groet,", "Groetjes,",
                  "Met vriendelijke groeten,"],
        "footer": ["{company} | {city} | KvK {num}", "Dit is een automatisch bericht; je kunt "
                   "hier niet op reageren.", "Privacyverklaring: https://{domain}/privacy"],
    },
    "pt": {
        "greet": ["Olá {first},", "Caro/a {first},", "Prezado/a {first},", "Bom dia {first},",
                  "Caro/a candidato/a,"],
        "thanks": ["obrigado pela sua candidatura para {role}.", "agradecemos o seu interesse "
                   "na {company}.", "obrigado pelo tempo que nos dedicou."],
        "close": ["Com os melhores cumprimentos,", "Atenciosamente,", "Abraço,",
                  "Cumprimentos,", "Obrigado,"],
        "footer": ["{company} - {city}", "Esta é uma mensagem automática; por favor não "
                   "responda.", "Política de privacidade: https://{domain}/privacidade"],
    },
}  # fmt: skip

BANKS: dict[str, Bank] = {
    "it": {
        "rejection": (
            [
                "La tua candidatura presso {company}",
                "Esito della selezione",
                "{role} - aggiornamento",
                "Posizione {ref}",
                "Re: Feedback sul colloquio",
                "Stato della candidatura",
            ],
            [
                "abbiamo scelto [[un altro candidato|un'altra persona|un profilo più "
                "esperto]] per questa posizione.",
                "purtroppo non potremo [[proseguire con la tua candidatura|offrirti il "
                "ruolo|andare avanti insieme]].",
                "la posizione di {role} è stata ormai coperta.",
                "non sei stato/a selezionato/a per la fase successiva.",
                "Stato: [[Non selezionato|Respinta|Chiusa]]",
                "non possiamo offrirti un posto nel {programme}: i posti sono esauriti.",
                "grazie per avermi scritto. Come ti anticipavo, abbiamo scelto un'altra "
                "persona; a fare la differenza è stata [[l'esperienza con i clienti|la "
                "conoscenza del tedesco|la disponibilità immediata]].",
                "la ricerca per questo ruolo è stata [[sospesa|annullata]], quindi chiudiamo "
                "tutte le candidature.",
                "il tuo profilo non corrisponde a quanto cerchiamo in questo momento.",
                "l'esito del concorso è negativo: non sei rientrato/a nella graduatoria dei "
                "vincitori.",
            ],
        ),
        "application_received": (
            [
                "Candidatura ricevuta",
                "Conferma di ricezione",
                "Candidatura {role}",
                "Grazie per la tua candidatura",
            ],
            [
                "abbiamo ricevuto la tua candidatura per {role}. La valuteremo e ti faremo "
                "sapere [[a breve|entro due settimane]].",
                "la tua domanda (rif. {ref}) è in fase di valutazione.",
                "Stato: In valutazione\nRiceverai un aggiornamento appena cambia qualcosa.",
                "Se non ricevi notizie entro quattro settimane, la tua candidatura non è stata selezionata.",
            ],
        ),
        "interview": (
            [
                "Invito a colloquio",
                "Colloquio con {company}",
                "Secondo colloquio",
                "Nuovo link per il colloquio",
                "Promemoria: colloquio domani",
            ],
            [
                "vorremmo conoscerti con un colloquio [[in videochiamata|in sede|telefonico]]. "
                "Saresti disponibile {day} alle {time}?",
                "sei passato/a al secondo colloquio! Questa volta incontrerai {interviewer}.",
                "il link della videochiamata è cambiato: https://meet.{domain}/{num}. L'orario "
                "resta lo stesso.",
                "ti ricordiamo il colloquio di [[domani|{day}]] alle {time}. Programma: "
                "presentazione, caso pratico e domande.",
                "possiamo spostare il colloquio a {day}? Ti mando un nuovo invito.",
            ],
        ),
        "assessment": (
            [
                "Test online - {role}",
                "Promemoria: il test scade",
                "Caso di studio",
                "Assessment center",
            ],
            [
                "il prossimo passo è un test online di circa {minutes} minuti: "
                "https://test.{domain}/{num}",
                "non hai ancora completato il test; il link scade tra 48 ore.",
                "in allegato trovi il caso di studio da inviarci entro il {date}.",
                "ti invitiamo alla giornata di assessment del {date}.",
            ],
        ),
        "offer": (
            ["Proposta di assunzione", "La tua offerta da {company}", "Congratulazioni!"],
            [
                "siamo felici di offrirti il ruolo di {role}. In allegato la lettera di offerta.",
                "come detto al telefono, vorremmo tanto averti nel team! L'offerta scritta "
                "arriva domani.",
                "ti offriamo un posto nel {programme}. Conferma entro il {date}.",
            ],
        ),
        "recruiter_outreach": (
            ["Opportunità come {role}", "Una domanda veloce", "Aperto/a a nuove opportunità?"],
            [
                "sono un head hunter e ho visto il tuo profilo. Un mio cliente a {city} cerca "
                "un/a {role}. Ne parliamo?",
                "stiamo ampliando il team di {company} e ho pensato a te. Un caffè questa "
                "settimana?",
            ],
        ),
        "unrelated": (
            [
                "La tua richiesta di prestito",
                "Richiesta di intervista per il giornale",
                "Mi faresti da referenza?",
                "Il tuo ordine",
                "Domanda di affitto",
            ],
            [
                "purtroppo non possiamo approvare la tua richiesta di prestito.",
                "sono giornalista e vorrei intervistarti per un articolo su {city}.",
                "mi hanno chiesto una referenza per un lavoro. Ti andrebbe?",
                "abbiamo ricevuto il tuo ordine e lo spediremo domani.",
                "il proprietario ha scelto un altro inquilino per l'appartamento.",
            ],
        ),
    },
    "nl": {
        "rejection": (
            [
                "Je sollicitatie bij {company}",
                "Terugkoppeling sollicitatie",
                "{role} - uitslag",
                "Vacature {ref}",
                "Re: Feedback op mijn gesprek",
                "Status van je sollicitatie",
            ],
            [
                "we hebben gekozen voor [[een andere kandidaat|iemand anders|een kandidaat met "
                "meer ervaring]].",
                "helaas gaan we [[niet verder met je sollicitatie|je geen aanbod doen|het "
                "proces niet met je voortzetten]].",
                "de vacature voor {role} is inmiddels ingevuld.",
                "je bent niet door naar de volgende ronde.",
                "Status: [[Afgewezen|Niet geselecteerd|Gesloten]]",
                "we kunnen je geen plek aanbieden in het {programme}; alle plekken zijn vergeven.",
                "bedankt voor je vraag. Zoals gezegd hebben we voor iemand anders gekozen; "
                "de doorslag gaf [[de ervaring met klanten|de Duitse taal|de "
                "beschikbaarheid]].",
                "de vacature is [[ingetrokken|on hold gezet]], dus we sluiten alle sollicitaties.",
                "je profiel past op dit moment niet bij wat we zoeken.",
            ],
        ),
        "application_received": (
            [
                "Sollicitatie ontvangen",
                "Bevestiging van je sollicitatie",
                "Sollicitatie {role}",
                "Bedankt voor je sollicitatie",
            ],
            [
                "we hebben je sollicitatie voor {role} ontvangen. We laten [[snel|binnen twee "
                "weken]] van ons horen.",
                "je sollicitatie (ref. {ref}) wordt bekeken door het team.",
                "Status: In behandeling\nJe krijgt bericht zodra er iets verandert.",
                "Als je binnen vier weken niets hoort, ben je helaas niet geselecteerd.",
            ],
        ),
        "interview": (
            [
                "Uitnodiging voor een gesprek",
                "Gesprek bij {company}",
                "Tweede ronde",
                "Nieuwe link voor het gesprek",
                "Herinnering: gesprek morgen",
            ],
            [
                "we willen je graag uitnodigen voor een [[videogesprek|gesprek op "
                "kantoor|telefonisch gesprek]]. Past {day} om {time}?",
                "je bent door naar de tweede ronde! Dit keer spreek je {interviewer}.",
                "de link voor het videogesprek is gewijzigd: https://meet.{domain}/{num}. De "
                "tijd blijft hetzelfde.",
                "even een herinnering aan ons gesprek [[morgen|op {day}]] om {time}. Agenda: "
                "kennismaking, casus, jouw vragen.",
                "kunnen we het gesprek verzetten naar {day}? Ik stuur een nieuwe uitnodiging.",
            ],
        ),
        "assessment": (
            [
                "Online test - {role}",
                "Herinnering: je test verloopt",
                "Casus",
                "Uitnodiging assessment",
            ],
            [
                "de volgende stap is een online test van ongeveer {minutes} minuten: "
                "https://test.{domain}/{num}",
                "je hebt de test nog niet afgerond; de link verloopt over 48 uur.",
                "in de bijlage vind je de casus; stuur je uitwerking vóór {date}.",
                "we nodigen je uit voor het assessment op {date}.",
            ],
        ),
        "offer": (
            ["Aanbod voor {role}", "Je arbeidsvoorwaardenvoorstel", "Gefeliciteerd!"],
            [
                "we bieden je met plezier de functie van {role} aan. Het voorstel zit in de "
                "bijlage.",
                "zoals telefonisch besproken: we willen je graag in het team! Het schriftelijke "
                "aanbod volgt morgen.",
                "we bieden je een plek aan in het {programme}. Bevestig je vóór {date}?",
            ],
        ),
        "recruiter_outreach": (
            ["Kans als {role}", "Korte vraag", "Open voor iets nieuws?"],
            [
                "ik ben recruiter en zag je profiel. Een klant in {city} zoekt een {role}. "
                "Zullen we even bellen?",
                "we breiden het team van {company} uit en ik dacht aan jou. Koffie deze week?",
            ],
        ),
        "unrelated": (
            [
                "Je leningaanvraag",
                "Interviewverzoek voor onze krant",
                "Wil je mijn referentie zijn?",
                "Je bestelling",
                "Huuraanvraag",
            ],
            [
                "helaas kunnen we je leningaanvraag op dit moment niet goedkeuren.",
                "ik ben journalist en wil je graag interviewen voor een artikel over {city}.",
                "ik solliciteer ergens en ze vragen een referentie. Wil jij dat doen?",
                "we hebben je bestelling ontvangen en versturen hem morgen.",
                "de verhuurder heeft voor een andere huurder gekozen.",
            ],
        ),
    },
    "pt": {
        "rejection": (
            [
                "A sua candidatura na {company}",
                "Resultado do processo",
                "{role} - atualização",
                "Vaga {ref}",
                "Re: Feedback da entrevista",
                "Estado da candidatura",
            ],
            [
                "escolhemos [[outro candidato|outra pessoa|um perfil mais experiente]] para a "
                "vaga.",
                "infelizmente não vamos [[avançar com a sua candidatura|oferecer-lhe a "
                "vaga|continuar o processo consigo]].",
                "a vaga de {role} já foi preenchida.",
                "não passou para a fase seguinte do processo.",
                "Estado: [[Não selecionado|Recusada|Encerrada]]",
                "não podemos oferecer-lhe um lugar no {programme}; as vagas estão preenchidas.",
                "obrigado pela pergunta. Como referi, escolhemos outra pessoa; o que pesou foi "
                "[[a experiência com clientes|o nível de inglês|a disponibilidade]].",
                "o recrutamento para esta função foi [[suspenso|cancelado]], por isso "
                "encerramos todas as candidaturas.",
                "o seu perfil não corresponde ao que procuramos neste momento.",
                "decidimos seguir com outros candidatos cujo perfil está mais alinhado com a vaga.",
            ],
        ),
        "application_received": (
            [
                "Candidatura recebida",
                "Confirmação de receção",
                "Candidatura {role}",
                "Obrigado pela sua candidatura",
            ],
            [
                "recebemos a sua candidatura para {role}. Vamos analisá-la e daremos notícias "
                "[[em breve|dentro de duas semanas]].",
                "a sua candidatura (ref. {ref}) está em análise pela equipa.",
                "Estado: Em análise\nReceberá uma atualização quando houver novidades.",
                "Se não receber notícias nossas em quatro semanas, considere que a sua candidatura não foi selecionada.",
            ],
        ),
        "interview": (
            [
                "Convite para entrevista",
                "Entrevista na {company}",
                "Segunda fase",
                "Novo link para a entrevista",
                "Lembrete: entrevista amanhã",
            ],
            [
                "gostaríamos de o/a convidar para uma entrevista [[por videochamada|nos "
                "nossos escritórios|por telefone]]. Pode {day} às {time}?",
                "passou para a segunda entrevista! Desta vez vai falar com {interviewer}.",
                "o link da videochamada mudou: https://meet.{domain}/{num}. O horário mantém-se.",
                "lembramos a entrevista de [[amanhã|{day}]] às {time}. Agenda: apresentação, "
                "caso prático e perguntas.",
                "podemos mudar a entrevista para {day}? Envio um novo convite.",
            ],
        ),
        "assessment": (
            [
                "Teste online - {role}",
                "Lembrete: o seu teste expira",
                "Estudo de caso",
                "Convite para assessment",
            ],
            [
                "o próximo passo é um teste online de cerca de {minutes} minutos: "
                "https://test.{domain}/{num}",
                "ainda não concluiu o teste; o link expira em 48 horas.",
                "em anexo segue o estudo de caso; envie a sua proposta até {date}.",
                "convidamo-lo/a para o dia de avaliação a {date}.",
            ],
        ),
        "offer": (
            ["Proposta de emprego", "A sua proposta da {company}", "Parabéns!"],
            [
                "temos o prazer de lhe oferecer a função de {role}. Segue a proposta em anexo.",
                "como falámos ao telefone, queremos muito tê-lo/a na equipa! A proposta "
                "escrita segue amanhã.",
                "oferecemos-lhe um lugar no {programme}. Confirme até {date}.",
            ],
        ),
        "recruiter_outreach": (
            ["Oportunidade como {role}", "Uma pergunta rápida", "Aberto/a a novos desafios?"],
            [
                "sou recrutadora e vi o seu perfil. Um cliente em {city} procura um/a {role}. "
                "Podemos falar?",
                "estamos a crescer a equipa da {company} e lembrei-me de si. Um café esta semana?",
            ],
        ),
        "unrelated": (
            [
                "O seu pedido de crédito",
                "Pedido de entrevista para o jornal",
                "Podes ser a minha referência?",
                "A sua encomenda",
                "Candidatura ao arrendamento",
            ],
            [
                "infelizmente não podemos aprovar o seu pedido de crédito neste momento.",
                "sou jornalista e gostaria de o/a entrevistar para uma reportagem sobre {city}.",
                "pediram-me uma referência para um emprego. Importas-te?",
                "recebemos a sua encomenda e será enviada amanhã.",
                "o senhorio escolheu outro inquilino para o apartamento.",
            ],
        ),
    },
}
