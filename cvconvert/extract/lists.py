"""The list sections: skills, languages, interests, awards, certificates, publications, references.

One reader per section (:func:`_list_section` picks it), each over the section's lines after
:func:`_joined_rows` has put a table row's caption cell and content cell on one line
("Programming<tab>Python, Go"). The words they know (levels, fluency, "on request") are per
language; language names come from CLDR through Babel for the document's language and English,
beside the names of languages in their own tongue.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from cvconvert.extract import headings
from cvconvert.extract.daterange import _fold, _without_dates, find_dates
from cvconvert.extract.lines import Line, _is_bullet, _strip_bullet, _words
from cvconvert.extract.vocab import _ORG, _split_key

# Language names written by hand: the common ones in English, and each language's own name for
# itself, which a CV in any language may use ("Deutsch", "Magyar", "Français").
# fmt: off
_LANGUAGE_NAMES = re.compile(
    r"(?i)^(?:english|german|french|spanish|portuguese|italian|dutch|russian|chinese|mandarin|cantonese|japanese|"
    r"korean|arabic|hindi|urdu|bengali|odia|oriya|tamil|telugu|marathi|turkish|polish|ukrainian|greek|swedish|"
    r"norwegian|danish|finnish|czech|hungarian|romanian|persian|hebrew|deutsch|englisch|französisch|spanisch|"
    r"italienisch|russisch|anglais|allemand|français|espagnol|italien|inglés|alemán|francés|español|inglês|"
    r"alemão|francês|português|italiano|nederlands|polski|svenska|türkçe|magyar|čeština|română|українська|"
    r"ελληνικά|bahasa indonesia|tiếng việt|английский|немецкий|французский|русский|испанский|"
    r"עברית|فارسی|العربية|日本語|한국어|英语|汉语|中文|日语|德语|法语)\b"
)
# fmt: on

# The languages whose CLDR names are asked for besides the document's own: English, which CVs
# everywhere use for language names.
_NAME_LOCALES = ("en",)

# CEFR levels ("B2", "C1+"), and the level words skills and languages are rated with.
_CEFR = re.compile(r"(?i)^(?:[abc][12]\+?|[abc][12]\s*[-/–]\s*[abc][12])$")
# fmt: off
_LEVEL_WORDS = {
    "en": ("native", "mother tongue", "fluent", "proficient", "advanced", "intermediate", "upper intermediate",
           "basic", "beginner", "elementary", "conversational", "professional", "professional working proficiency",
           "full professional proficiency", "limited working proficiency", "native or bilingual proficiency",
           "elementary proficiency", "bilingual", "expert", "good",
           "very good", "excellent", "working knowledge", "business", "business fluent", "first language"),
    "de": ("muttersprache", "muttersprachlich", "fließend", "verhandlungssicher", "sehr gut", "gut", "grundkenntnisse",
           "gute kenntnisse", "sehr gute kenntnisse", "fortgeschritten", "anfänger", "exzellent", "basiskenntnisse",
           "konversationssicher", "erweiterte kenntnisse"),
    "fr": ("langue maternelle", "maternelle", "courant", "bilingue", "avancé", "intermédiaire", "notions", "débutant",
           "bon", "bonne maîtrise", "très bon", "scolaire", "professionnel", "lu, écrit, parlé", "natif"),
    "es": ("nativo", "nativa", "lengua materna", "fluido", "avanzado", "intermedio", "básico", "bueno", "muy bueno",
           "excelente", "bilingüe", "principiante"),
    "pt": ("nativo", "fluente", "avançado", "intermediário", "básico", "bom", "muito bom", "língua materna"),
    "it": ("madrelingua", "fluente", "avanzato", "intermedio", "base", "buono", "ottimo", "scolastico"),
    "nl": ("moedertaal", "vloeiend", "goed", "zeer goed", "basis", "gemiddeld"),
    "pl": ("ojczysty", "biegły", "zaawansowany", "średnio zaawansowany", "podstawowy", "dobry", "komunikatywny"),
    "ru": ("родной", "свободно", "свободный", "продвинутый", "средний", "базовый", "хорошо", "отлично",
           "разговорный", "технический", "читаю со словарём"),
    "tr": ("anadil", "ana dil", "ileri", "orta", "başlangıç", "iyi", "çok iyi", "akıcı", "temel"),
    "hu": ("anyanyelvi", "anyanyelv", "felsőfok", "középfok", "alapfok", "folyékony", "társalgási"),
    "zh": ("母语", "流利", "熟练", "精通", "良好", "一般", "基础", "入门"),
    "ja": ("ネイティブ", "ビジネスレベル", "日常会話", "日常会話レベル", "流暢", "母国語", "初級", "中級", "上級"),
}
# fmt: on
_LEVELS = frozenset(_fold(w) for words in _LEVEL_WORDS.values() for w in words)
# "4/5", "80%", "★★★☆☆", "Level 3": a rating, not a keyword.
_RATING = re.compile(
    r"^(?:\d{1,3}\s*%|\d(?:[.,]\d)?\s*/\s*\d{1,2}|[★☆●○◉◯■□▪▫]+|(?:level|niveau|nivel)\s*\w{1,3})$", re.I
)
# Rating glyphs (★★★, private-use symbols) carry no words.
_GLYPHS = re.compile(r"[\uf000-\uf0ff★☆●○◉◯]+")
# A list of items on one line: commas, semicolons, pipes and middle dots between them.
_SEPARATORS = re.compile(r"\s*(?:[,;，、；|]|\s[·•▪∙]\s)\s*(?![^()（）]*[)）])")
# The caption Europass and others give the first language, per language (folded).
_MOTHER_TONGUE = frozenset(
    _fold(w)
    for w in (
        "mother tongue",
        "mother tongue(s)",
        "native language",
        "first language",
        "muttersprache",
        "langue maternelle",
        "langue(s) maternelle(s)",
        "lengua materna",
        "lengua(s) materna(s)",
        "língua materna",
        "língua(s) materna(s)",
        "lingua madre",
        "madrelingua",
        "moedertaal",
        "język ojczysty",
        "родной язык",
        "anadil",
        "ana dil",
        "anyanyelv",
        "μητρική γλώσσα",
        "modersmål",
        "bahasa ibu",
        "tiếng mẹ đẻ",
        "母语",
        "母語",
    )
)
# "References available on request": a promise, not a reference.
_ON_REQUEST = re.compile(
    r"(?i)\b(?:on request|upon request|available on|on demand|auf anfrage|sur demande|a pedido|a petición|"
    r"sob consulta|su richiesta|op aanvraag|по запросу|na żądanie)\b|应要求|요청 시"
)


def _is_language_name(text: str, lang: str | None = None) -> bool:
    """True when the text starts with a language's name ("English (fluent)", "Deutsch", "Kroatisch")."""
    if _LANGUAGE_NAMES.match(text):
        return True
    words = re.split(r"[\s:(（,;：–—-]+", text.strip(), maxsplit=2)
    if words[0].isupper() and len(words[0]) <= 4:
        return False  # an acronym ("GAN", "CNN"), even where CLDR has a language of that name
    known = _cldr_language_names(lang or "")
    # One word ("Kroatisch", "英语") or two ("Tiếng Anh", "Bahasa Inggris").
    return ((len(words[0]) > 2 or not words[0].isascii()) and _fold(words[0]) in known) or (
        len(words) > 1 and _fold(" ".join(words[:2])) in known
    )


