"""An entry head ("Company — City", "Title at Organisation", "Degree, University") split into
organisation, title (or degree), place and field.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cvconvert.extract.daterange import _undated
from cvconvert.extract.lines import Line, _cjk, _strip_bullet, _words
from cvconvert.extract.places import _is_address, _is_place
from cvconvert.extract.vocab import (
    _AREA_KEYS,
    _COUNTRIES,
    _DATE_KEYS,
    _DEGREE,
    _FIELD,
    _ORG,
    _ORG_KEYS,
    _ROLE,
    _ROLE_KEYS,
    _SCHOOL,
    _SCORE,
    _STATUS,
    _STUDY_YEAR,
    _TO_THIS_DAY,
    _any_key,
    _split_key,
)

# Legal forms that make a name a company's, whatever words it holds (East Asian names hold
# loanwords such as "engineering" that read as job titles).
_LEGAL_FORM = re.compile(r"株式会社|有限会社|合同会社|주식회사|㈜|\(주\)|有限公司|股份公司")


# A school level said without naming the school: a degree's place in the entry, not an institution.
_SCHOOL_LEVEL = re.compile(
    r"(?i)(?:(?:elementary|primary|middle|high|secondary|junior high|senior high|grammar|grund|haupt|real|"
    r"volks|école primaire|collège|escuela primaria|escuela secundaria|scuola (?:elementare|media)|"
    r"ensino (?:fundamental|médio))(?:\s?school|schule)?[\s/–-]*)+"
)


# Asked again for the same pieces by each pass over a section (the section's head order, each
# head's split): a pure function of its arguments, so a bounded memo changes no result.
@lru_cache(maxsize=8192)
def _fragment_kind(text: str, key: str) -> str | None:
    if key == "education" and _SCHOOL_LEVEL.fullmatch(text.strip()):
        return "role"  # "Elementary School-High School, Ecole Nordvale": the level, then the school
    if key == "education":
        degrees, schools = list(_DEGREE.finditer(text)), list(_SCHOOL.finditer(text))
        if degrees and schools:
            # "Master of Science and Diploma of Nordvale College": the last word decides.
            return "org" if schools[-1].end() >= degrees[-1].end() else "role"
        if degrees:
            return "role"
        if _ORG.search(text):
            return "org"
    elif _LEGAL_FORM.search(text):
        return "org"  # "株式会社ノルド・エンジニアリング": a company, whatever words its name holds
    else:
        orgs, roles = list(_ORG.finditer(text)), list(_ROLE.finditer(text))
        if orgs and not roles:
            return "org"
        if roles and not orgs:
            return "role"
        if orgs and roles:
            # The head noun comes before a preposition ("Fellow in Applied Statistics", "Bank of
            # Nordvale", "Desenvolvedor de Software") and last of its phrase ("Office Manager", "Nord & Associates").
            head = re.split(r"\s(?:in|of|for|on|de|di|da|do|du|des|del|della|von|für)\s", text, maxsplit=1)[0]
            if head != text:
                in_head = bool(_ORG.search(head)), bool(_ROLE.search(head))
                if in_head in ((True, False), (False, True)):
                    return "org" if in_head[0] else "role"
            return "org" if orgs[-1].end() > roles[-1].end() else "role"
    if _is_place(text) and not _ORG.search(text):
        return "place"
    return None


_CONNECTORS = (
    # (pattern, which side is the organisation)
    (re.compile(r"(?i)\s+(?:at|@|bei|chez|auprès de)\s+(?=\S)"), "right"),
    # "... at the company X" in languages that say so: he, ru, fr, es, pt, fa.
    (
        re.compile(
            r"(?i)\s+(?:בחברת|בארגון|в компании|в организации|au sein de|en la empresa|na empresa|در شرکت)\s+(?=\S)"
        ),
        "right",
    ),
    # French and Italian elide the article onto the name: "Stage à l'Agence Durand", "presso l'Ente".
    (re.compile(r"(?i)\s+(?:à l['’]|chez l['’]|auprès de l['’]|presso(?:\s+l['’])?\s*|dell['’])(?=\w)"), "right"),
    (
        re.compile(
            r"(?i)\s+(?:an der|an dem|am|im|en la|en el|à l'|в|mit dem|mit der|für|for|na|no|em|en|à|a la)\s+(?=\S)"
        ),
        "weak",
    ),
    (re.compile(r"(?i)\s+as\s+(?=\S)"), "left"),
    (re.compile(r"(?i)\s+from\s+(?=\S)"), "right"),
)


# A field of study captioned inside the line: "LICENCE 1 à NORDVALE Filière ; Informatique de gestion".
_AREA_INLINE = re.compile(
    r"(?i)(?<![\s,])[\s,]+(?:filière|spécialité|specialization|specialisation|major|especialidad|специальность)"
    r"\s*[:;]\s*([^,;]*[^,;\s])"
)

# The field of study named in a sentence: "Majored in Animal Genetics", "направление «...»".
_AREA_IN_TEXT = re.compile(
    r"(?i)(?:направлени\w*|специальност\w*|major in|majoring in|majored in|field of study|studiengang|spécialité)"
    r"\s*:?\s*[«\"„“]?([^»\"“”,.;()]{3,80})"
)

# In a French education line, "à"/"au" introduce the school: "BFEM au lycée de Nordvale".
_SCHOOL_AT = (re.compile(r"(?i)\s+(?:à|au|aux)\s+(?=\S)"), "right")

_CJK_ORG_END = re.compile(r"大学|学院|公司|集团|银行|研究院|研究所|医院|事务所")


def _split_commas(text: str) -> list[str]:
    """Comma-separated pieces, leaving commas inside brackets alone ("Univ. (Orlando, FL)")."""
    pieces: list[str] = []
    depth = start = 0
    for i, ch in enumerate(text):
        if ch in "([（":
            depth += 1
        elif ch in ")]）":
            depth -= 1
        if ch in ",，" and depth <= 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _short_place(text: str) -> bool:
    """A place, or a few capitalised words that name no organisation, job or degree ("Madrid")."""
    if _is_place(text):
        return True
    return (
        0 < _words(text) <= 3
        and text[:1].isupper()
        and not re.search(r"\d", text)
        and not any(rx.search(text) for rx in (_ORG, _ROLE, _DEGREE))
    )


def _unquote(part: str) -> str:
    """ "«Nordwind»" -> "Nordwind": quotes around a whole name only mark it."""
    return part[1:-1] if re.fullmatch(r"[\"'«“„「][^\"«»“”„「」]+[\"'»”“」]", part) else part


# Separators and list glyphs a piece loses at either end ("Nordwind GmbH ●" before its dates).
_MARKS = " ;,:|/／·•●▪◦■♦◆❖★∙-–—\t"


def _trim(part: str) -> str:
    """Separators off both ends; a bracket only when it has no partner inside."""
    # An abbreviation keeps its full stop ("Sp. z o.o.", "Acme Inc."); a sentence loses it.
    keep_stop = bool(re.search(r"(?:\b\w\.\w+|\b[A-Z][a-z]{0,3})\.$", part.strip()))
    part = part.strip(_MARKS + ".") + ("." if keep_stop else "")
    part = _unquote(part)
    for opening, closing in ("()", "[]", "（）"):
        if part.endswith(closing) and part.count(opening) < part.count(closing):
            part = part[:-1]
        if part.startswith(opening) and part.count(opening) > part.count(closing):
            part = part[1:]
        if part.count(opening) > part.count(closing):
            part += closing
    return part.strip(_MARKS) if keep_stop else part.strip(_MARKS + ".")


# Words that end with a full stop without ending a sentence (initials never end one either).
_ABBREVIATIONS = frozenset(
    "co dr st mr mrs ms mme jr sr no nr vs mt ft rd sp lt ca cf al ed pp av bd "
    "inc ltd llc plc pvt mfg corp bros assn dept univ prof assoc asst intl natl govt hosp calif approx "
    "mgmt tech techn dipl inst cand admin engl col sgt gen ing etc eds vol dir hon rev est ext exec pres "
    "dev rep mgr bldg str hauptstr wiss stellv mag bc dott dra profa eng excmo dpto avda cía cia éts núm "
    "им ул пр просп д кв "
    "hons msc bsc ba ma mba phd llb llm md rer nat med phil oec pol jur inf kfm".split()
)


def _sentences(text: str) -> list[str]:
    """A head written as sentences ("2015. Research Fellow. School of Biology, University of X.")
    split at each full stop after a whole word that is not an abbreviation or an initial, before
    a capital ("M.Sc.", "Dipl.-Inf.", "Wiss. Mitarbeiter", "Str. 12" stay whole)."""
    pieces: list[str] = []
    start = 0
    for m in re.finditer(r"(?<![\w.])(?<!\.-)(\w{2,})\.\s+(?=[A-ZÀ-ÖØ-ÞА-Я])", text):
        if m.group(1).casefold() in _ABBREVIATIONS:
            continue
        pieces.append(text[start : m.end(1)])
        start = m.end()
    pieces.append(text[start:])
    return pieces


# A piece of an entry head with what it names ("org", "role", "place" or None) and its line.
_Typed = tuple[str, str | None, int]

# Where a head line splits into pieces: tabs, spaced bars, bullets and colons, runs of spaces,
# spaced dashes, a dash glued before a capital, a slash before CJK, a full-width colon.
_PIECE_SPLIT = re.compile(
    # Two spaces (or the tab they became) after a function word are a typing slip ("Bachelor of  Science"),
    # not a column.
    r"(?<!\bof)(?<!\bin)(?<!\bde)(?<!\ben)(?<!\band)(?<!\bund)(?<!\bet)(?<!&)(?:\t|\s{2,})|\s+[|•·:●▪◦■♦◆❖★∙]\s+|\s+[–—‑-]\s+|\s*[–—]\s*(?=[A-ZА-Я])"
    r"|\s*/\s*(?=\S*[\u3040-\u9fff])|：|;\s+"
    # A dash spaced on one side only ("Agent –Nordvale Health", "Agent– Nordvale") in scripts without
    # capitals to tell a name's start.
    r"|\s+[–—](?=[^\W\d])|(?<=[^\W\d])[–—]\s+"
    # A hyphen glued to the word before and spaced from the next ("Bachillerato- Escuela Nordvale",
    # "Escuela n°1- Profesorado"); not a German or Dutch elision ("Hoch- und Tiefbau").
    r"|(?<=\w)-\s+(?=[^\W\d])(?!(?:und|oder|bzw|and|or|en|of|et|ou|y|o|e|i|u|a|und)\s)"
    # Chinese and Japanese run words together: a space between two of their characters parts fields
    # ("学士 某某大学 计算机").
    r"|(?<=[\u3040-\u30ff\u4e00-\u9fff])\s+(?=[\u3040-\u30ff\u4e00-\u9fff])"
)


def _split_head(lines: list[Line], key: str, *, order: str | None = None) -> tuple[dict[str, str], list[str]]:
    """Organisation, role, place (and area, score) from the lines of an entry head, and the
    pieces left over. Passes: captions and pieces per line, a kind per piece, slots filled in
    order, then the fixes that look at the whole head. ``order`` ("org" or "role": which of the
    two the section's other heads name first) decides between two pieces no word types."""
    fields: dict[str, str] = {}
    lines = _wrapped_titles(lines, key)
    typed = _typed_head(lines, key, fields, order)
    dated = {n for n, line in enumerate(lines) if _undated(line.text) != line.text}
    typed = _org_beside_dates_first(_named_place_over_title(_institution_first(typed, key)), dated, fields)
    if key == "education":
        typed = _school_on_its_own_line(typed, lines)
    rest, role_rest = _fill_slots(typed, fields, order)
    _cut_cjk_org(fields, key)
    if key == "education":
        _institution_after_subunit(fields)
        _area_not_place(fields)
    _org_from_place(fields)
    if key == "education":
        _score_from_rest(fields, rest, role_rest)
    _area_beside_degree(fields, key, rest, role_rest)
    if key == "education":
        _area_from_rest(fields, rest)
    _place_from_rest(fields, rest)
    return fields, rest


def _wrapped_titles(lines: list[Line], key: str) -> list[Line]:
    """A title wrapped in a narrow cell ("Software Architektur" / "Werkstudent", one cell): an
    untyped line, then a title line in the same cell and the same weight, are one title; so is a
    line that reads as an organisation when another cell of the head names one."""
    org_cells = {ln.cell for ln in lines if ln.cell is not None and _fragment_kind(_undated(ln.text), key) == "org"}
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and key != "education"
            and line.cell is not None
            and line.cell == prev.cell
            and line.bold == prev.bold
            and _undated(prev.text) == prev.text
            and _undated(line.text) == line.text
            and _words(prev.text) <= 3
            and _words(line.text) <= 3
            and (
                _fragment_kind(prev.text, key) is None
                or (_fragment_kind(prev.text, key) == "org" and len(org_cells) > 1)
            )
            and _fragment_kind(line.text, key) == "role"
        ):
            out[-1] = Line(f"{prev.text} {line.text}", bold=line.bold, cell=line.cell)
            continue
        out.append(line)
    return out


