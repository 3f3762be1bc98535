"""Dates as people write them in CVs: ranges, single dates and month names in many languages.

:func:`find_dates` is the one question the other rules ask; within :func:`language_hint` it
also knows that language's month names (from CLDR through Babel), for that call only;
:func:`_without_dates` gives the text of a line with its dates taken out.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from cvconvert._deps import requires_extra
from cvconvert.extract.lines import _strip_bullet

# Month names in the languages CVs come in; matched by stem, so "Sept.", "févr.", "марта" work.
# fmt: off
_MONTH_NAMES = (
    ("january", "januar", "jänner", "janvier", "enero", "janeiro", "gennaio", "januari", "январь", "января"),
    ("february", "februar", "février", "febrero", "fevereiro", "febbraio", "februari", "февраль", "февраля"),
    ("march", "märz", "mars", "marzo", "março", "maart", "март", "марта"),
    ("april", "avril", "abril", "aprile", "апрель", "апреля"),
    ("may", "mai", "mayo", "maio", "maggio", "mei", "май", "мая"),
    ("june", "juni", "juin", "junio", "junho", "giugno", "июнь", "июня"),
    ("july", "juli", "juillet", "julio", "julho", "luglio", "июль", "июля"),
    ("august", "août", "agosto", "augustus", "август", "августа"),
    ("september", "septembre", "septiembre", "setiembre", "setembro", "settembre", "сентябрь", "сентября"),
    ("october", "oktober", "octobre", "octubre", "outubro", "ottobre", "октябрь", "октября"),
    ("november", "novembre", "noviembre", "novembro", "ноябрь", "ноября"),
    ("december", "dezember", "décembre", "diciembre", "dezembro", "dicembre", "декабрь", "декабря"),
)
# fmt: on


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


_MONTH_STEMS: dict[str, int] = {}
for _i, _names in enumerate(_MONTH_NAMES, start=1):
    for _name in _names:
        _MONTH_STEMS.setdefault(_fold(_name)[:3], _i)
_MONTH_FULL = {_fold(n): i for i, names in enumerate(_MONTH_NAMES, start=1) for n in names}


# The language hint of the extraction under way: per call (a context variable), never the
# process's, so that a file's result does not depend on the files read before it in a batch.
_HINT: ContextVar[str] = ContextVar("cvconvert_extract_language", default="")


@contextmanager
def language_hint(lang: str | None) -> Iterator[None]:
    """Within the block, :func:`month_of` also knows the month names of ``lang`` (from CLDR)."""
    token = _HINT.set((lang or "").strip().replace("-", "_").split("_")[0].casefold())
    try:
        yield
    finally:
        _HINT.reset(token)


@functools.cache
def _cldr_months(code: str) -> dict[str, int]:
    """The month names of one language from CLDR (through Babel), folded; empty when unknown."""
    if not code:
        return {}
    with requires_extra("docx"):
        from babel.core import UnknownLocaleError
        from babel.dates import get_month_names

    found: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            try:
                names = get_month_names(width, context, locale=code)
            except (UnknownLocaleError, ValueError, TypeError):
                return {}
            for month, name in names.items():
                found.setdefault(_fold(str(name)).rstrip("."), int(month))
    return found


def month_of(word: str) -> int | None:
    """The month a (possibly abbreviated) month name means, in the languages above."""
    w = _fold(word.rstrip("."))
    if len(w) < 3 or len(w) > 10 or not w.isalpha():
        return None
    if w in _MONTH_FULL:
        return _MONTH_FULL[w]
    hinted = _cldr_months(_HINT.get()).get(w)
    if hinted is not None:
        return hinted
    # French "juin"/"juillet" share the stem "jui".
    if w.startswith("juin"):
        return 6
    if w.startswith("juil"):
        return 7
    month = _MONTH_STEMS.get(w[:3])
    if month is None:
        return None
    # An abbreviation must be the start of one of the month's names ("Sept", not "Separate").
    if any(_fold(n).startswith(w) for n in _MONTH_NAMES[month - 1]) or len(w) <= 4:
        return month
    # Russian declensions change the ending: "марта", "мае".
    return month if any(_fold(n)[:-1] == w[:-1] or _fold(n)[:-1] == w[:-2] for n in _MONTH_NAMES[month - 1]) else None


_Y = r"(?:19[5-9]\d|20[0-4]\d)"
_MW = r"[^\W\d_]{3,10}\.?"
_DATE = re.compile(
    rf"(?<![0-9A-Za-z])(?:"
    rf"(?P<d1>\d{{1,2}})\s?[./]\s?(?P<m1>\d{{1,2}})\s?[./]\s?(?P<y1>{_Y})"
    rf"|(?P<y2>{_Y})\s?[./-]\s?(?P<m2>\d{{1,2}})(?:\s?[./-]\s?(?P<d2>\d{{1,2}}))?(?![\d])"
    rf"|(?P<m3>\d{{1,2}})\s*[/.]\s*(?P<y3>{_Y})"
    rf"|(?P<y5>{_Y})\s*年(?:\s*(?P<m5>\d{{1,2}})\s*月(?:\s*(?P<d5>\d{{1,2}})\s*日)?)?"
    rf"|(?:(?P<d4>\d{{1,2}})\.?\s+)?(?P<mn4>{_MW})[,/]?\s*(?:(?P<d4b>\d{{1,2}}),?\s+)?(?P<y4>{_Y})"
    rf"|(?P<y6>{_Y})"
    rf")(?![\d])",
    re.IGNORECASE,
)
_PRESENT = (
    r"(?:present|current(?:ly)?|now|today|till\s+date|to\s+date|date|ongoing|continuing|"
    r"heute|jetzt|aktuell|dato|laufend|andauernd|fortlaufend|derzeit|zurzeit|bis\s+dato|"
    r"en\s+curso|em\s+andamento|atualmente|attualmente|présent|aujourd'hui|aujourd’hui|actuellement|maintenant|en\s+cours|"
    r"actualidad|presente|actual|atual|o\s+momento|hoje|oggi|in\s+corso|heden|"
    r"настоящее\s+время|наст\.?\s*вр(?:емя|\.)?|н\.\s?в\.?|сейчас|至今|现在|今|目前|現在)"
)
_SEP = r"(?:-|–|—|‑|‐|−|~|～|－|→|to|till|until|through|bis|au|à|a|al|hasta|até|ate|по|до|至)"
_RANGE_GAP = re.compile(rf"^[\s(\[]*{_SEP}[\s)\]]*$", re.IGNORECASE)
_TO_PRESENT = re.compile(rf"^[\s(\[]*(?:{_SEP}\s*)?{_PRESENT}(?![\w])[\s)\]]*", re.IGNORECASE)
_SINCE = re.compile(r"(?:since|seit|depuis|desde|dal|dès|с|from|von|de|ab)\s*$", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"(?:^|(?<=[\s(\[]))(?P<mn>{_MW})\s*{_SEP}\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class DateSpan:
    """A date range (or a single date) found in a line of text."""

    start: str | None
    end: str | None
    present: bool
    single: bool
    begin: int  # character span of the whole range in the line
    stop: int


def _date_at(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    y = next((g[k] for k in ("y1", "y2", "y3", "y4", "y5", "y6") if g[k]), None)
    if y is None:
        return None
    month: int | None = None
    day: int | None = None
    if g["y1"]:
        month, day = int(g["m1"]), int(g["d1"])
    elif g["y2"]:
        month, day = int(g["m2"]), int(g["d2"]) if g["d2"] else None
    elif g["y3"]:
        month = int(g["m3"])
    elif g["y5"]:
        month = int(g["m5"]) if g["m5"] else None
        day = int(g["d5"]) if g["d5"] else None
    elif g["y4"]:
        month = month_of(g["mn4"])
        if month is None:
            return None
        d = g["d4"] or g["d4b"]
        day = int(d) if d else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        day = None
    if month is None:
        return y
    return f"{y}-{month:02d}" if day is None else f"{y}-{month:02d}-{day:02d}"


def find_dates(text: str) -> list[DateSpan]:
    """Date ranges and single dates in a line, left to right (see :func:`_find_dates`)."""
    return list(_find_dates(text, _HINT.get()))


@functools.lru_cache(maxsize=4096)
def _find_dates(text: str, hint: str) -> tuple[DateSpan, ...]:
    """Date ranges and single dates in a line, left to right; cached, since the rules ask often
    (per language hint: ``hint`` is part of the key, and :func:`month_of` reads it).

    Understands "Sept. 2017 - Jul. 2021", "03/2019 – heute", "2018 — présent", "2019年3月-至今",
    "Jan 2020 to Present", "2015-2017", "May - Jun 2021", "Seit Februar 2014", "2017 (actuellement)".
    """
    tokens: list[tuple[str, int, int]] = []
    pos = 0
    while (m := _DATE.search(text, pos)) is not None:
        iso = _date_at(m)
        if iso is not None:
            tokens.append((iso, m.start(), m.end()))
            pos = m.end()
        else:
            # A word before a year that is no month ("Summer 2019", "方向/2019.09"): read again
            # from the year, which may start a fuller date.
            pos = max(pos + 1, m.start("y4") if m.group("y4") else m.end())
    out: list[DateSpan] = []
    i = 0
    while i < len(tokens):
        iso, begin, stop = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and _RANGE_GAP.match(text[stop : nxt[1]]):
            start = iso
            # "2015 - 2016.07": fine; "May - Jun 2021" is handled below.
            out.append(DateSpan(start, nxt[0], False, False, begin, nxt[2]))
            i += 2
            continue
        after = _TO_PRESENT.match(text[stop:])
        if after and after.group(0).strip():
            out.append(DateSpan(iso, None, True, False, begin, stop + after.end()))
            i += 1
            continue
        before = _MONTH_BEFORE.search(text[:begin])
        month = month_of(before.group("mn")) if before else None
        if before and month:
            # "May - Jun 2021": the start month takes the year of the end.
            out.append(DateSpan(f"{iso[:4]}-{month:02d}", iso, False, False, before.start(), stop))
            i += 1
            continue
        since = _SINCE.search(text[:begin])
        dangling = re.match(r"\s*[-–—‑]+(?:\s*$|\s+(?=[^\W\d]))", text[stop:])
        if since and since.group(0).strip():
            out.append(DateSpan(iso, None, True, False, since.start(), stop))
        elif dangling:
            # "02/2021 – BR Link": a range left open, the end not written.
            out.append(DateSpan(iso, None, False, False, begin, stop + dangling.end()))
        else:
            out.append(DateSpan(iso, None, False, True, begin, stop))
        i += 1
    return tuple(out)


def _undated(text: str) -> str:
    """A line without its bullet and its dates (found after the bullet is gone: the spans'
    offsets are those of the text they were found in)."""
    text = _strip_bullet(text)
    return _without_dates(text, find_dates(text))


def _without_dates(text: str, spans: list[DateSpan]) -> str:
    for span in sorted(spans, key=lambda s: -s.begin):
        text = text[: span.begin] + " " + text[span.stop :]
    text = re.sub(r"[(\[（【]\s*[)\]）】]", " ", text)
    # "(год окончания: 2021)", "(graduated: 2019)": the caption of a date that was taken out.
    text = re.sub(r"[(\[（]\s*[^()\[\]（）]{0,30}[:：]\s*[)\]）]", " ", text)
    text = re.sub(r"\(\s*(?:\d+\s*(?:mois|months?|monate?|meses|месяц\w*|个月)\s*)\)", " ", text)
    text = re.sub(r"\(([^()]*)\)", lambda m: "(" + m.group(1).replace(" : ", ": ") + ")", text)
    # Two or more spaces line columns up, as a tab would.
    text = re.sub(r"[^\S\t]{2,}(?!\d)", "\t", text)
    text = re.sub(r"[ ]*\t[ \t]*", "\t", re.sub(r"[^\S\t]+", " ", text))
    return text.strip(" \t:-–—|,;")
