"""Dates as people write them in CVs: ranges, single dates and month names in many languages.

:func:`find_dates` is the one question the other rules ask. Month names and abbreviations come
from CLDR through Babel for the languages in :data:`_LOCALES`, and within :func:`language_hint`
for that language too, for that call only (the caches are keyed by locale: nothing learnt from
one file changes the next). Japanese era years and Solar Hijri (Persian) dates are converted to
Gregorian ones (:func:`jalali_to_gregorian`); Persian, Arabic-Indic and full-width digits are
digits. :func:`_without_dates` gives the text of a line with its dates taken out.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from cvconvert._deps import requires_extra
from cvconvert.extract.lines import _strip_bullet


def _fold(word: str) -> str:
    """A month name as compared: case-folded, without accents, trailing dots or gereshes."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("ı", "i"))
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return bare.rstrip(".\u05f3'’")


# The languages whose month names are known without a hint: those CVs come in. A hint adds its
# own language for that call (a locale is a key of the caches, never state that outlives a call).
_LOCALES = (
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "uk", "tr", "hu", "el", "sv", "da", "nb",
    "ro", "cs", "id", "he", "fa", "ca",
)  # fmt: skip


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
def _cldr_months(code: str) -> tuple[dict[str, int], dict[str, int]]:
    """(names, prefixes) of one language's months from CLDR (through Babel), folded: every wide
    and abbreviated name, and every start of three letters or more of a wide name ("Sept",
    "Febr"), a start two months share left out ("jui": juin, juillet). Empty when unknown."""
    if not code:
        return {}, {}
    with requires_extra("docx"):
        from babel.core import UnknownLocaleError
        from babel.dates import get_month_names

    names: dict[str, int] = {}
    wide: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            try:
                found = get_month_names(width, context, locale=code)
            except (UnknownLocaleError, ValueError, TypeError):
                return {}, {}
            for month, name in found.items():
                folded = _fold(str(name))
                # "thg 3", "3月": numbers, read by the patterns, not names.
                if folded and not any(c.isdigit() for c in folded):
                    names.setdefault(folded, int(month))
                    if width == "wide":
                        wide[folded] = int(month)
    return names, _prefixes(wide)


def _prefixes(wide: dict[str, int]) -> dict[str, int]:
    """Every start (three letters or more) of the names, to its month; 0 where months share it."""
    out: dict[str, int] = {}
    for name, month in wide.items():
        for end in range(3, len(name) + 1):
            start = name[:end]
            out[start] = month if out.get(start, month) == month else 0
    return out


@functools.cache
def _known_months() -> tuple[dict[str, int], dict[str, int]]:
    """(names, prefixes) of every language in :data:`_LOCALES`; 0 where two languages disagree."""
    names: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    for code in _LOCALES:
        own, starts = _cldr_months(code)
        for table, part in ((names, own), (prefixes, starts)):
            for word, month in part.items():
                table[word] = month if table.get(word, month) == month else 0
    return names, prefixes


def month_of(word: str) -> int | None:
    """The month a month name or its abbreviation means ("März", "Sept.", "мар.", "Jún."), in the
    hinted language first, then in any of :data:`_LOCALES`; None for other words."""
    w = _fold(word)
    if len(w) < 3 or len(w) > 12 or not w.isalpha():
        return None
    hinted, hinted_starts = _cldr_months(_HINT.get())
    names, starts = _known_months()
    for table in (hinted, names, hinted_starts, starts):
        month = table.get(w)
        if month is not None:
            return month or None
    return None


# --- calendars ------------------------------------------------------------------------------------
# Japanese eras: the Gregorian year before each era's first ("平成4年" = 1988 + 4; 元年 = year 1).
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911}
# The Solar Hijri (Persian) months; CLDR's names for this calendar are not in Babel's data.
_JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")


