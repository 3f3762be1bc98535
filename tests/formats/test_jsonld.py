"""JSON-LD / schema.org and the other RDF syntaxes: round trips, vocabulary, pyld, foreign data, safety."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import cvconvert
from cvconvert import formats, namespaces
from cvconvert.errors import InvalidInputError, LimitExceededError, OptionError
from cvconvert.formats._jsonld import mapping as m
from cvconvert.formats._jsonld.build import build
from cvconvert.formats._jsonld.context import SCHEMA_ORG_URLS, local_context, make_context
from cvconvert.model import Resume
from tests.conftest import ROOT, corpus_resumes, sample_files, shared_path
from tests.strategies import resume as resumes

rdflib = pytest.importorskip("rdflib")
from rdflib.compare import isomorphic  # noqa: E402

SYNTAXES = ("jsonld", "turtle", "ntriples", "rdfxml")
SAMPLES = sample_files()
CORPUS, NOT_RESUMES = corpus_resumes()
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def round_trip(resume: Resume, fmt: str) -> tuple[Resume, bytes]:
    data, report = cvconvert.dumps(resume, fmt)
    assert report.losses == []
    back, notes = cvconvert.read_with_report(data, fmt)
    assert [n for n in notes if n.kind == "loss"] == []
    return back, data


def read_jsonld(doc: Any, fmt: str = "jsonld") -> tuple[Resume, Any]:
    data = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
    return cvconvert.read_with_report(data, fmt)


# --- lossless round trips ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", SYNTAXES)
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_round_trips_losslessly(path: Path, fmt: str) -> None:
    resume = cvconvert.read(path)
    back, _ = round_trip(resume, fmt)
    assert back.to_data() == resume.to_data()
    # Entry order and key order of unknown fields are kept too.
    assert json.dumps(back.to_data()) == json.dumps(resume.to_data())


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_corpus_resume_round_trips_losslessly_in_every_syntax(path: Path) -> None:
    resume = cvconvert.read(path)
    failed = [fmt for fmt in SYNTAXES if round_trip(resume, fmt)[0].to_data() != resume.to_data()]
    assert failed == []  # names the syntaxes only: corpus values are personal data


def test_corpus_is_there_in_ci() -> None:
    shared_path("corpus", "jsonresume")
    assert len(CORPUS) + len(NOT_RESUMES) >= 90


@settings(max_examples=60)
@given(resumes)
def test_generated_resume_round_trips_losslessly(resume: Resume) -> None:
    for fmt in SYNTAXES:
        back, _ = round_trip(resume, fmt)
        assert back.to_data() == resume.to_data(), fmt


# Lone surrogates apart: an adjacent high+low pair reads back as the one character it encodes (as in JSON).
HOSTILE = "a\x00b\x01\x0b\x0c\x1f\x7f\r\n\t\\u0041\\ \ufffe\uffff\ud800-\udfff \u2028]]><&'\"😀"


@pytest.mark.parametrize("fmt", SYNTAXES)
def test_control_characters_and_lone_surrogates_survive(fmt: str) -> None:
    resume = Resume.model_validate(
        {
            "basics": {"name": HOSTILE, "x-raw": HOSTILE, "profiles": [{"url": "https://x.example/" + HOSTILE}]},
            "work": [{"highlights": [HOSTILE, ""], "summary": "\\"}],
        }
    )
    back, _ = round_trip(resume, fmt)
    assert back.to_data() == resume.to_data()


def test_rdfxml_escapes_what_xml_cannot_hold_with_the_cvconvert_datatype() -> None:
    resume = Resume.model_validate({"basics": {"name": "bell\x07"}})
    data, _ = cvconvert.dumps(resume, "rdfxml")
    assert b"\x07" not in data
    assert b'rdf:datatype="https://cvconvert.dev/ns#escaped">bell\\u0007<' in data


def test_empty_and_null_values_keep_their_shape() -> None:
    data = {
        "$schema": "https://example.org/schema.json",
        "basics": {"name": None, "location": {}, "profiles": [], "x-a": [1, {"b": None}]},
        "work": [{}, {"highlights": [], "name": ""}],
        "skills": [],
        "awards": None,
        "meta": {"theme": "even", "version": "v1"},
        "x-top": 1.5,
    }
    resume = Resume.model_validate(data)
    for fmt in SYNTAXES:
        back, _ = round_trip(resume, fmt)
        assert back.to_data() == resume.to_data(), fmt


def test_an_empty_resume_round_trips() -> None:
    for fmt in SYNTAXES:
        assert round_trip(Resume(), fmt)[0].to_data() == {}


def test_text_that_is_no_safe_iri_stays_text() -> None:
    urls = ["not a url", "schema:name", "https://a.example/../b", "//x", "https://例え.jp/", "name:x"]
    resume = Resume.model_validate({"basics": {"url": urls[0], "profiles": [{"url": u} for u in urls]}})
    for fmt in SYNTAXES:
        assert round_trip(resume, fmt)[0].to_data() == resume.to_data(), fmt


# --- determinism ------------------------------------------------------------------------


def test_output_is_byte_identical_across_processes() -> None:
    paths = [str(p) for p in SAMPLES + CORPUS[:15]]
    script = (
        "import sys, cvconvert, hashlib\n"
        f"for p in {paths!r}:\n"
        "    r = cvconvert.read(p)\n"
        f"    for f in {SYNTAXES!r}: print(f, hashlib.sha256(cvconvert.dumps(r, f)[0]).hexdigest())\n"
    )
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT)
        assert out.returncode == 0, out.stderr
        runs.append(out.stdout)
    assert runs[0] == runs[1]
    again = cvconvert.read(SAMPLES[-1])
    for fmt in SYNTAXES:
        assert cvconvert.dumps(again, fmt)[0] == cvconvert.dumps(again, fmt)[0]


def test_jsonld_has_no_random_blank_node_labels() -> None:
    data, _ = cvconvert.dumps(cvconvert.read(SAMPLES[0]), "jsonld")
    labels = set(re.findall(rb'"_:([^"]+)"', data))
    assert all(re.fullmatch(rb"[a-z]+(-\d+)?(-[A-Za-z^]+)*", label) for label in labels), labels


# --- vocabulary and a second JSON-LD implementation --------------------------------------


@pytest.fixture(scope="module")
def schema_org_terms() -> set[str]:
    path = shared_path("reference", "schemaorg", "schemaorgcontext-30.0.jsonld")
    context = json.loads(path.read_text(encoding="utf-8"))["@context"]
    return {v["@id"][7:] for v in context.values() if isinstance(v, dict) and str(v.get("@id")).startswith("schema:")}


def _graph_of(resume: Resume) -> Any:
    return build(resume)[0]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_term_of_the_output_is_in_schema_org_or_cvconvert(path: Path, schema_org_terms: set[str]) -> None:
    data, _ = cvconvert.dumps(cvconvert.read(path), "jsonld")
    from cvconvert.formats._jsonld.syntax import parse

    graph = parse(data, "json-ld")
    rdf_terms = {RDF_NS + t for t in ("type", "first", "rest", "nil")}
    unknown = set()
    for _, p, o in graph:
        terms = [str(p)] + ([str(o)] if str(p) == RDF_NS + "type" else [])
        for term in terms:
            if term.startswith(namespaces.SCHEMA):
                if term[len(namespaces.SCHEMA) :] not in schema_org_terms:
                    unknown.add(term)
            elif not term.startswith(namespaces.CV) and term not in rdf_terms:
                unknown.add(term)
    assert unknown == set()


def test_every_term_of_the_mapping_is_in_schema_org(schema_org_terms: set[str]) -> None:
    predicates, classes = m.terms()
    assert [t for t in predicates + classes if not t.startswith("cv:") and t not in schema_org_terms] == []


def test_shipped_context_is_fresh() -> None:
    assert local_context() == make_context()
    text = (ROOT / "cvconvert" / "formats" / "_jsonld" / "schemaorg-context.jsonld").read_text(encoding="utf-8")
    assert text == json.dumps(make_context(), indent=2) + "\n"


def test_shipped_context_agrees_with_schema_orgs_own() -> None:
    official = json.loads(shared_path("reference", "schemaorg", "schemaorgcontext-30.0.jsonld").read_text())
    mine = local_context()["@context"]
    assert mine["@vocab"] == official["@context"]["@vocab"] == "http://schema.org/"
    assert {k: v for k, v in mine.items() if official["@context"].get(k) != v} == {}


def _pyld_graph(document: dict[str, Any]) -> Any:
    from pyld import jsonld

    def loader(url: str, options: Any = None) -> dict[str, Any]:
        if url.rstrip("/") in {u.rstrip("/") for u in SCHEMA_ORG_URLS}:
            return {"contextUrl": None, "documentUrl": url, "document": local_context()}
        raise AssertionError(f"pyld asked for {url}")

    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": loader})
    return rdflib.Graph().parse(data=nquads, format="nt")


def _canonical(graph: Any) -> str:
    from pyld import jsonld

    nquads = graph.serialize(format="nt")
    options = {"algorithm": "URDNA2015", "inputFormat": "application/n-quads", "format": "application/n-quads"}
    canonical: str = jsonld.normalize(nquads, options)
    return canonical


@pytest.mark.parametrize("context", ["remote", "inline"])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_pyld_expands_our_jsonld_to_the_triples_rdflib_reads(path: Path, context: str) -> None:
    from cvconvert.formats._jsonld.syntax import parse

    resume = cvconvert.read(path)
    data, _ = cvconvert.dumps(resume, "jsonld", context=context)
    by_pyld = _pyld_graph(json.loads(data))
    by_rdflib = parse(data, "json-ld")
    assert len(by_pyld) == len(by_rdflib) > 0
    assert isomorphic(by_pyld, by_rdflib)
    # ... and both are the graph the writer built, which every syntax carries. (URDNA2015
    # canonical N-Quads are equal exactly when graphs are isomorphic, and come much faster.)
    expected = _canonical(by_rdflib)
    assert _canonical(_graph_of(resume)) == expected
    for fmt, syntax in (("turtle", "turtle"), ("ntriples", "nt"), ("rdfxml", "xml")):
        assert _canonical(parse(cvconvert.dumps(resume, fmt)[0], syntax)) == expected, fmt


@given(resumes)
@settings(max_examples=25)
def test_pyld_agrees_on_generated_resumes(resume: Resume) -> None:
    from cvconvert.formats._jsonld.syntax import parse

    data, _ = cvconvert.dumps(resume, "jsonld")
    assert isomorphic(_pyld_graph(json.loads(data)), parse(data, "json-ld"))


def test_unknown_context_option_is_refused() -> None:
    with pytest.raises(OptionError):
        cvconvert.dumps(Resume(), "jsonld", context="somewhere")


@pytest.mark.parametrize(("rdflib_format", "fmt"), [("json-ld", "jsonld"), ("xml", "rdfxml"), ("longturtle", "turtle")])
def test_other_writers_layouts_of_our_graph_read_back_losslessly(rdflib_format: str, fmt: str) -> None:
    # rdflib's own serializers nest, flatten and label differently: only the triples matter.
    resume = cvconvert.read(next(p for p in SAMPLES if p.stem == "lea-dubois.fr"))
    data = _graph_of(resume).serialize(format=rdflib_format).encode()
    assert cvconvert.read(data, fmt).to_data() == resume.to_data()


# --- the mapping table in schemas/ ------------------------------------------------------


def _path_text(sec: m.Section | None, path: tuple[str, ...]) -> str:
    steps = []
    for i, step in enumerate(path[:-1]):
        prefix = "/".join(path[: i + 1])
        steps.append(f"{step} → {sec.nodes[prefix] if sec else m.LOCATION_TYPE}")
    steps.append(path[-1])
    return " · ".join(steps)


def mapping_rows() -> list[tuple[str, str, str]]:
    """The table schemas/jsonld-mapping.md must hold, from the mapping records."""
    rows = [("/basics", "(the person)", m.PERSON_TYPE)]
    rows += [(f"/basics/{f.json}", _path_text(None, f.path), f.kind) for f in m.BASICS]
    rows.append(("/basics/location", f"{m.LOCATION_LINK} → {m.LOCATION_TYPE}", "object"))
    rows += [
        (f"/basics/location/{f.json}", f"{m.LOCATION_LINK} → {m.LOCATION_TYPE} · {f.path[0]}", f.kind)
        for f in m.LOCATION
    ]
    for sec in (m.PROFILES, *m.SECTIONS):
        entry = f"{sec.link} → {sec.type}"
        rows.append((f"/{sec.key}/*", entry, "entry"))
        rows += [(f"/{sec.key}/*/{f.json}", f"{entry} · {_path_text(sec, f.path)}", f.kind) for f in sec.fields]
    rows.append(("/basics/profiles/*/url", m.SAME_AS, "url"))
    for sec in m.SECTIONS:
        for path, pred in sec.also.items():
            rows.append((f"/{sec.key}/*", f"{pred} → {sec.nodes[path]}", "link"))
    rows.append(("/meta", m.META, "json"))
    rows.append(("(order of entries)", m.ORDER, "integer"))
    rows.append(("(unknown, null and empty fields)", m.EXTRA, "json"))
    rows.append(("(top level: $schema, unknown, null and empty fields)", m.RESUME_EXTRA, "json"))
    rows.append(("(marks our person)", m.VERSION, "text"))
    return rows


def test_mapping_table_in_schemas_matches_the_code() -> None:
    text = (ROOT / "schemas" / "jsonld-mapping.md").read_text(encoding="utf-8")
    table = text.split("<!-- mapping table -->")[1].split("<!-- end of mapping table -->")[0]
    rows = []
    for line in table.splitlines():
        cells = [c.strip().strip("`").strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and not set(cells[0]) <= set("-: ") and cells[0] != "JSON Resume":
            rows.append((cells[0].replace("`", ""), cells[1].replace("`", ""), cells[2].replace("`", "")))
    assert rows == mapping_rows()


# --- foreign schema.org data ----------------------------------------------------------


WEB_PERSON = {
    "@context": "https://schema.org",
    "@type": "Person",
    "name": "Ada Example",
    "jobTitle": "Engineer",
    "email": "mailto:ada@example.org",
    "worksFor": {"@type": "Organization", "name": "Example Corp", "url": "https://corp.example"},
    "alumniOf": "Example University",
    "knowsAbout": ["Python", {"@type": "Thing", "name": "Linked data"}],
    "knowsLanguage": [{"@type": "Language", "name": "French"}, "en"],
    "sameAs": ["https://code.example/ada"],
    "award": "Best Example 2020",
    "birthDate": "1990-01-01",
    "knows": {"@type": "Person", "name": "Bob"},
    "address": {"@type": "PostalAddress", "addressLocality": "Paris", "addressCountry": "FR"},
}


def test_a_web_pages_person_reads_best_effort() -> None:
    resume, report = read_jsonld(WEB_PERSON)
    data = resume.to_data()
    assert data["basics"] == {
        "name": "Ada Example",
        "label": "Engineer",
        "email": "ada@example.org",
        "location": {"city": "Paris", "countryCode": "FR"},
        "profiles": [{"url": "https://code.example/ada"}],
    }
    assert data["work"] == [{"name": "Example Corp", "url": "https://corp.example"}]
    assert data["education"] == [{"institution": "Example University"}]
    assert data["skills"] == [{"name": "Linked data"}, {"name": "Python"}]
    assert data["languages"] == [{"language": "French"}, {"language": "en"}]
    assert data["awards"] == [{"title": "Best Example 2020"}]
    paths = {n.path for n in report}
    assert {"/basics/email", "/education/0", "/skills/1", "/awards/0"} <= paths
    assert any(n.path == "" and n.message.endswith("JSON Resume: birthDate, knows") for n in report)


@pytest.mark.parametrize(
    "context",
    [
        "https://schema.org",
        "http://schema.org/",
        "https://schema.org/",
        "http://schema.org",
        "https://schema.org/docs/jsonldcontext.jsonld",
        ["https://schema.org", {"ex": "http://example.org/"}],
        {"@vocab": "https://schema.org/"},
        {"@vocab": "http://schema.org/"},
        {"@import": "https://schema.org/", "ex": "http://example.org/"},
    ],
)
def test_every_spelling_of_the_schema_org_context_is_read(context: Any) -> None:
    resume, _ = read_jsonld({**WEB_PERSON, "@context": context})
    assert resume.basics is not None and resume.basics.name == "Ada Example"
    assert resume.work is not None and resume.work[0].name == "Example Corp"


def test_a_graph_array_with_a_page_about_the_person() -> None:
    doc = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://ada.example/#page", "about": {"@id": "https://ada.example/#me"}},
            {"@type": "Person", "@id": "https://ada.example/#me", "name": "Ada", "worksFor": {"@id": "#org"}},
            {"@type": "Organization", "@id": "#org", "name": "Org", "founder": {"@id": "https://ada.example/#me"}},
        ],
    }
    resume, report = read_jsonld(doc)
    assert resume.basics is not None and resume.basics.name == "Ada"
    assert resume.work is not None and resume.work[0].name == "Org"
    assert not any("persons" in n.message for n in report)


def test_of_several_persons_the_one_that_is_no_other_nodes_value_is_read_and_reported() -> None:
    doc = {
        "@context": "http://schema.org/",
        "@graph": [
            {"@type": "Article", "name": "A post", "author": {"@type": "Person", "name": "Carl Writer"}},
            {"@type": "Person", "name": "Ada", "knows": {"@type": "Person", "name": "Bob Friend"}},
        ],
    }
    resume, report = read_jsonld(doc)
    assert resume.basics is not None and resume.basics.name == "Ada"
    notes = [n for n in report if "3 persons" in n.message]
    assert len(notes) == 1 and "no other node's value" in notes[0].message and notes[0].path == ""


def test_a_cyclic_graph_reads_in_bounded_time() -> None:
    doc = {
        "@context": "https://schema.org",
        "@id": "#me",
        "@type": "Person",
        "name": "Ada",
        "knows": {"@id": "#me"},
        "worksFor": {
            "@id": "#org",
            "@type": "Organization",
            "name": "Org",
            "employee": {"@id": "#me"},
            "parentOrganization": {"@id": "#org"},
        },
        "alumniOf": {"@id": "#role", "@type": "OrganizationRole", "alumniOf": {"@id": "#role"}},
    }
    start = time.monotonic()
    resume, report = read_jsonld(doc)
    assert time.monotonic() - start < 5
    assert resume.basics is not None and resume.basics.name == "Ada"
    assert resume.work is not None and resume.work[0].name == "Org"
    # The role that is its own school is read once and has nothing to read.
    assert resume.education is not None and [e.to_data() for e in resume.education] == [{}]
    assert [n.path for n in report if n.path == ""] == [""]  # only "knows" is named as not read


PAGE = """<!DOCTYPE html>
<html><head><title>Ada</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization", "name": "Site"}</script>
<script type="application/ld+json">
<!--
{"@context": "https://schema.org", "@type": "Person", "name": "Ada &amp; co", "jobTitle": "Engineer",
 "worksFor": {"@type": "Organization", "name": "Example Corp"}}
