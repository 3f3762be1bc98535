"""The ``basics`` of a CV: name, e-mail, phone, URL and profiles, location and label.

:class:`_Basics` reads them from the lines before the first section and from the personal-details
sections, with the whole document as a fallback for contact details.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

from cvconvert.extract import headings
from cvconvert.extract.daterange import find_dates
from cvconvert.extract.lines import Line, _cjk
from cvconvert.extract.lists import _spoken_list
from cvconvert.extract.places import (
    _POSTCODE,
    _country_code,
    _is_address,
    _is_country_place,
    _is_place,
    _is_town_line,
    _parse_place,
)
from cvconvert.extract.vocab import (
    _DEGREE,
    _GIVEN_KEYS,
    _LABEL_KEYS,
    _NAME_KEYS,
    _ORG,
    _PHONE_KEYS,
    _PLACE_KEYS,
    _ROLE,
    _ROLE_KEYS,
    _split_key,
)
from cvconvert.report import Report, pointer

_REFERENCE_KEYS = re.compile(
    r"(?i)\b(?:referen\w*|referees?|referenzen|références|referências|рекомендац\w*)\b|推荐人|证明人"
)
_BIRTH = re.compile(
    r"(?i)\b(?:birth|born|geburt\w*|geboren|naissance|né|née|nacimiento|nascimento|nato|nata|рождени\w*)\b|出生|生日"
)
_NOT_NAME = re.compile(
    r"(?i)\b(?:curriculum|vitae|resume|résumé|lebenslauf|cv|currículo|curriculo|резюме|page|seite|profile|"
    r"contact|email|e-mail|phone|address|references?|życiorys|özgeçmiş|önéletrajz|βιογραφικό|levensloop|"
    r"sơ yếu lý lịch|lý lịch|hồ sơ|רזומה|קורות חיים|رزومه)\b|简历|履歴書|職務経歴書|이력서"
)
# Name captions besides the shared ones (vocab._NAME_KEYS), per language: the whole name ...
_FULL_NAME_KEYS = re.compile(
    r"(?i)^(?:name|full name|your name|candidate|nom|nom et prénom|nom complet|nombre|nombre completo|"
    r"nombre y apellidos|nombres y apellidos|nome|nome completo|nome e cognome|cognome e nome|soggetto|"
    r"nominativo|naam|volledige naam|imię i nazwisko|ad soyad|adı soyadı|ad-soyad|név|teljes név|όνομα|"
    r"ονοματεπώνυμο|namn|nama|nama lengkap|họ và tên|họ tên|نام|نام و نام خانوادگی|שם|שם מלא|имя|фио|"
    r"фамилия имя отчество|ф\.и\.о\.?|姓名|名前|氏名|이름|성명)$"
)
# ... the family name alone (the given name comes from vocab._GIVEN_KEYS) ...
_FAMILY_KEYS = re.compile(
    r"(?i)^(?:surname|last name|family name|nachname|familienname|nom de famille|apellidos?|cognome|sobrenome|"
    r"achternaam|nazwisko|soyad|soyadı|vezetéknév|επώνυμο|efternamn|фамилия|姓)$"
)
# ... and the captions CJK writers put before a name without a colon ("氏名 山田 太郎").
_CJK_NAME_CAPTION = re.compile(r"^(?:氏\s*名|姓\s*名|名\s*前|이\s*름|성\s*명)[\s　]+(?P<value>\S.*)$")
# Words written in lower case inside a name: "Maria dos Santos", "Ludwig van Beethoven".
_PARTICLES = frozenset(
    "da das de del della der di do dos du e la le van von y zu ten ter den bin binti ibn al el af".split()
)
# Degrees and honours written after a name: "Jane Doe (PhD)", "John Roe, MBA".
_AFTER_NAME = re.compile(
    r"(?:,\s*|\s*\(|\s+(?=Ph\.?\s?D))(?:Ph\.?\s?D\.?|M\.?D\.?|MBA|M\.?Sc\.?|B\.?Sc\.?|M\.?A\.?|B\.?A\.?|"
    r"CPA|PMP|P\.?Eng\.?)\)?\s*$"
)
# Captions of a place of residence, per language (searched in the caption: "Город проживания",
# "Current address", "现工作地址"), besides vocab._PLACE_KEYS.
_PLACE_WORDS = re.compile(
    r"(?i)\b(?:address|adress|adresse|anschrift|wohnort|location|city|residence|ville|domicile|résidence|"
    r"ciudad|dirección|direccion|domicilio|residencia|cidade|endereço|endereco|morada|residência|indirizzo|"
    r"residenza|città|adres|woonplaats|miasto|adresi|şehir|cím|lakcím|város|lakóhely|διεύθυνση|κατοικία|"
    r"πόλη|adress|bostadsort|alamat|kota|địa chỉ|nơi ở|город|адрес|проживани\w*|місто|адреса|آدرس|نشانی|"
    r"محل سکونت|כתובת|מגורים|עיר)\b|地址|住址|住所|现居|居住地|所在地|城市|주소|거주지"
)
_POSTCODE_KEYS = re.compile(
    r"(?i)\b(?:postal code|post code|postcode|zip|zip code|plz|postleitzahl|code postal|código postal|"
    r"codigo postal|cap|c\.a\.p\.|postcode|kod pocztowy|posta kodu|irányítószám|ταχυδρομικός κώδικας|"
    r"τ\.κ\.|почтовый индекс|индекс|mã bưu điện)\b|邮编|郵便番号|우편번호"
)


# "1010 - Venezuela", "38999 Montclaret": a postal code, then a place.
_POSTCODE_THEN_PLACE = re.compile(rf"{_POSTCODE}\s*[-–,]?\s*[^\W\d][^\d@]{{1,40}}")

# Captions of the job sought (Europass and others), besides vocab._LABEL_KEYS.
_SOUGHT_KEYS = re.compile(
    r"(?i)^(?:desired employment|occupation|job applied for|position applied for|preferred job|"
    r"emploi recherché|poste visé|poste recherché|empleo deseado|puesto solicitado|ocupación deseada|"
    r"emprego pretendido|cargo pretendido|occupazione desiderata|ocupazione desiderata|posizione ricoperta|"
    r"gewünschte beschäftigung|angestrebte position|berufsbezeichnung|gewenste functie|"
    r"stanowisko|pożądane stanowisko|pozisyon|hedef pozisyon|желаемая позиция|希望职位|希望職種|희망 직무)$"
)


def _caps_caption(text: str) -> tuple[str, str] | None:
    """ "INFORMAZIONI PERSONALI Mario Rossi": a caption in capitals of two words or more, then
    its value in ordinary case on the same line (Europass PDFs put the two columns on one line)."""
    words = text.split()
    n = 0
    while n < len(words) and sum(c.isalpha() for c in words[n]) >= 2 and words[n].isupper():
        n += 1
    if n < 2 or n == len(words) or not any(c.islower() for c in words[n]):
        return None
    return " ".join(words[:n]), " ".join(words[n:])


def _other_caption(text: str) -> bool:
    """ "Languages: English, French": a line under a caption that is not a place's holds no place."""
    # A caption before a colon only: "Costa Rica<tab>✉ jon@…" is two columns, not a caption.
    caption = _CAPTION.match(text)
    return bool(caption and not _is_place_key(re.split(r"\s*[:：]", caption.group(0))[0]))