def jalali_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian date of a Solar Hijri (Persian) date: (1398, 1, 1) -> (2019, 3, 21).

    Day arithmetic over the 33-year cycle of leap years that the calendar's tables follow
    (exact for 1244-1816 AP, every year a CV can hold).
    """
    days = (
        -355668
        + 365 * (year + 1595)
        + ((year + 1595) // 33) * 8
        + ((year + 1595) % 33 + 3) // 4
        + day
        + ((month - 1) * 31 if month < 7 else (month - 7) * 30 + 186)
    )
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    leap = gy % 4 == 0 and (gy % 100 != 0 or gy % 400 == 0)
    for gm, length in enumerate((31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), start=1):
        if gd <= length:
            return gy, gm, gd
        gd -= length
    return gy, 12, 31  # not reached: the last month takes what is left


# Persian, Arabic-Indic and full-width digits are digits to every pattern; one character for one,
# so that the spans found index the line as written.
_DIGITS = str.maketrans(
    {
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "／": "/",
        "．": ".",
        "－": "-",
    }
)


_Y = r"(?:19[5-9]\d|20[0-4]\d)"
# Languages that write the month name after the year ("2019 Ocak", "2019. január").
_YEAR_FIRST = frozenset({"hu", "tr", "lt", "lv", "eu"})
_MW = r"[^\W\d_]{3,12}[.\u05f3]?"
_DATE = re.compile(
    # Not the end of a phone number ("95555-1979").
    rf"(?<![0-9A-Za-z])(?<!\d{{5}}[-–])(?:"
    rf"(?P<d1>\d{{1,2}})\s?[./]\s?(?P<m1>\d{{1,2}})\s?[./]\s?(?P<y1>{_Y})"
    rf"|(?P<y2>{_Y})\s?[./-]\s?(?P<m2>\d{{1,2}})(?:\s?[./-]\s?(?P<d2>\d{{1,2}}))?(?![\d])"
    rf"|(?P<m3>\d{{1,2}})\s*[/.]\s*(?P<y3>{_Y})"
    rf"|(?P<y5>{_Y})\s*[年년](?:\s*(?P<m5>\d{{1,2}})\s*[月월](?:\s*(?P<d5>\d{{1,2}})\s*[日일])?)?"
    rf"|(?P<era>{'|'.join(_ERAS)})\s*(?P<ey>元|\d{{1,2}})(?![\d])"
    rf"(?:\s*年(?:\s*(?P<em>\d{{1,2}})\s*月)?|\t(?P<et>\d{{1,2}})(?=\t))?"
    # A form's grid: the year in one cell, the month in the next ("2019<tab>3<tab>入学").
    rf"|(?P<y8>{_Y})\t(?P<m8>\d{{1,2}})(?=\t|$)"
    # Vietnamese forms fill dotted blanks: "tháng..07\tnăm..2019", "tháng 3/2019".
    rf"|(?:tháng|thg)[\s.…]*(?P<m7>\d{{1,2}})[\s.…]*(?:,?\s*năm[\s.…]*|[/,.-]\s*)(?P<y7>{_Y})"
    rf"|(?:(?P<d4>\d{{1,2}})\.?\s+)?(?P<mn4>{_MW})[,/]?\s*(?:(?P<d4b>\d{{1,2}}),?\s+)?(?:(?:de|del)\s+)?(?P<y4>{_Y})"
    # Month names after the year: "2019. január", "2019 Ocak" (checked against the language).
    rf"|(?P<y9>{_Y})(?P<dot9>\.)?\s+(?P<mn9>{_MW})(?![^\W\d_])"
    # A year cut to two figures after an apostrophe: "Jan '19", "Sept. ’20".
    rf"|(?P<mn10>{_MW})\s*['’‘](?P<yy10>\d{{2}})"
    rf"|(?P<y6>{_Y})"
    rf")(?![\d])",
    re.IGNORECASE,
)
# Solar Hijri years (1330-1429 AP = 1951-2050), read only in lines written in Arabic script.
_JALALI = re.compile(rf"(?:(?P<jm>{'|'.join(_JALALI_MONTHS)})\s*)?(?<!\d)(?P<jy>13[3-9]\d|14[0-2]\d)(?!\d)")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_PRESENT = (
    r"(?:present\s+day|present|current(?:ly)?|now|today|till\s+date|to\s+date|date|ongoing|continuing|up\s+to\s+(?:now|date)|"
    r"hasta\s+(?:la\s+fecha|hoy)|jusqu['’]\s*(?:à\s+)?(?:présent|ce\s+jour|aujourd['’]hui)|à\s+ce\s+jour|ad\s+oggi|"
    r"tuttora|до\s+сих\s+пор|по\s+сей\s+день|günümüze|現在に至る|pågår|νυν|tới\s+nay|hiện\s+nay|đến\s+nay|"
    r"heute|jetzt|aktuell|dato|laufend|andauernd|fortlaufend|derzeit|zurzeit|bis\s+dato|"
    r"en\s+curso|em\s+andamento|atualmente|attualmente|présent|aujourd'hui|aujourd’hui|actuellement|maintenant|"
    r"en\s+cours|actualidad|presente|actual|atual|data\s+atual|contin[uú]a|fecha\s+actual|o\s+momento|hoje|hoy|oggi|in\s+corso|heden|nu|"
    r"obecnie|teraz|nadal|günümüz|halen|devam(?:\s+ediyor)?|jelenleg|napjainkig|folyamatban|σήμερα|"
    r"τώρα|idag|nu|pågående|sekarang|saat\s+ini|kini|hiện\s+tại|nay|اکنون|تاکنون|تا\s*کنون|حال|"
    r"ועד\s+עכשיו|עכשיו|היום|כיום|현재|재직\s*중|"
    # More per language: en, fr, es, pl, tr, fi, cs, hu ("2019 óta", "2019-től"), uk, ar, da, nb, ro.
    r"onwards?|auj\.?|(?:hasta\s+)?ahora|dzi[śs](?:iaj)?|şu\s+an|hâlâ|nyt|nykyään|dosud|"
    r"současnost|óta|t[őó]l|сьогодні|теперішній\s+час|(?:حتى\s+)?الآن|nuværende|nåværende|prezent|"
    r"настоящее\s+время|наст\.?\s*вр(?:емя|\.)?|н\.\s?в\.?|сейчас|至今|现在|今|目前|現在)"
)
_SEP = (
    r"(?:-|–|—|‑|‐|−|~|～|〜|→|to|till|until|through|bis|au|à|a|al|hasta|até|ate|по|до|至|到|"
    r"do|tot|till|έως|sampai|hingga|s/d|s\.d\.|đến|تا|עד|ー)"
)
# Russian writes the word "year" after the year ("2019 г. – 2020 г.", "с 2019 года").
_YEAR_WORD = r"(?:\s*(?:г\.|гг\.|года?|yılı?)(?!\w))?"
# Persian writes "year" before it: "از سال 1398 تا سال 1400".
_YEAR_BEFORE = r"(?:\s*سال)?"
# A part of a year: a season, a term, a quarter ("Fall 2018 – Spring 2020", "WS 2019", "Q3 2020").
_PERIOD = (
    r"(?:spring|summer|fall|autumn|winter|sommer|herbst|frühjahr|frühling|printemps|été|automne|hiver|"
    r"primavera|verano|otoño|invierno|verão|outono|inverno|estate|autunno|voorjaar|zomer|najaar|lente|"
    r"wiosna|lato|jesień|zima|весна|лето|осень|зима|q[1-4]|h[12]|ss|ws|sose|wise|sommersemester|"
    r"wintersemester)(?:\s+(?:semester|term|quarter|session))?"
)
_RANGE_GAP = re.compile(rf"^{_YEAR_WORD}[\s(\[]*{_SEP}{_YEAR_BEFORE}(?:\s*{_PERIOD})?[\s)\]]*$", re.IGNORECASE)
_TO_PRESENT = re.compile(rf"^{_YEAR_WORD}[\s(\[]*(?:{_SEP}\s*){{0,2}}{_PRESENT}(?![\w])[\s)\]]*", re.IGNORECASE)
# Not "de": as often "of" ("Março de 2022") as "from".
_SINCE = re.compile(r"(?:since|seit|depuis|desde|dal|dès|с|from|von|ab|od|sejak|từ|از|מאז)\s*$", re.IGNORECASE)
# The word before a range that says "from" ("from 2019 to 2021", "از 1398 تا 1400"): part of the
# range, else left behind in the entry's text.
_FROM = re.compile(
    r"(?:^|(?<=[\s(\[,;]))(?:(?:from|von|vom|ab|depuis|du|de|desde|dal|da|od|с|з|van|vanaf|från|"
    rf"apo|από|từ|sejak|dari|از)(?:\s+سال)?\s*)?(?:{_PERIOD}\s*)?$",
    re.IGNORECASE,
)
_AFTER_YEAR = re.compile(_YEAR_WORD, re.IGNORECASE)
# "April 2022 until 30 August": an end with a day or no day but no year, in the start's year.
_END_NO_YEAR = re.compile(
    rf"^\s*{_SEP}\s*(?:(?P<d>\d{{1,2}})\.?\s+)?(?P<mn>{_MW})(?:\s+(?P<d2>\d{{1,2}}))?(?![\w])", re.IGNORECASE
)
# "2018, Aug-Sep": the months of a year written after it.
_MONTHS_AFTER = re.compile(rf"^,?\s*(?P<a>{_MW})\s*{_SEP}\s*(?P<b>{_MW})", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"(?:^|(?<=[\s(\[]))(?P<mn>{_MW})\s*{_SEP}\s*$", re.IGNORECASE)


# How far around a date its open end, its months or its "since" are looked for, in characters.
_NEAR = 48


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
    if g["era"]:
        return _era_date(g["era"], g["ey"], g["em"] or g["et"])
    if g["yy10"]:
        return _short_year(g["mn10"], int(g["yy10"]))
    y = next((g[k] for k in ("y1", "y2", "y3", "y4", "y5", "y7", "y8", "y9", "y6") if g[k]), None)
    if y is None:
        return None
    month: int | None = None
    day: int | None = None
    if g["y1"]:
        month, day = int(g["m1"]), int(g["d1"])
        if month > 12 >= day:  # month first, as in the United States: "07/17/2023"
            month, day = day, month
    elif g["y2"]:
        month, day = int(g["m2"]), int(g["d2"]) if g["d2"] else None
    elif g["y3"]:
        month = int(g["m3"])
    elif g["y5"]:
        month = int(g["m5"]) if g["m5"] else None
        day = int(g["d5"]) if g["d5"] else None
    elif g["y7"]:
        month = int(g["m7"])
    elif g["y8"]:
        month = int(g["m8"])
    elif g["y9"]:
        month = month_of(g["mn9"]) if g["dot9"] or _HINT.get() in _YEAR_FIRST else None
    elif g["y4"]:
        month = month_of(g["mn4"])
        if month is None:
            return None
        d = g["d4"] or g["d4b"]
        day = int(d) if d else None
    return _iso(int(y), month, day)


def _short_year(name: str, yy: int) -> str | None:
    """A month name and a year in two figures ("Jan '19"): the year in 1950-2049."""
    month = month_of(name)
    return _iso(yy + (2000 if yy < 50 else 1900), month, None) if month else None


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    """An ISO partial date; None for a month out of range, no day for a day out of range."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        day = None
    if month is None:
        return str(year)
    return f"{year}-{month:02d}" if day is None else f"{year}-{month:02d}-{day:02d}"


