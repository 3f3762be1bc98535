"""Page geometry: words placed on a page become lines in reading order.

Pure Python over :class:`Word` records (no PDF library here), so every rule can be tested on
words made up in the test. Coordinates are points from the page's top-left corner.

The passes, per page: words into rows by baseline (a row of overlapping boxes split into one row
per box); rows cut into chunks at wide gaps; a gutter (an empty vertical band that rows on both
sides leave free) splits the page into columns, read one after the other unless their rows line
up like a table's (a dates or caption column, mirrored on a right-to-left page), with two kinds
read among the other column instead: a grid of short fields side by side, row by row, and dates
set flush right in the margin, on their entry's head row (or after a two-row head's second row).
A section heading in larger type in the left margin is a line of its own; a bold lead that a comma
ends is a field (a tab after it); dates under a head's place move up to the head. Rows become
lines: right-to-left rows in typed order, a date wrapped in its column one caption, a table row
whose cells wrap one line of its cells, wrapped paragraphs and cut addresses joined. Lines get paragraph numbers. Across
pages: text repeated at the top or bottom of pages, page numbers and a browser's print margins
are running text.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from cvconvert.text import RTL_LETTERS


@dataclass(slots=True)
class Word:
    """A run of characters without a space, as the PDF places it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float  # baseline, from the top of the page
    size: float
    bold: bool = False
    italic: bool = False
    start: int = -1  # index of the first character in PDFium's text page (-1: made up)
    spans: list[tuple[float, float]] | None = None  # left and right of each character, when known
    tag: str = ""  # the heading a tagged PDF puts the word in (H, H1-H6), or ''
    item: int = -1  # the number of the list item a tagged PDF puts the word in, or -1
    mark: bool = False  # a small shape drawn just before it: a list's bullet (see :func:`mark_bullets`)


@dataclass(slots=True)
class PageLine:
    """A line of one column, before it becomes an engine line."""

    words: list[Word]
    text: str
    column: int = 0
    sidebar: bool = False
    where: str = "body"
    para: int = 0
    bullet: bool = False
    links: list[str] = field(default_factory=list)
    # The side of the page's gutter the line's column stands on (0 left, 1 right), -1 for a line
    # across the page or on a page without columns: see :func:`streams`.
    side: int = -1
    page: int = 0
    box: tuple[float, float, float, float] = field(init=False)  # (left, top, right, bottom)
    size: float = field(init=False)  # the largest font size on the line

    def __post_init__(self) -> None:
        self.measure()

    def measure(self) -> None:
        """Box and size from the words (again, after words were added)."""
        first = self.words[0]
        x0, top, x1, bottom, size = first.x0, first.top, first.x1, first.bottom, first.size
        for w in self.words:
            x0 = w.x0 if w.x0 < x0 else x0
            top = w.top if w.top < top else top
            x1 = w.x1 if w.x1 > x1 else x1
            bottom = w.bottom if w.bottom > bottom else bottom
            size = w.size if w.size > size else size
        self.box = (x0, top, x1, bottom)
        self.size = size

    def grow(self, other: PageLine) -> None:
        """Box and size with ``other``'s words added: what :meth:`measure` gives, without reading
        the words already measured again (a paragraph of thousands of lines grows line by line)."""
        ax0, atop, ax1, abottom = self.box
        bx0, btop, bx1, bbottom = other.box
        self.box = (min(ax0, bx0), min(atop, btop), max(ax1, bx1), max(abottom, bbottom))
        self.size = max(self.size, other.size)


# A gap this many times the font size splits a row into chunks: wider than any word space,
# even in justified text, narrower than the tab stops and gutters CV templates use.
CHUNK_GAP = 0.8
# A gap this wide inside a column is a tab ("Company<tab>2019 - 2021"), not a space.
TAB_GAP = 1.2


def _rtl(text: str) -> bool:
    """As many words in a right-to-left script (Hebrew, Arabic, Persian) as in others."""
    return RTL_LETTERS.search(text) is not None and _is_rtl(_rtl_count(text))


