"""JSON-LD (schema.org) and the other RDF syntaxes: the résumé as linked data, through rdflib.

One graph, four syntaxes: ``jsonld`` (compact JSON-LD that search engines read), ``turtle``,
``ntriples`` and ``rdfxml``; and ``html``, which reads the ``<script type="application/ld+json">``
blocks of a web page. The mapping is in :mod:`.mapping` and schemas/jsonld-mapping.md; what
schema.org cannot say goes in the cvconvert vocabulary (schemas/cvconvert-vocab.md), so that our
own output reads back losslessly. No context is ever fetched: schema.org's is shipped here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from cvconvert._deps import lazy
from cvconvert.formats.base import Format
from cvconvert.options import WriteOptions

ContextKind = Literal["remote", "inline"]


class JsonLdWriteOptions(WriteOptions):
    """What the JSON-LD writer takes."""

    context: ContextKind = Field(
        "remote",
        description="remote: name schema.org's context by its address (what search engines expect); "
        "inline: write a copy of it into the file",
    )


# The readers, writers and sniffers live in .convert and .syntax and load on first use (looking
# formats up, as every conversion does, must not load the parsers). Type checkers see the
# functions themselves.
if TYPE_CHECKING:
    from cvconvert.formats._jsonld.convert import (
        read_html,
        read_jsonld,
        read_ntriples,
        read_rdfxml,
        read_turtle,
        write_jsonld,
        write_ntriples,
        write_rdfxml,
        write_turtle,
    )
    from cvconvert.formats._jsonld.syntax import sniff_html, sniff_jsonld, sniff_ntriples, sniff_rdfxml, sniff_turtle
else:
    write_jsonld = lazy("cvconvert.formats._jsonld.convert", "write_jsonld")
    read_jsonld = lazy("cvconvert.formats._jsonld.convert", "read_jsonld")
    write_turtle = lazy("cvconvert.formats._jsonld.convert", "write_turtle")
    read_turtle = lazy("cvconvert.formats._jsonld.convert", "read_turtle")
    write_ntriples = lazy("cvconvert.formats._jsonld.convert", "write_ntriples")
    read_ntriples = lazy("cvconvert.formats._jsonld.convert", "read_ntriples")
    write_rdfxml = lazy("cvconvert.formats._jsonld.convert", "write_rdfxml")
    read_rdfxml = lazy("cvconvert.formats._jsonld.convert", "read_rdfxml")
    read_html = lazy("cvconvert.formats._jsonld.convert", "read_html")
    sniff_jsonld = lazy("cvconvert.formats._jsonld.syntax", "sniff_jsonld")
    sniff_turtle = lazy("cvconvert.formats._jsonld.syntax", "sniff_turtle")
    sniff_ntriples = lazy("cvconvert.formats._jsonld.syntax", "sniff_ntriples")
    sniff_rdfxml = lazy("cvconvert.formats._jsonld.syntax", "sniff_rdfxml")
    sniff_html = lazy("cvconvert.formats._jsonld.syntax", "sniff_html")


FORMATS: tuple[Format, ...] = (
    Format(
        name="jsonld",
        extensions=(".jsonld",),
        media_type="application/ld+json",
        read=read_jsonld,
        write=write_jsonld,
        write_options=JsonLdWriteOptions,
        sniff=sniff_jsonld,
        extra="jsonld",
        description="schema.org Person as JSON-LD (linked data for search engines)",
    ),
    Format(
        name="turtle",
        extensions=(".ttl",),
        media_type="text/turtle",
        read=read_turtle,
        write=write_turtle,
        sniff=sniff_turtle,
        extra="jsonld",
        description="schema.org Person as RDF Turtle",
    ),
    Format(
        name="ntriples",
        extensions=(".nt",),
        media_type="application/n-triples",
        read=read_ntriples,
        write=write_ntriples,
        sniff=sniff_ntriples,
        extra="jsonld",
        description="schema.org Person as RDF N-Triples",
    ),
    Format(
        name="rdfxml",
        extensions=(".rdf",),
        media_type="application/rdf+xml",
        read=read_rdfxml,
        write=write_rdfxml,
        sniff=sniff_rdfxml,
        extra="jsonld",
        description="schema.org Person as RDF/XML",
    ),
    Format(
        name="html",
        extensions=(".html", ".htm"),
        media_type="text/html",
        read=read_html,
        write=None,
        sniff=sniff_html,
        extra="jsonld",
        description="a web page's schema.org JSON-LD blocks (read only)",
    ),
)
