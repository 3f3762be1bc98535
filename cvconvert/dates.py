"""Partial ISO dates (``2021``, ``2021-07``, ``2021-07-15``): parsing what people write.

The model stores dates as the schema's strings; this module reads and writes them for formats
that need the parts, and repairs the common ways people spell them in tolerant mode.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cvconvert.model import DATE_PATTERN

_ISO = re.compile(DATE_PATTERN)
_LOOSE_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$")
_MY = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4}),?\s+([A-Za-z]+)\.?$")

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

# What people write in an end date to say "still going": it means the same as no end date.
PRESENT_WORDS = frozenset(
    {
        "",
        "present",
        "now",
        "current",
        "currently",
        "ongoing",
        "today",
        "till date",
        "to date",
        "to present",
        "heute",
        "aktuell",
        "jetzt",
        "bis heute",
        "andauernd",
        "aujourd'hui",
        "actuel",
        "actuellement",
        "présent",
        "en cours",
        "presente",
        "actualidad",
        "actual",
        "atual",
        "o momento",
        "oggi",
        "attuale",
        "heden",
        "nu",
        "至今",
        "现在",
        "目前",
        "今",
        "現在",
        "н.в.",
        "по настоящее время",
        "настоящее время",
    }
)


class DateParts(NamedTuple):
    """A parsed partial date; ``month`` and ``day`` are None when not given."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """The schema spelling, at the precision held."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def parse(value: str) -> DateParts:
    """Split a schema date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``); ValueError otherwise."""
    if not _ISO.match(value):
        raise ValueError(f"not a partial ISO date: {value!r}")
    parts = [int(p) for p in value.split("-")]
    return DateParts(*parts)


def _valid(y: int, m: int | None = None, d: int | None = None) -> DateParts | None:
    if not 1000 <= y <= 2999 or (m is not None and not 1 <= m <= 12):
        return None
    if d is not None and not 1 <= d <= 31:
        return None
    return DateParts(y, m, d)


def repair(value: object) -> DateParts | None:
    """Read a date as people write it (``2019-1``, ``07/2025``, ``May 2014``, ``2019``).

    Returns None when the text is no date this function knows; day-first is assumed for
    ``dd/mm/yyyy`` unless the numbers rule it out.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _valid(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _ISO.match(text):
        return parse(text)
    if m := _DATETIME.match(text):
        return parse(m.group(1))
    if m := _LOOSE_YMD.match(text):
        return _valid(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    if m := _MY.match(text):
        return _valid(int(m[2]), int(m[1]))
    if m := _DMY.match(text):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        return _valid(y, a, b) if b > 12 else _valid(y, b, a)
    if m := _MONTH_YEAR.match(text):
        month = MONTHS.get(m[1].lower())
        return _valid(int(m[2]), month) if month else None
    if m := _YEAR_MONTH.match(text):
        month = MONTHS.get(m[2].lower())
        return _valid(int(m[1]), month) if month else None
    return None


def means_present(value: object) -> bool:
    """True for end-date words such as "Present", "now", "至今" or an empty string."""
    return isinstance(value, str) and value.strip().lower().rstrip(".") in PRESENT_WORDS


def is_iso(value: str) -> bool:
    """True when ``value`` is already a schema date."""
    return _ISO.match(value) is not None