def _rtl_count(text: str) -> tuple[int, int]:
    """(words in a right-to-left script, words with a letter): sums over the lines of a paragraph
    give the paragraph's, so that a growing paragraph is never counted again."""
    if not RTL_LETTERS.search(text):
        return 0, sum(1 for w in text.split() if any(ch.isalpha() for ch in w))
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    r = sum(1 for w in words if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in w))
    return r, len(words)


def _is_rtl(count: tuple[int, int]) -> bool:
    return count[0] > 0 and count[0] * 2 >= count[1]


def rows(words: list[Word]) -> list[list[Word]]:
    """Words grouped by baseline (top to bottom), each row sorted by position."""
    out: list[list[Word]] = []
    base = size = -1e9
    for w in sorted(words, key=lambda w: (w.base, w.x0)):
        # A baseline within a third of the font size is the same line (superscripts, a
        # slightly raised icon); further apart it is the next one.
        if out and w.base - base <= 0.35 * max(min(size, w.size), 1.0):
            out[-1].append(w)
            continue
        out.append([w])
        base, size = w.base, w.size
    for row in out:
        row.sort(key=lambda w: w.x0)
    return [layer for row in out for layer in _layers(row)]


# Words this far apart in the text stream (characters) were drawn by different boxes.
_STREAM_GAP = 40


def _layers(row: list[Word]) -> list[list[Word]]:
    """A row whose words overlap (a text box drawn over the body's text, as word processors print
    floating boxes) as one row per box, in the order they were drawn; any other row as it is."""
    overlap = any(
        b.x0 < a.x1 - 0.3 * min(a.x1 - a.x0, b.x1 - b.x0) and a.start >= 0 and b.start >= 0
        for a, b in itertools.pairwise(row)
    )
    if not overlap:
        return [row]
    drawn = sorted(row, key=lambda w: w.start)
    layers: list[list[Word]] = [[drawn[0]]]
    for prev, w in itertools.pairwise(drawn):
        if w.start - prev.start > _STREAM_GAP:
            layers.append([w])
        else:
            layers[-1].append(w)
    if len(layers) == 1:
        # Close in the stream, yet drawn over each other (a browser's title running into the
        # dates beside it): the runs of text that follow each other in the stream are layers,
        # cut where the stream skips to another place (the title's next row came in between).
        layers = [[drawn[0]]]
        for prev, w in itertools.pairwise(drawn):
            if w.start > prev.start + len(prev.text) + 3:
                layers.append([w])
            else:
                layers[-1].append(w)
    for layer in layers:
        layer.sort(key=lambda w: w.x0)
    return layers


def chunks(row: list[Word]) -> list[list[Word]]:
    """A row cut at gaps wider than :data:`CHUNK_GAP` font sizes."""
    out: list[list[Word]] = [[row[0]]]
    for prev, w in itertools.pairwise(row):
        if w.x0 - prev.x1 > CHUNK_GAP * max(prev.size, w.size, 1.0):
            out.append([w])
        else:
            out[-1].append(w)
    return out


@dataclass(slots=True)
class _Chunk:
    words: list[Word]
    row: int
    x0: float
    x1: float

    @property
    def base(self) -> float:
        return self.words[0].base


def _chunked(page_rows: list[list[Word]]) -> list[_Chunk]:
    out: list[_Chunk] = []
    for i, row in enumerate(page_rows):
        for c in chunks(row):
            out.append(_Chunk(c, i, c[0].x0, max(w.x1 for w in c)))
    return out


