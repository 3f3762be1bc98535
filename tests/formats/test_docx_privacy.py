"""DOCX: a value deleted on the page is gone from the file (issue 15 item 9), and embed=false."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

import docx
import pytest

import cvconvert
from cvconvert.model import Resume
from tests.conftest import sample_files
from tests.formats.test_docx_visible import leaves
from tests.helpers import zip_of

PHONE = "+44 20 7946 0123"
STREET = "221 Example Street"
RESUME = Resume.model_validate(
    {
        "basics": {
            "name": "Ada Example",
            "label": "Data analyst",
            "email": "ada@example.org",
            "phone": PHONE,
            "location": {"address": STREET, "postalCode": "NW1 6XE", "city": "London", "countryCode": "GB"},
            "x-crm": "A17",
        },
        "work": [{"name": "Northwind Ltd", "position": "Analyst", "startDate": "2020-03-15", "employer": "Contoso"}],
    }
)


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def spellings(value: str) -> list[bytes]:
    """The ways a value can sit in a package's bytes: UTF-8, XML-escaped, JSON-escaped."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;")
    return [value.encode(), escaped.encode(), json.dumps(value).strip('"').encode()]


def delete_phone_and_address(data: bytes) -> bytes:
    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        styles = {r.style.name for r in paragraph.runs if r.style is not None}
        if "CV Address" in styles:
            paragraph._p.getparent().remove(paragraph._p)  # the whole address line
            continue
        for run in paragraph.runs:
            if run.style is not None and run.style.name == "CV Phone":
                run._r.getparent().remove(run._r)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_phone_and_address_deleted_on_the_page_are_nowhere_in_the_file() -> None:
    data, _ = cvconvert.dumps(RESUME, "docx")
    assert any(PHONE.encode() in part for part in members(data).values())
    edited = delete_phone_and_address(data)
    for name, part in members(edited).items():  # every member: the page, our data part, docProps, rels
        for value in (PHONE, STREET, "NW1 6XE", "London"):
            for spelling in spellings(value):
                assert spelling not in part, f"{value!r} left in {name}"
    back = cvconvert.read(edited, "docx").to_data()
    assert "phone" not in back["basics"]
    assert "location" not in back["basics"] or not back["basics"]["location"]
    assert back["basics"]["email"] == "ada@example.org"
    assert back["basics"]["x-crm"] == "A17"
    assert back["work"] == RESUME.to_data()["work"]


EDITED = Resume.model_validate(
    {
        "basics": {
            "name": "Ada Example",
            "label": "Data analyst",
            "email": "ada@example.org",
            "url": "https://ada.example.net",
            "phone": PHONE,
        },
        "work": [
            {
                "name": "Northwind Ltd",
                "position": "Analyst",
                "startDate": "2020-03-15",
                "endDate": "2021-04",
                "highlights": ["Cut costs by 9%", "Ran the Zeta audit"],
            }
        ],
    }
)
DATE_STYLES = frozenset({"CV Start Date", "CV End Date"})


def delete_on_page(
    data: bytes, *, styles: frozenset[str] = frozenset(), paragraphs: frozenset[str] = frozenset(), links: bool = False
) -> bytes:
    """As a person does in Word: the runs of these character styles, the paragraphs of these
    paragraph styles and (``links``) every hyperlink go, with the hyperlinks' relationships (Word
    drops a relationship nothing uses when it saves)."""
    from docx.text.hyperlink import Hyperlink

    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name in paragraphs:
            paragraph._p.getparent().remove(paragraph._p)
            continue
        for item in paragraph.iter_inner_content():
            if isinstance(item, Hyperlink):
                if links:
                    item._hyperlink.getparent().remove(item._hyperlink)
                    document.part.drop_rel(item._hyperlink.rId)
            elif item.style is not None and item.style.name in styles:
                item._r.getparent().remove(item._r)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_name_dates_links_and_highlights_deleted_on_the_page_are_nowhere_in_the_file() -> None:
    data, _ = cvconvert.dumps(EDITED, "docx")
    edited = delete_on_page(data, styles=DATE_STYLES, paragraphs=frozenset({"Title", "List Bullet"}), links=True)
    gone = [
        "Ada Example",
        "ada@example.org",
        "ada.example.net",
        "2020-03-15",
        "2020\u201103\u201115",
        "Apr 2021",
        "Apr\u00a02021",
        "2021-04",
        "Cut costs by 9%",
        "Ran the Zeta audit",
    ]
    parts = members(edited)
    for name, part in parts.items():
        for value in gone:
            for spelling in spellings(value):
                assert spelling not in part, f"{value!r} left in {name}"
    # The running header names the person by a field to the name's style, not by a copy.
    assert b"STYLEREF Title" in parts["word/header1.xml"]
    back = cvconvert.read(edited, "docx").to_data()
    assert "name" not in back["basics"] and "email" not in back["basics"] and "url" not in back["basics"]
    assert back["basics"]["phone"] == PHONE
    assert not {"startDate", "endDate"} & set(back["work"][0]) and not back["work"][0].get("highlights")
    assert cvconvert.read(data, "docx").to_data() == EDITED.to_data()  # untouched: all of it back


