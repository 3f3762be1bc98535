"""Which sheets and columns a résumé workbook has: one table per list section, Basics as rows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal["text", "long", "date", "list", "url", "email"]


@dataclass(frozen=True)
class Column:
    """A column of a section table: the model field, the header shown, how cells are written."""

    key: str
    header: str
    kind: ColumnKind = "text"
    width: float = 18


@dataclass(frozen=True)
class Sheet:
    """A table sheet: its title, the list it holds (``("basics", "profiles")`` for profiles)."""

    title: str
    path: tuple[str, ...]
    columns: tuple[Column, ...]


def _date(key: str, header: str) -> Column:
    return Column(key, header, "date", 12)


_URL = Column("url", "URL", "url", 30)
_SUMMARY = Column("summary", "Summary", "long", 50)
_HIGHLIGHTS = Column("highlights", "Highlights", "list", 50)
_KEYWORDS = Column("keywords", "Keywords", "list", 36)

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "Work",
        ("work",),
        (
            Column("name", "Company", width=24),
            Column("position", "Position", width=24),
            _date("startDate", "Start date"),
            _date("endDate", "End date"),
            Column("location", "Location"),
            _SUMMARY,
            _HIGHLIGHTS,
            Column("description", "Description", "long", 30),
            _URL,
        ),
    ),
    Sheet(
        "Volunteer",
        ("volunteer",),
        (
            Column("organization", "Organization", width=24),
            Column("position", "Position", width=24),
            _date("startDate", "Start date"),
            _date("endDate", "End date"),
            _SUMMARY,
            _HIGHLIGHTS,
            _URL,
        ),
    ),
    Sheet(
        "Education",
        ("education",),
        (
            Column("institution", "Institution", width=28),
            Column("area", "Area", width=24),
            Column("studyType", "Study type"),
            _date("startDate", "Start date"),
            _date("endDate", "End date"),
            Column("score", "Score", width=10),
            Column("courses", "Courses", "list", 36),
            _URL,
        ),
    ),
    Sheet(
        "Awards",
        ("awards",),
        (Column("title", "Title", width=28), _date("date", "Date"), Column("awarder", "Awarder", width=24), _SUMMARY),
    ),
    Sheet(
        "Certificates",
        ("certificates",),
        (Column("name", "Name", width=28), _date("date", "Date"), Column("issuer", "Issuer", width=24), _URL),
    ),
    Sheet(
        "Publications",
        ("publications",),
        (
            Column("name", "Name", width=32),
            Column("publisher", "Publisher", width=24),
            _date("releaseDate", "Release date"),
            _URL,
            _SUMMARY,
        ),
    ),
    Sheet("Skills", ("skills",), (Column("name", "Name", width=24), Column("level", "Level", width=14), _KEYWORDS)),
    Sheet(
        "Languages", ("languages",), (Column("language", "Language", width=20), Column("fluency", "Fluency", width=20))
    ),
    Sheet("Interests", ("interests",), (Column("name", "Name", width=24), _KEYWORDS)),
    Sheet(
        "References", ("references",), (Column("name", "Name", width=24), Column("reference", "Reference", "long", 60))
    ),
    Sheet(
        "Projects",
        ("projects",),
        (
            Column("name", "Name", width=24),
            Column("description", "Description", "long", 40),
            _HIGHLIGHTS,
            _KEYWORDS,
            _date("startDate", "Start date"),
            _date("endDate", "End date"),
            _URL,
            Column("roles", "Roles", "list", 24),
            Column("entity", "Entity"),
            Column("type", "Type", width=12),
        ),
    ),
    Sheet(
        "Profiles",
        ("basics", "profiles"),
        (Column("network", "Network"), Column("username", "Username", width=20), _URL),
    ),
)

BASICS_TITLE = "Basics"
OVERVIEW_TITLE = "Overview"
DATA_TITLE = "cvconvert"
"""The hidden sheet: what the other sheets do not show (unknown fields, meta, exact values)."""
MARKER = "cvconvert-xlsx"
FORMAT_VERSION = 1

ID_HEADER = "Résumé id"
DATA_HEADER = "cvconvert data"
FIELD_HEADER = "Field"
VALUE_HEADER = "Value"

# Basics rows: (field path, label); location fields live under basics.location.
BASICS_ROWS: tuple[tuple[tuple[str, ...], str, ColumnKind], ...] = (
    (("name",), "Name", "text"),
    (("label",), "Label", "text"),
    (("email",), "Email", "email"),
    (("phone",), "Phone", "text"),
    (("url",), "URL", "url"),
    (("image",), "Image", "url"),
    (("summary",), "Summary", "long"),
    (("location", "address"), "Address", "long"),
    (("location", "postalCode"), "Postal code", "text"),
    (("location", "city"), "City", "text"),
    (("location", "region"), "Region", "text"),
    (("location", "countryCode"), "Country code", "text"),
)

OVERVIEW_COLUMNS: tuple[Column, ...] = (
    Column("name", "Name", width=18),
    Column("label", "Label", width=15),
    Column("location", "Location", width=13),
    Column("email", "Email", "email", 30),
    Column("phone", "Phone", width=13),
    Column("source", "Source", width=16),
    Column("position", "Latest position", width=16),
    Column("employer", "Employer", width=15),
    Column("years", "Years of experience", width=10),
    Column("degree", "Highest degree", width=16),
    Column("languages", "Languages", "long", 16),
    Column("skills", "Skills", "long", 38),
)
"""What a screener filters on, one row per résumé (derived: reading ignores it but for the ids)."""


def norm(header: object) -> str:
    """A header as compared: lower case, letters and digits only (``"Start date"`` = ``startDate``)."""
    return re.sub(r"[\W_]+", "", str(header).casefold()) if header is not None else ""


def column_names(sheet: Sheet) -> dict[str, str]:
    """Header (normalised label or field key) -> field key."""
    names: dict[str, str] = {}
    for col in sheet.columns:
        names[norm(col.key)] = col.key
        names[norm(col.header)] = col.key
    return names


BY_TITLE: dict[str, Sheet] = {norm(s.title): s for s in SHEETS}
BASICS_BY_LABEL: dict[str, tuple[tuple[str, ...], ColumnKind]] = {
    **{norm(".".join(path)): (path, kind) for path, _, kind in BASICS_ROWS},
    **{norm(path[-1]): (path, kind) for path, _, kind in BASICS_ROWS},
    **{norm(label): (path, kind) for path, label, kind in BASICS_ROWS},
}
