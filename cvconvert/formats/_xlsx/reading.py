"""Read workbooks: ours (the sheets are the truth, the hidden data fills in what they cannot show)
and, best effort, other people's candidate lists (one résumé per row).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import threading
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from cvconvert import dates, limits
from cvconvert._deps import requires_extra
from cvconvert._input import check_inflated_sizes, open_zip, read_member
from cvconvert.errors import InvalidInputError, LimitExceededError
from cvconvert.formats._xlsx import cells
from cvconvert.formats._xlsx.layout import (
    BASICS_BY_LABEL,
    BASICS_TITLE,
    BY_TITLE,
    DATA_HEADER,
    DATA_TITLE,
    FIELD_HEADER,
    ID_HEADER,
    MARKER,
    OVERVIEW_TITLE,
    VALUE_HEADER,
    ColumnKind,
    Sheet,
    column_names,
    norm,
)
from cvconvert.formats._xlsx.writing import render
from cvconvert.namespaces import SHEET
from cvconvert.report import Report, pointer

# A sheet whose rows go on blank past this many is taken to have ended: formatting can make
# a used range of a million empty rows, and reading them all would take long for nothing.
MAX_BLANK_RUN = 1_000
MAX_COLUMNS = 512
_ABSENT: Any = object()
_ID_NAMES = frozenset({norm(ID_HEADER), "resumeid", "id", "resume"})


def open_book(data: bytes) -> Any:
    """The workbook, read-only and with cached values for formulas; InvalidInputError if not one."""
    if not data:
        raise InvalidInputError("empty file (0 bytes), not an Excel workbook")
    # Checks every member's declared size before anything is inflated (zip bombs).
    package = open_zip(data, "workbook")
    names = set(package.namelist())
    check_inflated_sizes(package)  # openpyxl reads whole members itself
    _check_parts(package)
    package.close()
    if "xl/workbook.xml" not in names and not any(n.endswith("/workbook.xml") for n in names):
        raise InvalidInputError("not an Excel workbook (no xl/workbook.xml in the package)")
    with requires_extra("xlsx"):
        from openpyxl import load_workbook
    try:
        with warnings.catch_warnings(), _bounded_size_scan():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            # keep_vba=False: macros in an .xlsm are neither kept nor run; only cell values are read.
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_vba=False, keep_links=False)
    except InvalidInputError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for damaged packages
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InvalidInputError(f"damaged Excel workbook ({type(exc).__name__}: {detail[:200]})") from None


# openpyxl parses every part but the sheets whole, into trees and then objects, before the first
# cell is read: a 150 kB workbook whose styles part held a million cell formats took 1.4 GB and
# 20 s. Real workbooks have a few thousand elements in each such part (styles, workbook,
# relationships, properties, chart sheets). Shared strings are streamed but all kept in a list:
# they are bounded like any XML document (4 million took 680 MB and 33 s).
MAX_PART_ELEMENTS = 100_000


def _check_parts(package: zipfile.ZipFile) -> None:
    """Count the elements of each XML part openpyxl reads whole; LimitExceededError past the bound."""
    lim = limits.current()
    for name in package.namelist():
        lower = name.lower()
        sheet = lower.startswith("xl/worksheets/") and "/_rels/" not in lower
        if sheet or not lower.endswith((".xml", ".rels")):
            continue  # read-only sheets are streamed row by row; other members are not parsed
        most = lim.max_xml_nodes if lower.endswith("sharedstrings.xml") else min(MAX_PART_ELEMENTS, lim.max_xml_nodes)
        part = read_member(package, name)
        if part.count(b"<") > most:  # every element starts with "<": fewer cannot be too many
            _count_elements(part, most, name)


class _TooMany(Exception):
    pass


class _Counter:
    """An lxml parser target that builds no tree and stops past ``most`` elements."""

    def __init__(self, most: int) -> None:
        self.most, self.count = most, 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.count += 1
        if self.count > self.most:
            raise _TooMany

    def close(self) -> None:
        return None


def _count_elements(data: bytes, most: int, name: str) -> None:
    from lxml import etree

    parser = etree.XMLParser(
        target=_Counter(most), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        for start in range(0, len(data), 2**20):
            parser.feed(data[start : start + 2**20])
        parser.close()
    except _TooMany:
        raise LimitExceededError(f"{name} has more than {most:,} elements") from None
    except etree.XMLSyntaxError:
        return  # not well-formed: openpyxl says so in its own words


_SIZE_SCAN_LOCK = threading.Lock()


@contextmanager
def _bounded_size_scan() -> Iterator[None]:
    """While a workbook loads, make openpyxl's read-only sheets stop looking for <dimension>
    where the cells begin; the original method is back afterwards (other users of openpyxl in
    the process are not affected).

    openpyxl (3.1) looks for a sheet's <dimension> with "end" events, and <sheetData> ends at the
    end of the sheet: a sheet without a <dimension> (a million rows) was parsed whole before any
    row was read. This reads the same element and stops at the start of <sheetData>. Read-only
    sheets call it once, from their constructor, which runs inside load_workbook.
    """
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.xml.functions import iterparse

    dimension, sheet_data = f"{{{SHEET}}}dimension", f"{{{SHEET}}}sheetData"

    def get_size(self: Any) -> None:
        src = self._get_source()
        try:
            for _, element in iterparse(src, events=("start",)):
                if element.tag == dimension:
                    boundaries = SheetDimension.from_tree(element).boundaries
                    self._min_column, self._min_row, self._max_column, self._max_row = boundaries
                    return
                if element.tag == sheet_data:
                    return
        finally:
            src.close()

    with _SIZE_SCAN_LOCK:
        original = ReadOnlyWorksheet.__dict__["_get_size"]
        ReadOnlyWorksheet._get_size = get_size
        try:
            yield
        finally:
            ReadOnlyWorksheet._get_size = original


def rows(ws: Any) -> Iterator[list[Any]]:
    """Each row's cells (blank rows skipped), within the limits; LimitExceededError past them."""
    lim = limits.current()
    seen = 0
    blank = 0
    try:
        ws.reset_dimensions()  # a declared used range can be huge; read the cells that are there
    except AttributeError:
        pass
    for row in ws.iter_rows():
        cells_ = list(row[:MAX_COLUMNS])
        if all(c.value is None or c.value == "" for c in cells_):
            blank += 1
            if blank > MAX_BLANK_RUN:
                return
            continue
        blank = 0
        seen += 1
        if seen > lim.max_entries + 10:
            raise LimitExceededError(f"sheet {ws.title!r} has more than {lim.max_entries:,} rows (limit)")
        yield cells_


