"""The text a Word run shows: one rule for every reader of DOCX text.

A run (``w:r``) holds its text in ``w:t`` and in elements that each stand for one character:
tabs, line breaks, hyphens. :mod:`.read` (our own documents) and :mod:`.extract` (anyone's) walk
paragraphs differently, since they collect different things, but both ask this module what
each of these elements shows, so that the same page reads as the same text in both.

The choices, where Word leaves one:

- ``w:noBreakHyphen`` is U+2011, the character Word stores as this element (typed as Ctrl+Shift+-
  or pasted): the same text whichever way the file spells it. The extractor's line cleaner then
  reads U+2011 as "-", as it reads odd spaces as spaces.
- ``w:softHyphen`` is U+00AD: invisible unless the line breaks there, as the character is.
- Every ``w:br`` is a line break, whatever its type: text on the two sides of a page or column
  break is never one word ("Python" then "Java" on the next page is not "PythonJava").
- ``w:sym`` is its character when that is one Unicode names; a symbol font's private-use code
  (Wingdings ``F0A7``: a square bullet only in that font) shows nothing we can name, and is "".
"""

from __future__ import annotations

import re
from typing import Any

from cvconvert.namespaces import W
from cvconvert.text import fits_xml

_W = f"{{{W}}}"
T = _W + "t"
SYM = _W + "sym"
_CHARACTER = {
    _W + "tab": "\t",
    _W + "ptab": "\t",
    _W + "br": "\n",
    _W + "cr": "\n",
    _W + "noBreakHyphen": "\u2011",
    _W + "softHyphen": "\u00ad",
}
TEXT_TAGS = frozenset({T, SYM, *_CHARACTER})
"""The elements of a run that show text (in Clark notation); :func:`text_of` says which."""
_HEX = re.compile("[0-9A-Fa-f]{1,6}")


def text_of(element: Any) -> str:
    """The text one element of :data:`TEXT_TAGS` shows ('' for any other element)."""
    tag = element.tag
    if tag == T:
        return str(element.text or "")
    if tag == SYM:
        return _symbol(element.get(_W + "char", ""))
    return _CHARACTER.get(tag, "")


def _symbol(code: str) -> str:
    """``w:char="2022"`` -> "•"; a symbol font's private-use code (U+F000-U+F0FF) or junk -> ""."""
    if _HEX.fullmatch(code) is None:
        return ""
    point = int(code, 16)
    if not 0x20 <= point <= 0x10FFFF or 0xF000 <= point <= 0xF0FF:
        return ""
    char = chr(point)
    return char if fits_xml(char) else ""
