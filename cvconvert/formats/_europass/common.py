"""Shared by both Europass XML dialects.

XML text rules, element look-ups and building, the fields both dialects carry and the loss notes
for the rest, names, code lists, dates, and the rich text both Europass editors store.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from cvconvert import dates
from cvconvert.formats._europass import cefr
from cvconvert.report import Report, pointer
from cvconvert.text import fits_xml as fits_xml  # candidate.py takes it from here
from cvconvert.text import xml_safe

if TYPE_CHECKING:
    from cvconvert.model import Language, Work

Path = tuple[str | int, ...]

# --- text that XML 1.0 can hold ------------------------------------------------------------


def xml_text(value: str, path: str, report: Report) -> str:
    """``value`` without the characters XML 1.0 cannot hold; a loss note names the field if any."""
    if fits_xml(value):
        return value
    report.lost(path, "control characters that XML cannot hold were removed")
    return xml_safe(value)


def put(data: dict[str, Any], key: str, value: Any) -> None:
    """``data[key] = value``, unless there is no value (None): readers leave absent fields out."""
    if value is not None:
        data[key] = value


def text_or_lost(data: dict[str, Any], key: str, path: Path, report: Report) -> str | None:
    """``data[key]`` ready for XML when it is a text; a loss note when it is anything else."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        report.lost(pointer(*path, key), "not a text")
        return None
    return xml_text(value, pointer(*path, key), report)


def texts_for_xml(values: list[str] | None, path: Path, report: Report) -> list[str] | None:
    """Each text of a list ready for XML (None stays None)."""
    if values is None:
        return None
    return [xml_text(v, pointer(*path, n), report) for n, v in enumerate(values)]


# --- one dialect's element names, for writing and reading ------------------------------------


class Names:
    """A dialect's prefixed names (``hr:FamilyName``, ``'/'``-separated paths) in Clark notation, and look-ups.

    ``prefixes`` maps each prefix ("" for the default namespace) to its namespace.
    """

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = prefixes
        self._paths: dict[str, str] = {}

    def q(self, name: str) -> str:
        """Clark notation for ``prefix:local`` (no prefix: the default namespace)."""
        prefix, _, local = name.rpartition(":")
        return f"{{{self.prefixes[prefix]}}}{local}"

    def clark(self, path: str) -> str:
        """A '/'-separated path of prefixed names in Clark notation."""
        # Readers look the same few paths up thousands of times: spell each in Clark notation once.
        found = self._paths.get(path)
        if found is None:
            found = self._paths[path] = "/".join(self.q(part) for part in path.split("/"))
        return found

    def find(self, parent: Any, path: str) -> Any:
        """The first element at ``path`` under ``parent``, or None."""
        return parent.find(self.clark(path))

    def findall(self, parent: Any, path: str) -> list[Any]:
        """Every element at ``path`` under ``parent``."""
        return list(parent.findall(self.clark(path)))

    def text(self, parent: Any, path: str) -> str | None:
        """The text of the first element at ``path``; '' when it is empty, None when there is none."""
        element = self.find(parent, path)
        if element is None:
            return None
        return element.text or ""