-->
</script>
<script type="application/ld+json">{ not json </script>
<script>var x = {"@type": "Person", "name": "Not me"};</script>
</head><body><p>Hello</p></body></html>
"""


def test_a_web_page_with_ld_json_blocks_is_read() -> None:
    data = PAGE.encode()
    assert formats.sniff(data) is formats.get("html")
    resume, report = cvconvert.read_with_report(data)
    assert resume.basics is not None and resume.basics.name == "Ada &amp; co"  # script text is not unescaped
    assert resume.work is not None and resume.work[0].name == "Example Corp"
    assert any("block 3" in n.message and "not read" in n.message for n in report.losses)


def test_a_web_page_without_ld_json_says_so() -> None:
    with pytest.raises(InvalidInputError, match="no <script"):
        cvconvert.read(b"<!doctype html><html><body>hi</body></html>", "html")


def test_html_cannot_be_written() -> None:
    with pytest.raises(cvconvert.errors.UnknownFormatError):
        cvconvert.dumps(Resume(), "html")


def test_a_url_is_read_as_an_address_not_as_the_name_of_its_node() -> None:
    doc = {
        "@context": "https://schema.org",
        "@id": "https://ada.example/",
        "@type": "Person",
        "name": "Ada",
        "url": "https://ada.example/",
        "image": {"@type": "ImageObject", "name": "A portrait", "contentUrl": "https://ada.example/ada.jpg"},
        "sameAs": {"@id": "https://ada.example/"},
    }
    resume, _ = read_jsonld(doc)
    assert resume.basics is not None
    assert (resume.basics.url, resume.basics.image) == ("https://ada.example/", "https://ada.example/ada.jpg")
    assert [p.url for p in resume.basics.profiles or ()] == ["https://ada.example/"]


def test_a_foreign_list_of_entries_keeps_its_order() -> None:
    doc = {
        "@context": "https://schema.org",
        "@type": "Person",
        "worksFor": {"@list": [{"@type": "Organization", "name": "Zeta"}, {"@type": "Organization", "name": "Alpha"}]},
    }
    resume, _ = read_jsonld(doc)
    assert [w.name for w in resume.work or ()] == ["Zeta", "Alpha"]


def test_garbage_in_cvconvert_terms_is_not_fatal() -> None:
    doc = {
        "@context": ["https://schema.org", {"cv": namespaces.CV}],
        "@type": "Person",
        "cv:extra": "{not json",
        "cv:resumeExtra": '{"work": 5}',
        "cv:meta": "5",
    }
    resume, report = read_jsonld(doc)
    assert resume.to_data() == {}
    assert {n.path for n in report} >= {"/basics", "/work", "/meta"}


def test_foreign_turtle_reads_too() -> None:
    ttl = b"""@prefix s: <http://schema.org/> .
    <https://ada.example/#me> a s:Person ; s:name "Ada"@en ; s:knowsAbout "RDF", "SPARQL" ;
        s:worksFor [ a s:EmployeeRole ; s:roleName "CTO" ; s:startDate "2019-05-01T00:00:00Z" ;
                     s:worksFor [ a s:Organization ; s:name "Org" ] ] .
    """
    resume, report = cvconvert.read_with_report(ttl)
    data = resume.to_data()
    assert data["basics"] == {"name": "Ada"}
    assert data["work"] == [{"name": "Org", "position": "CTO", "startDate": "2019-05-01"}]
    assert data["skills"] == [{"name": "RDF"}, {"name": "SPARQL"}]
    assert any(n.path == "/work/0/startDate" for n in report)


# --- no network -----------------------------------------------------------------------


@pytest.fixture
def canary() -> Iterator[tuple[str, list[Any]]]:
    """A TCP server on 127.0.0.1 that records every connection made to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.1)
    hits: list[Any] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, addr = server.accept()
            except (TimeoutError, OSError):
                continue
            hits.append(addr)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", hits
    stop.set()
    thread.join(2)
    server.close()


