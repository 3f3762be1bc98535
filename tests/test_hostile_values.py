"""Hostile values in a résumé: links with unsafe schemes, NaN and Infinity, bidirectional controls.

One rule each, kept in one place (cvconvert/text.py, cvconvert/_load.py), and every writer or
reader that meets the value follows it.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

import cvconvert
from cvconvert import text
from cvconvert.errors import InvalidInputError
from cvconvert.formats import builtin
from cvconvert.model import Resume

UNSAFE_LINKS = [
    "ftp://files.example/cv.pdf",
    "FTP://files.example/cv.pdf",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd",
    "file://server/share/cv.docx",
    "vbscript:msgbox(1)",
    "https://ok.example/a b",  # a space: no clean target
    "https://ok.example/" + "a" * 3000,  # past the length bound
    "https://ok.example/\u202ephp.exe",  # not ASCII
]


def _resume(url: str, email: str = "ada@example.org") -> Resume:
    return Resume.model_validate(
        {
            "basics": {
                "name": "Ada Example",
                "email": email,
                "url": url,
                "profiles": [{"network": "Site", "url": url}],
            },
            "work": [{"name": "Example Ltd", "url": url, "position": "Engineer"}],
            "projects": [{"name": "Thing", "url": url}],
        }
    )


def _docx_targets(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        rels = package.read("word/_rels/document.xml.rels").decode()
    return [t for t, mode in re.findall(r'Target="([^"]*)"(?:\s+TargetMode="([^"]*)")?', rels) if mode == "External"]


def _xlsx_targets(data: bytes) -> list[str]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    return [
        cell.hyperlink.target
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.hyperlink is not None and cell.hyperlink.target
    ]


TARGETS = {"docx": _docx_targets, "xlsx": _xlsx_targets}


@pytest.mark.parametrize("fmt", sorted(TARGETS))
@pytest.mark.parametrize("url", UNSAFE_LINKS)
def test_only_http_https_and_mailto_become_hyperlinks(fmt: str, url: str) -> None:
    data, _ = cvconvert.dumps(_resume(url), fmt)
    targets = TARGETS[fmt](data)
    assert targets == ["mailto:ada@example.org"], targets


@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_docx_and_xlsx_link_the_same_values(fmt: str) -> None:
    data, _ = cvconvert.dumps(_resume("https://ada.example/cv"), fmt)
    targets = TARGETS[fmt](data)
    assert "mailto:ada@example.org" in targets
    assert "https://ada.example/cv" in targets
    assert all(t.startswith(("http://", "https://", "mailto:")) for t in targets)


@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_an_email_that_is_no_address_is_no_mailto_link(fmt: str) -> None:
    data, _ = cvconvert.dumps(_resume("https://ada.example/", email="javascript:alert(1)@x"), fmt)
    assert not any(t.startswith("mailto:") for t in TARGETS[fmt](data))


@pytest.mark.parametrize(
    ("value", "kind", "target"),
    [
        ("https://ok.example/p?q=1#f", "url", "https://ok.example/p?q=1#f"),
        ("HTTP://OK.EXAMPLE/", "url", "HTTP://OK.EXAMPLE/"),
        ("mailto:ada@example.org", "url", "mailto:ada@example.org"),
        ("www.example.org", "url", "https://www.example.org"),
        ("ada@example.org", "url", "mailto:ada@example.org"),
        ("ada@example.org", "email", "mailto:ada@example.org"),
        ("mailto:ada@example.org", "email", "mailto:ada@example.org"),
        ("https://ok.example/", "email", None),
        ("ada at example", "email", None),
        ('https://ok.example/"onclick', "url", None),
        ("https://ok.example/<x>", "url", None),
        *((url, "url", None) for url in UNSAFE_LINKS),
    ],
)
def test_link_target_is_the_one_rule(value: str, kind: str, target: str | None) -> None:
    assert text.link_target(value, kind) == target  # type: ignore[arg-type]  # kind from the table


def test_the_characters_xml_cannot_hold_are_one_rule() -> None:
    from cvconvert.formats._docx import layout
    from cvconvert.formats._xlsx import cells

    bad = "\x00\x01\x08\x0b\x0c\x0e\x1f\ud800\udfff\ufffe\uffff"
    assert all(not text.fits_xml(c) for c in bad)
    assert all(text.fits_xml(c) for c in "\t\n\r a\u00e9\u4e2d\U0001f600")
    assert text.xml_safe(f"a{bad}b") == "ab"
    # Each writer adds its own extras on top: Word drops CR, the workbook escapes CR and ESC.
    assert layout.clean(f"a{bad}\rb") == "ab"
    assert cells.unescape(cells.escape(f"a{bad}\r{cells.ESC}b")) == f"a{bad}\r{cells.ESC}b"
    assert not any(c in cells.escape(f"{bad}\r") for c in f"{bad}\r")


# --- NaN and Infinity ------------------------------------------------------------------------

NON_FINITE = b'{"basics": {"name": NaN, "x-score": Infinity}, "x-list": [1, -Infinity], "meta": {"n": NaN}}'


@pytest.mark.parametrize("data", [NON_FINITE, NON_FINITE.replace(b"]}", b",]}")], ids=["json", "json5"])
def test_nan_and_infinity_become_null_with_a_note_in_tolerant_mode(data: bytes) -> None:
    resume, report = cvconvert.read_with_report(data, "json")
    assert resume.to_data() == {
        "basics": {"name": None, "x-score": None},
        "x-list": [1, None],
        "meta": {"n": None},
    }
    notes = {(n.path, n.message) for n in report.warnings}
    assert ("/basics/name", "NaN is not JSON; written as null") in notes
    assert ("/basics/x-score", "Infinity is not JSON; written as null") in notes
    assert ("/x-list/1", "-Infinity is not JSON; written as null") in notes
    assert ("/meta/n", "NaN is not JSON; written as null") in notes
    # Every writer can write it now: JSON has no NaN.
    assert b"NaN" not in cvconvert.dumps(resume, "json")[0]


def test_nan_is_refused_in_strict_mode_naming_its_pointer() -> None:
    with pytest.raises(InvalidInputError, match=r"/meta/n: NaN is not JSON"):
        cvconvert.read(b'{"basics": {"name": "A"}, "meta": {"n": NaN}}', "json", strict=True)


# --- bidirectional controls ------------------------------------------------------------------

RLO_NAME = "Ada \u202eexe.pdf"


def test_docx_metadata_holds_no_name_to_spoof_and_the_page_keeps_the_persons_text() -> None:
    # A right-to-left override in a name shows "Ada \u202eexe.pdf" as "Ada fdp.exe" in a file list;
    # the document's properties hold no copy of the name or label at all.
    resume = Resume.model_validate({"basics": {"name": RLO_NAME, "label": "Engineer\u2066x\u2069"}})
    data, _ = cvconvert.dumps(resume, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        core = package.read("docProps/core.xml").decode()
        document = package.read("word/document.xml").decode()
    assert not text.BIDI_CONTROLS.search(core)
    assert "Ada" not in core and "Engineer" not in core
    assert RLO_NAME in document  # the person's text, as written
    assert cvconvert.read(data, "docx").basics.name == RLO_NAME  # type: ignore[union-attr]


def test_a_name_without_bidi_controls_gets_no_note() -> None:
    _, report = cvconvert.dumps(Resume.model_validate({"basics": {"name": "أحمد Example"}}), "docx")
    assert not any(n.path == "/basics/name" for n in report)


# --- lone surrogates ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(n for n, f in builtin().items() if f.write is not None))
def test_every_writer_takes_lone_surrogates(fmt: str) -> None:
    # Regression: JSON's "\ud800" is read as it is, and the YAML and RenderCV writers ended in an
    # internal error (libyaml cannot encode it). Each writer writes, noting what changed.
    resume = cvconvert.read(b'{"basics": {"name": "a\\ud800b", "x-k": "v\\udc00"}, "work": [{"name": "N\\ud83d"}]}')
    data, report = cvconvert.dumps(resume, fmt)
    assert data
    if fmt in ("yaml", "rendercv"):
        assert "/basics/name" in {n.path for n in report.warnings}
        back = cvconvert.read(data, fmt)
        assert back.basics is not None and back.basics.name == "a\ufffdb"
