"""Words placed on a PDF page and the lines made of them: the records the layout passes share.

Coordinates are points from the page's top-left corner.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from cvconvert.text import RTL_LETTERS


@dataclass(slots=True)
class Word:
    """A run of characters without a space, as the PDF places it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float  # baseline, from the top of the page
    size: float
    bold: bool = False
    italic: bool = False
    start: int = -1  # index of the first character in PDFium's text page (-1: made up)
    spans: list[tuple[float, float]] | None = None  # left and right of each character, when known
    tag: str = ""  # the heading a tagged PDF puts the word in (H, H1-H6), or ''
    item: int = -1  # the number of the list item a tagged PDF puts the word in, or -1
    mark: bool = False  # a small shape drawn just before it: a list's bullet (see :func:`mark_bullets`)


@dataclass(slots=True)
class PageLine:
    """A line of one column, before it becomes an engine line."""

    words: list[Word]
    text: str
    column: int = 0
    sidebar: bool = False
    where: str = "body"
    para: int = 0
    bullet: bool = False
    links: list[str] = field(default_factory=list)
    # The side of the page's gutter the line's column stands on (0 left, 1 right), -1 for a line
    # across the page or on a page without columns: see :func:`streams`.
    side: int = -1
    page: int = 0
    box: tuple[float, float, float, float] = field(init=False)  # (left, top, right, bottom)
    size: float = field(init=False)  # the largest font size on the line

    def __post_init__(self) -> None:
        self.measure()

    def measure(self) -> None:
        """Box and size from the words (again, after words were added)."""
        first = self.words[0]
        x0, top, x1, bottom, size = first.x0, first.top, first.x1, first.bottom, first.size
        for w in self.words:
            x0 = w.x0 if w.x0 < x0 else x0
            top = w.top if w.top < top else top
            x1 = w.x1 if w.x1 > x1 else x1
            bottom = w.bottom if w.bottom > bottom else bottom
            size = w.size if w.size > size else size
        self.box = (x0, top, x1, bottom)
        self.size = size

    def grow(self, other: PageLine) -> None:
        """Box and size with ``other``'s words added: what :meth:`measure` gives, without reading
        the words already measured again (a paragraph of thousands of lines grows line by line)."""
        ax0, atop, ax1, abottom = self.box
        bx0, btop, bx1, bbottom = other.box
        self.box = (min(ax0, bx0), min(atop, btop), max(ax1, bx1), max(abottom, bbottom))
        self.size = max(self.size, other.size)


# A gap this many times the font size splits a row into chunks: wider than any word space,
# even in justified text, narrower than the tab stops and gutters CV templates use.
CHUNK_GAP = 0.8
# A gap this wide inside a column is a tab ("Company<tab>2019 - 2021"), not a space.
TAB_GAP = 1.2


def _rtl(text: str) -> bool:
    """As many words in a right-to-left script (Hebrew, Arabic, Persian) as in others."""
    return RTL_LETTERS.search(text) is not None and _is_rtl(_rtl_count(text))


def _rtl_count(text: str) -> tuple[int, int]:
    """(words in a right-to-left script, words with a letter): sums over the lines of a paragraph
    give the paragraph's, so that a growing paragraph is never counted again."""
    if not RTL_LETTERS.search(text):
        return 0, sum(1 for w in text.split() if any(ch.isalpha() for ch in w))
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    r = sum(1 for w in words if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in w))
    return r, len(words)


def _is_rtl(count: tuple[int, int]) -> bool:
    return count[0] > 0 and count[0] * 2 >= count[1]


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
