"""Best-effort structured reading of DOCX CVs that cvconvert did not write (no AI model).

The package is read with lxml rather than python-docx, because python-docx does not see text
boxes, which many CV templates use for their side columns and contact blocks. Reading goes in
three steps:

1. ``_Package.lines()`` flattens headers, the body (paragraphs, tables row by row, text boxes
   after the paragraph that anchors them) and footers into :class:`Line` records in reading order,
   each with the formatting hints that matter (style, heading level, list item, bold, size).
2. Section headings are found by their words (:mod:`headings`, many languages) and by looking
   like the headings that were recognised (same style, bold, capitals).
3. Each section is cut into entries around the date ranges people write; the lines of an entry
   head are split into organisation, title and place by vocabulary and by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cvconvert._deps import requires_extra
from cvconvert._input import open_zip
from cvconvert.formats._docx import headings
from cvconvert.formats._docx.extract.contact import _Basics
from cvconvert.formats._docx.extract.daterange import DateSpan, _without_dates, find_dates, learn_language, month_of
from cvconvert.formats._docx.extract.lines import _BULLET_GLYPHS, Line, _cjk, _is_bullet, _strip_bullet, _words
from cvconvert.formats._docx.extract.order import _Package, read_lines
from cvconvert.formats._docx.extract.places import _is_address, _is_place
from cvconvert.formats._docx.extract.sections import _find_sections, _Section
from cvconvert.formats._docx.extract.vocab import (
    _AREA_KEYS,
    _DATE_KEYS,
    _DEGREE,
    _DETAIL_KEYS,
    _EDU_KEYS,
    _LABEL_KEYS,
    _ORG,
    _ORG_KEYS,
    _ROLE,
    _ROLE_KEYS,
    _SCHOOL,
    _SCORE,
    _any_key,
    _split_key,
)
from cvconvert.model import Resume
from cvconvert.report import Report, pointer

__all__ = ["DateSpan", "Line", "extract", "find_dates", "learn_language", "month_of", "read_lines"]


_ENTRY_SECTIONS = ("work", "education", "volunteer", "projects")


@dataclass
class _Entry:
    head: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    dates: DateSpan | None = None
    closed: bool = False
    date_line: Line | None = None
    area: str | None = None


def _line_kind(line: Line, key: str) -> str:
    """'dated', 'head' or 'body' for a line inside an entry section."""
    text = line.text
    spans = find_dates(text)
    rest = _without_dates(text, spans)
    date_first = bool(spans) and spans[0].begin <= 2
    short = len(rest) < 160 and not (len(rest) > 90 and rest.endswith("."))
    if spans and (short or (date_first and len(rest) < 220)):
        return "dated"
    if _SCORE.search(text) and len(text) < 60:
        return "score"
    kv = _split_key(_strip_bullet(text))
    if kv and kv[1] and (_ORG_KEYS.match(kv[0].casefold()) or _ROLE_KEYS.match(kv[0].casefold())):
        return "head"  # "Company: ACME", even as a list item
    if kv and _DETAIL_KEYS.match(kv[0].casefold()):
        return "body"
    if _is_bullet(line):
        stripped = _strip_bullet(text)
        # Education entries are often list items themselves ("• Master of Arts (M.A.) in Education").
        if key == "education" and len(stripped) < 160 and (_DEGREE.search(stripped) or _ORG.search(stripped)):
            return "head"
        return "body"
    if len(text) > 110 or (len(text) > 70 and text.endswith((".", "。", ";"))):
        return "body"
    # Continuations ("and more;"), and captions inside an entry ("Main duties:").
    if text[:1].islower() or text.endswith((";", ":", "：")) or (text.endswith(",") and len(text) > 40):
        return "body"
    short_sentence = (
        text.endswith(".")
        and _words(text) <= 4
        and len(text.split()[-1]) > 4
        and not any(rx.search(text) for rx in (_ORG, _ROLE, _DEGREE))
        and not _is_place(text.rstrip("."))
    )
    if short_sentence:
        return "body"  # "Led campaigns.", "Helped."
    if text.endswith(".") and _words(text) >= 4 and text.split()[-1][:1].islower():
        return "body"  # a sentence (a head ends in a name: "Hons.", "Ltd.", "in Mailand.")
    if _words(text) >= 5 and re.match(r"[A-Za-z]+ing\s", text) and re.search(r"\s(?:a|an|the|of|for|with)\s", text):
        return "body"  # "Working as a developer at ...": a sentence, not a head
    return "head"


def _fragment_kind(text: str, key: str) -> str | None:
    if key == "education":
        degrees, schools = list(_DEGREE.finditer(text)), list(_SCHOOL.finditer(text))
        if degrees and schools:
            # "Master of Science and Diploma of Imperial College (MSc. DIC)": the last word decides.
            return "org" if schools[-1].end() >= degrees[-1].end() else "role"
        if degrees:
            return "role"
        if _ORG.search(text):
            return "org"
    else:
        orgs, roles = list(_ORG.finditer(text)), list(_ROLE.finditer(text))
        if orgs and not roles:
            return "org"
        if roles and not orgs:
            return "role"
        if orgs and roles:
            # The head noun comes last: "Office Manager" is a role, "Mukherji & Associates" an org.
            return "org" if orgs[-1].end() > roles[-1].end() else "role"
    if _is_place(text) and not _ORG.search(text):
        return "place"
    return None


_CONNECTORS = (
    # (pattern, which side is the organisation)
    (re.compile(r"(?i)\s+(?:at|@|bei|chez|auprès de)\s+(?=\S)"), "right"),
    (
        re.compile(
            r"(?i)\s+(?:an der|an dem|am|im|en la|en el|à l'|в|mit dem|mit der|für|for|na|no|em|en|à|a la)\s+(?=\S)"
        ),
        "weak",
    ),
    (re.compile(r"(?i)\s+as\s+(?=\S)"), "left"),
    (re.compile(r"(?i)\s+from\s+(?=\S)"), "right"),
)


_CJK_ORG_END = re.compile(r"大学|学院|公司|集团|银行|研究院|研究所|医院|事务所")


def _split_commas(text: str) -> list[str]:
    """Comma-separated pieces, leaving commas inside brackets alone ("Univ. (Orlando, FL)")."""
    pieces: list[str] = []
    depth = start = 0
    for i, ch in enumerate(text):
        if ch in "([（":
            depth += 1
        elif ch in ")]）":
            depth -= 1
        if ch == "," and depth <= 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _short_place(text: str) -> bool:
    """A place, or a few capitalised words that name no organisation, job or degree ("Madrid")."""
    if _is_place(text):
        return True
    return (
        0 < _words(text) <= 3
        and text[:1].isupper()
        and not re.search(r"\d", text)
        and not any(rx.search(text) for rx in (_ORG, _ROLE, _DEGREE))
    )


def _trim(part: str) -> str:
    """Separators off both ends; a bracket only when it has no partner inside."""
    # An abbreviation keeps its full stop ("Sp. z o.o.", "Acme Inc."); a sentence loses it.
    keep_stop = bool(re.search(r"(?:\b\w\.\w+|\b[A-Z][a-z]{0,3})\.$", part.strip()))
    part = part.strip(" .;,:|-–—\t") + ("." if keep_stop else "")
    for opening, closing in ("()", "[]", "（）"):
        if part.endswith(closing) and part.count(opening) < part.count(closing):
            part = part[:-1]
        if part.startswith(opening) and part.count(opening) > part.count(closing):
            part = part[1:]
        if part.count(opening) > part.count(closing):
            part += closing
    return part.strip(" ;,:|-–—\t") if keep_stop else part.strip(" .;,:|-–—\t")


def _split_head(lines: list[Line], key: str) -> tuple[dict[str, str], list[str]]:
    """Organisation, role, place (and area) from the lines of an entry head."""
    frags: list[tuple[str, int]] = []
    fields: dict[str, str] = {}
    for number, line in enumerate(lines):
        raw = _split_key(_strip_bullet(line.text))
        if raw and _DATE_KEYS.match(raw[0].casefold()):
            continue  # "Period: 2015 - 2020": the dates were taken already
        text = _without_dates(_strip_bullet(line.text), find_dates(line.text))
        kv = _split_key(text) if ":" in text or "：" in text else None
        if kv and (_words(kv[0]) <= 3 or _any_key(kv[0].casefold())):
            k = kv[0].casefold()
            if _ROLE_KEYS.match(k):
                fields.setdefault("role", kv[1].strip(" .;,"))
                continue
            if _ORG_KEYS.match(k):
                org, _, place = kv[1].strip(" .;,").partition(",")
                if place and (_short_place(place.strip()) or _is_address(place.strip())):
                    fields.setdefault("place", place.strip())
                else:
                    org = kv[1].strip(" .;,")
                fields.setdefault("org", org.strip())
                continue
            if _AREA_KEYS.match(k):
                fields.setdefault("area", kv[1].strip(" .;,"))
                continue
            if _DATE_KEYS.match(k):
                continue  # the dates were taken from the line already
            if re.fullmatch(r"(?i)ug|pg|ssc|hsc|\w{1,4}", k):
                text = kv[1]
            elif (
                _words(kv[0]) <= 2
                and re.match(r"[^:：]*\S[:：]", text)
                and not any(rx.search(kv[0]) for rx in (_ORG, _ROLE, _DEGREE))
                and not _ORG.search(kv[1])
            ):
                continue  # a detail with a caption of its own ("Nebenfach: ..."), not the head
        for part in re.split(
            r"\t|\s+[|•·:]\s+|\s{2,}|\s+[–—‑-]\s+|\s*[–—]\s*(?=[A-ZА-Я])|\s*/\s*(?=\S*[\u3040-\u9fff])|：", text
        ):
            part = _trim(part)
            if part:
                frags.append((part, number))
    out: list[tuple[str, str | None, int]] = []
    for part, number in frags:
        if not any(ch.isalpha() for ch in part) or re.fullmatch(r"(?i)(?:in|at|on|de|en|em|à|a)\s*\d*", part):
            continue
        if key == "education" and _SCORE.search(part) and len(part) < 40:
            fields.setdefault("score", part)
            continue
        done = False
        for pattern, side in _CONNECTORS:
            m = pattern.search(part)
            if m and m.start() > 1:
                left, right = part[: m.start()].strip(" ,"), part[m.end() :].strip(" ,.")
                if not left or not right:
                    continue
                # Prepositions that also join ordinary words split only before an organisation.
                if side == "weak" and not (_ORG.search(right) and not _ORG.search(left)):
                    continue
                org, other = (left, right) if side == "left" else (right, left)
                out.append((org, "org", number))
                out.append((other, "role", number))
                done = True
                break
        if done:
            continue
        kind = _fragment_kind(part, key)
        if kind is None and "," in part:
            pieces = _split_commas(part)
            kinds = [_fragment_kind(p, key) for p in pieces]
            if any(kinds):
                # "Legal Intern, World Cyber Security Forum"; keep "Org, Place" together as the org.
                if kinds[0] == "org" and all(k in ("place", None) for k in kinds[1:]):
                    rest_text = ", ".join(pieces[1:])
                    if _short_place(rest_text):
                        out.extend([(pieces[0], "org", number), (rest_text, "place", number)])
                    else:
                        out.append((part, "org", number))
                    continue
                out.extend((p, k, number) for p, k in zip(pieces, kinds, strict=False))
                continue
        if kind == "org" and "," in part:
            pieces = _split_commas(part)
            kinds = [_fragment_kind(p, key) for p in pieces]
            if kinds[0] == "org" and "role" not in kinds and _short_place(", ".join(pieces[1:])):
                out.extend([(pieces[0], "org", number), (", ".join(pieces[1:]), "place", number)])
                continue
            if "role" in kinds:
                out.extend((p, k, number) for p, k in zip(pieces, kinds, strict=False))
                continue
        if kind == "role" and "," in part:
            pieces = _split_commas(part)
            kinds = [_fragment_kind(p, key) for p in pieces]
            if "org" in kinds:
                out.extend((p, k, number) for p, k in zip(pieces, kinds, strict=False))
                continue
        out.append((part, kind, number))
    rest: list[str] = []
    org_line = role_line = -1
    role_rest: list[str] = []
    for text, kind, number in out:
        slot = {"org": "org", "role": "role", "place": "place"}.get(kind or "")
        if slot and slot not in fields:
            fields[slot] = text
            org_line = number if slot == "org" else org_line
            role_line = number if slot == "role" else role_line
        elif fields.get("org") and number == org_line and "place" not in fields and _words(text) <= 3:
            # "Company – City": a few words after the organisation on its line are the place.
            fields["place"] = text
        else:
            rest.append(text)
            if number == role_line:
                role_rest.append(text)
    for text in list(rest):
        for slot in ("org", "role"):
            if slot not in fields:
                fields[slot] = text
                rest.remove(text)
                break
    # Chinese names run on without spaces ("沈阳工业大学计算机科学与技术系"): the organisation
    # ends at its suffix, and what follows is the department or field.
    org_text = fields.get("org", "")
    cut = _CJK_ORG_END.search(org_text)
    if cut and cut.end() < len(org_text) and _cjk(org_text):
        fields["org"], tail = org_text[: cut.end()], org_text[cut.end() :].strip(" -‑/")
        if key == "education" and "area" not in fields:
            fields["area"] = tail
        elif "role" not in fields:
            fields["role"] = tail
    if "org" not in fields and "," in fields.get("place", ""):
        # "Acme Co, San Francisco, CA": no organisation word, but the place starts with one.
        first, _, place = fields["place"].partition(",")
        fields["org"], fields["place"] = first.strip(), place.strip()
    role_rest = [t for t in role_rest if t in rest]
    if key == "education" and "area" not in fields and role_rest and "role" in fields:
        fields["area"] = role_rest[0]  # "PhD, Zoology, University of Otago"
        rest.remove(role_rest[0])
    # What is left beside an organisation and a title, a few capitalised words, is the place.
    for text in list(rest):
        if "place" not in fields and _words(text) <= 3 and text[:1].isupper() and not re.search(r"\d{3}", text):
            fields["place"] = text
            rest.remove(text)
    return fields, rest


def _segment(lines: list[Line], key: str) -> list[_Entry]:
    """Cut a section into entries around the lines that carry dates (see the module docstring)."""
    # When entry heads have a heading style of their own, only those start entries; the dated
    # lines under them are sub-roles or projects of the same entry.
    styled = [ln for ln in lines if ln.level is not None and ln.level >= 0 and find_dates(ln.text)]
    styled_levels = {ln.level for ln in styled}
    entries: list[_Entry] = []
    pending: list[Line] = []
    cur: _Entry | None = None

    def has(entry_lines: list[Line], slot: str) -> bool:
        return any(slot_of(ln) == slot for ln in entry_lines)

    def slot_of(line: Line) -> str | None:
        text = _without_dates(_strip_bullet(line.text), find_dates(line.text))
        kv = _split_key(text) if ":" in text or "：" in text else None
        if kv:
            k = kv[0].casefold()
            if _ROLE_KEYS.match(k):
                return "role"
            if _ORG_KEYS.match(k):
                return "org"
            if _DATE_KEYS.match(k) or _AREA_KEYS.match(k):
                return None
        kind = _fragment_kind(text, key)
        return kind if kind in ("org", "role") else None

    def flush_pending(as_entry: bool) -> None:
        nonlocal cur
        if not pending:
            return
        if as_entry:
            cur = _Entry(head=list(pending), closed=True)
            entries.append(cur)
        elif cur is not None:
            cur.body.extend(pending)
        pending.clear()

    for number, line in enumerate(lines):
        if not re.search(r"\w", line.text):
            continue
        kind = _line_kind(line, key)
        if kind == "body" and line.text.rstrip().endswith((":", "：")) and number + 1 < len(lines):
            # "Support engineer:" over "Company: ACME" / "Period: ...": the caption names the entry.
            nxt = _split_key(_strip_bullet(lines[number + 1].text))
            if nxt and (_ORG_KEYS.match(nxt[0].casefold()) or _ROLE_KEYS.match(nxt[0].casefold())):
                kind = "head"
        elif kind == "head" and key == "work":
            kv = _split_key(_strip_bullet(line.text))
            # Details of another kind that stand among the jobs ("School: ...", "Objective: ...").
            k = kv[0].casefold() if kv else ""
            if kv and ((_LABEL_KEYS.match(k) and not _ROLE_KEYS.match(k)) or _EDU_KEYS.match(k)):
                kind = "body"
        if styled and kind == "dated" and line.level not in styled_levels:
            kind = "body"
        if styled and kind == "dated":
            # A styled entry head always starts an entry. Styled lines just above it belong to it
            # ("Job Title | Company" in Heading 2 over the dates in Heading 3); plain ones were text.
            above: list[Line] = []
            while pending and pending[-1].level is not None and pending[-1].level >= 0:
                above.insert(0, pending.pop())
            flush_pending(as_entry=False)
            cur = _Entry(head=[*above, line], dates=find_dates(line.text)[0], closed=False, date_line=line)
            entries.append(cur)
            continue
        if kind == "dated":
            spans = find_dates(line.text)
            span = spans[0]
            date_first = span.begin <= 2 and bool(_without_dates(line.text, spans))
            if pending:
                cur = _Entry(head=[*pending, line], dates=span, closed=not date_first, date_line=line)
                pending.clear()
            elif cur is not None and cur.dates is None and not cur.body and not date_first and len(cur.head) <= 2:
                cur.head.append(line)
                cur.dates, cur.date_line, cur.closed = span, line, True
                continue
            elif cur is not None and cur.dates is None and _date_only(line.text, spans) and len(cur.body) <= 3:
                # A date on its own line under an undated entry (a grade between them) is its date.
                cur.dates, cur.date_line = span, line
                continue
            else:
                flush_pending(as_entry=False)
                cur = _Entry(head=[line], dates=span, closed=False, date_line=line)
            entries.append(cur)
            continue
        if kind == "head":
            slot = slot_of(line)
            kv = _split_key(_strip_bullet(line.text))
            keyed = kv is not None and (_ORG_KEYS.match(kv[0].casefold()) or _ROLE_KEYS.match(kv[0].casefold()))
            if keyed and cur is not None and not pending and slot and not has(cur.head, slot) and len(cur.head) < 6:
                # Captioned details come in any order ("Dates", "Position held", activities,
                # "Employer"): a caption the entry still lacks belongs to it.
                cur.head.append(line)
                continue
            if (
                cur is not None
                and not cur.body
                and (not cur.closed or _same_row(line, cur.date_line))
                and len(cur.head) < 4
                and not (slot and has(cur.head, slot))
            ):
                cur.head.append(line)
                continue
            if pending and slot and has(pending, slot) and (has(pending, "org") and has(pending, "role")):
                flush_pending(as_entry=True)
            pending.append(line)
            if len(pending) > 3:
                # Too many undated head lines in a row: they were text, not a head.
                moved = pending.pop(0)
                if cur is not None:
                    cur.body.append(moved)
            continue
        # body or score lines
        if pending:
            looks_entry = has(pending, "org") or (cur is None and len(pending) <= 3)
            # One undated line between a dated entry and its bullets describes that entry (a team,
            # a second title, "a small web agency"); it is not an entry of its own.
            sub_role = len(pending) == 1 and cur is not None and (cur.dates is not None or not has(pending, "org"))
            flush_pending(as_entry=looks_entry and not sub_role)
        if cur is not None:
            cur.body.append(line)
            cur.closed = True
    if pending:
        flush_pending(as_entry=has(pending, "org") and len(pending) <= 3)
    if not entries:
        # Written as prose ("From 07/2022 to 08/2022 I interned at ACME Ltd. ..."): one entry per
        # paragraph that names an organisation.
        for line in lines:
            found = _prose_head(line.text)
            if found is not None:
                spans = find_dates(line.text)
                entry = _Entry(head=[found[0]], body=[line], dates=spans[0] if spans else None, closed=True)
                entry.area = found[1]
                entries.append(entry)
    if not entries and key == "projects":
        # A plain list of projects ("Kaggle projects", "Mlcourse.ai – machine learning course"):
        # one project per item, the name before a dash or colon.
        for line in lines:
            text = _strip_bullet(line.text)
            if not re.search(r"\w", text) or len(text) > 300:
                continue
            name = re.split(r"\s[–—-]\s|:\s", text, maxsplit=1)[0]
            head = Line(name.strip(), bold=line.bold)
            spans = find_dates(text)
            entries.append(_Entry(head=[head], body=[line] if name != text else [], dates=spans[0] if spans else None))
    return entries


_QUOTED_ORG = re.compile(
    r"(?:\b(?:АО|ООО|ОАО|ЗАО|ПАО|ФГУП|ГУП|ИП|GmbH|AG|SA|SAS|Ltd\.?|Inc\.?|LLC)\s*)?[«\"„“][^»\"“”]{2,60}[»\"“”]"
)
_AREA_IN_TEXT = re.compile(
    r"(?i)(?:направлени\w*|специальност\w*|major in|majoring in|field of study|studiengang|spécialité)"
    r"\s*:?\s*[«\"„“]?([^»\"“”,.;()]{3,80})"
)


def _prose_head(text: str) -> tuple[Line, str | None] | None:
    """A one-line head for an entry told in a sentence: the organisation it names, and the area."""
    m = _QUOTED_ORG.search(text)
    org = m.group(0) if m else None
    if org is None:
        for piece in re.split(r"[,;]\s*", text)[:3]:
            if _ORG.search(piece) and len(piece) < 120:
                org = piece.strip(" .")
                break
    if org is None:
        return None
    area = _AREA_IN_TEXT.search(text)
    return Line(org), area.group(1).strip() if area else None


def _date_only(text: str, spans: list[DateSpan]) -> bool:
    """Nothing but a date on the line, or a date with its caption ("Período: 2015 - 2020")."""
    rest = _without_dates(text, spans)
    return not rest or bool(_DATE_KEYS.match(rest.strip(" :：").casefold()))


def _same_row(line: Line, other: Line | None) -> bool:
    return (
        other is not None
        and line.cell is not None
        and other.cell is not None
        and line.cell[:2] == other.cell[:2]
        and line.cell[2] > other.cell[2]
    )


_ORG_FIELD = {"work": "name", "volunteer": "organization", "education": "institution", "projects": "name"}


def _same_org_again(previous: dict[str, Any], item: dict[str, Any], key: str) -> bool:
    import difflib

    if "startDate" in item or "endDate" in item or not ("startDate" in previous or "endDate" in previous):
        return False
    a, b = str(previous.get(_ORG_FIELD[key], "")).casefold(), str(item.get(_ORG_FIELD[key], "")).casefold()
    if not a or not b:
        return False
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _merge_into(previous: dict[str, Any], item: dict[str, Any]) -> None:
    role = item.get("position") or item.get("studyType")
    lines = ([role] if role else []) + list(item.get("highlights", []))
    if item.get("summary"):
        lines.append(item["summary"])
    if lines:
        previous["highlights"] = list(previous.get("highlights", [])) + lines


def _entry_data(entry: _Entry, key: str) -> dict[str, Any] | None:
    fields, _rest = _split_head(entry.head, key)
    out: dict[str, Any] = {}
    span = entry.dates
    start = end = None
    if span is not None:
        if span.single:
            if key == "education":
                end = span.start
            else:
                start = end = span.start
        else:
            start, end = span.start, span.end
    org, role, place = fields.get("org"), fields.get("role"), fields.get("place")
    area = fields.get("area") or entry.area
    score_field = fields.get("score")
    highlights: list[str] = []
    summary: list[str] = []
    score = score_field
    for line in entry.body:
        text = _strip_bullet(line.text)
        kv = _split_key(text)
        if kv and _AREA_KEYS.match(kv[0].casefold()) and key == "education" and not area:
            area = kv[1]
            continue
        found_area = _AREA_IN_TEXT.search(text) if key == "education" and not area else None
        if found_area:
            area = found_area.group(1).strip()
        if kv and _ROLE_KEYS.match(kv[0].casefold()) and not role:
            role = kv[1].strip(" .;")
            continue
        if _SCORE.search(text) and len(text) < 60 and key == "education":
            score = score or text
            continue
        if _is_bullet(line) or line.text[:1] in _BULLET_GLYPHS:
            highlights.append(text)
        elif text and not re.fullmatch(r"[\W_]+", text):
            summary.append(text)
    if not org and not role:
        return None
    if key == "work":
        out["name"] = org
        out["position"] = role
        out["location"] = place
    elif key == "volunteer":
        out["organization"] = org
        out["position"] = role
    elif key == "education":
        out["institution"] = org
        if role:
            m = re.match(r"(?i)^(.+?)\s+(?:in|en|em|im fach|in the field of)\s+(.+)$", role) or re.match(
                r"^([^,]+),\s*(.+)$", role
            )
            if m and _DEGREE.search(m.group(1)) and not area:
                role, area = m.group(1).strip(" ,"), m.group(2).strip(" ,")
        out["studyType"] = role
        if area:
            # "Texts and Technology, with a focus on ...": the field, not its description.
            area = re.split(r",|;|\s+with\s+|\s+-\s*\d", area)[0].strip()
        out["area"] = area
        out["score"] = score
    else:  # projects
        out["name"] = org or role
        if org and role:
            out["roles"] = [role]
    out["startDate"] = start
    if end is not None:
        out["endDate"] = end
    if summary:
        out["description" if key == "projects" else "summary"] = " ".join(summary)[:2000]
    if highlights:
        out["highlights"] = highlights
    return {k: v for k, v in out.items() if v is not None and v != ""}


def _list_items(lines: list[Line]) -> list[str]:
    out = []
    for line in lines:
        for part in line.text.split("\t"):
            text = _strip_bullet(part)
            # Rating glyphs (★★★, private-use symbols) carry no words.
            if text and re.search(r"\w", text) and not re.fullmatch(r"[\W\u2605\u2606\uf000-\uf0ff]+", text):
                out.append(text.strip())
    return out


def _list_section(key: str, lines: list[Line]) -> list[dict[str, Any]]:
    items = _list_items(lines)
    out: list[dict[str, Any]] = []
    if key == "skills":
        for line in lines:
            text = _strip_bullet(line.text.replace("\t", " "))
            text = re.sub(r"[\uf000-\uf0ff★☆●○]+", "", text).strip()
            if not text:
                continue
            kv = _split_key(text) if ":" in text or "：" in text else None
            if kv and kv[1]:
                words = [w.strip(" .") for w in re.split(r"[,;，、]", kv[1]) if w.strip(" .")]
                out.append({"name": kv[0], "keywords": words})
            elif out and "keywords" in out[-1] and not out[-1]["keywords"] and not _is_bullet(line):
                out[-1]["keywords"] = [w.strip() for w in re.split(r"[,;，、]", text) if w.strip()]
            elif text.endswith(":"):
                out.append({"name": text.rstrip(":"), "keywords": []})
            else:
                out.append({"name": text})
        for item in out:
            if item.get("keywords") == []:
                del item["keywords"]
        return out
    if key == "languages":
        for text in items:
            for piece in re.split(r"[;,，、](?![^()]*\))", text):
                piece = piece.strip(" .")
                m = re.match(r"^(?P<lang>[^\W\d][\w' -]*?)\s*(?:[:–—-]\s*|\((?P<paren>[^)]*)\)\s*)(?P<fl>.*)$", piece)
                if m and (m.group("fl") or m.group("paren")):
                    fluency = (
                        (m.group("paren") or "") + (" " if m.group("paren") and m.group("fl") else "") + m.group("fl")
                    )
                    out.append({"language": m.group("lang").strip(), "fluency": fluency.strip(" ()")})
                elif piece:
                    out.append({"language": piece})
        return out
    if key == "interests":
        return [{"name": t} for text in items for t in re.split(r"[,;，、]", text) if t.strip()]
    if key in ("awards", "certificates", "publications", "references"):
        for line in lines:
            text = _strip_bullet(line.text)
            spans = find_dates(text)
            title = _without_dates(text, spans) if spans else text
            title = title.replace("\t", " ").strip()
            if not title or not re.search(r"\w", title):
                continue
            date = spans[0].end or spans[0].start if spans else None
            if key == "awards":
                out.append({"title": title, "date": date})
            elif key == "certificates":
                out.append({"name": title, "date": date})
            elif key == "publications":
                out.append({"name": title, "releaseDate": date})
            else:
                out.append({"name": title})
        return [{k: v for k, v in item.items() if v} for item in out]
    return [{"name": t} for t in items]


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


def extract(data: bytes, *, lang: str | None = None) -> tuple[Resume, Report]:
    """Read a DOCX CV that cvconvert did not write, best effort, without any AI model.

    Returns the résumé and a report whose warnings say what was found where and how sure the
    rules are. ``lang`` (e.g. "de") only adds weight to that language's words; headings in
    English, German, French, Spanish, Portuguese, Russian and Chinese are always known.
    Raises InvalidInputError (one line) for input that is not a readable Word package.
    """
    with requires_extra("docx"):
        package = open_zip(data, "Word file")
        pkg = _Package(package)
        lines = pkg.lines()
        creator = pkg.creator()
    learn_language(lang)
    report = Report()
    for message in pkg.skipped:
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
                    s.lines = [ln for ln in s.lines if ln not in moved]
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
    # "Languages: English, German" outside any section of its own: a one-line section.
    loose = preface + [ln for s in sections if s.key in ("basics", "other") for ln in s.lines]
    for line in loose:
        if id(line) in basics.used:
            continue
        kv = _split_key(_strip_bullet(line.text))
        key = headings.lookup(kv[0]) if kv and kv[1] else None
        if kv and key in ("skills", "languages", "interests") and not any(s.key == key for s in sections):
            sections.append(_Section(key, kv[0], 0.6, [Line(kv[1], where=line.where)]))
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
