"""Reading order and layout hints of the DOCX front-end (cvconvert.formats._docx.order).

Each test builds a small Word package from raw XML (text boxes, alternate content and picture
links are beyond python-docx) and checks the lines the engine receives: their order and hints.
"""

from __future__ import annotations

import io
import zipfile

from cvconvert._input import open_zip
from cvconvert.extract.lines import Line
from cvconvert.formats._docx.numbering import _Level, _Lists
from cvconvert.formats._docx.order import _Package, extract, read_lines
from tests.helpers import zip_of

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
EMU = 12700  # per point


def _docx(
    body: str,
    links: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    sect: str = "",
    numbering: str = "",
    styles: str = "",
) -> bytes:
    """A Word package: ``body`` XML, hyperlink targets by id, header parts by id (their
    paragraphs), what the section properties add (header references, w:titlePg) and the
    list definitions of numbering.xml and what styles.xml holds."""
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    rels = "".join(
        f'<Relationship Id="{rid}" TargetMode="External" Target="{target}" Type="{kind}hyperlink"/>'
        for rid, target in (links or {}).items()
    )
    rels += "".join(f'<Relationship Id="{rid}" Target="{rid}.xml" Type="{kind}header"/>' for rid in headers or {})
    parts = {f"word/{rid}.xml": f"<w:hdr {NS}>{text}</w:hdr>".encode() for rid, text in (headers or {}).items()}
    if styles:
        parts["word/styles.xml"] = f"<w:styles {NS}>{styles}</w:styles>".encode()
    if numbering:
        parts["word/numbering.xml"] = f"<w:numbering {NS}>{numbering}</w:numbering>".encode()
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    return zip_of(
        {
            "[Content_Types].xml": (
                b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                b'<Default Extension="xml" ContentType="application/xml"/>'
                b'<Override PartName="/word/document.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
            ),
            "_rels/.rels": (
                f'<?xml version="1.0"?><Relationships xmlns="{package}">'
                '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/officeDocument"/></Relationships>'
            ).encode(),
            "word/_rels/document.xml.rels": (
                f'<?xml version="1.0"?><Relationships xmlns="{package}">{rels}</Relationships>'
            ).encode(),
            "word/document.xml": (
                f'<?xml version="1.0"?><w:document {NS}><w:body>{body}'
                f'<w:sectPr>{sect}<w:pgMar w:left="1440" w:top="1440" w:right="1440" w:bottom="1440"/></w:sectPr>'
                "</w:body></w:document>"
            ).encode(),
            **parts,
        }
    )


def _p(*texts: str, size: int = 0, italic: bool = False) -> str:
    """One paragraph; several texts are lines cut by line breaks."""
    props = ("<w:i/>" if italic else "") + (f'<w:sz w:val="{size * 2}"/>' if size else "")
    runs = "<w:r><w:br/></w:r>".join(f"<w:r><w:rPr>{props}</w:rPr><w:t>{t}</w:t></w:r>" for t in texts)
    return f"<w:p>{runs}</w:p>"