def _typed_head(lines: list[Line], key: str, fields: dict[str, str], order: str | None = None) -> list[_Typed]:
    """Every piece of the head lines with its kind, in reading order."""
    typed: list[_Typed] = []
    for number, line in enumerate(lines):
        for part in _line_parts(line, key, fields):
            typed.extend(_typed_parts(part, number, key, fields))
    if key == "education" and order and not any(kind == "org" for _, kind, _ in typed):
        # Only a head whose one untyped piece is the pair: beside another untyped piece ("Orsys" over
        # "Course Name, Subject"), the order says which of the two pieces is the school, not which
        # half of the pair.
        untyped = sum(kind in (None, "place") for _, kind, _ in typed)
        typed = [
            (text, kind, number)
            for whole, whole_kind, number in typed
            for text, kind in (
                (_ordered_pair(whole, whole_kind, order) if untyped == 1 else None) or [(whole, whole_kind)]
            )
        ]
    return typed


def _head_order(lines: list[Line], key: str) -> str | None:
    """ "org" or "role": which of the two a head names first, when words type both ("Engineer ●
    Nordwind GmbH" -> "role"), or when a title shares its line with one untyped piece ("Waiter ●
    Summerbar": the title first)."""
    typed = _typed_head(lines, key, {})
    kinds = [kind for _, kind, _ in typed if kind in ("org", "role")]
    if len(set(kinds)) == 2:
        return kinds[0]
    if key != "education" and kinds == ["role"]:
        number = next(n for _, k, n in typed if k == "role")
        line = [k for _, k, n in typed if n == number]
        if len(line) == 2 and None in line:
            return "role" if line[0] == "role" else "org"
    if key == "education" and kinds == ["org"]:
        # "Applied Informatics, Nordvale University": the school last on its line, after a field.
        number = next(n for _, k, n in typed if k == "org")
        line = [k for _, k, n in typed if n == number]
        if len(line) == 2:
            return "role" if line[-1] == "org" else "org"
    return None