def _era_date(era: str, year: str, month: str | None) -> str | None:
    """A Japanese era date: "平成4年3月" -> "1992-03", "令和元年" -> "2019"."""
    n = 1 if year == "元" else int(year)
    return _iso(_ERAS[era] + n, int(month) if month else None, None)


def _jalali_dates(text: str, arabic: bool) -> list[tuple[str, int, int]]:
    """Solar Hijri dates in a line written in Arabic script, as Gregorian ISO dates: a month to
    the Gregorian month it starts in ("تیر 1397" -> "2018-06"), a year alone N + 621."""
    if not arabic:
        return []
    out: list[tuple[str, int, int]] = []
    for m in _JALALI.finditer(text):
        year = int(m.group("jy"))
        if m.group("jm"):
            gy, gm, _ = jalali_to_gregorian(year, _JALALI_MONTHS.index(m.group("jm")) + 1, 1)
            out.append((f"{gy}-{gm:02d}", m.start(), m.end()))
        else:
            out.append((str(year + 621), m.start(), m.end()))
    return out


def _date_tokens(text: str, arabic: bool) -> list[tuple[str, int, int]]:
    """Every single date in a line, left to right: (ISO date, start, end)."""
    tokens: list[tuple[str, int, int]] = []
    pos = 0
    while (m := _DATE.search(text, pos)) is not None:
        iso = _date_at(m) or _academic_start(m)
        if iso is not None and m.group("y9") and len(iso) == 4:
            # "2019 Nordwind": a year and a word that is no month.
            tokens.append((iso, m.start(), m.end("y9")))
            pos = m.end("y9")
        elif iso is not None:
            tokens.append((iso, m.start(), m.end()))
            pos = m.end()
        else:
            # A word before a year that is no month ("Summer 2019", "方向/2019.09"): read again
            # from the year, which may start a fuller date.
            pos = max(pos + 1, m.start("y4") if m.group("y4") else m.end())
    short = _short_year_ranges(text) if "/" in text else []
    if short:
        taken = [(a, b) for _, a, b in tokens]
        tokens += [t for t in short if not any(a < t[2] and t[1] < b for a, b in taken)]
        tokens.sort(key=lambda t: t[1])
    jalali = _jalali_dates(text, arabic)
    if jalali:
        taken = [(a, b) for _, a, b in tokens]
        tokens += [t for t in jalali if not any(a < t[2] and t[1] < b for a, b in taken)]
        tokens.sort(key=lambda t: t[1])
    if tokens and ("://" in text or "www." in text):
        # "https://news.example/2017/01/20/story": a page's address, not a date of the résumé.
        urls = [(m.start(), m.end()) for m in _WEB_ADDRESS.finditer(text)]
        tokens = [t for t in tokens if not any(a <= t[1] and t[2] <= b for a, b in urls)]
    return tokens


