"""The plain-text and Markdown reader: the hints it gives the engine, and CVs read end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cvconvert
from cvconvert import formats, limits
from cvconvert.cli import run
from cvconvert.errors import InvalidInputError, LimitExceededError
from cvconvert.formats._text import read_lines

MARKDOWN = """\
# Jane Example

jane@example.org · +49 30 1234567 · [GitHub](https://github.com/janeexample)

## Experience

**Acme Logistics GmbH**, Berlin
Lead Data Engineer
03/2019 – present
- Built the event pipeline
- Mentored four engineers

## Education

Technische Universität München
M.Sc. Computer Science
2010 – 2014

## Skills

- Languages: Python, SQL, Go
- Tools: Airflow, Kafka, dbt
"""

PLAIN = """\
Jane Example
jane@example.org

WORK EXPERIENCE

Acme Logistics GmbH
Lead Data Engineer
03/2019 - present

EDUCATION

Technische Universität München
M.Sc. Computer Science
2010 - 2014
"""


def test_markdown_heading_marks_give_the_level() -> None:
    lines = read_lines("# Jane Example\n\n### Experience ###\n")
    assert [(ln.text, ln.level) for ln in lines] == [("Jane Example", 0), ("Experience", 2)]


def test_setext_underline_makes_the_line_above_a_heading() -> None:
    lines = read_lines("Jane Example\n============\n\nExperience\n----------\nAcme\n")
    assert [(ln.text, ln.level) for ln in lines] == [("Jane Example", 0), ("Experience", 1), ("Acme", None)]


def test_a_thematic_break_is_no_line() -> None:
    assert [ln.text for ln in read_lines("Acme\n\n---\n\nBeta\n")] == ["Acme", "Beta"]


def test_bold_line_is_bold_and_loses_its_marks() -> None:
    (line,) = read_lines("**Work Experience**\n")
    assert (line.text, line.bold) == ("Work Experience", True)


def test_bold_inside_a_line_is_not_a_bold_line() -> None:
    (line,) = read_lines("**Acme**, Berlin\n")
    assert (line.text, line.bold) == ("Acme, Berlin", False)


def test_italic_line_is_italic() -> None:
    (line,) = read_lines("*Lead Engineer*\n")
    assert (line.text, line.italic) == ("Lead Engineer", True)


def test_underscores_inside_words_stay() -> None:
    (line,) = read_lines("snake_case_name and my_var\n")
    assert line.text == "snake_case_name and my_var"


@pytest.mark.parametrize("mark", ["- ", "* ", "+ ", "1. ", "12) ", "• "])
def test_list_items_are_bullets_without_their_mark(mark: str) -> None:
    (line,) = read_lines(f"{mark}Built the event pipeline\n")
    assert (line.text, line.bullet) == ("Built the event pipeline", True)


def test_a_year_with_a_dot_is_no_numbered_item() -> None:
    (line,) = read_lines("2019. Lead Engineer\n")
    assert line.bullet is False


def test_links_keep_their_text_and_target() -> None:
    (line,) = read_lines("[GitHub](https://github.com/jane) · <https://jane.dev> · <jane@example.org>\n")
    assert line.text == "GitHub · https://jane.dev · jane@example.org"
    assert line.links == ["https://github.com/jane", "https://jane.dev", "mailto:jane@example.org"]


def test_images_leave_their_alt_text_only() -> None:
    (line,) = read_lines("![photo](me.png) Jane\n")
    assert line.text == "photo Jane"
    assert line.links == []


def test_escapes_and_code_spans_show_their_text() -> None:
    (line,) = read_lines("C\\# and `C++`\n")
    assert line.text == "C# and C++"


def test_blank_lines_separate_paragraphs_and_lines_of_one_share_it() -> None:
    lines = read_lines("Acme\nEngineer\n\nBeta\n")
    assert [ln.para for ln in lines][:2] == [lines[0].para] * 2
    assert lines[2].para != lines[0].para


def test_plain_text_capitals_are_a_heading_hint() -> None:
    lines = read_lines("WORK EXPERIENCE\nAcme GmbH\n")
    assert [ln.bold for ln in lines] == [True, False]


def test_a_long_line_in_capitals_is_no_heading_hint() -> None:
    (line,) = read_lines("THIS IS A WHOLE SENTENCE WRITTEN IN CAPITALS BY SOMEONE\n")
    assert line.bold is False


def test_markdown_table_rows_become_cells() -> None:
    lines = read_lines("| Skill | Level |\n|---|---|\n| Python | expert |\n")
    assert [(ln.text, ln.where, ln.cell) for ln in lines] == [
        ("Skill", "table", (0, 0, 0)),
        ("Level", "table", (0, 0, 1)),
        ("Python", "table", (0, 1, 0)),
        ("expert", "table", (0, 1, 1)),
    ]


def test_fenced_code_is_read_as_plain_lines() -> None:
    lines = read_lines("```\n# not a heading\n```\n")
    assert [(ln.text, ln.level) for ln in lines] == [("# not a heading", None)]


def test_windows_line_ends_and_quotes() -> None:
    lines = read_lines("> Acme\r\n> Beta\r\n")
    assert [ln.text for ln in lines] == ["Acme", "Beta"]


def test_markdown_cv_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    resume = cvconvert.read(path)
    data = resume.to_data()
    assert data["basics"]["name"] == "Jane Example"
    assert data["basics"]["email"] == "jane@example.org"
    assert data["basics"]["profiles"][0]["url"] == "https://github.com/janeexample"
    assert [(w["name"], w["position"], w["startDate"]) for w in data["work"]] == [
        ("Acme Logistics GmbH", "Lead Data Engineer", "2019-03")
    ]
    assert data["work"][0]["highlights"] == ["Built the event pipeline", "Mentored four engineers"]
    assert data["education"][0]["institution"] == "Technische Universität München"
    assert {"name": "Tools", "keywords": ["Airflow", "Kafka", "dbt"]} in data["skills"]


def test_plain_text_cv_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(PLAIN, encoding="utf-8")
    data = cvconvert.read(path).to_data()
    assert data["basics"]["name"] == "Jane Example"
    assert data["work"][0]["name"] == "Acme Logistics GmbH"
    assert data["education"][0]["endDate"] == "2014"


def test_cli_converts_markdown_to_json(tmp_path: Path) -> None:
    source, target = tmp_path / "cv.md", tmp_path / "cv.json"
    source.write_text(MARKDOWN, encoding="utf-8")
    assert run([str(source), str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["basics"]["name"] == "Jane Example"


def test_language_option_is_taken(tmp_path: Path) -> None:
    # "luty" (February) is a month name only CLDR's Polish knows.
    path = tmp_path / "cv.txt"
    path.write_text("Jan Kowalski\n\nDOŚWIADCZENIE ZAWODOWE\n\nFirma\nProgramista\nmarzec 2019 - luty 2021\n", "utf-8")
    data = cvconvert.read(path, lang="pl").to_data()
    assert data["work"][0]["endDate"] == "2021-02"


def test_text_is_never_sniffed() -> None:
    assert formats.builtin()["text"].sniff is None
    detected = formats.sniff(b"Jane Example\n\nEXPERIENCE\nAcme\n")
    assert detected is None or detected.name != "text"


def test_text_writes_nothing() -> None:
    assert formats.builtin()["text"].write is None
    assert formats.for_path("cv.md", "write") is None


def test_text_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(PLAIN * 10, encoding="utf-8")
    with limits.using(max_text_bytes=100), pytest.raises(LimitExceededError):
        cvconvert.read(path)


def test_empty_text_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(InvalidInputError):
        cvconvert.read(path)


def test_front_matter_is_read_as_plain_lines() -> None:
    lines = read_lines("---\nname: Jane Example\nrole: Engineer\n---\n# Experience\n")
    assert [(ln.text, ln.level) for ln in lines] == [
        ("name: Jane Example", None),
        ("role: Engineer", None),
        ("Experience", 0),
    ]


def test_a_thematic_break_at_the_top_is_no_front_matter() -> None:
    lines = read_lines("---\nJane Example\n\nExperience\n")
    assert [ln.text for ln in lines] == ["Jane Example", "Experience"]


def test_pasted_text_past_max_document_chars_is_refused_before_the_rules(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(PLAIN * 10, encoding="utf-8")
    with limits.using(max_document_chars=len(PLAIN)), pytest.raises(LimitExceededError, match="characters"):
        cvconvert.read(path)