class Writer:
    """Builds one dialect's elements and cleans the text that goes into them, noting losses in ``report``."""

    def __init__(self, names: Names, report: Report) -> None:
        from lxml import etree

        self.etree = etree
        self.names = names
        self.report = report

    def sub(self, parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
        """A new last child of ``parent`` (a prefixed name), with its text and attributes."""
        element = self.etree.SubElement(parent, self.names.clark(tag), attrs)
        if text is not None:
            element.text = text
        return element

    def clean(self, value: str, *path: str | int) -> str:
        """``value`` without what XML cannot hold (see :func:`xml_text`)."""
        return xml_text(value, pointer(*path), self.report)


# --- what a writer cannot place ----------------------------------------------------------------

WORK_KEYS = ("name", "location", "description", "position", "url", "startDate", "endDate", "summary", "highlights")
"""The work fields both dialects carry, in the order readers give them back."""
EDUCATION_KEYS = (
    "institution",
    "url",
    "area",
    "studyType",
    "startDate",
    "endDate",
    "score",
    "courses",
    "summary",
    "x-europass-thesis",
)
"""The education fields both dialects carry, in the order readers give them back."""
BASICS_KEYS = frozenset(
    {"name", "label", "email", "url", "profiles", "phone", "location", "summary", "image"}
    | {"x-europass-nationalities", "x-europass-birthDate"}
)
"""The basics both dialects carry (the Candidate XML has room for further e-mail addresses too)."""
PROFILE_KEYS = ("network", "url", "username")
ADDRESS_KEYS = ("address", "city", "countryCode", "postalCode")


def note_unplaced(report: Report, data: Iterable[str], known: Collection[str], path: Path, message: str) -> None:
    """A loss note for each key of ``data`` not in ``known``; ``message`` has a ``{}`` for the key."""
    for key in data:
        if key not in known:
            report.lost(pointer(*path, key), message.format(key))


def note_moves(report: Report, section: Path, order: list[int], why: str) -> None:
    """A warning for each entry that the written order (old indexes, in their new order) moves."""
    for new, old in enumerate(order):
        if new != old:
            report.warn(pointer(*section, old), f"moved: {why}")


def sort_languages(
    languages: Sequence[Language] | None, report: Report
) -> tuple[list[tuple[int, str]], list[tuple[int, str, dict[str, str]]]]:
    """Mother tongues and foreign languages with their CEFR levels, each with its index.

    Both dialects list mother tongues first: moves, guessed levels and losses are reported.
    """
    natives: list[tuple[int, str]] = []
    foreign: list[tuple[int, str, dict[str, str]]] = []
    for i, lang in enumerate(languages or ()):
        path: Path = ("languages", i)
        note_unplaced(report, lang.to_data(), ("language", "fluency"), path, "Europass has no place for language '{}'")
        if lang.language is None or not lang.language.strip():
            # Kept as an unnamed entry so that the entries after it keep their places.
            report.lost(pointer(*path), "a language without its name cannot be written")
        label = xml_text(lang.language or "", pointer(*path, "language"), report)
        found = cefr.guess(lang.fluency)
        if found.kind == "none":
            report.lost(pointer(*path, "fluency"), f"'{lang.fluency}' names no CEFR level: written without a level")
        elif not found.exact:
            level = "mother tongue" if found.kind == "native" else cefr.fluency_text(found.levels)
            report.lost(pointer(*path, "fluency"), f"'{lang.fluency}' written as {level} (a guess)")
        if found.kind == "native":
            natives.append((i, label))
        else:
            foreign.append((i, label, found.levels))
    note_moves(
        report,
        ("languages",),
        [i for i, _ in natives] + [i for i, _, _ in foreign],
        "Europass lists mother tongues before foreign languages",
    )
    return natives, foreign


# --- names ---------------------------------------------------------------------------------


def split_name(name: str) -> tuple[str, str]:
    """Given names and family name: the family name is the last word, as the portal's export has it.

    When joining the two parts with one space would not give the same text back (no space,
    spaces at the ends or in a row), the whole name goes into the given name.
    """
    given, _, family = name.rpartition(" ")
    if given and family and join_name(given, family) == name and not given.endswith(" ") and given.strip() == given:
        return given, family
    return name, ""


def join_name(given: str | None, family: str | None) -> str | None:
    """The one-line name from its parts (None when both are empty)."""
    parts = [p for p in (given, family) if p]
    return " ".join(parts) if parts else None


# --- countries (ISO 3166-1) and languages (ISO 639) ------------------------------------------


EUROPASS_COUNTRIES = {"UK": "GB", "EL": "GR"}
"""Europass spellings of two ISO 3166 codes, and the codes they stand for."""


def country_code(value: str) -> str | None:
    """The ISO 3166-1 alpha-2 code (upper case) for a code or an English country name, or None."""
    import pycountry

    text = value.strip()
    if not text:
        return None
    if text.upper() in EUROPASS_COUNTRIES:
        return EUROPASS_COUNTRIES[text.upper()]
    try:
        found = pycountry.countries.lookup(text)
    except LookupError:
        return None
    return str(found.alpha_2)


def country_name(code: str) -> str | None:
    """The English short name of an alpha-2 code, or None."""
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return str(found.name) if found is not None else None


def split_place(location: str) -> tuple[str | None, str | None]:
    """``"Lyon, France"`` -> ("Lyon", "FR"), ``"Japan"`` -> (None, "JP"): only when it reads back the same."""
    whole = country_code(location) if location and location == location.strip() else None
    if whole is not None and country_name(whole) == location:
        return None, whole
    city, sep, country = location.rpartition(", ")
    if not sep or not city:
        return location, None
    code = country_code(country)
    if code is None or country_name(code) != country:
        return location, None
    return city, code


def join_place(city: str | None, code: str | None) -> str | None:
    """The one-line place from a city and a country code."""
    name = country_name(code) if code else None
    if city is not None and name:
        return f"{city}, {name}"
    return city if city is not None else name


@dataclass(frozen=True)
class LanguageCodes:
    """One language's ISO 639 codes and English name."""

    name: str
    alpha_2: str | None
    alpha_3: str
    bibliographic: str | None


def language_by_name(name: str) -> LanguageCodes | None:
    """The ISO 639 language whose English name is exactly ``name``."""
    import pycountry

    found = pycountry.languages.get(name=name)
    if found is None or found.name != name:
        return None
    return LanguageCodes(
        found.name, getattr(found, "alpha_2", None), found.alpha_3, getattr(found, "bibliographic", None)
    )


def language_by_code(code: str) -> str | None:
    """The English name of an ISO 639-1, 639-2/B or 639-3 code, or None."""
    import pycountry

    code = code.strip().lower()
    for key in ("alpha_2", "bibliographic", "alpha_3"):
        try:
            found = pycountry.languages.get(**{key: code})
        except KeyError:
            found = None
        if found is not None:
            return str(found.name)
    return None


# --- dates ---------------------------------------------------------------------------------


def date_parts(value: str) -> dates.DateParts | None:
    """The parts of a schema date when it is a real calendar date (month 1-12, day 1-31)."""
    try:
        parts = dates.parse(value)
    except ValueError:
        return None
    if parts.month is not None and not 1 <= parts.month <= 12:
        return None
    if parts.day is not None and not 1 <= parts.day <= 31:
        return None
    return parts


# EQF levels for the study types whose level is clear (the same table reads and writes).
_EQF_WORDS = (
    ("doctor", "8"),
    ("phd", "8"),
    ("ph.d", "8"),
    ("master", "7"),
    ("msc", "7"),
    ("m.sc", "7"),
    ("mba", "7"),
    ("bachelor", "6"),
    ("bsc", "6"),
    ("b.sc", "6"),
    ("licence", "6"),
    ("associate", "5"),
)


def eqf_guess(study_type: str | None) -> str | None:
    """The EQF level a study type names ("Master of Science" -> "7"), or None."""
    low = (study_type or "").lower()
    return next((level for word, level in _EQF_WORDS if word in low), None)


# --- rich text: the escaped HTML that both Europass editors store --------------------------

_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "col", "wbr", "source"})
_FORMATTING = frozenset({"strong", "b", "em", "i", "u", "s", "span", "a", "sub", "sup", "code", "font"})


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


