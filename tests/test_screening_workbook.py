"""Issue 18: a screening workbook a recruiter can screen with (Overview, reference date, print, ids)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

import cvconvert
from cvconvert import api, batch
from cvconvert.errors import OptionError
from cvconvert.formats import _xlsx
from cvconvert.formats._xlsx import cells, overview
from cvconvert.formats._xlsx.layout import OVERVIEW_COLUMNS
from cvconvert.model import Resume
from cvconvert.options import ReadOptions
from cvconvert.report import Report
from tests.conftest import corpus_resumes, sample_files

CORPUS, _ = corpus_resumes()
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
AS_OF = dt.date(2025, 6, 30)
HEADERS = [c.header for c in OVERVIEW_COLUMNS]


def _resume(data: dict[str, Any]) -> Resume:
    return Resume.model_validate(data)


def _many(resumes: list[Resume], **options: object) -> tuple[bytes, Report]:
    out = io.BytesIO()
    report = _xlsx.write_many(resumes, out, api.write_options(_xlsx.FORMAT, options))
    return out.getvalue(), report


def _overview(data: bytes) -> list[dict[str, Any]]:
    """The Overview's rows as {header: value}."""
    rows = list(load_workbook(io.BytesIO(data))["Overview"].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _contains(cell: object, word: str) -> bool:
    """Excel's "contains" text filter: a substring, whatever the case."""
    return isinstance(cell, str) and word.casefold() in cell.casefold()


def _years(work: list[dict[str, str]], as_of: dt.date = AS_OF) -> float | None:
    return overview.experience_years(_resume({"work": work}), as_of)


# --- the Overview over the corpus ---------------------------------------------------------------


def test_corpus_overview_finds_every_skill_keyword_and_names_every_source() -> None:
    if not CORPUS:
        pytest.skip("../shared is absent")
    resumes = [cvconvert.read(p) for p in CORPUS]
    names = tuple(p.name for p in CORPUS)
    data, report = _many(resumes, sources=names, asOf=AS_OF)
    assert not report.losses and not report.warnings
    rows = _overview(data)
    assert len(rows) == len(resumes)
    missing = []
    for row, resume, name in zip(rows, resumes, names, strict=True):
        assert row["Source"] == name
        for group in resume.skills or ():
            for word in group.keywords or ():
                wanted = " ".join(word.split())
                if wanted and not _contains(row["Skills"], wanted):
                    missing.append((name, wanted))
            if not group.keywords and group.name and group.name.strip():
                # A group without keywords is findable by its name.
                assert _contains(row["Skills"], " ".join(group.name.split())), (name, group.name)
    assert missing == []
    # The workbook still reads back exactly: the Overview is derived.
    back = _xlsx.read_many(data, ReadOptions())[0]
    assert [b.to_data() for b in back] == [r.to_data() for r in resumes]


def test_skills_are_the_keywords_and_group_names_only_without_keywords() -> None:
    resume = _resume(
        {
            "skills": [
                {"name": "Programming Languages", "keywords": ["Python", "Go"]},
                {"name": "Databases", "keywords": ["PostgreSQL", "python"]},
                {"name": "Leadership"},
                {"name": "Empty", "keywords": ["", "  "]},
            ]
        }
    )
    assert overview.skills(resume) == ["Python", "Go", "PostgreSQL", "Leadership", "Empty"]
    row = _overview(_many([resume])[0])[0]
    assert row["Skills"] == "Python; Go; PostgreSQL; Leadership; Empty"
    assert not _contains(row["Skills"], "Programming")


def test_overview_has_the_screening_columns() -> None:
    samples = {p.name: cvconvert.read(p) for p in sample_files()}
    people = [samples["lea-dubois.fr.json"], samples["wanru-zhao.json"], samples["minimal.json"]]
    data, report = _many(people, sources=("in/lea.json", "in/wanru.json"), asOf="2025-06-30")
    assert not report.notes
    rows = _overview(data)
    assert list(rows[0]) == ["Résumé id", *HEADERS]
    lea, wanru, minimal = rows
    assert (lea["Résumé id"], lea["Source"], wanru["Source"], minimal["Source"]) == (
        1,
        "in/lea.json",
        "in/wanru.json",
        None,
    )
    first_job = people[0].work[0]  # type: ignore[index]
    assert (lea["Latest position"], lea["Employer"]) == (first_job.position, first_job.name)
    assert lea["Highest degree"].startswith("Diplôme d'ingénieur")
    assert wanru["Highest degree"].startswith("B.S.")
    assert lea["Location"] and lea["Languages"] and "(" in lea["Languages"]
    # Hand-computed to 2025-06-30 (months counted whole, adjacent and overlapping jobs once):
    # 2016-09..2021-02 and 2021-03..2025-06 are 106 months; 2020-03..2020-10 and 2021-01..2025-06
    # are 8 + 54 = 62 months.
    assert (lea["Years of experience"], wanru["Years of experience"]) == (8.8, 5.2)
    assert minimal["Years of experience"] is None


# --- years of experience ------------------------------------------------------------------------


def test_years_count_overlapping_jobs_once_to_the_reference_date() -> None:
    work = [
        {"startDate": "2015-03", "endDate": "2017-02"},  # 24 months
        {"startDate": "2016-06-15", "endDate": "2018-05"},  # overlaps: together 2015-03..2018-05, 39
        {"startDate": "2020"},  # 2020-01 to the reference month 2021-07: 19
        {"startDate": "2020-06", "endDate": "2021-03"},  # inside the open job: nothing more
        {"startDate": "2022-01", "endDate": "2023-01"},  # after the reference date: nothing
        {"endDate": "2012"},  # no start date: left out
    ]
    assert _years(work, dt.date(2021, 7, 31)) == round(58 / 12, 1) == 4.8
    # A job running past the reference date counts up to its month.
    assert _years([{"startDate": "2021-01", "endDate": "2030-12"}], dt.date(2021, 12, 1)) == 1.0
    assert _years([{"startDate": "2021"}], dt.date(2021, 1, 1)) == 0.1
    assert _years([]) is None and _years([{"name": "x"}]) is None


def test_years_are_the_same_on_two_runs_a_day_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cv.json").write_text(
        json.dumps({"basics": {"name": "Open Job"}, "work": [{"position": "Dev", "startDate": "2020-01"}]})
    )
    got = []
    for today in (dt.date(2025, 6, 30), dt.date(2025, 7, 1)):
        monkeypatch.setattr("cvconvert.batch.workbook.today", lambda today=today: today)
        target = tmp_path / f"{today}.xlsx"
        batch.gather_workbook([str(tmp_path / "in")], target, jobs=1, asOf="2025-06-30")
        got.append(_overview(target.read_bytes())[0]["Years of experience"])
    assert got == [5.5, 5.5]
    # Unless given, the reference date is the day the batch started, and the workbook says so.
    monkeypatch.setattr("cvconvert.batch.workbook.today", lambda: dt.date(2025, 7, 1))
    target = tmp_path / "default.xlsx"
    batch.gather_workbook([str(tmp_path / "in")], target, jobs=1)
    book = load_workbook(target)
    assert _overview(target.read_bytes())[0]["Years of experience"] == 5.6
    assert {p.name: p.value for p in book.custom_doc_props.props}["asOf"] == "2025-07-01"
    assert "2025-07-01" in (book.properties.description or "")
    header = book["Overview"].cell(1, HEADERS.index("Years of experience") + 2)
    assert header.value == "Years of experience" and "2025-07-01" in header.comment.text


