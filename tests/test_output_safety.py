"""No writer emits a formula, a macro, an external reference or a remote template reference,
whatever the résumé's text says."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

import cvconvert
from cvconvert._load import field_kinds
from cvconvert.model import Node, Resume

EVIL = [
    '=HYPERLINK("http://evil.example/x","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
    'DDE("cmd";"/C calc";"!A0")',
    '{ INCLUDETEXT "file:///etc/passwd" }',
    '<w:instrText>HYPERLINK "file:///etc/passwd"</w:instrText>',
    ']]><!DOCTYPE x [<!ENTITY s SYSTEM "file:///etc/passwd">]>',
]
EVIL_URLS = [
    "javascript:alert(1)",
    "file:///etc/passwd",
    "\\\\evil.example\\share\\template.dotx",
    "http://evil.example/template.dotx",
    "vbscript:msgbox(1)",
    "https://ok.example/profile",
]


def _fill(model: type[Node], i: int) -> dict[str, object]:
    """Every field of ``model`` filled with hostile text (URLs where the model wants a URL)."""
    data: dict[str, object] = {}
    for key, kind in field_kinds(model).items():
        text = EVIL_URLS[i % len(EVIL_URLS)] if key in ("url", "image", "canonical") else EVIL[i % len(EVIL)]
        i += 1
        if key == "$schema":
            data[key] = "http://evil.example/schema.json"
        elif kind == "text":
            data[key] = text
        elif kind == "date":
            data[key] = "2020-01"
        elif kind == "texts":
            data[key] = EVIL[:4]
        elif kind[0] == "one":
            data[key] = _fill(kind[1], i)
        else:
            data[key] = [_fill(kind[1], i + j) for j in range(2)]
    data["x-evil"] = EVIL[0]
    return data


HOSTILE = Resume.model_validate(_fill(Resume, 0))
WRITERS = sorted(name for name, fmt in cvconvert.available_formats().items() if fmt.write is not None)
SAFE_SCHEMES = ("http://", "https://", "mailto:")


@pytest.fixture(scope="module", params=WRITERS)
def written(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    return request.param, cvconvert.dumps(HOSTILE, request.param)[0]


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def test_no_macro_or_external_part_in_a_package(written: tuple[str, bytes]) -> None:
    _, data = written
    if not data.startswith(b"PK"):
        pytest.skip("not a zip package")
    members = _members(data)
    names = " ".join(members).lower()
    assert "vba" not in names and "externallink" not in names and "activex" not in names
    for name, body in members.items():
        if name.endswith(".rels"):
            for target, mode in re.findall(rb'Target="([^"]*)"(?:\s+TargetMode="([^"]*)")?', body):
                if mode == b"External":
                    assert target.decode().lower().startswith(SAFE_SCHEMES), (name, target)
        if name.endswith(".xml"):
            assert b"<!DOCTYPE" not in body, name
            assert b"attachedTemplate" not in body, name
            assert not re.search(rb"<w:instrText[^>]*>\s*(INCLUDE|DDE|LINK|IMPORT)", body), name
            assert b"<w:fldSimple" not in body or b"INCLUDE" not in body, name


def test_no_formula_cell_in_a_workbook(written: tuple[str, bytes]) -> None:
    fmt, data = written
    if fmt != "xlsx":
        pytest.skip("not a workbook")
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                link = cell.hyperlink.target if cell.hyperlink else None
                if link:
                    assert link.lower().startswith(SAFE_SCHEMES), (sheet.title, cell.coordinate, link)
    for name, body in _members(data).items():
        assert b"<f>" not in body and b"<f " not in body, name


def test_no_remote_reference_in_markup(written: tuple[str, bytes]) -> None:
    fmt, data = written
    if not data.lstrip().startswith(b"<"):
        pytest.skip("not XML")
    from cvconvert._input import parse_xml

    root = parse_xml(data)  # refuses a DOCTYPE: no entity or external DTD can be declared
    assert root.getroottree().docinfo.doctype == ""
    for element in root.iter():
        assert not isinstance(element.tag, str) or "XInclude" not in element.tag, fmt
    assert b"<?xml-stylesheet" not in data[:2000]


def test_jsonld_names_no_remote_context_but_schema_org(written: tuple[str, bytes]) -> None:
    fmt, data = written
    if fmt != "jsonld":
        pytest.skip("not JSON-LD")
    import json

    context = json.loads(data).get("@context")
    for item in context if isinstance(context, list) else [context]:
        assert not isinstance(item, str) or re.fullmatch(r"https?://schema\.org/?", item), item


def test_hostile_text_round_trips_through_json(written: tuple[str, bytes]) -> None:
    fmt, _ = written
    if fmt != "json":
        pytest.skip("checked once")
    out, _ = cvconvert.dumps(HOSTILE, "json")
    assert cvconvert.read(out, "json") == HOSTILE