@dataclass
class RichText:
    """Rich text taken apart: labelled fields, plain paragraphs, and the closing list."""

    labels: dict[str, str | list[str]] = field(default_factory=dict)
    paragraphs: list[str] | None = None
    items: list[str] | None = None
    simplified: bool = False
    """True when formatting (bold, links, colours) was reduced to plain text."""

    @property
    def text(self) -> str | None:
        """The paragraphs as one text, lines joined by newlines."""
        return "\n".join(self.paragraphs) if self.paragraphs is not None else None

    @property
    def bulleted(self) -> str:
        """The paragraphs, then the closing list as bullet lines, as one text (for a field without a list)."""
        return "\n".join([*(self.paragraphs or ()), *(f"• {item}" for item in self.items or ())])


def _inline(node: _Node, out: list[str], flags: list[bool]) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.append(child)
            continue
        if child.tag == "br":
            out.append("\n")
        elif child.tag == "span" and "ql-ui" in child.attrs.get("class", ""):
            continue  # Quill's empty marker before list items
        elif child.tag == "a":
            flags[0] = True
            inner: list[str] = []
            _inline(child, inner, flags)
            text = "".join(inner)
            href = child.attrs.get("href", "")
            out.append(f"{text} ({href})" if href and href != text else text)
        elif child.tag in ("ul", "ol"):
            out.append("\n" + "\n".join(_items(child, flags)))
        else:
            if child.tag in _FORMATTING or child.tag not in ("p", "div"):
                flags[0] = True
            _inline(child, out, flags)


