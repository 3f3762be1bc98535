"""PDF layout rules, one test each, on PDFs made up here (invented text): cells and columns."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from cvconvert.extract.lines import Line
from cvconvert.formats._pdf import layout
from cvconvert.formats._pdf.layout import Word
from cvconvert.formats._pdf.text import read_lines
from tests.pdf_samples import Page, Run, build


def _texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines]


def _dated(entries: list[tuple[str, str, str]], width: float = 540) -> list[str]:
    """Entries in a dates column: the date, then its text over two lines beside it."""
    runs = []
    for i, (date, first, second) in enumerate(entries):
        y = 100 + 50 * i
        runs += [Run(date, 40, y), Run(first, 130, y), Run(second, 130, y + 12)]
    runs.append(Run("Plain text under the entries, as wide as the column above them, to set its right edge.", 130, 280))
    return _texts(read_lines(build([Page(runs, width=width)])))


def test_pdf_text_beside_a_date_wraps_under_itself() -> None:
    bachelor = "Bachelor of Science in Physics, with a minor in Computer Science; Nordvale Univer-"
    diploma = "Diploma in Applied Mathematics and Statistics for the Natural Sciences, and for their"
    texts = _dated(
        [
            ("2015 - 2019", bachelor, "sity"),
            ("2012 - 2015", diploma, "uses"),
            ("2010 - 2012", "Certificate in Laboratory Technique", "Eastmoor College"),
        ]
    )
    assert texts[:2] == ["2015 - 2019\t" + bachelor[:-1] + "sity", "2012 - 2015\t" + diploma + " uses"]


def test_pdf_line_under_a_dated_head_that_starts_a_new_item_stays_a_line() -> None:
    # A degree that reaches the edge over its school: the next line of the cell, not a wrap.
    texts = _dated(
        [
            ("2015 - 2019", "Bachelor of Science in Physics, Chemistry and Computer Science of Materials", "Nordvale"),
            ("2012 - 2015", "Diploma in Applied Mathematics and Statistics for the Natural Sciences Today", "Eastmoor"),
            ("2010 - 2012", "Certificate in Laboratory Technique and Safety for Hospitals and Schools", "Westbury"),
        ]
    )
    assert texts[1] == "Nordvale" and texts[3] == "Eastmoor"


def test_pdf_right_to_left_list_item_after_a_tab_wraps() -> None:
    # A Word list item in Hebrew: the mark at the right, a tab, then text that wraps to the left
    # margin (written in visual order, as word processors do).
    first = "אבגד הוזח טיכל מנסע פצקר שתאב גדהו זחטי כלמנ סעפצ קרשת"
    second = "אבג דהו זחט"  # 11 characters of 5.56 points: it ends where the first line does
    runs = [
        Run("\u2022", 370, 100),
        Run(first, 50, 100, rtl=True),
        Run(second, 50 + 5.56 * (len(first) - len(second)), 112, rtl=True),
        *(Run(f"{first} {i}", 50, 140 + 12 * i, rtl=True) for i in range(3)),
    ]
    lines = read_lines(build([Page(runs, width=540)]))
    assert lines[0].text == first + " " + second and lines[0].bullet


def _table(rows: list[list[tuple[str, float]]], step: float = 9.0) -> list[str]:
    """Rows of cells (text, left) one ``step`` apart, under a heading; tight lines, as Word's tables."""
    runs = [Run("Experience", 30, 80, size=12)]
    for i, row in enumerate(rows):
        runs += [Run(text, x, 100 + step * i) for text, x in row]
    runs.append(Run("Plain text well under the table.", 30, 100 + step * len(rows) + 40))
    return _texts(read_lines(build([Page(runs, width=595)])))


def test_pdf_table_row_whose_cells_wrap_is_one_line_of_its_cells() -> None:
    texts = _table(
        [
            [("Software", 30), ("Nordwind Group", 250), ("Springfield,", 420), ("since 02/2023", 520)],
            [("Development", 30), ("Ltd", 270), ("Germany", 415)],
            [("Intern", 30)],
        ]
    )
    assert texts[1] == "Software Development Intern\tNordwind Group Ltd\tSpringfield, Germany\tsince 02/2023"


def test_pdf_table_row_whose_dates_cell_wraps_after_a_dash_is_one_line() -> None:
    texts = _table(
        [
            [("Architect", 30), ("Northwind", 250), ("Springfield,", 420), ("08/2022 -", 520)],
            [("Student job", 30), ("Ltd", 270), ("Germany", 415), ("02/2023", 522)],
        ]
    )
    assert texts[1] == "Architect Student job\tNorthwind Ltd\tSpringfield, Germany\t08/2022 - 02/2023"


