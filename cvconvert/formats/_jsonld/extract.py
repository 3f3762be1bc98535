"""rdflib graph -> résumé: our own graphs exactly, foreign schema.org data best-effort.

The walk follows the mapping's fixed paths from one person, so a cyclic graph cannot make it
loop, and a graph of any shape costs at most a few look-ups per mapped field.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from rdflib import BNode, Literal, URIRef

from cvconvert import dates
from cvconvert._load import load_resume
from cvconvert.formats._jsonld import mapping as m
from cvconvert.formats._jsonld.build import iri
from cvconvert.formats._jsonld.syntax import unescape
from cvconvert.model import Resume
from cvconvert.namespaces import CV, SCHEMA, SCHEMA_HTTPS
from cvconvert.report import Report, pointer


@cache
def _u(term: str) -> Any:
    return URIRef(iri(term))


class Reader:
    """Reads one person's résumé out of a graph, noting every guess in the report."""

    def __init__(self, graph: Any, report: Report) -> None:
        self.graph = graph
        self.report = report
        self.type = _u("rdf:type")
        self._keys: dict[Any, tuple[int, int, str]] = {}
        # One pass over the graph into dictionaries: every later look-up is a dict access.
        self.out: dict[Any, dict[Any, list[Any]]] = {}
        self.inc: dict[Any, dict[Any, list[Any]]] = {}
        for s, p, o in graph:
            self.out.setdefault(s, {}).setdefault(p, []).append(o)
            self.inc.setdefault(o, {}).setdefault(p, []).append(s)

    # --- terms ------------------------------------------------------------------------

    def steps(self, node: Any, step: str) -> list[Any]:
        """The values of one path step (``^p`` walks backwards), in entry order."""
        table = self.inc if step.startswith("^") else self.out
        return sorted(table.get(node, {}).get(_u(step), ()), key=self.key)

    def value(self, node: Any, term: str) -> Any:
        """One value of ``term`` on ``node`` (the first in sort order), or None."""
        values = self.out.get(node, {}).get(_u(term))
        if not values:
            return None
        return values[0] if len(values) == 1 else min(values, key=self.key)

    def key(self, term: Any) -> tuple[int, int, str]:
        """Entry order: cv:order first, then a key from the node's content (RDF keeps no order)."""
        found = self._keys.get(term)
        if found is None:
            found = self._keys[term] = self._key(term)
        return found

    def _key(self, term: Any) -> tuple[int, int, str]:
        if isinstance(term, BNode):
            order = self.value(term, m.ORDER)
            index = int(order) if order is not None and str(order).isdigit() else 1 << 30
            content = sorted(
                (str(p), str(o)) for p, os in self.out.get(term, {}).items() for o in os if isinstance(o, Literal)
            )
            return 0, index, json.dumps(content, ensure_ascii=True)
        return (1 if isinstance(term, Literal) else 2), 0, str(term)

    def text(self, term: Any, address: bool = False) -> str | None:
        """A term's text: a literal's value, an IRI, or what a node stands for.

        With ``address`` (url fields) an IRI is itself and a node stands for its ``url``; else a
        node or IRI stands for its ``name`` (a foreign ``Thing`` in ``knowsAbout``).
        """
        if isinstance(term, Literal):
            if term.datatype is not None and str(term.datatype) == CV + "escaped":
                return unescape(str(term))
            return str(term)
        if isinstance(term, URIRef):
            name = None if address else self.value(term, "name")
            return self.text(name) if isinstance(name, Literal) else str(term)
        if isinstance(term, BNode):
            for prop in ("url", "contentUrl", "name") if address else ("name", "url", "contentUrl"):
                value = self.value(term, prop)
                if value is not None and not isinstance(value, BNode):
                    return self.text(value, address)
        return None

    def is_list(self, term: Any) -> bool:
        """True for an RDF list (``rdf:nil`` or a cell with ``rdf:first``)."""
        return term == _u("rdf:nil") or (isinstance(term, BNode) and self.value(term, "rdf:first") is not None)

    def cells(self, head: Any) -> list[Any]:
        """The members of an RDF list, in order (a cyclic list stops where it loops)."""
        out: list[Any] = []
        seen: set[Any] = set()
        while head is not None and head != _u("rdf:nil") and head not in seen:
            seen.add(head)
            first = self.value(head, "rdf:first")
            if first is not None:
                out.append(first)
            head = self.value(head, "rdf:rest")
        return out

    def items(self, head: Any) -> list[str]:
        """The texts of an RDF list, in order."""
        return [t for t in (self.text(c) for c in self.cells(head)) if t is not None]

    def json_of(self, node: Any, term: str, where: str) -> Any:
        """The JSON value in a JSON-text literal, or None (with a warning when it is no JSON)."""
        value = self.value(node, term)
        if value is None:
            return None
        try:
            return json.loads(self.text(value) or "")
        except ValueError:
            self.report.lost(where, f"{term} is not JSON; not read")
            return None

    def props(self, node: Any) -> dict[Any, list[Any]]:
        """Every predicate of ``node`` with its values."""
        return self.out.get(node, {})

    def has_type(self, node: Any, cls: str) -> bool:
        """True when ``node`` is typed ``cls`` (a mapping term)."""
        return _u(cls) in self.props(node).get(self.type, ())

    # --- fields -----------------------------------------------------------------------

    def field(self, node: Any, f: m.Field, where: str, flat: str | None = None) -> Any:
        """The value at ``f.path`` below ``node``, or None; ``flat`` is a step to stay put on."""
        here = [node]
        for step in f.path[:-1]:
            if step == flat:
                continue
            nxt: list[Any] = []
            for n in here:
                nxt.extend(v for v in self.steps(n, step) if not _is_literal(v))
            here = nxt[:1]
            if not here:
                return None
        values = [v for n in here for v in self.steps(n, f.path[-1])]
        if not values:
            return None
        if f.kind == "texts":
            lists = [v for v in values if self.is_list(v)]
            if lists:
                return self.items(lists[0])
            texts = [t for t in (self.text(v) for v in values) if t is not None]
            if len(texts) > 1:
                self.report.normalised(where, "several values, whose order RDF does not keep; sorted")
            return sorted(texts) if texts else None
        texts = [t for t in (self.text(v, f.kind == "url") for v in values if not self.is_list(v)) if t is not None]
        if not texts:
            lists = [self.items(v) for v in values if self.is_list(v)]
            texts = [", ".join(lists[0])] if lists and lists[0] else []
        if not texts:
            return None
        if len(texts) > 1:
            self.report.lost(where, f"{len(texts)} values given; kept the first in sort order, not the others")
        value = texts[0]
        if f.kind == "date":
            return self.date(value, where, f.json)
        return value

    def date(self, value: str, where: str, name: str) -> str | None:
        """A JSON Resume date, repaired with a note when it is spelled otherwise; None to drop."""
        if dates.is_iso(value):
            return value
        if name == "endDate" and dates.means_present(value):
            self.report.normalised(where, f"{value!r} means ongoing; written as no end date")
            return None
        parts = dates.repair(value)
        if parts is None:
            self.report.lost(where, f"{value!r} is not a date; not read")
            return None
        self.report.normalised(where, f"date {value!r} read as {parts.iso()!r}")
        return parts.iso()

    def fields(self, node: Any, fields: tuple[m.Field, ...], where: str, flat: str | None = None) -> dict[str, Any]:
        """The JSON object of a node: its mapped fields, then what cv:extra holds."""
        out: dict[str, Any] = {}
        for f in fields:
            value = self.field(node, f, pointer_join(where, f.json), flat)
            if value is not None:
                out[f.json] = value
        extra = self.json_of(node, m.EXTRA, where)
        if isinstance(extra, dict):
            out.update(extra)
        return out

    # --- the résumé -------------------------------------------------------------------

    def resume(self, person: Any) -> dict[str, Any]:
        """The résumé's JSON data, read from ``person``."""
        data: dict[str, Any] = {}
        extra = self.json_of(person, m.RESUME_EXTRA, "")
        if isinstance(extra, dict):
            data.update(extra)
        basics = self.basics(person)
        if basics:
            data["basics"] = basics
        taken: set[Any] = set()
        for sec in m.SECTIONS:
            entries = self.section(person, sec, taken)
            if entries:
                data[sec.key] = entries
        meta = self.json_of(person, m.META, "/meta")
        if meta is not None:
            data["meta"] = meta
        self.unread(person)
        return data

    def foaf_name(self, person: Any) -> dict[str, str]:
        """``{"name": ...}`` from FOAF's name, or its given and family names, when schema.org gives none."""
        whole = self.out.get(person, {}).get(URIRef(FOAF + "name"))
        if whole:
            return {"name": str(min(whole, key=self.key))}
        found = []
        for synonyms in _FOAF_PARTS:  # the given name, then the family name: one spelling of each
            values = next((v for p in synonyms if (v := self.out.get(person, {}).get(URIRef(FOAF + p)))), None)
            if values:
                found.append(str(min(values, key=self.key)))
        if not found:
            return {}
        self.report.normalised("/basics/name", "built from FOAF given and family names")
        return {"name": " ".join(found)}

    def unread(self, person: Any) -> None:
        """Name the person's predicates that the mapping has no place for (foreign data)."""
        predicates, _ = m.terms()
        known = {_u(p) for p in (*predicates, "rdf:type", *_NAME_PARTS)} | {
            URIRef(FOAF + p) for p in ("name", *_FOAF_PARTS[0], *_FOAF_PARTS[1])
        }
        left = sorted({_short(str(p)) for p in self.props(person) if p not in known})
        if left:
            self.report.lost("", f"not read, no place in JSON Resume: {', '.join(left)}")

    def basics(self, person: Any) -> dict[str, Any]:
        """basics: the person's own fields, address, profile pages and sameAs links."""
        basics = self.fields(person, m.BASICS, "/basics")
        if "name" not in basics:
            basics.update(self.foaf_name(person))
        if "name" not in basics:
            parts = [self.field(person, m.Field(p, (p,)), "/basics/name") for p in _NAME_PARTS]
            if any(parts):
                basics["name"] = " ".join(p for p in parts if p)
                self.report.normalised("/basics/name", "built from given and family names")
        if isinstance(basics.get("email"), str) and basics["email"].lower().startswith("mailto:"):
            basics["email"] = basics["email"][7:]
            self.report.normalised("/basics/email", "mailto: taken off")
        addresses = self.steps(person, m.LOCATION_LINK)
        if addresses:
            if len(addresses) > 1:
                self.report.lost("/basics/location", f"{len(addresses)} addresses given; read only the first")
            address = addresses[0]
            if _is_literal(address):
                basics["location"] = {"address": self.text(address)}
                self.report.normalised("/basics/location", "an address given as text; read as address")
            else:
                basics["location"] = self.fields(address, m.LOCATION, "/basics/location")
        profiles = self.section(person, m.PROFILES, set())
        known_urls = {p.get("url") for p in profiles}
        for same in self.steps(person, m.SAME_AS):
            url = self.text(same, address=True)
            if url and url not in known_urls:
                profiles.append({"url": url})
                known_urls.add(url)
        if profiles:
            basics["profiles"] = profiles
        return basics

    def section(self, person: Any, sec: m.Section, taken: set[Any]) -> list[dict[str, Any]]:
        """The entries of one section; ``taken`` holds nodes an earlier section claimed."""
        out: list[dict[str, Any]] = []
        linked: list[Any] = []
        for node in self.steps(person, sec.link):
            # A foreign "@list" of entries keeps its order: read its members.
            linked.extend(self.cells(node) if self.is_list(node) else [node])
        for node in linked:
            if node in taken or not self.claims(sec, node, person):
                continue
            taken.add(node)
            where = "/" + sec.key + pointer(len(out))
            if _is_literal(node) or not self.props(node):
                # A plain value ("alumniOf": "MIT", "knowsAbout": "Python"): its primary field.
                value = self.text(node)
                if value is not None:
                    out.append({sec.primary: value})
                    self.report.normalised(where, f"given as a plain value; read as {sec.primary}")
                continue
            flat = None
            inner = sec.link if sec.link in sec.nodes else None
            if inner and not self.has_type(node, sec.type) and not self.steps(node, inner):
                flat = inner  # a plain Organization instead of a role: read its fields from it
            out.append(self.fields(node, sec.fields, where, flat))
            self.unread_entry(node, sec, where)
        return out

    def unread_entry(self, node: Any, sec: m.Section, where: str) -> None:
        """Name an entry's predicates that its section has no place for (a credential's level)."""
        known = _entry_terms(sec.key)
        left = sorted({_short(str(p)) for p in self.props(node) if p not in known})
        if left:
            self.report.lost(where, f"not read, no place in a {sec.key} entry: {', '.join(left)}")

    def claims(self, sec: m.Section, node: Any, person: Any) -> bool:
        """Sections that share a link tell their entries apart by what the entry holds."""
        if sec.key in ("volunteer", "projects"):
            is_project = self.has_type(node, "Project") or any(
                self.has_type(t, "Project") for t in self.steps(node, "memberOf")
            )
            return is_project == (sec.key == "projects")
        if sec is m.PROFILES:
            return self.has_type(node, m.PROFILES.type) or self.value(node, m.ORDER) is not None
        if sec.key == "certificates":
            schools = {o for role in self.steps(person, "alumniOf") for o in self.steps(role, "alumniOf")}
            schools.update(self.steps(person, "alumniOf"))
            return not any(o in schools for o in self.steps(node, "recognizedBy"))
        return True