def _is_house(text: str) -> bool:
    """A short line of words and a house number: "Kwarteldreef 2", "12 Oak Lane"."""
    text = text.strip()
    house = re.fullmatch(r"(?:\d+[a-z]?,?\s+)?[^\W\d][\w .'-]*?(?:\s+\d+[a-z]?)?", text)
    return len(text) <= 50 and bool(house) and bool(re.search(r"\d", text))


def _is_place_key(caption: str) -> bool:
    """A caption that names where the applicant lives (not an employer's or a birth place)."""
    key = caption.casefold()
    return bool(_PLACE_KEYS.match(key) or _PLACE_WORDS.search(key)) and not _BIRTH.search(key)


# An address starts where a run of its characters starts (the lookbehind): tried from every
# position of a long word, each try read the rest of the word again (quadratic). The leftmost
# match starts there anyway.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# Only where a run of name characters starts (the lookbehind), for the same reason as above: a
# line of "a.a.a.a..." took seconds per thousand characters.
_URL = re.compile(
    r"(?i)(?<![\w.-])\b(?:https?://[^\s<>\"'，。、）)]+|www\.[^\s<>\"'，。、）)]+|"
    r"(?:[\w-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|xing\.com|twitter\.com|x\.com|stackoverflow\.com|"
    r"behance\.net|dribbble\.com|medium\.com|kaggle\.com|leetcode\.com|researchgate\.net|orcid\.org|"
    r"scholar\.google\.com|vk\.com|habr\.com|t\.me)/[^\s<>\"'，。、）)]*|"
    r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:info|io|dev|me|ml|net|org|com|de|fr|es|ru|cn|tech|site|page|app)"
    r"(?:/[^\s<>\"'，。、）)]*)?)(?=$|[\s,;|)）])"
)
# Not inside an identifier either ("ResearcherID: A-1234-2010").
# With a country code, groups may be cut by commas too ("+58 212 555,01,02").
_PHONE = re.compile(
    r"(?<![\w+])(?<![^\W\d]-)"
    r"(?:\+\d(?:[\d ().\-‑/（）]|,(?=\d)){5,}\d|(?:\+|00)?[(（]?\+?\d[\d ().\-‑/（）]{5,}\d)(?![\w])"
)
# A caption before a colon: "Scopus Author ID: …" (a phone's caption is often one letter: "T:").
_CAPTION = re.compile(r"^[^\W\d][\w .'/()-]{0,40}?\s*[:：]\s*\S")
# Captions of numbers that are not phone numbers: identifiers, fax, postal codes.
_NOT_PHONE_KEYS = re.compile(
    r"(?i)\b(?:id|identifier|orcid|scopus|researcherid|passport|pasaporte|passaporte|reisepass|personalausweis|"
    r"dni|nie|nif|cpf|rg|ssn|iban|fax|matrikel\w*|steuer\w*|postal|plz|zip|code postal|código postal|cep|pin|"
    r"chứng minh\w*|cmnd|căn cước|số hiệu|isbn|issn|doi)\b|身份证|学号"
)
# Phone captions besides vocab._PHONE_KEYS, per language.
_MORE_PHONE_KEYS = re.compile(
    r"(?i)τηλέφωνο|κινητό|điện thoại|di động|تلفن|موبایل|شماره تماس|טלפון|נייד|電話|携帯|전화|휴대폰|연락처|"
    r"\b(?:cep|gsm|telefonszám|mobil\w*|numer telefonu|telefoon|puhelin|whatsapp|nomor hp|no\. hp)\b"
)
_NETWORKS = {
    "linkedin.com": "LinkedIn",
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "xing.com": "XING",
    "twitter.com": "Twitter",
    "x.com": "X",
    "stackoverflow.com": "Stack Overflow",
    "behance.net": "Behance",
    "dribbble.com": "Dribbble",
    "medium.com": "Medium",
    "kaggle.com": "Kaggle",
    "leetcode.com": "LeetCode",
    "researchgate.net": "ResearchGate",
    "orcid.org": "ORCID",
    "scholar.google.com": "Google Scholar",
    "vk.com": "VK",
    "habr.com": "Habr",
    "t.me": "Telegram",
}

_WATERMARK = re.compile(r"(?i)\s*u?featured\s+resume\s*$")


def _may_hold_url(text: str) -> bool:
    """Whether :data:`_URL` can match: each of its forms holds a dot or "://" (most lines of a CV
    hold neither, and the pattern is tried at every word)."""
    return "." in text or "://" in text


def _without_links(text: str) -> str:
    """The text with its URLs and e-mail addresses blanked out."""
    if _may_hold_url(text):
        text = _URL.sub(" ", text)
    return _EMAIL.sub(" ", text) if "@" in text else text


# "jane [at] example.com": an address spelt out against harvesters.
_SPELT_MAIL = re.compile(r"(?<!\S)\S+\s?[\[(]at[\])]\s?\S+")


def _without_mail(text: str) -> str:
    """The text with its e-mail addresses, spelt out or not, blanked out."""
    if "at]" in text or "at)" in text:
        text = _SPELT_MAIL.sub(" ", text)
    return _EMAIL.sub(" ", text) if "@" in text else text


