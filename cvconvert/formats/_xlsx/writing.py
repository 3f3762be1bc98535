"""Write résumés into a workbook, streaming: openpyxl's write-only mode, one pass over the résumés.

Each list section is a table (one row per entry); Basics is field/value rows; what no sheet
shows (unknown fields, ``meta``, exact values a cell cannot tell apart, such as ``""`` from no
value) is kept as JSON in a hidden column beside each row and in the hidden sheet ``cvconvert``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from cvconvert._deps import requires_extra
from cvconvert.formats._xlsx import MAX_LINKS, cells, overview
from cvconvert.formats._xlsx.layout import (
    BASICS_ROWS,
    BASICS_TITLE,
    DATA_HEADER,
    DATA_TITLE,
    FIELD_HEADER,
    FORMAT_VERSION,
    ID_HEADER,
    MARKER,
    OVERVIEW_COLUMNS,
    OVERVIEW_TITLE,
    SHEETS,
    VALUE_HEADER,
    Column,
    ColumnKind,
    Sheet,
)
from cvconvert.formats._xlsx.overview import experience_years, latest_position
from cvconvert.model import SECTIONS, Resume
from cvconvert.report import Report
from cvconvert.text import link_target

__all__ = ["Book", "experience_years", "latest_position", "render", "write_book"]

# Excel allows 65,530 hyperlinks per sheet, and openpyxl holds each one (about 1 KB) in memory
# until its sheet is saved: past this many a sheet's URLs stay text, so memory stays flat.
# A hidden JSON value longer than a cell can hold is split over cells of the hidden sheet.
CHUNK = 32_000
_BASICS_KNOWN = frozenset({"name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"})
_LOCATION_KNOWN = frozenset({"address", "postalCode", "city", "countryCode", "region"})
_SHOWN_TOP = frozenset({"basics", *SECTIONS})
_KNOWN = {spec.title: frozenset(c.key for c in spec.columns) for spec in SHEETS}
_ORDER = (OVERVIEW_TITLE, BASICS_TITLE, "Profiles", *(s.title for s in SHEETS if s.title != "Profiles"), DATA_TITLE)

# Printing: a wrapped line of Calibri 11 is 15 points; Excel refuses rows taller than 409 points.
LINE_POINTS = 15.0
MAX_ROW_POINTS = 409.0


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def dumps_json(value: Any) -> str:
    """Compact ASCII JSON: control characters and lone surrogates become escapes, never raw."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def render(kind: ColumnKind, value: Any) -> str | None:
    """The cell text written for a text or list value (None for an empty cell)."""
    if value is None:
        return None
    if kind == "list":
        if not isinstance(value, list) or not value:
            return None
        text = cells.escape(cells.join_list([v if isinstance(v, str) else dumps_json(v) for v in value]))
    elif isinstance(value, str):
        if value == "":
            return None
        text = cells.escape(value)
    else:
        text = dumps_json(value)
    return text if cells.fits(text) else cells.clip(text)


def _plain_list(value: list[Any]) -> bool:
    return bool(value) and all(isinstance(v, str) for v in value)


def _text_date(value: Any) -> bool:
    from cvconvert import dates

    return isinstance(value, str) and dates.is_iso(value)


