"""Properties of the PDF layout passes on words placed anywhere: no word read twice, the same
lines from the same words, and nothing but text from the page (pure Python: no PDF needed)."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from cvconvert.formats._pdf import layout
from cvconvert.formats._pdf.layout import Word

# Latin, digits, Hebrew, CJK, bullets, dashes, dots, colons, a Symbol-font bullet and PDFium's
# soft-hyphen mark: the characters the rules look at.
_ALPHABET = "abcXYZ0129אבגדה中文•-–.:@/\uf0b7\ufffe"


@st.composite
def _word(draw: st.DrawFn, start: int) -> Word:
    text = draw(st.text(alphabet=_ALPHABET, min_size=1, max_size=8))
    size = draw(st.sampled_from([6.0, 9.0, 10.0, 12.0, 20.0]))
    x0 = draw(st.floats(min_value=0, max_value=560, allow_nan=False))
    width = draw(st.floats(min_value=1, max_value=120, allow_nan=False))
    base = draw(st.sampled_from([100.0 + 12 * k for k in range(40)])) + draw(st.sampled_from([0.0, 1.5, -2.0]))
    bold = draw(st.booleans())
    return Word(text, x0, x0 + width, base - size, base + 0.2 * size, base, size, bold, start=start)


@st.composite
def _page(draw: st.DrawFn) -> list[Word]:
    n = draw(st.integers(min_value=1, max_value=60))
    starts = sorted(draw(st.lists(st.integers(min_value=0, max_value=5000), min_size=n, max_size=n)))
    return [draw(_word(start)) for start in starts]


@settings(max_examples=150, deadline=None)
@given(_page())
def test_layout_reads_each_word_at_most_once_and_the_same_way_twice(words: list[Word]) -> None:
    first = layout.page_lines(copy.deepcopy(words), 595)
    again = layout.page_lines(copy.deepcopy(words), 595)
    assert [ln.text for ln in first] == [ln.text for ln in again]
    seen = [id(w) for ln in first for w in ln.words]
    assert len(seen) == len(set(seen))
    text = "".join(ln.text for ln in first)
    letters = {ch for w in words for ch in w.text} | set(" \t-")
    assert set(text) <= letters
