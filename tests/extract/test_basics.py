"""The basics of a CV (name, label, contact details, profiles, location) from synthetic lines."""

from __future__ import annotations

from typing import Any

import pytest

from cvconvert.extract import extract
from cvconvert.extract.lines import Line


def basics(lines: list[Line]) -> dict[str, Any]:
    resume, _ = extract(lines)
    data: dict[str, Any] = resume.to_data().get("basics", {})
    return data


def body(*texts: str) -> list[Line]:
    return [Line(text, para=i) for i, text in enumerate(texts)]


# Name


def test_name_after_an_italian_caption() -> None:
    lines = body("CURRICULUM VITAE", "SOGGETTO: Mario Rossi", "Esperienze lavorative", "2019 - 2021 Acme Srl")
    assert basics(lines)["name"] == "Mario Rossi"


def test_name_after_a_caption_on_its_own_line() -> None:
    lines = [Line("Buenos Aires", bold=True, size=20.0), *body("Nombre y apellidos:", "Lucía Pérez Gómez")]
    assert basics(lines)["name"] == "Lucía Pérez Gómez"


def test_given_and_family_names_under_their_own_captions() -> None:
    lines = body("Фамилия: Иванова", "Имя: Анна", "Опыт работы")
    assert basics(lines)["name"] == "Анна Иванова"


def test_caption_value_ends_at_the_next_tabbed_caption() -> None:
    lines = [Line("Quảng Ngãi", bold=True, size=20.0), Line("Họ và tên:\tNGUYỄN VĂN AN\tNam, nữ:\tNam")]
    assert basics(lines)["name"] == "NGUYỄN VĂN AN"


def test_cjk_name_caption_without_colon() -> None:
    lines = [Line("写真", size=8.0), Line("氏  名  山田 太郎", size=18.0), Line("男・女", size=10.5)]
    assert basics(lines)["name"] == "山田 太郎"


def test_name_in_an_uncased_script_after_its_caption() -> None:
    lines = body("קורות חיים", "שם: דנה לוי", "טלפון: 050-1234567")
    assert basics(lines)["name"] == "דנה לוי"


def test_name_with_lower_case_particles() -> None:
    lines = [Line("maria@example.com"), Line("Maria dos Santos Silva", level=-1, size=32.0)]
    assert basics(lines)["name"] == "Maria dos Santos Silva"


def test_degree_after_the_name_is_dropped() -> None:
    lines = [Line("Jane Doe (PhD)", bold=True, size=20.0), Line("Profile", level=0, bold=True, size=12.0)]
    assert basics(lines)["name"] == "Jane Doe"


def test_name_split_over_two_paragraphs_in_the_largest_type() -> None:
    lines = [
        Line("Dr. Jane", style="name", size=32.0, where="textbox", para=1),
        Line("Doe", style="name", size=32.0, where="textbox", para=2),
        Line("Data Scientist", size=14.0, where="textbox", para=3),
    ]
    assert basics(lines)["name"] == "Dr. Jane Doe"


def test_a_name_wrapped_in_one_paragraph_of_the_largest_type_is_joined() -> None:
    lines = [
        Line("MD JANE", bold=True, size=20.0, para=1),
        Line("DOE", bold=True, size=20.0, para=1),
        Line("Security Analyst, Nordwind", bold=True, size=14.0, para=2),
    ]
    assert basics(lines)["name"] == "MD JANE DOE"


def test_name_in_a_text_box_read_last_wins_by_its_size() -> None:
    prose = "Multilingual/Self-taught programmer, driven by starting new projects from scratch and more."
    lines = [Line("Web developer", size=14.0, where="textbox"), Line(prose, size=14.0, where="textbox")]
    lines += [Line(f"Skill {i}", size=12.0, where="textbox", bullet=True) for i in range(40)]
    lines += [Line("Jane Doe", size=18.0, where="textbox"), Line("Contact", size=16.0, where="textbox")]
    assert basics(lines)["name"] == "Jane Doe"


