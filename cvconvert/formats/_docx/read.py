"""Read a DOCX: our own (the page merged with our data part) or, through :mod:`.extract`, any other.

The page is the truth. Each value the writer showed sits in runs of its field's character style,
each entry starts at a paragraph holding a hidden bookmark (``_cv_work_3``: the fourth job of the
data part), and each section heading holds one (``_cv_work``). For every field shown, the page's
text is compared with what the writer would show for the hidden value: equal, the exact hidden
value is kept (a full date, text with characters XML cannot hold); different, the page's text is
read (a date parsed back, a list split at commas). A value gone from the page is gone from the
résumé; entries and bullets follow the page's order; entries and bullets a person added are read
from the page alone. What the page never showed (unknown fields, ``meta``) comes from the data part.
The page is read by :mod:`.page` and set against the data part by :mod:`.merge`.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

from pydantic import ValidationError

from cvconvert._deps import requires_extra
from cvconvert._input import check_depth, check_entries, open_zip, parse_xml, read_member
from cvconvert._load import load_resume
from cvconvert.errors import InvalidInputError
from cvconvert.formats._docx import DocxReadOptions, i18n
from cvconvert.formats._docx.merge import _fill_generic, _merge, _no_constant
from cvconvert.formats._docx.page import _W, _Hidden, _paragraphs, _walk
from cvconvert.model import Resume
from cvconvert.namespaces import CVCONVERT_DOCX, PACKAGE_RELS, REL_HYPERLINK
from cvconvert.report import Report


def read(data: bytes, options: DocxReadOptions | None = None) -> tuple[Resume, Report]:
    """Read a DOCX. Ours: the page merged with our data part; any other: best-effort extraction.

    ``options.lang`` names the language of headings for other people's CVs (ours record their
    own). Raises InvalidInputError with a one-line reason for anything that is not a readable DOCX.
    """
    chosen = options if options is not None else DocxReadOptions.model_validate({})
    strict, lang = chosen.strict, chosen.lang
    if not data:
        raise InvalidInputError("empty file")
    package = open_zip(data, "Word document")
    names = set(package.namelist())
    if "word/document.xml" not in names:
        kind = "an Excel workbook" if "xl/workbook.xml" in names else "not a Word document"
        raise InvalidInputError(f"{kind} (no word/document.xml)")
    with requires_extra("docx"):
        import lxml  # noqa: F401 - parse_xml needs it
    hidden = _hidden(package, names)
    if hidden is None:
        return _extract(data, lang)
    report = Report()
    raw = read_member(package, "word/document.xml")
    if hidden.version == "1" and hidden.fingerprint and hashlib.sha256(raw).hexdigest() == hidden.fingerprint:
        # A file of version 1 whose page is exactly as written: its data part is the résumé.
        return _validated(hidden.resume, strict, report)
    language = i18n.language(hidden.lang)
    styles = {sid: name for name, sid in hidden.styles.items()}
    document = parse_xml(raw, "word/document.xml")
    links = _links(package, names)
    paras = _paragraphs(document, styles, lambda: _style_names(package, names))
    page = _walk(paras, links, language, report)
    rest = hidden.resume
    if hidden.version != "1":
        _fill_generic(rest, hidden.generic, hidden.fixes, page.generic, page.unmarked, report)
    return _validated(_merge(rest, page, language, report, hidden), strict, report)


def _validated(data: dict[str, Any], strict: bool, report: Report) -> tuple[Resume, Report]:
    try:
        # What we wrote is a valid résumé and page values are text and schema dates: validate directly.
        return Resume.model_validate(data, strict=strict, context={"strict": strict}), report
    except ValidationError:
        resume, notes = load_resume(data, strict=strict)
        return resume, report.extend(notes)


def _extract(data: bytes, lang: str | None) -> tuple[Resume, Report]:
    from cvconvert.formats._docx.order import extract

    return extract(data, lang=lang)


def _hidden(package: Any, names: set[str]) -> _Hidden | None:
    """Our data part, or None."""
    for name in sorted(n for n in names if n.startswith("customXml/item") and n.endswith(".xml")):
        if "itemProps" in name:
            continue
        raw = read_member(package, name)
        if CVCONVERT_DOCX.encode() not in raw[:400]:
            continue
        root = parse_xml(raw, name)
        if root.tag != f"{{{CVCONVERT_DOCX}}}cvconvert":
            continue
        try:
            # Strict JSON, as our writer writes it: NaN and ±Infinity (or 1e999) no writer can
            # write back, so a part holding one was not written by us.
            resume = json.loads(
                root.findtext(f"{{{CVCONVERT_DOCX}}}resume") or "{}", parse_constant=_no_constant, parse_float=_finite
            )
            styles = json.loads(root.findtext(f"{{{CVCONVERT_DOCX}}}styles") or "{}")
            mapping = json.loads(
                root.findtext(f"{{{CVCONVERT_DOCX}}}page") or "{}", parse_constant=_no_constant, parse_float=_finite
            )
        except (ValueError, RecursionError):
            raise InvalidInputError(f"damaged cvconvert data part ({name})") from None
        if not isinstance(resume, dict) or not isinstance(styles, dict) or not isinstance(mapping, dict):
            raise InvalidInputError(f"damaged cvconvert data part ({name})")
        generic, fixes, profiles = mapping.get("generic", []), mapping.get("fixes", {}), mapping.get("profiles")
        same = mapping.get("same", [])
        if (
            not isinstance(generic, list)
            or not isinstance(fixes, dict)
            or not isinstance(profiles, list | None)
            or not isinstance(same, list)
        ):
            raise InvalidInputError(f"damaged cvconvert data part ({name})")
        # The part is input like any JSON file: when it matches the page's fingerprint it is
        # the résumé as it stands, validated without load_resume, so the limits that
        # load_resume applies to JSON are applied here (a part nested 10,000 deep read, and
        # then every writer failed on it).
        check_depth(resume)
        check_depth(styles)
        check_depth(mapping)
        check_entries(resume)
        styles = {str(k): str(v) for k, v in styles.items()}
        version = str(root.get("version") or "1")
        return _Hidden(
            resume,
            str(root.get("lang") or "en"),
            styles,
            str(root.get("page") or ""),
            version,
            generic,
            fixes,
            profiles,
            frozenset(p for p in same if isinstance(p, str)),
        )
    return None


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range")
    return value


def _links(package: Any, names: set[str]) -> dict[str, str]:
    rels = "word/_rels/document.xml.rels"
    if rels not in names:
        return {}
    root = parse_xml(read_member(package, rels), rels)
    return {
        r.get("Id", ""): r.get("Target", "")
        for r in root.iter(f"{{{PACKAGE_RELS}}}Relationship")
        if r.get("Type") == REL_HYPERLINK
    }


def _style_names(package: Any, names: set[str]) -> dict[str, str]:
    if "word/styles.xml" not in names:
        return {}
    root = parse_xml(read_member(package, "word/styles.xml"), "word/styles.xml")
    found: dict[str, str] = {}
    for style in root.iter(_W + "style"):
        name = style.find(_W + "name")
        if name is not None:
            found[style.get(_W + "styleId", "")] = name.get(_W + "val", "")
    return found
