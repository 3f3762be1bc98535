"""The library API: sources and targets of every kind, format resolution, errors, atomic writes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import cvconvert
from cvconvert import formats, limits
from cvconvert.errors import (
    InvalidInputError,
    LimitExceededError,
    LossError,
    OptionError,
    UnknownFormatError,
)
from tests.conftest import SAMPLES

SAMPLE = SAMPLES / "wanru-zhao.json"


@pytest.fixture(params=["path", "str", "bytes", "file"])
def source(request: pytest.FixtureRequest) -> object:
    kind = request.param
    if kind == "path":
        return SAMPLE
    if kind == "str":
        return str(SAMPLE)
    if kind == "bytes":
        return SAMPLE.read_bytes()
    return io.BytesIO(SAMPLE.read_bytes())


def test_read_accepts_every_source_kind(source: object) -> None:
    resume = cvconvert.read(source)  # type: ignore[arg-type]
    assert resume.basics is not None and resume.basics.name == "Wanru Zhao"


@pytest.mark.parametrize("kind", ["path", "file"])
def test_write_accepts_a_path_or_a_file_object(kind: str, tmp_path: Path) -> None:
    resume = cvconvert.read(SAMPLE)
    if kind == "path":
        report = cvconvert.write(resume, tmp_path / "cv.yaml")
        data = (tmp_path / "cv.yaml").read_bytes()
    else:
        buffer = io.BytesIO()
        report = cvconvert.write(resume, buffer, "yaml")
        data = buffer.getvalue()
    assert not report.notes
    assert cvconvert.read(data, "yaml") == resume


def test_convert_returns_the_combined_report(tmp_path: Path) -> None:
    src = tmp_path / "in.json"
    src.write_text('{"work": [{"name": "A", "endDate": "Present"}]}')
    report = cvconvert.convert(src, tmp_path / "out.yaml")
    assert [n.path for n in report] == ["/work/0/endDate"]
    assert (tmp_path / "out.yaml").read_text() == "work:\n- name: A\n"


def test_format_is_sniffed_when_the_name_does_not_tell(tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_bytes(b"basics:\n  name: A\n")
    assert cvconvert.read(tmp_path / "cv.txt").to_data() == {"basics": {"name": "A"}}
    assert cvconvert.read(b'  {"basics": {}}').to_data() == {"basics": {}}


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(UnknownFormatError, match=r"known formats: .*json.*yaml"):
        cvconvert.read(SAMPLE, "pdfx")
    # Content no format claims is bad input, not an unknown name: the CLI exits 1 for it, not 2.
    with pytest.raises(InvalidInputError, match="<bytes>: cannot tell the format of this file"):
        cvconvert.read(b"\x00\x01\x02binary")


def test_unknown_option_is_an_option_error() -> None:
    resume = cvconvert.read(SAMPLE)
    with pytest.raises(OptionError, match="colour"):
        cvconvert.dumps(resume, "json", colour="red")
    with pytest.raises(TypeError):  # OptionError is a TypeError too
        cvconvert.read(SAMPLE, "json", colour="red")


def test_missing_file_and_folder_are_invalid_input(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="no such file"):
        cvconvert.read(tmp_path / "nope.json")
    with pytest.raises(InvalidInputError, match="folder"):
        cvconvert.read(tmp_path)


def test_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    with pytest.raises(InvalidInputError) as info:
        cvconvert.read(bad)
    assert str(info.value).startswith(f"{bad}: not valid JSON")


def test_output_that_is_the_input_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cv.json"
    path.write_bytes(SAMPLE.read_bytes())
    with pytest.raises(InvalidInputError, match="overwrite the input"):
        cvconvert.convert(path, path)
    assert path.read_bytes() == SAMPLE.read_bytes()


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    src = tmp_path / "in.json"
    src.write_text("{broken")
    with pytest.raises(InvalidInputError):
        cvconvert.convert(src, tmp_path / "out.yaml")
    assert list(tmp_path.iterdir()) == [src]


def test_fail_on_loss_writes_nothing(tmp_path: Path) -> None:
    from cvconvert.formats.base import Format
    from cvconvert.report import Report

    def lossy(resume: cvconvert.Resume, options: object) -> tuple[bytes, Report]:
        report = Report()
        report.lost("/basics/name", "no place for it")
        return b"x", report

    fmt = Format("lossy", (".lossy",), "text/plain", write=lossy)

    formats.builtin()["lossy"] = fmt
    try:
        with pytest.raises(LossError) as info:
            cvconvert.convert(SAMPLE, tmp_path / "cv.lossy", fail_on_loss=True)
        assert [n.path for n in info.value.report.losses] == ["/basics/name"]
        assert not (tmp_path / "cv.lossy").exists()
        report = cvconvert.convert(SAMPLE, tmp_path / "cv.lossy")
        assert (tmp_path / "cv.lossy").read_bytes() == b"x"
        assert [n.path for n in report.losses] == ["/basics/name"]
    finally:
        del formats.builtin()["lossy"]


def test_input_size_limit_is_configurable(tmp_path: Path) -> None:
    with limits.using(max_input_bytes=100), pytest.raises(LimitExceededError, match="input limit"):
        cvconvert.read(SAMPLE)
    with limits.using(max_input_bytes=100), pytest.raises(LimitExceededError):
        cvconvert.read(SAMPLE.read_bytes())
    assert cvconvert.read(SAMPLE)  # the old limits are back


def test_read_many_of_a_single_resume_format_gives_one() -> None:
    resumes, report = cvconvert.read_many_with_report(b'{"work": [{"endDate": "now"}]}', "json")
    assert len(resumes) == 1
    assert [n.path for n in report] == ["/0/work/0/endDate"]


def test_write_many_refuses_a_one_resume_format(tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError, match="one résumé per file"):
        cvconvert.write_many([cvconvert.read(SAMPLE)], tmp_path / "x.json")


def test_report_as_json_has_paths_and_messages() -> None:
    _, report = cvconvert.read_with_report(b'{"work": [{"endDate": "now"}], "skills": ["Go"]}')
    data = report.as_json()
    assert data["losses"] == []
    assert [w["path"] for w in data["warnings"]] == ["/work/0/endDate", "/skills/0"]
    json.dumps(data)


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        cvconvert.convert(SAMPLE, tmp_path / "cv.yaml")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "cv.yaml").stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["cv.yaml"]  # no temporary file left


def test_a_library_exception_inside_a_reader_becomes_invalid_input(tmp_path: Path) -> None:
    from cvconvert.formats.base import Format

    def broken(data: bytes, options: object) -> tuple[cvconvert.Resume, object]:
        raise KeyError("/EF")  # what a PDF library raises on a damaged attachment

    formats.builtin()["broken"] = Format("broken", (".broken",), "x/y", read=broken)
    path = tmp_path / "x.broken"
    path.write_bytes(b"data")
    try:
        with pytest.raises(InvalidInputError) as info:
            cvconvert.read(path)
        assert str(info.value) == f"{path}: cannot read this broken file (KeyError: '/EF')"
    finally:
        del formats.builtin()["broken"]


def test_entries_per_section_are_limited() -> None:
    data = json.dumps({"skills": [{"name": str(i)} for i in range(50)]}).encode()
    with limits.using(max_entries=49), pytest.raises(LimitExceededError) as info:
        cvconvert.read(data)
    assert info.value.path == "/skills" and "50 entries in skills (limit 49)" in str(info.value)
    assert len(cvconvert.read(data).skills or ()) == 50


def test_write_many_to_a_path_streams_and_reads_back(tmp_path: Path) -> None:
    resumes = [cvconvert.read(p) for p in sorted(SAMPLES.glob("*.json"))]
    consumed: list[int] = []

    def lazily() -> object:
        for i, resume in enumerate(resumes):
            consumed.append(i)
            yield resume

    report = cvconvert.write_many(lazily(), tmp_path / "all.xlsx")  # type: ignore[arg-type]
    assert consumed == list(range(len(resumes))) and not report.losses
    assert cvconvert.read_many(tmp_path / "all.xlsx") == resumes
    assert [p.name for p in tmp_path.iterdir()] == ["all.xlsx"]


def test_read_many_of_a_one_resume_format_names_the_file_in_its_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    with pytest.raises(InvalidInputError) as caught:
        cvconvert.read_many_with_report(bad)
    assert caught.value.source == str(bad)  # it once said "<bytes>"
