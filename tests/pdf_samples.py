"""A tiny PDF writer for tests: pages of text runs in the base-14 fonts, link annotations.

Enough to make the layouts the PDF reader must handle (columns, sidebars, running heads,
letter-spaced and right-to-left text, ligatures) without a PDF library or a file on disk.
Coordinates are points from the page's top-left corner; ``y`` is the baseline of the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Glyph names PDFium knows for the characters outside WinAnsi that the tests use.
_GLYPH_NAMES = {"\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl"}


@dataclass
class Run:
    """Text drawn from (x, y) in one font; ``spacing`` is extra space after each character (Tc)."""

    text: str
    x: float
    y: float
    size: float = 10.0
    font: str = "Helvetica"  # Helvetica, Helvetica-Bold, Helvetica-Oblique, Times-Roman, Symbol, ...
    spacing: float = 0.0
    rtl: bool = False  # written in visual order (the characters reversed), as word processors do
    scaled: bool = False  # "1 Tf" and the size in the text matrix, as some generators write it
    tag: str = ""  # a structure type (H1, LI, P) for a tagged PDF; runs of one item share ``item``
    item: int = 0


@dataclass
class Link:
    """A link annotation over (left, top, right, bottom) that opens ``uri``."""

    box: tuple[float, float, float, float]
    uri: str


@dataclass
class Page:
    runs: list[Run] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    width: float = 595.0
    height: float = 842.0


def _literal(data: bytes) -> bytes:
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _winansi(text: str) -> bytes | None:
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        return None


class _Fonts:
    """Font resources: one per base font in WinAnsi, and one per base font with its own
    encoding (a code per character, named by glyph) for text WinAnsi cannot spell."""

    def __init__(self) -> None:
        self.plain: dict[str, str] = {}
        self.custom: dict[str, tuple[str, dict[str, int]]] = {}

    def encode(self, run: Run) -> tuple[str, bytes]:
        text = run.text[::-1] if run.rtl else run.text
        data = _winansi(text)
        if data is not None:
            name = self.plain.setdefault(run.font, f"F{len(self.plain) + len(self.custom) + 1}")
            return name, data
        name, codes = self.custom.setdefault(run.font, (f"F{len(self.plain) + len(self.custom) + 1}", {}))
        out = bytearray()
        for ch in text:
            if ch not in codes:
                codes[ch] = len(codes) + 1
                if len(codes) > 255:
                    raise ValueError("too many distinct characters for one test font")
            out.append(codes[ch])
        return name, bytes(out)

    def objects(self, first: int) -> tuple[list[bytes], bytes]:
        """The font objects (numbered from ``first``) and the resource dictionary naming them."""
        objs: list[bytes] = []
        names: list[bytes] = []
        for base, name in self.plain.items():
            objs.append(
                f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>".encode("ascii")
            )
            names.append(f"/{name} {first + len(objs) - 1} 0 R".encode("ascii"))
        for base, (name, codes) in self.custom.items():
            diffs = " ".join(
                f"{code} /{_GLYPH_NAMES.get(ch, f'uni{ord(ch):04X}')}" for ch, code in sorted(codes.items(), key=_code)
            )
            last = max(codes.values())
            widths = " ".join("556" for _ in range(last))
            objs.append(
                (
                    f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /FirstChar 1 /LastChar {last} "
                    f"/Widths [{widths}] /Encoding << /Type /Encoding /Differences [{diffs}] >> >>"
                ).encode("ascii")
            )
            names.append(f"/{name} {first + len(objs) - 1} 0 R".encode("ascii"))
        return objs, b"<< " + b" ".join(names) + b" >>"


def _code(item: tuple[str, int]) -> int:
    return item[1]


def build(pages: list[Page], *, author: str = "", title: str = "") -> bytes:
    """The PDF file holding the pages, with an Info dictionary when author or title is given."""
    fonts = _Fonts()
    streams: list[bytes] = []
    # Tagged content: (page, structure type, item) -> marked-content ids on that page.
    elements: dict[tuple[int, str, int], list[int]] = {}
    for number, page in enumerate(pages):
        ops = []
        mcid = 0
        for run in page.runs:
            name, data = fonts.encode(run)
            tf, tm = (1.0, run.size) if run.scaled else (run.size, 1.0)
            op = b"BT /%s %.2f Tf %.2f Tc %.2f 0 0 %.2f %.2f %.2f Tm %s Tj ET" % (
                name.encode(),
                tf,
                run.spacing / tm,
                tm,
                tm,
                run.x,
                page.height - run.y,
                _literal(data),
            )
            if run.tag:
                elements.setdefault((number, run.tag, run.item), []).append(mcid)
                op = b"/%s << /MCID %d >> BDC " % (run.tag.encode(), mcid) + op + b" EMC"
                mcid += 1
            ops.append(op)
        streams.append(b"\n".join(ops))
    # Objects: 1 catalog, 2 pages, 3 info, then per page: page, contents; then fonts; then the
    # structure tree root and its elements.
    n_pages = len(pages)
    font_first = 4 + 2 * n_pages
    font_objs, font_dict = fonts.objects(font_first)
    root = font_first + len(font_objs)
    tagged = b" /StructTreeRoot %d 0 R /MarkInfo << /Marked true >>" % root if elements else b""
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R" + tagged + b" >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n_pages))
        + b"] /Count %d >>" % n_pages,
        b"<< /Author " + _literal(author.encode("latin-1")) + b" /Title " + _literal(title.encode("latin-1")) + b" >>",
    ]
    for i, (page, stream) in enumerate(zip(pages, streams, strict=True)):
        annots = b" ".join(
            b"<< /Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /A << /S /URI /URI %s >> >>"
            % (
                link.box[0],
                page.height - link.box[3],
                link.box[2],
                page.height - link.box[1],
                _literal(link.uri.encode("ascii")),
            )
            for link in page.links
        )
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /Font %s >> /Contents %d 0 R%s"
            b" /StructParents %d >>"
            % (page.width, page.height, font_dict, 5 + 2 * i, b" /Annots [" + annots + b"]" if annots else b"", i)
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objs.extend(font_objs)
    if elements:
        kids = " ".join(f"{root + 1 + k} 0 R" for k in range(len(elements)))
        # PDFium finds a page's elements through the parent tree: page -> element per MCID.
        parents: dict[int, dict[int, int]] = {}
        for k, ((number, _, _), ids) in enumerate(elements.items()):
            for i in ids:
                parents.setdefault(number, {})[i] = root + 1 + k
        nums = " ".join(
            f"{number} [{' '.join(f'{ref} 0 R' for _, ref in sorted(by_id.items()))}]"
            for number, by_id in sorted(parents.items())
        )
        objs.append(f"<< /Type /StructTreeRoot /K [{kids}] /ParentTree << /Nums [{nums}] >> >>".encode("ascii"))
        for (number, kind, _), ids in elements.items():
            marks = " ".join(str(i) for i in ids)
            objs.append(
                f"<< /Type /StructElem /S /{kind} /P {root} 0 R /Pg {4 + 2 * number} 0 R /K [{marks}] >>".encode()
            )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