def _line_parts(line: Line, key: str, fields: dict[str, str]) -> list[str]:
    """The pieces of one head line, after its caption (if any) filled ``fields``."""
    raw = _split_key(_strip_bullet(line.text))
    if raw and _DATE_KEYS.match(raw[0].casefold()):
        return []  # "Period: 2015 - 2020": the dates were taken already
    undated = _undated(line.text)
    text = _captioned_head(undated, fields, dated=undated != line.text)
    if text is None:
        return []
    if key == "education":
        sentence = _AREA_IN_TEXT.match(text.strip())
        if sentence:
            fields.setdefault("area", sentence.group(1).strip())
            return []
        text = _inline_area(text, fields)
    text = _NOW.sub("", text)
    parts: list[str] = []
    for piece in _PIECE_SPLIT.split(text):
        # Only a line that ends like a sentence is read as sentences: elsewhere a full stop
        # is far more often an abbreviation the list does not know.
        for part in _sentences(piece) if line.text.rstrip().endswith(".") else [piece]:
            part = _trim(part.replace("\t", " "))
            if part:
                parts.append(part)
    return parts


# "Currently Software Engineer": the word for now before a title says when, not what (per language).
_NOW = re.compile(
    r"(?i)^\s*(?:currently|at present|actuellement|présentement|derzeit|zurzeit|aktuell|actualmente|"
    r"attualmente|atualmente|momenteel|obecnie|в настоящее время|сейчас|şu anda|jelenleg|för närvarande|"
    r"saat ini|hiện tại|hiện nay)\s*[:,–-]?\s+(?=\w)"
)


