"""Résumé -> rdflib graph, following :mod:`.mapping`; every node has a stable blank-node label.

Imported only inside the format's reader and writer (under ``requires_extra``), so rdflib is too.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef

from cvconvert.formats._jsonld import mapping as m
from cvconvert.formats._jsonld.mapping import SURROGATE
from cvconvert.model import Resume
from cvconvert.namespaces import CV, RDF, SCHEMA, XSD

# An IRI that every JSON-LD processor and RDF syntax keeps exactly as written: an absolute
# http(s)/mailto/tel/urn/ftp address in plain ASCII, no white space or characters IRIs forbid,
# no dot segments (which an IRI resolver could remove). Anything else is written as text.
_SAFE_IRI = re.compile(r"^(?:https?://|mailto:|tel:|urn:|ftp://)[!#$%&'()*+,\-./0-9:;=?@A-Z\[\]_a-z~]*$")
_DOT_SEGMENT = re.compile(r"/\.\.?(?:/|$|[?#])")


def is_safe_iri(text: str) -> bool:
    """True when ``text`` can be written as an IRI and read back unchanged."""
    return bool(_SAFE_IRI.match(text)) and not _DOT_SEGMENT.search(text) and len(text) < 4096


def iri(term: str) -> str:
    """The full IRI of a mapping term (``name``, ``cv:order``, ``^author`` without the ``^``)."""
    term = term.lstrip("^")
    if term.startswith("cv:"):
        return CV + term[3:]
    if term.startswith("rdf:"):
        return RDF + term[4:]
    return SCHEMA + term


def dump_json(value: Any) -> str:
    """Compact JSON text for cv:extra and friends; key order kept."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # A lone surrogate (from a \\ud800 escape) cannot be UTF-8: keep it as a JSON escape.
    return json.dumps(value, separators=(",", ":")) if SURROGATE.search(text) else text


