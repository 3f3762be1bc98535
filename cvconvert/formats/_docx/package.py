"""The package around document.xml: the built-in template or a user's, prepared once and cached.

Everything but the few parts that change per résumé (document.xml, its relationships, the core
properties and our data part) is compressed once per template, page size and language, and each
DOCX is written by copying those compressed bytes into a new zip.

A user's template is untrusted: only its look is taken, by the allow-list of :mod:`.template`,
and :attr:`Prepared.dropped` says what stayed behind. Its page setup is kept here (page size,
margins, columns), and styles the CV needs and the template lacks are added.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cvconvert._deps import requires_extra
from cvconvert._input import parse_xml, template_stat
from cvconvert.errors import InvalidInputError, OptionError
from cvconvert.formats._docx import i18n
from cvconvert.formats._docx.layout import FIELD_STYLES
from cvconvert.formats._docx.template import (
    _BASE_DOCUMENT,
    _HEADER_REFS,
    _Dropped,
    _split,
    _strip_references,
    _take,
    _template_members,
)
from cvconvert.namespaces import (
    CONTENT_TYPES,
    CUSTOM_XML_PROPERTIES,
    CVCONVERT_DOCX,
    EXTENDED_PROPERTIES,
    PACKAGE_RELS,
    REL_CORE_PROPERTIES,
    REL_TYPES,
    WORD_COMPAT,
    R,
    W,
)

MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_W = f"{{{W}}}"

PAGES = {"A4": (11906, 16838), "LETTER": (12240, 15840)}
# 1.5 cm top and 1.8 cm side margins on A4, 0.6 and 0.7 inch on Letter: room for a two-page CV without looking cramped.
MARGINS = {"A4": (851, 1021), "LETTER": (864, 1008)}

RUNNING_HEADER, RUNNING_RID = "word/header1.xml", "rIdCvRunningHeader"
PARAGRAPH_ROLES = ("Title", "Subtitle", "heading 1", "heading 2", "List Bullet", "CV Contact", "CV Details", "CV Item")


@dataclass(frozen=True)
class Member:
    """A zip member compressed once: name, deflated bytes, CRC and inflated size."""

    name: str
    data: bytes
    crc: int
    size: int


# The parts written for each résumé are deflated at level 3: within 10% of level 6's size and
# three times faster (0.06 against 0.15 ms for a CV's document.xml; a batch writes thousands).
# The template's parts are compressed once per template, at level 6.
PER_RESUME_LEVEL = 3


def deflate(name: str, data: bytes, level: int = PER_RESUME_LEVEL) -> Member:
    """Compress one member's bytes (raw deflate, as zip stores them)."""
    if len(data) < _SMALL:
        # zlib's set-up for its full 32 KiB window and 64 KiB hash table costs more than a small
        # part's compression (some 50 µs against 5 for the core properties): a small part gets a
        # window that holds all of it (no match is lost) and a smaller table, for the same size.
        comp = zlib.compressobj(level, zlib.DEFLATED, -max(9, (len(data) + 262).bit_length()), 6)
    else:
        comp = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Member(name, comp.compress(data) + comp.flush(), zlib.crc32(data), len(data))


_SMALL = 16_384
_repeated: dict[tuple[str, bytes], Member] = {}


def deflate_repeated(name: str, data: bytes) -> Member:
    """:func:`deflate` for a part most résumés share byte for byte (the core properties, which
    hold only the language; the running header, which holds no text of the résumé): compressed
    once, kept while the same bytes come again (a few kinds at most: the cache stays small)."""
    key = (name, data)
    found = _repeated.get(key)
    if found is None:
        if len(_repeated) >= 64:
            _repeated.clear()
        found = _repeated[key] = deflate(name, data)
    return found


# DOS date 1980-01-01 00:00: a fixed stamp keeps the output the same for the same résumé.
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1


@dataclass(frozen=True)
class Packed:
    """Members laid out as the start of a zip file: their local records and central directory
    entries (a template's constant members are laid out once: they start every DOCX written)."""

    local: bytes = b""
    central: bytes = b""
    count: int = 0


