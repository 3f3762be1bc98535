"""How list entries without a native Europass element travel: titled blocks of rich text.

Both dialects have a generic "entry with a title, dates and a rich-text description" (the
Candidate XML's custom sections ``Others/Other``, the V3 ``Achievement``). Each JSON Resume
entry becomes one such block; the fields that have no element of their own become labelled
paragraphs (``<p><strong>Publisher:</strong> ...</p>``) at the top of the description. The
text is escaped, so what a field says can never pass for the markup around it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from cvconvert import model
from cvconvert.formats._europass.common import texts_for_xml, xml_text
from cvconvert.formats._europass.notes import note_unplaced
from cvconvert.formats._europass.rich import SIMPLIFIED, RichText, parse_rich, rich_or_none
from cvconvert.model import Node
from cvconvert.report import Report, pointer


@dataclass(frozen=True)
class Shape:
    """Where an entry's fields go: title, dates, one link, labelled fields, text, closing list."""

    section: str
    title: str | None
    start: str | None = None
    end: str | None = None
    dates: Literal["range", "single", "none"] = "none"
    link: str | None = None
    labelled: tuple[tuple[str, str], ...] = ()
    text: str | None = None
    items: str | None = None

    @cached_property
    def fields(self) -> frozenset[str]:
        """Every field this shape carries."""
        names = {self.title, self.start, self.end, self.link, self.text, self.items}
        names.update(f for _, f in self.labelled)
        return frozenset(n for n in names if n)

    @property
    def labels(self) -> frozenset[str]:
        """The labels that may open the description."""
        return frozenset(label for label, _ in self.labelled)


SHAPES: dict[str, Shape] = {
    "volunteer": Shape(
        "volunteer", "organization", "startDate", "endDate", "range", "url",
        (("Position", "position"),), "summary", "highlights",
    ),
    "awards": Shape("awards", "title", "date", None, "single", None, (("Awarder", "awarder"),), "summary"),
    "publications": Shape(
        "publications", "name", "releaseDate", None, "single", "url",
        (
            ("Publisher", "publisher"), ("Publishing house", "x-publisher"), ("Authors", "x-authors"),
            ("Reference", "x-reference"), ("Volume", "x-volume"),
        ),
        "summary",
    ),
    "skills": Shape("skills", "name", labelled=(("Level", "level"),), items="keywords"),
    "interests": Shape("interests", "name", text="summary", items="keywords"),
    "references": Shape("references", "name", text="reference"),
    "projects": Shape(
        "projects", "name", "startDate", "endDate", "range", "url",
        (("Type", "type"), ("Entity", "entity"), ("Roles", "roles"), ("Keywords", "keywords")),
        "description", "highlights",
    ),
    "certificates": Shape("certificates", "name", "date", None, "single", "url", (("Issuer", "issuer"),)),
}  # fmt: skip


_FIELD_LABELS = {
    "organization": "Organisation",
    "title": "Title",
    "name": "Name",
    "startDate": "Start date",
    "endDate": "End date",
    "date": "Date",
    "releaseDate": "Release date",
    "url": "URL",
}


def flat(shape: Shape) -> Shape:
    """The same shape with title, dates and link as labelled fields (for blocks that only have a text)."""
    moved = tuple((_FIELD_LABELS[f], f) for f in (shape.title, shape.start, shape.end, shape.link) if f)
    return Shape(shape.section, None, labelled=moved + shape.labelled, text=shape.text, items=shape.items)


@dataclass
class Block:
    """One entry in Europass terms, before it becomes XML."""

    title: str | None = None
    start: str | None = None
    end: str | None = None
    link: str | None = None
    html: str | None = None


