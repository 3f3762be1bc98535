"""Pieces of the service that need no server: the report header, names in headers and errors,
problem documents. Properties over any text a client or a file could bring."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cvconvert
from cvconvert.errors import InvalidInputError, LossError, OptionError
from cvconvert.report import Report
from cvconvert.service import work
from cvconvert.service.app import _attachment, _safe_name, report_header
from cvconvert.service.problems import from_exception, one_line

notes = st.lists(st.fixed_dictionaries({"path": st.text(max_size=60), "message": st.text(max_size=300)}), max_size=60)


@given(notes, notes, notes, st.integers(min_value=200, max_value=8_192))
def test_report_header_is_ascii_json_within_budget_and_counts_every_note(
    warnings: list[dict[str, str]], losses: list[dict[str, str]], hidden: list[dict[str, str]], budget: int
) -> None:
    report = {"warnings": warnings, "losses": losses, "hidden": hidden}
    header = report_header(report, budget)
    assert header.isascii() and "\r" not in header and "\n" not in header
    kept = json.loads(header)
    total = len(warnings) + len(losses) + len(hidden)
    if "cut" in kept:
        assert len(header) <= budget
        assert kept["cut"] + sum(len(kept[k]) for k in ("warnings", "losses", "hidden")) == total
    else:
        assert kept == report


@given(st.text(max_size=400))
def test_a_client_file_name_is_one_harmless_part(name: str) -> None:
    safe = _safe_name(name)
    assert safe and "/" not in safe and "\\" not in safe and len(safe) <= 255
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029\u202e" for c in safe)
    header = _attachment(safe)
    header.encode("latin-1")  # a header value HTTP can carry
    assert "\r" not in header and "\n" not in header and header.count('"') == 2


@given(st.text(max_size=3_000))
def test_problem_details_are_one_bounded_line(text: str) -> None:
    line = one_line(text)
    assert "\n" not in line and "\r" not in line and len(line) <= 1_100


def test_problems_map_the_library_errors_to_statuses() -> None:
    report = Report()
    report.lost("/work/0/highlights", "no place for highlights")
    assert from_exception(OptionError("unknown option colour"))["status"] == 400
    assert (
        from_exception(InvalidInputError("not a Word file", source="cv.docx"))["detail"] == "cv.docx: not a Word file"
    )
    loss = from_exception(LossError(report, "cv.xml"))
    assert loss["status"] == 422 and loss["report"]["losses"][0]["path"] == "/work/0/highlights"
    assert from_exception(ZeroDivisionError("x"))["status"] == 500


@pytest.mark.parametrize("option", ["data", "fmt", "name", "strict"])
def test_a_read_job_with_an_option_named_like_a_parameter_is_a_400(option: str) -> None:
    # Regression: read_loaded(data, fmt, name, strict=..., **options) raised a TypeError (a 500).
    reply = work.handle("read", {"data": b"{}", "name": "cv.json", "options": {option: "1"}})
    assert not reply["ok"] and reply["problem"]["status"] == 400
    assert f"unknown option(s) {option} " in reply["problem"]["detail"]


@pytest.mark.parametrize("option", ["data", "fmt", "name"])
def test_the_library_reads_an_option_named_like_a_parameter_as_an_unknown_option(option: str) -> None:
    with pytest.raises(OptionError, match=f"unknown option\\(s\\) {option} "):
        cvconvert.read(io.BytesIO(b"{}"), **{option: 1})
