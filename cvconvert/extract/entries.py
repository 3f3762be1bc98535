"""Entries of the work, education, volunteer and projects sections.

:func:`_segment` cuts a section into entries around the lines that carry dates; :func:`_entry_data`
turns one entry into JSON Resume fields (the head through :mod:`.heads`, the body into summary and
highlights).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cvconvert.extract.daterange import DateSpan, _undated, _without_dates, find_dates
from cvconvert.extract.heads import _fragment_kind, _split_head
from cvconvert.extract.lines import _BULLET_GLYPHS, Line, _is_bullet, _strip_bullet, _words
from cvconvert.extract.places import _is_place
from cvconvert.extract.vocab import (
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
    _SCORE,
    _split_key,
)

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
        text = _undated(line.text)
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
