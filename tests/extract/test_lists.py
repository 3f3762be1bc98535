"""The list sections: one synthetic test per rule of cvconvert/extract/lists.py, and the passes
that move lines between list sections."""

from __future__ import annotations

from typing import Any

from cvconvert.extract import Line, extract
from cvconvert.extract.lines import _is_bullet
from cvconvert.extract.lists import _is_language_name, _list_section, _no_language_named


def _items(key: str, *lines: str | Line) -> list[dict[str, Any]]:
    return _list_section(key, [ln if isinstance(ln, Line) else Line(ln) for ln in lines])


def _cell(text: str, table: int, row: int, col: int, *, bold: bool = False) -> Line:
    return Line(text, where="table", cell=(table, row, col), bold=bold)


# --- skills ---------------------------------------------------------------------------------


def test_skills_caption_and_list_give_a_group() -> None:
    assert _items("skills", "Programming: Python, Go; Rust") == [
        {"name": "Programming", "keywords": ["Python", "Go", "Rust"]}
    ]


def test_skills_caption_and_one_level_give_a_rated_skill() -> None:
    assert _items("skills", "Python: expert", "Excel: sehr gut") == [
        {"name": "Python", "level": "expert"},
        {"name": "Excel", "level": "sehr gut"},
    ]


def test_skills_level_in_brackets() -> None:
    assert _items("skills", "Python (advanced)", "Docker (4/5)") == [
        {"name": "Python", "level": "advanced"},
        {"name": "Docker", "level": "4/5"},
    ]


def test_skills_plain_list_gives_one_skill_per_item() -> None:
    assert _items("skills", "- Java | SQL | PL/SQL", "C, C++ · Go") == [
        {"name": "Java"},
        {"name": "SQL"},
        {"name": "PL/SQL"},
        {"name": "C"},
        {"name": "C++"},
        {"name": "Go"},
    ]


def test_skills_caption_with_colon_over_list_items() -> None:
    lines = [Line("Tools:"), Line("Git", bullet=True), Line("Docker, Kubernetes", bullet=True)]
    assert _list_section("skills", lines) == [{"name": "Tools", "keywords": ["Git", "Docker", "Kubernetes"]}]


def test_skills_bold_caption_over_list_items() -> None:
    lines = [Line("Databases", bold=True), Line("PostgreSQL", bullet=True), Line("Redis", bullet=True)]
    assert _list_section("skills", lines) == [{"name": "Databases", "keywords": ["PostgreSQL", "Redis"]}]


def test_skills_bold_line_not_over_list_items_is_a_skill() -> None:
    assert _items("skills", Line("Leadership", bold=True), "Teamwork") == [{"name": "Leadership"}, {"name": "Teamwork"}]


def test_skills_list_in_brackets_after_a_name_is_a_group() -> None:
    assert _items("skills", "Design programs (Inventor, AutoCAD, Rhino 3D)") == [
        {"name": "Design programs", "keywords": ["Inventor", "AutoCAD", "Rhino 3D"]}
    ]


def test_skills_table_header_row_is_no_skill() -> None:
    assert _items("skills", "Skill name\tVersion\tLast used", "Python: expert") == [
        {"name": "Python", "level": "expert"}
    ]


def test_skills_table_caption_cell_and_content_cell_are_one_group() -> None:
    lines = [
        _cell("Programming", 0, 0, 0, bold=True),
        _cell("Python", 0, 0, 1),
        _cell("Go", 0, 0, 1),
        _cell("Tools", 0, 1, 0, bold=True),
        _cell("Git, Docker", 0, 1, 1),
    ]
    assert _list_section("skills", lines) == [
        {"name": "Programming", "keywords": ["Python", "Go"]},
        {"name": "Tools", "keywords": ["Git", "Docker"]},
    ]


def test_skills_grid_of_single_cells_stays_a_list() -> None:
    lines = [_cell("Python", 0, 0, 0), _cell("Java", 0, 0, 1), _cell("SQL", 0, 1, 0), _cell("Go", 0, 1, 1)]
    assert _list_section("skills", lines) == [{"name": "Python"}, {"name": "Java"}, {"name": "SQL"}, {"name": "Go"}]


def test_skills_rating_glyphs_are_dropped() -> None:
    assert _items("skills", "Python ★★★★☆", "★★★") == [{"name": "Python"}]


# --- languages ------------------------------------------------------------------------------


def test_languages_with_colon_dash_and_brackets() -> None:
    assert _items("languages", "German: native", "English (C1)", "French – B2", "Englisch(C1)") == [
        {"language": "German", "fluency": "native"},
        {"language": "English", "fluency": "C1"},
        {"language": "French", "fluency": "B2"},
        {"language": "Englisch", "fluency": "C1"},
    ]