def _items(node: _Node, flags: list[bool]) -> list[str]:
    items = []
    for child in node.children:
        if isinstance(child, _Node) and child.tag == "li":
            parts: list[str] = []
            _inline(child, parts, flags)
            items.append("".join(parts))
    return items


def _is_list(node: _Node | str) -> bool:
    return isinstance(node, _Node) and node.tag in ("ul", "ol")


def _paragraph_text(node: _Node, flags: list[bool]) -> str:
    # The editors mark an empty line as a paragraph holding one <br>.
    if len(node.children) == 1 and isinstance(node.children[0], _Node) and node.children[0].tag == "br":
        return ""
    parts: list[str] = []
    _inline(node, parts, flags)
    return "".join(parts)


def _label_of(node: _Node, known: frozenset[str]) -> tuple[str, str | None] | None:
    """(label, value) for ``<p><strong>Label:</strong> value</p>``; value None when nothing follows."""
    if not node.children or not isinstance(node.children[0], _Node) or node.children[0].tag != "strong":
        return None
    first = node.children[0]
    if len(first.children) != 1 or not isinstance(first.children[0], str) or not first.children[0].endswith(":"):
        return None
    label = first.children[0][:-1]
    if label not in known:
        return None
    rest = _Node("p", children=node.children[1:])
    if not rest.children:
        return label, None
    parts: list[str] = []
    _inline(rest, parts, [False])
    text = "".join(parts)
    if not text.startswith(" "):
        return None
    return label, text[1:]


