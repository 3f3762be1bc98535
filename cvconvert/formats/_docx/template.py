"""A user's Word template is untrusted (a recruiter's .dotx, a .dotm found online): only its look
is taken, by an allow-list (:func:`_take`): styles, numbering, theme, font table, the settings that
shape pages and text, and the text of headers and footers. Everything else (macros, external
targets, fields other than PAGE and NUMPAGES, custom XML, glossary, pictures, embedded objects,
unknown parts) stays behind, and :class:`_Dropped` says what did. :mod:`.package` builds our
package from what is taken here.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from cvconvert._input import open_zip, parse_xml, read_member
from cvconvert.errors import InvalidInputError
from cvconvert.namespaces import (
    CVCONVERT_DOCX,
    PACKAGE_RELS,
    R_STRICT,
    REL_TYPES,
    A,
    M,
    R,
    W,
)

_W = f"{{{W}}}"


class _Package(Mapping[str, bytes]):
    """A template's members, each inflated only when asked for: dropped parts never are."""

    def __init__(self, package: zipfile.ZipFile) -> None:
        self._package = package
        self._names = [name for name in package.namelist() if not name.endswith("/")]
        self._known = set(self._names)

    def __getitem__(self, name: str) -> bytes:
        if name not in self._known:
            raise KeyError(name)
        return read_member(self._package, name)

    def __contains__(self, name: object) -> bool:
        return name in self._known

    def head(self, name: str) -> bytes:
        """The first bytes of a member, without inflating the rest ('' if it is damaged)."""
        try:
            with self._package.open(name) as handle:
                return handle.read(600)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError, RuntimeError):
            return b""

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _template_members(data: bytes) -> Mapping[str, bytes]:
    package = open_zip(data, "Word template")
    if "word/document.xml" not in package.namelist():
        raise InvalidInputError("not a Word document or template (no word/document.xml)")
    return _Package(package)


# --- what a template may give: an allow-list --------------------------------------------------

# What a template can lose, and why, in the order the report lists them.
_WHY = {
    "macros": "code Word could run",
    "external references": "Word could fetch them when the CV is opened",
    "fields": "only PAGE and NUMPAGES are kept; the text the others showed stays, as text",
    "settings": "only settings that shape pages and text are kept",
    "header and footer content": "only their text, tables and page numbers are kept",
    "pictures and embedded objects": "only the text of headers and footers is kept",
    "embedded fonts": "only font names are kept",
    "custom XML": "the template's data, not its look",
    "glossary": "building blocks are not part of the look",
    "parts": "not part of the look",
}


class _Dropped:
    """What a template lost, by kind: one report note per kind, naming up to six things."""

    def __init__(self) -> None:
        self.found: dict[str, dict[str, None]] = {}

    def add(self, kind: str, what: str) -> None:
        # The names come from the template: keep them printable and short in a one-line note.
        shown = re.sub(r"[^\w./()\-\[\]]", "?", what) or "?"
        self.found.setdefault(kind, {})[shown if len(shown) <= 60 else shown[:57] + "..."] = None

    def notes(self) -> tuple[str, ...]:
        out = []
        for kind, why in _WHY.items():
            names = list(self.found.get(kind, ()))
            if names:
                more = f" and {len(names) - 6} more" if len(names) > 6 else ""
                out.append(f"dropped {kind}: {', '.join(names[:6])}{more} ({why})")
        return tuple(out)


@dataclass
class _Part:
    """A part taken from a template: its relationship type (``styles``), id in our package, tree."""

    kind: str
    rid: str
    root: Any


# The relationships of document.xml whose parts make a template's look, and the name each part
# gets in our package (headers and footers are numbered as they come). Any other type is dropped.
_LOOK = {
    "styles": "word/styles.xml",
    "numbering": "word/numbering.xml",
    "settings": "word/settings.xml",
    "fontTable": "word/fontTable.xml",
    "theme": "word/theme/theme1.xml",
    "header": "word/header{n}.xml",
    "footer": "word/footer{n}.xml",
}
_ROOTS = {
    "styles": _W + "styles",
    "numbering": _W + "numbering",
    "settings": _W + "settings",
    "fontTable": _W + "fonts",
    "theme": f"{{{A}}}theme",
    "header": _W + "hdr",
    "footer": _W + "ftr",
}
# Replaced by our own or read for the page setup only: gone without a note.
_REPLACED = frozenset(
    {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "docProps/core.xml", "docProps/app.xml", "_document"}
)


