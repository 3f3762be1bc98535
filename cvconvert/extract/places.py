"""Places and street addresses: recognising them in a line and splitting them into JSON Resume fields."""

from __future__ import annotations

import functools
import re

from cvconvert.extract.lines import _cjk, _words
from cvconvert.extract.vocab import _COUNTRIES, _DEGREE, _ORG, _ROLE

_STREET = re.compile(
    r"(?i)(?:\b(?:str\.|street|st\.|road|rd\.|avenue|ave\.|rue|allée|chemin|impasse|via|viale|piazza|calle|avenida|"
    r"rua|travessa|lane|drive|dr\.|court|ct\.|way|parkway|terrace|boulevard|blvd|plot|sector|ul\.|ulica|köz|utca|út|tér|straat|laan|weg|sokak|sokağı|"
    r"cadde|caddesi|mahallesi|ул\.|улица|проспект|οδός|οδ\.)\b|(?:strasse|straße|weg|platz|allee|gasse|ring|damm)\b"
    r"|路|街)"
)
# Postal codes as countries write them: 5 digits (DE, FR, ES, IT, US), 4 (AT, CH, BE, HU, NL, DK),
# 6 (IN, RU, CN), "12345-678" (BR), "123-4567" (JP, often after 〒), "12-345" (PL).
_POSTCODE = r"(?:〒\s*)?(?:\d{5}-\d{3}|\d{3}-\d{4}|\d{2}-\d{3}|\d{4,6})"
# A postal code under its caption inside an address line ("District - Deoria, Pin Code - 274404").
_PIN = re.compile(
    r"(?i)\b(?:pin\s*code|pincode|pin|zip(?:\s*code)?|postal\s*code|post\s*code|plz|cep|c\.?p\.?)\s*[-:–]?\s*"
    r"(?P<pc>\d{5}-\d{3}|\d{3}\s?\d{3}|\d{4,6})\b"
)
# "Springfield, IL 62704": a US or Canadian state code before the ZIP code.
_US_TAIL = re.compile(r"(?P<city>[^\W\d][^,\d]{0,60}?),\s*(?P<region>[A-Z]{2})\s+(?P<pc>\d{5}(?:-\d{4})?)$")
# "Leeds LS1 4AB", "London, SW1A 1AA", "Ottawa, ON K1A 0B1": a British or Canadian postcode after the town.
_UK_TAIL = re.compile(
    r"(?P<city>[^\W\d][^,\d]{0,40}?)(?:,\s*(?P<region>[A-Z]{2}))?[,\s]+"
    r"(?P<pc>[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)$"
)
# A Chinese or Japanese address: province or prefecture, then city or ward ("静岡県沼津市…", "广东省深圳市").
# Chinese provinces are often written without 省 ("广东深圳").
_CN_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
    "云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
_CJK_PLACE = re.compile(
    rf"^(?P<region>[\u4e00-\u9fff]{{1,4}}?[省県都府道]|(?:{_CN_PROVINCES})(?!市))?"
    r"(?P<city>[\u4e00-\u9fff]{1,5}?[市区]|[\u4e00-\u9fff]{2,3}$)"
)


_CJK_REGION_CITY = re.compile(r"(?P<region>[\u4e00-\u9fff]{1,3}[省県都府道])(?P<city>[\u4e00-\u9fff]{1,4}?[市区])")
# Korean: province (도) then city or county ("경기도 부천시").
_KO_PLACE = re.compile(r"(?P<region>[가-힣]{1,5}(?:도|특별시|광역시))\s*(?P<city>[가-힣]{1,5}[시군구])")


# The languages of the corpora: a country named in any of them is known by its CLDR name.
_COUNTRY_LANGUAGES = ("en de fr es pt it ru nl pl tr hu el sv id vi fa zh ja ko he uk cs ro da fi no ar").split()


@functools.cache
def _country_names(lang: str) -> dict[str, str]:
    """One language's country names, case-folded -> ISO 3166 code, from CLDR through Babel (empty
    without Babel). Constant data, loaded on first use: no state learnt from a document."""
    try:
        from babel import Locale

        names = Locale.parse(lang).territories
    except (ImportError, ValueError, TypeError, LookupError):
        return {}
    return {str(name).casefold(): code for code, name in names.items() if len(code) == 2 and code.isalpha()}


