"""The xlsx format: clean typed sheets, no formula ever, lossless back, edits win, hostile input refused."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

import cvconvert
from cvconvert import api, limits
from cvconvert.errors import InvalidInputError, LimitExceededError, OptionError
from cvconvert.formats import _xlsx
from cvconvert.formats._xlsx import XlsxWriteOptions, cells
from cvconvert.model import Resume
from cvconvert.options import ReadOptions
from cvconvert.report import Report
from tests.conftest import corpus_resumes, sample_files, shared_files
from tests.strategies import resume, resume_data

CORPUS, NOT_RESUMES = corpus_resumes()
FOREIGN = shared_files("corpus/xlsx", "*.xls*")
HOSTILE = ["=SUM(A1)", "+1 555 0100", "-x", "@x", "\tx", "\rx", '=HYPERLINK("http://evil")']


def _many(resumes: Any, **options: object) -> tuple[bytes, Report]:
    """One workbook of many résumés, in memory, as the library writes it (options as given)."""
    out = io.BytesIO()
    report = _xlsx.write_many(resumes, out, api.write_options(_xlsx.FORMAT, options))
    return out.getvalue(), report


def _write(resume_: Resume) -> bytes:
    data, report = _xlsx.write(resume_, XlsxWriteOptions())
    assert not report.losses
    return data


def assert_no_formulas(data: bytes) -> None:
    """No cell anywhere is a formula: openpyxl sees none, and no sheet part holds an <f>."""
    book = load_workbook(io.BytesIO(data))
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in package.read(name) and b"<f " not in package.read(name), name


def _resume(data: dict[str, Any]) -> Resume:
    return Resume.model_validate(data)


FULL = _resume(
    {
        "$schema": "https://jsonresume.org/schema",
        "basics": {
            "name": "Ada Example",
            "label": "Engineer",
            "email": "ada@example.org",
            "phone": "+44 20 0000",
            "url": "https://ada.example.org",
            "summary": "Builds things.\nSecond line.",
            "location": {"city": "London", "countryCode": "GB", "x-floor": 3},
            "profiles": [{"network": "GitHub", "username": "ada", "url": "https://github.com/ada"}],
            "x-pronouns": "she/her",
        },
        "work": [
            {
                "name": "Acme",
                "position": "Lead",
                "startDate": "2019",
                "endDate": "2021-07",
                "highlights": ["Shipped • fast", "Two\nlines", "", "- dash"],
                "x-team": {"size": 4},
            },
            {"name": "Initech", "position": "Dev", "startDate": "2015-03-09", "endDate": "2019-01-31"},
        ],
        "education": [{"institution": "Uni", "startDate": "1890-01", "courses": []}],
        "skills": [{"name": "Python", "keywords": ["asyncio", "typing"]}],
        "projects": [{}],
        "meta": {"theme": "even", "lastModified": "2024-01-01T00:00:00"},
        "x-source": [1, None, True],
    }
)


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_samples_round_trip_through_xlsx(path: Path, tmp_path: Path) -> None:
    resume_ = cvconvert.read(path)
    target = tmp_path / "cv.xlsx"
    report = cvconvert.write(resume_, target)
    assert not report.losses
    data = target.read_bytes()
    assert_no_formulas(data)
    for source in (target, data, io.BytesIO(data)):
        assert cvconvert.read(source).to_data() == resume_.to_data()


def test_full_resume_round_trips_with_unknown_fields_and_meta() -> None:
    data = _write(FULL)
    assert_no_formulas(data)
    back, report = _xlsx.read(data, ReadOptions(strict=True))
    assert back.to_data() == FULL.to_data()
    assert not report.notes


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_corpus_resume_round_trips(path: Path) -> None:
    resume_ = cvconvert.read(path)
    data = _write(resume_)
    assert_no_formulas(data)
    assert _xlsx.read(data, ReadOptions())[0].to_data() == resume_.to_data()


def test_one_workbook_holds_every_corpus_resume() -> None:
    if not CORPUS:
        pytest.skip("../shared is absent")
    resumes = [cvconvert.read(p) for p in CORPUS]
    data, report = _many(resumes)
    assert not report.losses
    assert_no_formulas(data)
    back = _xlsx.read_many(data, ReadOptions())[0]
    assert len(back) == len(resumes)
    mismatched = [p.name for p, a, b in zip(CORPUS, resumes, back, strict=True) if a.to_data() != b.to_data()]
    assert mismatched == []


@settings(max_examples=40)
@given(resume_data)
def test_hypothesis_resumes_round_trip(data: dict[str, Any]) -> None:
    out = _write(_resume(data))
    assert_no_formulas(out)
    back, _ = _xlsx.read(out, ReadOptions(strict=True))
    assert back.to_data() == data


@settings(max_examples=10)
@given(st.lists(resume, max_size=4))
def test_hypothesis_resumes_round_trip_many_per_workbook(resumes: list[Resume]) -> None:
    out, _ = _many(resumes)
    assert_no_formulas(out)
    back, _ = _xlsx.read_many(out, ReadOptions())
    assert [b.to_data() for b in back] == [r.to_data() for r in resumes]


def test_api_write_many_and_read_many(tmp_path: Path) -> None:
    target = tmp_path / "people.xlsx"
    people = [FULL, _resume({"basics": {"name": "B"}}), _resume({})]
    cvconvert.write_many(people, target, format="xlsx")
    back, report = cvconvert.read_many_with_report(target)
    assert not report.losses
    assert [b.to_data() for b in back] == [p.to_data() for p in people]
    assert cvconvert.read_many(target.read_bytes(), "xlsx")[1].basics.name == "B"  # type: ignore[union-attr]
    first, notes = cvconvert.read_with_report(target)
    assert first.to_data() == FULL.to_data()
    assert any("holds 3 résumés" in n.message for n in notes.losses)


def test_link_options() -> None:
    people = [_resume({"basics": {"url": f"https://example.org/{i}"}}) for i in range(3)]
    data, report = _many(people, max_links="2")
    links = [c.hyperlink for row in load_workbook(io.BytesIO(data))["Basics"].iter_rows(min_row=2) for c in row]
    assert sum(link is not None for link in links) == 2
    assert [n.message for n in report.warnings] == [
        "sheet Basics: more than 2 links; the rest are plain text (option max_links)"
    ]
    data, _ = cvconvert.dumps(FULL, "xlsx", hyperlinks="false")  # the command line's strings
    assert all(c.hyperlink is None for ws in load_workbook(io.BytesIO(data)) for row in ws.iter_rows() for c in row)
    with pytest.raises(OptionError, match="option max_links of the xlsx writer takes a whole number, not 'many'"):
        cvconvert.dumps(FULL, "xlsx", max_links="many")
    with pytest.raises(OptionError, match="max_links"):
        cvconvert.dumps(FULL, "xlsx", max_links=-1)
    assert _xlsx.read_many(data, ReadOptions())[0][0].to_data() == FULL.to_data()


def test_an_empty_many_workbook_reads_as_no_resumes() -> None:
    data, _ = _many([])
    assert _xlsx.read_many(data, ReadOptions())[0] == []
    with pytest.raises(InvalidInputError, match="no résumé"):
        _xlsx.read(data, ReadOptions())


# --- what the sheets look like ------------------------------------------------------------------


def test_one_resume_has_a_sheet_per_section_with_data() -> None:
    book = load_workbook(io.BytesIO(_write(FULL)))
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    assert visible == ["Basics", "Profiles", "Work", "Education", "Skills", "Projects"]
    assert book["cvconvert"].sheet_state == "hidden"
    basics = {r[0]: r[1] for r in book["Basics"].iter_rows(min_row=2, values_only=True)}
    assert basics["Name"] == "Ada Example" and basics["City"] == "London"
    work = book["Work"]
    assert [c.value for c in work[1]][:4] == ["Company", "Position", "Start date", "End date"]
    assert all(c.font.b for c in work[1])
    assert work.freeze_panes == "A2"
    assert work.auto_filter.ref == "A1:J3"
    assert work.column_dimensions["A"].width == 24
    assert work.column_dimensions["J"].hidden  # the hidden data column
    highlights = work["G2"]
    assert highlights.alignment.wrap_text
    assert highlights.value == "• Shipped • fast\n• Two\n  lines\n• \n• - dash"
    assert book["Basics"]["B4"].hyperlink.target == "mailto:ada@example.org"
    profiles = book["Profiles"]
    assert profiles["C2"].hyperlink.target == "https://github.com/ada"


def test_dates_are_real_dates_with_their_precision() -> None:
    book = load_workbook(io.BytesIO(_write(FULL)))
    work = book["Work"]
    assert work["C2"].value == dt.datetime(2019, 1, 1) and work["C2"].number_format == "yyyy"
    assert work["D2"].value == dt.datetime(2021, 7, 1) and work["D2"].number_format == "mmm yyyy"
    assert work["C3"].value == dt.datetime(2015, 3, 9) and work["C3"].number_format == "d mmm yyyy"
    # Before March 1900 Excel has no such date: ISO text, read back as the date it says.
    assert book["Education"]["D2"].value == "1890-01"
    back = _xlsx.read(_write(FULL), ReadOptions())[0]
    assert back.work is not None and back.work[0].startDate == "2019" and back.work[0].endDate == "2021-07"


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_a_text_cell_and_reads_back(text: str) -> None:
    resume_ = _resume({"basics": {"name": text}, "work": [{"name": text, "highlights": [text]}]})
    data = _write(resume_)
    assert_no_formulas(data)
    book = load_workbook(io.BytesIO(data))
    cell = book["Work"]["A2"]
    assert cell.data_type == "s"
    # A leading tab or CR is written escaped (see cells.escape), so it no longer leads.
    assert cell.quotePrefix or not cell.value.startswith(cells.FORMULA_START)
    assert _xlsx.read(data, ReadOptions())[0].to_data() == resume_.to_data()


def test_control_characters_are_kept_reversibly() -> None:
    text = "a\x00b\x01c\x0bd\re\ufffff" + cells.ESC + "g" + cells.ESC + "0041"
    resume_ = _resume({"basics": {"summary": text}, "skills": [{"keywords": [text, "\x1f"]}]})
    data = _write(resume_)
    shown = load_workbook(io.BytesIO(data))["Basics"]["B2"].value
    assert "\x00" not in shown and cells.ESC + "0000" in shown
    assert _xlsx.read(data, ReadOptions())[0].to_data() == resume_.to_data()


def test_lists_come_back_exactly_in_order() -> None:
    items = ["", "• starts with a bullet", "a\nb\n\n  c", " lead", "trail ", "x; y, z", "\n"]
    resume_ = _resume({"projects": [{"roles": items, "keywords": []}]})
    assert _xlsx.read(_write(resume_), ReadOptions())[0].to_data() == resume_.to_data()
    assert cells.split_list(cells.join_list(items)) == items


def test_text_longer_than_a_cell_is_clipped_in_view_and_kept_whole() -> None:
    long = "x" * 40_000
    # Hidden JSON is split into cells at any character: a piece may start with "=".
    resume_ = _resume({"basics": {"summary": long}, "work": [{"summary": long, "x-big": "=" * 70_000}]})
    data = _write(resume_)
    assert_no_formulas(data)
    cell = load_workbook(io.BytesIO(data))["Work"]["F2"].value
    assert len(cell) <= cells.MAX_CELL_CHARS and cell.endswith(cells.TRUNCATED)
    assert _xlsx.read(data, ReadOptions())[0].to_data() == resume_.to_data()


def test_many_resumes_have_an_id_column_and_an_overview() -> None:
    second = _resume({"basics": {"name": "Bo", "email": "bo@example.org"}, "skills": [{"name": "Go"}]})
    data, _ = _many([FULL, second])
    book = load_workbook(io.BytesIO(data))
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    assert visible[0].title == "Overview"
    for ws in visible:
        assert ws["A1"].value == "Résumé id", ws.title
    overview = list(book["Overview"].iter_rows(values_only=True))
    assert overview[0] == (
        "Résumé id",
        "Name",
        "Label",
        "Location",
        "Email",
        "Phone",
        "Source",
        "Latest position",
        "Employer",
        "Years of experience",
        "Highest degree",
        "Languages",
        "Skills",
    )
    assert overview[1] == (
        1,
        "Ada Example",
        "Engineer",
        "London, GB",
        "ada@example.org",
        "+44 20 0000",
        None,
        "Lead",
        "Acme",
        6.4,
        None,
        None,
        "asyncio; typing",
    )
    assert overview[2][1] == "Bo" and overview[2][12] == "Go"
    assert {r[0] for r in book["Skills"].iter_rows(min_row=2, values_only=True)} == {1, 2}


def test_experience_counts_overlapping_jobs_once() -> None:
    from cvconvert.formats._xlsx.writing import experience_years

    jobs = _resume(
        {"work": [{"startDate": "2010-01", "endDate": "2011-12"}, {"startDate": "2011-01", "endDate": "2012-12"}]}
    )
    assert experience_years(jobs) == 3.0
    assert experience_years(_resume({"work": [{"startDate": "2020"}]}), dt.date(2022, 12, 1)) == 3.0


# --- edits by a person ----------------------------------------------------------------------------


def _edit(data: bytes, change: Any) -> bytes:
    book = load_workbook(io.BytesIO(data))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_edited_cells_added_and_deleted_rows_win() -> None:
    def change(book: Any) -> None:
        work = book["Work"]
        work["B2"] = "Principal"  # changed cell
        work["G2"] = "• only this"  # changed list
        work.delete_rows(3)  # the Initech job deleted
        work.append(["Globex", "CTO", dt.datetime(2022, 5, 1)])  # a row typed in
        work["C3"].number_format = "mmm yyyy"
        book["Basics"]["B2"] = "Ada E."
        book["Skills"]["C2"] = "Rust\nZig"  # a list typed without bullets

    back, _ = _xlsx.read(_edit(_write(FULL), change), ReadOptions())
    assert back.basics is not None and back.basics.name == "Ada E."
    assert back.work is not None and [w.name for w in back.work] == ["Acme", "Globex"]
    assert back.work[0].position == "Principal" and back.work[0].highlights == ["only this"]
    assert back.work[0].model_extra == {"x-team": {"size": 4}}  # hidden data moved with its row
    assert back.work[1].startDate == "2022-05" and back.work[1].position == "CTO"
    assert back.skills is not None and back.skills[0].keywords == ["Rust", "Zig"]


def test_reordered_and_added_columns_and_reordered_sheets() -> None:
    def change(book: Any) -> None:
        work = book["Work"]
        rows = [[c.value for c in row] for row in work.iter_rows()]
        fmts = [[c.number_format for c in row] for row in work.iter_rows()]
        work.delete_rows(1, work.max_row)
        order = [1, 0, 3, 2, 4, 5, 6, 7, 8, 9]  # Position before Company, End before Start
        for r, (row, fmt) in enumerate(zip(rows, fmts, strict=True), 1):
            for c, i in enumerate(order, 1):
                work.cell(r, c, row[i]).number_format = fmt[i]
            work.cell(r, 11, "Notes" if r == 1 else f"note {r}")
        book.move_sheet("Work", offset=-2)

    back, report = _xlsx.read(_edit(_write(FULL), change), ReadOptions())
    expected = FULL.to_data()
    for i, job in enumerate(expected["work"]):
        job["Notes"] = f"note {i + 2}"
    assert back.to_data() == expected
    assert any("Notes" in n.message for n in report.warnings)


def test_formula_cells_read_as_their_cached_values() -> None:
    data = _write(_resume({"work": [{"name": "Acme", "position": "Dev"}]}))
    package = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as edited:
        for info in package.infolist():
            part = package.read(info.filename)
            if b"<t>Dev</t>" in part:
                part = re.sub(
                    rb'<c r="B2"[^>]*>.*?</c>', b'<c r="B2" t="str"><f>UPPER("boss")</f><v>BOSS</v></c>', part
                )
            edited.writestr(info, part)
    back = _xlsx.read(out.getvalue(), ReadOptions())[0]
    assert back.work is not None and back.work[0].position == "BOSS"


def test_a_bad_date_typed_in_is_repaired_or_refused_when_strict() -> None:
    def change(book: Any) -> None:
        book["Work"]["D2"] = "Present"
        book["Work"]["C3"] = "sometime"

    data = _edit(_write(FULL), change)
    back, report = _xlsx.read(data, ReadOptions())
    assert back.work is not None and back.work[0].endDate is None
    assert {n.path for n in report.warnings} >= {"/work/0/endDate", "/work/1/startDate"}
    with pytest.raises(InvalidInputError, match="/work/1/startDate"):
        _xlsx.read(data, ReadOptions(strict=True))


def _soffice_convert(source: Path, to: str, outdir: Path) -> Path:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = (outdir / "profile").as_uri()
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(outdir / "out"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    target = outdir / "out" / (source.stem + "." + to.split(":")[0])
    if "source file could not be loaded" in done.stderr + done.stdout and not target.exists():
        pytest.skip("this LibreOffice has no Calc (install libreoffice-calc-nogui)")
    assert done.returncode == 0 and target.exists(), done.stderr
    assert "Error" not in done.stderr, done.stderr
    return target


HOSTILE_RESUME = _resume(
    {
        "basics": {"name": "=1+1", "summary": "a\x01b\rc\n\td", "phone": "+1 555"},
        "work": [{"name": "@x", "highlights": ["- a", "b\nc", ""], "startDate": "2020-02", "x-k": None}],
        "meta": {"version": "v1"},
    }
)


def test_libreoffice_opens_saves_and_prints_our_workbook(tmp_path: Path) -> None:
    people = [FULL, HOSTILE_RESUME, *(cvconvert.read(p) for p in CORPUS)]
    data, _ = _many(people)
    source = tmp_path / "people.xlsx"
    source.write_bytes(data)
    resaved = _soffice_convert(source, "xlsx", tmp_path)
    back = _xlsx.read_many(resaved.read_bytes(), ReadOptions())[0]
    assert len(back) == len(people)
    mismatched = [i for i, (a, b) in enumerate(zip(people, back, strict=True)) if a.to_data() != b.to_data()]
    assert mismatched == []
    pdf = _soffice_convert(source, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")


# --- hostile and foreign input ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"hello, world", "not a zip"),
        (b"PK\x03\x04garbage", "damaged"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "OLE"),
    ],
)
def test_bad_bytes_are_refused_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message) as caught:
        _xlsx.read(data, ReadOptions())
    assert "\n" not in str(caught.value)


def test_truncated_workbook_is_refused() -> None:
    data = _write(FULL)
    with pytest.raises(InvalidInputError):
        _xlsx.read(data[: len(data) // 2], ReadOptions())


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "flipped"])
def test_damaged_parts_give_one_line_errors(damage: str) -> None:
    data = _write(FULL)
    source = zipfile.ZipFile(io.BytesIO(data))
    for name in source.namelist():
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as package:
            for info in source.infolist():
                part = source.read(info.filename)
                if info.filename == name:
                    part = {
                        "truncated": part[: len(part) // 2],
                        "garbage": b"<x><<<",
                        "empty": b"",
                        "flipped": part.replace(b'r="', b'r="\x01', 1).replace(b"<c ", b'<c t="zz" ', 3),
                    }[damage]
                package.writestr(info.filename, part)
        try:
            _xlsx.read_many(out.getvalue(), ReadOptions())
        except InvalidInputError as exc:
            assert "\n" not in str(exc), name


def test_a_zip_that_is_no_workbook_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", "<w/>")
    with pytest.raises(InvalidInputError, match=r"no xl/workbook\.xml"):
        _xlsx.read(out.getvalue(), ReadOptions())


def test_zip_bomb_is_refused_before_inflating() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.xml", b"<workbook/>")
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * (120 * 2**20))
    assert len(out.getvalue()) < 2**20
    with pytest.raises(LimitExceededError, match="inflate"):
        _xlsx.read(out.getvalue(), ReadOptions())
    with limits.using(max_package_bytes=10_000), pytest.raises(LimitExceededError):
        _xlsx.read(_write(FULL), ReadOptions())


def test_xlsm_with_macros_reads_data_and_runs_nothing() -> None:
    data = _write(FULL)
    package = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as macro:
        for info in package.infolist():
            part = package.read(info.filename)
            if info.filename == "[Content_Types].xml":
                part = part.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                ).replace(
                    b"</Types>",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            macro.writestr(info, part)
        macro.writestr("xl/vbaProject.bin", b'\xd0\xcf\x11\xe0 Sub AutoOpen() Shell "calc" End Sub')
    assert _xlsx.sniff(out.getvalue())
    assert _xlsx.read(out.getvalue(), ReadOptions())[0].to_data() == FULL.to_data()


def _huge_sheet(rows: int) -> bytes:
    book = Workbook()
    book.active.title = "Work"
    book.active.append(["Company", "Position"])
    template = io.BytesIO()
    book.save(template)
    body = "".join([f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Co</t></is></c></row>' for r in range(2, rows + 2)])
    out = io.BytesIO()
    with zipfile.ZipFile(template) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as big:
        for info in package.infolist():
            part = package.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                part = re.sub(rb"<dimension[^>]*/>", b"", part)
                part = part.replace(b"</sheetData>", body.encode() + b"</sheetData>")
            big.writestr(info.filename, part)
    return out.getvalue()


def test_a_sheet_with_a_million_rows_stops_at_the_limit() -> None:
    data = _huge_sheet(1_000_000)
    # Reading stops at the row limit however long the sheet is (a lower limit keeps the test quick).
    with limits.using(max_entries=5_000), pytest.raises(LimitExceededError, match="rows"):
        _xlsx.read(data, ReadOptions())
    with limits.using(max_entries=50):
        with pytest.raises(LimitExceededError):
            _xlsx.read_many(_huge_sheet(100), ReadOptions())
        assert len(_xlsx.read(_huge_sheet(40), ReadOptions())[0].work or ()) == 40


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name[:12])
def test_corpus_workbooks_read_best_effort_or_clearly_refused(path: Path) -> None:
    try:
        resumes, report = cvconvert.read_many_with_report(path)
    except InvalidInputError as exc:
        assert "\n" not in str(exc) and "no résumé found" in str(exc)
        return
    assert resumes
    assert any("foreign workbook" in n.message for n in report.warnings)
    assert all(r.basics is not None for r in resumes)


def test_a_foreign_candidate_list_gives_one_resume_per_row() -> None:
    book = Workbook()
    ws = book.active
    ws.append(["Candidates 2024"])
    ws.append(["ФИО", "E-mail", "Телефон", "Компания", "Образование", "Notes"])
    ws.append(["Иван", "ivan@example.org", 79990001122, "ООО", "МГУ", "call back"])
    ws.append([None, None, None, None, None, "total"])
    ws.append(["Jo", None, "+1 555", None, None, None])
    out = io.BytesIO()
    book.save(out)
    resumes, report = _xlsx.read_many(out.getvalue(), ReadOptions())
    assert [r.basics.name for r in resumes if r.basics] == ["Иван", "Jo"]
    first = resumes[0].to_data()
    assert first["basics"]["phone"] == "79990001122"
    assert first["work"] == [{"name": "ООО"}] and first["education"] == [{"institution": "МГУ"}]
    assert first["x-columns"] == {"Notes": "call back"}
    assert report.warnings[0].path == "" and "foreign workbook" in report.warnings[0].message


def test_a_foreign_sheet_named_like_ours_is_read_as_foreign() -> None:
    book = Workbook()
    book.active.title = "Skills"
    book.active.append(["Candidate", "Email", "Python"])
    book.active.append(["Ann", "ann@example.org", 3])
    out = io.BytesIO()
    book.save(out)
    resumes, report = _xlsx.read_many(out.getvalue(), ReadOptions())
    assert [r.to_data() for r in resumes] == [
        {"basics": {"name": "Ann", "email": "ann@example.org"}, "x-columns": {"Python": "3"}}
    ]
    assert "foreign workbook" in report.warnings[0].message


def test_sniff_knows_workbooks_only() -> None:
    assert _xlsx.sniff(_write(FULL))
    assert not _xlsx.sniff(b'{"basics": {}}')
    assert cvconvert.read(_write(FULL)).to_data() == FULL.to_data()  # found by sniffing


def test_importing_the_format_does_not_import_openpyxl() -> None:
    code = "import sys, cvconvert.formats._xlsx; assert 'openpyxl' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_row_without_a_resume_id_in_a_workbook_of_many_is_reported_and_skipped() -> None:
    people = [_resume({"basics": {"name": "A"}, "work": [{"name": "Acme"}]}), _resume({"basics": {"name": "B"}})]
    data, _ = _many(people)
    book = load_workbook(io.BytesIO(data))
    book["Basics"]["A3"] = None  # B's name row
    book["Work"]["A2"] = None  # A's job
    out = io.BytesIO()
    book.save(out)
    back, report = _xlsx.read_many(out.getvalue(), ReadOptions())
    assert [b.to_data() for b in back] == [{"basics": {"name": "A"}}, {}]
    ignored = [n.message for n in report.losses if "has no résumé id" in n.message]
    assert ignored == [
        "a row of sheet 'Basics' has no résumé id; not read",
        "a row of sheet 'Work' has no résumé id; not read",
    ]
