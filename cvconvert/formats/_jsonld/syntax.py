"""Bytes <-> rdflib graphs for each syntax, with the safety checks untrusted input needs."""

from __future__ import annotations

import json
import posixpath
import re
import warnings
from contextvars import ContextVar
from functools import cache
from html.parser import HTMLParser
from typing import Any, Literal

from cvconvert import limits
from cvconvert._input import decode_text, looks_like_text, parse_xml
from cvconvert.errors import InvalidInputError, LimitExceededError
from cvconvert.formats._jsonld.context import inline
from cvconvert.formats._jsonld.mapping import SURROGATE
from cvconvert.namespaces import CV, RDF, SCHEMA, XML, XSD
from cvconvert.report import Report
from cvconvert.text import NOT_XML, NOT_XML_CHARS

Syntax = Literal["json-ld", "turtle", "nt", "xml"]

MAX_INPUT_BYTES = 4 * 2**20
"""Linked data bigger than this is refused: a résumé is a few kB, and rdflib's parsers are
slow and large on crafted text before any triple is counted (9 MB of Turtle holding one list of
3 million blank nodes took 25 s and 550 MB before its first statement)."""
MAX_PAGE_BYTES = 20 * 2**20
"""A web page may be bigger than its JSON-LD blocks; this bounds the HTML scan."""

NAMES = {"json-ld": "JSON-LD", "turtle": "Turtle", "nt": "N-Triples", "xml": "RDF/XML"}


def _check_size(data: bytes, limit: int, what: str) -> None:
    if len(data) > limit:
        raise LimitExceededError(f"{what} of {len(data):,} bytes is over the {limit:,}-byte limit for linked data")


def _new_graph() -> Any:
    from rdflib import Graph

    return Graph(bind_namespaces="none")


def _read_graph() -> Any:
    """An empty graph for untrusted input: it refuses triples past ``max_triples`` as they come.

    Counting after parsing was too late: 6 MB of Turtle (``:s :p [], [], ...``) is 2 million
    triples, and rdflib had taken 2 GB before anything was counted.
    """
    from rdflib import Graph

    return Graph(store=_counting_store()(limits.current().max_triples), bind_namespaces="none")


@cache
def _counting_store() -> Any:
    """rdflib's in-memory store, refusing the triple past a limit (a class made once, on first
    use: importing rdflib at module level would make importing this format slow)."""
    from rdflib.plugins.stores.memory import Memory

    class CountingMemory(Memory):
        def __init__(self, most: int) -> None:
            super().__init__()
            self.most, self.added = most, 0

        def add(self, triple: Any, context: Any, quoted: bool = False) -> None:
            # Every parser (JSON-LD, Turtle, N-Triples, RDF/XML) adds through the store, one by one.
            self.added += 1
            if self.added > self.most:
                raise LimitExceededError(f"linked data holds more than {self.most:,} triples (limit max_triples)")
            super().add(triple, context, quoted)

    return CountingMemory


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


_NO_FETCH: ContextVar[bool] = ContextVar("cvconvert_jsonld_no_fetch", default=False)


def _guard_rdflib_loader() -> None:
    """Make rdflib's JSON-LD context loader refuse to fetch while cvconvert parses.

    :func:`.context.inline` already leaves no remote context in the document; this is the second
    lock. The wrapper changes nothing for other users of rdflib: it refuses only inside our parse.
    """
    from rdflib.plugins.shared.jsonld import context as rdflib_context

    # rdflib imports source_to_json into its context module and fetches through that name.
    original = getattr(rdflib_context, "source_to_json")  # noqa: B009 - not re-exported, say so to mypy
    if getattr(original, "cvconvert_guard", False):
        return

    def guarded(source: Any, *args: Any, **kwargs: Any) -> Any:
        if _NO_FETCH.get():
            raise InvalidInputError(f"remote JSON-LD context {str(source)[:80]!r} refused: nothing is fetched")
        return original(source, *args, **kwargs)

    guarded.cvconvert_guard = True  # type: ignore[attr-defined]  # a marker on the function object
    setattr(rdflib_context, "source_to_json", guarded)  # noqa: B010 - see above


