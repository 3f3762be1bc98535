"""The hub's formats told apart (issue 17): a matrix of hand-written files of every format, each read
without its format's name (by a neutral file name, or by content alone) exactly as its own reader
reads it, and never taken by another format's reader. A wrong guess is a failing cell.

The files are written by hand from each format's public schema, with invented data.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml

import cvconvert
from cvconvert import formats
from cvconvert.api import dumps
from cvconvert.model import Resume
from tests.formats.test_europass_v2 import V2
from tests.formats.test_reactive import V4, V5
from tests.helpers import zip_of

JSON_RESUME = {
    "basics": {"name": "Ada Example", "label": "Clerk"},
    "work": [{"name": "Northwind Ltd", "position": "Clerk", "startDate": "2020-03"}],
    "skills": [{"name": "Ledgers"}],
}
FRESH = {
    "name": "Ada Example",
    "meta": {"format": "FRESH@1.0.0"},
    "info": {"label": "Clerk"},
    "employment": {"history": [{"employer": "Northwind Ltd", "position": "Clerk", "start": "2020-03"}]},
    "skills": {"sets": [{"name": "Office", "skills": ["Ledgers"]}]},
}
FRESH_WITHOUT_META = {k: v for k, v in FRESH.items() if k != "meta"}
RENDERCV = """\
cv:
  name: Ada Example
  sections:
    experience:
      - company: Northwind Ltd
        position: Clerk
        start_date: 2020-03
        end_date: present
design:
  theme: classic
locale:
  language: en
