"""Hostile pasted CVs: the rule-based reader's cost grows about linearly with the document.

Each document is read through the real CLI under the test bounds (60 s, 1 GiB), once at full size
and once at a tenth of it. A pass that compares every line with every other line would make the
full-size run a hundred times slower than the small one; a linear engine makes it at most ten times
slower (less, since starting Python costs the same for both). The bound is on the ratio, not on a
time, so that a machine loaded by other work does not make the test flaky.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cvconvert import limits
from tests.helpers import TIME_BOUND, run_bounded
from tests.pdf_samples import Page, Run, build


def _no_headings(n: int) -> str:
    """A pasted text with no heading: the reported slow path (0.5 ms a line in the contact pass)."""
    return "\n".join(f"line {i}" for i in range(n))


def _headings(n: int) -> str:
    """Section headings, one after another, each over a line of text."""
    names = ("EXPERIENCE", "EDUCATION", "SKILLS", "LANGUAGES", "PROJECTS")
    return "\n".join(f"{names[i % len(names)]}\nthing {i}" for i in range(n))


def _dates(n: int) -> str:
    """Dated entry heads under one heading: every line a date range."""
    return "EXPERIENCE\n" + "\n".join(f"Engineer {i}, Acme {i}, Jan 2010 - Mar 2012" for i in range(n))


def _bullets(n: int) -> str:
    """List items, one after another."""
    return "\n".join(f"- point {i}" for i in range(n))


def _emails(n: int) -> str:
    """Tokens that look like e-mail addresses, ten a line."""
    rows = (" ".join(f"user{i + k}@host{i + k}.com" for k in range(10)) for i in range(0, n, 10))
    return "\n".join(rows)


def _one_line(n: int) -> str:
    """One line of ``n`` characters, which the engine cuts at MAX_LINE."""
    return ("word " * (n // 5 + 1))[:n]


# (name, document builder, full size): sizes as the slow-path reports give them, within
# max_document_chars.
CASES: list[tuple[str, Callable[[int], str], int]] = [
    ("no_headings", _no_headings, 150_000),
    ("headings", _headings, 10_000),
    ("dates", _dates, 10_000),
    ("bullets", _bullets, 100_000),
    ("emails", _emails, 50_000),
    ("one_line", _one_line, 1_990_000),
]


def _read(tmp_path: Path, name: str, text: str) -> float:
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    code, err, _, seconds = run_bounded(str(source), str(tmp_path / f"{name}.json"))
    assert code == 0, err[-1000:]
    return seconds


@pytest.mark.parametrize(("name", "build", "size"), CASES, ids=[c[0] for c in CASES])
def test_hostile_text_reads_in_about_linear_time(
    tmp_path: Path, name: str, build: Callable[[int], str], size: int
) -> None:
    text = build(size)
    assert len(text) <= limits.current().max_document_chars
    small = _read(tmp_path, f"{name}_small", build(size // 10))
    full = _read(tmp_path, name, text)
    assert full < TIME_BOUND / 2, f"{name}: {full:.1f} s"
    # Linear: at most 10x (plus noise); quadratic would be about 100x.
    assert full / small < 30, f"{name}: {small:.2f} s at a tenth of the size, {full:.2f} s at full size"


def _paragraph_pdf(n: int) -> bytes:
    """One page holding a paragraph wrapped over ``n`` lines of small type, each reaching the edge."""
    row = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore"
    runs = [Run(row, 10, 10 + 1.2 * i, size=1.0) for i in range(n)]
    return build([Page(runs, width=80, height=20 + 1.2 * n)])


def test_pdf_paragraph_of_thousands_of_lines_reads_in_about_linear_time(tmp_path: Path) -> None:
    # The wrapped lines become one line as they are read; each was measured again over the whole
    # paragraph (36 s for 3,000 lines).
    times = []
    for n in (300, 3000):
        source = tmp_path / f"paragraph{n}.pdf"
        source.write_bytes(_paragraph_pdf(n))
        code, err, _, seconds = run_bounded(str(source), str(tmp_path / f"paragraph{n}.json"))
        assert code == 0, err[-1000:]
        times.append(seconds)
    small, full = times
    assert full < TIME_BOUND / 2, f"{full:.1f} s"
    assert full / small < 30, f"{small:.2f} s at a tenth of the size, {full:.2f} s at full size"
