"""The pdf format: one .pdf reader (Europass XML or the text layer), and the checks before PDFium.

End to end through the library and the command (``cvconvert cv.pdf cv.json``, a batch into one
workbook) on synthetic PDFs and, when ../shared is there, the PDF corpus; then one test per
rule of the check that runs before PDFium reads a file (cvconvert/formats/_pdf/open.py).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

import cvconvert
from cvconvert import formats, limits
from cvconvert.errors import InvalidInputError, LimitExceededError, OptionError
from cvconvert.formats._pdf import open as pdf_open
from tests.conftest import shared_files, shared_path
from tests.pdf_samples import Page, Run, build

CORPUS = shared_files("corpus/pdf", "*.pdf")


def _cv(name: str = "Jane Example") -> bytes:
    return build(
        [
            Page(
                [
                    Run(name, 50, 60, size=20, font="Helvetica-Bold"),
                    Run("jane@example.org", 50, 85),
                    Run("Experience", 50, 120, size=14, font="Helvetica-Bold"),
                    Run("Data Engineer, Example Ltd", 50, 140),
                    Run("2019 - 2023", 400, 140),
                ]
            )
        ]
    )


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cvconvert", *map(str, args)], capture_output=True, text=True, timeout=300
    )


# --- the format ------------------------------------------------------------------------------


def test_pdf_is_a_format_that_owns_the_extension_and_the_content() -> None:
    fmt = formats.get("pdf")
    assert fmt.read is not None and fmt.write is not None and fmt.extra == "pdf"  # written since issue #16
    assert formats.for_path("cv.PDF", "read") is fmt
    assert formats.sniff(_cv()) is fmt
    assert formats.sniff(b"\n\n%PDF-1.4 junk before the header is allowed") is fmt
    # Europass PDFs stay reachable by name.
    assert formats.get("europass-pdf").read is not None


def test_the_library_reads_a_pdf_from_a_path_bytes_and_a_file_object(tmp_path: Path) -> None:
    data = _cv()
    path = tmp_path / "cv.pdf"
    path.write_bytes(data)
    for source in (path, str(path), data, io.BytesIO(data)):
        resume = cvconvert.read(source)
        assert resume.basics is not None and resume.basics.name == "Jane Example"
        assert resume.basics.email == "jane@example.org"


def test_the_reader_takes_a_language_hint_and_names_a_bad_option(tmp_path: Path) -> None:
    assert cvconvert.read(_cv(), "pdf", lang="de").basics is not None
    with pytest.raises(OptionError, match="lang"):
        cvconvert.read(_cv(), "pdf", template="x")


def test_cvconvert_cv_pdf_cv_json(tmp_path: Path) -> None:
    (tmp_path / "cv.pdf").write_bytes(_cv())
    proc = run(tmp_path / "cv.pdf", tmp_path / "cv.json", "-q")
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "cv.json").read_text(encoding="utf-8"))["basics"]["name"] == "Jane Example"


def test_a_batch_of_pdfs_into_one_workbook(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    folder = tmp_path / "cvs"
    folder.mkdir()
    for i, name in enumerate(["Jane Example", "Sam Sample", "Alex Model"]):
        (folder / f"cv{i}.pdf").write_bytes(_cv(name))
    out = tmp_path / "all.xlsx"
    proc = run("batch", folder, "--to", "xlsx", "--single-workbook", "--out", out, "-q")
    assert proc.returncode == 0, proc.stderr
    book = openpyxl.load_workbook(out, read_only=True)
    cells = {str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c}
    assert {"Jane Example", "Sam Sample", "Alex Model"} <= cells


def test_a_pdf_read_by_rules_is_written_as_our_pdf(tmp_path: Path) -> None:
    # Written since issue #16 (tests/formats/test_pdf_write.py): read back from its attached JSON.
    cvconvert.convert(_cv(), tmp_path / "out.pdf")
    assert cvconvert.read(tmp_path / "out.pdf").to_data() == cvconvert.read(_cv(), "pdf").to_data()


def test_europass_pdf_by_name_reads_only_the_embedded_xml() -> None:
    with pytest.raises(InvalidInputError, match="not a Europass PDF"):
        cvconvert.read(_cv(), "europass-pdf")


def test_a_europass_pdf_is_read_from_its_xml() -> None:
    path = shared_path("reference", "europass", "candidate-2020", "examples", "FATelarico-sample.pdf")
    xml = path.with_suffix(".xml")
    assert cvconvert.read(path).to_data() == cvconvert.read(xml).to_data()


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:2] + str(i) for i, p in enumerate(CORPUS)])
def test_every_corpus_pdf_reads_with_a_name(path: Path) -> None:
    resume = cvconvert.read(path)
    assert resume.basics is not None and resume.basics.name


def test_the_corpus_batch_into_one_workbook(tmp_path: Path) -> None:
    folder = shared_path("corpus", "pdf")
    out = tmp_path / "corpus.xlsx"
    proc = run("batch", folder, "--to", "xlsx", "--single-workbook", "--out", out, "-q")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert out.stat().st_size > 0


# --- the check before PDFium, one rule at a time -----------------------------------------------


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _page(stream: bytes) -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream,
        ]
    )


def _flate(content: bytes, head: bytes = b"/Filter /FlateDecode") -> bytes:
    packed = zlib.compress(content)
    return b"<< /Length %d %s >>\nstream\n" % (len(packed), head) + packed + b"\nendstream"


TEXT = b"BT /F1 12 Tf 72 720 Td (Jane) Tj ET\n"


def test_the_scan_counts_inflated_streams() -> None:
    data = _page(_flate(TEXT + b" " * 100_000))
    assert pdf_open._scan_small(data, 200_000)
    assert not pdf_open._scan_small(data, 50_000)


def test_the_scan_counts_the_inline_images_a_content_stream_holds() -> None:
    image = zlib.compress(b"\x00" * 100_000)
    content = TEXT + b"BI /W 1 /H 1 /BPC 8 /CS /G /F /Fl ID " + image + b"\nEI\n"
    assert not pdf_open._scan_small(_page(_flate(content)), 50_000)
    assert pdf_open._scan_small(_page(_flate(content)), 200_000)


def test_the_scan_leaves_deflated_data_that_runs_past_endstream_to_the_walk() -> None:
    packed = zlib.compress(TEXT * 10)
    # "endstream" inside the data: the first one is not where the stream ends.
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % (len(packed) + 10)
    data = _page(stream + packed[:20] + b"endstream " + packed[20:] + b"\nendstream")
    assert not pdf_open._scan_small(data, 10**6)


@pytest.mark.parametrize(
    "head",
    [b"/Filter 9 0 R", b"/Filter /Fl#61teDecode", b"/Filter /FlateDecode /DecodeParms << /Filter /DCTDecode >>"],
    ids=["reference", "escaped-name", "two-filters"],
)
def test_the_scan_leaves_filters_it_cannot_read_to_the_walk(head: bytes) -> None:
    assert not pdf_open._scan_small(_page(_flate(TEXT, head)), 10**6)


def test_the_scan_sees_a_filter_before_a_string_that_holds_obj() -> None:
    data = _page(_flate(TEXT + b" " * 100_000, b"/Filter /FlateDecode /T (1 0 obj)"))
    assert not pdf_open._scan_small(data, 50_000)


def test_the_scan_finds_a_stream_after_a_comment() -> None:
    data = _page(_flate(TEXT + b" " * 100_000).replace(b">>\nstream", b">> % a comment\nstream"))
    assert b"% a comment" in data
    assert not pdf_open._scan_small(data, 50_000)


@pytest.mark.parametrize("subtype", [b"/Form", b"9 0 R", b"/F#6frm"], ids=["form", "reference", "escaped"])
def test_the_scan_leaves_forms_to_the_walk(subtype: bytes) -> None:
    # PDFium parses a form again wherever it is drawn: only the walk counts the uses.
    data = _page(_flate(TEXT, b"/Filter /FlateDecode /Subtype " + subtype))
    assert not pdf_open._scan_small(data, 10**6)


def test_the_walk_counts_a_form_at_every_use() -> None:
    form = zlib.compress(TEXT * 10)
    data = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /XObject << /X#200 5 0 R >> >> >>",
            _flate(b"/X#200 Do " * 100),
            b"<< /Length %d /Filter /FlateDecode /Subtype /Form /BBox [0 0 1 1] >>\nstream\n" % len(form)
            + form
            + b"\nendstream",
        ]
    )
    used = len(TEXT) * 10 * 100
    with limits.using(max_pdf_content_bytes=used + 2000):
        pdf_open._walk(data, limits.current())
    with limits.using(max_pdf_content_bytes=used - 1), pytest.raises(LimitExceededError, match="content"):
        pdf_open._walk(data, limits.current())


def test_escaped_font_names_do_not_stop_the_scan() -> None:
    data = _page(_flate(TEXT, b"/Filter /FlateDecode /BaseFont /Times#20New#20Roman"))
    assert pdf_open._scan_small(data, 10**6)


def test_the_scan_leaves_encrypted_data_to_the_walk() -> None:
    stream = b"<< /Length 64 /Filter /FlateDecode >>\nstream\n" + bytes(range(64)) + b"\nendstream"
    assert not pdf_open._scan_small(_page(stream), 10**6)


def test_the_walk_counts_page_content_and_fonts_apart() -> None:
    font_file = zlib.compress(b"\x00" * 300_000)
    data = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            _flate(TEXT),
            b"<< /Type /Font /Subtype /TrueType /BaseFont /X /FontDescriptor 6 0 R >>",
            b"<< /Type /FontDescriptor /FontName /X /FontFile2 7 0 R >>",
            b"<< /Length %d /Length1 300000 /Filter /FlateDecode >>\nstream\n" % len(font_file)
            + font_file
            + b"\nendstream",
        ]
    )
    with limits.using(max_pdf_content_bytes=100_000):
        pdf_open._walk(data, limits.current())  # the font is not page content
    with limits.using(max_pdf_stream_bytes=100_000), pytest.raises(LimitExceededError, match="max_pdf_stream_bytes"):
        pdf_open._walk(data, limits.current())
    with limits.using(max_pdf_content_bytes=10), pytest.raises(LimitExceededError, match="max_pdf_content_bytes"):
        pdf_open._walk(data, limits.current())


def test_the_walk_counts_a_stream_read_both_as_content_and_as_a_font_as_content() -> None:
    big = TEXT + b" " * 200_000
    data = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            # The content stream is reached first as a font file, then as the page's content.
            b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            _flate(big),
            b"<< /Type /Font /Subtype /TrueType /BaseFont /X /FontDescriptor 6 0 R >>",
            b"<< /Type /FontDescriptor /FontName /X /FontFile2 4 0 R >>",
        ]
    )
    with limits.using(max_pdf_content_bytes=100_000), pytest.raises(LimitExceededError, match="content"):
        pdf_open._walk(data, limits.current())


def test_pages_are_counted_from_the_page_tree_before_any_is_read() -> None:
    data = _page(_flate(TEXT))
    with limits.using(max_pdf_pages=1):
        pdf_open.inspect(data)
    bigger = data.replace(b"/Count 1", b"/Count 99")
    with limits.using(max_pdf_pages=50), pytest.raises(LimitExceededError, match="max_pdf_pages"):
        pdf_open._walk(bigger, limits.current())


def test_not_a_pdf_is_one_line() -> None:
    with pytest.raises(InvalidInputError, match="not a PDF"):
        pdf_open.inspect(b"hello")


def test_threads_read_pdfs_one_at_a_time() -> None:
    # PDFium is not thread-safe: a Dask worker with several threads must still read right.
    from concurrent.futures import ThreadPoolExecutor

    data = [_cv(f"Jane Example{'s' * i}") for i in range(8)]
    with ThreadPoolExecutor(4) as pool:
        names = list(pool.map(lambda d: cvconvert.read(d).basics.name, data * 3))  # type: ignore[union-attr]
    assert names == [f"Jane Example{'s' * i}" for i in range(8)] * 3
