"""Words a CV page needs in each language: section titles, labels, dates as people write them.

Month names come from CLDR through Babel; section titles and labels are ours (CLDR has none).
A language without titles here still gets its dates from CLDR and English titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cvconvert import dates
from cvconvert._deps import requires_extra
from cvconvert.errors import OptionError

# Section titles (the summary is basics.summary under its own heading) and labels, per language.
TITLES: dict[str, dict[str, str]] = {
    "en": {
        "summary": "Summary",
        "work": "Experience",
        "volunteer": "Volunteering",
        "education": "Education",
        "projects": "Projects",
        "publications": "Publications",
        "awards": "Awards",
        "certificates": "Certificates",
        "skills": "Skills",
        "languages": "Languages",
        "interests": "Interests",
        "references": "References",
    },
    "de": {
        "summary": "Profil",
        "work": "Berufserfahrung",
        "volunteer": "Ehrenamt",
        "education": "Ausbildung",
        "projects": "Projekte",
        "publications": "Publikationen",
        "awards": "Auszeichnungen",
        "certificates": "Zertifikate",
        "skills": "Kenntnisse",
        "languages": "Sprachen",
        "interests": "Interessen",
        "references": "Referenzen",
    },
    "fr": {
        "summary": "Profil",
        "work": "Expérience professionnelle",
        "volunteer": "Bénévolat",
        "education": "Formation",
        "projects": "Projets",
        "publications": "Publications",
        "awards": "Distinctions",
        "certificates": "Certifications",
        "skills": "Compétences",
        "languages": "Langues",
        "interests": "Centres d’intérêt",
        "references": "Références",
    },
    "es": {
        "summary": "Perfil",
        "work": "Experiencia profesional",
        "volunteer": "Voluntariado",
        "education": "Formación",
        "projects": "Proyectos",
        "publications": "Publicaciones",
        "awards": "Premios",
        "certificates": "Certificaciones",
        "skills": "Habilidades",
        "languages": "Idiomas",
        "interests": "Intereses",
        "references": "Referencias",
    },
    "zh": {
        "summary": "个人简介",
        "work": "工作经历",
        "volunteer": "志愿经历",
        "education": "教育背景",
        "projects": "项目经历",
        "publications": "发表论文",
        "awards": "荣誉奖项",
        "certificates": "资格证书",
        "skills": "专业技能",
        "languages": "语言能力",
        "interests": "兴趣爱好",
        "references": "推荐人",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "en": {"present": "Present", "courses": "Courses", "keywords": "Keywords"},
    "de": {"present": "heute", "courses": "Kurse", "keywords": "Schlagwörter"},
    "fr": {"present": "aujourd’hui", "courses": "Cours", "keywords": "Mots-clés"},
    "es": {"present": "actualidad", "courses": "Cursos", "keywords": "Palabras clave"},
    "zh": {"present": "至今", "courses": "课程", "keywords": "关键词"},
}

# The font Word uses for CJK characters (the w:eastAsia slot), by language; others get Chinese.
EAST_ASIAN_FONTS = {"zh": "Microsoft YaHei", "ja": "Yu Gothic", "ko": "Malgun Gothic"}

_ZH_DATE = re.compile(r"^(\d{4})\s*年\s*(?:(\d{1,2})\s*月)?$")
_WORD_YEAR = re.compile(r"^([^\d\s][^\d]*?)\s*(\d{4})$")
_YEAR_WORD = re.compile(r"^(\d{4})\s*([^\d\s][^\d]*)$")
_RANGE_SEPARATORS = ("–", "—", "~", "至", " - ", " to ", " bis ", " au ", " à ", " a ", " hasta ", " until ")
_YEAR_YEAR = re.compile(r"^\s*(\d{4})\s*-\s*(\d{4}|\D+)\s*$")


def split_range(text: str) -> tuple[str, str | None]:
    """Split a date range as people write it (``Sep 2017 – Jul 2021``, ``2019-2020``): (start, end or None)."""
    if m := _YEAR_YEAR.match(text):
        return m[1], m[2].strip()
    for sep in _RANGE_SEPARATORS:
        start, found, end = text.partition(sep)
        if found:
            return start.strip(), end.strip()
    return text.strip(), None


@dataclass(frozen=True)
class Language:
    """What the writer and reader need for one language: tag, titles, labels, month formats."""

    code: str
    """The language subtag, lower case: ``de``."""
    tag: str
    """The BCP 47 tag Word stores: ``de-DE``."""
    rtl: bool
    titles: dict[str, str]
    labels: dict[str, str]
    months: tuple[str, ...]
    """``yMMM`` for each month with ``{y}`` for the year: ``Sept. {y}``."""
    east_asian_font: str

    def date(self, value: str) -> str:
        """A schema date as people write it: ``Sep 2017`` (a year alone stays a year)."""
        try:
            parts = dates.parse(value)
        except ValueError:
            return value
        if parts.month is None:
            return str(parts.year)
        return self.months[parts.month - 1].replace("{y}", str(parts.year))

    def parse_date(self, text: str) -> str | None:
        """The schema date a person wrote on the page (``Sep 2017``, ``2017年9月``, ``2017``), or None."""
        text = " ".join(text.split())
        found = dates.repair(text)
        if found is not None:
            return found.iso()
        if m := _ZH_DATE.match(text):
            month = int(m[2]) if m[2] else None
            return dates.DateParts(int(m[1]), month).iso() if month is None or 1 <= month <= 12 else None
        names = _month_names(self.code)
        for pattern in (_WORD_YEAR, _YEAR_WORD):
            if m := pattern.match(text):
                word, year = (m[1], m[2]) if pattern is _WORD_YEAR else (m[2], m[1])
                month = names.get(_fold(word)) or _month_names("en").get(_fold(word))
                if month:
                    return f"{int(year):04d}-{month:02d}"
        return None

    def means_present(self, text: str) -> bool:
        """True for "Present" in this language or any word :mod:`cvconvert.dates` knows."""
        folded = _fold(text)
        return dates.means_present(text) or any(folded == _fold(lab["present"]) for lab in LABELS.values())


def _fold(text: str) -> str:
    return " ".join(text.replace(".", " ").replace("’", "'").split()).casefold()


@cache
def _month_names(code: str) -> dict[str, int]:
    with requires_extra("docx"):
        from babel.dates import get_month_names

    found: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            try:
                names = get_month_names(width, context, locale=code)
            except Exception:  # noqa: BLE001, S112 - an odd locale lacks some names: English is tried too
                continue
            for month, name in names.items():
                found.setdefault(_fold(name), int(month))
    return found


@cache
def language(value: str | None) -> Language:
    """The language for ``value`` (``en``, ``de-DE``, ``zh_CN``; None is English).

    Raises OptionError for a tag that CLDR does not know.
    """
    with requires_extra("docx"):
        from babel import Locale, UnknownLocaleError
        from babel.core import get_global
        from babel.dates import format_skeleton

    raw = (value or "en").strip().replace("-", "_")
    try:
        locale = Locale.parse(raw)
    except (UnknownLocaleError, ValueError, TypeError):
        raise OptionError(f"unknown language {value!r} (try en, de, fr, es, zh)") from None
    code = locale.language
    likely = str(get_global("likely_subtags").get(code, code)).split("_")
    region = locale.territory or (likely[-1] if len(likely) > 1 and likely[-1].isupper() else "")
    tag = f"{code}-{region}" if region else code
    import datetime

    months = tuple(
        format_skeleton("yMMM", datetime.date(2000, m, 1), locale=locale).replace("2000", "{y}") for m in range(1, 13)
    )
    return Language(
        code=code,
        tag=tag,
        rtl=locale.character_order == "right-to-left",
        titles=TITLES.get(code, TITLES["en"]),
        labels=LABELS.get(code, LABELS["en"]),
        months=months,
        east_asian_font=EAST_ASIAN_FONTS.get(code, EAST_ASIAN_FONTS["zh"]),
    )


def has_titles(code: str) -> bool:
    """True when section titles are translated for this language."""
    return code in TITLES


@cache
def territory_names(code: str) -> dict[str, str]:
    """Country names by ISO 3166-1 alpha-2 code, in this language (from CLDR)."""
    with requires_extra("docx"):
        from babel import Locale

    territories = Locale.parse(code).territories
    return {k: str(v) for k, v in territories.items() if len(k) == 2 and k.isalpha()}


@cache
def territory_codes(code: str) -> dict[str, str]:
    """ISO codes by folded country name, in this language and in English."""
    found = {_fold(name): key for key, name in territory_names("en").items()}
    found.update({_fold(name): key for key, name in territory_names(code).items()})
    return found


def country_code(text: str, code: str) -> str | None:
    """The ISO code of a country name written on the page, or None when unknown."""
    return territory_codes(code).get(_fold(text))


def section_for_title(text: str) -> str | None:
    """The section a heading names, in any language we have titles for (case-insensitive)."""
    folded = _fold(text)
    for titles in TITLES.values():
        for key, title in titles.items():
            if _fold(title) == folded:
                return key
    return None