def test_languages_on_one_line() -> None:
    assert _items("languages", "Deutsch (C1), Englisch (B2), Polnisch") == [
        {"language": "Deutsch", "fluency": "C1"},
        {"language": "Englisch", "fluency": "B2"},
        {"language": "Polnisch"},
    ]


def test_languages_tab_between_language_and_level() -> None:
    assert _items("languages", "Spanish\tfluent") == [{"language": "Spanish", "fluency": "fluent"}]


def test_languages_europass_grid_gives_the_levels_once() -> None:
    assert _items("languages", "Inglese\tC1\tC1\tB2\tC1\tC1") == [{"language": "Inglese", "fluency": "C1 / B2"}]


def test_languages_mother_tongue_caption_is_the_fluency() -> None:
    assert _items("languages", "Lingua madre: Italiano") == [{"language": "Italiano", "fluency": "Lingua madre"}]


def test_languages_level_on_the_next_line() -> None:
    assert _items("languages", "English", "Professional working proficiency", "Hindi") == [
        {"language": "English", "fluency": "Professional working proficiency"},
        {"language": "Hindi"},
    ]


def test_languages_fluency_goes_on_after_a_comma() -> None:
    assert _items("languages", "English – writing, speaking and reading") == [
        {"language": "English", "fluency": "writing, speaking and reading"}
    ]


def test_languages_table_cells() -> None:
    lines = [_cell("English", 0, 0, 0), _cell("Fluent", 0, 0, 1), _cell("German", 0, 1, 0), _cell("Basic", 0, 1, 1)]
    assert _list_section("languages", lines) == [
        {"language": "English", "fluency": "Fluent"},
        {"language": "German", "fluency": "Basic"},
    ]


def test_languages_table_header_row_is_no_language() -> None:
    assert _items("languages", "Language\tProficiency", "English\tProficient") == [
        {"language": "English", "fluency": "Proficient"}
    ]


def test_language_names_from_cldr_for_the_documents_language() -> None:
    assert not _is_language_name("Kroatisch (C1)")  # neither in English nor in the hand list
    assert _is_language_name("Kroatisch (C1)", "de")
    assert _is_language_name("Magyar")  # a language's own name


# --- awards, certificates, publications, references, interests -------------------------------


def test_awards_date_after_the_title() -> None:
    assert _items("awards", "Best Paper Award 2019", "Dean's List (2018)") == [
        {"title": "Best Paper Award", "date": "2019"},
        {"title": "Dean's List", "date": "2018"},
    ]


def test_certificates_date_alone_before_each_title() -> None:
    assert _items("certificates", "2024", "Cloud Practitioner", "2023", "Scrum Master") == [
        {"name": "Cloud Practitioner", "date": "2024"},
        {"name": "Scrum Master", "date": "2023"},
    ]


def test_awards_date_alone_after_each_title() -> None:
    assert _items("awards", "Best Poster", "2019", "Travel Grant", "2018") == [
        {"title": "Best Poster", "date": "2019"},
        {"title": "Travel Grant", "date": "2018"},
    ]


def test_awards_organisation_after_a_comma_is_the_awarder() -> None:
    assert _items("awards", "Merit Scholarship, Example University, 2017") == [
        {"title": "Merit Scholarship", "awarder": "Example University", "date": "2017"}
    ]


def test_awards_line_under_a_list_item_names_the_awarder() -> None:
    lines = [Line("Best Paper Award, 2019", bullet=True), Line("International Conference on Examples")]
    assert _list_section("awards", lines) == [
        {"title": "Best Paper Award", "date": "2019", "awarder": "International Conference on Examples"}
    ]


def test_publications_keep_their_year() -> None:
    assert _items("publications", "A study of examples. Journal of Tests, 2020.") == [
        {"name": "A study of examples. Journal of Tests", "releaseDate": "2020"}
    ]


def test_references_on_request_are_none() -> None:
    assert _items("references", "References available upon request", "Referenzen auf Anfrage") == []


def test_references_name_then_details() -> None:
    lines = [Line("Dr. Jane Referee", bold=True), Line("Professor, Example University"), Line("jane@example.org")]
    assert _list_section("references", lines) == [
        {"name": "Dr. Jane Referee", "reference": "Professor, Example University; jane@example.org"}
    ]


def test_interests_split_at_commas_and_pipes() -> None:
    assert _items("interests", "Chess, hiking | photography") == [
        {"name": "Chess"},
        {"name": "hiking"},
        {"name": "photography"},
    ]