_WEB_ADDRESS = re.compile(r"(?i)(?:https?://|www\.)\S+")


# "03/19 - 05/21": month and two-digit year on both sides of a range (alone, "4/5" is a rating).
_MMYY_RANGE = re.compile(r"(?<![\w/.])(0?[1-9]|1[0-2])/(\d{2})\s*[-–—~]\s*(0?[1-9]|1[0-2])/(\d{2})(?![\w/.])")


def _short_year_ranges(text: str) -> list[tuple[str, int, int]]:
    """The two ends of each "MM/YY - MM/YY" range as date tokens; a year below 70 is this century's."""
    out: list[tuple[str, int, int]] = []
    for m in _MMYY_RANGE.finditer(text):
        first, second = (int(y) + (2000 if int(y) < 70 else 1900) for y in (m.group(2), m.group(4)))
        if second < first:
            continue  # not a range of years in order: something else
        for month, year, group in ((m.group(1), first, 1), (m.group(3), second, 3)):
            out.append((f"{year}-{int(month):02d}", m.start(group), m.end(group + 1)))
    return out


def _academic_start(m: re.Match[str]) -> str | None:
    """The first year of an academic year written "2018-19" or "2018/19" (else None)."""
    year, second = m.group("y2"), m.group("m2")
    if year and second and len(second) == 2 and not m.group("d2") and (int(year) + 1) % 100 == int(second):
        return year
    return None


