"""Across a PDF's pages: running heads and footers, paragraph numbers, and the reading order of
columns that go on over pages."""

from __future__ import annotations

import re

from cvconvert.formats._pdf.words import PageLine


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