def _captioned_head(text: str, fields: dict[str, str], *, dated: bool = False) -> str | None:
    """A "Caption: value" head line: "Company: ACME" fills the slot its caption names (None comes
    back); "UG: B.Tech" gives its value to split; "Nebenfach: Physik" is a detail (None)."""
    kv = _split_key(text) if ":" in text or "：" in text else None
    if not kv:
        return text
    if not _any_key(kv[0].casefold()) and _org_and_role(kv[0], kv[1]):
        return f"{kv[0]}\t{kv[1]}"  # "Nordwind GmbH: Software Engineer": the colon separates the two
    if dated and not _any_key(kv[0].casefold()) and _title_then_name(kv[0], kv[1]):
        return f"{kv[0]}\t{kv[1]}"  # "Software Engineer: Nordwind - Jan 2020 - present"
    if not (_words(kv[0]) <= 3 or _any_key(kv[0].casefold())):
        return text
    k, value = kv[0].casefold(), kv[1].strip(" .;,")
    if _ROLE_KEYS.match(k):
        fields.setdefault("role", value)
        return None
    if _ORG_KEYS.match(k):
        _captioned_org(value, fields)
        return None
    if _AREA_KEYS.match(k):
        fields.setdefault("area", value)
        return None
    if _DATE_KEYS.match(k):
        return None  # the dates were taken from the line already
    if re.fullmatch(r"(?i)ug|pg|ssc|hsc|[a-z.]{1,4}", k):
        return kv[1]
    if (
        _words(kv[0]) <= 2
        and re.match(r"[^:：]*\S(?::|\s?：)", text)  # CJK captions may stand a space off their "："
        and not any(rx.search(kv[0]) for rx in (_ORG, _ROLE, _DEGREE))
        and not _ORG.search(kv[1])
    ):
        return None  # a detail with a caption of its own ("Nebenfach: ..."), not the head
    return text


def _title_then_name(left: str, right: str) -> bool:
    """A title, then a short capitalised name that no word types (on a dated line, a caption never
    holds a title: "Software Engineer: Nordwind")."""
    return (
        _fragment_kind(left, "work") == "role"
        and _fragment_kind(right, "work") in (None, "org")
        and (right[:1].isupper() or right[:1].isdigit())  # "…: 3D Nordwind"
        and 0 < _words(right) <= 5
    )


def _org_and_role(left: str, right: str) -> bool:
    """One side names an organisation, the other a title."""
    return {_fragment_kind(left, "work"), _fragment_kind(right, "work")} == {"org", "role"}


def _captioned_org(value: str, fields: dict[str, str]) -> None:
    """ "Employer: ACME Ltd, Leeds": the organisation, and the place after its comma."""
    org, _, place = value.partition(",")
    if place and (_short_place(place.strip()) or _is_address(place.strip())):
        fields.setdefault("place", place.strip())
    else:
        org = value
    fields.setdefault("org", org.strip())


def _inline_area(text: str, fields: dict[str, str]) -> str:
    """ "LICENCE 1 à NORDVALE Filière ; Informatique": the captioned field goes to ``area``."""
    area = _AREA_INLINE.search(text)
    if not area:
        return text
    fields.setdefault("area", _trim(area.group(1)))
    return text[: area.start()] + text[area.end() :]


# A web address alone ("https://…", "www.nordwind.example", "nordwind.example/jobs"), and again in
# brackets as a browser prints a link ("nordwind.example (https://nordwind.example/)").
_ADDRESS = r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/\S*"
_WEB_ADDRESS = re.compile(rf"(?i)(?:{_ADDRESS})(?:\s*\((?:{_ADDRESS})\))?")


_BRACKETED_ORG = re.compile(r"(.*[^\W\d].*?)\s*\(([A-Z][A-Z0-9&./ -]{1,30}[A-Z0-9])\)")


