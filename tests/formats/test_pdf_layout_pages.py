"""PDF layout rules across pages and for browser prints, one test each, on PDFs made up here
(invented text): running heads, columns that go on over pages, places beside heads."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

from cvconvert.formats._pdf.text import read_lines
from tests.helpers import run_bounded
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


# Two pages of a main column and a sidebar: the first page's main and side text, the second's main.
_MAIN0 = [
    "EXPERIENCE",
    "Engineer, Northwind Ltd, Springfield",
    "2019 - 2021",
    "Built the billing service",
    "Analyst, Eastmoor Bank, Westbury",
]
_SIDE0 = ["SKILLS", "Python", "SQL", "Go"]
_MAIN1 = ["2017 - 2019", "Wrote the monthly reports on risk", "Intern, Westbury Labs, Lyon", "2016 - 2017"]


def test_pdf_main_column_goes_on_over_the_next_page_before_the_sidebar() -> None:
    # A main column of entries and a narrower sidebar of sections on both pages: the entries on
    # the second page go on with the main column, not after the sidebar's last section.
    main0, side0, main1 = _MAIN0, _SIDE0, _MAIN1
    side1 = ["LANGUAGES", "English", "German"]
    texts = [ln.text for ln in read_lines(build([_two_columns(0, main0, side0), _two_columns(1, main1, side1)]))]
    assert texts == ["Ada Example", *main0, *main1, *side0, *side1]


def test_pdf_page_in_the_main_column_alone_goes_on_with_it() -> None:
    # The sidebar ends on the first page; the second page's text stands where the main column is.
    main0, side0, main1 = _MAIN0, _SIDE0, _MAIN1
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


def test_pdf_degree_hyphenated_in_a_margin_column_is_one_word_before_its_school() -> None:
    # A degree column too narrow for its words: "Post-" / "grad-" / "uate" beside the school.
    runs = [Run("Education", 50, 80, size=14, font="Helvetica-Bold")]
    y = 100.0
    degrees = (
        (["Mas-", "ter"], "Nordvale University, Physics"),
        (["Post-", "grad-", "uate"], "Acme"),
        (["Bach-", "elor of", "Arts"], "Eastmoor"),
    )
    for pieces, school in degrees:
        runs.append(Run(school + ", with the details of the degree", 96, y))
        runs += [Run(piece, 62, y + 12 * k, font="Helvetica-Bold") for k, piece in enumerate(pieces)]
        y += 12 * len(pieces) + 10
    texts = [ln.text for ln in read_lines(build([Page(runs)]))]
    assert texts[1:] == [
        "Master\tNordvale University, Physics, with the details of the degree",
        "Postgraduate\tAcme, with the details of the degree",
        "Bachelor of Arts\tEastmoor, with the details of the degree",
    ]


def test_pdf_years_at_the_left_of_a_sidebar_go_with_their_entries_start_over_end() -> None:
    # A sidebar beside the main column: its education has the years in a narrow column at the
    # left, the start over the end, beside each school (in larger type) and its degree.
    runs = [Run(f"Main column line {i} with enough words to fill it up", 40, 100 + 14 * i) for i in range(20)]
    runs.append(Run("EDUCATION", 387, 90, size=11, font="Helvetica-Bold"))
    y = 120.0
    for school, start, end in (("Nordvale University", "2011", "2014"), ("Eastmoor College", "2009", "2010")):
        runs += [Run(start, 381, y, size=7, font="Helvetica-Bold"), Run(school, 416, y + 1, size=8.5)]
        runs += [Run(end, 381, y + 10, size=7, font="Helvetica-Bold"), Run("Bachelor", 416, y + 15, size=7)]
        runs.append(Run("Information Systems", 416, y + 30, size=7))
        y += 60
    texts = [ln.text for ln in read_lines(build([Page(runs)]))]
    side = texts[texts.index("EDUCATION") :]
    assert side[1:4] == ["2011 – 2014\tNordvale University", "Bachelor", "Information Systems"]
    assert side[4] == "2009 – 2010\tEastmoor College"


def test_pdf_bold_item_whose_last_row_ends_in_plain_words_is_one_item() -> None:
    # A degree in bold wraps in its list item; its last row ends in a plain note after a comma.
    # The comma after the bold words is no field's end there: the item stays one line.
    bold = "Helvetica-Bold"
    runs = [
        Run("\u2022", 50, 100),
        Run("Doctor of Philosophy in Texts and Technology, with a focus on", 62, 100, font=bold),
        Run("Composition and Rhetoric and a second focus on reading of", 62, 114, font=bold),
        Run("machine texts, their history and their uses in the schools of", 62, 128, font=bold),
        Run("literacies,", 62, 142, font=bold),
        Run("(in progress)", 112, 142),
        Run("Nordvale University, Springfield", 62, 156),
    ]
    texts = [ln.text for ln in read_lines(build([Page(runs, width=400)]))]
    assert texts == [
        "Doctor of Philosophy in Texts and Technology, with a focus on Composition and Rhetoric"
        " and a second focus on reading of machine texts, their history and their uses in the schools"
        " of literacies, (in progress)",
        "Nordvale University, Springfield",
    ]


def _width(text: str, font: str = "Helvetica-Bold", size: float = 10) -> float:
    """How wide PDFium finds the run (its last character's right edge from its start)."""
    import pypdfium2 as pdfium

    textpage = pdfium.PdfDocument(build([Page([Run(text, 0, 100, size=size, font=font)])]))[0].get_textpage()
    return float(textpage.get_charbox(textpage.count_chars() - 1, loose=True)[2])


def test_pdf_item_after_a_bold_lead_wraps_onto_a_capital() -> None:
    # "**Masters in physics,** faculty of science, …" wraps before "University, 2020.": the tab
    # after the bold lead is no table cell whose next line would be an item of its own.
    runs = []
    for i, (degree, year) in enumerate((("Masters in physics,", "2020"), ("Bachelor of physics,", "2012"))):
        y = 100 + 40 * i
        runs += [Run("\u2022", 50, y), Run(degree, 62, y, font="Helvetica-Bold")]
        runs.append(Run("faculty of the natural sciences, Nordvale State", 62 + _width(degree) + 3, y))
        runs.append(Run(f"University, {year}.", 62, y + 14))
    runs += [
        Run("Plain text as wide as the column, with words enough to set its right edge!", 40, 200 + 14 * k)
        for k in range(3)
    ]
    texts = [ln.text for ln in read_lines(build([Page(runs, width=440)]))]
    assert texts[:2] == [
        "Masters in physics,\tfaculty of the natural sciences, Nordvale State University, 2020.",
        "Bachelor of physics,\tfaculty of the natural sciences, Nordvale State University, 2012.",
    ]


def test_pdf_head_with_a_bold_lead_stays_apart_from_the_text_under_it() -> None:
    # "**Northwind Ltd,** Engineer" over the entry's text, all rows as wide as the column (Courier:
    # 6 points a letter, 60 letters a row): a head, not a list item, so the text under it is
    # not a row of the head's.
    rows = [
        "Built the billing service of the shop for the partners in a",
        "few countries and wrote the monthly reports on the payments.",
        "Then moved the service to the cloud and cut its costs by ten",
    ]
    runs = [
        Run("Northwind Ltd,", 40, 100, font="Courier-Bold"),
        Run("Engineer in the data team of the shop, partners", 40 + 6 * 15, 100, font="Courier"),
    ]
    runs += [Run(row, 40, 114 + 14 * k, font="Courier") for k, row in enumerate(rows)]
    texts = [ln.text for ln in read_lines(build([Page(runs, width=440)]))]
    assert texts[0] == "Northwind Ltd,\tEngineer in the data team of the shop, partners"
    assert texts[1] == " ".join(rows)


def test_pdf_glyphs_without_characters_do_not_shift_the_words_after_them() -> None:
    # Glyphs that map to no character (a fallback font's, an icon's) beside the name: PDFium's
    # text leaves them out, so the words after them must still get their own positions.
    runs = [
        Run("Ada Example", 50, 100, size=20),
        Run("\x00\x00\x00", 200, 100, size=20),
        Run("Data engineer in Springfield", 50, 130),
        Run("Northwind Ltd", 50, 160),
    ]
    lines = read_lines(build([Page(runs)]))
    assert [(ln.text, ln.size) for ln in lines] == [
        ("Ada Example", 20.0),
        ("Data engineer in Springfield", 10.0),
        ("Northwind Ltd", 10.0),
    ]


# --- characters outside the BMP, boxes that are not numbers ----------------------------------


def _mapped_pdf(pairs: dict[bytes, bytes], text: bytes) -> bytes:
    """One line of Helvetica ``text`` whose characters map (ToUnicode) as ``pairs`` says:
    code byte -> UTF-16BE hex, as a PDF's own CMap writes them (a pair for an emoji)."""
    chars = b"".join(b"<%s> <%s>\n" % (code.hex().encode(), to) for code, to in pairs.items())
    cmap = (
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /X def\n/CMapType 2 def\n"
        b"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n%d beginbfchar\n"
        % len(pairs)
        + chars
        + b"endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
    content = b"BT /F1 20 Tf 72 700 Td (" + text + b") Tj ET BT /F1 12 Tf 72 600 Td (Experience) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


_LETTERS = {b"A": b"0041", b"C": b"0043"}


def test_pdf_emoji_in_the_text_reads_as_one_character() -> None:
    # PDFium gives the emoji character by character as two UTF-16 halves; joined, they are one.
    data = _mapped_pdf({**_LETTERS, b"B": b"D83DDE00"}, b"ACCA A B CCA")
    text = "\n".join(ln.text for ln in read_lines(data))
    assert "A \U0001f600 CCA" in text
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)


def test_pdf_lone_surrogate_is_a_replacement_character_not_an_error() -> None:
    from cvconvert.formats._pdf.text import _from_units

    # Index k stays character k: a pair leaves an invisible filler where its second half stood.
    assert _from_units([0x41, 0xD83D, 0xDE00, 0x42]) == "A\U0001f600\u200bB"
    assert _from_units([0x41, 0xD83D, 0x42, 0xDE00]) == "A\ufffdB\ufffd"
    data = _mapped_pdf({**_LETTERS, b"B": b"D83D"}, b"ACCA A B CCA")
    text = "\n".join(ln.text for ln in read_lines(data))
    assert "ACCA A" in text
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)


