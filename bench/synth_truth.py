"""The truth for a rendered résumé: its source JSON Resume, reduced to what the page shows.

A layout shows some fields and hides others, spells a country out, cuts a date to the month.
Rather than a rule per layout, every value of the source is looked for in the document's own
text (read by tools independent of the reader: poppler's ``pdftotext`` for a PDF, the XML of a
DOCX), whitespace and case ignored, and kept only if it is there:

* name, e-mail, phone: the value if shown (a phone as printed: layouts reformat it), else
  ``null`` (the page has none: a reader that finds one is wrong);
* label: if on a short line near the name (the same words as a role or in the summary are not it);
* summary, location subfields, entry roles, area, score: the value if shown, else left
  out (not judged: a layout that hides a field is not the reader's fault);
* URLs: a source URL printed on the page, or a link target whose profile handle is printed, is
  required; a link target with neither (an icon, a word) is optional (``x-urls-optional``);
* work and education entries: those whose organisation is shown (only in running text: optional,
  ``x-optional``); dates at the precision the
  page shows (day, month or year, found by the spellings layouts use), ``null`` when the source
  has none (an open end is "present"), left out when the page shows no form of them;
* sections (``x-sections``): those with some entry's text on the page.

The result is a partial label (``x-complete`` false) for ../shared/tools/score_extraction.py,
which then judges basics, sections, work and education only.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from typing import Any

from cvconvert.model import SECTIONS

# The text of an entry that shows its section is on the page, per section.
_SECTION_KEYS = {
    "work": ("name", "company", "position"),
    "volunteer": ("organization", "position"),
    "education": ("institution",),
    "awards": ("title",),
    "certificates": ("name",),
    "publications": ("name",),
    "skills": ("name", "keywords"),
    "languages": ("language",),
    "interests": ("name",),
    "references": ("name", "reference"),
    "projects": ("name",),
}
# a phone number as printed: digits with spaces, dots, dashes, brackets, a leading +
_PHONE = re.compile(r"\+?\(?\d[\d ().\u00a0/-]{5,}\d")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_PUNCT = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "*": "",
        "\u00a0": " ",
        "\u00ad": "",
    }
)


def squash(text: str) -> str:
    """Text without case, whitespace, markdown stars or typographic variants, for a search."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT).casefold()
    return re.sub(r"\s+", "", text)


def text_of(value: Any) -> str | None:
    """A non-empty string, or None."""
    if not isinstance(value, str):
        return None
    return value.strip() or None


