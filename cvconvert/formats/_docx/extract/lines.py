"""The :class:`Line` record every rule works on, and the small tests on a line's text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass
class Line:
    """One visible line of text with the layout hints the rules use."""

    text: str
    style: str = ""
    level: int | None = None  # outline level from the style or paragraph (0 = Heading 1)
    bullet: bool = False
    bold: bool = False
    size: float = 0.0  # largest font size on the line, in points (0 = unknown)
    where: str = "body"  # body | table | textbox | header | footer
    cell: tuple[int, int, int] | None = None  # (table number, row, column)
    para: int = 0  # paragraph number: lines cut by a line break share it
    links: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    # Non-breaking and odd spaces become plain spaces, runs of spaces one; tabs are kept because
    # they separate columns ("Company<tab>2019 - 2021").
    # PDF converters write CJK compatibility ideographs and Kangxi radicals (U+F98E for 年):
    # they look the same, so the ordinary characters they stand for are what the reader saw.
    text = "".join(
        " "
        if unicodedata.category(ch) == "Zs"
        else unicodedata.normalize("NFKC", ch)
        if "\uf900" <= ch <= "\ufaff" or "\u2f00" <= ch <= "\u2fdf"
        else ch
        for ch in text
    )
    text = text.replace("\u200b", "").replace("\u00ad", "").replace("\ufeff", "")
    text = re.sub(r" {2,}", "  ", text)
    # Dot leaders ("South College ........ 07/2025") stand for a tab.
    text = re.sub(r"\s*[.…·_]{3,}\s*", "\t", text)
    text = re.sub(r"[ ]*\t[\t ]*", "\t", text)
    return text.strip(" \t\r")


_BULLET_GLYPHS = "•▪◦·■□●○►▶❖◆◇‣⁃–-*✓✔➢➤»→"


def _is_bullet(line: Line) -> bool:
    return line.bullet or (line.text[:1] in _BULLET_GLYPHS and len(line.text) > 2 and line.text[1:2] in " \t")


def _strip_bullet(text: str) -> str:
    return re.sub(rf"^[{re.escape(_BULLET_GLYPHS)}\s]+", "", text).strip()


def _cjk(text: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" for ch in text)


def _words(text: str) -> int:
    return len(text.split()) if not _cjk(text) else max(1, len(text) // 3)
