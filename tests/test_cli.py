"""The command line: conversions, stdin/stdout, reports, validate, formats, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cvconvert.cli import EXIT_FAILED, EXIT_LOSS, EXIT_OK, EXIT_USAGE, main
from tests.conftest import SAMPLES

SAMPLE = SAMPLES / "wanru-zhao.json"


def run(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """The real command in a real process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "cvconvert", *map(str, args)], input=stdin, capture_output=True, timeout=120
    )


def cli(*args: str | Path, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_convert_json_to_yaml_and_back(tmp_path: Path) -> None:
    code, _, err = cli(SAMPLE, tmp_path / "cv.yaml")
    assert code == EXIT_OK and err == ""
    code, _, _ = cli(tmp_path / "cv.yaml", tmp_path / "cv.json")
    assert code == EXIT_OK
    assert (tmp_path / "cv.json").read_bytes() == SAMPLE.read_bytes()


def test_stdin_to_stdout() -> None:
    proc = run("-", "-", "--to", "yaml", stdin=SAMPLE.read_bytes())
    assert proc.returncode == EXIT_OK, proc.stderr
    assert proc.stdout.startswith(b"$schema: ")


def test_stdout_needs_a_format() -> None:
    code, _, err = cli(SAMPLE, "-")
    assert code == EXIT_USAGE and "--to" in err


def test_warnings_go_to_stderr_one_line_each_with_their_path(tmp_path: Path) -> None:
    src = tmp_path / "in.json"
    src.write_text('{"work": [{"endDate": "Present", "startDate": "2019-1"}]}')
    code, _, err = cli(src, tmp_path / "out.json")
    assert code == EXIT_OK
    assert err.splitlines() == [
        "warning: /work/0/endDate: 'Present' means ongoing; written as no end date",
        "warning: /work/0/startDate: date '2019-1' read as '2019-01'",
    ]


def test_report_file_is_json_with_warnings_and_losses(tmp_path: Path) -> None:
    src = tmp_path / "in.json"
    src.write_text('{"skills": ["Go"]}')
    code, _, _ = cli(src, tmp_path / "out.yaml", "--report", tmp_path / "r.json", "-q")
    assert code == EXIT_OK
    assert json.loads((tmp_path / "r.json").read_text()) == {
        "warnings": [{"path": "/skills/0", "message": "an entry given as text; read as its 'name'"}],
        "losses": [],
    }


def test_strict_refuses_with_every_path(tmp_path: Path) -> None:
    src = tmp_path / "in.json"
    src.write_text('{"work": [{"endDate": "Present"}], "skills": ["Go"]}')
    code, _, err = cli(src, tmp_path / "out.json", "--strict")
    assert code == EXIT_FAILED
    assert len(err.strip().splitlines()) == 1
    assert "/work/0/endDate" in err and "/skills/0" in err and str(src) in err
    assert not (tmp_path / "out.json").exists()


def test_validate_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"work": [{"endDate": "Present"}], "skills": ["Go"]}')
    code, out, err = cli("validate", SAMPLE, bad, "--strict")
    assert code == EXIT_FAILED
    assert f"{SAMPLE}: ok" in out
    assert f"{bad}: /work/0/endDate: " in err and f"{bad}: /skills/0: " in err
    code, out, _ = cli("validate", bad)
    assert code == EXIT_OK and "2 warning(s)" in out


def test_formats_lists_every_format() -> None:
    code, out, _ = cli("formats")
    assert code == EXIT_OK
    for name in ("json", "yaml"):
        assert name in out


def test_unknown_format_and_unknown_option_are_usage_errors(tmp_path: Path) -> None:
    code, _, err = cli(SAMPLE, tmp_path / "x.unknown")
    assert code == EXIT_USAGE and "known formats" in err
    code, _, err = cli(SAMPLE, tmp_path / "x.yaml", "-O", "colour=red")
    assert code == EXIT_USAGE and "colour" in err


def test_same_input_and_output_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cv.json"
    path.write_bytes(SAMPLE.read_bytes())
    code, _, err = cli(path, path)
    assert code == EXIT_FAILED and "overwrite the input" in err


