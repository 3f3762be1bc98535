"""The :class:`Line` record every rule works on, and the small tests on a line's text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass
class Line:
    """One visible line of text with the layout hints the rules use.

    The engine's document model: every front-end (DOCX, PDF, plain text) gives a document as
    these lines in reading order and fills the hints it knows; a hint it does not know keeps its
    default, and no rule may depend on one front-end's hints alone.
    """

    text: str
    style: str = ""
    level: int | None = None  # outline level from the style, paragraph or PDF tag (0 = Heading 1)
    bullet: bool = False
    bold: bool = False
    italic: bool = False
    size: float = 0.0  # largest font size on the line, in points (0 = unknown)
    where: str = "body"  # body | table | textbox | sidebar | header | footer
    cell: tuple[int, int, int] | None = None  # (table number, row, column)
    para: int = 0  # paragraph number: lines cut by a line break share it
    links: list[str] = field(default_factory=list)
    page: int = 0  # page number from 0, where the front-end knows pages
    box: tuple[float, float, float, float] | None = None  # (left, top, right, bottom) in points on its page
    column: int = 0  # column on the page from the left (0 = the only or the first)


# What _clean respells: the space separators (Unicode's Zs: no-break, en, em, thin, ideographic...)
# and the CJK compatibility ideographs and Kangxi radicals. One search finds them, instead of a
# look at the category of every character of every line.
_RESPELL = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2f00-\u2fdf\uf900-\ufaff]")
_LONG_SPACE = re.compile(r"[^\S\t]{3,}")
_LEADER = re.compile(r"(?<!\s)\s*[.…·_]{3,}\s*")
_TAB_RUN = re.compile(r"[ ]*\t[\t ]*")
_LEFT_RUN = re.compile(r"(?<!\s)\s{3,}")


def _respell(m: re.Match[str]) -> str:
    ch = m.group()
    return " " if unicodedata.category(ch) == "Zs" else unicodedata.normalize("NFKC", ch)


def _clean(text: str) -> str:
    # Non-breaking and odd spaces become plain spaces, runs of spaces one; tabs are kept because
    # they separate columns ("Company<tab>2019 - 2021").
    # PDF converters write CJK compatibility ideographs and Kangxi radicals (U+F98E for 年):
    # they look the same, so the ordinary characters they stand for are what the reader saw.
    text = _RESPELL.sub(_respell, text)
    text = text.replace("\u200b", "").replace("\u00ad", "").replace("\ufeff", "")
    # A non-breaking hyphen (U+2011, Word's w:noBreakHyphen) is a hyphen to every rule ("2019‑2021").
    text = text.replace("\u2011", "-")
    # A run of spaces is two at most, whatever spaces it is made of (U+2028, U+0085 and carriage
    # returns written as &#13; are spaces to the patterns too), and tabs below: every pattern
    # that starts or ends with ``\s*`` is then linear in the line, however it was padded.
    text = _LONG_SPACE.sub("  ", text)
    # Dot leaders ("Nordvale College ........ 07/2025") stand for a tab. A match starts where a run
    # of spaces starts (as the leftmost match always did): tried from inside the run as well,
    # it read the rest of the run again at every position, quadratic in a line of tabs.
    text = _LEADER.sub("\t", text)
    text = _TAB_RUN.sub("\t", text)
    # What is left of a longer run holds a tab and other spaces ("\t\u2028\t\u2028..."): one tab.
    text = _LEFT_RUN.sub("\t", text)
    return text.strip(" \t\r")


# The rules are written for lines as CVs have them (the longest in the corpus is some 1,100
# characters); run on a line of megabytes, several of their patterns backtrack in time that grows
# with the square of its length. A longer line is read as lines of at most this many characters,
# cut at a space or tab where there is one.
MAX_LINE = 2000


def _pieces(text: str) -> list[str]:
    """A cleaned line as lines of at most :data:`MAX_LINE` characters (none for an empty one)."""
    if len(text) <= MAX_LINE:
        return [text] if text else []
    out: list[str] = []
    start = 0
    while start < len(text):
        end = start + MAX_LINE
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\t", start, end))
            end = cut if cut > start else end
        piece = text[start:end].strip(" \t\r")
        if piece:
            out.append(piece)
        start = end
    return out


_BULLET_GLYPHS = "•▪◦·■□●○►▶❖◆◇‣⁃–-*✓✔➢➤»→・"


def _is_bullet(line: Line) -> bool:
    """A list item: marked as one, or starting with a bullet glyph and a space ("• Python"); the
    Japanese middle dot needs no space ("・設計")."""
    text = line.text
    return line.bullet or (
        text[:1] in _BULLET_GLYPHS and len(text) > 2 and (text[1:2] in " \t" or (text[0] == "・" and _cjk(text[1:2])))
    )


_LEADING_BULLETS = re.compile(rf"^[{re.escape(_BULLET_GLYPHS)}\s]+")
_CJK = re.compile("[\u3040-\u9fff]")


def _strip_bullet(text: str) -> str:
    return _LEADING_BULLETS.sub("", text).strip()


# A list's enumerator before its text: "1. ", "2) ", "a) ", "(b) ", "iv. " (a numbered list typed as text).
_ENUMERATOR = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+(?=[^\W\d])")


def _enumerated(text: str) -> bool:
    """A line that starts with a list's enumerator ("1. Built the billing service")."""
    return _ENUMERATOR.match(text) is not None


def _cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _words(text: str) -> int:
    return len(text.split()) if not _cjk(text) else max(1, len(text) // 3)
