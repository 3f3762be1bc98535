"""Table cells put in reading order, with the layout hints they give.

:func:`_layout_regions` reads a table that lays out the page in columns column by column.
:func:`_table_order` reads other tables row by row, with the rules of one row first (caption
rows, wrapped phrases, a row of short cells that reads as one record, a cell of dates beside a
cell of entries, dates beside bullet points), or block by block when a table holds two lists
side by side. :func:`_float_beside` pairs a floating column of dates with the paragraphs beside it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from cvconvert.extract.daterange import find_dates
from cvconvert.extract.lines import Line, _is_bullet
from cvconvert.extract.vocab import _any_key


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


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Lines in blocks that blank paragraphs separate (a gap in the paragraph numbers)."""
    out: list[list[Line]] = []
    for line in lines:
        if out and line.para - out[-1][-1].para <= 1:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _date_blocks(lines: list[Line]) -> list[list[Line]] | None:
    """The blocks of a column of dates ("2015 - 2016", blank lines, "2011 - 2015", ...): two
    or more, each a few lines holding a date; None for anything else."""
    blocks = _blocks(lines)
    if len(blocks) < 2 or any(len(b) > 3 or not any(find_dates(ln.text) for ln in b) for b in blocks):
        return None
    return blocks


def _interleave(dates: list[list[Line]], other: list[list[Line]]) -> list[Line]:
    """Each block of dates before the block it stands beside (the nth beside the nth)."""
    out: list[Line] = []
    for i in range(max(len(dates), len(other))):
        out.extend(dates[i] if i < len(dates) else [])
        out.extend(other[i] if i < len(other) else [])
    return out


def _paired_cells(cells: list[tuple[int, int, list[Line]]]) -> list[tuple[int, int, list[Line]]]:
    """A row of two cells, one holding all the dates and the other all the entries, lined up by
    blank lines: read as date, entry, date, entry, so each range reaches its entry."""
    by_row: dict[int, list[tuple[int, list[Line]]]] = {}
    for r, c, lines in cells:
        by_row.setdefault(r, []).append((c, lines))
    out: list[tuple[int, int, list[Line]]] = []
    for r, row in by_row.items():
        filled = [(c, lines) for c, lines in row if lines]
        if len(filled) == 2:
            (c1, first), (_, second) = filled
            for dates, other in ((first, second), (second, first)):
                blocks = _date_blocks(dates)
                entries = _blocks(other)
                if blocks and len(entries) == len(blocks):
                    out.append((r, c1, _interleave(blocks, entries)))
                    break
            else:
                out.extend((r, c, lines) for c, lines in row)
            continue
        out.extend((r, c, lines) for c, lines in row)
    return out


def _dates_first(cells: list[tuple[int, int, list[Line]]]) -> list[tuple[int, int, list[Line]]]:
    """In a row whose text cell holds only bullet points, the small cell with the place and
    dates beside it is read first: it belongs to the entry's head above the table, not after
    its last point ("• did this | Prague / Jun 2022")."""
    out: list[tuple[int, int, list[Line]]] = []
    row: list[tuple[int, int, list[Line]]] = []
    for cell in [*cells, (-1, -1, [])]:
        if row and cell[0] != row[0][0]:
            filled = [c for c in row if c[2]]
            if len(filled) == 2 and _only_points(filled[0][2]) and _small_dated(filled[1][2]):
                row = [filled[1], filled[0]] + [c for c in row if not c[2]]
            out.extend(row)
            row = []
        row.append(cell)
    return out


def _phrase_cells(cells: list[tuple[int, int, list[Line]]]) -> list[tuple[int, int, list[Line]]]:
    """A row of three or more small cells (an entry as "title | organisation | place | dates"):
    a line of a cell that plainly goes on in the next ("Berlin," / "Germany") is one phrase
    with it, which the narrow column wrapped."""
    by_row: dict[int, list[tuple[int, int, list[Line]]]] = {}
    for cell in cells:
        by_row.setdefault(cell[0], []).append(cell)
    out: list[tuple[int, int, list[Line]]] = []
    for row in by_row.values():
        filled = [lines for _, _, lines in row if lines]
        small = len(filled) >= 3 and all(_small_cell(lines) for lines in filled)
        out.extend((r, c, _wrapped(lines) if small else lines) for r, c, lines in row)
    return out


