"""Entries of the work, education, volunteer and projects sections.

:func:`_segment` cuts a section into entries around the lines that carry dates; :func:`_entry_data`
turns one entry into JSON Resume fields (the head through :mod:`.heads`, the body into summary and
highlights).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from cvconvert.extract.daterange import _TO_PRESENT, DateSpan, _undated, _without_dates, find_dates
from cvconvert.extract.heads import (
    _AREA_IN_TEXT,
    _LEGAL_FORM,
    _WEB_ADDRESS,
    _fragment_kind,
    _head_order,
    _short_place,
    _split_head,
)
from cvconvert.extract.lines import (
    _BULLET_GLYPHS,
    _ENUMERATOR,
    Line,
    _cjk,
    _enumerated,
    _is_bullet,
    _strip_bullet,
    _words,
)
from cvconvert.extract.places import _is_place
from cvconvert.extract.vocab import (
    _AREA_KEYS,
    _BIRTH,
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
    _STATUS,
    _STATUS_WORDS,
    _STUDY_YEAR,
    _TO_THIS_DAY,
    _any_key,
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
    employer: str | None = None  # a dated sub-role's organisation, from the entry it stands under
    role: str | None = None  # a title from a role line with the entry's own dates
    order: str | None = None  # "org" or "role": which the section's heads name first


# Words a line of prose may break after but a head never ends with (articles, prepositions,
# conjunctions), per language: en, de, fr, es, it, pt, nl.
_OPEN_END = re.compile(
    r"(?i)\s(?:the|a|an|of|to|and|or|in|on|for|with|as|by|from|at|into|that|"
    r"der|die|das|den|dem|des|ein|eine|und|oder|mit|für|von|zu|zur|zum|im|"
    r"le|la|les|un|une|du|de|des|et|ou|avec|pour|dans|sur|au|aux|"
    r"el|los|las|y|con|para|en|del|por|il|lo|gli|e|di|per|nel|della|o|os|as|um|uma|com|do|da|no|na|"
    r"het|een|en|met|voor|van)$"
)


def _line_kind(line: Line, key: str) -> str:
    """'dated', 'head' or 'body' for a line inside an entry section."""
    text = line.text
    spans = find_dates(text)
    rest = _without_dates(text, spans)
    date_first = bool(spans) and spans[0].begin <= 2
    short = len(rest) < 160 and not (len(rest) > 90 and rest.endswith("."))
    if spans and _dated_item(line, spans):
        return "body"
    if spans and _prose_with_date(text, rest, spans):
        return "body"  # "Since 2004 Nordwind has been building web sites for …": prose that names a year
    if spans and (short or (date_first and len(rest) < 220)):
        return "dated"
    if spans and len(rest) < 160 and not _sentence(rest) and (_ORG.search(rest) or _DEGREE.search(rest)):
        return "dated"  # "Degree, School of X, Nordvale University, 2020.": a long head, no prose
    if _SCORE.search(text) and len(text) < 60:
        return "score"
    kv = _split_key(_strip_bullet(text))
    if kv and kv[1] and (_ORG_KEYS.match(kv[0].casefold()) or _ROLE_KEYS.match(kv[0].casefold())):
        return "head"  # "Company: ACME", even as a list item
    if kv and _DETAIL_KEYS.match(kv[0].casefold()):
        return "body"
    # A caption and its colon, not a tab's two columns ("Title<tab>https://…").
    captioned = (
        kv is not None
        and _strip_bullet(text).lstrip().startswith(kv[0])
        and bool(re.match(r"\s?[:：]", _strip_bullet(text).lstrip()[len(kv[0]) :]))
    )
    if kv and captioned and kv[1] and (not re.search(r"[^\W\d_]", kv[1]) or _WEB_ADDRESS.fullmatch(kv[1])):
        return "body"  # "Company size: ~250", "Website: https://…": a figure or a link under its caption
    if _DETAIL_KEYS.match(_strip_bullet(text).strip().rstrip(":：").strip().casefold()):
        return "body"  # "Highlights", "Aufgaben:" alone: a caption over the entry's list, no head
    if (_is_bullet(line) or _enumerated(text)) and not (line.level is not None and line.level >= 0):
        # A numbered heading style is a heading, not a list item.
        stripped = _strip_bullet(text)
        # Education entries are often list items themselves ("• Master of Arts (M.A.) in Education").
        if key == "education" and len(stripped) < 160 and (_DEGREE.search(stripped) or _ORG.search(stripped)):
            return "head"
        return "body"
    if len(text) > 110 or (len(text) > 70 and text.endswith((".", "。", ";"))):
        return "body"
    if _sentence(text) and _OPEN_END.search(text):
        return "body"  # "Automated most of the accounting through Quickbooks as to the": wrapped prose
    if "。" in text and len(text) > 30 and _cjk(text):
        return "body"  # a Chinese or Japanese sentence: each sign says more than a Latin letter
    # Continuations ("and more;"), and captions inside an entry ("Main duties:").
    styled = line.level is not None and line.level >= 0
    if (
        (text[:1].islower() and not styled)
        or text.endswith((";", ":", "："))
        or (text.endswith(",") and len(text) > 40)
    ):
        return "body"  # (a styled line in lower case is a name: "idea2app", "bitcrowd")
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


def _slot_of(line: Line, key: str) -> str | None:
    """ "org" or "role" for a head line that names one ("Company: ACME", "ACME GmbH"), else None."""
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


def _head_keyed(line: Line) -> bool:
    """A head line captioned with an organisation or a title ("Employer: ACME")."""
    kv = _split_key(_strip_bullet(line.text))
    return kv is not None and bool(_ORG_KEYS.match(kv[0].casefold()) or _ROLE_KEYS.match(kv[0].casefold()))


class _Segmenter:
    """One pass over a section's lines that cuts it into entries.

    Each line is given a kind (:func:`_line_kind`, then the context rules in :meth:`kind`) and
    handled by the rule for that kind: a dated line starts or completes an entry, head lines wait
    in ``pending`` until a date or a body line tells whether they start an entry, body lines go
    to the current entry.
    """

    def __init__(self, lines: list[Line], key: str, *, row: bool = False) -> None:
        self.lines, self.key, self.row = lines, key, row
        # When entry heads have a heading style of their own, only those start entries; the
        # dated lines under them are sub-roles or projects of the same entry.
        styled = [ln for ln in lines if ln.level is not None and ln.level >= 0 and find_dates(ln.text)]
        self.styled_levels = {ln.level for ln in styled}
        # Each line's kind out of context, asked once: the order, the looks and the loop read it.
        self.line_kinds = [_line_kind(line, key) for line in lines]
        self.dates_first, self.head_size = _section_order(lines, key, self.line_kinds)
        sizes = sorted(ln.size for ln in lines if ln.size)
        self.text_size = sizes[len(sizes) // 2] if sizes else 0.0  # the median: the text's size
        # The looks (bold, size) of head lines that name an organisation or a title, and of text lines.
        self.head_looks: dict[tuple[bool, float], int] = {}
        self.text_looks: set[tuple[bool, float]] = set()
        for line, kind in zip(lines, self.line_kinds, strict=True):
            if kind == "body":
                self.text_looks.add((line.bold, line.size))
            elif kind == "head" and _slot_of(line, key) in ("org", "role"):
                self.head_looks[line.bold, line.size] = self.head_looks.get((line.bold, line.size), 0) + 1
        self.entries: list[_Entry] = []
        self.pending: list[Line] = []
        self.cur: _Entry | None = None
        self.slots: dict[int, str | None] = {}

    def run(self) -> list[_Entry]:
        """The entries, in order."""
        for number, line in enumerate(self.lines):
            if not re.search(r"\w", line.text):
                continue
            if self.cur is not None and self.open_end(self.cur, line):
                # "2022-07<tab>Programista" / "- obecnie": the range goes on to today (a list item
                # to the eye); the head goes on below.
                assert self.cur.dates is not None
                self.cur.dates = replace(self.cur.dates, end=None, single=False, present=True)
                self.cur.closed = False
                continue
            kind = self.kind(line, number)
            if kind != "dated" and self.link_under_head(line):
                continue  # "https://nordwind.example" between the dates and the title: the head goes on
            if kind == "styled":
                self.styled_head(line)
            elif kind == "dated":
                self.dated(line)
            elif kind == "head":
                self.head(line)
            else:
                self.body(line)
        if self.pending:
            # In a table row that holds one entry, lines left over after it are its text.
            alone = not (self.row and self.entries)
            named = self.has(self.pending, "org") and not self.prose(self.pending)
            self.flush_pending(as_entry=alone and named and len(self.pending) <= 3)
        return self.entries

    # -- helpers -------------------------------------------------------------------------------
    def slot(self, line: Line) -> str | None:
        found = self.slots.get(id(line), "?")
        if found == "?":
            found = self.slots[id(line)] = _slot_of(line, self.key)
        return found

    def has(self, lines: list[Line], slot: str) -> bool:
        return any(self.slot(ln) == slot for ln in lines)

    def flush_pending(self, as_entry: bool) -> None:
        """The waiting head lines become an entry of their own, or the current entry's body."""
        if not self.pending:
            return
        if as_entry:
            self.cur = _Entry(head=list(self.pending), closed=True)
            self.entries.append(self.cur)
        elif self.cur is not None:
            self.cur.body.extend(self.pending)
        self.pending.clear()

    # -- the kind of a line in its context ----------------------------------------------------
    def kind(self, line: Line, number: int) -> str:
        """'styled', 'dated', 'head', 'body' or 'score' for a line in its place."""
        kind = self.line_kinds[number]
        if kind == "body" and self.caption_over_keyed(line, number):
            kind = "head"
        elif kind == "head" and self.key == "work" and _other_detail(line):
            kind = "body"
        if kind == "dated" and (_dated_detail(line) or _BIRTH.search(line.text)):
            # A birth date is no entry's date; a figure dated in brackets no entry's head.
            kind = "body"
        if self.styled_levels and kind == "dated":
            kind = "styled" if line.level in self.styled_levels else "body"
        if kind == "head" and self.under_caption(line, number):
            kind = "body"
        return kind

    def under_caption(self, line: Line, number: int) -> bool:
        """ "Highlights" / "React" / "Node.JS": plain short lines after a caption over an entry's
        list, and before the next dated line, are the list's items (not heads), unless they have
        a look of their own (bold, larger)."""
        if line.bold or (self.text_size and line.size > self.text_size + 1) or _slot_of(line, self.key) == "org":
            return False
        for before in range(number - 1, max(-1, number - 40), -1):
            kind, text = self.line_kinds[before], self.lines[before].text
            if kind == "dated":
                return False
            if kind == "body" and _DETAIL_KEYS.fullmatch(_strip_bullet(text).strip().rstrip(":：").strip().casefold()):
                return True
            if self.lines[before].bold or _words(text) > 4 or (_is_bullet(self.lines[before]) and not _is_bullet(line)):
                return False  # (after a list of bullets, a plain line is past the list)
        return False

    def caption_over_keyed(self, line: Line, number: int) -> bool:
        """ "Support engineer:" over "Company: ACME" / "Period: ...": the caption names the entry."""
        if not line.text.rstrip().endswith((":", "：")) or number + 1 >= len(self.lines):
            return False
        return _head_keyed(self.lines[number + 1])

    # -- one rule per kind --------------------------------------------------------------------
    def styled_head(self, line: Line) -> None:
        """A styled entry head always starts an entry. Styled lines just above it belong to it
        ("Job Title | Company" in Heading 2 over the dates in Heading 3); plain ones were text."""
        above: list[Line] = []
        while self.pending and self.pending[-1].level is not None and self.pending[-1].level >= 0:
            above.insert(0, self.pending.pop())
        self.flush_pending(as_entry=False)
        self.cur = _Entry(head=[*above, line], dates=find_dates(line.text)[0], closed=False, date_line=line)
        self.entries.append(self.cur)

    def dated(self, line: Line) -> None:
        """A line with dates: the end of a head waiting above it, the date of the entry just
        started, or the start of a new entry."""
        spans = find_dates(line.text)
        span = spans[0]
        # "2018 – 2020 Waiter at ..." opens a head that goes on below; "• 2018-2020" (nothing but
        # marks beside the date) closes the head above it.
        date_first = span.begin <= 2 and bool(re.search(r"\w", _without_dates(line.text, spans)))
        cur = self.cur
        if cur is not None and self.range_end(cur, line, spans):
            # "2023-02<tab>Informatyka, Magister" / "- 2025-02": a range wrapped in a narrow date
            # column; the head goes on below its end.
            assert cur.dates is not None
            cur.dates = replace(cur.dates, end=span.start, single=False, present=span.present)
            cur.closed = False
            return
        if cur is not None and cur.dates is None and self.late_place_and_date(line, spans):
            # A side column read after the entry's text: "Budapest" / "Feb 2022 – Present"
            # under an undated head and its bullets are that entry's place and dates.
            cur.head.extend(self.pending)
            self.pending.clear()
            cur.dates, cur.date_line = span, line
            return
        if not self.pending or not self.has(self.pending, "org"):
            parent = self.sub_role_parent(line, span)
            if parent is not None:
                self.flush_pending(as_entry=False)
                self.sub_role(parent, line, span)
                return
        if date_first and cur is not None and self.pending and not any(self.slot(ln) for ln in self.pending):
            # "2017-10 – 2018-03  Nordwind KK" opens an entry: the untyped lines above it (tools,
            # team size from a side column) were the entry before's.
            self.flush_pending(as_entry=False)
        if self.pending and cur is not None and self.dates_first:
            # The section puts each entry's dates over its head ("Berlin, 2018 – 2020" / "Nordwind
            # GmbH"): lines waiting above a date close the entry before (or are an undated entry
            # of their own), they do not head this one.
            self.flush_pending(as_entry=self.complete(self.pending))
            self.cur = _Entry(head=[line], dates=span, closed=False, date_line=line)
            self.entries.append(self.cur)
            return
        if self.pending and cur is not None and not self.dates_first:
            self.trim_pending()
            self.text_before_styled()
        plain = not any(ln.bold or (ln.level is not None and ln.level >= 0) for ln in self.pending)
        if self.pending and cur is not None and plain and self.whole_head(line):
            # "MS<tab>Nordvale University<tab>2013-2015" names its title and organisation itself:
            # the plain undated lines above it were details of the entry before (a styled or bold
            # line above is a head of its own).
            self.flush_pending(as_entry=False)
        if self.pending:
            self.cur = _Entry(head=[*self.pending, line], dates=span, closed=not date_first, date_line=line)
            self.pending.clear()
        elif cur is not None and cur.dates is None and not cur.body and not date_first and len(cur.head) <= 2:
            cur.head.append(line)
            cur.dates, cur.date_line, cur.closed = span, line, True
            return
        elif cur is not None and cur.dates is None and _date_only(line.text, spans) and len(cur.body) <= 3:
            # A date on its own line under an undated entry (a grade between them) is its date.
            cur.dates, cur.date_line = span, line
            return
        else:
            self.flush_pending(as_entry=False)
            self.cur = _Entry(head=[line], dates=span, closed=False, date_line=line)
        self.entries.append(self.cur)

    def trim_pending(self) -> None:
        """In a section whose heads stand over their dates, a head is as long as the first one
        ("Nordwind GmbH" / "Entwickler" / "2018 – 2020"): untyped lines waiting before it are the
        text of the entry before ("Entwicklung von Webanwendungen")."""
        if self.head_size is None or self.cur is None:
            return
        while len(self.pending) > self.head_size and self.slot(self.pending[0]) is None:
            self.cur.body.append(self.pending.pop(0))

    def open_end(self, entry: _Entry, line: Line) -> bool:
        """A line that is only "- present" under an entry dated by one date and nothing else yet."""
        if self.pending or entry.body or entry.dates is None or not entry.dates.single:
            return False
        end = _TO_PRESENT.match(line.text.strip())
        return end is not None and end.end() == len(line.text.strip()) and line.text.lstrip()[:1] in "-–—~～"

    def range_end(self, entry: _Entry, line: Line, spans: list[DateSpan]) -> bool:
        """A line that is only "- <date>" under an entry dated by one date and nothing else yet."""
        return (
            not self.pending
            and not entry.body
            and entry.dates is not None
            and entry.dates.single
            and bool(re.match(r"\s*[-–—~～]\s*\S", line.text))
            and _date_only(re.sub(r"^\s*[-–—~～]\s*", "", line.text), find_dates(line.text.lstrip(" -–—~～")))
        )

    def late_place_and_date(self, line: Line, spans: list[DateSpan]) -> bool:
        """Only a date on the line, and at most a place waiting above it."""
        return (
            bool(self.pending)
            and len(self.pending) <= 1
            and _date_only(line.text, spans)
            and all(_is_place(ln.text) or _short_place(ln.text) for ln in self.pending)
        )

    def sub_role_parent(self, line: Line, span: DateSpan) -> tuple[_Entry, str] | None:
        """The employer entry (and its organisation) a dated title-only line stands under: the
        last entry that names an organisation and whose dates hold the line's."""
        fields = _split_head([line], self.key)[0]
        bare = not re.search(r"\w", _without_dates(line.text, find_dates(line.text)))
        if self.key != "work" or not (fields.get("role") or bare) or fields.get("org"):
            return None
        parent = next((e for e in reversed(self.entries) if e.employer is None), None)
        if parent is None or parent.dates is None or not _within(span, parent.dates):
            return None
        if bare and (span.start, span.end) != (parent.dates.start, parent.dates.end):
            return None  # a date alone, not the employer's: the date of a head still to come
        # An employer's block names no title of its own ("2018-2025  Nordwind Games"); under an
        # entry with a title, a dated title is another job (a part-time one held meanwhile).
        parent_fields = _split_head(parent.head, self.key)[0]
        org = parent_fields.get("org")
        return (parent, org) if org and not parent_fields.get("role") else None

    def sub_role(self, parent: tuple[_Entry, str], line: Line, span: DateSpan) -> None:
        """ "2018-04 – 2018-12 / Client Programmer" under "2018-04 – 2025-01  Nordwind Games": a
        role at that employer. With the employer's own dates it is the employer's title; with
        dates of its own, an entry of its own that names the employer."""
        entry, org = parent
        if entry.dates is not None and (span.start, span.end) == (entry.dates.start, entry.dates.end):
            role = _split_head([line], self.key)[0].get("role")
            if role and not entry.role and not _split_head(entry.head, self.key)[0].get("role"):
                entry.role = role
            self.cur = entry
            entry.closed = True
            return
        self.cur = _Entry(head=[line], dates=span, closed=True, date_line=line, employer=org)
        self.entries.append(self.cur)

    def whole_head(self, line: Line) -> bool:
        """A dated line that names both an organisation and a title."""
        fields = _split_head([line], self.key)[0]
        return bool(fields.get("org") and fields.get("role"))

    def head(self, line: Line) -> None:
        """A line that may be part of an entry head: joins the current entry's head while that
        is open, else waits in ``pending``."""
        cur, slot = self.cur, self.slot(line)
        if slot == "role" and cur is not None and not self.pending and self.title_after_description(cur):
            # "Nordwind GmbH" / "A small agency building web shops." / "Software Engineer": the
            # title after a line describing the company still belongs to the head.
            cur.head.append(line)
            return
        if cur is not None and not self.pending and self.org_under_title_and_dates(cur, line, slot):
            cur.head.append(line)
            return
        if _head_keyed(line) and cur is not None and not self.pending and slot and not self.has(cur.head, slot):
            if len(cur.head) < 6:
                # Captioned details come in any order ("Dates", "Position held", activities,
                # "Employer"): a caption the entry still lacks belongs to it.
                cur.head.append(line)
                return
        if (
            (slot is None or _sentence(line.text))
            and not self.pending
            and cur is not None
            and not cur.closed
            and cur.head == [cur.date_line]
            and self.whole_head(cur.head[0])
        ):
            # "2016 – 2017 Design Supervisor, Nordvale Society" says it all: a line under it that
            # names no organisation or title is text.
            self.body(line)
            return
        if (
            cur is not None
            and not cur.body
            and (not cur.closed or _same_row(line, cur.date_line))
            and len(cur.head) < 4
            and not (slot and self.has(cur.head, slot))
            and not (len(cur.head) >= 2 and _words(line.text) >= 10 and _sentence(line.text))
        ):
            # (under a head of two lines, a sentence of ten words is the entry's text)
            cur.head.append(line)
            return
        if (
            self.pending
            and slot
            and self.has(self.pending, slot)
            and self.complete(self.pending)
            and not self.title_in_one_cell(self.pending, line)
        ):
            self.flush_pending(as_entry=True)
        self.pending.append(line)
        if len(self.pending) > 3:
            # Too many undated head lines in a row: they were text, not a head.
            moved = self.pending.pop(0)
            if cur is not None:
                cur.body.append(moved)

    def link_under_head(self, line: Line) -> bool:
        """A line that is only a web address, right under a head that has no text yet."""
        cur = self.cur
        return (
            cur is not None
            and not cur.body
            and not self.pending
            and _WEB_ADDRESS.fullmatch(_strip_bullet(line.text).strip()) is not None
        )

    def org_under_title_and_dates(self, entry: _Entry, line: Line, slot: str | None) -> bool:
        """ "iOS Engineer" / "Mar 2018 – Mar 2019" / "Nordwind": a few words right under a head
        that names a title and ends in its dates name the organisation (of a work entry)."""
        return (
            self.key in ("work", "volunteer")
            and slot in (None, "org")
            and not entry.body
            and entry.date_line is entry.head[-1]
            and len(entry.head) == 2
            and _date_only(entry.date_line.text, find_dates(entry.date_line.text))
            and self.slot(entry.head[0]) == "role"
            and _words(line.text) <= 5
            and not line.text.rstrip().endswith((".", "。"))
            and not _is_bullet(line)
        )

    def title_after_description(self, entry: _Entry) -> bool:
        """An entry with an organisation but no title yet, and one or two lines of prose (no list
        items) after its head."""
        if not 0 < len(entry.body) <= 2 or any(_is_bullet(ln) for ln in entry.body):
            return False
        return self.has(entry.head, "org") and not self.has(entry.head, "role") and entry.role is None

    def title_in_one_cell(self, pending: list[Line], line: Line) -> bool:
        """ "Software Architektur" / "Werkstudent" in one cell, then "Nordwind SE" in the next: the
        first pair is a title wrapped in its cell, not an entry naming an organisation."""
        if line.cell is None or self.slot(line) != "org":
            return False
        orgs = [ln for ln in pending if self.slot(ln) == "org"]
        return all(ln.cell is not None and ln.cell != line.cell for ln in orgs) and all(
            any(r.cell == ln.cell and self.slot(r) == "role" for r in pending) for ln in orgs
        )

    def text_before_styled(self) -> None:
        """ "Keywords: C#, SQL" / "Internship – Nordvale" (bold, as the section's heads): the waiting
        lines before the styled one, in the look of the text, are the text of the entry before."""
        if not self.pending or self.cur is None:
            return
        k = next((k for k in range(1, len(self.pending)) if self.styled_like_heads(self.pending[k:])), 0)
        if k and all((ln.bold, ln.size) in self.text_looks for ln in self.pending[:k]):
            self.cur.body.extend(self.pending[:k])
            del self.pending[:k]

    def styled_like_heads(self, pending: list[Line]) -> bool:
        """Waiting lines that open with the look of the section's other entry heads (bold, or a
        size well above the text's) when no text line has that look: a head whose words the
        vocabularies do not know ("Nordvik Nomad Club" / "Project Coordinator")."""
        first = pending[0]
        if len(pending) > 3 or _is_bullet(first) or not (first.bold or first.size >= self.text_size + 1.5):
            return False
        look = (first.bold, first.size)
        named = self.head_looks.get(look, 0) - (self.slot(first) in ("org", "role"))
        return named > 0 and look not in self.text_looks

    def prose(self, lines: list[Line]) -> bool:
        """Plain sentences under an entry ("Provide the dataset for research institutions"): its
        text, though a word in them names an organisation."""
        return self.cur is not None and all(_sentence(ln.text) and not ln.bold for ln in lines)

    def complete(self, lines: list[Line]) -> bool:
        return self.has(lines, "org") and self.has(lines, "role")

    def body(self, line: Line) -> None:
        """A body (or score) line: the head lines waiting above it become an entry of their own
        or text of the current entry; the line goes to the current entry."""
        if not self.has(self.pending, "org"):
            self.text_before_styled()
        if self.pending:
            pending, cur = self.pending, self.cur
            looks_entry = (
                (self.has(pending, "org") and not self.prose(pending))
                or (cur is None and len(pending) <= 3)
                or self.styled_like_heads(pending)
            )
            # One undated line between a dated entry and its bullets describes that entry (a team,
            # a second title, "a small web agency"); it is not an entry of its own.
            sub_role = (
                len(pending) == 1
                and cur is not None
                and (cur.dates is not None or not self.has(pending, "org"))
                and not (cur.body and self.styled_like_heads(pending))
            )
            self.flush_pending(as_entry=looks_entry and not sub_role)
        cur = self.cur
        if cur is not None:
            spans = find_dates(line.text) if cur.dates is None and not cur.body else []
            if spans and spans[0].begin <= 2 and not spans[0].single:
                # "2020, Jul-Okt. Die Nordwind GmbH ist …": a paragraph that opens with the dates
                # of the undated head above it.
                cur.dates, cur.date_line = spans[0], line
            cur.body.append(line)
            cur.closed = True


