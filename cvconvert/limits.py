"""Safety limits on untrusted input, in force for every reader.

The limits in force are a context variable, so that a pipeline can tighten them for one call
(``with cvconvert.limits.using(max_input_bytes=5_000_000): ...``) without threading a
parameter through every reader; the CLI sets them from its options.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What an input may hold before it is refused with LimitExceededError."""

    max_input_bytes: int = 200 * 2**20
    """Size of the input file itself."""
    max_member_bytes: int = 100 * 2**20
    """Inflated size of one member of a zip package (DOCX, XLSX)."""
    max_package_bytes: int = 300 * 2**20
    """Inflated size of all members of a zip package together."""
    max_members: int = 10_000
    """Number of members in a zip package."""
    max_xml_depth: int = 256
    """Nesting depth of XML elements."""
    max_xml_nodes: int = 1_000_000
    """Number of XML elements in one document, counted while it is parsed."""
    max_data_nodes: int = 250_000
    """Values (objects, arrays, strings, numbers) in one JSON or YAML document, counted before
    the résumé is built (YAML's before PyYAML builds them: some 700 bytes a node)."""
    max_json_depth: int = 200
    """Nesting depth of JSON and YAML arrays and objects."""
    max_entries: int = 100_000
    """Entries in one section (jobs, schools, ...) or rows in one sheet, counted before the
    résumé's model is built."""
    max_text_bytes: int = 20 * 2**20
    """Size of a text input (JSON, YAML, JSON-LD, Turtle and the other RDF syntaxes), before it
    is decoded: a parser's objects take many times the bytes they come from."""
    max_document_chars: int = 2_000_000
    """Characters of text in a document read by rules (someone else's DOCX or PDF): the rules
    take a few microseconds a character, and a CV holds some ten thousand."""
    max_triples: int = 200_000
    """Statements in one RDF graph (JSON-LD, Turtle, N-Triples, RDF/XML, HTML), counted as they
    are parsed."""
    max_attachments: int = 100
    """Files embedded in one PDF."""
    max_attachment_bytes: int = 50 * 2**20
    """Decoded size of one file embedded in a PDF, checked as it is decoded."""
    max_pdf_pages: int = 50
    """Pages of a PDF read by rules (a CV has one to five)."""
    max_pdf_content_bytes: int = 4 * 2**20
    """Decoded size of a PDF's page content, with its inline images and each form it draws
    counted at every use (PDFium parses a form again wherever it is drawn), checked before PDFium
    lays it out: PDFium takes some 100 bytes of memory a byte of dense text operators, and a CV's
    pages hold 5 to 100 kB each."""
    max_pdf_stream_bytes: int = 64 * 2**20
    """Decoded size of the other streams PDFium reads for a PDF's text (fonts, character maps,
    object streams), counted before PDFium decodes them whole (a CV's embedded fonts: under 2 MB)."""


_current: ContextVar[Limits] = ContextVar("cvconvert_limits", default=Limits())  # noqa: B039 - frozen


def current() -> Limits:
    """The limits in force in this context."""
    return _current.get()


@contextmanager
def using(limits: Limits | None = None, **changes: int) -> Iterator[Limits]:
    """Put limits in force for the block: a whole ``Limits``, or changes to the current ones."""
    new = dataclasses.replace(limits or current(), **changes)
    token = _current.set(new)
    try:
        yield new
    finally:
        _current.reset(token)


def names() -> tuple[str, ...]:
    """The names of the limits, as the CLI's ``--limit NAME=VALUE`` takes them."""
    return tuple(f.name for f in dataclasses.fields(Limits))


def parse(pairs: Iterator[str] | tuple[str, ...] | list[str]) -> dict[str, int]:
    """``["max_input_bytes=10MB", ...]`` as changes to the limits; ValueError for a bad one.

    Sizes may end in KB, MB or GB (powers of 1024); ``_`` may group digits.
    """
    changes: dict[str, int] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in names():
            raise ValueError(f"unknown limit {name!r} (known: {', '.join(names())})")
        match = re.fullmatch(r"(\d+)\s*([kmg]?)b?", value.strip().lower().replace("_", ""))
        if not match or int(match[1]) <= 0:
            raise ValueError(f"limit {name} needs a positive whole number, not {value!r}")
        changes[name] = int(match[1]) * {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}[match[2]]
    return changes


def configure(**changes: int) -> Limits:
    """Put changed limits in force for the rest of this context (the CLI's whole run)."""
    new = dataclasses.replace(current(), **changes)
    _current.set(new)
    return new
