"""English rejections of every kind, for the broad corpus: plain, warm, inside a feedback reply,
public-sector and programme outcomes, applicant-tracking status notices, closed roles.

Each kind is (subjects, decisive paragraphs). The paragraphs say the no in many registers, most
of them without the stock phrases ("unfortunately", "regret", "not moving forward") that a
model would otherwise learn as the only way to say it.
"""

from __future__ import annotations

Kind = tuple[list[str], list[str]]

PLAIN: Kind = (
    [
        "{role}",
        "Your application",
        "About the {role} job",
        "{company}",
        "Quick update",
        "Re: {role} application",
        "News on {role}",
        "Our decision",
        "{role} - decision",
    ],
    [
        "We've [[made our choice|picked someone|made a hire]] for the {role} job, and it isn't "
        "you this time. [[I'm sorry.|Sorry to be the bearer of this.|]]",
        "The [[panel|team|hiring manager]] chose [[someone else|another person|a different "
        "applicant]] for the {role} [[job|post|position]].",
        "You didn't get through to the [[next stage|interview stage|shortlist|second round]] "
        "for {role}.",
        "We [[gave|offered]] the [[job|post]] to [[someone with more hands-on experience of "
        "{sector_thing}|a person who has done this exact job before|an applicant from our "
        "temp pool]].",
        "I'm sorry, but we [[won't|will not]] be [[taking things further|inviting you in|asking "
        "you to the next step|going ahead]] with your application for {role}.",
        "Your application for {role} didn't make it through the first review.",
        "We have hired for this [[position|role]] [[now|already|this week]], so the process is "
        "[[over|finished|complete]] for the other applicants.",
        "We've [[decided|settled]] on [[another|a different]] [[finalist|applicant|person]] "
        "[[for the role|after the last round]]. It was close, and I wanted you to hear it "
        "from me.",
        "This time the answer is no. [[We had more than 300 applicants for one post.|The "
        "shortlist was very small.|]]",
        "You [[were not|weren't]] [[picked|chosen|shortlisted]] for [[interview|the next "
        "round|the assessment day]].",
        "We're [[not going to|not able to]] offer you the {role} [[job|position]].",
        "We [[went|have gone]] [[another way|in another direction]] with the {role} hire.",
        "The role went to [[an internal applicant|a colleague already on the team|someone who "
        "interned with us]].",
        "After the second interview we [[concluded|decided]] that [[another candidate|someone "
        "else]] [[was|would be]] the better match, so we [[won't|will not]] be making you an "
        "offer.",
        "Your [[profile|experience]] doesn't [[match|line up with]] what this team needs right "
        "now, so we'll stop here [[for this role|for now]].",
        "We [[won't|will not]] be [[progressing|advancing|continuing with]] your candidacy.",
        "We've [[closed|ended]] your application for {role}; the hiring manager [[has selected "
        "another applicant|went with a candidate with more {sector_thing}]].",
        "I'm afraid it's [[not good news|not the outcome you hoped for|a no]] on {role}: "
        "[[we offered it to someone else|another candidate accepted our offer yesterday]].",
    ],
)

WARM: Kind = (
    [
        "Thank you, {first}",
        "A note about {role}",
        "Following our conversation",
        "Thank you for your time with us",
        "{role}: thank you",
        "Personal note from {rfirst}",
    ],
    [
        "I really hoped to be writing with different news. [[You were one of our last two "
        "people for the role,|The decision came down to the wire,|Everyone on the panel "
        "liked you,]] but we [[chose|went with]] someone whose background is closer to "
        "[[what the team needs this year|the day-to-day of the job]].",
        "I wanted to call, but I didn't want you waiting any longer: we've [[offered|given]] "
        "the role to [[another finalist|a different candidate]]. [[Please don't read this as "
        "a judgement on you.|It says nothing about your worth.|]] [[I'd genuinely like to stay "
        "in touch.|If you'd like to talk it through, I'm happy to.]]",
        "Thank you for [[everything you put into the process|the care you took over the "
        "presentation|coming in twice]]. We won't be [[offering you the position|moving to an "
        "offer]], [[but|and]] I'd [[love|be glad]] to see you apply again [[when we open the "
        "next role|in the spring|for the senior role later this year]].",
        "This is a hard one to write. [[The team enjoyed meeting you.|You made a real "
        "impression.]] In the end [[the hiring manager picked another person|we needed more "
        "experience with {sector_thing}]], so this role won't be yours, but I hope our paths "
        "cross again.",
        "You did well, and it was close. [[We've still decided to|We have chosen to]] go "
        "with another candidate [[this time|for this opening]]. I'll keep your name on my list "
        "[[for the next opening|for similar roles]].",
    ],
)