class Book:
    """A workbook that sheets are added to as the first row for them arrives."""

    def __init__(
        self,
        *,
        many: bool,
        report: Report,
        hyperlinks: bool = True,
        max_links: int = MAX_LINKS,
        as_of: dt.date | None = None,
        sources: tuple[str, ...] = (),
    ) -> None:
        with requires_extra("xlsx"):
            import openpyxl
            from openpyxl import Workbook
            from openpyxl.cell import Cell, WriteOnlyCell
            from openpyxl.comments import Comment
            from openpyxl.styles import Alignment, Font
            from openpyxl.worksheet._write_only import WriteOnlyWorksheet

        # Many résumés stream through write-only sheets, so memory stays flat; one résumé fits
        # in an ordinary workbook.
        self.streaming = many
        self.wb = Workbook(write_only=self.streaming)
        if not self.streaming:
            self.wb.remove(self.wb.active)
        self.many = many
        self.report = report
        self.hyperlinks = hyperlinks
        self.sheets: dict[str, Any] = {}
        self.rows: dict[str, int] = {}
        self.links: dict[str, int] = {}
        self.widths: dict[str, int] = {}
        self.column_widths: dict[str, list[float]] = {}
        self.as_of = as_of or dt.date.today()
        self.sources = sources
        self._comment = Comment
        self.chunks = 0
        self._cell_type = Cell
        self._write_only_cell = WriteOnlyCell
        # The fast row builder relies on openpyxl 3.1's write-only internals; others use the default.
        self._fast_rows = (
            self.streaming and openpyxl.__version__.startswith("3.1.") and hasattr(WriteOnlyWorksheet, "_values_to_row")
        )
        self._new = object.__new__
        self.max_links = max_links
        probe = self.wb.create_sheet("probe")

        def style(**attrs: Any) -> Any:
            cell = WriteOnlyCell(probe)
            for name, value in attrs.items():
                setattr(cell, name, value)
            return cell._style

        top = Alignment(vertical="top")
        wrap = Alignment(vertical="top", wrap_text=True)
        self.st_header = style(font=Font(bold=True), alignment=wrap)
        self.st_wrap = style(alignment=wrap)
        # Every text cell wraps, at the top of its row, so that nothing runs under its neighbour
        # on screen or on paper. A cell of this type says its format without the style lookup
        # openpyxl makes for each styled cell (a tenth of the time of a large workbook).
        wrap_id = self.wb._cell_styles.add(self.st_wrap)
        fixed = {"__slots__": (), "has_style": True, "style_id": wrap_id}
        self._wrapped_type: Any = type("WrappedCell", (Cell,), fixed)
        self.st_quote = style(alignment=top, quotePrefix=True)
        self.st_wrap_quote = style(alignment=wrap, quotePrefix=True)
        self.st_link = style(alignment=wrap, font=Font(color="0563C1", underline="single"))
        self.st_date = {
            fmt: style(alignment=top, number_format=fmt)
            for fmt in (cells.YEAR_FORMAT, cells.MONTH_FORMAT, cells.DAY_FORMAT)
        }
        self.st_number = style(alignment=top, number_format="0.0")
        # The probe keeps its workbook (styles live there) but is no sheet of it.
        self.wb.remove(probe)

    # --- sheets ---------------------------------------------------------------------------

    def sheet(self, title: str, columns: tuple[Column, ...], *, data_column: bool = True) -> Any:
        """The sheet called ``title``, created with its header row on first use."""
        ws = self.sheets.get(title)
        if ws is not None:
            return ws
        ws = self._create(title)
        headers = ([ID_HEADER] if self.many else []) + [c.header for c in columns]
        widths = ([10.0] if self.many else []) + [c.width for c in columns]
        if data_column:
            headers.append(DATA_HEADER)
            widths.append(12)
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[_letter(i)].width = width
        if data_column:
            ws.column_dimensions[_letter(len(headers))].hidden = True
            widths[-1] = 0  # hidden: its text makes no row taller
        ws.freeze_panes = "A2"
        _print_setup(ws)
        self.sheets[title] = ws
        self.rows[title] = 0
        self.column_widths[title] = widths
        header = [self._styled(title, h, self.st_header, "s") for h in headers]
        if title == OVERVIEW_TITLE:
            self._note_as_of(ws, header)
        self.append(title, header)
        self.widths[title] = len(headers)
        self.links[title] = 0
        return ws

    def _note_as_of(self, ws: Any, header: list[Any]) -> None:
        """Say on the Overview (a note on its header, and the printed page header) which day
        the years of experience are counted to."""
        day = self.as_of.isoformat()
        years = header[[c.key for c in OVERVIEW_COLUMNS].index("years") + (1 if self.many else 0)]
        years.comment = self._comment(
            f"Counted to {day}: the months the jobs cover, overlapping jobs once; "
            "a job with no end date runs to that month.",
            "cvconvert",
        )
        ws.oddHeader.left.text = f"Years of experience counted to {day}"

    def _create(self, title: str) -> Any:
        ws = self.wb.create_sheet(title)
        if self._fast_rows:
            ws._values_to_row = self._row_maker(ws)
        return ws

    def _row_maker(self, ws: Any) -> Any:
        """openpyxl's row builder, without its per-value checks (our values are checked already).

        openpyxl binds each appended value to a cell by trying to convert it and, for a styled
        cell, catching the ValueError that formats the cell's repr: that was a tenth of the time
        of a large workbook. Values here are only ours: cells, escaped and clipped text, numbers.
        """
        new, cell_type, wrapped, fallback = self._new, self._cell_type, self._wrapped_type, self._write_only_cell

        def values_to_row(values: list[Any], row_idx: int) -> Any:
            for col_idx, value in enumerate(values, 1):
                if value is None:
                    continue
                if type(value) is cell_type:
                    cell = value
                elif type(value) is str or type(value) is int or type(value) is float:
                    cell = new(wrapped)
                    cell.parent = ws
                    cell._style = None
                    cell._value = value
                    cell.data_type = "s" if type(value) is str else "n"
                    cell._hyperlink = cell._comment = None
                else:
                    cell = fallback(ws, value)
                cell.row = row_idx
                cell.column = col_idx
                if cell._hyperlink is not None:
                    cell._hyperlink.ref = cell.coordinate
                yield cell

        return values_to_row

    def append(self, title: str, row: list[Any]) -> None:
        """Add a row to a sheet made by :meth:`sheet`, as tall as its wrapped text."""
        ws = self.sheets[title]
        widths = self.column_widths.get(title)
        height = _row_points(row, widths, self._cell_type) if widths is not None else 0.0
        if height:
            _set_height(ws, self.rows[title] + 1, height, self.streaming)
        if not self._fast_rows:
            # openpyxl makes a formula of any plain text starting with "=": a piece of hidden JSON
            # (split at any character) could. Our row builder writes text as text; here, say so.
            row = [self._plain(title, v) for v in row]
        ws.append(row)
        self.rows[title] += 1
        if height and self.streaming:
            ws.row_dimensions.pop(self.rows[title], None)  # written: a streamed sheet keeps no rows
        if not self.streaming:
            # An ordinary sheet keeps the coordinate a link had when its cell was made (A1).
            for value in row:
                if isinstance(value, self._cell_type) and value._hyperlink is not None:
                    value._hyperlink.ref = value.coordinate

    def _plain(self, title: str, value: Any) -> Any:
        """A plain value as the cell our row builder makes of it (for openpyxl's own builder)."""
        if type(value) is str:
            return self._styled(title, value, self.st_quote if value.startswith("=") else self.st_wrap, "s")
        if type(value) is int or type(value) is float:
            return self._styled(title, value, self.st_wrap, "n")
        return value

    def _styled(self, title: str, value: Any, style: Any, data_type: str = "s") -> Any:
        # Built without Cell.__init__ and its value checks (the value is already escaped and
        # clipped): most of the time of a large workbook goes into making cells. The cell's sheet
        # must be the real one: openpyxl files a hyperlink with the cell's parent.
        cell = self._new(self._cell_type)
        cell.parent = self.sheets[title]
        cell._style = style
        cell.row = cell.column = 1
        cell._value = value
        cell.data_type = data_type
        cell._hyperlink = cell._comment = None
        return cell

    # --- cells ------------------------------------------------------------------------------

    def cell(self, title: str, kind: ColumnKind, value: Any) -> tuple[Any, bool]:
        """What to append for ``value`` in a column of ``kind``, and whether reading it back is exact.

        Plain text goes in as a plain value; a styled cell only where it needs a style.
        """
        if isinstance(value, str):
            if kind == "date":
                found = cells.date_cell(value)
                if found is not None:
                    return self._styled(title, found[0], self.st_date[found[1]], "d"), True
                is_exact = _text_date(value)
            else:
                is_exact = value != "" and kind != "list"
            text = cells.escape(value) if value else None
            if text is not None and not cells.fits(text):
                text, is_exact = cells.clip(text), False
        else:
            is_exact = kind == "list" and isinstance(value, list) and _plain_list(value)
            text = render(kind, value)
            if is_exact and text is not None and text.endswith(cells.TRUNCATED):
                is_exact = False
        if text is None:
            return None, False
        if text.startswith(cells.FORMULA_START):
            # A cell starting with "=" becomes a formula in Excel (formula injection), and "+", "-",
            # "@" do once a person edits the cell: force a text cell that keeps its quote prefix.
            return self._styled(title, text, self.st_wrap_quote, "s"), is_exact
        if kind in ("url", "email") and self.hyperlinks:
            # The one rule all writers share: http, https and mailto targets only.
            target = link_target(text, "email" if kind == "email" else "url")
            if target is not None and self._link_allowed(title):
                cell = self._styled(title, text, self.st_link, "s")
                cell.hyperlink = target
                return cell, is_exact
        return text, is_exact

    def _link_allowed(self, title: str) -> bool:
        count = self.links[title]
        if count == self.max_links:
            self.report.warn(
                "", f"sheet {title}: more than {self.max_links:,} links; the rest are plain text (option max_links)"
            )
        self.links[title] = count + 1
        return count < self.max_links

    def hidden(self, value: Any) -> str:
        """The hidden-column text for a JSON value; past a cell's size, a reference to chunks."""
        text = dumps_json(value)
        if len(text) <= CHUNK:
            return text
        self.chunks += 1
        key = f"@{self.chunks}"
        self.data_row([key, *(text[i : i + CHUNK] for i in range(0, len(text), CHUNK))])
        return key

    def data_row(self, row: list[Any]) -> None:
        """A row of the hidden sheet (created, hidden, with its marker row, on first use)."""
        if DATA_TITLE not in self.sheets:
            ws = self._create(DATA_TITLE)
            ws.sheet_state = "hidden"
            self.sheets[DATA_TITLE] = ws
            self.rows[DATA_TITLE] = 0
            self.append(
                DATA_TITLE,
                [MARKER, FORMAT_VERSION, "many" if self.many else "one", "Data the other sheets do not show."],
            )
        self.append(DATA_TITLE, row)

    # --- résumés ----------------------------------------------------------------------------

    def add(self, index: int, resume: Resume) -> None:
        """Write one résumé's rows into every sheet it has data for."""
        data = resume.to_data()
        rid: list[Any] = [index + 1] if self.many else []
        record: dict[str, Any] = {}
        top = {k: v for k, v in data.items() if k not in _SHOWN_TOP or not isinstance(v, (dict, list))}
        if top:
            record["top"] = top
        has: list[str] = []
        basics = data.get("basics")
        if isinstance(basics, dict):
            self._basics(basics, rid, record, has)
        for spec in SHEETS:
            container = _at(data, spec.path)
            if not isinstance(container, list):
                continue
            if not container:
                has.append("/".join(spec.path))
            for entry in container:
                self._entry(spec, entry, rid)
        if has:
            record["has"] = has
        if record:
            self.data_row([index + 1, self.hidden(record)])
        if self.many:
            self._overview(index, resume)

    def _basics(self, basics: dict[str, Any], rid: list[Any], record: dict[str, Any], has: list[str]) -> None:
        if not basics:
            has.append("basics")
        extra = {k: v for k, v in basics.items() if k not in _BASICS_KNOWN or not _shown(k, v)}
        if extra:
            record["basics"] = extra
        location = basics.get("location")
        if isinstance(location, dict):
            loc_extra = {k: v for k, v in location.items() if k not in _LOCATION_KNOWN}
            if loc_extra:
                record["location"] = loc_extra
            elif not location:
                has.append("basics/location")
        columns = (Column("field", FIELD_HEADER, width=16), Column("value", VALUE_HEADER, "long", 60))
        for path, label, kind in BASICS_ROWS:
            holder = basics if len(path) == 1 else location if isinstance(location, dict) else {}
            if path[-1] not in holder:
                continue
            value = holder[path[-1]]
            self.sheet(BASICS_TITLE, columns)
            shown, is_exact = self.cell(BASICS_TITLE, kind, value)
            self.append(BASICS_TITLE, [*rid, label, shown, None if is_exact else self.hidden({"v": value})])

    def _entry(self, spec: Sheet, entry: Any, rid: list[Any]) -> None:
        self.sheet(spec.title, spec.columns)
        row: list[Any] = [*rid]
        if not isinstance(entry, dict):
            row.extend([None] * len(spec.columns))
            row.append(self.hidden({"raw": entry}))
            self.append(spec.title, row)
            return
        shadow: dict[str, Any] = {}
        for col in spec.columns:
            if col.key not in entry:
                row.append(None)
                continue
            value = entry[col.key]
            shown, is_exact = self.cell(spec.title, col.kind, value)
            row.append(shown)
            if not is_exact:
                shadow[col.key] = value
        hidden: dict[str, Any] = {}
        unknown = {k: v for k, v in entry.items() if k not in _KNOWN[spec.title]}
        if unknown:
            hidden["x"] = unknown
        if shadow:
            hidden["s"] = shadow
        row.append(self.hidden(hidden) if hidden or not entry else None)
        self.append(spec.title, row)

    def _overview(self, index: int, resume: Resume) -> None:
        title = OVERVIEW_TITLE
        self.sheet(title, OVERVIEW_COLUMNS, data_column=False)
        b = resume.basics
        job = overview.latest_job(resume)
        years = experience_years(resume, self.as_of)
        texts = {
            "name": b.name if b else None,
            "label": b.label if b else None,
            "location": overview.location(resume),
            "email": b.email if b else None,
            "phone": b.phone if b else None,
            "source": self.sources[index] if index < len(self.sources) else None,
            "position": job.position if job else None,
            "employer": job.name if job else None,
            "degree": overview.highest_degree(resume),
            "languages": self._items(index, "Languages", "/languages", overview.languages(resume)),
            "skills": self._items(index, "Skills", "/skills", overview.skills(resume)),
        }
        row: list[Any] = [index + 1]
        for col in OVERVIEW_COLUMNS:
            if col.key == "years":
                row.append(self._styled(title, years, self.st_number, "n") if years is not None else None)
                continue
            value = texts[col.key]
            shown = self.cell(title, col.kind, value)[0] if value else None
            if value and not cells.fits(cells.escape(value)):
                self.report.warn(
                    f"/{index}",
                    f"Overview: the {col.header} cell holds {cells.MAX_CELL_CHARS:,} characters at most; "
                    "the rest of it is cut there (the other sheets hold it whole)",
                )
            row.append(shown)
        self.append(title, row)

    def _items(self, index: int, header: str, path: str, items: list[str]) -> str | None:
        """A list cell of whole items; the items past a cell's limit are named in the report."""
        text, cut = overview.join_fitting(items)
        if cut:
            shown = overview.SEPARATOR.join(cut)
            shown = shown if len(shown) <= 200 else shown[:200] + "…"
            self.report.warn(
                f"/{index}{path}",
                f"Overview: the {header} cell holds {cells.MAX_CELL_CHARS:,} characters at most; "
                f"{len(cut)} item(s) left out of it (the {header} sheet has them): {shown}",
            )
        return text or None

    # --- finishing ----------------------------------------------------------------------------

    def save(self, out: Any) -> None:
        """Put the sheets in their order, add autofilters, and save to a path or binary file."""
        if not any(t != DATA_TITLE for t in self.sheets):
            # A workbook needs a visible sheet: an empty résumé gets an empty Basics table.
            self.sheet(BASICS_TITLE, (Column("field", FIELD_HEADER), Column("value", VALUE_HEADER, "long", 60)))
        if DATA_TITLE not in self.sheets:
            self.data_row([])
        for title, ws in self.sheets.items():
            if title != DATA_TITLE:
                ws.auto_filter.ref = f"A1:{_letter(self.widths[title])}{self.rows[title]}"
        rank = {t: i for i, t in enumerate(_ORDER)}
        self.wb._sheets.sort(key=lambda ws: rank.get(ws.title, len(rank)))
        if self.many:
            self._properties()
        self.wb.save(out)

    def _properties(self) -> None:
        """The reference date in the workbook's properties: a custom ``asOf`` and the comments."""
        from openpyxl.packaging.custom import StringProperty

        day = self.as_of.isoformat()
        self.wb.custom_doc_props.append(StringProperty(name="asOf", value=day))
        self.wb.properties.description = f"Years of experience in the Overview are counted to {day}."