def test_pdf_table_rows_that_fill_every_cell_stay_rows() -> None:
    texts = _table(
        [
            [("German", 30), ("C1", 250), ("native", 420)],
            [("English", 30), ("B2", 250), ("work", 420)],
        ]
    )
    assert texts[1:3] == ["German\tC1\tnative", "English\tB2\twork"]


def test_pdf_details_under_a_dated_head_stay_lines_of_their_own() -> None:
    texts = _table(
        [
            [("MS", 30), ("Nordvale University (Springfield)", 70), ("2013-2015", 480)],
            [("College of Natural Sciences", 70)],
            [("Department of Animal Science", 70)],
        ],
        step=14,
    )
    assert texts[1:4] == [
        "MS\tNordvale University (Springfield)\t2013-2015",
        "College of Natural Sciences",
        "Department of Animal Science",
    ]


def test_pdf_form_rows_with_labels_are_not_cells_that_wrap() -> None:
    texts = _table(
        [
            [("Name:", 30), ("Ada Example", 120), ("Born:", 300), ("1990,", 400)],
            [("Springfield", 120), ("Married", 400)],
        ]
    )
    assert texts[1:3] == ["Name:\tAda Example\tBorn:\t1990,", "Springfield\tMarried"]


def test_pdf_right_to_left_captions_in_the_right_margin_come_before_their_entries() -> None:
    # A Persian or Hebrew CV's section titles in a narrow column at the right, entries at the left:
    # the mirror image of captions in the left margin.
    captions = ("אבגד הוז", "חטיכ", "למנס עפצ")
    runs = []
    for i, caption in enumerate(captions):
        y = 100 + 70 * i
        runs.append(Run(caption, 540 - 5.56 * len(caption), y, rtl=True))
        for k in range(4):
            text = f"{'קרשת אבגד'[k:]} {i}{k}"
            runs.append(Run(text, 400 - 5.56 * len(text), y + 13 * k, rtl=True))
    texts = _texts(read_lines(build([Page(runs, width=595)])))
    assert [texts.index(c) for c in captions] == [0, 5, 10]


def _advance(text: str, font: str) -> float:
    """How wide PDFium finds the text in 10-point type: to set it flush right."""
    [line] = read_lines(build([Page([Run(text, 100, 100, font=font)])]))
    return line.box[2] - 100


def test_pdf_dates_set_right_in_the_margin_go_after_their_entrys_head() -> None:
    # The place and dates of each entry flush right beside it, the dates wrapped in the margin;
    # read after all the entries they would be nobody's. Beside a row of the head, they end it
    # after tabs, as a head's fields.
    runs = [Run("Experience", 40, 80, size=14)]
    for i in range(3):
        y = 110 + 90 * i
        runs += [
            Run(f"Northwind Trading Company {i}", 40, y, size=12, font="Helvetica-Bold"),
            Run(f"Sales assistant {i}", 40, y + 15),
            Run("\u2022", 40, y + 30),
            Run(f"Sold things of kind {i} to many people", 52, y + 30),
            Run("\u2022", 40, y + 43),
            Run(f"Kept the books of shop {i}", 52, y + 43),
        ]
        place, first, second = "Springfield", f"Sep 201{i} -", f"Jun 201{i + 1}"
        for k, (text, font) in enumerate(((place, "Helvetica-Bold"), (first, "Helvetica"), (second, "Helvetica"))):
            runs.append(Run(text, 550 - _advance(text, font), y + 16 + 12 * k, font=font))
    texts = _texts(read_lines(build([Page(runs, width=595)])))
    assert texts[:5] == [
        "Experience",
        "Northwind Trading Company 0",
        "Sales assistant 0\tSpringfield\tSep 2010 - Jun 2011",
        "Sold things of kind 0 to many people",
        "Kept the books of shop 0",
    ]


def test_pdf_bullet_glued_to_its_text_is_a_list_mark_in_the_texts_size() -> None:
    # The mark drawn just before the text in a larger size: one word for PDFium.
    runs = [Run("\u2022", 50, 100, size=12), Run("Led the team", 50 + 0.35 * 12, 100)]
    [line] = read_lines(build([Page(runs)]))
    assert line.text == "Led the team" and line.bullet and line.size == 10


def test_symbol_font_bullet_glued_to_its_text_is_a_list_mark() -> None:
    # Word's bullet from the Symbol font comes out of PDF text as a private-use character.
    words = [Word("\uf0b7Led", 50, 70, 90, 102, 100, 12), Word("the", 72, 88, 91, 102, 100, 10)]
    rest, bullet = layout._bullet(words)
    assert bullet and [w.text for w in rest] == ["Led", "the"] and rest[0].size == 10


