"""Read a DOCX: our own (the page merged with our data part) or, through :mod:`.extract`, any other.

The page is the truth. Each value the writer showed sits in runs of its field's character style,
each entry starts at a paragraph holding a hidden bookmark (``_cv_work_3``: the fourth job of the
data part), and each section heading holds one (``_cv_work``). For every field shown, the page's
text is compared with what the writer would show for the hidden value: equal, the exact hidden
value is kept (a full date, text with characters XML cannot hold); different, the page's text is
read (a date parsed back, a list split at commas). A value gone from the page is gone from the
résumé; entries and bullets follow the page's order; entries and bullets a person added are read
from the page alone. What the page never showed (unknown fields, ``meta``) comes from the data part.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from cvconvert._deps import requires_extra
from cvconvert._input import check_depth, check_entries, open_zip, parse_xml, read_member
from cvconvert._load import load_resume
from cvconvert.errors import InvalidInputError
from cvconvert.formats._docx import DocxReadOptions, i18n
from cvconvert.formats._docx.layout import (
    LOCATION_FIELDS,
    RANGE,
    SECTIONS,
    STYLE_FIELDS,
    VALUE,
    Kind,
    Line,
    Section,
    apply_fix,
    display,
    link_target,
    page_value,
)
from cvconvert.formats._docx.runs import TEXT_TAGS, text_of
from cvconvert.model import Resume
from cvconvert.namespaces import CVCONVERT_DOCX, PACKAGE_RELS, REL_HYPERLINK, R, W
from cvconvert.report import Report, pointer

_W = f"{{{W}}}"
P, RUN = _W + "p", _W + "r"
PPR, PSTYLE, RPR, RSTYLE = (_W + t for t in ("pPr", "pStyle", "rPr", "rStyle"))
BOOKMARK, HYPERLINK, NUMPR = _W + "bookmarkStart", _W + "hyperlink", _W + "numPr"
RID = f"{{{R}}}id"
_MARK = re.compile(r"^_cv_([a-z]+)(?:_(\d+))?$")
_MISSING: Any = object()


@dataclass
class _Run:
    field: str | None
    text: str
    link: Any = None
    """The w:hyperlink element around the run, if any."""


@dataclass
class _Para:
    style: str
    marks: list[str]
    runs: list[_Run]
    bullet: bool

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class _Entry:
    index: int | None
    fields: dict[str, str] = field(default_factory=dict)
    bullets: list[str] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)


@dataclass
class _Page:
    basics: dict[str, str] = field(default_factory=dict)
    profiles: list[dict[str, str]] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    sections: dict[str, list[_Entry]] = field(default_factory=dict)
    generic: dict[int, list[str]] = field(default_factory=dict)
    """The values of each paragraph bookmarked ``_cvx_N`` (runs in the "CV Value" style), by N."""
    unmarked: list[list[str]] = field(default_factory=list)
    """The values of paragraphs in that style without such a bookmark, in page order."""


@dataclass
class _Hidden:
    """Our data part: the résumé without what the page shows (version 2), or all of it (version 1)."""

    resume: dict[str, Any]
    lang: str
    styles: dict[str, str]
    fingerprint: str
    version: str
    generic: list[Any] = field(default_factory=list)
    fixes: dict[str, Any] = field(default_factory=dict)
    profiles: list[Any] | None = None
    same: frozenset[str] = frozenset()
    """Entries (by pointer) whose start and end date the page shows once."""

    @property
    def by_list(self) -> dict[str, dict[str, Any]]:
        """The fixes grouped by the pointer of the list (or object) holding their value, built once."""
        if self._by_list is None:
            self._by_list = {}
            for key, fix in self.fixes.items():
                self._by_list.setdefault(key.rpartition("/")[0], {})[key] = fix
        return self._by_list

    _by_list: dict[str, dict[str, Any]] | None = None


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


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


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


def _paragraphs(document: Any, styles: dict[str, str], more_styles: Any) -> list[_Para]:
    """Every paragraph in order, with its style name, our bookmarks and its runs' fields."""
    body = document.find(_W + "body")
    if body is None:
        raise InvalidInputError("not a Word document (no body in word/document.xml)")
    looked_up = False

    def name_of(sid: str) -> str:
        nonlocal looked_up
        if sid not in styles and not looked_up:
            # A style the writer did not use (a person applied it): ask styles.xml, once.
            looked_up = True
            for key, value in more_styles().items():
                styles.setdefault(key, value)
        return styles.get(sid, sid)

    out: list[_Para] = []
    pending: list[str] = []
    para: _Para | None = None
    run: _Run | None = None
    pieces: list[str] = []
    # One pass over the elements that matter, in document order: far fewer calls than a find()
    # per paragraph and run. A paragraph's properties come before its runs, so a style or tab
    # seen while no run is open belongs to the paragraph, not to text.
    for el in body.iter(P, BOOKMARK, PSTYLE, NUMPR, RUN, RSTYLE, *TEXT_TAGS):
        tag = el.tag
        if tag in TEXT_TAGS:
            # A tab stop (w:tabs/w:tab) in the paragraph's properties comes before any run.
            if run is not None:
                pieces.append(text_of(el))
        elif tag == RUN:
            if run is not None:
                run.text = "".join(pieces)
            assert para is not None
            parent = el.getparent()
            run = _Run(None, "", parent if parent.tag == HYPERLINK else None)
            pieces = []
            para.runs.append(run)
        elif tag == RSTYLE:
            if run is not None:
                run.field = STYLE_FIELDS.get(name_of(el.get(_W + "val", "")))
        elif tag == P:
            if run is not None:
                run.text = "".join(pieces)
            run, pieces = None, []
            para = _Para("Normal", pending, [], False)
            pending = []
            out.append(para)
        elif tag == PSTYLE:
            if para is not None and run is None:
                para.style = name_of(el.get(_W + "val", ""))
                para.bullet = para.bullet or para.style == "List Bullet"
        elif tag == NUMPR:
            if para is not None and run is None:
                para.bullet = True
        elif tag == BOOKMARK:
            name = el.get(_W + "name", "")
            if para is None or el.getparent().tag == _W + "body":
                pending.append(name)  # between paragraphs: belongs to the next one
            else:
                para.marks.append(name)
    if run is not None:
        run.text = "".join(pieces)
    for item in out:
        item.marks = [m for m in item.marks if m.startswith("_cv")]
    return out


