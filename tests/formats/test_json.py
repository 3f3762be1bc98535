"""The json format: canonical, lossless; bad input gives one clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

import cvconvert
from cvconvert.errors import InvalidInputError, LimitExceededError
from cvconvert.formats import _json
from tests.conftest import sample_files
from tests.strategies import resume_data


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_samples_are_written_back_byte_for_byte(path: Path) -> None:
    resume, report = cvconvert.read_with_report(path)
    assert not report.notes
    assert cvconvert.dumps(resume, "json")[0] == path.read_bytes()


@given(resume_data)
def test_json_round_trip_is_lossless(data: dict[str, object]) -> None:
    raw = _json.dumps(data)
    resume, report = cvconvert.read_with_report(raw, "json", strict=True)
    assert not report.notes
    out, loss = cvconvert.dumps(resume, "json")
    assert not loss.notes
    assert json.loads(out) == data


def test_output_is_pretty_utf8_with_final_newline() -> None:
    out, _ = cvconvert.dumps(cvconvert.Resume.model_validate({"basics": {"name": "王如"}}), "json")
    assert out == '{\n  "basics": {\n    "name": "王如"\n  }\n}\n'.encode()


def test_lone_surrogate_from_an_escape_is_written_as_an_escape() -> None:
    resume = cvconvert.read(b'{"basics": {"name": "a\\ud800b"}}')
    out, _ = cvconvert.dumps(resume, "json")
    assert json.loads(out)["basics"]["name"] == "a\ud800b"


def test_utf8_bom_is_accepted() -> None:
    assert cvconvert.read(b'\xef\xbb\xbf{"basics": {"name": "A"}}', "json").to_data() == {"basics": {"name": "A"}}


def test_utf16_with_bom_is_accepted() -> None:
    data = '{"basics": {"name": "Zoë"}}'.encode("utf-16")
    assert cvconvert.read(data, "json").to_data() == {"basics": {"name": "Zoë"}}


def test_json5_comments_and_trailing_commas_read_tolerantly_but_not_strictly() -> None:
    text = b'{\n  // a comment\n  "basics": {"name": "A",},\n}'
    resume, report = cvconvert.read_with_report(text, "json")
    assert resume.to_data() == {"basics": {"name": "A"}}
    assert "JSON5" in report.warnings[0].message
    with pytest.raises(InvalidInputError, match="not valid JSON"):
        cvconvert.read(text, "json", strict=True)


def test_duplicate_keys_keep_the_last_value_and_say_so() -> None:
    resume, report = cvconvert.read_with_report(b'{"basics": {"name": "A", "name": "B"}}', "json")
    assert resume.to_data() == {"basics": {"name": "B"}}
    assert "'name' appears more than once" in report.warnings[0].message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"   \n", "only white space"),
        (b"not json at all {", "not valid JSON"),
        (b'{"basics": {"name": "\xff\xfe"}}', "not UTF-8 text (byte 0xff at offset 21)"),
        (b"[1, 2, 3]", "expected a résumé object, found a JSON array"),
        (b'"a string"', "expected a résumé object, found text"),
        (b"[" * 200_000 + b"]" * 200_000, "nested"),
    ],
)
def test_bad_json_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        cvconvert.read(data, "json")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_deep_nesting_inside_a_resume_hits_the_limit() -> None:
    deep = b'{"x-deep": ' + b"[" * 300 + b"]" * 300 + b"}"
    with pytest.raises(LimitExceededError, match="nested deeper than 200"):
        cvconvert.read(deep, "json")


def test_a_50_mb_string_reads_correctly_when_the_text_limit_allows_it() -> None:
    big = "a" * (50 * 2**20)
    with cvconvert.limits.using(max_text_bytes=60 * 2**20):
        resume = cvconvert.read(json.dumps({"basics": {"summary": big}}).encode(), "json")
    assert resume.basics is not None and resume.basics.summary == big


def test_a_text_input_past_the_text_limit_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(LimitExceededError, match="limit 1,024 for text formats"):
        with cvconvert.limits.using(max_text_bytes=1024):
            cvconvert.read(json.dumps({"basics": {"summary": "a" * 2000}}).encode(), "json")


def test_wrong_types_are_one_line_in_strict_mode_and_repaired_in_tolerant_mode() -> None:
    data = b'{"basics": {"name": ["A", "B"]}, "work": {"name": "X"}}'
    with pytest.raises(InvalidInputError) as info:
        cvconvert.read(data, "json", strict=True)
    assert {p for p, _ in info.value.problems} == {"/basics/name", "/work"}
    resume, report = cvconvert.read_with_report(data, "json")
    assert resume.to_data() == {"basics": {"name": "A\nB"}, "work": [{"name": "X"}]}
    assert len(report.warnings) == 2


def test_a_json5_megabyte_reads_in_bounded_time() -> None:
    import time

    jobs = [{"name": "x" * 50, "highlights": ["y" * 80] * 5} for _ in range(2000)]
    text = json.dumps({"work": jobs})[:-1] + ", // a comment\n}"
    start = time.perf_counter()
    resume = cvconvert.read(text.encode(), "json")
    assert len(resume.work or ()) == 2000
    assert time.perf_counter() - start < 10  # a pure-Python JSON5 parser took 44 s here