def _gutter(items: list[_Chunk]) -> tuple[float, float] | None:
    """The widest vertical band that no chunk crosses, with enough text on both sides.

    A chunk that crosses the band (a full-width name or heading) is allowed when few do: those
    rows are read as bands of their own.
    """
    if len(items) < 6:
        return None
    left = min(c.x0 for c in items)
    right = max(c.x1 for c in items)
    width = right - left
    if width <= 0:
        return None
    # How many chunks cover each point across the page (a difference array: linear in chunks and
    # points). The gutter is where the fewest cross: only the rows that span the page (a name, a
    # contact line, a heading), not the ragged ends of a column's short lines. Among the places
    # that few, the widest run.
    if width > 20_000:
        return None  # no page is that wide; the words are not laid out for reading
    bins = int(width) + 2
    delta = [0] * (bins + 1)
    for c in items:
        delta[int(c.x0 - left)] += 1
        delta[int(c.x1 - left) + 1] -= 1
    cover = list(itertools.accumulate(delta))
    # Only where text stands on both sides: the blank right of a ragged page is no gutter.
    starts = sorted(c.x0 for c in items)
    ends = sorted(c.x1 for c in items)
    lo_bin = max(int(0.1 * width), int(ends[min(2, len(ends) - 1)] - left) + 1)
    hi_bin = min(int(0.9 * width), int(starts[-min(3, len(starts))] - left))
    if hi_bin <= lo_bin:
        return None
    least = min(cover[lo_bin:hi_bin])
    if least > max(1, len({c.row for c in items}) // 6):
        return None
    # Ties go to the run where a column starts: its lines begin at one x, just after the gap.
    best: tuple[float, float] | None = None
    score = (-1, 0.0)
    run_start = -1
    for b in range(lo_bin, hi_bin + 1):
        free = b < hi_bin and cover[b] == least
        if free and run_start < 0:
            run_start = b
        elif not free and run_start >= 0:
            gap = (left + run_start, left + b)
            aligned = bisect.bisect_right(starts, gap[1] + 4) - bisect.bisect_left(starts, gap[1] - 1)
            if (aligned, gap[1] - gap[0]) > score:
                best, score = gap, (aligned, gap[1] - gap[0])
            run_start = -1
    if best is None:
        return None
    lo, hi = best
    on_left = {c.row for c in items if c.x1 <= hi}
    on_right = {c.row for c in items if c.x0 >= lo}
    if len(on_left) < 3 or len(on_right) < 3:
        return None
    return best


def _table_like(left: list[_Chunk], right: list[_Chunk]) -> bool:
    """Columns whose rows line up (dates or captions beside their entries) are read row by row.

    Flowing columns (a sidebar beside the main text) rarely share baselines; a dates or caption
    column sits on the baseline of the entry it belongs to, and its chunks are short.
    """
    if not left or not right:
        return False
    aligned = _aligned(left, right)
    lengths = sorted(sum(len(w.text) + 1 for w in c.words) for c in left)
    short = lengths[len(lengths) // 2] <= 30
    if aligned >= 0.6 * len(left) and short:
        return True
    # A narrow column of captions (section titles in the margin) with few lines beside many.
    left_rows = len({c.row for c in left})
    right_rows = len({c.row for c in right})
    lw = max(c.x1 for c in left) - min(c.x0 for c in left)
    rw = max(c.x1 for c in right) - min(c.x0 for c in right)
    return left_rows <= 0.35 * right_rows and lw < 0.3 * rw and short


def _aligned(chunks: list[_Chunk], others: list[_Chunk]) -> int:
    """How many of ``chunks`` share a baseline with one of ``others``."""
    bases = sorted(c.base for c in others)
    aligned = 0
    for c in chunks:
        k = bisect.bisect_left(bases, c.base - 1.0)
        if k < len(bases) and bases[k] <= c.base + 1.0:
            aligned += 1
    return aligned


def _labels_beside(left: list[_Chunk], right: list[_Chunk]) -> bool:
    """A narrow left column of short labels (years, a few letters) beside a wider one, half of
    them or more on the baseline of a row of text beside them (give or take a third of the type,
    a label in smaller type than its entry's head)."""
    if len(left) < 3 or any(sum(len(w.text) + 1 for w in c.words) > 12 for c in left):
        return False
    lw = max(c.x1 for c in left) - min(c.x0 for c in left)
    rw = max(c.x1 for c in right) - min(c.x0 for c in right)
    if lw >= 0.35 * rw:
        return False
    bases = sorted(c.base for c in right)
    aligned = 0
    for c in left:
        slack = 0.35 * max(w.size for w in c.words)
        k = bisect.bisect_left(bases, c.base - slack)
        if k < len(bases) and bases[k] <= c.base + slack:
            aligned += 1
    return aligned >= 0.5 * len(left)


def _fields_beside(sides: list[tuple[list[Word], list[Word]]]) -> bool:
    """A few short pieces at the right, each on the baseline of a row of the text beside it (an
    entry's place set flush right on its head's row): fields of those rows, not a column."""
    rows = {k for k, (_, right) in enumerate(sides) if right}
    if not rows or len(rows) > 0.5 * sum(1 for left, _ in sides if left):
        return False
    if any(_YEAR.search(w.text) for k in rows for w in sides[k][1]):
        return False  # dates at the margin: see :func:`_margin_dates`
    # Set flush right at one edge (a table's cells start at one edge instead).
    edge = max(sides[k][1][-1].x1 for k in rows)
    if any(sides[k][1][-1].x1 < edge - max(3.0, 0.6 * sides[k][1][-1].size) for k in rows):
        return False
    # Heads stand apart, their entries' lines between them: rows of fields one under the other
    # are a column (a two-row head's place over its dates aside).
    if sum(1 for r in rows if r + 1 in rows) > 0.5 * len(rows):
        return False
    return all(
        _short(right) and left and abs(left[-1].base - right[0].base) <= 1.0 for left, right in (sides[k] for k in rows)
    )


@dataclass(slots=True)
class _Flow:
    """Rows of words read as one column."""

    rows: list[list[Word]]
    column: int
    sidebar: bool = False
    # Rows of a caption or dates column beside its entries: the part left of ``split`` is a line
    # of its own before the rest of the row, as a table's cells are.
    split: float | None = None
    right: bool = False  # the caption column is the part right of ``split`` (right to left)
    beside: bool = False  # a margin of dates: its lines go among the lines of the flow before
    grid: bool = False  # rows of label-value pairs side by side: each side of a row is a line
    side: int = -1  # the side of the page's gutter (0 left, 1 right), -1: across the page


def _split(page_rows: list[list[Word]], page_width: float, depth: int = 0) -> list[_Flow]:
    """The page's rows as flows in reading order: bands cut by full-width rows, columns inside."""
    items = _chunked(page_rows)
    gut = _gutter(items) if depth < 2 else None
    if gut is None:
        return [_Flow(page_rows, 0)]
    mid = (gut[0] + gut[1]) / 2
    # Rows that cross the gutter (a centred name, a full-width heading or paragraph) cut the page
    # into bands read one after the other.
    crossing = {i for i, row in enumerate(page_rows) if _crosses(row, mid)}
    sides = [_sides(row, mid) for i, row in enumerate(page_rows) if i not in crossing]
    left_rows = [left for left, _ in sides if left]
    right_rows = [right for _, right in sides if right]
    if not left_rows or not right_rows:
        return [_Flow(page_rows, 0)]
    # Whether the two sides are a table or two flows is decided once for the page: a band of
    # three rows under a full-width name says little on its own.
    lc, rc = _chunked(left_rows), _chunked(right_rows)
    # A right-to-left page has its dates or captions in the right margin: the mirror image.
    rtl = _rtl(" ".join(w.text for row in page_rows for w in row))
    table = _table_like(rc, lc) if rtl else _table_like(lc, rc)
    narrow_left = _width(left_rows) < _width(right_rows)
    captions = narrow_left != rtl
    flows: list[_Flow] = []
    band: list[int] = []

    def close() -> None:
        if band and table:
            # Dates at the right margin stay on their line after a tab ("Engineer<tab>2019 - 2021").
            flows.append(_Flow([page_rows[i] for i in band], 0, split=mid if captions else None, right=rtl))
        elif band:
            flows.extend(_columns([page_rows[i] for i in band], mid, page_width, depth))
        band.clear()

    spanning: list[list[Word]] = []
    for i in range(len(page_rows)):
        if i in crossing:
            close()
            spanning.append(page_rows[i])
            continue
        if spanning:
            # Rows across the gutter in a row (a profile over the columns) are one flow.
            flows.append(_Flow(spanning, 0))
            spanning = []
        band.append(i)
    close()
    if spanning:
        flows.append(_Flow(spanning, 0))
    return flows


def _crosses(row: list[Word], mid: float) -> bool:
    """A word over the gutter's middle, or a word space across it (a sentence that goes on)."""
    for a, b in itertools.pairwise(row):
        if a.x0 < mid < a.x1 or (a.x1 <= mid <= b.x0 and b.x0 - a.x1 < 0.6 * max(a.size, b.size)):
            return True
    return bool(row) and row[-1].x0 < mid < row[-1].x1


def _sides(row: list[Word], mid: float) -> tuple[list[Word], list[Word]]:
    left = [w for w in row if w.x1 <= mid]
    return left, row[len(left) :]


def _grid(sides: list[tuple[list[Word], list[Word]]]) -> tuple[int, int] | None:
    """The rows (start, end) of a band that are a grid of short fields on both sides: the rows
    with text on one side are consecutive, two or more, have text on the other side too, and
    no piece of them is long; the other side goes on below them. None when there is no grid."""
    for near in (0, 1):
        rows = [k for k, pair in enumerate(sides) if pair[near]]
        if len(rows) < 2 or rows[-1] + 1 >= len(sides) or rows[-1] - rows[0] + 1 != len(rows):
            continue
        start, end = rows[0], rows[-1] + 1
        if all(pair[0] and pair[1] and _short(pair[0]) and _short(pair[1]) for pair in sides[start:end]):
            return start, end
    return None


def _short(words: list[Word]) -> bool:
    return sum(len(w.text) + 1 for w in words) <= 30


def _width(rows: list[list[Word]]) -> float:
    return max(r[-1].x1 for r in rows) - min(r[0].x0 for r in rows)


def _columns(band: list[list[Word]], mid: float, page_width: float, depth: int) -> list[_Flow]:
    """A band's rows split at the gutter into two flows, each split again if it holds a gutter."""
    sides = [_sides(row, mid) for row in band]
    left_rows = [left for left, _ in sides if left]
    right_rows = [right for _, right in sides if right]
    if not left_rows or not right_rows:
        return [_Flow(band, 0)]
    grid = _grid(sides)
    if grid is not None:
        # Pairs of short fields side by side above one column ("Name: ...  Degree: ..."): read
        # row by row, as the table they are, then the column below.
        start, end = grid
        above = _split(band[:start], page_width, depth + 1) if start else []
        return [*above, _Flow(band[start:end], 0, split=mid, grid=True), *_split(band[end:], page_width, depth + 1)]
    rtl = _rtl(" ".join(w.text for r in band for w in r))
    if not rtl and depth > 0 and _labels_beside(_chunked(left_rows), _chunked(right_rows)):
        # A narrow column of labels and dates inside a column (a sidebar's education with its
        # years at the left): read row by row, each label before its row's text.
        return [_Flow(band, 0, split=mid)]
    if not rtl and _fields_beside(sides):
        # Places flush right on their heads' rows: read with their rows, after a tab.
        return [_Flow(band, 0)]
    lw, rw = _width(left_rows), _width(right_rows)
    left_flows = _split(left_rows, page_width, depth + 1)
    if rw < 0.6 * lw and _margin_dates(right_rows):
        # Dates and places set right at the margin beside their entries: read beside them (as
        # one flow: their ragged left edges are no gutter).
        right_flows = [_Flow(right_rows, 0, beside=True)]
    else:
        right_flows = _split(right_rows, page_width, depth + 1)
        for f in right_flows:
            f.column += 1
            f.sidebar = f.sidebar or rw < 0.6 * lw
    for f in left_flows:
        f.sidebar = f.sidebar or lw < 0.6 * rw
    if depth == 0:
        # The page's own two columns, which may go on over the next pages (see :func:`streams`).
        for f in left_flows:
            f.side = 0
        for f in right_flows:
            f.side = 0 if f.beside else 1
    # The column holding the largest type (the name) is read first; otherwise in the direction
    # of the script: left to right, or right to left in Hebrew, Arabic and Persian.
    lmax = max(w.size for r in left_rows for w in r)
    rmax = max(w.size for r in right_rows for w in r)
    if rmax > lmax + 0.5 or (abs(rmax - lmax) <= 0.5 and _rtl(" ".join(w.text for r in band for w in r))):
        return right_flows + left_flows
    return left_flows + right_flows


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
    their row: the first words of list items whose bullets are drawn, not written."""
    if not shapes or not words:
        return
    # Words by bands of their middle, so that each shape looks at the words of its row only.
    bands: dict[int, list[Word]] = {}
    for w in words:
        bands.setdefault(int((w.top + w.bottom) / 2 // _BAND), []).append(w)
    for x0, top, x1, bottom in shapes:
        cy = (top + bottom) / 2
        band = int(cy // _BAND)
        best: Word | None = None
        for b in (band - 1, band, band + 1):
            for w in bands.get(b, ()):
                size = max(w.size, 1.0)
                gap = w.x0 - x1
                if (
                    w.top <= cy <= w.bottom
                    and x1 - x0 <= _MARK_WIDTH * size
                    and bottom - top <= _MARK_HEIGHT * size
                    and _MARK_GAP[0] * size <= gap <= _MARK_GAP[1] * size
                    and (best is None or w.x0 < best.x0)
                ):
                    best = w
        if best is not None:
            best.mark = True


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


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _margin_dates(rows: list[list[Word]]) -> bool:
    """Rows of short pieces set flush right at one edge, a quarter of them or more holding a year:
    the dates and places of a CV's entries in the right margin, not a sidebar of their own."""
    if len(rows) < 3:
        return False
    edge = max(r[-1].x1 for r in rows)
    flush = sum(1 for r in rows if r[-1].x1 >= edge - max(3.0, 0.6 * r[-1].size))
    years = sum(1 for r in rows if any(_YEAR.search(w.text) for w in r))
    short = sum(1 for r in rows if sum(len(w.text) + 1 for w in r) <= 30)
    return flush >= 0.75 * len(rows) and years >= 0.25 * len(rows) and short >= 0.75 * len(rows)


def paragraphs(lines: list[PageLine], start: int) -> int:
    """Number the paragraphs from ``start``: a new one after a wider gap, at a bullet, at a change
    of size, column or boldness. Returns the next free number."""
    para = start
    prev: PageLine | None = None
    for ln in lines:
        if prev is None or _breaks(prev, ln):
            para += 1
        ln.para = para
        prev = ln
    return para + 1


def _breaks(a: PageLine, b: PageLine) -> bool:
    if b.bullet or a.column != b.column or a.where != b.where:
        return True
    sa, sb = a.size, b.size
    if abs(sa - sb) > 0.5 or a.words[0].bold != b.words[0].bold:
        return True
    gap = b.box[1] - a.box[3]
    return gap > 0.6 * max(sa, sb) or gap < -max(sa, sb)


_NUMBER_ONLY = re.compile(
    r"(?i)^\W*(?:(?:page|seite|página|pagina|strona|стр\.?|страница)\s*)?\d{1,3}(?:\s*(?:of|/|von|de|из)\s*\d{1,3})?\W*$"
)


# A browser's print margins: a date with the time of day ("6/12/25, 10:15 AM"), a file's
# address, or a web address before the page count ("https://...<tab>1/2").
_PRINT_MARK = re.compile(
    r"(?i)\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|^file:/|(?:^|\t)(?:https?|file)://\S+\t\d{1,3}\s*/\s*\d{1,3}$"
)


def running(pages: list[list[PageLine]], heights: list[float]) -> None:
    """Mark lines repeated near the top or bottom of several pages as header or footer, and page
    numbers as footer.

    A running head stands at one height on the pages that repeat it, and on half the pages or
    more: a caption that a page break happens to put at the top of two pages ("Highlights" in a
    long CV) is the document's own text.
    """
    # (zone, text, band of the distance from the page's edge) -> pages that have it there
    found: dict[tuple[str, str, int], int] = {}
    marks: list[tuple[PageLine, str, str, int]] = []
    for lines, height in zip(pages, heights, strict=True):
        seen: set[tuple[str, str, int]] = set()
        for ln in lines:
            _, top, _, bottom = ln.box
            zone = "header" if bottom < 0.1 * height else "footer" if top > 0.9 * height else ""
            if not zone:
                continue
            # Digits aside (a page number, in the running text or after a tab beside it).
            key = re.sub(r"[\d\s]+", " ", ln.text.casefold()).strip()
            band = int((top if zone == "header" else height - bottom) // _RUNNING_BAND)
            marks.append((ln, zone, key, band))
            seen.add((zone, key, band))
        for k in seen:
            found[k] = found.get(k, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    for ln, zone, key, band in marks:
        if _PRINT_MARK.search(ln.text):
            # What a browser prints in the margins (the time, the page's address): not the
            # document's own header, so not a place to look for the name either.
            ln.where = "footer"
        elif _NUMBER_ONLY.match(ln.text):
            ln.where = zone
        elif (
            len(pages) > 1
            and any(ch.isalpha() for ch in key)
            and sum(found.get((zone, key, b), 0) for b in (band - 1, band, band + 1)) >= need
        ):
            ln.where = zone


# Points: a running head is at the same height on each page, give or take a band.
_RUNNING_BAND = 4.0


def streams(pages: list[list[PageLine]]) -> list[PageLine]:
    """The pages' lines in reading order, each column read on over the pages it fills.

    A page in two columns is read column after column; a page after it whose lines stand in
    the same columns (or in one of them alone) goes on with each column where it stopped: the
    main column's next entries after its last ones, not after the sidebar's last section
    (which would take them in). Any other page is read after the lines before it.
    """
    blocks: list[list[PageLine]] = []
    # Each open column: its lines so far (a block of ``blocks``) and its (left, right) edges.
    open_: dict[int, tuple[list[PageLine], float, float]] = {}
    for lines in pages:
        body = [ln for ln in lines if ln.where not in ("header", "footer")]
        target = _continued(body, open_) if body and open_ else None
        if target is not None:
            tail: list[PageLine] = []
            for ln in lines:
                side = target if target >= 0 else ln.side
                if side in open_:
                    open_[side][0].append(ln)
                else:
                    tail.append(ln)  # a running head across the page
            if tail:
                blocks.append(tail)
            for side, (block, _, _) in list(open_.items()):
                open_[side] = (block, *_edges(block))
            continue
        open_ = {}
        for ln in lines:
            if not blocks or not blocks[-1] or blocks[-1][-1].side != ln.side or blocks[-1][-1].page != ln.page:
                blocks.append([])
            blocks[-1].append(ln)
            if ln.side >= 0:
                open_[ln.side] = (blocks[-1], 0.0, 0.0)
            elif ln.where not in ("header", "footer"):
                open_ = {}  # text across the page below the columns: they end here
        if len(open_) < 2:
            open_ = {}  # one side alone (a grid, a band): no columns to go on with
        for side, (block, _, _) in list(open_.items()):
            open_[side] = (block, *_edges(block))
    return [ln for block in blocks for ln in block]


def _edges(block: list[PageLine]) -> tuple[float, float]:
    """(left, right) edges of the column lines of a block."""
    return min(ln.box[0] for ln in block), max(ln.box[2] for ln in block)


def _continued(body: list[PageLine], open_: dict[int, tuple[list[PageLine], float, float]]) -> int | None:
    """How a page goes on with the open columns: -1 each line with its own side's column, 0 or 1
    all in that column (a page without a gutter, its text in one column's place), or None."""
    if 0 not in open_ or 1 not in open_:
        return None
    left_edge = open_[0][2]  # the left column's right edge
    right_edge = open_[1][1]  # the right column's left edge
    slack = 0.25 * (right_edge - left_edge)
    sides = {ln.side for ln in body}
    if sides <= {0, 1} and -1 not in sides and len(sides) == 2:
        # Two columns again: the same ones when neither crosses into the other's place.
        left = max(ln.box[2] for ln in body if ln.side == 0)
        right = min(ln.box[0] for ln in body if ln.side == 1)
        return -1 if left < right_edge and right > left_edge else None
    x0 = min(ln.box[0] for ln in body)
    x1 = max(ln.box[2] for ln in body)
    if x1 <= left_edge + slack and x0 >= open_[0][1] - slack:
        return 0
    if x0 >= right_edge - slack and x1 <= open_[1][2] + slack:
        return 1
    return None
