"""Read either Europass XML dialect (told apart by the root element), or the XML a Europass PDF embeds."""

from __future__ import annotations

from cvconvert._input import parse_xml
from cvconvert._load import load_resume
from cvconvert.errors import InvalidInputError
from cvconvert.formats._europass.common import require_extra
from cvconvert.model import Resume
from cvconvert.namespaces import EUROPASS, EUROPASS_V2, EUROPASS_V3
from cvconvert.options import ReadOptions
from cvconvert.report import Report


def read_xml(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read any Europass XML dialect (current, V3 or V2.0; told apart by the root element)."""
    require_extra()
    root = parse_xml(data, "Europass XML")
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag == f"{{{EUROPASS}}}Candidate":
        from cvconvert.formats._europass.candidate.read import read_root
    elif tag == f"{{{EUROPASS_V3}}}SkillsPassport":
        from cvconvert.formats._europass.v3.read import read_root
    elif tag == f"{{{EUROPASS_V2}}}learnerinfo":
        from cvconvert.formats._europass.v2 import read_root
    else:
        raise InvalidInputError(f"not a Europass CV: the root element is {tag or '?'}")
    report = Report()
    value = read_root(root, report)
    resume, load_report = load_resume(value, strict=options.strict)
    report.extend(load_report)
    return resume, report


def read_pdf(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the Europass XML embedded in a Europass PDF."""
    from cvconvert.formats._europass.pdf import embedded_xml

    return read_xml(embedded_xml(data), options)