def _prose_with_date(text: str, rest: str, spans: list[DateSpan]) -> bool:
    """A long sentence with a date inside it, not a head with its dates in a column of their own
    (after a tab, or closing the line)."""
    inside = "\t" not in text and spans[-1].stop < len(text.rstrip(" .)"))
    return inside and _words(rest) >= 12 and _sentence(rest)


def _sentence(text: str) -> bool:
    """Six words or more, most of them in lower case: a sentence, though it names a title or an
    organisation ("Collaborate with the scientists of the institute to revise the index")."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 6 and 2 * sum(w[:1].islower() for w in words) > len(words)


def _section_order(lines: list[Line], key: str, line_kinds: list[str] | None = None) -> tuple[bool, int | None]:
    """Whether the section writes each entry's dates over its head, decided by most of its entries,
    and the number of head lines over the first date when heads come first.

    A date line that opens the section, or that follows an entry's text and stands over a head,
    votes dates-first; one under a head and over text votes heads-first."""
    every = line_kinds if line_kinds is not None else [_line_kind(ln, key) for ln in lines]
    kinds = [kind for ln, kind in zip(lines, every, strict=True) if re.search(r"\w", ln.text)]
    first = second = 0
    for i, kind in enumerate(kinds):
        if kind != "dated":
            continue
        before = kinds[i - 1] if i else None
        after = kinds[i + 1] if i + 1 < len(kinds) else None
        if (before is None or before == "body") and after == "head":
            first += 1
        elif before == "head" and after in ("body", "dated", None):
            second += 1
    head_size = next((i for i, kind in enumerate(kinds) if kind == "dated"), None)
    if head_size is not None and not 1 <= head_size <= 3:
        head_size = None
    return first > second, head_size


def _dated_item(line: Line, spans: list[DateSpan]) -> bool:
    """A list item dated in brackets ("• Released Game X (Feb 2010)", Japanese "・…（2010年2月発売）"):
    an achievement of the entry, not the head of another."""
    item = _is_bullet(line) or line.text.startswith("・")
    return item and all(sp.begin > 2 and line.text[sp.begin - 1] in "(（[" for sp in spans)


def _within(inner: DateSpan, outer: DateSpan) -> bool:
    """The inner range lies inside the outer one (ISO dates compare as text; no end is today)."""
    if not inner.start or not outer.start:
        return False
    inner_end, outer_end = inner.end or inner.start, outer.end or "9999"
    return outer.start <= inner.start and inner_end[: len(outer_end)] <= outer_end


def _dated_detail(line: Line) -> bool:
    """ "資本金：5千万円（2010年1月）", "Revenue: 2M (2019)": a captioned figure dated in brackets."""
    kv = _split_key(_strip_bullet(line.text))
    if not kv or _any_key(kv[0].casefold()) or _words(kv[0]) > 3:
        return False
    spans = find_dates(line.text)
    return bool(spans) and all(sp.begin > 0 and line.text[sp.begin - 1] in "(（[" for sp in spans)


def _other_detail(line: Line) -> bool:
    """Details of another kind that stand among the jobs ("School: ...", "Objective: ...")."""
    kv = _split_key(_strip_bullet(line.text))
    k = kv[0].casefold() if kv else ""
    return bool(kv and ((_LABEL_KEYS.match(k) and not _ROLE_KEYS.match(k)) or _EDU_KEYS.match(k)))


def _segment(lines: list[Line], key: str) -> list[_Entry]:
    """Cut a section into entries around the lines that carry dates (see :class:`_Segmenter`);
    a section without any is read as prose or, for projects, as a plain list."""
    rows = _entry_rows(lines, key)
    entries = (
        [entry for row in rows for entry in _Segmenter(row, key, row=True).run()]
        if rows
        else _Segmenter(lines, key).run()
    )
    for entry in entries:
        _month_cell(entry)
    entries = _join_and_leave(entries)
    _section_head_order(entries, key)
    if not entries:
        entries = _prose_entries(lines)
    if not entries and key == "projects":
        entries = _listed_projects(lines)
    return entries


def _entry_rows(lines: list[Line], key: str) -> list[list[Line]] | None:
    """A section laid out as one table row per entry (the school, the status and the degree in one
    row, the next school with its dates in the next): the rows, each cut on its own, so an undated
    row stays an entry instead of heading the dated row below. None when the section is not such a
    table: a line outside it, a row of one line, a row with two dated lines, a row that names
    neither organisation nor title, or an undated row that names no organisation."""
    if not lines or any(ln.cell is None for ln in lines):
        return None
    rows: list[list[Line]] = []
    for line in lines:
        assert line.cell is not None
        if rows and rows[-1][0].cell is not None and rows[-1][0].cell[:2] == line.cell[:2]:
            rows[-1].append(line)
        else:
            rows.append([line])
    if len(rows) < 2 or len({row[0].cell[:2] for row in rows if row[0].cell}) != len(rows):
        return None  # a row met twice is a table read block by block, not row by row
    if len({row[0].cell[0] for row in rows if row[0].cell}) != 1:
        return None
    dated_rows = 0
    for row in rows:
        dated = sum(_line_kind(ln, key) == "dated" for ln in row)
        if len(row) < 2 or dated > 1:
            return None
        slots = {_slot_of(ln, key) for ln in row}
        if "org" not in slots and (not dated or "role" not in slots):
            return None  # a row of dates and a place completes the row above it
        dated_rows += dated
    return rows if dated_rows else None


def _section_head_order(entries: list[_Entry], key: str) -> None:
    """Which of organisation and title most heads of the section name first, where words tell
    ("Engineer ● Nordwind GmbH", "Analyst ● Harbour Bank"): it decides for the heads whose two
    pieces no word types ("Beekeeper ● Nordwind")."""
    votes = {"org": 0, "role": 0}
    for entry in entries:
        found = _head_order(entry.head, key)
        if found:
            votes[found] += 1
    order = max(votes, key=lambda k: votes[k])
    if votes[order] >= 2 and votes[order] > 2 * votes["role" if order == "org" else "org"]:
        for entry in entries:
            entry.order = order


# Japanese, Korean and Chinese CVs give a job (or a school) as two dated lines: "株式会社X 入社"
# (joined) and "株式会社X 退職" (left), "X大学 入学" and "X大学 卒業".
_JOINED = re.compile(r"入社|入学|入職|入行|入所|入职|입사|입학")
_LEFT = re.compile(r"退職|退社|卒業|修了|退学|中退|离职|毕业|퇴사|퇴직|졸업|수료")


def _month_cell(entry: _Entry) -> None:
    """A year with its month in the next cell ("平成6" | "8" in a 履歴書 grid): the month joins it."""
    span, line = entry.dates, entry.date_line
    if span is None or line is None or not span.single or not span.start or len(span.start) != 4:
        return
    at = next((i for i, ln in enumerate(entry.head) if ln is line), -1)
    month = entry.head[at + 1].text.strip() if 0 <= at < len(entry.head) - 1 else ""
    if re.fullmatch(r"\d{1,2}", month) and 1 <= int(month) <= 12:
        entry.dates = replace(span, start=f"{span.start}-{int(month):02d}")


def _join_and_leave(entries: list[_Entry]) -> list[_Entry]:
    """One entry from a "joined" line and the "left" line of the same organisation after it."""
    out: list[_Entry] = []
    for entry in entries:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.dates is not None
            and entry.dates is not None
            and _JOINED.search(_head_text(prev))
            and _LEFT.search(_head_text(entry))
            and _same_employer(_org_key(prev), _org_key(entry))
        ):
            prev.dates = replace(prev.dates, end=entry.dates.start, single=False, present=False)
            prev.body.extend(entry.body)
            continue
        out.append(entry)
    return out


def _same_employer(joined: str, left: str) -> bool:
    """The organisation joined and the one left are one: the same name, or the name the company
    took meanwhile, which the joined line notes ("株式会社X（現 株式会社Y）" … "株式会社Y 退職")."""
    if joined == left:
        return True
    bare = _LEGAL_FORM.sub("", left)
    return len(bare) >= 3 and bare in _LEGAL_FORM.sub("", joined)


def _head_text(entry: _Entry) -> str:
    return " ".join(_undated(ln.text) for ln in entry.head)


def _org_key(entry: _Entry) -> str:
    """The head without dates, digits, spaces and the joined/left words: the organisation."""
    return re.sub(r"[\s\d]+", "", _LEFT.sub("", _JOINED.sub("", _head_text(entry))))


def _prose_entries(lines: list[Line]) -> list[_Entry]:
    """Written as prose ("From 07/2022 to 08/2022 I interned at ACME Ltd. ..."): one entry per
    paragraph that names an organisation."""
    entries: list[_Entry] = []
    for line in lines:
        found = _prose_head(line.text)
        if found is not None:
            spans = find_dates(line.text)
            entry = _Entry(head=[found[0]], body=[line], dates=spans[0] if spans else None, closed=True)
            entry.area = found[1]
            entries.append(entry)
    return entries


def _listed_projects(lines: list[Line]) -> list[_Entry]:
    """A plain list of projects ("Data challenges", "Weather app – a forecast for the week"):
    one project per item, the name before a dash or colon."""
    entries: list[_Entry] = []
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


# What joins a degree to its field, per language: "Master in X", "Licence en X", "Laurea in X",
# "Kandidatexamen i X", "Licencjat z X", "Бакалавр по X", "Sarjana di X", "Cử nhân ngành X"; Hebrew
# glues "ב" (in) to the field ("תואר ראשון במדעי המחשב").
_DEGREE_FIELD = re.compile(
    r"(?i)^(.+?)(?:\s+(?:in|en|em|im fach|in the field of|i|z|ze|w zakresie|по|по специальности|di|ngành|"
    r"chuyên ngành|dans)\s+|\s+ב(?=[^\W\d]{2}))(.+)$"
)
_STATUS_TAIL = re.compile(rf"(?i)[\s,(]+(?:{_STATUS_WORDS})\)?$")


# A degree named by one word, then its field without a joining word: "Licence Informatique",
# "Bachelor Computer Science", "Master Technologies de l'Information", "MBA Finance".
_BARE_DEGREE = re.compile(
    r"(?i)^(bachelor|master|licence|licenciatura|laurea|diplom|magister|mba|b\.?\s?sc\.?|m\.?\s?sc\.?|b\.a\.|m\.a\.|"
    r"dut|bts|deug|deust|but)\s+(?!(?:of|in|en|de|der|des|di|em|da|do|du|im|and|et|und|degree|studies|thesis|"
    r"student|program|programme|course)\b)([^\W\d].+)$"
)


def _degree_and_field(role: str) -> tuple[str, str | None]:
    """ "Master in Economics" -> ("Master", "Economics"); a title without a field stays whole."""
    role = _STATUS_TAIL.sub("", role) or role
    field_first = re.match(r"^([^,]+),\s*([^,]+)$", role)
    if field_first and _DEGREE.search(field_first[2]) and not _DEGREE.search(field_first[1]):
        return field_first[2].strip(), field_first[1].strip()  # "Informatyka, Inżynier": field, then degree
    bare = _BARE_DEGREE.match(role)
    if bare and bare[2][:1].isupper():
        return bare[1], bare[2]  # "Licence Informatique", "Bachelor Computer Science"
    m = _DEGREE_FIELD.match(role) or re.match(r"^([^,]+),\s*(.+)$", role)
    if m and _DEGREE.search(m.group(1)) and not _STATUS.match(m.group(2).strip(" ,()")):
        return m.group(1).strip(" ,"), m.group(2).strip(" ,")
    return role, None


# A sentence that describes the employer, first under a head that names only a title: "Nordwind is
# an agency for ...", "Nordwind GmbH ist ein Anbieter von ...", "Nordwind est une société de ...",
# per language (en, de, fr, es, it, pt, nl).
_DESCRIBED = re.compile(
    r"(?:is|was|ist|war|est|était|es|era|è|é|is)\s+(?:a|an|the|one of|ein|eine|der|die|das|un|une|le|la|l['’]|"
    r"uno|una|um|uma|o|een|de|het)\s|(?:is|was)\s+(?:a\s+)?\w+ing\s"
)
# A name that opens such a sentence: words with a capital or a digit ("Nordwind", "n2N Commerce"),
# joined by a few small words ("Bank of Nordvale").
_DESCRIBED_NAME = re.compile(
    r"((?=\S*[A-Z0-9À-Ö])[\w&.'’+-]+(?:\s+(?:(?=\S*[A-Z0-9À-Ö&])[\w&.'’+-]+|of|de|für|et|and|&)){0,4})\s+"
)
# Words that open a sentence without naming anyone (pronouns, demonstratives), per language; an
# article opens a name only before more of it ("The Nordvale Group is …", not "The company is …").
_NOT_A_NAME = frozenset(
    "it this that these he she we they i there our my his her its er sie es wir ich dies diese il elle nous "
    "on ce cette cela él ella esto este esta ele ela isto dit dat hij zij wij".split()
)
_ARTICLES = frozenset("the a an der die das le la les el los las il lo o os as het de een".split())


def _described_org(summary: list[str]) -> str | None:
    """The employer a title-only entry's first sentence describes ("Nordwind is a design agency.")."""
    if not summary:
        return None
    m = _DESCRIBED_NAME.match(summary[0])
    if m is None or not _DESCRIBED.match(summary[0], m.end()):
        return None
    words = m.group(1).split()
    if words[0].casefold() in _NOT_A_NAME or (words[0].casefold() in _ARTICLES and len(words) == 1):
        return None
    return m.group(1)


