"""Our graph -> compact, nested JSON-LD: the person at the top, every entry embedded under it.

The terms are schema.org's own (``worksFor``), so the document reads the same with schema.org's
real context or with the shipped copy; cvconvert terms are ``cv:``-prefixed. Keys and values
come in a fixed order (the mapping's order, then entry order), so the bytes are reproducible.
"""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Literal, URIRef

from cvconvert.formats._jsonld import mapping as m
from cvconvert.namespaces import CV, RDF, SCHEMA, XSD

REMOTE_CONTEXT = "https://schema.org"


def _rank() -> dict[str, int]:
    predicates, _ = m.terms()
    return {p.removeprefix("cv:"): i for i, p in enumerate(predicates)}


class Compactor:
    """Walks the graph from the person, embedding each node where it is first reached."""

    def __init__(self, graph: Any) -> None:
        self.graph = graph
        self.rank = _rank()
        self.done: set[Any] = set()
        self.reverse = {SCHEMA + sec.link[1:] for sec in m.SECTIONS if sec.link.startswith("^")}

    def term(self, iri: str) -> str:
        """The JSON-LD key or type name of an IRI (``worksFor``, ``cv:order``)."""
        if iri.startswith(SCHEMA):
            return iri[len(SCHEMA) :]
        if iri.startswith(CV):
            return "cv:" + iri[len(CV) :]
        if iri.startswith(XSD):
            return "xsd:" + iri[len(XSD) :]
        return iri

    def order(self, predicate: Any) -> tuple[int, str]:
        """Sort key of a predicate: its place in the mapping, then its name."""
        name = self.term(str(predicate))
        return self.rank.get(name.removeprefix("cv:"), len(self.rank)), name

    def value_key(self, value: Any) -> tuple[int, int, str]:
        """Sort key of a value: entries by cv:order, then by label; literals by text."""
        if isinstance(value, BNode):
            index = self.graph.value(value, URIRef(CV + "order"))
            return 0, int(index) if index is not None else -1, _natural(str(value))
        if isinstance(value, Literal):
            return 1, 0, str(value)
        return 2, 0, str(value)

    def incoming(self, node: Any) -> int:
        """How many triples point at ``node``."""
        return sum(1 for _ in self.graph.subject_predicates(node))

    def node(self, node: Any, back: tuple[Any, Any] | None = None) -> dict[str, Any]:
        """The JSON-LD object of ``node``; ``back`` is the (predicate, parent) a reverse edge implies."""
        self.done.add(node)
        out: dict[str, Any] = {}
        if self.incoming(node) > 1 and back is None:
            out["@id"] = f"_:{node}"
        rdf_type = URIRef(RDF + "type")
        types = sorted(self.term(str(t)) for t in self.graph.objects(node, rdf_type))
        if types:
            out["@type"] = types[0] if len(types) == 1 else types
        by_predicate: dict[Any, list[Any]] = {}
        for p, o in self.graph.predicate_objects(node):
            if p == rdf_type or (back is not None and (p, o) == back):
                continue
            by_predicate.setdefault(p, []).append(o)
        for p in sorted(by_predicate, key=self.order):
            term = self.term(str(p))
            values = [self.value(term, o) for o in sorted(by_predicate[p], key=self.value_key)]
            out[term] = values[0] if len(values) == 1 else values
        reverse: dict[str, list[Any]] = {}
        for s, p in sorted(
            self.graph.subject_predicates(node), key=lambda sp: (self.order(sp[1]), self.value_key(sp[0]))
        ):
            if str(p) in self.reverse and s not in self.done:
                reverse.setdefault(self.term(str(p)), []).append(self.node(s, (p, node)))
        if reverse:
            out["@reverse"] = {k: v[0] if len(v) == 1 else v for k, v in reverse.items()}
        return out

    def value(self, term: str, value: Any) -> Any:
        """The JSON-LD form of one value of ``term``."""
        if isinstance(value, Literal):
            return self.literal(term, value)
        if value == URIRef(RDF + "nil"):
            return {"@list": []}
        if isinstance(value, URIRef):
            return str(value) if term in m.ID_TERMS else {"@id": str(value)}
        if isinstance(value, BNode) and self.graph.value(value, URIRef(RDF + "first")) is not None:
            return {"@list": self.items(value)}
        if value in self.done:
            return {"@id": f"_:{value}"}
        return self.node(value)

    def items(self, head: Any) -> list[Any]:
        """The members of an RDF list, as JSON-LD values."""
        first, rest, nil = URIRef(RDF + "first"), URIRef(RDF + "rest"), URIRef(RDF + "nil")
        out = []
        while head != nil and head is not None:
            out.append(self.value("", self.graph.value(head, first)))
            head = self.graph.value(head, rest)
        return out

    def literal(self, term: str, value: Any) -> Any:
        """A literal, as a plain JSON value where the context's coercion for ``term`` allows."""
        text = str(value)
        if value.language:
            return {"@value": text, "@language": value.language}
        datatype = str(value.datatype) if value.datatype else None
        if datatype is None or datatype == XSD + "string":
            return {"@value": text} if term in m.ID_TERMS or term in m.DATE_TERMS else text
        if datatype == SCHEMA + "Date" and term in m.DATE_TERMS:
            return text
        if datatype == XSD + "integer":
            return int(text)
        return {"@value": text, "@type": self.term(datatype)}


def _natural(label: str) -> str:
    # work-2 before work-10: pad the numbers in a label.
    return "".join(part.zfill(8) if part.isdigit() else part for part in label.replace("-", " - ").split(" "))


def compact(graph: Any, person: Any, context: Any) -> dict[str, Any]:
    """The JSON-LD document of our graph, with ``context`` as its ``@context``."""
    body = Compactor(graph).node(person)
    return {"@context": context, **body}


def output_context(kind: str) -> Any:
    """``remote``: schema.org's address (what search engines expect); ``inline``: the shipped copy."""
    from cvconvert.formats._jsonld.context import local_context

    schema: Any = REMOTE_CONTEXT if kind == "remote" else local_context()["@context"]
    return [schema, {"cv": CV, "xsd": XSD}]
