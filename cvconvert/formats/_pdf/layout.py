"""Page lines: a page's words become lines in reading order.

Pure Python over :class:`Word` records (no PDF library here), so every rule can be tested on
words made up in the test. Coordinates are points from the page's top-left corner. The modules:
:mod:`.words` (the records), :mod:`.columns` (rows, chunks, gutters, flows), this one (a flow's
rows as lines) and :mod:`.pages` (running heads, paragraphs, columns over pages).

The passes, per flow: a list's bullet is a mark written before the item or a small shape drawn
there; letter-spaced words are joined; a section heading in larger type in the left margin is a
line of its own; a bold lead that a comma ends is a field (a tab after it); dates under a head's
place move up to the head, and margin dates and places join their head's row; a degree
hyphenated in a narrow caption column is one caption before its school; a start year over its
end year in a dates column is one range. Rows become lines: right-to-left rows in typed order, a
date wrapped in its column one caption, a table row whose cells wrap one line of its cells,
wrapped paragraphs (a list item after its bold lead too) and cut addresses joined.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from typing import NamedTuple

from cvconvert.formats._pdf.columns import _Flow, _sides, _split, rows
from cvconvert.formats._pdf.words import _YEAR, CHUNK_GAP, TAB_GAP, PageLine, Word, _is_rtl, _rtl, _rtl_count
from cvconvert.text import RTL_LETTERS

__all__ = ["PageLine", "Word", "flow_lines", "mark_bullets", "page_lines", "rows"]


# Words of one letter with even, narrow gaps are one letter-spaced word ("J O H N  D O E").
def _join_spaced(row: list[Word]) -> list[Word]:
    if sum(1 for w in row if len(w.text) == 1) < 3:
        return row
    out: list[Word] = []
    i = 0
    while i < len(row):
        j = i
        while j + 1 < len(row) and _single(row[j]) and _single(row[j + 1]):
            j += 1
        if j - i >= 2:
            out.extend(_spaced_words(row[i : j + 1]))
        else:
            out.extend(row[i : j + 1])
        i = j + 1
    return out


def _single(w: Word) -> bool:
    return len(w.text) == 1 and w.text.isalnum()


def _spaced_words(run: list[Word]) -> list[Word]:
    """A run of single letters cut where the gap is clearly wider than the letter spacing."""
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(run)]
    least = min(gaps)
    out: list[Word] = []
    group = [run[0]]
    for gap, w in zip(gaps, run[1:], strict=True):
        if gap > least + 0.18 * w.size:  # a word space (about a quarter em) on top of the spacing
            out.append(_merge(group))
            group = [w]
        else:
            group.append(w)
    out.append(_merge(group))
    return out


def _merge(group: list[Word]) -> Word:
    first = group[0]
    return Word(
        "".join(w.text for w in group),
        first.x0,
        group[-1].x1,
        min(w.top for w in group),
        max(w.bottom for w in group),
        first.base,
        max(w.size for w in group),
        all(w.bold for w in group),
        all(w.italic for w in group),
    )


def _line_text(words: list[Word], *, lead: bool = True) -> str:
    """Words joined by spaces, or by a tab across a gap wider than :data:`TAB_GAP` font sizes,
    or after the comma that ends a line's bold lead (see :func:`_bold_lead`)."""
    parts = [words[0].text]
    cut = _bold_lead(words) if lead else 0
    for k, (prev, w) in enumerate(itertools.pairwise(words), 1):
        if k == cut:
            parts += ["\t", w.text]
            continue
        gap = w.x0 - prev.x1
        size = max(prev.size, w.size, 1.0)
        # Letters that touch are one word, whatever space PDFium inferred (an accent drawn
        # back over a letter made it see one: "TÜB İTAK"). Chinese and Japanese put no space
        # between words: spread or justified characters are still one run of text.
        tight = 0.6 if _cjk_end(prev.text[-1]) and _cjk_end(w.text[0]) else 0.08
        # In letter-spaced type ("A B O U T   M E": letters wider apart than Latin letters ever
        # are, CJK's full-width ones aside) a word space is as wide as two letters.
        advance = (prev.x1 - prev.x0 + w.x1 - w.x0) / (len(prev.text) + len(w.text))
        spaced = tight < 0.5 and advance > 0.8 * size and not _cjk_end(prev.text[0]) and not _cjk_end(w.text[-1])
        tab = max(TAB_GAP * size, 2 * advance) if spaced else TAB_GAP * size
        parts.append("\t" if gap > tab else " " if gap > tight * size else "")
        parts.append(w.text)
    return "".join(parts)


def _bold_lead(words: list[Word]) -> int:
    """The index of the first word after a bold lead that a comma ends, or 0: in "**Northwind,
    Inc.**, Engineer" the weight, not the comma, tells where the organisation ends (the text
    alone has two commas to choose from). The lead is bold words from the line's start, the
    rest is not bold at all, and the last bold word ends with the comma."""
    if not words[0].bold or words[-1].bold:
        return 0
    k = 1
    while words[k].bold:
        k += 1
    if not words[k - 1].text.endswith(",") or any(w.bold for w in words[k:]):
        return 0
    return k


_BULLETS = "•▪◦·■□●○►▶❖◆◇‣⁃✓✔➢➤»→"
# Word's bullets from its symbol fonts, as PDF text: Symbol's and Wingdings' dots, squares,
# diamonds, arrows and ticks in the private use area.
_SYMBOL_BULLETS = "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\uf0e8\uf0d7"
_MARKS = set(_BULLETS + "-–—*")