def test_pdf_list_item_goes_on_in_its_hanging_indent() -> None:
    # A list item whose mark is glued to its first word: its next line starts under the text.
    item = "Organised the exchange programme for forty students of the city and its"
    runs = [
        Run("\u2022", 40, 100),
        Run(item, 40 + 0.35 * 10, 100),
        Run("schools", 40 + 12, 112),
        *(Run(f"{item} {i}", 40, 140 + 12 * i) for i in range(3)),
    ]
    texts = _texts(read_lines(build([Page(runs, width=420)])))
    assert texts[0] == item + " schools"


def test_pdf_narrow_right_column_without_dates_stays_a_sidebar() -> None:
    runs = []
    for i in range(8):
        runs.append(Run(f"Main column sentence about work number {i}", 40, 103 + 17 * i))
        runs.append(Run(f"Skill {i}" + " and more" * (i % 3), 420, 100 + 14 * i))
    lines = read_lines(build([Page(runs, width=595)]))
    assert {ln.where for ln in lines if ln.text.startswith("Skill")} == {"sidebar"}
    texts = _texts(lines)
    assert texts.index("Skill 0") > max(k for k, t in enumerate(texts) if "number" in t)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("ada.example.2006@exam", "ple.org", "ada.example.2006@example.org"),
        ("Mail: ada.example@", "example.org", "Mail: ada.example@example.org"),
        ("https://gitforge.example/", "ada-example", "https://gitforge.example/ada-example"),
    ],
)
def test_pdf_address_cut_by_a_narrow_column_is_one_word(first: str, second: str, joined: str) -> None:
    runs = [Run(first, 30, 100), Run(second, 30, 114), Run("Springfield", 30, 140)]
    assert _texts(read_lines(build([Page(runs, width=595)])))[:2] == [joined, "Springfield"]


def test_pdf_whole_address_over_a_word_stays_two_lines() -> None:
    runs = [Run("ada@example.org", 30, 100), Run("springfield", 30, 114)]
    assert _texts(read_lines(build([Page(runs, width=595)]))) == ["ada@example.org", "springfield"]


def test_pdf_letter_spaced_heading_of_two_words_has_a_space_not_a_tab() -> None:
    # Six-point capitals 4 points apart: the word space is a space glyph and two spacings wide.
    runs = [Run("ABOUT", 30, 100, size=6, spacing=4), Run("ME", 76.5, 100, size=6, spacing=4)]
    assert _texts(read_lines(build([Page(runs, width=595)]))) == ["ABOUT ME"]


def test_pdf_spread_cjk_cells_keep_their_tab() -> None:
    # Full-width characters are wide apart by nature: a table's gap between them stays a tab.
    first = "井原中学校"
    end = 100 + len(first) * (5.56 + 6) - 6
    runs = [Run(first, 100, 100, spacing=6), Run("卒業", end + 15, 100, spacing=6)]
    assert _texts(read_lines(build([Page(runs, width=595)]))) == [first + "\t卒業"]


def _grid_page(left: list[str], right: list[str], below: list[str]) -> list[str]:
    runs = [Run("Personal details", 40, 60, size=14)]
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        runs += [Run(a, 150, 100 + 20 * i), Run(b, 380, 100 + 20 * i)]
    runs += [Run(text, 40, 200 + 14 * i) for i, text in enumerate(below)]
    return _texts(read_lines(build([Page(runs, width=595)])))


def test_pdf_grid_of_fields_side_by_side_is_read_row_by_row() -> None:
    texts = _grid_page(
        ["Name: Ada Example", "Born: 1990-02-05", "Phone: 555 0100"],
        ["Degree: Physics", "School: Nordvale", "Lives in: Springfield"],
        ["Experience", "2015 - 2020 Northwind Ltd, engineer"],
    )
    assert texts[1:7] == [
        "Name: Ada Example",
        "Degree: Physics",
        "Born: 1990-02-05",
        "School: Nordvale",
        "Phone: 555 0100",
        "Lives in: Springfield",
    ]


def test_pdf_columns_of_long_lines_on_one_baseline_are_not_a_grid() -> None:
    long_left = [f"Left column sentence number {i} that goes on" for i in range(3)]
    long_right = [f"Right column sentence number {i} too" for i in range(3)]
    texts = _grid_page(long_left, long_right, ["Experience", "More text of the left column below"])
    assert texts.index(long_left[2]) < texts.index(long_right[0])


