"""The legacy Europass CV XML (Cedefop SkillsPassport / LearnerInfo, V3.4), read and written.

Written files are valid against the official XSD 3.4.1; the code lists it enumerates
(countries, nationalities, languages, driving licences) are copied here so that no schema
file is needed at run time. See docs/europass.md for the mapping.
"""

from __future__ import annotations

import re

from cvconvert.formats._europass.codes import EUROPASS_COUNTRIES
from cvconvert.formats._europass.common import Names
from cvconvert.formats._europass.entries import SHAPES, flat
from cvconvert.namespaces import EUROPASS_V3

_NAMES = Names({"": EUROPASS_V3})
_find = _NAMES.find
_findall = _NAMES.findall
_text = _NAMES.text

# Code lists of XSD 3.4.1 (EuropassISOCountries_V1.7.0, EuropassNationalities_V1.7.0,
# EuropassISOLanguages_V1.10.0): Europass writes GB as UK and GR as EL.
COUNTRIES = frozenset(
    "BE BG CZ DK DE EE IE EL ES FR HR IS IT CY LT LV LU HU MT NL NO AT PL PT RO SI SK FI SE UK TR CH AD AE AF AG "
    "AL AM AO AR AU AZ BA BB BD BF BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CI CL CM CN CO CR RS CU CV DJ DM DO "
    "DZ EC EG ER ET FJ FM GA GD GE GH GL GM GN GQ GT GW GY HN HT ID IL IN IQ IR JM JO JP KE KG KH KI KM KN KP KR KW "
    "KZ LA LB LC LI LK LR LS LY MA MC MD MG MH MK ML MM MN MR MU MV MW MX MY MZ NA NE NG NI NP NR NU NZ OM PA PE PG "
    "PH PK PS PW PY QA RU RW SA SB SC SD SG SL SM SN SO SR ST SV SY SZ TD TG TH TJ TL TM TN TO TT TV TZ UA UG US UY "
    "UZ VA VC VE VN VU WS YE ZA ZM ZW ME SS XK".split()
)
NATIONALITIES = COUNTRIES  # the nationalities list has the same codes
FOREIGN_LANGUAGES = frozenset(
    "bg cs da nl en et fi fr de el hu is it lv lt mt no pl pt ro hr sk sl es sv tr ab af sq am ar an hy as az eu be "
    "bn bs br my ca ce zh cu kw co eo fo fj fy ka gd ga gl gv grc gu ht he hi id jv ja kn kk ky kg ko ku lo la li ln "
    "lb mk ml mr ms mg mo mn ne nn nb oc om pa fa ps rm rom ru sr se sd so sc sw ty ta tt te tg tl th bo tk uk ur uz "
    "vi vo cy yi yo km ber fil wol pms ori me".split()
)
MOTHER_LANGUAGES = FOREIGN_LANGUAGES - {"cu", "eo", "grc", "la", "oc", "vo"}
DRIVING = frozenset("A A1 A2 AM B B1 BE C C1 C1E CE D D1 D1E DE".split())
_EMAIL = re.compile(r"[^@]+@[^.]+\.[^\r\n]+")
_MIME = {"image/jpeg", "image/pjpeg", "image/png", "image/x-png"}

_FROM_V3 = EUROPASS_COUNTRIES
_TO_V3 = {v: k for k, v in _FROM_V3.items()}

# Achievement codes of XSD 3.4.1 for the sections that have one; the others go by label.
CODES = {
    "certificates": ("certifications", "Certifications"),
    "awards": ("honors_awards", "Honours and awards"),
    "publications": ("publications", "Publications"),
    "projects": ("projects", "Projects"),
    "references": ("references", "References"),
}
LABELS = {"volunteer": "Volunteering", "skills": "Skills", "interests": "Interests"}
ABOUT = "About me"
FINAL_GRADE = "Final grade"
THESIS = "Thesis"
# An achievement has only a title and a description: every field of an entry is a labelled paragraph.
_FLAT = {section: flat(shape) for section, shape in SHAPES.items()}
_SECTION_OF_CODE = {code: section for section, (code, _) in CODES.items()}
_SECTION_OF_LABEL = {label: section for section, label in LABELS.items()}
_RESERVED = {ABOUT, *LABELS.values(), *(label for _, label in CODES.values())}
_LEVEL_TAGS = (
    ("listening", "Listening"),
    ("reading", "Reading"),
    ("spoken interaction", "SpokenInteraction"),
    ("spoken production", "SpokenProduction"),
    ("writing", "Writing"),
)
_SKILL_SLOTS = (
    ("Communication", "Communication skills"),
    ("Organisational", "Organisational skills"),
    ("JobRelated", "Job-related skills"),
    ("Computer", "Digital skills"),
    ("Other", "Other skills"),
)
_ICT = (
    ("Information", "information processing"),
    ("Communication", "communication"),
    ("ContentCreation", "content creation"),
    ("Safety", "safety"),
    ("ProblemSolving", "problem solving"),
)


def v3_country(code: str) -> str | None:
    """The Europass V3 spelling of an alpha-2 code, when its list has it."""
    spelt = _TO_V3.get(code, code)
    return spelt if spelt in COUNTRIES else None
