"""Write a résumé as a one-column Word CV: real styles, live links, our data part inside.

document.xml is built as text from the résumé (styles resolved once per template), and the zip is
assembled from the template's members compressed once (see :mod:`.package`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cvconvert.errors import OptionError
from cvconvert.formats._docx import DocxWriteOptions, i18n, package
from cvconvert.formats._docx.layout import (
    DEFAULT_ORDER,
    FIELD_STYLES,
    LOCATION_FIELDS,
    PROFILE_FIELDS,
    RANGE,
    SECTIONS,
    VALUE,
    Kind,
    Line,
    Part,
    Section,
    check,
    clean,
    display,
    humanize,
    link_target,
    make_fix,
)
from cvconvert.model import Resume
from cvconvert.namespaces import (
    CORE_PROPERTIES,
    CVCONVERT_DOCX,
    DC,
    DCTERMS,
    PACKAGE_RELS,
    REL_CUSTOM_XML,
    REL_HYPERLINK,
    XSI,
    R,
    W,
)
from cvconvert.report import Report, pointer
from cvconvert.text import RTL_LETTERS

_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
DATA_VERSION = "2"
_SMALL = '<w:color w:val="777777"/><w:sz w:val="16"/><w:szCs w:val="16"/>'
_UNSHOWABLE = "characters a Word page cannot hold (control characters, CR): "


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _first_strong_is_rtl(text: str) -> bool:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


class _Body:
    """document.xml's body as a list of strings, with the hyperlinks it needs and what it shows.

    Every value put on the page is recorded by its JSON Pointer: known fields in :attr:`known`
    (the reader finds them by their character styles), values no layout knows in
    :attr:`generic` (one list of (pointer, type) per paragraph bookmarked ``_cvx_N``), and
    what the page cannot say of a value (a date's day, a control character) in :attr:`fixes`.
    The data part is the résumé without what is shown: see :func:`_rest`.
    """

    def __init__(self, prep: package.Prepared, lang: i18n.Language, report: Report, *, embed: bool = True) -> None:
        self.out: list[str] = []
        self.links: list[str] = []
        self.ids = prep.styles
        self.styles = {key: prep.styles[name] for key, name in FIELD_STYLES.items()}
        self.tabs = f'<w:tabs><w:tab w:val="right" w:pos="{prep.text_width}"/></w:tabs>'
        self.bookmarks = 0
        self.east_asian_font = _esc(prep.lang.east_asian_font)
        self.lang = lang
        self.code = lang.code
        # A right-to-left document is mirrored as a whole: every paragraph runs right to left.
        self.rtl = lang.rtl
        self.report = report
        self.same: list[str] = []
        """Entries whose start and end show the same date, shown once (the reader gives it to both)."""
        # What the page cannot show is hidden in the data part, or lost without one.
        self.note = report.hide if embed else report.lost
        self.kept = "kept in the data part" if embed else "not kept (embed=false: no data part)"
        self.known: list[tuple[dict[str, Any], str]] = []
        self.generic: list[list[list[str]]] = []
        self.leaves: list[list[str]] = []
        self.fixes: dict[str, dict[str, object]] = {}
        # Made once per template and language, for every résumé written with them.
        self.looks = prep.looks
        self.seps = prep.separators

    def shown(self, holder: dict[str, Any], key: str, at: str, kind: Kind, text: str) -> None:
        """Record that ``holder[key]`` (``at`` is the holder's pointer) is shown as ``text``, and what
        the page cannot say of it."""
        self.known.append((holder, key))
        self.fix(kind, holder[key], text, at, key)

    def fix(self, kind: Kind, value: object, text: str, at: str, *keys: str | int) -> bool:
        """Keep what the page, showing ``value`` as ``text``, cannot say of it (a fix in the data
        part, see :func:`.layout.make_fix`), and name in the report what it keeps: characters the
        page cannot hold, a date's day, a value the text does not give back. ``at`` and ``keys``
        are the value's pointer, built only when there is a fix (most values need none). True
        when there is one."""
        fix = make_fix(kind, value, text, self.lang)
        if fix is None:
            return False
        where = at + pointer(*keys) if keys else at
        self.fixes[where] = fix
        if "ins" in fix:
            self.note(where, _UNSHOWABLE + self.kept)
        elif "tail" in fix:
            self.note(where, f"the page shows {text!r}; the full date: {self.kept}")
        elif "v" in fix and not _vacuous(value):
            if text:
                self.note(where, f"the page shows {text!r}; the exact value: {self.kept}")
            else:
                self.note(where, f"not shown on the page (not text where text belongs); {self.kept}")
        return True

    def value(self, value: str | int | float | bool, where: str) -> str:
        """A run showing a value no layout knows, recorded for the paragraph being built."""
        if isinstance(value, bool):
            text, kind = ("true" if value else "false"), "b"
        elif isinstance(value, (int, float)):
            text, kind = json.dumps(value), "n"
        else:
            text, kind = i18n.typeset(clean(value), self.code), "s"
            self.fix("text", value, text, where)
        self.leaves.append([where, kind])
        return self.run(text, VALUE)

    def generic_para(self, style: str, runs: str, text: str) -> None:
        """A paragraph of values no layout knows, bookmarked ``_cvx_N`` (N: its place in :attr:`generic`)."""
        self.para(style, runs, text=text, bookmark=f"_cvx_{len(self.generic)}")
        self.generic.append(self.leaves)
        self.leaves = []

    def run(
        self, text: str, key: str | None = None, *, strong: bool = False, italic: bool = False, small: bool = False
    ) -> str:
        """One run of (cleaned) text; ``key`` tags it with the field's character style; ``small``:
        grey and small, as the running header is."""
        if text.isascii():
            cjk = rtl = False
        else:
            cjk = _CJK.search(text) is not None
            rtl = RTL_LETTERS.search(text) is not None
        look = (key, strong, italic, small, cjk, rtl)
        rpr = self.looks.get(look)
        if rpr is None:
            rpr = self.looks[look] = self._rpr(*look)
        if "\n" not in text and "\t" not in text:
            if "&" in text or "<" in text or ">" in text:  # rare: a call saved for every other run
                text = _esc(text)
            return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'
        pieces = []
        for piece in re.split("([\n\t])", text):
            if piece == "\n":
                pieces.append("<w:br/>")
            elif piece == "\t":
                pieces.append("<w:tab/>")
            elif piece:
                pieces.append(f'<w:t xml:space="preserve">{_esc(piece)}</w:t>')
        return f"<w:r>{rpr}{''.join(pieces)}</w:r>"

    def sep(self, text: str) -> str:
        """The run of a separator (``" · "``, ``", "``): made once per template and language."""
        found = self.seps.get(text)
        if found is None:
            found = self.seps[text] = self.run(text)
        return found

    def _rpr(self, key: str | None, strong: bool, italic: bool, small: bool, cjk: bool, rtl: bool) -> str:
        """A run's properties (made once per look, template and language: :attr:`looks`)."""
        props = []
        if key is not None:
            props.append(f'<w:rStyle w:val="{self.styles[key]}"/>')
        if cjk:
            props.append(f'<w:rFonts w:eastAsia="{self.east_asian_font}" w:hint="eastAsia"/>')
        if strong:
            props.append("<w:b/><w:bCs/>")
        if cjk:
            # Chinese, Japanese and Korean have no italic: a slanted glyph is a distorted one. Off
            # here, also where the paragraph's style (CV Details) is italic.
            props.append('<w:i w:val="0"/><w:iCs w:val="0"/>')
        elif italic:
            props.append("<w:i/><w:iCs/>")
        if small:
            props.append(_SMALL)
        if rtl:
            props.append("<w:rtl/>")
        return f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""

    def link(self, runs: str, target: str | None) -> str:
        """Wrap runs in a live hyperlink to ``target`` (when it is a clean link)."""
        if target is None:
            return runs
        self.links.append(target)
        return f'<w:hyperlink r:id="rIdCvLink{len(self.links)}" w:history="1">{runs}</w:hyperlink>'

    def para(
        self,
        style: str,
        runs: str,
        *,
        text: str = "",
        tabs: bool = False,
        bookmark: str | None = None,
        keep_next: bool = False,
    ) -> None:
        """Add a paragraph in the named style; ``text`` (its visible text) decides right-to-left in a
        left-to-right document; ``keep_next`` keeps it on the page of the next (an entry's head)."""
        props = f'<w:pStyle w:val="{self.ids[style]}"/>'
        if keep_next:
            props += "<w:keepNext/>"
        if tabs:
            props += self.tabs
        if self.rtl or (text and not text.isascii() and RTL_LETTERS.search(text) and _first_strong_is_rtl(text)):
            props += "<w:bidi/>"
        mark = ""
        if bookmark is not None:
            self.bookmarks += 1
            n = self.bookmarks
            mark = f'<w:bookmarkStart w:id="{n}" w:name="{bookmark}"/><w:bookmarkEnd w:id="{n}"/>'
        self.out.append(f"<w:p><w:pPr>{props}</w:pPr>{mark}{runs}</w:p>")


def _sections_option(sections: Sequence[str] | None, custom: Sequence[str]) -> list[str]:
    if sections is None:
        return [*DEFAULT_ORDER, *custom]
    order = [n.strip() for n in sections if n.strip()]
    order = [n if n in custom else n.lower() for n in order]
    unknown = [n for n in order if n not in DEFAULT_ORDER and n not in custom]
    if unknown:
        known = ", ".join((*DEFAULT_ORDER, *custom))
        raise OptionError(f"unknown section(s) {', '.join(unknown)} (known: {known})")
    return list(dict.fromkeys(order))


def write(resume: Resume, options: DocxWriteOptions | None = None) -> tuple[bytes, Report]:
    """Write the résumé as a DOCX: the bytes and the report.

    ``options.sections``: which sections, in which order (``("work", "education", "skills")``;
    default all, in the conventional order, then the résumé's own sections; ``summary`` is
    basics.summary). ``options.lang``: language of headings and dates. ``options.page``: A4 or
    Letter (default: Letter for the US and Canada, else A4; a template keeps its own unless
    given). ``options.template``: a .dotx or .docx whose styles, page setup and header and footer
    text are used; nothing else of it is (macros, external references, fields but PAGE and
    NUMPAGES, custom XML, pictures): a warning names each kind dropped.

    The page shows every value of the résumé but machine data (``x-`` fields, ``meta``,
    ``$schema``, ``basics.image``) and values that are not text (a number where text belongs);
    those are kept in a data part inside the package, each named in the report as *hidden*,
    together with what the page cannot say of a shown value (a full date's day, control
    characters). Shown values are not in the data part: deleting one on the page deletes it from
    the file. ``options.embed=False`` writes no data part (what it would hold is reported lost).
    Sections left out are reported lost. Raises OptionError for a bad option value.
    """
    chosen = options if options is not None else DocxWriteOptions.model_validate({})
    done = render(
        resume,
        sections=chosen.sections,
        lang=chosen.lang,
        page=chosen.page,
        template=chosen.template,
        embed=chosen.embed,
    )
    prep = done.prep
    members = [
        package.deflate("word/document.xml", done.document),
        package.deflate("word/_rels/document.xml.rels", _relationships(prep, done.links, embed=chosen.embed)),
        package.deflate_repeated("docProps/core.xml", done.core),
    ]
    if prep.running_header is not None:
        members.append(package.deflate_repeated(prep.running_header, done.header))
    if chosen.embed:
        members.append(package.deflate(prep.data_part, _data_part(done.data, done.page_map, done.lang, prep)))
    # The template's members come first, laid out once (prep.packed).
    return package.build_zip(members, prep.packed if chosen.embed else prep.packed_plain), done.report


@dataclass(frozen=True)
class Rendered:
    """document.xml for a résumé, with what the rest of the package needs."""

    document: bytes
    links: list[str]
    data: dict[str, Any]
    """What goes into the data part: the résumé without what the page shows (and without sections left out)."""
    page_map: dict[str, Any]
    """How the page's values go back into :attr:`data`: generic paragraphs, fixes, profiles shown."""
    core: bytes
    report: Report
    prep: package.Prepared
    header: bytes = b""
    """The running header of pages after the first: the name and "page N of M"."""
    lang: str = "en"
    """The language the page speaks: the one asked for, or the one told from the résumé's text."""


_META = ("$schema", "meta")
_WHAT = {"$schema": "the schema's address", "meta": "metadata", "/basics/image": "a picture's address"}


def render(
    resume: Resume,
    *,
    sections: Sequence[str] | None = None,
    lang: str | None = None,
    page: str | None = None,
    template: str | Path | None = None,
    embed: bool = True,
) -> Rendered:
    """Build document.xml for the résumé (the options are :func:`write`'s)."""
    report = Report()
    data = resume.to_data()
    language = i18n.language(lang or i18n.told(data))  # no lang: the résumé's own language
    if not i18n.has_titles(language.code):
        report.warn("", f"no section titles in {language.code!r}: English titles used (dates are translated)")
    custom = [k for k in data if k not in _META and k != "basics" and k not in SECTIONS and not k.startswith("x-")]
    order = _sections_option(sections, custom)
    for key in (*DEFAULT_ORDER, *custom):
        if key in order:
            continue
        if key == "summary":
            basics = data.get("basics")
            if isinstance(basics, dict) and "summary" in basics:
                del basics["summary"]
                report.lost(pointer("basics", "summary"), "left out by the sections option")
        elif key in data:
            del data[key]
            report.lost(pointer(key), "left out by the sections option")
    if page is None and not template:
        page = i18n.default_page(data.get("basics"))
    prep = package.prepared(template, page, language)
    # What the template lost is noted on every call: the prepared template is cached.
    for message in prep.dropped:
        report.warn("", f"template {Path(str(template)).name}: {message}")
    core = _core(prep.lang)
    body = _Body(prep, language, report, embed=embed)
    profiles = _basics(body, data.get("basics"), language)
    for key in order:
        if key == "summary":
            _summary(body, data.get("basics"), language)
        elif key in SECTIONS:
            entries = data.get(key)
            if isinstance(entries, list) and entries:
                _section(body, SECTIONS[key], entries, language)
        elif key in data:
            _custom(body, key, data[key])
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        + "".join(body.out)
        + prep.sect_pr
        + "</w:body></w:document>"
    )
    header_name = data.get("basics", {}).get("name") if isinstance(data.get("basics"), dict) else None
    rest = _rest(data, body, report, embed=embed)
    page_map: dict[str, Any] = {"generic": body.generic, "fixes": body.fixes, "profiles": profiles, "same": body.same}
    header = _running_header(body, header_name, language) if prep.running_header else b""
    return Rendered(document.encode(), body.links, rest, page_map, core, report, prep, header, lang or language.code)


def _rest(data: dict[str, Any], body: _Body, report: Report, *, embed: bool) -> dict[str, Any]:
    """The résumé without the values the page shows (in place): known fields removed, generic
    values replaced by 0 (their place and their object's key order stay). What remains and is not
    empty is reported hidden (or lost, without a data part)."""
    for holder, key in body.known:
        holder.pop(key, None)
    placeholders = set()
    for leaves in body.generic:
        for where, _ in leaves:
            parent, key = _parent(data, where)
            if isinstance(parent, dict):
                parent[key] = 0
            elif isinstance(parent, list):
                parent[int(key)] = 0
            placeholders.add(where)
    note = report.hide if embed else report.lost
    tail = body.kept
    _note_rest(data, "", placeholders, note, tail)
    return data


def _parent(data: Any, where: str) -> tuple[Any, str]:
    """The container that holds the value at a JSON Pointer, and the last token."""
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in where.split("/")[1:]]
    node = data
    for token in tokens[:-1]:
        node = node[int(token)] if isinstance(node, list) else node.get(token) if isinstance(node, dict) else None
    return node, tokens[-1]