def test_japanese_middle_dot_is_a_bullet() -> None:
    assert _is_bullet(Line("・設計から運用まで"))
    assert not _is_bullet(Line("・"))


# --- passes that move lines between sections --------------------------------------------------


def _cv(*texts: str) -> dict[str, Any]:
    lines = [Line("Jan Example", level=0)] + [
        Line(t, bold=True, level=1) if t.isupper() else Line(t, bullet=t.startswith("- ")) for t in texts
    ]
    return extract(lines)[0].to_data()


def test_languages_with_levels_in_the_skills_make_a_languages_section() -> None:
    data = _cv("SKILLS", "- Java, SQL", "- Deutsch (C1), Englisch (C1), Kroatisch (Muttersprache)")
    assert [lang["language"] for lang in data["languages"]] == ["Deutsch", "Englisch", "Kroatisch"]
    assert data["skills"] == [{"name": "Java"}, {"name": "SQL"}]


def test_languages_listed_after_a_caption_in_the_skills() -> None:
    data = _cv("SKILLS", "Coding: Python, Go", "I speak: English, Spanish, Arabic")
    assert [lang["language"] for lang in data["languages"]] == ["English", "Spanish", "Arabic"]


def test_a_skill_named_after_a_language_stays_a_skill() -> None:
    data = _cv("SKILLS", "- English for Speakers of Other Languages (ESOL)", "- Classroom management")
    assert "languages" not in data
    assert len(data["skills"]) == 2


def test_an_existing_languages_section_is_kept() -> None:
    data = _cv("SKILLS", "- Deutsch (C1), Englisch (C1)", "LANGUAGES", "- French (B2)")
    assert data["languages"] == [{"language": "French", "fluency": "B2"}]


def test_experience_and_skills_heading_over_captioned_lists_is_skills() -> None:
    data = _cv("ERFAHRUNG UND KENNTNISSE", "Programmierung: Python, C++", "Werkzeuge: Git, Docker")
    assert "work" not in data
    assert [s["name"] for s in data["skills"]] == ["Programmierung", "Werkzeuge"]


def test_a_work_section_of_captioned_lists_without_a_skills_word_stays_work() -> None:
    data = _cv("EXPERIENCE", "Acme Ltd: Engineer, Team Lead", "2019 - 2021")
    assert "skills" not in data


def test_the_documents_own_language_names_its_languages_without_a_hint() -> None:
    # "Kroatisch" and "Polnisch" are language names in German only: the document is told German
    # by its own words, and its language names come from German CLDR data.
    lines = [
        Line("Jana Beispiel", level=0),
        Line("BERUFSERFAHRUNG", bold=True, level=1),
        Line("Softwareentwicklerin bei der Beispiel GmbH und für die Kunden der Firma tätig"),
        Line("März 2019 - heute"),
        Line("KENNTNISSE", bold=True, level=1),
        Line("Programmierung: Python, Go"),
        Line("Sprachen: Kroatisch, Polnisch"),
    ]
    data = extract(lines)[0].to_data()
    assert [lang["language"] for lang in data["languages"]] == ["Kroatisch", "Polnisch"]


def test_languages_level_line_of_a_grid_under_the_language() -> None:
    assert _items("languages", "Inglese", "C1\tC1\tB2") == [{"language": "Inglese", "fluency": "C1 / B2"}]


def test_languages_mother_tongue_caption_alone_over_its_value() -> None:
    assert _items("languages", "Mother tongue", "Italian") == [{"language": "Italian", "fluency": "Mother tongue"}]


def test_languages_given_in_two_lines_in_the_skills_make_a_languages_section() -> None:
    data = _cv("SKILLS", "- Python, Go", "Mother tongue", "Italian", "English", "C1\tC1\tB2")
    assert data["languages"] == [
        {"language": "Italian", "fluency": "Mother tongue"},
        {"language": "English", "fluency": "C1 / B2"},
    ]
    assert data["skills"] == [{"name": "Python"}, {"name": "Go"}]


def test_a_languages_section_naming_no_spoken_language_is_skills() -> None:
    data = _cv("LANGUAGES", "- English (C1)", "COMPUTER LANGUAGES", "Python: very good", "C++: good")
    assert data["languages"] == [{"language": "English", "fluency": "C1"}]
    assert data["skills"] == [{"name": "Python", "level": "very good"}, {"name": "C++", "level": "good"}]