def _mark(para: _Para) -> tuple[str, int | None] | None:
    for name in para.marks:
        if m := _MARK.match(name):
            return m[1], int(m[2]) if m[2] is not None else None
    return None


def _generic_mark(para: _Para) -> int | None:
    for name in para.marks:
        if name.startswith("_cvx_") and name[5:].isdigit() and len(name) < 16:
            return int(name[5:])
    return None


def _segments(para: _Para) -> list[str]:
    """A generic paragraph's values: its "CV Value" runs, split where another run comes between."""
    out: list[str] = []
    previous = False
    for run in para.runs:
        value = run.field == VALUE
        if value:
            if previous:
                out[-1] += run.text
            else:
                out.append(run.text)
        previous = value
    return out


def _walk(paras: list[_Para], links: dict[str, str], lang: i18n.Language, report: Report) -> _Page:
    """The page as fields: basics, summary, and each section's entries."""
    page = _Page()
    section: str | None = None
    ignoring = False
    entry: _Entry | None = None
    for para in paras:
        number = _generic_mark(para)
        if number is not None:
            # Values no layout knows, put back by the data part's map; a custom section's heading
            # ends the section before (what a person types under it is not read).
            if number not in page.generic:
                page.generic[number] = _segments(para)
            if para.style in ("heading 1", "Heading 1"):
                section, ignoring, entry = None, True, None
            continue
        if any(r.field == VALUE for r in para.runs):
            page.unmarked.append(_segments(para))  # its bookmark was dropped: matched by order later
            continue
        mark = _mark(para)
        text = para.text
        if para.style in ("heading 1", "Heading 1") or (mark is not None and mark[1] is None):
            key = mark[0] if mark is not None and mark[1] is None else i18n.section_for_title(text)
            if key is None or (key != "summary" and key not in SECTIONS):
                if text.strip():
                    report.lost("", "a heading that names no résumé section; the text under it is not read")
                section, ignoring, entry = None, True, None
                continue
            section, ignoring, entry = key, False, None
            if key != "summary":
                page.sections.setdefault(key, [])
            continue
        if ignoring:
            continue
        if section is None:
            _basics_para(page, para, links, report)
        elif section == "summary":
            if text.strip() or any(r.field == "summary" for r in para.runs):
                page.summary.append(text)
        else:
            layout = SECTIONS[section]
            starts = para.style in ("heading 2", "Heading 2", "CV Item") or (mark is not None and mark[0] == section)
            if starts or entry is None:
                if not starts and not text.strip():
                    continue
                index = mark[1] if mark is not None and mark[0] == section else None
                entry = _Entry(index)
                page.sections[section].append(entry)
            _entry_para(layout, entry, para, starts, lang)
    return page


