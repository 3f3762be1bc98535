"""Europass CVs: the current Candidate XML, the legacy SkillsPassport V3 XML, and Europass PDFs.

``europass`` (``.xml``) writes the current europass.europa.eu XML; ``europass-v3`` writes the
legacy Cedefop SkillsPassport V3.4 XML (valid against XSD 3.4.1); ``europass-pdf`` reads the
XML a Europass PDF carries as an embedded file (by name only: ``.pdf`` files go to the ``pdf``
format, which reads that XML too). Every reader looks at the root element and
reads either dialect, so ``cvconvert old.xml new.xml`` upgrades a V3 file to the current one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cvconvert._deps import lazy
from cvconvert.formats.base import Format
from cvconvert.options import LanguageOptions


def _dialect(data: bytes) -> str | None:
    """'candidate', 'v3' or 'v2' from the first element of the document, else None."""
    head = data[:4096]
    for match in re.finditer(rb"<([^?!][^\s>/]*)", head):
        local = match.group(1).rpartition(b":")[2]
        if local == b"Candidate":
            return "candidate"
        if local == b"SkillsPassport":
            return "v3"
        if local == b"learnerinfo":
            return "v2"
        return None
    return None


class EuropassWriteOptions(LanguageOptions):
    """What the Europass writers take: the language the CV is written in (``lang``)."""


# The readers and writers live in submodules and load on first use: looking formats up (every
# conversion does) must stay cheap. Type checkers see the functions themselves.
if TYPE_CHECKING:
    from cvconvert.formats._europass.candidate.write import write as write_candidate
    from cvconvert.formats._europass.reading import read_pdf, read_xml
    from cvconvert.formats._europass.v3.write import write as write_v3
else:
    read_xml = lazy("cvconvert.formats._europass.reading", "read_xml")
    read_pdf = lazy("cvconvert.formats._europass.reading", "read_pdf")
    write_candidate = lazy("cvconvert.formats._europass.candidate.write", "write")
    write_v3 = lazy("cvconvert.formats._europass.v3.write", "write")


def sniff_candidate(data: bytes) -> bool:
    """The current Europass XML (root ``Candidate``)."""
    return _dialect(data) == "candidate"


def sniff_v2(data: bytes) -> bool:
    """The Europass XML of 2005-2012 (root ``learnerinfo``, schema V2.0)."""
    return _dialect(data) == "v2"


def sniff_v3(data: bytes) -> bool:
    """The legacy Europass XML (root ``SkillsPassport``)."""
    return _dialect(data) == "v3"


FORMATS = (
    # First: ".v3.xml" must be matched before the plain ".xml" of the current format.
    Format(
        name="europass-v3",
        extensions=(".v3.xml",),
        media_type="application/xml",
        read=read_xml,
        write=write_v3,
        write_options=EuropassWriteOptions,
        sniff=sniff_v3,
        extra="europass",
        description="Europass CV XML, legacy SkillsPassport V3.4 (Cedefop, valid against XSD 3.4.1)",
    ),
    Format(
        name="europass-v2",
        extensions=(".v2.xml",),
        media_type="application/xml",
        read=read_xml,
        write=None,
        sniff=sniff_v2,
        extra="europass",
        description="Europass CV XML of 2005-2012 (learnerinfo, schema V2.0), read only; write it as europass",
    ),
    Format(
        name="europass",
        extensions=(".xml",),
        media_type="application/xml",
        read=read_xml,
        write=write_candidate,
        write_options=EuropassWriteOptions,
        sniff=sniff_candidate,
        extra="europass",
        description="Europass CV XML of europass.europa.eu (Candidate, 2020+); reads V3 too",
    ),
    # Named only (--from europass-pdf): ".pdf" files and PDF content go to the pdf format, which
    # reads a Europass PDF's XML the same way and any other PDF's text layer.
    Format(
        name="europass-pdf",
        extensions=(".pdf",),
        media_type="application/pdf",
        read=read_pdf,
        write=None,
        extra="europass",
        description="Europass PDF, its embedded XML only (the pdf format reads it too, and other PDFs)",
    ),
)
