"""Shared material for the corpus: companies, people, applicant-tracking-system conventions.

Every company, person and address here is invented. `expand` fills a fragment: `[[a|b|c]]`
picks one alternative at random and `{name}` takes a value from the context.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

_CHOICE = re.compile(r"\[\[([^\[\]]*)\]\]")


def expand(text: str, rng: random.Random, ctx: dict[str, str]) -> str:
    """`text` with every `[[a|b]]` resolved and every `{slot}` filled from `ctx`."""
    while "[[" in text:
        text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)
    return text.format_map(ctx)


def pick(rng: random.Random, options: list[str] | tuple[str, ...], ctx: dict[str, str]) -> str:
    return expand(rng.choice(options), rng, ctx)


def maybe(rng: random.Random, probability: float, options: list[str], ctx: dict[str, str]) -> str:
    return pick(rng, options, ctx) if rng.random() < probability else ""


# name, sending domain, industry
COMPANIES: list[tuple[str, str, str]] = [
    ("Acme Robotics", "acmerobotics.com", "tech"),
    ("Brightwell Health", "brightwellhealth.org", "health"),
    ("Northwind Logistics", "northwind-logistics.com", "logistics"),
    ("Lumen Analytics", "lumenanalytics.io", "tech"),
    ("Cedar & Stone Architects", "cedarstone.co.uk", "design"),
    ("Harbourview Bank", "harbourviewbank.com", "finance"),
    ("Pinecrest Schools", "pinecrest.edu", "education"),
    ("Quillfeather Publishing", "quillfeather.com", "media"),
    ("Orbital Foods", "orbitalfoods.com", "retail"),
    ("Tessellate", "tessellate.dev", "tech"),
    ("Greenleaf Energy", "greenleaf-energy.com", "energy"),
    ("Marlow & Finch LLP", "marlowfinch.law", "legal"),
    ("Bluebird Airlines", "flybluebird.com", "travel"),
    ("Kestrel Games", "kestrelgames.com", "tech"),
    ("Saffron Hotels", "saffronhotels.com", "hospitality"),
    ("Ironbridge Engineering", "ironbridge-eng.com", "engineering"),
    ("Verity Insurance", "verityinsurance.com", "finance"),
    ("Mosaic Learning", "mosaiclearning.org", "education"),
    ("Fable Studio", "fablestudio.tv", "media"),
    ("Riverbend Hospital", "riverbendhospital.org", "health"),
    ("Copperline Telecom", "copperline.net", "tech"),
    ("Halcyon Pharmaceuticals", "halcyonpharma.com", "health"),
    ("Wildflower Coffee", "wildflowercoffee.com", "retail"),
    ("Summit Outdoor Co.", "summitoutdoor.com", "retail"),
    ("Parallax Security", "parallaxsec.com", "tech"),
    ("Oakhurst Council", "oakhurst.gov.uk", "public"),
    ("Nimbus Cloud", "nimbuscloud.io", "tech"),
    ("Atlas Freight", "atlasfreight.com", "logistics"),
    ("Juniper Dental Group", "juniperdental.com", "health"),
    ("Meridian Consulting", "meridianconsulting.com", "consulting"),
    ("Foxglove Fashion", "foxglovefashion.com", "retail"),
    ("Sterling Capital Partners", "sterlingcp.com", "finance"),
    ("Beacon Nonprofit Alliance", "beaconalliance.org", "nonprofit"),
    ("Clearwater Utilities", "clearwater-utilities.com", "energy"),
    ("Pixelforge", "pixelforge.io", "tech"),
    ("Hearth Home Care", "hearthhomecare.com", "health"),
    ("Redwood Analytics", "redwoodanalytics.com", "tech"),
    ("Tidewater Shipping", "tidewatershipping.com", "logistics"),
    ("Lantern Books", "lanternbooks.com", "media"),
    ("Evergreen Realty", "evergreenrealty.com", "real estate"),
    ("Polaris Aerospace", "polarisaero.com", "engineering"),
    ("Granite Construction Group", "granitecg.com", "engineering"),
    ("Honeycomb Childcare", "honeycombchildcare.co.uk", "education"),
    ("Cobalt Payments", "cobaltpay.com", "finance"),
    ("Thistle & Rye Bakery", "thistleandrye.com", "hospitality"),
    ("Vantage Media", "vantagemedia.com", "media"),
    ("Solstice Solar", "solsticesolar.com", "energy"),
    ("Keystone Manufacturing", "keystonemfg.com", "engineering"),
    ("Aurora Biotech", "aurorabio.com", "health"),
    ("Driftwood Travel", "driftwoodtravel.com", "travel"),
    ("Blue Heron Museum", "blueheronmuseum.org", "nonprofit"),
    ("Quantum Leap Tutoring", "qltutoring.com", "education"),
    ("Silverline Rail", "silverlinerail.com", "logistics"),
    ("Magnolia Events", "magnoliaevents.com", "hospitality"),
    ("Ember Labs", "emberlabs.ai", "tech"),
    ("Crescent Dental", "crescentdental.ca", "health"),
    ("Fieldstone Farms", "fieldstonefarms.com", "retail"),
    ("Westgate Retail", "westgate-retail.com", "retail"),
    ("Opal Cosmetics", "opalcosmetics.com", "retail"),
    ("Trellis HR Software", "trellishr.com", "tech"),
    ("Lighthouse Legal Aid", "lighthouselegal.org", "legal"),
    ("Kinetic Sports", "kineticsports.com", "retail"),
    ("Ravenwood University", "ravenwood.ac.uk", "education"),
    ("Monarch Wealth", "monarchwealth.com", "finance"),
    ("Zephyr Mobility", "zephyrmobility.com", "tech"),
    ("Bramble Marketing", "bramblemarketing.com", "media"),
    ("Starling Vet Clinics", "starlingvets.com", "health"),
    ("Ashgrove Care Homes", "ashgrovecare.co.uk", "health"),
    ("Helix Genomics", "helixgenomics.com", "health"),
    ("Canopy Insurance", "canopyinsure.com", "finance"),
    ("Rivet Software", "rivet.software", "tech"),
    ("Gull Island Ferries", "gullislandferries.com", "travel"),
    ("Maple Street Credit Union", "maplestreetcu.org", "finance"),
    ("Indigo Architecture", "indigoarch.com", "design"),
    ("Sable Security Services", "sablesecurity.com", "public"),
    ("Compass Charities", "compasscharities.org", "nonprofit"),
    ("Tandem Bikes", "tandembikes.com", "retail"),
    ("Orchid Data", "orchiddata.com", "tech"),
    ("Brookfield Library Trust", "brookfieldlibraries.org", "public"),
    ("Vireo Health Tech", "vireohealth.io", "tech"),
    ("Hollow Oak Winery", "hollowoakwinery.com", "hospitality"),
    ("Arcadia Theatre Company", "arcadiatheatre.org", "media"),
    ("Stratos Semiconductors", "stratossemi.com", "engineering"),
    ("Larkspur Labs", "larkspurlabs.com", "tech"),
    ("Penrose Accounting", "penroseaccounting.com", "finance"),
    ("Willow Creek Pharmacy", "willowcreekrx.com", "health"),
    ("Fjord Design", "fjorddesign.no", "design"),
    ("Cinder Studios", "cinderstudios.com", "media"),
    ("Boreal Forestry", "borealforestry.ca", "energy"),
    ("Quarry Lane Legal", "quarrylane.law", "legal"),
]

ROLES: dict[str, list[str]] = {
    "tech": [
        "Software Engineer", "Senior Backend Engineer", "Frontend Developer", "Data Analyst",
        "Data Scientist", "Product Manager", "QA Engineer", "DevOps Engineer",
        "Machine Learning Engineer", "UX Designer", "Engineering Manager", "Site Reliability Engineer",
        "Junior Web Developer", "Technical Writer", "Solutions Engineer", "Mobile Developer (iOS)",
        "Customer Success Manager", "IT Support Specialist", "Security Analyst", "Staff Engineer",
    ],
    "health": [
        "Registered Nurse", "Clinical Research Coordinator", "Medical Receptionist",
        "Pharmacy Technician", "Healthcare Assistant", "Physiotherapist", "Dental Nurse",
        "Lab Technician", "Practice Manager", "Biostatistician",
    ],
    "finance": [
        "Financial Analyst", "Accounts Payable Clerk", "Risk Analyst", "Compliance Officer",
        "Credit Analyst", "Relationship Manager", "Audit Associate", "Payroll Specialist",
        "Investment Operations Analyst", "Bookkeeper",
    ],
    "logistics": [
        "Warehouse Supervisor", "Supply Chain Analyst", "Logistics Coordinator", "HGV Driver",
        "Operations Manager", "Procurement Specialist", "Fleet Planner", "Inventory Controller",
    ],
    "education": [
        "Primary Teacher", "Teaching Assistant", "Curriculum Designer", "Admissions Officer",
        "Maths Tutor", "Early Years Practitioner", "Lecturer in Economics", "Student Support Advisor",
    ],
    "media": [
        "Content Writer", "Social Media Manager", "Video Editor", "Junior Copywriter",
        "Marketing Coordinator", "Editorial Assistant", "Graphic Designer", "PR Executive",
    ],
    "design": [
        "Architectural Assistant", "Interior Designer", "Product Designer", "CAD Technician",
        "Design Intern", "Project Architect",
    ],
    "retail": [
        "Store Manager", "Sales Associate", "Visual Merchandiser", "Buyer", "E-commerce Manager",
        "Customer Service Advisor", "Barista", "Assistant Store Manager",
    ],
    "energy": [
        "Field Technician", "Energy Analyst", "Project Engineer", "Environmental Consultant",
        "Health and Safety Advisor",
    ],
    "legal": [
        "Paralegal", "Trainee Solicitor", "Legal Secretary", "Associate Attorney",
        "Contracts Manager",
    ],
    "travel": [
        "Cabin Crew", "Travel Consultant", "Ground Operations Agent", "Revenue Analyst",
        "Reservations Agent",
    ],
    "hospitality": [
        "Front Desk Agent", "Sous Chef", "Events Coordinator", "Restaurant Manager",
        "Housekeeping Supervisor", "Bartender",
    ],
    "engineering": [
        "Mechanical Engineer", "Electrical Engineer", "Quality Inspector", "Site Manager",
        "Graduate Civil Engineer", "Maintenance Technician", "Process Engineer",
    ],
    "consulting": [
        "Business Analyst", "Associate Consultant", "Strategy Analyst", "Change Manager",
    ],
    "nonprofit": [
        "Fundraising Officer", "Volunteer Coordinator", "Programme Manager", "Grants Officer",
        "Community Outreach Worker",
    ],
    "public": [
        "Policy Officer", "Planning Officer", "Customer Services Officer", "Security Officer",
        "Library Assistant", "Housing Officer",
    ],
    "real estate": ["Property Manager", "Lettings Negotiator", "Estate Agent", "Surveyor"],
}  # fmt: skip

FIRST_NAMES = [
    "Alex", "Sam", "Jordan", "Priya", "Chen", "Maria", "Tomás", "Aisha", "Liam", "Emma",
    "Noah", "Fatima", "Olu", "Hannah", "Kenji", "Sofia", "Mateo", "Zoe", "Ravi", "Grace",
    "Daniel", "Leila", "Jonas", "Chloe", "Ibrahim", "Nina", "Oscar", "Yuki", "Amara", "Ben",
    "Clara", "Diego", "Elif", "Finn", "Gabriela", "Hugo", "Isla", "Jamal", "Kira", "Lucas",
    "Maya", "Nadia", "Owen", "Pia", "Quinn", "Rosa", "Sean", "Tara", "Uma", "Victor",
]  # fmt: skip
LAST_NAMES = [
    "Okafor", "Smith", "Nguyen", "García", "Patel", "Müller", "Kowalski", "Johansson", "Kim",
    "O'Brien", "Rossi", "Haddad", "Dubois", "Fernández", "Walker", "Chen", "Brown", "Singh",
    "Tanaka", "Novak", "Hughes", "Moreau", "Schmidt", "Silva", "Adeyemi", "Lindqvist", "Reyes",
    "Campbell", "Ibrahim", "Park", "Murphy", "Costa", "Weber", "Ahmed", "Fischer", "Larsen",
]  # fmt: skip
RECRUITER_TITLES = [
    "Talent Acquisition Partner", "Recruiter", "Senior Recruiter", "People Partner",
    "Recruitment Coordinator", "Hiring Manager", "Technical Recruiter", "HR Manager",
    "Talent Acquisition Specialist", "Head of People", "Recruiting Lead", "HR Business Partner",
]  # fmt: skip


@dataclass(frozen=True)
class Ats:
    """How one family of applicant-tracking systems addresses candidates."""

    name: str
    senders: tuple[str, ...]
    footers: tuple[str, ...]
    links: tuple[str, ...] = field(default=())


ATS_STYLES: list[Ats] = [
    Ats(
        "greenhouse",
        (
            "{company} <no-reply@us.greenhouse-mail.io>",
            "{recruiter} <no-reply@greenhouse-mail.io>",
            "{company} Recruiting <no-reply@greenhouse-mail.io>",
        ),
        (
            "Powered by Greenhouse",
            "This message was sent on behalf of {company}. Replies to this address are not read.",
        ),
        ("https://boards.greenhouse-mail.io/{slug}/jobs/{num}",),
    ),
    Ats(
        "lever",
        (
            "{company} <no-reply@hire.lever.co>",
            "{recruiter} from {company} <no-reply@hire.lever.co>",
        ),
        ("Sent via Lever on behalf of {company}.", ""),
        ("https://jobs.lever.co/{slug}/{num}",),
    ),
    Ats(
        "workday",
        ("{company} Careers <{slug}@myworkday.com>", "Workday <donotreply@myworkday.com>"),
        (
            "Please do not reply to this email. This mailbox is not monitored.",
            "To view your candidate home, sign in to the {company} careers site.",
        ),
        ("https://{slug}.wd3.myworkdayjobs.com/careers/userHome",),
    ),
    Ats(
        "smartrecruiters",
        ("{company} <noreply@smartrecruiters.com>", "{recruiter} <mail@smartrecruiters.com>"),
        ("This email was sent by SmartRecruiters on behalf of {company}.",),
        ("https://jobs.smartrecruiters.com/{company_nospace}/{num}",),
    ),
    Ats(
        "taleo",
        ("{company} Talent Acquisition <noreply@taleo.net>", "Do Not Reply <noreply@taleo.net>"),
        (
            "*** This is an automated message. Please do not respond to this email. ***",
            "Job Number: {num}",
        ),
        ("https://{slug}.taleo.net/careersection/jobdetail.ftl?job={num}",),
    ),
    Ats(
        "ashby",
        ("{recruiter} <no-reply@ashbyhq.com>", "{company} Hiring Team <no-reply@ashbyhq.com>"),
        ("", "You are receiving this email because you applied to {company}."),
        ("https://jobs.ashbyhq.com/{slug}/{num}",),
    ),
    Ats(
        "icims",
        ("{company} <{slug}@talent.icims.com>", "{company} Careers <noreply@icims.com>"),
        (
            "Please do not reply to this message. Log in to the career portal to update your profile.",
            "Requisition ID: {num}",
        ),
        ("https://careers-{slug}.icims.com/jobs/{num}/login",),
    ),
    Ats(
        "direct",
        (
            "{recruiter} <{first_lower}.{last_lower}@{domain}>",
            "{company} Careers <careers@{domain}>",
            "{company} Recruitment <jobs@{domain}>",
            "{company} People Team <people@{domain}>",
            "Talent Team <talent@{domain}>",
            "{recruiter} <{first_lower}@{domain}>",
            "HR <hr@{domain}>",
            "{company} <recruiting@{domain}>",
        ),
        ("", "", "{company} | {city}", "Follow us on LinkedIn for news from {company}."),
        ("https://{domain}/careers", "https://careers.{domain}/apply/{num}"),
    ),
]

CITIES = [
    "London", "Manchester", "Dublin", "Toronto", "Austin", "Berlin", "Madrid", "Lyon",
    "Edinburgh", "Sydney", "Boston", "Denver", "Leeds", "Cardiff", "Amsterdam", "Remote",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
TIMES = [
    "9:00 AM", "9:30 AM", "10:00", "10:30 AM", "11:00 AM", "11:15", "1:00 PM", "2:00 PM",
    "2:30 PM", "3:00 PM", "3:45 PM", "4:00 PM", "14:00", "15:30", "16:00",
]  # fmt: skip
TIMEZONES = ["GMT", "BST", "CET", "EST", "PT", "ET", "(UK time)", "CEST", ""]


def _ascii(name: str) -> str:
    """A name as it appears in an email address: lower case, plain letters."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z]", "", folded.lower())