def text_of(value: Any, number_format: str | None = None) -> str | None:
    """A cell value as text (numbers without a trailing ".0", dates as ISO), None when empty."""
    if value is None:
        return None
    if isinstance(value, str):
        return cells.unescape(value) if value != "" else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return cells.iso_from_date(value.date(), number_format)
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return cells.iso_from_date(value, number_format)
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)


def decode(kind: ColumnKind, cell: Any, shadow: dict[str, Any], key: str) -> Any:
    """A field's value from its cell; the hidden exact value when the cell still shows it."""
    value = cell.value if cell is not None else None
    if value == "":
        value = None
    if key in shadow:
        shown = render(kind, shadow[key])
        if (value if isinstance(value, str) or value is None else _ABSENT) == shown:
            return shadow[key]
    if value is None:
        return _ABSENT
    if kind == "list":
        if isinstance(value, str):
            return cells.split_list(cells.unescape(value))
        text = text_of(value)
        return [text] if text is not None else _ABSENT
    if kind == "date":
        return _date(value, getattr(cell, "number_format", None))
    return text_of(value, getattr(cell, "number_format", None))


def _date(value: Any, number_format: str | None) -> Any:
    if isinstance(value, dt.datetime):
        return cells.iso_from_date(value.date(), number_format)
    if isinstance(value, dt.date):
        return cells.iso_from_date(value, number_format)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1000 <= value <= 2999 and float(value).is_integer():
            return str(int(value))  # a year typed as a number
        try:
            from openpyxl.utils.datetime import from_excel

            day = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            return str(value)
        if isinstance(day, dt.datetime):
            return cells.iso_from_date(day.date(), "d")
        return str(value)
    text = text_of(value)
    if text is None:
        return _ABSENT
    return text.strip() if dates.is_iso(text.strip()) else text  # load_resume repairs the rest


