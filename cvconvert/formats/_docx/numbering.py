"""Word's list numbering (numbering.xml): what number or mark each list item shows.

:class:`_Lists` reads a list's definition when a paragraph first names it and counts its items in
document order, as Word shows them; :func:`_level_text` tells which numbers say more than the
item's place in its list (a year, a label, "Step 3") and are kept in the line's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cvconvert.namespaces import W

_W = f"{{{W}}}"
A_VAL = _W + "val"
T_LVL, T_NUMFMT, T_LVLTEXT, T_START = _W + "lvl", _W + "numFmt", _W + "lvlText", _W + "start"


@dataclass
class _Level:
    """A list level of numbering.xml: its number format, its text ("%1.", "%1.%2") and start."""

    fmt: str
    text: str
    start: int


class _Lists:
    """Word's list numbering (numbering.xml): each list's levels and the counters of the
    items read so far. Lists that share a definition count on together, as Word shows them,
    unless a list restarts a level (w:startOverride)."""

    def __init__(self, root: Any) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.keys: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        # The definitions, read into levels when a paragraph first names their list: Word
        # writes dozens of list definitions a CV never uses.
        self._abstract: dict[str, Any] = {}
        self._nums: dict[str, Any] = {}
        self._abstract_levels: dict[str, dict[int, _Level]] = {}
        if root is None:
            return
        for el in root.iter(_W + "abstractNum"):
            self._abstract[el.get(_W + "abstractNumId", "")] = el
        for num in root.iter(_W + "num"):
            self._nums[num.get(_W + "numId", "")] = num

    def _read(self, nid: str) -> dict[int, _Level] | None:
        """List ``nid``'s levels (its definition's, with its overrides), or None if not defined."""
        if nid in self.levels:
            return self.levels[nid]
        num = self._nums.get(nid)
        if num is None:
            return None
        ref = num.find(_W + "abstractNumId")
        aid = ref.get(A_VAL, "") if ref is not None else ""
        if aid not in self._abstract_levels:
            el = self._abstract.get(aid)
            self._abstract_levels[aid] = _levels(el) if el is not None else {}
        levels = dict(self._abstract_levels[aid])
        restart = False
        for over in num.iter(_W + "lvlOverride"):
            ilvl = _int(over.get(_W + "ilvl"), 0)
            own = over.find(_W + "lvl")
            if own is not None:
                levels.update(_levels(over))
            start = over.find(_W + "startOverride")
            if start is not None and ilvl in levels:
                lvl = levels[ilvl]
                levels[ilvl] = _Level(lvl.fmt, lvl.text, _int(start.get(A_VAL), lvl.start))
                restart = True
        self.levels[nid] = levels
        self.keys[nid] = f"num {nid}" if restart else f"abstract {aid}"
        return levels

    def number(self, num: str, ilvl: int) -> str | None:
        """The next number of list ``num`` at level ``ilvl`` as shown, or '' (a bullet, a bare
        enumerator); None when the level shows no mark at all (a heading style tied to a
        list whose level is blank, w:numFmt "none" and an empty w:lvlText): no list item."""
        levels = self._read(num)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(self.keys[num], {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else levels[ilvl].start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if not _shows_mark(levels, ilvl):
            return None
        if levels[ilvl].fmt in ("bullet", "none"):
            return ""
        return _level_text(levels, counters, ilvl)


def _levels(el: Any) -> dict[int, _Level]:
    """The levels defined directly under ``el`` (an abstractNum or a lvlOverride)."""
    out: dict[int, _Level] = {}
    for lvl in el.iterchildren(T_LVL):
        props: dict[Any, Any] = {}
        for child in lvl:
            props.setdefault(child.tag, child)
        fmt, text, start = props.get(T_NUMFMT), props.get(T_LVLTEXT), props.get(T_START)
        out[_int(lvl.get(_W + "ilvl"), 0)] = _Level(
            fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
            text.get(_W + "val", "") if text is not None else "",
            _int(start.get(_W + "val") if start is not None else None, 1),
        )
    return out


_PLACEHOLDER = re.compile("%([1-9])")


def _shows_mark(levels: dict[int, _Level], ilvl: int) -> bool:
    """Whether a level's text shows anything: a %n of a level in format "none" shows nothing."""

    def shown(m: re.Match[str]) -> str:
        lvl = levels.get(int(m.group(1)) - 1)
        return "" if lvl is not None and lvl.fmt == "none" else "0"

    return bool(_PLACEHOLDER.sub(shown, levels[ilvl].text).strip())


def _level_text(levels: dict[int, _Level], counters: dict[int, int], ilvl: int) -> str:
    """A level's text with each %n replaced by level n-1's number in its format, when it
    says more than the item's place in its list: a year ("2015"), a literal label ("S", "T",
    "R" of a STAR list) or words around the number ("Step 3"). A bare enumerator ("1.",
    "a)", "iv.", "1.2") is left out, as a bullet is (the line is marked a list item either
    way, and "1. Acme Ltd" would read as the employer's name); so is a number in a format not
    rendered here (a script's own counting)."""
    out: list[str] = []
    year = False
    for piece in re.split(r"(%[1-9])", levels[ilvl].text):
        if re.fullmatch(r"%[1-9]", piece):
            at = int(piece[1]) - 1
            lvl = levels.get(at)
            value = counters.get(at, lvl.start if lvl else 1)
            shown = _format_number(value, lvl.fmt if lvl else "decimal")
            if shown is None:
                return ""
            year = year or 1900 <= value <= 2100
            out.append(shown)
        else:
            out.append(piece)
    text = "".join(out).strip()
    literal = re.sub(r"%[1-9]", "", levels[ilvl].text)
    if not any(ch.isalnum() for ch in text):
        return ""
    return text if year or any(ch.isalnum() for ch in literal) else ""


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _format_number(n: int, fmt: str) -> str | None:
    """``n`` in a list number format: decimal, letters, Roman numerals, circled; None for others."""
    if fmt in ("decimal", "decimalHalfWidth", "decimalFullWidth", "ordinal"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        # Word repeats the letter past z: aa, bb...
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        roman = ""
        for value, digits in _ROMAN:
            count, n = divmod(n, value)
            roman += digits * count
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    return None


def _int(value: str | None, default: int) -> int:
    return int(value) if value is not None and value.lstrip("-").isdigit() and len(value) < 10 else default