def _phones(text: str) -> list[str]:
    out = []
    for m in _PHONE.finditer(text):
        cand = m.group(0).strip(" -./")
        digits = re.sub(r"\D", "", cand)
        if len(digits) > 15 and re.search(r"\s[-–/]\s|\s{2,}|\t", cand):
            # "09120000001 - 09030000002": two numbers side by side.
            out.extend(_phones(re.sub(r"\s[-–/]\s|\s{2,}|\t", " ; ", cand)))
            continue
        # Postal codes written with a hyphen ("06783-045", "〒410-1100") are no phone numbers.
        if re.fullmatch(r"\d{5}-\d{3}|\d{3}-\d{4}", cand) and (
            "〒" in text[max(0, m.start() - 2) : m.start()] or len(cand) == 9
        ):
            continue
        if not 7 <= len(digits) <= 15:
            continue
        # Dates and date ranges look like numbers too.
        if find_dates(cand) and not cand.startswith(("+", "00")) and len(digits) <= 12:
            spans = find_dates(cand)
            if sum(d.stop - d.begin for d in spans) >= len(cand) - 4:
                continue
        out.append(cand)
    return out


# "Portfolio: https://…", "Site web : …": the applicant's own site, wherever the line stands.
_SITE_CAPTION = re.compile(
    r"(?i)^\W*(?:portfolio|website|web site|web|homepage|home page|blog|personal site|site web|site|"
    r"site internet|página web|sitio web|página pessoal|webseite|persönliche website|sito web|сайт|"
    r"网站|个人网站|博客|ホームページ|웹사이트|홈페이지)\s*[:：]"
)
# A handle printed after the network's name: "GitHub: jdoe", "LinkedIn | in/jdoe", "Telegram: @jdoe".
_HANDLE = re.compile(
    r"(?i)(?:^|[\t|•·,;]\s*)(?P<net>github|gitlab|linkedin|twitter|telegram|kaggle|leetcode|medium|behance|"
    r"dribbble|xing|habr|vk|stack\s?overflow)\s*(?:[:：|]\s*[@/]?|[@/])(?P<handle>(?:in/)?[\w][\w.-]{1,60})\s*(?=$|[\t|•·,;])"
)
# Where each network keeps its account pages.
_HANDLE_BASE = {
    "github": "https://github.com/",
    "gitlab": "https://gitlab.com/",
    "linkedin": "https://www.linkedin.com/in/",
    "twitter": "https://twitter.com/",
    "telegram": "https://t.me/",
    "kaggle": "https://www.kaggle.com/",
    "leetcode": "https://leetcode.com/u/",
    "medium": "https://medium.com/@",
    "behance": "https://www.behance.net/",
    "dribbble": "https://dribbble.com/",
    "xing": "https://www.xing.com/profile/",
    "habr": "https://habr.com/users/",
    "vk": "https://vk.com/",
    "stackoverflow": "https://stackoverflow.com/users/",
}


def _handle_urls(text: str) -> list[str]:
    """Profile URLs rebuilt from handles printed after a network's name, per the labels'
    convention (a handle on the page is a profile; its URL is the network's account page)."""
    out = []
    for m in _HANDLE.finditer(text):
        handle = m.group("handle").removeprefix("in/").rstrip(".")
        if "." in handle and re.search(r"\.(?:com|net|org|io|me)$", handle.casefold()):
            continue  # a domain ("github.com"), read as a URL by the URL rule
        net = re.sub(r"\s", "", m.group("net").casefold())
        out.append(_HANDLE_BASE[net] + handle)
    return out


def _link_list(lines: list[Line], refs: set[int], foreign: frozenset[int] = frozenset()) -> list[str]:
    """The URLs of a list of links to the applicant's pages: lines that hold nothing but a URL,
    three hosts or more among them, each within three lines of the last (an "Online profiles"
    block). A list of papers on one host ("arxiv.org/abs/…") is not one; nor is a list in an
    entry's section (certificates' badges on three sites) that links no account page of a
    network (github.com/jdoe)."""
    out: list[str] = []
    run: list[str] = []
    inside = False  # the run holds a line of an entry's section
    last = -10
    for i, line in enumerate(lines):
        text = line.text.strip()
        m = _URL.fullmatch(text) if len(text) < 200 and id(line) not in refs else None
        if not m:
            continue
        if i - last > 3:
            out += _distinct_hosts(run, inside)
            run, inside = [], False
        run.append(_url_of(text))
        inside = inside or id(line) in foreign
        last = i
    return out + _distinct_hosts(run, inside)


def _distinct_hosts(run: list[str], inside: bool = False) -> list[str]:
    hosts = {re.sub(r"^[a-z]+://", "", u.casefold()).removeprefix("www.").split("/")[0] for u in run}
    if inside and not any(_network(u) and _profile_path_ok(u) for u in run):
        return []
    return run if len(hosts) >= 3 else []


# A path segment that names a web host: "www.example.org", "github.com" (not "index.html").
_HOST_SEGMENT = re.compile(r"(?i)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?!(?:html?|php|aspx?|pdf|docx?|jpe?g|png)$)[a-z]{2,12}")


def _web_target(link: str) -> str | None:
    """A link's web address. A link written without its scheme ("www.example.org/jdoe") is
    resolved by the writing program as a file beside the document ("file:///C:/Users/…/
    www.example.org/jdoe", "../www.example.org/jdoe"): the address is what follows from the
    segment that names a host; a link to a local file without one is None."""
    folded = link.casefold()
    if re.match(r"[a-z][a-z0-9+.-]*:", folded) and not folded.startswith("file:"):
        return link
    rest = re.sub(r"(?i)^file:", "", link)
    for i, segment in enumerate(parts := rest.split("/")):
        if _HOST_SEGMENT.fullmatch(segment):
            return "/".join(parts[i:])
    return None


def _captioned(text: str, network: str) -> bool:
    """Whether the line names the network outside its URLs: "GitHub: https://github.com/jdoe",
    "个人github地址 https://github.com/jdoe"."""
    rest = _URL.sub(" ", text) if _may_hold_url(text) else text
    return re.sub(r"\s", "", network).casefold() in re.sub(r"\s", "", rest).casefold()


def _url_of(text: str) -> str:
    return text.rstrip(".,;:")


def _network(url: str) -> str | None:
    host = re.sub(r"^[a-z]+://", "", url.casefold()).split("/")[0]
    host = host.removeprefix("www.")
    if host.startswith("scholar.google."):
        return "Google Scholar"  # scholar.google.com.tr, scholar.google.de
    for domain, name in _NETWORKS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


_ACCOUNT_WORDS = frozenset({"in", "pub", "profile", "profiles", "scientific-contributions", "citations", "u"})