def pack(members: tuple[Member, ...] | list[Member], start: Packed | None = None) -> Packed:
    """``members`` laid out after ``start`` (offsets counted from the start of the file)."""
    out: list[bytes] = [start.local] if start else []
    central: list[bytes] = [start.central] if start else []
    offset = len(start.local) if start else 0
    for m in members:
        name = m.name.encode("utf-8")
        head = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0x0800, 8, _DOS_TIME, _DOS_DATE, m.crc, len(m.data), m.size, len(name), 0
        )
        out += (head, name, m.data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0x0800,
                8,
                _DOS_TIME,
                _DOS_DATE,
                m.crc,
                len(m.data),
                m.size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
        offset += len(head) + len(name) + len(m.data)
    return Packed(b"".join(out), b"".join(central), (start.count if start else 0) + len(members))


def build_zip(members: list[Member], start: Packed | None = None) -> bytes:
    """A zip file of already deflated members (what zipfile would write, without recompressing),
    after the members ``start`` laid out."""
    done = pack(members, start)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, done.count, done.count, len(done.central), len(done.local), 0)
    return done.local + done.central + end


@dataclass(frozen=True)
class Prepared:
    """A template ready for writing: constant members compressed, style ids resolved."""

    constant: tuple[Member, ...]
    styles: dict[str, str]
    """Style name ("heading 1", "CV Position") -> style id in this template."""
    sect_pr: str
    text_width: int
    """Twips between the margins: where the right-aligned tab stop goes."""
    rels: str
    """The relationships of document.xml to the parts taken from the template."""
    data_part: str
    """Where our data part goes, e.g. ``customXml/item1.xml``."""
    lang: i18n.Language
    running_header: str | None = None
    """Where the running header goes (written per résumé: it holds the name), or None when the
    template has headers of its own."""
    constant_plain: tuple[Member, ...] = ()
    """:attr:`constant` for a package without our data part (``embed=False``)."""
    dropped: tuple[str, ...] = ()
    """What the template lost, one message per kind (``dropped macros: word/vbaProject.bin (...)``).
    Kept here, not reported once: the writer reports it on every call, cached or not."""
    looks: dict[tuple[str | None, bool, bool, bool, bool, bool], str] = field(default_factory=dict, compare=False)
    """The writer's run properties by (field, strong, italic, small, CJK, right-to-left): the same
    for every résumé written with this template and language, made once."""
    separators: dict[str, str] = field(default_factory=dict, compare=False)
    """The writer's runs of separators (``" · "``) by text, made once likewise."""
    styles_json: str = ""
    """:attr:`styles` as the data part holds it (JSON)."""
    packed: Packed = Packed()
    """:attr:`constant` laid out as the start of the zip file."""
    packed_plain: Packed = Packed()
    """:attr:`constant_plain` likewise."""


_cache: dict[tuple[str, float, int, str, str], Prepared] = {}


def prepared(template: str | Path | None, page: str | None, lang: i18n.Language) -> Prepared:
    """The prepared template for these options (cached); OptionError for a bad page or template."""
    size_key = (page or "").upper()
    if size_key and size_key not in PAGES:
        raise OptionError(f"unknown page size {page!r} (A4 or Letter)")
    if template is None or str(template) == "":
        key: tuple[str, float, int, str, str] = ("", 0.0, 0, size_key or "A4", lang.tag)
    else:
        path = Path(template)
        info = template_stat(path)
        key = (str(path.resolve()), info.st_mtime, info.st_size, size_key, lang.tag)
    found = _cache.get(key)
    if found is None:
        try:
            members = _template_members(Path(key[0]).read_bytes()) if key[0] else base_members()
            found = _prepare(members, size_key or None, lang)
        except InvalidInputError as exc:
            raise OptionError(f"template {template}: {exc.reason}") from None
        except OSError as exc:
            raise OptionError(f"template {template}: {exc.strerror or exc}") from None
        if len(_cache) > 32:
            _cache.clear()
        _cache[key] = found
    return found