# Short forms CLDR does not list as names.
_COUNTRY_ALIASES = {
    "usa": "US", "u.s.a": "US", "u.s": "US", "us": "US", "uk": "GB", "u.k": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "uae": "AE", "u.a.e": "AE",
}  # fmt: skip


def _country_code(text: str) -> str | None:
    """ "Costa Rica", "Deutschland", "Россия" -> "CR", "DE", "RU"."""
    folded = text.strip(" .").casefold()
    if not folded or any(ch.isdigit() for ch in folded):
        return None
    if folded in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[folded]
    # English first; the other languages (some 20 ms each to load, once) only for a name the
    # country vocabulary knows ("Deutschland", "Россия"): a city is looked up in English alone.
    languages = _COUNTRY_LANGUAGES if len(folded) > 3 and _COUNTRIES.fullmatch(folded) else _COUNTRY_LANGUAGES[:1]
    for lang in languages:
        code = _country_names(lang).get(folded)
        if code:
            return code
    return None


@functools.cache
def _iso_codes() -> frozenset[str]:
    """The two-letter country codes of ISO 3166 (from CLDR through Babel; empty without it)."""
    return frozenset(_country_names("en").values())


def _country_part(part: str) -> str | None:
    """The country code a part of a place names: "Finland", "Россия", "FI", "Fr"; None for another."""
    if re.fullmatch(r"[A-Z][A-Za-z]", part):
        # A code that is also a word or an acronym ends a list of skills too ("Python, Spark, AI").
        code = part.upper()
        return code if code in _iso_codes() and code not in _ACRONYMS else None
    return _country_code(part)


# "Tampere (FI)", "San Francisco, (US)", "上海, 上海 (CN)": the country in brackets after the place.
_BRACKETED_COUNTRY = re.compile(r"(?P<place>.*?)[,\s]*\((?P<country>[^()]{2,40})\)")


def _place_parts(text: str) -> list[str] | None:
    """The parts of a place that names its country, as themes and forms print one: "München, DE,
    Bayern", "33500, Tampere, FI, Länsi-Suomi", "San Francisco, (US)", "Caracas Venezuela",
    "Warszawa PL"; empty parts dropped (", , São Paulo, BR"). None for any other text.

    Besides the country, each part is a postal code (one at most) or a name of three words at
    most that starts with a capital or in a script without case.
    """
    text = text.strip().rstrip(".")
    if len(text) > 80 or re.search(r"[/+#@:;]", text):
        return None
    bracket = _BRACKETED_COUNTRY.fullmatch(text)
    if bracket:
        parts = [p.strip() for p in bracket.group("place").split(",") if p.strip()]
        parts.append(bracket.group("country").strip())
    else:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if len(parts) == 1:
            parts = _spaced_country(text)
    if not parts or len(parts) > 5 or not any(_country_part(p) for p in parts):
        return None
    if len(parts) == 1 and not bracket:
        return None  # a country alone is known by its name elsewhere
    codes = sum(bool(re.fullmatch(_POSTCODE, p)) for p in parts)
    for part in parts:
        if re.fullmatch(_POSTCODE, part) or _country_part(part):
            continue
        name = re.sub(r"^г\.\s*", "", part)
        if re.search(r"\d|[()]", name) or _words(name) > 3 or len(name) < 2 or not name[:1].isalpha():
            return None
        if name[:1].islower():
            return None
    if codes > 1 or _ORG.search(text) or _DEGREE.search(text) or _ROLE.search(text):
        return None
    return parts


def _spaced_country(text: str) -> list[str]:
    """ "Caracas Venezuela", "Warszawa PL", "東京 JP": a place and its country after a space
    (the place one to three words); [] when the text ends in no country."""
    words = text.split()
    for size in (1, 2, 3):
        place, country = words[:-size], " ".join(words[-size:])
        # A code in capitals that is no common word or acronym ("Linked In", "Acme IT").
        code = re.fullmatch(r"[A-Z]{2}", country) is not None and country not in _ACRONYMS
        if 1 <= len(place) <= 3 and (code or (len(country) > 3 and _country_code(country))):
            return [" ".join(place), country]
    return []


