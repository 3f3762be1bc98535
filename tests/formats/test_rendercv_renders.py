"""RenderCV renders what the rendercv writer writes (issue 17), checked with RenderCV itself.

RenderCV is no dependency of cvconvert: these tests run when ``CVCONVERT_RENDERCV`` names its
``rendercv`` executable (installed in a scratch virtual environment), and skip otherwise:

    CVCONVERT_RENDERCV=/tmp/rcv/bin/rendercv pytest tests/formats/test_rendercv_renders.py

RenderCV's Typst themes load a font package; offline, point ``XDG_CACHE_HOME`` at a folder that
holds ``typst/packages/preview/fontawesome``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import cvconvert
from cvconvert.model import Resume
from tests.conftest import sample_files

RENDERCV = os.environ.get("CVCONVERT_RENDERCV", "")
pytestmark = pytest.mark.skipif(
    not (RENDERCV and os.access(RENDERCV, os.X_OK)), reason="CVCONVERT_RENDERCV names no rendercv executable"
)

# Invented values of every kind RenderCV 2.3 refused before the writer kept them aside.
TRICKY = {
    "basics": {
        "name": "Ada Example",
        "email": "ada(at)example.org@example.org",
        "image": "https://example.org/ada.jpg",
        "summary": "Clerk.<br />Keeps <strong>books</strong>.",
    },
    "work": [
        {"name": "Northwind Ltd", "position": "Clerk", "startDate": "2023-03-01", "endDate": "2021-05",
         "summary": "Kept the books.<br />Wrote reports <a href=\"x\">here</a>."},
    ],
    "publications": [
        {"name": "Engines", "url": "https://en.example.org/wiki/Engine_(machine)"},
        {"name": "Notes", "url": "https://example.org/notes#part-2"},
        {"name": "Letters", "url": ""},
    ],
}  # fmt: skip


def _render(resume: Resume, folder: Path) -> subprocess.CompletedProcess[str]:
    source = folder / "cv.yaml"
    cvconvert.write(resume, source, "rendercv")
    return subprocess.run(
        [RENDERCV, "render", str(source), "--dont-generate-png", "--dont-generate-html", "--dont-generate-markdown"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    "resume",
    [*(cvconvert.read(p) for p in sample_files()), Resume.model_validate(TRICKY)],
    ids=[*(p.stem for p in sample_files()), "tricky"],
)
def test_rendercv_renders_what_the_writer_writes(tmp_path: Path, resume: Resume) -> None:
    done = _render(resume, tmp_path)
    assert "rendered" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert list((tmp_path / "rendercv_output").glob("*.pdf"))