def _prepare(members: Mapping[str, bytes], page: str | None, lang: i18n.Language) -> Prepared:
    with requires_extra("docx"):
        from lxml import etree

    dropped = _Dropped()
    parts, renamed, document = _take(members, dropped)
    styles = parts.pop("word/styles.xml", None)
    styles_root = styles.root if styles is not None else etree.fromstring(_EMPTY_STYLES)
    numbering = parts.pop("word/numbering.xml", None)
    style_ids, numbering_xml = _ensure_styles(
        styles_root, _xml(numbering.root) if numbering is not None else None, lang
    )
    out: dict[str, tuple[str, str, bytes]] = {"word/styles.xml": ("styles", "rIdCvStyles", _xml(styles_root))}
    if numbering_xml is not None:
        out["word/numbering.xml"] = ("numbering", "rIdCvNumbering", numbering_xml)
    out.update({name: (part.kind, part.rid, _xml(part.root)) for name, part in parts.items()})

    # Pages after the first carry the name and "page N of M" in a header of ours, unless the
    # template brings its own headers (its look wins).
    running = None if any(kind == "header" for kind, _, _ in out.values()) else RUNNING_HEADER
    sect_pr, width = _section(document, page, renamed, running=running is not None, rtl=lang.rtl)
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{REL_TYPES}{kind}" Target="{name.removeprefix("word/")}"/>'
        for name, (kind, rid, _) in out.items()
    )
    kinds = {name: kind for name, (kind, _, _) in out.items()}
    if running is not None:
        rels += f'<Relationship Id="{RUNNING_RID}" Type="{REL_TYPES}header" Target="{running.removeprefix("word/")}"/>'
        kinds[running] = "header"
    # The template's custom XML never comes along, so our data part is always the first item.
    members_out = {name: data for name, (_, _, data) in out.items()}
    members_out["customXml/itemProps1.xml"] = _ITEM_PROPS.encode()
    members_out["customXml/_rels/item1.xml.rels"] = _ITEM_RELS.format(n=1).encode()
    members_out["[Content_Types].xml"] = _content_types(kinds)
    members_out["_rels/.rels"] = _PACKAGE_RELS.encode()
    members_out["docProps/app.xml"] = _APP.encode()
    order = sorted(members_out, key=lambda n: (n != "[Content_Types].xml", n != "_rels/.rels", n))
    constant = tuple(deflate(n, members_out[n], 6) for n in order)
    plain_types = deflate("[Content_Types].xml", _content_types(kinds, data=False), 6)
    plain = tuple(
        plain_types if m.name == "[Content_Types].xml" else m for m in constant if not m.name.startswith("customXml/")
    )
    return Prepared(
        constant=constant,
        constant_plain=plain,
        packed=pack(constant),
        packed_plain=pack(plain),
        styles=style_ids,
        sect_pr=sect_pr,
        text_width=width,
        rels=rels,
        data_part="customXml/item1.xml",
        lang=lang,
        running_header=running,
        dropped=dropped.notes(),
        styles_json=json.dumps(style_ids, ensure_ascii=True, separators=(",", ":")),
    )


