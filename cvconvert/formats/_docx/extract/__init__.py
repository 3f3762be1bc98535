"""Best-effort structured reading of DOCX CVs that cvconvert did not write (no AI model).

The package is read with lxml rather than python-docx, because python-docx does not see text
boxes, which many CV templates use for their side columns and contact blocks. Reading goes in
three steps:

1. ``_Package.lines()`` flattens headers, the body (paragraphs, tables row by row, text boxes
   after the paragraph that anchors them) and footers into :class:`Line` records in reading order,
   each with the formatting hints that matter (style, heading level, list item, bold, size).
2. Section headings are found by their words (:mod:`headings`, many languages) and by looking
   like the headings that were recognised (same style, bold, capitals).
3. Each section is cut into entries around the date ranges people write; the lines of an entry
   head are split into organisation, title and place by vocabulary and by position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cvconvert._deps import requires_extra
from cvconvert._input import open_zip
from cvconvert.formats._docx import headings
from cvconvert.formats._docx.extract.daterange import DateSpan, _without_dates, find_dates, learn_language, month_of
from cvconvert.formats._docx.extract.lines import _BULLET_GLYPHS, Line, _cjk, _is_bullet, _strip_bullet, _words
from cvconvert.formats._docx.extract.order import _Package, read_lines
from cvconvert.formats._docx.extract.vocab import (
    _AREA_KEYS,
    _COUNTRIES,
    _DATE_KEYS,
    _DEGREE,
    _DETAIL_KEYS,
    _EDU_KEYS,
    _GIVEN_KEYS,
    _LABEL_KEYS,
    _NAME_KEYS,
    _ORG,
    _ORG_KEYS,
    _PHONE_KEYS,
    _PLACE_KEYS,
    _ROLE,
    _ROLE_KEYS,
    _SCHOOL,
    _SCORE,
    _any_key,
    _split_key,
)
from cvconvert.model import Resume
from cvconvert.report import Report, pointer

__all__ = ["DateSpan", "Line", "extract", "find_dates", "learn_language", "month_of", "read_lines"]


_REFERENCE_KEYS = re.compile(
    r"(?i)\b(?:referen\w*|referees?|referenzen|références|referências|рекомендац\w*)\b|推荐人|证明人"
)
_BIRTH = re.compile(
    r"(?i)\b(?:birth|born|geburt\w*|geboren|naissance|né|née|nacimiento|nascimento|nato|nata|рождени\w*)\b|出生|生日"
)
_NOT_NAME = re.compile(
    r"(?i)\b(?:curriculum|vitae|resume|résumé|lebenslauf|cv|currículo|curriculo|резюме|page|seite|profile|"
    r"contact|email|e-mail|phone|address|references?)\b|简历|履歴書"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(
    r"(?i)\b(?:https?://[^\s<>\"'，。、）)]+|www\.[^\s<>\"'，。、）)]+|"
    r"(?:[\w-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|xing\.com|twitter\.com|x\.com|stackoverflow\.com|"
    r"behance\.net|dribbble\.com|medium\.com|kaggle\.com|leetcode\.com|researchgate\.net|orcid\.org|"
    r"scholar\.google\.com|vk\.com|habr\.com|t\.me)/[^\s<>\"'，。、）)]*|"
    r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:info|io|dev|me|ml|net|org|com|de|fr|es|ru|cn|tech|site|page|app)"
    r"(?:/[^\s<>\"'，。、）)]*)?)(?=$|[\s,;|)）])"
)
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\+?\d[\d ().\-‑/]{5,}\d(?![\w])")
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
_ENTRY_SECTIONS = ("work", "education", "volunteer", "projects")
_WATERMARK = re.compile(r"(?i)\s*u?featured\s+resume\s*$")


@dataclass
class _Section:
    key: str
    title: str
    confidence: float
    lines: list[Line] = field(default_factory=list)


def _heading_look(line: Line, body_size: float) -> bool:
    """Formatting that makes a short line stand out as a heading."""
    letters = [c for c in line.text if c.isalpha()]
    caps = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 2
    return (
        (line.level is not None and line.level <= 2)
        or line.bold
        or caps
        or (body_size > 0 and line.size >= body_size + 1.5)
        or line.text.rstrip().endswith((":", "："))
    )


def _signature(line: Line) -> tuple[str, bool, float, int | None]:
    return (line.style, line.bold, line.size, line.level)


def _find_sections(lines: list[Line], lang: str | None) -> tuple[list[Line], list[_Section]]:
    sizes = sorted(line.size for line in lines if line.size)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    preface: list[Line] = []
    sections: list[_Section] = []
    known_looks: set[tuple[str, bool, float, int | None]] = set()
    marks: list[tuple[int, str, float]] = []
    for i, line in enumerate(lines):
        text = line.text
        if "\t" in text.strip() or _words(text) > 7 or "@" in text or find_dates(text):
            continue
        if _is_bullet(line) and line.level is None:
            continue
        key = headings.lookup(text)
        if key is None:
            continue
        looks = _heading_look(line, body_size)
        # A bare word such as "Experience" in running text is not a heading; a styled one is.
        if not looks and _words(text) > 3:
            continue
        marks.append((i, key, 0.9 if looks else 0.7))
        if looks:
            known_looks.add(_signature(line))
    marked = {i for i, _, _ in marks}
    # Headings the vocabulary does not know, written like the ones it does, end a section; only
    # when that look is distinctive (a heading style, capitals or a larger size, used by few
    # other lines), since bold alone also marks job titles and table captions.
    known_count: dict[tuple[str, bool, float, int | None], int] = {}
    for i in marked:
        sig = _signature(lines[i])
        known_count[sig] = known_count.get(sig, 0) + 1
    all_count: dict[tuple[str, bool, float, int | None], int] = {}
    for line in lines:
        sig = _signature(line)
        if sig in known_count:
            all_count[sig] = all_count.get(sig, 0) + 1
    for i, line in enumerate(lines):
        sig = _signature(line)
        if i in marked or i < 3 or sig not in known_count or _is_bullet(line):
            continue
        styled = line.level is not None and 0 <= line.level <= 2
        if all_count[sig] > 2 * known_count[sig] + 2 and not styled:
            continue
        text = line.text
        letters = [c for c in text if c.isalpha()]
        caps = bool(letters) and all(c.isupper() for c in letters if c.isascii()) and len(letters) > 3
        distinctive = (line.level is not None and 0 <= line.level <= 1) or caps or line.size >= body_size + 1.5
        if (
            distinctive
            and _words(text) <= 5
            and not find_dates(text)
            and not re.search(r"[@\d]", text)
            and not text.endswith((".", ",", ":"))
            and line.where in ("body", "table", "textbox")
        ):
            marks.append((i, "other", 0.4))
    marks.sort()
    bounds = [i for i, _, _ in marks] + [len(lines)]
    preface = lines[: bounds[0]]
    for (i, key, conf), end in zip(marks, bounds[1:], strict=False):
        sections.append(_Section(key, lines[i].text, conf, lines[i + 1 : end]))
    return preface, sections


def _phones(text: str) -> list[str]:
    out = []
    for m in _PHONE.finditer(text):
        cand = m.group(0).strip(" -./")
        digits = re.sub(r"\D", "", cand)
        if not 7 <= len(digits) <= 15:
            continue
        # Dates and date ranges look like numbers too.
        if find_dates(cand) and not cand.startswith(("+", "00")) and len(digits) <= 12:
            spans = find_dates(cand)
            if sum(d.stop - d.begin for d in spans) >= len(cand) - 4:
                continue
        out.append(cand)
    return out


def _url_of(text: str) -> str:
    return text.rstrip(".,;:")


def _network(url: str) -> str | None:
    host = re.sub(r"^[a-z]+://", "", url.casefold()).split("/")[0]
    host = host.removeprefix("www.")
    for domain, name in _NETWORKS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


def _profile_path_ok(url: str) -> bool:
    """A profile is an account page: github.com/user, linkedin.com/in/user; not a repository or a file."""
    if "://" in url:
        path = re.sub(r"^[a-z]+://[^/]+", "", url.casefold())
    else:
        path = "/" + url.split("/", 1)[1] if "/" in url else ""
    parts = [p for p in re.split(r"[?#]", path)[0].split("/") if p]
    # linkedin.com/in/user and researchgate.net/profile/Name take two parts; the rest one.
    deepest = 2 if re.search(r"linkedin|researchgate|xing|scholar", url.casefold()) else 1
    return 1 <= len(parts) <= deepest and not re.search(r"\.(?:pdf|jpe?g|png|gif|md|html?)$", path)


def _looks_like_name(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > 60 or re.search(r"[\d@/\\|:;!?]", text) or _NOT_NAME.search(text):
        return False
    if headings.lookup(text) or _ORG.search(text) or _DEGREE.search(text) or _ROLE.search(text):
        return False
    if _cjk(text):
        return 2 <= len(text.replace(" ", "")) <= 5
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= 5:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words if w[:1].isalpha())


def _clean_name(text: str) -> str:
    text = _WATERMARK.sub("", text)
    # "Шолохова, 20 лет." / "Jane Doe, 34 years": the age is not part of the name.
    text = re.sub(r"(?i),?\s*\d{1,2}\s*(?:лет|года|год|years?|ans|jahre|años|anos|岁)\.?$", "", text)
    return text.strip(" ,.;:\t")


class _Basics:
    """Name, contact details, label and summary, from the lines before the first section and
    from the personal-details sections, with the whole document as a fallback for contacts."""

    def __init__(self, preface: list[Line], personal: list[Line], everything: list[Line], report: Report) -> None:
        self.report = report
        self.preface = preface
        self.personal = personal
        self.all = everything
        self.data: dict[str, Any] = {}
        self.used: set[int] = set()  # id() of lines consumed as contact details

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
        given = family = None
        for line in region + self.all[:40]:
            kv = _split_key(line.text)
            if kv is None or not kv[1]:
                continue
            key = kv[0].casefold()
            if _NAME_KEYS.match(key) and family is None and _looks_like_name(_clean_name(kv[1])):
                family = _clean_name(kv[1])
                self.used.add(id(line))
            elif _GIVEN_KEYS.match(key) and given is None and _looks_like_name(_clean_name(kv[1])):
                given = _clean_name(kv[1])
                self.used.add(id(line))
        if family or given:
            self.data["name"] = " ".join(p for p in (given, family) if p)
            self.report.warn("/basics/name", "name found after a 'Name' label (confidence 0.9)")
            return
        # Candidates: the Title style, then the largest or boldest short line near the top.
        candidates: list[tuple[float, int, Line, str]] = []
        pool = region[:25] + [ln for ln in self.all[:30] if ln not in region]
        titles = [ln for ln in pool if ln.level == -1]
        if titles:
            # A name split over several Title paragraphs ("Анастасия" / "Шолохова, 20 лет.").
            text = " ".join(_clean_name(ln.text) for ln in titles[:3])
            if _looks_like_name(text):
                self.data["name"] = text
                self.report.warn("/basics/name", "name taken from the Title style (confidence 0.95)")
                return
        sizes = [ln.size for ln in pool if ln.size]
        top = max(sizes) if sizes else 0.0
        for order, line in enumerate(pool):
            text = _clean_name(line.text)
            # "Curriculum Vitae – Erika Musterfrau", "Antoine Roux/Curriculum Vitae": either side.
            pieces = [p.strip() for p in re.split(r"[/|\t·•]|\s[–—-]\s|:\s", text) if p.strip()]
            parts = [text, *pieces[:2]]
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
                if part is not text:
                    score -= 0.3
                if not _cjk(part) and len(part.split()) == 1:
                    score -= 0.8  # one word is more often a title or a caption than a name
                candidates.append((score, -order, line, part))
                break
        if candidates:
            score, _, line, text = max(candidates, key=lambda c: (c[0], c[1]))
            self.data["name"] = text
            self.used.add(id(line))
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
            if _REFERENCE_KEYS.search(line.text):
                continue
            for link in line.links:
                if link.casefold().startswith("mailto:"):
                    addr = link[7:].split("?")[0].strip()
                    if _EMAIL.fullmatch(addr):
                        self.data["email"] = addr
                        self.used.add(id(line))
                        return
        for line in self.all:
            m = _EMAIL.search(line.text)
            if m and not _REFERENCE_KEYS.search(line.text):
                self.data["email"] = m.group(0)
                self.used.add(id(line))
                return

    def _phone(self, region: list[Line]) -> None:
        keyed: list[str] = []
        region_ids = {id(ln) for ln in region}
        for line in region + self.all:
            text = _EMAIL.sub(" ", _URL.sub(" ", line.text))
            found = _phones(text)
            if not found:
                continue
            if _PHONE_KEYS.search(text) or id(line) in region_ids:
                keyed.extend(found)
                self.used.add(id(line))
            if keyed:
                break
        if not keyed:
            # A line that holds nothing but a phone number, anywhere (a contact column).
            for line in self.all:
                found = _phones(line.text)
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
        for line in self.all:
            found = [ln for ln in line.links if not ln.casefold().startswith("mailto:")]
            text = _EMAIL.sub(" ", re.sub(r"\S+\s?[\[(]at[\])]\s?\S+", " ", line.text))
            found += [_url_of(m.group(0)) for m in _URL.finditer(text) if "@" not in m.group(0)]
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
                if network:
                    if not _profile_path_ok(raw):
                        continue
                    seen.add(key)
                    user = [p for p in re.split(r"[?#]", key)[0].split("/") if p][-1]
                    profiles.append({"network": network, "username": user, "url": raw})
                    self.used.add(id(line))
                elif url is None and id(line) in in_region and not _EMAIL.search(raw):
                    if re.search(r"\.(?:pdf|jpe?g|png|gif|docx?)$", key):
                        continue
                    seen.add(key)
                    url = raw
                    self.used.add(id(line))
        if url:
            self.data["url"] = url
        if profiles:
            self.data["profiles"] = profiles

    def _location(self, region: list[Line]) -> None:
        for line in region:
            kv = _split_key(line.text)
            if kv and _PLACE_KEYS.match(kv[0].casefold()) and kv[1] and not _BIRTH.search(kv[0]):
                self.data["location"] = _parse_place(kv[1])
                self.used.add(id(line))
                return
        for line in region:
            if (id(line) in self.used and not re.search(r"[•|·]", line.text)) or _BIRTH.search(line.text):
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
                ):
                    continue
                if (_is_place(part) or _is_address(part)) and part != self.data.get("name"):
                    self.data["location"] = _parse_place(part)
                    self.used.add(id(line))
                    return
        # A contact column elsewhere on the page: place lines next to the phone or e-mail line,
        # where "Country," and "City" may sit on lines of their own.
        contact = [i for i, ln in enumerate(self.all) if id(ln) in self.used]
        for i in contact:
            near = self.all[max(0, i - 3) : i + 3]
            for a, line in enumerate(near):
                text = line.text.strip()
                joined = text.endswith(",") and a + 1 < len(near)
                if joined:
                    text = f"{text} {near[a + 1].text.strip()}"
                if id(line) not in self.used and _is_place(text) and text != self.data.get("name"):
                    self.data["location"] = _parse_place(text)
                    self.used.add(id(line))
                    if joined:
                        self.used.add(id(near[a + 1]))
                    return

    def _label(self, region: list[Line]) -> None:
        for line in region:
            kv = _split_key(line.text)
            if kv and _LABEL_KEYS.match(kv[0].casefold()) and kv[1] and len(kv[1]) < 80:
                self.data["label"] = kv[1]
                return
        name = self.data.get("name")
        if not name:
            return
        exact = [i for i, line in enumerate(region) if _clean_name(line.text) == name]
        loose = [i for i, line in enumerate(region) if name in line.text and i not in exact]
        for i in exact + loose:
            if True:
                for nxt in region[i + 1 : i + 2]:
                    text = nxt.text.strip()
                    if (
                        id(nxt) not in self.used
                        and 2 < len(text) < 70
                        and not re.search(r"[@\d:]", text)
                        and not _is_place(text)
                        and not headings.lookup(text)
                        and not _NOT_NAME.search(text)
                        and not text.endswith(".")
                    ):
                        self.data["label"] = text
                        self.used.add(id(nxt))
                        return


def _is_place(text: str) -> bool:
    text = text.strip()
    if len(text) > 80 or (_ORG.search(text) and not _COUNTRIES.search(text)) or _DEGREE.search(text):
        return False
    if re.fullmatch(r"[A-ZÀ-Ý][\w .'-]+,\s*[A-Z]{2}", text):
        return True
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if 2 <= len(parts) <= 4 and all(_words(p) <= 3 and p[:1].isupper() for p in parts):
        return True
    return bool(
        re.fullmatch(r"г\.\s*[А-ЯЁ][а-яё-]+", text) or re.fullmatch(r"[А-ЯЁ][а-яё-]+(?:,\s*[А-ЯЁ][а-яё-]+)+", text)
    )


def _is_address(text: str) -> bool:
    # A street with a number and a postal code, in either order.
    return (
        bool(re.search(r"\d", text))
        and not _DEGREE.search(text)
        and bool(
            re.search(r"(?i)\b\d{4,6}\b\s+[^\W\d]", text)
            or re.search(
                r"(?i)(?:\b(?:str\.|street|st\.|road|rd\.|avenue|ave\.|rue|via|calle|avenida|rua|lane|boulevard|"
                r"blvd|plot|sector|ул\.|улица|проспект)\b|(?:strasse|straße|weg|platz|allee|gasse|ring|damm)\b|路|街)",
                text,
            )
        )
    )


def _parse_place(text: str) -> dict[str, str]:
    text = text.strip().rstrip(".")
    m = re.search(r"(?P<pc>\b\d{4,6}\b)\s+(?P<city>[^\W\d][\w .'-]*?)(?:,|$)", text)
    if m:
        out = {"address": text[: m.start()].strip(" ,"), "postalCode": m.group("pc"), "city": m.group("city").strip()}
        return {k: v for k, v in out.items() if v}
    if _is_address(text):
        return {"address": text}
    parts = [p.strip() for p in text.split(",") if p.strip()]
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


@dataclass
class _Entry:
    head: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    dates: DateSpan | None = None
    closed: bool = False
    date_line: Line | None = None
    area: str | None = None


def _line_kind(line: Line, key: str) -> str:
    """'dated', 'head' or 'body' for a line inside an entry section."""
    text = line.text
    spans = find_dates(text)
    rest = _without_dates(text, spans)
    date_first = bool(spans) and spans[0].begin <= 2
    short = len(rest) < 160 and not (len(rest) > 90 and rest.endswith("."))
    if spans and (short or (date_first and len(rest) < 220)):
        return "dated"
    if _SCORE.search(text) and len(text) < 60:
        return "score"
    kv = _split_key(_strip_bullet(text))
    if kv and kv[1] and (_ORG_KEYS.match(kv[0].casefold()) or _ROLE_KEYS.match(kv[0].casefold())):
        return "head"  # "Company: ACME", even as a list item
    if kv and _DETAIL_KEYS.match(kv[0].casefold()):
        return "body"
    if _is_bullet(line):
        stripped = _strip_bullet(text)
        # Education entries are often list items themselves ("• Master of Arts (M.A.) in Education").
        if key == "education" and len(stripped) < 160 and (_DEGREE.search(stripped) or _ORG.search(stripped)):
            return "head"
        return "body"
    if len(text) > 110 or (len(text) > 70 and text.endswith((".", "。", ";"))):
        return "body"
    # Continuations ("and more;"), and captions inside an entry ("Main duties:").
    if text[:1].islower() or text.endswith((";", ":", "：")) or (text.endswith(",") and len(text) > 40):
        return "body"
    short_sentence = (
        text.endswith(".")
        and _words(text) <= 4
        and len(text.split()[-1]) > 4
        and not any(rx.search(text) for rx in (_ORG, _ROLE, _DEGREE))
        and not _is_place(text.rstrip("."))
    )
    if short_sentence:
        return "body"  # "Led campaigns.", "Helped."
    if text.endswith(".") and _words(text) >= 4 and text.split()[-1][:1].islower():
        return "body"  # a sentence (a head ends in a name: "Hons.", "Ltd.", "in Mailand.")
    if _words(text) >= 5 and re.match(r"[A-Za-z]+ing\s", text) and re.search(r"\s(?:a|an|the|of|for|with)\s", text):
        return "body"  # "Working as a developer at ...": a sentence, not a head
    return "head"


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
            # The head noun comes last: "Office Manager" is a role, "Mukherji & Associates" an org.
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


def _split_head(lines: list[Line], key: str) -> tuple[dict[str, str], list[str]]:
    """Organisation, role, place (and area) from the lines of an entry head."""
    frags: list[tuple[str, int]] = []
    fields: dict[str, str] = {}
    for number, line in enumerate(lines):
        raw = _split_key(_strip_bullet(line.text))
        if raw and _DATE_KEYS.match(raw[0].casefold()):
            continue  # "Period: 2015 - 2020": the dates were taken already
        text = _without_dates(_strip_bullet(line.text), find_dates(line.text))
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
        for part in re.split(
            r"\t|\s+[|•·:]\s+|\s{2,}|\s+[–—‑-]\s+|\s*[–—]\s*(?=[A-ZА-Я])|\s*/\s*(?=\S*[\u3040-\u9fff])|：", text
        ):
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
        for pattern, side in _CONNECTORS:
            m = pattern.search(part)
            if m and m.start() > 1:
                left, right = part[: m.start()].strip(" ,"), part[m.end() :].strip(" ,.")
                if not left or not right:
                    continue
                # Prepositions that also join ordinary words split only before an organisation.
                if side == "weak" and not (_ORG.search(right) and not _ORG.search(left)):
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
            if kinds[0] == "org" and "role" not in kinds and _short_place(", ".join(pieces[1:])):
                out.extend([(pieces[0], "org", number), (", ".join(pieces[1:]), "place", number)])
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
        fields["area"] = role_rest[0]  # "PhD, Zoology, University of Otago"
        rest.remove(role_rest[0])
    # What is left beside an organisation and a title, a few capitalised words, is the place.
    for text in list(rest):
        if "place" not in fields and _words(text) <= 3 and text[:1].isupper() and not re.search(r"\d{3}", text):
            fields["place"] = text
            rest.remove(text)
    return fields, rest


def _segment(lines: list[Line], key: str) -> list[_Entry]:
    """Cut a section into entries around the lines that carry dates (see the module docstring)."""
    # When entry heads have a heading style of their own, only those start entries; the dated
    # lines under them are sub-roles or projects of the same entry.
    styled = [ln for ln in lines if ln.level is not None and ln.level >= 0 and find_dates(ln.text)]
    styled_levels = {ln.level for ln in styled}
    entries: list[_Entry] = []
    pending: list[Line] = []
    cur: _Entry | None = None

    def has(entry_lines: list[Line], slot: str) -> bool:
        return any(slot_of(ln) == slot for ln in entry_lines)

    def slot_of(line: Line) -> str | None:
        text = _without_dates(_strip_bullet(line.text), find_dates(line.text))
        kv = _split_key(text) if ":" in text or "：" in text else None
        if kv:
            k = kv[0].casefold()
            if _ROLE_KEYS.match(k):
                return "role"
            if _ORG_KEYS.match(k):
                return "org"
            if _DATE_KEYS.match(k) or _AREA_KEYS.match(k):
                return None
        kind = _fragment_kind(text, key)
        return kind if kind in ("org", "role") else None

    def flush_pending(as_entry: bool) -> None:
        nonlocal cur
        if not pending:
            return
        if as_entry:
            cur = _Entry(head=list(pending), closed=True)
            entries.append(cur)
        elif cur is not None:
            cur.body.extend(pending)
        pending.clear()

    for number, line in enumerate(lines):
        if not re.search(r"\w", line.text):
            continue
        kind = _line_kind(line, key)
        if kind == "body" and line.text.rstrip().endswith((":", "：")) and number + 1 < len(lines):
            # "Support engineer:" over "Company: ACME" / "Period: ...": the caption names the entry.
            nxt = _split_key(_strip_bullet(lines[number + 1].text))
            if nxt and (_ORG_KEYS.match(nxt[0].casefold()) or _ROLE_KEYS.match(nxt[0].casefold())):
                kind = "head"
        elif kind == "head" and key == "work":
            kv = _split_key(_strip_bullet(line.text))
            # Details of another kind that stand among the jobs ("School: ...", "Objective: ...").
            k = kv[0].casefold() if kv else ""
            if kv and ((_LABEL_KEYS.match(k) and not _ROLE_KEYS.match(k)) or _EDU_KEYS.match(k)):
                kind = "body"
        if styled and kind == "dated" and line.level not in styled_levels:
            kind = "body"
        if styled and kind == "dated":
            # A styled entry head always starts an entry. Styled lines just above it belong to it
            # ("Job Title | Company" in Heading 2 over the dates in Heading 3); plain ones were text.
            above: list[Line] = []
            while pending and pending[-1].level is not None and pending[-1].level >= 0:
                above.insert(0, pending.pop())
            flush_pending(as_entry=False)
            cur = _Entry(head=[*above, line], dates=find_dates(line.text)[0], closed=False, date_line=line)
            entries.append(cur)
            continue
        if kind == "dated":
            spans = find_dates(line.text)
            span = spans[0]
            date_first = span.begin <= 2 and bool(_without_dates(line.text, spans))
            if pending:
                cur = _Entry(head=[*pending, line], dates=span, closed=not date_first, date_line=line)
                pending.clear()
            elif cur is not None and cur.dates is None and not cur.body and not date_first and len(cur.head) <= 2:
                cur.head.append(line)
                cur.dates, cur.date_line, cur.closed = span, line, True
                continue
            elif cur is not None and cur.dates is None and _date_only(line.text, spans) and len(cur.body) <= 3:
                # A date on its own line under an undated entry (a grade between them) is its date.
                cur.dates, cur.date_line = span, line
                continue
            else:
                flush_pending(as_entry=False)
                cur = _Entry(head=[line], dates=span, closed=False, date_line=line)
            entries.append(cur)
            continue
        if kind == "head":
            slot = slot_of(line)
            kv = _split_key(_strip_bullet(line.text))
            keyed = kv is not None and (_ORG_KEYS.match(kv[0].casefold()) or _ROLE_KEYS.match(kv[0].casefold()))
            if keyed and cur is not None and not pending and slot and not has(cur.head, slot) and len(cur.head) < 6:
                # Captioned details come in any order ("Dates", "Position held", activities,
                # "Employer"): a caption the entry still lacks belongs to it.
                cur.head.append(line)
                continue
            if (
                cur is not None
                and not cur.body
                and (not cur.closed or _same_row(line, cur.date_line))
                and len(cur.head) < 4
                and not (slot and has(cur.head, slot))
            ):
                cur.head.append(line)
                continue
            if pending and slot and has(pending, slot) and (has(pending, "org") and has(pending, "role")):
                flush_pending(as_entry=True)
            pending.append(line)
            if len(pending) > 3:
                # Too many undated head lines in a row: they were text, not a head.
                moved = pending.pop(0)
                if cur is not None:
                    cur.body.append(moved)
            continue
        # body or score lines
        if pending:
            looks_entry = has(pending, "org") or (cur is None and len(pending) <= 3)
            # One undated line between a dated entry and its bullets describes that entry (a team,
            # a second title, "a small web agency"); it is not an entry of its own.
            sub_role = len(pending) == 1 and cur is not None and (cur.dates is not None or not has(pending, "org"))
            flush_pending(as_entry=looks_entry and not sub_role)
        if cur is not None:
            cur.body.append(line)
            cur.closed = True
    if pending:
        flush_pending(as_entry=has(pending, "org") and len(pending) <= 3)
    if not entries:
        # Written as prose ("From 07/2022 to 08/2022 I interned at ACME Ltd. ..."): one entry per
        # paragraph that names an organisation.
        for line in lines:
            found = _prose_head(line.text)
            if found is not None:
                spans = find_dates(line.text)
                entry = _Entry(head=[found[0]], body=[line], dates=spans[0] if spans else None, closed=True)
                entry.area = found[1]
                entries.append(entry)
    if not entries and key == "projects":
        # A plain list of projects ("Kaggle projects", "Mlcourse.ai – machine learning course"):
        # one project per item, the name before a dash or colon.
        for line in lines:
            text = _strip_bullet(line.text)
            if not re.search(r"\w", text) or len(text) > 300:
                continue
            name = re.split(r"\s[–—-]\s|:\s", text, maxsplit=1)[0]
            head = Line(name.strip(), bold=line.bold)
            spans = find_dates(text)
            entries.append(_Entry(head=[head], body=[line] if name != text else [], dates=spans[0] if spans else None))
    return entries


_QUOTED_ORG = re.compile(
    r"(?:\b(?:АО|ООО|ОАО|ЗАО|ПАО|ФГУП|ГУП|ИП|GmbH|AG|SA|SAS|Ltd\.?|Inc\.?|LLC)\s*)?[«\"„“][^»\"“”]{2,60}[»\"“”]"
)
_AREA_IN_TEXT = re.compile(
    r"(?i)(?:направлени\w*|специальност\w*|major in|majoring in|field of study|studiengang|spécialité)"
    r"\s*:?\s*[«\"„“]?([^»\"“”,.;()]{3,80})"
)


def _prose_head(text: str) -> tuple[Line, str | None] | None:
    """A one-line head for an entry told in a sentence: the organisation it names, and the area."""
    m = _QUOTED_ORG.search(text)
    org = m.group(0) if m else None
    if org is None:
        for piece in re.split(r"[,;]\s*", text)[:3]:
            if _ORG.search(piece) and len(piece) < 120:
                org = piece.strip(" .")
                break
    if org is None:
        return None
    area = _AREA_IN_TEXT.search(text)
    return Line(org), area.group(1).strip() if area else None


def _date_only(text: str, spans: list[DateSpan]) -> bool:
    """Nothing but a date on the line, or a date with its caption ("Período: 2015 - 2020")."""
    rest = _without_dates(text, spans)
    return not rest or bool(_DATE_KEYS.match(rest.strip(" :：").casefold()))


def _same_row(line: Line, other: Line | None) -> bool:
    return (
        other is not None
        and line.cell is not None
        and other.cell is not None
        and line.cell[:2] == other.cell[:2]
        and line.cell[2] > other.cell[2]
    )


_ORG_FIELD = {"work": "name", "volunteer": "organization", "education": "institution", "projects": "name"}


def _same_org_again(previous: dict[str, Any], item: dict[str, Any], key: str) -> bool:
    import difflib

    if "startDate" in item or "endDate" in item or not ("startDate" in previous or "endDate" in previous):
        return False
    a, b = str(previous.get(_ORG_FIELD[key], "")).casefold(), str(item.get(_ORG_FIELD[key], "")).casefold()
    if not a or not b:
        return False
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _merge_into(previous: dict[str, Any], item: dict[str, Any]) -> None:
    role = item.get("position") or item.get("studyType")
    lines = ([role] if role else []) + list(item.get("highlights", []))
    if item.get("summary"):
        lines.append(item["summary"])
    if lines:
        previous["highlights"] = list(previous.get("highlights", [])) + lines


def _entry_data(entry: _Entry, key: str) -> dict[str, Any] | None:
    fields, _rest = _split_head(entry.head, key)
    out: dict[str, Any] = {}
    span = entry.dates
    start = end = None
    if span is not None:
        if span.single:
            if key == "education":
                end = span.start
            else:
                start = end = span.start
        else:
            start, end = span.start, span.end
    org, role, place = fields.get("org"), fields.get("role"), fields.get("place")
    area = fields.get("area") or entry.area
    score_field = fields.get("score")
    highlights: list[str] = []
    summary: list[str] = []
    score = score_field
    for line in entry.body:
        text = _strip_bullet(line.text)
        kv = _split_key(text)
        if kv and _AREA_KEYS.match(kv[0].casefold()) and key == "education" and not area:
            area = kv[1]
            continue
        found_area = _AREA_IN_TEXT.search(text) if key == "education" and not area else None
        if found_area:
            area = found_area.group(1).strip()
        if kv and _ROLE_KEYS.match(kv[0].casefold()) and not role:
            role = kv[1].strip(" .;")
            continue
        if _SCORE.search(text) and len(text) < 60 and key == "education":
            score = score or text
            continue
        if _is_bullet(line) or line.text[:1] in _BULLET_GLYPHS:
            highlights.append(text)
        elif text and not re.fullmatch(r"[\W_]+", text):
            summary.append(text)
    if not org and not role:
        return None
    if key == "work":
        out["name"] = org
        out["position"] = role
        out["location"] = place
    elif key == "volunteer":
        out["organization"] = org
        out["position"] = role
    elif key == "education":
        out["institution"] = org
        if role:
            m = re.match(r"(?i)^(.+?)\s+(?:in|en|em|im fach|in the field of)\s+(.+)$", role) or re.match(
                r"^([^,]+),\s*(.+)$", role
            )
            if m and _DEGREE.search(m.group(1)) and not area:
                role, area = m.group(1).strip(" ,"), m.group(2).strip(" ,")
        out["studyType"] = role
        if area:
            # "Texts and Technology, with a focus on ...": the field, not its description.
            area = re.split(r",|;|\s+with\s+|\s+-\s*\d", area)[0].strip()
        out["area"] = area
        out["score"] = score
    else:  # projects
        out["name"] = org or role
        if org and role:
            out["roles"] = [role]
    out["startDate"] = start
    if end is not None:
        out["endDate"] = end
    if summary:
        out["description" if key == "projects" else "summary"] = " ".join(summary)[:2000]
    if highlights:
        out["highlights"] = highlights
    return {k: v for k, v in out.items() if v is not None and v != ""}


def _list_items(lines: list[Line]) -> list[str]:
    out = []
    for line in lines:
        for part in line.text.split("\t"):
            text = _strip_bullet(part)
            # Rating glyphs (★★★, private-use symbols) carry no words.
            if text and re.search(r"\w", text) and not re.fullmatch(r"[\W\u2605\u2606\uf000-\uf0ff]+", text):
                out.append(text.strip())
    return out


def _list_section(key: str, lines: list[Line]) -> list[dict[str, Any]]:
    items = _list_items(lines)
    out: list[dict[str, Any]] = []
    if key == "skills":
        for line in lines:
            text = _strip_bullet(line.text.replace("\t", " "))
            text = re.sub(r"[\uf000-\uf0ff★☆●○]+", "", text).strip()
            if not text:
                continue
            kv = _split_key(text) if ":" in text or "：" in text else None
            if kv and kv[1]:
                words = [w.strip(" .") for w in re.split(r"[,;，、]", kv[1]) if w.strip(" .")]
                out.append({"name": kv[0], "keywords": words})
            elif out and "keywords" in out[-1] and not out[-1]["keywords"] and not _is_bullet(line):
                out[-1]["keywords"] = [w.strip() for w in re.split(r"[,;，、]", text) if w.strip()]
            elif text.endswith(":"):
                out.append({"name": text.rstrip(":"), "keywords": []})
            else:
                out.append({"name": text})
        for item in out:
            if item.get("keywords") == []:
                del item["keywords"]
        return out
    if key == "languages":
        for text in items:
            for piece in re.split(r"[;,，、](?![^()]*\))", text):
                piece = piece.strip(" .")
                m = re.match(r"^(?P<lang>[^\W\d][\w' -]*?)\s*(?:[:–—-]\s*|\((?P<paren>[^)]*)\)\s*)(?P<fl>.*)$", piece)
                if m and (m.group("fl") or m.group("paren")):
                    fluency = (
                        (m.group("paren") or "") + (" " if m.group("paren") and m.group("fl") else "") + m.group("fl")
                    )
                    out.append({"language": m.group("lang").strip(), "fluency": fluency.strip(" ()")})
                elif piece:
                    out.append({"language": piece})
        return out
    if key == "interests":
        return [{"name": t} for text in items for t in re.split(r"[,;，、]", text) if t.strip()]
    if key in ("awards", "certificates", "publications", "references"):
        for line in lines:
            text = _strip_bullet(line.text)
            spans = find_dates(text)
            title = _without_dates(text, spans) if spans else text
            title = title.replace("\t", " ").strip()
            if not title or not re.search(r"\w", title):
                continue
            date = spans[0].end or spans[0].start if spans else None
            if key == "awards":
                out.append({"title": title, "date": date})
            elif key == "certificates":
                out.append({"name": title, "date": date})
            elif key == "publications":
                out.append({"name": title, "releaseDate": date})
            else:
                out.append({"name": title})
        return [{k: v for k, v in item.items() if v} for item in out]
    return [{"name": t} for t in items]


_LANGUAGE_NAMES = re.compile(
    r"(?i)^(?:english|german|french|spanish|portuguese|italian|dutch|russian|chinese|mandarin|cantonese|japanese|"
    r"korean|arabic|hindi|urdu|bengali|odia|oriya|tamil|telugu|marathi|turkish|polish|ukrainian|greek|swedish|"
    r"norwegian|danish|finnish|czech|hungarian|romanian|persian|hebrew|deutsch|englisch|französisch|spanisch|"
    r"italienisch|russisch|anglais|allemand|français|espagnol|italien|inglés|alemán|francés|español|inglês|"
    r"alemão|francês|português|английский|немецкий|французский|русский|испанский|英语|汉语|中文|日语|德语|法语)\b"
)


# Running heads and page numbers: "Jane Doe · Résumé 2", "Page 1 of 3", "- 2 -".
_PAGE_MARK = re.compile(
    r"(?i)(?:\b(?:résumé|resume|cv|curriculum vitae|lebenslauf|page|seite|страница)\W*\d+\s*(?:of|von|/)?\s*\d*\s*$"
    r"|^\W*\d{1,3}\W*$|^(?:page|seite)\s*\d+)"
)


def extract(data: bytes, *, lang: str | None = None) -> tuple[Resume, Report]:
    """Read a DOCX CV that cvconvert did not write, best effort, without any AI model.

    Returns the résumé and a report whose warnings say what was found where and how sure the
    rules are. ``lang`` (e.g. "de") only adds weight to that language's words; headings in
    English, German, French, Spanish, Portuguese, Russian and Chinese are always known.
    Raises InvalidInputError (one line) for input that is not a readable Word package.
    """
    with requires_extra("docx"):
        package = open_zip(data, "Word file")
        pkg = _Package(package)
        lines = pkg.lines()
        creator = pkg.creator()
    learn_language(lang)
    report = Report()
    for message in pkg.skipped:
        report.warn("", message)
    if not lines:
        report.warn("", "the document holds no text")
    running = [ln for ln in lines if ln.where in ("header", "footer") or _PAGE_MARK.search(ln.text)]
    running_ids = {id(ln) for ln in running}
    main = [ln for ln in lines if id(ln) not in running_ids]
    preface, sections = _find_sections(main, lang)
    personal = [ln for s in sections if s.key == "basics" for ln in s.lines]
    head = [ln for ln in running if ln.where == "header"]
    basics = _Basics(head + preface, personal, lines, report)
    basic = basics.run(creator)
    # The name and contact lines are not part of the section they happen to stand in.
    for section in sections:
        section.lines = [ln for ln in section.lines if id(ln) not in basics.used]
    result: dict[str, Any] = {}
    summary = [s for s in sections if s.key == "summary"]
    if summary:
        text = " ".join(ln.text for ln in summary[0].lines if ln.text).strip()
        if text:
            basic["summary"] = text
            report.warn("/basics/summary", f"summary taken from the section {summary[0].title!r} (confidence 0.8)")
    else:
        # A paragraph of prose in the preface is the profile statement.
        for line in preface:
            if len(line.text) > 120 and id(line) not in basics.used and not find_dates(line.text):
                basic["summary"] = line.text
                report.warn(
                    "/basics/summary", "summary taken from a paragraph before the first section (confidence 0.5)"
                )
                break
    if basic:
        result["basics"] = basic
    # Skills tables that list languages beside other skills (one caption column, one content
    # column) leave a languages heading empty: the language names among the skills fill it.
    empty_lang = [s for s in sections if s.key == "languages" and not _list_items(s.lines)]
    if empty_lang:
        for s in sections:
            if s.key == "skills":
                moved = [ln for ln in s.lines if _LANGUAGE_NAMES.match(_strip_bullet(ln.text))]
                if moved:
                    s.lines = [ln for ln in s.lines if ln not in moved]
                    empty_lang[0].lines = moved
                    break
    if not any(s.key == "education" for s in sections):
        # Some CVs give the degrees only in the personal block ("Master / University / 2019-2021").
        for line in preface + personal:
            spans = find_dates(line.text)
            rest = _without_dates(line.text, spans)
            if spans and _DEGREE.search(rest) and _ORG.search(rest) and len(rest) < 120:
                item = _entry_data(_Entry(head=[line], dates=spans[0], closed=True), "education")
                if item:
                    report.warn(
                        pointer("education", len(result.get("education", []))),
                        "entry found in the personal details, no education heading (confidence 0.5)",
                    )
                    result.setdefault("education", []).append(item)
    # "Languages: English, German" outside any section of its own: a one-line section.
    loose = preface + [ln for s in sections if s.key in ("basics", "other") for ln in s.lines]
    for line in loose:
        if id(line) in basics.used:
            continue
        kv = _split_key(_strip_bullet(line.text))
        key = headings.lookup(kv[0]) if kv and kv[1] else None
        if kv and key in ("skills", "languages", "interests") and not any(s.key == key for s in sections):
            sections.append(_Section(key, kv[0], 0.6, [Line(kv[1], where=line.where)]))
    for section in sections:
        key = section.key
        if key in ("basics", "summary", "other"):
            if key == "other":
                report.warn(
                    "",
                    f"section {section.title!r} has no JSON Resume place; skipped "
                    f"(confidence {section.confidence:.1f})",
                )
            continue
        items: list[dict[str, Any]] = []
        if key in _ENTRY_SECTIONS:
            for entry in _segment(section.lines, key):
                item = _entry_data(entry, key)
                if item is None:
                    continue
                where = pointer(key, len(result.get(key, [])) + len(items) - 1)
                if items and _same_org_again(items[-1], item, key):
                    # Another role at the organisation just above, without dates of its own: part
                    # of that entry (a promotion, a second team), not a new one.
                    _merge_into(items[-1], item)
                    report.warn(where, "an undated block naming the same organisation was added to this entry")
                    continue
                conf = (
                    0.5 + (0.2 if entry.dates else 0) + (0.1 if len(item) > 3 else 0) + (section.confidence - 0.9) / 2
                )
                where = pointer(key, len(result.get(key, [])) + len(items))
                report.warn(where, f"entry found under heading {section.title!r} (confidence {conf:.1f})")
                items.append(item)
        else:
            items = _list_section(key, section.lines)
            if items:
                report.warn(
                    pointer(key),
                    f"{len(items)} item(s) under heading {section.title!r} (confidence {section.confidence:.1f})",
                )
        if items:
            result.setdefault(key, []).extend(items)
    return Resume.model_validate(result), report
