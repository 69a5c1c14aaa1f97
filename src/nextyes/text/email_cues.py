"""Phrases that carry a general truth about job email, used beside the statistical model.

A rejection says no about the reader's own application: it is "not moving forward", "another
candidate", "unsuccessful", "position filled", and the same in Spanish, French and German.
Email without any such phrase is not read as a rejection, whatever its other words.
"""

from __future__ import annotations

import re

_REJECTION = re.compile(
    r"|".join(
        [
            # English
            r"\bnot (?:to )?(?:be )?(?:mov|progress|proceed|pursu|continu|advanc|tak|go)\w*"
            r" (?:forward|ahead|further|with|to the next)",
            r"\b(?:won'?t|will not|cannot|can'?t|can ?not|unable to|are not able to|aren'?t able to"
            r"|not able to|decided not to|chosen not to|not in a position to)"
            r" (?:be )?(?:mov|progress|proceed|pursu|continu|advanc|tak|offer|extend|invit"
            r"|consider|select|shortlist|hire|go|be going)\w*",
            r"\b(?:other|another|different|stronger|more (?:suitable|qualified|experienced))"
            r" (?:candidates?|applicants?|finalists?|direction|profile)",
            r"\b(?:someone|somebody|candidates?|applicants?)"
            r" (?:else|whose|who (?:more|better|clos))",
            r"\bunsuccessful\b",
            r"\bnot (?:been )?(?:successful|selected|shortlisted|chosen|progressed|taken forward)",
            r"\bregret(?:fully|tably)?\b",
            r"\bunfortunately\b",
            r"\bdecided to (?:go|move|proceed|pursue|continue|progress|offer|extend) (?:with|in|"
            r"forward with|ahead with)? ?(?:an?other|other|a different|different|the role to)",
            r"\b(?:position|role|vacancy|job|requisition|opening)(?: has| was| is)?"
            r" (?:now |already )?(?:been )?"
            r"(?:filled|closed|cancell?ed|put on hold|withdrawn|no longer)",
            r"\bno longer (?:recruiting|hiring|available|consider|mov|proceed|open)",
            r"\bnot (?:the news|what) you (?:were )?hop",
            r"\bnot (?:a|the) (?:right |best )?(?:fit|match)",
            r"\bnot (?:to )?(?:move|moving) (?:you )?forward",
            r"\bwish (?:you )?(?:the )?(?:best|well|every success|luck) (?:in|with|for)"
            r" (?:your|the) (?:job )?(?:search|future|career|endeavou?rs)",
            # English, said plainly: who got the job, what did not happen, a portal's status
            r"\b(?:chose|chosen|picked|selected|settled on|decided on|gone with|went with|went for"
            r"|going with|hired|appointed|made a hire|accepted)\b.{0,40}?\b(?:someone|somebody"
            r"|another|a different|other (?:candidates?|applicants?|people|person|finalists?))",
            r"\b(?:gave|given|offered|giving|offering) (?:the )?(?:job|post|role|position|place"
            r"|it) to\b",
            r"\bmade (?:the|a|our) (?:hire|appointment|choice)\b|\boffered elsewhere\b"
            r"|\bisn'?t you this time|\bit'?s a no\b|\banswer is no\b|\bwon'?t be yours\b",
            r"\b(?:didn'?t|did not|doesn'?t|does not|wasn'?t|was not|were not|weren'?t)"
            r" (?:make it|get through|meet|reach|pass|progress|match|line up|make the)",
            r"\bnot (?:ranked|appointable|recommended|shortlisted|among|offered|picked"
            r"|suitable|progressing|chosen|invited)\b",
            r"\bbelow the (?:threshold|pass mark|level|standard|bar)",
            r"\b(?:unable|not able|cannot|can'?t|won'?t be able) to offer you",
            r"\bstatus:? \W{0,3}(?:not selected|unsuccessful|rejected|closed|declined|archived"
            r"|not progressing|no longer)",
            r"\b(?:went|gone|go|going) (?:another|a different|in another|in a different)"
            r" (?:way|direction)",
            r"\b(?:closed|ended|withdrawing|withdrawn|frozen|paused|stopping|stop)\b.{0,30}?"
            r"\b(?:your application|the vacancy|the process|hiring|the requisition|the role)",
            r"\bprogramme is (?:now )?(?:full|closed)|\bwe'?ll stop here\b|\bends here\b",
            r"\b(?:won'?t|will not) (?:continue|go any further|be taking|be inviting|be asking"
            r"|be making)",
            r"\bdidn'?t (?:meet|reach) the (?:bar|standard|level)",
            r"\bnot the (?:outcome|news) you",
            r"\b(?:changed|updated|set|moved) to:? \W{0,2}(?:not selected|unsuccessful|closed"
            r"|rejected|declined|not progressing|archived)",
            r"\baren'?t (?:quite )?what (?:this|the) (?:role|team|position)|\bfull shortlist"
            r"|\b(?:went|go|gone|goes) to (?:an internal|a colleague|someone|another)",
            # Spanish
            r"\blamenta(?:mos|blemente)\b",
            r"\b(?:elegido|escogido|seleccionado) a otr|\bno vamos a (?:seguir|ofrecer|continuar"
            r"|avanzar)|\b(?:ya )?est[aá] cubiert|\bno has pasado|\bdescartad|\bno seleccionad"
            r"|\bno podemos ofrecer|\bno encaja|\belegimos a otr|\bcerramos (?:todas|tu|su)",
            # Italian
            r"\bpurtroppo\b|\bscelto (?:un altro|un'altra|un profilo|altri)|\bnon potremo"
            r"|\b(?:stata|è) (?:ormai )?coperta|\bnon sei stat[oa]|\bnon selezionat|\brespint"
            r"|\bnon possiamo offrir|\bnon corrisponde|\besito\b.{0,20}\bnegativo"
            r"|\bnon (?:sei )?rientrat|\baltri candidati|\bchiudiamo (?:tutte|la tua)",
            # Dutch
            r"\bhelaas\b|\bgekozen voor (?:een andere|iemand anders)|\bniet verder\b"
            r"|\bingevuld\b|\bniet door naar|\bafgewezen\b|\bniet geselecteerd|\bgeen plek"
            r"|\bpast\b.{0,25}\bniet\b|\bgeen aanbod|\bandere kandida|\biemand anders|\bsluiten (?:alle|je)",
            # Portuguese
            r"\binfelizmente\b|\bescolhemos outr|\bnão (?:vamos|passou|podemos oferecer"
            r"|corresponde|foi selecionad)|\bpreenchid|\bnão selecionad|\brecusad"
            r"|\bseguir com outros candidatos|\boutros candidatos|\bencerramos (?:todas|a sua)",
            r"\bno (?:ha sido|has sido|hemos podido|podemos|avanzar|continuar|seguir)",
            r"\botros? candidat",
            r"\bpuesto (?:ya )?(?:ha sido )?cubierto",
            # French
            r"\bmalheureusement\b",
            r"\bretenu (?:un|une) autre|\bne pourrons pas|\bpas été (?:sélectionné|retenu)"
            r"|\bnon retenu|\brefusée?\b|\bpas en mesure de vous proposer|\bchoisi une autre",
            r"\bregrett?(?:ons|e)\b",
            r"\bne (?:pas|pouvons pas|sera pas|pourrons pas)\b",
            r"\bn'a pas été retenue?",
            r"\bautres? (?:candidat|profil)",
            r"\bpas (?:donner )?(?:une )?suite favorable",
            r"\bpourvu\b",
            # German
            r"\bleider\b",
            r"\bnicht (?:weiter )?(?:berücksichtig|weiterverfolg|in die engere)",
            r"\b(?:absage|anderen? (?:kandidat|bewerber))",
            r"\bbereits besetzt|\binzwischen besetzt",
            r"\bfür (?:eine|einen) (?:andere|anderen)|\bnicht (?:anbieten|in die nächste)"
            r"|\bkeine zusage|\b(?:inzwischen|bereits) vergeben|\bnicht weiter|\babgelehnt"
            r"|\bkeinen platz|\bnicht berücksichtigt|\bjemand anderen",
        ]
    ),
)

