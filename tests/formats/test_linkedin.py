"""LinkedIn's data export (a ZIP of CSV files, or the folder it unpacks to), written by hand from the columns
LinkedIn uses."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cvconvert
from cvconvert.errors import InvalidInputError
from tests.helpers import assert_one_line_error, run_bounded, zip_of

PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,"
    "Twitter Handles,Websites,Instant Messengers\n"
    'Ada,Lovelace,,,,Analyst of engines,"Writes programs,\nfor engines.",Computing,,"London, United Kingdom",'
    '[adal],"[PORTFOLIO:https://ada.example/,COMPANY:https://engines.example/a,b]",\n'
)
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    "Analytical Engines,Analyst,Notes on the engine,London,Mar 1842,Sep 1843\n"
    "Difference Engines,Assistant,,London,1840,\n"
)
EDUCATION = "School Name,Start Date,End Date,Notes,Degree Name,Activities\nHome tutoring,1830,1835,,Mathematics,Chess\n"
SKILLS = "Name\nMathematics\nPoetical science\n"
EMAILS = "Email Address,Confirmed,Primary,Updated On\nold@example.org,Yes,No,1/2/20\nada@example.org,Yes,Yes,1/2/20\n"
LANGUAGES = "Name,Proficiency\nFrench,Full professional proficiency\n"


def export(**more: str) -> bytes:
    files = {
        "Profile.csv": PROFILE,
        "Positions.csv": POSITIONS,
        "Education.csv": EDUCATION,
        "Skills.csv": SKILLS,
        "Email Addresses.csv": EMAILS,
        "Languages.csv": LANGUAGES,
        "Connections.csv": "Notes:\nsome text\n\nFirst Name,Last Name\nX,Y\n",
        **more,
    }
    return zip_of({name: text.encode("utf-8-sig") for name, text in files.items()})


def test_an_export_reads_into_a_resume(tmp_path: Path) -> None:
    source = tmp_path / "Basic_LinkedInDataExport.zip"
    source.write_bytes(export())
    resume, report = cvconvert.read_with_report(source)
    data = resume.to_data()
    basics = data["basics"]
    assert basics["name"] == "Ada Lovelace"
    assert basics["label"] == "Analyst of engines"
    assert basics["summary"] == "Writes programs,\nfor engines."
    assert basics["email"] == "ada@example.org" and basics["x-emails"] == ["old@example.org"]
    assert basics["location"] == {"countryCode": "GB", "city": "London"}
    assert basics["url"] == "https://ada.example/"
    assert {"network": "Company", "url": "https://engines.example/a,b"} in basics["profiles"]
    assert {"network": "Twitter", "username": "adal", "url": "https://twitter.com/adal"} in basics["profiles"]
    assert data["work"][0] == {
        "name": "Analytical Engines",
        "position": "Analyst",
        "summary": "Notes on the engine",
        "location": "London",
        "startDate": "1842-03",
        "endDate": "1843-09",
    }
    assert "endDate" not in data["work"][1]
    assert data["education"] == [
        {"institution": "Home tutoring", "studyType": "Mathematics", "startDate": "1830", "endDate": "1835",
         "x-activities": "Chess"}
    ]  # fmt: skip
    assert [s["name"] for s in data["skills"]] == ["Mathematics", "Poetical science"]
    assert data["languages"] == [{"language": "French", "fluency": "Full professional proficiency"}]
    # Files with no résumé data are named, not dropped in silence.
    assert any("Connections.csv" in n.message for n in report.losses)


def test_unknown_columns_and_bad_dates_are_losses() -> None:
    data = export(**{"Positions.csv": "Company Name,Title,Started On,Team Size\nAcme,Dev,sometime,12\n"})
    resume, report = cvconvert.read_with_report(data, "linkedin")
    assert resume.work and resume.work[0].name == "Acme"
    lost = " ".join(f"{n.path} {n.message}" for n in report.losses)
    assert "'Team Size'" in lost and "/work/0/startDate" in lost


def test_localised_months_read_with_the_language_hint() -> None:
    data = export(**{"Positions.csv": "Company Name,Title,Started On,Finished On\nAcme,Dev,mars 2020,janv. 2021\n"})
    resume = cvconvert.read(data, "linkedin", lang="fr")
    assert resume.work and (resume.work[0].startDate, resume.work[0].endDate) == ("2020-03", "2021-01")


def test_windows_1252_files_read_with_a_warning() -> None:
    data = zip_of({"Profile.csv": "First Name,Last Name\nRen\xe9e,M\xfcller\n".encode("cp1252")})
    resume, report = cvconvert.read_with_report(data, "linkedin")
    assert resume.basics is not None and resume.basics.name == "Renée Müller"
    assert any("Windows-1252" in n.message for n in report.warnings)


def test_the_cli_converts_an_export_found_by_its_content(tmp_path: Path) -> None:
    source = tmp_path / "export.zip"
    source.write_bytes(export())
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "cv.json"), "-q")
    assert code == 0, err
    assert json.loads((tmp_path / "cv.json").read_text())["basics"]["name"] == "Ada Lovelace"


def test_a_zip_that_is_no_export_is_one_line_error(tmp_path: Path) -> None:
    source = tmp_path / "photos.zip"
    source.write_bytes(zip_of({"a.jpg": b"\xff\xd8"}))
    with pytest.raises(InvalidInputError):
        cvconvert.read(source, "linkedin")
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "cv.json"))
    assert_one_line_error(code, err, "photos.zip")


def test_a_zip_bomb_member_is_refused_by_the_package_limits(tmp_path: Path) -> None:
    source = tmp_path / "bomb.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("Profile.csv", "First Name\n" + "a" * 150_000_000)
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "cv.json"))
    assert_one_line_error(code, err, "bomb.zip")


# --- the folder the ZIP unpacks to -----------------------------------------------------------


def _unpacked(folder: Path, **more: str) -> Path:
    folder.mkdir()
    with zipfile.ZipFile(__import__("io").BytesIO(export(**more))) as package:
        package.extractall(folder)
    return folder


def test_the_unpacked_folder_reads_like_the_zip(tmp_path: Path) -> None:
    folder = _unpacked(tmp_path / "Basic_LinkedInDataExport_2026")
    (folder / "Rich Media").mkdir()
    (folder / "Rich Media" / "photo.jpg").write_bytes(b"\xff\xd8")
    from_zip = cvconvert.read(export(), "linkedin")
    resume, report = cvconvert.read_with_report(folder)
    assert resume.to_data() == from_zip.to_data()
    lost = " ".join(n.message for n in report.losses)
    assert "Connections.csv" in lost and "Rich Media/photo.jpg" in lost
    code, err, _, _ = run_bounded(f"{folder}/", str(tmp_path / "cv.json"), "-q")
    assert code == 0, err
    assert json.loads((tmp_path / "cv.json").read_text())["basics"]["name"] == "Ada Lovelace"


def test_symbolic_links_are_never_followed_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "Skills.csv").write_text("Name\nSecret skill\n", encoding="utf-8")
    folder = _unpacked(tmp_path / "export")
    (folder / "Skills.csv").unlink()
    (folder / "Skills.csv").symlink_to(outside / "Skills.csv")
    (folder / "Honors.csv").symlink_to("/dev/zero")
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    resume, report = cvconvert.read_with_report(folder)
    assert resume.skills is None  # the linked file was not read
    assert "Secret skill" not in json.dumps(resume.to_data())
    lost = " ".join(n.message for n in report.losses)
    assert "Skills.csv (a symbolic link, not followed)" in lost and "linked (a symbolic link" in lost
    assert "Honors.csv (a symbolic link" in lost


def test_only_the_csv_files_at_the_top_are_opened(tmp_path: Path) -> None:
    import os

    folder = _unpacked(tmp_path / "export")
    os.mkfifo(folder / "Messages.txt")  # opening a FIFO without a writer would block for ever
    os.mkfifo(folder / "Invitations.csv")  # a .csv that is no regular file is not opened either
    (folder / "Jobs").mkdir()
    os.mkfifo(folder / "Jobs" / "Job Applications.csv")
    code, err, _, _ = run_bounded(str(folder), str(tmp_path / "cv.json"))
    assert code == 0, err
    assert "Jobs/Job Applications.csv (in a subfolder, not read)" in err


def test_odd_file_names_are_named_as_not_read_and_the_folder_still_read(tmp_path: Path) -> None:
    # Regression: a name that is not UTF-8 was an internal error (UnicodeEncodeError), a name with
    # a backslash made the whole folder refused as holding an unsafe zip member name.
    import os

    folder = _unpacked(tmp_path / "export")
    raw = os.fsencode(folder)
    for name in (b"\xff.csv", b"..\\evil.csv", b"Notes\n\x1b[31m.txt", b"Caf\xe9 \xe2\x80\xae.csv"):
        with open(raw + b"/" + name, "wb") as handle:
            handle.write(b"Name\nSecret skill\n")
    os.mkdir(raw + b"/Media")
    with open(raw + b"/Media/\xfe.jpg", "wb") as handle:
        handle.write(b"x")
    resume, report = cvconvert.read_with_report(folder)
    assert resume.basics is not None and resume.basics.name == "Ada Lovelace"
    assert "Secret skill" not in json.dumps(resume.to_data())
    lost = " ".join(n.message for n in report.losses)
    for shown in ("%FF.csv", "..%5Cevil.csv", "Notes%0A%1B[31m.txt", "Caf%E9 %u202E.csv", "Media/%FE.jpg"):
        assert shown in lost
    assert lost.isprintable() and "\\" not in lost
    code, err, _, _ = run_bounded(str(folder), str(tmp_path / "cv.json"))
    assert code == 0, err
    assert "%FF.csv" in err and "internal error" not in err


@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_any_file_name_is_shown_as_a_member_name_a_zip_and_a_report_carry(raw: bytes) -> None:
    import io
    import os

    from cvconvert._input import _shown, open_zip

    name = os.fsdecode(raw)
    shown = _shown(name)
    member = name if shown is None else shown
    assert member.isprintable() and "\\" not in member
    if name in (".", ".."):
        return  # no folder lists these
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(member, b"")
    assert open_zip(out.getvalue(), "export").namelist() == [member]


def test_the_folder_is_held_to_the_zip_limits(tmp_path: Path) -> None:
    from cvconvert import limits
    from cvconvert.errors import LimitExceededError

    folder = _unpacked(tmp_path / "export")
    with limits.using(max_members=3), pytest.raises(LimitExceededError, match="more than 3 files"):
        cvconvert.read(folder)
    with limits.using(max_member_bytes=100), pytest.raises(LimitExceededError, match="max_member_bytes"):
        cvconvert.read(folder)
    with limits.using(max_package_bytes=500), pytest.raises(LimitExceededError, match="more than 500 bytes"):
        cvconvert.read(folder)
    (folder / "Jobs").mkdir()
    for i in range(5):
        (folder / "Jobs" / f"{i}.csv").write_text("x")
    with limits.using(max_members=10), pytest.raises(LimitExceededError, match="more than 10 files"):
        cvconvert.read(folder)


def test_a_folder_csv_of_millions_of_rows_is_refused_within_the_bounds(tmp_path: Path) -> None:
    folder = _unpacked(tmp_path / "export")
    (folder / "Skills.csv").write_bytes(b"Name\n" + b"x\n" * 10_000_000)
    code, err, _, _ = run_bounded(str(folder), str(tmp_path / "cv.json"))
    assert_one_line_error(code, err, "export")
    assert "max_entries" in err


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "holding no CSV file"),
        ({"notes.txt": "hello"}, "holding no CSV file"),
        ({"prices.csv": "a,b\n1,2\n"}, "nor an unpacked export"),
        ({"Profile.csv": "First Name\nA\n", "profile.csv": "First Name\nB\n"}, "two members"),
    ],
    ids=["empty", "no csv", "other csv", "same name twice"],
)
def test_a_folder_that_is_no_export_is_a_one_line_error(tmp_path: Path, files: dict[str, str], message: str) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError, match=message):
        cvconvert.read(folder)
    code, err, _, _ = run_bounded(str(folder), str(tmp_path / "cv.json"))
    assert_one_line_error(code, err, "folder")
    assert not (tmp_path / "cv.json").exists()


def test_courses_are_kept_in_their_own_list_with_their_numbers() -> None:
    # Courses.csv names no school or job: the courses are kept apart, not guessed into an education entry.
    data = export(**{"Courses.csv": "Name,Number,Term\nAlgebra,MA101,\nPoetics,,autumn\n"})
    resume, report = cvconvert.read_with_report(data, "linkedin")
    assert resume.to_data()["x-courses"] == [{"name": "Algebra", "number": "MA101"}, {"name": "Poetics"}]
    assert any(n.path == "/x-courses/1" and "'Term'" in n.message for n in report.losses)
    assert not any("Courses.csv" in n.message and "files of the export" in n.message for n in report.losses)


@pytest.mark.parametrize(
    ("encoding", "separator"),
    [
        ("utf-16", "\t"),
        ("utf-16", ","),
        ("utf-16-be", ","),
        ("utf-8-sig", ","),
        ("utf-8", ","),
        # UTF-32 with its BOM, both byte orders (regression: the little-endian one was read as UTF-16).
        ("utf-32", "\t"),
        ("utf-32", ","),
        ("utf-32-be", ","),
    ],
)
def test_unicode_files_of_every_encoding_read_alike(encoding: str, separator: str) -> None:
    text = f"Company Name{separator}Title{separator}Started On\nZürich Werke{separator}Ingénieure{separator}Mar 2020\n"
    raw = text.encode(encoding)
    if encoding.endswith("-be"):  # Python writes no BOM for these: the BOM names the byte order
        raw = "\ufeff".encode(encoding) + raw
    resume, report = cvconvert.read_with_report(zip_of({"Positions.csv": raw}), "linkedin")
    assert resume.work and (resume.work[0].name, resume.work[0].position) == ("Zürich Werke", "Ingénieure")
    assert resume.work[0].startDate == "2020-03" and not report.warnings


def test_header_names_are_matched_without_regard_to_case_or_spacing() -> None:
    data = zip_of({"positions.csv": b"\xef\xbb\xbfcompany name, TITLE ,Started  On\nNorthwind Ltd,Clerk,2019\n"})
    resume, report = cvconvert.read_with_report(data)  # found by its files' names, whatever their case
    assert resume.work and resume.work[0].model_dump(exclude_none=True) == {
        "name": "Northwind Ltd", "position": "Clerk", "startDate": "2019"
    }  # fmt: skip
    assert not report.losses


def test_a_quoted_description_keeps_its_lines_commas_and_quotes() -> None:
    positions = (
        "Company Name,Title,Description\r\n"
        'Northwind Ltd,Clerk,"Kept the books, daily.\r\nWrote the ""weekly"" report.\n\n- Filed, sorted"\r\n'
        "Contoso,Porter,\r\n"
    )
    resume = cvconvert.read(zip_of({"Positions.csv": positions.encode()}), "linkedin")
    assert resume.work and len(resume.work) == 2
    assert resume.work[0].summary == 'Kept the books, daily.\r\nWrote the "weekly" report.\n\n- Filed, sorted'


@pytest.mark.parametrize(
    ("written", "iso"),
    [("Mar 2020", "2020-03"), ("mars 2020", "2020-03"), ("März 2020", "2020-03"), ("dic 2019", "2019-12"),
     ("sept. 2018", "2018-09"), ("2020", "2020")],
)  # fmt: skip
def test_month_names_of_the_export_language_are_read_without_a_hint(written: str, iso: str) -> None:
    data = zip_of({"Positions.csv": f"Company Name,Started On\nNorthwind Ltd,{written}\n".encode()})
    resume = cvconvert.read(data, "linkedin")
    assert resume.work and resume.work[0].startDate == iso


def test_unknown_files_and_columns_are_named_in_the_loss_report() -> None:
    data = export(**{"Rich_Media.csv": "Date,Link\n1,2\n", "Skills.csv": "Name,Endorsements\nChess,4\n"})
    _, report = cvconvert.read_with_report(data, "linkedin")
    lost = [f"{n.path} {n.message}" for n in report.losses]
    assert any("Rich_Media.csv" in m and "Connections.csv" in m for m in lost)
    assert "/skills/0 Skills.csv column 'Endorsements' not read" in lost


FORMULAS = ['=HYPERLINK("https://evil.example","x")', "+1+2", "@SUM(A1:A2)", "-3+4", "=1+1"]


def test_formula_looking_cells_stay_text_on_their_way_to_xlsx(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rows = "".join(f'"{f.replace(chr(34), chr(34) * 2)}",Clerk,"{f.replace(chr(34), chr(34) * 2)}"\n' for f in FORMULAS)
    source = tmp_path / "export.zip"
    source.write_bytes(zip_of({"Positions.csv": ("Company Name,Title,Description\n" + rows).encode()}))
    cvconvert.convert(source, tmp_path / "cv.xlsx")
    book = load_workbook(tmp_path / "cv.xlsx")  # formulas come back as "=..." with data_type "f"
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {c.value for c in cells}
    assert all(f in values for f in FORMULAS), values


_CELL = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
_COLUMNS = st.sampled_from(
    ["Company Name", "Title", "Description", "Location", "Started On", "Finished On", "Team", "Notes", "URL"]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_COLUMNS, min_size=1, max_size=6, unique=True),
    st.lists(st.lists(_CELL, min_size=6, max_size=6), max_size=4),
)
def test_every_cell_of_an_export_arrives_or_is_named_in_the_report(columns: list[str], rows: list[list[str]]) -> None:
    import csv
    import io

    text = io.StringIO()
    csv.writer(text).writerows([columns, *(row[: len(columns)] for row in rows)])
    resume, report = cvconvert.read_with_report(zip_of({"Positions.csv": text.getvalue().encode()}), "linkedin")
    work = resume.to_data().get("work", [])
    arrived = {str(v) for entry in work for v in entry.values()}
    dated = {"Started On": "startDate", "Finished On": "endDate"}
    noted = " ".join(f"{n.path} {n.message}" for n in report)
    if "Positions.csv has no header row" in noted:  # one column of a name LinkedIn does not write: the file is named
        return
    for row in rows:
        for column, cell in zip(columns, row, strict=False):
            value = cell.strip()
            if not value:
                continue
            named = f"'{column.casefold()}'" in noted.casefold() or repr(value) in noted
            as_date = column in dated and any(dated[column] in entry for entry in work)  # "Mar 2020" as 2020-03
            assert value in arrived or named or as_date, (column, value, noted)


def test_a_file_of_one_column_is_read_and_one_without_a_header_is_named() -> None:
    # Found by the test above: a one-column Positions.csv was taken for one without a header, in silence.
    data = zip_of({"Positions.csv": b"Company Name\nNorthwind Ltd\n", "Skills.csv": b"Chess\nGo\n"})
    resume, report = cvconvert.read_with_report(data, "linkedin")
    assert resume.work and resume.work[0].name == "Northwind Ltd"
    assert any("Skills.csv has no header row" in n.message for n in report.losses)