def parse_rich(text: str, labels: frozenset[str] = frozenset()) -> RichText:
    """Take the HTML of a Europass long text apart.

    Leading ``<p><strong>Label:</strong> value</p>`` paragraphs whose label is in ``labels``
    become fields (a label paragraph followed by a list holds that list); a list that closes
    the text becomes ``items``; other lists become lines of the paragraphs.
    """
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    root = builder.root
    if not any(isinstance(c, _Node) for c in root.children):
        # Plain text (older files): lines are paragraphs.
        return RichText(paragraphs=text.split("\n") if text else [""], simplified=False)
    flags = [False]
    blocks: list[_Node | str] = []
    loose: list[_Node | str] = []
    for child in root.children:
        if isinstance(child, _Node) and child.tag in ("p", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6"):
            if loose and "".join(x if isinstance(x, str) else "x" for x in loose).strip():
                blocks.append(_Node("p", children=loose))
            loose = []
            blocks.append(child)
        else:
            loose.append(child)
    if loose and "".join(x if isinstance(x, str) else "x" for x in loose).strip():
        blocks.append(_Node("p", children=loose))
    result = RichText()
    i = 0
    while i < len(blocks):
        block = blocks[i]
        assert isinstance(block, _Node)
        found = _label_of(block, labels) if block.tag == "p" else None
        if found is None:
            break
        label, value = found
        if value is None and i + 1 < len(blocks) and _is_list(blocks[i + 1]):
            nxt = blocks[i + 1]
            assert isinstance(nxt, _Node)
            result.labels[label] = _items(nxt, flags)
            i += 2
            continue
        result.labels[label] = value if value is not None else ""
        i += 1
    rest = blocks[i:]
    lists = [b for b in rest if _is_list(b)]
    closing = rest[-1] if rest and _is_list(rest[-1]) and len(lists) == 1 else None
    paragraphs: list[str] = []
    for block in rest:
        assert isinstance(block, _Node)
        if block is closing:
            result.items = _items(block, flags)
        elif _is_list(block):
            ordered = block.tag == "ol"
            # Quill marks bullet lists as <ol> with data-list="bullet" on each item.
            kind = next(
                (c.attrs.get("data-list") for c in block.children if isinstance(c, _Node) and c.tag == "li"), None
            )
            for n, item in enumerate(_items(block, flags), start=1):
                paragraphs.append(f"{n}. {item}" if ordered and kind != "bullet" else f"• {item}")
        else:
            paragraphs.append(_paragraph_text(block, flags))
    result.paragraphs = paragraphs or None
    result.simplified = flags[0]
    return result


SIMPLIFIED = "rich text formatting (bold, links, colours) reduced to plain text"
EMPLOYER = "About the employer"
"""The label of the paragraph that carries ``work.description`` at the top of the activities."""


def _esc_inline(value: str) -> str:
    return html.escape(value, quote=False).replace("\n", "<br>")


def build_rich(
    labelled: list[tuple[str, str | list[str]]] = (),  # type: ignore[assignment]
    text: str | None = None,
    items: list[str] | None = None,
) -> str:
    """The HTML for labelled fields, then the text's lines as paragraphs, then a closing list.

    Text is escaped, so what a field says can never pass for the markup that separates fields.
    """
    out: list[str] = []
    for label, value in labelled:
        if isinstance(value, list):
            out.append(f"<p><strong>{html.escape(label)}:</strong></p>")
            out.append("<ul>" + "".join(f"<li>{_esc_inline(v)}</li>" for v in value) + "</ul>")
        else:
            out.append(f"<p><strong>{html.escape(label)}:</strong> {_esc_inline(value)}</p>")
    if text is not None:
        for line in text.split("\n"):
            out.append(f"<p>{html.escape(line, quote=False)}</p>" if line else "<p><br></p>")
    if items is not None:
        out.append("<ul>" + "".join(f"<li>{_esc_inline(v)}</li>" for v in items) + "</ul>")
    return "".join(out)


def rich_or_none(labelled: list[tuple[str, str | list[str]]], text: str | None, items: list[str] | None) -> str | None:
    """The rich text of :func:`build_rich`, or None when there is nothing to say."""
    return build_rich(labelled, text, items) if labelled or text is not None or items is not None else None


def work_html(job: Work, path: Path, report: Report) -> str | None:
    """A job's description, summary and highlights as the one rich text both dialects give them."""
    labelled: list[tuple[str, str | list[str]]] = []
    if job.description is not None:
        labelled.append((EMPLOYER, xml_text(job.description, pointer(*path, "description"), report)))
    summary = xml_text(job.summary, pointer(*path, "summary"), report) if job.summary is not None else None
    return rich_or_none(labelled, summary, texts_for_xml(job.highlights, (*path, "highlights"), report))


def read_rich(
    html: str,
    labels: dict[str, str],
    text: str,
    items: str,
    data: dict[str, Any],
    where: str,
    report: Report,
) -> None:
    """Labelled paragraphs into the fields ``labels`` names, the rest into ``text`` and ``items``.

    A note at ``where`` says when formatting was reduced to plain text.
    """
    rich = parse_rich(html, frozenset(labels))
    for label, key in labels.items():
        value = rich.labels.get(label)
        if value is not None:
            data[key] = value if isinstance(value, str) else "\n".join(value)
    if rich.simplified:
        report.normalised(where, SIMPLIFIED)
    if rich.paragraphs is not None:
        data[text] = rich.text
    if rich.items is not None:
        data[items] = rich.items


def note_empty_lists(data: dict[str, object], report: Report) -> None:
    """An empty section (or profile list) writes nothing, so it reads back as absent: say so."""
    for key, value in data.items():
        if isinstance(value, list) and not value:
            report.normalised(pointer(key), "an empty list writes nothing and reads back as absent")
    basics = data.get("basics")
    if basics == {}:
        report.normalised("/basics", "an empty object writes nothing and reads back as absent")
    if isinstance(basics, dict):
        for key in ("profiles", "x-europass-emails", "x-europass-nationalities"):
            if basics.get(key) == []:
                report.normalised(pointer("basics", key), "an empty list writes nothing and reads back as absent")


def note_vanishing_basics(data: dict[str, object], report: Report) -> None:
    """When every field of ``basics`` was reported, nothing of it is written: the object goes too."""
    basics = data.get("basics")
    if not isinstance(basics, dict) or not basics:
        return
    # Only notes about a whole field say it is not written (a note deeper down leaves the field).
    noted = {n.path.split("/")[2] for n in report if n.path.startswith("/basics/") and n.path.count("/") == 2}
    noted = {k.replace("~1", "/").replace("~0", "~") for k in noted}
    if set(basics) <= noted:
        report.normalised("/basics", "nothing of basics could be written, so it reads back as absent")


def note_username(report: Report, url: str | None, username: str | None, i: int) -> None:
    """Europass keeps a profile's link; its user name comes back only when the link ends in it."""
    derived = username_in(url) if url is not None else None
    where = pointer("basics", "profiles", i, "username")
    if username is not None and derived != username:
        report.lost(where, "Europass keeps a profile's link, not its user name")
    elif username is None and derived is not None:
        report.normalised(where, f"reads back as '{derived}', the user name the link ends in")


# Sites whose profile links end in the user name (github.com/<name>, linkedin.com/in/<name>).
_PROFILE_HOSTS = frozenset(
    {
        "github.com", "gitlab.com", "bitbucket.org", "linkedin.com", "twitter.com", "x.com", "instagram.com",
        "facebook.com", "medium.com", "dev.to", "behance.net", "dribbble.com", "codepen.io", "keybase.io",
        "t.me", "threads.net", "tiktok.com", "youtube.com", "hackerrank.com", "leetcode.com", "kaggle.com",
        "npmjs.com", "hub.docker.com", "huggingface.co", "soundcloud.com", "vimeo.com", "twitch.tv", "bsky.app",
    }
)  # fmt: skip
_SEGMENT = re.compile(r"@?[\w.\-]+")


def link_profile(prof: dict[str, Any], url: str) -> None:
    """A profile's link into ``prof``, with the user name the link ends in when it names one."""
    prof["url"] = url
    username = username_in(url)
    if username is not None:
        prof["username"] = username


def username_in(url: str) -> str | None:
    """The user name a profile link ends in (``https://github.com/lea`` -> "lea"), or None.

    Only links of well-known sites, and links whose last part starts with "@" (Mastodon,
    Medium), count: elsewhere the last part of a link is seldom a user name.
    """
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.query or parts.fragment or not parts.netloc:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if not segments or not _SEGMENT.fullmatch(segments[-1]):
        return None
    last = segments[-1]
    host = parts.netloc.lower().removeprefix("www.")
    if last.startswith("@"):
        return last[1:] or None
    return last if host in _PROFILE_HOSTS else None
