"""Entries laid out as common CV templates lay them out (issue #14): the rules that made the
synthetic layouts read better, each with invented text and a test that fails without its rule.
"""

from __future__ import annotations

import pytest

from cvconvert.extract.entries import _entry_data, _line_kind, _segment
from cvconvert.extract.heads import _split_head
from cvconvert.extract.lines import Line


def work(lines: list[Line], key: str = "work") -> list[dict[str, object]]:
    """The entries of a section made of these lines, as JSON Resume items."""
    return [_entry_data(entry, key) or {} for entry in _segment(lines, key)]


# -- a web address in a head ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    ["https://www.linkedin.example/company/nordwind", "www.nordwind.example", "nordwind.example/about-us"],
)
def test_a_web_address_beside_the_employer_is_not_its_name(address: str) -> None:
    fields, _ = _split_head([Line(f"Nordwind · {address}\tBerlin"), Line("Data Engineer\tJan 2020 – Present")], "work")
    assert fields["org"] == "Nordwind"
    assert fields["role"] == "Data Engineer"
    assert address not in fields.values()


def test_a_project_may_be_named_by_its_address() -> None:
    fields, _ = _split_head([Line("nordwind.example/weather")], "projects")
    assert "nordwind.example/weather" in fields.values()


# -- the section's order and a head of two lines --------------------------------------------------


def test_a_school_on_a_line_of_its_own_is_the_school_whatever_the_sections_order() -> None:
    # "Brightwater" over "Course, Subject": the order the section's other heads follow (school
    # first) names the line above, not the first half of the pair below.
    lines = [Line("Brightwater", bold=True), Line("workshop Pottery advanced, Pottery\tDec 2020")]
    fields, _ = _split_head(lines, "education", order="org")
    assert fields["org"] == "Brightwater"
    assert fields["role"].startswith("workshop Pottery")


def test_the_sections_order_still_splits_a_pair_alone() -> None:
    fields, _ = _split_head([Line("Animal Husbandry, Eastmoor")], "education", order="role")
    assert fields["org"] == "Eastmoor"


# -- a sentence that describes the employer -------------------------------------------------------


def _titled(description: str) -> dict[str, object]:
    lines = [
        Line("Senior Developer", size=13),
        Line("Oct 2009 – Jul 2011", size=10.5),
        Line(description, size=10.5),
        Line("Built a web shop for a chain of bakeries", size=10.5, bullet=True),
    ]
    return work(lines)[0]


@pytest.mark.parametrize(
    ("description", "org"),
    [
        ("Nordwind Labs is an agency that builds web shops.", "Nordwind Labs"),
        ("n2N Trading was a start-up that sold maps.", "n2N Trading"),
        ("The Nordvale Group is one of the largest ferry operators.", "The Nordvale Group"),
        ("Nordwind GmbH ist ein Anbieter von Fähren.", "Nordwind GmbH"),  # de
        ("Nordwind est une société de transport.", "Nordwind"),  # fr
        ("Nordwind Labs is building the first floating bakery.", "Nordwind Labs"),
    ],
)
def test_a_sentence_describing_the_employer_names_it(description: str, org: str) -> None:
    assert _titled(description).get("name") == org


@pytest.mark.parametrize(
    "description",
    [
        "It is a small team working on maps.",
        "The company is a ferry operator.",
        "This is a role in a team of four.",
        "Designed and built the web shop for the whole company.",
    ],
)
def test_a_sentence_about_something_else_names_no_employer(description: str) -> None:
    assert "name" not in _titled(description)


def test_a_head_that_names_its_employer_keeps_it() -> None:
    lines = [Line("Analyst at Harbour Bank"), Line("2019 – 2021"), Line("Northwind Ltd is a client of ours.")]
    assert work(lines)[0]["name"] == "Harbour Bank"


# -- looks: a line of text before a head in the heads' look ---------------------------------------


def test_a_text_line_that_reads_like_a_title_stays_with_the_entry_above() -> None:
    # The heads are set larger than the text; "Lead adoption of …" reads as a title by its words
    # but has the text's look.
    lines = [
        Line("Senior Developer", size=13.1),
        Line("Dec 2007 – Oct 2009", size=10.5),
        Line(
            "Developed web projects for several clients in the region, in three frameworks, for two phones.",
            size=10.5,
        ),
        Line("Lead adoption of version control in the development team", size=10.5),
        Line("Web Developer", size=13.1),
        Line("Sep 2007 – Dec 2007", size=10.5),
        Line("Developed interfaces from the designers' drawings", size=10.5),
    ]
    items = work(lines)
    assert [item.get("position") for item in items] == ["Senior Developer", "Web Developer"]
    assert "Lead adoption of version control in the development team" in str(items[0])


