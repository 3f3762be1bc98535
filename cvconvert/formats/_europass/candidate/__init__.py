"""The current Europass CV XML (europass.europa.eu, 2020+): an HR-XML 3 ``Candidate`` document.

No XSD is published; the writer follows what the portal itself exports (element order,
namespaces, the empty section containers) and writes nothing the portal's export does not
use. See docs/europass.md for the mapping.
"""

from __future__ import annotations

from cvconvert.formats._europass.common import Names
from cvconvert.namespaces import EURES, EUROPASS, HR_XML, OAGIS, XSI

_NAMES = Names({"": EUROPASS, "oa": OAGIS, "eures": EURES, "hr": HR_XML, "xsi": XSI})
NSMAP = {prefix or None: uri for prefix, uri in _NAMES.prefixes.items()}
q = _NAMES.q
_find = _NAMES.find
_findall = _NAMES.findall
_text = _NAMES.text

FIELD_OF_STUDY = "Field of study"
"""The label of the paragraph that carries ``education.area`` (its ISCED-F code is not the same)."""
HEADLINE = "Headline"
"""The label of the paragraph that carries ``basics.label`` at the top of "About me"."""

# Custom-section titles for the JSON Resume sections that have no Europass section of their own.
TITLES = {
    "volunteer": "Volunteering",
    "awards": "Honours and awards",
    "publications": "Publications",
    "skills": "Skills",
    "interests": "Interests",
    "references": "References",
    "projects": "Projects",
}
_SECTION_OF = {title: key for key, title in TITLES.items()}
_EMPTY_SECTIONS = (
    "CreativeWorks",
    "Projects",
    "SocialAndPoliticalActivities",
    "Skills",
    "NetworksAndMemberships",
    "ConferencesAndSeminars",
    "VoluntaryWorks",
    "CourseCertifications",
)
# The CEFR dimensions as the Candidate XML codes them.
_DIMENSION_CODES = {
    "listening": "CEF-Understanding-Listening",
    "reading": "CEF-Understanding-Reading",
    "spoken interaction": "CEF-Speaking-Interaction",
    "spoken production": "CEF-Speaking-Production",
    "writing": "CEF-Writing-Production",
}
_DIMENSION_OF = {code: dim for dim, code in _DIMENSION_CODES.items()}