class Page:
    """A document's visible text and link targets, and the tests of what it shows."""

    def __init__(self, text: str, links: set[str]) -> None:
        # a word cut at a line end may come back with or without its hyphen: search both
        self.hay = squash(text) + "\x00" + squash(re.sub(r"-\n", "", text))
        # short values ('US', 'CA') are looked for as words: squashed, they are inside anything
        self.words = " ".join(unicodedata.normalize("NFKC", text).translate(_PUNCT).casefold().split())
        self.digits = re.sub(r"\D", "", text.replace("(0)", ""))  # the scorer drops a trunk '(0)' too
        self.links = links
        self.lines = [squash(line) for line in text.splitlines() if line.strip()]
        self.text = text

    def heads(self, value: Any) -> bool:
        """Whether a value is on a line of its own or nearly (a heading, not a word in a paragraph)."""
        v = squash(text_of(value) or "")
        return v != "" and any(v in line and len(line) <= len(v) + 50 for line in self.lines)

    def shows(self, value: Any) -> bool:
        """Whether a string value is on the page (whole, ignoring case and spacing)."""
        v = text_of(value)
        if v is None or squash(v) == "":
            return False
        if len(squash(v)) < 5:
            word = " ".join(unicodedata.normalize("NFKC", v).translate(_PUNCT).casefold().split())
            return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", self.words) is not None
        return squash(v) in self.hay

    def phone(self, value: Any) -> str | None:
        """The phone number as the page prints it, or None.

        A layout may print the number in its national form ('+58 (412) 555-01-23' as
        '0412-5550123'): the printed number counts when its digits, trunk zero aside, end the
        source's.
        """
        want = re.sub(r"\D", "", (text_of(value) or "").replace("(0)", ""))
        if len(want) < 6:
            return None
        for printed in _PHONE.findall(self.text):
            got = re.sub(r"\D", "", printed.replace("(0)", ""))
            national = got.lstrip("0")
            if got == want or (len(national) >= 7 and want.endswith(national)):
                return str(printed).strip()
        return None

    def near_name(self, value: Any, name: Any) -> bool:
        """Whether a value is on a short line within two lines of the name (a heading's label)."""
        v, n = squash(text_of(value) or ""), squash(text_of(name) or "")
        if not v or not n:
            return False
        for i, line in enumerate(self.lines):
            if n in line:
                near = self.lines[max(0, i - 2) : i + 3]
                if any(v in x and len(x) <= len(v) + 50 for x in near):
                    return True
        return False

    def _has(self, form: str) -> bool:
        """A date's spelling, as whole words ('1/2021' is not in '11/2021')."""
        return re.search(r"(?<![\w/.])" + re.escape(form) + r"(?![\w/])", self.words) is not None

    def date(self, value: Any) -> tuple[bool, str | None]:
        """(judged, value): the source date at the precision the page shows it, if any."""
        v = text_of(value)
        if v is None:
            return True, None
        m = _ISO.match(v)
        if not m:
            return False, None
        year, month, day = m.group(1), m.group(2), m.group(3)
        if month and not 1 <= int(month) <= 12:
            return False, None
        if month and day:
            mi, di = int(month), int(day)
            name = _MONTHS[mi - 1]
            forms = [
                f"{year}-{month}-{day}",
                f"{month}/{day}/{year}",
                f"{day}/{month}/{year}",
                f"{day}.{month}.{year}",
                f"{name} {di}, {year}",
                f"{name[:3]} {di}, {year}",
                f"{di} {name} {year}",
                f"{di} {name[:3]} {year}",
            ]
            if any(self._has(f) for f in forms):
                return True, f"{year}-{month}-{day}"
        if month:
            mi = int(month)
            name = _MONTHS[mi - 1]
            forms = [f"{year}-{month}", f"{month}/{year}", f"{mi}/{year}", f"{month}.{year}", f"{year}/{month}"]
            for n in (name, name[:3], name[:4]):
                forms += [f"{n} {year}", f"{n}. {year}", f"{n}, {year}", f"{n}., {year}"]
            if any(self._has(f) for f in forms):
                return True, f"{year}-{month}"
        if re.search(rf"(?<!\d){year}(?!\d)", self.words):
            return True, year
        return False, None


def _url_key(v: str) -> str:
    v = v.strip().casefold()
    v = re.sub(r"^[a-z][a-z0-9+.-]*://", "", v)
    v = re.sub(r"^www\.", "", v)
    return re.split(r"[?#]", v, maxsplit=1)[0].rstrip("/")


def _urls(basics: dict[str, Any], page: Page) -> tuple[list[str], list[str]]:
    """(required, optional) URLs of the person, as the page shows or links them."""
    sources: list[str] = []
    handles: list[str] = []
    if text_of(basics.get("url") or basics.get("website")):
        sources.append(str(basics.get("url") or basics.get("website")))
    for p in basics.get("profiles") or ():
        if isinstance(p, dict):
            if text_of(p.get("url")):
                sources.append(str(p["url"]))
            if text_of(p.get("username")):
                handles.append(str(p["username"]).strip())
    required: dict[str, str] = {}
    optional: dict[str, str] = {}
    link_keys = {_url_key(u): u for u in page.links if u.lower().startswith(("http:", "https:"))}
    for u in sources:
        key = _url_key(u)
        if key and squash(key) in page.hay:
            required[key] = u
        elif key in link_keys:
            optional[key] = link_keys[key]
    # a link the layout built from a handle it prints (RenderCV, some themes)
    for key, u in link_keys.items():
        if key in required:
            continue
        last = key.rsplit("/", 1)[-1].lstrip("@")
        if any(h.casefold().lstrip("@") == last and page.shows(h) for h in handles):
            required[key] = u
            optional.pop(key, None)
    return sorted(required.values()), sorted(optional.values())