def _basics_para(page: _Page, para: _Para, links: dict[str, str], report: Report) -> None:
    text = para.text
    if para.style == "Title":
        page.basics["name"] = page.basics["name"] + "\n" + text if "name" in page.basics else text
        return
    if para.style == "Subtitle":
        page.basics["label"] = page.basics["label"] + "\n" + text if "label" in page.basics else text
        return
    profile: dict[str, str] | None = None
    profile_link: Any = None
    loose: _LooseLink | None = None
    pending: list[_LooseLink] = []
    last: str | None = None
    tagged = False
    styled_links = [r.link for r in para.runs if r.field is not None and r.link is not None]
    for run in para.runs:
        key = run.field
        if key is None and "·" in run.text:
            profile = None  # the writer's separator between two items of the line
        if key is None:
            if run.link is not None and run.text and not any(run.link is link for link in styled_links):
                # A link whose runs lost their field styles (LibreOffice gives every run of a
                # multi-run link its own "Internet Link" style): read it as the writer shows profiles.
                if loose is None or loose.element is not run.link:
                    loose = _LooseLink(run.link, {})
                    target = links.get(run.link.get(RID, ""))
                    if target:
                        loose.profile["link"] = target
                    page.profiles.append(loose.profile)
                    pending.append(loose)
                loose.text += run.text
                tagged = True
            last = None
            continue
        loose = None
        tagged = True
        if key.startswith("profile."):
            sub = key.removeprefix("profile.")
            new = (
                profile is None
                or (sub in profile and last != key)
                or (run.link is not None and profile_link is not None and run.link is not profile_link)
                or (sub == "network" and last != key and bool(profile))
            )
            if new:
                profile = {}
                profile_link = run.link
                page.profiles.append(profile)
                if run.link is not None:
                    target = links.get(run.link.get(RID, ""))
                    if target:
                        profile["link"] = target
            assert profile is not None
            profile[sub] = profile.get(sub, "") + run.text
        elif key in LOCATION_FIELDS or key in ("email", "phone", "url"):
            profile = None
            page.basics[key] = (
                page.basics.get(key, "") + run.text if last == key or key not in page.basics else run.text
            )
        last = key
    if not tagged and text.strip():
        report.lost(pointer("basics"), "a paragraph in the header that is no field; not read")
    for item in pending:
        _loose_link(page, item)


@dataclass
class _LooseLink:
    """The runs of one hyperlink that lost their field styles, read as the writer shows profiles."""

    element: Any
    """The w:hyperlink element the runs sit in."""
    profile: dict[str, str]
    """Its place in the page's profiles, filled in when the paragraph has been read."""
    text: str = ""


def _loose_link(page: _Page, loose: _LooseLink) -> None:
    raw = loose.text.strip()
    item = loose.profile
    if item.get("link", "").startswith("mailto:") and "email" not in page.basics:
        page.profiles[:] = [p for p in page.profiles if p is not item]
        page.basics["email"] = raw
        return
    network, sep, rest = raw.partition(": ")
    value = rest if sep else raw
    if sep:
        item["network"] = network
    if value:
        item["url" if "://" in value or value.startswith("www.") else "username"] = value


def _entry_para(layout: Section, entry: _Entry, para: _Para, starts: bool, lang: i18n.Language) -> None:
    if para.bullet:
        entry.bullets.append(para.text)
        return
    found: dict[str, str] = {}
    stray: list[str] = []
    for run in para.runs:
        if run.field is not None and run.field in layout.parts:
            found[run.field] = found.get(run.field, "") + run.text
        elif not _decoration(run.text, lang):
            stray.append(run.text)
    if not found and stray:
        text = para.text
        if starts:
            found = _fallback(layout.head, text, lang, "startDate" in layout.parts)
        elif para.style == "CV Details" and layout.sub is not None:
            found = _fallback(layout.sub, text, lang, "startDate" in layout.parts)
        else:
            entry.stray.append(text)
            return
    elif stray and not _decoration("".join(stray), lang):
        entry.stray.append("".join(stray).strip())
    for key, value in found.items():
        entry.fields[key] = entry.fields[key] + "\n" + value if key in entry.fields else value


