"""Text boxes put in reading order, as a person reads the page.

:func:`_order_boxes` reads floating text boxes: a title band, then columns whole, a sidebar last
and marked; level boxes row by row; boxes of single words joined into lines. :func:`_css_length`
and :func:`_finite` give VML and DrawingML offsets one unit (EMU).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from cvconvert.extract.lines import Line
from cvconvert.text import RTL_LETTERS


@dataclass
class _Box:
    """A text box: its position in EMU (group-relative or anchor-relative) and its lines.

    ``flow`` says that ``y`` is measured from the paragraph that anchors the box, which moves
    with the text; otherwise from the page or its margins. ``spaced``: its text starts with a
    space, a gap the page shows before it.
    """

    x: float
    y: float
    w: float
    h: float
    lines: list[Line]
    css: str = ""
    flow: bool = True
    spaced: bool = False  # its text starts with a space (see :func:`_joint`)


# Boxes that should abut but overlap by a hair (a name box a few points wider than its column)
# are still apart: 4 pt in EMU.
_SLACK = 4 * 12700.0


def _order_boxes(group: list[_Box]) -> list[Line]:
    """Boxes in reading order, as a person reads the page.

    Converters from PDF put each word, or even each letter, in a box of its own: single-line
    boxes side by side on one row are first joined into one line (:func:`_join_rows`). Then
    the page is read by columns (:func:`_columns`): first the boxes above every column (a
    title band), those of a column above where the others start (:func:`_lead`) and the box
    heading a column with the page's largest text, the name (:func:`_name_box`); then each
    column whole, top to bottom, in reading order (right to left in a right-to-left document),
    a sidebar last. A narrow column beside a wide one is a sidebar: its lines get
    ``where="sidebar"``; every line gets its ``column``.
    """
    boxes = [b for b in group if b.lines]
    if len(boxes) == 1:
        return boxes[0].lines
    boxes = _join_rows(boxes)
    if len(boxes) == 1:
        return boxes[0].lines
    return [line for box in _read_boxes(boxes, _right_to_left(boxes)) for line in box.lines]


def _right_to_left(boxes: list[_Box]) -> bool:
    """Most letters Hebrew or Arabic: columns are read from the right."""
    if not any(RTL_LETTERS.search(line.text) for box in boxes for line in box.lines):
        return False  # no right-to-left character at all: found in C, not by a look at each one
    rtl = ltr = 0
    for box in boxes:
        for line in box.lines:
            for ch in line.text:
                if RTL_LETTERS.match(ch):
                    rtl += 1
                elif ch.isalpha():
                    ltr += 1
    return rtl > ltr


def _read_boxes(boxes: list[_Box], rtl: bool, depth: int = 0) -> list[_Box]:
    """``boxes`` in reading order: title band, then columns (see :func:`_order_boxes`)."""
    if len(boxes) < 2:
        return boxes
    top, columns = _columns(boxes)
    if len(columns) < 2 or depth > 8 or _side_by_side(columns):
        return _by_rows(boxes, rtl)
    if rtl:
        columns.reverse()
    lead = _lead(columns)
    name: list[_Box] = []
    if depth == 0:
        lead += _name_box(columns, lead)
        # The name is read before a title or a profile that stands higher in the other column.
        name = _name_box(columns, [])
    first = {id(b) for b in name}
    ordered: list[_Box] = sorted(top + lead, key=lambda b: (id(b) not in first, b.y, b.x))
    lead_ids = {id(b) for b in lead}
    if depth == 0:
        _mark_columns(columns)
        # The main column first, then the sidebar, whole.
        columns.sort(key=lambda c: c[0].lines[0].where == "sidebar")
    for column in columns:
        ordered.extend(_read_boxes([b for b in column if id(b) not in lead_ids], rtl, depth + 1))
    return ordered


# Boxes whose tops are this close (6 pt in EMU) stand on one row.
_LEVEL = 6 * 12700.0


def _side_by_side(columns: list[list[_Box]]) -> bool:
    """Columns that are rows in disguise: most boxes of the smallest one start level with a box
    of another ("dates | what was done", entry after entry), so each row is read across."""
    smallest = min(range(len(columns)), key=lambda i: len(columns[i]))
    tops = sorted(b.y for i, column in enumerate(columns) if i != smallest for b in column)
    level = 0
    for box in columns[smallest]:
        at = bisect.bisect_left(tops, box.y - _LEVEL)
        level += at < len(tops) and tops[at] <= box.y + _LEVEL
    return level >= 2 and 2 * level >= len(columns[smallest])


def _by_rows(boxes: list[_Box], rtl: bool) -> list[_Box]:
    """Top to bottom; boxes whose tops are level form a row, read across it."""
    out: list[_Box] = []
    row: list[_Box] = []
    for box in sorted(boxes, key=lambda b: (b.y, b.x)):
        if row and box.y - row[0].y > _LEVEL:
            out.extend(sorted(row, key=lambda b: b.x, reverse=rtl))
            row = []
        row.append(box)
    out.extend(sorted(row, key=lambda b: b.x, reverse=rtl))
    return out


def _columns(boxes: list[_Box]) -> tuple[list[_Box], list[list[_Box]]]:
    """The boxes above all columns, and the columns left to right (one when there is no gutter).

    A gutter is an upright strip that no box crosses. A title box across the whole page
    hides the gutter below it: the boxes wholly above all others are set aside, one at a time
    (at most three), until a gutter shows.
    """
    rest = sorted(boxes, key=lambda b: (b.y, b.x))
    top: list[_Box] = []
    while True:
        columns = _split_at_gutters(rest)
        if len(columns) > 1 or len(top) >= 3 or len(rest) < 3:
            return (top, columns) if len(columns) > 1 else ([], [boxes])
        first = rest[0]
        if any(b.y < first.y + first.h - _SLACK for b in rest[1:]):
            return [], [boxes]
        top.append(first)
        rest = rest[1:]


def _split_at_gutters(boxes: list[_Box]) -> list[list[_Box]]:
    """Boxes grouped into columns by the upright gaps between them (a sweep by left edge)."""
    by_left = sorted(boxes, key=lambda b: b.x)
    columns: list[list[_Box]] = [[by_left[0]]]
    right = by_left[0].x + by_left[0].w
    for box in by_left[1:]:
        if box.x >= right - _SLACK:
            columns.append([box])
        else:
            columns[-1].append(box)
        right = max(right, box.x + box.w)
    return columns


def _lead(columns: list[list[_Box]]) -> list[_Box]:
    """Boxes of a column that stand wholly above where every other column starts: the name and
    title at the top of the main column, read before the sidebar beside what follows."""
    tops = [min(b.y for b in column) for column in columns]
    # The highest start among the other columns: the second highest overall for the column
    # that starts highest (found once: asking for each column is quadratic in the columns).
    first, second = sorted(tops)[:2]
    out: list[_Box] = []
    for column, top in zip(columns, tops, strict=True):
        others = second if top == first else first
        for box in sorted(column, key=lambda b: b.y):
            if box.y + box.h > others + _SLACK:
                break
            out.append(box)
    return out


def _name_box(columns: list[list[_Box]], lead: list[_Box]) -> list[_Box]:
    """The box at the top of a column holding the page's largest text (the name), read first."""
    size = max(line.size for column in columns for box in column for line in box.lines)
    taken = {id(b) for b in lead}
    for column in columns:
        first = min((b for b in column if id(b) not in taken), key=lambda b: b.y, default=None)
        if first is not None and size > 0 and any(line.size == size for line in first.lines[:2]):
            return [first]
    return []


