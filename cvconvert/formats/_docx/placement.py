"""Text boxes and table cells put in reading order.

:func:`_order_boxes` reads floating text boxes as a person would (bands top to bottom, columns left
to right, boxes of single words joined into lines); :func:`_table_order` reads a table row by row,
or block by block when it holds two lists side by side.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from cvconvert.extract.daterange import find_dates
from cvconvert.extract.lines import Line
from cvconvert.extract.vocab import _any_key


@dataclass
class _Box:
    """A text box: its position in EMU (group-relative or anchor-relative) and its lines."""

    x: float
    y: float
    w: float
    h: float
    lines: list[Line]
    css: str = ""


def _order_boxes(group: list[_Box]) -> list[Line]:
    """Boxes in reading order: bands top to bottom, columns left to right within a band.

    Converters from PDF put each word, or even each letter, in a box of its own: single-line
    boxes side by side on one row are first joined into one line, with no space where they touch
    (letters of one word) and a space for a small gap; a wide gap means another column.
    """
    if len(group) == 1:
        return group[0].lines
    boxes = _join_rows(group)
    if len(boxes) == 1:
        return boxes[0].lines
    left = min(b.x for b in boxes)
    right = max(b.x + b.w for b in boxes)
    span = max(right - left, 1.0)
    out: list[Line] = []
    band: list[_Box] = []

    def flush() -> None:
        if not band:
            return
        starts = sorted({b.x for b in band})
        cut: float | None = None
        best = span * 0.2
        for a, b in itertools.pairwise(starts):
            if b - a > best:
                best, cut = b - a, b
        columns = [band] if cut is None else [[b for b in band if b.x < cut], [b for b in band if b.x >= cut]]
        for column in columns:
            for box in sorted(column, key=lambda b: (b.y, b.x)):
                out.extend(box.lines)
        band.clear()

    for box in sorted(boxes, key=lambda b: (b.y, b.x)):
        if box.w > span * 0.6:
            flush()
            out.extend(box.lines)
        else:
            band.append(box)
    flush()
    return out


def _join_rows(group: list[_Box]) -> list[_Box]:
    singles = [b for b in group if len(b.lines) == 1 and b.h > 0]
    if len(singles) < 2:
        return group
    others = [b for b in group if not (len(b.lines) == 1 and b.h > 0)]
    rows: list[list[_Box]] = []
    # A box joins the first row whose first box is level with it. Trying every row for every
    # box took minutes for a page of thousands of one-letter boxes, so the rows are searched:
    # boxes come top to bottom, so the rows' middles (``mids``) ascend; the rows level with the
    # box for its own height are those from ``lo`` on (a binary search); of those, the first
    # that is level for its own height is the one. A row too far above one box for its own
    # height is too far above every later box as well, so it is passed over from then on
    # (``skip`` points past such rows, shortened as it is followed).
    mids: list[float] = []
    skip: list[int] = []

    def next_open(i: int) -> int:
        root = i
        while root < len(skip) and skip[root] != root:
            root = skip[root]
        while i < len(skip) and skip[i] != i:
            skip[i], i = root, skip[i]
        return root

    for box in sorted(singles, key=lambda b: (b.y + b.h / 2, b.x)):
        mid = box.y + box.h / 2
        lo, hi = 0, len(rows)
        while lo < hi:
            half = (lo + hi) // 2
            if mid - mids[half] <= box.h / 2:
                hi = half
            else:
                lo = half + 1
        j = next_open(lo)
        while j < len(rows):
            ref = rows[j][0]
            if abs(mids[j] - mid) <= min(ref.h, box.h) / 2:
                rows[j].append(box)
                break
            skip[j] = j + 1
            j = next_open(j + 1)
        else:
            rows.append([box])
            mids.append(mid)
            skip.append(len(skip))
    merged: list[_Box] = []
    for row in rows:
        row.sort(key=lambda b: b.x)
        current = row[0]
        line = Line(**{**current.lines[0].__dict__, "links": list(current.lines[0].links)})
        current = _Box(current.x, current.y, current.w, current.h, [line])
        for box in row[1:]:
            gap = box.x - (current.x + current.w)
            height = max(min(box.h, current.h), 1.0)
            if gap > height * 2.5:
                merged.append(current)
                first = box.lines[0]
                line = Line(**{**first.__dict__, "links": list(first.links)})
                current = _Box(box.x, box.y, box.w, box.h, [line])
                continue
            line.text += ("" if gap < height * 0.35 else " ") + box.lines[0].text
            line.links = line.links + box.lines[0].links
            line.bold = line.bold and box.lines[0].bold
            current.w = box.x + box.w - current.x
        merged.append(current)
    return merged + others


def _caption_rows(cells: list[tuple[int, int, list[Line]]]) -> list[tuple[int, int, list[Line]]]:
    """Rows "Caption | value" (Europass and form-like CVs) become one "Caption: value" line.

    Only for captions the rules know (dates, position, employer, name, contact), so that a
    two-column layout of headings and content is left alone.
    """
    by_row: dict[int, list[tuple[int, list[Line]]]] = {}
    for r, c, lines in cells:
        by_row.setdefault(r, []).append((c, lines))
    out: list[tuple[int, int, list[Line]]] = []
    for r, row in by_row.items():
        filled = [(c, lines) for c, lines in row if lines]
        if len(filled) == 2 and len(filled[0][1]) == 1:
            caption = filled[0][1][0]
            key = caption.text.strip().rstrip(":：").strip()
            if _any_key(key.casefold()):
                values = filled[1][1]
                first = Line(**{**values[0].__dict__, "text": f"{key}: {values[0].text}"})
                out.append((r, filled[1][0], [first, *values[1:]]))
                continue
        out.extend((r, c, lines) for c, lines in row)
    return out


def _table_order(cells: list[tuple[int, int, list[Line]]]) -> list[Line]:
    """Table cells row by row, unless the table holds two lists side by side.

    A layout table with two entries per row ("Job A | dates A | Job B | dates B") is read as
    two columns of entries, left block first, so that each entry's cells stay together.
    """
    cells = _caption_rows(cells)
    dated: dict[int, list[int]] = {}
    for r, c, lines in cells:
        if any(find_dates(line.text) for line in lines):
            dated.setdefault(r, []).append(c)
    multi = [tuple(sorted(cols)) for cols in dated.values() if len(cols) >= 2]
    if len(multi) < 2:
        return [line for _, _, lines in cells for line in lines]
    # Counted once, not by ``multi.count`` for each pattern: that is quadratic in the rows.
    counts = Counter(multi)
    pattern = max(set(multi), key=counts.__getitem__)
    bounds = list(pattern[:-1])  # a block ends at each of its date columns but the last

    def block(c: int) -> int:
        # The bounds below ``c`` (they ascend): a search, since a row may have thousands.
        return bisect.bisect_left(bounds, c)

    ordered = sorted(cells, key=lambda cell: (block(cell[1]), cell[0], cell[1]))
    return [line for _, _, lines in ordered for line in lines]


_CSS_UNITS = {"pt": 12700.0, "px": 9525.0, "in": 914400.0, "cm": 360000.0, "mm": 36000.0, "": 12700.0}


def _css_length(value: str | None) -> float:
    """A VML style length in EMU, so that VML and DrawingML boxes compare."""
    if not value:
        return 0.0
    m = re.fullmatch(r"(-?[\d.]+)\s*([a-z]*)", value.strip().casefold())
    if not m:
        return 0.0
    try:
        return _finite(float(m.group(1)) * _CSS_UNITS.get(m.group(2), 12700.0))
    except ValueError:
        return 0.0


def _finite(value: float) -> float:
    """An offset or size in EMU, or 0 for one no page has (NaN, infinite, past 10^12 EMU):
    they would make the order of boxes undefined (NaN compares false) or overflow sums."""
    return value if math.isfinite(value) and abs(value) < 1e12 else 0.0