def context(rng: random.Random) -> dict[str, str]:
    """Random values for every slot a fragment may use."""
    company, domain, industry = rng.choice(COMPANIES)
    role = rng.choice(ROLES[industry])
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    rfirst, rlast = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    slug = re.sub(r"[^a-z0-9]+", "", company.lower())[:14]
    day = rng.choice(WEEKDAYS)
    date_num = rng.randint(1, 28)
    month = rng.choice(MONTHS)
    ctx = {
        "company": company,
        "company_nospace": company.replace(" ", ""),
        "domain": domain,
        "industry": industry,
        "role": role,
        "first": first,
        "last": last,
        "recruiter": f"{rfirst} {rlast}",
        "rfirst": rfirst,
        "first_lower": _ascii(rfirst),
        "last_lower": _ascii(rlast),
        "rtitle": rng.choice(RECRUITER_TITLES),
        "slug": slug,
        "num": str(rng.randint(1000, 999999)),
        "city": rng.choice(CITIES),
        "day": day,
        "date": f"{day}, {date_num} {month}"
        if rng.random() < 0.5
        else f"{day}, {month} {date_num}",
        "month": month,
        "time": rng.choice(TIMES),
        "tz": rng.choice(TIMEZONES),
        "minutes": rng.choice(["20", "30", "45", "60", "90"]),
        "deadline_days": rng.choice(["3", "5", "7", "two", "three", "five", "seven"]),
        "salary": rng.choice(
            ["£42,000", "$95,000", "€58,000", "£31,500", "$128,000", "€47,500", "£65,000"]
        ),
        "interviewer": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        "team": rng.choice(
            ["Platform", "Growth", "Finance", "Operations", "Care", "Data", "Design", "Sales"]
        ),
    }
    return ctx


