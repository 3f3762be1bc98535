"""Hostile PDFs end in one line within 1 GiB and 60 s, or read cleanly when they are harmless.

Each PDF is written here, byte by byte (no bomb is committed), and converted by the real command
in a subprocess under the 1 GiB address-space bound and the 60 s time bound
(tests/helpers.run_bounded). PDFium decodes streams whole and aborts the process when memory
runs out, so every decoded byte it would read is counted first (cvconvert/formats/_pdf/open.py).
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest

from tests.helpers import assert_one_line_error, run_bounded

pytest.importorskip("pypdfium2")

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Jane Example) Tj 0 -20 Td (jane@example.org) Tj ET\n"


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF whose object N is ``objects[N - 1]`` (1 is the catalog), with a cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R ".encode() + trailer
    out += f">>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"", *, deflated: bool = True) -> bytes:
    flate = b"/Filter /FlateDecode " if deflated else b""
    return b"<< /Length %d " % len(data) + flate + extra + b">>\nstream\n" + data + b"\nendstream"


def _page(content: bytes, resources: bytes = b"/Font << /F1 5 0 R >>", *, deflated: bool = True) -> list[bytes]:
    """Catalog, pages, one page, its content (object 4) and a font (object 5)."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << " + resources + b" >> >>",
        _stream(zlib.compress(content) if deflated else content, deflated=deflated),
        FONT,
    ]


def _slow(objects: list[bytes]) -> list[bytes]:
    """The objects and an unused 8 MB image: past what the scan of the raw bytes vouches for, so
    that pypdf walks the pages (before PDFium reads them)."""
    image = _bomb(8 * 2**20, byte=b"\x00")
    return [*objects, _stream(image, b"/Subtype /Image /Width 2048 /Height 4096 /BitsPerComponent 8 ")]


