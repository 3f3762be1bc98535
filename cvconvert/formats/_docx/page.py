"""Our own DOCX's page read back: each paragraph's style, bookmarks and runs (:func:`_paragraphs`),
then the values it shows per field and entry (:func:`_walk`). :mod:`.merge` sets them against the
data part; :mod:`.read` does both."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cvconvert.errors import InvalidInputError
from cvconvert.formats._docx import i18n
from cvconvert.formats._docx.layout import (
    LOCATION_FIELDS,
    RANGE,
    SECTIONS,
    STYLE_FIELDS,
    VALUE,
    Line,
    Section,
)
from cvconvert.formats._docx.runs import TEXT_TAGS, text_of
from cvconvert.namespaces import R, W
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