def _vacuous(value: object) -> bool:
    if value is None or value == "":
        return True
    if isinstance(value, dict):
        return all(_vacuous(v) for v in value.values())
    if isinstance(value, list):
        return all(_vacuous(v) for v in value)
    return False


def _note_rest(value: object, where: str, placeholders: set[str], note: Any, tail: str) -> None:
    if where in placeholders:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if item is None or (not item and isinstance(item, (str, list, dict))):
                continue  # nothing to say of an empty value (what the page shows left it empty)
            here = where + pointer(key)
            if key.startswith("x-") or (where == "" and key in _META) or here == "/basics/image":
                if not _vacuous(item):
                    kind = _WHAT.get(key) or _WHAT.get(here) or "an x- field (data for programs)"
                    note(here, f"{kind}: not shown on the page; {tail}")
            else:
                _note_rest(item, here, placeholders, note, tail)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if item is None or (not item and isinstance(item, (str, list, dict))):
                continue
            _note_rest(item, f"{where}/{index}", placeholders, note, tail)
    elif not _vacuous(value):
        note(where, f"not shown on the page (not text where text belongs); {tail}")


def _running_header(body: _Body, name: object, lang: i18n.Language) -> bytes:
    """The header of pages after the first (titlePg): "Name · Page N of M", all three live fields.

    The name is a STYLEREF field to the name's paragraph style (Title), with no text of its own:
    the header shows what the page's name says, so a name deleted on the page is in no header.
    """
    runs = []
    shown = i18n.typeset(display("text", name, lang), lang.code)
    if shown:
        # The result is a run of the name's look (fonts, direction) with no text: Word and
        # LibreOffice work the field out when they lay the page out.
        empty = re.sub(
            r"<w:t(?: [^>]*)?>[^<]*</w:t>|<w:br/>|<w:tab/>", "", body.run(shown.replace("\n", " "), small=True)
        )
        runs.append(f'<w:fldSimple w:instr=" STYLEREF Title \\* MERGEFORMAT ">{empty}</w:fldSimple>')
        runs.append(body.run(" · ", small=True))
    for piece in re.split(r"(\{page\}|\{pages\})", lang.labels["page"]):
        if piece in ("{page}", "{pages}"):
            field = "PAGE" if piece == "{page}" else "NUMPAGES"
            runs.append(f'<w:fldSimple w:instr=" {field} ">{body.run("1", small=True)}</w:fldSimple>')
        elif piece:
            runs.append(body.run(i18n.nobreak(piece), small=True))
    # At the right; a right-to-left document's header starts at the right by itself.
    props = "<w:bidi/>" if lang.rtl else '<w:jc w:val="right"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr>{props}</w:pPr>' + "".join(runs) + "</w:p></w:hdr>"
    ).encode()