def _closing(y: float) -> list[Run]:
    """Lines under the entries, as wide as the column, that set its right edge."""
    text = "Closing line {} of the page, as wide as the column above it, to be sure."
    return [Run(text.format(i), 110, y + 12 * i) for i in range(3)]


def _dates_column(rows: list[tuple[str, str]], *, caption_size: float = 9, step: float = 11) -> list[str]:
    """A dates column (captions at the left, smaller type a little lower) beside entry lines."""
    runs = [Run("Plain text as wide as the column, with words enough to set its right edge.", 110, 70)]
    for i, (caption, body) in enumerate(rows):
        y = 100 + step * i
        if caption:
            runs.append(Run(caption, 45, y + 1, size=caption_size))
        if body:
            runs.append(Run(body, 110, y))
    runs += _closing(300)
    return _texts(read_lines(build([Page(runs, width=560)])))


def test_pdf_date_wrapped_in_its_column_is_one_caption() -> None:
    texts = _dates_column(
        [
            ("2015 -", "Master of Physics"),
            ("2016", "Nordvale University, Springfield"),
            ("", ""),
            ("Since", "Research intern"),
            ("December", "Northwind Labs, Eastmoor"),
            ("2015", "Built the lab's data pipeline"),
        ]
    )
    assert texts[1:7] == [
        "2015 - 2016\tMaster of Physics",
        "Nordvale University, Springfield",
        "Since December 2015\tResearch intern",
        "Northwind Labs, Eastmoor",
        "Built the lab's data pipeline",
        texts[6],
    ]


def test_pdf_dates_of_one_line_entries_stay_on_their_lines() -> None:
    prizes = [("2019", "Prize of the city"), ("2018", "Prize of the school"), ("2017", "Prize of the club")]
    texts = _dates_column(prizes)
    assert texts[1:4] == ["2019\tPrize of the city", "2018\tPrize of the school", "2017\tPrize of the club"]


def test_pdf_title_in_larger_type_over_a_date_is_not_one_caption() -> None:
    runs = [Run("Projects", 45, 100, size=16)]
    for i in range(3):
        y = 117 + 14 * i
        runs += [Run(f"{2021 - i}", 45, y + 1, size=9), Run(f"Project number {i} of the list", 110, y)]
    runs += _closing(200)
    texts = _texts(read_lines(build([Page(runs, width=560)])))
    assert texts[:2] == ["Projects", "2021\tProject number 0 of the list"]


def test_pdf_entry_beside_a_lower_date_does_not_run_into_the_next_line() -> None:
    # The date in smaller type sits a little lower than its entry's line: the tab before the
    # entry still makes the next line (a capital, no hyphen) a line of its own.
    title = "Research intern in the lab of natural sciences, working on the data of the"
    texts = _dates_column([("2015", title), ("", "Northwind Labs, Eastmoor, Springfield and other towns")])
    assert texts[1:3] == ["2015\t" + title, "Northwind Labs, Eastmoor, Springfield and other towns"]


def test_pdf_browser_print_margins_are_not_read_as_the_cv() -> None:
    # One page printed from a browser: the time and the page's title at the top, its address and
    # the page count at the bottom.
    runs = [
        Run("06/12/2025, 10:15", 20, 20, size=8),
        Run("Ada Example - Resume", 260, 20, size=8),
        Run("Ada Example", 60, 90, size=20),
        Run("Data engineer in Springfield", 60, 120),
        Run("file:///home/ada/resume.html", 20, 825, size=8),
        Run("1/1", 560, 825, size=8),
    ]
    lines = read_lines(build([Page(runs)]))
    assert [ln.where for ln in lines] == ["footer", "body", "body", "footer"]


def test_pdf_form_lines_dotted_out_to_the_edge_stay_lines() -> None:
    # A form typed in a word processor: each field's line filled with dots up to the margin.
    fields = ["Name: Ada Example", "Born in: Springfield", "Lives in: Eastmoor"]
    runs = [Run(field + "." * (70 - len(field)), 40, 100 + 14 * i) for i, field in enumerate(fields)]
    texts = _texts(read_lines(build([Page(runs, width=330)])))
    assert len(texts) == 3 and [t.split(".")[0] for t in texts] == fields