# Country codes that are also words or acronyms after a name ("IT", "HR", "AI", "QA"...).
_ACRONYMS = frozenset(
    "AI AM AS AT BE BI BY CC CI CV DO HR ID IN IS IT MA MD ME ML MS NO PA PE PM PR QA SE SO ST TO TV".split()
)


def _is_country_place(text: str) -> bool:
    """A place that names its country (see :func:`_place_parts`)."""
    return _place_parts(text) is not None


def _country_place_fields(parts: list[str]) -> dict[str, str]:
    """The fields of a place given as parts: the country its code, a postal code its own; of the
    names the last two are the city and the region, any before them the address."""
    out: dict[str, str] = {}
    names: list[str] = []
    for part in parts:
        code = _country_part(part)
        if code:
            out.setdefault("countryCode", code)
        elif re.fullmatch(_POSTCODE, part):
            out["postalCode"] = part
        else:
            names.append(part)
    if len(names) > 2:
        out["address"] = ", ".join(names[:-2])
        names = names[-2:]
    if names:
        out["city"] = names[0]
    if len(names) > 1:
        out["region"] = names[1]
    return out


def _is_place(text: str) -> bool:
    text = text.strip()
    if len(text) > 80:
        return False
    if len(text) <= 30 and (_KO_PLACE.search(text) or _CJK_REGION_CITY.search(text)):
        return True  # "경기도 부천시", "兵庫県神戸市": province and city by their suffixes
    if re.search(r"\d", text):
        return False  # "Un (1) hijo"
    # The shape first: most lines fail it, and the vocabularies below are the costly part.
    if not _place_shape(text):
        return False
    # "C++, Python Developer"
    return not ((_ORG.search(text) and not _COUNTRIES.search(text)) or _DEGREE.search(text) or _ROLE.search(text))


def _place_shape(text: str) -> bool:
    """ "Austin, TX", "Berlin, Deutschland", "Barueri - São Paulo, Brasil", "г. Москва"."""
    if re.fullmatch(r"[A-ZÀ-Ý][\w .'-]+,\s*[A-Z]{2}", text):
        return True
    parts = [p.strip() for p in text.split(",") if p.strip()]
    dashed = [p.strip() for p in re.split(r",|\s[-–—]\s", text) if p.strip()]
    if len(dashed) > len(parts) and _COUNTRIES.fullmatch(dashed[-1]):
        parts = dashed  # "Barueri - São Paulo, Brasil": a spaced dash separates like a comma
    if 2 <= len(parts) <= 4 and all(_words(p) <= 3 and p[:1].isupper() for p in parts):
        # "Java, Python, C, SQL": a list of three or more names is a place only when it ends in a
        # country or a state code ("Austin, Travis County, TX").
        return len(parts) == 2 or bool(_COUNTRIES.fullmatch(parts[-1]) or re.fullmatch(r"[A-Z]{2}", parts[-1]))
    return bool(
        re.fullmatch(r"г\.\s*[А-ЯЁ][а-яё-]+", text) or re.fullmatch(r"[А-ЯЁ][а-яё-]+(?:,\s*[А-ЯЁ][а-яё-]+)+", text)
    )


def _is_address(text: str) -> bool:
    # A street with a number and a postal code, in either order; not a paragraph of prose that
    # holds a number and a street word ("… with 3+ years … in electrical engineering").
    return (
        bool(re.search(r"\d", text))
        and _words(text) <= 16
        and not _DEGREE.search(text)
        and bool(
            re.search(rf"(?i)(?<![\w-]){_POSTCODE}\s+[^\W\d]", text)
            or _STREET.search(text)
            or re.search(rf"[^\W\d].*,\s*{_POSTCODE}\s*(?:,|$)", text)
            or _PIN.search(text)
            or _US_TAIL.search(text)
            or _UK_TAIL.search(text)
            or _CJK_REGION_CITY.search(text)
            or _KO_PLACE.search(text)
        )
    )


