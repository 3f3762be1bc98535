"""Best-effort structured reading of CVs that cvconvert did not write (rules, no AI model).

The engine is format-neutral: it reads a document as :class:`Line` records in reading order,
each with the layout hints the rules use (style, heading level, list item, bold, size, region).
Front-ends fill them: DOCX (``formats/_docx/order.py``), PDF (``formats/_pdf/text.py``) and
plain text or Markdown (``formats/_text.py``). :func:`extract` runs the named passes of
:data:`PASSES` in order over one :class:`_State`; each pass reads like its name:

1. ``running_heads`` -- page headers, footers and page numbers are set aside;
2. ``sections`` -- section headings, by their words (:mod:`.headings`, many languages) and by
   looking like the headings that were recognised (same style, bold, capitals);
3. ``basics`` -- name, contact details, label and place from the lines before the first section
   and the personal-details sections;
4. ``summary`` -- the profile statement;
5. ``skills_in_entries`` -- an undated "experience and skills" section of captioned lists is
   skills;
6. ``languages_in_skills`` -- spoken languages listed among the skills go to the languages
   section;
7. ``computer_languages`` -- a languages section that names no spoken language is skills;
8. ``education_in_basics`` -- degrees given only in the personal block;
9. ``loose_sections`` -- "Languages: English, German" outside a section of its own;
10. ``entries`` -- work, education, volunteer and projects, cut around the date ranges people
   write, each head split into organisation, title and place;
11. ``lists`` -- skills, languages, awards, certificates, publications, interests, references.

No state outlives a call: the language (given as a hint or told from the text) holds for that
call only, so that a file's result never depends on the files read before it.

The rules live in the package's modules:

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
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
from cvconvert.extract.lines import Line, _cjk, _strip_bullet, _words
from cvconvert.extract.lists import (
    _is_language_name,
    _language_lines,
    _list_items,
    _list_section,
    _no_language_named,
    _spoken_list,
)
from cvconvert.extract.sections import _find_sections, _Section
from cvconvert.extract.vocab import (
    _AREA_KEYS,
    _DEGREE,
    _DEGREE_KEYS,
    _ORG,
    _SCHOOL_KEYS,
    _split_key,
)
from cvconvert.language import detect
from cvconvert.model import Resume
from cvconvert.report import Report, pointer

__all__ = ["DateSpan", "Line", "extract", "find_dates", "language_hint", "month_of"]


# Running heads and page numbers: "Jane Doe · Résumé 2", "Page 1 of 3", "- 2 -".
_PAGE_MARK = re.compile(
    r"(?i)(?:\b(?:résumé|resume|cv|curriculum vitae|lebenslauf|page|seite|страница)\W*\d+\s*(?:of|von|/)?\s*\d*\s*$"
    r"|^\W*\d{1,3}\W*$|^(?:page|seite)\s*\d+"
    # A form's marks that a list goes on overleaf or ends here: "（次頁へ）", "（以上）", "(continued)".
    r"|^\s*[(（]?\s*(?:次頁へ|次ページへ|続く|以上|계속|이상|续|continued|cont\.|fortsetzung|suite)\s*[)）]?\s*$)"
)


# "I consent to the processing of my personal data …", per language.
_CONSENT = re.compile(
    r"(?i)processing of (?:my )?personal data|przetwarzanie moich danych|"
    r"verarbeitung meiner (?:personenbezogenen )?daten|"
    r"trattamento dei (?:miei )?dati personali|tratamiento de (?:mis )?datos personales|"
    r"tratamento dos (?:meus )?dados pessoais|traitement de mes données|обработку (?:моих )?персональных данных|"
    r"zpracování (?:mých )?osobních údajů|kişisel verilerimin işlenmesi"
)


@dataclass
class _State:
    """What the passes know of one document so far; made for one call and dropped after it."""

    lines: list[Line]
    lang: str | None
    creator: str
    report: Report = field(default_factory=Report)
    running: list[Line] = field(default_factory=list)  # page headers, footers, page numbers
    body: list[Line] = field(default_factory=list)  # everything else, in reading order
    preface: list[Line] = field(default_factory=list)  # the lines before the first section
    sections: list[_Section] = field(default_factory=list)
    personal: list[Line] = field(default_factory=list)  # the lines of personal-details sections
    basics: _Basics | None = None
    basic: dict[str, Any] = field(default_factory=dict)  # the basics found so far
    result: dict[str, Any] = field(default_factory=dict)  # the résumé's sections found so far
    schools: list[dict[str, str]] = field(default_factory=list)  # captioned schools in the basics

    def keys(self) -> set[str]:
        """The keys of the sections found."""
        return {s.key for s in self.sections}

    def used(self) -> set[int]:
        """``id()`` of the lines taken as name and contact details."""
        return self.basics.used if self.basics is not None else set()

    def add(self, key: str, item: dict[str, Any], message: str) -> None:
        """One more item of a résumé section, with the report's note on where it came from."""
        items = self.result.setdefault(key, [])
        self.report.warn(pointer(key, len(items)), message)
        items.append(item)


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
    rules are. ``lang`` (e.g. "de") is a hint: it only adds weight to that language's words;
    without it the language is told from the text. ``author`` is the document's author as its
    metadata gives it (a hint for the name); ``notes`` are the front-end's warnings (parts it
    skipped). Raises LimitExceededError past ``max_document_chars``.
    """
    lines = list(lines)
    _check_size(lines)
    # Without a hint the document tells its language; a hint is taken as given (it may be
    # wrong, but it is the caller's word).
    state = _State(lines, lang or detect(lines), author)
    for message in notes:
        state.report.warn("", message)
    # The language holds for this call only: nothing learnt from one file changes the next.
    with language_hint(state.lang):
        for step in PASSES:
            step(state)
    return Resume.model_validate(state.result), state.report


# --- the passes, in the order they run ----------------------------------------------------------


def running_heads(state: _State) -> None:
    """Page headers, footers and page numbers ("Page 2 of 3", "- 2 -") leave the body, and so
    does a consent to the processing of personal data (the clause CVs in some countries end with),
    with the lines of its paragraph."""
    if not state.lines:
        state.report.warn("", "the document holds no text")
    consent: Line | None = None
    for line in state.lines:
        if _CONSENT.search(line.text):
            consent = line
            continue
        if consent is not None and _goes_on_with(consent, line):
            consent = line
            continue
        consent = None
        running = line.where in ("header", "footer") or _PAGE_MARK.search(line.text)
        (state.running if running else state.body).append(line)


def _goes_on_with(previous: Line, line: Line) -> bool:
    """The next line of the same paragraph, or of the same sentence (in lower case after a line
    that does not end one)."""
    same = previous.para == line.para and previous.where == line.where
    return same or (line.text[:1].islower() and not previous.text.rstrip().endswith((".", "!", "?", "。")))


def sections(state: _State) -> None:
    """The body cut at its section headings; what stands before the first is the preface."""
    state.preface, state.sections = _find_sections(state.body, state.lang)
    state.personal = [ln for s in state.sections if s.key == "basics" for ln in s.lines]


def basics(state: _State) -> None:
    """Name, contact details, label and place, from the page header, the preface and the
    personal-details sections (the whole document as a fallback for contact details)."""
    head = [ln for ln in state.running if ln.where == "header"]
    foreign = frozenset(id(ln) for s in state.sections if s.key in _OWN_LINKS for ln in s.lines)
    state.basics = _Basics(head + state.preface, state.personal, state.lines, state.report, foreign, state.lang)
    state.basic = state.basics.run(state.creator)
    if "education" not in state.keys():
        _captioned_schools(state)
    # The name and contact lines are not part of the section they happen to stand in.
    used = state.used()
    for section in state.sections:
        section.lines = [ln for ln in section.lines if id(ln) not in used]


# Sections whose items carry links of their own (a project's repository, a certificate's badge,
# a referee's profile), not the applicant's.
_OWN_LINKS = frozenset(
    {"work", "education", "volunteer", "projects", "awards", "certificates", "publications", "references"}
)


def summary(state: _State) -> None:
    """The profile statement: a summary section's text, else a paragraph of prose before the
    first section, else one that opens the main column after a sidebar's sections."""
    found = [s for s in state.sections if s.key == "summary"]
    # An "About me" section may hold only links and handles ("LinkedIn : jane-doe"): no statement.
    text = " ".join(ln.text for ln in found[0].lines if ln.text and not _contact_only(ln)).strip() if found else ""
    if text:
        state.basic["summary"] = text
        state.report.warn("/basics/summary", f"summary taken from the section {found[0].title!r} (confidence 0.8)")
    else:
        prose = _prose(_prose_runs(state.preface, state.used())) or _column_opening(state)
        if prose:
            state.basic["summary"] = prose
            state.report.warn("/basics/summary", "summary taken from a paragraph of prose (confidence 0.5)")
    if state.basic:
        state.result["basics"] = state.basic