def _decoration(text: str, lang: i18n.Language) -> bool:
    """Separators and labels the writer puts between values ("·", "Courses:"), not data."""
    bare = text.strip(" \t·,:;—–-|\u00a0\u202f：")
    return not bare or bare in lang.labels.values()


def _fallback(line: Line, text: str, lang: i18n.Language, ranged: bool) -> dict[str, str]:
    """Fields from a line a person typed without our character styles, split as the writer joins them.

    After the tab comes what the writer puts there, except that dates are dates on any line of a
    section that has a date range (many CVs put them on the first line).
    """
    left, _, right = text.partition("\t")
    found: dict[str, str] = {}
    rest = left
    parts = line.left
    for i, part in enumerate(parts):
        if not rest:
            break
        following = parts[i + 1] if i + 1 < len(parts) else None
        value, sep, after = rest.partition(following.sep) if following is not None else (rest, "", "")
        rest = after if sep else ""
        if value.strip():
            found[part.field] = value.strip()
    right = right.strip()
    if right and (line.right == RANGE or (ranged and _is_range(right, lang))):
        start, end = i18n.split_range(right)
        if end is None:
            found["endDate"] = start  # the writer shows a lone date only for an end date
        else:
            found["startDate"] = start
            found["endDate"] = end
    elif right and line.right:
        found[line.right[0].field] = right
    return {k: v for k, v in found.items() if v}


def _is_range(text: str, lang: i18n.Language) -> bool:
    start, end = i18n.split_range(text)
    dated = lang.parse_date(start) is not None
    return dated and (end is None or lang.parse_date(end) is not None or lang.means_present(end))


# --- merging the page with the data part ------------------------------------------------------


def _apply(
    out: dict[str, Any],
    key: str,
    kind: Kind,
    shown: str | None,
    old_shown: str,
    lang: i18n.Language,
    report: Report,
    where: str,
    fix: object = None,
) -> None:
    """Set ``out[key]`` from the page: kept when unchanged, read when edited, removed when gone.

    ``where`` points at the object holding the field (the pointer is built only for a note);
    ``fix`` is the data part's fix for this field (the exact value behind the text it was made for).
    """
    if fix is not None and shown is not None:
        ok, exact = apply_fix(fix, kind, shown, lang)
        if ok:
            out[key] = exact
            return
    if kind == "end" and shown is not None and lang.means_present(shown):
        shown = None
    if shown is not None and shown == old_shown:
        return
    if shown is None or not shown.strip():
        if key in out and old_shown != "":
            del out[key]
        return
    value = page_value(kind, shown, lang)
    if value is None and kind in ("date", "end"):
        # The edit on the page did not arrive: a loss, whether the old value stays or not.
        outcome = "kept as before" if key in out else "left out"
        report.lost(where + pointer(key), f"a date on the page that could not be read; {outcome}")
        return
    out[key] = value


def _merge(hidden: dict[str, Any], page: _Page, lang: i18n.Language, report: Report, part: _Hidden) -> dict[str, Any]:
    result = dict(hidden)
    fixes = part.fixes
    _merge_basics(result, page, lang, report, part)
    for key, section in SECTIONS.items():
        old = hidden.get(key)
        old_list = old if isinstance(old, list) else []
        entries = page.sections.get(key)
        if entries is None:
            if any(isinstance(e, dict) for e in old_list):
                del result[key]  # the heading and every entry were deleted from the page
            continue
        used: set[int] = set()
        matches: list[int | None] = []
        for entry in entries:
            index = entry.index
            ok = index is not None and index not in used and index < len(old_list) and isinstance(old_list[index], dict)
            matches.append(index if ok else None)
            if ok:
                used.add(index)  # type: ignore[arg-type]  # ok implies an int
        if part.version != "1" and not used and len(entries) == len(old_list):
            # No bookmark left (another editor dropped them all) and as many entries as written:
            # the page's order is the data part's (version 2 keeps no shown text to match by).
            matches = list(range(len(entries)))
        elif None in matches and len(used) < len(old_list):
            # Entries without their bookmark (another editor dropped it): an unused hidden entry that
            # shows exactly the same text is the same entry.
            shown = {
                j: _signature(section, e, lang) for j, e in enumerate(old_list) if j not in used and isinstance(e, dict)
            }
            for n, entry in enumerate(entries):
                if matches[n] is None:
                    page_sig = _page_signature(entry)
                    j = next((j for j, sig in shown.items() if j not in used and sig == page_sig), None)
                    if j is not None:
                        matches[n] = j
                        used.add(j)
        result[key] = [
            _merge_entry(
                section,
                entry,
                old_list[j] if j is not None else None,
                lang,
                report,
                pointer(key, n),
                fixes if j is not None else {},
                pointer(key, j) if j is not None else "",
                part,
            )
            for n, (entry, j) in enumerate(zip(entries, matches, strict=True))
        ]
    return result


