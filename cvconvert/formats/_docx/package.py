"""The package around document.xml: the built-in template or a user's, prepared once and cached.

Everything but the few parts that change per résumé (document.xml, its relationships, the core
properties and our data part) is compressed once per template, page size and language, and each
DOCX is written by copying those compressed bytes into a new zip. Word's own parts (styles,
numbering, settings, headers of a user's template) are kept as they are; styles the CV needs and
the template lacks are added.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from cvconvert._deps import requires_extra
from cvconvert._input import open_zip, parse_xml, read_member
from cvconvert.errors import InvalidInputError, OptionError
from cvconvert.formats._docx import i18n
from cvconvert.formats._docx.layout import FIELD_STYLES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
DATA_NS = "urn:cvconvert:docx:1"
REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
REL_HYPERLINK = REL_TYPES + "hyperlink"
REL_CUSTOM_XML = REL_TYPES + "customXml"
MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_W = f"{{{W}}}"

PAGES = {"A4": (11906, 16838), "LETTER": (12240, 15840)}
# 1.5 cm top and 1.8 cm side margins on A4, 0.6 and 0.7 inch on Letter: room for a two-page CV without looking cramped.
MARGINS = {"A4": (851, 1021), "LETTER": (864, 1008)}

PARAGRAPH_ROLES = ("Title", "Subtitle", "heading 1", "heading 2", "List Bullet", "CV Contact", "CV Details", "CV Item")


@dataclass(frozen=True)
class Member:
    """A zip member compressed once: name, deflated bytes, CRC and inflated size."""

    name: str
    data: bytes
    crc: int
    size: int


def deflate(name: str, data: bytes, level: int = 6) -> Member:
    """Compress one member's bytes (raw deflate, as zip stores them)."""
    comp = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Member(name, comp.compress(data) + comp.flush(), zlib.crc32(data), len(data))


# DOS date 1980-01-01 00:00: a fixed stamp keeps the output the same for the same résumé.
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1


def build_zip(members: list[Member]) -> bytes:
    """A zip file of already deflated members (what zipfile would write, without recompressing)."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
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
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(out) + directory + end


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
    """The template's own relationships of document.xml, kept."""
    data_part: str
    """Where our data part goes, e.g. ``customXml/item2.xml``."""
    lang: i18n.Language


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
        try:
            stat = path.stat()
        except OSError as exc:
            raise OptionError(f"template {template}: {exc.strerror or exc}") from None
        key = (str(path.resolve()), stat.st_mtime, stat.st_size, size_key, lang.tag)
    found = _cache.get(key)
    if found is None:
        if key[0]:
            try:
                members = _template_members(Path(key[0]).read_bytes())
            except InvalidInputError as exc:
                raise OptionError(f"template {template}: {exc.reason}") from None
        else:
            members = base_members()
        found = _prepare(members, size_key or None, lang)
        if len(_cache) > 32:
            _cache.clear()
        _cache[key] = found
    return found


def _template_members(data: bytes) -> dict[str, bytes]:
    package = open_zip(data, "Word template")
    names = package.namelist()
    if "word/document.xml" not in names:
        raise InvalidInputError("not a Word document or template (no word/document.xml)")
    return {name: read_member(package, name) for name in names if not name.endswith("/")}