@functools.cache
def _cldr_language_names(lang: str) -> frozenset[str]:
    """The names of languages, in ``lang`` and in English, folded (from CLDR through Babel).

    Cached by language: the same for every document, so no result depends on the one before.
    Without Babel only the hand list above is known.
    """
    try:
        from babel.core import Locale, UnknownLocaleError
    except ImportError:
        return frozenset()
    names: set[str] = set()
    for code in dict.fromkeys((*_NAME_LOCALES, lang.split("_")[0].split("-")[0].casefold())):
        if not code:
            continue
        try:
            languages = Locale.parse(code).languages
        except (UnknownLocaleError, ValueError, TypeError):
            continue
        # Names of one or two words: a line is matched on its first words ("Englisch (C1)").
        # Short Latin names ("Ido", "Ewe") are words or acronyms too; Korean and CJK names are
        # two signs ("영어", "英语").
        names.update(_fold(n) for n in languages.values() if n.count(" ") <= 1 and (len(n) > 3 or not n.isascii()))
    return frozenset(names)


def _is_level(text: str) -> bool:
    """A level word or rating: "fluent", "Muttersprache", "C1", "4/5", "★★★"."""
    text = text.strip(" .()（）")
    return bool(text) and (_fold(text) in _LEVELS or bool(_CEFR.match(text)) or bool(_RATING.match(text)))