def _shown(key: str, value: Any) -> bool:
    """Whether the sheets show a known basics field (location and profiles only as containers)."""
    if key == "location":
        return isinstance(value, dict)
    if key == "profiles":
        return isinstance(value, list)
    return True


def _at(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = data
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _print_setup(ws: Any) -> None:
    """Landscape, the columns fitted to the page width, the header row on every page."""
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.25, footer=0.25)
    ws.oddFooter.center.text = "&A, page &P of &N"


def _row_points(row: list[Any], widths: list[float], cell_type: Any) -> float:
    """The height a row needs for its wrapped text, in points; 0 when one line is enough.

    Neither LibreOffice nor Excel fits row heights to wrapped text when opening a file, so a
    row without a height shows one line and its text runs over the rows below.
    """
    lines = 1
    for value, width in zip(row, widths, strict=False):
        if type(value) is cell_type:
            value = value._value
        if type(value) is str and width and (len(value) > width or "\n" in value):
            lines = max(lines, cells.wrapped_lines(value, width))
    return min(lines * LINE_POINTS, MAX_ROW_POINTS) if lines > 1 else 0.0


def _set_height(ws: Any, row: int, points: float, streaming: bool) -> None:
    if streaming:
        # openpyxl's streamed row writer takes a row's attributes from row_dimensions as they are.
        ws.row_dimensions[row] = {"ht": f"{points:g}", "customHeight": "1"}
    else:
        ws.row_dimensions[row].height = points


def write_book(
    resumes: Iterable[Resume],
    out: Any,
    *,
    many: bool,
    hyperlinks: bool = True,
    max_links: int = MAX_LINKS,
    as_of: dt.date | None = None,
    sources: tuple[str, ...] = (),
) -> Report:
    """Stream résumés into a workbook saved to ``out`` (a path or binary file); the report.

    The résumés are consumed one at a time (an iterator works): memory does not grow with them.
    ``as_of`` (default: today) is the day the Overview counts years of experience to;
    ``sources`` names each résumé's source, in order, in the Overview.
    """
    report = Report()
    book = Book(many=many, report=report, hyperlinks=hyperlinks, max_links=max_links, as_of=as_of, sources=sources)
    count = 0
    for i, resume in enumerate(resumes):
        book.add(i, resume)
        count += 1
    if not many and count != 1:
        raise ValueError("a one-résumé workbook needs exactly one résumé")
    book.save(out)
    return report
