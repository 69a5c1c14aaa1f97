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
            # Spanish
            r"\blamenta(?:mos|blemente)\b",
            r"\bno (?:ha sido|has sido|hemos podido|podemos|avanzar|continuar|seguir)",
            r"\botros? candidat",
            r"\bpuesto (?:ya )?(?:ha sido )?cubierto",
            # French
            r"\bmalheureusement\b",
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
        ]
    ),
    re.IGNORECASE,
)


def has_rejection_language(subject: str, body: str) -> bool:
    """Whether the text says no (to the reader's application) anywhere in its first pages."""
    return _REJECTION.search(subject) is not None or _REJECTION.search(body[:6000]) is not None