def test_an_acronym_is_no_language_name() -> None:
    # CLDR knows a language called "Gan"; "GAN" in a CV is a kind of neural network.
    assert not _is_language_name("GAN", "de")
    assert not _is_language_name("Ewe")  # short names are words too
    assert _is_language_name("英语（流利）", "zh")


# --- the summary pass: prose before the first section, or opening the main column -----------


_PROFILE = (
    "Software engineer with eight years of building payment systems,",
    "data pipelines and the teams that run them, now looking for a role",
    "in a small company.",
)


def test_a_profile_cut_into_lines_is_one_summary() -> None:
    lines = [Line("Jan Example", level=0, para=0), Line("Senior Engineer", para=1)]
    lines += [Line(text, para=2) for text in _PROFILE]
    lines += [Line("EXPERIENCE", bold=True, level=1, para=3), Line("Acme Ltd\t2019 - 2021", para=4)]
    data = extract(lines)[0].to_data()
    assert data["basics"]["summary"] == " ".join(_PROFILE)


def test_a_profile_of_sentences_on_lines_of_their_own_is_one_summary() -> None:
    lines = [Line("Jan Example", level=0, para=0), Line("Senior Engineer", para=1)]
    lines += [Line(text, para=i + 2) for i, text in enumerate(_PROFILE)]
    lines += [Line("EXPERIENCE", bold=True, level=1, para=9), Line("Acme Ltd\t2019 - 2021", para=10)]
    assert extract(lines)[0].to_data()["basics"]["summary"] == " ".join(_PROFILE)


def test_short_lines_before_the_first_section_are_no_summary() -> None:
    data = _cv("Senior Engineer", "Berlin, Germany", "EXPERIENCE", "Acme Ltd\t2019 - 2021")
    assert "summary" not in data["basics"]


def test_prose_opening_the_main_column_after_a_sidebar_is_the_summary() -> None:
    sidebar = [Line("Jan Example", level=0, where="sidebar"), Line("INTERESTS", bold=True, where="sidebar")]
    sidebar += [Line("Chess", where="sidebar", para=5), Line("Hiking", where="sidebar", para=6)]
    main = [Line(text, column=1, para=7) for text in _PROFILE]
    main += [Line("EXPERIENCE", bold=True, column=1, para=8), Line("Acme Ltd\t2019 - 2021", column=1, para=9)]
    data = extract(sidebar + main)[0].to_data()
    assert data["basics"]["summary"] == " ".join(_PROFILE)
    assert data["interests"] == [{"name": "Chess"}, {"name": "Hiking"}]


def test_skills_sentence_is_not_cut_at_its_commas() -> None:
    text = "Can run an agile project reasonably well, including delivery, planning and communication."
    assert _items("skills", text) == [{"name": text}]


def test_skills_bullet_left_at_the_end_of_an_item_is_dropped() -> None:
    assert _items("skills", "OCaml • Haskell • Lua •") == [{"name": "OCaml"}, {"name": "Haskell"}, {"name": "Lua"}]


def test_consent_to_processing_personal_data_is_in_no_section() -> None:
    data = _cv(
        "CERTIFICATES",
        "Cloud Practitioner 2021",
        "Wyrażam zgodę na przetwarzanie moich danych osobowych w celu prowadzenia rekrutacji na",
        "stanowisko.",
    )
    assert data["certificates"] == [{"name": "Cloud Practitioner", "date": "2021"}]


def test_languages_under_a_mother_tongue_heading_take_it_as_fluency() -> None:
    items = _list_section("languages", [Line("Italian"), Line("English (C1)")], None, "Mother tongue(s)")
    assert items == [{"language": "Italian", "fluency": "Mother tongue(s)"}, {"language": "English", "fluency": "C1"}]


def test_korean_language_names_of_two_signs_are_known() -> None:
    assert _is_language_name("영어 (TOEIC 900)", "ko")


def test_a_languages_section_in_an_unknown_script_stays_without_the_language() -> None:
    lines = [Line("Անգլերեն — B2"), Line("Ռուսերեն — C1")]  # Armenian names, no language told
    assert not _no_language_named(lines, None)


def test_spoken_languages_listed_among_the_contact_details_are_the_languages_section() -> None:
    lines = [Line("Ada Example", bold=True, size=20.0), Line("Valencia, Spain\tada@example.com\tSpanish, English")]
    lines += [Line("Experience", level=0), Line("2019 – 2021 Engineer, Northwind Ltd")]
    data = extract(lines)[0].to_data()
    assert [item["language"] for item in data["languages"]] == ["Spanish", "English"]
    assert data["basics"]["location"] == {"city": "Valencia", "countryCode": "ES"}