# rdflib resolves relative IRIs against a base, by default the working directory's file: URI,
# which put the user's local paths into the résumé (``file:///home/...``). It parses against this
# placeholder instead (deep enough that "../" climbs stay inside it), and :func:`_relativise` gives
# the IRIs back as the document wrote them: "cv.html", "../cv.html", "/cv.html".
_HOST = "http://base.cvconvert.invalid"
_BASE_PATH = "/r/r/r/r/r/r/r/r/"
BASE = _HOST + _BASE_PATH


def _as_written(iri: str) -> str:
    """An IRI resolved against :data:`BASE`, as the relative reference that gave it."""
    path, mark, tail = iri[len(_HOST) :].partition("#") if "#" in iri else (iri[len(_HOST) :], "", "")
    if path.startswith(_BASE_PATH):
        return path[len(_BASE_PATH) :] + mark + tail
    if path.startswith("/r/"):
        return posixpath.relpath(path, _BASE_PATH) + ("/" if path.endswith("/") else "") + mark + tail
    return path + mark + tail  # an absolute path ("/cv.html")


def _relativise(graph: Any) -> None:
    """Every IRI resolved against :data:`BASE` back to the relative IRI the document wrote;
    a statement whose value is the empty IRI says nothing and is dropped."""
    from rdflib import URIRef

    def relative(node: Any) -> Any:
        return URIRef(_as_written(node)) if isinstance(node, URIRef) and node.startswith(_HOST + "/") else node

    changed = [t for t in graph if any(isinstance(n, URIRef) and n.startswith(_HOST + "/") for n in t)]
    for triple in changed:
        graph.remove(triple)
        subject, predicate, value = map(relative, triple)
        if value != URIRef(""):
            graph.add((subject, predicate, value))
    # Moved statements are not new ones: the max_triples count stays that of the document.
    graph.store.added -= len(changed)