def test_a_line_written_like_the_section_headings_is_not_the_name() -> None:
    heading = {"style": "heading 2", "level": 1, "bold": True, "size": 13.0}
    lines = [
        Line("Άννα Παππά"),
        Line("Στοιχεία", **heading),
        Line("Διεύθυνση: Οδός 1"),
        Line("Σπουδές", **heading),
        Line("Πτυχίο"),
        Line("Εργασία", **heading),
        Line("Σερβιτόρα"),
    ]
    assert basics(lines)["name"] == "Άννα Παππά"


def test_a_decorated_heading_is_not_the_name() -> None:
    lines = [Line("職務経歴", size=14.0), Line("■職務要約", size=10.0), Line("2018年より開発に従事。", size=10.0)]
    assert basics(lines).get("name") != "■職務要約"


def test_a_kana_phrase_is_not_a_japanese_name() -> None:
    lines = [Line("写真をはる位置", size=8.0), Line("ある場合", size=8.0), Line("山田 太郎", size=8.0)]
    assert basics(lines)["name"] == "山田 太郎"


def test_the_word_for_cv_is_not_a_name() -> None:
    lines = [Line("SƠ YẾU LÝ LỊCH", bold=True, size=20.0), Line("Trần Thị Bình", size=13.0)]
    assert basics(lines)["name"] == "Trần Thị Bình"


# Location


def test_place_after_a_residence_caption() -> None:
    lines = body("Иван Петров", "Город проживания: Долгопрудный", "Опыт работы")
    assert basics(lines)["location"] == {"city": "Долгопрудный"}


def test_postal_code_under_its_own_caption() -> None:
    lines = body("Άννα Παππά", "Διεύθυνση: Οδός Ερμού 7, Αθήνα", "Ταχυδρομικός κώδικας : 10563")
    assert basics(lines)["location"]["postalCode"] == "10563"


def test_street_line_completed_by_the_town_line() -> None:
    lines = body("Jeanne Martin", "46, rue des Lilas", "38999 Montclaret", "☎ : 06 12 34 56 78")
    assert basics(lines)["location"] == {"address": "46, rue des Lilas", "postalCode": "38999", "city": "Montclaret"}


def test_postal_code_as_a_comma_part_of_its_own() -> None:
    lines = body("Ana Souza", "Rua das Flores, 06783-045, Taboão da Serra, São Paulo", "Experiência")
    assert basics(lines)["location"] == {
        "address": "Rua das Flores",
        "postalCode": "06783-045",
        "city": "Taboão da Serra",
        "region": "São Paulo",
    }


def test_a_number_right_after_a_street_name_is_a_house_number() -> None:
    lines = body("Juan García", "Dirección: Europa 5620, Gral. Alvear, Mendoza")
    assert basics(lines)["location"] == {"address": "Europa 5620", "city": "Gral. Alvear", "region": "Mendoza"}


def test_a_number_before_a_street_word_is_a_house_number() -> None:
    lines = body("John Roe", "Address: 1325 Main Street")
    assert basics(lines)["location"] == {"address": "1325 Main Street"}


def test_us_address_with_state_and_zip_code() -> None:
    lines = body("John Roe", "Address: 12 Oak Street, Springfield, IL 62704")
    assert basics(lines)["location"] == {
        "address": "12 Oak Street",
        "postalCode": "62704",
        "city": "Springfield",
        "region": "IL",
    }


def test_japanese_postal_mark_and_address_on_the_next_line() -> None:
    lines = [Line("氏名 山田 太郎"), Line("現住所 〒410-1100"), Line("静岡県沼津市岡宮1-2"), Line("090-1234-5678")]
    place = basics(lines)["location"]
    assert (place["postalCode"], place["region"], place["city"]) == ("410-1100", "静岡県", "沼津市")


def test_chinese_province_without_its_suffix() -> None:
    lines = [Line("姓名：张三"), Line("电话：13500000000"), Line("现工作地址：广东深圳")]
    assert basics(lines)["location"] == {"region": "广东", "city": "深圳"}


def test_captioned_postal_code_inside_an_address_line() -> None:
    lines = body("Ravi Kumar", "Address: Village Rampur, District Deoria, Pin Code - 274404")
    assert basics(lines)["location"]["postalCode"] == "274404"


