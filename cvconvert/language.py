"""The language a CV is written in, told by the document itself (no hint, no model).

The engine (:mod:`cvconvert.extract`) asks it of a document's lines; a document writer asks it of
a résumé's prose when no language is given, without loading the engine.

:func:`detect` looks at the script first (Hangul, kana, Han, Hebrew, Arabic, Greek, Cyrillic), then,
for Latin script, at the letters only some languages write and the words every CV in a language
uses ("und", "der", "Berufserfahrung"). One pass over at most :data:`SAMPLE` characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cvconvert.extract.lines import Line


# Enough text to tell a language; the rest of a long CV adds time, not certainty.
SAMPLE = 8_000

# fmt: off
# Frequent words of each Latin-script language: function words, and words of CV headings and
# dates. Written folded (lower case, no accents), as the text is compared.
_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("the", "and", "of", "for", "with", "to", "in", "at", "experience", "education", "skills",
           "present", "university", "work", "languages", "projects", "summary", "responsible"),
    "de": ("und", "der", "die", "das", "mit", "fur", "bei", "von", "im", "seit", "bis", "heute",
           "berufserfahrung", "ausbildung", "kenntnisse", "sprachen", "studium", "lebenslauf", "als"),
    "fr": ("et", "le", "la", "les", "des", "du", "pour", "avec", "au", "en", "dans", "experience",
           "formation", "competences", "langues", "aujourd", "stage", "chez", "professionnelle"),
    "es": ("y", "el", "la", "los", "las", "del", "con", "para", "en", "por", "experiencia",
           "formacion", "educacion", "habilidades", "idiomas", "actualidad", "laboral", "desarrollo"),
    "pt": ("e", "o", "os", "as", "do", "da", "dos", "das", "com", "para", "em", "experiencia",
           "formacao", "educacao", "competencias", "idiomas", "atual", "profissional", "nao"),
    "it": ("e", "il", "la", "di", "del", "della", "con", "per", "in", "esperienza", "esperienze",
           "formazione", "istruzione", "competenze", "lingue", "lavorativa", "presso", "oggi"),
    "nl": ("en", "de", "het", "van", "met", "voor", "bij", "een", "werkervaring", "opleiding",
           "vaardigheden", "talen", "heden", "ervaring", "nu"),
    "pl": ("i", "w", "z", "na", "do", "oraz", "dla", "doswiadczenie", "wyksztalcenie", "umiejetnosci",
           "jezyki", "obecnie", "zawodowe", "praca"),
    "tr": ("ve", "ile", "bir", "icin", "deneyimi", "egitim", "beceriler", "diller", "gunumuz",
           "universitesi", "is", "yabanci", "bilgiler"),
    "hu": ("es", "a", "az", "egy", "tapasztalat", "oktatas", "keszsegek", "nyelvek", "jelenleg",
           "egyetem", "szakmai", "munka"),
    "sv": ("och", "i", "med", "for", "pa", "av", "erfarenhet", "utbildning", "kompetenser", "sprak",
           "nuvarande", "arbetslivserfarenhet"),
    "id": ("dan", "di", "yang", "dengan", "untuk", "pengalaman", "pendidikan", "keahlian", "bahasa",
           "sekarang", "kerja", "universitas"),
    "vi": ("va", "cua", "cac", "kinh", "nghiem", "hoc", "van", "ky", "nang", "nay", "lam", "viec",
           "truong", "thang", "nam"),
}
# fmt: on
_INDEX: dict[str, tuple[str, ...]] = {}
for _lang, _words in _WORDS.items():
    for _word in _words:
        _INDEX[_word] = (*_INDEX.get(_word, ()), _lang)

# Letters only one Latin-script language of the corpora writes (ç, ü, è are shared): strong signs.
_LETTERS = {
    "ß": "de", "œ": "fr", "ñ": "es", "¿": "es", "¡": "es", "ã": "pt", "õ": "pt",
    "ł": "pl", "ą": "pl", "ę": "pl", "ś": "pl", "ź": "pl", "ż": "pl", "ń": "pl",
    "ı": "tr", "ş": "tr", "ğ": "tr", "ő": "hu", "ű": "hu", "å": "sv",
    "ơ": "vi", "ư": "vi", "đ": "vi", "ạ": "vi", "ả": "vi", "ấ": "vi", "ầ": "vi", "ế": "vi", "ệ": "vi",
    "ộ": "vi", "ọ": "vi", "ụ": "vi", "ị": "vi", "ữ": "vi",
}  # fmt: skip
# Letters of the Persian alphabet that Arabic has not.
_PERSIAN = set("پچژگکی")
_UKRAINIAN = set("іїєґ")


def _script(ch: str) -> str:
    """The script of a letter, as far as telling a language needs."""
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
        return "kana"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "han"
    if 0x0590 <= code <= 0x05FF:
        return "hebrew"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if 0x0370 <= code <= 0x03FF or 0x1F00 <= code <= 0x1FFF:
        return "greek"
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    return "latin" if code < 0x0250 or 0x1E00 <= code <= 0x1EFF else "other"


def _sample(lines: Iterable[Line | str]) -> str:
    """The text of the first lines, up to :data:`SAMPLE` characters."""
    parts: list[str] = []
    size = 0
    for line in lines:
        text = line if isinstance(line, str) else line.text
        parts.append(text)
        size += len(text) + 1
        if size >= SAMPLE:
            break
    return "\n".join(parts)[:SAMPLE]


def detect(lines: Iterable[Line | str]) -> str | None:
    """The language (ISO 639-1 code) a document's lines are written in, or None when its text
    tells none: script first ("ko", "ja", "zh", "he", "fa", "ar", "el", "ru", "uk"), then for
    Latin script the language whose letters and frequent words it uses most.

    A pure function of the lines, linear in their length (at most :data:`SAMPLE` characters read).
    """
    # Lower case, not case-folded: folding writes ß as ss.
    text = _sample(lines).lower()
    # ASCII letters are Latin and counted in one C pass; only the other characters are counted
    # one by one (an English CV has a few dozen of them), each distinct one classified once.
    plain = text.encode("ascii", "ignore")
    chars = Counter(_ASCII_RUN.sub("", text)) if len(plain) < len(text) else Counter()
    scripts: Counter[str] = Counter()
    ascii_letters = len(plain) - len(plain.translate(None, _ASCII_LETTERS))
    if ascii_letters:
        scripts["latin"] = ascii_letters
    for ch, n in chars.items():
        if ch.isalpha():
            scripts[_script(ch)] += n
    letters = sum(scripts.values())
    if not letters:
        return None
    found = _by_script(chars, scripts, letters)
    return found if found is not None else _latin_language(text, chars)


_ASCII_RUN = re.compile("[\x00-\x7f]+")
_ASCII_LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LETTER = re.compile(r"[^\W\d_]")


def count_letters(text: str) -> int:
    """How many letters ``text`` has (``[^\\W\\d_]``: word characters but digits and ``_``): the
    ASCII ones in one C pass, only the others one by one."""
    plain = text.encode("ascii", "ignore")
    found = len(plain) - len(plain.translate(None, _ASCII_LETTERS))
    if len(plain) < len(text):
        found += len(_LETTER.findall(_ASCII_RUN.sub("", text)))
    return found


def _by_script(chars: Counter[str], scripts: Counter[str], letters: int) -> str | None:
    """A language its script names, when that script writes a fair share of the text.

    A CJK character holds a word's worth of letters: a Chinese CV full of English tool names is
    still Chinese with a fifth of its letters in Han.
    """
    cjk = scripts["hangul"] + scripts["kana"] + scripts["han"]
    if cjk * 3 >= letters * 0.5:
        if scripts["hangul"] >= max(scripts["kana"], 1) and scripts["hangul"] * 4 >= cjk:
            return "ko"
        if scripts["kana"] * 20 >= cjk:
            return "ja"
        return "zh"
    for script, lang in (("hebrew", "he"), ("arabic", "ar"), ("greek", "el"), ("cyrillic", "ru")):
        if scripts[script] * 3 >= letters:
            if lang == "ar" and any(ch in chars for ch in _PERSIAN):
                return "fa"
            if lang == "ru" and any(ch in chars for ch in _UKRAINIAN):
                return "uk"
            return lang
    return None


# What NFKD splits off a Latin letter: its accents (one regex pass, not a call per character).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _latin_language(text: str, chars: Counter[str]) -> str | None:
    """The Latin-script language whose own letters and frequent words the text has most of."""
    # Every language with letters of its own is scored first, then the others as their words
    # come: on a tie, the first scored wins.
    score = dict.fromkeys(_LETTER_LANGUAGES, 0)
    for ch in _LETTERS.keys() & chars.keys():
        score[_LETTERS[ch]] += 2 * chars[ch]
    folded = text if text.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", text)).replace("ı", "i")
    # The words ([a-z]+) split in C: every other character (one not ASCII too) is made a space.
    find = _INDEX_BYTES.get
    for word in folded.encode("ascii", "replace").translate(_NOT_A_TO_Z).split():
        for lang in find(word, ()):
            score[lang] = score.get(lang, 0) + 1
    ranked = sorted(score.items(), key=itemgetter(1), reverse=True)[:2]  # stable: ties keep that order
    if not ranked or ranked[0][1] < 3:
        return None
    return ranked[0][0]


_LETTER_LANGUAGES = tuple(dict.fromkeys(_LETTERS.values()))
_NOT_A_TO_Z = bytes(b if 97 <= b <= 122 else 32 for b in range(256))
_INDEX_BYTES = {word.encode(): langs for word, langs in _INDEX.items()}
