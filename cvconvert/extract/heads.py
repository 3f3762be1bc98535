"""An entry head ("Company — City", "Title at Organisation", "Degree, University") split into
organisation, title (or degree), place and field.
"""

from __future__ import annotations

import re

from cvconvert.extract.daterange import _undated
from cvconvert.extract.lines import Line, _cjk, _strip_bullet, _words
from cvconvert.extract.places import _is_address, _is_place
from cvconvert.extract.vocab import (
    _AREA_KEYS,
    _COUNTRIES,
    _DATE_KEYS,
    _DEGREE,
    _ORG,
    _ORG_KEYS,
    _ROLE,
    _ROLE_KEYS,
    _SCHOOL,
    _SCORE,
    _any_key,
    _split_key,
)


def _fragment_kind(text: str, key: str) -> str | None:
    if key == "education":
        degrees, schools = list(_DEGREE.finditer(text)), list(_SCHOOL.finditer(text))
        if degrees and schools:
            # "Master of Science and Diploma of Imperial College (MSc. DIC)": the last word decides.
            return "org" if schools[-1].end() >= degrees[-1].end() else "role"
        if degrees:
            return "role"
        if _ORG.search(text):
            return "org"
    else:
        orgs, roles = list(_ORG.finditer(text)), list(_ROLE.finditer(text))
        if orgs and not roles:
            return "org"
        if roles and not orgs:
            return "role"
        if orgs and roles:
            # The head noun comes before a preposition ("Fellow in Applied Statistics", "Bank of
            # America") and last of its phrase ("Office Manager", "Mukherji & Associates").
            head = re.split(r"\s(?:in|of|for|on)\s", text, maxsplit=1)[0]
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
    (
        re.compile(
            r"(?i)\s+(?:an der|an dem|am|im|en la|en el|à l'|в|mit dem|mit der|für|for|na|no|em|en|à|a la)\s+(?=\S)"
        ),
        "weak",
    ),
    (re.compile(r"(?i)\s+as\s+(?=\S)"), "left"),
    (re.compile(r"(?i)\s+from\s+(?=\S)"), "right"),
)


# A field of study captioned inside the line: "LICENCE 1 à ECOLEX Filière ; Informatique de gestion".
_AREA_INLINE = re.compile(
    r"(?i)(?<![\s,])[\s,]+(?:filière|spécialité|specialization|specialisation|major|especialidad|специальность)"
    r"\s*[:;]\s*([^,;]*[^,;\s])"
)

# In a French education line, "à"/"au" introduce the school: "BFEM au lycée de Thiès".
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
        if ch == "," and depth <= 0:
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


def _trim(part: str) -> str:
    """Separators off both ends; a bracket only when it has no partner inside."""
    # An abbreviation keeps its full stop ("Sp. z o.o.", "Acme Inc."); a sentence loses it.
    keep_stop = bool(re.search(r"(?:\b\w\.\w+|\b[A-Z][a-z]{0,3})\.$", part.strip()))
    part = part.strip(" .;,:|-–—\t") + ("." if keep_stop else "")
    for opening, closing in ("()", "[]", "（）"):
        if part.endswith(closing) and part.count(opening) < part.count(closing):
            part = part[:-1]
        if part.startswith(opening) and part.count(opening) > part.count(closing):
            part = part[1:]
        if part.count(opening) > part.count(closing):
            part += closing
    return part.strip(" ;,:|-–—\t") if keep_stop else part.strip(" .;,:|-–—\t")