def test_pdf_with_an_emoji_converts_to_yaml(tmp_path: Path) -> None:
    yaml = pytest.importorskip("yaml")
    source = tmp_path / "emoji.pdf"
    source.write_bytes(_mapped_pdf({**_LETTERS, b"B": b"D83DDE00"}, b"ACCA A B CCA"))
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "out.yaml"))
    assert code == 0 and "internal error" not in err, err
    assert "\U0001f600" in str(yaml.safe_load((tmp_path / "out.yaml").read_text(encoding="utf-8")))


def test_pdf_words_whose_box_or_size_is_no_number_are_left_out() -> None:
    from cvconvert.formats._pdf import layout
    from cvconvert.formats._pdf.text import _on_page
    from cvconvert.formats._pdf.words import Word

    inf, nan = float("inf"), float("nan")
    good = Word("Ada", 100, 120, 390, 400, 398, 10.0)
    bad = [
        Word("x", 100, 120, 390, inf, 398, 10.0),
        Word("y", 100, 120, 390, 400, 398, nan),
        Word("z", 100, inf, 390, 400, 398, 10.0),
        Word("w", 100, 120, 390, 400, nan, 10.0),
    ]
    assert _on_page([good, *bad], 600, 800) == [good]
    # Even given such words, marking drawn bullets does not fail on them.
    layout.mark_bullets([good, *bad], [(90.0, 393.0, 93.0, 396.0)])
    assert good.mark