def _signature(section: Section, entry: dict[str, Any], lang: i18n.Language) -> tuple[Any, ...]:
    """What the writer shows of an entry: its fields' texts and its bullets."""
    fields = {key: display(part.kind, entry.get(key), lang) for key, part in section.parts.items()}
    if "endDate" in fields and fields["startDate"] and not fields["endDate"]:
        fields["endDate"] = lang.labels["present"]
    bullets = entry.get(section.bullets) if section.bullets else None
    shown = tuple(display("text", b, lang) for b in bullets) if isinstance(bullets, list) else ()
    return tuple(sorted((k, v) for k, v in fields.items() if v)), shown


def _page_signature(entry: _Entry) -> tuple[Any, ...]:
    return tuple(sorted((k, v) for k, v in entry.fields.items() if v)), tuple(entry.bullets)


def _merge_entry(
    section: Section,
    entry: _Entry,
    hidden: dict[str, Any] | None,
    lang: i18n.Language,
    report: Report,
    where: str,
    fixes: dict[str, Any],
    written: str,
    hidden_part: _Hidden,
) -> dict[str, Any]:
    """One entry: ``hidden`` is its data part entry, ``written`` its pointer there (for ``fixes``)."""
    out = dict(hidden) if hidden is not None else {}
    if written in hidden_part.same and "startDate" in entry.fields and "endDate" not in entry.fields:
        entry.fields["endDate"] = entry.fields["startDate"]  # one date shown for both
    for key, part in section.parts.items():
        old_shown = display(part.kind, out[key], lang) if key in out else ""
        fix = fixes.get(written + pointer(key)) if fixes else None
        _apply(out, key, part.kind, entry.fields.get(key), old_shown, lang, report, where, fix)
    if section.bullets:
        _merge_bullets(out, section.bullets, entry.bullets, lang)
        items = out.get(section.bullets)
        if hidden_part.version != "1" and isinstance(items, list):
            _fix_bullets(items, hidden_part.by_list, written + pointer(section.bullets) if written else "", lang)
    elif entry.bullets:
        entry.stray.extend(entry.bullets)
    if entry.stray:
        target = section.fallback_text
        if target is None:
            report.lost(where, "text on the page that belongs to no field of this entry; not read")
        else:
            current = out.get(target) if isinstance(out.get(target), str) else None
            out[target] = "\n".join([*([current] if current else []), *entry.stray])
            report.warn(where + pointer(target), "text on the page outside any field; read into this field")
    return out


def _fix_bullets(items: list[Any], fixes: dict[str, dict[str, Any]], where: str, lang: i18n.Language) -> None:
    """Bullets read from the page made exact by their fixes: a bullet's own first (same place), else
    an unused one made for the same text (bullets deleted or moved above it)."""
    prefix = where + "/"
    spare = dict(fixes.get(where, {})) if where else {}
    for n, item in enumerate(items):
        if not isinstance(item, str):
            continue
        found = False
        for key in (prefix + str(n), *spare):
            fix = spare.get(key)
            ok, exact = apply_fix(fix, "text", item, lang) if fix is not None else (False, None)
            if ok:
                items[n] = exact
                del spare[key]
                found = True
                break
        if not found:
            items[n] = i18n.untypeset(item)


def _merge_bullets(out: dict[str, Any], key: str, bullets: list[str], lang: i18n.Language) -> None:
    old = out.get(key)
    old_items = old if isinstance(old, list) else []
    if not bullets:
        if old_items:
            del out[key]
        return
    used: set[int] = set()
    items: list[Any] = []
    for text in bullets:
        match = next(
            (j for j, item in enumerate(old_items) if j not in used and display("text", item, lang) == text), None
        )
        if match is None:
            items.append(text)
        else:
            used.add(match)
            items.append(old_items[match])
    out[key] = items