# Words that end with a full stop without ending a sentence (initials never end one either).
_ABBREVIATIONS = frozenset(
    "co dr st mr mrs ms mme jr sr no nr vs mt ft rd sp lt ca cf al ed pp av bd "
    "inc ltd llc plc pvt mfg corp bros assn dept univ prof assoc asst intl natl govt hosp calif approx "
    "mgmt tech techn dipl inst cand admin engl col sgt gen ing etc eds vol dir hon rev est ext exec pres "
    "dev rep mgr bldg str hauptstr wiss stellv mag bc dott dra profa eng excmo dpto avda cía cia éts núm "
    "им ул пр просп д кв "
    "hons msc bsc ba ma mba phd dic llb llm md rer nat med phil oec pol jur inf kfm".split()
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


def _split_head(lines: list[Line], key: str) -> tuple[dict[str, str], list[str]]:
    """Organisation, role, place (and area) from the lines of an entry head."""
    frags: list[tuple[str, int]] = []
    fields: dict[str, str] = {}
    for number, line in enumerate(lines):
        raw = _split_key(_strip_bullet(line.text))
        if raw and _DATE_KEYS.match(raw[0].casefold()):
            continue  # "Period: 2015 - 2020": the dates were taken already
        text = _undated(line.text)
        kv = _split_key(text) if ":" in text or "：" in text else None
        if kv and (_words(kv[0]) <= 3 or _any_key(kv[0].casefold())):
            k = kv[0].casefold()
            if _ROLE_KEYS.match(k):
                fields.setdefault("role", kv[1].strip(" .;,"))
                continue
            if _ORG_KEYS.match(k):
                org, _, place = kv[1].strip(" .;,").partition(",")
                if place and (_short_place(place.strip()) or _is_address(place.strip())):
                    fields.setdefault("place", place.strip())
                else:
                    org = kv[1].strip(" .;,")
                fields.setdefault("org", org.strip())
                continue
            if _AREA_KEYS.match(k):
                fields.setdefault("area", kv[1].strip(" .;,"))
                continue
            if _DATE_KEYS.match(k):
                continue  # the dates were taken from the line already
            if re.fullmatch(r"(?i)ug|pg|ssc|hsc|\w{1,4}", k):
                text = kv[1]
            elif (
                _words(kv[0]) <= 2
                and re.match(r"[^:：]*\S[:：]", text)
                and not any(rx.search(kv[0]) for rx in (_ORG, _ROLE, _DEGREE))
                and not _ORG.search(kv[1])
            ):
                continue  # a detail with a caption of its own ("Nebenfach: ..."), not the head
        area = _AREA_INLINE.search(text) if key == "education" else None
        if area:
            fields.setdefault("area", _trim(area.group(1)))
            text = text[: area.start()] + text[area.end() :]
        for piece in re.split(
            r"\t|\s+[|•·:]\s+|\s{2,}|\s+[–—‑-]\s+|\s*[–—]\s*(?=[A-ZА-Я])|\s*/\s*(?=\S*[\u3040-\u9fff])|：", text
        ):
            # Only a line that ends like a sentence is read as sentences: elsewhere a full stop
            # is far more often an abbreviation the list does not know.
            for part in _sentences(piece) if line.text.rstrip().endswith(".") else [piece]:
                part = _trim(part)
                if part:
                    frags.append((part, number))
    out: list[tuple[str, str | None, int]] = []
    for part, number in frags:
        if not any(ch.isalpha() for ch in part) or re.fullmatch(r"(?i)(?:in|at|on|de|en|em|à|a)\s*\d*", part):
            continue
        if key == "education" and _SCORE.search(part) and len(part) < 40:
            fields.setdefault("score", part)
            continue
        done = False
        for pattern, side in (_SCHOOL_AT, *_CONNECTORS) if key == "education" else _CONNECTORS:
            m = pattern.search(part)
            if m and m.start() > 1:
                left, right = part[: m.start()].strip(" ,"), part[m.end() :].strip(" ,.")
                if not left or not right:
                    continue
                # Prepositions that also join ordinary words split only before an organisation.
                if side == "weak" and not (_ORG.search(right) and not _ORG.search(left)):
                    continue
                # "BFEM au lycée de …", but not "Licence, Université Paris 8 à Saint-Denis".
                if pattern is _SCHOOL_AT[0] and (
                    _ORG.search(left) or _SCHOOL.search(left) or _is_place(right) or _COUNTRIES.fullmatch(right)
                ):
                    continue
                org, other = (left, right) if side == "left" else (right, left)
                out.append((org, "org", number))
                out.append((other, "role", number))
                done = True
                break
        if done:
            continue
        kind = _fragment_kind(part, key)
        if kind is None and "," in part:
            pieces = _split_commas(part)
            kinds = [_fragment_kind(p, key) for p in pieces]
            if any(kinds):
                # "Legal Intern, World Cyber Security Forum"; keep "Org, Place" together as the org.
                if kinds[0] == "org" and all(k in ("place", None) for k in kinds[1:]):
                    rest_text = ", ".join(pieces[1:])
                    if _short_place(rest_text):
                        out.extend([(pieces[0], "org", number), (rest_text, "place", number)])
                    else:
                        out.append((part, "org", number))
                    continue
                out.extend((p, k, number) for p, k in zip(pieces, kinds, strict=False))
                continue
        if kind == "org" and "," in part:
            pieces = _split_commas(part)
            kinds = [_fragment_kind(p, key) for p in pieces]
            if kinds[0] == "org" and "role" not in kinds:
                # "School of Biology, University of Testville, Australia": the organisation runs
                # to its last organisation word; a place may follow.
                last = max(i for i, k in enumerate(kinds) if k == "org")
                org, place = ", ".join(pieces[: last + 1]), ", ".join(pieces[last + 1 :])
                if place and _short_place(place):
                    out.extend([(org, "org", number), (place, "place", number)])
                    continue
            if "role" in kinds:
                out.extend((p, k, number) for p, k in zip(pieces, kinds, strict=False))
                continue
        if kind == "role" and "," in part:
            pieces = _split_commas(part)
            kinds = [_fragment_kind(p, key) for p in pieces]
            if "org" in kinds:
                out.extend((p, k, number) for p, k in zip(pieces, kinds, strict=False))
                continue
        out.append((part, kind, number))
    rest: list[str] = []
    org_line = role_line = -1
    role_rest: list[str] = []
    for text, kind, number in out:
        slot = {"org": "org", "role": "role", "place": "place"}.get(kind or "")
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
    for text in list(rest):
        for slot in ("org", "role"):
            if slot not in fields:
                fields[slot] = text
                rest.remove(text)
                break
    # Chinese names run on without spaces ("沈阳工业大学计算机科学与技术系"): the organisation
    # ends at its suffix, and what follows is the department or field.
    org_text = fields.get("org", "")
    cut = _CJK_ORG_END.search(org_text)
    if cut and cut.end() < len(org_text) and _cjk(org_text):
        fields["org"], tail = org_text[: cut.end()], org_text[cut.end() :].strip(" -‑/")
        if key == "education" and "area" not in fields:
            fields["area"] = tail
        elif "role" not in fields:
            fields["role"] = tail
    if "org" not in fields and "," in fields.get("place", ""):
        # "Acme Co, San Francisco, CA": no organisation word, but the place starts with one.
        first, _, place = fields["place"].partition(",")
        fields["org"], fields["place"] = first.strip(), place.strip()
    role_rest = [t for t in role_rest if t in rest]
    if key == "education" and "area" not in fields and role_rest and "role" in fields:
        fields["area"] = role_rest[0]  # "PhD, Zoology, University of Testville"
        rest.remove(role_rest[0])
    # What is left beside an organisation and a title, a few capitalised words, is the place.
    for text in list(rest):
        if "place" not in fields and _words(text) <= 3 and text[:1].isupper() and not re.search(r"\d{3}", text):
            fields["place"] = text
            rest.remove(text)
    return fields, rest
