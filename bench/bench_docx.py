"""DOCX writing and reading, against python-docx's straightforward API, in one process and one run.

Run: .venv/bin/python bench/bench_docx.py [--quick]

Writing: cvconvert's writer against python-docx adding the same paragraphs with the same styles
(``doc.add_paragraph(text, style="List Bullet")`` and so on) and saving, for the sample CV and a
generated résumé of 300 jobs with 5 bullets each. The floor is building document.xml alone.
Reading: cvconvert's reader on its own DOCX (unchanged, and after an edit, which merges the page
field by field) against python-docx opening it and iterating ``(paragraph.style.name, paragraph.text)``.
"""

from __future__ import annotations

import importlib
import io
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

import cvconvert  # noqa: E402

# Imported by name: the package's own read() and write() functions shadow these module names.
docx_read = importlib.import_module("cvconvert.formats._docx.read")
docx_write = importlib.import_module("cvconvert.formats._docx.write")
from _timing import timed_runs  # noqa: E402

from cvconvert.model import Resume  # noqa: E402

# Our paragraph styles that python-docx's default template lacks: the nearest built-in one.
BUILTIN_STYLE = {"CV Contact": "Normal", "CV Details": "Normal", "CV Item": "Normal"}


def median_ms(func: Callable[[], object], seconds: float) -> tuple[float, int]:
    """Median wall time of ``func`` in ms over about ``seconds`` (at least 5 runs), and the run count."""
    runs = timed_runs(func, seconds=seconds)
    return statistics.median(runs), len(runs)


def big_resume(jobs: int = 300, bullets: int = 5) -> Resume:
    """A generated résumé: ``jobs`` jobs of ``bullets`` highlights each, plus the sample's basics."""
    work = [
        {
            "name": f"Company {n}",
            "position": f"Engineer level {n % 7}",
            "location": "Berlin, Germany",
            "startDate": f"{1990 + n % 30}-{n % 12 + 1:02d}",
            "endDate": f"{1991 + n % 30}-{(n + 5) % 12 + 1:02d}",
            "summary": f"Team of {n % 40 + 3} people working on product line {n}.",
            "highlights": [f"Delivered result {k} of job {n}, measured and shipped on time." for k in range(bullets)],
        }
        for n in range(jobs)
    ]
    sample = cvconvert.read(ROOT / "samples" / "wanru-zhao.json").to_data()
    return Resume.model_validate({"basics": sample["basics"], "work": work})


def paragraphs_of(data: bytes) -> list[tuple[str, str]]:
    """(style, text) of every paragraph of our DOCX, with styles python-docx's template has."""
    doc = docx.Document(io.BytesIO(data))
    return [(BUILTIN_STYLE.get(p.style.name, p.style.name), p.text) for p in doc.paragraphs]


def python_docx_write(paragraphs: list[tuple[str, str]]) -> bytes:
    doc = docx.Document()
    for style, text in paragraphs:
        doc.add_paragraph(text, style=style)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def python_docx_read(data: bytes) -> list[tuple[str, str]]:
    doc = docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in doc.paragraphs]


def edited(data: bytes) -> bytes:
    """The same DOCX after a person changed one bullet (python-docx rewrites every part on save)."""
    doc = docx.Document(io.BytesIO(data))
    bullet = next(p for p in doc.paragraphs if p.style.name == "List Bullet")
    bullet.runs[0].text = "Rewritten by hand."
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def main() -> None:
    seconds = 0.5 if "--quick" in sys.argv else 2.0
    cases = {
        "sample (wanru-zhao.json)": cvconvert.read(ROOT / "samples" / "wanru-zhao.json"),
        "300 jobs x 5 bullets": big_resume(),
    }
    rows: list[tuple[str, float, float, int, int]] = []
    for label, resume in cases.items():
        data, _ = docx_write.write(resume)
        _check(data, resume)
        paragraphs = paragraphs_of(data)
        ours, n_ours = median_ms(lambda r=resume: docx_write.write(r), seconds)
        floor, n_floor = median_ms(lambda r=resume: docx_write.render(r), seconds)
        base, n_base = median_ms(lambda p=paragraphs: python_docx_write(p), seconds)
        print(f"\n{label}: {len(paragraphs)} paragraphs, our DOCX {len(data) / 1024:.0f} KiB")
        print(f"  write  cvconvert            {ours:9.3f} ms  (median of {n_ours})")
        print(f"  write  floor: document.xml  {floor:9.3f} ms  (median of {n_floor}; no zip, no data part)")
        print(f"  write  python-docx          {base:9.3f} ms  (median of {n_base})")
        print(f"  write  speed-up             {base / ours:9.1f} x")
        rows.append((f"write {label}", ours, base, n_ours, n_base))

        changed = edited(data)
        read_ours, n_read = median_ms(lambda d=data: docx_read.read(d), seconds)
        read_edit, n_edit = median_ms(lambda d=changed: docx_read.read(d), seconds)
        read_base, n_rbase = median_ms(lambda d=data: python_docx_read(d), seconds)
        print(f"  read   cvconvert, unchanged {read_ours:9.3f} ms  (median of {n_read}; the page read, no edit)")
        print(f"  read   cvconvert, edited    {read_edit:9.3f} ms  (median of {n_edit}; page merged field by field)")
        print(f"  read   python-docx          {read_base:9.3f} ms  (median of {n_rbase}; style name and text only)")
        print(f"  read   speed-up, unchanged  {read_base / read_ours:9.1f} x")
        print(f"  read   speed-up, edited     {read_base / read_edit:9.1f} x")
        rows.append((f"read {label} (unchanged)", read_ours, read_base, n_read, n_rbase))
        rows.append((f"read {label} (edited)", read_edit, read_base, n_edit, n_rbase))

    print("\nsummary (median ms: cvconvert / python-docx = ratio)")
    for name, ours, base, _, _ in rows:
        print(f"  {name:45s} {ours:9.3f} / {base:9.3f} = {base / ours:6.1f} x")


def _check(data: bytes, resume: Resume) -> None:
    """What is timed must be right: python-docx opens it, and it reads back to the same résumé."""
    docx.Document(io.BytesIO(data))
    assert docx_read.read(data)[0].to_data() == resume.to_data()
    assert docx_read.read(edited(data))[0] != resume


if __name__ == "__main__":
    main()
