"""What the page shows of each section, shared by the writer and the reader.

Every value shown on the page sits in runs of its own character style ("CV Position", "CV Start
Date", ...), so the reader finds a value by its style wherever a person moved it, and a value
typed over in Word keeps its style. :func:`display` is the text the writer puts on the page for a
value; the reader compares the page's text with ``display(hidden value)`` to tell an untouched
value (the exact hidden one is returned) from an edited one (the page's text is parsed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from cvconvert.formats._docx import i18n
from cvconvert.text import NOT_XML_CHARS

# The writer and reader take the one hyperlink rule all writers share (http, https, mailto only).
from cvconvert.text import link_target as link_target

Kind = Literal["text", "date", "end", "list", "country"]


@dataclass(frozen=True)
class Part:
    """A field shown on a line; ``sep`` goes before it when something precedes it on that side."""

    field: str
    sep: str = " · "
    strong: bool = False
    kind: Kind = "text"
    link: bool = False


@dataclass(frozen=True)
class Line:
    """One paragraph of an entry: fields on the left, and after a right-aligned tab on the right."""

    left: tuple[Part, ...]
    right: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Section:
    """How one list section is laid out: entry line, detail line, text, inline lists, bullets."""

    key: str
    head: Line
    sub: Line | None = None
    texts: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    bullets: str | None = None
    compact: bool = False
    parts: dict[str, Part] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for line in (self.head, self.sub):
            if line is not None:
                for part in (*line.left, *line.right):
                    self.parts[part.field] = part
        for key in self.texts:
            self.parts[key] = Part(key, "")
        for key in self.lists:
            self.parts[key] = Part(key, "", kind="list")

    @property
    def fallback_text(self) -> str | None:
        """Where text a person typed outside any field goes (the last text field)."""
        return self.texts[-1] if self.texts else None


RANGE = (Part("startDate", "", kind="date"), Part("endDate", " – ", kind="end"))

SECTIONS: dict[str, Section] = {
    s.key: s
    for s in (
        Section(
            "work",
            head=Line((Part("name", strong=True), Part("url", link=True)), (Part("location"),)),
            sub=Line((Part("position"),), RANGE),
            texts=("description", "summary"),
            bullets="highlights",
        ),
        Section(
            "volunteer",
            head=Line((Part("organization", strong=True), Part("url", link=True))),
            sub=Line((Part("position"),), RANGE),
            texts=("summary",),
            bullets="highlights",
        ),
        Section(
            "education",
            # "location" is no schema field of education, but CVs give it: shown when it is text.
            head=Line((Part("institution", strong=True), Part("url", link=True)), (Part("location"),)),
            sub=Line((Part("studyType"), Part("area", ", ")), RANGE),
            texts=("score",),
            lists=("courses",),
        ),
        Section(
            "projects",
            head=Line((Part("name", strong=True), Part("url", link=True)), (Part("location"),)),
            sub=Line((Part("roles", kind="list"), Part("entity")), RANGE),
            texts=("description",),
            lists=("keywords",),
            bullets="highlights",
        ),
        Section(
            "publications",
            head=Line(
                (Part("name", strong=True), Part("publisher"), Part("url", link=True)),
                (Part("releaseDate", "", kind="date"),),
            ),
            texts=("summary",),
            compact=True,
        ),
        Section(
            "awards",
            head=Line((Part("title", strong=True), Part("awarder")), (Part("date", "", kind="date"),)),
            texts=("summary",),
            compact=True,
        ),
        Section(
            "certificates",
            head=Line(
                (Part("name", strong=True), Part("issuer"), Part("url", link=True)), (Part("date", "", kind="date"),)
            ),
            compact=True,
        ),
        Section(
            "skills",
            head=Line((Part("name", strong=True), Part("level", " — "), Part("keywords", ": ", kind="list"))),
            compact=True,
        ),
        Section(
            "languages",
            # name and level: how older JSON Resume files and some tools spell language and fluency.
            head=Line(
                (Part("language", strong=True), Part("name", strong=True), Part("fluency", " — "), Part("level", " — "))
            ),
            compact=True,
        ),
        Section(
            "interests",
            head=Line((Part("name", strong=True), Part("keywords", ": ", kind="list"))),
            compact=True,
        ),
        Section("references", head=Line((Part("name", strong=True),)), texts=("reference",), compact=True),
    )
}

# The conventional order of a CV; "summary" is basics.summary under its own heading.
DEFAULT_ORDER: tuple[str, ...] = (
    "summary",
    "work",
    "education",
    "projects",
    "publications",
    "awards",
    "certificates",
    "volunteer",
    "skills",
    "languages",
    "interests",
    "references",
)

# basics on the contact line: the location's parts, then the ways to reach the person.
LOCATION_FIELDS = ("address", "postalCode", "city", "region", "countryCode")
CONTACT_FIELDS = ("email", "phone", "url")
PROFILE_FIELDS = ("network", "username", "url")

# Character styles: one per field, named "CV <Field>" ("CV Start Date"); the id drops the spaces.
_SPECIAL_NAMES = {"url": "URL", "studyType": "Study Type", "countryCode": "Country", "postalCode": "Postal Code"}


def style_name(key: str) -> str:
    """The character style that tags a field's runs: ``startDate`` -> ``CV Start Date``."""
    if key.startswith("profile."):
        return "CV Profile " + style_name(key.removeprefix("profile.")).removeprefix("CV ")
    pretty = _SPECIAL_NAMES.get(key) or re.sub(r"(?<!^)([A-Z])", r" \1", key).title()
    return f"CV {pretty}"


