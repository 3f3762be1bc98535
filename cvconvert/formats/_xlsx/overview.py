"""The Overview's cells: what a screener filters on, derived from a résumé (no openpyxl here).

Each function takes a :class:`Resume` and gives the text (or number) of one Overview column;
the writer puts them in cells. Nothing here is read back: the Overview is derived, and the
other sheets hold the résumé itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from cvconvert import dates
from cvconvert.formats._xlsx import cells
from cvconvert.model import Education, Resume, Work

SEPARATOR = "; "
"""Between the items of a list cell (skills, languages): ``;`` is rarer in a skill than ``,``."""


def location(resume: Resume) -> str | None:
    """``"City, CC"``: the city (the region when there is no city) and the country code."""
    loc = resume.basics.location if resume.basics is not None else None
    if loc is None:
        return None
    place = ", ".join(p for p in (loc.city or loc.region, loc.countryCode) if p)
    return place or None


def _month(value: str | None, *, last: bool) -> int | None:
    """A schema date as a month count (year * 12 + month - 1); a year alone is its first or last
    month; None for no date or one that is no schema date."""
    if not value:
        return None
    try:
        parts = dates.parse(value)
    except ValueError:
        return None
    month = parts.month or (12 if last else 1)
    return parts.year * 12 + month - 1


def latest_job(resume: Resume) -> Work | None:
    """The current job (started, no end date), else the one that ended last; in a tie, the one
    listed first (résumés list the latest first). Jobs with neither position nor employer are
    skipped."""
    best: Work | None = None
    best_key: tuple[bool, int] = (False, -1)
    for job in resume.work or ():
        if not (job.position or job.name):
            continue
        start = _month(job.startDate, last=False)
        end = _month(job.endDate, last=True)
        key = (start is not None and job.endDate is None, end if end is not None else start or -1)
        if best is None or key > best_key:
            best, best_key = job, key
    return best


def latest_position(resume: Resume) -> str | None:
    """ "Position, Company" of the latest job (see :func:`latest_job`)."""
    job = latest_job(resume)
    if job is None:
        return None
    return ", ".join(p for p in (job.position, job.name) if p)


def experience_years(resume: Resume, as_of: dt.date | None = None) -> float | None:
    """Years covered by the jobs' date ranges up to ``as_of`` (default: today), to one decimal.

    Months are counted whole: a job runs from the first month of its start date to the last
    month of its end date (``2019`` starts in January, ends in December); a job with no end date
    runs to the month of ``as_of``, and nothing after that month counts. Overlapping jobs are
    merged, so two jobs at once count once. Jobs without a start date are left out. None when no
    job has a date range.
    """
    now = as_of or dt.date.today()
    cap = now.year * 12 + now.month  # the first month after as_of's month
    spans: list[tuple[int, int]] = []
    for job in resume.work or ():
        start = _month(job.startDate, last=False)
        if start is None:
            continue
        end = _month(job.endDate, last=True) if job.endDate else cap - 1
        if end is None:
            continue
        stop = min(end + 1, cap)
        if stop > start:
            spans.append((start, stop))
    if not spans:
        return None
    return round(_merged_months(spans) / 12, 1)


def _merged_months(spans: list[tuple[int, int]]) -> int:
    """Months covered by half-open month ranges, overlaps counted once."""
    spans.sort()
    months, (lo, hi) = 0, spans[0]
    for a, b in spans[1:]:
        if a > hi:
            months += hi - lo
            lo, hi = a, b
        else:
            hi = max(hi, b)
    return months + hi - lo


# Degree levels by the words a study type uses, per language; 0 is "not known" (the study type
# is still shown when no entry has a known level). Words are matched whole, dots removed.
_LEVELS: dict[int, dict[str, tuple[str, ...]]] = {
    5: {
        "en": ("phd", "doctorate", "doctor", "dphil", "edd", "md"),
        "de": ("doktor", "promotion", "dr"),
        "fr": ("doctorat", "docteur"),
        "es": ("doctorado", "doctora"),
        "it": ("dottorato",),
        "pt": ("doutorado", "doutoramento"),
        "zh": ("博士",),
        "ko": ("박사",),
        "ja": ("博士",),
    },
    4: {
        "en": ("master", "masters", "msc", "ma", "mba", "meng", "mphil", "llm", "ms", "mres", "mfa"),
        "de": ("diplom", "magister"),
        "fr": ("mastère", "dea", "dess", "ingénieur"),
        "es": ("máster", "maestría", "magíster"),
        "it": ("magistrale",),
        "pt": ("mestrado",),
        "ru": ("магистр", "специалист"),
        "zh": ("硕士", "研究生"),
        "ko": ("석사",),
        "ja": ("修士",),
    },
    3: {
        "en": ("bachelor", "bachelors", "bsc", "ba", "bs", "beng", "btech", "be", "llb", "bba", "bfa", "undergraduate"),
        "fr": ("licence",),
        "es": ("licenciatura", "licenciado", "grado"),
        "it": ("laurea",),
        "pt": ("bacharelado", "licenciatura"),
        "ru": ("бакалавр",),
        "zh": ("学士", "本科"),
        "ko": ("학사",),
        "ja": ("学士",),
    },
    2: {
        "en": ("associate", "diploma", "hnd", "foundation"),
        "fr": ("dut", "bts"),
        "zh": ("大专", "专科"),
    },
    1: {
        "en": ("high school", "secondary", "ged", "a-levels", "a-level"),
        "de": ("abitur",),
        "fr": ("baccalauréat",),
        "es": ("bachillerato",),
        "zh": ("高中",),
    },
}
_WORD_LEVEL = {word: level for level, langs in _LEVELS.items() for words in langs.values() for word in words}
_SPACED = [(w, lv) for w, lv in _WORD_LEVEL.items() if " " in w or not w.isascii()]
_WORD = re.compile(r"[\w-]+")


def degree_level(study_type: str) -> int:
    """0 (not known) to 5 (doctorate) for a study type: ``"M.Sc."`` is 4, ``"Bachelor of Arts"`` 3."""
    text = study_type.casefold().replace(".", "")
    level = max((_WORD_LEVEL.get(w, 0) for w in _WORD.findall(text)), default=0)
    # Phrases, and scripts written without spaces between words, are found inside the text.
    return max([level, *(lv for w, lv in _SPACED if w in text)])


def highest_degree(resume: Resume) -> str | None:
    """ "Study type, area" of the highest degree; among equals (or none known), the latest."""
    best: Education | None = None
    best_key: tuple[int, int, int] = (-1, -1, 0)
    for i, school in enumerate(resume.education or ()):
        if not (school.studyType or school.area):
            continue
        end = _month(school.endDate, last=True) or _month(school.startDate, last=False) or -1
        key = (degree_level(school.studyType or ""), end, -i)
        if key > best_key:
            best, best_key = school, key
    if best is None:
        return None
    return ", ".join(p for p in (best.studyType, best.area) if p)


def languages(resume: Resume) -> list[str]:
    """``"English (native)"`` per language, in the résumé's order."""
    found = []
    for lang in resume.languages or ():
        name = _one_line(lang.language)
        fluency = _one_line(lang.fluency)
        if name and fluency:
            found.append(f"{name} ({fluency})")
        elif name or fluency:
            found.append(name or fluency)
    return found