def _pieces(text: str) -> list[str]:
    """The items of a one-line list: "Python, SQL | Go" -> ["Python", "SQL", "Go"]."""
    # A bullet glyph left at either end ("Lua •") is the list's, not the item's.
    return [p.strip(" .•·▪∙") for p in _SEPARATORS.split(text) if p.strip(" .•·▪∙")]


def _joined_rows(lines: list[Line]) -> Iterator[Line]:
    """The lines, with each two-column table row given as one line "caption<tab>content".

    A skills or languages table puts a caption in one cell and what it captions in the next
    ("Programming" | "Python, Go"; "English" | "C1"); read cell by cell, the caption would be an
    item of its own. Rows of more cells, or whose first cell is no caption, stay as they are.
    """
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.cell is None:
            yield line
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].cell is not None and lines[j].cell[:2] == line.cell[:2]:  # type: ignore[index]
            j += 1
        row = lines[i:j]
        columns = sorted({ln.cell[2] for ln in row if ln.cell is not None})
        first = [ln for ln in row if ln.cell is not None and ln.cell[2] == columns[0]]
        rest = [ln for ln in row if ln.cell is not None and ln.cell[2] != columns[0]]
        caption = " ".join(_strip_bullet(ln.text) for ln in first).strip()
        content = ", ".join(_strip_bullet(ln.text) for ln in rest).strip()
        if len(columns) == 2 and caption and content and _is_caption(first, caption, rest, content):
            yield Line(f"{caption.rstrip(':：')}\t{content}", where=line.where, cell=line.cell, para=line.para)
        else:
            yield from row
        i = j


def _is_caption(first: list[Line], caption: str, rest: list[Line], content: str) -> bool:
    """A cell that captions the next: bold or with a colon, or followed by a list or a level."""
    if _words(caption) > 4 or find_dates(caption):
        return False
    return (
        all(ln.bold for ln in first)
        or caption.endswith((":", "："))
        or len(rest) > 1
        or len(_pieces(content)) > 1
        or _is_level(content)
    )


# --- skills ---------------------------------------------------------------------------------


def _skills(lines: list[Line]) -> list[dict[str, Any]]:
    """Skill groups: "Group: a, b, c" lines, a group name over its list items, plain lists.

    "Programming: Python, Go" gives a group with keywords; "Python: expert" or "Python (4/5)" a
    skill with a level; "Tools:" or a bold caption over list items gives a group whose keywords
    are the items; a line of "a, b, c" without a caption gives one skill per item.
    """
    out: list[dict[str, Any]] = []
    group: dict[str, Any] | None = None  # the open group that following list items fill
    rows = list(_joined_rows(lines))
    for i, line in enumerate(rows):
        text = _GLYPHS.sub("", _strip_bullet(line.text)).strip()
        if not text or not re.search(r"\w", text):
            continue
        kv = _caption(text) if re.search(r"[:：\t]", text) else None
        paren = _PAREN_GROUP.fullmatch(text)
        if _is_header_row(text):
            continue
        if kv and kv[1]:
            out.append(_skill_group(kv[0].strip(), kv[1]))
            group = None
        elif paren and len(_pieces(paren.group("list"))) > 1:
            # "Design programs (Inventor, AutoCAD, Rhino)": a group and its keywords.
            out.append({"name": paren.group("name"), "keywords": _pieces(paren.group("list"))})
            group = None
        elif text.endswith((":", "：")) or _is_group_name(line, text, rows[i + 1 : i + 2]):
            group = {"name": text.rstrip(":：").strip(), "keywords": []}
            out.append(group)
        elif group is not None and (_is_bullet(line) or not group["keywords"]):
            group["keywords"].extend(_pieces(text))
        elif _is_sentence(text):
            group = None
            out.append({"name": text})  # "Well-versed in Ruby, Rails. Good knowledge of Go."
        else:
            group = None
            out.extend(_skill(piece) for piece in _pieces(text))
    for item in out:
        if item.get("keywords") == []:
            del item["keywords"]
    return out