def _academic_end(token: str) -> str | None:
    """The second year of an academic year token ("2018/19" -> "2019"), else None."""
    m = _ACADEMIC.fullmatch(token)
    if m is None or (int(m.group(1)) + 1) % 100 != int(m.group(2)):
        return None
    return str(int(m.group(1)) + 1)


_ACADEMIC = re.compile(r"(\d{4})\s?[./-]\s?(\d{2})")


def _in_order(start: str, end: str) -> tuple[str, str]:
    """A range typed end first ("2024/03 – 2022/11", right-to-left writers do) read start first."""
    size = min(len(start), len(end))
    return (end, start) if end[:size] < start[:size] else (start, end)


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
    # Digits of other scripts read as ASCII, one character for one: the spans index ``text``.
    # Persian or Arabic-Indic digits ("۱۳۹۸ - ۱۴۰۰") are Arabic script too: Solar Hijri years.
    tokens = _date_tokens(text.translate(_DIGITS), bool(_ARABIC_SCRIPT.search(text)))
    out: list[DateSpan] = []
    i = 0
    while i < len(tokens):
        iso, begin, stop = tokens[i]
        # The words around a date that the rules read lie close to it: windows, not the rest of
        # the line, keep a line of hundreds of dates linear.
        ahead = text[stop : stop + _NEAR]
        left = max(0, begin - _NEAR)
        behind = text[left:begin]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and _RANGE_GAP.match(text[stop : nxt[1]]):
            # "2015 - 2016.07": fine; "May - Jun 2021" is handled below; "2018/19 - 2020/21"
            # ends with the second year of the last academic year.
            last = _academic_end(text[nxt[1] : nxt[2]]) if len(nxt[0]) == 4 else None
            start, end = _in_order(iso, last or nxt[0])
            out.append(DateSpan(start, end, False, False, _from_word(behind, begin), _year_word_after(text, nxt[2])))
            i += 2
            continue
        after = _TO_PRESENT.match(ahead)
        if after and after.group(0).strip():
            out.append(DateSpan(iso, None, True, False, _from_word(behind, begin), stop + after.end()))
            i += 1
            continue
        open_end = _end_without_year(iso, ahead, nxt is None or nxt[1] >= stop + _NEAR)
        if open_end is not None:
            out.append(DateSpan(iso, open_end[0], False, False, _from_word(behind, begin), stop + open_end[1]))
            i += 1
            continue
        months = _MONTHS_AFTER.match(ahead) if len(iso) == 4 else None
        first, final = (month_of(months.group("a")), month_of(months.group("b"))) if months else (None, None)
        if months and first and final:
            out.append(DateSpan(f"{iso}-{first:02d}", f"{iso}-{final:02d}", False, False, begin, stop + months.end()))
            i += 1
            continue
        before = _MONTH_BEFORE.search(behind)
        month = month_of(before.group("mn")) if before else None
        if before and month:
            # "May - Jun 2021": the start month takes the year of the end.
            out.append(DateSpan(f"{iso[:4]}-{month:02d}", iso, False, False, left + before.start(), stop))
            i += 1
            continue
        since = _SINCE.search(behind)
        dangling = re.match(r"\s*[-–—‑]+(?:\s*$|\s+(?=[^\W\d]))", text[stop:] if stop + _NEAR >= len(text) else ahead)
        if since and since.group(0).strip():
            out.append(DateSpan(iso, None, True, False, left + since.start(), stop))
        elif dangling:
            # "02/2021 – Nordwind Link": a range left open, the end not written.
            out.append(DateSpan(iso, None, False, False, begin, stop + dangling.end()))
        elif len(iso) == 4 and (last := _academic_end(text[begin:stop])):
            out.append(DateSpan(iso, last, False, False, begin, stop))
        else:
            out.append(DateSpan(iso, None, False, True, _from_word(behind, begin), _year_word_after(text, stop)))
        i += 1
    return tuple(out)