def _entries(
    source: list[Any], page: Page, org_keys: tuple[str, ...], role: str, extras: tuple[str, ...]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for e in source:
        if not isinstance(e, dict):
            continue
        org = next((text_of(e.get(k)) for k in org_keys if text_of(e.get(k))), None)
        if org is None or not page.shows(org):
            continue
        entry: dict[str, Any] = {org_keys[0]: org}
        if not page.heads(org):
            # the name is only inside running text (a theme that drops the field, a description
            # that names the company): a reader may or may not make an entry of it
            entry["x-optional"] = True
        if text_of(e.get(role)) is None:
            entry[role] = None
        elif page.shows(e.get(role)):
            entry[role] = text_of(e.get(role))
        for key in extras:
            if page.shows(e.get(key)):
                entry[key] = text_of(e.get(key))
        if page.shows(e.get("location")):
            entry["x-location"] = text_of(e.get("location"))
        for key in ("startDate", "endDate"):
            judged, value = page.date(e.get(key))
            if judged:
                entry[key] = value
        out.append(entry)
    return out


def _section_shown(items: list[Any], keys: tuple[str, ...], page: Page) -> bool:
    for e in items:
        values = [e] if isinstance(e, str) else [e.get(k) for k in keys] if isinstance(e, dict) else []
        for v in values:
            for x in v if isinstance(v, list) else [v]:
                t = text_of(x)
                if t is not None and len(t) >= 3 and page.shows(t):
                    return True
    return False


def truth(source: dict[str, Any], page: Page) -> dict[str, Any]:
    """The partial label of one rendered résumé (see the module's docstring)."""
    b = source.get("basics") if isinstance(source.get("basics"), dict) else {}
    assert isinstance(b, dict)
    basics: dict[str, Any] = {}
    for key in ("name", "email"):
        basics[key] = text_of(b.get(key)) if page.shows(b.get(key)) else None
    basics["phone"] = page.phone(b.get("phone"))
    # a label is shown by the name: the same words elsewhere (a role, the summary) are not it
    if page.near_name(b.get("label"), b.get("name")):
        basics["label"] = text_of(b.get("label"))
    if page.shows(b.get("summary")):
        basics["summary"] = text_of(b.get("summary"))
    loc = b.get("location")
    if isinstance(loc, dict):
        shown = {
            k: text_of(v)
            for k, v in loc.items()
            if k in ("address", "city", "region", "postalCode", "countryCode") and page.shows(v)
        }
        if shown:
            basics["location"] = shown
    required, optional = _urls(b, page)
    basics["url"] = None
    basics["profiles"] = [{"url": u} for u in required]
    out: dict[str, Any] = {"x-complete": False, "basics": basics}
    if optional:
        out["x-urls-optional"] = optional
    out["work"] = _entries(list(source.get("work") or ()), page, ("name", "company"), "position", ())
    out["education"] = _entries(
        list(source.get("education") or ()), page, ("institution",), "studyType", ("area", "score")
    )
    out["x-sections"] = [
        k for k in SECTIONS if isinstance(source.get(k), list) and _section_shown(source[k], _SECTION_KEYS[k], page)
    ]
    return out


def docx_page(data: bytes) -> Page:
    """The text (paragraph by paragraph, text boxes included) and external links of a DOCX."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    lines: list[str] = []
    links: set[str] = set()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        names = z.namelist()
        parts = [n for n in names if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)]
        for part in parts:
            root = etree.fromstring(z.read(part))
            for p in root.iter(f"{w}p"):
                bits = []
                for el in p.iter(f"{w}t", f"{w}tab", f"{w}br"):
                    bits.append(el.text or "" if el.tag == f"{w}t" else " ")
                lines.append("".join(bits))
        for rels in (n for n in names if n.startswith("word/_rels/") and n.endswith(".rels")):
            for rel in etree.fromstring(z.read(rels)):
                if rel.get("TargetMode") == "External" and rel.get("Target"):
                    links.add(rel.get("Target"))
    return Page("\n".join(lines), links)


def pdf_page(path: str) -> Page:
    """The text (poppler, in its reading order and in content order) and link targets of a PDF."""
    import subprocess

    import pypdf

    text = ""
    for mode in ([], ["-raw"]):
        text += (
            subprocess.run(["pdftotext", *mode, path, "-"], capture_output=True, check=True, text=True).stdout + "\n"
        )
    links: set[str] = set()
    for page in pypdf.PdfReader(path).pages:
        for annot in page.get("/Annots") or ():
            action = annot.get_object().get("/A")
            if action is not None and action.get_object().get("/URI"):
                links.add(str(action.get_object()["/URI"]))
    return Page(text, links)
