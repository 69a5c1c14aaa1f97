"""A wider world for the broad corpus: employers in many countries, sectors and seniorities.

Employer names are built from invented word parts, so the corpus never leans on a fixed list of
companies; each country brings its own legal suffixes, cities, domains and language. Public
bodies, universities and graduate or internship programmes have their own shapes, because
their mail reads differently from a company's.
"""

from __future__ import annotations

import random
import re
import unicodedata

from corpus.common import FIRST_NAMES, LAST_NAMES

# country -> (language, cities, legal suffixes, top-level domains)
COUNTRIES: dict[str, tuple[str, list[str], list[str], list[str]]] = {
    "uk": ("en", ["London", "Bristol", "Leeds", "Glasgow", "Belfast", "Norwich", "York"],
           ["Ltd", "plc", "Group", "", ""], ["co.uk", "com", "uk"]),
    "us": ("en", ["Chicago", "Seattle", "Atlanta", "Portland", "Phoenix", "Raleigh", "Omaha"],
           ["Inc.", "LLC", "Corp.", "", ""], ["com", "io", "us"]),
    "ie": ("en", ["Dublin", "Cork", "Galway", "Limerick"], ["Ltd", "DAC", ""], ["ie", "com"]),
    "ca": ("en", ["Toronto", "Calgary", "Ottawa", "Halifax", "Winnipeg"], ["Inc.", "Ltd.", ""],
           ["ca", "com"]),
    "au": ("en", ["Melbourne", "Brisbane", "Perth", "Adelaide"], ["Pty Ltd", ""], ["com.au"]),
    "in": ("en", ["Bengaluru", "Pune", "Hyderabad", "Chennai"], ["Pvt Ltd", "Ltd", ""],
           ["in", "com"]),
    "de": ("de", ["Berlin", "Hamburg", "München", "Köln", "Leipzig", "Stuttgart"],
           ["GmbH", "AG", "GmbH & Co. KG", "SE"], ["de", "com"]),
    "at": ("de", ["Wien", "Graz", "Linz", "Salzburg"], ["GmbH", "AG"], ["at"]),
    "ch": ("de", ["Zürich", "Basel", "Bern"], ["AG", "GmbH", "SA"], ["ch"]),
    "fr": ("fr", ["Paris", "Lyon", "Nantes", "Lille", "Toulouse", "Bordeaux"],
           ["SAS", "SA", "SARL", ""], ["fr", "com"]),
    "be": ("fr", ["Bruxelles", "Liège", "Namur"], ["SA", "SRL", ""], ["be"]),
    "es": ("es", ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga"],
           ["S.L.", "S.A.", ""], ["es", "com"]),
    "mx": ("es", ["Ciudad de México", "Guadalajara", "Monterrey"], ["S.A. de C.V.", ""],
           ["com.mx", "mx"]),
    "it": ("it", ["Milano", "Roma", "Torino", "Bologna", "Firenze", "Napoli"],
           ["S.p.A.", "S.r.l.", ""], ["it", "com"]),
    "nl": ("nl", ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag", "Groningen"],
           ["B.V.", "N.V.", ""], ["nl", "com"]),
    "pt": ("pt", ["Lisboa", "Porto", "Braga", "Coimbra"], ["Lda.", "S.A.", ""], ["pt", "com"]),
    "br": ("pt", ["São Paulo", "Rio de Janeiro", "Curitiba", "Recife"], ["Ltda.", "S.A.", ""],
           ["com.br"]),
}  # fmt: skip

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt")