def _entry_data(entry: _Entry, key: str) -> dict[str, Any] | None:
    fields, _rest = _split_head(entry.head, key, order=entry.order)
    out: dict[str, Any] = {}
    span = entry.dates
    start = end = None
    if span is not None:
        if span.single and entry.date_line is not None and _TO_THIS_DAY.search(entry.date_line.text):
            start = span.start  # "2016年6月 独立 現在に至る": from that date to this day
        elif span.single:
            if key == "education":
                end = span.start
            else:
                start = end = span.start
        else:
            start, end = span.start, span.end
    org, role, place = entry.employer or fields.get("org"), fields.get("role") or entry.role, fields.get("place")
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
        if _DETAIL_KEYS.match(text.strip().rstrip(":：").strip().casefold()):
            continue  # "Highlights": the caption of what follows, not a part of it
        if _enumerated(text):
            highlights.append(_ENUMERATOR.sub("", text))  # "1. Built …": the item without its number
        elif _is_bullet(line) or line.text[:1] in _BULLET_GLYPHS:
            highlights.append(text)
        elif text and not re.fullmatch(r"[\W_]+", text):
            summary.append(text)
    if not org and role and key in ("work", "volunteer"):
        org = _described_org(summary)
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
        if role and not area:
            role, area = _degree_and_field(role)
        out["studyType"] = role
        if area and (_STATUS.match(area.strip(" ()")) or _STUDY_YEAR.match(area.strip(" ()"))):
            area = None
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