def _relationships(prep: package.Prepared, links: list[str], *, embed: bool) -> bytes:
    target = prep.data_part.removeprefix("customXml/")
    out = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE_RELS}">',
        prep.rels,
    ]
    if embed:
        out.append(f'<Relationship Id="rIdCvData" Type="{REL_CUSTOM_XML}" Target="../customXml/{target}"/>')
    for n, link in enumerate(links, 1):
        out.append(
            f'<Relationship Id="rIdCvLink{n}" Type="{REL_HYPERLINK}" '
            f'Target="{_esc(link).replace(chr(34), "&quot;")}" TargetMode="External"/>'
        )
    out.append("</Relationships>")
    return "".join(out).encode()


def _core(lang: i18n.Language) -> bytes:
    """The document properties: the language only. A title, subject or author would copy the
    name and label off the page, and a person who deletes them on the page deletes them from
    what the file discloses (Word adds its own author when it saves)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<cp:coreProperties xmlns:cp="{CORE_PROPERTIES}" '
        f'xmlns:dc="{DC}" xmlns:dcterms="{DCTERMS}" '
        f'xmlns:xsi="{XSI}">'
        f"<cp:lastModifiedBy>cvconvert</cp:lastModifiedBy>"
        f"<dc:language>{lang.tag}</dc:language></cp:coreProperties>"
    ).encode()


def _data_part(data: dict[str, Any], page_map: dict[str, Any], lang: str | None, prep: package.Prepared) -> bytes:
    # ASCII JSON: every character, even those XML 1.0 cannot hold (U+000B), travels as \\uXXXX.
    # <cv:resume> is the résumé without what the page shows; <cv:page> says how the page's values
    # go back in (version 2; version 1 held the whole résumé and a fingerprint of the page).
    payload = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    mapping = json.dumps(page_map, ensure_ascii=True, separators=(",", ":"))
    styles = prep.styles_json
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<cv:cvconvert xmlns:cv="{CVCONVERT_DOCX}" version="{DATA_VERSION}" lang="{_esc(lang or "en")}">'
        f"<cv:resume>{_esc(payload)}</cv:resume><cv:page>{_esc(mapping)}</cv:page>"
        f"<cv:styles>{_esc(styles)}</cv:styles></cv:cvconvert>"
    ).encode()


# --- the page -------------------------------------------------------------------------------

_BASICS_SHOWN = frozenset({"name", "label", "email", "phone", "url", "summary", "location", "profiles", "image"})


def _basics(body: _Body, basics: object, lang: i18n.Language) -> list[int]:
    """Name, label, the contact lines and the rest of basics; the indexes of the profiles shown."""
    if not isinstance(basics, dict):
        return []
    where = pointer("basics")
    name = i18n.typeset(display("text", basics.get("name"), lang), lang.code)
    if name:
        body.para("Title", body.run(name), text=name)
        body.shown(basics, "name", where, "text", name)
    label = i18n.typeset(display("text", basics.get("label"), lang), lang.code)
    if label:
        body.para("Subtitle", body.run(label), text=label)
        body.shown(basics, "label", where, "text", label)
    runs: list[str] = []
    shown: list[str] = []
    location = basics.get("location")
    if isinstance(location, dict):
        previous = ""
        for key in LOCATION_FIELDS:
            kind: Kind = "country" if key == "countryCode" else "text"
            text = display(kind, location.get(key), lang)
            if not text:
                continue
            if kind == "text":
                text = i18n.typeset(text, lang.code)
            # A postal code is followed by the city with a space ("100191 Beijing"), as addresses are written.
            sep = " " if key == "city" and previous == "postalCode" else ", "
            if runs:
                runs.append(body.sep(sep))
            runs.append(body.run(text, key))
            body.shown(location, key, where + "/location", kind, text)
            shown.append(text)
            previous = key
    if runs:
        # The address on a line of its own; the ways to reach the person on the next.
        body.para("CV Contact", "".join(runs), text=" ".join(shown))
        runs, shown = [], []
    for key in ("email", "phone", "url"):
        value = basics.get(key)
        text = display("text", value, lang)
        if not text:
            continue
        target = None
        if key != "phone" and isinstance(value, str) and text == value:
            target = link_target(value, "email" if key == "email" else "url")
        if runs:
            runs.append(body.sep(" · "))
        runs.append(body.link(body.run(text, key), target))
        body.shown(basics, key, where, "text", text)
        shown.append(text)
    profiles = basics.get("profiles")
    listed: list[int] = []
    if isinstance(profiles, list):
        for index, profile in enumerate(profiles):
            if isinstance(profile, dict) and _profile(body, profile, index, runs, shown, lang):
                listed.append(index)
    if runs:
        body.para("CV Contact", "".join(runs), text=" ".join(shown))
    # What else basics holds (a birth date, a nationality, a location's or profile's own field).
    for key, value in basics.items():
        if key not in _BASICS_SHOWN and not key.startswith("x-"):
            _generic(body, value, where + pointer(key), humanize(key), "CV Contact")
    if isinstance(location, dict):
        for key, value in location.items():
            if key not in LOCATION_FIELDS and not key.startswith("x-"):
                _generic(body, value, where + "/location" + pointer(key), humanize(key), "CV Contact")
    if isinstance(profiles, list):
        for index, profile in enumerate(profiles):
            if not isinstance(profile, dict):
                continue
            network = display("text", profile.get("network"), lang) or f"Profile {index + 1}"
            for key, value in profile.items():
                if key not in PROFILE_FIELDS and not key.startswith("x-"):
                    here = where + pointer("profiles", index, key)
                    _generic(body, value, here, f"{network} › {humanize(key)}", "CV Contact")
    return listed


def _profile(
    body: _Body, profile: dict[str, Any], index: int, runs: list[str], shown: list[str], lang: i18n.Language
) -> bool:
    """Add one profile to the contact line (network: username, or network: URL); False when it shows nothing."""
    where = pointer("basics", "profiles", index)
    network = display("text", profile.get("network"), lang)
    username = display("text", profile.get("username"), lang)
    url = profile.get("url")
    url_text = display("text", url, lang)
    parts: list[str] = []
    if network:
        parts.append(body.run(network, "profile.network"))
        body.shown(profile, "network", where, "text", network)
    second = (username, "profile.username") if username else (url_text, "profile.url")
    if second[0]:
        if parts:
            parts.append(body.sep(": "))
        parts.append(body.run(second[0], second[1]))
        key = second[1].removeprefix("profile.")
        body.shown(profile, key, where, "text", second[0])
    if not parts:
        return False
    target = link_target(url) if isinstance(url, str) and url == url_text else None
    if username and url_text:
        # The URL behind a username is the link's target: the page keeps it there, exactly or not at all.
        if target == url:
            body.known.append((profile, "url"))
        else:
            target = None
    if runs:
        runs.append(body.sep(" · "))
    runs.append(body.link("".join(parts), target))
    shown.append(f"{network}: {second[0]}")
    return True


def _summary(body: _Body, basics: object, lang: i18n.Language) -> None:
    if not isinstance(basics, dict):
        return
    text = i18n.typeset(display("text", basics.get("summary"), lang), lang.code)
    if not text:
        return
    title = lang.titles["summary"]
    body.para("heading 1", body.run(title), text=title, bookmark="_cv_summary")
    body.para("Normal", body.run(text, "summary"), text=text)
    body.shown(basics, "summary", "/basics", "text", text)


def _section(body: _Body, section: Section, entries: list[Any], lang: i18n.Language) -> None:
    title = lang.titles[section.key]
    body.para("heading 1", body.run(title), text=title, bookmark=f"_cv_{section.key}")
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        _entry(body, section, entry, index, lang)


def _line(body: _Body, line: Line, entry: dict[str, Any], where: str, lang: i18n.Language) -> tuple[str, str]:
    """The runs of one line, and its visible text ('' when it shows nothing)."""
    runs: list[str] = []
    texts: list[str] = []
    for side, parts in ((0, line.left), (1, line.right)):
        side_runs: list[str] = []
        if parts is RANGE:  # one object, shared by the layouts
            side_runs = _range(body, entry, where, lang, texts)
        else:
            for part in parts:
                side_runs += _part(body, part, entry, where, lang, bool(side_runs), texts)
        if side_runs:
            if side == 1:
                runs.append("<w:r><w:tab/></w:r>")
            runs += side_runs
    return "".join(runs), " ".join(texts)


def _part(
    body: _Body, part: Part, entry: dict[str, Any], where: str, lang: i18n.Language, after: bool, texts: list[str]
) -> list[str]:
    value = entry.get(part.field)
    if value is None:
        return []  # most parts of most entries: nothing to show
    text = display(part.kind, value, lang)
    if not text:
        return []
    if part.kind == "date":
        text = i18n.nobreak(text)
    elif part.kind == "text" and not part.link:
        text = i18n.typeset(text, lang.code)
    run = body.run(text, part.field, strong=part.strong)
    if part.link and isinstance(value, str) and value == text:
        run = body.link(run, link_target(value))
    body.shown(entry, part.field, where, part.kind, text)
    texts.append(text)
    if not after:
        return [run]
    if part.sep.startswith(":") and lang.code == "fr":
        return [body.sep(i18n.NNBSP + part.sep), run]  # "Experte : Rust": French puts a narrow space before the colon
    return [body.sep(part.sep), run]


def _range(body: _Body, entry: dict[str, Any], where: str, lang: i18n.Language, texts: list[str]) -> list[str]:
    """Start – end, held together by no-break characters; one date when both show the same."""
    start = i18n.nobreak(display("date", entry.get("startDate"), lang))
    end = i18n.nobreak(display("end", entry.get("endDate"), lang))
    runs: list[str] = []
    if start:
        runs.append(body.run(start, "startDate"))
        body.shown(entry, "startDate", where, "date", start)
        texts.append(start)
    if end:
        body.shown(entry, "endDate", where, "end", end)
        if end == start:
            body.same.append(where)  # "2023", not "2023 – 2023"
            return runs
    if end or start:
        end = end or i18n.nobreak(lang.labels["present"])
        if runs:
            runs.append(body.sep(i18n.RANGE_DASH))
        runs.append(body.run(end, "endDate"))
        texts.append(end)
    return runs


def _entry(body: _Body, section: Section, entry: dict[str, Any], index: int, lang: i18n.Language) -> None:
    where = f"/{section.key}/{index}"  # a section's key needs no escaping
    head, head_text = _line(body, section.head, entry, where, lang)
    sub, sub_text = _line(body, section.sub, entry, where, lang) if section.sub else ("", "")
    if not head and sub:
        # Nothing for the entry line (no company, say): the detail line takes its place.
        head, head_text, sub, sub_text = sub, sub_text, "", ""
    style = "CV Item" if section.compact else "heading 2"
    # A one-line entry with text under it (a reference's name) is not left alone at a page's foot.
    follows = section.compact and any(display("text", entry.get(k), lang) for k in section.texts)
    body.para(
        style, head, text=head_text, tabs="<w:tab/>" in head, bookmark=f"_cv_{section.key}_{index}", keep_next=follows
    )
    if sub:
        body.para("CV Details", sub, text=sub_text, tabs="<w:tab/>" in sub)
    for key in section.texts:
        text = i18n.typeset(display("text", entry.get(key), lang), lang.code)
        if text:
            body.para("Normal", body.run(text, key), text=text)
            body.shown(entry, key, where, "text", text)
    for key in section.lists:
        text = display("list", entry.get(key), lang)
        if text:
            label = i18n.label(lang.labels[key], lang.code)
            body.para("Normal", body.run(label, italic=True) + body.run(text, key), text=text)
            body.shown(entry, key, where, "list", text)
    # Fields this section's layout does not know (work[].employer): shown under their names.
    for key, value in entry.items():
        if key not in section.parts and key != section.bullets and not key.startswith("x-"):
            _generic(body, value, where + pointer(key), humanize(key), "Normal")
    if section.bullets:
        items = entry.get(section.bullets)
        if isinstance(items, list) and items:
            body.known.append((entry, section.bullets))
            fixed: set[str] = set()
            plain: list[tuple[int, str, str]] = []
            for n, item in enumerate(items):
                text = i18n.typeset(display("text", item, lang), lang.code)
                body.para("List Bullet", body.run(text) if text else "", text=text)
                if body.fix("text", item, text, where, section.bullets, n):
                    fixed.add(text)
                elif text and isinstance(item, str):
                    plain.append((n, text, item))
            if fixed:
                _own_fixes(body, plain, fixed, f"{where}/{section.bullets}/")


def _own_fixes(body: _Body, plain: list[tuple[int, str, str]], fixed: set[str], at: str) -> None:
    """Give a bullet that needs no fix, but shows the text of one that has a fix, a fix of its own.

    The reader matches bullets by place, and a bullet without a fix of its own takes an unused
    fix made for its text (bullets deleted or moved): "00" then took the "00\\x1f" of the next
    bullet. A fix of its own that changes nothing (its text as it is, or its typography undone)
    keeps each to its own; it holds the check of the shown text only, as every fix does.
    """
    for n, text, item in plain:
        if text in fixed and len(item) == len(text):  # typography keeps the length
            diff = [[i, c] for i, (c, d) in enumerate(zip(item, text, strict=True)) if c != d]
            body.fixes[f"{at}{n}"] = {"h": check(text), "sub": diff} if diff else {"h": check(text), "raw": 1}


# --- values no layout knows ------------------------------------------------------------------

# The field of a custom section's entry that heads it, when it has one.
_HEAD_KEYS = ("name", "title", "organization", "institution", "company", "event", "author")


def _shows(value: object) -> bool:
    """A value :func:`_generic` puts on the page: text that shows something, a number, a truth value."""
    return isinstance(value, (bool, int, float)) or (isinstance(value, str) and clean(value) != "")


def _custom(body: _Body, key: str, value: object) -> None:
    """A section of the résumé's own (``speaking``, ``peerFeedback``): a heading from its key, then its values."""
    where = pointer(key)
    title = humanize(key) or key
    body.para("heading 1", body.run(title), text=title, bookmark=f"_cvx_{len(body.generic)}")
    body.generic.append([])
    if isinstance(value, list):
        for index, item in enumerate(value):
            here = where + pointer(index)
            if isinstance(item, dict):
                head = next((k for k in _HEAD_KEYS if _shows(item.get(k))), None)
                if head is not None:
                    body.generic_para("heading 2", body.value(item[head], here + pointer(head)), str(item[head]))
                for field, sub in item.items():
                    if field != head and not field.startswith("x-"):
                        _generic(body, sub, here + pointer(field), humanize(field), "Normal")
            elif _shows(item):
                body.generic_para("List Bullet", body.value(item, here), str(item))
            else:
                _generic(body, item, here, "", "Normal")
    else:
        _generic(body, value, where, "", "Normal")


def _generic(body: _Body, value: object, where: str, label: str, style: str) -> None:
    """Show a value no layout knows: "Label: value" lines, a list of plain values on one line,
    an object field by field ("Label › Field: value"). Empty values and ``x-`` fields are not shown."""
    prefix = body.run(i18n.label(label, body.code), italic=True) if label else ""
    if _shows(value):
        body.generic_para(style, prefix + body.value(value, where), str(value))  # type: ignore[arg-type]
    elif isinstance(value, list):
        if all(not isinstance(v, (list, dict)) for v in value):
            runs = [
                body.value(
                    v,
                    where + pointer(n),
                )
                for n, v in enumerate(value)
                if _shows(v)
            ]
            if runs:
                body.generic_para(style, prefix + body.sep(" · ").join(runs), label)
        else:
            for n, item in enumerate(value):
                _generic(body, item, where + pointer(n), f"{label} {n + 1}".strip(), style)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not key.startswith("x-"):
                name = humanize(key)
                _generic(body, item, where + pointer(key), f"{label} › {name}" if label else name, style)