def test_a_list_of_skills_is_not_a_place() -> None:
    lines = body("Jan Kovacs", "Java, Python, C, SQL", "jan@example.com", "Petofi utca 25", "1112 Budapest")
    assert basics(lines)["location"]["city"] == "Budapest"


def test_another_captions_value_is_not_a_place() -> None:
    lines = body("Jane Doe", "jane@example.com", "Languages: English, French", "Experience")
    assert "location" not in basics(lines)


def test_a_year_and_a_place_is_not_a_postal_code() -> None:
    lines = body("Jane Doe", "Award", "2014, Hamburg", "jane@example.com", "Wedel, Deutschland")
    assert basics(lines)["location"]["city"] == "Wedel"


def test_street_and_town_lines_beside_the_contact_column() -> None:
    lines = [Line("Jan Peeters", level=-1), Line("Experience", level=0), Line("Waiter")]
    lines += [Line("Kwarteldreef 2", where="table"), Line("2360, Oud-Turnhout", where="table")]
    lines += [Line("+32 471 00 00 00", where="table")]
    assert basics(lines)["location"] == {"address": "Kwarteldreef 2", "postalCode": "2360", "city": "Oud-Turnhout"}


def test_a_street_address_beats_a_city_like_line_near_the_contacts() -> None:
    lines = [Line("Marc Dupont", level=-1), Line("Expériences", level=0), Line("Développeur")]
    lines += [Line("marc@example.fr"), Line("5 allée des Pins, 38090 Villefontaine"), Line("Permis B, Véhicule")]
    assert basics(lines)["location"]["city"] == "Villefontaine"


def test_us_street_address_with_a_drive() -> None:
    lines = [Line("John Roe", bold=True, size=30.0), Line("20 Elm Drive, Rochester, NY 14623", size=8.0)]
    assert basics(lines)["location"] == {
        "address": "20 Elm Drive",
        "postalCode": "14623",
        "city": "Rochester",
        "region": "NY",
    }


def test_town_postal_code_and_province_code_on_the_line_after_the_street() -> None:
    lines = body("Mario Rossi", "Via Roma 1", "Motta di Livenza, 31045 TV.", "mario@example.it")
    place = basics(lines)["location"]
    assert (place["postalCode"], place["city"], place["region"]) == ("31045", "Motta di Livenza", "TV")


def test_japanese_address_after_a_caption_without_postal_mark() -> None:
    lines = [Line("氏名 山田 太郎"), Line("現住 所 兵庫県神戸市灘区1-2")]
    place = basics(lines)["location"]
    assert (place["region"], place["city"]) == ("兵庫県", "神戸市")


def test_korean_province_and_city() -> None:
    lines = [Line("김철수", size=20.0), Line("kim@example.com"), Line("경기도 부천시")]
    assert basics(lines)["location"] == {"region": "경기도", "city": "부천시"}


# Phone, e-mail, URLs


def test_a_number_under_another_caption_is_no_phone() -> None:
    lines = body("Ayşe Demir", "Scopus Author ID: 25652213800", "Deneyim")
    assert "phone" not in basics(lines)


def test_an_identifier_with_a_letter_prefix_is_no_phone() -> None:
    lines = body("Ayşe Demir", "ResearcherID A-1234-2010", "Deneyim")
    assert "phone" not in basics(lines)


def test_a_hyphenated_postal_code_is_no_phone() -> None:
    lines = body("Ana Souza", "Rua das Flores, 06783-045, Taboão da Serra")
    assert "phone" not in basics(lines)


def test_phone_with_full_width_parentheses() -> None:
    lines = [Line("氏名 山田 太郎"), Line("携帯電話番号 ： 080（ 1234） 5678")]
    assert basics(lines)["phone"] == "080（ 1234） 5678"


def test_phone_after_a_caption_in_another_language() -> None:
    lines = [Line("Άννα Παππά", bold=True), Line("Experience", level=0), Line("Τηλέφωνο: 2101234567")]
    assert basics(lines)["phone"] == "2101234567"