def _xml(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


# What a section's properties keep: page size, margins, columns, borders, page numbering, and the
# links to its headers and footers (renamed). Printer settings (a binary part) and the rest go.
_SECTION_KEPT = frozenset(
    {"headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
     "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
     "textDirection", "bidi", "rtlGutter", "docGrid"}
)  # fmt: skip


def _twips(element: Any, name: str, default: int) -> int:
    # A template is untrusted: "12240.5", "" or "-1e99" is no width.
    value = element.get(_W + name, "") if element is not None else ""
    return int(value) if re.fullmatch(r"-?\d{1,7}", value) else default


# The children of w:sectPr in the order the schema wants them.
_SECTION_ORDER = {
    name: n
    for n, name in enumerate(
        ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
         "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
         "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
    )
}  # fmt: skip


def _put(sect: Any, element: Any) -> None:
    """Insert a child of w:sectPr where the schema's order puts it (replacing one of its name)."""
    local = _split(element.tag)[1]
    rank = _SECTION_ORDER[local]
    for child in list(sect):
        if child.tag == element.tag and local != "headerReference":
            sect.remove(child)
    for child in sect:
        if _SECTION_ORDER.get(_split(child.tag)[1], 99) > rank:
            child.addprevious(element)
            return
    sect.append(element)


def _section(
    document: Any, page: str | None, renamed: dict[str, str], *, running: bool = False, rtl: bool = False
) -> tuple[str, int]:
    from lxml import etree

    body = document.find(_W + "body")
    sect = body.find(_W + "sectPr") if body is not None else None
    if sect is None:
        sect = etree.fromstring(_base_sect_pr(page or "A4"))
    else:
        refs: list[tuple[Any, str]] = []
        for child in list(sect):
            namespace, local = _split(child.tag)
            if namespace != W or local not in _SECTION_KEPT:
                sect.remove(child)
            elif child.tag in _HEADER_REFS:
                rid = renamed.get(child.get(f"{{{R}}}id", ""))
                if rid is None:
                    sect.remove(child)  # a header that was not taken
                else:
                    refs.append((child, rid))
        _strip_references(sect)
        for ref, rid in refs:
            ref.set(f"{{{R}}}id", rid)
    if page:
        size = sect.find(_W + "pgSz")
        if size is None:
            size = etree.SubElement(sect, _W + "pgSz")
        w, h = PAGES[page]
        size.set(_W + "w", str(w))
        size.set(_W + "h", str(h))
        size.attrib.pop(_W + "orient", None)
    if running:
        # The running header on every page but the first (titlePg: the first has none of ours).
        # The prefix named here: lxml would otherwise take one from its process-wide registry
        # (openpyxl registers "r"), and the bytes would depend on what the process did before.
        reference = etree.Element(_W + "headerReference", nsmap={"r": R})
        reference.set(_W + "type", "default")
        reference.set(f"{{{R}}}id", RUNNING_RID)
        _put(sect, reference)
        _put(sect, etree.Element(_W + "titlePg"))
    if rtl:
        _put(sect, etree.Element(_W + "bidi"))  # the section runs right to left: columns, page numbers
    width = _twips(sect.find(_W + "pgSz"), "w", 11906)
    margins = sect.find(_W + "pgMar")
    left, right = _twips(margins, "left", 1134), _twips(margins, "right", 1134)
    return etree.tostring(sect, encoding="unicode"), max(width - left - right, 1440)


# A style id goes into document.xml as an attribute value: one from a template that could end the
# attribute (a quote, "<", "&") or is not text is treated as absent, and ours is added instead.
_SAFE_ID = re.compile(r"[^\"<>&\x00-\x1f]{1,253}")


def _ensure_styles(styles: Any, numbering: bytes | None, lang: i18n.Language) -> tuple[dict[str, str], bytes | None]:
    """Resolve the ids of the styles the CV uses; add the missing ones (and a bullet list for them)."""
    from lxml import etree

    root = styles
    ids: dict[str, str] = {}
    taken: set[str] = set()
    default = ""
    for style in root.iter(_W + "style"):
        sid = style.get(_W + "styleId", "")
        taken.add(sid)
        name = style.find(_W + "name")
        if _SAFE_ID.fullmatch(sid) is None:
            continue
        if name is not None:
            ids.setdefault(name.get(_W + "val", ""), sid)
        if style.get(_W + "type") == "paragraph" and style.get(_W + "default") in ("1", "true", "on"):
            default = default or sid
    # Word's default paragraph style is "Normal"; a template may lack the name but have a default.
    if "Normal" not in ids and default:
        ids["Normal"] = default
    # Word spells the built-in heading names in lower case; some tools capitalise them.
    for level in ("1", "2"):
        if f"heading {level}" not in ids and f"Heading {level}" in ids:
            ids[f"heading {level}"] = ids[f"Heading {level}"]
    needed = ("Normal", *PARAGRAPH_ROLES, "Hyperlink", *FIELD_STYLES.values())
    num_id: str | None = None
    for name in needed:
        if name in ids:
            continue
        definition = _STYLE_DEFINITIONS[name]
        sid = style_id(name)
        while sid in taken:
            sid = "Cv" + sid
        if name == "List Bullet":
            numbering, num_id = _add_bullet_numbering(numbering)
            definition = definition.replace('w:numId w:val="1"', f'w:numId w:val="{num_id}"')
        # Ours are based on Normal, whatever its id is here.
        definition = definition.replace('w:val="Normal"', f'w:val="{ids.get("Normal", "Normal")}"')
        element = etree.fromstring(f'<w:style xmlns:w="{W}" {definition.format(id=sid)}</w:style>')
        root.append(element)
        ids[name] = sid
        taken.add(sid)
    _set_language(root, lang)
    return ids, numbering


def _set_language(root: object, lang: i18n.Language) -> None:
    from lxml import etree

    defaults = root.find(_W + "docDefaults")  # type: ignore[attr-defined]
    if defaults is None:
        defaults = etree.Element(_W + "docDefaults")
        root.insert(0, defaults)  # type: ignore[attr-defined]
    rpr_default = defaults.find(_W + "rPrDefault")
    if rpr_default is None:
        rpr_default = etree.SubElement(defaults, _W + "rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(_W + "rPr")
    if rpr is None:
        rpr = etree.SubElement(rpr_default, _W + "rPr")
    fonts = rpr.find(_W + "rFonts")
    if fonts is None:
        fonts = etree.Element(_W + "rFonts")
        rpr.insert(0, fonts)
    fonts.attrib.pop(_W + "eastAsiaTheme", None)
    fonts.set(_W + "eastAsia", lang.east_asian_font)
    language = rpr.find(_W + "lang")
    if language is None:
        language = etree.SubElement(rpr, _W + "lang")
    language.set(_W + "val", lang.tag)
    language.set(_W + "eastAsia", lang.tag if lang.code in i18n.EAST_ASIAN_FONTS else "zh-CN")
    language.set(_W + "bidi", lang.tag if lang.rtl else "ar-SA")
    # Widow and orphan control: no paragraph leaves a lone line at the foot or head of a page.
    ppr_default = defaults.find(_W + "pPrDefault")
    if ppr_default is None:
        ppr_default = etree.SubElement(defaults, _W + "pPrDefault")
    ppr = ppr_default.find(_W + "pPr")
    if ppr is None:
        ppr = etree.SubElement(ppr_default, _W + "pPr")
    if ppr.find(_W + "widowControl") is None:
        ppr.insert(0, etree.Element(_W + "widowControl"))


def _add_bullet_numbering(numbering: bytes | None) -> tuple[bytes, str]:
    from lxml import etree

    root = parse_xml(numbering, "template numbering.xml") if numbering else etree.fromstring(_EMPTY_NUMBERING)
    abstract_ids = [_number(a.get(_W + "abstractNumId")) for a in root.iter(_W + "abstractNum")]
    num_ids = [_number(n.get(_W + "numId")) for n in root.iter(_W + "num")]
    abstract_id = str(max(abstract_ids, default=0) + 1)
    num_id = str(max(num_ids, default=0) + 1)
    abstract = etree.fromstring(_BULLET_ABSTRACT.format(abstract=abstract_id))
    # Every abstractNum must come before the first num (schema order).
    first_num = root.find(_W + "num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(etree.fromstring(_BULLET_NUM.format(num=num_id, abstract=abstract_id)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), num_id


def _number(value: str | None) -> int:
    # A template is untrusted: an id like "x" or "1e9999" is no number.
    return int(value) if value and re.fullmatch(r"\d{1,9}", value) else 0


_CONTENT_TYPES = {
    "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    "settings": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    "fontTable": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
}


def _content_types(parts: dict[str, str], *, data: bool = True) -> bytes:
    """[Content_Types].xml for our package: written anew, never the template's (a .dotm's says
    "macroEnabledTemplate" and lists its macros); ``parts`` maps each taken part to its kind."""
    overrides = {
        "/word/document.xml": MAIN_DOCUMENT,
        **{"/" + name: _CONTENT_TYPES[kind] for name, kind in parts.items()},
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        "/customXml/itemProps1.xml": "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
    }
    if not data:
        del overrides["/customXml/itemProps1.xml"]
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{CONTENT_TYPES}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in overrides.items())
        + "</Types>"
    ).encode()


def base_members() -> dict[str, bytes]:
    """The built-in template's parts: our styles, a bullet list, settings."""
    return {
        "word/styles.xml": _BASE_STYLES.encode(),
        "word/numbering.xml": _EMPTY_NUMBERING_WITH_BULLETS.encode(),
        "word/settings.xml": _SETTINGS.encode(),
        "word/fontTable.xml": _FONT_TABLE.encode(),
        "word/_rels/document.xml.rels": _BASE_RELS.encode(),
        "_document": _BASE_DOCUMENT.encode(),
    }


def _base_sect_pr(page: str) -> str:
    w, h = PAGES[page]
    tb, lr = MARGINS[page]
    return (
        f'<w:sectPr xmlns:w="{W}"><w:pgSz w:w="{w}" w:h="{h}"/>'
        f'<w:pgMar w:top="{tb}" w:right="{lr}" w:bottom="{tb}" w:left="{lr}" '
        'w:header="567" w:footer="567" w:gutter="0"/>'
        '<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )


_EMPTY_STYLES = f'<w:styles xmlns:w="{W}"/>'.encode()
_EMPTY_NUMBERING = f'<w:numbering xmlns:w="{W}"/>'
_BULLET_ABSTRACT = (
    f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{{abstract}}"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="340" w:hanging="227"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
    "</w:rPr></w:lvl></w:abstractNum>"
)
_BULLET_NUM = f'<w:num xmlns:w="{W}" w:numId="{{num}}"><w:abstractNumId w:val="{{abstract}}"/></w:num>'
_EMPTY_NUMBERING_WITH_BULLETS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
    + _BULLET_ABSTRACT.replace(f' xmlns:w="{W}"', "").format(abstract="0")
    + _BULLET_NUM.replace(f' xmlns:w="{W}"', "").format(num="1", abstract="0")
    + "</w:numbering>"
)
_BASE_RELS = (
    f'<Relationships xmlns="{PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{REL_TYPES}styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{REL_TYPES}numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{REL_TYPES}settings" Target="settings.xml"/>'
    f'<Relationship Id="rId4" Type="{REL_TYPES}fontTable" Target="fontTable.xml"/>'
    "</Relationships>"
)
_PACKAGE_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{REL_TYPES}officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{REL_CORE_PROPERTIES}" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{REL_TYPES}extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Properties xmlns="{EXTENDED_PROPERTIES}">'
    "<Application>cvconvert</Application></Properties>"
)
_ITEM_PROPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    '<ds:datastoreItem ds:itemID="{6C7E5A52-2D0B-4A43-9C4E-63766F6E7631}" '
    f'xmlns:ds="{CUSTOM_XML_PROPERTIES}">'
    f'<ds:schemaRefs><ds:schemaRef ds:uri="{CVCONVERT_DOCX}"/></ds:schemaRefs></ds:datastoreItem>'
)
_ITEM_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{REL_TYPES}customXmlProps" Target="itemProps{{n}}.xml"/></Relationships>'
)
_SETTINGS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W}">'
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="{WORD_COMPAT}" '
    'w:val="15"/></w:compat><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
)
_FONT_TABLE = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W}">'
    '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/>'
    '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="Microsoft YaHei"><w:charset w:val="86"/><w:family w:val="swiss"/>'
    '<w:pitch w:val="variable"/></w:font></w:fonts>'
)

