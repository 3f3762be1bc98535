"""Hostile inputs against batch: names that climb out of --out, links out of the folder walked,
named pipes in a folder, and Ctrl-C pressed twice.

Every file is built here. Whatever could hang runs in a subprocess with a timeout, so that a
hang fails the test instead of stopping the suite.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from cvconvert import batch

CV = b'{"basics": {"name": "A"}}'


def run(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cvconvert", *map(str, args)], capture_output=True, text=True, timeout=timeout
    )


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


# --- item 2: outputs stay inside --out -------------------------------------------------------


@pytest.fixture
def memory_prefix() -> str:
    """A fresh folder in fsspec's memory filesystem (shared by every test in the process)."""
    pytest.importorskip("fsspec")
    return f"/hostile-{uuid.uuid4().hex}"


def test_issue_12_a_key_with_dotdot_is_failed_not_written_outside_a_local_out(
    tmp_path: Path, memory_prefix: str
) -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe(f"{memory_prefix}/cvs/a/b/../../../escaped.json", CV)
    fs.pipe(f"{memory_prefix}/cvs/a/b/../kept.json", CV)  # climbs, but stays inside
    fs.pipe(f"{memory_prefix}/cvs/fine.json", CV)
    out = tmp_path / "deep" / "out"
    results = {
        r.input.rsplit("/", 1)[-1]: r
        for r in batch.convert_many([f"memory://{memory_prefix}/cvs"], out, to="yaml", jobs=1)
    }
    escaped = results["escaped.json"]
    assert escaped.status == "failed" and escaped.output is None
    assert escaped.error is not None and "outside the output folder" in escaped.error and "\n" not in escaped.error
    assert results["kept.json"].status == results["fine.json"].status == "ok"
    assert files_under(tmp_path) == {out / "a" / "kept.yaml", out / "fine.yaml"}


def test_issue_12_a_key_with_dotdot_never_leaves_a_url_out(memory_prefix: str) -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe(f"{memory_prefix}/cvs/a/b/../../../../escaped.json", CV)
    results = list(
        batch.convert_many([f"memory://{memory_prefix}/cvs"], f"memory://{memory_prefix}/x/out", to="yaml", jobs=1)
    )
    assert [r.status for r in results] == ["failed"]
    assert not [p for p in fs.find(memory_prefix) if "escaped.yaml" in p]


def test_issue_12_an_output_folder_link_leading_out_is_refused(tmp_path: Path) -> None:
    (tmp_path / "in" / "team").mkdir(parents=True)
    (tmp_path / "in" / "team" / "cv.json").write_bytes(CV)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "team").symlink_to(tmp_path / "elsewhere")  # left there by someone else
    (result,) = batch.convert_many([str(tmp_path / "in")], tmp_path / "out", to="yaml", jobs=1)
    assert result.status == "failed" and "outside the output folder" in (result.error or "")
    assert not list((tmp_path / "elsewhere").iterdir())


# --- item 3: links out of the folder walked -------------------------------------------------


def _folder_with_links(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.json"
    secret.write_text('{"basics": {"name": "SECRET-NAME"}}')
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "other.json").write_text('{"basics": {"name": "SECRET-NAME"}}')
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "ok.json").write_bytes(CV)
    (folder / "sub" / "deep.json").write_bytes(CV)
    (folder / "cv.json").symlink_to(secret)
    (folder / "passwd.json").symlink_to("/etc/passwd")
    (folder / "environ.json").symlink_to("/proc/self/environ")
    (folder / "linked").symlink_to(tmp_path / "outside")  # a folder out of the walk
    (folder / "alias.json").symlink_to(folder / "ok.json")  # inside: fine
    (folder / "sub" / "up").symlink_to("..")  # loops back inside
    (folder / "sub" / "up2").symlink_to("../..")  # loops out
    return folder


def test_issue_12_a_folder_walk_skips_links_that_leave_it(tmp_path: Path) -> None:
    folder = _folder_with_links(tmp_path)
    results = {
        Path(r.input).relative_to(folder).as_posix(): r
        for r in batch.convert_many([str(folder)], tmp_path / "out", to="yaml", jobs=1)
    }
    ok = {k for k, r in results.items() if r.status == "ok"}
    assert ok == {"ok.json", "alias.json", "sub/deep.json"}
    skipped = {k: r.error for k, r in results.items() if r.status == "skipped"}
    assert {"cv.json", "passwd.json", "environ.json", "linked", "sub/up2"} <= set(skipped)
    assert all(reason and "link" in reason for reason in skipped.values())
    for path in files_under(tmp_path / "out"):
        assert "SECRET-NAME" not in path.read_text()


def test_issue_12_follow_symlinks_allows_it_without_looping(tmp_path: Path) -> None:
    folder = _folder_with_links(tmp_path)
    (folder / "passwd.json").unlink()
    (folder / "environ.json").unlink()
    results = list(batch.convert_many([str(folder)], tmp_path / "out", to="yaml", jobs=1, follow_symlinks=True))
    names = {Path(r.input).relative_to(folder).as_posix() for r in results if r.status == "ok"}
    assert {"cv.json", "linked/other.json", "ok.json"} <= names
    assert len(results) < 20  # the loops were walked once


def test_issue_12_a_link_named_on_the_command_line_is_followed(tmp_path: Path) -> None:
    folder = _folder_with_links(tmp_path)
    (result,) = batch.convert_many([str(folder / "cv.json")], tmp_path / "out", to="yaml", jobs=1)
    assert result.status == "ok"
    (linked,) = [r for r in batch.convert_many([str(folder / "linked")], tmp_path / "out2", to="yaml", jobs=1)]
    assert linked.status == "ok"


