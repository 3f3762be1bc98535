"""Batch conversion: thousands of files, bad ones reported, resumable, interruptible, on Dask too."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cvconvert
from cvconvert import batch
from cvconvert.errors import OptionError
from tests.conftest import SAMPLES

SAMPLE_BYTES = (SAMPLES / "wanru-zhao.json").read_bytes()


def _make_inputs(folder: Path, good: int, broken: int) -> set[str]:
    """``good`` small résumés in nested folders and ``broken`` bad files; returns the bad names."""
    bad: set[str] = set()
    for i in range(good + broken):
        sub = folder / f"team{i % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"cv{i:05d}.json"
        if i % ((good + broken) // broken) == 0 and len(bad) < broken:
            path.write_bytes(b'{"basics": {"name": ' if len(bad) % 2 else b"\xff\xfe not json")
            bad.add(str(path))
        else:
            path.write_text(
                json.dumps({"basics": {"name": f"Person {i}"}, "work": [{"name": "ACME", "startDate": "2020-01"}]})
            )
    return bad


def run(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cvconvert", *map(str, args)], capture_output=True, text=True, timeout=600, **kwargs
    )


def test_two_thousand_files_with_ten_broken(tmp_path: Path) -> None:
    bad = _make_inputs(tmp_path / "in", 1990, 10)
    proc = run(
        "batch",
        tmp_path / "in",
        "--to",
        "yaml",
        "--out",
        tmp_path / "out",
        "--jobs",
        "2",
        "--report",
        tmp_path / "report.json",
        "-q",
    )
    assert proc.returncode == 1
    report = json.loads((tmp_path / "report.json").read_text())
    assert len(report) == 2000
    failed = {r["input"] for r in report if r["status"] == "failed"}
    assert failed == bad
    assert all(r["error"] and r["input"] in r["error"] for r in report if r["status"] == "failed")
    assert set(report[0]) == {"input", "output", "status", "error", "warnings", "losses", "seconds"}
    outputs = sorted(p for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert len(outputs) == 1990
    assert not [p for p in outputs if p.suffix != ".yaml"]  # no partial or temporary file
    # The relative layout is kept.
    assert (tmp_path / "out" / "team1" / "cv00001.yaml").is_file()
    assert "1990 ok, 10 failed" in proc.stderr


def test_rerun_with_skip_existing_skips_what_is_done(tmp_path: Path) -> None:
    _make_inputs(tmp_path / "in", 20, 1)
    run("batch", tmp_path / "in", "--to", "json", "--out", tmp_path / "out", "--jobs", "1", "-q")
    proc = run("batch", tmp_path / "in", "--to", "json", "--out", tmp_path / "out", "--skip-existing", "--json")
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sorted({r["status"] for r in lines}) == ["failed", "skipped"]
    assert sum(r["status"] == "skipped" for r in lines) == 20


def test_outputs_never_collide(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "cv.json").write_bytes((SAMPLES / "minimal.json").read_bytes())
    (tmp_path / "a" / "cv.yaml").write_bytes(b"basics:\n  name: Y\n")
    tasks = batch.plan(
        [str(tmp_path / "a"), str(tmp_path / "b" / "cv.json"), str(tmp_path / "a" / "*.json")],
        str(tmp_path / "out"),
        "json",
    )
    outputs = [Path(t.output).relative_to(tmp_path / "out").as_posix() for t in tasks]
    assert len(outputs) == len(set(outputs)) == 3  # a/cv.json is named twice but planned once
    assert outputs == ["cv.json", "cv.yaml.json", "cv.json.json"]


def test_glob_patterns_keep_the_layout_below_the_pattern(tmp_path: Path) -> None:
    _make_inputs(tmp_path / "in", 14, 1)
    tasks = batch.plan([str(tmp_path / "in" / "team[12]" / "*.json")], str(tmp_path / "out"), "yaml")
    rels = {Path(t.output).relative_to(tmp_path / "out").parent.as_posix() for t in tasks}
    assert rels == {"team1", "team2"}


def test_library_call_yields_one_result_per_file(tmp_path: Path) -> None:
    bad = _make_inputs(tmp_path / "in", 30, 2)
    results = list(batch.convert_many([str(tmp_path / "in")], tmp_path / "out", to="yaml", jobs=2))
    assert len(results) == 32
    assert {r.input for r in results if r.status == "failed"} == bad
    ok = [r for r in results if r.status == "ok"]
    assert all(Path(r.output).is_file() for r in ok if r.output)


def test_a_missing_named_file_is_a_failed_entry(tmp_path: Path) -> None:
    (results,) = list(batch.convert_many([str(tmp_path / "nope.json")], tmp_path / "out", to="yaml", jobs=1))
    assert results.status == "failed" and results.error is not None and "no such file" in results.error


def test_fsspec_urls_work_as_inputs_and_outputs() -> None:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe("/cvs/in/a.json", (SAMPLES / "minimal.json").read_bytes())
    fs.pipe("/cvs/in/deep/b.json", (SAMPLES / "wanru-zhao.json").read_bytes())
    results = list(batch.convert_many(["memory://cvs/in"], "memory://cvs/out", to="yaml", jobs=1))
    assert sorted(r.status for r in results) == ["ok", "ok"]
    assert fs.cat("/cvs/out/deep/b.yaml").startswith(b"$schema")
    assert fs.exists("/cvs/out/a.yaml")


def test_ctrl_c_stops_cleanly_without_partial_files(tmp_path: Path) -> None:
    _make_inputs(tmp_path / "in", 3000, 1)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cvconvert",
            "batch",
            str(tmp_path / "in"),
            "--to",
            "yaml",
            "--out",
            str(tmp_path / "out"),
            "--jobs",
            "2",
            "-q",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list((tmp_path / "out").rglob("*.yaml"))) < 50:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C reaches the whole group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in err
    leftovers = [p for p in (tmp_path / "out").rglob("*") if p.is_file() and p.suffix != ".yaml"]
    assert leftovers == []
    for path in (tmp_path / "out").rglob("*.yaml"):
        assert path.read_text().startswith("basics:")  # every file written is whole


def test_dask_engine_gives_the_local_engine_results(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    bad = _make_inputs(tmp_path / "in", 40, 2)
    local = {
        r.input: (r.status, r.output and Path(r.output).read_bytes())
        for r in batch.convert_many([str(tmp_path / "in")], tmp_path / "local", to="yaml", jobs=1)
    }
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        results = list(
            batch.convert_many(
                [str(tmp_path / "in")], tmp_path / "dask", to="yaml", engine="dask", scheduler=cluster.scheduler_address
            )
        )
    remote = {r.input: (r.status, r.output and Path(r.output).read_bytes()) for r in results}
    assert remote == local
    assert {i for i, (s, _) in remote.items() if s == "failed"} == bad


def test_single_workbook_gathers_every_good_resume(tmp_path: Path) -> None:
    import cvconvert

    bad = _make_inputs(tmp_path / "in", 28, 2)
    proc = run(
        "batch",
        tmp_path / "in",
        "--to",
        "xlsx",
        "--out",
        tmp_path / "all.xlsx",
        "--single-workbook",
        "--jobs",
        "2",
        "--report",
        tmp_path / "report.json",
        "-q",
    )
    assert proc.returncode == 1
    report = json.loads((tmp_path / "report.json").read_text())
    assert {r["input"] for r in report if r["status"] == "failed"} == bad
    resumes = cvconvert.read_many(tmp_path / "all.xlsx")
    assert len(resumes) == 28
    names = sorted(r.basics.name for r in resumes if r.basics and r.basics.name)
    expected = sorted(json.loads(Path(r["input"]).read_text())["basics"]["name"] for r in report if r["status"] == "ok")
    assert names == expected


def test_a_file_named_twice_is_converted_once_everywhere(tmp_path: Path) -> None:
    _make_inputs(tmp_path / "in", 6, 1)
    one = next((tmp_path / "in").rglob("*.json"))
    specs = [str(tmp_path / "in"), str(one)]
    assert len(batch.plan(specs, str(tmp_path / "out"), "yaml")) == 7
    results = batch.gather_workbook(specs, tmp_path / "all.xlsx", jobs=1)
    assert len(results) == 7 and len({r.input for r in results}) == 7


def test_single_workbook_failures_name_the_file_and_never_stop_the_batch(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_bytes(SAMPLE_BYTES)
    bad.write_text("{ not json")
    results = batch.gather_workbook(
        [str(good), str(bad), "memory://cvconvert-test/missing.json"], tmp_path / "all.xlsx", jobs=1
    )
    by_input = {r.input: r for r in results}
    assert by_input[str(good)].status == "ok"
    # The error names the file it came from (it once said "<bytes>").
    assert by_input[str(bad)].error.startswith(f"{bad}: ")
    # A URL that fails with an error we do not raise on purpose is one failed entry, not a crash.
    missing = by_input["memory://cvconvert-test/missing.json"]
    assert (missing.status, missing.error.startswith("memory://cvconvert-test/missing.json: ")) == ("failed", True)
    assert len(cvconvert.read_many(tmp_path / "all.xlsx")) == 1


def test_single_workbook_passes_the_writers_warnings_to_every_resume_they_concern(tmp_path: Path) -> None:
    for i in range(2):
        (tmp_path / f"cv{i}.json").write_bytes(SAMPLE_BYTES)
    results = batch.gather_workbook(
        [str(tmp_path / "cv0.json"), str(tmp_path / "cv1.json")],
        tmp_path / "all.xlsx",
        jobs=1,
        max_links="1",
    )
    for result in results:
        # A note about the whole workbook ("more than 1 links") reaches every résumé in it.
        assert any("max_links" in w["message"] for w in result.warnings)


def test_an_option_no_format_takes_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cv.json").write_bytes(SAMPLE_BYTES)
    report = tmp_path / "report.json"
    proc = run("batch", tmp_path / "in", "--to", "yaml", "--out", tmp_path / "out", "-O", "bogus=1", "--report", report)
    assert proc.returncode == 2
    assert "bogus" in proc.stderr
    assert not report.exists() and not (tmp_path / "out").exists()
    with pytest.raises(OptionError):
        batch.convert_many([str(tmp_path / "in")], tmp_path / "out", to="yaml", bogus="1")  # before iterating


def test_result_json_carries_hidden_notes_only_when_there_are_some() -> None:
    from cvconvert.batch.model import Result

    plain = Result("in.json", "out.docx", "ok")
    assert "hidden" not in plain.as_json()
    note = {"path": "/x-internal", "message": "in the data part only"}
    assert Result("in.json", "out.docx", "ok", hidden=[note]).as_json()["hidden"] == [note]


def test_warm_up_before_fork_writes_no_pdf_so_workers_compile_in_process() -> None:
    # A process that compiled with Typst cannot fork workers that compile: they would need a
    # helper process each. The warm-up therefore leaves PDF alone (and still warms DOCX).
    pytest.importorskip("typst")
    import cvconvert.formats._pdf.write as pdf_write
    from cvconvert.batch.engines import _warm_up

    if pdf_write._started is not None:
        pytest.skip("this test process compiled a PDF already")
    _warm_up("pdf")
    assert pdf_write._started is None