_JOIN_LEAVE = re.compile(r"入社|入職|入行|入所|入职|退職|退社|离职|입사|퇴사|퇴직")
# Kinds of employment that Japanese, Korean and Chinese CVs state on a line of their own ("正社員",
# permanent): not a title.
_EMPLOYMENT = re.compile(r"正社員|契約社員|派遣社員|派遣正社員|アルバイト|パート|業務委託|정규직|계약직|全职|兼职")


def _typed_parts(part: str, number: int, key: str, fields: dict[str, str]) -> list[_Typed]:
    """One piece of a head as typed pieces: split at a connector ("Title at Org") or at commas
    ("Legal Intern, Some Forum"), or whole with its kind."""
    if not any(ch.isalpha() for ch in part) or re.fullmatch(r"(?i)(?:in|at|on|de|en|em|à|a)\s*\d*", part):
        return []
    if key != "projects" and _WEB_ADDRESS.fullmatch(part):
        return []  # "Nordwind · https://nordwind.example/about": the employer's page, not its name
    if _is_address(part) and re.match(r"\d", part):
        return []  # "12345 Nordvale, Via Roma, 3/a": the employer's address, not its name
    if key != "education" and (_JOIN_LEAVE.fullmatch(part) or _EMPLOYMENT.fullmatch(part)):
        return []  # "入社" (joined), "退職" (left): when, not what; "正社員": how, not what
    if _TO_THIS_DAY.fullmatch(part) or part in ("年", "月", "日", "년", "월", "일"):
        return []  # "現在に至る" (to this day): when, not what; "年", "月": a grid's date captions
    if key == "education" and (_STUDY_YEAR.match(part) or _STATUS.match(part)):
        return []  # "5th year", "in progress": how far the course has gone, neither degree nor school
    if key == "education" and _SCORE.search(part) and len(part) < 40:
        kept = [p for p in _split_commas(part) if not _SCORE.search(p)]
        if not kept or "," not in part:
            fields.setdefault("score", part)
            return []
        # "Bachelor of Physics, GPA: 9.1": the grade is the score, the degree stays.
        fields.setdefault("score", next(p for p in _split_commas(part) if _SCORE.search(p)))
        part = ", ".join(kept)
    bracketed = _BRACKETED_ORG.fullmatch(part) if key != "education" else None
    if (
        bracketed
        and not bracketed[1].isupper()
        and _fragment_kind(bracketed[1], key) != "org"
        and _fragment_kind(bracketed[2], key) is None
        and not _DEGREE.search(bracketed[2])
    ):
        # "Research Geneticist (NRL-ABC)": the employer's acronym in brackets after the title,
        # unless the head names one elsewhere (an all-capital line has no acronyms to tell).
        return [(bracketed[1], "role", number), (bracketed[2], None, number)]
    addressed = _org_and_address(part)
    if addressed is not None:
        return [(text, kind, number) for text, kind in addressed]
    at_place = _org_at_place(part)
    if at_place is not None:
        return [(at_place[0], "org", number), (at_place[1], "place", number)]
    joined = _connector_split(part, key)
    if joined is not None:
        org, role = joined
        return [(org, "org", number), (role, "role", number)]
    kind = _fragment_kind(part, key)
    if key == "education" and kind in (None, "place"):
        school = _school_beside_field(part, fields)
        if school is not None:
            return [(school, "org", number)]
    if "," in part or "，" in part:
        pieces = _comma_pieces(part, kind, key)
        if pieces is not None:
            return [(p, k, number) for p, k in pieces]
    return [(part, kind, number)]


def _school_beside_field(part: str, fields: dict[str, str]) -> str | None:
    """ "Applied Informatics, Nordvale Brightwater": two pieces no word types as school or degree,
    one naming a subject: that one is the field (into ``fields``), the other the school."""
    pieces = _split_commas(part)
    if len(pieces) != 2 or any(_fragment_kind(p, "education") or re.search(r"\d", p) for p in pieces):
        return None
    subject = [bool(_FIELD.search(p)) for p in pieces]
    if subject.count(True) != 1:
        return None
    field, school = (pieces[0], pieces[1]) if subject[0] else (pieces[1], pieces[0])
    fields.setdefault("area", field)
    return school


def _org_and_address(part: str) -> list[tuple[str, str | None]] | None:
    """ "Nordwind GmbH, Hauptstraße 12, 10115 Berlin (Germany)" (Europass's employer line): the
    name before the street is the organisation, the town after it the place."""
    pieces = _split_commas(part)
    if len(pieces) < 2 or re.search(r"\d", pieces[0]) or not _is_address(pieces[1]) or _is_address(pieces[0]):
        return None
    if not re.search(r"\d", pieces[1]) or _fragment_kind(pieces[0], "work") == "role":
        return None
    out: list[tuple[str, str | None]] = [(pieces[0], "org")]
    town = re.sub(r"^\d[\d\s-]*\s+", "", pieces[-1]) if len(pieces) > 2 else ""
    if town and not re.search(r"\d", town):
        out.append((town, "place"))
    return out


_AT = re.compile(r"\s+(?:(at|à)|in|en|in der|an der)\s+(?=[A-ZÀ-ÖØ-Þ])")