def _parse_into(graph: Any, data: str | bytes, syntax: Syntax) -> None:
    if syntax == "json-ld":
        _guard_rdflib_loader()
    token = _NO_FETCH.set(True)
    try:
        with warnings.catch_warnings():
            # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph internally.
            warnings.simplefilter("ignore", DeprecationWarning)
            graph.parse(data=data, format=syntax, publicID=BASE)
        _relativise(graph)
    except InvalidInputError:
        raise
    except RecursionError:
        raise InvalidInputError(f"{NAMES[syntax]} nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many types; one line for the user
        raise InvalidInputError(f"not valid {NAMES[syntax]}: {_first_line(exc)}") from None
    finally:
        _NO_FETCH.reset(token)


# --- JSON-LD ----------------------------------------------------------------------------


def load_json(text: str) -> Any:
    """Parse JSON text; InvalidInputError with the position when it is not JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        raise InvalidInputError("JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None


def is_jsonld(value: Any) -> bool:
    """A JSON-LD document: an object (or list of objects) with ``@context``, ``@graph`` or ``@type``."""
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(
        isinstance(v, dict) and bool(v.keys() & {"@context", "@graph", "@type", "@id"}) for v in items
    )


def add_jsonld(graph: Any, value: Any) -> None:
    """Add a parsed JSON-LD document to ``graph``, with every context served locally."""
    if not is_jsonld(value):
        raise InvalidInputError(
            "JSON but not JSON-LD (no @context or @graph at the top); a JSON Resume is read with the json format"
        )
    _parse_into(graph, json.dumps(inline(value)), "json-ld")


def parse(data: bytes, syntax: Syntax) -> Any:
    """The graph in ``data``; InvalidInputError (LimitExceededError) for bad or oversized input."""
    _check_size(data, limits_in_force(), NAMES[syntax])
    graph = _read_graph()
    if syntax == "json-ld":
        add_jsonld(graph, load_json(decode_text(data)))
    elif syntax == "xml":
        # The safe XML parse refuses DTDs (entities, XXE) and checks depth before rdflib sees it.
        parse_xml(data, "RDF/XML")
        _parse_into(graph, data, "xml")
    else:
        _parse_into(graph, decode_text(data), syntax)
    return graph


# --- HTML with <script type="application/ld+json"> ---------------------------------------


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside = False
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
            self._inside = kind == "application/ld+json"
            self._parts = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inside:
            self.blocks.append("".join(self._parts))
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._parts.append(data)


def parse_html(data: bytes, report: Report) -> Any:
    """The graph of every JSON-LD block of a web page; blocks that are not JSON are skipped."""
    _check_size(data, min(MAX_PAGE_BYTES, limits.current().max_input_bytes), "HTML page")
    try:
        text = decode_text(data)
    except InvalidInputError:
        if not data.strip():
            raise
        text = data.decode("utf-8", errors="replace")
        report.normalised("", "the page is not UTF-8 text; undecodable bytes replaced")
    scanner = _Scripts()
    scanner.feed(text)
    scanner.close()
    if not scanner.blocks:
        raise InvalidInputError('the page has no <script type="application/ld+json"> block')
    _check_size("".join(scanner.blocks).encode("utf-8", "surrogatepass"), MAX_INPUT_BYTES, "JSON-LD in the page")
    graph = _read_graph()
    read = 0
    for n, block in enumerate(scanner.blocks, 1):
        body = block.strip()
        # Old pages wrap scripts in comment or CDATA markers.
        for start, end in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
            if body.startswith(start) and body.endswith(end):
                body = body[len(start) : -len(end)].strip()
        try:
            value = load_json(body)
            # Blank-node labels are local to a block: parse each one on its own into the graph.
            add_jsonld(graph, value)
        except LimitExceededError:
            raise
        except InvalidInputError as exc:
            if "refused" in exc.reason:
                raise
            report.lost("", f"JSON-LD block {n} of the page not read: {exc.reason}")
            continue
        read += 1
    if not read:
        raise InvalidInputError("no JSON-LD block of the page could be read")
    return graph


# --- writing ------------------------------------------------------------------------------

# XML 1.0 cannot hold these characters at all (the shared rule); a literal holding one is escaped
# reversibly, and so is the backslash that starts an escape.
_TO_ESCAPE = re.compile(rf"\\|[{NOT_XML_CHARS}]")
_ESCAPE = re.compile(r"\\u([0-9a-f]{4})|\\\\")


def escape(text: str) -> str:
    """Backslash-escape ``\\`` and the characters XML or UTF-8 cannot hold (``\\u0001``)."""
    return _TO_ESCAPE.sub(lambda mt: "\\\\" if mt[0] == "\\" else f"\\u{ord(mt[0]):04x}", text)


def unescape(text: str) -> str:
    """Undo :func:`escape`."""
    return _ESCAPE.sub(lambda mt: "\\" if mt[1] is None else chr(int(mt[1], 16)), text)


def _escaped(graph: Any, pattern: re.Pattern[str]) -> Any:
    """The graph with every literal that ``pattern`` finds in replaced by a cv:escaped one."""
    from rdflib import Literal, URIRef

    found = [(s, p, o) for s, p, o in graph if isinstance(o, Literal) and pattern.search(str(o))]
    if not found:
        return graph
    out = _new_graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True, replace=True)
    for triple in graph:
        out.add(triple)
    for s, p, o in found:
        out.remove((s, p, o))
        out.add((s, p, Literal(escape(str(o)), datatype=URIRef(CV + "escaped"))))
    return out


def turtle(graph: Any) -> bytes:
    """Turtle; rdflib's serializer orders subjects and predicates and keeps our node labels."""
    text: str = _escaped(graph, SURROGATE).serialize(format="turtle")
    return text.encode("utf-8")


def ntriples(graph: Any) -> bytes:
    """N-Triples, one triple a line, lines sorted so that the bytes are reproducible."""
    text: str = _escaped(graph, SURROGATE).serialize(format="nt")
    lines = sorted(line for line in text.split("\n") if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def rdfxml(graph: Any, rank: dict[str, int], first: Any) -> bytes:
    """RDF/XML, one ``rdf:Description`` per node in a fixed order (rdflib's writer has none)."""
    from lxml import etree
    from rdflib import BNode, Literal, URIRef

    from cvconvert.formats._jsonld.compact import _natural

    graph = _escaped(graph, NOT_XML)
    nsmap = {"rdf": RDF, "schema": SCHEMA, "cv": CV, "xsd": XSD}
    rdf = "{" + RDF + "}"
    root = etree.Element(rdf + "RDF", nsmap=nsmap)

    def qname(iri: str) -> str:
        for ns in (SCHEMA, CV, RDF):
            if iri.startswith(ns):
                return "{" + ns + "}" + iri[len(ns) :]
        raise ValueError(f"no prefix for {iri}")  # our graphs use these namespaces only

    def local(iri: str) -> str:
        return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    subjects = sorted(set(graph.subjects()), key=lambda s: (s != first, _natural(str(s))))
    for subject in subjects:
        desc = etree.SubElement(root, rdf + "Description")
        desc.set(rdf + "nodeID" if isinstance(subject, BNode) else rdf + "about", str(subject))
        pairs = sorted(
            graph.predicate_objects(subject),
            key=lambda po: (rank.get(local(str(po[0])), len(rank)), str(po[0]), _natural(str(po[1]))),
        )
        for p, o in pairs:
            prop = etree.SubElement(desc, qname(str(p)))
            if isinstance(o, Literal):
                prop.text = str(o)
                if o.language:
                    prop.set(f"{{{XML}}}lang", o.language)
                elif o.datatype:
                    prop.set(rdf + "datatype", str(o.datatype))
            elif isinstance(o, BNode):
                prop.set(rdf + "nodeID", str(o))
            elif isinstance(o, URIRef):
                prop.set(rdf + "resource", str(o))
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return out


# --- sniffing -----------------------------------------------------------------------------

_JSONLD_HEAD = re.compile(rb'^\s*[\[{]\s*(?:\{\s*)?"@(?:context|graph)"')
_TURTLE_HEAD = re.compile(r"^(?:@prefix|@base|prefix|base)\s", re.IGNORECASE)
_NT_LINE = re.compile(r"^(?:<[^<>\s]+:[^<>\s]*>|_:\S+)\s+<[^<>\s]+:[^<>\s]*>\s+\S.*\.\s*$")
_RDF_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?RDF[\s>]")


def _text_lines(data: bytes, limit: int = 4096) -> list[str]:
    head = data[:limit].decode("utf-8", errors="ignore").lstrip("\ufeff")
    return [ln.strip() for ln in head.splitlines() if ln.strip() and not ln.strip().startswith("#")]


def sniff_jsonld(data: bytes) -> bool:
    """JSON whose top level has ``@context`` or ``@graph`` (an object, or a list of objects)."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] not in (b"{", b"[") or not looks_like_text(data):
        return False
    if b'"@context"' not in data and b'"@graph"' not in data:
        return False
    if len(data) > MAX_INPUT_BYTES:
        return bool(_JSONLD_HEAD.match(data.lstrip(b"\xef\xbb\xbf")))
    try:
        value = json.loads(decode_text(data))
    except (ValueError, RecursionError, InvalidInputError):
        return False
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(isinstance(v, dict) and ("@context" in v or "@graph" in v) for v in items)


def sniff_turtle(data: bytes) -> bool:
    """Text whose first statement is a Turtle ``@prefix``/``PREFIX`` or ``@base``/``BASE``."""
    lines = _text_lines(data)
    return bool(lines) and bool(_TURTLE_HEAD.match(lines[0])) and looks_like_text(data)


def sniff_ntriples(data: bytes) -> bool:
    """Text whose first line is a triple of absolute IRIs or blank nodes ending in `` .``."""
    lines = _text_lines(data)
    return bool(lines) and bool(_NT_LINE.match(lines[0])) and looks_like_text(data)


def sniff_rdfxml(data: bytes) -> bool:
    """XML whose root element is ``rdf:RDF`` (with the RDF namespace declared)."""
    head = data[:4096]
    return b"<" in head[:512] and bool(_RDF_ROOT.search(head)) and RDF.encode() in head and looks_like_text(data)


def sniff_html(data: bytes) -> bool:
    """An HTML page (``<!doctype html>`` or ``<html`` first)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    while head.startswith(b"<!--") and b"-->" in head:
        head = head.split(b"-->", 1)[1].lstrip()
    return head.startswith((b"<!doctype html", b"<html")) and looks_like_text(data)


def limits_in_force() -> int:
    """The smaller of our own input limit and the one configured for all readers."""
    return min(MAX_INPUT_BYTES, limits.current().max_input_bytes)
