"""Section headings: lines whose words the heading vocabulary knows, and lines written like them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from cvconvert.extract import headings
from cvconvert.extract.daterange import find_dates
from cvconvert.extract.lines import Line, _is_bullet, _words
from cvconvert.extract.vocab import _DEGREE, _SCHOOL


@dataclass
class _Section:
    key: str
    title: str
    confidence: float
    lines: list[Line] = field(default_factory=list)


def _heading_look(line: Line, body_size: float) -> bool:
    """Formatting that makes a short line stand out as a heading."""
    letters = [c for c in line.text if c.isalpha()]
    caps = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 2
    return (
        (line.level is not None and line.level <= 2)
        or line.bold
        or caps
        or (body_size > 0 and line.size >= body_size + 1.5)
        or line.text.rstrip().endswith((":", "："))
        or _marked_heading(line.text)
    )


def _marked_heading(text: str) -> bool:
    """A line led by a heading mark with no space after it ("■職務経歴", "▶Skills") or in
    lenticular brackets ("【学歴】"): Japanese and Chinese forms mark headings so."""
    text = text.strip()
    return bool(re.match(r"[■□◆◇▶►●]\S", text)) or (text.startswith("【") and text.endswith("】"))


_Sig = tuple[str, bool, float, int | None]
# Sections whose entries have heads (a title, an organisation) that may be styled like headings.
_ENTRY_KEYS = frozenset({"work", "education", "volunteer", "projects"})
_DATE_CAPTION = re.compile(r"(?i)年|月|日|년|월|year|month|jahr|monat|année|mois|año|mes|ano")


def _signature(line: Line) -> _Sig:
    return (line.style, line.bold, line.size, line.level)


def _find_sections(lines: list[Line], lang: str | None) -> tuple[list[Line], list[_Section]]:
    """The lines before the first heading, and the sections: headings the vocabulary knows, then
    headings written like them."""
    sizes = sorted(line.size for line in lines if line.size)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    marks, wrapped = _known_headings(lines, body_size)
    marks += _look_alikes(lines, marks, body_size, wrapped)
    if not marks:
        marks = _layout_headings(lines, body_size)
    captions = _caption_rows(lines, {i for i, _, _ in marks}, body_size)
    marks += [(i, key, 0.6) for i, (key, _) in captions.items()]
    marks = _continued_compounds(lines, sorted(marks))
    bounds = [i for i, _, _ in marks] + [len(lines)]
    preface = lines[: bounds[0]]
    sections = []
    for (i, key, conf), end in zip(marks, bounds[1:], strict=False):
        body = [ln for k, ln in enumerate(lines[i + 1 : end], start=i + 1) if k not in wrapped]
        if i in captions:
            # The caption's own row holds the first item: "Mother tongue<tab>Italian".
            body = [replace(lines[i], text=captions[i][1]), *body]
        sections.append(_Section(key, lines[i].text, conf, body))
    _keep_to_sides(lines, marks, sections)
    return preface, sections


def _continued_compounds(lines: list[Line], marks: list[tuple[int, str, float]]) -> list[tuple[int, str, float]]:
    """A compound heading written again (a form's "学歴・職歴" at the top of its second page) goes on
    with the part of it that was open last ("職歴", work), not back to its first part."""
    out: list[tuple[int, str, float]] = []
    seen: set[str] = set()
    for i, key, conf in marks:
        text = re.sub(r"\s+", "", lines[i].text)
        parts = headings.parts_of(lines[i].text) if text in seen else set()
        if out and out[-1][1] != key and out[-1][1] in parts:
            key = out[-1][1]
        seen.add(text)
        out.append((i, key, conf))
    return out


def _keep_to_sides(lines: list[Line], marks: list[tuple[int, str, float]], sections: list[_Section]) -> None:
    """A section does not run across a sidebar's edge: the main column's lines read after a
    sidebar's section ("Languages" / "German" in the sidebar, then "2021 – 2023 Engineer" in the
    main column) go on with the section last opened in the main column; the same the other way
    round. Lines of a side with no section open yet stay where they are (a profile opening the
    main column is found there, see the summary pass).

    Only for a section holding lines of its own side first, then only lines of the other: a
    narrow column of headings beside their content (a label column) holds none of its own, and
    sides that alternate line by line are a row read across, not two columns.
    """
    if not any(line.where == "sidebar" for line in lines):
        return
    last: dict[bool, _Section | None] = {True: None, False: None}
    for (i, _, _), section in zip(marks, sections, strict=True):
        side = lines[i].where == "sidebar"
        own = [ln for ln in section.lines if (ln.where == "sidebar") == side]
        other = last[not side]
        if (
            other is not None
            and own
            and len(own) < len(section.lines)
            and all((ln.where == "sidebar") == side for ln in section.lines[: len(own)])
        ):
            other.lines.extend(section.lines[len(own) :])
            section.lines = own
        last[side] = section


def _layout_headings(lines: list[Line], body_size: float) -> list[tuple[int, str, float]]:
    """Headings told by layout alone, in a CV whose heading words no vocabulary here knows: the
    most heading-like look (a heading level, then size) that at least two short distinctive lines
    share. A section holding two date ranges or more is taken for work, or for education when it
    names a school or a degree; any other is "other"."""
    groups: dict[_Sig, list[int]] = {}
    for i, line in enumerate(lines):
        if i and not (_is_bullet(line) and line.level is None) and _distinctive(line, body_size):
            groups.setdefault(_signature(line), []).append(i)
    shared = [(sig, found) for sig, found in groups.items() if len(found) >= 2]
    if not shared:
        return []
    _, found = min(shared, key=lambda g: (g[0][3] if g[0][3] is not None else 9, -g[0][2], -len(g[1])))
    ends = [*found[1:], len(lines)]
    return [(i, _layout_key(lines[i + 1 : end]), 0.3) for i, end in zip(found, ends, strict=True)]


def _layout_key(body: list[Line]) -> str:
    """The section a block under an unknown heading most likely is, from its dates and words."""
    ranges = [span for line in body for span in find_dates(line.text) if span.end or span.present]
    if len(ranges) < 2:
        return "other"
    text = " ".join(line.text for line in body)
    return "education" if _DEGREE.search(text) or _SCHOOL.search(text) else "work"


def _caption_rows(lines: list[Line], marked: set[int], body_size: float) -> dict[int, tuple[str, str]]:
    """Rows of a caption column naming a list section, with the row's value: "Languages<tab>
    English, German", Europass's "Other languages<tab>...". {line number: (section, value)}.

    Only list sections (languages, skills, interests) in body type: a caption column also holds
    "Work<tab>+1 555 0100", a telephone, where an entry section would be wrong. A caption set
    larger than the body is a heading in the margin, beside the first entry of its section
    ("Education<tab>Nordvale University 2015 – 2019", a theme's label column): any section.
    """
    rows: dict[int, tuple[str, str]] = {}
    for i, line in enumerate(lines):
        caption, tab, value = line.text.strip().partition("\t")
        if not tab or i in marked or not value.strip() or _words(caption) > 4 or re.search(r"[@\d]", caption):
            continue
        key = headings.lookup(caption)
        if key is None:
            continue
        # Not a profile's: "About<tab>Summary" is a heading over a caption, not over an entry.
        margin = body_size > 0 and line.size >= body_size + 1.5 and key not in ("basics", "summary")
        if key in ("languages", "skills", "interests") or margin:
            rows[i] = (key, value.strip())
    return rows


def _known_headings(lines: list[Line], body_size: float) -> tuple[list[tuple[int, str, float]], set[int]]:
    """(line number, section, confidence) of the lines whose words the heading vocabulary knows,
    and the line numbers of the second lines of wrapped headings (see :func:`_wrapped_heading`)."""
    marks: list[tuple[int, str, float]] = []
    wrapped_ends: set[int] = set()
    items: list[tuple[int, str]] = []  # known heading words set as a list item among list items
    skip = -1
    for i, line in enumerate(lines):
        text = _past_date_captions(line.text)
        if i == skip or "\t" in text.strip() or _words(text) > 7 or "@" in text or find_dates(text):
            continue
        if _is_bullet(line) and line.level is None and not _lone_item(lines, i):
            key = headings.lookup(text) if _words(text) <= 4 else None
            if key is not None and not headings.is_title(text):
                items.append((i, key))
            continue
        wrapped = _wrapped_heading(lines, i)
        if wrapped is not None:
            text, skip = f"{text} {lines[wrapped].text}", wrapped
        key = headings.lookup(text)
        if key is None and line.bold and text.rstrip().endswith((":", "：")):
            # A bold caption led by a heading of two words or more, over its list: "Projets
            # personnels consultables depuis mon portfolio :".
            key = headings.leading_phrase(text)
        # The document's title ("Résumé", "職務経歴書") before any heading opens no section.
        if key is None or (not marks and headings.is_title(text)):
            continue
        if wrapped is not None:
            wrapped_ends.add(wrapped)
        looks = _heading_look(line, body_size)
        # A bare word such as "Experience" in running text is not a heading; a styled one is.
        # A note in brackets after it does not count ("資格・免許（コンテスト等の受賞歴）").
        if not looks and _words(re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", text)) > 3:
            continue
        # Nor the end of a sentence wrapped onto a line of its own ("skills." after "… and soft").
        if not looks and text.strip()[:1].islower() and text.rstrip().endswith((".", ",", ";")):
            continue
        marks.append((i, key, 0.9 if looks else 0.7))
    marks = _past_captions_in_entries(lines, _past_sub_headings(lines, marks))
    return sorted(marks + _headings_among_items(lines, marks, items, body_size)), wrapped_ends


def _past_sub_headings(lines: list[Line], marks: list[tuple[int, str, float]]) -> list[tuple[int, str, float]]:
    """Without the lines at a deeper outline level than the headings the vocabulary knows whole
    ("Experience" at Heading 1): an entry's head at Heading 2 ("Northwind Technologies") is no
    heading for ending in a heading's word, only a heading phrase on its own is ("Languages")."""
    whole = [level for i, _, _ in marks if (level := lines[i].level) is not None and headings.is_phrase(lines[i].text)]
    if not whole:
        return marks
    top = min(whole)
    kept = []
    for i, key, conf in marks:
        level = lines[i].level
        if level is None or level <= top or headings.is_phrase(lines[i].text):
            kept.append((i, key, conf))
    return kept


def _past_captions_in_entries(lines: list[Line], marks: list[tuple[int, str, float]]) -> list[tuple[int, str, float]]:
    """Without the known words set smaller than the headings inside an entry's section: a
    school's "Courses" or a job's "Projects" caption (7 pt under headings of 11 pt, or in the type
    of the job titles) lists that entry's items and opens no section. The headings' size is the
    one most of them share, three at least; a word in bold or before a colon stays a heading."""
    sizes = Counter(lines[i].size for i, _, _ in marks if lines[i].size)
    if not sizes:
        return marks
    size, count = sizes.most_common(1)[0]
    if count < 3:
        return marks
    kept: list[tuple[int, str, float]] = []
    for mark in marks:
        line = lines[mark[0]]
        inside = bool(kept) and kept[-1][1] in _ENTRY_KEYS
        # Not one in bold or led to its list by a colon: a heading in a smaller type ("שפות:").
        plain = line.level is None and not line.bold and not line.text.rstrip().endswith((":", "："))
        if inside and plain and 0 < line.size < size - 1.5:
            continue
        kept.append(mark)
    return kept


def _headings_among_items(
    lines: list[Line], marks: list[tuple[int, str, float]], items: list[tuple[int, str]], body_size: float
) -> list[tuple[int, str, float]]:
    """Known headings set with a list glyph, as a theme marks every heading, where the items
    around are marked too ("• CONTACT" over "• +1 555 0100"): a heading when it has the look of
    the headings found (bold or larger than the body) and its items do not."""
    looks = {_signature(lines[i]) for i, _, _ in marks if _is_bullet(lines[i])}
    out = []
    for i, key in items:
        line = lines[i]
        sig = _signature(line)
        distinct = line.bold or (body_size > 0 and line.size >= body_size + 1.5) or line.level is not None
        after = lines[i + 1] if i + 1 < len(lines) else None
        if sig in looks and distinct and (after is None or _signature(after) != sig):
            out.append((i, key, 0.7))
    return out


def _lone_item(lines: list[Line], i: int) -> bool:
    """A list item between lines that are none: a heading set with a list glyph ("■ 職務経歴",
    "• Experience", a converter's bullet for a heading mark), not an item of a list."""
    before = lines[i - 1] if i else None
    after = lines[i + 1] if i + 1 < len(lines) else None
    return not any(other is not None and _is_bullet(other) for other in (before, after))


def _wrapped_heading(lines: list[Line], i: int) -> int | None:
    """The line that ends a heading wrapped in a label column, read between the lines of the
    content beside it ("TEKNİK" / "Programlama Dilleri: ..." / "BİLGİLER"): the next line that
    starts at the same left edge of the same page, within two lines, in capitals like it, when
    the first is no heading alone and the two together are another than the second alone. None
    when there is no such line."""
    line = lines[i]
    if line.box is None or not _capitals(line.text) or headings.lookup(line.text) is not None:
        return None
    for j in range(i + 1, min(i + 3, len(lines))):
        other = lines[j]
        if other.box is None or other.page != line.page or abs(other.box[0] - line.box[0]) > 2:
            continue
        if _capitals(other.text) and _words(other.text) <= 3:
            joined = f"{line.text} {other.text}"
            known = headings.lookup(joined)
            return j if known is not None and known != headings.lookup(other.text) else None
        return None
    return None


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _past_date_captions(text: str) -> str:
    """A grid's caption row without its date columns' captions: "年<tab>月<tab>資格・免許" (a
    Japanese form's year, month and certificates columns) is the heading "資格・免許"."""
    cells = text.split("\t")
    rest = cells
    while len(rest) > 1 and _DATE_CAPTION.fullmatch(rest[0].strip()):
        rest = rest[1:]
    return rest[0] if len(rest) == 1 and rest is not cells else text


def _look_alikes(
    lines: list[Line], marks: list[tuple[int, str, float]], body_size: float, wrapped: set[int]
) -> list[tuple[int, str, float]]:
    """Headings the vocabulary does not know, written like the ones it does.

    Only when that look is distinctive (a heading style, capitals or a larger size, used by few
    other lines), since bold alone also marks job titles and table captions; and not a look that
    the entry heads of the document share (see :func:`_entry_looks`).
    """
    known_count: dict[_Sig, int] = {}
    known_caps: dict[_Sig, int] = {}
    for i, _, _ in marks:
        sig = _signature(lines[i])
        known_count[sig] = known_count.get(sig, 0) + 1
        known_caps[sig] = known_caps.get(sig, 0) + _capitals(lines[i].text)
    all_count: dict[_Sig, int] = {}
    caps_count: dict[_Sig, int] = {}
    for line in lines:
        sig = _signature(line)
        if sig in known_count:
            all_count[sig] = all_count.get(sig, 0) + 1
            caps_count[sig] = caps_count.get(sig, 0) + _capitals(line.text)
    marked = {i for i, _, _ in marks} | wrapped
    # The top outline level of the headings known whole: a line at a deeper one divides the
    # section above it ("Skills" / "Frameworks", "Interests" / "Outdoors") and opens none.
    whole = [level for i, _, _ in marks if (level := lines[i].level) is not None and headings.is_phrase(lines[i].text)]
    top = min(whole) if whole else None
    found: list[int] = []
    for i, line in enumerate(lines):
        sig = _signature(line)
        # A list item is no heading, unless it has a heading level as the known ones may have.
        if i in marked or i < 3 or sig not in known_count or (_is_bullet(line) and line.level is None):
            continue
        if top is not None and line.level is not None and line.level > top:
            continue
        if headings.is_title(line.text):
            continue
        styled = line.level is not None and 0 <= line.level <= 2
        # Headings set in capitals in the body's own type (a PDF has no heading style): the
        # capitals are their look, counted among the lines in capitals only.
        caps = known_caps[sig] == known_count[sig] >= 2 and _capitals(line.text)
        count = caps_count[sig] if caps else all_count[sig]
        if count > 2 * known_count[sig] + 2 and not styled:
            continue
        # Bold alone marks job titles too; a bold look the known headings have nearly to
        # themselves is theirs ("Volunteering" in the bold of "Experience" and "Education").
        own = line.bold and all_count[sig] <= known_count[sig] + 1 and known_count[sig] >= 2
        if _distinctive(line, body_size, own):
            found.append(i)
    entry_looks = _entry_looks(lines, marks, found)
    # A heading with a typing slip ("CETIFICACIONES") keeps its section.
    return [
        (i, headings.lookup_near(lines[i].text) or "other", 0.4)
        for i in found
        if _signature(lines[i]) not in entry_looks
    ]


def _distinctive(line: Line, body_size: float, own: bool = False) -> bool:
    """A short line whose look could only be a heading's: a top heading level, capitals or a
    larger size; no date, digits or closing punctuation."""
    text = line.text
    letters = [c for c in text if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters if c.isascii()) and len(letters) > 3
    return (
        (own or (line.level is not None and 0 <= line.level <= 1) or caps or line.size >= body_size + 1.5)
        and _words(text) <= 5
        and not find_dates(text)
        and not re.search(r"[@\d]", text)
        and not text.endswith((".", ",", ":"))
        # A side column's headings are headings as much as the main column's.
        and line.where in ("body", "table", "textbox", "sidebar")
    )


def _entry_looks(lines: list[Line], marks: list[tuple[int, str, float]], found: list[int]) -> set[_Sig]:
    """Looks that mark entry heads: most lines of that look stand in a work or education section
    and have a date within the next three lines ("Data Scientist" / "Acme" / "09/2022 – 03/2025"),
    where the writer gave job titles the style of the headings."""
    starts = sorted((i, key) for i, key, _ in marks)
    dated: dict[_Sig, int] = {}
    total: dict[_Sig, int] = {}
    k = 0
    current = ""
    for i in found:
        while k < len(starts) and starts[k][0] < i:
            current = starts[k][1]
            k += 1
        sig = _signature(lines[i])
        total[sig] = total.get(sig, 0) + 1
        if current in _ENTRY_KEYS and any(find_dates(line.text) for line in lines[i + 1 : i + 4]):
            dated[sig] = dated.get(sig, 0) + 1
    return {sig for sig, n in dated.items() if n >= 2 and 2 * n >= total[sig]}
