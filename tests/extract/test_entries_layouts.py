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
    assert fields.get("org") or fields.get("role")


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
