"""Third-party formats arrive through the ``cvconvert.formats`` entry points."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLES

PLUGIN = Path(__file__).parent / "plugin"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PLUGIN), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-W", "always", *args], capture_output=True, text=True, env=env, timeout=120)


def test_a_plugin_format_is_listed_and_used(tmp_path: Path) -> None:
    out = tmp_path / "cv.txt"
    proc = run("-m", "cvconvert", str(SAMPLES / "wanru-zhao.json"), str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_text().splitlines()[:2] == [
        "Wanru Zhao",
        "- Applied Scientist Intern, Software Development Engineer Intern at Amazon Web Services",
    ]
    # The plug-in's losses reach the user like any format's.
    assert "loss: /work/0/highlights: plain text keeps job titles only" in proc.stderr
    listing = run("-m", "cvconvert", "formats")
    assert "plaintext" in listing.stdout


def test_a_broken_plugin_is_a_warning_not_a_crash() -> None:
    proc = run("-c", "import cvconvert; print(sorted(cvconvert.available_formats()))")
    assert proc.returncode == 0
    assert "'plaintext'" in proc.stdout and "'broken'" not in proc.stdout
    assert "plug-in 'broken' not loaded" in proc.stderr


def test_plugin_options_pass_through_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "cv.txt"
    proc = run("-m", "cvconvert", str(SAMPLES / "wanru-zhao.json"), str(out), "-O", "width=12", "-q")
    assert proc.returncode == 0, proc.stderr
    assert out.read_text().splitlines()[1] == "- Applied Sc"
