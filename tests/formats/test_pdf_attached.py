"""A PDF's attachments are read with one pypdf parse: our JSON, else a Europass XML, else none
(a file of someone else's: the text layer is the CV)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest

from cvconvert import api, formats
from tests.pdf_samples import Page, Run, build

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("pypdfium2")

PAGE = Page(
    runs=[
        Run("Ada Example", 72, 72, size=18),
        Run("ada@example.org", 72, 100),
        Run("Experience", 72, 140, size=13, font="Helvetica-Bold"),
        Run("Engineer, Northwind Ltd, 2019 - 2023", 72, 160),
    ]
)


def _attaching(files: dict[str, bytes], *, subtype: str | None = None) -> bytes:
    """The page with ``files`` attached (pypdf's writer; ``subtype`` as the files' media type)."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(build([PAGE]))))
    for name, data in files.items():
        attachment = writer.add_attachment(name, data)
        if subtype is not None:
            attachment.subtype = pypdf.generic.NameObject(subtype)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times pypdf parses a file: the real reader, counted."""
    seen: list[int] = []
    real = pypdf.PdfReader.__init__

    def counted(self: object, *args: object, **kwargs: object) -> None:
        seen.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(pypdf.PdfReader, "__init__", counted)
    yield seen


def _read(data: bytes) -> tuple[object, list[str]]:
    resume, report = api.read_loaded(data, formats.get("pdf"), "cv.pdf")
    return resume, [n.message for n in report]


def test_a_pdf_with_a_foreign_attachment_is_parsed_once_for_it(parses: list[int]) -> None:
    # Regression: pypdf parsed such a file twice, once looking for our JSON, once for Europass XML.
    data = _attaching({"notes.xml": b"<notes>not a CV</notes>", "photo.txt": b"hello"})
    parses.clear()  # the writer above parsed the page it attached to
    resume, _ = _read(data)
    assert resume.basics is not None and resume.basics.name == "Ada Example"  # type: ignore[attr-defined]
    assert len(parses) == 1


def test_our_attached_json_is_read_from_the_same_parse(parses: list[int]) -> None:
    cv = {"basics": {"name": "Ada Example", "label": "Engineer"}, "work": [{"name": "Northwind Ltd"}]}
    data = _attaching({"cvconvert-resume.json": json.dumps(cv).encode()}, subtype="/application/json")
    parses.clear()
    resume, _ = _read(data)
    assert resume.basics is not None and resume.basics.label == "Engineer"  # type: ignore[attr-defined]
    assert len(parses) == 1


def test_an_attached_europass_xml_is_read_after_a_json_that_is_no_resume() -> None:
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="en"><LearnerInfo>'
        b"<Identification><PersonName><FirstName>Ada</FirstName><Surname>Example</Surname></PersonName>"
        b"</Identification></LearnerInfo></SkillsPassport>"
    )
    data = _attaching({"cvconvert-resume.json": b"[1, 2", "attachment.xml": xml}, subtype="/application/json")
    resume, _ = _read(data)
    assert resume.basics is not None and resume.basics.name == "Ada Example"  # type: ignore[attr-defined]