def _dates_1950_to_2030() -> list[str]:
    months = [f"{y}-{m:02d}" for y in range(1950, 2031) for m in range(1, 13)]
    return [*map(str, range(1950, 2031)), *months, *(f"{ym}-{d:02d}" for ym in months for d in range(1, 32))]


@pytest.mark.parametrize("lang", ["en", "de", "fr", "ja", "hu", "ru"])
def test_no_check_in_the_data_part_finds_a_date_deleted_on_the_page(lang: str) -> None:
    """A month and year have about a thousand candidates: a check of the shown text kept for a
    date would give the deleted date back by trying them all (with a kept day: exactly)."""
    from cvconvert.formats._docx import i18n
    from cvconvert.formats._docx.layout import check, display

    data, _ = cvconvert.dumps(EDITED, "docx", lang=lang)
    edited = delete_on_page(data, styles=DATE_STYLES)
    _, mapping = data_part(edited)
    language = i18n.language(lang)
    shown = {display("date", d, language) for d in _dates_1950_to_2030()}
    checks = {check(text) for form in shown for text in (form, i18n.nobreak(form))}
    for where, fix in mapping["fixes"].items():
        if where.startswith("/work/0/"):
            assert not (isinstance(fix, dict) and fix.get("h") in checks), f"{where}: {fix}"
            assert "tail" not in fix, where
    back = cvconvert.read(edited, "docx").to_data()
    assert not {"startDate", "endDate"} & set(back["work"][0])