def test_as_of_is_a_declared_option() -> None:
    assert _xlsx.XlsxWriteOptions.model_fields["asOf"].default is None
    assert api.write_options(_xlsx.FORMAT, {"asOf": "2024-02-29"}).asOf == dt.date(2024, 2, 29)
    with pytest.raises(OptionError, match="asOf"):
        api.write_options(_xlsx.FORMAT, {"asOf": "yesterday"})
    # The command line gives sources as one comma-separated string; Python as a sequence.
    assert api.write_options(_xlsx.FORMAT, {"sources": "a.json, b.json"}).sources == ("a.json", "b.json")
    assert api.write_options(_xlsx.FORMAT, {"sources": ["x, y.json"]}).sources == ("x, y.json",)


def test_highest_degree_ranks_by_level_then_date() -> None:
    levels = {
        "Ph.D.": 5,
        "M.Sc.": 4,
        "Bachelor's": 3,
        "Associate": 2,
        "Abitur": 1,
        "Course": 0,
        "Master of Arts": 4,
        "学士": 3,
        "硕士研究生": 4,
        "Licence": 3,
        "Laurea magistrale": 4,
    }
    assert {t: overview.degree_level(t) for t in levels} == levels
    resume = _resume(
        {
            "education": [
                {"studyType": "BSc", "area": "Physics", "endDate": "2012"},
                {"studyType": "MSc", "area": "Optics", "endDate": "2014"},
                {"studyType": "Certificate", "area": "Safety", "endDate": "2020"},
            ]
        }
    )
    assert overview.highest_degree(resume) == "MSc, Optics"
    unknown = _resume({"education": [{"studyType": "Course A", "endDate": "2010"}, {"area": "B", "endDate": "2015"}]})
    assert overview.highest_degree(unknown) == "B"