def test_the_canary_server_notices_a_connection(canary: tuple[str, list[Any]]) -> None:
    url, hits = canary
    host, port = url.rsplit("/", 1)[-1].split(":")
    socket.create_connection((host, int(port)), timeout=2).close()
    time.sleep(0.3)
    assert len(hits) == 1


def test_no_remote_context_is_ever_fetched(canary: tuple[str, list[Any]]) -> None:
    url, hits = canary
    person = {"@type": "Person", "name": "Ada"}
    documents = [
        {**person, "@context": f"{url}/context.jsonld"},
        {**person, "@context": ["https://schema.org", f"{url}/context.jsonld"]},
        {**person, "@context": {"@import": f"{url}/context.jsonld"}},
        {**person, "@context": {"@vocab": "http://schema.org/", "knows": {"@id": "knows", "@context": url}}},
        {"@context": "https://schema.org", "@graph": [{**person, "@context": url + "/"}]},
        {**person, "@context": "context.jsonld"},
    ]
    for doc in documents:
        with pytest.raises(InvalidInputError, match="refused"):
            read_jsonld(doc)
    page = f'<html><script type="application/ld+json">{json.dumps(documents[0])}</script></html>'
    with pytest.raises(InvalidInputError, match="refused"):
        cvconvert.read(page.encode(), "html")
    time.sleep(0.3)
    assert hits == []