# Captions of links and handles: networks, sites, e-mail and phone.
_LINK_CAPTION = re.compile(
    r"(?i)^(?:linkedin|github|gitlab|xing|twitter|x|instagram|facebook|telegram|skype|stack ?overflow|behance|"
    r"dribbble|medium|youtube|portfolio|website|web|site(?: web)?|blog|homepage|e-?mail|mail|phone|tel|tél|"
    r"téléphone|telefon|teléfono|telefone|telefono|mobile|handy|whatsapp)\s*[:：]"
)


def _contact_only(line: Line) -> bool:
    """A line that holds a link, a handle, an address or a number under its caption, and no
    statement."""
    text = line.text.strip()
    return bool(_LINK_CAPTION.match(text)) or bool(re.fullmatch(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", text))


def _prose_runs(lines: list[Line], used: set[int]) -> list[list[Line]]:
    """Runs of consecutive lines of prose: lines of six words or more, and the lines that go on
    with their paragraph (a PDF or a line break cuts a paragraph into lines); the lines taken as
    contact details, and dated lines, break a run."""
    runs: list[list[Line]] = []
    run: list[Line] = []
    for line in lines:
        # The same paragraph, or a sentence going on in lower case ("… for a role" / "in a team.").
        goes_on = bool(run) and (
            (run[-1].para == line.para and run[-1].where == line.where)
            or (line.text[:1].islower() and not run[-1].text.rstrip().endswith((".", "!", "?", "。")))
        )
        if id(line) in used or _dated_head(line.text) or not (goes_on or _words(line.text) >= 6):
            if run:
                runs.append(run)
            run = []
            continue
        run.append(line)
    if run:
        runs.append(run)
    return runs


def _dated_head(text: str) -> bool:
    """A line with a date that may head an entry: a short one, or one that starts with its
    date; a long sentence that mentions a year in its course ("… professionally since 2000.
    Involved from …") is prose."""
    spans = find_dates(text)
    return bool(spans) and (_words(text) < 15 or spans[0].begin < 20)


def _prose(runs: list[list[Line]]) -> str:
    """The first run that reads as a statement: long, of many words, no address."""
    for lines in runs:
        text = " ".join(ln.text.replace("\t", " ") for ln in lines).strip()
        if len(text) > 120 and (_words(text) >= 15 or _cjk(text)) and "@" not in text:
            return text
    return ""


def _column_opening(state: _State) -> str:
    """A paragraph of prose that opens another column at the end of a list section, just before
    a heading: the main column's profile, after a sidebar's sections ("Hobbies" / "I am a …")."""
    for section in state.sections:
        lines = section.lines
        if len(lines) < 2 or section.key not in _LIST_KEYS:
            continue
        # Where the last line's column or region starts within the section.
        start = len(lines) - 1
        while start > 0 and (lines[start - 1].column, lines[start - 1].where) == (lines[-1].column, lines[-1].where):
            start -= 1
        if start == 0:
            continue
        runs = _prose_runs(lines[start:], state.used())
        text = _prose(runs[:1]) if runs and runs[0][0] is lines[start] and runs[0][-1] is lines[-1] else ""
        if text:
            section.lines = lines[:start]
            return text
    return ""


def skills_in_entries(state: _State) -> None:
    """A work or projects heading that also names skills ("Erfahrung und Kenntnisse"), over
    captioned lists and no dates at all ("Sprachen: Python, C"), is a skills section."""
    for section in state.sections:
        if section.key in _ENTRY_SECTIONS and section.lines and _undated_lists(section) and _names_skills(section):
            section.key = "skills"


def languages_in_skills(state: _State) -> None:
    """Spoken languages listed among the skills go to the languages section.

    Skills tables that list languages beside other skills (one caption column, one content
    column) leave a languages heading empty: the language names among the skills fill it.
    Without any languages heading, a skills line of languages with their levels ("Deutsch (C1),
    Englisch (C1)") is one.
    """
    empty = [s for s in state.sections if s.key == "languages" and not _list_items(s.lines)]
    if not empty and "languages" in state.keys():
        return
    for section in state.sections:
        if section.key != "skills":
            continue
        if empty:
            moved = [ln for ln in section.lines if _is_language_name(_strip_bullet(ln.text), state.lang)]
        else:
            moved = _language_lines(section.lines, state.lang)
        if moved:
            # By identity through a set (every line equal to a moved one was moved too):
            # searching the list for each line is quadratic in a long skills section.
            moved_ids = {id(ln) for ln in moved}
            section.lines = [ln for ln in section.lines if id(ln) not in moved_ids]
            if empty:
                empty[0].lines = moved
            else:
                state.sections.append(_Section("languages", section.title, 0.6, moved))
            return


def computer_languages(state: _State) -> None:
    """A languages section that names no spoken language ("Python: very good", "C++: good")
    lists computer languages: skills."""
    for section in state.sections:
        if section.key == "languages" and _no_language_named(section.lines, state.lang):
            section.key = "skills"
            state.report.warn("", f"section {section.title!r} names no spoken language: read as skills")


def education_in_basics(state: _State) -> None:
    """Without an education heading, degrees given in the personal block are education entries:
    "Master of Science, Some University, 2019-2021"."""
    if "education" in state.keys():
        return
    for line in state.preface + state.personal:
        spans = find_dates(line.text)
        rest = _without_dates(line.text, spans)
        if spans and _DEGREE.search(rest) and _ORG.search(rest) and len(rest) < 120:
            item = _entry_data(_Entry(head=[line], dates=spans[0], closed=True), "education")
            if item:
                state.add(
                    "education", item, "entry found in the personal details, no education heading (confidence 0.5)"
                )
    if "education" not in state.result:
        for item in state.schools:
            state.add(
                "education",
                item,
                "school found after its caption in the personal details, no education heading (confidence 0.5)",
            )


def loose_sections(state: _State) -> None:
    """ "Languages: English, German" outside any section of its own is a one-line section."""
    used = state.used()
    loose = state.preface + [ln for s in state.sections if s.key in ("basics", "other") for ln in s.lines]
    # The keys present, kept beside the list: asking every section for each loose line is
    # quadratic in a document of thousands of headings.
    present = state.keys()
    for line in loose:
        kv = _split_key(_strip_bullet(line.text)) if id(line) not in used else None
        key = headings.lookup(kv[0]) if kv and kv[1] else None
        if kv and key in ("skills", "languages", "interests") and key not in present:
            state.sections.append(_Section(key, kv[0], 0.6, [Line(kv[1], where=line.where)]))
            present.add(key)
            continue
        # Also a cell of a contact row ("Valencia<tab>jane@example.com<tab>Spanish, English").
        spoken = "languages" not in present and _spoken_list(line.text, state.lang)
        if spoken:
            state.sections.append(_Section("languages", "", 0.5, [Line(spoken, where=line.where)]))
            present.add("languages")


def entries(state: _State) -> None:
    """Work, education, volunteer and projects: each section cut into dated entries."""
    for section in state.sections:
        if section.key in _ENTRY_SECTIONS:
            _section_entries(state, section)


def lists(state: _State) -> None:
    """The list sections; a section with no place in JSON Resume is skipped with a note."""
    for section in state.sections:
        key = section.key
        if key == "other":
            state.report.warn(
                "",
                f"section {section.title!r} has no JSON Resume place; skipped (confidence {section.confidence:.1f})",
            )
        elif key not in _ENTRY_SECTIONS and key not in ("basics", "summary"):
            items = _list_section(key, section.lines, state.lang, section.title)
            if items:
                state.report.warn(
                    pointer(key),
                    f"{len(items)} item(s) under heading {section.title!r} (confidence {section.confidence:.1f})",
                )
                state.result.setdefault(key, []).extend(items)


# The list sections, whose lines a pass may hand to another section.
_LIST_KEYS = ("skills", "languages", "interests", "awards", "certificates", "publications", "references", "other")

PASSES: tuple[Callable[[_State], None], ...] = (
    running_heads,
    sections,
    basics,
    summary,
    skills_in_entries,
    languages_in_skills,
    computer_languages,
    education_in_basics,
    loose_sections,
    entries,
    lists,
)
"""The engine's passes in order; each takes the state and adds what it finds."""


# --- rules the passes share ---------------------------------------------------------------------


def _captioned_schools(state: _State) -> None:
    """Schools in the captioned personal block ("学校：…" with "专业：…" and "学历：…" beside);
    the lines taken are marked used, so that no section reads them again."""
    assert state.basics is not None
    lines, used = state.basics.captioned_block(), state.basics.used
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
        state.schools.append(item)


def _undated_lists(section: _Section) -> bool:
    """Every line a caption over a list ("Tools: Git, Docker"), and none holds a date."""
    for line in section.lines:
        kv = _split_key(_strip_bullet(line.text))
        if find_dates(line.text) or not kv or len(re.split(r"[,;，、|]", kv[1])) < 2:
            return False
    return True


def _names_skills(section: _Section) -> bool:
    """The heading holds a word of the skills headings ("Erfahrung und Kenntnisse")."""
    return any(headings.lookup(word) == "skills" for word in re.findall(r"\w{3,}", section.title))


def _section_entries(state: _State, section: _Section) -> None:
    """The entries of one section; an undated block naming the organisation just above joins it."""
    key = section.key
    items: list[dict[str, Any]] = state.result.setdefault(key, [])
    first = len(items)
    for entry in _segment(section.lines, key):
        item = _entry_data(entry, key)
        if item is None:
            continue
        if len(items) > first and _same_org_again(items[-1], item, key):
            # Another role at the organisation just above, without dates of its own: part of
            # that entry (a promotion, a second team), not a new one.
            _merge_into(items[-1], item)
            state.report.warn(
                pointer(key, len(items) - 1), "an undated block naming the same organisation was added to this entry"
            )
            continue
        conf = 0.5 + (0.2 if entry.dates else 0) + (0.1 if len(item) > 3 else 0) + (section.confidence - 0.9) / 2
        state.add(key, item, f"entry found under heading {section.title!r} (confidence {conf:.1f})")
    if not items:
        del state.result[key]