def _merge_basics(result: dict[str, Any], page: _Page, lang: i18n.Language, report: Report, part: _Hidden) -> None:
    old = result.get("basics")
    basics = dict(old) if isinstance(old, dict) else {}
    where = pointer("basics")
    fixes = part.fixes
    for key in ("name", "label", "email", "phone", "url"):
        old_shown = display("text", basics[key], lang) if key in basics else ""
        fix = fixes.get(where + pointer(key))
        _apply(basics, key, "text", page.basics.get(key), old_shown, lang, report, where, fix)
    summary = "\n".join(page.summary) if page.summary else None
    old_shown = display("text", basics["summary"], lang) if "summary" in basics else ""
    _apply(basics, "summary", "text", summary, old_shown, lang, report, where, fixes.get("/basics/summary"))
    old_location = basics.get("location")
    location = dict(old_location) if isinstance(old_location, dict) else {}
    for key in LOCATION_FIELDS:
        kind: Kind = "country" if key == "countryCode" else "text"
        old_shown = display(kind, location[key], lang) if key in location else ""
        here = where + pointer("location")
        fix = fixes.get(here + pointer(key))
        _apply(location, key, kind, page.basics.get(key), old_shown, lang, report, here, fix)
    if location or isinstance(old_location, dict):
        basics["location"] = location
    if part.version == "1":
        _merge_profiles(basics, page.profiles, lang)
    else:
        _merge_shown_profiles(basics, page.profiles, part.profiles or [], fixes, lang, report)
    if basics or isinstance(old, dict):
        result["basics"] = basics


def _profile_shown(profile: dict[str, Any], lang: i18n.Language) -> dict[str, str]:
    """What the writer showed of a profile: network and username (or the URL) as text, the link."""
    shown: dict[str, str] = {}
    network = display("text", profile.get("network"), lang)
    username = display("text", profile.get("username"), lang)
    url = profile.get("url")
    url_text = display("text", url, lang)
    if network:
        shown["network"] = network
    if username:
        shown["username"] = username
    elif url_text:
        shown["url"] = url_text
    if (network or username or url_text) and isinstance(url, str) and url == url_text:
        target = link_target(url)
        if target is not None:
            shown["link"] = target
    return shown


def _merge_profiles(basics: dict[str, Any], page: list[dict[str, str]], lang: i18n.Language) -> None:
    old = basics.get("profiles")
    old_items = [p for p in old if isinstance(p, dict)] if isinstance(old, list) else []
    shown = [_profile_shown(p, lang) for p in old_items]
    unseen = [(j, p) for j, p in enumerate(old_items) if not shown[j]]
    candidates = [j for j in range(len(old_items)) if shown[j]]
    if not page and not candidates:
        return
    used: set[int] = set()
    merged: list[dict[str, Any]] = []
    for n, item in enumerate(page):
        match = next((j for j in candidates if j not in used and shown[j] == item), None)
        if match is None and len(page) == len(candidates) and candidates[n] not in used:
            match = candidates[n]  # same place, edited: keep what the page does not show
        if match is not None:
            used.add(match)
        out = dict(old_items[match]) if match is not None else {}
        before = shown[match] if match is not None else {}
        for key in ("network", "username"):
            _apply(out, key, "text", item.get(key), before.get(key, ""), lang, Report(), "")
        url_shown = item["url"] if "url" in item else item.get("link")
        old_url = before["url"] if "url" in before else before.get("link", "")
        _apply(out, "url", "text", url_shown, old_url, lang, Report(), "")
        merged.append(out)
    for j, profile in unseen:
        merged.insert(min(j, len(merged)), profile)
    if merged or isinstance(old, list):
        basics["profiles"] = merged
    elif "profiles" in basics:
        del basics["profiles"]