def test_rdflibs_own_loader_is_locked_too(canary: tuple[str, list[Any]]) -> None:
    from cvconvert.formats._jsonld.syntax import _new_graph, _parse_into

    url, hits = canary
    text = json.dumps({"@context": f"{url}/context.jsonld", "@type": "Person", "name": "A"})
    with pytest.raises(InvalidInputError, match="refused"):
        _parse_into(_new_graph(), text, "json-ld")  # no inlining first: rdflib itself must not fetch
    time.sleep(0.3)
    assert hits == []


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "fmt", "message"),
    [
        (b"", "jsonld", "empty"),
        (b"hello, world", "jsonld", "not valid JSON"),
        (b'{"basics": {"name": "Ada"}}', "jsonld", "not JSON-LD"),
        (b"[1, 2]", "jsonld", "not JSON-LD"),
        (b'{"@context": "https://schema.org", "@type": "Organization"}', "jsonld", "no schema.org Person"),
        (b'{"@context": 5, "@type": "Person"}', "jsonld", "@context"),
        (b"\xff\xfe\x00garbage", "jsonld", "not"),
        (b"@prefix s: <http://schema.org/> . s:x s:y", "turtle", "not valid Turtle"),
        (b"<a> <b> <c>", "ntriples", "not valid N-Triples"),
        (b"<rdf:RDF", "rdfxml", "not well-formed"),
        (b"PK\x03\x04 a zip", "rdfxml", "not well-formed"),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&x;</rdf:RDF>',
            "rdfxml",
            "DTD",
        ),
    ],
)
def test_bad_input_gives_a_one_line_error(data: bytes, fmt: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message) as info:
        cvconvert.read(data, fmt)
    assert "\n" not in str(info.value)


