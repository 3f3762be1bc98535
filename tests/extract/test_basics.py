"""The basics of a CV (name, label, contact details, profiles, location) from synthetic lines."""

from __future__ import annotations

from typing import Any

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
