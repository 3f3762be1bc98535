"""Page geometry: words into rows by baseline, rows into chunks, chunks into columns and flows.

A gutter (an empty vertical band that rows on both sides leave free) splits the page into
columns, read one after the other unless their rows line up like a table's (a dates or caption
column, mirrored on a right-to-left page), with kinds read among the other column instead: a grid
of short fields side by side, places and dates set flush right beside their heads, a narrow
column of labels and years inside a sidebar. Pure Python over :class:`Word` records.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from cvconvert.formats._pdf.words import _YEAR, CHUNK_GAP, Word, _rtl


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