def _prepare(members: dict[str, bytes], page: str | None, lang: i18n.Language) -> Prepared:
    with requires_extra("docx"):
        from lxml import etree

    members = dict(members)
    document = parse_xml(
        members.pop("word/document.xml", b"") or members.pop("_document", _BASE_DOCUMENT.encode()),
        "template document.xml",
    )
    rels_root = parse_xml(members.pop("word/_rels/document.xml.rels", _EMPTY_RELS), "template relationships")
    # Parts written per résumé do not come from the template.
    for name in ("docProps/core.xml", "docProps/app.xml", "_document"):
        members.pop(name, None)

    # Relationships of the template's body content (hyperlinks, pictures) go with that content.
    kept: list[str] = []
    for rel in rels_root:
        rel_type = rel.get("Type", "")
        target = rel.get("Target", "")
        if rel_type == REL_HYPERLINK or (rel_type == REL_CUSTOM_XML and _is_our_data(members, target)):
            if rel_type == REL_CUSTOM_XML:
                members.pop("customXml/" + target.rsplit("/", 1)[-1], None)
            continue
        kept.append(etree.tostring(rel, encoding="unicode"))

    styles_name = "word/styles.xml"
    styles = parse_xml(members.get(styles_name, _EMPTY_STYLES), "template styles.xml")
    numbering = members.get("word/numbering.xml")
    style_ids, numbering = _ensure_styles(styles, numbering, lang)
    members[styles_name] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
    if numbering is not None:
        if "word/numbering.xml" not in members:
            kept.append(f'<Relationship Id="rIdCvNumbering" Type="{REL_TYPES}numbering" Target="numbering.xml"/>')
        members["word/numbering.xml"] = numbering
    if not any(f"{REL_TYPES}styles" in r for r in kept):
        kept.append(f'<Relationship Id="rIdCvStyles" Type="{REL_TYPES}styles" Target="styles.xml"/>')

    sect_pr, width = _section(document, page)
    index = 1
    while f"customXml/item{index}.xml" in members:
        index += 1
    data_part = f"customXml/item{index}.xml"
    members[f"customXml/itemProps{index}.xml"] = _ITEM_PROPS.encode()
    members[f"customXml/_rels/item{index}.xml.rels"] = _ITEM_RELS.format(n=index).encode()
    for name in [n for n in members if n.startswith("docProps/thumbnail")]:
        del members[name]
    present = {"/" + name for name in members} | {"/word/document.xml", "/docProps/core.xml", "/docProps/app.xml"}
    members["[Content_Types].xml"] = _content_types(members.get("[Content_Types].xml", b""), index, present)
    members["_rels/.rels"] = _PACKAGE_RELS.encode()
    members["docProps/app.xml"] = _APP.encode()
    order = sorted(members, key=lambda n: (n != "[Content_Types].xml", n != "_rels/.rels", n))
    return Prepared(
        constant=tuple(deflate(n, members[n]) for n in order),
        styles=style_ids,
        sect_pr=sect_pr,
        text_width=width,
        rels="".join(kept),
        data_part=data_part,
        lang=lang,
    )


def _is_our_data(members: dict[str, bytes], target: str) -> bool:
    part = members.get("customXml/" + target.rsplit("/", 1)[-1], b"")
    return DATA_NS.encode() in part[:400]


def _section(document: object, page: str | None) -> tuple[str, int]:
    from lxml import etree

    body = document.find(_W + "body")  # type: ignore[attr-defined]  # an lxml element
    sect = body.find(_W + "sectPr") if body is not None else None
    if sect is None:
        sect = etree.fromstring(_base_sect_pr(page or "A4"))
    elif page:
        size = sect.find(_W + "pgSz")
        if size is None:
            size = etree.SubElement(sect, _W + "pgSz")
        w, h = PAGES[page]
        size.set(_W + "w", str(w))
        size.set(_W + "h", str(h))
        size.attrib.pop(_W + "orient", None)
    size = sect.find(_W + "pgSz")
    margins = sect.find(_W + "pgMar")
    width = int(size.get(_W + "w", "11906")) if size is not None else 11906
    left = int(margins.get(_W + "left", "1134")) if margins is not None else 1134
    right = int(margins.get(_W + "right", "1134")) if margins is not None else 1134
    return etree.tostring(sect, encoding="unicode"), max(width - left - right, 1440)