def _bullet(words: list[Word]) -> tuple[list[Word], bool]:
    """A leading bullet glyph (or an icon font's private-use glyph) is a list mark, not text."""
    first = words[0].text
    if words[0].mark:
        return words, True
    if len(words) > 1 and len(first) == 1 and (first in _BULLETS or "\ue000" <= first <= "\uf8ff"):
        return words[1:], True
    if len(first) > 1 and (first[0] in _BULLETS or first[0] in _SYMBOL_BULLETS) and first[1].isalnum():
        rest = Word(first[1:], *_coords(words[0]))
        if len(words) > 1:
            # The word's size and style were the mark's (its font's): the text's are the next word's.
            rest.size, rest.bold, rest.italic = words[1].size, words[1].bold, words[1].italic
        return [rest, *words[1:]], True
    return words, False


# A list's bullet drawn as a shape (a browser draws CSS list markers so): at most this wide and
# high, in the text's font sizes, and this far before the item's first word. Icons before a
# contact detail are larger and closer; a timeline's dots beside a title are wider.
_MARK_WIDTH = 0.55
_MARK_HEIGHT = 0.9
_MARK_GAP = (0.6, 1.5)


def mark_bullets(words: list[Word], shapes: list[tuple[float, float, float, float]]) -> None:
    """Mark the words that a small drawn shape (left, top, right, bottom) stands just before, on
    their row: the first words of list items whose bullets are drawn, not written.

    n log n: each band's words are sorted by their left edge once, and a shape bisects to the
    window where the word after a mark may start and looks at a bounded number of words there.
    """
    if not shapes or not words:
        return
    # Words by bands of their middle, so that each shape looks at the words of its row only.
    bands: dict[int, list[Word]] = {}
    for w in words:
        if all(math.isfinite(v) for v in (w.x0, w.top, w.bottom, w.size)):
            bands.setdefault(int((w.top + w.bottom) / 2 // _BAND), []).append(w)
    lefts: dict[int, list[float]] = {}
    largest: dict[int, float] = {}
    for b, band_words in bands.items():
        band_words.sort(key=lambda w: w.x0)
        lefts[b] = [w.x0 for w in band_words]
        largest[b] = max(max(w.size, 1.0) for w in band_words)
    # A shape drawn twice is one mark; a page of thousands of small shapes is a pattern, not a
    # list: only so many are looked at (a hostile page must not cost shapes x words).
    for x0, top, x1, bottom in sorted(set(shapes))[:_MAX_MARKS]:
        cy = (top + bottom) / 2
        if not math.isfinite(cy):
            continue
        band = int(cy // _BAND)
        # The smallest font size in which this shape is small enough to be a mark.
        least = max(1.0, (x1 - x0) / _MARK_WIDTH, (bottom - top) / _MARK_HEIGHT)
        best: Word | None = None
        for b in (band - 1, band, band + 1):
            row = bands.get(b)
            if not row:
                continue
            xs = lefts[b]
            lo = bisect.bisect_left(xs, x1 + _MARK_GAP[0] * least)
            hi = bisect.bisect_right(xs, x1 + _MARK_GAP[1] * largest[b], lo)
            for w in row[lo : min(hi, lo + _MARK_LOOK)]:
                if best is not None and w.x0 >= best.x0:
                    break  # sorted by left edge: no later word is further left
                size = max(w.size, 1.0)
                gap = w.x0 - x1
                if (
                    w.top <= cy <= w.bottom
                    and x1 - x0 <= _MARK_WIDTH * size
                    and bottom - top <= _MARK_HEIGHT * size
                    and _MARK_GAP[0] * size <= gap <= _MARK_GAP[1] * size
                ):
                    best = w
                    break
        if best is not None:
            best.mark = True


# Drawn shapes looked at per page as list marks, and words looked at after each: a real page has
# a few dozen bullets, and a few words at most start within a mark's gap on its rows.
_MAX_MARKS = 2_000
_MARK_LOOK = 64


_BAND = 24.0  # points: bands of rows for looking words up by height


def _coords(w: Word) -> tuple[float, float, float, float, float, float, bool, bool]:
    return (w.x0, w.x1, w.top, w.bottom, w.base, w.size, w.bold, w.italic)


def _cells(flow: _Flow) -> list[tuple[list[Word], list[Word]]]:
    """The flow's rows as (caption, rest): cut in two at the split of a caption column."""
    if flow.split is None:
        return [(row[:k], row[k:]) for row in flow.rows for k in (_margin_heading(row),)]
    sides = [_sides(row, flow.split) for row in flow.rows]
    return [(right, left) for left, right in sides] if flow.right else sides


# The widest gap between a margin heading and its text, in the heading's font sizes.
_GUTTER_SIZES = 2.5


def _margin_heading(row: list[Word]) -> int:
    """Where the text starts after a section heading set in larger type in the left margin, on
    the row of the section's first line ("Work" in 20-point type, then "Engineer" in 13), or 0:
    the heading is a line of its own, before the text. The heading stands close to the text (a
    gutter of a letter or two of its type): a title far from its dates is no heading."""
    if len(row) < 2 or _rtl(row[0].text):
        return 0
    for k in range(1, min(len(row), 4)):
        a, b = row[k - 1], row[k]
        gap = b.x0 - a.x1
        if gap > CHUNK_GAP * max(a.size, b.size):
            if gap > _GUTTER_SIZES * a.size:
                return 0
            head, rest = row[:k], row[k:]
            small = max(w.size for w in rest)
            if all(w.size >= 1.25 * small and w.text.isalpha() for w in head):
                return k
            return 0
    return 0


def _logical(words: list[Word]) -> list[Word]:
    """A right-to-left row's words in reading order: right to left, except that a run of
    left-to-right words inside it ("Gondle Cloud", "Jan 2019 - Mar 2021") keeps its own order.

    A run of numbers alone ("2018 - 2020") reads right to left like the text around it: the
    bidirectional algorithm lays numbers and the spaces and dashes between them out in the
    paragraph's direction, so the page shows "2020 - 2018" for what was typed "2018 - 2020"
    (the typed order is what a word processor's file holds and the reader expects).
    """
    out: list[Word] = []
    run: list[Word] = []
    for w in reversed(words):
        if RTL_LETTERS.search(w.text):
            out.extend(_ltr_run(run))
            run = []
            out.append(w)
        else:
            run.append(w)
    out.extend(_ltr_run(run))
    return out


def _ltr_run(run: list[Word]) -> list[Word]:
    """A run of words without right-to-left letters (met right to left) in reading order."""
    if any(ch.isalpha() for w in run for ch in w.text):
        return run[::-1]
    out = []
    for w in run:
        # A colon or comma shown left of a number belongs after it (":2021" is "2021:").
        if len(w.text) > 1 and w.text[0] in ":;,." and w.text[1].isdigit():
            w = Word(w.text[1:] + w.text[0], *_coords(w))
        out.append(w)
    return out


def _row_line(words: list[Word], flow: _Flow) -> PageLine | None:
    words = _join_spaced(words)
    if _rtl(" ".join(w.text for w in words)):
        return _rtl_line(words, flow)
    words, bullet = _bullet(words)
    if not words:
        return None
    return PageLine(words, _line_text(words), flow.column, flow.sidebar, bullet=bullet)


def _rtl_line(words: list[Word], flow: _Flow) -> PageLine | None:
    """A right-to-left row: its pieces between wide gaps from right to left, each in reading
    order, after a tab; the gaps are measured where the words stand, left to right."""
    pieces = [[words[0]]]
    for prev, w in itertools.pairwise(words):
        if w.x0 - prev.x1 > TAB_GAP * max(prev.size, w.size, 1.0):
            pieces.append([w])
        else:
            pieces[-1].append(w)
    ordered = [_logical(piece) for piece in reversed(pieces)]
    if len(ordered) > 1 and len(ordered[0]) == 1 and _bullet([*ordered[0], *ordered[1][:1]])[1]:
        # A list mark at the right margin, a tab, then the item's text (Word's lists).
        ordered, bullet = ordered[1:], True
    else:
        first, bullet = _bullet(ordered[0])
        ordered[0] = first
    ordered = [piece for piece in ordered if piece]
    if not ordered:
        return None
    text = "\t".join(" ".join(w.text for w in piece) for piece in ordered)
    return PageLine([w for piece in ordered for w in piece], text, flow.column, flow.sidebar, bullet=bullet)


def flow_lines(flow: _Flow) -> list[PageLine]:
    """A flow's rows as lines, right-to-left rows in logical order, wrapped lines rejoined.

    In a caption column, a date stays on its entry's line after a tab ("2013 - 2017<tab>Engineer"),
    as it would in a word processor's paragraph; a caption without digits is a line of its own
    (a section title in the margin).
    """
    out: list[PageLine] = []
    cells = _cells(flow)
    heads = [c for c, _ in cells]
    stacked = _stacked_dates(cells) if flow.split is not None and not flow.grid else {}
    for k in stacked:
        heads[k + 1] = []
    captions = _caption_runs(heads) if flow.split is not None and not flow.grid else {}
    for k, (caption, rest) in enumerate(zip(heads, (r for _, r in cells), strict=True)):
        if k in captions:
            head = _joined_line([_row_line(part, flow) for part in captions[k]])
        elif k in stacked:
            # A start over its end ("2011" over "2014"): one range, as it reads.
            head = _row_line([*caption, *stacked[k]], flow)
            if head is not None:
                head.text = _line_text(caption) + " – " + _line_text(stacked[k])
        else:
            head = _row_line(caption, flow) if caption else None
        body = _row_line(rest, flow) if rest else None
        if head is not None and body is not None and not flow.grid and any(ch.isdigit() for ch in head.text):
            head.words = head.words + body.words
            head.text += "\t" + body.text
            head.bullet = body.bullet
            head.measure()
            body = None
        out.extend(ln for ln in (head, body) if ln is not None and ln.text)
    if flow.split is None and not flow.grid:
        _dates_to_heads(out)
        out = _hyphenated_captions(out)
    return _unwrap(_wrapped_cells(out))


def _hyphenated_captions(lines: list[PageLine]) -> list[PageLine]:
    """A caption hyphenated in a narrow margin column ("Mas-" over "ter", then the school on the
    first row: a degree beside its school) is one word again, a field before the row's text
    after a tab ("Master<tab>Nordvale University"): the rows under it hold only its pieces, each
    within the caption's column, starting where it does."""
    out: list[PageLine] = []
    i = 0
    while i < len(lines):
        a = lines[i]
        out.append(a)
        i += 1
        if len(a.words) < 2 or not a.words[0].text.endswith((_SOFT, "-")) or len(a.words[0].text) < 3:
            continue
        first, rest = a.words[0], a.words[1:]
        caption, pieces = first.text, [first]
        base = first.base
        while i < len(lines):
            b = lines[i]
            step = b.words[0].base - base
            if (
                b.column != a.column
                or b.bullet
                or abs(b.box[0] - first.x0) > 1.0
                or b.box[2] >= rest[0].x0
                or not 0.7 * first.size <= step <= 1.8 * first.size
                or not b.text[:1].isalpha()
            ):
                break
            if not caption.endswith((_SOFT, "-")):
                caption += " " + b.text  # the caption's next words ("bach-" / "elor of" / "Science")
            elif b.text[:1].islower():
                caption = caption[:-1] + b.text
            else:
                caption = caption[:-1] + "-" + b.text
            pieces.extend(b.words)
            base = b.words[-1].base
            i += 1
        if len(pieces) == 1:
            continue
        a.words = [*pieces, *rest]
        a.text = caption + "\t" + _line_text(rest)
        a.measure()
    return out


def _tail(line: PageLine) -> int:
    """Where the line's last piece after a wide gap starts in its words (0: no such piece)."""
    words = line.words
    for j in range(len(words) - 1, 0, -1):
        if words[j].x0 - words[j - 1].x1 > TAB_GAP * max(words[j].size, words[j - 1].size, 1.0):
            return j
    return 0


# A row of text that wraps before a column of dates ends this many font sizes short of them at
# most; a one-line field beside them ends far shorter (twenty sizes and more in CV templates).
_FILLED = 6.0


def _dates_to_heads(lines: list[PageLine]) -> None:
    """A head's place flush right on its row and its dates flush right on the next row, beside
    the first row of a paragraph that fills its width up to them, are the head's: the dates move
    up after a tab ("Nordwind,<tab>Engineer<tab>Lyon<tab>2019 - 2021"), as they would stand in
    a one-row head, and the row below keeps its own text. A short row beside the dates (a
    title or employer under the head, far from them) is the head's second row: all stays."""
    for a, b in itertools.pairwise(lines):
        ja, jb = _tail(a), _tail(b)
        if not ja or not jb or _rtl(a.text) or _rtl(b.text):
            continue
        place, dates = a.words[ja:], b.words[jb:]
        size = max(a.size, b.size)
        if (
            abs(place[-1].x1 - dates[-1].x1) > 0.3 * size  # both flush right at one edge
            or b.box[1] - a.box[3] > 0.8 * size  # the next row, not one further down
            or any(ch.isdigit() for w in place for ch in w.text)
            or not any(_YEAR.search(w.text) for w in dates)
            or sum(len(w.text) + 1 for w in place + dates) > 60
            or dates[0].x0 - b.words[jb - 1].x1 > _FILLED * size
        ):
            continue
        a.words = [*a.words, *dates]
        a.text += "\t" + _line_text(dates, lead=False)
        b.words = b.words[:jb]
        b.text = _line_text(b.words)
        a.measure()
        b.measure()


# A caption that a date column wrapped goes on in the next row: it ends with a dash or a word
# that asks for the date ("2015 -" over "2016", "Since" over "December 2015").
_CAPTION_GOES_ON = re.compile(r"(?:[-–—/]|\b[^\W\d_]{2,12}\.?)$")
# A range whose end is on the next row: a dash, or a word for "to" ("Nov 2004 to", "2015 à").
_RANGE_OPEN = re.compile(r"(?i)(?:[-–—/]|\s(?:to|till|until|à|a|au|al|bis|até|tot|do|до|по))$")


# A caption that is a date alone: a year, perhaps after a month's name or number.
_BARE_DATE = re.compile(r"(?:[^\W\d_]{3,12}\.?\s|\d{1,2}[./])?((?:19|20)\d\d)")


def _stacked_dates(cells: list[tuple[list[Word], list[Word]]]) -> dict[int, list[Word]]:
    """Rows of a dates column whose date has the entry's end under its start ("2011" over
    "2014", the row under holding nothing else): row -> the end's words."""
    out: dict[int, list[Word]] = {}
    k = 0
    while k + 1 < len(cells):
        (a, _), (b, rest) = cells[k], cells[k + 1]
        first = _BARE_DATE.fullmatch(" ".join(w.text for w in a)) if a else None
        second = _BARE_DATE.fullmatch(" ".join(w.text for w in b)) if b and not rest else None
        if first and second and first.group(1) <= second.group(1):
            size = max(w.size for w in a + b)
            if 0.5 * size <= b[0].base - a[0].base <= 1.6 * size and abs(b[0].x0 - a[0].x0) <= size:
                out[k] = b
                k += 2
                continue
        k += 1
    return out


def _caption_runs(captions: list[list[Word]]) -> dict[int, list[list[Word]]]:
    """Captions of a dates column wrapped over rows: row -> the captions of the rows it takes.

    A caption takes the next row's caption when it ends with a dash or a word for "to", or is
    words without a digit ("Since", "December"), the next one is just below, and the run ends in
    a caption with a digit or in the word after a dash: "2015 -" over "2016" or "Present" is one
    date, as are "Since" / "December" / "2015"; "2019" over "2018", "2019 - now" over "2017"
    (one-line entries) and "Dates" over a caption without a year stay apart.
    """
    out: dict[int, list[list[Word]]] = {}
    # Rows with a caption, in order: rows of the entry's text alone may stand between them.
    rows = [k for k, c in enumerate(captions) if c]
    n = 0
    while n < len(rows):
        run = [n]
        while run[-1] + 1 < len(rows) and _caption_continues(captions[rows[run[-1]]], captions[rows[run[-1] + 1]]):
            run.append(run[-1] + 1)
        # The run ends at its last caption holding a digit (the year), or at the word that closes
        # an open range ("2015 -" over "Present").
        while len(run) > 1 and not _closes(captions[rows[run[-2]]], captions[rows[run[-1]]]):
            run.pop()
        if len(run) > 1:
            out[rows[n]] = [captions[rows[i]] for i in run]
            for i in run[1:]:
                captions[rows[i]] = []
        n = run[-1] + 1
    return out


def _closes(before: list[Word], last: list[Word]) -> bool:
    """``last`` may end a run of captions: it holds a digit, or it follows an open range."""
    if any(ch.isdigit() for w in last for ch in w.text):
        return True
    return _RANGE_OPEN.search(" ".join(w.text for w in before)) is not None


def _caption_continues(a: list[Word], b: list[Word]) -> bool:
    if not a or not b:
        return False
    text = " ".join(w.text for w in a)
    digits = any(ch.isdigit() for ch in text)
    size = max(w.size for w in a + b)
    if size - min(w.size for w in a + b) > 1:
        return False  # a title in larger type over a date is not one caption
    step = b[0].base - a[0].base
    if digits:
        # "2015 -", "Nov 2004 to": a range whose end is on the next row, maybe a few rows down;
        # or the dash itself wrapped to the next row ("March 2017" over "-" over "May 2018").
        opened = _RANGE_OPEN.search(text) is not None or b[0].text[:1] in "-–—"
        return opened and 0.5 * size <= step <= 2.5 * size
    # Words of a date ("Since", "December"), not a heading over the dates (capitals or another weight).
    if text.isupper() or _is_bold(_weight(a)) != _is_bold(_weight(b)):
        return False
    return len(a) <= 2 and _CAPTION_GOES_ON.search(text) is not None and 0.5 * size <= step <= 1.6 * size


def _joined_line(parts: list[PageLine | None]) -> PageLine | None:
    """Lines of one caption as one line: a space between them, none after a dash glued to a year."""
    lines = [ln for ln in parts if ln is not None and ln.text]
    if not lines:
        return None
    first = lines[0]
    for ln in lines[1:]:
        # No space after a dash glued to its year ("2015-" and "2016"), one after a spaced dash.
        glued = first.text.endswith(("-", "–", "—", "/")) and not first.text[-2:-1].isspace()
        first.text += ln.text if glued else " " + ln.text
        first.words = [*first.words, *ln.words]
        first.grow(ln)
    return first


def _pieces(line: PageLine) -> list[list[Word]] | None:
    """A one-row line's words between its tabs, or None when they do not match its text's tabs."""
    pieces = [[line.words[0]]]
    for prev, w in itertools.pairwise(line.words):
        if w.x0 - prev.x1 > TAB_GAP * max(prev.size, w.size, 1.0):
            pieces.append([w])
        elif w.x0 < prev.x0 or abs(w.base - prev.base) > 0.5:
            return None  # not one row in order of position (right to left, or grown already)
        else:
            pieces[-1].append(w)
    return pieces if len(pieces) == line.text.count("\t") + 1 else None


# A cell's text that goes on in the cell's next line: a comma, a dash or a slash at its end.
_CELL_GOES_ON = re.compile(r"[,\-–—/&+]$")


def _wrapped_cells(lines: list[PageLine]) -> list[PageLine]:
    """A table row whose cells wrap ("Software<tab>Nordwind<tab>Berlin,<tab>since 2023" over
    "Development<tab>Germany") is one line of its cells' texts, each cell's lines joined.

    A row of three cells or more takes the lines just below it whose pieces each fall in one of
    its cells, when the cell above a piece ends in a comma or a dash, or when the line fills fewer
    cells than the row and more than one (or follows a line taken already). Two rows of a table
    that both fill every cell ("German<tab>C1<tab>native" over "English<tab>B2<tab>work") stay
    two rows, and so do lines of details under a dated head, all in one cell; a label (a piece
    ending in ':') is a form's row, never a wrap.
    """
    out: list[PageLine] = []
    i = 0
    while i < len(lines):
        head = lines[i]
        i += 1
        out.append(head)
        pieces = _pieces(head) if "\t" in head.text and not head.bullet else None
        if pieces is None or len(pieces) < 3 or _labelled(pieces):
            continue
        gaps = [(a[-1].x1 + b[0].x0) / 2 for a, b in itertools.pairwise(pieces)]
        bounds = [pieces[0][0].x0 - head.size, *gaps, float("inf")]
        cells: list[list[Word]] = [list(p) for p in pieces]
        size = head.size
        base = pieces[0][0].base
        taken = 0
        while i < len(lines) and taken < 4:
            below = lines[i]
            more = _pieces(below) if below.column == head.column and not below.bullet else None
            if more is None or _labelled(more) or abs(below.size - size) > 0.5:
                break
            step = more[0][0].base - base
            if not 0.5 * size <= step <= 1.5 * size:
                break
            slots = [_slot(bounds, p) for p in more]
            if None in slots or len(set(slots)) < len(slots):
                break
            fewer = len(more) < len(pieces) and (taken > 0 or len(set(slots)) > 1)
            if not fewer and not any(_CELL_GOES_ON.search(cells[k][-1].text) for k in slots if k is not None):
                break
            for slot, piece in zip(slots, more, strict=True):
                cells[slot if slot is not None else 0].extend(piece)
            base = more[0][0].base
            taken += 1
            i += 1
        if taken:
            head.words = [w for cell in cells for w in cell]
            head.text = "\t".join(_cell_text(cell) for cell in cells)
            head.measure()
    return out


def _labelled(pieces: list[list[Word]]) -> bool:
    return any(p[-1].text.endswith(":") for p in pieces)


def _slot(bounds: list[float], piece: list[Word]) -> int | None:
    """The cell that a piece of a lower line falls in, between the middles of the gaps around
    the cell (cells may be centred or set right: a date under a date)."""
    x0, x1 = piece[0].x0, max(w.x1 for w in piece)
    for k in range(len(bounds) - 1):
        if bounds[k] <= x0 and x1 <= bounds[k + 1]:
            return k
    return None


def _cell_text(words: list[Word]) -> str:
    """A cell's words as text: its rows joined by a space, or across a hyphen at the wrap."""
    text = _line_text(words[:1])
    for prev, w in itertools.pairwise(words):
        if abs(w.base - prev.base) > 0.5:
            hyphen = prev.text.endswith(_SOFT) or (prev.text.endswith("-") and len(prev.text) > 1)
            text = text[:-1] + w.text if hyphen and w.text[:1].islower() else text + " " + w.text
        else:
            text += _line_text([prev, w], lead=False)[len(prev.text) :]
    return text.replace(_SOFT, "-")


_SOFT = "\ufffe"  # PDFium's mark for a hyphen it saw at the end of a line


def _bold(line: PageLine) -> bool:
    return _is_bold(_weight(line.words))


def _weight(words: list[Word]) -> tuple[int, int]:
    """(letters, letters in bold) of the words."""
    return sum(len(w.text) for w in words), sum(len(w.text) for w in words if w.bold)


def _is_bold(weight: tuple[int, int]) -> bool:
    return weight[1] >= 0.9 * weight[0]


def _unwrap(lines: list[PageLine]) -> list[PageLine]:
    """Lines that a paragraph wrapped become one line again, as a word processor's paragraph is:
    a bullet's second line is part of the bullet, a profile is one sentence run. Words
    hyphenated at the wrap are rejoined ("experi-" / "ence" is "experience")."""
    if not lines:
        return lines
    left: dict[int, float] = {}
    right: dict[int, float] = {}
    for ln in lines:
        x0, _, x1, _ = ln.box
        left[ln.column] = min(left.get(ln.column, x0), x0)
        right[ln.column] = max(right.get(ln.column, x1), x1)
    # A column's edge is a margin only where several lines reach it (wrapped text does): the
    # longest of a few short lines (a contact block) is not full.
    reach: dict[int, int] = {}
    for ln in lines:
        x0, _, x1, _ = ln.box
        if x1 >= right[ln.column] - 3 * ln.size or (x0 <= left[ln.column] + 3 * ln.size and _rtl(ln.text)):
            reach[ln.column] = reach.get(ln.column, 0) + 1
    out = [lines[0]]
    # What is known of a line that took the next ones, kept so that each line is read once
    # (a paragraph of thousands of lines on a page must not be read again for every line):
    # where its last row starts in its words, its letters and bold letters, and its words in a
    # right-to-left script and in all (a long Hebrew paragraph was counted again at each line).
    since: dict[int, int] = {}
    weight: dict[int, tuple[int, int]] = {}
    script: dict[int, tuple[int, int]] = {}
    for j, b in enumerate(lines[1:], start=1):
        a = out[-1]
        if _address_wraps(a, b):
            a.text += b.text
            a.words = [*a.words, *b.words]
            a.grow(b)
            continue
        lead = _lead_tab(b) if a.bullet else None
        if (
            a.column != b.column
            or b.bullet
            or ("\t" in b.text and lead is None)
            or abs(a.size - b.size) > 0.5
            or _new_tag(a, b)
        ):
            out.append(b)
            continue
        if lead is not None:
            # The tab after a bold lead that a comma ends is a field's end on a line of its own,
            # not on the last row of a list item whose words run on in bold ("… with a focus on"
            # / "literacies, (In progress)"): read as that row's plain words.
            lead, b.text = b.text, lead
        # The edge a paragraph of its own reaches (a profile in a narrower box), else the column's.
        edge = _local_edge(lines, j - 1)
        full = edge is not None or reach.get(a.column, 0) >= 3 or a.text.endswith(_SOFT)
        key = id(a)
        a_weight = weight.get(key) or _weight(a.words)
        a_script = script.get(key) or _rtl_count(a.text)
        known = _Known(since.get(key, 0), a_weight, _is_rtl(a_script))
        if full and _continues(a, b, left[a.column], edge or right[a.column], known):
            if key not in since:
                a.words = list(a.words)  # its own list from now on: it grows
            since[key] = len(a.words)
            b_weight = _weight(b.words)
            weight[key] = (a_weight[0] + b_weight[0], a_weight[1] + b_weight[1])
            b_script = _rtl_count(b.text)
            script[key] = (a_script[0] + b_script[0], a_script[1] + b_script[1])
            _append(a, b)
        else:
            if lead is not None:
                b.text = lead
            out.append(b)
    previous = -1
    for ln in out:
        ln.text = ln.text.replace(_SOFT, "-")
        # A tagged list item's first line is a list item, whether or not its mark is text.
        item = ln.words[0].item
        if item >= 0 and item != previous:
            ln.bullet = True
        previous = item
    return out


# The end of a line that is an e-mail address or web address cut short: no dot after the '@'
# yet, or a web address ending in a slash, dot, hyphen or '@'.
_ADDRESS_CUT = re.compile(r"(?:^|\s)(?:[\w.+-]+@[\w-]*|(?:https?://|www\.)\S*[/.\-@_]|[\w.+-]+@[\w.-]+[.-])$")
_ADDRESS_REST = re.compile(r"[\w][\w.+/@?=&%#~:-]*")


def _lead_tab(line: PageLine) -> str | None:
    """The line's text without the tab after a bold lead (see :func:`_bold_lead`), when that is
    its only tab; else None."""
    if "\t" not in line.text or not line.words or not line.words[0].bold:
        return None
    plain = _line_text(line.words, lead=False)
    return plain if "\t" not in plain and plain != line.text else None


def _address_wraps(a: PageLine, b: PageLine) -> bool:
    """``b`` is the rest of an e-mail or web address that a narrow column cut at ``a``'s end
    ("ada.example@gma" over "il.com"): one word just below, under the address's start."""
    if a.column != b.column or len(b.words) != 1 or b.bullet or not _ADDRESS_CUT.search(a.text[-80:]):
        return False
    if not _ADDRESS_REST.fullmatch(b.text) or abs(a.size - b.size) > 0.5:
        return False
    size = max(a.size, b.size)
    step = b.words[0].base - a.words[-1].base
    start = a.words[-1].x0
    return 0.7 * size <= step <= 2.2 * size and abs(b.box[0] - min(start, a.box[0])) <= 1.5 * size


def _new_tag(a: PageLine, b: PageLine) -> bool:
    """``b`` starts another heading or list item of a tagged PDF than the one ``a`` ends."""
    x, y = a.words[-1], b.words[0]
    return (y.item >= 0 and y.item != x.item) or y.tag != x.tag


def _local_edge(lines: list[PageLine], i: int) -> float | None:
    """The right edge that three of the lines around ``i`` (same column and size) reach."""
    line = lines[i]
    near = [line]
    # Up to two lines either way, as long as they run on in the same type a line apart.
    for step in (-1, 1):
        k = i
        while abs(k - i) < 2 and 0 <= k + step < len(lines):
            o, prev = lines[k + step], lines[k]
            gap = abs(o.box[1] - prev.box[1])
            if o.column != line.column or abs(o.size - line.size) > 0.5 or gap > 1.8 * line.size:
                break
            near.append(o)
            k += step
    edge = max(o.box[2] for o in near)
    return edge if sum(1 for o in near if o.box[2] >= edge - 1.5 * line.size) >= 3 else None


_LEADER_END = re.compile(r"(?:\.{3}|…|_{3})[.…_]*$")


class _Known(NamedTuple):
    """What :func:`_unwrap` keeps of a line as it grows: where its last row starts in its words
    (at the earliest), its :func:`_weight`, and whether it reads right to left."""

    since: int
    weight: tuple[int, int]
    rtl: bool  # the line so far is in a right-to-left script (:func:`_rtl`)


def _continues(a: PageLine, b: PageLine, left: float, right: float, known: _Known | None = None) -> bool:
    """``b`` is the next line of ``a``'s paragraph: just below, in the same type, not indented
    further, and ``a`` reaches so close to the column's edge that ``b``'s first word did not fit."""
    if known is None:
        known = _Known(0, _weight(a.words), _rtl(a.text))
    if b.bullet or "\t" in b.text or not a.words or not b.words:
        return False
    if _LEADER_END.search(a.text[-8:]):
        return False  # a form's line, dotted out to the edge by hand, ends where its dots do
    size = max(a.size, b.size)
    # ``a`` may already hold several rows: its last row is the one ``b`` continues.
    last = [w for w in a.words[known.since :] if abs(w.base - a.words[-1].base) < 0.5]
    step = b.words[0].base - last[0].base
    if abs(a.size - b.size) > 0.5 or not 0.7 * size <= step <= 1.8 * size:
        return False
    weight = known.weight
    piece = last if known.rtl else _last_piece(last)
    # The tab may also stand before the row's words on its baseline (a caption set a little
    # higher or lower: a date in smaller type beside its entry).
    # (In a list item, a tab after a bold lead that a comma ends is no cell's edge: the item's
    # text wraps on, as a head with its place and dates does not.)
    if len(piece) < len(last) or (
        known.since == 0 and not known.rtl and "\t" in a.text and not (a.bullet and _lead_tab(a))
    ):
        # After a tab (a date or caption column, a table's cells), the text of the last cell may
        # wrap under itself: ``b`` must start where that cell does, and go on with a sentence
        # (a cell's lines are often items of their own: a degree over its school).
        if not piece[0].x0 - 3 * size <= b.box[0] <= piece[0].x0 + 1:
            return False
        if not (b.text[:1].islower() or a.text[-1:] in _SOFT + "-,;"):
            return False
        last, weight = piece, _weight(piece)
    if a.text.endswith(_SOFT):
        return True
    if len(b.words) <= 3 and b.text.endswith((":", "：")):
        return False  # a label over what it introduces ("Responsibilities:"), not a wrapped end
    # A change of weight ends a paragraph (a bold title over its text), except inside a list
    # item, whose words may be bold anywhere.
    if _is_bold(weight) != _bold(b) and not a.bullet:
        return False
    ax0, ax1 = min(w.x0 for w in last), max(w.x1 for w in last)
    if len(last) > 1 and last[0].text in _MARKS:
        ax0 = last[1].x0  # a list item's text, after its mark ("- Built ..."), sets the indent
    bx0, _, bx1, _ = b.box
    # The width of the next line's first word (its first character in CJK, which has no spaces).
    first = size if _cjk_end(b.text[:1]) else b.words[0].x1 - b.words[0].x0
    # Wrapped lines hold many words: a short line is not full however far it reaches.
    if ax1 - ax0 < 12 * size or (len(last) < 3 and not _cjk_end(a.text[-1:])):
        return False
    if known.rtl:
        return bx1 <= ax1 + 1 and ax0 - first - 0.3 * size <= left + 0.5 * size
    # A list item's next line may hang under its text, after the mark that began the item.
    indent = 3 * size if a.bullet else 1
    return ax0 - 3 * size <= bx0 <= ax0 + indent and ax1 + first + 0.3 * size >= right - 0.5 * size


def _last_piece(row: list[Word]) -> list[Word]:
    """The words of a row after its last tab (a gap wider than :data:`TAB_GAP` font sizes)."""
    for k in range(len(row) - 1, 0, -1):
        prev, w = row[k - 1], row[k]
        if w.x0 - prev.x1 > TAB_GAP * max(prev.size, w.size, 1.0):
            return row[k:]
    return row


def _append(a: PageLine, b: PageLine) -> None:
    """``b``'s words after ``a``'s, across a hyphen at the wrap or (between CJK lines) no space."""
    # The end of the text only: searched whole, the paragraph would be read again for each line.
    hyphen = a.text.endswith(_SOFT) or re.search(r"[^\W\d_]-$", a.text[-3:]) is not None
    if hyphen and b.text[:1].islower():
        a.text = a.text[:-1] + b.text
    elif hyphen:
        # Before a capital the hyphen is part of the word ("Software-" / "Produkten").
        a.text = a.text[:-1] + "-" + b.text
    elif _cjk_end(a.text[-1:]) and _cjk_end(b.text[:1]):
        a.text += b.text
    else:
        a.text += " " + b.text
    a.words.extend(b.words)
    a.grow(b)
    a.links.extend(u for u in b.links if u not in a.links)


def _cjk_end(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\uff00" <= ch <= "\uffef"


def page_lines(words: list[Word], width: float) -> list[PageLine]:
    """One page's words as lines in reading order, with column, sidebar and paragraph hints."""
    if not words:
        return []
    out: list[PageLine] = []
    previous: list[PageLine] = []
    for flow in _split(rows(words), width):
        lines = flow_lines(flow)
        for ln in lines:
            ln.side = flow.side
        if flow.beside and previous:
            start = len(out) - len(previous)
            out[start:] = _interleave(previous, lines)
            previous = out[start:]
        else:
            out.extend(lines)
            previous = lines
    return out


def _interleave(main: list[PageLine], margin: list[PageLine]) -> list[PageLine]:
    """The margin's blocks among the main column's lines: each after the last main line that
    starts above it (or beside it) and is not a list item, a date after the head of its entry."""
    blocks: list[PageLine] = []
    for ln in margin:
        last = blocks[-1] if blocks else None
        if (
            last is not None
            and ln.box[1] - last.box[3] <= 0.6 * ln.size
            and _bold(ln) == _bold(last)
            and not _place_over_date(last, ln)
        ):
            # A date wrapped in the narrow margin ("Sep 2021 -" over "Jan 2025") is one line.
            last.words = [*last.words, *ln.words]
            last.text += " " + ln.text
            last.grow(ln)
        else:
            blocks.append(ln)
    # Blocks close together (a place over its dates) go to one place, the first one's.
    groups: list[list[PageLine]] = []
    for block in blocks:
        if groups and block.box[1] - groups[-1][-1].box[3] <= 0.6 * max(block.size, groups[-1][-1].size):
            groups[-1].append(block)
        else:
            groups.append([block])
    # Each group after its line, as a line of its own or (merge) at the end of that line.
    at: dict[int, list[tuple[PageLine, bool]]] = {}
    anchors = _anchors(main, groups)
    head = -1
    k = 0
    for i, ln in enumerate(main):
        while k < len(groups) and groups[k][0].box[1] < ln.box[1] - 1:
            anchor = anchors[k]
            place = (head, False) if anchor is None else anchor
            at.setdefault(place[0], []).append((_group_line(groups[k]), place[1]))
            k += 1
        if not ln.bullet:
            head = i
    for group, anchor in zip(groups[k:], anchors[k:], strict=True):
        place = (head, False) if anchor is None else anchor
        at.setdefault(place[0], []).append((_group_line(group), place[1]))
    out = [g for g, _ in at.get(-1, [])]
    for i, ln in enumerate(main):
        out.append(ln)
        for g, merge in at.get(i, ()):
            if merge:
                # The dates (and place) of a one-row head: its fields, after tabs on its line
                # ("Nordwind,<tab>Engineer<tab>Lyon<tab>2019 - 2021"), as a word processor's
                # head with tab stops has them.
                ln.words = [*ln.words, *g.words]
                ln.text += "\t" + g.text
                ln.grow(g)
            else:
                out.append(g)
    return out


def _group_line(group: list[PageLine]) -> PageLine:
    """A place over its dates at the margin as one line, the fields after a tab ("Lyon<tab>2019 -
    2021"), as a word processor's line with a tab stop has them."""
    first = group[0]
    for block in group[1:]:
        first.words = [*first.words, *block.words]
        first.text += "\t" + block.text
        first.grow(block)
    return first


def _anchors(main: list[PageLine], groups: list[list[PageLine]]) -> list[tuple[int, bool] | None]:
    """For each margin group, the main line it goes after and whether it joins that line: the
    head's row beside it (not a list item, not a row of text that runs up to the margin), which
    a group with a year joins; or the head's second row when the head takes two ("Engineer" in
    bold over "Nordwind" in italics: the employer stays next to the title), which it follows.
    None when no such line is beside the group."""
    order = sorted(range(len(main)), key=lambda i: main[i].box[1])
    tops = [main[i].box[1] for i in order]
    out: list[tuple[int, bool] | None] = []
    for group in groups:
        low = max(b.box[3] for b in group)
        left = min(b.box[0] for b in group)
        rows: list[int] = []
        # Lines that start above the group's bottom, looked at back to the few just above its top
        # (each group looks at a handful of lines, however long the page).
        k = bisect.bisect_left(tops, low) - 1
        seen = 0
        while k >= 0 and seen < 8:
            i, ln = order[k], main[order[k]]
            if ln.box[3] < group[0].box[1]:
                seen += 1
            elif not ln.bullet and left - ln.box[2] > _FILLED * ln.size and any(_beside(ln, b) for b in group):
                rows.append(i)
            k -= 1
        rows.sort()
        if not rows:
            out.append(None)
        elif len(rows) > 1 and rows[1] == rows[0] + 1 and _second_row(main[rows[0]], main[rows[1]]):
            out.append((rows[1], False))
        else:
            out.append((rows[0], any(_YEAR.search(b.text) for b in group)))
    return out


def _second_row(head: PageLine, below: PageLine) -> bool:
    """Whether ``below`` is the second row of a two-row head rather than a line of its text: in
    italics, or in plain type under a head all in bold (a head that mixes weights, "**Nordwind**,
    Engineer", names both fields on its one row)."""
    if all(w.italic for w in below.words):
        return True
    return all(w.bold for w in head.words) and not any(w.bold for w in below.words)


def _beside(line: PageLine, block: PageLine) -> bool:
    """Whether the block shares the line's row: their boxes overlap by half the smaller's height."""
    overlap = min(line.box[3], block.box[3]) - max(line.box[1], block.box[1])
    return overlap >= 0.5 * min(line.box[3] - line.box[1], block.box[3] - block.box[1])


def _place_over_date(upper: PageLine, lower: PageLine) -> bool:
    """A line without a digit that leaves no range open, over a line holding a year: a place
    over the entry's dates ("Lyon, France" over "Sep 2021 - now"), two fields, not one date."""
    return (
        not any(ch.isdigit() for ch in upper.text)
        and _RANGE_OPEN.search(upper.text) is None
        and _YEAR.search(lower.text) is not None
    )