def data_part(data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    part = next(v for k, v in members(data).items() if re.fullmatch(r"customXml/item\d+\.xml", k))
    resume = re.search(rb"<cv:resume>(.*?)</cv:resume>", part, re.S)
    mapping = re.search(rb"<cv:page>(.*?)</cv:page>", part, re.S)
    assert resume is not None and mapping is not None
    unescape = lambda raw: raw.decode().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")  # noqa: E731
    return json.loads(unescape(resume[1])), json.loads(unescape(mapping[1]))


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_the_data_part_holds_only_what_the_page_does_not_show(path: Any) -> None:
    data, report = cvconvert.dumps(cvconvert.read(path), "docx")
    rest, mapping = data_part(data)
    placeholders = {where for leaves_ in mapping["generic"] for where, _ in leaves_}
    hidden = [n.path for n in report.hidden]
    for where, value in leaves(rest):
        if value in (None, "") or where in placeholders:
            continue
        assert any(where == p or where.startswith(p + "/") for p in hidden), where
    # A fix holds the shown text's check and what the page cannot say, never the shown text.
    for where, fix in mapping["fixes"].items():
        assert set(fix) <= {"h", "tail", "ins", "raw", "n", "v"}
        assert "v" not in fix or where in hidden


def test_embed_false_writes_no_data_part_and_reads_back_by_extraction() -> None:
    data, report = cvconvert.dumps(RESUME, "docx", embed=False)
    parts = members(data)
    assert not [name for name in parts if name.startswith("customXml/")]
    assert b"customXml" not in parts["word/_rels/document.xml.rels"]
    assert b"customXml" not in parts["[Content_Types].xml"]
    assert b"urn:cvconvert" not in b"".join(parts.values())
    # What the data part would have held is lost: the x- field (a date's day is on the page).
    assert sorted(n.path for n in report.losses) == ["/basics/x-crm"]
    assert not report.hidden
    back = cvconvert.read(data, "docx").to_data()
    assert back["basics"]["name"] == "Ada Example"
    assert "x-crm" not in back["basics"]


def test_embed_false_from_the_command_line(tmp_path: Any) -> None:
    from cvconvert import cli

    source = tmp_path / "cv.json"
    source.write_text(json.dumps(RESUME.to_data()), encoding="utf-8")
    target = tmp_path / "cv.docx"
    assert cli.run([str(source), str(target), "-O", "embed=false"]) == 0
    assert not [n for n in members(target.read_bytes()) if n.startswith("customXml/")]


@pytest.mark.parametrize(
    "mapping",
    [
        '{"generic": [[["/x/99/~2", "n"], 5, ["/basics", "s"], ["", "b"], ["/work/0/99", "n"]], "bad", []],'
        ' "fixes": {"/basics/name": {"h": "zzzz", "ins": [[-5, 3]]}, "/work/0/name": {"n": [1e9, -1]},'
        ' "/work/0/position": {"h": 5, "tail": 7}}, "profiles": [99, "a", -1]}',
        '{"generic": [], "fixes": {"/basics/email": "not a fix"}}',
        "{}",
    ],
)
def test_a_damaged_page_map_reads_without_a_traceback(mapping: str) -> None:
    data, _ = cvconvert.dumps(RESUME, "docx")
    parts = members(data)
    part = next(k for k in parts if re.fullmatch(r"customXml/item\d+\.xml", k))
    parts[part] = re.sub(rb"<cv:page>.*?</cv:page>", b"<cv:page>" + mapping.encode() + b"</cv:page>", parts[part])
    back, _ = cvconvert.read_with_report(zip_of(parts), "docx")
    assert back.basics is not None and back.basics.name == "Ada Example"


@pytest.mark.parametrize("mapping", ['{"generic": "x"}', '{"fixes": []}', '{"profiles": {}}', "[1]", "{"])
def test_a_page_map_of_the_wrong_shape_is_a_damaged_data_part(mapping: str) -> None:
    from cvconvert.errors import InvalidInputError

    data, _ = cvconvert.dumps(RESUME, "docx")
    parts = members(data)
    part = next(k for k in parts if re.fullmatch(r"customXml/item\d+\.xml", k))
    parts[part] = re.sub(rb"<cv:page>.*?</cv:page>", b"<cv:page>" + mapping.encode() + b"</cv:page>", parts[part])
    with pytest.raises(InvalidInputError, match="damaged cvconvert data part"):
        cvconvert.read(zip_of(parts), "docx")


@pytest.mark.parametrize("where", [b"<cv:resume>{", b"<cv:page>{"])
@pytest.mark.parametrize("bad", [b"NaN", b"-Infinity", b"1e999"])
def test_a_data_part_with_a_number_json_cannot_hold_is_refused(where: bytes, bad: bytes) -> None:
    from cvconvert.errors import InvalidInputError

    data, _ = cvconvert.dumps(RESUME, "docx")
    parts = members(data)
    part = next(k for k in parts if re.fullmatch(r"customXml/item\d+\.xml", k))
    assert where in parts[part]
    parts[part] = parts[part].replace(where, where + b'"x-bad":' + bad + b",")
    with pytest.raises(InvalidInputError, match="damaged cvconvert data part"):
        cvconvert.read(zip_of(parts), "docx")


@pytest.mark.parametrize("lang", ["en", "fr", "hu"])
@pytest.mark.parametrize("value", ["Summer 2019", "2020-03-15T12:00", "2020-W11", "15.03.2020"])
def test_a_date_the_page_spells_otherwise_has_a_fix_without_a_check(value: str, lang: str) -> None:
    """Dates the schema's pattern does not take (the model refuses them; a plug-in or a model built
    without validation can hand them over): the fix holds no check of the page's text."""
    from cvconvert.formats._docx import i18n
    from cvconvert.formats._docx.layout import apply_fix, display, make_fix

    language = i18n.language(lang)
    shown = i18n.nobreak(display("date", value, language))
    fix = make_fix("date", value, shown, language)
    assert fix is not None and "h" not in fix
    assert apply_fix(fix, "date", shown, language) == (True, value)
    # Typed over, the page's date is read: the old fix does not have the new text's shape.
    edited = i18n.nobreak(language.date("2021-05"))
    assert apply_fix(fix, "date", edited, language) == (False, None)


@pytest.mark.parametrize(
    "fix",
    [{"sub": [[99, " "]]}, {"sub": [[0, " "]]}, {"tail": "T12:00"}, {"n": [1, 1]}, {"ins": [[99, "\u0007"]]}, {"v": 1}],
)
def test_a_fix_without_a_check_applies_only_to_text_of_its_shape(fix: dict[str, object]) -> None:
    from cvconvert.formats._docx import i18n
    from cvconvert.formats._docx.layout import apply_fix

    assert apply_fix(fix, "date", "Mar\u00a02020", i18n.language("en")) == (False, None)
