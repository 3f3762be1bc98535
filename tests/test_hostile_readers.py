"""Issue 12, item 7: a reader hands the writers only a résumé that every writer can write.

Each hostile input below is read, then written with every format that writes; nothing but a
CvConvertError may come out (before the fixes, writers raised UnicodeDecodeError on a !!binary
value that is not UTF-8, and "Maximum serialization depth exceeded" on a DOCX data part nested
10,000 deep).
"""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

import cvconvert
from cvconvert.formats import all_formats
from cvconvert.model import Resume

_HOSTILE_YAML = {
    "binary-not-utf8": "basics:\n  name: Jane\nx-photo: !!binary /9j/4AAQSkZJRgABAQ==\n",
    "binary-utf8-in-known-field": "basics:\n  name: !!binary SmFuZSDDqQ==\n",
    "binary-in-list": "basics: {name: Jane}\nx-blobs: [!!binary /w==, !!binary YQ==]\n",
    "binary-root": "!!binary /w==\n",
    "set": "basics: {name: Jane}\nx-tags: !!set {b, a, c}\n",
    "set-as-skill-keywords": "skills:\n  - name: Web\n    keywords: !!set {html, css}\n",
    "omap": "basics: {name: Jane}\nx-order: !!omap [{b: 1}, {a: 2}]\n",
    "pairs": "basics: {name: Jane}\nx-pairs: !!pairs [{a: 1}, {a: 2}]\n",
    "timestamps-in-unknown-fields": "basics: {name: Jane}\nx-when: 2001-12-14t21:59:43.10-05:00\nx-day: 2002-12-14\n",
    "non-string-keys": (
        "basics: {name: Jane}\nx-map: {1: a, true: b, null: c, 2001-01-01: d, 1.5: e, !!binary YQ==: f}\n"
    ),
    "nan-and-inf": "basics: {name: Jane}\nx-nan: .nan\nx-inf: -.inf\nwork: [{name: .nan}]\n",
    "big-numbers": f"basics: {{name: Jane}}\nx-big: {'9' * 4000}\nx-huge: {'9' * 5000}\nx-float: 1e308\n",
}


def _writers() -> list[str]:
    return [name for name, fmt in all_formats().items() if fmt.write is not None]


def _write_everywhere(resume: Resume) -> None:
    for name in _writers():
        try:
            cvconvert.dumps(resume, name)
        except cvconvert.CvConvertError:
            pass  # a one-line refusal is fine; anything else is our bug


@pytest.mark.parametrize("case", sorted(_HOSTILE_YAML))
def test_issue_12_hostile_yaml_reads_into_what_every_writer_writes(case: str) -> None:
    pytest.importorskip("yaml")
    data = _HOSTILE_YAML[case].encode()
    try:
        resume = cvconvert.read(data, "yaml")
    except cvconvert.CvConvertError:
        return
    # Only JSON comes out of the reader: text, numbers JSON has, lists and objects.
    text = json.dumps(resume.to_data(), allow_nan=False)
    assert "b'" not in text
    _write_everywhere(resume)


def test_binary_yaml_is_text_with_a_warning_or_dropped_with_a_loss() -> None:
    pytest.importorskip("yaml")
    resume, report = cvconvert.read_with_report(_HOSTILE_YAML["binary-in-list"].encode(), "yaml")
    assert resume.to_data()["x-blobs"] == ["a"]
    assert [n.path for n in report.losses] == ["/x-blobs/0"]
    assert [n.path for n in report.warnings if "binary" in n.message] == ["/x-blobs/1"]
    resume, report = cvconvert.read_with_report(_HOSTILE_YAML["binary-utf8-in-known-field"].encode(), "yaml")
    assert resume.basics is not None and resume.basics.name == "Jane é"