def sender_for(rng: random.Random, ctx: dict[str, str], direct_share: float = 0.45) -> str:
    """A From header in the style of the company's applicant-tracking system or mailbox."""
    if rng.random() < direct_share:
        ats = ATS_STYLES[-1]
    else:
        ats = rng.choice(ATS_STYLES[:-1])
    ctx["ats_footer"] = expand(rng.choice(ats.footers), rng, ctx) if ats.footers else ""
    ctx["link"] = expand(rng.choice(ats.links), rng, ctx) if ats.links else ""
    return expand(rng.choice(ats.senders), rng, ctx)


GREETINGS = [
    "Hi {first},", "Dear {first},", "Hello {first},", "Dear {first} {last},", "Hi {first}!",
    "{first},", "Dear Candidate,", "Hello,", "Hi there,", "Good morning {first},",
    "Dear Mr./Ms. {last},", "Hey {first},", "Dear Applicant,", "Hi {first} -",
]  # fmt: skip
SIGNOFFS = [
    "Best regards,", "Kind regards,", "Thanks,", "Best,", "Warm regards,", "Sincerely,",
    "All the best,", "Many thanks,", "Regards,", "Cheers,", "With best wishes,", "Thank you,",
]  # fmt: skip
SIGNATURES = [
    "{recruiter}\n{rtitle}\n{company}",
    "{recruiter}, {rtitle} | {company}",
    "{rfirst}",
    "The {company} Recruiting Team",
    "{company} Talent Acquisition",
    "{recruiter}\n{company} | {city}",
    "The {company} Hiring Team",
    "{rfirst} from {company}",
    "{company} People Team",
    "{recruiter}\n{rtitle}",
]  # fmt: skip
DISCLAIMERS = [
    "This email and any attachments are confidential and intended solely for the addressee. "
    "If you have received it in error, please notify the sender and delete it.",
    "{company} is an equal opportunity employer and values diversity at every level.",
    "We are committed to an inclusive hiring process. If you need an adjustment at any stage, "
    "reply to let us know.",
    "Privacy notice: we keep candidate data in line with our privacy policy at https://{domain}/privacy.",
    "Unsubscribe from candidate emails: https://{domain}/candidate/preferences",
]  # fmt: skip