def _hidden(text: Any, chunks: dict[str, str], report: Report, where: str) -> dict[str, Any]:
    if not isinstance(text, str) or not text.strip():
        return {}
    raw = chunks.get(text.strip(), "") if text.startswith("@") else text
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        report.lost(where, "the hidden cvconvert data of this row is damaged; not read")
        return {}
    return value if isinstance(value, dict) else {}


def _rid(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None


class Ours:
    """Reads a workbook this module wrote, after whatever edits a person made to it."""

    def __init__(self, book: Any, report: Report) -> None:
        self.book = book
        self.report = report
        self.many = False
        self.marked = False
        """True when the hidden sheet with cvconvert's marker was found."""
        self.chunks: dict[str, str] = {}
        self.records: dict[str, str] = {}
        self.data: dict[str, dict[str, Any]] = {}

    def resume(self, rid: str | None) -> dict[str, Any]:
        key = rid if self.many and rid is not None else ""
        return self.data.setdefault(key, {})

    def read(self) -> list[dict[str, Any]]:
        by_title = {norm(ws.title): ws for ws in self.book.worksheets}
        data_ws = by_title.get(norm(DATA_TITLE))
        if data_ws is not None:
            self._data_sheet(data_ws)
        else:
            self.many = any(norm(c.value) in _ID_NAMES for ws in self.book.worksheets for c in next(rows(ws), []))
        for ws in self.book.worksheets:
            title = norm(ws.title)
            if title in (norm(DATA_TITLE),):
                continue
            if title == norm(BASICS_TITLE):
                self._basics(ws)
            elif title in BY_TITLE:
                self._table(ws, BY_TITLE[title])
            elif title == norm(OVERVIEW_TITLE):
                self._overview(ws)
            else:
                self.report.lost("", f"sheet {ws.title!r} is not a résumé sheet of cvconvert; not read")
        for rid, text in self.records.items():
            self._record(self.resume(rid), _hidden(text, self.chunks, self.report, ""))
        if not self.many:
            return [self.data.get("", {})]
        keys = sorted(self.data, key=lambda k: (0, int(k), "") if k.isdigit() else (1, 0, k))
        return [self.data[k] for k in keys]

    def _data_sheet(self, ws: Any) -> None:
        for i, row in enumerate(rows(ws)):
            values = [c.value for c in row]
            if i == 0 and values and values[0] == MARKER:
                self.marked = True
                self.many = len(values) > 2 and values[2] == "many"
                continue
            key = _rid(values[0]) if values else None
            text = "".join(v for v in values[1:] if isinstance(v, str))
            if key is None:
                continue
            if key.startswith("@"):
                self.chunks[key] = text
            else:
                self.records[key] = text
                self.resume(key)

    def _record(self, data: dict[str, Any], rec: dict[str, Any]) -> None:
        for key, value in (rec.get("top") or {}).items():
            if key not in data:
                data[key] = value
        for key, value in (rec.get("basics") or {}).items():
            basics = data.setdefault("basics", {})
            if isinstance(basics, dict) and key not in basics:
                basics[key] = value
        for key, value in (rec.get("location") or {}).items():
            basics = data.setdefault("basics", {})
            location = basics.setdefault("location", {}) if isinstance(basics, dict) else None
            if isinstance(location, dict) and key not in location:
                location[key] = value
        for path in rec.get("has") or ():
            holder: Any = data
            parts = str(path).split("/")
            for part in parts[:-1]:
                holder = holder.setdefault(part, {}) if isinstance(holder, dict) else None
            if isinstance(holder, dict) and parts[-1] not in holder:
                holder[parts[-1]] = {} if parts[-1] in ("basics", "location") else []

    def _header(
        self, ws: Any, wanted: dict[str, str]
    ) -> tuple[dict[int, str], int | None, int | None, Iterator[list[Any]]]:
        """Column index -> field key, the id and hidden-data columns, and the data rows."""
        it = rows(ws)
        for head in it:
            names = [norm(c.value) for c in head]
            if not any(n in wanted for n in names):
                continue
            fields: dict[int, str] = {}
            rid = data = None
            for i, (cell, name) in enumerate(zip(head, names, strict=False)):
                if name in _ID_NAMES and rid is None and self.many:
                    rid = i
                elif name == norm(DATA_HEADER):
                    data = i
                elif name in wanted and wanted[name] not in fields.values():
                    fields[i] = wanted[name]
                elif name:
                    fields[i] = "\0" + str(cell.value).strip()  # a column a person added
                    self.report.warn(
                        "",
                        f"column {str(cell.value)!r} of sheet {ws.title!r} is no résumé field; "
                        "its cells are kept as unknown fields",
                    )
            return fields, rid, data, it  # the rows below, still streaming
        self.report.lost("", f"sheet {ws.title!r} has no header row cvconvert knows; not read")
        return {}, None, None, iter(())

    def _row(
        self, ws: Any, row: list[Any], rid_col: int | None, data_col: int | None
    ) -> tuple[str | None, dict[str, Any]] | None:
        """A data row's résumé id and hidden data; None (with a warning) for a row of a
        workbook of many résumés that has no id."""
        rid = _rid(row[rid_col].value) if rid_col is not None and rid_col < len(row) else None
        if self.many and rid is None:
            self.report.lost("", f"a row of sheet {ws.title!r} has no résumé id; not read")
            return None
        data = row[data_col].value if data_col is not None and data_col < len(row) else None
        return rid, _hidden(data, self.chunks, self.report, "")

    def _basics(self, ws: Any) -> None:
        wanted = {norm(FIELD_HEADER): "field", norm(VALUE_HEADER): "value"}
        fields, rid_col, data_col, body = self._header(ws, wanted)
        inverse = {v: k for k, v in fields.items()}
        if "field" not in inverse or "value" not in inverse:
            return
        for row in body:
            if (start := self._row(ws, row, rid_col, data_col)) is None:
                continue
            rid, hidden = start
            label = row[inverse["field"]].value if inverse["field"] < len(row) else None
            cell = row[inverse["value"]] if inverse["value"] < len(row) else None
            found = BASICS_BY_LABEL.get(norm(label))
            basics = self.resume(rid).setdefault("basics", {})
            if found is None:
                if label is None:
                    continue
                value = text_of(cell.value if cell is not None else None)
                if value is not None:
                    key = str(label).strip()
                    basics[key] = value
                    self.report.warn(pointer("basics", key), f"row {key!r} is no Basics field; kept as unknown")
                continue
            path, kind = found
            value = decode(kind, cell, {"v": hidden["v"]} if "v" in hidden else {}, "v")
            if value is _ABSENT:
                continue
            holder = basics if len(path) == 1 else basics.setdefault(path[0], {})
            holder[path[-1]] = value

    def _table(self, ws: Any, spec: Sheet) -> None:
        fields, rid_col, data_col, body = self._header(ws, column_names(spec))
        kinds = {c.key: c.kind for c in spec.columns}
        for row in body:
            if (start := self._row(ws, row, rid_col, data_col)) is None:
                continue
            rid, hidden = start
            entry: Any = {}
            found = hidden.get("s")
            shadow: dict[str, Any] = found if isinstance(found, dict) else {}
            for i, key in fields.items():
                cell = row[i] if i < len(row) else None
                if key.startswith("\0"):
                    value = text_of(cell.value if cell is not None else None, getattr(cell, "number_format", None))
                    if value is not None:
                        entry[key[1:]] = value
                    continue
                value = decode(kinds[key], cell, shadow, key)
                if value is not _ABSENT:
                    entry[key] = value
            for key, value in (hidden.get("x") or {}).items():
                entry.setdefault(key, value)
            if not entry and "raw" in hidden:
                entry = hidden["raw"]
            holder = self.resume(rid)
            for part in spec.path[:-1]:
                holder = holder.setdefault(part, {})
            holder.setdefault(spec.path[-1], []).append(entry)

    def _overview(self, ws: Any) -> None:
        # The overview is a summary made from the other sheets; only its ids count (an empty résumé).
        if not self.many:
            return
        for i, row in enumerate(rows(ws)):
            if i and row and (rid := _rid(row[0].value)) is not None:
                self.resume(rid)


def is_ours(book: Any) -> bool:
    """True when the workbook has cvconvert's hidden sheet or its sheet names."""
    titles = {norm(ws.title) for ws in book.worksheets}
    return norm(DATA_TITLE) in titles or bool(titles & ({norm(BASICS_TITLE)} | set(BY_TITLE)))