def _bomb(size: int, head: bytes = b"", byte: bytes = b" ") -> bytes:
    """``head`` and ``size`` bytes of ``byte``, deflated (about 1 kB per MB)."""
    packer = zlib.compressobj(9)
    chunk = byte * 2**20
    return packer.compress(head) + b"".join(packer.compress(chunk) for _ in range(size // len(chunk))) + packer.flush()


def _convert(tmp_path: Path, name: str, data: bytes) -> tuple[int, str]:
    path = tmp_path / name
    path.write_bytes(data)
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    return code, err


def _refused(tmp_path: Path, name: str, data: bytes, *words: str) -> str:
    code, err = _convert(tmp_path, name, data)
    assert_one_line_error(code, err, name)
    assert all(word in err for word in words), err
    return err


def _read_or_refused(tmp_path: Path, name: str, data: bytes) -> None:
    """Harmless in the end: a clean read, or a one-line refusal (never a crash or a hang)."""
    code, err = _convert(tmp_path, name, data)
    if code == 0:
        assert "Traceback" not in err and (tmp_path / "out.json").exists()
    else:
        assert_one_line_error(code, err, name)


# --- decompression bombs --------------------------------------------------------------------


def test_a_content_stream_bomb_is_refused_before_pdfium_reads_it(tmp_path: Path) -> None:
    # 1.5 GB of spaces in 1.5 MB: PDFium inflated it whole and the process aborted.
    pdf = _pdf([*_page(b"")[:3], _stream(_bomb(1500 * 2**20, TEXT)), FONT])
    _refused(tmp_path, "bomb.pdf", pdf, "max_pdf_content_bytes")


def test_an_inline_image_bomb_in_small_content_is_refused(tmp_path: Path) -> None:
    # PDFium inflates an inline image whole while it parses the page, to find where it ends.
    image = _bomb(1500 * 2**20, byte=b"\x00")
    content = TEXT + b"q 10 0 0 10 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G /F /Fl ID " + image + b"\nEI Q\n"
    _refused(tmp_path, "inline.pdf", _pdf(_page(content, deflated=False)), "max_pdf_content_bytes")


def test_a_font_file_bomb_is_refused(tmp_path: Path) -> None:
    # A TrueType font file of 1.5 GB of zeros: PDFium decodes a font whole to load it.
    font = (
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Widths [] "
        b"/FontDescriptor 6 0 R >>"
    )
    descriptor = (
        b"<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
        b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>"
    )
    objects = [*_page(TEXT)[:4], font, descriptor, _stream(_bomb(1500 * 2**20, byte=b"\x00"), b"/Length1 9 ")]
    _refused(tmp_path, "font.pdf", _pdf(objects), "max_pdf_stream_bytes")


def test_a_bomb_in_a_pdf_encrypted_with_the_empty_password_is_refused(tmp_path: Path) -> None:
    # Encrypted streams cannot be inflated from the raw bytes: pypdf decrypts and counts them.
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_pdf([*_page(b"")[:3], _stream(_bomb(1200 * 2**20, TEXT)), FONT])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    _refused(tmp_path, "encrypted-bomb.pdf", out.getvalue(), "max_pdf_content_bytes")


def test_an_object_stream_bomb_is_refused(tmp_path: Path) -> None:
    # The page lives in an object stream that inflates to 1.5 GB: PDFium inflates an object
    # stream whole to find the objects in it. pypdf, which reads it first, stops at the bound.
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    page += b"/Resources << /Font << /F1 5 0 R >> >> >>"
    packed = _bomb(1500 * 2**20, b"3 0 " + page + b" ")
    objstm = b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed)
    bodies = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        4: _stream(zlib.compress(TEXT)),
        5: FONT,
        6: objstm + packed + b"\nendstream",
    }
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in bodies.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    offsets[7] = len(out)
    rows = [b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff"]
    for number in range(1, 8):
        if number == 3:
            rows.append(b"\x02" + (6).to_bytes(4, "big") + (0).to_bytes(2, "big"))
        else:
            rows.append(b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00")
    table = b"".join(rows)
    out += (
        b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(table)
        + table
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[7]
    )
    _refused(tmp_path, "objstm.pdf", bytes(out), "max_pdf_stream_bytes")


# --- structure ------------------------------------------------------------------------------


def test_ten_thousand_pages_are_refused_before_any_is_read(tmp_path: Path) -> None:
    count = 10_000
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count]
    objects.append(_stream(TEXT, deflated=False))
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"] * count
    _refused(tmp_path, "pages.pdf", _pdf(objects), "max_pdf_pages")


def test_a_kids_cycle_ends(tmp_path: Path) -> None:
    objects = _page(TEXT)
    objects[1] = b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"
    _read_or_refused(tmp_path, "kids.pdf", _pdf(_slow(objects)))


def test_a_parent_cycle_ends(tmp_path: Path) -> None:
    objects = _page(TEXT)
    objects[1] = b"<< /Type /Pages /Parent 6 0 R /Kids [3 0 R] /Count 1 >>"
    objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")
    _read_or_refused(tmp_path, "parent.pdf", _pdf(_slow(objects)))


def test_a_form_that_draws_itself_is_counted_once(tmp_path: Path) -> None:
    # The walk follows resources: without its record of what it has seen it would loop forever.
    form = _stream(
        zlib.compress(b"/X0 Do " + TEXT),
        b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X0 6 0 R >> "
        b"/Font << /F1 5 0 R >> >> ",
    )
    objects = _page(b"/X0 Do\n", b"/XObject << /X0 6 0 R >> /Font << /F1 5 0 R >>")
    code, err = _convert(tmp_path, "form.pdf", _pdf(_slow([*objects, form])))
    assert code == 0, err[-500:]


def _form(number_of_resources: bytes, content: bytes) -> bytes:
    return _stream(
        zlib.compress(content),
        b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << " + number_of_resources + b" >> ",
    )


def test_a_form_drawn_100000_times_is_counted_at_every_use(tmp_path: Path) -> None:
    # 8 kB of text drawn 100,000 times from 700 kB of page content: PDFium parses the form again
    # at every use, and the process aborted.
    form = _form(b"/Font << /F1 5 0 R >>", b"BT /F1 1 Tf 5 5 Td " + b"(ab) Tj " * 1000 + b" ET")
    objects = _page(TEXT + b"/X0 Do " * 100_000, b"/XObject << /X0 6 0 R >> /Font << /F1 5 0 R >>")
    _refused(tmp_path, "uses.pdf", _pdf([*objects, form]), "max_pdf_content_bytes")


def test_forms_nested_ten_by_ten_are_counted_at_every_use(tmp_path: Path) -> None:
    # Each form draws the next ten times, seven deep: ten million uses of the last one.
    objects = _page(TEXT + b"/X Do", b"/XObject << /X 6 0 R >> /Font << /F1 5 0 R >>")
    for level in range(7):
        if level < 6:
            objects.append(_form(b"/XObject << /X %d 0 R >>" % (7 + level), b"/X Do " * 10))
        else:
            objects.append(_form(b"/Font << /F1 5 0 R >>", b"BT /F1 1 Tf 5 5 Td " + b"(ab) Tj " * 100 + b" ET"))
    _refused(tmp_path, "nested.pdf", _pdf(objects), "max_pdf_content_bytes")


def test_an_xref_prev_loop_ends(tmp_path: Path) -> None:
    pdf = _pdf(_slow(_page(TEXT)))
    xref = pdf.rindex(b"xref\n")
    # The table's trailer names itself as the previous one.
    _read_or_refused(tmp_path, "prev.pdf", pdf.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % xref))


@pytest.mark.parametrize("where", ["resources", "content"])
def test_arrays_nested_100000_deep_end(where: str, tmp_path: Path) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    if where == "resources":
        objects = _page(TEXT, b"/Font << /F1 5 0 R >> /Deep " + deep)
    else:
        objects = _page(TEXT + deep + b" TJ\n")
    _read_or_refused(tmp_path, f"deep-{where}.pdf", _pdf(_slow(objects)))


