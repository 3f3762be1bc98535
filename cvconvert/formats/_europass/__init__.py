"""Europass CVs: the current Candidate XML, the legacy SkillsPassport V3 XML, and Europass PDFs.

``europass`` (``.xml``) writes the current europass.europa.eu XML; ``europass-v3`` writes the
legacy Cedefop SkillsPassport V3.4 XML (valid against XSD 3.4.1); ``europass-pdf`` reads the
XML a Europass PDF carries as an embedded file. Every reader looks at the root element and
reads either dialect, so ``cvconvert old.xml new.xml`` upgrades a V3 file to the current one.
"""

from __future__ import annotations

import re

from cvconvert._deps import requires_extra
from cvconvert._input import parse_xml
from cvconvert._load import load_resume
from cvconvert.errors import InvalidInputError
from cvconvert.formats.base import Format
from cvconvert.model import Resume
from cvconvert.namespaces import EUROPASS, EUROPASS_V3
from cvconvert.options import LanguageOptions, ReadOptions
from cvconvert.report import Report


def _dialect(data: bytes) -> str | None:
    """'candidate' or 'v3' from the first element of the document, else None."""
    head = data[:4096]
    for match in re.finditer(rb"<([^?!][^\s>/]*)", head):
        local = match.group(1).rpartition(b":")[2]
        if local == b"Candidate":
            return "candidate"
        if local == b"SkillsPassport":
            return "v3"
        return None
    return None


def _require_extra() -> None:
    # Both dialects need lxml and pycountry: say which extra to install before any work is done.
    with requires_extra("europass"):
        import lxml  # noqa: F401
        import pycountry  # noqa: F401


def read_xml(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read either Europass XML dialect (told apart by the root element)."""
    _require_extra()
    root = parse_xml(data, "Europass XML")
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag == f"{{{EUROPASS}}}Candidate":
        from cvconvert.formats._europass.candidate import read_root
    elif tag == f"{{{EUROPASS_V3}}}SkillsPassport":
        from cvconvert.formats._europass.v3 import read_root
    else:
        raise InvalidInputError(f"not a Europass CV: the root element is {tag or '?'}")
    report = Report()
    value = read_root(root, report)
    resume, load_report = load_resume(value, strict=options.strict)
    report.extend(load_report)
    return resume, report


class EuropassWriteOptions(LanguageOptions):
    """What the Europass writers take: the language the CV is written in (``lang``)."""


def write_candidate(resume: Resume, options: EuropassWriteOptions) -> tuple[bytes, Report]:
    """Write the current Europass XML (see candidate.write)."""
    _require_extra()
    from cvconvert.formats._europass.candidate import write

    return write(resume, language=options.lang)


def write_v3(resume: Resume, options: EuropassWriteOptions) -> tuple[bytes, Report]:
    """Write the legacy SkillsPassport V3.4 XML (see v3.write)."""
    _require_extra()
    from cvconvert.formats._europass.v3 import write

    return write(resume, language=options.lang)


def read_pdf(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the Europass XML embedded in a Europass PDF."""
    from cvconvert.formats._europass.pdf import embedded_xml

    return read_xml(embedded_xml(data), options)


def sniff_candidate(data: bytes) -> bool:
    """The current Europass XML (root ``Candidate``)."""
    return _dialect(data) == "candidate"


def sniff_v3(data: bytes) -> bool:
    """The legacy Europass XML (root ``SkillsPassport``)."""
    return _dialect(data) == "v3"


def sniff_pdf(data: bytes) -> bool:
    """A PDF with embedded files (a Europass PDF carries its XML so; object streams hide the names)."""
    return data.startswith(b"%PDF") and b"/EmbeddedFile" in data


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
    Format(
        name="europass-pdf",
        extensions=(".pdf",),
        media_type="application/pdf",
        read=read_pdf,
        write=None,
        sniff=sniff_pdf,
        extra="europass",
        description="Europass PDF (reads the Europass XML it embeds)",
    ),
)
