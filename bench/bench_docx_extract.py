"""Best-effort extraction from other people's DOCX CVs, against plain text dumps, in one run.

Run: .venv/bin/python bench/bench_docx_extract.py [--quick] [--front-end]

For each file of ../shared/corpus/docx and three generated ones (a CV of 30 jobs, 4,000
contact-like lines, and a page header of 60,000 lines: the last two expose any walk over the
lines that is not linear), the median time of
``extract`` (lines in reading order, sections, entries, basics) is compared with two baselines
that only dump text: python-docx opening the file and iterating paragraphs and table cells (it
does not see text boxes), and docx2python (which does). ``--front-end`` adds the time of the
DOCX front-end alone (``read_lines``: the package read into lines in reading order, before the
rules), to tell its share from the engine's. Prints file names and times only: the corpus holds
real people's details.
"""

from __future__ import annotations

import copy
import io
import os
import statistics
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from _timing import median_ms  # noqa: E402
from docx2python import docx2python  # noqa: E402

from cvconvert.formats._docx.order import extract, read_lines  # noqa: E402

SHARED = Path(os.environ.get("CVCONVERT_SHARED", ROOT.parent / "shared"))


def python_docx_dump(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    out = [f"{p.style.name if p.style is not None else ''}\t{p.text}" for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            out.extend(cell.text for cell in row.cells)
    return out


def docx2python_dump(data: bytes) -> str:
    with docx2python(io.BytesIO(data)) as result:
        return str(result.text)


def generated() -> list[tuple[str, bytes]]:
    document = docx.Document()
    document.add_paragraph("Jane Example", style="Title")
    document.add_paragraph("jane@example.org | +44 20 7946 0958")
    document.add_heading("Experience", level=1)
    for i in range(30):
        document.add_paragraph(f"Company {i} Ltd — London\tJan {1990 + i} – Dec {1991 + i}")
        document.add_paragraph("Engineer")
        for j in range(4):
            document.add_paragraph(f"Did thing {j}", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    # Thousands of contact lines: a walk over the lines that is not linear shows here (a
    # quadratic one took 26 s on this document).
    links = docx.Document()
    links.add_paragraph("Sam Example", style="Title")
    for _ in range(4000):
        links.add_paragraph("github.com/sam")
    many = io.BytesIO()
    links.save(many)
    # A page header of 60,000 lines (a 155 KB file): header lines are de-duplicated, which
    # compared each line with every one kept before (issue 12: past 60 s).
    header = docx.Document()
    header.add_heading("Experience", level=1)
    head = header.sections[0].header
    head.paragraphs[0].text = "line 0"
    body = head._element
    template = head.paragraphs[0]._p
    for i in range(1, 60_000):
        p = copy.deepcopy(template)
        p.xpath(".//w:t")[0].text = f"line {i}"
        body.append(p)
    big = io.BytesIO()
    header.save(big)
    return [
        ("generated-30-jobs.docx", out.getvalue()),
        ("generated-4000-contact-lines.docx", many.getvalue()),
        ("generated-60000-header-lines.docx", big.getvalue()),
    ]


def main() -> None:
    seconds = 0.3 if "--quick" in sys.argv else 1.0
    folder = SHARED / "corpus" / "docx"
    corpus = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.docx"))] if folder.is_dir() else []
    files = corpus + generated()
    front = "--front-end" in sys.argv
    print(
        f"{'file':44} {'extract':>9} {'py-docx':>9} {'docx2py':>9} {'vs py-docx':>10} {'vs docx2py':>10}"
        + (f" {'front-end':>9} {'share':>6}" if front else "")
    )
    ratios_a: list[float] = []
    ratios_b: list[float] = []
    shares: list[float] = []
    totals = [0.0, 0.0, 0.0]
    for name, data in files:
        try:
            python_docx_dump(data)
            docx2python_dump(data)
        except Exception as exc:  # a baseline that cannot read a file gives no ratio for it
            print(f"{name:44} skipped: a baseline fails on it ({type(exc).__name__})")
            continue
        ours = median_ms(partial(extract, data), seconds=seconds)
        base_a = median_ms(partial(python_docx_dump, data), seconds=seconds)
        base_b = median_ms(partial(docx2python_dump, data), seconds=seconds)
        ratios_a.append(base_a / ours)
        ratios_b.append(base_b / ours)
        totals = [totals[0] + ours, totals[1] + base_a, totals[2] + base_b]
        row = f"{name:44} {ours:7.2f}ms {base_a:7.2f}ms {base_b:7.2f}ms {base_a / ours:9.2f}x {base_b / ours:9.2f}x"
        if front:
            lines = median_ms(partial(read_lines, data), seconds=seconds)
            shares.append(lines / ours)
            row += f" {lines:7.2f}ms {lines / ours:6.0%}"
        print(row)
    n = len(ratios_a)
    print(f"{'mean per file':44} {totals[0] / n:7.2f}ms {totals[1] / n:7.2f}ms {totals[2] / n:7.2f}ms")
    print(
        f"median ratio over files: {statistics.median(ratios_a):.2f}x vs python-docx, "
        f"{statistics.median(ratios_b):.2f}x vs docx2python (baseline time / extract time; >1 = extract is faster)"
    )
    if shares:
        print(f"median share of the front-end in the extraction time: {statistics.median(shares):.0%}")


if __name__ == "__main__":
    main()