FIELD_KEYS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *(k for s in SECTIONS.values() for k in s.parts),
            *LOCATION_FIELDS,
            *CONTACT_FIELDS,
            "summary",
            *(f"profile.{k}" for k in PROFILE_FIELDS),
        ]
    )
)
# A value of a field the layout does not know (work[].employer, a custom section's text), shown
# generically under a label; the data part says which field each such value belongs to.
VALUE = "@value"
FIELD_STYLES: dict[str, str] = {**{key: style_name(key) for key in FIELD_KEYS}, VALUE: "CV Value"}
"""Field key -> character style name."""
STYLE_FIELDS: dict[str, str] = {name: key for key, name in FIELD_STYLES.items()}

# Characters XML 1.0 cannot hold, and on top of them CR, which Word does not keep (it would come
# back as a different line break): left off the page; the hidden part holds the exact value.
NOT_ON_PAGE = re.compile(f"[{NOT_XML_CHARS}\r]")


def humanize(key: str) -> str:
    """A key as a label: ``peerFeedback`` -> ``Peer feedback``, ``start_date`` -> ``Start date``."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", clean(key)).replace("_", " ").replace("-", " ").split()
    if not words:
        return ""
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return text[0].upper() + text[1:]


def clean(text: str) -> str:
    """The text as the page can hold it."""
    return NOT_ON_PAGE.sub("", text) if NOT_ON_PAGE.search(text) else text


def display(kind: Kind, value: object, lang: i18n.Language) -> str:
    """The text the page shows for a value ('' when it shows nothing)."""
    if kind == "list":
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return ", ".join(clean(v) for v in value)
        return ""
    if not isinstance(value, str):
        return ""
    if kind in ("date", "end"):
        # A date with its day is shown whole, as ISO 8601 (every language reads it back): the data
        # part then keeps nothing of it, where a day kept there could be tied to a deleted month.
        return value if _FULL_DATE.fullmatch(value) else clean(lang.date(value))
    if kind == "country":
        return clean(country_name(value, lang))
    return clean(value)


def country_name(value: str, lang: i18n.Language) -> str:
    """A country code as its name in the language (``CN`` -> ``China``); other text as it is."""
    if len(value) == 2 and value.isascii() and value.isalpha() and value.isupper():
        return i18n.territory_names(lang.code).get(value, value)
    return value


def page_value(kind: Kind, shown: str, lang: i18n.Language) -> object:
    """What the reader takes from a field's text on the page (None: no value).

    The writer compares it with the value: where they differ, the data part keeps a *fix*
    (:func:`check` of the text, and what the page cannot say), and nothing else of the value.
    """
    if kind == "end" and lang.means_present(shown):
        return None
    # The writer's no-break spaces and hyphens and French spacing are typography, not content.
    plain = i18n.untypeset(shown)
    if not plain.strip():
        return None
    if kind in ("date", "end"):
        return lang.parse_date(plain)
    if kind == "list":
        return [item.strip() for item in plain.split(",") if item.strip()]
    if kind == "country":
        code = i18n.country_code(plain.strip(), lang.code)
        return code if code is not None else plain
    return plain


def check(shown: str) -> str:
    """16 bits of the SHA-256 of a field's text on the page.

    A fix applies only while the page still shows the text it was made for: sixteen bits tell a
    changed value from the one written (1 in 65,536 passes by chance). They also confirm a guess
    of the text once it is deleted from the page: enough to find a value of few candidates (a
    month and year: about a thousand; a country) by trying them all. So a date is shown whole
    (with its day, see :func:`display`) and needs no fix, and the fix of a date or a country that
    the page spells otherwise carries no check. Free text keeps it (docs/docx.md says what stays
    of a deleted value): a short one of few candidates is the case it does not cover.
    """
    import hashlib  # here: only documents with fixes need it

    return hashlib.sha256(shown.encode("utf-8", "surrogatepass")).hexdigest()[:4]


def insertions(value: str) -> list[list[int | str]]:
    """Where :func:`clean` took characters out of ``value``: ``[[index in value, characters], ...]``."""
    out: list[list[int | str]] = []
    for m in NOT_ON_PAGE.finditer(value):
        if out and out[-1][0] + len(str(out[-1][1])) == m.start():  # type: ignore[operator]
            out[-1][1] = str(out[-1][1]) + m.group()
        else:
            out.append([m.start(), m.group()])
    return out


_PLAIN_DATE = re.compile(r"[12]\d{3}(?:-(?:0[1-9]|1[0-2]))?")
_FULL_DATE = re.compile(r"[12]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")


def make_fix(kind: Kind, value: object, shown: str, lang: i18n.Language) -> dict[str, object] | None:
    """What the data part keeps so that the page's text gives back ``value`` exactly (None: nothing)."""
    if value == shown and kind == "text" and shown.isascii() and shown.strip():
        return None  # most values: plain text shown as it is
    if kind in ("date", "end") and isinstance(value, str) and _PLAIN_DATE.fullmatch(value) and lang.dates_read_back:
        return None  # "2019", "2019-07": what the page shows reads back as it is
    back = page_value(kind, shown, lang)
    if back == value:
        return None
    # A value of few candidates (a date, a country) gets no check (see :func:`check`): its fix is
    # applied where the page's text has the shape it was made for. Free text keeps one: it also
    # ties a bullet's fix to its bullet (bullets are matched by place, and one may be deleted).
    fix: dict[str, object] = {} if kind in ("date", "end", "country") else {"h": check(shown)}
    if kind == "list" and isinstance(value, list) and all(isinstance(v, str) and clean(v) == v for v in value):
        fix["n"] = [len(v) for v in value]  # item lengths: items with commas or spaces come back whole
    elif isinstance(value, str) and value == shown:
        fix["raw"] = 1  # the text as it is ("Summer 2019" as a date, "  " as a name)
    elif (
        (kind == "text" or back is None)
        and isinstance(value, str)
        and len(value) == len(shown)
        and clean(value) == value
    ):
        # Same length: characters the page spells otherwise (a no-break space of the value's own,
        # the no-break spaces of a date the page shows as written: "Summer 2019").
        fix["sub"] = [[i, c] for i, (c, d) in enumerate(zip(value, shown, strict=True)) if c != d]
    elif kind == "text" and isinstance(value, str) and clean(value) == shown:
        fix["ins"] = insertions(value)  # control characters the page cannot hold
    elif isinstance(value, str) and isinstance(back, str) and value.startswith(back) and clean(value) == value:
        fix["tail"] = value[len(back) :]  # the day of a full date: "-15"
    else:
        # The whole value, reported as kept hidden: a check of the text shown tells nothing more.
        fix["h"], fix["v"] = check(shown), value
    return fix