def test_latest_job_is_the_current_one_else_the_last_to_end() -> None:
    current = {"position": "Now", "name": "A", "startDate": "2022"}
    ended = {"position": "Then", "name": "B", "startDate": "2010", "endDate": "2023-05"}
    undated = {"position": "Undated", "name": "C"}
    assert overview.latest_job(_resume({"work": [undated, ended, current]})).position == "Now"  # type: ignore[union-attr]
    assert overview.latest_job(_resume({"work": [undated, ended]})).position == "Then"  # type: ignore[union-attr]
    assert overview.latest_job(_resume({"work": [undated]})).position == "Undated"  # type: ignore[union-attr]


# --- cells within Excel's limits ----------------------------------------------------------------


def test_a_skills_cell_past_excels_limit_keeps_whole_keywords_and_names_the_rest() -> None:
    words = [f"skill-{i:05d}-" + "x" * 40 for i in range(1_000)]  # about 52,000 characters
    resume = _resume({"basics": {"name": "Many"}, "skills": [{"name": "All", "keywords": words}]})
    data, report = _many([resume])
    cell = _overview(data)[0]["Skills"]
    assert len(cell) <= cells.MAX_CELL_CHARS
    shown = cell.split("; ")
    assert shown == words[: len(shown)]
    [note] = report.warnings
    assert note.path == "/0/skills" and f"{len(words) - len(shown)} item(s) left out" in note.message
    assert words[len(shown)] in note.message
    # The Skills sheet and the round trip still have every keyword.
    assert _xlsx.read_many(data, ReadOptions())[0][0].to_data() == resume.to_data()


def test_a_long_name_is_clipped_in_the_overview_with_a_warning() -> None:
    resume = _resume({"basics": {"name": "N" * 40_000}})
    data, report = _many([resume])
    assert len(_overview(data)[0]["Name"]) == cells.MAX_CELL_CHARS
    assert [n.path for n in report.warnings] == ["/0"] and "Name" in report.warnings[0].message


# --- print setup and safety ---------------------------------------------------------------------


def test_every_sheet_prints_landscape_fit_to_width_with_the_header_on_each_page() -> None:
    resume = _resume(
        {
            "basics": {"name": "Wrap Example", "summary": "word " * 200},
            "work": [{"name": "Acme", "position": "A rather long position title", "highlights": ["a", "b", "c"]}],
            "skills": [{"name": "S", "keywords": [f"keyword{i}" for i in range(30)]}],
        }
    )
    data, _ = _many([resume, resume])
    book = load_workbook(io.BytesIO(data))
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.page_setup.orientation == "landscape", ws.title
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
        # Rows with wrapped text have a height that holds it; text cells wrap.
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and not ws.column_dimensions[cell.column_letter].hidden:
                    assert cell.alignment.wrap_text, (ws.title, cell.coordinate)
    assert book["Overview"].row_dimensions[2].height >= 15 * 8  # 30 keywords in a 40-wide column
    assert book["Work"].row_dimensions[2].height == 45  # three highlights, one a line


def test_no_formulas_external_links_or_data_validation() -> None:
    hostile = _resume(
        {
            "basics": {"name": '=HYPERLINK("http://x")', "email": "a@example.org"},
            "skills": [{"keywords": ["=1+1", "@SUM(A1)"]}],
            "languages": [{"language": "+English", "fluency": "-native"}],
        }
    )
    data, _ = _many([hostile], sources=("=evil.json",))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        assert not [n for n in names if "externalLink" in n]
        for name in names:
            if name.startswith("xl/worksheets/sheet"):
                part = package.read(name)
                assert b"<f>" not in part and b"<f " not in part, name
                assert b"dataValidation" not in part, name
    row = _overview(data)[0]
    assert row["Name"].startswith("=") and row["Source"] == "=evil.json"  # text, never a formula
    ws = load_workbook(io.BytesIO(data))["Overview"]
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)