def _is_town_line(text: str) -> bool:
    """A line holding a postal code and a town: "38999 Montclaret", "1112 Budapest, Hungary"."""
    m = re.fullmatch(rf"(?P<pc>{_POSTCODE})(?P<comma>,?)\s+(?P<city>[^\W\d][^\d]*)", text.strip())
    if not m:
        # "Motta di Livenza, 31045 TV.": the town, then its postal code and province code.
        return bool(re.fullmatch(rf"[^\W\d][^,\d]{{1,40}},\s*{_POSTCODE}(?:\s+[A-Z]{{2}})?\.?", text.strip()))
    if _STREET.search(m.group("city")):
        return False
    # "2014, Hamburg" is a year and a place; "2360, Oud-Turnhout" a postal code.
    return not (m.group("comma") and re.fullmatch(r"(?:19|20)\d\d", m.group("pc")))


def _parse_place(text: str) -> dict[str, str]:
    """A place as JSON Resume location fields; a country named last (or alone) becomes its code."""
    parts = _place_parts(text)
    if parts is not None and not _is_address(text):
        return _country_place_fields(parts)
    place = _place_fields(text)
    last = re.split(r",|\s[-–—]\s", text.strip().rstrip("."))[-1]
    if "countryCode" not in place and len(place) > 1 and last.strip() not in place.values():
        code = _country_code(last)  # "Barueri - São Paulo, Brasil": the country after two parts
        if code:
            place["countryCode"] = code
    for key in ("region", "city"):
        code = _country_code(place.get(key, ""))
        if code:
            place["countryCode"] = code
            if len(place) > 2:
                del place[key]  # "Berlin, Germany"; "Singapore" alone stays the city too
            break
    return place


def _place_fields(text: str) -> dict[str, str]:
    text = text.strip().rstrip(".")
    rules = (_us_place, _uk_place, _cjk_place, _pin_place, _code_country_place, _town_code_place, _town_place)
    for rule in (*rules, _comma_postcode_place):
        found = rule(text)
        if found:
            return {k: v for k, v in found.items() if v}
    if _is_address(text):
        return {"address": text}
    parts = [p.strip() for p in re.split(r",|\s[-–—]\s", text) if p.strip()]
    if len(parts) >= 2 and re.search(r"\d", parts[0]) and not re.search(r"\d", parts[1]):
        # "Europa 5620, Gral. Alvear, Mendoza": street and number first.
        out = {"address": parts[0], "city": parts[1]}
        if len(parts) > 2:
            out["region"] = parts[2]
        return out
    while len(parts) > 1 and _ORG.search(parts[0]):
        parts.pop(0)  # "Alibaba Group, Beijing China": where the employer is
    if len(parts) >= 2 and _COUNTRIES.fullmatch(parts[0]):
        parts.reverse()  # "Россия, Москва": country first
    if len(parts) >= 2:
        return {"city": parts[0], "region": parts[1]}
    return {"city": text}


def _us_place(text: str) -> dict[str, str] | None:
    """ "12 Oak Street, Springfield, IL 62704": street, city, state, ZIP code."""
    m = _US_TAIL.search(text)
    if not m:
        return None
    return {
        "address": text[: m.start()].strip(" ,"),
        "postalCode": m.group("pc"),
        "city": m.group("city").strip(),
        "region": m.group("region"),
    }


def _cjk_place(text: str) -> dict[str, str] | None:
    """ "〒410-1100 静岡県沼津市岡宮1092-4": postal code, prefecture or province, city."""
    ko = _KO_PLACE.search(text)
    if ko:
        return {"region": ko.group("region"), "city": ko.group("city")}
    if not _cjk(text):
        return None
    pc = re.search(r"〒?\s*(\d{3}-\d{4})", text)
    rest = text[pc.end() :].strip() if pc else text
    # After a caption ("現住所 兵庫県神戸市…") the province and the city still come together.
    m = _CJK_PLACE.match(rest) or _CJK_REGION_CITY.search(rest)
    out = {"postalCode": pc.group(1) if pc else ""}
    if m:
        out.update(region=m.group("region") or "", city=m.group("city"), address=rest[m.end() :].strip())
    return out if any(out.values()) else None


def _uk_place(text: str) -> dict[str, str] | None:
    """ "12 High Street, Leeds LS1 4AB": street, town, postcode (British or Canadian)."""
    m = _UK_TAIL.search(text)
    if not m:
        return None
    address, _, city = text[: m.end("city")].rpartition(",")
    out = {"address": address.strip(" ,"), "postalCode": m.group("pc"), "city": city.strip()}
    if m.group("region"):
        out["region"] = m.group("region")
    return out