_STARTS = [
    "Al", "Bor", "Cal", "Dar", "El", "Fen", "Gal", "Hal", "Is", "Jor", "Kal", "Lin", "Mar", "Nor",
    "Or", "Pel", "Quin", "Ros", "Sol", "Tam", "Ul", "Ver", "Wen", "Xan", "Yar", "Zel", "Bel",
    "Cor", "Del", "Fal", "Gor", "Hel", "Lum", "Mer", "Nav", "Pra", "Sar", "Tor", "Val", "Vin",
]  # fmt: skip
_ENDS = [
    "ara", "ex", "ion", "ora", "ix", "en", "ana", "is", "o", "eon", "ia", "um", "ant", "ivo",
    "ena", "ar", "ett", "ova", "ind", "ello", "ire", "une", "ast", "ium", "ique",
]  # fmt: skip
_SECTOR_WORDS: dict[str, list[str]] = {
    "tech": ["Software", "Systems", "Digital", "Data", "Labs", "Cloud", "Networks"],
    "health": ["Health", "Care", "Medical", "Clinic", "Pharma", "Diagnostics"],
    "finance": ["Bank", "Capital", "Insurance", "Finance", "Assurance", "Partners"],
    "logistics": ["Logistics", "Freight", "Transport", "Shipping", "Supply"],
    "retail": ["Stores", "Retail", "Market", "Fashion", "Foods", "Home"],
    "manufacturing": ["Industries", "Manufacturing", "Components", "Metals", "Plastics"],
    "energy": ["Energy", "Power", "Renewables", "Utilities", "Grid"],
    "hospitality": ["Hotels", "Hospitality", "Restaurants", "Resorts", "Catering"],
    "construction": ["Construction", "Building", "Engineering", "Infrastructure"],
    "media": ["Media", "Studios", "Press", "Publishing", "Broadcasting"],
    "consulting": ["Consulting", "Advisory", "Associates", "Strategy"],
    "legal": ["Legal", "Law", "& Partners", "Chambers"],
    "education": ["Academy", "School", "Learning", "College"],
    "agriculture": ["Farms", "Agri", "Seeds", "Growers"],
    "automotive": ["Motors", "Automotive", "Mobility", "Vehicles"],
    "telecom": ["Telecom", "Mobile", "Connect", "Fibre"],
    "gaming": ["Games", "Interactive", "Play"],
    "aviation": ["Aviation", "Air", "Aero"],
    "nonprofit": ["Foundation", "Trust", "Charity", "Alliance"],
}  # fmt: skip

ROLES: dict[str, list[str]] = {
    "tech": ["Backend Developer", "Cloud Engineer", "Data Engineer", "Product Owner",
             "Scrum Master", "Test Automation Engineer", "Platform Engineer", "BI Developer",
             "Frontend Engineer", "Network Administrator", "IT Service Desk Analyst"],
    "health": ["Staff Nurse", "Occupational Therapist", "Radiographer", "Care Worker",
               "Midwife", "Pharmacist", "Medical Secretary", "Clinical Data Manager"],
    "finance": ["Accountant", "Financial Controller", "Underwriter", "Claims Handler",
                "Treasury Analyst", "Loan Officer", "AML Analyst", "Tax Advisor"],
    "logistics": ["Dispatcher", "Forklift Operator", "Customs Broker", "Transport Planner",
                  "Shift Manager", "Delivery Driver"],
    "retail": ["Category Manager", "Cashier", "Store Supervisor", "Merchandise Planner",
               "Customer Service Representative", "Department Manager"],
    "manufacturing": ["Production Operator", "CNC Machinist", "Quality Engineer",
                      "Production Planner", "Maintenance Electrician", "Plant Manager"],
    "energy": ["Wind Turbine Technician", "Grid Analyst", "Energy Trader", "HSE Officer"],
    "hospitality": ["Line Cook", "Night Auditor", "Guest Relations Manager", "Waiter",
                    "Kitchen Porter", "Hotel Receptionist"],
    "construction": ["Quantity Surveyor", "Site Engineer", "Project Manager", "Electrician",
                     "Estimator", "BIM Coordinator"],
    "media": ["Journalist", "Producer", "Sub-Editor", "Podcast Producer", "Motion Designer",
              "Communications Officer"],
    "consulting": ["Junior Consultant", "Senior Consultant", "Analyst", "Engagement Manager"],
    "legal": ["Legal Counsel", "Associate Lawyer", "Legal Assistant", "Compliance Counsel"],
    "education": ["Secondary Teacher", "Learning Designer", "School Administrator",
                  "Special Needs Assistant", "Research Assistant"],
    "agriculture": ["Farm Manager", "Agronomist", "Greenhouse Technician"],
    "automotive": ["Vehicle Technician", "Service Advisor", "Embedded Software Engineer"],
    "telecom": ["Field Engineer", "RF Engineer", "Retail Sales Advisor"],
    "gaming": ["Game Designer", "3D Artist", "Gameplay Programmer", "Community Manager"],
    "aviation": ["Aircraft Mechanic", "Flight Dispatcher", "Cabin Crew Member"],
    "nonprofit": ["Campaigns Officer", "Fundraiser", "Volunteer Manager", "Project Officer"],
}  # fmt: skip
SENIORITIES = ["", "", "", "Junior ", "Senior ", "Lead ", "Principal ", "Head of ", "Trainee ",
               "Assistant ", "Graduate ", "Associate "]  # fmt: skip