def test_referees_phone_and_email_are_not_the_applicants() -> None:
    lines = [Line("Jane Doe", bold=True, size=20.0), Line("Experience", level=0), Line("Engineer, Acme Inc")]
    lines += [Line("References", level=0), Line("Dr. John Roe"), Line("Phone: (706) 555-0949")]
    lines += [Line("Email: john@example.edu", links=["mailto:john@example.edu"])]
    got = basics(lines)
    assert "phone" not in got and "email" not in got


def test_a_tel_link_is_not_a_url() -> None:
    lines = [Line("Jane Doe", bold=True, size=20.0), Line("+506 5555 0101", links=["tel:+506-5555-0101"])]
    assert "url" not in basics(lines)


# Label


def test_label_under_a_name_written_over_two_lines() -> None:
    lines = [
        Line("Jane", style="name", size=32.0, where="textbox", para=1),
        Line("Doe", style="name", size=32.0, where="textbox", para=2),
        Line("Data Scientist/ Developer", size=14.0, where="textbox", para=3),
    ]
    assert basics(lines)["label"] == "Data Scientist/ Developer"


def test_europass_caption_in_capitals_beside_its_value() -> None:
    lines = [Line("Curriculum vitae", size=10.0), Line("INFORMAZIONI PERSONALI Mario Rossi", size=14.3)]
    lines += [Line("mario@example.it"), Line("OCCUPAZIONE DESIDERATA Ingegnere elettronico", size=12.0)]
    got = basics(lines)
    assert (got["name"], got["label"]) == ("Mario Rossi", "Ingegnere elettronico")


def test_the_printed_address_wins_over_the_links_target() -> None:
    lines = [Line("Jane Doe", bold=True, size=20.0), Line("Experience", level=0)]
    lines += [Line("Email: Jane.Doe@example.com", where="table", links=["mailto:janedoe@example.com"])]
    assert basics(lines)["email"] == "Jane.Doe@example.com"


def test_a_paper_on_a_profile_network_is_not_a_profile() -> None:
    url = "https://www.researchgate.net/publication/1234_a_paper"
    lines = [Line("Jane Doe", bold=True, size=20.0), Line("Publications", level=0), Line("A paper", links=[url])]
    assert "profiles" not in basics(lines)


def test_two_phone_numbers_side_by_side() -> None:
    lines = body("مهدی احمدی", "تلفن تماس : 09130000000 - 09030000000")
    assert basics(lines)["phone"] == "09130000000"


def test_phone_on_the_line_of_the_applicants_email() -> None:
    lines = [Line("Jane Doe", bold=True, size=22.0), Line("Experience", level=0), Line("Engineer, Acme Inc")]
    lines += [Line("Projects", level=0), Line("jane@example.com • +55 (12) 95555 0000")]
    assert basics(lines)["phone"] == "+55 (12) 95555 0000"


def test_town_line_two_lines_on_past_the_other_columns_line() -> None:
    lines = [
        Line("Jean Roux", bold=True, size=30.0),
        Line("Adresse : 120 rue des Lilas,"),
        Line("DevOps - Déploiement"),
    ]
    lines += [Line("75020 Paris, France.")]
    place = basics(lines)["location"]
    assert (place["postalCode"], place["city"]) == ("75020", "Paris")


def test_place_left_on_the_email_line() -> None:
    lines = [Line("Ana Ruiz", bold=True, size=30.0), Line("Sobre mí", level=0), Line("Texto.")]
    lines += [Line("ana@example.com Valencia, España", where="sidebar")]
    assert basics(lines)["location"]["city"] == "Valencia"


def test_place_with_a_spaced_dash_before_the_country() -> None:
    lines = [Line("Ana Souza", bold=True, size=22.0), Line("ana@example.com"), Line("Barueri - São Paulo, Brasil")]
    assert basics(lines)["location"]["city"] == "Barueri"


def test_family_status_with_a_dash_is_not_a_place() -> None:
    lines = [Line("Juan Pérez", bold=True, size=22.0), Line("juan@example.com"), Line("Divorciado – Un (1) hijo")]
    assert "location" not in basics(lines)


