"""What the DOCX reader does not read from an edited page of ours is a loss, not a warning (issue 15)."""

from __future__ import annotations

import io

import docx

import cvconvert
from cvconvert.api import dumps
from cvconvert.model import Resume

RESUME = Resume.model_validate(
    {"basics": {"name": "Ada Lovelace"}, "work": [{"name": "Engines Ltd", "position": "Analyst", "startDate": "2020"}]}
)


def _edited(edit: object) -> bytes:
    data, _ = dumps(RESUME, "docx")
    document = docx.Document(io.BytesIO(data))
    edit(document)  # type: ignore[operator]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_section_the_reader_has_no_home_for_is_a_loss() -> None:
    def add_section(document: docx.document.Document) -> None:
        heading = next(p for p in document.paragraphs if p.text.strip().lower() in ("experience", "work experience"))
        new = document.add_paragraph("Chess tournaments", style=heading.style)
        document.add_paragraph("Regional champion, twice", style=document.paragraphs[-2].style)
        assert new.text

    resume, report = cvconvert.read_with_report(io.BytesIO(_edited(add_section)), "docx")
    assert resume.work and resume.work[0].name == "Engines Ltd"
    assert any("names no résumé section" in n.message for n in report.losses)
    assert not any("names no résumé section" in n.message for n in report.warnings)