def _from_word(behind: str, begin: int) -> int:
    """Where a range starts: at its "from" word when one leads it ("von 2019 bis 2021")."""
    m = _FROM.search(behind)
    return begin - len(behind) + m.start() if m and m.group(0).strip() else begin


def _year_word_after(text: str, stop: int) -> int:
    """Where a date ends past the word "year" written after it ("2020 г.", "2019 yılı")."""
    m = _AFTER_YEAR.match(text, stop)
    return m.end() if m else stop


def _end_without_year(iso: str, ahead: str, alone: bool) -> tuple[str, int] | None:
    """The end of a range written without its year ("April 2022 until 30 August"): the start's
    year, or the next one when the month comes earlier; (ISO date, length taken) or None. Only
    after a start with a month, and with no other date close after."""
    m = _END_NO_YEAR.match(ahead) if len(iso) >= 7 and alone else None
    month = month_of(m.group("mn")) if m else None
    if m is None or month is None:
        return None
    year = int(iso[:4]) + (month < int(iso[5:7]))
    d = m.group("d") or m.group("d2")
    end = _iso(year, month, int(d) if d else None)
    return (end, m.end()) if end else None


def _undated(text: str) -> str:
    """A line without its bullet and its dates (found after the bullet is gone: the spans'
    offsets are those of the text they were found in)."""
    return _undated_in(text, _HINT.get())


