"""Memory is bounded before parsing: small files built to take gigabytes end in one line.

Each case converts a small hostile file with the real command, in a subprocess under the 1 GiB
address-space bound and the 60 s time bound (tests/helpers.run_bounded): a MemoryError, a
traceback or a timeout fails the test. Every file is built here; no bomb is committed.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from tests.helpers import assert_one_line_error, run_bounded, zip_of

# --- PDF: attachments ---------------------------------------------------------------------


def _pdf(files: list[tuple[str, bytes, int | None]]) -> bytes:
    """A PDF whose embedded files are (name, Flate-compressed bytes, declared /Size or None)."""
    objects: list[bytes] = []
    names = []
    for i, (name, packed, size) in enumerate(files):
        spec, stream = 4 + 2 * i, 5 + 2 * i
        names.append(f"({name}) {spec} 0 R".encode())
        params = f" /Params << /Size {size} >>" if size is not None else ""
        objects.append(f"<< /Type /Filespec /F ({name}) /UF ({name}) /EF << /F {stream} 0 R >> >>".encode())
        objects.append(
            f"<< /Type /EmbeddedFile /Filter /FlateDecode /Length {len(packed)}{params} >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
    head = [
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [" + b" ".join(names) + b"] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate([*head, *objects], 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _zeros_xml(size: int, root: str = "notes") -> bytes:
    """``size`` bytes of XML (no Europass CV unless ``root`` says so), compressed (1 byte per kB)."""
    packer = zlib.compressobj(9)
    chunk = b" " * 2**20
    packed = packer.compress(f"<{root}>".encode())
    for _ in range(size // len(chunk)):
        packed += packer.compress(chunk)
    return packed + packer.compress(f"</{root}>".encode()) + packer.flush()


@pytest.mark.parametrize("filters", ["flate", "flate twice"])
def test_pdf_with_many_large_xml_attachments_is_bounded(filters: str, tmp_path: Path) -> None:
    # 60 attachments of 40 MB each, under the size limit (2.4 MB of PDF): every one was decoded
    # and held before any check. Now a Flate file's first 4 kB tell whether it is a Europass CV;
    # a file under other filters is decoded whole, and all of those share one file's budget.
    packed = _zeros_xml(40 * 2**20)
    pdf = _pdf([(f"part{i}.xml", packed, None) for i in range(60)])
    if filters == "flate twice":
        pdf = _pdf([(f"part{i}.xml", zlib.compress(packed), None) for i in range(60)])
        pdf = pdf.replace(b"/Filter /FlateDecode", b"/Filter [/FlateDecode /FlateDecode]")
    path = tmp_path / "many.pdf"
    path.write_bytes(pdf)
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, "many.pdf")


def test_pdf_with_too_many_attachments_is_refused_before_decoding(tmp_path: Path) -> None:
    packed = zlib.compress(b"<notes/>")
    path = tmp_path / "count.pdf"
    path.write_bytes(_pdf([(f"part{i}.xml", packed, None) for i in range(101)]))
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, "count.pdf")
    assert "max_attachments=100" in err


def test_pdf_attachment_past_the_size_limit_is_refused_while_decoding(tmp_path: Path) -> None:
    # 60 MB where the limit is 50 MB, with no /Size declared: stopped by the decoder.
    path = tmp_path / "big.pdf"
    path.write_bytes(_pdf([("attachment.xml", _zeros_xml(60 * 2**20, "Candidate"), None)]))
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, "big.pdf")
    assert "max_attachment_bytes" in err


def test_pdf_attachment_declaring_a_size_past_the_limit_is_not_decoded(tmp_path: Path) -> None:
    path = tmp_path / "declared.pdf"
    path.write_bytes(_pdf([("attachment.xml", zlib.compress(b"<Candidate/>"), 2**40)]))
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, "declared.pdf")
    assert "max_attachment_bytes" in err


# --- RDF: triples counted as they are parsed ------------------------------------------------

_MANY = 1_300_000  # blank nodes: 3.9 MB of text, under the 4 MB cap on linked data
_VOCAB = b'{"@context": {"@vocab": "http://example.org/"}, '
_JSONLD_MANY = _VOCAB + b'"@id": "http://example.org/s", "p": [' + b"{}," * _MANY + b"{}]}"
# Contexts rdflib processes again for every node that names one (or is of a type that has one).
_NAMED = b'{"@context": "https://schema.org", "@type": "Person", "name": "x"}'
_CONTEXT_PER_NODE = b'{"@context": "https://schema.org", "@graph": [' + b",".join([_NAMED] * 60_000) + b"]}"
_TERMS = b", ".join(b'"t%d": "http://example.org/t%d"' % (i, i) for i in range(2000))
_TYPE_SCOPED = (
    b'{"@context": {"@vocab": "http://example.org/", "T": {"@id": "http://example.org/T", "@context": {'
    + _TERMS
    + b'}}}, "@graph": ['
    + b",".join([b'{"@type": "T", "t1": "x"}'] * 40_000)
    + b"]}"
)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("blank.ttl", b"@prefix : <http://example.org/> .\n:s :p " + b"[]," * _MANY + b"[] .\n"),
        ("blank.jsonld", _JSONLD_MANY),
        ("blank.html", b'<!doctype html><script type="application/ld+json">' + _JSONLD_MANY + b"</script>"),
        ("contexts.jsonld", _CONTEXT_PER_NODE),
        ("scoped.jsonld", _TYPE_SCOPED),
    ],
)
def test_rdf_with_millions_of_blank_nodes_is_refused_while_parsing(name: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, name)
    assert "triples" in err or "values" in err


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("few.nt", b"".join(b"_:a <http://example.org/p> _:b%d .\n" % i for i in range(20))),
        ("few.ttl", b"@prefix : <http://example.org/> .\n:s :p " + b"[]," * 20 + b"[] .\n"),
        (
            "few.rdf",
            b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:x="http://example.org/">'
            b'<rdf:Description rdf:about="http://example.org/s">' + b"<x:p/>" * 20 + b"</rdf:Description></rdf:RDF>",
        ),
        (
            "few.jsonld",
            b'{"@context": {"@vocab": "http://example.org/"}, "@id": "http://example.org/s", "p": ['
            + b"{}," * 20
            + b"{}]}",
        ),
    ],
)
def test_every_rdf_syntax_counts_triples_as_it_parses(name: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, err, _, _ = run_bounded("--limit", "max_triples=10", str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, name)
    assert "more than 10 triples" in err


# --- XLSX: the parts openpyxl reads whole ---------------------------------------------------

_MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _workbook(styles: bytes, strings: bytes) -> bytes:
    """A one-sheet workbook (a header row and one candidate) with the given styles and strings."""
    return zip_of(
        {
            "[Content_Types].xml": (
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
                f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
                f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
                f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/></Types>'
            ).encode(),
            "_rels/.rels": (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
            ).encode(),
            "xl/workbook.xml": (
                f'<workbook {_MAIN.decode()} xmlns:r="{_REL}"><sheets>'
                '<sheet name="Candidates" sheetId="1" r:id="rId1"/></sheets></workbook>'
            ).encode(),
            "xl/_rels/workbook.xml.rels": (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
                f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
            ).encode(),
            "xl/worksheets/sheet1.xml": (
                b"<worksheet " + _MAIN + b"><sheetData>"
                b'<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
                b'<c r="B1" t="inlineStr"><is><t>Email</t></is></c></row>'
                b'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>a@example.org</t></is></c>'
                b"</row></sheetData></worksheet>"
            ),
            "xl/styles.xml": styles,
            "xl/sharedStrings.xml": strings,
        }
    )


_STYLES = (
    b"<styleSheet " + _MAIN + b'><fonts count="1"><font/></fonts>'
    b'<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    b'<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
    b"<cellXfs>%s</cellXfs></styleSheet>"
)
_XF = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'


def test_xlsx_a_small_workbook_reads() -> None:
    from cvconvert import read

    resume = read(_workbook(_STYLES % _XF, b"<sst " + _MAIN + b"><si><t>Ada Example</t></si></sst>"), "xlsx")
    assert resume.basics is not None and resume.basics.name == "Ada Example"


@pytest.mark.parametrize(
    ("part", "styles", "strings"),
    [
        # 1 million cell formats (60 kB zipped): openpyxl built them all, 1.4 GB and 25 s.
        ("styles", _STYLES % (_XF * 1_000_000), b"<sst " + _MAIN + b"><si><t>A</t></si></sst>"),
        # 4 million shared strings, each a different text (90 MB, 15 MB zipped).
        (
            "sharedStrings",
            _STYLES % _XF,
            b"<sst " + _MAIN + b">" + b"".join(b"<si><t>%d</t></si>" % i for i in range(4_000_000)) + b"</sst>",
        ),
    ],
)
def test_xlsx_parts_read_whole_are_counted_before_openpyxl(
    part: str, styles: bytes, strings: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(_workbook(styles, strings))
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, "book.xlsx")
    # Not "damaged Excel workbook": that is libxml2 running out of the address space.
    assert f"xl/{part}.xml has more than" in err