"""
RENDERCV_CV_ONLY = (
    "cv:\n  name: Ada Example\n  sections:\n    skills:\n      - label: Office\n        details: Ledgers\n"
)
LINKEDIN = zip_of(
    {
        "Basic_LinkedInDataExport/Profile.csv": b"First Name,Last Name,Headline\nAda,Example,Clerk\n",
        "Basic_LinkedInDataExport/Positions.csv": b"Company Name,Title,Started On\nNorthwind Ltd,Clerk,Mar 2020\n",
        "Basic_LinkedInDataExport/Connections.csv": b"First Name,Last Name\nGrace,Sample\n",
    }
)
JSON_LD = {"@context": "https://schema.org", "@type": "Person", "name": "Ada Example", "jobTitle": "Clerk"}


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def _yaml(value: object) -> bytes:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode()


# (the format whose reader is right, the file's bytes, the neutral names it may arrive under)
CELLS: list[tuple[str, bytes, tuple[str, ...]]] = [
    ("json", _json(JSON_RESUME), ("cv.json", "cv")),
    ("yaml", _yaml(JSON_RESUME), ("cv.yaml", "cv.yml", "cv")),
    ("fresh", _json(FRESH), ("cv.json", "cv.fresh.json", "cv")),
    ("fresh", _json(FRESH_WITHOUT_META), ("cv.json", "cv")),
    ("yaml", _yaml(FRESH), ("cv.yaml", "cv")),  # FRESH in YAML: the YAML reader tells it by its keys
    ("reactive-resume", _json(V4), ("cv.json", "cv.rr.json", "cv")),
    ("reactive-resume", _json(V5), ("cv.json", "cv.reactive.json", "cv")),
    ("rendercv", RENDERCV.encode(), ("cv.yaml", "cv.yml", "cv.rendercv.yaml", "cv")),
    ("rendercv", RENDERCV_CV_ONLY.encode(), ("cv.yaml", "cv")),
    ("linkedin", LINKEDIN, ("Basic_LinkedInDataExport.zip", "export")),
    ("europass-v2", V2.encode(), ("cv.xml", "cv")),
    ("jsonld", _json(JSON_LD), ("cv.jsonld", "cv")),
]
_IDS = [f"{fmt}-{i}" for i, (fmt, _, _) in enumerate(CELLS)]


@pytest.mark.parametrize(("fmt", "data", "names"), CELLS, ids=_IDS)
def test_every_format_is_read_by_its_own_reader_whatever_its_name(
    tmp_path: Path, fmt: str, data: bytes, names: tuple[str, ...]
) -> None:
    expected = cvconvert.read(io.BytesIO(data), fmt).to_data()
    assert expected.get("basics", {}).get("name") in ("Ada Example", "Ada Byron"), expected
    for name in names:
        source = tmp_path / name
        source.write_bytes(data)
        assert cvconvert.read(source).to_data() == expected, name
    # By content alone, with no name at all.
    assert cvconvert.read(io.BytesIO(data)).to_data() == expected


# The format sniffing picks for the bytes alone (the JSON and YAML readers then tell the dialects
# that share their syntax apart by their keys, as above).
SNIFFED = {"json": "json", "yaml": "yaml", "fresh": "json", "reactive-resume": "json", "rendercv": "yaml"}


@pytest.mark.parametrize(("fmt", "data", "names"), CELLS, ids=_IDS)
def test_sniffing_names_the_format_or_the_syntax_its_dialect_is_told_in(
    fmt: str, data: bytes, names: tuple[str, ...]
) -> None:
    sniffed = formats.sniff(data)
    assert sniffed is not None and sniffed.name == SNIFFED.get(fmt, fmt)


def test_no_two_formats_sniff_the_same_hand_written_file() -> None:
    # The table's order settles overlaps; this says which formats overlap at all, so a new
    # sniffer that claims another format's bytes shows up here.
    claims = {
        i: sorted(f.name for f in formats.all_formats().values() if f.sniff is not None and f.sniff(data))
        for i, (_, data, _) in enumerate(CELLS)
    }
    overlapping = {i: names for i, names in claims.items() if len(names) > 1}
    # JSON-LD is JSON and YAML takes most text: those two overlaps are by design, settled by order.
    allowed = [["json", "jsonld"], ["json", "yaml"], ["jsonld", "yaml"], ["json", "jsonld", "yaml"]]
    assert all(names in allowed for names in overlapping.values()), overlapping


RESUME = Resume.model_validate(JSON_RESUME)


@pytest.mark.parametrize("fmt", ["json", "yaml", "fresh", "reactive-resume", "rendercv"])
def test_what_each_writer_writes_is_read_back_by_its_reader_without_its_name(fmt: str) -> None:
    written, _ = dumps(RESUME, fmt)
    assert cvconvert.read(io.BytesIO(written)).to_data() == cvconvert.read(io.BytesIO(written), fmt).to_data()


@pytest.mark.parametrize(
    "data",
    [
        # JSON Resume documents with keys of the dialects' names, of other shapes: still JSON Resume.
        {**JSON_RESUME, "meta": {"format": "my-own", "version": "1"}},
        {**JSON_RESUME, "cv": {"sections": {"a": []}}},
        {**JSON_RESUME, "employment": {"history": []}},
        # Reactive Resume's key names without its shape (no items list): a JSON Resume's extras.
        {**JSON_RESUME, "sections": {"experience": {}}, "metadata": {}},
        {**JSON_RESUME, "x-design": {"theme": "classic"}},
    ],
    ids=["meta-format", "cv", "employment", "rr-keys", "design"],
)
@pytest.mark.parametrize("syntax", ["json", "yaml"])
def test_a_json_resume_with_a_dialect_s_keys_is_still_json_resume(data: dict[str, object], syntax: str) -> None:
    raw = _json(data) if syntax == "json" else _yaml(data)
    resume = cvconvert.read(io.BytesIO(raw))
    assert resume.work and resume.work[0].name == "Northwind Ltd"


def test_a_rendercv_file_of_contact_fields_alone_is_read_as_rendercv() -> None:
    # RenderCV requires neither cv.sections nor design/locale: a cv: of contact fields is its.
    resume = cvconvert.read(io.BytesIO(b"cv:\n  name: Ada Example\n  email: ada@example.org\n"))
    assert resume.basics is not None and resume.basics.name == "Ada Example"
    assert str(resume.basics.email) == "ada@example.org"


def test_a_json_resume_section_beside_a_contact_cv_keeps_the_file_json_resume() -> None:
    resume = cvconvert.read(io.BytesIO(b'{"cv": {"name": "x"}, "work": [{"name": "Northwind Ltd"}]}'))
    assert resume.work and resume.work[0].name == "Northwind Ltd"


def test_a_reactive_resume_v3_export_is_still_told_by_its_sections_items() -> None:
    v3 = {"basics": {"name": "Ada Example"}, "sections": {"work": {"type": "work", "items": []}}, "metadata": {}}
    with pytest.raises(cvconvert.errors.InvalidInputError, match="v3"):
        cvconvert.read(io.BytesIO(_json(v3)))