def _take(members: Mapping[str, bytes], dropped: _Dropped) -> tuple[dict[str, _Part], dict[str, str], Any]:
    """The template's look: its parts cleaned, under our names; header and footer ids renamed
    (old -> new); and its document.xml, for the page setup. Everything else goes to ``dropped``."""
    document = parse_xml(
        members.get("word/document.xml") or members.get("_document") or _BASE_DOCUMENT.encode(),
        "template document.xml",
    )
    body = document.find(_W + "body")
    sect = body.find(_W + "sectPr") if body is not None else None
    in_section = {ref.get(f"{{{R}}}id") for ref in (sect if sect is not None else ()) if ref.tag in _HEADER_REFS}
    _note_external(members, dropped)

    parts: dict[str, _Part] = {}
    renamed: dict[str, str] = {}
    taken = set(_REPLACED)
    counts = {"header": 0, "footer": 0}
    rels = parse_xml(members.get("word/_rels/document.xml.rels", _EMPTY_RELS), "template relationships")
    for rel in rels.iter(f"{{{PACKAGE_RELS}}}Relationship"):
        kind = rel.get("Type", "").removeprefix(REL_TYPES)
        source = _internal_target(rel)
        if kind not in _LOOK or source is None or source not in members or source in taken:
            continue
        if kind in counts:
            if rel.get("Id") not in in_section:
                continue  # a header of an earlier section: the CV has one section
            counts[kind] += 1
            name, rid = _LOOK[kind].format(n=counts[kind]), f"rIdCv{kind.title()}{counts[kind]}"
        else:
            name, rid = _LOOK[kind], f"rIdCv{kind[0].upper()}{kind[1:]}"
            if name in parts:
                continue  # a second styles part: Word reads one
        root = parse_xml(members[source], f"template {source}")
        if root.tag != _ROOTS[kind]:
            continue  # not what its relationship says: dropped, and named as a part below
        _clean(kind, root, dropped)
        parts[name] = _Part(kind, rid, root)
        taken.add(source)
        if kind in counts:
            renamed[rel.get("Id", "")] = rid
    for name in members:
        if name in taken or name.endswith(".rels") or name.startswith("docProps/thumbnail"):
            continue
        if name.startswith("customXml/") and CVCONVERT_DOCX.encode() in _head(members, name):
            continue  # our own data part, in a CV written by cvconvert and used as a template
        dropped.add(_kind_of(name), name)
    return parts, renamed, document


def _internal_target(rel: Any) -> str | None:
    """The member a relationship of document.xml points at; None if it points outside the package."""
    if rel.get("TargetMode", "Internal") != "Internal":
        return None
    target = rel.get("Target", "")
    path = posixpath.normpath(target[1:] if target.startswith("/") else "word/" + target)
    return None if path.startswith(("..", "/")) else path


def _note_external(members: Mapping[str, bytes], dropped: _Dropped) -> None:
    """Name every external relationship of the template: none is carried (only ours are written)."""
    for name in members:
        if not name.endswith(".rels"):
            continue
        try:
            root = parse_xml(members[name], f"template {name}")
        except InvalidInputError:
            continue  # damaged relationships of a part that is dropped anyway
        for rel in root.iter(f"{{{PACKAGE_RELS}}}Relationship"):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if rel.get("TargetMode", "Internal") == "Internal":
                continue
            if name == "word/_rels/document.xml.rels" and kind == "hyperlink":
                continue  # links in the template's body text, which is never used
            dropped.add("external references", kind)


def _head(members: Mapping[str, bytes], name: str) -> bytes:
    return members.head(name) if isinstance(members, _Package) else members[name][:600]


_PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg")


def _kind_of(name: str) -> str:
    """What kind of thing a dropped part is, for the report."""
    low = "/" + name.lower()
    if "vba" in low:
        return "macros"
    if low.startswith("/customxml/"):
        return "custom XML"
    if "/glossary/" in low:
        return "glossary"
    if "/fonts/" in low or low.endswith((".odttf", ".ttf", ".otf")):
        return "embedded fonts"
    if any(f"/{d}/" in low for d in ("media", "embeddings", "activex")) or low.endswith(_PICTURES):
        return "pictures and embedded objects"
    return "parts"