def _caption(text: str) -> tuple[str, str] | None:
    """A caption and what follows it: "Tools: Git" as the rules of all captions split it, and
    also a caption of symbols ("C++: good", "C#/.NET: Azure")."""
    kv = _split_key(text)
    if kv:
        return kv
    m = re.match(r"^([^:：]{1,40}?)\s*[:：]\s+(.+)$", text)
    return (m.group(1), m.group(2)) if m and _words(m.group(1)) <= 4 else None


_PAREN_GROUP = re.compile(r"(?P<name>[^()（）]{2,60}?)\s*[(（](?P<list>[^()（）]+)[)）]\.?")


def _is_header_row(text: str) -> bool:
    """A table's header row: "Skill name<tab>Version<tab>Last used", "Language<tab>Level".

    Its first cell is a skills or languages heading word, and no cell holds a list.
    """
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    first = re.findall(r"\w+", cells[0]) if cells else []
    return (
        len(cells) > 1
        and 0 < len(first) <= 3
        # "Skill", "Skill name", "Language": a word of the cell names the list.
        and any(headings.lookup(word) in ("skills", "languages") for word in first)
        and not any(re.search(r"[,;，、]", c) for c in cells)
    )


def _is_sentence(text: str) -> bool:
    """A sentence, not a list: many words, and commas between phrases rather than names
    ("Can run an agile project reasonably well, including delivery and planning")."""
    pieces = _pieces(text)
    return _words(text) >= 8 and (bool(re.search(r"\w\.\s+\w", text)) or _words(text) / len(pieces) >= 3.5)


def _is_group_name(line: Line, text: str, following: list[Line]) -> bool:
    """A short bold line, not a list item, over list items: a group's name ("Programming")."""
    return (
        line.bold
        and not _is_bullet(line)
        and _words(text) <= 4
        and len(_pieces(text)) == 1
        and bool(following)
        and _is_bullet(following[0])
    )


def _skill_group(name: str, value: str) -> dict[str, Any]:
    """ "Programming: Python, Go" -> a group; "Python: expert" -> a skill with its level."""
    pieces = _pieces(value)
    if len(pieces) == 1 and _is_level(pieces[0]):
        return {"name": name, "level": pieces[0].strip(" ()")}
    return {"name": name, "keywords": pieces}


def _skill(piece: str) -> dict[str, Any]:
    """ "Python (advanced)" -> name and level; "Python" -> the name alone."""
    m = re.fullmatch(r"(?P<name>.+?)\s*[(（](?P<level>[^)）]+)[)）]", piece)
    if m and _is_level(m.group("level")):
        return {"name": m.group("name"), "level": m.group("level").strip()}
    return {"name": piece}


# --- languages ------------------------------------------------------------------------------