def test_truncated_output_is_refused_cleanly() -> None:
    resume = cvconvert.read(SAMPLES[0])
    for fmt in SYNTAXES:
        data, _ = cvconvert.dumps(resume, fmt)
        try:
            cvconvert.read(data[: len(data) // 2], fmt)
        except InvalidInputError:
            pass  # N-Triples cut at a line end is still valid: a smaller résumé is fine too


def test_a_50_mb_file_is_refused_quickly() -> None:
    filler = "x" * (50 * 2**20)
    data = json.dumps({"@context": "https://schema.org", "@type": "Person", "name": filler}).encode()
    start = time.monotonic()
    for fmt in ("jsonld", "html"):
        with pytest.raises(LimitExceededError):
            cvconvert.read(data, fmt)
    assert time.monotonic() - start < 10


def test_deep_nesting_is_refused() -> None:
    deep = b'{"@context": "https://schema.org", "@type": "Person", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(InvalidInputError):
        cvconvert.read(deep, "jsonld")
    nested = {"@type": "Person"}
    for _ in range(600):
        nested = {"@type": "Thing", "knows": nested}
    with pytest.raises(InvalidInputError):
        read_jsonld({"@context": "https://schema.org", **nested})


# --- registry ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", SYNTAXES)
def test_output_is_sniffed_as_its_own_format(fmt: str) -> None:
    data, _ = cvconvert.dumps(cvconvert.read(SAMPLES[0]), fmt)
    found = formats.sniff(data)
    assert found is not None and found.name == fmt


def test_json_resume_is_not_sniffed_as_jsonld() -> None:
    for path in SAMPLES:
        found = formats.sniff(path.read_bytes())
        assert found is not None and found.name == "json"
    assert formats.sniff(b'{"basics": {"name": "@context"}}').name == "json"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("cv.jsonld", "jsonld"), ("cv.ttl", "turtle"), ("cv.nt", "ntriples"), ("cv.rdf", "rdfxml"), ("cv.htm", "html")],
)
def test_extensions_pick_the_syntax(name: str, fmt: str) -> None:
    found = formats.for_path(name)
    assert found is not None and found.name == fmt


def test_files_round_trip_through_paths(tmp_path: Path) -> None:
    resume = cvconvert.read(SAMPLES[0])
    for ext in (".jsonld", ".ttl", ".nt", ".rdf"):
        target = tmp_path / f"cv{ext}"
        report = cvconvert.write(resume, target)
        assert report.losses == []
        assert cvconvert.read(target).to_data() == resume.to_data()
        with target.open("rb") as handle:
            assert cvconvert.read(handle).to_data() == resume.to_data()


def test_importing_the_format_does_not_import_rdflib() -> None:
    script = (
        "import sys, cvconvert\n"
        "from cvconvert import formats\n"
        'formats.builtin(); formats.sniff(b\'{"@context": "https://schema.org"}\')\n'
        "print(sorted(m for m in ('rdflib', 'lxml', 'pyld') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stderr
