"""Where readers get their input: bytes decoded to text once, with the same checks for all."""

from __future__ import annotations

import codecs
import io
import zipfile
import zlib
from collections.abc import Iterable
from typing import Any

from cvconvert import limits
from cvconvert.errors import InvalidInputError, LimitExceededError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (or UTF-16/32 with a byte order mark); a BOM is dropped.

    Raises InvalidInputError for an empty input or bytes that are not text in that encoding.
    """
    if not data.strip():
        raise InvalidInputError("empty file" if not data else "file holds only white space")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"not {encoding.upper().replace('-SIG', '')} text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def check_depth(value: object) -> None:
    """Refuse JSON-like data nested deeper than the limit (walked without recursion).

    Deeper data would exhaust the recursion of the libraries that later walk it.
    """
    limit = limits.current().max_json_depth
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Iterable[object] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            raise LimitExceededError(f"data nested deeper than {limit} levels")
        stack.extend((child, depth + 1) for child in children)


def looks_like_text(data: bytes) -> bool:
    """Cheap check for sniffers: no NUL bytes early on and valid UTF-8 at the start."""
    head = data[:1024]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the 1024-byte window is still text.
        return exc.start >= len(head) - 3
    return True


# --- zip packages (DOCX, XLSX) --------------------------------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_zip(data: bytes, kind: str = "Office file") -> zipfile.ZipFile:
    """Open a zip package after checking it against the limits, before anything is inflated.

    Python's zipfile never inflates a member past the size its header declares (it stops and
    fails the CRC check), so checking the declared sizes bounds what any reader can inflate.
    Raises InvalidInputError (LimitExceededError for limits) with a one-line reason.
    """
    if data.startswith(_OLE):
        raise InvalidInputError(
            f"an encrypted (password-protected) or legacy binary {kind} (OLE), not an Office Open XML package"
        )
    if not data.startswith(b"PK"):
        raise InvalidInputError(f"not a {kind} (not a zip package)")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        # NotImplementedError: a zip "version needed" or feature zipfile does not know.
        raise InvalidInputError(f"damaged {kind} (zip: {exc})") from None
    lim = limits.current()
    if len(infos) > lim.max_members:
        raise LimitExceededError(f"zip package has {len(infos):,} members (limit {lim.max_members:,})")
    total = 0
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/"):
            raise InvalidInputError(f"zip member with an unsafe name: {name!r}")
        if info.file_size > lim.max_member_bytes:
            raise LimitExceededError(
                f"zip member {name} would inflate to {info.file_size:,} bytes (limit {lim.max_member_bytes:,})"
            )
        total += info.file_size
    if total > lim.max_package_bytes:
        raise LimitExceededError(f"zip package would inflate to {total:,} bytes (limit {lim.max_package_bytes:,})")
    return package


def read_member(package: zipfile.ZipFile, name: str) -> bytes:
    """One member's bytes (sizes were checked by :func:`open_zip`); InvalidInputError if damaged."""
    try:
        return package.read(name)
    except KeyError:
        raise InvalidInputError(f"the package has no {name}") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
        # NotImplementedError: an unknown compression method; RuntimeError: an encrypted member.
        raise InvalidInputError(f"damaged zip member {name} ({exc})") from None


# --- XML ----------------------------------------------------------------------------------


def parse_xml(data: bytes, what: str = "XML") -> Any:
    """Parse untrusted XML with lxml: no DTD, no entities, no network; limits on depth and size.

    A document that declares a DOCTYPE is refused outright: résumé formats never need one, and
    it is how entity bombs and external entities (XXE) arrive.
    """
    from lxml import etree

    lim = limits.current()
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        msg = str(exc.msg if hasattr(exc, "msg") else exc).splitlines()[0]
        if "Excessive depth" in msg:
            raise LimitExceededError(f"{what} nests deeper than {LIBXML2_MAX_DEPTH} elements") from None
        if "DOCTYPE" in data[:4096].decode("latin-1").upper():
            raise InvalidInputError(f"{what} declares a DTD (DOCTYPE), which is refused") from None
        raise InvalidInputError(f"not well-formed {what}: {msg}") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InvalidInputError(f"{what} declares a DTD (DOCTYPE), which is refused")
    _check_tree(root, lim.max_xml_depth, lim.max_xml_nodes, what)
    return root


# libxml2 refuses documents nested deeper than this unless huge_tree is set (it never is here).
LIBXML2_MAX_DEPTH = 256


def _check_tree(root: Any, max_depth: int, max_nodes: int, what: str) -> None:
    # Both checks run inside libxml2 (XPath), not as a Python walk over every element: a
    # résumé's document.xml is read on every conversion.
    count = int(root.xpath("count(//*)"))
    if count > max_nodes:
        raise LimitExceededError(f"{what} has {count:,} elements (limit {max_nodes:,})")
    if max_depth < LIBXML2_MAX_DEPTH and root.xpath(f"boolean({'/*' * (max_depth + 1)})"):
        raise LimitExceededError(f"{what} nests deeper than {max_depth} elements")
