"""Where readers get their input: bytes decoded to text once, with the same checks for all."""

from __future__ import annotations

import codecs
import io
import os
import stat
import zipfile
import zlib
from collections.abc import Collection, Iterator, Mapping
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


def bom_encoding(data: bytes) -> str | None:
    """The encoding ``data``'s byte order mark names (``utf-8-sig``, ``utf-16``, ``utf-32``), or None.

    UTF-32's little-endian mark starts with UTF-16's: it is looked for first.
    """
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (or UTF-16/32 with a byte order mark); a BOM is dropped.

    Raises LimitExceededError past ``max_text_bytes``, InvalidInputError for an empty input or
    bytes that are not text in that encoding.
    """
    limit = limits.current().max_text_bytes
    if len(data) > limit:
        # A parser's objects take many times the bytes they come from (JSON: ~25x, YAML more).
        raise LimitExceededError(f"a text input of {len(data):,} bytes (limit {limit:,} for text formats)")
    if not data.strip():
        raise InvalidInputError("empty file" if not data else "file holds only white space")
    encoding = bom_encoding(data) or "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"not {encoding.upper().replace('-SIG', '')} text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def template_stat(path: str | os.PathLike[str], what: str = "template") -> os.stat_result:
    """Check a file a user names as an option (a template): a regular file within
    ``max_input_bytes``. Raises OptionError naming it otherwise.

    Reading a FIFO waits for a writer forever, and a device (it reports size 0) never ends.
    """
    from cvconvert.errors import OptionError

    try:
        info = os.stat(path)
    except OSError as exc:
        raise OptionError(f"{what} {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise OptionError(f"{what} {path}: not a regular file")
    limit = limits.current().max_input_bytes
    if info.st_size > limit:
        raise OptionError(f"{what} {path}: {info.st_size:,} bytes, over the limit of {limit:,}")
    return info


def check_depth(value: object) -> None:
    """Refuse JSON-like data nested deeper than ``max_json_depth`` or holding more than
    ``max_data_nodes`` values; walked without recursion, one iterator per level.

    Deeper data would exhaust the recursion of the libraries that later walk it; more values
    would take gigabytes once every layer after the parser has copied them.
    """
    lim = limits.current()
    most, deepest = lim.max_data_nodes, lim.max_json_depth
    count = 1
    stack: list[Iterator[object]] = [iter((value,))]
    while stack:
        item = next(stack[-1], _END)
        if item is _END:
            stack.pop()
            continue
        if isinstance(item, dict):
            children: Collection[object] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if len(stack) > deepest:
            raise LimitExceededError(f"data nested deeper than {deepest} levels")
        count += len(children)
        if count > most:
            raise LimitExceededError(f"data holds more than {most:,} values")
        stack.append(iter(children))


_END = object()


def check_entries(sections: Mapping[str, object]) -> None:
    """Refuse more entries in one section than ``max_entries`` allows.

    Readers call it on the parsed data, before the résumé's models are built: 3 million jobs
    are 9 MB of JSON, 230 MB of dicts and gigabytes of models.
    """
    from cvconvert.model import SECTIONS

    most = limits.current().max_entries
    for section in SECTIONS:
        entries = sections.get(section)
        if isinstance(entries, (list, tuple)) and len(entries) > most:
            raise LimitExceededError(f"{len(entries):,} entries in {section} (limit {most:,})", path=f"/{section}")


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

    :func:`read_member` never inflates a member past the size the central directory declares,
    so checking the declared sizes here bounds what any reader can inflate. Raises
    InvalidInputError (LimitExceededError for limits) with a one-line reason.
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
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        # Two members of one name: zipfile silently serves the last, another reader the first,
        # so what we read could differ from what Word shows. Part names are case-insensitive.
        if name.casefold() in seen:
            raise InvalidInputError(f"zip package holds two members named {name!r}")
        seen.add(name.casefold())
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/"):
            raise InvalidInputError(f"zip member with an unsafe name: {name!r}")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # Office packages are stored or deflated; bzip2 and LZMA inflate without deflate's bound.
            raise InvalidInputError(f"zip member {name} uses a compression Office files never use")
        if info.file_size > lim.max_member_bytes:
            raise LimitExceededError(
                f"zip member {name} would inflate to {info.file_size:,} bytes (limit {lim.max_member_bytes:,})"
            )
        total += info.file_size
    if total > lim.max_package_bytes:
        raise LimitExceededError(f"zip package would inflate to {total:,} bytes (limit {lim.max_package_bytes:,})")
    return package


# Deflate inflates at most 1032 bytes per compressed byte.
_DEFLATE_RATIO = 1032
_LOCAL_HEADER = 30


def check_inflated_sizes(package: zipfile.ZipFile) -> None:
    """Refuse a package with a member that inflates past the size its header declares.

    For a package handed whole to another library (openpyxl), whose ``ZipFile.read`` inflates
    up to 1 GiB in one call before it cuts the result to the declared size (and the CRC of the
    cut part can match). Each suspect member's raw deflate stream is inflated here in bounded
    steps and discarded; a member whose compressed size cannot inflate past ``max_member_bytes``
    (deflate's ratio) is not read, so an ordinary workbook costs nothing.
    """
    limit = limits.current().max_member_bytes
    for info in package.infolist():
        if info.compress_type != zipfile.ZIP_DEFLATED or info.compress_size * _DEFLATE_RATIO <= limit:
            continue
        if _inflated_size(package, info, info.file_size + 1) > info.file_size:
            raise InvalidInputError(f"zip member {info.filename} holds more than its header declares")


def _inflated_size(package: zipfile.ZipFile, info: zipfile.ZipInfo, most: int) -> int:
    """How many bytes a deflated member inflates to, counting no further than ``most``."""
    fp = package.fp
    if fp is None:
        raise InvalidInputError("the zip package is closed")
    try:
        # A damaged directory can give any offset, negative ones included.
        fp.seek(info.header_offset)
        header = fp.read(_LOCAL_HEADER)
        if len(header) < _LOCAL_HEADER or not header.startswith(b"PK\x03\x04"):
            raise InvalidInputError(f"damaged zip member {info.filename} (no local header)")
        fp.seek(int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little"), io.SEEK_CUR)
    except (ValueError, OSError) as exc:
        raise InvalidInputError(f"damaged zip member {info.filename} ({exc})") from None
    inflate, produced, left = zlib.decompressobj(-zlib.MAX_WBITS), 0, info.compress_size
    try:
        while left > 0 and produced < most and not inflate.eof:
            chunk = fp.read(min(left, 2**16))
            if not chunk:
                break
            left -= len(chunk)
            while chunk and produced < most:
                produced += len(inflate.decompress(chunk, 2**20))
                chunk = inflate.unconsumed_tail
    except zlib.error as exc:
        raise InvalidInputError(f"damaged zip member {info.filename} ({exc})") from None
    return produced


def read_member(package: zipfile.ZipFile, name: str) -> bytes:
    """One member's bytes (sizes were checked by :func:`open_zip`); InvalidInputError if damaged.

    ``ZipFile.read`` inflates up to 1 GiB in one call and only then cuts the result to the
    declared size, so a member whose header lies takes that much memory; reading at most the
    declared size keeps each inflate call within it (a longer member then fails the CRC check).
    """
    try:
        info = package.getinfo(name)
        with package.open(info) as handle:
            return handle.read(info.file_size)
    except KeyError:
        raise InvalidInputError(f"the package has no {name}") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
        # NotImplementedError: an unknown compression method; RuntimeError: an encrypted member.
        raise InvalidInputError(f"damaged zip member {name} ({exc})") from None


# --- folders (an export unpacked) ---------------------------------------------------------

NOT_FOLLOWED = " (a symbolic link, not followed)"
IN_SUBFOLDER = " (in a subfolder, not read)"
ODD_NAME = " (an odd name, shown with %XX escapes; not read)"


def _shown(name: str) -> str | None:
    """The name made printable and safe as a member name, or None when it already is.

    A file system hands over any bytes but "/" and NUL: bytes that are not UTF-8 (old ZIP tools'
    CP437 or Shift-JIS names, as surrogate escapes), which a zip member name cannot carry, and
    backslashes, which :func:`open_zip` refuses as a path separator. Those, and characters that
    would not print in a report line, become ``%XX`` (``%uXXXX`` past U+00FF).
    """
    if name.isprintable() and "\\" not in name:
        return None
    out: list[str] = []
    for char in name:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogate escape)
            out.append(f"%{code - 0xDC00:02X}")
        elif char == "\\" or not char.isprintable():
            out.append(f"%{code:02X}" if code < 0x100 else f"%u{code:04X}")
        else:
            out.append(char)
    return "".join(out)


def pack_folder(folder: str | os.PathLike[str]) -> bytes:
    """The CSV files at the top of a folder as a zip package (stored), for the readers of zip
    exports (LinkedIn's "Get a copy of your data" unpacked), with the zip limits.

    Only regular ``*.csv`` files at the top are read; every other entry (other files, the files
    of subfolders one level down, symbolic links, which are never followed) becomes an empty
    member of its name, so that the reader names it among the files not read. Each file is
    opened relative to the folder without following links and checked on its descriptor.
    Raises LimitExceededError past ``max_members``, ``max_member_bytes`` or
    ``max_package_bytes``, InvalidInputError for a folder with no CSV file at its top.
    """
    lim = limits.current()
    count = total = 0
    found_csv = False
    out = io.BytesIO()
    try:
        top = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise InvalidInputError(exc.strerror or str(exc)) from None
    # Each file goes into the package as it is read: one file's bytes at a time beside it.
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
            for entry in sorted(_entries(top, folder, lim.max_members), key=lambda e: e.name):
                members: list[tuple[str, bytes]] = []
                shown = _shown(entry.name)
                if shown is not None:  # named among the files not read, never the whole folder refused
                    members.append((shown + ODD_NAME, b""))
                elif entry.is_symlink():
                    members.append((entry.name + NOT_FOLLOWED, b""))
                elif entry.is_dir(follow_symlinks=False):
                    try:
                        members += _listed(top, entry.name, lim.max_members - count)
                    except OSError as exc:
                        raise InvalidInputError(f"{entry.name}: {exc.strerror or exc}") from None
                elif entry.name.lower().endswith(".csv") and entry.is_file(follow_symlinks=False):
                    body = _read_at(top, folder, entry.name, lim.max_member_bytes)
                    total += len(body)
                    if total > lim.max_package_bytes:
                        raise LimitExceededError(
                            f"the folder's CSV files hold more than {lim.max_package_bytes:,} bytes"
                        )
                    members.append((entry.name, body))
                    found_csv = True
                else:
                    members.append((entry.name, b""))
                count += len(members)
                if count > lim.max_members:
                    raise LimitExceededError(f"the folder holds more than {lim.max_members:,} files")
                for name, body in members:
                    package.writestr(name, body)
    finally:
        os.close(top)
    if not found_csv:
        raise InvalidInputError("is a folder holding no CSV file at its top (not an unpacked export)")
    return out.getvalue()


def _entries(top: int, folder: str | os.PathLike[str], most: int) -> list[os.DirEntry[str]]:
    """The folder's entries (through its open descriptor where the system allows it), refused
    past ``most`` as they are listed."""
    found: list[os.DirEntry[str]] = []
    with os.scandir(top) if os.scandir in os.supports_fd else os.scandir(folder) as listing:
        for entry in listing:
            if len(found) >= most:
                raise LimitExceededError(f"the folder holds more than {most:,} files")
            found.append(entry)
    return found


def _listed(top: int, name: str, room: int) -> list[tuple[str, bytes]]:
    """A subfolder's entries as empty members (named, never read), at most ``room`` of them."""
    if os.open not in os.supports_dir_fd:  # pragma: no cover
        return [(name + "/", b"")]
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0), dir_fd=top)
    names: list[str] = []
    try:
        with os.scandir(fd) as found:
            for entry in found:
                if len(names) >= room:
                    raise LimitExceededError(f"the folder holds more than {limits.current().max_members:,} files")
                shown = _shown(entry.name)
                names.append(entry.name + (NOT_FOLLOWED if entry.is_symlink() else "") if shown is None else shown)
    finally:
        os.close(fd)
    names.sort()
    return [(f"{name}/{n}{IN_SUBFOLDER}", b"") for n in names] or [(name + "/", b"")]


