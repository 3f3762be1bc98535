"""Words a CV page needs in each language: section titles, labels, dates as people write them.

Month names come from CLDR through Babel; section titles and labels are ours (CLDR has none).
A language without titles here still gets its dates from CLDR and English titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import repeat

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
    "pt": {
        "summary": "Perfil",
        "work": "Experiência profissional",
        "volunteer": "Voluntariado",
        "education": "Formação",
        "projects": "Projetos",
        "publications": "Publicações",
        "awards": "Distinções",
        "certificates": "Certificações",
        "skills": "Competências",
        "languages": "Idiomas",
        "interests": "Interesses",
        "references": "Referências",
    },
    "it": {
        "summary": "Profilo",
        "work": "Esperienza professionale",
        "volunteer": "Volontariato",
        "education": "Istruzione e formazione",
        "projects": "Progetti",
        "publications": "Pubblicazioni",
        "awards": "Premi e riconoscimenti",
        "certificates": "Certificazioni",
        "skills": "Competenze",
        "languages": "Lingue",
        "interests": "Interessi",
        "references": "Referenze",
    },
    "nl": {
        "summary": "Profiel",
        "work": "Werkervaring",
        "volunteer": "Vrijwilligerswerk",
        "education": "Opleiding",
        "projects": "Projecten",
        "publications": "Publicaties",
        "awards": "Prijzen",
        "certificates": "Certificaten",
        "skills": "Vaardigheden",
        "languages": "Talen",
        "interests": "Interesses",
        "references": "Referenties",
    },
    "pl": {
        "summary": "Podsumowanie",
        "work": "Doświadczenie zawodowe",
        "volunteer": "Wolontariat",
        "education": "Wykształcenie",
        "projects": "Projekty",
        "publications": "Publikacje",
        "awards": "Nagrody",
        "certificates": "Certyfikaty",
        "skills": "Umiejętności",
        "languages": "Języki",
        "interests": "Zainteresowania",
        "references": "Referencje",
    },
    "ru": {
        "summary": "Профиль",
        "work": "Опыт работы",
        "volunteer": "Волонтёрство",
        "education": "Образование",
        "projects": "Проекты",
        "publications": "Публикации",
        "awards": "Награды",
        "certificates": "Сертификаты",
        "skills": "Навыки",
        "languages": "Языки",
        "interests": "Интересы",
        "references": "Рекомендации",
    },
    "tr": {
        "summary": "Profil",
        "work": "İş deneyimi",
        "volunteer": "Gönüllülük",
        "education": "Eğitim",
        "projects": "Projeler",
        "publications": "Yayınlar",
        "awards": "Ödüller",
        "certificates": "Sertifikalar",
        "skills": "Yetenekler",
        "languages": "Diller",
        "interests": "İlgi alanları",
        "references": "Referanslar",
    },
    "hu": {
        "summary": "Bemutatkozás",
        "work": "Szakmai tapasztalat",
        "volunteer": "Önkéntes munka",
        "education": "Tanulmányok",
        "projects": "Projektek",
        "publications": "Publikációk",
        "awards": "Díjak",
        "certificates": "Tanúsítványok",
        "skills": "Készségek",
        "languages": "Nyelvismeret",
        "interests": "Érdeklődési kör",
        "references": "Referenciák",
    },
    "el": {
        "summary": "Προφίλ",
        "work": "Επαγγελματική εμπειρία",
        "volunteer": "Εθελοντισμός",
        "education": "Εκπαίδευση",
        "projects": "Έργα",
        "publications": "Δημοσιεύσεις",
        "awards": "Βραβεία",
        "certificates": "Πιστοποιήσεις",
        "skills": "Δεξιότητες",
        "languages": "Γλώσσες",
        "interests": "Ενδιαφέροντα",
        "references": "Συστάσεις",
    },
    "sv": {
        "summary": "Profil",
        "work": "Arbetslivserfarenhet",
        "volunteer": "Ideellt arbete",
        "education": "Utbildning",
        "projects": "Projekt",
        "publications": "Publikationer",
        "awards": "Utmärkelser",
        "certificates": "Certifikat",
        "skills": "Kompetenser",
        "languages": "Språk",
        "interests": "Intressen",
        "references": "Referenser",
    },
    "id": {
        "summary": "Ringkasan",
        "work": "Pengalaman kerja",
        "volunteer": "Kegiatan sukarela",
        "education": "Pendidikan",
        "projects": "Proyek",
        "publications": "Publikasi",
        "awards": "Penghargaan",
        "certificates": "Sertifikat",
        "skills": "Keahlian",
        "languages": "Bahasa",
        "interests": "Minat",
        "references": "Referensi",
    },
    "vi": {
        "summary": "Tóm tắt",
        "work": "Kinh nghiệm làm việc",
        "volunteer": "Hoạt động tình nguyện",
        "education": "Học vấn",
        "projects": "Dự án",
        "publications": "Công trình công bố",
        "awards": "Giải thưởng",
        "certificates": "Chứng chỉ",
        "skills": "Kỹ năng",
        "languages": "Ngoại ngữ",
        "interests": "Sở thích",
        "references": "Người tham chiếu",
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
    "ja": {
        "summary": "プロフィール",
        "work": "職歴",
        "volunteer": "ボランティア活動",
        "education": "学歴",
        "projects": "プロジェクト",
        "publications": "論文・著書",
        "awards": "受賞歴",
        "certificates": "資格",
        "skills": "スキル",
        "languages": "語学",
        "interests": "趣味・関心",
        "references": "推薦者",
    },
    "ko": {
        "summary": "요약",
        "work": "경력",
        "volunteer": "봉사 활동",
        "education": "학력",
        "projects": "프로젝트",
        "publications": "논문 및 저서",
        "awards": "수상 경력",
        "certificates": "자격증",
        "skills": "보유 기술",
        "languages": "어학",
        "interests": "관심 분야",
        "references": "추천인",
    },
    "fa": {
        "summary": "خلاصه",
        "work": "سوابق شغلی",
        "volunteer": "فعالیت‌های داوطلبانه",
        "education": "تحصیلات",
        "projects": "پروژه‌ها",
        "publications": "انتشارات",
        "awards": "جوایز",
        "certificates": "گواهینامه‌ها",
        "skills": "مهارت‌ها",
        "languages": "زبان‌ها",
        "interests": "علاقه‌مندی‌ها",
        "references": "معرف‌ها",
    },
    "he": {
        "summary": "פרופיל",
        "work": "ניסיון תעסוקתי",
        "volunteer": "התנדבות",
        "education": "השכלה",
        "projects": "פרויקטים",
        "publications": "פרסומים",
        "awards": "פרסים",
        "certificates": "תעודות",
        "skills": "כישורים",
        "languages": "שפות",
        "interests": "תחומי עניין",
        "references": "ממליצים",
    },
    "ar": {
        "summary": "نبذة",
        "work": "الخبرة المهنية",
        "volunteer": "العمل التطوعي",
        "education": "التعليم",
        "projects": "المشاريع",
        "publications": "المنشورات",
        "awards": "الجوائز",
        "certificates": "الشهادات",
        "skills": "المهارات",
        "languages": "اللغات",
        "interests": "الاهتمامات",
        "references": "المراجع",
    },
}

# "present" ends an open date range; "page" is the running header's "page N of M".
LABELS: dict[str, dict[str, str]] = {
    "en": {"present": "Present", "courses": "Courses", "keywords": "Keywords", "page": "Page {page} of {pages}"},
    "de": {"present": "heute", "courses": "Kurse", "keywords": "Schlagwörter", "page": "Seite {page} von {pages}"},
    "fr": {"present": "aujourd’hui", "courses": "Cours", "keywords": "Mots-clés", "page": "Page {page} sur {pages}"},
    "es": {
        "present": "actualidad",
        "courses": "Cursos",
        "keywords": "Palabras clave",
        "page": "Página {page} de {pages}",
    },
    "pt": {"present": "atual", "courses": "Cursos", "keywords": "Palavras-chave", "page": "Página {page} de {pages}"},
    "it": {"present": "oggi", "courses": "Corsi", "keywords": "Parole chiave", "page": "Pagina {page} di {pages}"},
    "nl": {"present": "heden", "courses": "Vakken", "keywords": "Trefwoorden", "page": "Pagina {page} van {pages}"},
    "pl": {"present": "obecnie", "courses": "Kursy", "keywords": "Słowa kluczowe", "page": "Strona {page} z {pages}"},
    "ru": {
        "present": "настоящее время",
        "courses": "Курсы",
        "keywords": "Ключевые слова",
        "page": "Страница {page} из {pages}",
    },
    "tr": {
        "present": "Günümüz",
        "courses": "Dersler",
        "keywords": "Anahtar kelimeler",
        "page": "Sayfa {page} / {pages}",
    },
    "hu": {"present": "jelenleg", "courses": "Kurzusok", "keywords": "Kulcsszavak", "page": "{page}. oldal / {pages}"},
    "el": {
        "present": "σήμερα",
        "courses": "Μαθήματα",
        "keywords": "Λέξεις-κλειδιά",
        "page": "Σελίδα {page} από {pages}",
    },
    "sv": {"present": "pågående", "courses": "Kurser", "keywords": "Nyckelord", "page": "Sida {page} av {pages}"},
    "id": {
        "present": "sekarang",
        "courses": "Mata kuliah",
        "keywords": "Kata kunci",
        "page": "Halaman {page} dari {pages}",
    },
    "vi": {"present": "nay", "courses": "Môn học", "keywords": "Từ khóa", "page": "Trang {page}/{pages}"},
    "zh": {"present": "至今", "courses": "课程", "keywords": "关键词", "page": "第 {page} 页，共 {pages} 页"},
    "ja": {"present": "現在", "courses": "履修科目", "keywords": "キーワード", "page": "{page} / {pages} ページ"},
    "ko": {"present": "현재", "courses": "수강 과목", "keywords": "키워드", "page": "{page} / {pages}쪽"},
    "fa": {"present": "اکنون", "courses": "دروس", "keywords": "کلیدواژه‌ها", "page": "صفحهٔ {page} از {pages}"},
    "he": {"present": "היום", "courses": "קורסים", "keywords": "מילות מפתח", "page": "עמוד {page} מתוך {pages}"},
    "ar": {
        "present": "حتى الآن",
        "courses": "المقررات",
        "keywords": "الكلمات المفتاحية",
        "page": "صفحة {page} من {pages}",
    },
}


# The font Word uses for CJK characters (the w:eastAsia slot), by language; others get Chinese.
EAST_ASIAN_FONTS = {"zh": "Microsoft YaHei", "ja": "Yu Gothic", "ko": "Malgun Gothic"}

_ZH_DATE = re.compile(r"^(\d{4})\s*年\s*(?:(\d{1,2})\s*月)?$")
_WORD_YEAR = re.compile(r"^([^\d\s][^\d]*?)\s*(\d{4})$")
_YEAR_WORD = re.compile(r"^(\d{4})\s*([^\d\s][^\d]*)$")
_RANGE_SEPARATORS = ("–", "—", "~", "至", " - ", " to ", " bis ", " au ", " à ", " a ", " hasta ", " until ")
_WRITTEN_MAX = 4096
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
    _written: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)
    """Dates as :meth:`date` writes them, by value: a batch writes the same few hundred again and again."""

    def date(self, value: str) -> str:
        """A schema date as people write it: ``Sep 2017`` (a year alone stays a year)."""
        found = self._written.get(value)
        if found is None:
            found = self._date(value)
            if len(self._written) >= _WRITTEN_MAX:
                self._written.clear()  # hostile input of endless distinct dates: memory stays bounded
            self._written[value] = found
        return found

    def _date(self, value: str) -> str:
        try:
            parts = dates.parse(value)
        except ValueError:
            return value
        if parts.month is None:
            return str(parts.year)
        return self.months[parts.month - 1].replace("{y}", str(parts.year))

    @cached_property
    def dates_read_back(self) -> bool:
        """True when every month-and-year this language's writer shows reads back as written."""
        return _dates_read_back(self.code, self.months)

    def date_range(self, start: object, end: object, *, open_end: bool = True) -> str:
        """A date range as the page shows it, with no-break characters: ``Sep\u00a02017\u00a0–\u00a0Jul\u00a02021``.

        Equal start and end are one date (``2023``, not ``2023 – 2023``); a start without an end
        runs to "present" in the language (unless ``open_end`` is False); an end alone is itself.
        Values that are not text are left out. Plain text, for any writer.
        """
        first = nobreak(self.date(start)) if isinstance(start, str) and start else ""
        last = nobreak(self.date(end)) if isinstance(end, str) and end else ""
        if first and last == first:
            return first
        if first and not last and open_end:
            last = nobreak(self.labels["present"])
        return RANGE_DASH.join(t for t in (first, last) if t)

    def parse_date(self, text: str) -> str | None:
        """The schema date a person wrote on the page (``Sep 2017``, ``2017年9月``, ``2017``), or None."""
        text = " ".join(text.replace("\u2011", "-").split())
        written = _written_month(self.months, text)
        if written is not None:
            return written
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
        return _fold(text) in _present_words() or dates.means_present(text)