def _ensure_styles(styles: object, numbering: bytes | None, lang: i18n.Language) -> tuple[dict[str, str], bytes | None]:
    """Resolve the ids of the styles the CV uses; add the missing ones (and a bullet list for them)."""
    from lxml import etree

    root = styles
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for style in root.iter(_W + "style"):  # type: ignore[attr-defined]
        sid = style.get(_W + "styleId", "")
        taken.add(sid)
        name = style.find(_W + "name")
        if name is not None:
            ids.setdefault(name.get(_W + "val", ""), sid)
    # Word spells the built-in heading names in lower case; some tools capitalise them.
    for level in ("1", "2"):
        if f"heading {level}" not in ids and f"Heading {level}" in ids:
            ids[f"heading {level}"] = ids[f"Heading {level}"]
    needed = (*PARAGRAPH_ROLES, "Hyperlink", *FIELD_STYLES.values())
    num_id: str | None = None
    for name in needed:
        if name in ids:
            continue
        definition = _STYLE_DEFINITIONS[name]
        sid = style_id(name)
        if sid in taken:
            sid = "Cv" + sid
        if name == "List Bullet":
            numbering, num_id = _add_bullet_numbering(numbering)
            definition = definition.replace('w:numId w:val="1"', f'w:numId w:val="{num_id}"')
        element = etree.fromstring(f'<w:style xmlns:w="{W}" {definition.format(id=sid)}</w:style>')
        root.append(element)  # type: ignore[attr-defined]
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


def _add_bullet_numbering(numbering: bytes | None) -> tuple[bytes, str]:
    from lxml import etree

    root = parse_xml(numbering, "template numbering.xml") if numbering else etree.fromstring(_EMPTY_NUMBERING)
    abstract_ids = [int(a.get(_W + "abstractNumId", "0")) for a in root.iter(_W + "abstractNum")]
    num_ids = [int(n.get(_W + "numId", "0")) for n in root.iter(_W + "num")]
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


def _content_types(data: bytes, index: int, present: set[str]) -> bytes:
    from lxml import etree

    root = parse_xml(data, "[Content_Types].xml") if data else etree.fromstring(f'<Types xmlns="{CT}"/>')
    overrides = {o.get("PartName"): o for o in root.iter(f"{{{CT}}}Override")}
    defaults = {d.get("Extension", "").lower() for d in root.iter(f"{{{CT}}}Default")}
    for ext, kind in (("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml")):
        if ext not in defaults:
            root.insert(0, etree.fromstring(f'<Default xmlns="{CT}" Extension="{ext}" ContentType="{kind}"/>'))
    wanted = {
        "/word/document.xml": MAIN_DOCUMENT,
        "/word/styles.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "/word/numbering.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
        "/word/settings.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        "/word/fontTable.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        f"/customXml/itemProps{index}.xml": "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
    }
    for part, kind in wanted.items():
        if part not in present:
            continue  # an override must name a part the package holds
        if part in overrides:
            overrides[part].set("ContentType", kind)  # a .dotx says "template.main+xml"
        else:
            root.append(etree.fromstring(f'<Override xmlns="{CT}" PartName="{part}" ContentType="{kind}"/>'))
    for part, element in overrides.items():
        if part and part not in present:
            root.remove(element)  # the thumbnail and other parts that are not carried over
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


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


_EMPTY_RELS = f'<Relationships xmlns="{PKG_REL}"/>'.encode()
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
_BASE_DOCUMENT = f'<w:document xmlns:w="{W}"><w:body/></w:document>'
_BASE_RELS = (
    f'<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL_TYPES}styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{REL_TYPES}numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{REL_TYPES}settings" Target="settings.xml"/>'
    f'<Relationship Id="rId4" Type="{REL_TYPES}fontTable" Target="fontTable.xml"/>'
    "</Relationships>"
)
_PACKAGE_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL_TYPES}officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{REL_TYPES}extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>cvconvert</Application></Properties>"
)
_ITEM_PROPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    '<ds:datastoreItem ds:itemID="{6C7E5A52-2D0B-4A43-9C4E-63766F6E7631}" '
    'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
    f'<ds:schemaRefs><ds:schemaRef ds:uri="{DATA_NS}"/></ds:schemaRefs></ds:datastoreItem>'
)
_ITEM_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL_TYPES}customXmlProps" Target="itemProps{{n}}.xml"/></Relationships>'
)
_SETTINGS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W}">'
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
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
