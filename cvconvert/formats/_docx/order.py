"""A DOCX package read into :class:`Line` records in reading order.

:class:`_Package` reads the parts that hold text once (body, styles, relationships, headers and
footers) with lxml; :meth:`_Package.lines` gives headers (as the pages show them), boxes fixed at
the top of the first page, then the body (paragraphs, tables, text boxes read as one page with
the blank paragraphs that anchor them, see :mod:`.boxes` and :mod:`.tables`), then footers. Lines carry the
hints the package knows: style and outline level, bullets, bold, italic, size, region (body,
table, textbox, sidebar, header, footer), cell, paragraph, links, page and column. List numbers
are counted by :mod:`.numbering`.
:func:`read_lines` does both.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from cvconvert import extract as engine
from cvconvert._deps import requires_extra
from cvconvert._input import open_zip, parse_xml, read_member
from cvconvert.errors import InvalidInputError
from cvconvert.extract.contact import _network, _profile_path_ok, _web_target
from cvconvert.extract.lines import Line, _clean, _pieces
from cvconvert.formats._docx.boxes import _Box, _css_length, _finite, _order_boxes
from cvconvert.formats._docx.numbering import _Lists
from cvconvert.formats._docx.runs import TEXT_TAGS, text_of
from cvconvert.formats._docx.runs import T as T_TEXT
from cvconvert.formats._docx.tables import _Cell, _float_beside, _layout_regions, _table_order
from cvconvert.model import Resume
from cvconvert.namespaces import DC, MC, PACKAGE_RELS, WP, WPS, A, R, W
from cvconvert.report import Report


@cache
def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


T_P, T_TBL, T_TR, T_TC, T_R = (_q(W, t) for t in ("p", "tbl", "tr", "tc", "r"))
T_SDT, T_SDTCONTENT, T_TXBX = _q(W, "sdt"), _q(W, "sdtContent"), _q(W, "txbxContent")
T_RENDERED_BREAK, T_BR = _q(W, "lastRenderedPageBreak"), _q(W, "br")
T_ALT, T_CHOICE, T_FALLBACK = _q(MC, "AlternateContent"), _q(MC, "Choice"), _q(MC, "Fallback")
# Names the walk over paragraphs and runs compares with, spelt out once: it meets them per element.
T_PPR, T_RPR, T_PSTYLE, T_OUTLINE = _q(W, "pPr"), _q(W, "rPr"), _q(W, "pStyle"), _q(W, "outlineLvl")
T_NUMPR, T_NUMID, T_ILVL, T_SZ = _q(W, "numPr"), _q(W, "numId"), _q(W, "ilvl"), _q(W, "sz")
T_B, T_I, T_VANISH, T_RSTYLE = _q(W, "b"), _q(W, "i"), _q(W, "vanish"), _q(W, "rStyle")
T_PAGE_BREAK_BEFORE, T_SECTPR = _q(W, "pageBreakBefore"), _q(W, "sectPr")
T_HYPERLINK, T_DRAWING, T_PICT, T_OBJECT = _q(W, "hyperlink"), _q(W, "drawing"), _q(W, "pict"), _q(W, "object")
T_INSTR, T_CUSTOM_XML = _q(W, "instrText"), _q(W, "customXml")
T_RFONTS, A_ASCII, A_HANSI = _q(W, "rFonts"), _q(W, "ascii"), _q(W, "hAnsi")
A_VAL, A_TYPE, A_RID = _q(W, "val"), _q(W, "type"), _q(R, "id")

# Runs, hyperlinks, fields and revisions nest text inside a paragraph; these are descended into.
_INLINE_CONTAINERS = frozenset(
    _q(W, t) for t in ("r", "hyperlink", "fldSimple", "smartTag", "customXml", "ins", "sdt", "sdtContent", "bdo", "dir")
)
_SKIP = frozenset(_q(W, t) for t in ("delText", "instrText", "pPr", "rPr", "del", "moveFrom", "footnoteReference"))
_HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+"([^"]+)"')
# A link to a file on the author's disk or beside the document ("../site/cv.html",
# "file:///C:/...", "C:\\Users\\..."; a saved web page's links become such paths): no address
# of the person's. "www.example.org" without a scheme is one.
_LOCAL_TARGET = re.compile(r"(?i)\s*(?:[./\\]|file:|[a-z]:[\\/])")


def _address(target: str) -> str | None:
    """A link's target as an address of the person's, or None for a file on disk. A link typed
    without its scheme is stored by Word as a file beside the document ("../www.example.org/x"):
    the address in it is kept (the engine's :func:`_web_target` reads it)."""
    if not _LOCAL_TARGET.match(target):
        return target
    return _web_target(re.sub(r"(?i)^(?:file:/*)?(?:[a-z]:)?", "", target.replace("\\", "/")))


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    level: int | None = None
    numbered: bool = False
    num: str | None = None  # the list (w:numId) the style's paragraphs are items of
    ilvl: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None


# What a run's formatting says: bold, italic, size in points; None = as the style says.
_Format = tuple[bool | None, bool | None, float | None]

# A blank paragraph's height when its font size is not known: 12 pt in EMU.
_LINE_EMU = 12 * 12700.0


class _Package:
    """The parts of a DOCX that hold text, read once."""

    def __init__(self, package: zipfile.ZipFile) -> None:
        names = set(package.namelist())
        main = _main_part(package, names)
        self.zip = package
        self.names = names
        # Parts other than the body are optional: a damaged one is skipped, with a note.
        self.skipped: list[str] = []
        self.document = parse_xml(read_member(package, main), main)
        self.rels = self._rels(main)
        # Styles are read when a paragraph or run names one: a template defines hundreds and a
        # CV uses a few. ``styles`` holds those read, ``_style_elements`` every definition.
        self.styles: dict[str, _Style] = {}
        self._style_elements: dict[str, Any] = {}
        self.default_style = ""
        self.default_size: float | None = None  # the document's default font size (w:docDefaults)
        styles_name = _sibling(main, "styles.xml")
        if styles_name in names:
            styles = self._optional(styles_name)
            if styles is not None:
                self._read_styles(styles)
        self._resolved: dict[str, _Style] = {}
        # What character styles set (bold, italic, size; None = not set), through basedOn.
        self._char_styles: dict[str, _Format] = {}
        # The list definitions are read when a numbered paragraph is met (most CVs have none);
        # a note on a damaged numbering part keeps the place it had among the others.
        self._numbering = _sibling(main, "numbering.xml")
        self._numbering_note_at = len(self.skipped)
        self._lists: _Lists | None = None
        self.margin_left, self.margin_top = _margins(self.document)
        self.paragraphs = 0
        self.tables = 0
        # Pages as Word last laid them out (w:lastRenderedPageBreak) and as page breaks, page
        # break before and section breaks force them; text boxes and headers do not count.
        self.page = 0
        self.breaks = [0, 0]
        # Whether the body has shown text yet: a break before any (a page break before the first
        # paragraph, a blank cover page, a section break at the top) starts no page of the CV,
        # and the engine looks for the name on the first page.
        self.text_seen = False
        self.page_top: list[_Box] = []  # in the paragraph being read: before its first text, after it
        # The last item read of each list (w:numId): its level, the paragraphs outside any
        # list read before it and its lines (see _nest).
        self.items: dict[str, tuple[int, int, list[Line]]] = {}
        self.loose = 0

    def _rels(self, part: str) -> dict[str, str]:
        folder, _, base = part.rpartition("/")
        name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        if name not in self.names:
            return {}
        root = self._optional(name)
        if root is None:
            return {}
        return {rel.get("Id", ""): rel.get("Target", "") for rel in root.iter(_q(PACKAGE_RELS, "Relationship"))}

    def _optional(self, name: str) -> Any:
        try:
            return parse_xml(read_member(self.zip, name), name)
        except InvalidInputError as exc:
            self.skipped.append(f"{name} skipped: {exc}")
            return None

    @property
    def lists(self) -> _Lists:
        """The document's list definitions (numbering.xml), read on first use."""
        if self._lists is None:
            root = None
            if self._numbering in self.names:
                notes = len(self.skipped)
                root = self._optional(self._numbering)
                if len(self.skipped) > notes:
                    self.skipped.insert(self._numbering_note_at, self.skipped.pop())
            self._lists = _Lists(root)
        return self._lists

    def _read_styles(self, root: Any) -> None:
        self.default_size = _half_points(
            root.find(f"{_q(W, 'docDefaults')}/{_q(W, 'rPrDefault')}/{_q(W, 'rPr')}/{_q(W, 'sz')}")
        )
        style_id, default = _q(W, "styleId"), _q(W, "default")
        for st in root.iter(_q(W, "style")):
            sid = st.get(style_id, "")
            self._style_elements[sid] = st
            if st.get(default) in ("1", "true") and st.get(A_TYPE) == "paragraph":
                self.default_style = sid

    def _raw_style(self, sid: str) -> _Style | None:
        """The style ``sid`` as defined (no inheritance), or None when it is not defined."""
        style = self.styles.get(sid)
        if style is None:
            st = self._style_elements.get(sid)
            if st is not None:
                style = self.styles[sid] = _read_style(st, sid)
        return style

    def style(self, sid: str) -> _Style:
        """A paragraph style with what it inherits through basedOn resolved."""
        if sid in self._resolved:
            return self._resolved[sid]
        chain: list[_Style] = []
        seen: set[str] = set()
        cur: str | None = sid
        while cur and cur not in seen and (raw := self._raw_style(cur)) is not None:
            seen.add(cur)
            chain.append(raw)
            cur = raw.based_on
        # Text no style sizes is in the document's default size, which the engine compares.
        out = _Style(name=chain[0].name if chain else sid.casefold(), size=self.default_size)
        for st in reversed(chain):
            out.level = st.level if st.level is not None else out.level
            out.numbered = out.numbered or st.numbered
            out.num = st.num if st.num is not None else out.num
            out.ilvl = st.ilvl if st.ilvl is not None else out.ilvl
            out.bold = st.bold if st.bold is not None else out.bold
            out.italic = st.italic if st.italic is not None else out.italic
            out.size = st.size if st.size is not None else out.size
        self._resolved[sid] = out
        return out

    # --- reading order ------------------------------------------------------------------------

    def lines(self) -> list[Line]:
        """Every line of the document: headers, body, footers, in reading order."""
        body = self.document.find(_q(W, "body"))
        headers: list[Line] = []
        footers: list[Line] = []
        seen_parts: set[str] = set()
        # The texts already kept, per kind: looked up in a set, since comparing each line with
        # every earlier one took minutes on a header of 60,000 lines.
        kept: dict[str, set[str]] = {"header": set(), "footer": set()}
        sections = list(self.document.iter(T_SECTPR))  # one walk over the body for both kinds
        for ref_tag, out in (("headerReference", headers), ("footerReference", footers)):
            for ref in _page_order(sections, ref_tag):
                target = self.rels.get(ref.get(_q(R, "id"), ""), "")
                part = _resolve(target)
                if not target or part in seen_parts or part not in self.names:
                    continue
                seen_parts.add(part)
                root = self._optional(part)
                if root is None:
                    continue
                saved = self.rels
                self.rels = self._rels(part)
                where = "header" if ref_tag == "headerReference" else "footer"
                for line in self._container(root, where, None):
                    # The same running head on every section's first and other pages.
                    if line.text not in kept[where]:
                        kept[where].add(line.text)
                        out.append(line)
                self.rels = saved
        main = self._container(body, "body", None) if body is not None else []
        # Boxes fixed at the top of the first page are read first, wherever they are anchored.
        top = _order_boxes(self.page_top) if self.page_top else []
        return headers + top + _once(main) + footers

    def _container(self, el: Any, where: str, cell: tuple[int, int, int] | None) -> list[Line]:
        out: list[Line] = []
        pool = _Pool()
        # Floating tables (the text flows beside them): their spans in ``out``.
        floats: list[tuple[int, int]] = []
        for child in el:
            tag = child.tag
            if tag == T_P:
                page = self.page
                lines, floating, height = self._paragraph(child, where, cell)
                if self.page != page:
                    # Boxes on another page are not read with this one's.
                    out.extend(pool.flush())
                if where == "body" and self.page == 0:
                    floating = self._take_page_top(floating)
                if lines:
                    out.extend(pool.flush())
                    out.extend(lines)
                pool.add(floating, height * max(1, len(lines)))
            elif tag == T_TBL:
                out.extend(pool.flush())
                table = self._table(child, where)
                if _floating(child):
                    floats.append((len(out), len(out) + len(table)))
                out.extend(table)
            elif tag in (T_SDT, T_SDTCONTENT, T_CUSTOM_XML):
                out.extend(pool.flush())
                out.extend(self._container(child, where, cell))
            elif tag == T_ALT:
                out.extend(pool.flush())
                out.extend(self._container(_alternative(child), where, cell))
        out.extend(pool.flush())
        # Last first, so that the earlier spans keep their places.
        for start, end in reversed(floats):
            paired = _float_beside(out[start:end], _following(out, end, where, cell))
            if paired is not None:
                lines, used = paired
                out[start : end + used] = lines
        return out

    def _take_page_top(self, boxes: list[_Box]) -> list[_Box]:
        """Keeps aside the boxes placed from the page or its margins (not moving with their
        paragraph) whose top is at most a line below the top margin: a name box a template
        anchors to a paragraph far down stands at the top of the page. Returns the others.
        Only the first paragraph that anchors such boxes gives them: without the pages Word
        laid out, the top of a later page looks the same."""
        if self.page_top:
            return boxes
        rest: list[_Box] = []
        for box in boxes:
            if not box.flow and box.y <= _LINE_EMU and box.lines:
                self.page_top.append(box)
            else:
                rest.append(box)
        return rest

    def _table(self, tbl: Any, where: str) -> list[Line]:
        self.tables += 1
        number = self.tables
        cells: list[tuple[int, int, list[Line]]] = []
        grid: list[_Cell] = []
        rows = [row for row in tbl.iter(T_TR) if _ancestor_table(row) is tbl]
        for r, row in enumerate(rows):
            start = _grid_before(row)
            # Each cell of a row starts on the page the row starts on: a long main column that
            # runs onto the next page does not move the sidebar cell beside it there.
            top = last = self.page
            for c, tc in enumerate(x for x in row if x.tag in (T_TC, T_SDT)):
                inner = tc if tc.tag == T_TC else tc.find(f".//{T_TC}")
                if inner is not None:
                    kind = "table" if where == "body" else where
                    self.page = top
                    lines = self._container(inner, kind, (number, r, c))
                    last = max(last, self.page)
                    cells.append((r, c, lines))
                    span, merge = _cell_span(inner)
                    grid.append(_Cell(r, start, span, merge, lines))
                    start += span
            self.page = last
        widths = [_num(col.get(_q(W, "w"))) for col in tbl.findall(f"{_q(W, 'tblGrid')}/{_q(W, 'gridCol')}")]
        regions = _layout_regions(grid, widths)
        return regions if regions is not None else _table_order(cells)

    def _paragraph(self, p: Any, where: str, cell: tuple[int, int, int] | None) -> tuple[list[Line], list[_Box], float]:
        """The paragraph's lines (with its inline text boxes), its floating boxes, and the
        height of one of its lines in EMU (to place boxes anchored to the blank ones below)."""
        self.paragraphs += 1
        ppr = next(p.iterchildren(T_PPR), None)
        # The paragraph's properties in one pass, the first of each kind (as find() gives it).
        props: dict[Any, Any] = {}
        if ppr is not None:
            for child in ppr:
                props.setdefault(child.tag, child)
        flows = where in ("body", "table")
        if flows and self.text_seen and _on_off(props.get(T_PAGE_BREAK_BEFORE)):
            self.page += 1
        if flows:
            self.breaks = [0, 0]
        sid = self.default_style
        level: int | None = None
        num: str | None = None
        if ppr is not None:
            ps = props.get(T_PSTYLE)
            if ps is not None:
                sid = ps.get(A_VAL, sid)
            lvl = props.get(T_OUTLINE)
            if lvl is not None and (val := lvl.get(A_VAL, "")).isdigit() and int(val) < 9:
                level = int(val)
            if T_NUMPR in props:
                num = _num_id(ppr)
        numbered = num not in (None, "0")
        style = self.style(sid)
        if level is None:
            level = style.level
        if not numbered and num != "0":
            numbered = style.numbered
        number = self._number(ppr, num, style) if numbered else ""
        if number is None:
            numbered, number = False, ""
        item = self._list_place(ppr, num, style) if numbered else None
        pieces: list[tuple[str, _Format]] = []
        boxes: list[list[_Box]] = []
        floating: list[_Box] = []
        links: list[str] = []
        self._inline(p, pieces, boxes, links, floating=floating)
        text = "".join(t for t, _ in pieces)
        if number and text.strip() and level is None:
            text = f"{number} {text.lstrip()}"
        shown = [f for t, f in pieces if t.strip()]
        bold = bool(shown) and all((b if b is not None else bool(style.bold)) for b, _, _ in shown)
        italic = bool(shown) and all((i if i is not None else bool(style.italic)) for _, i, _ in shown)
        size = max(((s if s is not None else style.size) or 0.0) for _, _, s in shown) if shown else 0.0
        page = self.page + (self.breaks[0] if self.text_seen else 0)
        out: list[Line] = []
        for part in text.split("\n"):
            for clean in _pieces(_clean(part)):
                out.append(
                    Line(
                        clean,
                        style=style.name,
                        level=level,
                        bullet=numbered,
                        bold=bold,
                        italic=italic,
                        size=size,
                        where=where,
                        cell=cell,
                        para=self.paragraphs,
                        links=links,
                        page=page,
                    )
                )
        if flows:
            # Text in boxes anchored here counts: some templates hold all their text in boxes.
            self.text_seen = self.text_seen or bool(out) or any(b.lines for b in floating) or bool(boxes)
            self.page = page + (self.breaks[1] + _section_break(props.get(T_SECTPR)) if self.text_seen else 0)
        contacts = _contact_targets(links) if not out and page == 0 else []
        if contacts:
            # Icons that link (an envelope for mailto:, a logo for a profile) on a line of
            # their own: the line is their targets, since the page shows no text for them.
            # Only on the first page, where contact icons stand, and only targets that reach
            # the person: a logo linking to an employer's or a school's site is no contact
            # and would read as an entry or as the person's own site.
            text = " ".join(contacts)
            out.append(
                Line(text, style=style.name, where=where, cell=cell, para=self.paragraphs, links=links, page=page)
            )
        if item is not None and out:
            self._nest(item, out)
        elif level is not None and out:
            self.items.clear()
        elif out:
            self.loose += 1
        for group in boxes:
            out.extend(_order_boxes(group))
        # A blank paragraph is as high as its mark's size (w:pPr/w:rPr/w:sz) says.
        mark_size = _half_points(_grandchild(ppr, T_RPR, T_SZ)) if not size and T_RPR in props else None
        height = 1.2 * 12700.0 * (size or mark_size or style.size or 0.0) or _LINE_EMU
        return out, floating, height

    def _list_place(self, ppr: Any, num: str | None, style: _Style) -> tuple[str, int]:
        """The list a numbered paragraph is an item of (its w:numId) and its level in it."""
        ilvl = _ilvl(ppr) if ppr is not None else None
        return (num or style.num or ""), (style.ilvl if ilvl is None else ilvl) or 0

    def _nest(self, item: tuple[str, int], lines: list[Line]) -> None:
        """Marks no longer as list items the lines of the item before this one in its list
        when this one is nested below it and paragraphs outside the list stand between them:
        such an item heads a block of its own ("• Engineer, Northwind Ltd" over the dates, a
        description, then "◦" highlights: a web page's list of jobs converted to Word), which
        the engine reads as an entry head, not as a highlight. An item with sub-items right
        below it ("• Built a shop" / "◦ in Python") stays one. A heading between them (see
        :meth:`_paragraph`) ends every list."""
        num, ilvl = item
        before = self.items.get(num)
        if before is not None and before[0] < ilvl and before[1] < self.loose:
            for line in before[2]:
                line.bullet = False
        self.items[num] = (ilvl, self.loose, lines)

    def _number(self, ppr: Any, num: str | None, style: _Style) -> str | None:
        """The number Word shows before a list item ("1.", "a)", "2015"), counted in document
        order; '' for bullets and formats not rendered, None for a level that shows no mark.
        ``num`` is the paragraph's own list."""
        ilvl = _ilvl(ppr) if ppr is not None else None
        if num is None:
            num = style.num
        if ilvl is None:
            ilvl = style.ilvl
        return self.lists.number(num or "", ilvl or 0)

    def _inline(
        self,
        el: Any,
        pieces: list[tuple[str, _Format]],
        boxes: list[list[_Box]],
        links: list[str],
        fmt: _Format = (None, None, None),
        *,
        floating: list[_Box],
    ) -> None:
        # The tags in the order they are met most (runs, text, properties); the sets are disjoint.
        for child in el:
            tag = child.tag
            if tag == T_R:
                run_pr = next(child.iterchildren(T_RPR), None)
                inner = fmt if run_pr is None else self._run_format(run_pr, fmt)
                if inner is not None:  # None: hidden text (a template's instructions), not on the page
                    self._inline(child, pieces, boxes, links, inner, floating=floating)
            elif tag == T_TEXT:
                pieces.append((child.text or "", fmt))
            elif tag in TEXT_TAGS:
                if tag == T_BR and child.get(A_TYPE) == "page":
                    self.breaks[any(t.strip() for t, _ in pieces)] += 1
                pieces.append((text_of(child), fmt))
            elif tag == T_RENDERED_BREAK:
                # Word marks where a page began at the start of the first run on it.
                self.breaks[any(t.strip() for t, _ in pieces)] += 1
            elif tag in _SKIP:
                if tag == T_INSTR and child.text:
                    m = _HYPERLINK_FIELD.search(child.text)
                    address = _address(m.group(1)) if m else None
                    if address:
                        links.append(address)
            elif tag == T_HYPERLINK:
                target = self.rels.get(child.get(A_RID, ""), "")
                address = _address(target) if target else None
                if address:
                    links.append(address)
                self._inline(child, pieces, boxes, links, fmt, floating=floating)
            elif tag == T_ALT:
                self._inline(_alternative(child), pieces, boxes, links, fmt, floating=floating)
            elif tag == T_DRAWING:
                links.extend(self._picture_links(child))
                group, anchored = self._drawing_boxes(child)
                if anchored:
                    floating.extend(group)
                elif group:
                    boxes.append(group)
            elif tag == T_PICT or tag == T_OBJECT:
                group = self._vml_boxes(child)
                if any("position:absolute" in b.css for b in group):
                    floating.extend(group)
                elif group:
                    boxes.append(group)
            elif tag in _INLINE_CONTAINERS or tag == T_CHOICE:
                self._inline(child, pieces, boxes, links, fmt, floating=floating)

    def _run_format(self, rpr: Any, outer: _Format) -> _Format | None:
        """``outer`` with what a run's properties set: its character style ("Strong",
        "Emphasis"), then its own bold, italic and size. None for hidden text (w:vanish)."""
        # One pass over the properties, the first of each kind (as find() gives it).
        props: dict[Any, Any] = {}
        for child in rpr:
            props.setdefault(child.tag, child)
        if _on_off(props.get(T_VANISH)):
            return None
        b, i, s = outer
        ref = props.get(T_RSTYLE)
        if ref is not None:
            cb, ci, cs = self._char_style(ref.get(A_VAL, ""))
            b, i, s = (b if cb is None else cb, i if ci is None else ci, s if cs is None else cs)
        b2, i2, s2 = _on_off(props.get(T_B)), _on_off(props.get(T_I)), _half_points(props.get(T_SZ))
        fonts = props.get(T_RFONTS)
        if fonts is not None:
            # A face that is bold or italic itself ("Arial-BoldMT", "Inter SemiBold Italic"):
            # the page shows it so whatever w:b says; converters from PDF write such faces
            # with w:b off.
            face = fonts.get(A_ASCII) or fonts.get(A_HANSI) or ""
            # Font names are short; a long one (a stranger's file) is not kept in the cache.
            fb, fi = _face(face) if len(face) <= 64 else _face.__wrapped__(face)
            b2, i2 = True if fb else b2, True if fi else i2
        return (b if b2 is None else b2, i if i2 is None else i2, s if s2 is None else s2)

    def _char_style(self, sid: str) -> _Format:
        """What a character style sets, through basedOn (None: it leaves it as it was)."""
        if sid in self._char_styles:
            return self._char_styles[sid]
        b = i = None
        s: float | None = None
        seen: set[str] = set()
        cur: str | None = sid
        # The nearest style in the chain that sets a value wins.
        while cur and cur not in seen and (st := self._raw_style(cur)) is not None:
            seen.add(cur)
            b = st.bold if b is None else b
            i = st.italic if i is None else i
            s = st.size if s is None else s
            cur = st.based_on
        self._char_styles[sid] = (b, i, s)
        return (b, i, s)

    def _picture_links(self, drawing: Any) -> list[str]:
        """Targets of links set on a picture itself (wp:docPr/a:hlinkClick), not on its text."""
        out: list[str] = []
        for frame in drawing:
            link = frame.find(f"{_q(WP, 'docPr')}/{_q(A, 'hlinkClick')}")
            target = self.rels.get(link.get(_q(R, "id"), ""), "") if link is not None else ""
            address = _address(target) if target else None
            if address:
                out.append(address)
        return out

    def _drawing_boxes(self, drawing: Any) -> tuple[list[_Box], bool]:
        anchor = drawing.find(_q(WP, "anchor"))
        base_x = base_y = 0.0
        width = height = 0.0
        flow = True
        frame = drawing.find(_q(WP, "inline")) if anchor is None else anchor
        if frame is not None:
            extent = frame.find(_q(WP, "extent"))
            if extent is not None:
                width, height = _num(extent.get("cx")), _num(extent.get("cy"))
        if anchor is not None:
            base_x, _ = self._offset(anchor.find(_q(WP, "positionH")), "x")
            base_y, flow = self._offset(anchor.find(_q(WP, "positionV")), "y")
        shapes: list[tuple[Any, float, float, float, float]] = []
        for shape in _outermost(drawing, _q(WPS, "wsp")):
            content = shape.find(f"{_q(WPS, 'txbx')}/{T_TXBX}")
            if content is None:
                continue
            x = y = w = h = 0.0
            xfrm = shape.find(f"{_q(WPS, 'spPr')}/{_q(A, 'xfrm')}")
            if xfrm is not None:
                off, ext = xfrm.find(_q(A, "off")), xfrm.find(_q(A, "ext"))
                if off is not None:
                    x, y = _num(off.get("x")), _num(off.get("y"))
                if ext is not None:
                    w, h = _num(ext.get("cx")), _num(ext.get("cy"))
            shapes.append((content, x, y, w or width, h or height))
        if not shapes:
            return [], anchor is not None
        # Offsets inside a group are relative to the group; shift them onto the anchor.
        min_x = min(s[1] for s in shapes)
        min_y = min(s[2] for s in shapes)
        out = [
            _Box(
                base_x + x - min_x,
                base_y + y - min_y,
                w,
                h,
                self._container(content, "textbox", None),
                flow=flow,
                spaced=_spaced(content),
            )
            for content, x, y, w, h in shapes
        ]
        return out, anchor is not None

    def _offset(self, pos: Any, axis: str) -> tuple[float, bool]:
        """An anchor's offset on one axis in EMU from the text's top left corner, and whether it
        moves with its paragraph (measured from the paragraph, not the page)."""
        if pos is None:
            return 0.0, True
        off = pos.find(_q(WP, "posOffset"))
        value = _num(off.text) if off is not None else 0.0
        relative = pos.get("relativeFrom", "")
        # Offsets from the page edge count from the margin, as the text's own do.
        if relative in ("page", "leftMargin", "topMargin", "insideMargin", "outsideMargin"):
            value -= self.margin_left if axis == "x" else self.margin_top
        return value, relative in ("paragraph", "line", "")

    def _vml_boxes(self, pict: Any) -> list[_Box]:
        out: list[_Box] = []
        for content in _outermost(pict, T_TXBX):
            shape = content.getparent().getparent() if content.getparent() is not None else None
            css = shape.get("style", "") if shape is not None else ""
            pos = dict(
                (k.strip().casefold(), v.strip())
                for k, _, v in (item.partition(":") for item in css.split(";"))
                if k.strip()
            )
            x = _css_length(pos.get("margin-left") or pos.get("left"))
            y = _css_length(pos.get("margin-top") or pos.get("top"))
            w, h = _css_length(pos.get("width")), _css_length(pos.get("height"))
            if pos.get("mso-position-horizontal-relative") == "page":
                x -= self.margin_left
            vertical = pos.get("mso-position-vertical-relative", "text")
            if vertical == "page":
                y -= self.margin_top
            lines = self._container(content, "textbox", None)
            flow = vertical in ("text", "line")
            out.append(_Box(x, y, w, h, lines, css=css.replace(" ", ""), flow=flow, spaced=_spaced(content)))
        return out

    def creator(self) -> str:
        """The document's author from its core properties, or ''."""
        if "docProps/core.xml" not in self.names:
            return ""
        try:
            root = parse_xml(read_member(self.zip, "docProps/core.xml"), "docProps/core.xml")
        except InvalidInputError:
            return ""
        el = root.find(_q(DC, "creator"))
        return (el.text or "").strip() if el is not None else ""


def _read_style(st: Any, sid: str) -> _Style:
    """One w:style as it is defined, without what it inherits."""
    style = _Style()
    name = st.find(_q(W, "name"))
    style.name = (name.get(A_VAL, "") if name is not None else sid).casefold()
    based = st.find(_q(W, "basedOn"))
    style.based_on = based.get(A_VAL) if based is not None else None
    ppr = st.find(T_PPR)
    if ppr is not None:
        lvl = ppr.find(T_OUTLINE)
        if lvl is not None and (val := lvl.get(A_VAL, "")).isdigit() and int(val) < 9:
            style.level = int(val)
        style.numbered = _num_id(ppr) not in (None, "0")
        style.num, style.ilvl = _num_id(ppr), _ilvl(ppr)
    rpr = st.find(T_RPR)
    if rpr is not None:
        style.bold = _on_off(rpr.find(T_B))
        style.italic = _on_off(rpr.find(T_I))
        style.size = _half_points(rpr.find(T_SZ))
    m = re.fullmatch(r"heading (\d)", style.name)
    if m and style.level is None:
        style.level = int(m.group(1)) - 1
    if style.name == "title" and style.level is None:
        style.level = -1
    return style


class _Pool:
    """Floating text boxes anchored to a run of paragraphs that hold no text themselves.

    Templates anchor each box to one of a column of blank paragraphs at the top of the page,
    with offsets from that paragraph: placed by the blank lines above their anchor, the boxes
    of the whole run are read together, as one page (:func:`_order_boxes`).
    """

    def __init__(self) -> None:
        self.boxes: list[_Box] = []
        self.down = 0.0  # how far below the run's first paragraph the next one starts, in EMU

    def add(self, boxes: list[_Box], height: float) -> None:
        for box in boxes:
            if box.flow:
                box.y += self.down
            self.boxes.append(box)
        self.down += height

    def flush(self) -> list[Line]:
        boxes, self.boxes, self.down = self.boxes, [], 0.0
        return _order_boxes(boxes) if boxes else []


# A section's headers in the order its pages show them: the first page's own header (shown
# only when the section sets w:titlePg), then the running one, then the even pages' one.
_PAGE_RANK = {"first": 0, "default": 1, "even": 2}


def _once(lines: list[Line]) -> list[Line]:
    """``lines`` without the copy in body text of a heading right below it: a converted web page
    keeps an anchor's or an icon's label over the heading it names ("About" in body text, then
    "About" in a heading style), and the engine then opens the section at the label, with
    nothing in it. Only a heading's copy goes: a list may well say the same thing twice."""
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        if (
            last is not None
            and line.text == last.text
            and line.para != last.para
            and (line.level is None) != (last.level is None)
            and (line.where, line.cell) == (last.where, last.cell)
        ):
            kept = line if last.level is None else last
            kept.links = line.links or last.links
            out[-1] = kept
            continue
        out.append(line)
    return out


def _page_order(sections: list[Any], tag: str) -> list[Any]:
    """Header (or footer) references of the sections (their w:sectPr, in document order), in
    the order the pages show them;
    a first-page header that the section does not show (no w:titlePg) is left out, so that a
    name in the first page's header is read before the running head of the others."""
    out: list[Any] = []
    for sect in sections:
        first_page = _on_off(sect.find(_q(W, "titlePg"))) is True
        refs = [ref for ref in sect.findall(_q(W, tag)) if first_page or ref.get(_q(W, "type")) != "first"]
        out.extend(sorted(refs, key=lambda ref: _PAGE_RANK.get(ref.get(_q(W, "type"), "default"), 1)))
    return out


def _grid_before(row: Any) -> int:
    """Grid columns a row leaves empty before its first cell (w:gridBefore)."""
    el = row.find(f"{_q(W, 'trPr')}/{_q(W, 'gridBefore')}")
    val = el.get(_q(W, "val"), "") if el is not None else ""
    return int(val) if val.isdigit() and int(val) < 64 else 0


def _cell_span(tc: Any) -> tuple[int, str]:
    """The grid columns a cell spans, and its vertical merge: "restart", "continue" or ""."""
    pr = tc.find(_q(W, "tcPr"))
    if pr is None:
        return 1, ""
    el = pr.find(_q(W, "gridSpan"))
    val = el.get(_q(W, "val"), "") if el is not None else ""
    span = int(val) if val.isdigit() and 0 < int(val) < 64 else 1
    merge = pr.find(_q(W, "vMerge"))
    return span, "" if merge is None else merge.get(_q(W, "val"), "continue")


def _section_break(sect: Any) -> int:
    """1 when a paragraph's section properties (w:sectPr, or None) end a section that starts
    the next on a new page, else 0."""
    if sect is None:
        return 0
    kind = sect.find(_q(W, "type"))
    return int(kind is None or kind.get(_q(W, "val")) != "continuous")


def _floating(tbl: Any) -> bool:
    """A table placed on the page (w:tblpPr) with the text wrapping beside it."""
    return tbl.find(f"{_q(W, 'tblPr')}/{_q(W, 'tblpPr')}") is not None


def _following(out: list[Line], start: int, where: str, cell: tuple[int, int, int] | None) -> list[Line]:
    """The container's own paragraph lines from ``start`` on, up to the next table or box."""
    end = start
    while end < len(out) and out[end].where == where and out[end].cell == cell:
        end += 1
    return out[start:end]


def _alternative(alt: Any) -> Any:
    """The one branch of mc:AlternateContent that is read: the Choice, or the Fallback when
    there is no Choice (both hold the same content; reading both doubled it)."""
    choice = alt.find(T_CHOICE)
    if choice is not None:
        return choice
    fallback = alt.find(T_FALLBACK)
    return fallback if fallback is not None else []


def _margins(document: Any) -> tuple[float, float]:
    """The page's left and top margins in EMU (from the last section), 1 inch if not given."""
    sect = document.find(f"{_q(W, 'body')}/{_q(W, 'sectPr')}")
    mar = sect.find(_q(W, "pgMar")) if sect is not None else None
    out: list[float] = []
    for side in ("left", "top"):
        value = mar.get(_q(W, side), "") if mar is not None else ""
        twips = float(value) if value.lstrip("-").isdigit() else 1440.0
        out.append(_finite(twips * 635.0))
    return out[0], out[1]


_BOLD_FACE = re.compile(r"(?i)bold|black|heavy|(?<![a-z])(?:semi|demi)(?![a-z])")
_ITALIC_FACE = re.compile(r"(?i)italic|oblique")


@lru_cache(maxsize=256)
def _face(name: str) -> tuple[bool, bool]:
    """Whether a font's name says it is bold and whether it says it is italic."""
    return bool(_BOLD_FACE.search(name)), bool(_ITALIC_FACE.search(name))


def _spaced(content: Any) -> bool:
    """Whether a text box's text starts with a space: the page shows a gap before it, which
    the line (cleaned of its edges) no longer tells. Only the box's own paragraphs and runs are
    looked at, up to the first text: a box nested in it is not searched again for each level."""
    for p in content.iterchildren(T_P):
        for run in p.iterchildren(T_R):
            for t in run.iterchildren(T_TEXT):
                return (t.text or "")[:1].isspace()
    return False


def _outermost(el: Any, tag: str) -> Iterator[Any]:
    """The elements ``tag`` below ``el``, in document order, but none inside another one.

    A text box inside a text box is read when its outer box's text is read; finding it from
    the outer shape as well read it twice at each level, which doubled the work per level of
    nesting (minutes for a few kilobytes of nested boxes).
    """
    stack = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == tag:
            yield child
        else:
            stack.append(iter(child))


def _ancestor_table(el: Any) -> Any:
    parent = el.getparent()
    while parent is not None and parent.tag != T_TBL:
        parent = parent.getparent()
    return parent


def _contact_targets(links: list[str]) -> list[str]:
    """The link targets that reach a person (mail, phone, a profile on a known network), once each."""
    out: list[str] = []
    for link in dict.fromkeys(links):
        scheme = link.partition(":")[0].casefold()
        if scheme in ("mailto", "tel", "callto") or (_network(link) and _profile_path_ok(link)):
            out.append(link)
    return out


def _grandchild(el: Any, child: str, tag: str) -> Any:
    """``el.find("child/tag")`` without lxml's path parser (a Python module): the first ``tag``
    under any ``child`` of ``el``, or None."""
    for middle in el.iterchildren(child):
        for found in middle.iterchildren(tag):
            return found
    return None


def _ilvl(ppr: Any) -> int | None:
    el = _grandchild(ppr, T_NUMPR, T_ILVL)
    val = el.get(A_VAL, "") if el is not None else ""
    return int(val) if val.isdigit() and int(val) < 9 else None


def _num_id(ppr: Any) -> str | None:
    num = _grandchild(ppr, T_NUMPR, T_NUMID)
    return None if num is None else num.get(A_VAL)


def _on_off(el: Any) -> bool | None:
    if el is None:
        return None
    return el.get(A_VAL, "true") not in ("0", "false", "off", "none")


def _half_points(el: Any) -> float | None:
    if el is None:
        return None
    val = el.get(A_VAL, "")
    return int(val) / 2 if val.isdigit() else None


def _num(value: str | None) -> float:
    try:
        return _finite(float(value)) if value is not None else 0.0
    except ValueError:
        return 0.0


def _sibling(part: str, name: str) -> str:
    folder = part.rpartition("/")[0]
    return f"{folder}/{name}" if folder else name


def _resolve(target: str) -> str:
    target = target.lstrip("/")
    return target if target.startswith("word/") else f"word/{target}"


def _main_part(package: zipfile.ZipFile, names: set[str]) -> str:
    # [Content_Types] names the main part; Word always calls it word/document.xml, others may not.
    if "word/document.xml" in names:
        return "word/document.xml"
    if "[Content_Types].xml" in names:
        root = parse_xml(read_member(package, "[Content_Types].xml"), "[Content_Types].xml")
        for el in root:
            if (el.get("ContentType") or "").endswith("wordprocessingml.document.main+xml"):
                part = (el.get("PartName") or "").lstrip("/")
                if part in names:
                    return part
    raise InvalidInputError("not a Word file (no word/document.xml)")


def extract(data: bytes, *, lang: str | None = None) -> tuple[Resume, Report]:
    """Read a DOCX CV that cvconvert did not write, best effort, with the rules of :mod:`cvconvert.extract`.

    The package is read with lxml rather than python-docx, because python-docx does not see text
    boxes, which many CV templates use for their side columns and contact blocks. ``lang`` is a
    hint. Raises InvalidInputError (one line) for input that is not a readable Word package.
    """
    with requires_extra("docx"):
        pkg = _Package(open_zip(data, "Word file"))
        lines = pkg.lines()
        author = pkg.creator()
    return engine.extract(lines, lang=lang, author=author, notes=pkg.skipped)


def read_lines(data: bytes) -> list[Line]:
    """The document's lines in reading order (for the extractor and for diagnostics)."""
    with requires_extra("docx"):
        package = open_zip(data, "Word file")
        return _Package(package).lines()