def test_a_job_title_with_a_comma_is_the_label_not_a_place() -> None:
    lines = [Line("Ivan Petrov", bold=True, size=28.0), Line("C++, Python Developer", size=10.0)]
    lines += [Line("ivan@example.com", size=8.0)]
    got = basics(lines)
    assert got["label"] == "C++, Python Developer" and "location" not in got


def test_a_line_carrying_only_an_icons_mail_link_can_be_the_label() -> None:
    lines = [Line("Jane Roe (PhD)", bold=True, size=20.0)]
    lines += [Line("Quantitative geneticist", bold=True, size=14.0, links=["mailto:jane@example.com"])]
    lines += [Line("Profile", level=0, bold=True, size=12.0)]
    got = basics(lines)
    assert (got["email"], got["label"]) == ("jane@example.com", "Quantitative geneticist")


def test_job_title_in_larger_type_away_from_the_name() -> None:
    lines = [Line("DÉVELOPPEUR WEB", size=18.0, where="textbox"), Line("Passionné de code.", size=9.0)]
    lines += [Line("EXPÉRIENCES", bold=True, size=9.0), Line("Marc Dupont", bold=True, size=22.0, where="textbox")]
    lines += [Line(f"Tâche {i}", size=9.0, bullet=True) for i in range(5)]
    assert basics(lines)["label"] == "DÉVELOPPEUR WEB"


def test_a_one_letter_caption_still_gives_the_phone() -> None:
    lines = body("Jeanne Martin", "T: 06 12 34 56 78", "Expériences")
    assert basics(lines)["phone"] == "06 12 34 56 78"


def test_postal_code_right_after_the_house_number() -> None:
    lines = body("Max Muster", "Adresse: Hauptstr. 5 10115 Berlin")
    assert basics(lines)["location"] == {"address": "Hauptstr. 5", "postalCode": "10115", "city": "Berlin"}


def test_family_status_under_the_name_is_not_the_label() -> None:
    lines = [Line("Jeanne Martin", bold=True, size=20.0), Line("Mariée, 2 enfants"), Line("Expériences", level=0)]
    assert "label" not in basics(lines)


def test_a_country_name_in_any_language_becomes_its_code() -> None:
    lines = [Line("Jonathan Roe", bold=True, size=30.0), Line("Costa Rica\t✉ jon@example.com")]
    lines += [Line("Experience", level=0), Line("Engineer, Acme Inc")]
    assert basics(lines)["location"]["countryCode"] == "CR"


def test_a_country_after_the_city_is_a_code_not_a_region() -> None:
    lines = body("Max Muster", "Wohnort: Wedel, Deutschland")
    assert basics(lines)["location"] == {"city": "Wedel", "countryCode": "DE"}


def test_handles_after_network_names_become_profile_urls() -> None:
    lines = [Line("Jane Doe", bold=True, size=20.0), Line("GitHub: jdoe | LinkedIn: in/jane-doe | Telegram: @jdoe")]
    urls = {p["url"] for p in basics(lines)["profiles"]}
    assert urls == {"https://github.com/jdoe", "https://www.linkedin.com/in/jane-doe", "https://t.me/jdoe"}


def test_a_slash_handle_after_the_network_name() -> None:
    lines = [Line("Jane Doe", bold=True, size=20.0), Line("jane@example.com\tGitHub /jdoe")]
    assert basics(lines)["profiles"][0]["url"] == "https://github.com/jdoe"


def test_a_link_to_the_network_wins_over_the_printed_handle() -> None:
    link = "https://www.linkedin.com/in/jane-doe-1a2b3c"
    lines = [Line("Jane Doe", bold=True, size=20.0), Line("LinkedIn: in/jane-doe", links=[link])]
    assert [p["url"] for p in basics(lines)["profiles"]] == [link]


def test_a_tool_named_after_a_network_is_no_handle() -> None:
    lines = [Line("Jane Doe", bold=True, size=20.0), Line("GitHub Actions, Docker"), Line("GitHub - Docker")]
    assert "profiles" not in basics(lines)


