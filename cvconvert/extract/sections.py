"""Section headings: lines whose words the heading vocabulary knows, and lines written like them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cvconvert.extract import headings
from cvconvert.extract.daterange import find_dates
from cvconvert.extract.lines import Line, _is_bullet, _words


@dataclass
class _Section:
    key: str
    title: str
    confidence: float
    lines: list[Line] = field(default_factory=list)


def _heading_look(line: Line, body_size: float) -> bool:
    """Formatting that makes a short line stand out as a heading."""
    letters = [c for c in line.text if c.isalpha()]
    caps = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 2
    return (
        (line.level is not None and line.level <= 2)
        or line.bold
        or caps
        or (body_size > 0 and line.size >= body_size + 1.5)
        or line.text.rstrip().endswith((":", "："))
        or _marked_heading(line.text)
    )


def _marked_heading(text: str) -> bool:
    """A line led by a heading mark with no space after it ("■職務経歴", "▶Skills") or in
    lenticular brackets ("【学歴】"): Japanese and Chinese forms mark headings so."""
    text = text.strip()
    return bool(re.match(r"[■□◆◇▶►●]\S", text)) or (text.startswith("【") and text.endswith("】"))


def _signature(line: Line) -> tuple[str, bool, float, int | None]:
    return (line.style, line.bold, line.size, line.level)


def _find_sections(lines: list[Line], lang: str | None) -> tuple[list[Line], list[_Section]]:
    sizes = sorted(line.size for line in lines if line.size)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    preface: list[Line] = []
    sections: list[_Section] = []
    known_looks: set[tuple[str, bool, float, int | None]] = set()
    marks: list[tuple[int, str, float]] = []
    for i, line in enumerate(lines):
        text = line.text
        if "\t" in text.strip() or _words(text) > 7 or "@" in text or find_dates(text):
            continue
        if _is_bullet(line) and line.level is None:
            continue
        key = headings.lookup(text)
        if key is None:
            continue
        looks = _heading_look(line, body_size)
        # A bare word such as "Experience" in running text is not a heading; a styled one is.
        if not looks and _words(text) > 3:
            continue
        marks.append((i, key, 0.9 if looks else 0.7))
        if looks:
            known_looks.add(_signature(line))
    marked = {i for i, _, _ in marks}
    # Headings the vocabulary does not know, written like the ones it does, end a section; only
    # when that look is distinctive (a heading style, capitals or a larger size, used by few
    # other lines), since bold alone also marks job titles and table captions.
    known_count: dict[tuple[str, bool, float, int | None], int] = {}
    for i in marked:
        sig = _signature(lines[i])
        known_count[sig] = known_count.get(sig, 0) + 1
    all_count: dict[tuple[str, bool, float, int | None], int] = {}
    for line in lines:
        sig = _signature(line)
        if sig in known_count:
            all_count[sig] = all_count.get(sig, 0) + 1
    for i, line in enumerate(lines):
        sig = _signature(line)
        # A list item is no heading, unless it has a heading level as the known ones may have.
        if i in marked or i < 3 or sig not in known_count or (_is_bullet(line) and line.level is None):
            continue
        styled = line.level is not None and 0 <= line.level <= 2
        if all_count[sig] > 2 * known_count[sig] + 2 and not styled:
            continue
        text = line.text
        letters = [c for c in text if c.isalpha()]
        caps = bool(letters) and all(c.isupper() for c in letters if c.isascii()) and len(letters) > 3
        distinctive = (line.level is not None and 0 <= line.level <= 1) or caps or line.size >= body_size + 1.5
        if (
            distinctive
            and _words(text) <= 5
            and not find_dates(text)
            and not re.search(r"[@\d]", text)
            and not text.endswith((".", ",", ":"))
            and line.where in ("body", "table", "textbox")
        ):
            # A heading with a typing slip ("CETIFICACIONES") keeps its section.
            marks.append((i, headings.lookup_near(text) or "other", 0.4))
    marks.sort()
    bounds = [i for i, _, _ in marks] + [len(lines)]
    preface = lines[: bounds[0]]
    for (i, key, conf), end in zip(marks, bounds[1:], strict=False):
        sections.append(_Section(key, lines[i].text, conf, lines[i + 1 : end]))
    return preface, sections