FEEDBACK_REPLY: Kind = (
    [
        "Re: Feedback on my interview",
        "Re: Request for feedback - {role}",
        "Re: Could you share some feedback?",
        "RE: {role} - feedback",
        "Re: Following up",
    ],
    [
        "Thanks for asking, and sorry for the slow reply. [[As I mentioned on the phone,|As "
        "you know,|]] we [[chose|went with]] [[another candidate|someone else]] for the role. "
        "The panel's main point was {reason}. [[I hope that helps.|I hope it's useful for "
        "the next one.|]]",
        "Happy to share what I can. We won't be taking your application further, and the "
        "deciding factor was {reason}. [[Nothing in the process worried us otherwise.|You came "
        "across very well in other respects.|]]",
        "Of course. [[Our decision stands,|The decision is final,|]] but I can tell you the "
        "team felt {reason}. [[Good luck with the search.|Best of luck.|]]",
        "Thank you for the kind note. The honest answer is that {reason}, and that is why we "
        "[[didn't make you an offer|didn't take you to the final round|offered the role to "
        "someone else]].",
    ],
)

PUBLIC_SECTOR: Kind = (
    [
        "Outcome of your application - {ref}",
        "{company}: sift outcome",
        "Vacancy {ref} - result",
        "Your application for {role} ({ref})",
        "Application outcome",
        "Recruitment campaign {ref}",
    ],
    [
        "Thank you for applying for {role} ({ref}). [[The sift panel has now assessed all "
        "applications.|Applications were scored against the essential criteria.]] "
        "[[Your application did not reach the pass mark|You did not meet the required "
        "standard|Your score was below the level needed]] [[at the sift stage|for "
        "interview]], so [[you will not be invited to the next stage|we are unable to "
        "progress your application]].",
        "[[Following the interview|After the assessment centre]] for {role}, the board "
        "[[found you appointable, but you were not ranked high enough to be offered a post|"
        "did not recommend you for appointment]]. [[You have been placed on the reserve list "
        "for twelve months; if a post comes up we will contact you in merit order.|You may "
        "apply for future campaigns.]]",
        "We received [[a very high number of|over 900]] applications for this campaign. "
        "[[On this occasion|This time]] your application has not been shortlisted. Scores "
        "[[can be viewed|are available]] in your account on the recruitment portal.",
        "Your application for the post of {role} was considered by the shortlisting panel, "
        "who did not select it for interview. [[Feedback is not available at this "
        "stage.|You may request feedback within 14 days.|]]",
    ],
)

PROGRAMME: Kind = (
    [
        "{programme} - application outcome",
        "Your {programme} application",
        "{company} {programme}",
        "Update on the {programme}",
        "Early careers at {company}",
    ],
    [
        "Thank you for applying to the {programme}. Competition for places was [[very "
        "high|stronger than ever]] this year and [[we are unable to offer you a place|we "
        "cannot offer you a place]] on the programme.",
        "[[After the video interview stage|Following the assessment day|After reviewing "
        "your online application]], [[you have not been selected|we won't be offering you a "
        "place]] for the {programme}. [[We received more than 4,000 applications for 60 "
        "places.|]]",
        "The {programme} is now [[full|closed]], and your application [[will not go any "
        "further|has not progressed]]. [[You're welcome to apply again next year.|Our "
        "spring insight events open in January.|]]",
        "We've [[filled|allocated]] all places on the {programme} [[for {year}|this cycle]]. "
        "Your application was not among those [[chosen|offered a place]].",
    ],
)