_TOWN = re.compile(
    rf"(?:^|(?<=,\s)|(?<=,)|(?<=〒)|(?<=\d\s)|(?<=\d[a-zA-Z]\s))(?P<pc>{_POSTCODE}),?\s+"
    r"(?P<city>[^\W\d][\w .'-]*?)\s*(?:,|–|-\s|$)"
)


_CODE_COUNTRY_TAIL = re.compile(rf",\s*(?P<pc>{_POSTCODE})\s*[-–,]?\s*(?P<country>[^\W\d][^,\d]{{1,40}})$")


def _code_country_place(text: str) -> dict[str, str] | None:
    """ "Street 1, Apt. 2A, Puerto Azul, Edo. Norte, 1010 - Venezuela": the postal code and the
    country last; before them the city and the region, before those the street."""
    m = _CODE_COUNTRY_TAIL.search(text)
    code = _country_code(m.group("country").strip()) if m else None
    if not m or not code:
        return None
    parts = [p.strip() for p in text[: m.start()].split(",") if p.strip()]
    out = {"postalCode": m.group("pc"), "countryCode": code}
    if len(parts) >= 3:
        out.update(address=", ".join(parts[:-2]), city=parts[-2], region=parts[-1])
    elif len(parts) == 2:
        out.update(address=parts[0], city=parts[1])
    elif parts:
        out["city"] = parts[0]
    return out


def _pin_place(text: str) -> dict[str, str] | None:
    """ "Village X, District Y, Pin Code - 274404": the captioned postal code, the rest the address."""
    m = _PIN.search(text)
    if not m:
        return None
    rest = (text[: m.start()] + text[m.end() :]).strip(" ,-–")
    return {"address": rest, "postalCode": m.group("pc")}


def _town_code_place(text: str) -> dict[str, str] | None:
    """ "Via Roma 1, Motta di Livenza, 31045 TV": street, town, postal code, province code."""
    m = re.search(rf"(?:^|,\s*)(?P<city>[^\W\d][^,\d]*),\s*(?P<pc>{_POSTCODE})\s+(?P<region>[A-Z]{{2}})\.?$", text)
    if not m:
        return None
    address = text[: m.start()].strip(" ,")
    return {
        "address": address,
        "postalCode": m.group("pc"),
        "city": m.group("city").strip(),
        "region": m.group("region"),
    }


def _town_place(text: str) -> dict[str, str] | None:
    """ "Kwarteldreef 2, 2360 Oud-Turnhout": a postal code before the town, the street before it.
    A number before a street word is a house number ("1325 Main Street"), not a postal code, and
    so is a number right after a word ("Europa 5620, Gral. Alvear"): the code starts the text,
    follows a comma or follows the house number ("Hauptstr. 5 10115 Berlin")."""
    for m in _TOWN.finditer(text):
        if _STREET.search(m.group("city")):
            continue
        out = {"address": text[: m.start()].strip(" ,"), "postalCode": m.group("pc").lstrip("〒 ")}
        out["city"] = m.group("city").strip()
        tail = [p.strip(" -–") for p in re.split(r"[,–]|\s-\s", text[m.end() :]) if p.strip(" -–")]
        if tail and not _COUNTRIES.fullmatch(tail[0]):
            out["region"] = tail[0]
        return out
    return None


def _comma_postcode_place(text: str) -> dict[str, str] | None:
    """ "Rua das Flores, 06783-045, Taboão da Serra, São Paulo": the postal code as a part of its
    own, the street before it, the city and region after it."""
    parts = [p.strip() for p in text.split(",")]
    for i, part in enumerate(parts):
        if re.fullmatch(_POSTCODE, part) and i + 1 < len(parts) and not re.search(r"\d", parts[i + 1]):
            out = {"address": ", ".join(parts[:i]), "postalCode": part.lstrip("〒 "), "city": parts[i + 1]}
            if i + 2 < len(parts) and not _COUNTRIES.fullmatch(parts[i + 2]):
                out["region"] = parts[i + 2]
            return out
    return None