# -- prose that names a year ----------------------------------------------------------------------


def test_a_long_sentence_with_a_year_is_text_not_an_entry() -> None:
    text = "Since 2004 Nordwind has been designing and building a wide range of web applications for companies"
    assert _line_kind(Line(text), "work") == "body"
    assert _line_kind(Line("2004 – 2008 Waiter at the Nordvale harbour restaurant"), "work") == "dated"


def test_a_long_head_with_its_dates_in_a_column_stays_a_head() -> None:
    # Many lower-case words, but the dates stand after a tab: a degree's head, not prose.
    text = "Classe préparatoire aux grandes écoles (MPSI), Mathématiques, physique et sciences de l'ingénieur"
    assert _line_kind(Line(f"{text}\t2011 – 2013"), "education") == "dated"


# -- a school on a line of its own ----------------------------------------------------------------


@pytest.mark.parametrize("looks", [{"bold": True}, {"level": 1}, {"size": 12.0}])
def test_a_school_standing_out_on_its_line_is_the_institution(looks: dict[str, object]) -> None:
    # "Information Systems" reads as an organisation by its last word; beside the degree it is the
    # field, and the name that stands out on its own line is the school.
    name = Line("NORDVALE", **looks)  # type: ignore[arg-type]
    fields, _ = _split_head([name, Line("BSc, Information Systems\tJan 2011 – Dec 2014", size=9.5)], "education")
    assert (fields["org"], fields["role"], fields["area"]) == ("NORDVALE", "BSc", "Information Systems")


def test_a_school_in_the_texts_look_does_not_displace_the_named_one() -> None:
    fields, _ = _split_head([Line("Eastmoor"), Line("BSc, Nordvale University\t2011 – 2014")], "education")
    assert fields["org"] == "Nordvale University"


# -- lines under a head that are details ----------------------------------------------------------


def test_a_styled_name_in_lower_case_heads_an_entry() -> None:
    lines = [Line("nordwind · nordwind.example", level=1), Line("Platform Engineer\tAug 2021 – Present")]
    assert work(lines)[0]["name"] == "nordwind"


@pytest.mark.parametrize("text", ["Company size: ~250", "Team: 12 → 40", "Website link: https://nordwind.example/"])
def test_a_captioned_figure_or_link_is_a_detail_not_an_entry(text: str) -> None:
    assert _line_kind(Line(text), "work") == "body"
    lines = [Line("Nordwind", bold=True), Line("Platform Engineer\tAug 2021 – Present"), Line(text)]
    assert len(work(lines)) == 1


def test_dates_inside_a_web_address_date_nothing() -> None:
    from cvconvert.extract.daterange import find_dates

    assert find_dates("Nordwind · https://news.example/2017/01/20/nordwind-acquired/") == []
    assert find_dates("www.nordwind.example/2019 Engineer 2015 – 2017")[0].start == "2015"
    lines = [
        Line("Nordwind · https://news.example/2017/01/20/nordwind-acquired/", level=1),
        Line("Co-founder\tSep 2014 – Jan 2017"),
        Line("Harbour Bank", level=1),
        Line("Analyst\tJan 2017 – Mar 2019"),
    ]
    assert [(i.get("name"), i.get("position")) for i in work(lines)] == [
        ("Nordwind", "Co-founder"),
        ("Harbour Bank", "Analyst"),
    ]


def test_the_end_of_a_broken_word_is_not_a_school() -> None:
    # "de-" / "gree": a word broken over two lines leaves its end alone on a bold line.
    lines = [Line("gree", bold=True), Line("Nordvale High School,\tGerman Language\tMar 2000 – Nov 2001")]
    assert _split_head(lines, "education")[0]["org"] == "Nordvale High School"


def test_bold_lower_case_words_under_dates_stay_text() -> None:
    # A title in lower case (Polish, for one) is not taken for a name by its weight alone.
    assert _line_kind(Line("starszy specjalista", bold=True), "work") == "body"
    assert _line_kind(Line("asystent", bold=True), "work") == "body"