def _org_at_place(part: str) -> tuple[str, str] | None:
    """ "University of Nordvale at Springfield": an organisation that names no title, at a place
    (the campus or the branch), not a title at an employer."""
    m = _AT.search(part)
    if not m:
        return None
    left, right = part[: m.start()].strip(" ,"), part[m.end() :].strip(" ,.")
    if not (_ORG.search(left) and not _ROLE.search(left) and not _DEGREE.search(left)):
        return None
    # After "in" a few capitalised words may be a subject ("Institute in Applied Physics"): only a
    # known place counts there.
    if _ORG.search(right) or not (_is_place(right) or (m.group(1) and _short_place(right))):
        return None
    return left, right


def _connector_split(part: str, key: str) -> tuple[str, str] | None:
    """(organisation, role) of "Engineer at ACME", "Werkstudent bei X", "ACME as Engineer"."""
    for pattern, side in (_SCHOOL_AT, *_CONNECTORS) if key == "education" else _CONNECTORS:
        m = pattern.search(part)
        if not m or m.start() <= 1:
            continue
        left, right = part[: m.start()].strip(" ,"), part[m.end() :].strip(" ,.")
        if not left or not right:
            continue
        # Prepositions that also join ordinary words split only before an organisation.
        if side == "weak" and not (_ORG.search(right.split(",")[0]) and not _ORG.search(left)):
            continue  # "Licenciatura en Derecho, Universidad X": the field follows "en"
        # "BFEM au lycée de …", but not "Licence, Université Nordvale 8 à Saint-Denis".
        if pattern is _SCHOOL_AT[0] and (
            _ORG.search(left) or _SCHOOL.search(left) or _is_place(right) or _COUNTRIES.fullmatch(right)
        ):
            continue
        left, right = _unquote(left), _unquote(right)
        return (left, right) if side == "left" else (right, left)
    return None


def _ordered_pair(part: str, kind: str | None, order: str) -> list[tuple[str, str | None]] | None:
    """ "Animal Husbandry, Eastmoor" in a head that names no school, in a section whose other heads
    name the field, then the school: no word types either piece, so the order tells the school."""
    pieces = _split_commas(part)
    if kind not in (None, "place") or len(pieces) != 2:
        return None
    if _is_place(pieces[0]) or _is_place(pieces[1]):
        return None  # a known town: the school's place, not a school
    if any(_fragment_kind(p, "education") or re.search(r"\d", p) for p in pieces):
        return None
    return [(pieces[0], None), (pieces[1], "org")] if order == "role" else [(pieces[0], "org"), (pieces[1], None)]


def _comma_pieces(part: str, kind: str | None, key: str) -> list[tuple[str, str | None]] | None:
    """A comma-separated piece as typed pieces, or None to keep it whole."""
    pieces = _split_commas(part)
    if len(pieces) < 2:
        return None  # "Engineer (Freelance, Part-time)": the only commas sit in brackets
    kinds = [_fragment_kind(p, key) for p in pieces]
    typed = list(zip(pieces, kinds, strict=False))
    if kind is None:
        if not any(kinds):
            return None
        # "Legal Intern, Nordvale Security Forum"; keep "Org, Place" together as the org.
        if kinds[0] == "org" and all(k in ("place", None) for k in kinds[1:]):
            rest_text = ", ".join(pieces[1:])
            if _short_place(rest_text):
                return [(pieces[0], "org"), (rest_text, "place")]
            return [(part, "org")]
        return typed
    if kind == "org":
        if kinds[0] == "org" and "role" not in kinds:
            # "School of Biology, University of Testville, Australia": the organisation runs
            # to its last organisation word; a place may follow.
            last = max(i for i, k in enumerate(kinds) if k == "org")
            org, place = ", ".join(pieces[: last + 1]), ", ".join(pieces[last + 1 :])
            if place and _short_place(place):
                return [(org, "org"), (place, "place")]
        if "role" in kinds:
            return typed
        if key != "education" and kinds == [None, "org"] and _untyped_title(pieces[0]) and _words(pieces[1]) > 1:
            # "Young Apprentice Retail, Nordvale Group": before the employer, the title (but
            # "Nordwind, S.A": a legal form alone after its name's comma).
            return [(pieces[0], "role"), (pieces[1], "org")]
        if key == "education" and kinds[0] is None and kinds[-1] == "org" and len(pieces) == 2:
            return typed  # "Applied Informatics, Nordvale University": the field, then the school
        return None
    if kind == "role" and "org" in kinds:
        return typed
    if kind == "role" and key != "education" and kinds[0] == "role" and len(pieces) <= 3 and kinds[1] is None:
        # "Software Engineer Intern, Nordwind Labs[, Tirana]": what follows the title names the
        # employer unless the head names one elsewhere ("Assistant, X Lab. Department of Y"),
        # and a place may close the line.
        out: list[tuple[str, str | None]] = [(pieces[0], "role"), (pieces[1], None)]
        if len(pieces) == 3:
            if not _short_place(pieces[2]):
                return None
            out.append((pieces[2], "place"))
        return out
    return None


def _untyped_title(text: str) -> bool:
    """A few capitalised words without digits that name no place: a title the vocabulary lacks."""
    return 0 < _words(text) <= 4 and text[:1].isupper() and not re.search(r"\d", text) and not _is_place(text)