# No-break space (U+00A0) and no-break hyphen (U+2011): a date never breaks across lines.
NBSP, NB_HYPHEN, NNBSP = "\u00a0", "\u2011", "\u202f"
RANGE_DASH = NBSP + "–" + NBSP
"""Between the two dates of a range: an en dash held to both by no-break spaces."""


def nobreak(text: str) -> str:
    """``text`` with its spaces and hyphens made no-break (``févr. 2020`` cannot break in two)."""
    return text.replace(" ", NBSP).replace("-", NB_HYPHEN)


_FRENCH_BEFORE = re.compile("[ \u00a0](?=[:;!?»])")
_FRENCH_AFTER = re.compile("(?<=«)[ \u00a0]")


def typeset(text: str, code: str) -> str:
    """Text with the language's own punctuation spacing, same length (a space is replaced, never added).

    French: the space before ``: ; ! ?`` and ``»`` and after ``«`` becomes a narrow no-break
    space (U+202F), so that "Lyon :" never breaks before the colon. Other languages: unchanged.
    """
    if code != "fr" or not any(c in text for c in ":;!?«»"):
        return text
    return _FRENCH_AFTER.sub(NNBSP, _FRENCH_BEFORE.sub(NNBSP, text))


def untypeset(text: str) -> str:
    """The reverse of :func:`typeset` and :func:`nobreak` as far as it goes: plain spaces and hyphens."""
    if text.isascii():
        return text
    return text.replace(NNBSP, " ").replace(NBSP, " ").replace(NB_HYPHEN, "-")