def _clean(kind: str, root: Any, dropped: _Dropped) -> None:
    """Keep only the look in a part taken from a template (its relationships are never taken)."""
    from lxml import etree

    if kind == "settings":
        _clean_settings(root, dropped)
    elif kind == "numbering":
        # Picture bullets are pictures from the numbering part's own relationships.
        pictures = [*root.iter(_W + "numPicBullet"), *root.iter(_W + "lvlPicBulletId")]
        for element in pictures:
            element.getparent().remove(element)
        if pictures:
            dropped.add("pictures and embedded objects", "picture bullets")
    elif kind == "fontTable":
        # Embedded fonts are parts of their own (reported by name); the font table keeps the names.
        for tag in ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic"):
            for element in list(root.iter(_W + tag)):
                element.getparent().remove(element)
    elif kind in ("header", "footer"):
        _clean_story(root, dropped)
        _clean_fields(root, dropped)
        for run in [r for r in root.iter(_W + "r") if all(c.tag == _W + "rPr" for c in r)]:
            run.getparent().remove(run)  # emptied: it held a picture or an object
        for container in [root, *root.iter(_W + "tc")]:
            if container.find(_W + "p") is None and container.find(_W + "tbl") is None:
                etree.SubElement(container, _W + "p")  # the schema wants a paragraph in each
    _strip_references(root)


def _strip_references(root: Any) -> None:
    """Remove every r:id, r:embed, r:link...: the relationships they named were not taken."""
    from lxml import etree

    prefixes = (f"{{{R}}}", f"{{{R_STRICT}}}")
    for element in root.iter(etree.Element):
        for name in [a for a in element.attrib if a.startswith(prefixes)]:
            del element.attrib[name]


def _split(tag: object) -> tuple[str, str]:
    """(namespace, local name) of an element's tag; ('', '') for a comment or instruction."""
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