def _mark_columns(columns: list[list[_Box]]) -> None:
    """Each line's column (from the left); a narrow column beside one wide one is a sidebar."""
    lefts = [min(b.x for b in column) for column in columns]
    rank = {i: n for n, i in enumerate(sorted(range(len(columns)), key=lefts.__getitem__))}
    widths = [max(b.x + b.w for b in column) - min(b.x for b in column) for column in columns]
    narrow = -1
    if len(columns) == 2 and min(widths) <= 0.45 * sum(widths):
        narrow = widths.index(min(widths))
    for i, column in enumerate(columns):
        for box in column:
            for line in box.lines:
                line.column = rank[i]
                if i == narrow and line.where in ("body", "textbox"):
                    line.where = "sidebar"


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
            first = box.lines[0]
            if line.size >= 1.2 * first.size > 0:
                # A heading in the margin beside the first line of its section ("Work" in large
                # type, then "Engineer" beside it): two lines, the heading first, kept together.
                line = Line(**{**first.__dict__, "links": list(first.links)})
                current.lines.append(line)
                current.w = box.x + box.w - current.x
                continue
            line.text += (" " if box.spaced else _joint(line.text, gap, height)) + box.lines[0].text
            line.links = line.links + box.lines[0].links
            line.bold = line.bold and box.lines[0].bold
            current.w = box.x + box.w - current.x
        merged.append(current)
    return merged + others


def _joint(left: str, gap: float, height: float) -> str:
    """What goes between two boxes joined on one row: nothing between pieces of one word (a
    converter's box per letter or per run, abutting or overlapping: "ada@exam" and "ple.org"),
    else a space; a space after a list mark too ("•" and the item's text in boxes of their own:
    the engine knows a list item by it)."""
    return " " if gap >= height * 0.35 or left[-1:] in _MARKS else ""


# List marks a converter sets in a box of their own before the item's text.
_MARKS = frozenset("•●▪■◦○◆◇►▶➢✓✔-–*·")


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
