"""Reactive Resume's rich text (the HTML its editor writes) to plain text and back.

The editor writes paragraphs (``<p>``), bullet and numbered lists (``<ul>``, ``<ol>`` of
``<li>``), line breaks and inline formatting (bold, italic, links...). Plain text keeps the
paragraphs (separated by a blank line), the line breaks and the list items; formatting is
dropped (the caller says so and keeps the HTML). One pass over the markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# Tags that open a block of text of their own (a paragraph here).
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article"})
# Tags that carry no formatting of their own: everything else is formatting (bold, links, ...).
_PLAIN = frozenset({"p", "div", "br", "ul", "ol", "li", "html", "body", "span"})
_SPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass
class Text:
    """The blocks of a piece of rich text: each a paragraph or a list item, in order."""

    blocks: list[tuple[bool, str]] = field(default_factory=list)
    """(is a list item, its text)."""
    formatted: bool = False
    """Whether markup other than paragraphs, line breaks and lists was dropped."""

    @property
    def paragraphs(self) -> list[str]:
        """The texts of the blocks that are no list items."""
        return [text for item, text in self.blocks if not item]

    @property
    def items(self) -> list[str]:
        """The texts of the list items."""
        return [text for item, text in self.blocks if item]


# A tag: its name, then anything but another "<" or ">" (so every attempt stops at the next "<":
# one pass over the text, where the standard library's parser rescans an unclosed tag each time).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(?:[\s/][^<>]*)?>")


class _Reader:
    def __init__(self) -> None:
        self.out = Text()
        self.buffer: list[str] = []
        self.depth = 0  # of open <li>

    def flush(self) -> None:
        text = "\n".join(_SPACE.sub(" ", line).strip() for line in "".join(self.buffer).split("\n"))
        self.buffer = []
        if text.strip():
            self.out.blocks.append((self.depth > 0, text.strip("\n")))

    def start(self, tag: str) -> None:
        if tag == "br":
            self.buffer.append("\n")
            return
        if tag not in _PLAIN:
            self.out.formatted = True
        if tag in _BLOCKS or tag in ("li", "ul", "ol"):
            self.flush()
        if tag == "li":
            self.depth += 1

    def end(self, tag: str) -> None:
        if tag in _BLOCKS or tag in ("li", "ul", "ol"):
            self.flush()
        if tag == "li" and self.depth:
            self.depth -= 1

    def data(self, text: str) -> None:
        if text:
            # A raw newline is white space in HTML; only <br> breaks a line.
            self.buffer.append(html.unescape(text).replace("\n", " "))


def read(markup: str) -> Text:
    """The blocks of text in ``markup``, in one pass (comments skipped, unknown tags ignored)."""
    reader = _Reader()
    pos = 0
    while (lt := markup.find("<", pos)) >= 0:
        reader.data(markup[pos:lt])
        if markup.startswith("<!--", lt):
            close = markup.find("-->", lt + 4)
            pos = len(markup) if close < 0 else close + 3
            continue
        tag = _TAG.match(markup, lt)
        if tag is None:
            reader.data("<")  # a "<" that opens no tag is text
            pos = lt + 1
            continue
        name = tag[2].lower()
        if tag[1]:
            reader.end(name)
        else:
            reader.start(name)
        pos = tag.end()
    reader.data(markup[pos:])
    reader.flush()
    return reader.out


def write(paragraphs: list[str], items: list[str]) -> str:
    """The editor's HTML for paragraphs then a bullet list; a line break is ``<br>``."""
    out = [f"<p>{_escape(p)}</p>" for p in paragraphs]
    if items:
        out.append("<ul>" + "".join(f"<li><p>{_escape(i)}</p></li>" for i in items) + "</ul>")
    return "".join(out)


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def paragraphs(text: str) -> list[str]:
    """A plain text's paragraphs (split at blank lines), as :func:`write` takes them."""
    return [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