def test_a_huge_declared_image_is_not_decoded(tmp_path: Path) -> None:
    # 100,000 x 100,000 RGB (30 GB declared) holding 1.5 GB of zeros: text extraction never
    # draws it, so the file reads; counting it as page content would refuse a harmless CV.
    image = _stream(
        _bomb(1500 * 2**20, byte=b"\x00"),
        b"/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceRGB /BitsPerComponent 8 ",
    )
    objects = _page(TEXT + b"q 612 0 0 792 0 0 cm /Im0 Do Q\n", b"/Font << /F1 5 0 R >> /XObject << /Im0 6 0 R >>")
    code, err = _convert(tmp_path, "image.pdf", _pdf([*objects, image]))
    assert code == 0, err[-500:]


# --- what PDFium itself refuses ---------------------------------------------------------------


def test_a_pdf_with_a_user_password_is_one_line(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_pdf(_page(TEXT))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    _refused(tmp_path, "locked.pdf", out.getvalue(), "password")


def test_a_pdf_encrypted_with_the_empty_password_is_read(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_pdf(_page(TEXT))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    code, err = _convert(tmp_path, "restricted.pdf", out.getvalue())
    assert code == 0, err[-500:]
    assert "Jane Example" in (tmp_path / "out.json").read_text(encoding="utf-8")


def test_an_image_only_pdf_says_ocr_is_not_supported(tmp_path: Path) -> None:
    image = _stream(
        zlib.compress(b"\x80" * 64 * 64),
        b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 ",
    )
    objects = _page(b"q 612 0 0 792 0 0 cm /Im0 Do Q\n", b"/XObject << /Im0 6 0 R >>")
    _refused(tmp_path, "scan.pdf", _pdf([*objects, image]), "no text layer", "OCR")


@pytest.mark.parametrize("damage", ["truncated", "no-xref", "junk"])
def test_a_damaged_pdf_is_one_line_or_read(damage: str, tmp_path: Path) -> None:
    pdf = _pdf(_page(TEXT))
    data = {
        "truncated": pdf[: len(pdf) // 2],
        "no-xref": pdf[: pdf.rindex(b"xref")],
        "junk": b"%PDF-1.7\n" + bytes(range(256)) * 40,
    }[damage]
    _read_or_refused(tmp_path, f"{damage}.pdf", data)


# --- hostile attachments --------------------------------------------------------------------


def _with_attachment(name: str, packed: bytes, text: bytes = TEXT) -> bytes:
    objects = _page(text)
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(%s) 6 0 R] >> >> >>" % (
        name.encode()
    )
    objects.append(b"<< /Type /Filespec /F (%s) /UF (%s) /EF << /F 7 0 R >> >>" % (name.encode(), name.encode()))
    objects.append(_stream(packed, b"/Type /EmbeddedFile "))
    return _pdf(objects)


def test_an_attached_europass_xml_with_entity_expansion_is_refused(tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE Candidate [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(b'<!ENTITY %c "%s">' % (ord("b") + i, (b"&%c;" % (ord("a") + i)) * 10) for i in range(9))
        + b']><Candidate xmlns="http://www.europass.eu/1.0"><x>&j;</x></Candidate>'
    )
    _refused(tmp_path, "laughs.pdf", _with_attachment("attachment.xml", zlib.compress(laughs)))


def test_an_attached_flate_bomb_is_refused(tmp_path: Path) -> None:
    bomb = _bomb(1500 * 2**20, b'<Candidate xmlns="http://www.europass.eu/1.0">')
    _refused(tmp_path, "attached.pdf", _with_attachment("attachment.xml", bomb), "max_attachment_bytes")


def test_an_attachment_that_is_no_europass_cv_leaves_the_text_layer(tmp_path: Path) -> None:
    code, err = _convert(tmp_path, "notes.pdf", _with_attachment("notes.xml", zlib.compress(b"<notes/>")))
    assert code == 0, err[-500:]
    assert "Jane Example" in (tmp_path / "out.json").read_text(encoding="utf-8")


# --- quadratic passes -----------------------------------------------------------------------


def test_fifty_thousand_small_shapes_beside_fifty_thousand_words_read_in_seconds(tmp_path: Path) -> None:
    # Every shape could be a drawn bullet before every word of the row: a pass that checks each
    # shape against each word took minutes here (a 1 kB file); distinct shapes, so that dropping
    # duplicates alone does not pass.
    n = 50_000
    shapes = b"".join(b"%.3f 400 1 1 re f\n" % (100 + i * 0.001) for i in range(n))
    text = b"BT /F1 2 Tf 3 Tz 1 0 0 1 102 400 Tm (" + b"a " * n + b") Tj ET\n"
    path = tmp_path / "shapes.pdf"
    path.write_bytes(_pdf(_page(shapes + text)))
    code, err, _, seconds = run_bounded(str(path), str(tmp_path / "out.json"))
    if code != 0:
        assert_one_line_error(code, err, "shapes.pdf")
    assert seconds < 10, seconds
