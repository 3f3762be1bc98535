"""The PDF text front-end: PDFium's characters as engine lines (one test per rule), and the corpus."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from cvconvert import limits
from cvconvert.errors import InvalidInputError, LimitExceededError
from cvconvert.extract.lines import Line
from cvconvert.formats._pdf import layout
from cvconvert.formats._pdf.text import _clean_word, extract, read_lines
from tests.conftest import shared_files
from tests.pdf_samples import Link, Page, Run, build


def _texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines]


def _one(*runs: Run, links: list[Link] | None = None) -> bytes:
    return build([Page(list(runs), links or [])])


def test_pdf_lines_carry_size_bold_italic_page_and_box() -> None:
    lines = read_lines(
        _one(
            Run("Jane Doe", 50, 60, size=20, font="Helvetica-Bold"),
            Run("Data engineer", 50, 90, font="Helvetica-Oblique"),
            Run("Plain text", 50, 110),
        )
    )
    assert _texts(lines) == ["Jane Doe", "Data engineer", "Plain text"]
    name, title, plain = lines
    assert name.size == 20 and name.bold and not name.italic
    assert title.italic and not title.bold
    assert not plain.bold and not plain.italic and plain.size == 10
    assert name.page == 0 and name.box is not None and name.box[0] == pytest.approx(50, abs=1)


def test_pdf_font_size_includes_the_text_matrix() -> None:
    lines = read_lines(_one(Run("Jane Doe", 50, 60, size=14, scaled=True), Run("Plain text", 50, 100)))
    assert [ln.size for ln in lines] == [14, 10]


def test_pdf_words_of_one_baseline_are_one_line_in_order_of_position() -> None:
    # Drawn right part first: the line is read by position, not by drawing order.
    lines = read_lines(_one(Run("world", 80, 100), Run("Hello", 50, 100)))
    assert _texts(lines) == ["Hello world"]


def test_pdf_wide_gap_in_a_line_is_a_tab() -> None:
    lines = read_lines(_one(Run("Engineer, ACME", 50, 100), Run("2019 - 2021", 400, 100)))
    assert _texts(lines) == ["Engineer, ACME\t2019 - 2021"]


def test_pdf_ligatures_are_expanded() -> None:
    lines = read_lines(_one(Run("\ufb01nance o\ufb03ce", 50, 100)))
    assert _texts(lines) == ["finance office"]


def test_pdf_letter_spaced_words_are_joined() -> None:
    lines = read_lines(_one(Run("J O H N   D O E", 50, 100, size=16)))
    assert _texts(lines) == ["JOHN DOE"]


@pytest.mark.parametrize("spacing", [3, 7])
def test_pdf_words_spread_by_character_spacing_are_joined(spacing: float) -> None:
    lines = read_lines(_one(Run("JOHN DOE", 50, 100, size=16, spacing=spacing)))
    assert _texts(lines) == ["JOHN DOE"]


def test_pdf_wrapped_paragraph_is_one_line_and_hyphenated_word_rejoined() -> None:
    width = 200
    lines = read_lines(
        build(
            [
                Page(
                    [
                        Run("Built data pipelines for the experi-", 50, 100),
                        Run("ence team and more of it", 50, 112),
                        Run("Short line", 50, 140),
                        Run("Next item", 50, 152),
                    ],
                    width=width,
                )
            ]
        )
    )
    assert _texts(lines) == ["Built data pipelines for the experience team and more of it", "Short line", "Next item"]


def test_pdf_two_columns_are_read_one_after_the_other() -> None:
    runs = [Run("Jane Doe, Curriculum Vitae", 40, 40, size=20)]
    right = [f"Right column {i}" + " and more" * (i == 5) * 4 for i in range(6)]
    for i in range(6):
        runs.append(Run(f"Left line {i}", 40, 100 + 14 * i))
        runs.append(Run(right[i], 320, 104 + 17 * i))
    lines = read_lines(_one(*runs))
    texts = _texts(lines)
    assert texts[0] == "Jane Doe, Curriculum Vitae"
    assert texts[1:7] == [f"Left line {i}" for i in range(6)]
    assert texts[7:] == right
    assert {ln.column for ln in lines[1:7]} == {0} and {ln.column for ln in lines[7:]} == {1}


def test_pdf_row_across_the_gutter_is_read_between_the_columns_above_and_below() -> None:
    runs = []
    for i in range(4):
        runs.append(Run(f"Top left {i}", 40, 100 + 14 * i))
        runs.append(Run(f"Top right {i}", 320, 100 + 14 * i + 3))
    runs.append(Run("A heading that runs across the whole width of the page", 40, 170, size=14))
    for i in range(4):
        runs.append(Run(f"Low left {i}", 40, 200 + 14 * i))
        runs.append(Run(f"Low right {i}", 320, 200 + 14 * i + 3))
    texts = _texts(read_lines(_one(*runs)))
    assert texts == [
        *(f"Top left {i}" for i in range(4)),
        *(f"Top right {i}" for i in range(4)),
        "A heading that runs across the whole width of the page",
        *(f"Low left {i}" for i in range(4)),
        *(f"Low right {i}" for i in range(4)),
    ]


def test_pdf_narrow_side_column_is_a_sidebar() -> None:
    runs = []
    for i in range(8):
        runs.append(Run(f"Skill {i}", 30, 100 + 14 * i))
        runs.append(Run(f"Main column sentence about work number {i}", 200, 103 + 17 * i))
    lines = read_lines(_one(*runs))
    assert {ln.where for ln in lines if ln.text.startswith("Skill")} == {"sidebar"}
    assert {ln.where for ln in lines if ln.text.startswith("Main")} == {"body"}


def test_pdf_dates_column_beside_entries_stays_on_the_entry_line() -> None:
    # Dates in the margin on the baseline of the entry they belong to: a table, not two flows.
    runs = []
    for i, year in enumerate(("2019 - 2021", "2016 - 2019", "2014 - 2016")):
        y = 100 + 50 * i
        runs.append(Run(year, 40, y))
        runs.append(Run(f"Engineer at Company {i}", 160, y))
        runs.append(Run(f"Built things of kind {i}", 160, y + 12))
    texts = _texts(read_lines(_one(*runs)))
    assert texts[:3] == [
        "2019 - 2021\tEngineer at Company 0",
        "Built things of kind 0",
        "2016 - 2019\tEngineer at Company 1",
    ]


def test_pdf_caption_in_the_margin_is_a_line_of_its_own() -> None:
    # Europass: captions right-aligned in a margin column one em from the content.
    runs = []
    for i, caption in enumerate(("EXPERIENCE", "EDUCATION", "LANGUAGES")):
        y = 100 + 60 * i
        runs.append(Run(caption, 177 - 6.7 * len(caption), y))
        runs.append(Run(f"Entry number {i}", 187, y))
        runs.append(Run(f"Details of entry {i}", 187, y + 12))
        runs.append(Run(f"More details {i}", 187, y + 24))
    texts = _texts(read_lines(_one(*runs)))
    assert texts[:4] == ["EXPERIENCE", "Entry number 0", "Details of entry 0", "More details 0"]


def test_pdf_text_repeated_at_the_top_of_pages_is_a_header_and_page_numbers_a_footer() -> None:
    pages = [
        Page([Run("Jane Doe - Curriculum", 50, 30), Run(f"Body text {i}", 50, 200), Run(str(i + 1), 290, 820)])
        for i in range(2)
    ]
    lines = read_lines(build(pages))
    where = {ln.text: ln.where for ln in lines}
    assert where["Jane Doe - Curriculum"] == "header"
    assert where["Body text 0"] == "body"
    assert where["1"] == "footer" and where["2"] == "footer"
    assert [ln.page for ln in lines if ln.text.startswith("Body")] == [0, 1]


def test_pdf_link_annotation_is_kept_on_its_line() -> None:
    lines = read_lines(
        _one(
            Run("Portfolio", 50, 100),
            Run("Other line", 50, 130),
            links=[Link((50, 90, 100, 102), "https://example.org/jane")],
        )
    )
    assert lines[0].links == ["https://example.org/jane"] and lines[1].links == []


def test_pdf_leading_bullet_glyph_is_a_list_mark() -> None:
    lines = read_lines(_one(Run("\u2022", 50, 100), Run("Led a team", 60, 100)))
    assert _texts(lines) == ["Led a team"] and lines[0].bullet


def test_pdf_right_to_left_line_is_in_logical_order() -> None:
    # Written in visual order (characters reversed), as word processors write Hebrew.
    lines = read_lines(_one(Run("שלום עולם", 300, 100, rtl=True)))
    assert _texts(lines) == ["שלום עולם"]


def test_pdf_left_to_right_words_inside_a_right_to_left_line_keep_their_order() -> None:
    # Visual order, left to right: "שנים" "Gondle Cloud" "אצל" "עבדתי".
    runs = [
        Run("שנים", 50, 100, rtl=True),
        Run("Gondle Cloud", 77, 100),
        Run("אצל", 146, 100, rtl=True),
        Run("עבדתי", 167, 100, rtl=True),
    ]
    assert _texts(read_lines(_one(*runs))) == ["עבדתי אצל Gondle Cloud שנים"]


def test_pdf_right_to_left_page_reads_its_right_column_first() -> None:
    runs = []
    for i in range(5):
        runs.append(Run(f"צד שמאל {i}", 40, 100 + 14 * i, rtl=True))
        runs.append(Run(f"עמודה ראשית {i}", 320, 103 + 17 * i, rtl=True))
    texts = _texts(read_lines(_one(*runs)))
    assert texts[0].startswith("עמודה ראשית") and texts[-1].startswith("צד שמאל")


def test_pdf_bidi_controls_are_dropped() -> None:
    lines = read_lines(_one(Run("\u202bAcme\u202c Ltd", 50, 100)))
    assert _texts(lines) == ["Acme Ltd"]


def test_pdf_glyph_without_a_character_is_dropped() -> None:
    # An icon whose font maps to no character reads as U+FFFD before a handle.
    assert _clean_word("\ufffdjdoe") == "jdoe"


def test_pdf_cjk_compatibility_and_kangxi_are_normalised() -> None:
    # PDFium spells some compatibility ideographs as the ordinary ones itself, not all, nor the
    # Kangxi radicals that some converters write: the word is mended either way.
    assert _clean_word("2020\uf98e \u2f08\u2f49") == "2020年 人月"


def test_pdf_spacing_accents_go_back_on_their_letters() -> None:
    # LaTeX's OT1 encoding draws "ü" as "u" with a dieresis placed over it.
    lines = read_lines(_one(Run("Kuc", 50, 100), Run("\u00a8", 59.5, 100), Run("\u00b8", 63.5, 100)))
    assert _texts(lines) == ["Küç"]


def test_pdf_bullet_item_goes_on_over_a_bold_line() -> None:
    runs = [
        Run("\u2022", 50, 100),
        Run("Gave talks to the whole engineering group and to customers on", 60, 100),
        Run("Kotlin and reactive programming with the colleagues from", 60, 112, font="Helvetica-Bold"),
        Run("other teams.", 60, 124),
        Run("Next paragraph of plain text that is also quite long, to set the edge", 50, 150),
    ]
    texts = _texts(read_lines(build([Page(runs, width=420)])))
    assert texts[0] == (
        "Gave talks to the whole engineering group and to customers on "
        "Kotlin and reactive programming with the colleagues from other teams."
    )


def test_pdf_paragraph_in_a_narrower_box_is_unwrapped_by_its_own_edge() -> None:
    profile = [
        "Engineer with ten years of building data systems",
        "for banks and shops, who likes clear and simple",
        "designs and small teams, and who has led three",
        "of them.",
    ]
    runs = [Run(text, 50, 100 + 12 * i) for i, text in enumerate(profile)]
    runs += [
        Run(f"Body line {i} that is much wider than the profile box above it, up to here", 50, 160 + 30 * i)
        for i in range(3)
    ]
    texts = _texts(read_lines(build([Page(runs, width=500)])))
    assert texts[0] == " ".join(profile)


def test_pdf_short_lines_at_the_column_edge_are_not_joined() -> None:
    runs = [
        Run("Plain text that fills the whole column from one edge to the other", 50, 100 + 12 * i) for i in range(3)
    ]
    runs += [Run("someone.with.a.long.address@example.org", 50, 150), Run("Paris, France", 50, 162)]
    texts = _texts(read_lines(build([Page(runs, width=420)])))
    assert texts[-2:] == ["someone.with.a.long.address@example.org", "Paris, France"]


def test_pdf_tagged_headings_give_levels_and_list_items_bullets() -> None:
    runs = [
        Run("Experience", 50, 100, size=12, tag="H2"),
        Run("Built the data platform that every team in the company uses to", 50, 120, tag="LI", item=1),
        Run("report, with tests and docs written for each of its many parts", 50, 132, tag="LI", item=1),
        Run("Ran the on-call rota for the platform and the services around it", 50, 144, tag="LI", item=2),
        Run("Other text of the page, here only to give the column its right edge.", 50, 170),
    ]
    lines = read_lines(build([Page(runs, width=420)]))
    assert lines[0].text == "Experience" and lines[0].level == 1
    assert [ln.bullet for ln in lines[1:3]] == [True, True]
    assert lines[1].text.endswith("written for each of its many parts")
    assert lines[2].text.startswith("Ran the on-call rota")


def test_pdf_paragraph_numbers_follow_gaps() -> None:
    lines = read_lines(_one(Run("Title one", 50, 100), Run("Another block", 50, 160), Run("Line below", 50, 172)))
    assert lines[1].para == lines[2].para != lines[0].para


def test_pdf_text_far_outside_the_page_is_left_out() -> None:
    lines = read_lines(_one(Run("Visible", 50, 100), Run("Hidden", 5e8, 100)))
    assert _texts(lines) == ["Visible"]


def test_pdf_without_text_is_refused_as_a_scan() -> None:
    with pytest.raises(InvalidInputError, match="no text layer"):
        read_lines(build([Page([])]))


def test_pdf_text_beyond_the_limit_is_refused() -> None:
    data = build([Page([Run("x" * 80, 50, 100)]) for _ in range(3)])
    with limits.using(max_document_chars=100), pytest.raises(LimitExceededError):
        read_lines(data)


def test_pdf_author_is_the_name_hint() -> None:
    resume, _ = extract(build([Page([Run("data engineering and analytics", 50, 100)])], author="Jane Doe"))
    assert resume.basics is not None and resume.basics.name == "Jane Doe"


def test_pdf_extract_reads_name_and_sections() -> None:
    data = _one(
        Run("Jane Doe", 50, 60, size=22, font="Helvetica-Bold"),
        Run("jane@example.org", 50, 80),
        Run("Experience", 50, 120, size=14, font="Helvetica-Bold"),
        Run("Data Engineer, Acme Ltd", 50, 140),
        Run("2019 - 2021", 400, 140),
    )
    resume, _ = extract(data)
    assert resume.basics is not None and resume.basics.name == "Jane Doe"
    assert resume.basics.email == "jane@example.org"
    assert resume.work


def test_layout_rows_group_words_by_baseline() -> None:
    words = [layout.Word("b", 30, 40, 90, 102, 100, 10), layout.Word("a", 10, 20, 91, 103, 100.5, 10)]
    assert [[w.text for w in row] for row in layout.rows(words)] == [["a", "b"]]


@pytest.mark.parametrize("path", shared_files("corpus/pdf", "*.pdf"), ids=lambda p: p.stem)
def test_pdf_corpus_reads_with_a_name_and_the_same_twice(path: object) -> None:
    from pathlib import Path

    assert isinstance(path, Path)
    data = path.read_bytes()
    first, _ = extract(data)
    assert first.basics is not None and first.basics.name
    again, _ = extract(data)
    assert again.to_data() == first.to_data()


def _ligature_pdf(codes: bytes = b"010203", lam_alef: bytes = b"<06440627>") -> bytes:
    """One Persian word set as Word sets it, glyphs drawn left to right: by default 'salam' as
    meem, the lam-alef ligature (one glyph, mapped to two letters by the font's ToUnicode), seen;
    glyph 04 is a lone lam, 05 a lone alef."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def "
        b"1 begincodespacerange <01> <05> endcodespacerange "
        b"5 beginbfchar <01> <0645> <02> " + lam_alef + b" <03> <0633> <04> <0644> <05> <0627> endbfchar "
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"BT /F1 20 Tf 100 700 Td <" + codes + b"> Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 5 /Widths [600 600 600 600 600]"
        b" /Encoding << /Type /Encoding /Differences [1 /uni0645 /uni0644 /uni0633 /uni0644 /uni0627] >>"
        b" /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_pdf_lam_alef_ligature_keeps_its_letters_in_order() -> None:
    # PDFium turns the right-to-left word round and the ligature's two letters with it.
    assert _texts(read_lines(_ligature_pdf())) == ["سلام"]


def test_pdf_alef_before_lam_in_glyphs_of_their_own_stays() -> None:
    # 'sal' (year): seen, alef, lam, each its own glyph, drawn left to right as lam, alef, seen.
    assert _texts(read_lines(_ligature_pdf(codes=b"040503"))) == ["سال"]


def test_pdf_bold_lead_ended_by_a_comma_is_a_field() -> None:
    # "**Northwind, Inc.**, Platform Engineer": the weight tells which comma ends the organisation.
    def head(font: str, text: str = "Northwind, Inc.,") -> str:
        return _texts(read_lines(_one(Run(text, 40, 100, font=font), Run("Platform Engineer", 117, 100))))[0]

    assert head("Helvetica-Bold") == "Northwind, Inc.,\tPlatform Engineer"
    assert head("Helvetica") == "Northwind, Inc., Platform Engineer"  # no change of weight: text alone
    assert head("Helvetica-Bold", "Northwind Inc.") == "Northwind Inc. Platform Engineer"  # no comma
    resume, _ = extract(
        _one(
            Run("Ada Example", 40, 60, size=24, font="Helvetica-Bold"),
            Run("Experience", 40, 100, size=14, font="Helvetica-Bold"),
            Run("Northwind, Ltd,", 40, 125, font="Helvetica-Bold"),
            Run("Platform Engineer", 115.5, 125),
            Run("Mar 2016 – Oct 2016", 450, 125),
            Run("Built the billing platform for the shops.", 40, 140),
        )
    )
    assert [(w.name, w.position, w.startDate) for w in resume.work] == [
        ("Northwind, Ltd", "Platform Engineer", "2016-03")
    ]


def _flush_right(text: str, y: float, edge: float = 555.0) -> Run:
    """A run in 10-point Courier (6 points a character) that ends at ``edge``."""
    return Run(text, edge - 6.0 * len(text), y, font="Courier")


_HEADS = (
    ("Northwind Ltd,", "Platform Engineer", "Lyon, FR", "Mar 2016 – Oct 2016"),
    ("Contoso SA,", "Developer", "Paris, FR", "Oct 2012 – Feb 2016"),
    ("Fabrikam GmbH,", "Intern", "Berlin, Germany", "Jan 2011 – Sep 2012"),
    ("Tailspin Toys,", "Tester", "Oslo, NO", "Jan 2009 – Sep 2010"),
)


def _place_then_dates_page(text: list[str], items: list[str]) -> bytes:
    """Entries whose place stands flush right on the head's row and whose dates stand flush right
    on the next row, beside the first line of the entry's text (RenderCV's classic theme)."""
    runs = [
        Run("Ada Example", 40, 60, size=24, font="Courier-Bold"),
        Run("Experience", 40, 100, size=14, font="Courier-Bold"),
    ]
    y = 125.0
    for org, role, place, dates in _HEADS:
        runs += [Run(org, 40, y, font="Courier-Bold"), Run(role, 40 + 6 * (len(org) + 1), y, font="Courier")]
        runs += [_flush_right(place, y), Run(text[0], 40, y + 12, font="Courier"), _flush_right(dates, y + 12)]
        y += 24
        for line in [*text[1:], *items]:
            runs.append(Run(line, 40, y, font="Courier"))
            y += 12
        y += 10
    return build([Page(runs)])


def _heads_read(data: bytes) -> tuple[list[str], list[tuple[str | None, ...]]]:
    resume, _ = extract(data)
    lines = [ln.text for ln in read_lines(data) if "\t" in ln.text]
    return lines, [(w.name, w.position, w.location, w.startDate) for w in resume.work]


_HEAD_LINES = [f"{org}\t{role}\t{place}\t{dates}" for org, role, place, dates in _HEADS]
_WORK = [
    ("Northwind Ltd", "Platform Engineer", "Lyon, FR", "2016-03"),
    ("Contoso SA", "Developer", "Paris, FR", "2012-10"),
    ("Fabrikam GmbH", "Intern", "Berlin, Germany", "2011-01"),
    ("Tailspin Toys", "Tester", "Oslo, NO", "2009-01"),
]


def test_pdf_dates_under_a_heads_place_go_up_to_the_head() -> None:
    # Text lines as wide as the page: one column, the dates a piece of the row under the head.
    wide = [
        "Built the billing platform for the shops of the group and",
        "ran it for three years with a team of five engineers in two countries, on call.",
    ]
    lines, work = _heads_read(_place_then_dates_page(wide, []))
    assert lines == _HEAD_LINES
    assert work == _WORK


def test_pdf_places_and_dates_in_the_margin_end_their_heads_row() -> None:
    # Lines of text that stop short of the margin: the places and dates are a margin beside
    # them, read among them; a place over its dates is two fields, not one date ("Lyon Mar 2016 -
    # Oct 2016"), and they end the head's row, not the row of text beside the dates.
    text = ["Built the billing platform for the shops of the group, and", "ran it for years."]
    lines, work = _heads_read(_place_then_dates_page(text, ["- Ran the payments.", "- Wrote the guide."]))
    assert lines == _HEAD_LINES
    assert work == _WORK


def test_pdf_margin_place_and_dates_go_after_a_two_row_head() -> None:
    # A title in bold with its place flush right, the employer in italics under it with the
    # dates flush right (the sb2nov and "Jake's résumé" layouts): the margin goes after both rows.
    runs = [
        Run("Ada Example", 40, 60, size=24, font="Courier-Bold"),
        Run("Experience", 40, 100, size=14, font="Courier-Bold"),
    ]
    y = 125.0
    for org, role, place, dates in _HEADS:
        runs += [Run(role, 40, y, font="Courier-Bold"), _flush_right(place, y)]
        runs += [Run(org.rstrip(","), 40, y + 12, font="Courier-Oblique"), _flush_right(dates, y + 12)]
        for k, item in enumerate(("Ran the payments of the shops in four countries.", "Wrote the guide.")):
            runs += [Run("\u2022", 50, y + 24 + 12 * k), Run(item, 60, y + 24 + 12 * k, font="Courier")]
        y += 58
    data = build([Page(runs)])
    texts = [ln.text for ln in read_lines(data)]
    assert texts[2:5] == ["Platform Engineer", "Northwind Ltd", "Lyon, FR\tMar 2016 – Oct 2016"]
    resume, _ = extract(data)
    assert [(w.name, w.position, w.location, w.startDate) for w in resume.work] == _WORK


def test_pdf_dates_beside_a_heads_short_second_row_stay_there() -> None:
    # One column (items as wide as the page): a title with its place flush right over the employer
    # with its dates flush right. The employer's row is short, far from the dates: the head's
    # second row, whose dates stay on it.
    runs = [
        Run("Ada Example", 40, 60, size=24, font="Courier-Bold"),
        Run("Experience", 40, 100, size=14, font="Courier-Bold"),
    ]
    y = 125.0
    for org, role, place, dates in _HEADS:
        runs += [Run(role, 40, y, font="Courier-Bold"), _flush_right(place, y)]
        runs += [Run(org.rstrip(","), 40, y + 12, font="Courier-Oblique"), _flush_right(dates, y + 12)]
        item = "Ran the payments of the shops in four countries and wrote the guide."
        runs += [Run("\u2022", 50, y + 24), Run(item, 60, y + 24, font="Courier")]
        y += 46
    lines = [ln.text for ln in read_lines(build([Page(runs)])) if "\t" in ln.text]
    assert lines[:2] == ["Platform Engineer\tLyon, FR", "Northwind Ltd\tMar 2016 – Oct 2016"]


def test_pdf_heading_in_the_left_margin_is_a_line_of_its_own() -> None:
    # "Work" in 20-point type set right against the text column, on the baseline of the first
    # entry's title in 13: the heading first, then the title (not "Work Platform Engineer").
    heading = Run("Work", 170 - _advance_of("Work", 20), 130, size=20)
    runs = [
        Run("Ada Example", 190, 60, size=24),
        heading,
        Run("Platform Engineer", 190, 130, size=13),
        Run("Mar 2016 – Oct 2016", 190, 146),
        Run("Northwind Ltd builds the billing platform for the shops.", 190, 162),
    ]
    lines = _texts(read_lines(build([Page(runs)])))
    assert lines[1:3] == ["Work", "Platform Engineer"]
    # Type of one size with the same gap stays one line: only a larger heading stands apart.
    same = _texts(read_lines(_one(Run("Work", 170 - _advance_of("Work", 13), 130, size=13), runs[2])))
    assert same == ["Work\tPlatform Engineer"]
    # An employer in larger type far from its dates is a head with its dates, not a heading.
    far = _texts(read_lines(_one(Run("Northwind Ltd", 40, 130, size=14), Run("2016 - 2019", 400, 130))))
    assert far == ["Northwind Ltd\t2016 - 2019"]


def _advance_of(text: str, size: float) -> float:
    """How wide PDFium finds the text in Helvetica of ``size`` points."""
    [line] = read_lines(_one(Run(text, 100, 100, size=size)))
    assert line.box is not None
    return line.box[2] - 100