def test_personal_site_after_its_caption_beside_the_contacts() -> None:
    lines = [Line("Marc Dupont", bold=True, size=22.0), Line("Expériences", level=0), Line("Développeur")]
    lines += [Line("marc@example.fr", where="textbox"), Line("Portfolio : https://www.example.fr/", where="textbox")]
    assert basics(lines)["url"] == "https://www.example.fr/"


def test_postal_mark_then_the_address_past_its_caption() -> None:
    lines = [Line("氏名 山田 太郎"), Line("ひょうごけん〒657-0016"), Line("現住 所"), Line("兵庫県神戸市灘区1-2")]
    place = basics(lines)["location"]
    assert (place["postalCode"], place["region"], place["city"]) == ("657-0016", "兵庫県", "神戸市")


def test_a_line_whose_words_carry_a_link_stays_free_for_the_label() -> None:
    lines = [
        Line("Jean Roux", size=40.0),
        Line("Étudiant en Master 2 à la recherche d'une alternance", links=["http://example.org/m2"]),
    ]
    lines += [Line("Formation", bold=True, size=17.0)]
    assert basics(lines)["label"] == "Étudiant en Master 2 à la recherche d'une alternance"


def test_a_list_of_links_on_several_hosts_gives_profiles() -> None:
    lines = [Line("Ayşe Demir", bold=True, size=20.0), Line("Yayınlar", level=0), Line("Bir makale.")]
    lines += [Line("Profiller", level=0), Line("https://scholar.google.com.tr/citations?user=abc")]
    lines += [Line("(Atıf: 10)"), Line("https://dblp.org/pid/12/345"), Line("https://orcid.org/0000-0001-2345-6789")]
    got = basics(lines)["profiles"]
    assert {p["network"] for p in got} == {"Google Scholar", "Dblp", "ORCID"}


def test_a_list_of_papers_on_one_host_gives_no_profiles() -> None:
    lines = [Line("Ayşe Demir", bold=True, size=20.0), Line("Publications", level=0)]
    lines += [Line(f"https://arxiv.org/abs/1803.0{i}") for i in range(4)]
    assert "profiles" not in basics(lines)


def test_a_whole_name_is_not_joined_with_the_place_below() -> None:
    lines = [Line("Max Muster", style="title", size=26.0), Line("Berlin", style="title", size=26.0)]
    lines += [Line("Berufserfahrung", level=0)]
    assert basics(lines)["name"] == "Max Muster"


def test_a_body_line_far_down_in_the_largest_type_is_not_the_name() -> None:
    lines = [Line("Max Muster", bold=True, size=14.0)] + [Line(f"Zeile {i}.", size=10.0) for i in range(40)]
    lines += [Line("Weitere Angaben", bold=True, size=20.0)]
    assert basics(lines)["name"] == "Max Muster"


def test_an_entry_title_in_larger_type_is_not_the_label() -> None:
    lines = [Line("Max Muster", bold=True, size=22.0), Line("max@example.com", size=10.0)]
    lines += [Line("Experience", bold=True, size=14.0), Line("Senior Developer", bold=True, size=12.0)]
    lines += [Line(f"Did thing {i}.", size=10.0, bullet=True) for i in range(6)]
    assert "label" not in basics(lines)


def test_phone_groups_cut_by_commas_after_a_country_code() -> None:
    lines = body("Pedro Pérez", "Teléfono: +58 212 555,01,02")
    assert basics(lines)["phone"] == "+58 212 555,01,02"


def test_country_short_forms() -> None:
    lines = body("John Roe", "Address: London, UK")
    assert basics(lines)["location"] == {"city": "London", "countryCode": "GB"}


def test_a_birth_date_is_neither_phone_nor_place() -> None:
    lines = body("Jan Nowak", "Geburtsdatum: 05.10.1981", "Geburtsort: Sewastopol, Krim", "Berufserfahrung")
    got = basics(lines)
    assert "phone" not in got and "location" not in got


def test_an_about_section_of_links_only_leaves_the_summary_to_the_prose_above() -> None:
    prose = (
        "Passionate about software since the age of fourteen, I taught myself the web and now look for a team "
        "where I can keep learning every day."
    )
    lines = [
        Line("Jane Doe", size=22.0),
        Line(prose, para=2),
        Line("About me", level=0),
        Line("Portfolio : https://www.example.org/", para=4),
        Line("LinkedIn : jane-doe", para=5),
        Line("GitHub : Jane Doe", para=6),
    ]
    assert basics(lines)["summary"] == prose