PUBLIC_BODIES = [
    "{city} City Council", "Department for {area}", "Ministry of {area}", "{city} Health Board",
    "National {area} Agency", "{city} Police Service", "the Civil Service", "{city} Fire Service",
    "Regional {area} Authority", "the {area} Office",
]  # fmt: skip
PUBLIC_AREAS = [
    "Transport",
    "Education",
    "Environment",
    "Housing",
    "Justice",
    "Health",
    "Digital Services",
    "Culture",
    "Statistics",
    "Work and Pensions",
    "Planning",
]
PUBLIC_ROLES = [
    "Policy Adviser",
    "Executive Officer",
    "Administrative Officer",
    "Caseworker",
    "Higher Executive Officer",
    "Data Analyst (Grade 7)",
    "Planning Officer",
    "Environmental Health Officer",
    "Social Worker",
]
PROGRAMMES = [
    "{year} Summer Internship Programme", "Graduate Scheme {year}", "{year} Industrial Placement",
    "Apprenticeship Programme {year}", "Spring Insight Week", "Trainee Programme {year}",
    "Fast Stream {year}", "{year} Research Internship", "Work Experience Programme",
]  # fmt: skip


DAYS: dict[str, list[str]] = {
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira"],
}
MONTHS: dict[str, list[str]] = {
    "de": ["Januar", "März", "Mai", "Juni", "September", "Oktober", "Dezember"],
    "fr": ["janvier", "mars", "mai", "juin", "septembre", "octobre", "décembre"],
    "es": ["enero", "marzo", "mayo", "junio", "septiembre", "octubre", "diciembre"],
    "it": ["gennaio", "marzo", "maggio", "giugno", "settembre", "ottobre", "dicembre"],
    "nl": ["januari", "maart", "mei", "juni", "september", "oktober", "december"],
    "pt": ["janeiro", "março", "maio", "junho", "setembro", "outubro", "dezembro"],
}
TIMES = ["9:00", "9.30", "10:00", "11:15", "13:30", "14:00", "15h30", "16:00"]


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "", folded.lower())


def employer(rng: random.Random, country: str) -> tuple[str, str, str]:
    """An invented employer in `country`: name, sending domain, sector."""
    _lang, _cities, suffixes, tlds = COUNTRIES[country]
    sector = rng.choice(list(_SECTOR_WORDS))
    core = rng.choice(_STARTS) + rng.choice(_ENDS)
    shape = rng.random()
    if shape < 0.35:
        name = f"{core} {rng.choice(_SECTOR_WORDS[sector])}"
    elif shape < 0.5:
        name = f"{rng.choice(LAST_NAMES)} & {rng.choice(LAST_NAMES)}"
    elif shape < 0.6:
        name = core.upper()[: rng.randint(3, 5)]
    else:
        name = core
    suffix = rng.choice(suffixes)
    full = f"{name} {suffix}".strip()
    domain = f"{_ascii(name)[:16]}.{rng.choice(tlds)}"
    return full, domain, sector


def world_context(rng: random.Random, base: dict[str, str], lang: str) -> dict[str, str]:
    """`base` (the corpus's usual slots) with an employer, role and city from a wider world."""
    countries = [c for c, spec in COUNTRIES.items() if spec[0] == lang]
    country = rng.choice(countries)
    ctx = dict(base)
    ctx["country"] = country
    year = str(rng.choice([2025, 2026, 2027]))
    kind = rng.random()
    city = rng.choice(COUNTRIES[country][1])
    if kind < 0.12:
        area = rng.choice(PUBLIC_AREAS)
        company = rng.choice(PUBLIC_BODIES).format(city=city, area=area)
        domain = f"{_ascii(company)[:18]}.gov.{COUNTRIES[country][3][0].split('.')[-1]}"
        role = rng.choice(PUBLIC_ROLES)
    else:
        company, domain, sector = employer(rng, country)
        role = rng.choice(SENIORITIES) + rng.choice(ROLES[sector])
        if role.startswith("Head of "):
            role = "Head of " + rng.choice(["Operations", "Data", "Finance", "People", "Sales"])
    ctx.update(
        company=company,
        company_nospace=company.replace(" ", ""),
        domain=domain,
        role=role,
        city=city,
        slug=_ascii(company)[:14] or "jobs",
        year=year,
        programme=rng.choice(PROGRAMMES).format(year=year),
        first=rng.choice(FIRST_NAMES),
        ref=rng.choice(["REQ-", "JR", "R-", "#", "Ref. ", "ID "]) + str(rng.randint(100, 99999)),
    )
    if lang != "en":
        day = rng.choice(DAYS[lang])
        ctx.update(
            day=day,
            date=f"{day} {rng.randint(1, 28)} {rng.choice(MONTHS[lang])}",
            time=rng.choice(TIMES),
            tz=rng.choice(["", "CET", "(hora local)", "MEZ", "WET"]),
        )
    return ctx