def _languages(lines: list[Line], lang: str | None = None) -> list[dict[str, Any]]:
    """Languages with their fluency: "German: native", "English (C1)", "French – B2",
    "Spanish<tab>fluent", a list of them on one line ("Deutsch (C1), Englisch (B2)"), or a
    language over its level on the next line ("English" / "Professional working proficiency")."""
    out: list[dict[str, Any]] = []
    caption = ""
    for line in _joined_rows(lines):
        text = _GLYPHS.sub("", _strip_bullet(line.text)).strip()
        if not text or _is_header_row(text):
            continue
        kv = _split_key(text)
        if kv and kv[1] and _fold(kv[0]) in _MOTHER_TONGUE:
            # "Mother tongue(s): Italian, Friulian": the caption is the fluency of each.
            out.extend({"language": p, "fluency": kv[0]} for p in _pieces(kv[1]))
            continue
        named = kv and kv[1] and all(_is_language_name(p, lang) for p in _pieces(kv[1]))
        if kv and named and not _is_language_name(kv[0], lang):
            text = kv[1]  # "I speak: English, Spanish": the caption is no language
        elif out and "fluency" not in out[-1] and _levels(text):
            out[-1]["fluency"] = _levels(text).strip(" ()")
            continue
        if caption:
            # The value under a caption alone on its line ("Mother tongue" / "Italian").
            out.extend({"language": p, "fluency": caption} for p in _pieces(text))
            caption = ""
            continue
        if _fold(text.rstrip(":： ")) in _MOTHER_TONGUE:
            caption = text.rstrip(":： ")
            continue
        if "\t" in text:
            # "English<tab>Fluent": a tab stands between a language and its level; in Europass's
            # grid, one level per skill ("English<tab>C1<tab>C1<tab>B2").
            name, _, level = text.partition("\t")
            level = " / ".join(dict.fromkeys(c.strip() for c in level.split("\t") if c.strip()))
            if _words(name) <= 3 and not re.search(r"[,;，、]", name):
                out.append(_language(f"{name.strip()}: {level}"))
                continue
            text = text.replace("\t", ", ")
        last: dict[str, Any] | None = None
        for piece in _pieces(text):
            item = _language(piece)
            if last and "fluency" in last and "fluency" not in item and _goes_on(piece, lang):
                # "Hebrew – writing, speaking and reading": the fluency goes on after the comma.
                last["fluency"] += ", " + piece
                continue
            out.append(item)
            last = item
    return [item for item in out if item["language"]]


def _goes_on(piece: str, lang: str | None) -> bool:
    """A piece after a language's fluency that goes on with it: "speaking and reading" (lower
    case, or several words, and no language's name)."""
    return not _is_language_name(piece, lang) and (piece[:1].islower() or _words(piece) >= 3)


_LANGUAGE_LEVEL = re.compile(
    r"^(?P<lang>[^\W\d][\w' -]*?)\s*(?:[:：–—-]\s*|[(（](?P<paren>[^)）]*)[)）]\s*[:：–—-]?\s*)(?P<fl>.*)$"
)


def _language(piece: str) -> dict[str, Any]:
    """One language and its fluency: "Englisch(C1)" -> {"language": "Englisch", "fluency": "C1"}."""
    piece = piece.strip(" .")
    m = _LANGUAGE_LEVEL.match(piece)
    if m and (m.group("fl") or m.group("paren")):
        fluency = " ".join(p for p in (m.group("paren"), m.group("fl")) if p)
        return {"language": m.group("lang").strip(), "fluency": fluency.strip(" ()")}
    return {"language": piece}


def _no_language_named(lines: list[Line], lang: str | None) -> bool:
    """A languages section that names no spoken language at all, in two items or more: computer
    languages under a heading such as "Computer languages" ("Python: very good", "C++: good")."""
    items = _languages(lines, lang)
    # Without the document's language only English and hand-listed names are known: a list in
    # another script may name languages nobody here listed.
    known_script = lang is not None or all(item["language"].isascii() for item in items)
    return len(items) > 1 and known_script and not any(_is_language_name(item["language"], lang) for item in items)


def _language_lines(lines: list[Line], lang: str | None) -> list[Line]:
    """The lines of a skills section that list spoken languages with their levels, and the
    lines that give them in two ("Inglese" over "C1<tab>C1<tab>B2"; "Mother tongue" over "Italian")."""
    found = []
    taken = -1
    for i, line in enumerate(lines):
        text = _strip_bullet(line.text)
        after = _strip_bullet(lines[i + 1].text) if i + 1 < len(lines) else ""
        if i <= taken:
            continue
        if _states_languages(text, lang):
            found.append(line)
        elif after and (
            (_is_language_name(text, lang) and _words(text) <= 2 and _levels(after))
            or _fold(text.rstrip(":： ")) in _MOTHER_TONGUE
        ):
            found += [line, lines[i + 1]]
            taken = i + 1
    return found


