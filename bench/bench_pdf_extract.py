"""Reading other people's PDF CVs, against plain text dumps, in one run.

Run: .venv/bin/python bench/bench_pdf_extract.py [--quick]

For each file of ../shared/corpus/pdf, the median time of our whole extraction
(``cvconvert.formats._pdf.text.extract``: the checks before PDFium, characters into words, lines,
columns and reading order, then sections, entries and basics by the rules) is compared with two
baselines that only dump text: pdfplumber's ``extract_text()`` over every page (what a user would
otherwise start from) and pypdfium2's bare text dump (``get_text_range()`` of every page: the
floor, PDFium alone). Targets (issue 14): our median at most 25 ms per CV, and at least as fast as
pdfplumber on the median (ratio >= 1.0). The machine may be shared: the CPU time of one
extraction (``time.process_time``, median of the runs) is printed beside the wall time, since
other processes do not add to it. Prints file names and times only: the corpus holds real
people's details.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from _timing import median_ms  # noqa: E402

from cvconvert.formats._pdf.text import extract  # noqa: E402

SHARED = Path(os.environ.get("CVCONVERT_SHARED", ROOT.parent / "shared"))


def pdfplumber_dump(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdfium_dump(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(out)
    finally:
        pdf.close()


def cpu_ms(func: Callable[[], object], *, seconds: float) -> float:
    """The median CPU time in ms of one call, over at least five calls and about ``seconds``."""
    times: list[float] = []
    deadline = time.perf_counter() + seconds
    while len(times) < 5 or time.perf_counter() < deadline:
        start = time.process_time()
        func()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    seconds = 0.3 if "--quick" in sys.argv else 1.0
    folder = SHARED / "corpus" / "pdf"
    files = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.pdf"))] if folder.is_dir() else []
    if not files:
        sys.exit(f"no PDFs in {folder}")
    print(f"{'file':40} {'extract':>9} {'cpu':>9} {'plumber':>9} {'pdfium':>9} {'vs plumber':>10} {'vs pdfium':>10}")
    ours_all: list[float] = []
    cpu_all: list[float] = []
    plumber_all: list[float] = []
    pdfium_all: list[float] = []
    ratios_plumber: list[float] = []
    ratios_pdfium: list[float] = []
    for name, data in files:
        try:
            pdfplumber_dump(data)
            extract(data)
        except Exception as exc:  # a file a reader cannot read gives no ratio
            print(f"{name:40} skipped: {type(exc).__name__}")
            continue
        ours = median_ms(lambda data=data: extract(data), seconds=seconds)
        cpu = cpu_ms(lambda data=data: extract(data), seconds=seconds)
        plumber = median_ms(lambda data=data: pdfplumber_dump(data), seconds=seconds)
        floor = median_ms(lambda data=data: pdfium_dump(data), seconds=seconds)
        ours_all.append(ours)
        cpu_all.append(cpu)
        plumber_all.append(plumber)
        pdfium_all.append(floor)
        ratios_plumber.append(plumber / ours)
        ratios_pdfium.append(floor / ours)
        print(
            f"{name:40} {ours:7.2f}ms {cpu:7.2f}ms {plumber:7.2f}ms {floor:7.2f}ms "
            f"{plumber / ours:9.2f}x {floor / ours:9.2f}x"
        )
    med = statistics.median
    print(
        f"{'median per file':40} {med(ours_all):7.2f}ms {med(cpu_all):7.2f}ms {med(plumber_all):7.2f}ms "
        f"{med(pdfium_all):7.2f}ms"
    )
    print(
        f"median ratio over files: {med(ratios_plumber):.2f}x vs pdfplumber, {med(ratios_pdfium):.2f}x vs the "
        f"pypdfium2 dump (baseline time / extract time; >1 = extract is faster); ratio of medians "
        f"{med(plumber_all) / med(ours_all):.2f}x vs pdfplumber"
    )
    print(
        f"targets: median <= 25 ms per CV: {'met' if med(ours_all) <= 25 else 'NOT met'} (wall), "
        f"{'met' if med(cpu_all) <= 25 else 'NOT met'} (CPU); "
        f"ratio vs pdfplumber >= 1.0: {'met' if med(ratios_plumber) >= 1.0 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