# --- batch report and workbook point at each other ----------------------------------------------


def test_the_batch_report_and_the_workbook_name_each_other(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "team").mkdir(parents=True)
    for i, name in enumerate(("b.json", "team/a.json", "team/c.json")):
        (src / name).write_text(json.dumps({"basics": {"name": f"Person {i}"}}))
    (src / "team" / "bad.json").write_text("{ not json")
    target = tmp_path / "all.xlsx"
    results = batch.gather_workbook([str(src)], target, jobs=1)
    rows = {row["Résumé id"]: row for row in _overview(target.read_bytes())}
    ok = [r for r in results if r.status == "ok"]
    assert sorted(r.resume_id for r in ok) == sorted(rows) == [1, 2, 3]  # type: ignore[type-var]
    for result in ok:
        row = rows[result.resume_id]
        assert Path(result.input) == src / row["Source"]  # the row names its input, relative
        assert result.as_json()["resume_id"] == result.resume_id
        assert row["Name"] == json.loads(Path(result.input).read_text())["basics"]["name"]
    failed = [r for r in results if r.status == "failed"]
    assert len(failed) == 1 and failed[0].resume_id is None and "resume_id" not in failed[0].as_json()


# --- printed by LibreOffice ----------------------------------------------------------------------


def _synthetic(count: int) -> list[Resume]:
    """Invented people with enough text to wrap."""
    roles = ("Data Engineer", "Site Reliability Engineer", "QA Analyst", "Backend Developer")
    words = ("Python", "Kubernetes", "PostgreSQL", "Terraform", "TypeScript", "Kafka", "Airflow", "Rust")
    return [
        _resume(
            {
                "basics": {
                    "name": f"Person {i} Example",
                    "label": roles[i % 4],
                    "email": f"person{i}@example.org",
                    "location": {"city": "Lyon", "countryCode": "FR"},
                },
                "work": [{"position": roles[(i + 1) % 4], "name": "Example Works Ltd", "startDate": "2019-04"}],
                "education": [{"studyType": "Master of Engineering", "area": "Information Systems"}],
                "skills": [{"name": "All", "keywords": list(words[: 3 + i % 6])}],
                "languages": [{"language": "English", "fluency": "Native"}, {"language": "French", "fluency": "B2"}],
            }
        )
        for i in range(count)
    ]


def test_libreoffice_prints_200_resumes_fitted_to_width_with_repeated_headers(tmp_path: Path) -> None:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed")
    people = _synthetic(200)
    source = tmp_path / "people.xlsx"
    source.write_bytes(_many(people, sources=tuple(f"cvs/{i}.json" for i in range(200)), asOf=AS_OF)[0])
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    text = subprocess.run(
        [pdftotext, "-layout", str(tmp_path / "people.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [p for p in text.split("\f") if re.search(r"Overview, page \d+ of", p)]
    assert 5 <= len(pages) <= 30  # 200 people, not 500 pages
    for page in pages:
        # Every Overview page has the header row, from the first column to the last (fit to width).
        assert "Résumé id" in page and "Skills" in page and "Years of experience counted to 2025-06-30" in page
    assert sum(len(re.findall(r"person\d+@example\.org", p)) for p in pages) == 200
    boxes = subprocess.run(
        [pdftotext, "-bbox", str(tmp_path / "people.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert _overlapping_words(boxes) == []  # wrapped text never runs over the next row or cell


_WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _overlapping_words(html: str) -> list[tuple[str, str]]:
    """Pairs of words printed over each other (pdftotext -bbox), page by page.

    Boxes of words on two lines in a row touch; two words overlap when they share more than
    half a line's height and some width.
    """
    found = []
    for page in html.split("<page ")[1:]:
        words = sorted(((*(float(v) for v in m[:4]), m[4]) for m in _WORD_BOX.findall(page)), key=lambda w: w[1])
        for i, (x0, y0, x1, y1, word) in enumerate(words):
            for u0, v0, u1, v1, other in words[i + 1 :]:
                if v0 >= y1:
                    break
                if min(y1, v1) - v0 > 0.5 * min(y1 - y0, v1 - v0) and u0 < x1 - 0.5 and x0 < u1 - 0.5:
                    found.append((word, other))
    return found