def label(text: str, code: str) -> str:
    """A label with its colon as the language writes it: ``Cours\u202f: `` in French, ``课程：`` in
    Chinese and Japanese (a full-width colon, no space), ``Courses: `` else."""
    if code == "fr":
        return f"{text}{NNBSP}: "
    if code in ("zh", "ja"):
        return f"{text}："
    return f"{text}: "


@cache
def _dates_read_back(code: str, months: tuple[str, ...]) -> bool:
    lang = language(code) if language(code).months == months else None
    if lang is None:
        return False
    return all(lang.parse_date(nobreak(lang.date(f"2000-{m:02d}"))) == f"2000-{m:02d}" for m in range(1, 13))


@cache
def _month_patterns(months: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], int], ...]:
    """For each month, a pattern of the text :meth:`Language.date` writes for it (the year captured)."""
    out = []
    for number, template in enumerate(months, 1):
        spaced = re.escape(" ".join(template.split())).replace(re.escape("{y}"), r"(\d{4})")
        out.append((re.compile(spaced), number))
    return tuple(out)


def _written_month(months: tuple[str, ...], text: str) -> str | None:
    """The schema date of a month-and-year exactly as this language's writer writes it, or None."""
    for pattern, number in _month_patterns(months):
        if m := pattern.fullmatch(text):
            return f"{m[1]}-{number:02d}"
    return None