_DECISION_NO = re.compile(
    r"|".join(
        [
            r"\bnot (?:been |be )?(?:selected|shortlisted|chosen|successful|progressed)",
            r"\b(?:weren'?t|wasn'?t|were not|was not|haven'?t been|has not been|have not been)"
            r" (?:selected|shortlisted|chosen|successful|progressed)",
            r"\b(?:won'?t|will not|aren'?t able to|are not able to|unable to|cannot|can'?t"
            r"|not (?:be )?able to|not going to|decided not to|chosen not to|do not|don'?t|did not"
            r"|didn'?t|will no longer|are no longer|is no longer)"
            r" (?:be )?(?:(?:able to|in a position to) )?(?:mov|progress|proceed|tak|extend|offer"
            r"|schedul|invit|advanc|continu|consider|pursu|select|shortlist|choose|feel|see"
            r"|align|match)",
            r"\b(?:have|has|had|'ve) (?:now |already |recently |just )?(?:filled|closed"
            r"|cancell?ed)\b",
            r"\b(?:was|been|is|were|are) (?:now |already |recently |just )?(?:filled|closed"
            r"|cancell?ed|put on hold)\b",
            r"\bno longer (?:processing|considering|recruiting|hiring|under consideration|moving)",
            r"\b(?:other|another|different) (?:candidates?|applicants?|finalists?|profiles?"
            r"|direction)",
            r"\b(?:going|gone|went|go|proceed\w*|move\w*) (?:ahead |forward )?with (?:someone"
            r"|somebody|an?other|other)",
            r"\b(?:pass|passing) on (?:your|this|you)\b|\bhave to pass\b",
            r"\b(?:mov|go|proceed)\w* (?:forward |ahead )?with others\b",
            r"\bno longer (?:being )?consider|\b(?:recently|already|just|now) filled\b",
            r"\bnot (?:seeing|finding|see|find) (?:an? )?(?:\w+ )?(?:alignment|match|fit)\b",
            r"\b(?:extended|extend|made|make) an offer (?:out )?to (?:a|another|an external|one)"
            r" (?:candidate|applicant|finalist)",
            r"\bcandidate (?:has |have )?accept\w* (?:an?|our|the) offer",
            r"\bunsuccessful\b|\bregret to\b|\bhas been declined\b|\bnot selected\b",
            r"\b(?:will not|won'?t) be (?:hiring|recruiting|filling)\b|\bdecided to close\b",
            r"\b(?:offered|given) (?:the (?:role|position|job) )?to (?:someone|somebody|an?other"
            r"|a different)",
            r"\b(?:candidates?|applicants?) (?:with a different|whose (?:experience|qualifications"
            r"|background|skills|profiles?))",
            r"\b(?:not|isn'?t|wasn'?t|aren'?t) (?:a |the )?(?:good |close |strong |right )?"
            r"(?:enough )?(?:match|fit|alignment)\b",
            r"\blamentablemente|\blamentamos\b|\bno ha sido seleccionad|\botros candidatos",
            r"\bmalheureusement\b|\bn'a pas été retenue?|\bpas donner suite|\bsuite favorable"
            r"|\bautre (?:candidat|profil)",
            r"\bleider\b.{0,80}\b(?:nicht|keine|anderen|entschieden|besetzt|gestrichen)"
            r"|\babsage\b",
        ]
    ),
)
_NEGATION = (
    r"(?:not|n't|no longer|unable|cannot|never|nicht|kein\w*|pas|ne|no|non|niet|geen|não|nao)"
)
_DECISION = (
    r"(?:select|chos|choos|chose|progress|proceed|continu|mov|advanc|offer|invit|shortlist"
    r"|consider|success|forward|further|hire|hiring|appoint|pursu|recommend|through|get the"
    r"|berücksichtig|weiter|anbiet|einlad|ausgewählt|eingeladen|zusag|retenu|suite|poursuiv"
    r"|sélectionn|propos|seleccion|avanz|segu|ofrec|pasado|selezion|prosegu|offr|scelt"
    r"|verder|geselecteerd|uitnodig|nodig|aanbod|door|avanç|selecion|ofere|passou|escolhid)"
)
_NEGATED_DECISION = re.compile(
    r"(?:\b" + _NEGATION + r"|n't)\b(?:\W+\w+){0,4}?\W+" + _DECISION + r"\w*"
)
"""A negation a few words before a decision verb, in any of the seven languages."""
_PATTERNS = (_REJECTION, _DECISION_NO, _NEGATED_DECISION)
_CONDITIONAL_CLAUSE = re.compile(
    r"\b(?:if|should|unless|whether|in case|in the event|when|si(?!\s+(?:è|e|sono|era)\b)|falls"
    r"|wenn)\b[^.,;:!?\n]*"
)
_CONDITIONAL_WORD = re.compile(
    r"\b(?:if|should|unless|whether|in case|in the event|when|si(?!\s+(?:è|e|sono|era)\b)"
    r"|falls|wenn)\b"
)
_CLAUSE_ENDS = ".,;:!?\n"


def decisive_text(subject: str, body: str) -> str:
    """Subject and body start, in lower case, with conditional clauses removed.

    "If you are not selected, we will keep your CV" promises something about a decision that
    has not been made; only what is stated outright counts as a decision.
    """
    return _CONDITIONAL_CLAUSE.sub(" ", _lowered(subject, body))


def _lowered(subject: str, body: str) -> str:
    return (subject + "\n" + body[:3000]).lower().replace("\u2019", "'")


def _stated(text: str, start: int) -> bool:
    """Whether the phrase at `start` is stated outright, not inside a conditional clause."""
    clause_start = max(text.rfind(mark, 0, start) for mark in _CLAUSE_ENDS) + 1
    return _CONDITIONAL_WORD.search(text, clause_start, start) is None


def has_rejection_language(subject: str, body: str) -> bool:
    """Whether the text says no (to the reader's application) anywhere in its first pages.

    Phrases inside a conditional clause do not count (the same reading as `decisive_text`,
    checked only where a phrase is found, which is much quicker than rewriting the text).
    """
    text = _lowered(subject, body)
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if _stated(text, match.start()):
                return True
    return False