# A person's name in parts: schema.org's, then FOAF's (both spellings of the family name).
_NAME_PARTS = ("givenName", "familyName")
FOAF = "http://xmlns.com/foaf/0.1/"
_FOAF_PARTS = (("givenName", "firstName"), ("familyName", "lastName", "surname"))


@cache
def _entry_terms(key: str) -> frozenset[Any]:
    """The predicates an entry node of a section may have that a field of the section reads."""
    sec = next(s for s in (m.PROFILES, *m.SECTIONS) if s.key == key)
    steps = {step.lstrip("^") for f in sec.fields for step in f.path if not step.startswith("^")}
    steps.update(sec.nodes)
    if sec.link.startswith("^"):
        steps.add(sec.link[1:])  # the entry points at the person ("author")
    steps.update(p.lstrip("^") for path in sec.nodes for p in path.split("/"))
    return frozenset(_u(t) for t in (*steps, "rdf:type", m.EXTRA, m.ORDER))


def _short(iri: str) -> str:
    return iri[len(SCHEMA) :] if iri.startswith(SCHEMA) else iri


def pointer_join(where: str, key: str) -> str:
    """A JSON Pointer one key further."""
    return where + pointer(key)


def _is_literal(term: Any) -> bool:
    return isinstance(term, Literal)