def _levels(text: str) -> str:
    """The level or levels a line gives and nothing else, once each: "C1<tab>C1<tab>B2" -> "C1 / B2"."""
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    return " / ".join(dict.fromkeys(cells)) if cells and all(_is_level(c) for c in cells) else ""


def _states_languages(text: str, lang: str | None) -> bool:
    """A line that gives spoken languages: "Mother tongue: Italian" (a caption per language);
    "English<tab>C1<tab>C1<tab>B2" (Europass's grid); or pieces that are each a name of one or two
    words with a level, one name at least a known language's ("Deutsch (C1), Kroatisch (Muttersprache)")."""
    kv = _split_key(text)
    if kv and kv[1] and _fold(kv[0]) in _MOTHER_TONGUE:
        return True
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    if len(cells) > 1 and _is_language_name(cells[0], lang) and all(_is_level(c) for c in cells[1:]):
        return True
    pieces = [_language(p) for p in _pieces(kv[1] if kv and kv[1] else text.replace("\t", ", "))]
    if len(pieces) > 1 and all(_words(p["language"]) <= 2 and _is_language_name(p["language"], lang) for p in pieces):
        return True  # "I speak: English, Spanish, Arabic"
    return (
        bool(pieces)
        and all(_words(p["language"]) <= 2 and _is_level(p.get("fluency", "")) for p in pieces)
        and any(_is_language_name(p["language"], lang) for p in pieces)
    )


# --- interests, awards, certificates, publications, references -------------------------------


def _interests(lines: list[Line]) -> list[dict[str, Any]]:
    """One interest per item: "Chess, hiking | photography" gives three."""
    return [{"name": piece} for text in _list_items(lines) for piece in _pieces(text)]


def _dated(lines: list[Line], key: str) -> list[dict[str, Any]]:
    """Awards, certificates and publications: one item per line, its date taken out.

    A date alone on a line belongs to the item after it when the list starts with one ("2024" /
    "Some Certificate"), else to the item before it. An undated line under a list item that is no
    list item itself, or in italics, continues that item ("Best Paper Award 2019" / "ACM
    Conference"): it names the awarder or issuer (for publications, the venue).
    """
    rows = [
        (line, _GLYPHS.sub("", _strip_bullet(line.text)).replace("\t", " ").strip()) for line in _joined_rows(lines)
    ]
    rows = [(line, text) for line, text in rows if re.search(r"\w", text)]
    out: list[dict[str, Any]] = []
    date_first = bool(rows) and _date_only(rows[0][1])
    pending: str | None = None
    previous: Line | None = None
    for line, text in rows:
        spans = find_dates(text)
        date = spans[0].end or spans[0].start if spans else None
        title = _trimmed(_without_dates(text, spans) if spans else text)
        if not title or not re.search(r"\w", title):
            if out and not date_first and not out[-1].get(_DATE_KEY[key]):
                out[-1][_DATE_KEY[key]] = date
            else:
                pending = date
        elif out and previous is not None and not spans and pending is None and _continues(line, previous):
            _add_detail(out[-1], key, title)
        else:
            out.append(_dated_item(key, title, date or pending))
            pending = None
        previous = line
    return [{k: v for k, v in item.items() if v} for item in out]


