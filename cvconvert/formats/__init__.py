"""The format registry: built-in formats in one table, plug-ins through entry points.

A new built-in format is one module that defines ``FORMAT`` plus one line in ``BUILTIN``.
Looking formats up imports these light modules only; each imports its own libraries inside
its reader and writer.
"""

from __future__ import annotations

import importlib
import warnings
from functools import cache
from pathlib import PurePath
from typing import Any, Literal

from cvconvert.errors import UnknownFormatError
from cvconvert.formats.base import Format

# Order matters for sniffing content, and for extensions two formats share (the first wins): more
# specific formats come before the ones that would also accept their bytes (JSON-LD is JSON, so
# it is asked first; YAML accepts most text).
BUILTIN: tuple[str, ...] = (
    "cvconvert.formats._jsonld",  # JSON-LD and the other RDF syntaxes (Turtle, N-Triples, RDF/XML)
    "cvconvert.formats._fresh",  # before json: ".fresh.json" must be matched before ".json"
    "cvconvert.formats._reactive",  # before json: ".rr.json" and ".reactive.json" before ".json"
    "cvconvert.formats._json",
    "cvconvert.formats._docx",
    "cvconvert.formats._xlsx",
    "cvconvert.formats._linkedin",  # a LinkedIn data export: a zip of CSV files
    # Before Europass: ".pdf" names the pdf reader, which reads a Europass PDF's XML itself.
    "cvconvert.formats._pdf",  # any PDF: its Europass XML if it has one, else its text layer
    "cvconvert.formats._europass",  # the current Candidate XML, legacy V3 XML, and Europass PDFs
    "cvconvert.formats._text",  # plain text and Markdown CVs; by extension only (never sniffed)
    "cvconvert.formats._rendercv",  # before yaml: ".rendercv.yaml" must be matched before ".yaml"
    "cvconvert.formats._yaml",  # YAML accepts almost any text: sniffed last
)

ENTRY_POINT_GROUP = "cvconvert.formats"


@cache
def builtin() -> dict[str, Format]:
    """The built-in formats by name, in table order."""
    found: dict[str, Format] = {}
    for module in BUILTIN:
        found.update((fmt.name, fmt) for fmt in _published(importlib.import_module(module)))
    return found


def _published(module: Any) -> tuple[Format, ...]:
    """A module publishes one ``FORMAT``, or several as ``FORMATS`` (a family of syntaxes)."""
    many = getattr(module, "FORMATS", None)
    return tuple(many) if many is not None else (module.FORMAT,)


@cache
def plugins() -> dict[str, Format]:
    """Formats that installed packages publish under the ``cvconvert.formats`` entry points.

    A plug-in that fails to load, or takes a built-in name, is skipped with a warning.
    """
    from importlib.metadata import entry_points

    found: dict[str, Format] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            fmt = ep.load()
            if not isinstance(fmt, Format):
                fmt = fmt.FORMAT  # a module that defines FORMAT
            if not isinstance(fmt, Format):
                raise TypeError(f"{ep.value} is not a cvconvert Format")
        except Exception as exc:  # noqa: BLE001 - a broken plug-in must not break cvconvert
            warnings.warn(f"cvconvert plug-in {ep.name!r} not loaded: {exc}", stacklevel=2)
            continue
        if fmt.name in builtin():
            warnings.warn(f"cvconvert plug-in {ep.name!r} reuses the name {fmt.name!r}", stacklevel=2)
            continue
        found[fmt.name] = fmt
    return found


def all_formats() -> dict[str, Format]:
    """Every format, built-in first, then plug-ins."""
    return {**builtin(), **plugins()}


def names() -> tuple[str, ...]:
    """The names of every format."""
    return tuple(all_formats())


def get(name: str) -> Format:
    """The format called ``name`` (case-insensitive); UnknownFormatError lists the known ones."""
    key = name.strip().lower()
    fmt = builtin().get(key) or plugins().get(key)
    if fmt is None:
        raise UnknownFormatError(f"unknown format {name!r}", names())
    return fmt


def for_path(path: str | PurePath, side: Literal["read", "write"] | None = None) -> Format | None:
    """The format a file name's extension names, or None (``.tar.gz``-style suffixes work).

    With ``side``, only a format that reads (or writes) counts: ``.pdf`` may name a reader
    only.
    """
    name = PurePath(path).name.lower()
    for table in (builtin, plugins):
        for fmt in table().values():
            able = side is None or (fmt.read if side == "read" else fmt.write) is not None
            if able and any(name.endswith(ext) for ext in fmt.extensions):
                return fmt
    return None


def sniff(data: bytes) -> Format | None:
    """The first format, in table order, whose ``sniff`` accepts these bytes."""
    for table in (builtin, plugins):
        for fmt in table().values():
            if fmt.sniff is not None and fmt.sniff(data):
                return fmt
    return None
