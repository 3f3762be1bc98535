"""PDF layout rules across pages and for browser prints, one test each, on PDFs made up here
(invented text): running heads, columns that go on over pages, places beside heads."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from cvconvert.formats._pdf.text import read_lines
from tests.pdf_samples import Page, Run, build


def test_pdf_caption_a_page_break_puts_at_the_top_of_two_pages_is_no_running_head() -> None:
    # Five pages: a real running head at one height on the last four, and an entry's caption
    # that two page breaks happen to put at the top of the page (once a little lower).
    pages = []
    for i in range(5):
        runs = [Run(f"Body text of page {i}", 50, 300)]
        if i:
            runs.append(Run("Ada Example - Curriculum", 50, 30))
        if i in (2, 3):
            runs.append(Run("Highlights", 50, 60))
        if i == 1:
            runs.append(Run("Projects", 50, 45))
        if i == 4:
            runs.append(Run("Projects", 50, 70))
        pages.append(Page(runs))
    where = {(ln.page, ln.text): ln.where for ln in read_lines(build(pages))}
    assert where[(1, "Ada Example - Curriculum")] == "header"
    assert where[(2, "Highlights")] == where[(3, "Highlights")] == "body"
    # The same words at another height on each page: not a running head either.
    assert where[(1, "Projects")] == where[(4, "Projects")] == "body"


def _two_columns(page: int, main: list[str], side: list[str]) -> Page:
    runs = [Run(text, 40, 120 + 16 * i) for i, text in enumerate(main)]
    # The sidebar's lines stand apart from the main column's: other spacing, another start.
    runs += [Run(text, 380, 126 + 19 * i) for i, text in enumerate(side)]
    if page == 0:
        runs.append(Run("Ada Example", 230, 60, size=20))
    return Page(runs)


def test_pdf_main_column_goes_on_over_the_next_page_before_the_sidebar() -> None:
    # A main column of entries and a narrower sidebar of sections on both pages: the entries on
    # the second page go on with the main column, not after the sidebar's last section.
    main0 = [
        "EXPERIENCE",
        "Engineer, Northwind Ltd, Springfield",
        "2019 - 2021",
        "Built the billing service",
        "Analyst, Eastmoor Bank, Westbury",
    ]
    side0 = ["SKILLS", "Python", "SQL", "Go"]
    main1 = ["2017 - 2019", "Wrote the monthly reports on risk", "Intern, Westbury Labs, Lyon", "2016 - 2017"]
    side1 = ["LANGUAGES", "English", "German"]
    texts = [ln.text for ln in read_lines(build([_two_columns(0, main0, side0), _two_columns(1, main1, side1)]))]
    assert texts == ["Ada Example", *main0, *main1, *side0, *side1]


def test_pdf_page_in_the_main_column_alone_goes_on_with_it() -> None:
    # The sidebar ends on the first page; the second page's text stands where the main column is.
    main0 = [
        "EXPERIENCE",
        "Engineer, Northwind Ltd, Springfield",
        "2019 - 2021",
        "Built the billing service",
        "Analyst, Eastmoor Bank, Westbury",
    ]
    side0 = ["SKILLS", "Python", "SQL", "Go"]
    main1 = ["2017 - 2019", "Wrote the monthly reports on risk", "Intern, Westbury Labs, Lyon", "2016 - 2017"]
    texts = [ln.text for ln in read_lines(build([_two_columns(0, main0, side0), _two_columns(1, main1, [])]))]
    assert texts == ["Ada Example", *main0, *main1, *side0]


def test_pdf_place_flush_right_on_a_head_row_stays_on_that_row() -> None:
    # Entries whose head has its place flush right: the places are fields of the heads' rows,
    # not a column of their own read after the entries.
    runs = []
    y = 100.0
    for org, place in (("Northwind Ltd", "Springfield"), ("Eastmoor Bank", "Westbury, Utopia"), ("Acme", "Lyon")):
        # Courier's letters are 0.6 of its size wide: the place ends at 540.
        runs += [Run(org, 50, y, font="Courier-Bold"), Run(place, 540 - 6 * len(place), y, font="Courier-Bold")]
        runs += [Run(f"Detail line {k} of the work done at {org}", 50, y + 14 * (k + 1)) for k in range(3)]
        y += 80
    texts = [ln.text for ln in read_lines(build([Page(runs)]))]
    assert texts[0] == "Northwind Ltd\tSpringfield"
    assert "Eastmoor Bank\tWestbury, Utopia" in texts and "Acme\tLyon" in texts


def _glued_page(first: str, second: str, gap: float) -> bytes:
    """Two words of letter-spaced type drawn without a space between them, ``gap`` points apart
    (a browser's print of CSS letter-spacing), the letters a little closer than their widths."""
    import pypdfium2 as pdfium

    runs = [Run(first, 100, 100, size=10.7, font="Helvetica-Bold", spacing=-0.7)]
    textpage = pdfium.PdfDocument(build([Page(runs)]))[0].get_textpage()
    right = textpage.get_charbox(textpage.count_chars() - 1, loose=True)[2]
    runs.append(Run(second, right + gap, 100, size=10.7, font="Helvetica-Bold", spacing=-0.7))
    return build([Page(runs)])


def test_pdf_spaced_capitals_drawn_without_a_space_are_two_words() -> None:
    # PDFium sees no space between the words (the gap is only a little wider than the letters').
    assert [ln.text for ln in read_lines(_glued_page("PRINCIPAL", "ENGINEER", 1.2))] == ["PRINCIPAL ENGINEER"]
    assert [ln.text for ln in read_lines(_glued_page("INGÉNIEUR", "LOGICIEL", 1.2))] == ["INGÉNIEUR LOGICIEL"]


def test_pdf_word_in_lower_case_or_without_a_wider_gap_is_not_cut() -> None:
    assert [ln.text for ln in read_lines(_glued_page("Principal", "engineer", 1.2))] == ["Principalengineer"]
    assert [ln.text for ln in read_lines(_glued_page("NORTHWIND", "LIMITED", -0.7))] == ["NORTHWINDLIMITED"]


def _with_shapes(data: bytes, shapes: list[tuple[float, float, float, float]]) -> bytes:
    """The PDF with filled rectangles (left, top, width, height) drawn on its first page."""
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    height = page.get_height()
    for left, top, width, tall in shapes:
        shape = raw.FPDFPageObj_CreateNewRect(left, height - top - tall, width, tall)
        raw.FPDFPath_SetDrawMode(shape, raw.FPDF_FILLMODE_ALTERNATE, False)
        raw.FPDFPage_InsertObject(page.raw, shape)
    raw.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_pdf_list_items_after_drawn_bullets_are_list_items() -> None:
    # A browser draws a list's markers as small squares, not text: each item is a list item,
    # and a one-word item is no heading of its own.
    items = ["Led the billing team of the shop", "Formation", "Wrote the monthly reports"]
    runs = [Run("Highlights", 50, 100, font="Helvetica-Bold")]
    runs += [Run(item, 62, 120 + 16 * i) for i, item in enumerate(items)]
    runs.append(Run("ada@example.org", 62, 200))
    squares = [(51.0, 120 + 16 * i - 5.0, 3.0, 3.0) for i in range(3)]
    icon = (52.0, 191.0, 9.0, 9.0)  # an icon before a contact detail: larger, closer
    lines = read_lines(_with_shapes(build([Page(runs)]), [*squares, icon]))
    assert [(ln.text, ln.bullet) for ln in lines] == [
        ("Highlights", False),
        *[(item, True) for item in items],
        ("ada@example.org", False),
    ]


def test_pdf_title_drawn_over_its_dates_does_not_mix_with_them() -> None:
    # A browser lets a long title run into the dates beside it: the words overlap on one row.
    # The title (and its second row) was drawn first, then the dates: each stays whole.
    runs = [
        Run("Northwind University of Applied", 50, 100, size=13, font="Helvetica-Bold"),
        Run("Sciences", 50, 116, size=13, font="Helvetica-Bold"),
        Run("2016 - 2018", 225, 100, size=10),
        Run("Master of Physics, with a long line of details under the head", 60, 140),
    ]
    texts = [ln.text for ln in read_lines(build([Page(runs)]))]
    assert texts[:2] == ["Northwind University of Applied", "2016 - 2018"]
