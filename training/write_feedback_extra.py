"""Write the generated part of the feedback corpus: training/feedback/generated_*.jsonl.

    python training/write_feedback_extra.py

Three gaps of the hand-written files, filled by procedure in the project's own words with a
fixed seed (the same files every run):

- generic "no" letters (many applications, another candidate chosen, good luck): no theme at
  all, because a form letter gives no reason; nextyes shows "no specific reason given";
- comparisons with a real person that name no dimension ("the other finalist had the edge"):
  other_candidate_stronger;
- how things were said, in many everyday wordings: communication.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus.common import expand

OUT = Path(__file__).resolve().parent / "feedback"
SEED = 20261206
FIELDS = ["software", "nursing", "teaching", "finance", "retail", "marketing", "public_sector",
          "logistics", "design", "hospitality", "data", "trades"]  # fmt: skip

GENERIC = [
    "[[Thank you for applying.|Thanks for your interest in the role.|]] [[We received a very "
    "large number of applications|The response to this vacancy was overwhelming|Competition "
    "for this post was strong]] and [[we won't be taking your application further|we have "
    "decided not to progress your application|you have not been shortlisted]]. [[We wish you "
    "every success.|Good luck with your search.|]]",
    "[[Unfortunately|Sadly|I'm sorry to say]] [[you were not successful on this "
    "occasion|we will not be moving forward|your application was unsuccessful]]. [[Due to the "
    "volume of applications we cannot give individual feedback.|We are unable to provide "
    "feedback at this stage.|]]",
    "[[We have decided to proceed with other candidates|We've chosen to move ahead with "
    "other applicants|Another candidate has been selected]] [[at this time|for this "
    "role|on this occasion]]. [[Thank you for your time.|We'll keep your details on "
    "file.|Please do apply for future roles.]]",
    "[[Your application has been reviewed|Our team looked at your application]] and "
    "[[it will not be progressing|we will not be inviting you to interview|we have decided not "
    "to proceed]]. [[This decision is final.|]] [[Best wishes for the future.|All the best.|]]",
    "[[No feedback given, just the standard email.|Form rejection, no reason.|Got the automated "
    "'not this time' email.|Generic no from the portal.]]",
    "[[They didn't say why.|No reason was given.|The email gave no details.|Nothing specific, "
    "just a polite no.]] [[Status changed to unsuccessful.|Application closed.|]]",
]  # fmt: skip

COMPARISONS = [
    "[[It came down to you and one other person|We were split between two finalists|It was "
    "incredibly close between you and another candidate]], and [[in the end the panel went "
    "the other way|the other candidate just had the edge|we chose the other person]]."
    " [[There was nothing you did wrong.|Honestly, it could have gone either way.|]]",
    "[[You were our second choice|You came a very close second|You were the runner-up]]"
    "[[ - the person we hired was marginally stronger overall| and the successful candidate "
    "edged it|; someone else was slightly ahead overall]].",
    "[[The other finalist|Another applicant|The successful candidate]] [[was just a touch "
    "stronger across the board|impressed the panel a little more overall|scored slightly "
    "higher overall]]. [[We'd genuinely like to stay in touch.|Please apply again.|]]",
    "[[Very close call.|Tight decision.|Photo finish, apparently.]] [[Someone else got it by a "
    "small margin.|They picked the other finalist.|Lost out to another strong candidate.]]",
    "[[We interviewed several excellent people|The shortlist was exceptionally strong]] and "
    "[[another candidate was preferred on balance|one candidate stood out slightly more|the "
    "panel ranked another person first]], [[though you were a strong contender|but you "
    "should be proud of how you did]].",
]  # fmt: skip

COMMUNICATION = [
    "[[Your answers were hard to follow|It was difficult to follow your explanations|The "
    "panel struggled to follow your answers]]: [[you went off on tangents|you jumped between "
    "points|the main point got lost]] [[and ran out of time|before answering the "
    "question|in the detail]].",
    "[[Try to be more concise.|Keep answers shorter and get to the point sooner.|Answers were "
    "long-winded.]] [[Several answers went on for five minutes or more.|The interviewers had to "
    "interrupt to move on.|]]",
    "[[You didn't always answer the question that was asked|Some answers drifted from the "
    "question|You sometimes answered a different question]], [[which made it hard to judge "
    "your thinking|so the panel wasn't sure of your view|and it felt like you weren't "
    "listening]].",
    "[[You used a lot of jargon|The explanation was full of acronyms|It was too technical for "
    "a mixed audience]] [[and the non-specialists on the panel lost track|when a plain "
    "summary was needed|for the stakeholders in the room]].",
    "[[You spoke very quickly|The pace was rushed|You talked over the interviewer a few "
    "times]], [[so some points didn't land|and it came across as not listening|which made "
    "the conversation hard to follow]].",
    "[[Your written report lacked structure|The email exercise was unclear|The summary you "
    "wrote was hard to read]]; [[we need someone who writes plainly for clients|clear "
    "writing is a big part of the job|the key message was buried]].",
    "[[Be clearer when you explain your reasoning.|Explain your reasoning step by step.|"
    "Structure your answers: point first, then detail.]] [[That was the main thing holding "
    "you back.|It's the main thing to work on.|]]",
    "[[Communication was the weak spot|The feedback was mostly about communication|They said "
    "I needed to communicate more clearly]] [[- rambled on the project question|, especially "
    "when explaining the data|; I lost the thread a few times]].",
]  # fmt: skip

VOICES = {
    "generated_generic_no.jsonl": ["hr_wording"] * 4 + ["candidate_notes"] * 2,
    "generated_comparisons.jsonl": ["interviewer_quote", "recruiter_paraphrase",
                                    "hr_wording", "candidate_notes", "hr_wording"],
    "generated_communication.jsonl": ["interviewer_quote", "recruiter_paraphrase",
                                      "interviewer_quote", "hr_wording", "recruiter_paraphrase",
                                      "hr_wording", "interviewer_quote", "candidate_notes"],
}  # fmt: skip
PLANS = [
    ("generated_generic_no.jsonl", GENERIC, [], 150),
    ("generated_comparisons.jsonl", COMPARISONS, ["other_candidate_stronger"], 110),
    ("generated_communication.jsonl", COMMUNICATION, ["communication"], 130),
]


def main() -> None:
    rng = random.Random(SEED)
    for name, templates, themes, count in PLANS:
        seen: set[str] = set()
        rows = []
        attempts = 0
        while len(rows) < count and attempts < count * 50:
            attempts += 1
            number = rng.randrange(len(templates))
            text = " ".join(expand(templates[number], rng, {}).split())
            if text in seen:
                continue
            seen.add(text)
            voice = VOICES[name][number]
            rows.append({"text": text, "themes": themes, "voice": voice,
                         "field": rng.choice(FIELDS)})  # fmt: skip
        with (OUT / name).open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name:>32} {len(rows):4d}")


if __name__ == "__main__":
    main()