# Settings that shape pages and text. The others point outside the document (attachedTemplate,
# mailMerge, saveThroughXslt, attachedSchema), act when it opens (updateFields, linkStyles,
# documentProtection), carry data (docVars) or are unknown: all are dropped.
_SETTINGS_KEPT = frozenset(
    {
        "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
        "gutterAtTop", "evenAndOddHeaders", "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit",
        "hyphenationZone", "doNotHyphenateCaps", "characterSpacingControl", "noPunctuationKerning",
        "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "compat", "themeFontLang",
        "clrSchemeMapping", "decimalSymbol", "listSeparator", "drawingGridHorizontalSpacing",
        "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
        "styleLockTheme", "styleLockQFSet", "bookFoldPrinting", "bookFoldRevPrinting", "bookFoldPrintingSheets",
        "printTwoOnOne", "defaultTableStyle",
    }
)  # fmt: skip
# Dropped without a note: editing state, the template file's identity, and settings of parts that
# are never taken (footnotes, drawings).
_SETTINGS_QUIET = frozenset(
    {
        "zoom", "view", "proofState", "rsids", "savePreviewPicture", "doNotAutoCompressPictures",
        "activeWritingStyle", "hideSpellingErrors", "hideGrammaticalErrors", "doNotDisplayPageBoundaries",
        "displayBackgroundShape", "removePersonalInformation", "removeDateAndTime", "stylePaneFormatFilter",
        "stylePaneSortMethod", "footnotePr", "endnotePr", "shapeDefaults", "hdrShapeDefaults", "docId",
        "chartTrackingRefBased", "defaultImageDpi", "discardImageEditingData", "conflictMode",
        "doNotValidateAgainstSchema", "doNotDemarcateInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    }
)  # fmt: skip


def _clean_settings(root: Any, dropped: _Dropped) -> None:
    for child in list(root):
        namespace, local = _split(child.tag)
        if (namespace == W and local in _SETTINGS_KEPT) or (namespace == M and local == "mathPr"):
            continue
        root.remove(child)
        if local and local not in _SETTINGS_QUIET:
            dropped.add("settings", local)


# A header or footer keeps text, tables, page numbers and formatting, by an allow-list of the
# elements of WordprocessingML (everything else, known or not, is dropped):
_STORY_KEPT = frozenset(
    {"hdr", "ftr", "p", "r", "tbl", "tr", "tc", "t", "tab", "br", "cr", "sym", "ptab", "noBreakHyphen",
     "softHyphen", "pgNum", "fldChar", "instrText", "fldSimple", "bookmarkStart", "bookmarkEnd"}
)  # fmt: skip
# formatting, kept whole (properties hold no references to other parts);
_STORY_FORMAT = frozenset({"pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr", "tblPrEx"})
# containers whose content is kept without them (a link's text stays, the link goes);
_STORY_UNWRAPPED = frozenset({"hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "ins", "moveTo", "dir", "bdo"})
# and what is dropped without a note: editing marks, deleted text, a content control's settings.
_STORY_QUIET = frozenset(
    {"proofErr", "lastRenderedPageBreak", "permStart", "permEnd", "del", "moveFrom", "moveFromRangeStart",
     "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "commentRangeStart", "commentRangeEnd", "sdtPr",
     "sdtEndPr", "customXmlPr", "smartTagPr"}
)  # fmt: skip
_HEADER_REFS = (_W + "headerReference", _W + "footerReference")


def _clean_story(parent: Any, dropped: _Dropped) -> None:
    """Keep a header's or footer's text (see the sets above); pictures, objects, fields but PAGE and
    NUMPAGES in simple form go (a dropped simple field leaves the text it showed)."""
    for child in list(parent):
        namespace, local = _split(child.tag)
        ours = namespace == W
        if ours and local in _STORY_FORMAT:
            continue
        if ours and local == "fldChar":
            del child[:]  # form-field data; the field itself is judged by _clean_fields
        elif ours and local == "fldSimple" and not _page_field(child.get(_W + "instr", "")):
            dropped.add("fields", _field_name(child.get(_W + "instr", "")))
            _unwrap(parent, child, dropped)
        elif ours and local in _STORY_KEPT:
            _clean_story(child, dropped)
        elif ours and local in _STORY_UNWRAPPED:
            _unwrap(parent, child, dropped)
        else:
            parent.remove(child)
            if local and not (ours and local in _STORY_QUIET):
                dropped.add("header and footer content", local)


def _unwrap(parent: Any, child: Any, dropped: _Dropped) -> None:
    _clean_story(child, dropped)
    for grandchild in list(child):
        child.addprevious(grandchild)  # not parent.index(): linear in a line of 100,000 links
    parent.remove(child)


def _page_field(code: str) -> bool:
    words = code.split()
    return bool(words) and words[0].upper() in ("PAGE", "NUMPAGES")


def _field_name(code: str) -> str:
    words = code.split()
    return re.sub(r"[^A-Za-z0-9=]", "", words[0])[:20].upper() if words else "(empty)"


@dataclass
class _Field:
    """A complex field as it is read: its code, and the elements that make it (marks)."""

    in_code: bool
    """It sits in another field's code: part of that code, never shown."""
    code: list[str] = field(default_factory=list)
    separated: bool = False
    nested: bool = False
    """Another field sits in its code (``{ IF { PAGE } ... }``): the code is not a plain PAGE."""
    marks: list[Any] = field(default_factory=list)


def _clean_fields(root: Any, dropped: _Dropped) -> None:
    """Remove complex fields other than PAGE and NUMPAGES; the text they showed stays.

    A complex field is runs: ``fldChar begin``, ``instrText`` (its code), ``fldChar separate``, the
    runs it shows, ``fldChar end``, possibly across paragraphs, and fields nest. Everything in a
    dropped field's code goes (fields nested there too); what it showed stays, as plain text.
    """
    stack: list[_Field] = []
    fields: list[_Field] = []
    in_code = 0  # fields on the stack still reading their code
    gone: list[Any] = []
    for run in root.iter(_W + "r"):
        for piece in run:
            if piece.tag == _W + "rPr":
                continue
            if piece.tag == _W + "fldChar":
                kind = piece.get(_W + "fldCharType")
                if kind == "begin":
                    if stack and not stack[-1].separated:
                        stack[-1].nested = True
                    stack.append(_Field(in_code=in_code > 0, marks=[piece]))
                    fields.append(stack[-1])
                    in_code += 1
                elif kind == "separate" and stack and not stack[-1].separated:
                    stack[-1].separated = True
                    stack[-1].marks.append(piece)
                    in_code -= 1
                elif kind == "end" and stack:
                    top = stack.pop()
                    top.marks.append(piece)
                    in_code -= 0 if top.separated else 1
                else:
                    gone.append(piece)  # a mark outside any field
            elif piece.tag == _W + "instrText" and stack and not stack[-1].separated:
                stack[-1].code.append(piece.text or "")
                stack[-1].marks.append(piece)
            elif in_code or piece.tag == _W + "instrText":
                gone.append(piece)  # text inside a field's code is never shown
    for found in fields:
        code = "".join(found.code)
        if found.in_code or found.nested or not _page_field(code):
            dropped.add("fields", _field_name(code))
            gone += found.marks
    for piece in gone:
        run = piece.getparent()
        run.remove(piece)
        holder = run.getparent()
        if holder is not None and all(child.tag == _W + "rPr" for child in run):
            holder.remove(run)


_EMPTY_RELS = f'<Relationships xmlns="{PACKAGE_RELS}"/>'.encode()
_BASE_DOCUMENT = f'<w:document xmlns:w="{W}"><w:body/></w:document>'