def skills(resume: Resume) -> list[str]:
    """Every skill keyword once (the first spelling, compared without case), in the résumé's
    order; a group with no keywords gives its name instead, as the one word it has."""
    seen: set[str] = set()
    found: list[str] = []
    for group in resume.skills or ():
        words = [w for w in (_one_line(k) for k in group.keywords or ()) if w]
        if not words:
            name = _one_line(group.name)
            words = [name] if name else []
        for word in words:
            key = word.casefold()
            if key not in seen:
                seen.add(key)
                found.append(word)
    return found


def _one_line(text: str | None) -> str:
    """Whitespace runs (line breaks too) as one space: a filter cannot type a line break."""
    return " ".join(text.split()) if text else ""


def join_fitting(items: Iterable[str], limit: int = cells.MAX_CELL_CHARS) -> tuple[str, list[str]]:
    """The items joined with :data:`SEPARATOR`, whole items only, within ``limit`` characters
    once escaped for a cell; and the items that did not fit."""
    shown: list[str] = []
    cut: list[str] = []
    size = 0
    for item in items:
        extra = len(cells.escape(item)) + (len(SEPARATOR) if shown else 0)
        if cut or size + extra > limit:
            cut.append(item)
            continue
        shown.append(item)
        size += extra
    return SEPARATOR.join(shown), cut