def _merge_shown_profiles(
    basics: dict[str, Any],
    page: list[dict[str, str]],
    listed: list[Any],
    fixes: dict[str, Any],
    lang: i18n.Language,
    report: Report,
) -> None:
    """Profiles of version 2: the page's n-th profile is the data part's ``listed[n]``-th.

    Profiles the page never showed stay where they were; a profile deleted on the page goes with
    what the data part kept of it, unless the count changed, when none can be matched.
    """
    old = basics.get("profiles")
    old_items = old if isinstance(old, list) else []
    shown = [j for j in listed if isinstance(j, int) and 0 <= j < len(old_items) and isinstance(old_items[j], dict)]
    if len(shown) != len(page) and any(old_items[j] for j in shown):
        report.lost(
            pointer("basics", "profiles"),
            "profiles added or deleted on the page: what the data part kept of them (fields not shown) is left out",
        )
    matched = shown if len(shown) == len(page) else []
    merged: list[Any] = []
    taken = set(shown)
    for n, item in enumerate(page):
        j = matched[n] if matched else None
        out = dict(old_items[j]) if j is not None else {}
        here = pointer("basics", "profiles", j) if j is not None else ""
        for key in ("network", "username"):
            fix = fixes.get(here + pointer(key)) if here else None
            _apply(out, key, "text", item.get(key), "", lang, Report(), "", fix)
        url_shown = item["url"] if "url" in item else item.get("link")
        _apply(out, "url", "text", url_shown, "", lang, Report(), "", fixes.get(here + "/url") if here else None)
        merged.append(out)
    # Profiles the page never showed keep their place among the others.
    for j, profile in enumerate(old_items):
        if j not in taken:
            merged.insert(min(j, len(merged)), profile)
    if merged or isinstance(old, list):
        basics["profiles"] = merged


def _locate(data: Any, where: str) -> tuple[Any, str | int] | None:
    """The container holding the value at a JSON Pointer (from the data part: untrusted), and its key."""
    if not where.startswith("/"):
        return None
    node = data
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in where.split("/")[1:]]
    for n, token in enumerate(tokens):
        key: str | int = token
        if isinstance(node, list):
            if not token.isdigit() or int(token) >= len(node):
                return None
            key = int(token)
        elif not isinstance(node, dict) or token not in node:
            return None
        if n == len(tokens) - 1:
            return node, key
        node = node[key]
    return None


def _typed(text: str, kind: object, where: str, report: Report) -> object:
    """A generic value from its text on the page: a number or truth value again when it still reads as one."""
    if kind == "n":
        try:
            value = json.loads(text.strip(), parse_constant=_no_constant)
        except ValueError:
            value = None
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return value
    elif kind == "b":
        if text.strip() in ("true", "false"):
            return text.strip() == "true"
    else:
        return i18n.untypeset(text)
    report.warn(where, "a number or true/false edited into other text on the page; read as text")
    return i18n.untypeset(text)


def _fill_generic(
    rest: dict[str, Any],
    generic: list[Any],
    fixes: dict[str, Any],
    page: dict[int, list[str]],
    unmarked: list[list[str]],
    report: Report,
) -> None:
    """Put the page's generic values back into the data part's résumé (in place); values gone from
    the page are removed, and so is an object or list left empty by their removal."""
    english = i18n.language("en")
    if not page and unmarked:
        # Every bookmark was dropped (another editor): the n-th paragraph of values is the n-th
        # the writer made, when as many are left.
        numbers = [n for n, leaves in enumerate(generic) if leaves]
        if len(numbers) == len(unmarked):
            page = dict(zip(numbers, unmarked, strict=True))
        else:
            report.lost("", "values of fields the layout does not know lost their bookmarks on the page; not read")
    gone: list[str] = []
    for number, leaves in enumerate(generic):
        if not isinstance(leaves, list):
            continue
        values = page.get(number)
        valid = [leaf for leaf in leaves if isinstance(leaf, list) and len(leaf) == 2 and isinstance(leaf[0], str)]
        for n, (where, kind) in enumerate(valid):
            if values is None or n >= len(values):
                gone.append(where)
                continue
            ok, exact = apply_fix(fixes.get(where), "text", values[n], english)
            found = _locate(rest, where)
            if found is not None:
                found[0][found[1]] = exact if ok else _typed(values[n], kind, where, report)
        if values is not None and len(values) > len(valid):
            report.lost("", "a value typed in the CV Value style where the page had none; not read")
    # Removed last first: a list's later items go before its earlier ones, so indexes stay true.
    for where in reversed(gone):
        while True:
            found = _locate(rest, where)
            if found is None:
                break
            container, key = found
            del container[key]
            if container or where.count("/") < 2:
                break
            where = where.rsplit("/", 1)[0]