def _wrapped(lines: list[Line]) -> list[Line]:
    """A line that ends in a comma or a dash joined with the next one."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and prev.text.endswith((",", "-", "–")):
            joiner = "" if prev.text.endswith("-") else " "
            out[-1] = Line(
                **{**prev.__dict__, "text": prev.text + joiner + line.text, "links": prev.links + line.links}
            )
        else:
            out.append(line)
    return out


def _split_dates(cells: list[tuple[int, int, list[Line]]]) -> list[tuple[int, int, list[Line]]]:
    """A row that starts with a date cut into cells ("2019 | 3 | joined Acme Ltd", the
    Japanese year | month | event form, "平成4年 | 3月 | ..."): one line, the cells apart by
    tabs, so that the month reaches the engine with its year and event. The event may run
    over several lines; a row whose month cell is blank keeps the year with its event."""
    by_row: dict[int, list[tuple[int, int, list[Line]]]] = {}
    for cell in cells:
        by_row.setdefault(cell[0], []).append(cell)
    out: list[tuple[int, int, list[Line]]] = []
    for r, row in by_row.items():
        filled = [lines for _, _, lines in row if lines]
        parts = _date_cells(filled)
        if parts:
            event = filled[parts]
            text = "\t".join([*(ls[0].text for ls in filled[:parts]), event[0].text])
            out.append((r, row[0][1], [Line(**{**event[0].__dict__, "text": text}), *event[1:]]))
            continue
        out.extend(row)
    return out


def _date_cells(filled: list[list[Line]]) -> int:
    """How many cells of a row make its date (a year, then a month or day, then perhaps a day)
    before the one cell of its event, or 0 when the row does not start so."""
    if not 2 <= len(filled) <= 4 or any(len(ls) != 1 for ls in filled[:-1]):
        return 0
    parts = len(filled) - 1
    if not all(_date_part(ls[0].text, i == 0) for i, ls in enumerate(filled[:parts])):
        return 0
    # A year alone beside its event needs the year's own mark or four digits ("No 12 | ..." is
    # no era year).
    if parts == 1 and not re.fullmatch(r"(?:19|20)\d\d|.*[年년]", filled[0][0].text.strip()):
        return 0
    return parts


# A year as a form's year cell shows it: "2019", "２０１９年", an era and its year ("平成 4",
# "平成元年", "R5", "H.12").
_YEAR_CELL = re.compile(r"(?:(?:19|20)\d\d|\D{1,3}[\s.]?(?:\d{1,2}|元))\s?[年년]?")
# A month or day cell: "3", "03", "3月", "10월", "12日".
_MONTH_CELL = re.compile(r"(\d{1,2})\s?[月월日일]?")


def _date_part(text: str, first: bool) -> bool:
    """A year alone ("2019", "平成 4", "R5") when ``first``, else a month or day ("3", "10")."""
    text = text.strip()
    if first:
        return bool(_YEAR_CELL.fullmatch(text))
    m = _MONTH_CELL.fullmatch(text)
    return m is not None and 1 <= int(m.group(1)) <= 31


def _small_cell(lines: list[Line]) -> bool:
    return len(lines) <= 3 and all(len(ln.text) <= 40 and not _is_bullet(ln) for ln in lines)


def _only_points(lines: list[Line]) -> bool:
    return all(_is_bullet(ln) for ln in lines)


def _small_dated(lines: list[Line]) -> bool:
    return len(lines) <= 3 and any(find_dates(ln.text) for ln in lines) and not any(_is_bullet(ln) for ln in lines)


def _float_beside(dates: list[Line], after: list[Line]) -> tuple[list[Line], int] | None:
    """A floating table holding a column of dates beside the paragraphs that follow it:
    the lines interleaved (see :func:`_paired_cells`) and how many of ``after`` were used."""
    blocks = _date_blocks(dates)
    if blocks is None:
        return None
    entries = _blocks(after)[: len(blocks)]
    if len(entries) < 2:
        return None
    return _interleave(blocks, entries), sum(len(b) for b in entries)


@dataclass
class _Cell:
    """A table cell on the table's grid: its row, first grid column, columns spanned, vertical
    merge ("restart", "continue" or "") and lines."""

    row: int
    start: int
    span: int
    merge: str
    lines: list[Line]


def _layout_regions(cells: list[_Cell], widths: list[float]) -> list[Line] | None:
    """A table used to lay out the page in columns, read column by column; None for others.

    The sign is a cell merged down over the rows beside it (a main column beside a column of
    contact and skills cells). The columns part at a grid line that no cell crosses from some
    row to the end; the rows above (a name across the page) are read first, then each column
    whole: the one with the largest text first (the name), then in reading order. Two columns,
    one at most 45% of the width: the narrow one is ``where="sidebar"``.
    """
    tall = _tall_cell(cells)
    if tall is None:
        return None
    for bound in (tall.start, tall.start + tall.span):
        first = _first_parted_row(cells, bound)
        if first is None:
            continue
        head = [c for c in cells if c.row < first]
        sides = [
            [c for c in cells if c.row >= first and c.start + c.span <= bound],
            [c for c in cells if c.row >= first and c.start >= bound],
        ]
        if not all(any(c.lines for c in side) for side in sides):
            continue
        _mark_regions(sides, bound, widths)
        # The main column first, then the sidebar, whole.
        sides.sort(key=lambda side: any(ln.where == "sidebar" for c in side for ln in c.lines))
        return [ln for part in (head, *sides) for c in sorted(part, key=lambda c: (c.row, c.start)) for ln in c.lines]
    return None


def _tall_cell(cells: list[_Cell]) -> _Cell | None:
    """The first cell merged down over the next row that holds a page's column: several lines
    under a heading style (a caption of a line or two merged down beside its rows is a
    heading, and a cell of one entry beside others is not a column of the page)."""
    continued = {(c.row, c.start) for c in cells if c.merge == "continue"}
    for cell in cells:
        if (
            cell.merge == "restart"
            and len(cell.lines) >= 3
            and any(ln.level is not None and ln.level <= 2 for ln in cell.lines)
            and (cell.row + 1, cell.start) in continued
        ):
            return cell
    return None


def _first_parted_row(cells: list[_Cell], bound: int) -> int | None:
    """The row from which no cell crosses grid line ``bound`` down to the last row (with two
    rows at least below it), or None."""
    if bound <= 0:
        return None
    last = max(c.row for c in cells)
    crossing = [c.row for c in cells if c.start < bound < c.start + c.span]
    first = max(crossing) + 1 if crossing else 0
    return first if last - first >= 1 else None


def _mark_regions(sides: list[list[_Cell]], bound: int, widths: list[float]) -> None:
    """Each side's lines get their column; a side of at most 45% of the width is a sidebar."""
    left, right = sum(widths[:bound]), sum(widths[bound:])
    narrow = -1
    if left > 0 and right > 0 and min(left, right) <= 0.45 * (left + right):
        narrow = 0 if left < right else 1
    for i, side in enumerate(sides):
        for cell in side:
            for line in cell.lines:
                line.column = i
                if i == narrow and line.where == "table":
                    line.where = "sidebar"


