"""JSON-LD (schema.org) and the other RDF syntaxes: the résumé as linked data, through rdflib.

One graph, four syntaxes: ``jsonld`` (compact JSON-LD that search engines read), ``turtle``,
``ntriples`` and ``rdfxml``; and ``html``, which reads the ``<script type="application/ld+json">``
blocks of a web page. The mapping is in :mod:`.mapping` and schemas/jsonld-mapping.md; what
schema.org cannot say goes in the cvconvert vocabulary (schemas/cvconvert-vocab.md), so that our
own output reads back losslessly. No context is ever fetched: schema.org's is shipped here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from cvconvert._deps import quiet_logger, requires_extra
from cvconvert.formats.base import Format
from cvconvert.model import Resume
from cvconvert.options import ReadOptions, WriteOptions
from cvconvert.report import Report

if TYPE_CHECKING:
    from cvconvert.formats._jsonld import syntax

ContextKind = Literal["remote", "inline"]


def _syntax() -> Any:
    # Imported on use: looking formats up (every conversion does) must not load the parsers.
    from cvconvert.formats._jsonld import syntax

    return syntax


def _sniffer(name: str) -> Callable[[bytes], bool]:
    def sniff(data: bytes) -> bool:
        return bool(getattr(_syntax(), name)(data))

    sniff.__doc__ = f"The {name.removeprefix('sniff_')} sniffer of cvconvert.formats._jsonld.syntax."
    return sniff


def _graph(resume: Resume) -> tuple[Any, Any]:
    with requires_extra("jsonld"):
        import rdflib  # noqa: F401 - fail early with the install hint

    from cvconvert.formats._jsonld.build import build

    return build(resume)


def _read(data: bytes, kind: syntax.Syntax | Literal["html"], strict: bool) -> tuple[Resume, Report]:
    with requires_extra("jsonld"):
        import rdflib  # noqa: F401

    from cvconvert.formats._jsonld.extract import read_graph

    report = Report()
    syntax = _syntax()
    # rdflib logs every odd IRI in foreign data ("does not look like a valid URI").
    with quiet_logger("rdflib"):
        graph = syntax.parse_html(data, report) if kind == "html" else syntax.parse(data, kind)
        resume, notes = read_graph(graph, strict=strict)
    return resume, report.extend(notes)


class JsonLdWriteOptions(WriteOptions):
    """What the JSON-LD writer takes."""

    context: ContextKind = Field(
        "remote",
        description="remote: name schema.org's context by its address (what search engines expect); "
        "inline: write a copy of it into the file",
    )


def write_jsonld(resume: Resume, options: JsonLdWriteOptions) -> tuple[bytes, Report]:
    """Compact JSON-LD of a schema.org Person; nothing is lost, so the report is empty."""
    context = options.context
    graph, person = _graph(resume)
    from cvconvert.formats._jsonld.compact import compact, output_context
    from cvconvert.formats._jsonld.mapping import SURROGATE

    document = compact(graph, person, output_context(context))
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if SURROGATE.search(text):
        # A lone surrogate (from a JSON escape) cannot be UTF-8: keep it as a JSON escape.
        text = json.dumps(document, ensure_ascii=True, indent=2) + "\n"
    return text.encode("utf-8"), Report()


def read_jsonld(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the main schema.org Person of a JSON-LD document (ours losslessly, others best-effort).

    Raises InvalidInputError for input that is not JSON, not JSON-LD, refers to a context other
    than schema.org's (never fetched), or holds no Person.
    """
    return _read(data, "json-ld", options.strict)


def write_turtle(resume: Resume, options: WriteOptions) -> tuple[bytes, Report]:
    """The same graph as Turtle; nothing is lost."""
    graph, _ = _graph(resume)
    return _syntax().turtle(graph), Report()


def read_turtle(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the main schema.org Person of a Turtle document."""
    return _read(data, "turtle", options.strict)


def write_ntriples(resume: Resume, options: WriteOptions) -> tuple[bytes, Report]:
    """The same graph as N-Triples (lines sorted); nothing is lost."""
    graph, _ = _graph(resume)
    return _syntax().ntriples(graph), Report()


def read_ntriples(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the main schema.org Person of an N-Triples document."""
    return _read(data, "nt", options.strict)


def write_rdfxml(resume: Resume, options: WriteOptions) -> tuple[bytes, Report]:
    """The same graph as RDF/XML; text XML cannot hold is escaped reversibly (``cv:escaped``)."""
    graph, person = _graph(resume)
    from cvconvert.formats._jsonld.compact import _rank

    with requires_extra("jsonld"):
        import lxml  # noqa: F401
    return _syntax().rdfxml(graph, _rank(), person), Report()


def read_rdfxml(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the main schema.org Person of an RDF/XML document (DTDs are refused)."""
    return _read(data, "xml", options.strict)


def read_html(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the main schema.org Person of the JSON-LD blocks of a web page."""
    return _read(data, "html", options.strict)


FORMATS: tuple[Format, ...] = (
    Format(
        name="jsonld",
        extensions=(".jsonld",),
        media_type="application/ld+json",
        read=read_jsonld,
        write=write_jsonld,
        write_options=JsonLdWriteOptions,
        sniff=_sniffer("sniff_jsonld"),
        extra="jsonld",
        description="schema.org Person as JSON-LD (linked data for search engines)",
    ),
    Format(
        name="turtle",
        extensions=(".ttl",),
        media_type="text/turtle",
        read=read_turtle,
        write=write_turtle,
        sniff=_sniffer("sniff_turtle"),
        extra="jsonld",
        description="schema.org Person as RDF Turtle",
    ),
    Format(
        name="ntriples",
        extensions=(".nt",),
        media_type="application/n-triples",
        read=read_ntriples,
        write=write_ntriples,
        sniff=_sniffer("sniff_ntriples"),
        extra="jsonld",
        description="schema.org Person as RDF N-Triples",
    ),
    Format(
        name="rdfxml",
        extensions=(".rdf",),
        media_type="application/rdf+xml",
        read=read_rdfxml,
        write=write_rdfxml,
        sniff=_sniffer("sniff_rdfxml"),
        extra="jsonld",
        description="schema.org Person as RDF/XML",
    ),
    Format(
        name="html",
        extensions=(".html", ".htm"),
        media_type="text/html",
        read=read_html,
        write=None,
        sniff=_sniffer("sniff_html"),
        extra="jsonld",
        description="a web page's schema.org JSON-LD blocks (read only)",
    ),
)
