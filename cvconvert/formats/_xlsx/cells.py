"""Cell values: text that survives Excel and XML exactly, lists in one cell, dates with a precision.

Nothing here imports openpyxl: these are pure functions on the values a cell holds.
"""

from __future__ import annotations

import datetime as dt
import re

from cvconvert import dates
from cvconvert.text import NOT_XML_CHARS

# Excel refuses longer cell text (and repairs the file); the full value goes to the hidden data.
MAX_CELL_CHARS = 32_767
TRUNCATED = "…[truncated; the full text is kept in this workbook]"

# What XML cannot hold (the shared rule; openpyxl refuses those C0 controls too) and on top of it
# CR, which XML parsers turn into LF, and ESC itself, so that escaping can be undone: each becomes
# ESC + 4 hex digits. Excel's own "_xHHHH_" escape is not used because openpyxl reads it back
# inconsistently (it drops "x005F_" from shared strings).
ESC = "\u241b"  # SYMBOL FOR ESCAPE: rare in résumés, visible when it appears
_UNSAFE = re.compile(f"[{NOT_XML_CHARS}\r{ESC}]")
_ESCAPED = re.compile(f"{ESC}({ESC}|[0-9A-F]{{4}})")

# Text starting with one of these is a formula (or becomes one when edited) in spreadsheet apps.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

BULLET = "•"
_INDENT = "  "


def escape(text: str) -> str:
    """Cell text for ``text``: unsafe characters (and ESC itself) written as ESC + hex."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: ESC + ESC if m[0] == ESC else f"{ESC}{ord(m[0]):04X}", text)


def unescape(text: str) -> str:
    """The text :func:`escape` was given; an ESC that starts no escape stays as it is."""
    if ESC not in text:
        return text
    return _ESCAPED.sub(lambda m: ESC if m[1] == ESC else chr(int(m[1], 16)), text)


def fits(text: str) -> bool:
    """True when the text fits in one cell."""
    return len(text) <= MAX_CELL_CHARS


def clip(text: str) -> str:
    """The cell text shown for text too long for a cell."""
    return text[: MAX_CELL_CHARS - len(TRUNCATED)] + TRUNCATED


def wrapped_lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a wrapping cell ``width`` characters wide.

    A column width counts the digit "0"; most letters are narrower, so a line holds about
    ``width`` characters, broken between words as a spreadsheet breaks them (a word longer than
    a line takes lines of its own). Paragraphs of more than three lines are estimated, not
    wrapped word by word.
    """
    per_line = max(1, int(width))
    return sum(_paragraph_lines(part, per_line) for part in text.split("\n"))


def _paragraph_lines(part: str, per_line: int) -> int:
    if len(part) <= per_line:
        return 1
    if len(part) > 3 * per_line:
        # Long text is estimated: breaking between words wastes about half a word a line.
        return -(-len(part) // max(1, per_line - 3))
    lines, used = 1, 0
    for word in part.split():
        size = len(word)
        if used and used + 1 + size <= per_line:
            used += 1 + size
            continue
        if used:
            lines += 1
        lines += (size - 1) // per_line
        used = size - (size - 1) // per_line * per_line
    return lines


def join_list(items: list[str]) -> str:
    """One item per line, each after a bullet; an item's own line breaks indent its next lines.

    ``["a", "b\\nc"]`` becomes ``"• a\\n• b\\n  c"``: readable, and :func:`split_list` gives the
    items back exactly, whatever characters they hold.
    """
    return "\n".join(f"{BULLET} " + item.replace("\n", "\n" + _INDENT) for item in items)


def split_list(text: str) -> list[str]:
    """The items of a list cell: ours (bullets) exactly, or a person's (one item per line)."""
    lines = text.split("\n")
    if not lines[0].startswith(BULLET):
        # Typed by a person: every non-blank line is an item; "a; b" on one line stays one item.
        return [line.strip() for line in lines if line.strip()]
    items: list[str] = []
    for line in lines:
        if line.startswith(BULLET):
            items.append(line[2:] if line.startswith(BULLET + " ") else line[1:])
        elif line.startswith(_INDENT) and items:
            items[-1] += "\n" + line[len(_INDENT) :]
        elif line.strip():
            items.append(line.strip())  # a line a person added without a bullet
    return items


# --- dates -----------------------------------------------------------------------------------

YEAR_FORMAT = "yyyy"
MONTH_FORMAT = "mmm yyyy"
DAY_FORMAT = "d mmm yyyy"

# Excel's 1900 date system starts in 1900 and counts a 29 February 1900 that never was: dates
# before March 1900 are written as ISO text instead.
FIRST_EXCEL_DATE = dt.date(1900, 3, 1)


def date_cell(value: str) -> tuple[dt.date, str] | None:
    """A real date and the number format that shows its precision, or None (keep it as text)."""
    try:
        parts = dates.parse(value)
        day = dt.date(parts.year, parts.month or 1, parts.day or 1)
    except ValueError:
        return None
    if day < FIRST_EXCEL_DATE:
        return None
    if parts.month is None:
        return day, YEAR_FORMAT
    if parts.day is None:
        return day, MONTH_FORMAT
    return day, DAY_FORMAT


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def precision(number_format: str | None) -> str:
    """``"year"``, ``"month"`` or ``"day"``: what a date cell's number format shows."""
    fmt = _QUOTED.sub("", (number_format or "").lower())
    if "d" in fmt:
        return "day"
    if "m" in fmt:
        return "month"
    if "y" in fmt or "e" in fmt:
        return "year"
    return "day"


def iso_from_date(value: dt.date, number_format: str | None) -> str:
    """The schema date for a date cell, at the precision its format shows."""
    kind = precision(number_format)
    if kind == "year":
        return f"{value.year:04d}"
    if kind == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