def _table_order(cells: list[tuple[int, int, list[Line]]]) -> list[Line]:
    """Table cells row by row, unless the table holds two lists side by side.

    A layout table with two entries per row ("Job A | dates A | Job B | dates B") is read as
    two columns of entries, left block first, so that each entry's cells stay together.
    """
    cells = _dates_first(_paired_cells(_split_dates(_phrase_cells(_caption_rows(cells)))))
    dated: dict[int, list[int]] = {}
    for r, c, lines in cells:
        if any(find_dates(line.text) for line in lines):
            dated.setdefault(r, []).append(c)
    multi = [tuple(sorted(cols)) for cols in dated.values() if len(cols) >= 2]
    # Counted once, not by ``multi.count`` for each pattern: that is quadratic in the rows.
    counts = Counter(multi)
    pattern = max(counts, key=counts.__getitem__) if counts else ()
    # Two entries a row is the table's pattern only when a good share of the dated rows (a
    # third) follow it: a table of one entry a row where a phone number or a birth date reads
    # as a date in a second cell is still read row by row, while the rows of points under
    # two entries, with a year in their text, do not hide the pattern.
    if counts[pattern] < 2 or 3 * counts[pattern] < len(dated) or not _even_blocks(cells, pattern):
        return [line for _, _, lines in cells for line in lines]
    bounds = list(pattern[:-1])  # a block ends at each of its date columns but the last

    def block(c: int) -> int:
        # The bounds below ``c`` (they ascend): a search, since a row may have thousands.
        return bisect.bisect_left(bounds, c)

    ordered = sorted(cells, key=lambda cell: (block(cell[1]), cell[0], cell[1]))
    return [line for _, _, lines in ordered for line in lines]


def _even_blocks(cells: list[tuple[int, int, list[Line]]], pattern: tuple[int, ...]) -> bool:
    """The dated columns cut the table into blocks alike, each ending at its dates: "job |
    dates | job | dates". A row "title | employer | dates" whose title names a year too cuts
    it into unlike blocks ("title" and "employer | dates"), one entry a row, read across."""
    used = sorted({c for _, c, lines in cells if lines})
    widths = [sum(lo < c <= hi for c in used) for lo, hi in zip((-1, *pattern[:-1]), pattern, strict=True)]
    return len(set(widths)) == 1 and used[-1] == pattern[-1]