def test_a_forms_continued_and_end_marks_leave_the_body() -> None:
    from cvconvert.extract import _PAGE_MARK

    assert all(_PAGE_MARK.search(t) for t in ("（次頁へ）", "（以上）", "(continued)"))
    assert not _PAGE_MARK.search("以上の経験を活かして")


def test_a_british_or_canadian_postcode_after_the_town() -> None:
    from cvconvert.extract.places import _parse_place

    assert _parse_place("12 High Street, Leeds LS1 4AB") == {
        "address": "12 High Street",
        "postalCode": "LS1 4AB",
        "city": "Leeds",
    }
    assert _parse_place("45 Rue Nord, Ottawa, ON K1A 0B1")["postalCode"] == "K1A 0B1"


def test_links_of_entry_sections_are_not_the_applicants_profiles() -> None:
    # A project's organisation on GitHub, a referee's LinkedIn, badges on three sites: the items'.
    lines = [Line("Ada Example", bold=True, size=20.0), Line("ada@example.com"), Line("Summary", level=0)]
    lines += [Line(f"I build billing services, part {i}.") for i in range(4)] + [Line("Projects", level=0)]
    lines += [
        Line("Invoice helper"),
        Line("https://github.com/northwind-org", links=["https://github.com/northwind-org"]),
    ]
    lines += [Line("A tool for invoices."), Line("Written in Go."), Line("Used by three teams.")]
    lines += [Line("Certificates", level=0), Line("Cloud basics"), Line("https://www.credly.com/badges/1a2b")]
    lines += [Line("https://www.coursera.org/account/accomplishments/x1"), Line("https://www.udemy.com/certificate/y2")]
    lines += [Line("References", level=0), Line("Bob Referee, Northwind Ltd")]
    lines += [Line("https://www.linkedin.com/in/bob-referee", links=["https://www.linkedin.com/in/bob-referee"])]
    assert "profiles" not in basics(lines)


def test_a_link_captioned_with_its_network_in_an_entry_section_is_a_profile() -> None:
    lines = [Line("Ada Example", bold=True, size=20.0), Line("Projects", level=0)]
    lines += [Line("Personal GitHub: https://github.com/ada-example"), Line("Invoice helper, 2021")]
    assert [p["url"] for p in basics(lines)["profiles"]] == ["https://github.com/ada-example"]


def test_a_contact_column_read_after_an_entry_section_gives_its_profiles() -> None:
    lines = [Line("Ada Example", bold=True, size=20.0), Line("Experience", level=0)]
    lines += [Line("2019 – 2021 Engineer, Northwind Ltd"), Line("Built the billing service.")]
    lines += [Line("+1 555 0100"), Line("ada@example.com"), Line("LinkedIn"), Line("\uf08c")]
    for url in ("https://www.linkedin.com/in/ada-example", "https://github.com/ada-example"):
        lines += [Line(url, links=[url]), Line("\uf09b")]
    lines += [Line("https://codepen.io/ada-example", links=["https://codepen.io/ada-example"])]
    got = {p["url"] for p in basics(lines)["profiles"]}
    assert {"https://www.linkedin.com/in/ada-example", "https://github.com/ada-example"} <= got


def test_a_link_written_without_its_scheme_is_the_web_address_not_a_file() -> None:
    # Word and browsers resolve "www.linkedin.com/in/…" as a file beside the document.
    local = "file:///C:/Users/ada/Documents/www.linkedin.com/in/ada-example"
    lines = [Line("Ada Example", bold=True, size=20.0), Line("LinkedIn", links=[local])]
    lines += [Line("My CV", links=["file:///C:/Users/ada/Documents/cv.pdf"]), Line("Experience", level=0)]
    data = basics(lines)
    assert [p["url"] for p in data["profiles"]] == ["www.linkedin.com/in/ada-example"]
    assert "url" not in data


