"""Code lists and values both Europass dialects share: countries (ISO 3166-1), languages (ISO 639),
dates and EQF levels.
"""

from __future__ import annotations

from dataclasses import dataclass

from cvconvert import dates
from cvconvert.report import Report

# --- countries (ISO 3166-1) and languages (ISO 639) ------------------------------------------


EUROPASS_COUNTRIES = {"UK": "GB", "EL": "GR"}
"""Europass spellings of two ISO 3166 codes, and the codes they stand for."""


def read_country(code: str | None, where: str, report: Report) -> str | None:
    """A country code read from a file: its ISO 3166 form, or None with a loss at ``where``."""
    if code is None:
        return None
    found = country_code(code)
    if found is None:
        report.lost(where, f"'{code}' is not an ISO 3166 code")
    return found


def country_code(value: str) -> str | None:
    """The ISO 3166-1 alpha-2 code (upper case) for a code or an English country name, or None."""
    import pycountry

    text = value.strip()
    if not text:
        return None
    if text.upper() in EUROPASS_COUNTRIES:
        return EUROPASS_COUNTRIES[text.upper()]
    try:
        found = pycountry.countries.lookup(text)
    except LookupError:
        return None
    return str(found.alpha_2)


def country_name(code: str) -> str | None:
    """The English short name of an alpha-2 code, or None."""
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return str(found.name) if found is not None else None


def split_place(location: str) -> tuple[str | None, str | None]:
    """``"Lyon, France"`` -> ("Lyon", "FR"), ``"Japan"`` -> (None, "JP"): only when it reads back the same."""
    whole = country_code(location) if location and location == location.strip() else None
    if whole is not None and country_name(whole) == location:
        return None, whole
    city, sep, country = location.rpartition(", ")
    if not sep or not city:
        return location, None
    code = country_code(country)
    if code is None or country_name(code) != country:
        return location, None
    return city, code


def join_place(city: str | None, code: str | None) -> str | None:
    """The one-line place from a city and a country code."""
    name = country_name(code) if code else None
    if city is not None and name:
        return f"{city}, {name}"
    return city if city is not None else name


@dataclass(frozen=True)
class LanguageCodes:
    """One language's ISO 639 codes and English name."""

    name: str
    alpha_2: str | None
    alpha_3: str
    bibliographic: str | None


def language_by_name(name: str) -> LanguageCodes | None:
    """The ISO 639 language whose English name is exactly ``name``."""
    import pycountry

    found = pycountry.languages.get(name=name)
    if found is None or found.name != name:
        return None
    return LanguageCodes(
        found.name, getattr(found, "alpha_2", None), found.alpha_3, getattr(found, "bibliographic", None)
    )


def language_by_code(code: str) -> str | None:
    """The English name of an ISO 639-1, 639-2/B or 639-3 code, or None."""
    import pycountry

    code = code.strip().lower()
    for key in ("alpha_2", "bibliographic", "alpha_3"):
        try:
            found = pycountry.languages.get(**{key: code})
        except KeyError:
            found = None
        if found is not None:
            return str(found.name)
    return None


# --- dates ---------------------------------------------------------------------------------


def date_parts(value: str) -> dates.DateParts | None:
    """The parts of a schema date when it is a real calendar date (month 1-12, day 1-31)."""
    try:
        parts = dates.parse(value)
    except ValueError:
        return None
    if parts.month is not None and not 1 <= parts.month <= 12:
        return None
    if parts.day is not None and not 1 <= parts.day <= 31:
        return None
    return parts


# EQF levels for the study types whose level is clear (the same table reads and writes).
_EQF_WORDS = (
    ("doctor", "8"),
    ("phd", "8"),
    ("ph.d", "8"),
    ("master", "7"),
    ("msc", "7"),
    ("m.sc", "7"),
    ("mba", "7"),
    ("bachelor", "6"),
    ("bsc", "6"),
    ("b.sc", "6"),
    ("licence", "6"),
    ("associate", "5"),
)


def eqf_guess(study_type: str | None) -> str | None:
    """The EQF level a study type names ("Master of Science" -> "7"), or None."""
    low = (study_type or "").lower()
    return next((level for word, level in _EQF_WORDS if word in low), None)