@cache
def _present_words() -> frozenset[str]:
    """ "Present" in every language we write, folded (asked for every end date read)."""
    return frozenset(_fold(labels["present"]) for labels in LABELS.values())


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


def default_page(basics: object) -> str:
    """The paper a résumé is printed on where its person lives (``basics.location.countryCode``):
    ``Letter`` in the United States and Canada, else ``A4``. Every page writer's default."""
    location = basics.get("location") if isinstance(basics, dict) else None
    country = location.get("countryCode") if isinstance(location, dict) else None
    return "Letter" if isinstance(country, str) and country.upper() in ("US", "CA") else "A4"


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


# The fields a person writes sentences and titles in (names of people, places and employers
# tell little about the language: "Siemens" or "Zhao" appear in CVs in any language).
_PROSE = frozenset(
    ("summary", "highlights", "description", "label", "position", "studyType", "area", "courses", "title")
)
_TELL_CHARS = 1_500  # some 250 words: enough to tell a language, and cheap for every résumé written
_TELL_LEAST = 120  # fewer letters tell no language for sure: English then


def told(data: object) -> str | None:
    """The language a résumé's own prose is written in (ISO 639-1), or None when it has too
    little prose to tell: what a document writer uses when no ``lang`` is given."""
    from cvconvert.language import count_letters, detect

    sample = _prose(data)
    if count_letters(sample) < _TELL_LEAST:
        return None
    return detect([sample])


def _prose(data: object) -> str:
    """The first :data:`_TELL_CHARS` characters of the résumé's prose fields, in its order."""
    texts: list[str] = []
    size = 0
    # Depth first, in the résumé's order: a stack of (key, value) iterators (no copy of any
    # object or list; no recursion, however deep the data).
    stack: list[Iterator[tuple[object, object]]] = [iter((("", data),))]
    while stack and size < _TELL_CHARS:
        for key, value in stack[-1]:
            if str(key).startswith("x-"):
                continue  # data for programs (an item of a list has its list's key: not x-)
            if isinstance(value, dict):
                stack.append(iter(value.items()))
                break
            if isinstance(value, list):
                stack.append(zip(repeat(key), value))
                break
            if isinstance(value, str) and key in _PROSE:
                texts.append(value)
                size += len(value)
                if size >= _TELL_CHARS:
                    break
        else:
            stack.pop()
    return "\n".join(texts)[:_TELL_CHARS]