def test_a_place_with_its_country_code_among_the_contact_details() -> None:
    lines = [Line("Ada Example", bold=True, size=20.0)]
    lines += [Line("ada@example.com\t+358 45 000 0000\t33500, Tampere, FI, Länsi-Suomi"), Line("Summary", level=0)]
    assert basics(lines)["location"] == {
        "postalCode": "33500",
        "city": "Tampere",
        "countryCode": "FI",
        "region": "Länsi-Suomi",
    }


def test_a_place_with_its_country_in_brackets_or_after_a_space() -> None:
    for text, place in (
        ("München, Bayern (DE)", {"city": "München", "region": "Bayern", "countryCode": "DE"}),
        ("San Francisco, (US)", {"city": "San Francisco", "countryCode": "US"}),
        (", , São Paulo, BR, Minas Gerais", {"city": "São Paulo", "countryCode": "BR", "region": "Minas Gerais"}),
        ("Caracas Venezuela", {"city": "Caracas", "countryCode": "VE"}),
        ("Warszawa PL", {"city": "Warszawa", "countryCode": "PL"}),
    ):
        lines = [Line("Ada Example", bold=True, size=20.0), Line(text), Line("ada@example.com")]
        lines += [Line("Experience", level=0)]
        assert basics(lines)["location"] == place, text


def test_words_after_a_name_that_spell_a_country_code_are_no_place() -> None:
    for text in ("Linked In", "Northwind IT", "Python, Go, C"):
        lines = [Line("Ada Example", bold=True, size=20.0), Line(text), Line("ada@example.com")]
        lines += [Line("Experience", level=0)]
        assert "location" not in basics(lines), text


def test_a_profile_paragraph_with_a_number_and_a_street_word_is_no_address() -> None:
    # "engineering" ends in the German street word "-ring"; "3+" is a number.
    summary = (
        "A results-driven platform engineer with 3+ years of experience and a background in electrical "
        "engineering, building reliable infrastructure and improving developer productivity."
    )
    lines = [Line("Ada Example", size=32.0), Line(summary), Line("Valencia, Spain"), Line("ada@example.com")]
    lines += [Line("Work", size=20.0), Line("2019 – 2021 Engineer, Northwind Ltd")]
    data = basics(lines)
    assert data["summary"] == summary
    assert data["location"] == {"city": "Valencia", "countryCode": "ES"}


def test_a_profile_paragraph_that_mentions_a_year_is_the_summary() -> None:
    summary = (
        "Ada has been building web products and services professionally since 2000, from initial strategy "
        "to architecture, delivery and maintenance."
    )
    lines = [Line("Ada Example", size=32.0), Line(summary), Line("ada@example.com")]
    lines += [Line("Work", size=20.0), Line("2019 – 2021 Engineer, Northwind Ltd")]
    assert basics(lines)["summary"] == summary


def test_a_captioned_address_that_goes_on_over_two_lines() -> None:
    lines = [Line("Ada Example", bold=True, size=20.0), Line("Contacto", level=0)]
    lines += [Line("Dirección: Urbanización Norte, Edif. Azul. Apto. 2A"), Line("Puerto Azul, Edo. Sur,")]
    lines += [Line("1010 - Venezuela"), Line("Teléfono"), Line("+58 281 000 0000")]
    assert basics(lines)["location"] == {
        "address": "Urbanización Norte, Edif. Azul. Apto. 2A",
        "city": "Puerto Azul",
        "region": "Edo. Sur",
        "postalCode": "1010",
        "countryCode": "VE",
    }


@pytest.mark.parametrize("listed", ["Python, Spark, AI", "Java, Scala, ML", "Docker, Kubernetes, CI", "Sales, IT"])
def test_a_list_ending_in_an_acronym_names_no_country(listed: str) -> None:
    # Regression: a two-letter part that is an acronym too was taken as a country ("AI": Anguilla).
    lines = [Line("Ada Example", size=20.0), Line("Data Engineer"), Line(listed), Line("ada@example.org")]
    lines += [Line("Experience", level=0), Line("Engineer, Northwind Ltd"), Line("Jan 2019 – Mar 2020")]
    assert "countryCode" not in (basics(lines).get("location") or {})