# The passes over a section ask for the same lines again; the dates found depend on the text and
# the language hint only, so a bounded memo keyed by both changes no result.
@lru_cache(maxsize=8192)
def _undated_in(text: str, hint: str) -> str:
    text = _strip_bullet(text)
    return _without_dates(text, find_dates(text))


_UNIT = (
    r"(?:years?|yrs?|months?|mos?|ans?|mois|anos?|años?|meses|mes|jahre?n?|monate?n?|anni|mesi|jaar|maanden|"
    r"lat|miesi\w*|лет|год\w*|месяц\w*|yıl|ay|个月|年|ヶ月|か月)"
)
# How long a job lasted, written beside its dates: "(1 ano 6 meses)", "· 2 yrs 3 mos", or in a
# column of its own after a tab or a wide gap ("Nov, 2016 - Sep, 2018<tab>1 year 10 months").
_DURATION = re.compile(
    rf"(?:\(\s*(?:\d+\s*{_UNIT}\.?\s*(?:,|and|e|y|et|und|i)?\s*){{1,2}}\)|[·•]\s*(?:\d+\s*{_UNIT}\.?\s*){{1,2}}(?=$|[\t|·•])"
    rf"|(?:(?<=\t)|(?<=\s\s))(?:\d+[^\S\t]*{_UNIT}\.?[^\S\t]*(?:,|and|e|y|et|und|i)?[^\S\t]*){{1,2}}(?=$|\t|\s\s))",
    re.IGNORECASE,
)


_EMPTY_BRACKETS = re.compile(r"[(\[（【]\s*[)\]）】]")
# "Aiku (Fall 2017-Present): ..." leaves its opening bracket when the range took the closing one.
_OPEN_BRACKET = re.compile(r"[(\[（]\s*(?=[:：,;]|$)")
# "(год окончания: 2021)", "(graduated: 2019)": the caption of a date that was taken out.
_DATE_CAPTION = re.compile(r"[(\[（]\s*[^()\[\]（）]{0,30}[:：]\s*[)\]）]")
_IN_BRACKETS = re.compile(r"\(([^()]*)\)")
# Two or more spaces line columns up, as a tab would.
_WIDE_GAP = re.compile(r"[^\S\t]{2,}(?!\d)")
_SPACES = re.compile(r"[^\S\t]+")
_TAB = re.compile(r"[ ]*\t[ \t]*")


def _without_dates(text: str, spans: list[DateSpan]) -> str:
    for span in sorted(spans, key=lambda s: -s.begin):
        text = text[: span.begin] + " " + text[span.stop :]
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _OPEN_BRACKET.sub(" ", text)
    text = _DATE_CAPTION.sub(" ", text)
    text = _DURATION.sub(" ", text)
    text = _IN_BRACKETS.sub(lambda m: "(" + m.group(1).replace(" : ", ": ") + ")", text)
    text = _WIDE_GAP.sub("\t", text)
    text = _TAB.sub("\t", _SPACES.sub(" ", text))
    return text.strip(" \t:-–—|,;·")
