"""PDF layout rules, one test each, on PDFs made up here (invented text): cells and columns."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from cvconvert.extract.lines import Line
from cvconvert.formats._pdf.text import read_lines
from tests.pdf_samples import Page, Run, build


def _texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines]


def _dated(entries: list[tuple[str, str, str]], width: float = 540) -> list[str]:
    """Entries in a dates column: the date, then its text over two lines beside it."""
    runs = []
    for i, (date, first, second) in enumerate(entries):
        y = 100 + 50 * i
        runs += [Run(date, 40, y), Run(first, 130, y), Run(second, 130, y + 12)]
    runs.append(Run("Plain text under the entries, as wide as the column above them, to set its right edge.", 130, 280))
    return _texts(read_lines(build([Page(runs, width=width)])))


def test_pdf_text_beside_a_date_wraps_under_itself() -> None:
    bachelor = "Bachelor of Science in Physics, with a minor in Computer Science; Nordvale Univer-"
    diploma = "Diploma in Applied Mathematics and Statistics for the Natural Sciences, and for their"
    texts = _dated(
        [
            ("2015 - 2019", bachelor, "sity"),
            ("2012 - 2015", diploma, "uses"),
            ("2010 - 2012", "Certificate in Laboratory Technique", "Eastmoor College"),
        ]
    )
    assert texts[:2] == ["2015 - 2019\t" + bachelor[:-1] + "sity", "2012 - 2015\t" + diploma + " uses"]


def test_pdf_line_under_a_dated_head_that_starts_a_new_item_stays_a_line() -> None:
    # A degree that reaches the edge over its school: the next line of the cell, not a wrap.
    texts = _dated(
        [
            ("2015 - 2019", "Bachelor of Science in Physics, Chemistry and Computer Science of Materials", "Nordvale"),
            ("2012 - 2015", "Diploma in Applied Mathematics and Statistics for the Natural Sciences Today", "Eastmoor"),
            ("2010 - 2012", "Certificate in Laboratory Technique and Safety for Hospitals and Schools", "Westbury"),
        ]
    )
    assert texts[1] == "Nordvale" and texts[3] == "Eastmoor"


def test_pdf_right_to_left_list_item_after_a_tab_wraps() -> None:
    # A Word list item in Hebrew: the mark at the right, a tab, then text that wraps to the left
    # margin (written in visual order, as word processors do).
    first = "אבגד הוזח טיכל מנסע פצקר שתאב גדהו זחטי כלמנ סעפצ קרשת"
    second = "אבג דהו זחט"  # 11 characters of 5.56 points: it ends where the first line does
    runs = [
        Run("\u2022", 370, 100),
        Run(first, 50, 100, rtl=True),
        Run(second, 50 + 5.56 * (len(first) - len(second)), 112, rtl=True),
        *(Run(f"{first} {i}", 50, 140 + 12 * i, rtl=True) for i in range(3)),
    ]
    lines = read_lines(build([Page(runs, width=540)]))
    assert lines[0].text == first + " " + second and lines[0].bullet