def letter(
    rng: random.Random,
    ctx: dict[str, str],
    paragraphs: list[str],
    *,
    greeting: bool | None = None,
    signature: bool | None = None,
) -> str:
    """Wrap body paragraphs in a greeting, sign-off, signature and footers, each optional."""
    parts: list[str] = []
    if greeting if greeting is not None else rng.random() < 0.88:
        parts.append(pick(rng, GREETINGS, ctx))
    parts.extend(p for p in paragraphs if p.strip())
    if signature if signature is not None else rng.random() < 0.85:
        sign = pick(rng, SIGNOFFS, ctx)
        sig = pick(rng, SIGNATURES, ctx)
        parts.append(f"{sign}\n{sig}" if rng.random() < 0.8 else sig)
    if ctx.get("ats_footer") and rng.random() < 0.6:
        parts.append(ctx["ats_footer"])
    if rng.random() < 0.18:
        parts.append(pick(rng, DISCLAIMERS, ctx))
    separator = "\n\n" if rng.random() < 0.8 else "\n"
    return separator.join(parts)


def sentences(rng: random.Random, ctx: dict[str, str], *groups: tuple[float, list[str]]) -> str:
    """One paragraph from groups of alternatives, each included with its probability."""
    chosen = [
        pick(rng, options, ctx) for probability, options in groups if rng.random() < probability
    ]
    return " ".join(s for s in chosen if s)