def to_block(
    entry: Node,
    shape: Shape,
    path: tuple[str | int, ...],
    report: Report,
    *,
    skip: frozenset[str] | set[str] = frozenset(),
) -> Block:
    """The block for one entry; fields the shape cannot carry (unknown keys) are reported lost."""
    data = entry.to_data()
    note_unplaced(report, data, shape.fields | skip, path, f"Europass has no place for {shape.section} '{{}}'")

    def text(name: str | None) -> str | None:
        if not name or name in skip:
            return None
        value = data.get(name)
        return xml_text(value, pointer(*path, name), report) if isinstance(value, str) else None

    def texts(name: str | None) -> list[str] | None:
        if not name or name in skip:
            return None
        value = data.get(name)
        return texts_for_xml(value, (*path, name), report) if isinstance(value, list) else None

    labelled: list[tuple[str, str | list[str]]] = []
    for label, name in shape.labelled:
        value: Any = texts(name) if isinstance(data.get(name), list) else text(name)
        if value is not None:
            labelled.append((label, value))
    html = rich_or_none(labelled, text(shape.text), texts(shape.items))
    return Block(text(shape.title), text(shape.start), text(shape.end), text(shape.link), html)


def from_block(block: Block, shape: Shape, path: tuple[str | int, ...], report: Report) -> dict[str, Any]:
    """The entry's JSON data from a block (the reverse of :func:`to_block`)."""
    data: dict[str, Any] = {}
    if block.title is not None and shape.title:
        data[shape.title] = block.title
    if block.start is not None and shape.start:
        data[shape.start] = block.start
    if block.end is not None and shape.end:
        data[shape.end] = block.end
    elif block.end is not None:
        report.lost(pointer(*path), f"end date {block.end} dropped: a {shape.section} entry has one date")
    if block.link is not None and shape.link:
        data[shape.link] = block.link
    if block.html is not None:
        rich = parse_rich(block.html, shape.labels)
        apply_rich(rich, shape, data, path, report)
    return model_order(_MODEL_OF[shape.section], data)


def apply_rich(rich: RichText, shape: Shape, data: dict[str, Any], path: tuple[str | int, ...], report: Report) -> None:
    """Put labelled fields, paragraphs and the closing list where the shape says."""
    by_label = dict(shape.labelled)
    for label, value in rich.labels.items():
        data[by_label[label]] = value
    if rich.simplified:
        report.normalised(pointer(*path), SIMPLIFIED)
    paragraphs, items = rich.text, rich.items
    if items is not None and not shape.items:
        # No list field here: the list joins the text as bullet lines.
        paragraphs, items = rich.bulleted, None
    if paragraphs is not None:
        # Without a text field, an unlabelled text is the entry's name (V3 "certifications"
        # achievements hold just the certificate's name), unless a name was given too.
        name = shape.title or (shape.labelled[0][1] if shape.labelled else None)
        if shape.text:
            data[shape.text] = paragraphs
        elif name and name not in data:
            data[name] = paragraphs
        else:
            report.lost(pointer(*path), f"text dropped: a {shape.section} entry has no text field")
    if items is not None and shape.items:
        data[shape.items] = items


def typed_project(entry: dict[str, Any], kind: str, path: tuple[str | int, ...], report: Report) -> dict[str, Any]:
    """A project read from a section of its own: the section's title is its type, unless it names one itself."""
    if "type" not in entry:
        entry = {"type": kind, **entry}
    elif entry["type"] != kind:
        report.lost(pointer(*path, "type"), f"the section title '{kind}' was not kept: the entry names its own type")
    return model_order(model.Project, entry)


def model_order(cls: type[Node], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the model's fields first, in schema order, then any other keys as they came."""
    known = [f.alias or n for n, f in cls.model_fields.items()]
    return {k: data[k] for k in known if k in data} | {k: v for k, v in data.items() if k not in known}


_MODEL_OF: dict[str, type[Node]] = {
    "volunteer": model.Volunteer,
    "awards": model.Award,
    "publications": model.Publication,
    "skills": model.Skill,
    "interests": model.Interest,
    "references": model.Reference,
    "projects": model.Project,
    "certificates": model.Certificate,
}
