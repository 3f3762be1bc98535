"""Entries of work and education: how a section is cut into entries and how an entry head splits
into organisation, title (or degree), field and place (cvconvert.extract.entries and .heads).

Every test is synthetic: invented names on Line records, one rule each.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cvconvert.extract import extract
from cvconvert.extract.entries import _Entry, _entry_data, _segment
from cvconvert.extract.heads import _comma_pieces, _fragment_kind, _head_order, _split_head
from cvconvert.extract.lines import Line


def head(*texts: str, key: str = "work") -> dict[str, str]:
    """The fields of an entry head made of these lines."""
    return _split_head([Line(t) for t in texts], key)[0]


# -- vocabularies per language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Liceo Scientifico Nordvia", "org"),  # it
        ("Hogeschool Zandvoort", "org"),  # nl
        ("Uniwersytet Przykładowy", "org"),  # pl
        ("Örnek Üniversitesi", "org"),  # tr
        ("Példa Egyetem", "org"),  # hu
        ("Πανεπιστήμιο Δοκιμής", "org"),  # el
        ("Exempel Högskola", "org"),  # sv
        ("Sekolah Contoh", "org"),  # id
        ("Công ty Mẫu", "org"),  # vi
        ("株式会社サンプル", "org"),  # ja
        ("샘플 주식회사", "org"),  # ko
        ("אוניברסיטת דוגמה", "org"),  # he
        ("شرکت نمونه", "org"),  # fa
        ("Sviluppatore Java", "role"),  # it
        ("Tirocinio per Tesi", "role"),  # it
        ("Ontwikkelaar", "role"),  # nl
        ("Programista Java", "role"),  # pl
        ("Yazılım Mühendisi", "role"),  # tr
        ("Fejlesztő", "role"),  # hu
        ("Μηχανικός λογισμικού", "role"),  # el
        ("Utvecklare", "role"),  # sv
        ("Pengembang perangkat lunak", "role"),  # id
        ("Lập trình viên", "role"),  # vi
        ("クライアントプログラマー", "role"),  # ja
        ("백엔드 개발자", "role"),  # ko
        ("מפתח תוכנה", "role"),  # he
        ("برنامه‌نویس", "role"),  # fa
        ("Programador", "role"),  # es
        # Jobs without a degree and service jobs.
        ("Barista", "role"),  # en
        ("Cajera", "role"),  # es
        ("Jovem Aprendiz", "role"),  # pt
        ("Serveuse", "role"),  # fr
        ("Verkäuferin", "role"),  # de
        ("Commessa", "role"),  # it
        ("Sprzedawca", "role"),  # pl
        ("Официант", "role"),  # ru
        ("Pincér", "role"),  # hu
        ("נציגת שירות", "role"),  # he
        ("Aide Pâtissière", "role"),  # fr
        ("Abogada", "role"),  # es
        ("Lagerist", "role"),  # de
        # Shops, libraries and clubs employ too.
        ("Pâtisserie Nordvale", "org"),  # fr
        ("Farmácia Nordvale", "org"),  # pt
        ("Biblioteka Miejska", "org"),  # pl
        ("Nordvik Chess Club", "org"),  # en
        ("Faculté des Sciences", "org"),  # fr
    ],
)
def test_organisation_and_title_words_per_language(text: str, kind: str | None) -> None:
    assert _fragment_kind(text, "work") == kind


@pytest.mark.parametrize(
    "text",
    [
        "Laurea in Ingegneria",  # it
        "Licencjat z informatyki",  # pl
        "Yüksek Lisans",  # tr
        "Πτυχίο Πληροφορικής",  # el
        "Kandidatexamen i datavetenskap",  # sv
        "Sarjana Komputer",  # id
        "Cử nhân Tin học",  # vi
        "修士（工学）",  # ja
        "컴퓨터공학 학사",  # ko
        "תואר ראשון במדעי המחשב",  # he
        "کارشناسی مهندسی کامپیوتر",  # fa
        "Диплом инженера",  # ru
        "Propedeuse Informatica",  # nl
    ],
)
def test_degree_words_per_language(text: str) -> None:
    assert _fragment_kind(text, "education") == "role"


# -- one-line heads: separators ------------------------------------------------------------------


def test_a_spaced_bullet_glyph_separates_title_and_organisation() -> None:
    assert head("Waiter ● Harbour Bistro") == {"role": "Waiter", "org": "Harbour Bistro"}


def test_a_full_width_comma_separates_title_and_organisation() -> None:
    assert head("Praktikant，Nordwind GmbH") == {"role": "Praktikant", "org": "Nordwind GmbH"}


def test_an_elided_article_joins_the_organisation() -> None:
    assert head("Stage à l'Agence Durand") == {"role": "Stage", "org": "Agence Durand"}


def test_two_spaces_after_a_function_word_do_not_cut_the_degree() -> None:
    fields = head("Bachelor of  Political Science, Nordvale University", key="education")
    assert fields["role"] == "Bachelor of Political Science"
    assert fields["org"] == "Nordvale University"


def test_title_comma_employer_comma_city() -> None:
    assert head("Software Engineer Intern, Tirvana Foo, Tirana") == {
        "role": "Software Engineer Intern",
        "org": "Tirvana Foo",
        "place": "Tirana",
    }


def test_title_comma_team_yields_to_an_employer_named_later() -> None:
    fields = head("Research Assistant, Bird Ecology Team. Department of Zoology, University of Nordvale.")
    assert fields["org"] == "Department of Zoology, University of Nordvale"
    assert fields["role"] == "Research Assistant"


def test_a_colon_between_organisation_and_title() -> None:
    assert head("Nordwind GmbH: Software Engineer") == {"org": "Nordwind GmbH", "role": "Software Engineer"}


def test_a_weak_connector_splits_only_before_the_organisation_itself() -> None:
    fields = head("Licenciatura en Derecho, Universidad de Nordvia", key="education")
    assert fields["org"] == "Universidad de Nordvia"
    assert fields["role"].startswith("Licenciatura")


def test_a_space_between_chinese_words_separates_fields() -> None:
    fields = head("北京大学 计算机科学 本科", key="education")
    assert fields == {"org": "北京大学", "area": "计算机科学", "role": "本科"}


def test_the_school_not_its_faculty_is_the_institution() -> None:
    fields = head("Masters in Economics, Faculty of Commerce, Nordvale University", key="education")
    assert fields["org"] == "Nordvale University"


def test_a_cjk_caption_of_four_characters_is_a_detail_not_an_abbreviation() -> None:
    # "Business: game development" under a Japanese employer line is not the head.
    assert head("株式会社サンプル", "事業内容： ゲーム開発") == {"org": "株式会社サンプル"}


# -- segmentation ---------------------------------------------------------------------------------


def cv(*lines: Line) -> dict[str, list[dict[str, str]]]:
    resume, _ = extract([Line("Jane Roe", size=max((ln.size for ln in lines), default=0) + 8), *lines])
    data = resume.to_data()
    return {k: v for k, v in data.items() if k in ("work", "education")}


def test_a_bulleted_date_under_a_head_closes_that_head() -> None:
    got = cv(
        Line("Education", level=0),
        Line("Applied Informatics, Nordvale University", bold=True),
        Line("•\t2020-2023"),
        Line("Networking, Harbour College", bold=True),
        Line("•\t2018-2020"),
    )
    assert [e["institution"] for e in got["education"]] == ["Nordvale University", "Harbour College"]
    assert [e["startDate"] for e in got["education"]] == ["2020", "2018"]


def test_a_numbered_heading_style_line_is_a_head_not_a_list_item() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("Jun 2021 – Jun 2023", level=1, bullet=True),
        Line("Systems Analyst", level=1, bullet=True),
        Line("Nordwind Construcciones"),
    )
    assert got["work"][0]["position"] == "Systems Analyst"


def test_a_dated_line_that_names_title_and_school_starts_its_own_entry() -> None:
    got = cv(
        Line("Education", level=0),
        Line("Ph.D.\tNordvale University\t2015-2018"),
        Line("College of Agricultural Sciences"),
        Line("Department of Animal Science"),
        Line("MS\tHarbour University\t2013-2015"),
    )
    assert [e["institution"] for e in got["education"]] == ["Nordvale University", "Harbour University"]


def test_an_acronym_in_brackets_after_the_title_is_the_employer() -> None:
    assert head("Research Geneticist (NARL-ABC) - Beltsville, MD, USA") == {
        "role": "Research Geneticist",
        "org": "NARL-ABC",
        "place": "Beltsville, MD, USA",
    }


def test_majored_in_names_the_field() -> None:
    got = cv(
        Line("Education", level=0),
        Line("Ph.D.\tNordvale University\t2015-2018"),
        Line("Majored in Animal Genetics"),
    )
    assert got["education"][0]["area"] == "Animal Genetics"


def test_place_and_dates_read_after_the_bullets_belong_to_the_entry_above() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("Nordwind Services", level=1, bold=True),
        Line("International Mentor", level=2),
        Line("Mentored 15 students", bullet=True),
        Line("Budapest", bold=True),
        Line("Feb 2022 – Jun 2023"),
        Line("Harbour Club", level=1, bold=True),
    )
    first = got["work"][0]
    assert (first["name"], first["startDate"], first["endDate"]) == ("Nordwind Services", "2022-02", "2023-06")


def test_the_head_noun_before_de_decides_the_kind() -> None:
    assert _fragment_kind("Desenvolvedor de Software", "work") == "role"


def test_a_colon_after_a_long_title_separates_it_from_the_employer() -> None:
    assert head("Desenvolvedor de Software Back-End Pleno: Nordwind Technologies") == {
        "role": "Desenvolvedor de Software Back-End Pleno",
        "org": "Nordwind Technologies",
    }


def test_a_legal_form_makes_a_name_a_company_whatever_words_it_holds() -> None:
    assert _fragment_kind("株式会社サンプル・エンジニアリング", "work") == "org"


def test_joined_and_left_lines_of_one_company_make_one_entry() -> None:
    entries = _segment(
        [
            Line("平成6年8月 株式会社サンプル 入社"),
            Line("平成7年6月 株式会社サンプル 退職"),
            Line("平成7年7月 見本工業株式会社 入社"),
        ],
        "work",
    )
    assert len(entries) == 2
    first = entries[0].dates
    assert first is not None and (first.start, first.end) == ("1994-08", "1995-06")
    assert head(*(ln.text for ln in entries[0].head)) == {"org": "株式会社サンプル"}


def test_a_month_in_the_cell_after_the_year_joins_it() -> None:
    entries = _segment([Line("平成6"), Line("8"), Line("株式会社サンプル 入社")], "work")
    assert entries[0].dates is not None and entries[0].dates.start == "1994-08"


# -- sub-roles and details inside an employer's block ---------------------------------------------


def test_dated_roles_under_an_employer_each_name_the_employer() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("2018-04 – 2025-01  Nordwind Games Ltd"),
        Line("2018-04 – 2018-12 / Client Programmer"),
        Line("Built the battle screens", bullet=True),
        Line("2019-01 – 2025-01 / Lead Engineer"),
        Line("Led a team of ten", bullet=True),
    )
    assert [(w["name"], w.get("position"), w["startDate"]) for w in got["work"]] == [
        ("Nordwind Games Ltd", None, "2018-04"),
        ("Nordwind Games Ltd", "Client Programmer", "2018-04"),
        ("Nordwind Games Ltd", "Lead Engineer", "2019-01"),
    ]


def test_a_role_line_with_the_employers_own_dates_is_its_title() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("2017-10 – 2018-03  Harbour Link KK"),
        Line("Business: game development"),
        Line("2017-10 – 2018-03 / Client Programmer"),
        Line("Built the battle screens", bullet=True),
    )
    assert [(w["name"], w.get("position")) for w in got["work"]] == [("Harbour Link KK", "Client Programmer")]


def test_a_dated_title_under_an_entry_with_a_title_is_another_job() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("2015 – 2021  Researcher, Nordvale University"),
        Line("Ran the lab", bullet=True),
        Line("2018 – 2019 Teaching Assistant"),
        Line("Harbour College"),
    )
    assert [w["name"] for w in got["work"]] == ["Nordvale University", "Harbour College"]


def test_a_date_first_line_leaves_the_untyped_lines_above_to_the_entry_before() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("2019-01 – 2020-12  Nordwind Games Ltd"),
        Line("Built the battle screens", bullet=True),
        Line("Cocos2d-x"),
        Line("2017-10 – 2018-12  Harbour Link KK"),
    )
    assert [(w["name"], w.get("position")) for w in got["work"]] == [
        ("Nordwind Games Ltd", None),
        ("Harbour Link KK", None),
    ]


def test_a_captioned_figure_dated_in_brackets_is_a_detail() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("2018-04 – 2025-01  Nordwind Games Ltd"),
        Line("Capital: 5,000,000 (2018-10)"),
    )
    assert len(got["work"]) == 1


def test_a_list_item_dated_in_brackets_is_an_achievement() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("2009-07 – 2010-12  Nordwind Games KK"),
        Line("・Handheld game Star Garden (2010-02 release)"),
    )
    assert len(got["work"]) == 1


def test_a_japanese_role_caption_and_employment_type_in_a_head() -> None:
    assert head("株式会社サンプル", "正社員", "役職：CEO") == {"org": "株式会社サンプル", "role": "CEO"}


def test_a_cjk_caption_a_space_off_its_colon_is_a_detail() -> None:
    assert head("株式会社サンプル", "資本金 ：200万円") == {"org": "株式会社サンプル"}


def test_a_word_in_brackets_on_an_all_capital_line_is_not_an_acronym() -> None:
    fields = head("DEVOPS ENGINEER INTERN (CONSULTANT) – Nordwind Technologies, Boulogne")
    assert fields["org"] == "Nordwind Technologies"


def test_at_the_company_in_hebrew_joins_the_quoted_organisation() -> None:
    assert head('רפרנטית שירות לקוחות בחברת "נורדוינד"') == {"role": "רפרנטית שירות לקוחות", "org": "נורדוינד"}


def test_a_dash_spaced_on_one_side_separates_title_and_organisation() -> None:
    assert head("מנהלת משמרת –חברת נורדוויל") == {"role": "מנהלת משמרת", "org": "חברת נורדוויל"}


def test_a_title_after_a_line_describing_the_company_stays_in_the_head() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("2019 – 2021"),
        Line("Nordwind GmbH"),
        Line("A small agency building web shops for retailers."),
        Line("Software Engineer"),
        Line("Built the checkout", bullet=True),
    )
    job = got["work"][0]
    assert (job["name"], job["position"]) == ("Nordwind GmbH", "Software Engineer")


def test_a_birth_date_dates_no_entry() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("Geburtsdatum: 05.10.1981"),
        Line("Software Engineer, Nordwind GmbH"),
        Line("2019 – 2021"),
    )
    assert [(w["name"], w["startDate"]) for w in got["work"]] == [("Nordwind GmbH", "2019")]


# -- education: degree, field, school ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("degree", "study_type", "area"),
    [
        ("Kandidatexamen i datavetenskap", "Kandidatexamen", "datavetenskap"),  # sv
        ("Licencjat z informatyki", "Licencjat", "informatyki"),  # pl
        ("Бакалавр по прикладной математике", "Бакалавр", "прикладной математике"),  # ru
        ("Cử nhân ngành Tin học", "Cử nhân", "Tin học"),  # vi
        ("תואר ראשון במדעי המחשב", "תואר ראשון", "מדעי המחשב"),  # he
    ],
)
def test_the_field_after_the_degree_per_language(degree: str, study_type: str, area: str) -> None:
    got = cv(Line("Education", level=0), Line(f"{degree}, Nordvale University, 2015 – 2019"))
    school = got["education"][0]
    assert (school["studyType"], school["area"]) == (study_type, area)


def test_a_status_is_not_the_field() -> None:
    got = cv(Line("Education", level=0), Line("Licence en cours, Université de Nordvia, 2019 – 2022"))
    assert "area" not in got["education"][0]


def test_a_line_between_degree_and_school_is_the_field() -> None:
    got = cv(
        Line("Education", level=0),
        Line("کارشناسی"),
        Line("مهندسی کامپیوتر"),
        Line("دانشگاه نمونه"),
        Line("1395 تا 1399"),
    )
    school = got["education"][0]
    assert (school["institution"], school["studyType"], school["area"]) == (
        "دانشگاه نمونه",
        "کارشناسی",
        "مهندسی کامپیوتر",
    )


def test_an_address_under_the_employer_is_not_its_name() -> None:
    fields = head("Stagista", "Nordwind Engineering (Italy)", "31046 Oderzo-TV Via Garibaldi, 145")
    assert fields["org"] == "Nordwind Engineering (Italy)"


def test_a_school_name_in_capitals_is_not_the_field() -> None:
    fields = head("UC NORDVALE", "B.S. in Computer Science", "Jacobs School of Engineering", key="education")
    assert "area" not in fields or fields["area"] != "UC NORDVALE"


def test_a_school_level_is_the_study_type_and_the_named_school_the_institution() -> None:
    fields = head("Elementary School-High School, ECOLE NORDVALE DES URSULINES", key="education")
    assert fields == {"role": "Elementary School-High School", "org": "ECOLE NORDVALE DES URSULINES"}


def test_the_university_after_its_school_in_one_comma_list_is_the_institution() -> None:
    fields = head("School of Naval Architecture, Nordvale Technical University (NTU)", key="education")
    assert fields["org"] == "Nordvale Technical University (NTU)"


def test_a_line_under_a_dated_head_that_names_title_and_employer_is_text() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("• 2016 – 2017 Mechanical Design Supervisor, Nordvale Society"),
        Line("Helped at the correction of freshmen’s drawings"),
    )
    job = got["work"][0]
    assert (job["name"], job["position"]) == ("Nordvale Society", "Mechanical Design Supervisor")


def test_under_a_title_the_piece_beside_the_dates_names_the_employer() -> None:
    fields = head("Responsable GIS · Brownfield", "Nordwind Energy · 2023 – 2026")
    assert (fields["role"], fields["org"]) == ("Responsable GIS", "Nordwind Energy")


def test_a_middle_dot_left_by_the_dates_is_trimmed() -> None:
    assert head("Consultor GIS", "Naciones Nordvale · 2021 – 2023")["org"] == "Naciones Nordvale"


def test_a_range_wrapped_in_a_narrow_date_column_keeps_its_end_and_head() -> None:
    got = cv(
        Line("Education", level=0),
        Line("2019-10\tInformatyka, Inżynier"),
        Line("- 2023-02"),
        Line("Politechnika Nordvalska"),
    )
    school = got["education"][0]
    assert (school["institution"], school["startDate"], school["endDate"]) == (
        "Politechnika Nordvalska",
        "2019-10",
        "2023-02",
    )
    assert (school["studyType"], school["area"]) == ("Inżynier", "Informatyka")


def test_a_wrapped_open_end_keeps_the_head_below() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("2022-07\tProgramista Fullstack"),
        Line("- obecnie"),
        Line("Nordwind Motors & Actuators, Niepołomice"),
        Line("Worked on the plant's systems.", bullet=True),
    )
    job = got["work"][0]
    assert job["name"].startswith("Nordwind Motors & Actuators")
    assert (job["startDate"], "endDate" in job) == ("2022-07", False)


# -- round 2: general failure classes -------------------------------------------------------------


def test_a_section_with_dates_over_heads_gives_each_date_to_the_head_below() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("Berlin, 2018 – 2020"),
        Line("Nordwind GmbH"),
        Line("Software Engineer"),
        Line("Built things", bullet=True),
        Line("Technologies: Python, Go"),
        Line("Munich, 2020 – 2022"),
        Line("Harbour Ltd"),
        Line("Developer"),
        Line("Did things", bullet=True),
    )
    assert [(e["name"], e.get("startDate")) for e in got["work"]] == [
        ("Nordwind GmbH", "2018"),
        ("Harbour Ltd", "2020"),
    ]


def test_a_section_with_heads_over_dates_leaves_text_lines_to_the_entry_before() -> None:
    got = cv(
        Line("Berufserfahrung", level=0),
        Line("Nordwind GmbH"),
        Line("Softwareentwickler"),
        Line("2018 – 2020"),
        Line("Entwicklung von Webanwendungen"),
        Line("Harbour AG"),
        Line("Projektleiter"),
        Line("2020 – 2022"),
        Line("Leitung eines Teams"),
    )
    second = got["work"][1]
    assert (second["name"], second["position"], second.get("location")) == ("Harbour AG", "Projektleiter", None)
    assert "Entwicklung von Webanwendungen" in got["work"][0]["summary"]


@pytest.mark.parametrize("degree", ["M. Eng.", "B. Eng.", "Dipl.-Ing.", "Dipl.-Kfm."])
def test_degrees_written_with_full_stops_are_degrees(degree: str) -> None:
    assert _fragment_kind(degree, "education") == "role"


@pytest.mark.parametrize("text", ["Maschinenbau", "Dutch", "Capital Partners", "Deal Desk"])
def test_a_short_degree_abbreviation_inside_a_longer_word_is_no_degree(text: str) -> None:
    assert _fragment_kind(text, "education") != "role"


def test_a_school_at_a_place_is_the_school_and_its_place() -> None:
    got = head("University of Nordvale at Springfield", key="education")
    assert (got["org"], got["place"]) == ("University of Nordvale", "Springfield")
    assert head("Nordvale Institute in Applied Mathematics", key="education")["org"].endswith("Mathematics")


def test_a_title_colon_name_on_a_dated_line_is_title_and_employer() -> None:
    got = head("Software Engineer: Nordwind - Jan 2020 - present")
    assert (got["role"], got["org"]) == ("Software Engineer", "Nordwind")
    assert "org" not in head("Projektleiter: Aufbau eines Teams")


def test_the_order_most_heads_of_a_section_use_decides_for_two_untyped_pieces() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("Software Engineer ● Nordwind GmbH ● 2018 – 2020"),
        Line("Analyst ● Harbour Bank ● 2016 – 2018"),
        Line("Beekeeper ● Nordwind ● 2014 – 2016"),
    )
    assert [(e["name"], e["position"]) for e in got["work"]] == [
        ("Nordwind GmbH", "Software Engineer"),
        ("Harbour Bank", "Analyst"),
        ("Nordwind", "Beekeeper"),
    ]


def test_a_list_glyph_left_at_the_end_of_a_piece_is_trimmed() -> None:
    assert head("Nordwind GmbH ●")["org"] == "Nordwind GmbH"


def test_the_name_before_a_street_address_is_the_employer_and_the_town_the_place() -> None:
    got = head("Software Engineer", "Nordwind GmbH, Hauptstraße 12, 10115 Nordstadt (Germany)")
    assert (got["org"], got["place"]) == ("Nordwind GmbH", "Nordstadt (Germany)")
    assert head("Nordwind, 12 High Street")["org"] == "Nordwind"


def test_field_comma_school_elsewhere_in_the_section_tells_which_untyped_piece_is_the_school() -> None:
    got = cv(
        Line("Education", level=0),
        Line("Applied Informatics, Nordvale University, 2018 – 2020"),
        Line("Mechanical Design, Harbour College, 2016 – 2018"),
        Line("Animal Husbandry, Eastmoor, 2014 – 2016"),
    )
    assert got["education"][2]["institution"] == "Eastmoor"
    # Alone, with no section to tell, the head stays as the rules read it.
    assert head("Animal Husbandry, Eastmoor", key="education").get("org") != "Eastmoor"


def edu(*texts: str) -> dict[str, str]:
    """The education item of an entry head made of these lines."""
    item = _entry_data(_Entry(head=[Line(t) for t in texts]), "education")
    assert item is not None
    return item


@pytest.mark.parametrize("year", ["5th year", "3ème année", "2. Studienjahr", "3 курс", "final year"])
def test_how_far_a_course_has_gone_is_not_its_field(year: str) -> None:
    got = edu(f"Licence of Arts\t{year}", "Nordvale University")
    assert year not in (got.get("area"), got.get("studyType"))


def test_a_grade_beside_the_degree_is_the_score_and_the_degree_stays() -> None:
    got = edu("Nordvale University", "Bachelor of Applied Physics, GPA: 9.17")
    assert (got["studyType"], got["score"]) == ("Bachelor of Applied Physics", "GPA: 9.17")


@pytest.mark.parametrize("caption", ["Год окончания", "Year of graduation", "Abschlussjahr"])
def test_the_caption_of_a_graduation_year_is_a_date_caption(caption: str) -> None:
    got = edu("Nordvale University", f"{caption}: 2026")
    assert "studyType" not in got and "area" not in got


@pytest.mark.parametrize(
    ("role", "degree", "area"),
    [
        ("Licence Informatique", "Licence", "Informatique"),
        ("Bachelor Computer Science", "Bachelor", "Computer Science"),
    ],
)
def test_a_one_word_degree_then_a_field_without_a_joining_word(role: str, degree: str, area: str) -> None:
    got = edu(role, "Nordvale University")
    assert (got["studyType"], got["area"]) == (degree, area)
    assert "area" not in edu("Master Thesis", "Nordvale University")


def test_a_title_wrapped_in_its_table_cell_stays_one_title() -> None:
    def cell(text: str, row: int, col: int, bold: bool = True) -> Line:
        return Line(text, bold=bold, cell=(row, 0, col), where="table")

    lines = [
        cell("Datenbank Software", 1, 0),
        cell("Werkstudent", 1, 0),
        cell("Nordwind Holding SE", 1, 2),
        cell("08/2022 – 02/2023", 1, 4),
        Line("- Pflege der Datenbanken"),
        cell("Projekt Management", 2, 0),
        cell("Praktikum", 2, 0),
        cell("Harbour GmbH", 2, 2),
        cell("03/2021 – 07/2022", 2, 4),
    ]
    items = [_entry_data(e, "work") or {} for e in _segment(lines, "work")]
    assert [(e["name"], e["position"]) for e in items] == [
        ("Nordwind Holding SE", "Datenbank Software Werkstudent"),
        ("Harbour GmbH", "Projekt Management Praktikum"),
    ]


def test_titles_beside_one_untyped_piece_tell_the_section_order() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("2020"),
        Line("Waiter ● Summerbar Nordvik"),
        Line("2018 – 2020"),
        Line("Volunteer ● Youth club Eastmoor"),
        Line("2016 – 2018"),
        Line("Order picking ● Sportshop Harbour"),
    )
    assert [(e["name"], e["position"]) for e in got["work"]] == [
        ("Summerbar Nordvik", "Waiter"),
        ("Youth club Eastmoor", "Volunteer"),
        ("Sportshop Harbour", "Order picking"),
    ]


def test_an_untyped_title_before_a_named_employer_after_a_comma() -> None:
    got = head("Young Apprentice Retail, Nordvale Group")
    assert (got["role"], got["org"]) == ("Young Apprentice Retail", "Nordvale Group")
    # A legal form alone after the comma is part of the name.
    assert "role" not in head("NORDWIND SERVICES, S.A")


def test_a_status_line_in_an_education_head_is_neither_school_nor_field() -> None:
    got = edu("Tecnólogo em Sistemas", "Cursando", "Nordvale FIAP")
    assert got["institution"] == "Nordvale FIAP"
    assert "Cursando" not in (got.get("area"), got.get("studyType"))


def test_one_table_row_per_entry_keeps_an_undated_row_an_entry_of_its_own() -> None:
    def cell(text: str, row: int) -> Line:
        return Line(text, cell=(4, row, 0), where="table")

    got = cv(
        Line("Educação", level=0),
        cell("Faculdade Nordvale de Informática", 0),
        cell("Cursando", 0),
        cell("Tecnólogo em Sistemas para Internet", 0),
        cell("Escola Técnica Eastmoor", 1),
        cell("Janeiro 2018 – Dezembro 2019", 1),
        cell("Técnico em Desenvolvimento de Sistemas", 1),
    )
    assert [(e["institution"], e.get("endDate")) for e in got["education"]] == [
        ("Faculdade Nordvale de Informática", None),
        ("Escola Técnica Eastmoor", "2019-12"),
    ]


def test_a_hyphen_glued_to_the_word_before_and_spaced_after_separates_pieces() -> None:
    got = head("Escuela Nordvale n°1- Profesorado de música", key="education")
    assert (got["org"], got["role"]) == ("Escuela Nordvale n°1", "Profesorado de música")
    # An elided compound keeps its hyphen: "Hoch- und Tiefbau".
    assert head("Hoch- und Tiefbau Nordwind GmbH")["org"] == "Hoch- und Tiefbau Nordwind GmbH"


def test_a_name_and_country_over_a_title_line_name_the_employer() -> None:
    got = head("Nordwind Express, UK\tSep 2016 – present", "Software Engineer – Payment Network")
    assert (got["org"], got["place"], got["role"]) == ("Nordwind Express", "UK", "Software Engineer")
    # A town and its state under the title line stay the place.
    got = head("NORDWIND | SOFTWARE ENGINEER", "July 2018 - September 2019 | Search Infra | Menlo Park, CA")
    assert got["org"] == "NORDWIND"


def test_a_head_styled_like_the_sections_other_heads_starts_an_entry() -> None:
    got = cv(
        Line("Experience", level=0, size=16),
        Line("Nordwind GmbH", bold=True, size=13),
        Line("Developer", size=12),
        Line("Feb 2022 – present", size=11),
        Line("Built the billing service", bullet=True, size=12),
        Line("Nordvik Nomad Club", bold=True, size=13),
        Line("Facilitator", size=12),
        Line("Eastmoor", bold=True, size=11),
        Line("Ran workshops on digital skills", bullet=True, size=12),
        Line("Jun. 2021", size=11),
    )
    assert [e["name"] for e in got["work"]] == ["Nordwind GmbH", "Nordvik Nomad Club"]


@pytest.mark.parametrize("now", ["Currently", "Actuellement", "Derzeit", "Actualmente", "Obecnie"])
def test_the_word_for_now_before_a_title_is_not_part_of_it(now: str) -> None:
    assert head(f"{now} Analyste développeur", "Nordwind GmbH")["role"] == "Analyste développeur"


def test_a_name_and_country_under_a_title_with_nothing_else_name_the_employer() -> None:
    got = head("Analyste développeur", "Depuis septembre 2018", "Nordlog Brightwater, France")
    assert (got["org"], got["place"]) == ("Nordlog Brightwater", "France")


@pytest.mark.parametrize(
    ("line", "school", "area"),
    [
        ("Applied Informatics, UCLN Brightwater", "UCLN Brightwater", "Applied Informatics"),
        ("Sint-Aldo Eastmoor, Modern Sciences", "Sint-Aldo Eastmoor", "Modern Sciences"),
        ("Ciencias Económicas, Nordvale Brightwater", "Nordvale Brightwater", "Ciencias Económicas"),
    ],
)
def test_a_subject_beside_an_untyped_name_is_the_field_and_the_name_the_school(
    line: str, school: str, area: str
) -> None:
    got = head(line, "2018 – 2020", key="education")
    assert (got.get("org"), got.get("area")) == (school, area)


def test_a_japanese_sentence_under_an_entry_is_text_not_head() -> None:
    from cvconvert.extract.entries import _line_kind

    assert (
        _line_kind(Line("記入上の注意 １．鉛筆以外の黒又は青の筆記具で記入。２．数字はアラビア数字で書く。"), "work")
        == "body"
    )
    assert _line_kind(Line("株式会社ノルド 入社"), "work") == "head"


def test_to_this_day_after_a_single_date_leaves_the_entry_open() -> None:
    got = cv(Line("職歴", level=0), Line("2016年6月\t株式会社ノルド 入社 現在に至る"))
    assert got["work"][0]["startDate"] == "2016-06" and "endDate" not in got["work"][0]


def test_joined_and_left_lines_of_a_renamed_company_make_one_entry() -> None:
    got = cv(
        Line("職歴", level=0),
        Line("2012年11月\t株式会社ノルド旅館（現 株式会社ノルドリゾート） 入社"),
        Line("2016年5月\t株式会社ノルドリゾート 退職"),
    )
    assert [(e["startDate"], e.get("endDate")) for e in got["work"]] == [("2012-11", "2016-05")]


def test_a_grids_date_caption_cells_are_no_organisation() -> None:
    assert "org" not in head("年", "月")


def test_a_lists_typed_enumerators_make_items_without_their_numbers() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("Nordwind GmbH\t2019 - 2021"),
        Line("Developer"),
        Line("1. Built the billing service"),
        Line("a) Led a team of four"),
        Line("ii. Cut costs"),
    )
    item = got["work"][0]
    assert item["position"] == "Developer"
    assert item["highlights"] == ["Built the billing service", "Led a team of four", "Cut costs"]


def test_a_sentence_under_a_whole_head_is_text_though_it_names_a_title() -> None:
    got = cv(
        Line("Experience", level=0),
        Line("Animal Scientist (NRL-ABC) - Brightwater, MD, USA\t03/2020 – 01/2022"),
        Line("Collaborate with the scientists to revise the lifetime net merit index"),
        Line("Provide the feed efficiency dataset for research institutions"),
    )
    assert [(e["name"], e["position"]) for e in got["work"]] == [("NRL-ABC", "Animal Scientist")]


def test_a_long_dated_line_naming_a_school_is_a_head_though_it_ends_in_a_full_stop() -> None:
    got = cv(
        Line("Education", level=0),
        Line(
            "Business administration, School of Continuing Education (SCE), The Nordvale University in Brightwater"
            " (NU), 2020- 2021.",
            bullet=True,
        ),
        Line("Masters in political science, faculty of commerce, Eastmoor University, 2020.", bullet=True),
    )
    assert [(e.get("startDate"), e.get("endDate")) for e in got["education"]] == [("2020", "2021"), (None, "2020")]
    assert got["education"][1]["institution"] == "Eastmoor University"


def test_the_university_not_the_lab_beside_the_title_is_the_employer() -> None:
    got = head(
        "2013 - 2014. Post-Doctoral Research Assistant, Behavioural Ecology Research Lab. "
        "Department of Zoology, University of Nordvale, New Zealand."
    )
    assert got["org"].endswith("University of Nordvale")
    assert got["role"] == "Post-Doctoral Research Assistant"


def test_a_semicolon_separates_the_degree_from_the_school() -> None:
    got = head(
        "2015-2021\tBacharel em Física, com ênfase em Física Computacional; Universidade Nordvale", key="education"
    )
    assert got["org"] == "Universidade Nordvale"


def test_an_employer_name_may_start_with_a_digit_after_the_titles_colon() -> None:
    got = head("Desenvolvedor de Software Pleno: 3D Nordwind - out de 2022 - abr de 2025")
    assert (got["role"], got["org"]) == ("Desenvolvedor de Software Pleno", "3D Nordwind")


def test_a_paragraph_opening_with_dates_dates_the_head_above_and_keyword_lines_stay_text() -> None:
    more = (
        " Hier war ich in der Softwareentwicklung, in einer Abteilung aus fünf Personen, tätig und arbeitete"
        " sowohl an Frontend- als auch an Backend-Aufgaben; dabei habe ich an diversen Produkten gearbeitet."
    )
    got = cv(
        Line("Berufserfahrung", level=0, size=20),
        Line("Software Entwickler – Nordwind Software GmbH", bold=True, size=12),
        Line("2020, Jul-Okt. Die Nordwind Software GmbH ist ein Unternehmen für Kassensysteme." + more, size=12),
        Line("Schlagworte: C#, .Net, WPF", size=12),
        Line("Praktikum – FHNV", bold=True, size=12),
        Line("2018, Aug-Sep. Ich war verantwortlich für die Entwicklung einer Software." + more, size=12),
        Line("Schlagworte: C#, SQL", size=12),
    )
    assert [(e["name"], e["startDate"], e["endDate"]) for e in got["work"]] == [
        ("Nordwind Software GmbH", "2020-07", "2020-10"),
        ("FHNV", "2018-08", "2018-09"),
    ]


# -- head splitting never fails -------------------------------------------------------------------


def test_a_title_whose_only_commas_sit_in_brackets_is_one_title() -> None:
    # Regression: the comma rule read a second piece that brackets had kept whole (IndexError).
    assert head("Frontend Engineer (Freelance, Part-time)") == {"role": "Frontend Engineer (Freelance, Part-time)"}
    assert head("Backend Engineer (Contract, Remote) – Nordwind Labs") == {
        "role": "Backend Engineer (Contract, Remote)",
        "org": "Nordwind Labs",
    }


_HEAD_TOKENS = [
    "Engineer",
    "Software Engineer",
    "Intern",
    "Nordwind GmbH",
    "Northwind Ltd",
    "University of Nordvale",
    "Bachelor of Science",
    "Berlin",
    "Madrid",
    "Ada",
    "Freelance",
    "2021",
    "03/2020",
    "at",
    "bei",
    "en",
    "à",
    "GPA: 3.9",
    "株式会社サンプル",
    "学士",
    ",",
    "，",
    ", ",
    " – ",
    "–",
    "-",
    "- ",
    " | ",
    " · ",
    ":",
    "：",
    "; ",
    "(",
    ")",
    "（",
    "）",
    "[",
    "]",
    "  ",
    "\t",
    " ",
    "/",
]


@given(
    texts=st.lists(
        st.lists(st.sampled_from(_HEAD_TOKENS) | st.text(max_size=4), max_size=10).map("".join),
        min_size=1,
        max_size=3,
    ),
    key=st.sampled_from(["work", "education", "volunteer"]),
    order=st.sampled_from([None, "org", "role"]),
)
def test_head_splitting_never_raises(texts: list[str], key: str, order: str | None) -> None:
    lines = [Line(t) for t in texts]
    fields, rest = _split_head(lines, key, order=order)
    assert all(isinstance(v, str) for v in fields.values())
    assert all(isinstance(r, str) for r in rest)
    assert _head_order(lines, key) in (None, "org", "role")
    for text in texts:
        for kind in (None, "org", "role", "place"):
            pieces = _comma_pieces(text, kind, key)
            assert pieces is None or all(isinstance(p, str) for p, _ in pieces)


def test_a_caption_over_an_entrys_list_names_no_employer() -> None:
    # A theme's "Highlights" caption, set bold like a head, under a title and its dates.
    got = cv(
        Line("WORK EXPERIENCE", bold=True, size=11),
        Line("May 2019 – Present", size=7),
        Line("Senior Developer", bold=True, size=8.5),
        Line("Highlights", bold=True, size=7),
        Line("Built the billing service.", size=7),
        Line("March 2017 – April 2019", size=7),
        Line("Developer", bold=True, size=8.5),
        Line("Key achievements:", bold=True, size=7),
        Line("Moved the shop to a new stack.", size=7),
    )
    assert [(w.get("name"), w.get("position")) for w in got["work"]] == [
        (None, "Senior Developer"),
        (None, "Developer"),
    ]
    assert got["work"][0]["summary"] == "Built the billing service."
