"""Plain text and Markdown (``.txt``, ``.md``): a CV pasted as text, read best-effort by the rules.

The text becomes the engine's :class:`~cvconvert.extract.lines.Line` records, with the hints
Markdown writes down (``#`` headings as a level, ``**bold**`` lines as bold, ``-``/``*``/``1.``
items as list items, ``[text](url)`` as text plus a link, ``| a | b |`` rows as table cells) and
those plain text shows (blank lines between paragraphs, short lines in capitals as headings,
"====" or "----" under a heading); then :func:`cvconvert.extract.extract` reads them.

Read only, and claimed by its extensions alone: no sniffing, since almost any text (YAML, JSON)
would pass for a pasted CV.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import Field

from cvconvert._input import decode_text
from cvconvert.formats.base import Format
from cvconvert.options import ReadOptions

if TYPE_CHECKING:
    from cvconvert.extract.lines import Line
    from cvconvert.model import Resume
    from cvconvert.report import Report


class TextReadOptions(ReadOptions):
    """What the plain-text reader takes."""

    lang: str | None = Field(
        None, description="a hint: the language of the CV's headings (it is told from the text by itself)"
    )


def read(data: bytes, options: TextReadOptions) -> tuple[Resume, Report]:
    """Read a CV written as plain text or Markdown, best effort, with the rules of the engine.

    Raises LimitExceededError past ``max_text_bytes`` (or the engine's ``max_document_chars``) and
    InvalidInputError for empty input or bytes that are not text.
    """
    from cvconvert.extract import extract

    return extract(read_lines(decode_text(data)), lang=options.lang)


# "# Heading" (ATX): the number of marks is the level; closing marks are dropped.
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$|^ {0,3}(#{1,6})[ \t]*$")
# "====" or "----" under a line (setext): the line above is a heading of level 0 or 1.
_SETEXT = re.compile(r"^ {0,3}(={3,}|-{3,})[ \t]*$")
# A thematic break ("---", "* * *", "___") separates, and says nothing else.
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
# A list item: "- x", "* x", "+ x", "1. x", "1) x", and the bullets people type ("• x").
_ITEM = re.compile(r"^[ \t]*(?:[-*+•▪◦●○■►▶➢➤✓✔]|\d{1,3}[.)])[ \t]+(?=\S)")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:|tel:)[^>\s]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# Single-mark emphasis only around words, never inside one ("snake_case", "a*b").
_EMPHASIS = re.compile(r"(?<![\w*\\])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_TAG = re.compile(r"</?(?:br|b|strong|i|em|u|span|div|p)\b[^>\n]*>", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def read_lines(source: str) -> list[Line]:
    """The text's lines as the engine's records, in reading order (empty lines left out)."""
    # The engine loads with the first read, not with the format registry.
    from cvconvert.extract.lines import Line, _clean, _pieces

    out: list[Line] = []

    def add(text: str, **hints: Any) -> None:
        # Cleaned as every front-end cleans its lines; an over-long one is cut in pieces.
        out.extend(Line(piece, **hints) for piece in _pieces(_clean(text)))

    rows = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    para, table, table_row, in_fence = 0, -1, 0, False
    # Front matter ("---" / "name: Jane Doe" / "---") is read as plain lines: its closing
    # dashes would otherwise make the line above a heading.
    matter = _front_matter(rows)
    for raw in rows[1:matter] if matter > 0 else ():
        add(raw, para=para)
    para += 1
    for i, raw in enumerate(rows):
        if i <= matter:
            continue
        if _FENCE.match(raw):
            in_fence = not in_fence
            para += 1
        elif in_fence:
            add(raw, para=para)
        elif _SETEXT.match(raw) and out and out[-1].para == para and rows[i - 1].strip():
            # The line above is a heading ("Experience" over "----------").
            out[-1].level = 0 if raw.strip()[0] == "=" else 1
            para += 1
        elif not raw.strip() or _RULE.match(raw):
            para += 1
        elif raw.lstrip().startswith("|") and raw.rstrip().endswith("|") and raw.count("|") >= 2:
            if _TABLE_RULE.match(raw):
                continue
            if not out or out[-1].where != "table" or out[-1].para != para:
                table, table_row = table + 1, 0
            for col, cell in enumerate(raw.strip().strip("|").split("|")):
                text, hints = _line(cell)
                add(text, para=para, where="table", cell=(table, table_row, col), **hints)
            table_row += 1
        else:
            text, hints = _line(_QUOTE.sub("", raw))
            add(text, para=para, **hints)
    return out


def _front_matter(rows: list[str]) -> int:
    """The index of the line that closes a front matter block opened on the first line, or -1."""
    if not rows or rows[0].strip() != "---":
        return -1
    for i, row in enumerate(rows[1:50], start=1):
        if row.strip() in ("---", "..."):
            return i
    return -1


def _line(raw: str) -> tuple[str, dict[str, Any]]:
    """One line of the source as the text a reader sees and the hints its Markdown marks give."""
    hints: dict[str, Any] = {}
    heading = _ATX.match(raw)
    if heading:
        hints["level"] = len(heading.group(1) or heading.group(3)) - 1
        raw = heading.group(2) or ""
    else:
        item = _ITEM.match(raw)
        if item:
            hints["bullet"] = True
            raw = raw[item.end() :]
    stripped = raw.strip()
    if _whole(_STRONG, stripped):
        hints["bold"] = True
    elif _whole(_EMPHASIS, stripped):
        hints["italic"] = True
    links: list[str] = []
    text = _inline(raw, links)
    if links:
        hints["links"] = links
    if "level" not in hints and _shouted(text):
        # A short line in capitals is how plain text writes a heading ("WORK EXPERIENCE").
        hints["bold"] = True
    return text, hints


def _whole(pattern: re.Pattern[str], text: str) -> bool:
    """True when one emphasis covers the whole line ("**Work Experience**")."""
    m = pattern.fullmatch(text)
    return m is not None and m.group(1) not in m.group(2)


def _inline(text: str, links: list[str]) -> str:
    """The text a reader sees: link targets kept in ``links``, emphasis marks and escapes dropped."""
    text = _TAG.sub(" ", text)
    text = _IMAGE.sub(lambda m: m.group(1), text)

    def link(m: re.Match[str]) -> str:
        links.append(m.group(2))
        return m.group(1)

    def autolink(m: re.Match[str]) -> str:
        target = m.group(1)
        links.append(target if ":" in target else "mailto:" + target)
        return target.removeprefix("mailto:").removeprefix("tel:")

    text = _LINK.sub(link, text)
    text = _AUTOLINK.sub(autolink, text)
    text = _CODE.sub(lambda m: m.group(1), text)
    text = _STRONG.sub(lambda m: m.group(2), text)
    text = _EMPHASIS.sub(lambda m: m.group(2), text)
    text = _ESCAPE.sub(lambda m: m.group(1), text)
    # Two trailing spaces or a backslash end a Markdown line with a break: nothing to keep.
    return text.rstrip("\\")


def _shouted(text: str) -> bool:
    """A short line whose letters are all capitals: "EDUCATION", "BERUFSERFAHRUNG"."""
    letters = [c for c in text if c.isalpha()]
    return 3 <= len(letters) and len(text.split()) <= 5 and all(c.isupper() for c in letters)


FORMAT = Format(
    name="text",
    extensions=(".txt", ".md", ".markdown"),
    media_type="text/plain",
    read=read,
    write=None,
    sniff=None,  # any text would pass for a CV: claimed by its extensions only
    read_options=TextReadOptions,
    extra="text",
    description="a CV pasted as plain text or Markdown, read best-effort by rules (read only)",
)
