"""Rich text: the escaped HTML that both Europass editors store, read and written."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from cvconvert.formats._europass.common import Path, texts_for_xml, xml_text
from cvconvert.report import Report, pointer

if TYPE_CHECKING:
    from cvconvert.model import Work

# --- rich text: the escaped HTML that both Europass editors store --------------------------

_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "col", "wbr", "source"})
_FORMATTING = frozenset({"strong", "b", "em", "i", "u", "s", "span", "a", "sub", "sup", "code", "font"})


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


@dataclass
class RichText:
    """Rich text taken apart: labelled fields, plain paragraphs, and the closing list."""

    labels: dict[str, str | list[str]] = field(default_factory=dict)
    paragraphs: list[str] | None = None
    items: list[str] | None = None
    simplified: bool = False
    """True when formatting (bold, links, colours) was reduced to plain text."""

    @property
    def text(self) -> str | None:
        """The paragraphs as one text, lines joined by newlines."""
        return "\n".join(self.paragraphs) if self.paragraphs is not None else None

    @property
    def bulleted(self) -> str:
        """The paragraphs, then the closing list as bullet lines, as one text (for a field without a list)."""
        return "\n".join([*(self.paragraphs or ()), *(f"• {item}" for item in self.items or ())])


def _inline(node: _Node, out: list[str], flags: list[bool]) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.append(child)
            continue
        if child.tag == "br":
            out.append("\n")
        elif child.tag == "span" and "ql-ui" in child.attrs.get("class", ""):
            continue  # Quill's empty marker before list items
        elif child.tag == "a":
            flags[0] = True
            inner: list[str] = []
            _inline(child, inner, flags)
            text = "".join(inner)
            href = child.attrs.get("href", "")
            out.append(f"{text} ({href})" if href and href != text else text)
        elif child.tag in ("ul", "ol"):
            out.append("\n" + "\n".join(_items(child, flags)))
        else:
            if child.tag in _FORMATTING or child.tag not in ("p", "div"):
                flags[0] = True
            _inline(child, out, flags)


def _items(node: _Node, flags: list[bool]) -> list[str]:
    items = []
    for child in node.children:
        if isinstance(child, _Node) and child.tag == "li":
            parts: list[str] = []
            _inline(child, parts, flags)
            items.append("".join(parts))
    return items


def _is_list(node: _Node | str) -> bool:
    return isinstance(node, _Node) and node.tag in ("ul", "ol")


def _paragraph_text(node: _Node, flags: list[bool]) -> str:
    # The editors mark an empty line as a paragraph holding one <br>.
    if len(node.children) == 1 and isinstance(node.children[0], _Node) and node.children[0].tag == "br":
        return ""
    parts: list[str] = []
    _inline(node, parts, flags)
    return "".join(parts)


def _label_of(node: _Node, known: frozenset[str]) -> tuple[str, str | None] | None:
    """(label, value) for ``<p><strong>Label:</strong> value</p>``; value None when nothing follows."""
    if not node.children or not isinstance(node.children[0], _Node) or node.children[0].tag != "strong":
        return None
    first = node.children[0]
    if len(first.children) != 1 or not isinstance(first.children[0], str) or not first.children[0].endswith(":"):
        return None
    label = first.children[0][:-1]
    if label not in known:
        return None
    rest = _Node("p", children=node.children[1:])
    if not rest.children:
        return label, None
    parts: list[str] = []
    _inline(rest, parts, [False])
    text = "".join(parts)
    if not text.startswith(" "):
        return None
    return label, text[1:]


def parse_rich(text: str, labels: frozenset[str] = frozenset()) -> RichText:
    """Take the HTML of a Europass long text apart.

    Leading ``<p><strong>Label:</strong> value</p>`` paragraphs whose label is in ``labels``
    become fields (a label paragraph followed by a list holds that list); a list that closes
    the text becomes ``items``; other lists become lines of the paragraphs.
    """
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    root = builder.root
    if not any(isinstance(c, _Node) for c in root.children):
        # Plain text (older files): lines are paragraphs.
        return RichText(paragraphs=text.split("\n") if text else [""], simplified=False)
    flags = [False]
    blocks: list[_Node | str] = []
    loose: list[_Node | str] = []
    for child in root.children:
        if isinstance(child, _Node) and child.tag in ("p", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6"):
            if loose and "".join(x if isinstance(x, str) else "x" for x in loose).strip():
                blocks.append(_Node("p", children=loose))
            loose = []
            blocks.append(child)
        else:
            loose.append(child)
    if loose and "".join(x if isinstance(x, str) else "x" for x in loose).strip():
        blocks.append(_Node("p", children=loose))
    result = RichText()
    i = 0
    while i < len(blocks):
        block = blocks[i]
        assert isinstance(block, _Node)
        found = _label_of(block, labels) if block.tag == "p" else None
        if found is None:
            break
        label, value = found
        if value is None and i + 1 < len(blocks) and _is_list(blocks[i + 1]):
            nxt = blocks[i + 1]
            assert isinstance(nxt, _Node)
            result.labels[label] = _items(nxt, flags)
            i += 2
            continue
        result.labels[label] = value if value is not None else ""
        i += 1
    rest = blocks[i:]
    lists = [b for b in rest if _is_list(b)]
    closing = rest[-1] if rest and _is_list(rest[-1]) and len(lists) == 1 else None
    paragraphs: list[str] = []
    for block in rest:
        assert isinstance(block, _Node)
        if block is closing:
            result.items = _items(block, flags)
        elif _is_list(block):
            ordered = block.tag == "ol"
            # Quill marks bullet lists as <ol> with data-list="bullet" on each item.
            kind = next(
                (c.attrs.get("data-list") for c in block.children if isinstance(c, _Node) and c.tag == "li"), None
            )
            for n, item in enumerate(_items(block, flags), start=1):
                paragraphs.append(f"{n}. {item}" if ordered and kind != "bullet" else f"• {item}")
        else:
            paragraphs.append(_paragraph_text(block, flags))
    result.paragraphs = paragraphs or None
    result.simplified = flags[0]
    return result


SIMPLIFIED = "rich text formatting (bold, links, colours) reduced to plain text"
EMPLOYER = "About the employer"
"""The label of the paragraph that carries ``work.description`` at the top of the activities."""


def _esc_inline(value: str) -> str:
    return html.escape(value, quote=False).replace("\n", "<br>")


def build_rich(
    labelled: list[tuple[str, str | list[str]]] = (),  # type: ignore[assignment]
    text: str | None = None,
    items: list[str] | None = None,
) -> str:
    """The HTML for labelled fields, then the text's lines as paragraphs, then a closing list.

    Text is escaped, so what a field says can never pass for the markup that separates fields.
    """
    out: list[str] = []
    for label, value in labelled:
        if isinstance(value, list):
            out.append(f"<p><strong>{html.escape(label)}:</strong></p>")
            out.append("<ul>" + "".join(f"<li>{_esc_inline(v)}</li>" for v in value) + "</ul>")
        else:
            out.append(f"<p><strong>{html.escape(label)}:</strong> {_esc_inline(value)}</p>")
    if text is not None:
        for line in text.split("\n"):
            out.append(f"<p>{html.escape(line, quote=False)}</p>" if line else "<p><br></p>")
    if items is not None:
        out.append("<ul>" + "".join(f"<li>{_esc_inline(v)}</li>" for v in items) + "</ul>")
    return "".join(out)


def rich_or_none(labelled: list[tuple[str, str | list[str]]], text: str | None, items: list[str] | None) -> str | None:
    """The rich text of :func:`build_rich`, or None when there is nothing to say."""
    return build_rich(labelled, text, items) if labelled or text is not None or items is not None else None


def work_html(job: Work, path: Path, report: Report) -> str | None:
    """A job's description, summary and highlights as the one rich text both dialects give them."""
    labelled: list[tuple[str, str | list[str]]] = []
    if job.description is not None:
        labelled.append((EMPLOYER, xml_text(job.description, pointer(*path, "description"), report)))
    summary = xml_text(job.summary, pointer(*path, "summary"), report) if job.summary is not None else None
    return rich_or_none(labelled, summary, texts_for_xml(job.highlights, (*path, "highlights"), report))


def read_rich(
    html: str,
    labels: dict[str, str],
    text: str,
    items: str,
    data: dict[str, Any],
    where: str,
    report: Report,
) -> None:
    """Labelled paragraphs into the fields ``labels`` names, the rest into ``text`` and ``items``.

    A note at ``where`` says when formatting was reduced to plain text.
    """
    rich = parse_rich(html, frozenset(labels))
    for label, key in labels.items():
        value = rich.labels.get(label)
        if value is not None:
            data[key] = value if isinstance(value, str) else "\n".join(value)
    if rich.simplified:
        report.normalised(where, SIMPLIFIED)
    if rich.paragraphs is not None:
        data[text] = rich.text
    if rich.items is not None:
        data[items] = rich.items