def test_pdf_margin_dates_in_mixed_sizes_with_a_page_number_below_are_read_beside() -> None:
    # Places and dates in two sizes, set right a point or four apart, and the page's number
    # under them: still the entries' dates, not a sidebar.
    runs = [Run("Projects", 40, 80, size=14)]
    for i in range(4):
        y = 110 + 60 * i
        runs += [
            Run(f"Garden planner number {i}", 40, y, size=12, font="Helvetica-Bold"),
            Run("Team project", 40, y + 15),
            Run(f"Built a tool of kind {i} for many people", 52, y + 28),
        ]
        kind, date = "Web app", f"June 201{i}"
        runs.append(Run(kind, 550 - _advance(kind, "Helvetica"), y + 6))
        runs.append(Run(date, 546.5 - 0.65 * _advance(date, "Helvetica"), y + 20, size=6.5))
    runs.append(Run("1", 540, 800, size=5))
    texts = _texts(read_lines(build([Page(runs, width=595)])))
    assert texts[1:3] == ["Garden planner number 0\tWeb app\tJune 2010", "Team project"]


def test_pdf_open_range_over_a_word_in_a_dates_column_is_one_caption() -> None:
    rows = [("2015 -", "Research intern"), ("Present", "Northwind Labs, Eastmoor"), ("", "")]
    rows += [("2012", "Prize of the school"), ("", ""), ("2010", "Prize of the city")]
    texts = _dates_column(rows)
    assert texts[1:3] == ["2015 - Present\tResearch intern", "Northwind Labs, Eastmoor"]


def test_pdf_closed_range_over_the_next_entrys_date_stays_apart() -> None:
    # "now" ends its range: the date below belongs to the next one-line entry.
    prizes = [("2019 - now", "Member of the club"), ("2017", "Prize of the school"), ("2016", "Prize of the city")]
    texts = _dates_column(prizes, step=14)
    assert texts[1:3] == ["2019 - now\tMember of the club", "2017\tPrize of the school"]


def test_pdf_numbers_in_a_right_to_left_line_are_in_typed_order() -> None:
    # Typed "worked 2018 - 2020:" in Hebrew; the page shows the numbers right to left too:
    # ":2020 - 2018" left of the word (x: 50 to 115), the word at the right.
    runs = [
        Run(":2020", 50, 100),
        Run("-", 82, 100),
        Run("2018", 90, 100),
        Run("עבדתי", 116, 100, rtl=True),
    ]
    assert _texts(read_lines(build([Page(runs)]))) == ["עבדתי 2018 - 2020:"]


def test_pdf_label_under_a_full_line_is_a_line_of_its_own() -> None:
    text = "Answered the calls of customers and agents of the company on all matters of"
    runs = [Run(text, 40, 100), Run("Duties:", 40, 112)]
    runs += [Run(f"{text} {i}", 40, 140 + 12 * i) for i in range(3)]
    assert _texts(read_lines(build([Page(runs, width=420)])))[:2] == [text, "Duties:"]


def test_pdf_text_box_drawn_over_the_body_is_a_line_of_its_own() -> None:
    # A floating box of dates printed over the start of a list item on the same baseline: the
    # two are drawn far apart in the page's text, and must not be read as one line of mixed words.
    runs = [
        Run("2018 - 2019", 216, 100, size=8),
        Run("Lines of the sidebar and the rest of the page come between the two boxes.", 20, 300),
        Run("Built a weather forecast tool for the city", 253, 100),
    ]
    texts = _texts(read_lines(build([Page(runs)])))
    assert "2018 - 2019" in texts and "Built a weather forecast tool for the city" in texts


def test_pdf_heading_in_the_dates_column_is_not_part_of_the_first_date() -> None:
    rows = [("EXPERIENCE", ""), ("2019", "Engineer at Northwind"), ("2017", "Intern at Eastmoor")]
    rows += [("2015", "Student job"), ("2013", "Summer job")]
    texts = _dates_column(rows)
    assert "EXPERIENCE" in texts and "2019\tEngineer at Northwind" in texts


def test_pdf_range_whose_dash_wrapped_to_the_next_row_is_one_caption() -> None:
    rows = [("March 2017", "Sales assistant"), ("-", "Served the customers"), ("May 2018", ""), ("", "")]
    rows += [("2015", "Student job"), ("", ""), ("2013", "Summer job")]
    texts = _dates_column(rows)
    assert texts[1] == "March 2017 - May 2018\tSales assistant"


def test_pdf_date_wrapped_between_lines_of_its_entry_is_one_caption() -> None:
    # The date's rows and the entry's lines alternate: each sits on its own baseline.
    rows = [("March", "Sales assistant, Northwind Ltd"), ("", "Served the customers"), ("2017 -", "")]
    rows += [("", "and kept the books"), ("May 2018", ""), ("", ""), ("2015", "Student job")]
    rows += [("", ""), ("2013", "Summer job")]
    texts = _dates_column(rows, step=6)
    assert texts[1] == "March 2017 - May 2018\tSales assistant, Northwind Ltd"