ATS_STATUS: Kind = (
    [
        "Application status update",
        "Your application status has changed",
        "Status change: {role} ({ref})",
        "{company} - application update for {role}",
        "Candidate status notification",
        "Update on requisition {ref}",
    ],
    [
        "Position: {role}\nRequisition: {ref}\nStatus: [[Not selected|Closed - not "
        "progressing|Rejected|No longer under consideration|Position filled|Declined by "
        "employer]]\n\n[[Log in to your candidate account to see other openings.|This "
        "is an automated notification.]]",
        "The status of your application for {role} has changed to "
        '"[[Not selected|Unsuccessful|Closed|Not progressing|Archived - position '
        'filled]]". [[No action is needed from you.|You can withdraw or update your profile at '
        "any time.]]",
        "We've updated your application for {role}: [[the hiring team has decided not to "
        "proceed|the requisition was closed before interviews|another applicant was "
        "hired]]. Your candidate profile stays active for other jobs.",
        "Your application ({ref}) has been reviewed. Result: [[not shortlisted|not suitable "
        "for this vacancy|unsuccessful]]. [[Do not reply to this message.|]]",
    ],
)

CLOSED_ROLE: Kind = (
    [
        "{role} - position update",
        "Change to the {role} vacancy",
        "About the {role} opening",
        "Hiring update from {company}",
    ],
    [
        "[[Because of a change in budget|After a restructure in the {team} team|Because the "
        "project was cancelled]], [[we have closed|we are withdrawing]] the {role} vacancy "
        "[[and won't be hiring for it this year|and will not be filling it]]. "
        "[[Every application, including yours, has been closed.|We're sorry to end the "
        "process this way.]]",
        "The {role} [[role|post]] has been put on hold [[indefinitely|until further notice]], "
        "so we are stopping the process for all candidates, yours included.",
        "We've [[frozen|paused]] hiring for {role}, and your application will not go "
        "forward. If the role reopens, you'd need to apply again.",
    ],
)

AFTER_STAGE: Kind = (
    [
        "Your {role} assessment",
        "Results of the technical exercise",
        "After your interview",
        "Next steps for {role}",
        "Re: Second interview",
    ],
    [
        "Thank you for completing the [[coding exercise|case study|written task|online "
        "test|trial shift]]. [[The reviewers|The team]] looked at it closely and "
        "[[we won't be moving you to the next round|it didn't meet the bar we set for this "
        "level|we've decided not to invite you to the final stage]].",
        "Thanks for coming in for the [[second|final|on-site|panel]] interview. We've "
        "[[talked it over|reviewed everyone's notes]] and [[won't be offering you the "
        "job|have chosen another candidate]].",
        "Your test results were [[below the threshold for this role|not at the level we "
        "need]], so your application [[ends here|won't continue]]. [[You can reapply after "
        "six months.|]]",
    ],
)

KINDS: list[tuple[float, Kind]] = [
    (0.24, PLAIN), (0.12, WARM), (0.1, FEEDBACK_REPLY), (0.1, PUBLIC_SECTOR),
    (0.1, PROGRAMME), (0.14, ATS_STATUS), (0.08, CLOSED_ROLE), (0.12, AFTER_STAGE),
]  # fmt: skip

REASONS = [
    "that another finalist had run a team of this size before",
    "that your answers on stakeholder management stayed quite general",
    "that the other candidate had more hands-on {sector_thing}",
    "that the salary you mentioned was above the band for this post",
    "that the role needs someone who can start within two weeks",
    "that your technical exercise had a few gaps in testing",
    "that we needed deeper experience in the regulated side of the work",
    "that the presentation ran long and the key numbers got lost",
    "that the team wanted someone more senior",
]  # fmt: skip

SECTOR_THINGS = [
    "hospital work", "enterprise sales", "payroll systems", "large warehouses", "public "
    "procurement", "mobile apps", "audit work", "site safety", "paediatric care", "retail "
    "rostering", "grant reporting", "cloud migrations",
]  # fmt: skip
