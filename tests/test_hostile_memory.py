"""Small inputs that used to take gigabytes, or never end: each is now refused within the bound.

SECURITY.md promises that with the default limits no input makes cvconvert use more than
1 GiB or run longer than 60 s. Each case runs the real command in a subprocess under a
1 GiB address-space limit (tests.helpers.run_bounded) and must end in one line naming the
file, or a correct result. The files are built here; none is committed.
"""

from __future__ import annotations

import io
import os
import threading
import zipfile
import zlib
from pathlib import Path

import pytest

import cvconvert
from tests.conftest import SAMPLES
from tests.helpers import assert_one_line_error, run_bounded, zip_of

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _own(fmt: str) -> bytes:
    return cvconvert.dumps(cvconvert.read(SAMPLES / "wanru-zhao.json"), fmt)[0]


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def _zeros_member_with_a_lying_size(package: bytes, name: str, size: int) -> bytes:
    """``package`` with ``name`` replaced by ``size`` inflated bytes whose headers say 100."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * 2**20
    body = b"".join(squeeze.compress(chunk) for _ in range(size // len(chunk))) + squeeze.flush()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for member, data in _members(package).items():
            if member != name:
                new.writestr(member, data)
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        # Write the raw deflate stream ourselves, with a size and CRC of 100 spaces in the headers.
        info.file_size, info.compress_size, info.CRC = 100, len(body), zlib.crc32(b" " * 100)
        new.fp.write(info.FileHeader())  # type: ignore[union-attr]
        info.header_offset = new.fp.tell() - len(info.FileHeader())  # type: ignore[union-attr]
        new.fp.write(body)  # type: ignore[union-attr]
        new.filelist.append(info)
        new.NameToInfo[name] = info
        new.start_dir = new.fp.tell()  # type: ignore[union-attr]
    return out.getvalue()


@pytest.mark.parametrize(("fmt", "member"), [("docx", "word/document.xml"), ("xlsx", "xl/workbook.xml")])
def test_issue_12_a_member_whose_header_lies_about_its_size_is_not_inflated_whole(
    fmt: str, member: str, tmp_path: Path
) -> None:
    # About 1 MB on disk; zipfile's read() inflated all 1.2 GB before cutting it to "100 bytes".
    path = tmp_path / f"liar.{fmt}"
    path.write_bytes(_zeros_member_with_a_lying_size(_own(fmt), member, 1200 * 2**20))
    assert path.stat().st_size < 3 * 2**20
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, str(path))
    assert not (tmp_path / "out.json").exists()


def test_issue_12_a_docx_of_millions_of_empty_elements_is_refused_while_parsed(tmp_path: Path) -> None:
    # 140 KB zipped; the whole tree took 2.2 GB, then an internal XPathEvalError.
    body = b"<w:p/>" * 3_000_000
    document = f'<w:document xmlns:w="{W}"><w:body>'.encode() + body + b"</w:body></w:document>"
    members = _members(_own("docx")) | {"word/document.xml": document}
    path = tmp_path / "elements.docx"
    path.write_bytes(zip_of(members))
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, str(path))
    assert "1,000,000 elements" in err


def test_issue_12_a_100_mb_flat_xml_is_refused_while_parsed(tmp_path: Path) -> None:
    path = tmp_path / "flat.xml"
    with path.open("wb") as out:
        out.write(b'<Candidate xmlns="http://www.europass.eu/1.0">')
        for _ in range(100):
            out.write(b"<a/>" * (2**20 // 4))
        out.write(b"</Candidate>")
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, str(path))
    assert "1,000,000 elements" in err  # refused by the count, not by running out of memory


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # 9 MB: 3 million jobs (2.4 GB once built), then the same as unknown arrays and in YAML.
        ("jobs.json", '{"work":[' + ",".join(["{}"] * 3_000_000) + "]}"),
        ("unknown.json", '{"x-lists":[' + ",".join(["[]"] * 6_000_000) + "]}"),
        ("flow.yaml", "x: [" + ",".join(["[]"] * 3_000_000) + "]"),
        ("jobs.yaml", "work:\n" + "- {}\n" * 1_500_000),
    ],
)
def test_issue_12_data_of_millions_of_values_is_refused_before_the_resume_is_built(
    name: str, text: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(text)
    code, err, _, _ = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, str(path))
    assert "limit" in err or "more than" in err


def test_issue_12_a_link_to_a_device_is_refused_before_it_is_read(tmp_path: Path) -> None:
    link = tmp_path / "cv.json"
    link.symlink_to("/dev/zero")
    code, err, _, seconds = run_bounded(str(link), str(tmp_path / "out.docx"), timeout=20)
    assert_one_line_error(code, err, str(link))
    assert "device" in err and seconds < 20


def test_issue_12_a_fifo_named_as_the_input_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "cv.json"
    os.mkfifo(fifo)
    code, err, _, _ = run_bounded(str(fifo), str(tmp_path / "out.docx"), timeout=20)
    assert_one_line_error(code, err, str(fifo))
    assert "FIFO" in err


def test_issue_12_a_fifo_is_refused_by_the_library_even_when_a_writer_is_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "cv.json"
    os.mkfifo(fifo)
    stop = threading.Event()
    # A writer that keeps knocking: a blocking open of the FIFO would then succeed and read
    # whatever the other end sends (here nothing: an "empty file", not a refusal).
    threading.Thread(target=_knock, args=(fifo, stop), daemon=True).start()
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            cvconvert.read(fifo)
            outcome.append(None)
        except BaseException as exc:  # handed to the test's thread
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    stop.set()
    assert outcome, "reading a FIFO did not return"
    assert isinstance(outcome[0], cvconvert.InvalidInputError) and "FIFO" in str(outcome[0]), outcome


def _knock(fifo: Path, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            stop.wait(0.01)  # no reader yet


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_issue_12_two_members_of_one_name_are_refused(fmt: str, tmp_path: Path) -> None:
    # zipfile serves the last of two same-named members; Word may show the first.
    main = "word/document.xml" if fmt == "docx" else "xl/workbook.xml"
    members = _members(_own(fmt))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
        with pytest.warns(UserWarning, match="Duplicate name"):
            package.writestr(main, members[main])
    with pytest.raises(cvconvert.InvalidInputError, match="two members named"):
        cvconvert.read(out.getvalue(), fmt)


def test_issue_12_someone_elses_docx_with_megabytes_of_text_is_refused_before_the_rules_run(tmp_path: Path) -> None:
    # The rules take a few microseconds a character: 20 MB of text took about a minute.
    words = ("Lorem ipsum dolor sit amet, 2019 - 2021, consectetur. " * 40).encode()
    body = b"".join(b"<w:p><w:r><w:t>" + words + b"</w:t></w:r></w:p>" for _ in range(1500))
    document = f'<w:document xmlns:w="{W}"><w:body>'.encode() + body + b"</w:body></w:document>"
    path = tmp_path / "long.docx"
    path.write_bytes(zip_of({"word/document.xml": document}))
    code, err, _, seconds = run_bounded(str(path), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, str(path))
    assert "characters of text" in err and seconds < 20