class Builder:
    """Adds a résumé's triples to a fresh graph."""

    def __init__(self) -> None:
        self.graph = Graph(bind_namespaces="none")
        self.graph.bind("schema", Namespace(SCHEMA), override=True, replace=True)
        self.graph.bind("cv", Namespace(CV), override=True, replace=True)
        self.graph.bind("xsd", Namespace(XSD), override=True, replace=True)
        self.graph.bind("rdf", Namespace(RDF), override=True, replace=True)

    # --- terms ------------------------------------------------------------------------

    def node(self, label: str, cls: str | None) -> Any:
        """A blank node with a stable label, typed ``cls`` (a mapping term) when given."""
        node = BNode(label)
        if cls:
            self.graph.add((node, URIRef(RDF + "type"), URIRef(iri(cls))))
        return node

    def value(self, text: str, kind: m.ValueKind) -> Any:
        """The RDF term for a field's text: a schema:Date literal, a safe IRI, or a plain literal."""
        if kind == "date":
            return Literal(text, datatype=URIRef(SCHEMA + "Date"))
        if kind == "url" and is_safe_iri(text):
            return URIRef(text)
        return Literal(text)

    def link(self, subject: Any, term: str, obj: Any) -> None:
        """Add ``subject term obj`` (``^term``: ``obj term subject``)."""
        if term.startswith("^"):
            self.graph.add((obj, URIRef(iri(term)), subject))
        else:
            self.graph.add((subject, URIRef(iri(term)), obj))

    def texts(self, items: list[str], label: str) -> Any:
        """An RDF list (JSON-LD ``@list``) whose cells have stable labels."""
        first, rest = URIRef(RDF + "first"), URIRef(RDF + "rest")
        head: Any = URIRef(RDF + "nil")
        for j in range(len(items) - 1, -1, -1):
            cell = BNode(f"{label}-{j}")
            self.graph.add((cell, first, Literal(items[j])))
            self.graph.add((cell, rest, head))
            head = cell
        return head

    def json(self, subject: Any, term: str, value: Any) -> None:
        """Add a JSON-text literal (cv:extra and friends)."""
        self.link(subject, term, Literal(dump_json(value)))

    # --- the résumé -------------------------------------------------------------------

    def resume(self, resume: Resume) -> Any:
        """Add the résumé; returns the person node."""
        data = resume.to_data()
        person = self.node("person", m.PERSON_TYPE)
        self.link(person, m.VERSION, Literal(m.MAPPING_VERSION))
        extra: dict[str, Any] = {}
        for key, value in data.items():
            if key == "basics" and isinstance(value, dict) and value:
                self.basics(person, value)
            elif key == "meta" and isinstance(value, dict):
                self.json(person, m.META, value)
            elif key in _SECTION_KEYS and isinstance(value, list) and value:
                self.section(person, m.section(key), value)
            else:
                extra[key] = value
        if extra:
            self.json(person, m.RESUME_EXTRA, extra)
        return person

    def basics(self, person: Any, basics: dict[str, Any]) -> None:
        """basics on the person node: its fields, the address node, the profile pages."""
        extra = self.fields(person, basics, m.BASICS, "basics", {})
        location = extra.pop("location", None)
        if isinstance(location, dict) and location:
            address = self.node("address", m.LOCATION_TYPE)
            self.link(person, m.LOCATION_LINK, address)
            rest = self.fields(address, location, m.LOCATION, "address", {})
            if rest:
                self.json(address, m.EXTRA, rest)
        elif "location" in basics:
            extra["location"] = location
        profiles = extra.pop("profiles", None)
        if isinstance(profiles, list) and profiles:
            self.section(person, m.PROFILES, profiles)
        elif "profiles" in basics:
            extra["profiles"] = profiles
        if extra:
            # Keep the keys in the order they came, apart from the two taken out above.
            ordered = {k: extra[k] for k in basics if k in extra}
            self.json(person, m.EXTRA, ordered)

    def section(self, person: Any, sec: m.Section, entries: list[Any]) -> None:
        """One node per entry, linked from the person, with its index in cv:order."""
        for i, entry in enumerate(entries):
            label = f"{sec.key.split('/')[-1]}-{i}"
            node = self.node(label, sec.type)
            self.link(person, sec.link, node)
            self.link(node, m.ORDER, Literal(i))
            subs: dict[str, Any] = {}
            for path in sec.always:
                self.sub(person, node, sec, path, label, subs)
            rest = self.fields(node, entry, sec.fields, label, subs, person=person, sec=sec)
            if sec is m.PROFILES and isinstance(entry.get("url"), str):
                self.link(person, m.SAME_AS, self.value(entry["url"], "url"))
            if rest:
                self.json(node, m.EXTRA, rest)

    def sub(self, person: Any, node: Any, sec: m.Section, path: str, label: str, subs: dict[str, Any]) -> Any:
        """The sub-node at ``path`` below an entry, made (and linked) on first use."""
        if path in subs:
            return subs[path]
        parent_path, _, step = path.rpartition("/")
        parent = self.sub(person, node, sec, parent_path, label, subs) if parent_path else node
        sub = self.node(f"{label}-{path.replace('/', '-').replace('^', '')}", sec.nodes[path])
        self.link(parent, step, sub)
        if path in sec.also:
            self.link(person, sec.also[path], sub)
        subs[path] = sub
        return sub

    def fields(
        self,
        node: Any,
        obj: dict[str, Any],
        fields: tuple[m.Field, ...],
        label: str,
        subs: dict[str, Any],
        *,
        person: Any = None,
        sec: m.Section | None = None,
    ) -> dict[str, Any]:
        """Write the mapped fields of ``obj``; returns what is left (unknown keys, nulls, [])."""
        by_name = {f.json: f for f in fields}
        rest: dict[str, Any] = {}
        for key, value in obj.items():
            f = by_name.get(key)
            if f is None or not _carried(value, f.kind):
                rest[key] = value
                continue
            target = node
            if len(f.path) > 1:
                assert sec is not None  # only entries have paths through sub-nodes
                target = self.sub(person, node, sec, "/".join(f.path[:-1]), label, subs)
            last = f.path[-1]
            if f.kind == "texts":
                self.link(target, last, self.texts(value, f"{label}-{key}"))
            else:
                self.link(target, last, self.value(value, f.kind))
        return rest


_SECTION_KEYS = frozenset(sec.key for sec in m.SECTIONS)


def _carried(value: Any, kind: m.ValueKind) -> bool:
    if kind == "texts":
        return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)
    return isinstance(value, str)


def build(resume: Resume) -> tuple[Any, Any]:
    """The résumé's graph and its person node."""
    builder = Builder()
    person = builder.resume(resume)
    return builder.graph, person