def _org_beside_dates_first(typed: list[_Typed], dated: set[int], fields: dict[str, str]) -> list[_Typed]:
    """ "Responsable GIS · Team North" / "Nordwind Energy · 2023 – 2026": under a title, the one
    untyped piece beside the dates names the employer (the piece beside the title, a team)."""
    if "org" in fields or any(kind == "org" for _, kind, _ in typed) or not any(k == "role" for _, k, _ in typed):
        return typed
    per_line: dict[int, int] = {}
    for _, _, number in typed:
        per_line[number] = per_line.get(number, 0) + 1
    role_line = next(n for _, k, n in typed if k == "role")
    first_untyped = next((n for _, k, n in typed if k is None), -1)
    if first_untyped != role_line:
        return typed  # the employer would be taken from a line of its own anyway
    for i, (text, kind, number) in enumerate(typed):
        if kind is None and number in dated and number != role_line and per_line[number] == 1:
            return [(text, "org", number), *typed[:i], *typed[i + 1 :]]
    return typed


def _school_on_its_own_line(typed: list[_Typed], lines: list[Line]) -> list[_Typed]:
    """ "UNIVERSITY NAME" alone in bold over "BSc, Information Systems  2011 – 2014": the school
    stands out on its line, and a piece that reads as an organisation beside the degree
    ("Information Systems", "Business School Studies") is the field."""
    per_line: dict[int, list[str | None]] = {}
    for _, kind, number in typed:
        per_line.setdefault(number, []).append(kind)
    lone = [n for n, kinds in per_line.items() if kinds == [None] and n < len(lines)]
    if len(lone) == 1 and next(t for t, _, n in typed if n == lone[0])[:1].islower():
        return typed  # "gree": the end of a word broken over two lines, not a name
    # An organisation beside a degree or an untyped piece (not beside its town alone).
    shared_orgs = [
        i
        for i, (_, kind, n) in enumerate(typed)
        if kind == "org" and ("role" in per_line[n] or per_line[n].count(None))
    ]
    if len(lone) != 1 or len(shared_orgs) != 1 or lone[0] > typed[shared_orgs[0]][2]:
        return typed  # (under the line, a lone word is more often the end of a wrapped cell)
    name_line, org_line = lines[lone[0]], lines[typed[shared_orgs[0]][2]]
    if not (
        (name_line.bold > org_line.bold and not 0 < name_line.size < org_line.size - 0.5)
        or (name_line.level is not None and name_line.level >= 0 and org_line.level is None)
        or name_line.size > org_line.size + 0.5
    ):
        return typed
    return [
        (text, "org" if n == lone[0] else (None if i == shared_orgs[0] else kind), n)
        for i, (text, kind, n) in enumerate(typed)
    ]


def _institution_first(typed: list[_Typed], key: str) -> list[_Typed]:
    """ "Research Assistant, Behaviour Lab. Department of Zoology, University of Nordvale.": of two
    organisations, the one a university or a school names is the employer, not the lab or team
    named beside the title (which stays a detail)."""
    orgs = [i for i, (_, kind, _) in enumerate(typed) if kind == "org"]
    if key != "work" or len(orgs) < 2 or _SCHOOL.search(typed[orgs[0]][0]):
        return typed
    later = next((i for i in orgs[1:] if _SCHOOL.search(typed[i][0])), None)
    if later is None:
        return typed
    first = typed[orgs[0]]
    return [*typed[: orgs[0]], (first[0], None, first[2]), *typed[orgs[0] + 1 :]]


def _named_place_over_title(typed: list[_Typed]) -> list[_Typed]:
    """ "Nordwind Express, UK  Sep 2016 – present" over "Software Engineer – Payment Network": the
    line over the title reads as a place as a whole, but before its comma stands a name no place
    list knows, the employer (the piece beside the title is a team)."""
    if any(kind == "org" for _, kind, _ in typed):
        return typed
    role_line = next((n for _, k, n in typed if k == "role"), -1)
    beside = any(k is None and n == role_line for _, k, n in typed)
    if role_line < 0 or not (beside or not any(k is None for _, k, _ in typed)):
        return typed
    for i, (text, kind, number) in enumerate(typed):
        pieces = _split_commas(text)
        # Under the title the line may name the employer and its country and nothing else
        # ("Nordwind Brightwater, France"), but a town and its state code stay a place.
        above = number < role_line or (not beside and len(pieces[-1]) > 3)
        if kind == "place" and above and len(pieces) > 1 and not _is_place(pieces[0]):
            name, place = pieces[0], ", ".join(pieces[1:])
            return [*typed[:i], (name, "org", number), (place, "place", number), *typed[i + 1 :]]
    return typed


