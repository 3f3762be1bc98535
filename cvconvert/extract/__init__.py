"""Best-effort structured reading of CVs that cvconvert did not write (rules, no AI model).

The engine is format-neutral: it reads a document as :class:`Line` records in reading order,
each with the layout hints the rules use (style, heading level, list item, bold, size, region).
Front-ends fill them: DOCX (``formats/_docx/order.py``), PDF and plain text. Reading goes in
three steps:

1. A front-end gives the lines (headers, body, tables, text boxes, footers) in reading order.
2. Section headings are found by their words (:mod:`headings`, many languages) and by looking
   like the headings that were recognised (same style, bold, capitals).
3. Each section is cut into entries around the date ranges people write; the lines of an entry
   head are split into organisation, title and place by vocabulary and by position.

This module is the entry point (:func:`extract`); the rules live in its modules:

* :mod:`.lines` -- the :class:`Line` record and the small tests on its text (bullets, CJK, words);
* :mod:`.daterange` -- date ranges as people write them (:func:`find_dates`);
* :mod:`.vocab` -- the words and captions that mark organisations, titles, degrees and fields;
* :mod:`.sections` -- section headings;
* :mod:`.contact` and :mod:`.places` -- name, contact details, label and location (``basics``);
* :mod:`.entries` and :mod:`.heads` -- entries of work, education, volunteer and projects;
* :mod:`.lists` -- the list sections (skills, languages, awards, ...).

Names with a leading underscore are shared between these modules only; the package's own names
are those in ``__all__``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from cvconvert import limits
from cvconvert.errors import LimitExceededError
from cvconvert.extract import headings
from cvconvert.extract.contact import _Basics
from cvconvert.extract.daterange import DateSpan, _without_dates, find_dates, language_hint, month_of
from cvconvert.extract.entries import (
    _ENTRY_SECTIONS,
    _Entry,
    _entry_data,
    _merge_into,
    _same_org_again,
    _segment,
)
from cvconvert.extract.lines import Line, _strip_bullet
from cvconvert.extract.lists import _list_items, _list_section
from cvconvert.extract.sections import _find_sections, _Section
from cvconvert.extract.vocab import (
    _AREA_KEYS,
    _DEGREE,
    _DEGREE_KEYS,
    _ORG,
    _SCHOOL_KEYS,
    _split_key,
)
from cvconvert.model import Resume
from cvconvert.report import Report, pointer

__all__ = ["DateSpan", "Line", "extract", "find_dates", "language_hint", "month_of"]


_LANGUAGE_NAMES = re.compile(
    r"(?i)^(?:english|german|french|spanish|portuguese|italian|dutch|russian|chinese|mandarin|cantonese|japanese|"
    r"korean|arabic|hindi|urdu|bengali|odia|oriya|tamil|telugu|marathi|turkish|polish|ukrainian|greek|swedish|"
    r"norwegian|danish|finnish|czech|hungarian|romanian|persian|hebrew|deutsch|englisch|französisch|spanisch|"
    r"italienisch|russisch|anglais|allemand|français|espagnol|italien|inglés|alemán|francés|español|inglês|"
    r"alemão|francês|português|английский|немецкий|французский|русский|испанский|英语|汉语|中文|日语|德语|法语)\b"
)


# Running heads and page numbers: "Jane Doe · Résumé 2", "Page 1 of 3", "- 2 -".
_PAGE_MARK = re.compile(
    r"(?i)(?:\b(?:résumé|resume|cv|curriculum vitae|lebenslauf|page|seite|страница)\W*\d+\s*(?:of|von|/)?\s*\d*\s*$"
    r"|^\W*\d{1,3}\W*$|^(?:page|seite)\s*\d+)"
)


def _captioned_schools(lines: list[Line], used: set[int]) -> list[dict[str, str]]:
    """Schools in the captioned personal block ("学校：…" with "专业：…" and "学历：…" beside);
    the lines taken are added to ``used``, so that no section reads them again."""
    items: list[dict[str, str]] = []
    for i, line in enumerate(lines):
        kv = _split_key(_strip_bullet(line.text))
        if not (kv and kv[1].strip() and _SCHOOL_KEYS.match(kv[0].casefold())):
            continue
        item = {"institution": kv[1].strip(" .;,")}
        used.add(id(line))
        for near in lines[max(0, i - 2) : i + 3]:
            other = _split_key(_strip_bullet(near.text))
            if not other or not other[1].strip():
                continue
            caption, value = other[0].casefold(), other[1].strip(" .;,")
            if _AREA_KEYS.match(caption) and "area" not in item:
                item["area"] = value
                used.add(id(near))
            elif _DEGREE_KEYS.match(caption) and "studyType" not in item:
                item["studyType"] = value
                used.add(id(near))
        items.append(item)
    return items


def _check_size(lines: list[Line]) -> None:
    """Refuse a document with more text than ``max_document_chars`` before the rules run."""
    most = limits.current().max_document_chars
    total = sum(len(line.text) for line in lines)
    if total > most:
        raise LimitExceededError(f"the document holds {total:,} characters of text (limit {most:,})")


def extract(
    lines: Sequence[Line], *, lang: str | None = None, author: str = "", notes: Iterable[str] = ()
) -> tuple[Resume, Report]:
    """Read a CV given as lines in reading order, best effort, without any AI model.

    Returns the résumé and a report whose warnings say what was found where and how sure the
    rules are. ``lang`` (e.g. "de") only adds weight to that language's words; ``author`` is the
    document's author as its metadata gives it (a hint for the name); ``notes`` are the front-end's
    warnings (parts it skipped). Raises LimitExceededError past ``max_document_chars``.
    """
    lines = list(lines)
    _check_size(lines)
    # The hint holds for this call only: nothing learnt from one file changes the next.
    with language_hint(lang):
        return _rules(lines, author, list(notes), lang)


def _rules(lines: list[Line], creator: str, notes: list[str], lang: str | None) -> tuple[Resume, Report]:
    """The rules over a document's lines: basics, sections, entries, lists."""
    report = Report()
    for message in notes:
        report.warn("", message)
    if not lines:
        report.warn("", "the document holds no text")
    running = [ln for ln in lines if ln.where in ("header", "footer") or _PAGE_MARK.search(ln.text)]
    running_ids = {id(ln) for ln in running}
    main = [ln for ln in lines if id(ln) not in running_ids]
    preface, sections = _find_sections(main, lang)
    personal = [ln for s in sections if s.key == "basics" for ln in s.lines]
    head = [ln for ln in running if ln.where == "header"]
    basics = _Basics(head + preface, personal, lines, report)
    basic = basics.run(creator)
    schools = (
        _captioned_schools(basics.captioned_block(), basics.used)
        if not any(s.key == "education" for s in sections)
        else []
    )
    # The name and contact lines are not part of the section they happen to stand in.
    for section in sections:
        section.lines = [ln for ln in section.lines if id(ln) not in basics.used]
    result: dict[str, Any] = {}
    summary = [s for s in sections if s.key == "summary"]
    if summary:
        text = " ".join(ln.text for ln in summary[0].lines if ln.text).strip()
        if text:
            basic["summary"] = text
            report.warn("/basics/summary", f"summary taken from the section {summary[0].title!r} (confidence 0.8)")
    else:
        # A paragraph of prose in the preface is the profile statement.
        for line in preface:
            if len(line.text) > 120 and id(line) not in basics.used and not find_dates(line.text):
                basic["summary"] = line.text
                report.warn(
                    "/basics/summary", "summary taken from a paragraph before the first section (confidence 0.5)"
                )
                break
    if basic:
        result["basics"] = basic
    # Skills tables that list languages beside other skills (one caption column, one content
    # column) leave a languages heading empty: the language names among the skills fill it.
    empty_lang = [s for s in sections if s.key == "languages" and not _list_items(s.lines)]
    if empty_lang:
        for s in sections:
            if s.key == "skills":
                moved = [ln for ln in s.lines if _LANGUAGE_NAMES.match(_strip_bullet(ln.text))]
                if moved:
                    # By identity through a set (every line equal to a moved one was moved too):
                    # searching the list for each line is quadratic in a long skills section.
                    moved_ids = {id(ln) for ln in moved}
                    s.lines = [ln for ln in s.lines if id(ln) not in moved_ids]
                    empty_lang[0].lines = moved
                    break
    if not any(s.key == "education" for s in sections):
        # Some CVs give the degrees only in the personal block ("Master / University / 2019-2021").
        for line in preface + personal:
            spans = find_dates(line.text)
            rest = _without_dates(line.text, spans)
            if spans and _DEGREE.search(rest) and _ORG.search(rest) and len(rest) < 120:
                item = _entry_data(_Entry(head=[line], dates=spans[0], closed=True), "education")
                if item:
                    report.warn(
                        pointer("education", len(result.get("education", []))),
                        "entry found in the personal details, no education heading (confidence 0.5)",
                    )
                    result.setdefault("education", []).append(item)
        if "education" not in result:
            for item in schools:
                report.warn(
                    pointer("education", len(result.get("education", []))),
                    "school found after its caption in the personal details, no education heading (confidence 0.5)",
                )
                result.setdefault("education", []).append(item)
    # "Languages: English, German" outside any section of its own: a one-line section.
    loose = preface + [ln for s in sections if s.key in ("basics", "other") for ln in s.lines]
    # The keys present, kept beside the list: asking every section for each loose line is
    # quadratic in a document of thousands of headings.
    present = {s.key for s in sections}
    for line in loose:
        if id(line) in basics.used:
            continue
        kv = _split_key(_strip_bullet(line.text))
        key = headings.lookup(kv[0]) if kv and kv[1] else None
        if kv and key in ("skills", "languages", "interests") and key not in present:
            sections.append(_Section(key, kv[0], 0.6, [Line(kv[1], where=line.where)]))
            present.add(key)
    for section in sections:
        key = section.key
        if key in ("basics", "summary", "other"):
            if key == "other":
                report.warn(
                    "",
                    f"section {section.title!r} has no JSON Resume place; skipped "
                    f"(confidence {section.confidence:.1f})",
                )
            continue
        items: list[dict[str, Any]] = []
        if key in _ENTRY_SECTIONS:
            for entry in _segment(section.lines, key):
                item = _entry_data(entry, key)
                if item is None:
                    continue
                where = pointer(key, len(result.get(key, [])) + len(items) - 1)
                if items and _same_org_again(items[-1], item, key):
                    # Another role at the organisation just above, without dates of its own: part
                    # of that entry (a promotion, a second team), not a new one.
                    _merge_into(items[-1], item)
                    report.warn(where, "an undated block naming the same organisation was added to this entry")
                    continue
                conf = (
                    0.5 + (0.2 if entry.dates else 0) + (0.1 if len(item) > 3 else 0) + (section.confidence - 0.9) / 2
                )
                where = pointer(key, len(result.get(key, [])) + len(items))
                report.warn(where, f"entry found under heading {section.title!r} (confidence {conf:.1f})")
                items.append(item)
        else:
            items = _list_section(key, section.lines)
            if items:
                report.warn(
                    pointer(key),
                    f"{len(items)} item(s) under heading {section.title!r} (confidence {section.confidence:.1f})",
                )
        if items:
            result.setdefault(key, []).extend(items)
    return Resume.model_validate(result), report