def test_issue_12_globs_skip_links_that_leave_and_never_loop(tmp_path: Path) -> None:
    folder = _folder_with_links(tmp_path)
    for i in range(6):  # loops a naive recursive glob walks 2**n times
        (folder / "sub" / f"loop{i}").symlink_to("..")
    report = tmp_path / "report.json"
    proc = run("batch", f"{folder}/**/*.json", "--to", "yaml", "--out", tmp_path / "out", "--report", report, "-q")
    assert proc.returncode == 0, proc.stderr
    entries = json.loads(report.read_text())
    ok = {Path(e["input"]).relative_to(folder).as_posix() for e in entries if e["status"] == "ok"}
    assert ok == {"ok.json", "alias.json", "sub/deep.json"}
    skipped = {Path(e["input"]).relative_to(folder).as_posix() for e in entries if e["status"] == "skipped"}
    assert {"cv.json", "passwd.json", "environ.json"} <= skipped
    proc = run("batch", f"{folder}/*.json", "--to", "yaml", "--out", tmp_path / "out2", "--json")
    statuses = {Path(e["input"]).name: e["status"] for e in map(json.loads, proc.stdout.splitlines())}
    assert statuses["cv.json"] == "skipped" and statuses["ok.json"] == "ok"


# --- item 6: FIFOs and Ctrl-C ----------------------------------------------------------------


def test_issue_12_a_fifo_in_a_folder_or_a_glob_is_skipped_not_opened(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.json").write_bytes(CV)
    os.mkfifo(folder / "pipe.json")
    (folder / "dev.json").symlink_to("/dev/zero")
    for spec in (str(folder), f"{folder}/*.json"):
        proc = run("batch", spec, "--to", "yaml", "--out", tmp_path / "out", "--json", timeout=30)
        assert proc.returncode == 0, proc.stderr
        entries = {Path(e["input"]).name: e for e in map(json.loads, proc.stdout.splitlines())}
        assert entries["ok.json"]["status"] == "ok"
        assert entries["pipe.json"]["status"] == "skipped" and "pipe" in entries["pipe.json"]["error"]
        assert entries["dev.json"]["status"] == "skipped"


def test_issue_12_a_fifo_named_directly_fails_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    proc = run("batch", tmp_path / "pipe.json", "--to", "yaml", "--out", tmp_path / "out", "--json", timeout=30)
    assert proc.returncode == 1
    (entry,) = map(json.loads, proc.stdout.splitlines())
    assert entry["status"] == "failed" and "pipe" in entry["error"]


def _start_batch(tmp_path: Path, count: int) -> tuple[subprocess.Popen[str], Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    work = [
        {"name": f"Company {j}", "position": "Engineer", "startDate": "2020-01", "summary": "x" * 200}
        for j in range(60)
    ]
    for i in range(count):
        (folder / f"cv{i:04d}.json").write_text(json.dumps({"basics": {"name": f"P {i}"}, "work": work}))
    report = tmp_path / "report.json"
    args = [
        "batch",
        str(folder),
        "--to",
        "yaml",
        "--out",
        str(tmp_path / "out"),
        "--jobs",
        "2",
        "--report",
        str(report),
    ]
    proc = subprocess.Popen(
        [sys.executable, "-m", "cvconvert", *args, "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list((tmp_path / "out").glob("*.yaml"))) < 20:
        time.sleep(0.02)
    return proc, report


def _assert_stopped_cleanly(tmp_path: Path, proc: subprocess.Popen[str], report: Path, started: float) -> None:
    try:
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # a hang fails the test, and leaves no process behind
    assert time.monotonic() - started < 10, "Ctrl-C did not stop the batch quickly"
    assert proc.returncode == 130, err
    assert "Traceback" not in err, err[-2000:]
    leftovers = [p for p in files_under(tmp_path) if p.suffix == ".tmp" or p.name.endswith(".partial")]
    assert leftovers == [], err[-2000:]
    entries = json.loads(report.read_text())
    written = {str(p) for p in (tmp_path / "out").glob("*.yaml")}
    listed = {e["output"] for e in entries if e["status"] == "ok"}
    assert written and written <= listed, sorted(written - listed)[:5]  # every output written is reported
    assert len(written) < 600  # it stopped before the end
    for path in written:
        assert Path(path).read_text().startswith("basics:")  # whole, not cut off
    # Issue 13: the summary says what was done, skipped and not started, and it adds up to 600.
    summary = re.search(r"(\d+) file\(s\): (\d+) ok, (\d+) failed, (\d+) skipped, (\d+) not started", err)
    assert summary is not None, err[-2000:]
    done, ok, failed, skipped, unstarted = map(int, summary.groups())
    assert ok + failed + skipped == done and done + unstarted == 600
    assert ok == len(listed)


def test_issue_12_one_ctrl_c_stops_with_a_full_report(tmp_path: Path) -> None:
    proc, report = _start_batch(tmp_path, 600)
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C reaches the whole group
    _assert_stopped_cleanly(tmp_path, proc, report, started)


def test_issue_12_two_ctrl_c_stop_at_once_and_leave_no_temporary_file(tmp_path: Path) -> None:
    proc, report = _start_batch(tmp_path, 600)
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    _assert_stopped_cleanly(tmp_path, proc, report, started)
