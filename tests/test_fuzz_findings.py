"""Regression tests for what the atheris harnesses in fuzz/ found (one test per finding)."""

from __future__ import annotations

import io
import zipfile

import pytest

import cvconvert
from cvconvert.errors import InvalidInputError
from tests.conftest import SAMPLES


def _zip_with_version_needed(version: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", b"<x/>")
    data = bytearray(out.getvalue())
    central = data.rfind(b"PK\x01\x02")
    data[central + 6 : central + 8] = version.to_bytes(2, "little")  # "version needed to extract"
    return bytes(data)


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_fuzz_zip_with_an_unknown_version_is_invalid_input(fmt: str) -> None:
    # zipfile raises NotImplementedError("zip file version 14.8") for it.
    reader = cvconvert.available_formats()[fmt].read
    assert reader is not None
    with pytest.raises(InvalidInputError, match="damaged"):
        reader(_zip_with_version_needed(148), cvconvert.available_formats()[fmt].read_options())


def test_fuzz_zip_member_with_an_unknown_compression_is_invalid_input() -> None:
    from cvconvert._input import open_zip, read_member

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("a.xml", b"<x/>" * 10)
    data = bytearray(out.getvalue())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        data[at + offset : at + offset + 2] = (99).to_bytes(2, "little")  # method 99 (AES)
    with pytest.raises(InvalidInputError, match=r"zip member a\.xml uses a compression"):
        read_member(open_zip(bytes(data)), "a.xml")


def test_fuzz_yaml_timestamp_with_a_bad_month_stays_text() -> None:
    # PyYAML's timestamp constructor raised ValueError("month must be in 1..12").
    resume, report = cvconvert.read_with_report(b"work:\n- startDate: 2021-13-01\nx-when: 2021-13-01\n", "yaml")
    assert resume.to_data()["x-when"] == "2021-13-01"
    # The schema's own pattern accepts month 13 (it checks digits, not calendars).
    assert resume.to_data()["work"] == [{"startDate": "2021-13-01"}]
    assert not report.notes


def test_fuzz_findings_leave_good_files_alone() -> None:
    assert cvconvert.read(SAMPLES / "minimal.json", "json")


def test_xml_limits_on_depth_and_element_count() -> None:
    from cvconvert import limits
    from cvconvert._input import parse_xml
    from cvconvert.errors import LimitExceededError

    nested = b"<a>" * 40 + b"</a>" * 40
    assert parse_xml(nested) is not None
    with limits.using(max_xml_depth=39), pytest.raises(LimitExceededError, match="deeper than 39"):
        parse_xml(nested)
    with limits.using(max_xml_depth=40):
        parse_xml(nested)
    with pytest.raises(LimitExceededError, match="deeper than 256"):
        parse_xml(b"<a>" * 300 + b"</a>" * 300)
    wide = b"<r>" + b"<i/>" * 1000 + b"</r>"
    with limits.using(max_xml_nodes=1000), pytest.raises(LimitExceededError, match="more than 1,000 elements"):
        parse_xml(wide)
    with limits.using(max_xml_nodes=1001):  # counted while parsed (more "<" than the limit), and within it
        assert len(parse_xml(wide)) == 1000


def test_fuzz_rdflib_log_lines_do_not_reach_stderr(tmp_path: object) -> None:
    # The html harness showed rdflib logging "... does not look like a valid URI" on stderr.
    import subprocess
    import sys
    from pathlib import Path

    page = Path(str(tmp_path)) / "odd.html"
    page.write_text(
        '<html><script type="application/ld+json">{"@context": "https://schema.org", "@type": "Person",'
        ' "name": "A", "mem`erOf": "B"}</script></html>'
    )
    proc = subprocess.run(
        [sys.executable, "-m", "cvconvert", str(page), str(page.with_suffix(".json"))], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert all(line.startswith(("warning: ", "loss: ")) for line in proc.stderr.splitlines()), proc.stderr


def test_quieted_library_loggers_get_their_level_back() -> None:
    import logging

    from cvconvert._deps import quiet_logger

    logger = logging.getLogger("pypdf")
    logger.setLevel(logging.INFO)
    with quiet_logger("pypdf"):
        assert logger.level == logging.ERROR
    assert logger.level == logging.INFO


def test_fuzz_a_zip_whose_directory_points_before_the_file_is_invalid_input() -> None:
    # The xlsx harness: a central directory placed "later" than it is makes zipfile compute
    # negative member offsets, and the size check's seek raised ValueError("negative seek value").
    data = bytearray(cvconvert.dumps(cvconvert.read(SAMPLES / "minimal.json"), "xlsx")[0])
    central = data.find(b"PK\x01\x02")
    data[central + 20 : central + 24] = (2**31).to_bytes(4, "little")  # a compressed size to inflate-check
    end = data.rfind(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16 : end + 20], "little")
    data[end + 16 : end + 20] = (offset + 4096).to_bytes(4, "little")
    with pytest.raises(InvalidInputError, match="damaged zip member"):
        cvconvert.read(bytes(data), "xlsx")
