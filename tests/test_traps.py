"""Issue 13: the traps a new user fell into, through the command line and the library.

Options are declared per format and routed by one router; every position of an unknown format
is a usage error; nothing to do is an error; a name that wants --single-workbook says so.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

import cvconvert
from cvconvert import batch
from cvconvert.errors import InvalidInputError, OptionError
from tests.conftest import SAMPLES

SAMPLE = SAMPLES / "wanru-zhao.json"


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cvconvert", *map(str, args)], capture_output=True, text=True, timeout=120
    )


# --- options: declared, routed, typed ------------------------------------------------------------


def test_issue_13_europass_takes_lang_like_every_language_writer(tmp_path: Path) -> None:
    out = tmp_path / "cv.xml"
    proc = run(SAMPLE, out, "--lang", "fr", "-q")
    assert proc.returncode == 0, proc.stderr
    assert 'languageCode="fr"' in out.read_text()


def test_issue_13_batch_gives_lang_to_the_europass_writer(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cv.json").write_bytes(SAMPLE.read_bytes())
    proc = run("batch", tmp_path / "in", "--to", "europass", "--lang", "de", "--out", tmp_path / "out", "-q")
    assert proc.returncode == 0, proc.stderr
    assert 'languageCode="de"' in (tmp_path / "out" / "cv.xml").read_text()


def test_issue_13_option_strings_are_converted_once_by_the_router(tmp_path: Path) -> None:
    out = tmp_path / "cv.xlsx"
    assert run(SAMPLE, out, "-O", "hyperlinks=false", "-O", "max_links=5", "-q").returncode == 0
    bad = run(SAMPLE, tmp_path / "bad.xlsx", "-O", "max_links=lots")
    assert bad.returncode == 2
    assert "option max_links of the xlsx writer takes a whole number, not 'lots'" in bad.stderr
    assert not (tmp_path / "bad.xlsx").exists()


def test_issue_13_an_option_neither_side_takes_names_what_they_take(tmp_path: Path) -> None:
    proc = run(SAMPLE, tmp_path / "cv.yaml", "-O", "colour=red")
    assert proc.returncode == 2
    assert "colour" in proc.stderr and "json -> yaml" in proc.stderr


def test_issue_13_formats_prints_each_option_with_type_default_and_help() -> None:
    listing = run("formats")
    xlsx_row = next(line for line in listing.stdout.splitlines() if line.split()[:1] == ["xlsx"])
    assert listing.returncode == 0 and "hyperlinks max_links" in xlsx_row  # one row a format in a pipe
    one = run("formats", "xlsx")
    assert one.returncode == 0
    assert "max_links" in one.stdout and "a whole number" in one.stdout and "1000" in one.stdout
    assert run("formats", "word").returncode == 2


def test_issue_13_the_library_takes_the_same_options_as_the_command_line() -> None:
    resume = cvconvert.read(SAMPLE)
    for value in ("false", False):  # the command line's string and Python's value
        book = load_workbook(io.BytesIO(cvconvert.dumps(resume, "xlsx", hyperlinks=value)[0]))
        assert all(cell.hyperlink is None for sheet in book for row in sheet.iter_rows() for cell in row)
    with pytest.raises(OptionError, match="page of the docx writer takes A4 or Letter, not 'A5'"):
        cvconvert.dumps(resume, "docx", page="A5")
    with pytest.raises(OptionError, match="it takes: context"):
        cvconvert.dumps(resume, "jsonld", lang="fr")


# --- one library surface -----------------------------------------------------------------------


def test_issue_13_convert_many_is_on_the_package_and_takes_a_path_and_keyword_options(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "cv.json").write_bytes(SAMPLE.read_bytes())
    results = list(cvconvert.convert_many(str(folder), tmp_path / "out", to="europass", lang="es", jobs=1))
    assert [r.status for r in results] == ["ok"]
    assert 'languageCode="es"' in (tmp_path / "out" / "cv.xml").read_text()
    # A Path is one input too, and a bad option fails at the call, before anything runs.
    with pytest.raises(OptionError, match="bogus"):
        cvconvert.convert_many(folder, tmp_path / "out2", to="docx", bogus=1)
    assert not (tmp_path / "out2").exists()


def test_issue_13_importing_the_package_stays_cheap() -> None:
    code = "import cvconvert, sys; print(sorted(m for m in ('cvconvert.batch', 'pydantic') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- one exit-code table ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("--from", "jsn"), ("--to", "word")],
    ids=["from", "to"],
)
def test_issue_13_an_unknown_format_is_a_usage_error_in_every_position(args: tuple[str, ...], tmp_path: Path) -> None:
    proc = run(SAMPLE, tmp_path / "cv.docx", *args)
    assert proc.returncode == 2, proc.stderr
    assert "known formats" in proc.stderr
    batch_proc = run("batch", SAMPLE, "--to", "word", "--out", tmp_path / "o")
    assert batch_proc.returncode == 2


def test_issue_13_writing_to_an_extension_no_writer_owns_lists_the_writers(tmp_path: Path) -> None:
    proc = run(SAMPLE, tmp_path / "cv.txt")  # text is read only (.pdf is written since issue #16)
    assert proc.returncode == 2
    assert "no format writes .txt files" in proc.stderr and "docx" in proc.stderr


def test_issue_13_debug_works_after_the_command_too(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{")
    for args in (
        ("--debug", tmp_path / "bad.json", tmp_path / "o.docx"),
        (tmp_path / "bad.json", tmp_path / "o.docx", "--debug"),
    ):
        proc = run(*args)
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" in proc.stderr and "not valid JSON" in proc.stderr


def test_issue_13_nothing_to_do_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for spec in (str(tmp_path / "*.jsn"), str(tmp_path / "empty")):
        proc = run("batch", spec, "--to", "docx", "--out", tmp_path / "o")
        assert proc.returncode == 1, proc.stderr
        assert "no input files matched" in proc.stderr
    with pytest.raises(InvalidInputError, match="no input files matched"):
        cvconvert.convert_many(str(tmp_path / "empty"), tmp_path / "o", to="docx")


def test_issue_13_a_workbook_name_as_out_suggests_single_workbook(tmp_path: Path) -> None:
    proc = run("batch", SAMPLE, "--to", "xlsx", "--out", tmp_path / "o.xlsx")
    assert proc.returncode == 2
    assert "--single-workbook" in proc.stderr
    assert not (tmp_path / "o.xlsx").exists()
    assert run("batch", SAMPLE, "--to", "xlsx", "--out", tmp_path / "o.xlsx", "--single-workbook", "-q").returncode == 0
    assert (tmp_path / "o.xlsx").is_file()


def test_issue_13_json_that_holds_no_resume_is_an_error_not_a_blank_cv(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text(json.dumps({"name": "left-pad", "version": "1.3.0", "dependencies": {}}))
    proc = run(path, tmp_path / "cv.docx")
    assert proc.returncode == 1
    assert "holds no résumé" in proc.stderr and not (tmp_path / "cv.docx").exists()
    results = list(batch.convert_many([str(path)], tmp_path / "out", to="docx", jobs=1))
    assert [r.status for r in results] == ["failed"]
    jsonld = tmp_path / "person.json"
    jsonld.write_text(json.dumps({"@context": "https://schema.org", "@type": "Person", "name": "A"}))
    with pytest.raises(InvalidInputError, match="--from jsonld"):
        cvconvert.read(jsonld)
    assert cvconvert.read(jsonld, "jsonld").basics.name == "A"  # type: ignore[union-attr]


def test_issue_13_readme_exit_codes_are_what_the_command_returns(tmp_path: Path) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    table = readme.split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    documented = {int(line.split("|")[1]) for line in table.splitlines() if line.startswith("| ") and line[2].isdigit()}
    assert documented == {0, 1, 2, 3, 130}
    (tmp_path / "bad.json").write_text("{")
    codes = {
        0: run(SAMPLE, tmp_path / "ok.yaml", "-q").returncode,
        1: run(tmp_path / "bad.json", tmp_path / "x.yaml").returncode,
        2: run(SAMPLE, tmp_path / "x.yaml", "--from", "jsn").returncode,
        3: run(SAMPLE, tmp_path / "x.xml", "--fail-on-loss").returncode,
    }
    assert codes == {0: 0, 1: 1, 2: 2, 3: 3}
    # 130 (Ctrl-C) is tested where batch is interrupted for real: tests/test_hostile_batch.py.


def test_issue_13_readme_library_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    example = readme.split("## Library", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    namespace: dict[str, object] = {}
    exec(compile(example, "README.md", "exec"), namespace)
    assert sorted(os.listdir(tmp_path)) != ["samples"]  # it wrote what it says


def test_issue_13_readme_names_every_public_function_and_only_those() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    library = readme.split("## Library", 1)[1].split("\n## ", 1)[0]
    functions = {name for name in cvconvert.__all__ if callable(getattr(cvconvert, name)) and name[0].islower()}
    missing = {name for name in functions if f"{name}(" not in library}
    assert missing == set()
