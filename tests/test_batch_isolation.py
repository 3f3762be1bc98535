"""A reader's unexpected exception fails its file only: the batch goes on (a bad file never stops the rest)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLES

PLUGIN = """
from cvconvert.formats.base import Format


def read(data, options):
    raise RuntimeError("a reader bug")


FORMAT = Format(name="boom", extensions=(".boom",), media_type="text/plain", read=read, write=None)
"""


def test_an_unexpected_reader_exception_fails_one_file_and_the_batch_goes_on(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "cvconvert_boom-0.1.dist-info").mkdir(parents=True)
    (site / "cvconvert_boom.py").write_text(PLUGIN, encoding="utf-8")
    (site / "cvconvert_boom-0.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: cvconvert-boom\nVersion: 0.1\n", encoding="utf-8"
    )
    (site / "cvconvert_boom-0.1.dist-info" / "entry_points.txt").write_text(
        "[cvconvert.formats]\nboom = cvconvert_boom:FORMAT\n", encoding="utf-8"
    )
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.boom").write_text("x", encoding="utf-8")
    (inputs / "b.json").write_bytes((SAMPLES / "wanru-zhao.json").read_bytes())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    report = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, "-m", "cvconvert", "batch", str(inputs), "--to", "json", "--out", str(tmp_path / "out"),
         "--jobs", "1", "--report", str(report), "-q"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 1, proc.stderr[-500:]
    results = {Path(r["input"]).name: r for r in json.loads(report.read_text())}
    assert results["b.json"]["status"] == "ok"
    assert results["a.boom"]["status"] == "failed" and "a reader bug" in results["a.boom"]["error"]
    assert (tmp_path / "out" / "b.json").exists()
