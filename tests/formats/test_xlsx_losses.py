"""Workbooks: what is not read is a loss, and applicant sheets with the name in two columns read (issue 15)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

import cvconvert
from cvconvert.api import dumps
from cvconvert.errors import LossError
from cvconvert.model import Resume


def _book(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("header", [["firstName", "lastName", "email"], ["First name", "Surname", "Phone"]])
def test_an_applicant_sheet_with_the_name_in_two_columns_reads(header: list[str]) -> None:
    data = _book([header, ["Ada", "Lovelace", "ada@example.org"], ["Charles", "Babbage", "cb@example.org"]])
    people = cvconvert.read_many(io.BytesIO(data), "xlsx")
    assert [p.basics.name if p.basics else None for p in people] == ["Ada Lovelace", "Charles Babbage"]


def test_the_other_resumes_of_a_workbook_read_as_one_are_a_loss() -> None:
    data = _book([["Name", "Email"], ["Ada", "ada@example.org"], ["Charles", "cb@example.org"]])
    resume, report = cvconvert.read_with_report(io.BytesIO(data), "xlsx")
    assert resume.basics is not None and resume.basics.name == "Ada"
    assert any("only the first was read" in n.message for n in report.losses)
    with pytest.raises(LossError, match="by the reader"):
        cvconvert.convert(io.BytesIO(data), io.BytesIO(), from_="xlsx", to="json", fail_on_loss=True)


def test_a_sheet_a_person_added_to_our_workbook_is_a_loss() -> None:
    data, _ = dumps(Resume.model_validate({"basics": {"name": "Ada"}}), "xlsx")
    book = load_workbook(io.BytesIO(data))
    book.create_sheet("My notes")["A1"] = "call back on Monday"
    out = io.BytesIO()
    book.save(out)
    resume, report = cvconvert.read_with_report(io.BytesIO(out.getvalue()), "xlsx")
    assert resume.basics is not None and resume.basics.name == "Ada"
    assert any("'My notes'" in n.message for n in report.losses)
    assert not any("'My notes'" in n.message for n in report.warnings)