def _box(x: float, y: float, w: float, h: float, content: str, *, vertical: str = "paragraph") -> str:
    """A floating text box (DrawingML) at (x, y) points from its column and paragraph."""
    return (
        '<w:r><w:drawing><wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(x * EMU)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="{vertical}"><wp:posOffset>{int(y * EMU)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{int(w * EMU)}" cy="{int(h * EMU)}"/><wp:docPr id="1" name="Text Box"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def _h(text: str) -> str:
    """A heading paragraph (outline level 1)."""
    return f'<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


def _anchors(*boxes: str) -> str:
    """A blank paragraph that anchors ``boxes``."""
    return f"<w:p>{''.join(boxes)}</w:p>"


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def test_boxes_anchored_to_a_column_of_blank_paragraphs_are_read_as_one_page() -> None:
    # The work box hangs from the first blank paragraph but lower down; the name box hangs from
    # the fourth, pulled up above it: the page shows the name first.
    body = _anchors(_box(0, 200, 400, 300, _p("Experience") + _p("Acme Ltd 2019 - 2021")))
    body += _anchors() + _anchors()
    body += _anchors(_box(0, -40, 400, 30, _p("Jane Example", size=24)))
    assert _texts(read_lines(_docx(body))) == ["Jane Example", "Experience", "Acme Ltd 2019 - 2021"]


def test_a_sidebar_of_text_boxes_is_read_whole_and_marked() -> None:
    left = [
        _box(0, 60, 140, 100, _p("Contact") + _p("jane@example.org")),
        _box(0, 300, 140, 100, _p("Skills") + _p("Python")),
    ]
    right = [
        _box(170, 0, 330, 40, _p("Jane Example", size=24)),
        _box(170, 150, 330, 120, _p("Experience") + _p("Acme Ltd 2019 - 2021")),
        _box(170, 420, 330, 120, _p("Education") + _p("State University 2015")),
    ]
    lines = read_lines(_docx(_anchors(right[1], left[0], right[2], left[1], right[0])))
    assert _texts(lines) == [
        "Jane Example",
        "Experience",
        "Acme Ltd 2019 - 2021",
        "Education",
        "State University 2015",
        "Contact",
        "jane@example.org",
        "Skills",
        "Python",
    ]
    assert [(line.where, line.column) for line in lines[5:]] == [("sidebar", 0)] * 4
    assert {(line.where, line.column) for line in lines[:5]} == {("textbox", 1)}


def test_the_name_at_the_top_of_the_main_column_comes_before_the_sidebar() -> None:
    # The name stands above where the sidebar starts: read first, then the main column, then
    # the sidebar.
    body = _anchors(
        _box(0, 80, 140, 200, _p("Contact") + _p("jane@example.org")),
        _box(170, 0, 330, 40, _p("Jane Example", size=24)),
        _box(170, 80, 330, 200, _p("Experience") + _p("Acme Ltd 2019 - 2021")),
    )
    assert _texts(read_lines(_docx(body))) == [
        "Jane Example",
        "Experience",
        "Acme Ltd 2019 - 2021",
        "Contact",
        "jane@example.org",
    ]


def test_the_name_at_the_top_of_the_sidebar_is_read_first() -> None:
    # The largest text heads the sidebar, which starts lower than the main column.
    body = _anchors(
        _box(0, 20, 140, 40, _p("Jane Example", size=24)),
        _box(0, 80, 140, 200, _p("Contact") + _p("jane@example.org")),
        _box(170, 0, 330, 300, _p("Web Developer") + _p("Experience") + _p("Acme Ltd 2019 - 2021")),
    )
    assert _texts(read_lines(_docx(body))) == [
        "Jane Example",
        "Web Developer",
        "Experience",
        "Acme Ltd 2019 - 2021",
        "Contact",
        "jane@example.org",
    ]


def test_a_box_above_where_the_other_column_starts_is_read_first() -> None:
    body = _anchors(
        _box(0, 0, 140, 40, _p("Jane Example")),
        _box(0, 80, 140, 200, _p("Contact") + _p("jane@example.org")),
        _box(170, 60, 330, 300, _p("Experience") + _p("Acme Ltd 2019 - 2021")),
    )
    assert _texts(read_lines(_docx(body))) == [
        "Jane Example",
        "Experience",
        "Acme Ltd 2019 - 2021",
        "Contact",
        "jane@example.org",
    ]


def test_a_title_box_across_the_page_is_read_before_the_columns_below() -> None:
    body = _anchors(
        _box(0, 60, 140, 100, _p("Skills") + _p("Python")),
        _box(0, 300, 140, 100, _p("Languages") + _p("German")),
        _box(170, 60, 330, 200, _p("Experience")),
        _box(170, 280, 330, 100, _p("Education")),
        _box(0, 0, 500, 40, _p("Jane Example")),
    )
    assert _texts(read_lines(_docx(body))) == [
        "Jane Example",
        "Experience",
        "Education",
        "Skills",
        "Python",
        "Languages",
        "German",
    ]


def test_boxes_level_with_each_other_are_read_row_by_row() -> None:
    # Dates beside what was done, entry after entry: each row across, not all dates first.
    body = _anchors(
        _box(0, 0, 100, 50, _p("2019 - 2021")),
        _box(120, 0, 380, 50, _p("Acme Ltd") + _p("Engineer")),
        _box(0, 100, 100, 50, _p("2015 - 2019")),
        _box(120, 100, 380, 50, _p("Beta GmbH") + _p("Intern")),
    )
    assert _texts(read_lines(_docx(body))) == [
        "2019 - 2021",
        "Acme Ltd",
        "Engineer",
        "2015 - 2019",
        "Beta GmbH",
        "Intern",
    ]


def test_columns_of_a_right_to_left_page_are_read_from_the_right() -> None:
    body = _anchors(
        _box(0, 60, 240, 300, _p("כישורים") + _p("פייתון")),
        _box(260, 0, 240, 300, _p("ניסיון") + _p("עבודה")),
    )
    assert _texts(read_lines(_docx(body))) == ["ניסיון", "עבודה", "כישורים", "פייתון"]


def test_lines_of_one_paragraph_share_its_number_and_italic_is_a_hint() -> None:
    lines = read_lines(_docx(_p("Acme Ltd", "Engineer", italic=True) + _p("Plain")))
    assert [(line.text, line.para, line.italic) for line in lines] == [
        ("Acme Ltd", 1, True),
        ("Engineer", 1, True),
        ("Plain", 2, False),
    ]


def test_alternate_content_is_read_once_from_the_fallback_when_there_is_no_choice() -> None:
    fallback = (
        "<w:r><mc:AlternateContent><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{_p('Inside the box')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    both = (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:t>Chosen</w:t></mc:Choice>"
        "<mc:Fallback><w:t>Fallen back</w:t></mc:Fallback></mc:AlternateContent></w:r>"
    )
    lines = read_lines(_docx(f"<w:p>{fallback}</w:p><w:p>{both}</w:p>"))
    assert _texts(lines) == ["Inside the box", "Chosen"]


def test_icons_that_link_on_a_line_of_their_own_become_a_line_of_their_targets() -> None:
    icon = (
        '<w:r><w:drawing><wp:inline><wp:extent cx="200000" cy="200000"/><wp:docPr id="3" name="Icon">'
        '<a:hlinkClick r:id="rIdMail"/></wp:docPr></wp:inline></w:drawing></w:r>'
    )
    body = _p("Jane Example") + f"<w:p>{icon}{icon}</w:p>" + _p("Profile")
    lines = read_lines(_docx(body, {"rIdMail": "mailto:j@x.org"}))
    assert [(line.text, line.links) for line in lines] == [
        ("Jane Example", []),
        ("mailto:j@x.org", ["mailto:j@x.org", "mailto:j@x.org"]),
        ("Profile", []),
    ]
    # Past the first page an icon that links is a logo among entries, not a contact.
    later = _p("Acme Ltd") + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + f"<w:p>{icon}</w:p>" + _p("Beta")
    assert _texts(read_lines(_docx(later, {"rIdMail": "https://acme.example"}))) == ["Acme Ltd", "Beta"]


def _table(rows: list[list[str]], *, floating: bool = False) -> str:
    """A table whose cells hold the given paragraphs (XML)."""
    place = '<w:tblpPr w:vertAnchor="text" w:tblpY="1"/>' if floating else ""
    body = "".join("<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr>{place}</w:tblPr>{body}</w:tbl>"


def test_a_table_of_one_entry_a_row_stays_row_by_row_despite_a_few_second_dates() -> None:
    rows = [
        [_p("2019 - 2021"), _p("Acme Ltd")],
        [_p("2017 - 2019"), _p("Beta GmbH")],
        [_p("2015 - 2017"), _p("Gamma AG")],
        [_p("2013 - 2015"), _p("Delta SA, founded 2001")],
        [_p("2011 - 2013"), _p("Epsilon Inc, since 1990")],
        [_p("2009 - 2011"), _p("Zeta Ltd")],
        [_p("2007 - 2009"), _p("Eta AG")],
    ]
    assert _texts(read_lines(_docx(_table(rows)))) == [
        "2019 - 2021",
        "Acme Ltd",
        "2017 - 2019",
        "Beta GmbH",
        "2015 - 2017",
        "Gamma AG",
        "2013 - 2015",
        "Delta SA, founded 2001",
        "2011 - 2013",
        "Epsilon Inc, since 1990",
        "2009 - 2011",
        "Zeta Ltd",
        "2007 - 2009",
        "Eta AG",
    ]


def test_a_cell_of_dates_beside_a_cell_of_entries_is_paired_block_by_block() -> None:
    dates = _p("2019 - 2021") + "<w:p/><w:p/>" + _p("2015 - 2019")
    entries = _p("Acme Ltd") + _p("Engineer") + "<w:p/>" + _p("Beta GmbH") + _p("Intern")
    assert _texts(read_lines(_docx(_table([[dates, entries]])))) == [
        "2019 - 2021",
        "Acme Ltd",
        "Engineer",
        "2015 - 2019",
        "Beta GmbH",
        "Intern",
    ]


def test_a_floating_column_of_dates_is_paired_with_the_paragraphs_beside_it() -> None:
    dates = _table([[_p("2015 - 2016") + "<w:p/><w:p/>" + _p("2011 - 2015")]], floating=True)
    text = _p("Master, University A") + _p("Montclaret") + "<w:p/>" + _p("Licence, University B") + _p("Skills")
    assert _texts(read_lines(_docx(dates + text))) == [
        "2015 - 2016",
        "Master, University A",
        "Montclaret",
        "2011 - 2015",
        "Licence, University B",
        "Skills",
    ]


def _merged(text: str, merge: str, span: int = 1) -> str:
    """A cell that spans ``span`` grid columns and is merged down (``merge``: restart/continue)."""
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (f'<w:vMerge w:val="{merge}"/>' if merge else "")
    return f"<w:tcPr>{props}</w:tcPr>{text or '<w:p/>'}"


def _grid_table(rows: list[list[str]], widths: list[int]) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = "".join("<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def test_a_layout_table_is_read_main_column_whole_then_the_sidebar() -> None:
    main = _h("Experience") + _p("Acme Ltd 2019 - 2021") + _h("Education") + _p("State University")
    rows = [
        [_merged(_p("Jane Example"), "", span=2)],
        [_merged(_p("Contact") + _p("jane@example.org"), ""), _merged(main, "restart")],
        [_merged(_p("Skills") + _p("Python"), ""), _merged("", "continue")],
    ]
    lines = read_lines(_docx(_grid_table(rows, [3000, 7000])))
    assert _texts(lines) == [
        "Jane Example",
        "Experience",
        "Acme Ltd 2019 - 2021",
        "Education",
        "State University",
        "Contact",
        "jane@example.org",
        "Skills",
        "Python",
    ]
    assert {(ln.where, ln.column) for ln in lines[1:5]} == {("table", 1)}
    assert {(ln.where, ln.column) for ln in lines[5:]} == {("sidebar", 0)}


def test_a_caption_or_an_entry_merged_down_beside_its_rows_is_not_a_column() -> None:
    rows = [
        [_merged(_p("Projects"), "restart"), _merged(_p("Web shop") + _p("Python, 2020"), "")],
        [_merged("", "continue"), _merged(_p("Chat bot") + _p("Go, 2021"), "")],
    ]
    entry = [
        [_merged(_p("Acme Ltd") + _p("Engineer") + _p("2019 - 2021"), "restart"), _merged(_p("Built things"), "")],
        [_merged("", "continue"), _merged(_p("Ran things"), "")],
    ]
    tables = _grid_table(rows, [3000, 7000]) + _grid_table(entry, [3000, 7000])
    assert _texts(read_lines(_docx(tables))) == [
        "Projects",
        "Web shop",
        "Python, 2020",
        "Chat bot",
        "Go, 2021",
        "Acme Ltd",
        "Engineer",
        "2019 - 2021",
        "Built things",
        "Ran things",
    ]


def test_the_first_page_header_is_read_before_the_running_one_and_only_when_shown() -> None:
    headers = {"rIdRun": _p("Curriculum Vitae, page 2"), "rIdFirst": _p("Jane Example")}
    refs = '<w:headerReference w:type="default" r:id="rIdRun"/><w:headerReference w:type="first" r:id="rIdFirst"/>'
    shown = read_lines(_docx(_p("Experience"), headers=headers, sect=refs + "<w:titlePg/>"))
    assert [(ln.text, ln.where) for ln in shown] == [
        ("Jane Example", "header"),
        ("Curriculum Vitae, page 2", "header"),
        ("Experience", "body"),
    ]
    hidden = read_lines(_docx(_p("Experience"), headers=headers, sect=refs))
    assert _texts(hidden) == ["Curriculum Vitae, page 2", "Experience"]


def test_pages_come_from_rendered_and_forced_breaks_and_part_the_boxes() -> None:
    rendered = "<w:p><w:r><w:lastRenderedPageBreak/><w:t>Two</w:t></w:r></w:p>"
    forced = '<w:p><w:r><w:t>Still two</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>'
    before = "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Four</w:t></w:r></w:p>"
    lines = read_lines(_docx(_p("One") + rendered + forced + _p("Three") + before))
    assert [(ln.text, ln.page) for ln in lines] == [("One", 0), ("Two", 1), ("Still two", 1), ("Three", 2), ("Four", 3)]
    # A box on the second page, anchored to a blank paragraph there, is not read with the
    # first page's boxes even though it stands higher on its own page.
    first = _anchors(_box(0, 300, 400, 100, _p("Page one, low") + _p("More")))
    second = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + _anchors(_box(0, 0, 400, 100, _p("Page two, top")))
    assert _texts(read_lines(_docx(first + second))) == ["Page one, low", "More", "Page two, top"]


def test_the_place_and_dates_beside_bullet_points_are_read_before_them() -> None:
    points = _p("• Ran workshops for 50 people") + _p("• Planned the travel")
    body = _p("Acme Ltd") + _table([[points, _p("Prague") + _p("Jun 2022")]])
    assert _texts(read_lines(_docx(body))) == [
        "Acme Ltd",
        "Prague",
        "Jun 2022",
        "• Ran workshops for 50 people",
        "• Planned the travel",
    ]


def test_a_line_wrapped_after_a_comma_in_a_small_cell_of_an_entry_row_is_one_phrase() -> None:
    row = [
        _p("Software Development") + _p("Internship"),
        _p("Acme GmbH"),
        _p("Berlin,") + _p("Germany"),
        _p("since 02/2023"),
    ]
    two = [_p("Acme GmbH") + _p("Berlin,") + _p("Germany"), _p("2019 - 2021")]
    assert _texts(read_lines(_docx(_table([row]) + _table([two])))) == [
        "Software Development",
        "Internship",
        "Acme GmbH",
        "Berlin, Germany",
        "since 02/2023",
        "Acme GmbH",
        "Berlin,",
        "Germany",
        "2019 - 2021",
    ]


def test_a_date_cut_into_year_and_month_cells_is_one_line_with_its_event() -> None:
    rows = [
        [_p("平成 6"), _p("8"), _p("株式会社アクメ 入社")],
        [_p("2019"), _p("3"), _p("Joined Acme Ltd")],
        [_p("12"), _p("40"), _p("Not a date")],
    ]
    assert _texts(read_lines(_docx(_table(rows)))) == [
        "平成 6\t8\t株式会社アクメ 入社",
        "2019\t3\tJoined Acme Ltd",
        "12",
        "40",
        "Not a date",
    ]


def test_a_box_fixed_at_the_top_of_the_first_page_is_read_first_wherever_anchored() -> None:
    name = _box(0, 30, 400, 40, _p("Jane Example", size=24), vertical="page")
    later = _box(0, 30, 400, 40, _p("Page three band"), vertical="page")
    body = _p("Experience") + _p("Acme Ltd 2019 - 2021") + f"<w:p><w:r><w:t>Education</w:t></w:r>{name}</w:p>"
    body += f"<w:p><w:r><w:t>State University</w:t></w:r>{later}</w:p>"
    assert _texts(read_lines(_docx(body))) == [
        "Jane Example",
        "Experience",
        "Acme Ltd 2019 - 2021",
        "Education",
        "State University",
        "Page three band",
    ]


def test_a_year_and_month_cut_into_cells_with_their_marks_or_a_blank_month_join_the_event() -> None:
    rows = [
        [_p("平成4年"), _p("3月"), _p("三島高校 卒業")],
        [_p("令和元年"), _p("5月"), _p("株式会社アクメ 入社")],
        [_p("2019年"), "<w:p/>", _p("Joined Acme Ltd")],
        [_p("No 12"), _p("Main Street")],
    ]
    assert _texts(read_lines(_docx(_table(rows)))) == [
        "平成4年\t3月\t三島高校 卒業",
        "令和元年\t5月\t株式会社アクメ 入社",
        "2019年\tJoined Acme Ltd",
        "No 12",
        "Main Street",
    ]


def _level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
    )


def _item(num: int, ilvl: int, text: str, *, heading: bool = False) -> str:
    outline = '<w:outlineLvl w:val="0"/>' if heading else ""
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>{outline}</w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def test_list_numbers_that_say_more_than_the_place_in_the_list_are_read() -> None:
    numbering = (
        f'<w:abstractNum w:abstractNumId="0">{_level(0, "decimal", "%1.")}'
        f"{_level(1, 'lowerLetter', '%2)')}</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="1">{_level(0, "bullet", "•")}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="2">{_level(0, "decimal", "%1", start=2015)}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="3">{_level(0, "upperLetter", "S")}{_level(1, "decimal", "Step %2")}'
        "</w:abstractNum>"
        '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    body = (
        _item(1, 0, "Experience", heading=True)
        + _item(1, 0, "Built a shop")
        + _item(1, 1, "in Python")
        + _item(1, 0, "Ran a team")
        + _item(2, 0, "Kind")
        + _item(3, 0, "Joined Acme Ltd")
        + _item(3, 0, "Left Acme Ltd")
        + _item(4, 0, "Restarted")
        + _item(5, 0, "Situation")
        + _item(5, 1, "Plan")
    )
    lines = read_lines(_docx(body, numbering=numbering))
    assert [(ln.text, ln.bullet) for ln in lines] == [
        ("Experience", True),
        ("Built a shop", True),
        ("in Python", True),
        ("Ran a team", True),
        ("Kind", True),
        ("2015 Joined Acme Ltd", True),
        ("2016 Left Acme Ltd", True),
        ("Restarted", True),
        ("S Situation", True),
        ("Step 1 Plan", True),
    ]
    # A bare enumerator is a list item's mark, as a bullet is: counted, not shown.
    lists = _Lists(None)
    lists.levels = {"1": {0: _Level("decimal", "%1.", 1)}, "2": {0: _Level("decimal", "%1.", 1)}}
    lists.keys = {"1": "abstract 0", "2": "num 2"}
    assert [lists.number("1", 0), lists.number("1", 0)] == ["", ""]
    assert lists.counters == {"abstract 0": {0: 2}}


def test_only_icons_that_reach_the_person_become_a_line_of_their_targets() -> None:
    def icon(rid: str) -> str:
        return (
            '<w:r><w:drawing><wp:inline><wp:extent cx="200000" cy="200000"/><wp:docPr id="3" name="Icon">'
            f'<a:hlinkClick r:id="{rid}"/></wp:docPr></wp:inline></w:drawing></w:r>'
        )

    links = {"rIdGit": "https://github.com/jexample", "rIdCo": "https://www.acme.example/", "rIdTel": "tel:+4912345"}
    body = (
        _p("Jane Example")
        + f"<w:p>{icon('rIdGit')}{icon('rIdTel')}</w:p>"
        + _p("Acme Ltd")
        + f"<w:p>{icon('rIdCo')}</w:p>"
    )
    assert _texts(read_lines(_docx(body, links))) == [
        "Jane Example",
        "https://github.com/jexample tel:+4912345",
        "Acme Ltd",
    ]


def test_breaks_before_the_first_text_start_no_page() -> None:
    cover = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    first = "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Jane Example</w:t></w:r></w:p>"
    section = '<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr></w:p>'
    later = "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Education</w:t></w:r></w:p>"
    lines = read_lines(_docx(section + cover + first + _p("Experience") + later))
    assert [(ln.text, ln.page) for ln in lines] == [("Jane Example", 0), ("Experience", 0), ("Education", 1)]


def test_a_cell_beside_one_that_runs_onto_the_next_page_keeps_the_page_of_its_row() -> None:
    main = _p("Experience") + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>Acme Ltd</w:t></w:r></w:p>"
    side = _p("Jane Example") + _p("jane@example.org")
    lines = read_lines(_docx(_p("Curriculum vitae") + _table([[main, side]]) + _p("Hobbies")))
    assert [(ln.text, ln.page) for ln in lines] == [
        ("Curriculum vitae", 0),
        ("Experience", 0),
        ("Acme Ltd", 1),
        ("Jane Example", 0),
        ("jane@example.org", 0),
        ("Hobbies", 1),
    ]


def test_two_entries_a_row_are_read_block_by_block_but_unlike_blocks_are_one_entry_a_row() -> None:
    two = [
        [_p("Acme Ltd"), _p("2019 - 2021"), _p("Beta GmbH"), _p("2015 - 2019")],
        [_p("• Built"), "<w:p/>", _p("• Ran"), "<w:p/>"],
        [_p("Gamma AG"), _p("2013 - 2015"), _p("Delta SA"), _p("2011 - 2013")],
    ]
    assert _texts(read_lines(_docx(_table(two)))) == [
        "Acme Ltd",
        "2019 - 2021",
        "• Built",
        "Gamma AG",
        "2013 - 2015",
        "Beta GmbH",
        "2015 - 2019",
        "• Ran",
        "Delta SA",
        "2011 - 2013",
    ]
    one = [
        [_p("Engineer, Y2K team of 1999"), _p("Acme Ltd"), _p("2019 - 2021")],
        [_p("Analyst for the 2010 census"), _p("Beta GmbH"), _p("2015 - 2019")],
        [_p("Intern"), _p("Gamma AG"), _p("2013 - 2015")],
    ]
    assert _texts(read_lines(_docx(_table(one)))) == [
        "Engineer, Y2K team of 1999",
        "Acme Ltd",
        "2019 - 2021",
        "Analyst for the 2010 census",
        "Beta GmbH",
        "2015 - 2019",
        "Intern",
        "Gamma AG",
        "2013 - 2015",
    ]


def test_the_name_is_read_before_a_title_that_stands_higher_in_the_other_column() -> None:
    body = _anchors(
        _box(0, 20, 140, 40, _p("Jane Example", size=24)),
        _box(0, 80, 140, 200, _p("Contact") + _p("jane@example.org")),
        _box(170, 0, 330, 15, _p("Web Developer", size=16)),
        _box(170, 80, 330, 200, _p("Experience") + _p("Acme Ltd 2019 - 2021")),
    )
    assert _texts(read_lines(_docx(body))) == [
        "Jane Example",
        "Web Developer",
        "Experience",
        "Acme Ltd 2019 - 2021",
        "Contact",
        "jane@example.org",
    ]


def test_text_that_no_style_sizes_has_the_documents_default_size() -> None:
    styles = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:styleId="Big"><w:name w:val="Big"/><w:rPr><w:sz w:val="40"/></w:rPr></w:style>'
    )
    body = '<w:p><w:pPr><w:pStyle w:val="Big"/></w:pPr><w:r><w:t>Jane Example</w:t></w:r></w:p>' + _p("Experience")
    body += _p("Small print", size=8)
    lines = read_lines(_docx(body, styles=styles))
    assert [(ln.text, ln.size) for ln in lines] == [("Jane Example", 20.0), ("Experience", 11.0), ("Small print", 8.0)]


def test_a_character_style_sets_bold_and_size_under_direct_formatting() -> None:
    styles = (
        '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Huge"><w:name w:val="Huge"/><w:basedOn w:val="Strong"/>'
        '<w:rPr><w:sz w:val="48"/></w:rPr></w:style>'
    )

    def run(text: str, style: str, direct: str = "") -> str:
        return f'<w:p><w:r><w:rPr><w:rStyle w:val="{style}"/>{direct}</w:rPr><w:t>{text}</w:t></w:r></w:p>'

    body = run("Jane Example", "Huge") + run("Acme Ltd", "Strong") + run("Plain", "Strong", '<w:b w:val="0"/>')
    lines = read_lines(_docx(body, styles=styles))
    assert [(ln.text, ln.bold, ln.size) for ln in lines] == [
        ("Jane Example", True, 24.0),
        ("Acme Ltd", True, 0.0),
        ("Plain", False, 0.0),
    ]


def test_hidden_text_is_not_read() -> None:
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Type your name here. </w:t></w:r>"
    shown = '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>Jane Example</w:t></w:r>'
    assert _texts(read_lines(_docx(f"<w:p>{hidden}{shown}</w:p>"))) == ["Jane Example"]


def test_a_list_level_that_shows_no_mark_makes_no_list_item() -> None:
    # Templates tie their heading styles to a list whose levels show nothing (w:numFmt "none",
    # an empty w:lvlText): the page shows a plain heading, not a list item.
    numbering = (
        f'<w:abstractNum w:abstractNumId="0">{_level(0, "none", "")}{_level(1, "none", "%2")}'
        f"{_level(2, 'decimal', '%3.')}{_level(3, 'bullet', '•')}</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = (
        _item(1, 0, "Experience", heading=True)
        + _item(1, 1, "Northwind Ltd")
        + _item(1, 2, "Built a shop")
        + _item(1, 3, "in Python")
    )
    lines = read_lines(_docx(body, numbering=numbering))
    assert [(ln.text, ln.bullet) for ln in lines] == [
        ("Experience", False),
        ("Northwind Ltd", False),
        ("Built a shop", True),  # shown as "1.": a list item, its bare number left out
        ("in Python", True),
    ]


def test_a_damaged_list_part_read_late_keeps_the_place_of_its_note() -> None:
    # numbering.xml is read at the first numbered paragraph, after the headers: its note still
    # comes where reading the parts in package order put it, before the header's.
    parts = zipfile.ZipFile(io.BytesIO(_docx(_item(1, 0, "Built a shop"), numbering="<x/>", headers={"rIdH": ""})))
    members = {name: parts.read(name) for name in parts.namelist()}
    members["word/numbering.xml"] = b"<w:numbering><broken>"
    members["word/rIdH.xml"] = b"<w:hdr><broken>"
    sect = '<w:headerReference r:id="rIdH" w:type="default"/>'
    members["word/document.xml"] = members["word/document.xml"].replace(b"<w:pgMar", sect.encode() + b"<w:pgMar")
    package = _Package(open_zip(zip_of(members), "Word file"))
    lines = package.lines()
    assert [(ln.text, ln.bullet) for ln in lines] == [("Built a shop", True)]
    assert [note.split(" skipped")[0] for note in package.skipped] == ["word/numbering.xml", "word/rIdH.xml"]
    # Without a numbered paragraph the list part is not read at all.
    members["word/document.xml"] = members["word/document.xml"].replace(b"<w:numPr>", b"<w:x>")
    members["word/document.xml"] = members["word/document.xml"].replace(b"</w:numPr>", b"</w:x>")
    package = _Package(open_zip(zip_of(members), "Word file"))
    assert [ln.text for ln in package.lines()] == ["Built a shop"]
    assert [note.split(" skipped")[0] for note in package.skipped] == ["word/rIdH.xml"]


def test_styles_and_lists_read_on_demand_keep_the_last_definition_and_any_order() -> None:
    # A style may be based on one defined after it, and of two definitions of one id the
    # last counts (as when every definition was read up front); so for list definitions.
    styles = (
        '<w:style w:type="paragraph" w:styleId="Name"><w:name w:val="Name"/><w:basedOn w:val="Big"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Big"><w:name w:val="Big"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Big"><w:name w:val="Big"/><w:rPr><w:b/><w:sz w:val="40"/></w:rPr>'
        "</w:style>"
    )
    numbering = (
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        f'<w:abstractNum w:abstractNumId="0">{_level(0, "decimal", "Step %1")}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="0">{_level(0, "upperRoman", "Part %1")}</w:abstractNum>'
    )
    body = '<w:p><w:pPr><w:pStyle w:val="Name"/></w:pPr><w:r><w:t>Ada Example</w:t></w:r></w:p>'
    body += _item(1, 0, "Plan") + _item(1, 0, "Build")
    lines = read_lines(_docx(body, styles=styles, numbering=numbering))
    assert [(ln.text, ln.bold, ln.size) for ln in lines] == [
        ("Ada Example", True, 20.0),
        ("Part I Plan", False, 0.0),
        ("Part II Build", False, 0.0),
    ]


_BULLETS = (
    f'<w:abstractNum w:abstractNumId="0">{_level(0, "bullet", "•")}{_level(1, "bullet", "◦")}</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def test_an_item_over_lines_of_its_own_and_sub_items_is_no_list_item() -> None:
    # A web page's list of jobs converted to Word: each job is an item whose dates and
    # description are paragraphs outside the list, its highlights items one level down. The
    # job's item heads them; a highlight with a sub-item right below it stays a list item.
    body = (
        _h("Experience")
        + _item(1, 0, "Engineer, Northwind Ltd")
        + _p("Mar 2019 - Jun 2021")
        + _p("Built the warehouse system for three sites.")
        + _item(1, 1, "Cut the shipping costs by a fifth")
        + _item(1, 1, "Hired four engineers")
        + _item(1, 0, "Analyst, Contoso Bank")
        + _p("2016 - 2019")
        + _item(1, 1, "Wrote the monthly risk report")
        + _item(1, 0, "Built a shop")
        + _item(1, 1, "in Python")
    )
    data = _docx(body, numbering=_BULLETS)
    assert [(ln.text, ln.bullet) for ln in read_lines(data)] == [
        ("Experience", False),
        ("Engineer, Northwind Ltd", False),
        ("Mar 2019 - Jun 2021", False),
        ("Built the warehouse system for three sites.", False),
        ("Cut the shipping costs by a fifth", True),
        ("Hired four engineers", True),
        ("Analyst, Contoso Bank", False),
        ("2016 - 2019", False),
        ("Wrote the monthly risk report", True),
        ("Built a shop", True),
        ("in Python", True),
    ]
    resume, _ = extract(data)
    work = [(job.position, job.name, job.startDate) for job in resume.work or []]
    assert work[:2] == [("Engineer", "Northwind Ltd", "2019-03"), ("Analyst", "Contoso Bank", "2016")]


def test_a_label_over_the_heading_it_names_is_read_once() -> None:
    # An anchor's label converted with its page ("About" in body text over the heading
    # "About"): read twice, the first opened an empty section. The heading's copy is kept; a
    # list may say the same thing twice.
    body = _p("Ada Example", size=20) + _p("About") + _h("About") + _p("Quiet engineer who ships on time.")
    lines = read_lines(_docx(body + _p("Python") + _p("Python")))
    assert [(ln.text, ln.level) for ln in lines] == [
        ("Ada Example", None),
        ("About", 0),
        ("Quiet engineer who ships on time.", None),
        ("Python", None),
        ("Python", None),
    ]
    resume, _ = extract(_docx(body))
    assert resume.basics is not None and resume.basics.summary == "Quiet engineer who ships on time."


def test_links_to_files_on_disk_are_no_addresses() -> None:
    # A web page saved and converted to Word links to its local copies of the pages it named;
    # a link typed without its scheme is stored as a file beside the document: its address is
    # kept (regression: it was dropped with the files, and the profile was lost).
    link = '<w:p><w:hyperlink r:id="{}"><w:r><w:t>{}</w:t></w:r></w:hyperlink></w:p>'
    body = _p("Ada Example", size=20) + link.format("rIdA", "LinkedIn") + link.format("rIdB", "GitHub")
    body += link.format("rIdC", "Portfolio") + link.format("rIdD", "Blog")
    links = {
        "rIdA": "../../saved/www.linkedin.com/in/adaexample",
        "rIdB": "file:///C:/Users/ada/github.html",
        "rIdC": "C:\\Users\\ada\\site.html",
        "rIdD": "www.adaexample.org",
    }
    assert [ln.links for ln in read_lines(_docx(body, links=links))] == [
        [],
        ["www.linkedin.com/in/adaexample"],
        [],
        [],
        ["www.adaexample.org"],
    ]
    resume, _ = extract(_docx(body, links=links))
    assert resume.basics is not None
    assert [p.url for p in resume.basics.profiles] == ["www.linkedin.com/in/adaexample"]


def _spaced_p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def test_boxes_a_converter_made_of_each_piece_of_a_row_keep_their_spaces() -> None:
    # A PDF converted to Word: each piece of text in a box of its own, sized wider than its
    # text so that neighbours overlap. A box whose text starts with a space shows a gap; a list
    # mark in its own box is followed by a space; pieces of one word stay one word.
    row = _box(0, 0, 160, 12, _p("ada@example.org")) + _box(150, 0, 120, 12, _spaced_p("  Lisbon, Portugal"))
    item = _box(0, 30, 8, 12, _p("•")) + _box(10, 30, 300, 12, _p("Built the billing service"))
    word = _box(0, 60, 60, 12, _p("ada@exam")) + _box(55, 60, 60, 12, _p("ple.org"))
    lines = read_lines(_docx(_anchors(row, item, word)))
    assert _texts(lines) == ["ada@example.org Lisbon, Portugal", "• Built the billing service", "ada@example.org"]


def test_a_heading_in_the_margin_beside_a_boxed_row_is_a_line_of_its_own() -> None:
    # A converted page with its section headings in the margin, level with the first line of
    # the section: the heading is read first, on a line of its own, not as the job's first word.
    row = _box(0, 0, 60, 20, _p("Work", size=20)) + _box(70, 2, 200, 16, _p("Data Engineer", size=16))
    row += _box(70, 24, 200, 12, _p("Northwind Ltd", size=11)) + _box(280, 24, 100, 12, _p("2019 - 2021", size=11))
    lines = read_lines(_docx(_anchors(row)))
    assert _texts(lines) == ["Work", "Data Engineer", "Northwind Ltd 2019 - 2021"]


def test_a_bold_or_italic_face_makes_bold_or_italic_text() -> None:
    # Converters from PDF name the face ("Arial-BoldMT") and turn w:b off: the page shows bold.
    def run(text: str, font: str, props: str = "") -> str:
        fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>'
        return f"<w:p><w:r><w:rPr>{props}{fonts}</w:rPr><w:t>{text}</w:t></w:r></w:p>"

    body = run("Experience", "Arial-BoldMT", '<w:b w:val="false"/>') + run("Northwind Ltd", "Inter SemiBold Italic")
    body += run("Built a shop", "Calibri") + run("Leeds", "Segoe UI Semilight")
    lines = read_lines(_docx(body))
    assert [(ln.text, ln.bold, ln.italic) for ln in lines] == [
        ("Experience", True, False),
        ("Northwind Ltd", True, True),
        ("Built a shop", False, False),
        ("Leeds", False, False),
    ]