def apply_fix(fix: object, kind: Kind, shown: str, lang: i18n.Language) -> tuple[bool, object]:
    """(True, the exact value) when ``fix`` was made for this text on the page, else (False, None).

    A fix of the whole value (``v``) carries a check of the text it was made for; the others carry
    none (files of earlier versions do: it is compared) and apply where the text has their shape:
    the characters they respell are there, the items they cut end at a ", ".
    """
    if not isinstance(fix, dict) or ("h" in fix and fix["h"] != check(shown)):
        return False, None
    if "v" in fix:
        return (True, fix["v"]) if "h" in fix else (False, None)
    if fix.get("raw"):
        if "h" not in fix and kind in ("date", "end"):
            # Not a date as the writer shows one ("May 2021" typed over "Summer 2019" is read).
            back = page_value(kind, shown, lang)
            if isinstance(back, str) and i18n.untypeset(display(kind, back, lang)) == i18n.untypeset(shown):
                return False, None
        return True, shown
    ins, tail, lengths, sub = fix.get("ins"), fix.get("tail"), fix.get("n"), fix.get("sub")
    if isinstance(sub, list):
        chars = list(shown)
        for item in sub:
            if not (
                isinstance(item, list) and len(item) == 2 and isinstance(item[0], int) and isinstance(item[1], str)
            ):
                continue
            at, char = item
            # Only a character the page spells otherwise (a no-break space for a space).
            if not (0 <= at < len(chars) and len(char) == 1 and i18n.untypeset(chars[at]) == i18n.untypeset(char)):
                return False, None
            chars[at] = char
        return True, "".join(chars)
    if isinstance(ins, list):
        out = shown
        for item in ins:
            if isinstance(item, list) and len(item) == 2 and isinstance(item[0], int) and isinstance(item[1], str):
                if not 0 <= item[0] <= len(out):
                    return False, None
                out = out[: item[0]] + item[1] + out[item[0] :]
        return True, out
    if isinstance(tail, str):
        back = page_value(kind, shown, lang)
        if not i18n.untypeset(shown).rstrip().endswith(i18n.untypeset(tail).rstrip()):
            return False, None
        return (True, back + tail) if isinstance(back, str) else (False, None)
    if isinstance(lengths, list) and lengths and all(isinstance(n, int) and n >= 0 for n in lengths):
        # The items must fill the text exactly, a ", " between each two.
        if sum(lengths) + 2 * (len(lengths) - 1) != len(shown):
            return False, None
        items, at = [], 0
        for n in lengths:
            if at and shown[at - 2 : at] != ", ":
                return False, None
            items.append(shown[at : at + n])
            at += n + 2
        return True, items
    return False, None