def test_fail_on_loss_exits_3_and_writes_nothing(tmp_path: Path) -> None:
    # Europass has no place for some of the sample's fields (unknown keys, meta, ...).
    out = tmp_path / "cv.xml"
    code, _, err = cli(SAMPLE, out, "--fail-on-loss", "--report", tmp_path / "r.json")
    assert code == EXIT_LOSS == 3
    assert not out.exists()
    losses = json.loads((tmp_path / "r.json").read_text())["losses"]
    assert losses and all(f"loss: {item['path']}: " in err for item in losses)
    assert cli(SAMPLE, out)[0] == EXIT_OK and out.exists()


HOSTILE = {
    "not-json.json": b"this is not json {",
    "bad-utf8.json": b'{"basics": {"name": "\xc3\x28"}}',
    "array.json": b"[1, 2]",
    "wrong-types.json": b'{"basics": 5}',
    "deep.json": b"[" * 200_000 + b"]" * 200_000,
    "empty.json": b"",
    "bom.json": b'\xef\xbb\xbf{"basics": {"name": "A"}}',
    "binary.bin": bytes(range(256)) * 4,
    "deep.yaml": b"a: " + b"[" * 100_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_bad_input_is_one_line_and_never_a_traceback(name: str, tmp_path: Path) -> None:
    src = tmp_path / name
    src.write_bytes(HOSTILE[name])
    proc = run(src, tmp_path / "out.json")
    err = proc.stderr.decode()
    assert "Traceback" not in err
    if proc.returncode == EXIT_OK:
        assert name in {"bom.json", "wrong-types.json"}  # correct results, with warnings
        assert (tmp_path / "out.json").exists()
    else:
        assert proc.returncode == EXIT_FAILED
        assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")
        assert name in err
        assert not (tmp_path / "out.json").exists()


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    src = tmp_path / "bad.json"
    src.write_bytes(b"{")
    proc = run("--debug", src, tmp_path / "out.json")
    assert proc.returncode == EXIT_FAILED
    assert b"Traceback" in proc.stderr


def test_help_and_version() -> None:
    code, out, _ = cli("--help")
    assert code == EXIT_OK and "Exit codes" in out
    code, out, _ = cli("--version")
    assert code == EXIT_OK and out.startswith("cvconvert ")


def test_limits_are_set_from_the_command_line(tmp_path: Path) -> None:
    code, _, err = cli("--limit", "max_input_bytes=1KB", SAMPLE, tmp_path / "x.yaml")
    assert code == EXIT_FAILED and "input limit of 1,024 bytes" in err
    code, _, err = cli("--limit", "max_everything=1", SAMPLE, tmp_path / "x.yaml")
    assert code == EXIT_USAGE and "unknown limit" in err
    code, _, _ = cli("--limit", "max_input_bytes=1MB", SAMPLE, tmp_path / "x.yaml")
    assert code == EXIT_OK


def test_batch_workers_use_the_limits_of_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for i in range(4):
        (tmp_path / "in" / f"cv{i}.json").write_bytes(SAMPLE.read_bytes())
    proc = run(
        "--limit",
        "max_input_bytes=1KB",
        "batch",
        tmp_path / "in",
        "--to",
        "yaml",
        "--out",
        tmp_path / "out",
        "--jobs",
        "2",
        "-q",
    )
    assert proc.returncode == EXIT_FAILED
    assert proc.stderr.decode().count("input limit of 1,024 bytes") == 4


def test_limits_from_the_command_line_end_with_the_run() -> None:
    # A program (or a test) that runs the CLI in process keeps its own limits afterwards.
    from cvconvert import limits

    before = limits.current()
    code, _, _ = cli("--limit", "max_input_bytes=1KB", "formats")
    assert code == EXIT_OK
    assert limits.current() == before


def test_a_batch_line_names_its_file_once(tmp_path: Path) -> None:
    # Regression: "failed  in/a.json: in/a.json: holds no résumé" (the message names its file too).
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.json").write_text("{}", encoding="utf-8")
    code, out, err = cli("batch", tmp_path / "in", "--to", "yaml", "--out", tmp_path / "out")
    assert code == EXIT_FAILED
    line = next(line for line in (out + err).splitlines() if line.startswith("failed  "))
    assert line.count("empty.json") == 1, line