def _fill_slots(typed: list[_Typed], fields: dict[str, str], order: str | None = None) -> tuple[list[str], list[str]]:
    """Each slot takes the first piece of its kind; a few words after the organisation on its
    line are the place; untyped pieces fill what is still empty (in the section's order when
    they fill both). Returns the pieces left and those of them on the role's line."""
    rest: list[str] = []
    org_line = role_line = -1
    role_rest: list[str] = []
    for text, kind, number in typed:
        slot = kind if kind in ("org", "role", "place") else None
        if slot and slot not in fields:
            fields[slot] = text
            org_line = number if slot == "org" else org_line
            role_line = number if slot == "role" else role_line
        elif fields.get("org") and number == org_line and "place" not in fields and _words(text) <= 3:
            # "Company – City": a few words after the organisation on its line are the place.
            fields["place"] = text
        else:
            rest.append(text)
            if number == role_line:
                role_rest.append(text)
    from_rest: list[str] = []
    for text in list(rest):
        for slot in ("org", "role"):
            if slot not in fields:
                fields[slot] = text
                from_rest.append(slot)
                rest.remove(text)
                break
    if order == "role" and from_rest == ["org", "role"]:
        # "Beekeeper ● Nordwind" where the section's other heads put the title first.
        fields["org"], fields["role"] = fields["role"], fields["org"]
    return rest, [t for t in role_rest if t in rest]


def _cut_cjk_org(fields: dict[str, str], key: str) -> None:
    """Chinese names run on without spaces ("某某工业大学计算机科学与技术系"): the organisation
    ends at its suffix, and what follows is the department or field."""
    org_text = fields.get("org", "")
    cut = _CJK_ORG_END.search(org_text)
    if not (cut and cut.end() < len(org_text) and _cjk(org_text)):
        return
    fields["org"], tail = org_text[: cut.end()], org_text[cut.end() :].strip(" -‑/")
    if key == "education" and "area" not in fields:
        fields["area"] = tail
    elif "role" not in fields:
        fields["role"] = tail


# A part of a school that names the school after it ("Faculty of Commerce, Nordvale University").
_SUBUNIT = re.compile(
    r"(?i)^(?:faculty|department|dept\.?|school of|fakultät|fachbereich|faculté|facultad|faculdade|facoltà|"
    r"dipartimento|departamento|département|wydział|fakülte\w*|факультет|кафедра)\b"
)


def _institution_after_subunit(fields: dict[str, str]) -> None:
    """ "Masters, Faculty of Commerce, Nordvale University": the school is the institution, not its
    faculty (which the slot rules took first, and the school as the place after it)."""
    org, place = fields.get("org", ""), fields.get("place", "")
    if _SUBUNIT.match(org) and _SCHOOL.search(place) and not _SUBUNIT.match(place):
        fields["org"] = place
        del fields["place"]
        return
    pieces = _split_commas(org)
    if len(pieces) > 1 and _SUBUNIT.match(pieces[0]):
        # "School of Naval Architecture, Nordvale Technical University": the university.
        at = next((i for i, p in enumerate(pieces) if i and _SCHOOL.search(p) and not _SUBUNIT.match(p)), 0)
        if at:
            fields["org"] = ", ".join(pieces[at:])


def _area_not_place(fields: dict[str, str]) -> None:
    """ "2015-2019 某某大学 计算机科学 本科": beside a school, words that no place is written in
    (no capital, no known place) are the field of study."""
    place = fields.get("place", "")
    if place and "area" not in fields and not place[:1].isupper() and not _is_place(place):
        fields["area"] = fields.pop("place")


def _org_from_place(fields: dict[str, str]) -> None:
    """ "Acme Co, San Francisco, CA": no organisation word, but the place starts with one."""
    if "org" not in fields and "," in fields.get("place", ""):
        first, _, place = fields["place"].partition(",")
        fields["org"], fields["place"] = first.strip(), place.strip()


def _score_from_rest(fields: dict[str, str], rest: list[str], role_rest: list[str]) -> None:
    """ "Bachelor of Physics, GPA: 9.1": a grade left beside the degree is the score, not the field."""
    for text in [t for t in rest if _SCORE.search(t) and len(t) < 40]:
        fields.setdefault("score", text)
        rest.remove(text)
        if text in role_rest:
            role_rest.remove(text)


def _area_beside_degree(fields: dict[str, str], key: str, rest: list[str], role_rest: list[str]) -> None:
    """ "PhD, Zoology, University of Testville": a piece left on the degree's line is the field
    (not "3ème année", how far the course has gone)."""
    found = next((t for t in role_rest if not _STUDY_YEAR.match(t)), None)
    if key == "education" and "area" not in fields and found and "role" in fields:
        fields["area"] = found
        rest.remove(found)


def _area_from_rest(fields: dict[str, str], rest: list[str]) -> None:
    """Beside a degree and a school, a line that names no place is the field of study
    ("کارشناسی" / "مهندسی کامپیوتر" / "دانشگاه نوردوال")."""
    if "area" in fields or not (fields.get("org") and fields.get("role")):
        return
    for text in rest:
        if (
            text[:1].isalpha()  # not "½ Santo André": an icon font's glyph before a place
            and not text.isupper()  # "NORDVALE" over its school's name: a name in capitals
            and not re.search(r"\d", text)
            and not _is_place(text)
            and not _COUNTRIES.fullmatch(text)
        ):
            fields["area"] = text
            rest.remove(text)
            return


def _place_from_rest(fields: dict[str, str], rest: list[str]) -> None:
    """What is left beside an organisation and a title, a few capitalised words, is the place."""
    for text in list(rest):
        if "place" not in fields and _words(text) <= 3 and text[:1].isupper() and not re.search(r"\d{3}", text):
            fields["place"] = text
            rest.remove(text)