def normalise_schema_https(graph: Any) -> Any:
    """Terms spelled ``https://schema.org/...`` (some sites' @vocab) read as schema.org's own http."""

    def fix(term: Any) -> Any:
        if isinstance(term, URIRef) and str(term).startswith(SCHEMA_HTTPS):
            return URIRef(SCHEMA + str(term)[len(SCHEMA_HTTPS) :])
        return term

    odd = [t for t in graph if str(t[1]).startswith(SCHEMA_HTTPS) or str(t[2]).startswith(SCHEMA_HTTPS)]
    for s, p, o in odd:
        graph.remove((s, p, o))
        graph.add((fix(s), fix(p), fix(o) if p == _u("rdf:type") or str(p).startswith(SCHEMA_HTTPS) else o))
    return graph


def main_person(graph: Any, report: Report) -> Any:
    """The person the résumé is about: ours (cv:version), else the one that is no other node's value."""
    from cvconvert.errors import InvalidInputError

    person_cls = _u(m.PERSON_TYPE)
    persons = sorted(set(graph.subjects(_u("rdf:type"), person_cls)), key=str)
    if not persons:
        raise InvalidInputError("no schema.org Person in the linked data")
    ours = [p for p in persons if graph.value(p, _u(m.VERSION)) is not None]
    if len(ours) == 1:
        return ours[0]
    if len(persons) == 1:
        return persons[0]

    def size(p: Any) -> int:
        return sum(1 for _ in graph.predicate_objects(p))

    free = [p for p in persons if not any(s != p for s in graph.subjects(None, p))]
    if len(free) == 1:
        chosen = free[0]
        why = "the one that is no other node's value"
    elif free:
        chosen = max(free, key=size)
        why = f"{len(free)} are no other node's value; read the one with the most properties"
    else:
        main = [p for p in persons if any(graph.subjects(_u("mainEntity"), p)) or any(graph.subjects(_u("about"), p))]
        chosen = max(main or persons, key=size)
        why = "every one is another node's value; read the " + (
            "main entity of the page" if main else "one with the most properties"
        )
    name = graph.value(chosen, _u("name"))
    label = f" ({str(name)[:60]})" if name is not None else ""
    report.lost("", f"{len(persons)} persons in the linked data; read only{label}: {why}")
    return chosen


def read_graph(graph: Any, *, strict: bool) -> tuple[Resume, Report]:
    """The résumé in ``graph``; InvalidInputError when it holds no person."""
    report = Report()
    normalise_schema_https(graph)
    person = main_person(graph, report)
    reader = Reader(graph, report)
    data = reader.resume(person)
    resume, notes = load_resume(data, strict=strict)
    # A résumé with nothing in it is still our own output; the "no field" hint is for foreign JSON.
    notes.notes = [n for n in notes.notes if "no JSON Resume field" not in n.message]
    return resume, report.extend(notes)
