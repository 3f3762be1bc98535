"""The PDF layout's cost does not depend on the script: a right-to-left paragraph of thousands of
wrapped lines reads in about the time of a left-to-right one of the same size.

The bound is a ratio between two runs in one process, not a time, so that a machine loaded by other
work does not make the test flaky; the best of two runs is taken for each.
"""

from __future__ import annotations

import time

from cvconvert.formats._pdf.text import read_lines
from tests.pdf_samples import Page, Run, build

_HEBREW = "אבגדהוזחטיכלמנסעפצקרשת"
_LATIN = "abcdefghijklmnopqrstuv"


def _word(alphabet: str, row: int, k: int) -> str:
    # Every row differs: PDFium drops a text object that repeats the one before it.
    return "".join(alphabet[(row * 7 + k * 3 + j) % len(alphabet)] for j in range(3 + (row + k) % 4))


def _paragraph(n: int, *, rtl: bool) -> bytes:
    """One page holding a paragraph wrapped over ``n`` lines of small type, each reaching both edges."""
    alphabet = _HEBREW if rtl else _LATIN
    runs = [
        Run(" ".join(_word(alphabet, i, k) for k in range(12)), 10, 10 + 1.2 * i, size=1.0, rtl=rtl) for i in range(n)
    ]
    return build([Page(runs, width=80, height=20 + 1.2 * n)])


def _seconds(data: bytes) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        lines = read_lines(data)
        best = min(best, time.perf_counter() - start)
    assert len(lines) == 1  # the whole paragraph is one line, in either script
    return best


def test_pdf_right_to_left_paragraph_of_thousands_of_lines_reads_as_fast_as_left_to_right() -> None:
    # Whether the paragraph reads right to left was asked of its whole text at each line it took:
    # 2,000 lines took 29 s against 0.4 s for the same paragraph in Latin letters.
    ltr = _seconds(_paragraph(2000, rtl=False))
    rtl = _seconds(_paragraph(2000, rtl=True))
    assert rtl < 4 * ltr + 0.5, f"right to left {rtl:.2f} s, left to right {ltr:.2f} s"


def test_pdf_right_to_left_paragraph_is_read_in_logical_order() -> None:
    rows = [" ".join(_word(_HEBREW, i, k) for k in range(12)) for i in range(3)]
    runs = [Run(row, 10, 10 + 12 * i, size=10, rtl=True) for i, row in enumerate(rows)]
    [line] = read_lines(build([Page(runs, width=420, height=100)]))
    assert line.text == " ".join(rows)