# Colours: near-black text, a dark blue for the name, headings and links, grey for details.
_INK, _ACCENT, _MUTED = "1A1A1A", "1F3A5F", "555555"
_PARAGRAPH_STYLES = {
    "Normal": (
        'w:type="paragraph" w:default="1" w:styleId="{id}"><w:name w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="30"/></w:pPr>'
        f'<w:rPr><w:color w:val="{_INK}"/></w:rPr>'
    ),
    "Title": (
        'w:type="paragraph" w:styleId="{id}"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
        '<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="20" w:line="240" w:lineRule="auto"/><w:contextualSpacing/></w:pPr>'
        f'<w:rPr><w:b/><w:color w:val="{_ACCENT}"/><w:kern w:val="28"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr>'
    ),
    "Subtitle": (
        'w:type="paragraph" w:styleId="{id}"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/>'
        '<w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="40"/></w:pPr>'
        f'<w:rPr><w:color w:val="{_MUTED}"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'
    ),
    "CV Contact": (
        'w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="CV Contact"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="12"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="60"/><w:contextualSpacing/></w:pPr>'
        f'<w:rPr><w:color w:val="{_MUTED}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
    ),
    "heading 1": (
        'w:type="paragraph" w:styleId="{id}"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
        '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
        "<w:pPr><w:keepNext/><w:keepLines/>"
        f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="{_ACCENT}"/></w:pBdr>'
        '<w:spacing w:before="180" w:after="60"/><w:outlineLvl w:val="0"/></w:pPr>'
        f'<w:rPr><w:b/><w:caps/><w:color w:val="{_ACCENT}"/><w:spacing w:val="12"/>'
        '<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr>'
    ),
    "heading 2": (
        'w:type="paragraph" w:styleId="{id}"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
        '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>'
        '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="90" w:after="0"/><w:outlineLvl w:val="1"/></w:pPr>'
        f'<w:rPr><w:color w:val="{_INK}"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'
    ),
    "CV Details": (
        'w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="CV Details"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="12"/><w:qFormat/>'
        '<w:pPr><w:keepNext/><w:spacing w:after="20"/></w:pPr>'
        f'<w:rPr><w:i/><w:color w:val="{_MUTED}"/></w:rPr>'
    ),
    "CV Item": (
        'w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="CV Item"/>'
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="12"/><w:qFormat/>'
        '<w:pPr><w:keepLines/><w:spacing w:before="10" w:after="10"/></w:pPr>'
    ),
    "List Bullet": (
        'w:type="paragraph" w:styleId="{id}"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="10"/>'
        '<w:ind w:left="340" w:hanging="227"/></w:pPr>'
    ),
}
_CHARACTER_STYLES = {
    "Default Paragraph Font": (
        'w:type="character" w:default="1" w:styleId="{id}"><w:name w:val="Default Paragraph Font"/>'
        '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
    ),
    "Hyperlink": (
        'w:type="character" w:styleId="{id}"><w:name w:val="Hyperlink"/><w:uiPriority w:val="99"/>'
        f'<w:unhideWhenUsed/><w:rPr><w:color w:val="{_ACCENT}"/></w:rPr>'
    ),
}
_LINK_FIELDS = {"url", "email", "profile.url", "profile.network", "profile.username"}


def _field_style(key: str, name: str) -> str:
    # Tags that carry no formatting of their own, except links, which look like links.
    based = "Hyperlink" if key in _LINK_FIELDS else "DefaultParagraphFont"
    return (
        f'w:type="character" w:customStyle="1" w:styleId="{{id}}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="{based}"/><w:uiPriority w:val="20"/>'
    )


_STYLE_DEFINITIONS: dict[str, str] = {
    **_PARAGRAPH_STYLES,
    **_CHARACTER_STYLES,
    **{name: _field_style(key, name) for key, name in FIELD_STYLES.items()},
}


def style_id(name: str) -> str:
    """The id we give a style: its name without spaces (``heading 1`` -> ``Heading1``)."""
    return name.replace(" ", "").replace("heading", "Heading")


def _base_styles() -> str:
    out = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">',
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Microsoft YaHei" w:cs="Arial"/>'
        '<w:sz w:val="19"/><w:szCs w:val="19"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="0" w:line="247" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>',
    ]
    for name, definition in _STYLE_DEFINITIONS.items():
        out.append("<w:style " + definition.format(id=style_id(name)) + "</w:style>")
    out.append("</w:styles>")
    return "".join(out)


_BASE_STYLES = _base_styles()