def test_yaml_sets_and_ordered_maps_become_lists_in_document_order() -> None:
    pytest.importorskip("yaml")
    resume, report = cvconvert.read_with_report(_HOSTILE_YAML["set"].encode(), "yaml")
    assert resume.to_data()["x-tags"] == ["b", "a", "c"]
    assert any(n.path == "/x-tags" for n in report.warnings)
    resume, _ = cvconvert.read_with_report(_HOSTILE_YAML["omap"].encode(), "yaml")
    assert resume.to_data()["x-order"] == [["b", 1], ["a", 2]]
    data = cvconvert.read(_HOSTILE_YAML["non-string-keys"].encode(), "yaml").to_data()["x-map"]
    assert list(data) == ["1", "true", "null", "2001-01-01", "1.5", "a"]


def test_strict_yaml_refuses_what_is_not_json() -> None:
    pytest.importorskip("yaml")
    for case in ("binary-not-utf8", "set", "omap"):
        with pytest.raises(cvconvert.InvalidInputError, match="is not JSON"):
            cvconvert.read(_HOSTILE_YAML[case].encode(), "yaml", strict=True)


def _with_data_part(docx: bytes, change: str) -> bytes:
    """The DOCX with its hidden data part's résumé replaced; the page is left as written, so
    the part still matches the page's fingerprint."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if re.fullmatch(r"customXml/item\d+\.xml", info.filename):
                text = data.decode("utf-8")
                body = change.replace("&", "&amp;").replace("<", "&lt;")
                pattern = r"(<(?:\w+:)?resume>)(.*?)(</(?:\w+:)?resume>)"
                text, count = re.subn(pattern, lambda m, body=body: m[1] + body + m[3], text, flags=re.S)
                assert count == 1
                data = text.encode("utf-8")
            target.writestr(info.filename, data)
    return out.getvalue()


def _nested(depth: int) -> str:
    # Written out, not built and dumped: json.dumps itself recurses once per level.
    return '{"basics": {"name": "Jane"}, "x-deep": ' + "[" * depth + '"deep"' + "]" * depth + "}"


@pytest.mark.parametrize(
    ("change", "error"),
    [
        # Deeper than json.loads recurses: a damaged part, as before.
        (_nested(10_000), cvconvert.InvalidInputError),
        (_nested(300), cvconvert.LimitExceededError),
        (json.dumps({"basics": {"name": "Jane"}, "work": [{"name": "A"}] * 100_001}), cvconvert.LimitExceededError),
    ],
    ids=["nested-10000", "nested-300", "entries-100001"],
)
def test_issue_12_a_docx_data_part_takes_the_json_limits(change: str, error: type[Exception]) -> None:
    """The data part matching the page's fingerprint skipped max_json_depth and max_entries."""
    pytest.importorskip("docx")
    written, _ = cvconvert.dumps(Resume.model_validate({"basics": {"name": "Jane"}}), "docx")
    data = _with_data_part(written, change)
    with pytest.raises(error):
        cvconvert.read(data, "docx")


def test_a_docx_data_part_with_nan_is_refused() -> None:
    pytest.importorskip("docx")
    written, _ = cvconvert.dumps(Resume.model_validate({"basics": {"name": "Jane"}}), "docx")
    source = zipfile.ZipFile(io.BytesIO(written))
    part = next(n for n in source.namelist() if n.startswith("customXml/item") and "Props" not in n)
    # The data part holds what the page cannot show only: the name is on the page, not in it.
    assert b"Jane" not in source.read(part)
    assert b"<cv:resume>{" in source.read(part)
    for bad in ("NaN", "-Infinity", "1e999"):
        text = source.read(part).decode("utf-8").replace("<cv:resume>{", '<cv:resume>{"x-bad": ' + bad + ",")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                target.writestr(info.filename, text.encode() if info.filename == part else source.read(info.filename))
        with pytest.raises(cvconvert.InvalidInputError, match="damaged cvconvert data part"):
            cvconvert.read(out.getvalue(), "docx")


def test_a_docx_data_part_within_the_limits_is_written_by_every_writer() -> None:
    pytest.importorskip("docx")
    written, _ = cvconvert.dumps(Resume.model_validate({"basics": {"name": "Jane"}}), "docx")
    data = _with_data_part(written, _nested(150))
    try:
        resume = cvconvert.read(data, "docx")
    except cvconvert.CvConvertError:
        return
    _write_everywhere(resume)