def _trimmed(text: str) -> str:
    """A title with what taking its date out left around it: "Award, (2019)." -> "Award"."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(?:[\s,;:–—()\[\]-]+\.?)+$", "", text)
    return re.sub(r"^[\s,;:–—()\[\].-]+", "", text)


def _date_only(text: str) -> bool:
    """A line that holds a date and nothing else ("2019", "03/2020 - 05/2021")."""
    spans = find_dates(text)
    return bool(spans) and not re.search(r"\w", _without_dates(text, spans))


_DATE_KEY = {"awards": "date", "certificates": "date", "publications": "releaseDate"}
_TITLE_KEY = {"awards": "title", "certificates": "name", "publications": "name"}
_BY_KEY = {"awards": "awarder", "certificates": "issuer", "publications": "publisher"}


def _date_of(item: dict[str, Any], key: str) -> object:
    return item.get(_DATE_KEY[key])


def _dated_item(key: str, title: str, date: str | None) -> dict[str, Any]:
    """An award, certificate or publication; "Title, Some University" names who gave it."""
    item: dict[str, Any] = {_TITLE_KEY[key]: title, _DATE_KEY[key]: date}
    if key != "publications":
        head, sep, tail = title.rpartition(", ")
        if sep and head and _ORG.search(tail) and not _ORG.search(head) and _words(tail) <= 8:
            item[_TITLE_KEY[key]], item[_BY_KEY[key]] = head, tail
    return item


def _continues(line: Line, previous: Line) -> bool:
    """A short line under a list item that is none itself, or in italics: a detail of the item.

    Paragraph numbers do not tell: a PDF or a pasted text shares them between the lines of a list.
    """
    return not _is_bullet(line) and (_is_bullet(previous) or line.italic) and _words(line.text) <= 12


def _add_detail(item: dict[str, Any], key: str, text: str) -> None:
    """The line under an item names who gave it (or, for a publication, where it appeared)."""
    by = _BY_KEY[key]
    if not item.get(by):
        item[by] = text
    else:
        item["summary"] = f"{item['summary']} {text}" if item.get("summary") else text


def _references(lines: list[Line]) -> list[dict[str, Any]]:
    """Referees: a name, then the lines about them (title, organisation, phone, e-mail) as the
    reference; "available on request" is a promise, not a reference."""
    out: list[dict[str, Any]] = []
    for line in lines:
        text = _strip_bullet(line.text).replace("\t", " ").strip()
        if not text or not re.search(r"\w", text) or _ON_REQUEST.search(text):
            continue
        contact = bool(re.search(r"@|\d{3}", text)) or bool(_split_key(text))
        if out and (contact or (not line.bold and out[-1].get("_bold"))):
            out[-1]["reference"] = f"{out[-1]['reference']}; {text}" if out[-1].get("reference") else text
        else:
            out.append({"name": text, "_bold": line.bold})
    return [{k: v for k, v in item.items() if not k.startswith("_")} for item in out]


def _list_items(lines: list[Line]) -> list[str]:
    """The items of a list section's lines: tab-separated cells apart, bullets and glyphs gone."""
    out = []
    for line in lines:
        for part in line.text.split("\t"):
            text = _strip_bullet(part)
            if text and re.search(r"\w", text) and not re.fullmatch(r"[\W\u2605\u2606\uf000-\uf0ff]+", text):
                out.append(text.strip())
    return out


def _list_section(key: str, lines: list[Line], lang: str | None = None, title: str = "") -> list[dict[str, Any]]:
    """The items of one list section, as JSON Resume gives them for ``key``; ``lang`` is the
    document's language, whose names of languages are known besides the English ones; ``title``
    is the section's heading."""
    if key == "skills":
        return _skills(lines)
    if key == "languages":
        items = _languages(lines, lang)
        if items and "fluency" not in items[0] and _fold(title.rstrip(":： ")) in _MOTHER_TONGUE:
            # A "Mother tongue" heading over its language: the caption is its fluency.
            items[0]["fluency"] = title.rstrip(":： ")
        return items
    if key == "interests":
        return _interests(lines)
    if key in _DATE_KEY:
        return _dated(lines, key)
    if key == "references":
        return _references(lines)
    return [{"name": t} for t in _list_items(lines)]


def _spoken_list(text: str, lang: str | None) -> str:
    """A list of two spoken languages or more given without a caption among the personal
    details ("Spanish, English", a cell of a contact row): the list, else ""."""
    for cell in text.split("\t"):
        parts = [p.strip() for p in re.split(r"[,;·|/•]", _strip_bullet(cell)) if p.strip()]
        if len(parts) >= 2 and all(_words(p) <= 3 and _is_language_name(p, lang) for p in parts):
            return cell.strip()
    return ""
