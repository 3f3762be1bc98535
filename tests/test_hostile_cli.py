"""Hostile text against the command line: what it prints is escaped, one line each, and bounded.

Keys, values and file names come from applicants: a newline forges a line, an escape
sequence retitles or recolours the terminal, a bidi override reverses what is read. Every
line the CLI prints shows them as visible escapes; the JSON it prints stays exact JSON,
one line per object.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvconvert.cli import EXIT_FAILED, main

# OSC (retitle, hyperlinks), CSI (colour), a forged line, C1 NEL, the line separator, RLO.
EVIL = "k\x1b]0;pwned\x07\x1b[31m\n\rerror: forged\x85\u2028\u202e\u2066\x9b"
RAW = ("\x1b", "\x07", "\r", "\x85", "\u2028", "\u202e", "\u2066", "\x9b")


def cli(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def assert_clean(text: str, lines: int | None = None) -> None:
    """No raw control character; every line one of ours (no forged 'error: forged' line)."""
    for char in RAW:
        assert char not in text, repr(text[:300])
    assert not any(line.startswith("error: forged") for line in text.split("\n"))
    if lines is not None:
        assert len(text.strip("\n").split("\n")) == lines, repr(text[:500])


def test_issue_12_an_unknown_key_is_printed_escaped(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    src = tmp_path / "cv.json"
    src.write_text(json.dumps({"basics": {"name": "A", EVIL: 1}}))
    code, _, err = cli(src, tmp_path / "cv.xml")
    assert code == 0
    assert_clean(err, lines=1)
    assert "\\x1b]0;pwned\\x07" in err and "\\n\\rerror: forged\\x85\\u2028\\u202e" in err


def test_issue_12_a_file_name_in_an_error_is_printed_escaped(tmp_path: Path) -> None:
    src = tmp_path / f"cv{EVIL}.json"
    src.write_text("{ not json")
    code, _, err = cli(src, tmp_path / "out.yaml")
    assert code == EXIT_FAILED
    assert_clean(err, lines=1)
    assert err.startswith("error: ")


def test_issue_12_validate_escapes_names_and_problems(tmp_path: Path) -> None:
    src = tmp_path / f"ok{EVIL}.json"
    src.write_text(json.dumps({"basics": {"name": "A"}, "work": [{"startDate": "2019-1" + EVIL}]}))
    code, out, err = cli("validate", "--strict", src)
    assert code == EXIT_FAILED
    assert_clean(out)
    assert_clean(err, lines=1)


def test_issue_12_batch_lines_escape_file_names(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"cv{i}{EVIL}.json").write_text('{"basics": {"name": "A"}}')
    (tmp_path / "in" / f"bad{EVIL}.json").write_text("{ not json")
    code, out, err = cli("batch", tmp_path / "in", "--to", "yaml", "--out", tmp_path / "out", "--jobs", "1")
    assert code == EXIT_FAILED
    assert_clean(out, lines=4)
    assert_clean(err, lines=2)  # the summary, then the one failure


def test_issue_12_json_lines_stay_one_line_and_exact(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    name = f"cv{EVIL}.json"
    (tmp_path / "in" / name).write_text(json.dumps({"basics": {"name": "A"}, "work": [{"startDate": EVIL}]}))
    report = tmp_path / "report.json"
    code, out, _ = cli(
        "batch", tmp_path / "in", "--to", "yaml", "--out", tmp_path / "out", "--jobs", "1", "--json", "--report", report
    )
    assert code == 0
    # splitlines() breaks at \x85 and \u2028 too: a JSON line must hold none of them raw.
    (line,) = out.splitlines()
    (item,) = [json.loads(line)]
    assert item["input"] == str(tmp_path / "in" / name)  # exact, not escaped twice
    assert repr(EVIL) in item["warnings"][0]["message"]
    text = report.read_text(encoding="utf-8")
    assert "\x85" not in text and "\u2028" not in text and "\u202e" not in text
    (saved,) = json.loads(text)
    assert saved["input"] == item["input"] and saved["warnings"] == item["warnings"]


def test_issue_12_a_huge_key_is_cut_on_stderr_and_in_the_report(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    src = tmp_path / "cv.json"
    src.write_text(json.dumps({"basics": {"name": "A", "k" * 500_000: 1}}))
    report = tmp_path / "report.json"
    code, _, err = cli(src, tmp_path / "cv.xml", "--report", report)
    assert code == 0
    (line,) = err.splitlines()
    assert len(line) < 1_200 and line.endswith("characters cut)")
    assert report.stat().st_size < 5_000


def test_issue_12_an_undecodable_file_name_reaches_the_report_exactly(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    raw = os.fsencode(tmp_path / "in") + b"/\xffcv.json"
    with open(raw, "wb") as handle:
        handle.write(b'{"basics": {"name": "A"}}')
    report = tmp_path / "report.json"
    code, out, _ = cli(
        "batch", tmp_path / "in", "--to", "yaml", "--out", tmp_path / "out", "--report", report, "--json"
    )
    assert code == 0
    (saved,) = json.loads(report.read_text(encoding="utf-8"))
    assert saved["input"] == os.fsdecode(raw) == json.loads(out)["input"]