def _read_at(top: int, folder: str | os.PathLike[str], name: str, most: int) -> bytes:
    """A regular file of the folder, opened without following a link (a link swapped in after
    the listing is refused), at most ``most`` bytes."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        if os.open in os.supports_dir_fd:
            fd = os.open(name, flags, dir_fd=top)
        else:  # pragma: no cover
            fd = os.open(os.path.join(folder, name), flags)
    except OSError as exc:
        raise InvalidInputError(f"{name}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInputError(f"{name} is not a regular file")
        if info.st_size > most:
            raise LimitExceededError(f"{name} holds {info.st_size:,} bytes (limit max_member_bytes {most:,})")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            body = handle.read(most + 1)
    finally:
        os.close(fd)
    if len(body) > most:
        raise LimitExceededError(f"{name} holds more than {most:,} bytes (limit max_member_bytes)")
    return body


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
        # Every element starts with "<", so a document with few enough of them cannot pass the
        # element limit and is parsed in one call; any other is counted while it is parsed,
        # before a tree of millions of elements exists (120 bytes each in libxml2).
        if data.count(b"<") <= lim.max_xml_nodes:
            root = etree.fromstring(data, parser)
        else:
            root = _counted(data, lim.max_xml_nodes, what)
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
    if lim.max_xml_depth < LIBXML2_MAX_DEPTH and root.xpath(f"boolean({'/*' * (lim.max_xml_depth + 1)})"):
        # Checked inside libxml2 (XPath), not as a Python walk over every element.
        raise LimitExceededError(f"{what} nests deeper than {lim.max_xml_depth} elements")
    return root


def _counted(data: bytes, max_nodes: int, what: str) -> Any:
    """Parse incrementally, counting elements as they start; LimitExceededError past ``max_nodes``."""
    from lxml import etree

    events = etree.iterparse(
        io.BytesIO(data),
        events=("start",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=False,
    )
    for count, _ in enumerate(events, 1):
        if count > max_nodes:
            raise LimitExceededError(f"{what} has more than {max_nodes:,} elements")
    return events.root


# libxml2 refuses documents nested deeper than this unless huge_tree is set (it never is here).
LIBXML2_MAX_DEPTH = 256