def _profile_path_ok(url: str) -> bool:
    """A profile is an account page: github.com/user, linkedin.com/in/user; not a repository or a file."""
    if "://" in url:
        path = re.sub(r"^[a-z]+://[^/]+", "", url.casefold())
    else:
        path = "/" + url.split("/", 1)[1] if "/" in url else ""
    parts = [p for p in re.split(r"[?#]", path)[0].split("/") if p]
    # linkedin.com/in/user, researchgate.net/profile/Name and leetcode.com/u/user take two
    # parts; the rest one.
    two = re.search(r"linkedin|researchgate|xing|scholar", url.casefold()) or (
        "leetcode." in url.casefold() and [p.casefold() for p in parts[:1]] == ["u"]
    )
    deepest = 2 if two else 1
    # Two-part profile pages start with the network's account word ("researchgate.net/profile/…");
    # "researchgate.net/publication/…" is a paper.
    if len(parts) == 2 and parts[0].casefold() not in _ACCOUNT_WORDS:
        return False
    return 1 <= len(parts) <= deepest and not re.search(r"\.(?:pdf|jpe?g|png|gif|md|html?)$", path)


def _looks_like_name(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > 60 or re.search(r"[\d@/\\|:;!?]", text) or _NOT_NAME.search(text):
        return False
    # "■職務要約", "★ Skills": a symbol is a decoration of a heading, never part of a name.
    if any(unicodedata.category(ch) in ("So", "Sm") for ch in text):
        return False
    # The shape first: most lines fail it, and the vocabularies below are the costly part.
    if not _name_shape(text):
        return False
    return not (headings.lookup(text) or _ORG.search(text) or _DEGREE.search(text) or _ROLE.search(text))


def _name_shape(text: str) -> bool:
    """A few capitalised words ("Erika Musterfrau", "Jan van der Berg"), or two to five CJK signs."""
    if _cjk(text):
        # Japanese names are written in kanji or katakana; kana particles make a phrase ("ある場合").
        hiragana = sum("\u3040" <= ch <= "\u309f" for ch in text)
        return 2 <= len(text.replace(" ", "").replace("\u3000", "")) <= 5 and hiragana < 2
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= 5:
        return False
    # Scripts without capitals (Hebrew, Arabic, Georgian) pass; cased words start with a capital.
    cased = [w for w in words if w[:1].isupper() or w[:1].islower()]
    return all(w[:1].isupper() or w in _PARTICLES for w in cased) and (not cased or cased[0][:1].isupper())


def _value(line: Line) -> tuple[object, ...]:
    """A line's fields as a hashable value: equal exactly when the lines compare equal."""
    return (
        line.text,
        line.style,
        line.level,
        line.bullet,
        line.bold,
        line.size,
        line.where,
        line.cell,
        line.para,
        tuple(line.links),
    )


def _clean_name(text: str) -> str:
    text = _WATERMARK.sub("", text)
    # "Иванова, 20 лет." / "Jane Doe, 34 years": the age is not part of the name.
    text = re.sub(r"(?i),?\s*\d{1,2}\s*(?:лет|года|год|years?|ans|jahre|años|anos|岁)\.?$", "", text)
    # "Jane Doe (PhD)", "John Roe, MBA, PMP": degrees after the name are not part of it.
    while True:
        shorter = _AFTER_NAME.sub("", text)
        if shorter == text:
            break
        text = shorter
    return text.strip(" ,.;:\t")


def _referee_lines(lines: list[Line]) -> set[int]:
    """The lines under a references heading, up to the next heading: their names, phones and
    e-mail addresses are the referees', never the applicant's."""
    out: set[int] = set()
    inside = False
    for line in lines:
        short = len(line.text) <= 60
        # Only a line with a references word can open the section: the heading vocabulary is
        # asked about every line only inside one.
        if not inside and not (short and _REFERENCE_KEYS.search(line.text)):
            continue
        key = headings.lookup(line.text) if short else None
        if key is not None:
            inside = key == "references"
        elif inside:
            out.add(id(line))
    return out


def _name_caption(line: Line, nxt: Line | None) -> tuple[str, str, list[Line]] | None:
    """("full" | "given" | "family" | "either", the name, the lines it took) when the line is a
    name caption with its value, or a caption alone whose value is the next line."""
    m = _CJK_NAME_CAPTION.match(line.text.strip())
    if m:
        return "full", _clean_name(m.group("value")), [line]
    kv = _split_key(line.text)
    if kv is None:
        return None
    key = kv[0].casefold()
    is_given = bool(_GIVEN_KEYS.match(key))
    is_full = bool(_NAME_KEYS.match(key) or _FULL_NAME_KEYS.match(key))
    kind = (
        "family"
        if _FAMILY_KEYS.match(key)
        else "either"
        if is_given and is_full
        else "given"
        if is_given
        else "full"
        if is_full
        else None
    )
    if kind is None:
        return None
    # "Họ và tên:<tab>NGUYỄN VĂN A<tab>Nam, nữ:<tab>Nam": the next caption starts after a tab.
    value = kv[1].split("\t")[0]
    if value:
        return kind, _clean_name(value), [line]
    if nxt is not None and _split_key(nxt.text) is None:
        return kind, _clean_name(nxt.text), [line, nxt]
    return None


def _signature(line: Line) -> tuple[str, int | None, bool, float]:
    return (line.style, line.level, line.bold, line.size)


def _heading_looks(lines: list[Line]) -> set[tuple[str, int | None, bool, float]]:
    """How the document writes its section headings: the signatures of lines in a heading style
    (an outline level) that the heading vocabulary knows or that the document uses often."""
    styled = [ln for ln in lines if ln.level is not None and ln.level >= 0]
    count = Counter(_signature(ln) for ln in styled)
    # A heading style used three times or more holds the section headings, even in a language
    # whose heading words are unknown; a name is written once.
    return {_signature(ln) for ln in styled if count[_signature(ln)] >= 3 or headings.lookup(ln.text)}


_HONORIFIC = re.compile(r"(?i)(?:dr|prof|mr|mrs|ms|mme|mlle|m|ing|dipl\.?-ing|lic|mag|sr|sra|srta|dott|dr\.?-ing)\.?")


def _name_continued(line: Line, nxt: Line | None, top: float) -> str | None:
    """A name written over two paragraphs in the largest type ("Dr. Jane" / "Doe"): the two
    joined, when the next line continues the first."""
    if nxt is None or not top or line.size != top or nxt.size != top or line.style != nxt.style:
        return None
    first, second = _clean_name(line.text), _clean_name(nxt.text)
    # The first line holds a given name alone (after a title: "Dr. Jane"); "Jane Doe" / "Berlin"
    # is a whole name and a place.
    given = [w for w in first.split() if not _HONORIFIC.fullmatch(w)]
    # One paragraph wrapped in the largest type ("MD JANE" / "DOE") is one name, whatever the
    # first line holds, unless its second line is a place.
    wrapped = line.para == nxt.para and line.para > 0 and len(given) <= 3 and not _is_place(second)
    if not (len(given) == 1 or wrapped) or not 1 <= len(second.split()) <= 2 or _cjk(first + second):
        return None
    joined = f"{first} {second}"
    return joined if _looks_like_name(first) and _looks_like_name(joined) else None


class _Basics:
    """Name, contact details, label and summary, from the lines before the first section and
    from the personal-details sections, with the whole document as a fallback for contacts."""

    def __init__(
        self,
        preface: list[Line],
        personal: list[Line],
        everything: list[Line],
        report: Report,
        foreign: frozenset[int] = frozenset(),
        lang: str | None = None,
    ) -> None:
        self.report = report
        self.lang = lang
        # id() of the lines of sections whose items carry links of their own (a project's
        # repository, a certificate's badge, a referee's profile): no profile of the applicant.
        self.foreign = foreign
        self.preface = preface
        self.personal = personal
        self.all = everything
        self.data: dict[str, Any] = {}
        self.used: set[int] = set()  # id() of lines consumed as contact details
        self.name_lines: list[Line] = []  # the lines the name was read from, by layout
        self.refs = _referee_lines(everything)  # id() of lines under a references heading

    def run(self, creator: str) -> dict[str, Any]:
        """Fill ``self.data`` with what was found."""
        region = self.preface + self.personal
        self._name(region, creator)
        self._email(region)
        self._phone(region)
        self._urls(region)
        self._location(region)
        self._label(region)
        sure = {"email": 0.9, "phone": 0.8, "url": 0.6, "profiles": 0.8, "location": 0.6, "label": 0.6}
        for key, conf in sure.items():
            if key in self.data:
                self.report.warn(pointer("basics", key), f"{key} found (confidence {conf:.1f})")
        return self.data

    def _name(self, region: list[Line], creator: str) -> None:
        if self._captioned_name(region):
            return
        pool = self._name_pool(region)
        titles = [ln for ln in pool if ln.level == -1]
        if titles:
            # A name split over several Title paragraphs ("Мария" / "Иванова, 20 лет.").
            text = " ".join(_clean_name(ln.text) for ln in titles[:3])
            if _looks_like_name(text):
                self.data["name"] = text
                self.report.warn("/basics/name", "name taken from the Title style (confidence 0.95)")
                return
        candidates = self._name_candidates(pool)
        if candidates:
            score, _, used, text = max(candidates, key=lambda c: (c[0], c[1]))
            self.data["name"] = text
            self.used.update(id(ln) for ln in used)
            self.name_lines = used
            conf = min(0.9, 0.4 + score / 4)
            self.report.warn("/basics/name", f"name taken from a prominent line near the top (confidence {conf:.1f})")
            return
        fallback = _clean_name(creator) if creator and _looks_like_name(_clean_name(creator)) else ""
        if not fallback:
            first = next((ln.text for ln in self.all if ln.text.strip()), "")
            fallback = _clean_name(first)[:80]
        if fallback:
            self.data["name"] = fallback
            self.report.warn("/basics/name", "no line looks like a name; a guess (confidence 0.2)")

    def _captioned_name(self, region: list[Line]) -> bool:
        """The name after its caption: "Name: Jane Doe", "Nombre y apellidos: …", "SOGGETTO: …",
        "氏名 山田 太郎", a "Name:" line with the name on the next line, or the given and family
        names under captions of their own."""
        found: dict[str, str] = {}  # full | given | family | either -> the name
        lines = region + self.all[:40]
        for i, line in enumerate(lines):
            if id(line) in self.refs:
                continue
            got = _name_caption(line, lines[i + 1] if i + 1 < len(lines) else None)
            if got is None:
                continue
            kind, value, used = got
            if kind in found or not _looks_like_name(value):
                continue
            found[kind] = value
            self.used.update(id(ln) for ln in used)
        given = found.get("given") or found.get("either")
        if "family" in found:
            name = " ".join(p for p in (given, found["family"]) if p)
        else:
            name = found.get("full") or given or ""
        if name:
            self.data["name"] = name
            self.report.warn("/basics/name", "name found after a 'Name' label (confidence 0.9)")
        return bool(name)

    def _name_pool(self, region: list[Line]) -> list[Line]:
        """Where a name may stand: the top of the preface and of the document, and the lines in the
        document's largest type on the first page, wherever the reading order put them (a text box
        written last, a sidebar)."""
        # Lines are compared by value, as ``ln not in region`` did, but through a set: the list
        # search cost a second per thousand lines of a preface thousands of lines long.
        in_region = {_value(ln) for ln in region}
        pool = region[:25] + [ln for ln in self.all[:30] if _value(ln) not in in_region]
        seen = {id(ln) for ln in pool}
        first_page = [ln for ln in self.all[:400] if ln.page == 0 and id(ln) not in self.refs]
        top = max((ln.size for ln in first_page), default=0.0)
        if top:
            # Only where the reading order is unsure: text boxes, sidebars, headers, or a page
            # laid out by position (PDF). A body paragraph far down a Word file is a heading.
            pool += [
                ln
                for ln in first_page
                if ln.size == top
                and id(ln) not in seen
                and len(ln.text) <= 60
                and (ln.where != "body" or ln.box is not None)
            ]
        return pool

    def _name_candidates(self, pool: list[Line]) -> list[tuple[float, int, list[Line], str]]:
        """Every name-like line (or piece of a short line) of the pool, with its score."""
        candidates: list[tuple[float, int, list[Line], str]] = []
        sizes = [ln.size for ln in pool if ln.size]
        top = max(sizes) if sizes else 0.0
        heading_looks = _heading_looks(self.all)
        for order, line in enumerate(pool):
            text = _clean_name(line.text)
            # "Curriculum Vitae – Erika Musterfrau", "Jean Dupont/Curriculum Vitae": either side,
            # on a short line only (a sentence's first word before a slash is no name).
            pieces = [p.strip() for p in re.split(r"[/|\t·•]|\s[–—-]\s|:\s", text) if p.strip()]
            parts = [text, *pieces[:2]] if len(text) <= 80 else [text]
            nxt = pool[order + 1] if order + 1 < len(pool) else None
            joined = _name_continued(line, nxt, top)
            if joined:
                parts.insert(0, joined)
            caps = _caps_caption(text)
            if caps and not joined:
                joined = caps[1]  # scored as the whole line: the caption is a column beside it
                parts.insert(0, joined)
            for part in parts:
                if not _looks_like_name(part):
                    continue
                score = 1.0 - order * 0.02
                if top and line.size == top:
                    score += 1.0
                if line.bold:
                    score += 0.3
                if line.where == "header":
                    score += 0.2
                if part is not text and part is not joined:
                    score -= 0.3
                if not _cjk(part) and len(part.split()) == 1:
                    score -= 0.8  # one word is more often a title or a caption than a name
                if _signature(line) in heading_looks:
                    score -= 1.0  # written like the section headings: another heading
                used = [line, nxt] if part is joined and nxt is not None and not caps else [line]
                candidates.append((score, -order, used, part))
                break
        return candidates

    def _email(self, region: list[Line]) -> None:
        # The applicant's own address is near the top or in the personal details; referees'
        # addresses come later, often as mailto links.
        for line in region:
            m = _EMAIL.search(line.text)
            if m and not _REFERENCE_KEYS.search(line.text):
                self.data["email"] = m.group(0)
                self.used.add(id(line))
                return
        for line in self.all:
            if _REFERENCE_KEYS.search(line.text) or id(line) in self.refs:
                continue
            for link in line.links:
                if link.casefold().startswith("mailto:"):
                    addr = link[7:].split("?")[0].strip()
                    if _EMAIL.fullmatch(addr):
                        # The address as printed wins over the link's target ("Jane.Doe@…").
                        shown = _EMAIL.search(line.text)
                        self.data["email"] = shown.group(0) if shown else addr
                        if shown:
                            # An icon's link on another line ("Data Scientist" + ✉) leaves that line free.
                            self.used.add(id(line))
                        return
        for line in self.all:
            m = _EMAIL.search(line.text)
            if m and not _REFERENCE_KEYS.search(line.text) and id(line) not in self.refs:
                self.data["email"] = m.group(0)
                self.used.add(id(line))
                return

    def _phone(self, region: list[Line]) -> None:
        keyed: list[str] = []
        region_ids = {id(ln) for ln in region}
        for line in region + self.all:
            if id(line) in self.refs:
                continue
            text = _without_links(line.text)
            found = _phones(text)
            if not found:
                continue
            phone_key = bool(_PHONE_KEYS.search(text) or _MORE_PHONE_KEYS.search(text))
            caption = _CAPTION.match(text)
            if (
                not phone_key
                and caption
                and (_NOT_PHONE_KEYS.search(caption.group(0)) or _BIRTH.search(caption.group(0)))
            ):
                continue  # "Scopus Author ID: 25652213800": another caption's number
            if phone_key or id(line) in region_ids:
                keyed.extend(found)
                self.used.add(id(line))
            if keyed:
                break
        if not keyed:
            # A number on the line that gave the applicant's e-mail ("jane@example.com • +55 …").
            mail = self.data.get("email")
            for line in self.all:
                if mail and mail in line.text and id(line) not in self.refs:
                    keyed.extend(_phones(_without_links(line.text)))
                    if keyed:
                        self.used.add(id(line))
                        break
        if not keyed:
            # A line that holds nothing but a phone number, anywhere (a contact column).
            for line in self.all:
                found = _phones(line.text) if id(line) not in self.refs else []
                if found and len(found[0]) >= len(line.text.strip()) - 2 and len(re.sub(r"\D", "", found[0])) >= 9:
                    keyed.append(found[0])
                    self.used.add(id(line))
                    break
        chosen = keyed[0] if keyed else None
        if chosen:
            self.data["phone"] = chosen

    def _urls(self, region: list[Line]) -> None:
        seen: set[str] = set()
        url: str | None = None
        profiles: list[dict[str, str]] = []
        in_region = {id(ln) for ln in region}
        handles: list[tuple[str, Line]] = []
        # Lines beside the e-mail and phone found (a contact column read late) may give the site.
        near = {
            id(self.all[j])
            for i, ln in enumerate(self.all)
            if id(ln) in self.used
            for j in range(max(0, i - 4), min(len(self.all), i + 5))
        }
        for i, line in enumerate(self.all):
            # In an entry's section, only a contact block's line (within four lines of a contact
            # detail taken, the profiles just taken included: a column of links) is the applicant's.
            # Else only a link captioned with its network's name ("GitHub: https://github.com/jdoe").
            foreign = id(line) in self.foreign and not any(
                id(ln) in self.used for ln in self.all[max(0, i - 4) : i + 5]
            )
            if foreign and (id(line) in self.refs or (not line.links and not _may_hold_url(line.text))):
                continue
            targets = (_web_target(ln) for ln in line.links)
            found = [
                ln for ln in targets if ln and not ln.casefold().startswith(("mailto:", "tel:", "callto:", "sms:"))
            ]
            text = _without_mail(line.text)
            if _may_hold_url(text):
                found += [_url_of(m.group(0)) for m in _URL.finditer(text) if "@" not in m.group(0)]
            if id(line) in in_region:
                handles += [(h, line) for h in _handle_urls(text)]
            site = _SITE_CAPTION.match(text) and id(line) in near
            for raw in found:
                key = re.sub(r"^[a-z]+://", "", raw.casefold()).removeprefix("www.").rstrip("/")
                key = re.split(r"[?#]", key)[0]
                if key in seen:
                    if _EMAIL.sub("", line.text).strip() == line.text.strip() and len(line.text) < 80:
                        self.used.add(id(line))  # the same profile again, in a contact column
                    continue
                if not key or key.startswith(("#", "_")):
                    continue
                network = _network(raw)
                if foreign and not (network and _captioned(line.text, network)):
                    continue
                if network:
                    if not _profile_path_ok(raw):
                        continue
                    seen.add(key)
                    query = re.search(r"[?&]user=([\w-]+)", raw)
                    user = query.group(1) if query else [p for p in re.split(r"[?#]", key)[0].split("/") if p][-1]
                    profiles.append({"network": network, "username": user, "url": raw})
                    if _URL.search(line.text) or re.search(r"/\w|@\w|\ufffd|[\ue000-\uf8ff]", line.text):
                        self.used.add(id(line))  # printed here; not a line that only carries an icon's link
                elif url is None and (id(line) in in_region or site) and not _EMAIL.search(raw):
                    if re.search(r"\.(?:pdf|jpe?g|png|gif|docx?)$", key):
                        continue
                    seen.add(key)
                    url = raw
                    if _URL.search(line.text):
                        self.used.add(id(line))  # printed here, not only the target of a link on words
        for raw in _link_list(self.all, self.refs, self.foreign):
            key = re.split(r"[?#]", re.sub(r"^[a-z]+://", "", raw.casefold()).removeprefix("www.").rstrip("/"))[0]
            if key not in seen and raw != url:
                seen.add(key)
                host = key.split("/")[0]
                user = [p for p in key.split("/")[1:] if p][-1:] or [host]
                name = _network(raw) or (host.split(".")[-2].capitalize() if "." in host else host)
                profiles.append({"network": name, "username": user[0], "url": raw})
        # A printed handle gives a profile only where no link names that network: a link's target
        # is the true address, which the handle may shorten ("in/jdoe" for "in/jdoe-1a2b").
        linked = {p["network"] for p in profiles}
        for raw, line in handles:
            network = _network(raw)
            if network and network not in linked:
                linked.add(network)
                user = raw.rstrip("/").rsplit("/", 1)[-1].lstrip("@")
                profiles.append({"network": network, "username": user, "url": raw})
                self.used.add(id(line))
        if url:
            self.data["url"] = url
        if profiles:
            self.data["profiles"] = profiles

    def _location(self, region: list[Line]) -> None:
        # The captioned personal block may stand inside a section (text boxes, CJK forms).
        inside = {id(ln) for ln in region}
        block = region + [ln for ln in self.captioned_block() if id(ln) not in inside]
        place = (
            self._captioned_place(block)
            or self._postmarked_place(region)
            or self._place_in_lines(region)
            or self._place_near_contacts()
        )
        if not place:
            return
        code = self._captioned_postcode(region)
        if code and "postalCode" not in place:
            place["postalCode"] = code
        self.data["location"] = place

    def _captioned_place(self, region: list[Line]) -> dict[str, str] | None:
        """The place after its caption ("Address: …", "Город проживания: …", "现工作地址：…"), or on
        the line after a caption that stands alone ("Address:" / "12 Oak Street")."""
        for i, line in enumerate(region):
            kv = _split_key(line.text)
            if not kv or _BIRTH.search(kv[0]) or not _is_place_key(kv[0]):
                continue
            value = kv[1].split("\t")[0].strip()
            taken = [line]
            if not value and i + 1 < len(region) and _split_key(region[i + 1].text) is None:
                value = region[i + 1].text.strip()
                taken.append(region[i + 1])
            if not value or "@" in value:
                continue
            value, more = self._address_goes_on(value, region, i + len(taken))
            taken += more
            self.used.update(id(ln) for ln in taken)
            return self._with_town_line(value, region, i + len(taken)) if not more else _parse_place(value)
        return None

    def _address_goes_on(self, value: str, lines: list[Line], after: int) -> tuple[str, list[Line]]:
        """A captioned address that goes on over the next lines, two at most: a line after or
        ending in a comma ("Puerto Azul, Edo. Norte,"), a postal code and a country or town
        ("1010 - Venezuela"). The address joined, and the lines taken."""
        taken: list[Line] = []
        for nxt in lines[after : after + 2]:
            text = nxt.text.strip()
            if id(nxt) in self.used or not text or len(text) > 80 or "@" in text or _split_key(text):
                break
            if not (value.rstrip().endswith(",") or text.endswith(",") or _POSTCODE_THEN_PLACE.fullmatch(text)):
                break
            value = f"{value.rstrip(' ,')}, {text}"
            taken.append(nxt)
        return value, taken

    def _postmarked_place(self, region: list[Line]) -> dict[str, str] | None:
        """A Japanese postal mark and the address after it, on its line or the next
        ("現住所 〒410-1100" / "静岡県沼津市…")."""
        for i, line in enumerate(region):
            m = re.search(r"〒\s*(\d{3}-?\d{4})", line.text)
            if not m:
                continue
            rest = line.text[m.end() :].strip()
            self.used.add(id(line))
            if not rest:
                # The address a line or two below, past its caption ("現住 所").
                for nxt in region[i + 1 : i + 4]:
                    if _is_address(nxt.text) or (_cjk(nxt.text) and _is_place(nxt.text)):
                        rest = nxt.text.strip()
                        self.used.add(id(nxt))
                        break
            return _parse_place(f"〒{m.group(1)} {rest}")
        return None

    def _captioned_postcode(self, region: list[Line]) -> str | None:
        """A postal code under a caption of its own ("Postleitzahl: 10115")."""
        for line in region:
            kv = _split_key(line.text)
            if kv and _POSTCODE_KEYS.search(kv[0]) and re.fullmatch(r"[\w -]{3,10}", kv[1]):
                self.used.add(id(line))
                return kv[1].strip()
        return None

    def _with_town_line(self, text: str, lines: list[Line], after: int) -> dict[str, str]:
        """A street line completed by the postal code and town on the next line ("46, rue Mallifaud" /
        "38999 Montclaret")."""
        # Two lines on: a PDF's reading order may put the other column's line in between.
        for nxt in lines[after : after + 2]:
            if id(nxt) not in self.used and _is_town_line(nxt.text) and not _is_town_line(text):
                self.used.add(id(nxt))
                return _parse_place(f"{text.strip(' ,')}, {nxt.text.strip()}")
        return _parse_place(text)

    def _place_in_lines(self, region: list[Line]) -> dict[str, str] | None:
        """A place or a street address among the contact lines, or in a part of one ("Paris · 06 …")."""
        for i, line in enumerate(region):
            if (id(line) in self.used and not re.search(r"[•|·\t]", line.text)) or _BIRTH.search(line.text):
                continue
            if _other_caption(line.text):
                continue
            parts = re.split(r"\s*[•|·\t]\s*", line.text)
            if any("@" in part or _phones(part) for part in parts) and len(parts) == 1:
                parts = re.split(r"\s[–—]\s", line.text)  # "06 12 34 56 78 – marie@example.fr – Paris"
            for part in parts:
                part = part.strip(" ,")
                if (
                    not part
                    or "@" in part
                    or _URL.search(part)
                    or (_phones(part) and not re.search(r"[A-Za-z]{3}", part))
                    or _spoken_list(part, self.lang)  # "English, Japanese": languages, not a city and region
                ):
                    continue
                # A country alone is a place too ("Costa Rica · ✉ jon@…").
                place = _is_place(part) or _is_address(part) or _country_code(part) or _is_country_place(part)
                if place and part != self.data.get("name"):
                    self.used.add(id(line))
                    return self._with_town_line(part, region, i + 1) if len(parts) == 1 else _parse_place(part)
        return None

    def _place_near_contacts(self) -> dict[str, str] | None:
        """A contact column elsewhere on the page: place lines next to the phone or e-mail line,
        where "Country," and "City" may sit on lines of their own."""
        contact = [i for i, ln in enumerate(self.all) if id(ln) in self.used]
        for i in contact:
            # "jane@example.com Valencia, España": what is left of a contact line.
            rest = _PHONE.sub(" ", _URL.sub(" ", _EMAIL.sub(" ", self.all[i].text))).strip(" ,;|•·\t")
            placed = _is_place(rest) or _is_country_place(rest)
            if rest and rest != self.all[i].text.strip() and placed and not _other_caption(rest):
                return _parse_place(rest)
        for i in contact:
            # A street address first: "Permis B, Véhicule personnel" also looks like "City, Region".
            near = self.all[max(0, i - 3) : i + 3]
            for a, line in enumerate(near):
                if id(line) in self.used or _phones(line.text) or find_dates(line.text):
                    continue
                if _is_address(line.text):
                    self.used.add(id(line))
                    return self._with_town_line(line.text, near, a + 1)
                if a and _is_town_line(line.text) and _is_house(near[a - 1].text):
                    # "Kwarteldreef 2" / "2360, Oud-Turnhout": a street without a street word.
                    self.used.update((id(line), id(near[a - 1])))
                    return _parse_place(f"{near[a - 1].text.strip(' ,')}, {line.text.strip()}")
        for i in contact:
            near = self.all[max(0, i - 3) : i + 3]
            for a, line in enumerate(near):
                text = line.text.strip()
                joined = text.endswith(",") and a + 1 < len(near)
                if joined:
                    text = f"{text} {near[a + 1].text.strip()}"
                if (
                    id(line) not in self.used
                    and not _other_caption(text)
                    and (_is_place(text) or _is_country_place(text))
                    and text != self.data.get("name")
                ):
                    self.used.add(id(line))
                    if joined:
                        self.used.add(id(near[a + 1]))
                    return _parse_place(text)
        return None

    def captioned_block(self) -> list[Line]:
        """The "Caption: value" lines that run on from the contact details found: the personal
        block. Inside text boxes it may run across one heading, since their reading order can
        put a section's heading inside the block; in the body a heading ends it."""
        block: dict[int, Line] = {}  # by position in the document
        seen: set[int] = set()  # each position is looked at once: linear in the document
        for i, line in enumerate(self.all):
            if id(line) not in self.used:
                continue
            for step in (1, -1):
                j, crossed = i + step, False
                while 0 <= j < len(self.all) and j not in seen:
                    seen.add(j)
                    near = self.all[j]
                    kv = _split_key(near.text)
                    if kv and kv[1].strip():
                        block[j] = near
                    elif id(near) in self.used:
                        pass
                    elif near.where == "textbox" and not crossed and headings.lookup(near.text):
                        crossed = True
                    else:
                        break
                    j += step
        return [block[j] for j in sorted(block)]

    def _label(self, region: list[Line]) -> None:
        # A caption that only a personal detail carries ("求职意向", "Profession") also counts in
        # the captioned block that runs on from the contact details, where text boxes can put it
        # inside a section. "Position" or "Title" there belong to an entry.
        inside = {id(ln) for ln in region}
        for line in region + [ln for ln in self.captioned_block() if id(ln) not in inside]:
            kv = _split_key(line.text) or _caps_caption(line.text)
            k = kv[0].casefold() if kv else ""
            if kv and _SOUGHT_KEYS.match(k) and kv[1] and len(kv[1]) < 80:
                self.data["label"] = kv[1]
                self.used.add(id(line))
                return
            if kv and _LABEL_KEYS.match(k) and kv[1] and len(kv[1]) < 80:
                if id(line) in inside or not _ROLE_KEYS.match(k):
                    self.data["label"] = kv[1]
                    self.used.add(id(line))
                    return
        name = self.data.get("name")
        if not name:
            return
        # The line under the name's last line first (a name written over two lines).
        last = {id(self.name_lines[-1])} if self.name_lines else set()
        exact = [i for i, line in enumerate(region) if id(line) in last]
        exact += [i for i, line in enumerate(region) if _clean_name(line.text) == name and id(line) not in last]
        # A set: asking the list for each line took minutes when thousands of lines hold the name.
        exact_set = set(exact)
        loose = [i for i, line in enumerate(region) if name in line.text and i not in exact_set]
        for i in exact + loose:
            if True:
                for nxt in region[i + 1 : i + 2]:
                    text = nxt.text.strip()
                    if (
                        id(nxt) not in self.used
                        and 2 < len(text) < 70
                        and not re.search(r"[@:]", text)
                        # Digits only in a title or a degree ("Étudiant en Master 2"), not "Marié, 2 enfants".
                        and (not re.search(r"\d", text) or bool(_ROLE.search(text) or _DEGREE.search(text)))
                        and not find_dates(text)
                        and not _phones(text)
                        and not (_is_place(text) and not _ROLE.search(text))
                        and not headings.lookup(text)
                        and not _NOT_NAME.search(text)
                        and not text.endswith(".")
                    ):
                        self.data["label"] = text
                        self.used.add(id(nxt))
                        return
        self._label_by_type()

    def _label_by_type(self) -> None:
        """A job title set in larger type than the text on the first page, away from the name
        (a banner line "DÉVELOPPEUR WEB" in a text box read before the name's)."""
        if not self.name_lines:
            return
        top = [ln for ln in self.all[:80] if ln.page == 0 and ln.size]
        sizes = sorted(ln.size for ln in top)
        body = sizes[len(sizes) // 2] if sizes else 0.0
        name_size = self.name_lines[0].size
        preface = {id(ln) for ln in self.preface}
        found = [
            ln
            for ln in top
            # Near the top: before the first heading, in a box whose place in the reading order is
            # unsure, or high on a positioned page; entry titles further down are larger type too.
            if (id(ln) in preface or ln.where != "body" or (ln.box is not None and ln.box[1] < 250))
            and body < ln.size <= name_size
            and id(ln) not in self.used
            and id(ln) not in self.refs
            and 3 <= len(ln.text) <= 60
            and len(ln.text.split()) <= 5
            and _ROLE.search(ln.text)
            and not re.search(r"[@:\d]", ln.text)
            and not headings.lookup(ln.text)
        ]
        if found:
            best = max(found, key=lambda ln: ln.size)
            self.data["label"] = best.text.strip()
            self.used.add(id(best))