def test_a_few_words_under_a_title_and_its_dates_name_the_employer() -> None:
    # The title, its dates, then the employer in words no vocabulary types.
    lines = [
        Line("iOS 研发工程师", bold=True, level=4),
        Line("Mar 2018 – Mar 2019"),
        Line("打车软件"),
        Line("职责：乘客端业务线", bullet=True),
        Line("Mobile Developer", bold=True, level=4),
        Line("Mar 2016 – Mar 2018"),
        Line("Nordwind Brightwater"),
        Line("Built the trading screens.", bullet=True),
    ]
    assert [(i.get("name"), i.get("position")) for i in work(lines)] == [
        ("打车软件", "iOS 研发工程师"),
        ("Nordwind Brightwater", "Mobile Developer"),
    ]


def test_a_lone_word_under_the_school_line_does_not_displace_it() -> None:
    # A degree column wrapped onto the next line ("bachelor of" / "Medicine"): the word below is
    # the rest of the degree, not a school.
    lines = [Line("bachelor of\tNordvale University,\tEastmoor\t2010 – 2015"), Line("Medicine", bold=True)]
    assert "Nordvale University" in _split_head(lines, "education")[0]["org"]


# -- links and wrapped prose among the head lines -------------------------------------------------


@pytest.mark.parametrize("link", ["https://nordwind.example/", "https://nordwind.example/ (https://nordwind.example/)"])
def test_a_link_between_the_dates_and_the_title_leaves_the_head_open(link: str) -> None:
    lines = [
        Line("2021-05-05 — 2022-02-05", bold=True, level=3),
        Line(link),
        Line("Full Stack Developer - Nordwind Labs"),
        Line("Added new features and fixed bugs with test-driven development in Python."),
    ]
    item = work(lines)[0]
    assert (item.get("name"), item.get("position")) == ("Nordwind Labs", "Full Stack Developer")


def test_a_title_beside_its_employers_link_in_a_column_is_no_caption() -> None:
    # "Title<tab>https://…": two columns, not "caption: value".
    assert _line_kind(Line("Rails Developer\thttps://nordwind.example/"), "work") == "head"


@pytest.mark.parametrize(
    "text",
    [
        "Automated a large portion of the accounting through the ledger as to the",  # en
        "Verantwortlich für die Umstellung der gesamten Buchhaltung auf die",  # de
        "Responsable de la migration de toute la comptabilité vers le",  # fr
    ],
)
def test_a_line_of_prose_broken_after_a_small_word_is_text(text: str) -> None:
    assert _line_kind(Line(text), "work") == "body"


def test_a_head_ending_in_a_name_stays_a_head() -> None:
    assert _line_kind(Line("Software engineer in the payments team of Nordwind"), "work") == "head"


def test_the_items_under_a_caption_do_not_head_the_next_entry() -> None:
    # "Highlights" over one keyword a line, then the next entry with its dates on the org's line.
    lines = [
        Line("Nordwind Labs\t2016-11-01 — 2017-07-01", size=13.5),
        Line("Frontend Engineer", bold=True, size=10.5),
        Line("Built the front end of a reporting tool for the marketing team of a retailer.", size=10.5),
        Line("Highlights", size=13.5),
        Line("React", size=10.5),
        Line("MongoDB", size=10.5),
        Line("Angular 2/4", size=10.5),
        Line("Node.JS", size=10.5),
        Line("Harbour Media\t2015-01-01 — 2016-10-01", size=13.5),
        Line("Web Developer", bold=True, size=10.5),
    ]
    items = work(lines)
    assert [(i.get("name"), i.get("position")) for i in items] == [
        ("Nordwind Labs", "Frontend Engineer"),
        ("Harbour Media", "Web Developer"),
    ]


def test_a_sentence_under_a_two_line_head_is_the_entrys_text() -> None:
    lines = [
        Line("Nordwind Staffing 2016-03-01 — 2016-08-18", bold=True, level=3),
        Line("https://nordwind.example/"),
        Line("Agency worker"),
        Line("Worked in several jobs while waiting for college to start, mainly in construction"),
    ]
    item = work(lines)[0]
    assert (item.get("name"), item.get("position")) == ("Nordwind Staffing", "Agency worker")
    assert "construction" in str(item.get("summary"))
