"""The linked-data readers and writers, behind :mod:`cvconvert.formats._jsonld` (which loads this on use)."""

from __future__ import annotations

import json
from typing import Any, Literal

from cvconvert._deps import quiet_logger, requires_extra
from cvconvert.formats._jsonld import JsonLdWriteOptions, syntax
from cvconvert.model import Resume
from cvconvert.options import ReadOptions, WriteOptions
from cvconvert.report import Report


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
    # rdflib logs every odd IRI in foreign data ("does not look like a valid URI").
    with quiet_logger("rdflib"):
        graph = syntax.parse_html(data, report) if kind == "html" else syntax.parse(data, kind)
        resume, notes = read_graph(graph, strict=strict)
    return resume, report.extend(notes)


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
    return syntax.turtle(graph), Report()


def read_turtle(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the main schema.org Person of a Turtle document."""
    return _read(data, "turtle", options.strict)


def write_ntriples(resume: Resume, options: WriteOptions) -> tuple[bytes, Report]:
    """The same graph as N-Triples (lines sorted); nothing is lost."""
    graph, _ = _graph(resume)
    return syntax.ntriples(graph), Report()


def read_ntriples(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the main schema.org Person of an N-Triples document."""
    return _read(data, "nt", options.strict)


def write_rdfxml(resume: Resume, options: WriteOptions) -> tuple[bytes, Report]:
    """The same graph as RDF/XML; text XML cannot hold is escaped reversibly (``cv:escaped``)."""
    graph, person = _graph(resume)
    from cvconvert.formats._jsonld.compact import _rank

    with requires_extra("jsonld"):
        import lxml  # noqa: F401
    return syntax.rdfxml(graph, _rank(), person), Report()


def read_rdfxml(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the main schema.org Person of an RDF/XML document (DTDs are refused)."""
    return _read(data, "xml", options.strict)


def read_html(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read the main schema.org Person of the JSON-LD blocks of a web page."""
    return _read(data, "html", options.strict)
