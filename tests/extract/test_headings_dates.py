"""Section headings, dates and calendars, and language detection in the extraction engine.

Synthetic lines only: each test states the rule it holds and fails without it.
"""

from __future__ import annotations

import pytest

from cvconvert.extract import headings
from cvconvert.extract.daterange import _undated, find_dates, jalali_to_gregorian, language_hint, month_of
from cvconvert.extract.lines import Line
from cvconvert.extract.sections import _find_sections
from cvconvert.language import detect

# --- headings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Berufliche Tätigkeiten und Praktika", "work"),  # de
        ("Expériences professionnelles récentes", "work"),  # fr
        ("Experiencia profesional relevante", "work"),  # es
        ("Experiências", "work"),  # pt, a plural the list lacks
        ("Esperienze lavorative e accademiche", "work"),  # it
        ("Werkervaring en stages", "work"),  # nl
        ("Doświadczenie zawodowe", "work"),  # pl
        ("Опыт работы:", "work"),  # ru
        ("İş Deneyimi", "work"),  # tr
        ("Munka- és vezetői tapasztalat", "work"),  # hu
        ("Επαγγελματική εμπειρία", "work"),  # el
        ("Arbetslivserfarenhet", "work"),  # sv
        ("Pengalaman Kerja", "work"),  # id
        ("Kinh nghiệm làm việc", "work"),  # vi
        ("سوابق شغلی", "work"),  # fa
        ("工作经历", "work"),  # zh
        ("職  歴", "work"),  # ja, spaced out to the cell's width
        ("경력사항", "work"),  # ko, words run together
        ("ניסיון תעסוקתי:", "work"),  # he
        ("Εκπαίδευση", "education"),
        ("Oktatás", "education"),
        ("تحصیلات", "education"),
        ("השכלה:", "education"),
        ("学歴・職歴（各別にまとめて書く）", "education"),  # a note in brackets after it
        ("Línguas estrangeiras", "languages"),
        ("Nyelvek", "languages"),
        ("שפות:", "languages"),
        ("Személyes projektek", "projects"),
        ("سوابق پروژه\u200cای", "projects"),
        ("Készségek és hobbik", "skills"),
        ("כישורים וידע מקצועי :", "skills"),  # Hebrew "and" joined to the next word
        ("مهارت ها", "skills"),
        ("■活かせる知識・経験・スキル", "skills"),
        ("principais habilidades e características", "skills"),
        ("Hobbik", "interests"),
        ("Προσωπικά στοιχεία", "basics"),
        ("פרטים אישיים:", "basics"),
        ("어학능력", "languages"),
        ("Riwayat Pendidikan", "education"),
        ("Quá trình đào tạo", "education"),
        ("Persoonlijke gegevens", "basics"),
        ("Osiągnięcia", "awards"),
        ("علاقه\u200cمندی\u200cها", "interests"),
        ("Érdeklődési kör", "interests"),
        ("Qualificações", "education"),
        ("Personlig information", "basics"),
        ("Pengalaman Organisasi", "volunteer"),
        # languages of no corpus file
        ("Досвід роботи", "work"),
        ("Pracovní zkušenosti", "work"),
        ("Erhvervserfaring", "work"),
        ("Työkokemus", "work"),
        ("Limbi străine", "languages"),
        ("الخبرة العملية", "work"),
    ],
)
def test_headings_in_each_language(heading: str, key: str) -> None:
    assert headings.lookup(heading) == key


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Academic Experience", "work"),
        ("Research Experience", "work"),  # a field of work before the key word does not decide
        ("Professional Qualifications", "education"),
        ("Summary Statement", "summary"),
        ("Service", "other"),
        ("Investigación", "other"),
        ("Journal Publications", "publications"),
        ("Participations-Awards-Scholarships-Distinctions", "awards"),
        ("수상 경력", "awards"),  # the first key word decides
    ],
)
def test_compound_headings(heading: str, key: str) -> None:
    assert headings.lookup(heading) == key


@pytest.mark.parametrize(
    "line",
    [
        "Experience Designer at Acme",
        "Education Consultant",
        "Research Assistant",
        "Software Entwicklung",
        "Projekt Management",
        "Key Achievements",
        "HOÀN CẢNH GIA ĐÌNH",
        "Projekt: MES",  # a caption and its value
        "Знание Git",  # a stem takes an ending, not the next word
        "Experience 3 years",  # a digit outside a bracketed note
    ],
)
def test_job_titles_and_other_lines_are_not_headings(line: str) -> None:
    assert headings.lookup(line) is None


def test_numbering_and_a_bracketed_count_keep_a_heading() -> None:
    assert headings.lookup("2. Berufserfahrung") == "work"
    assert headings.lookup("IV. Languages") == "languages"
    assert headings.lookup("Publications (12)") == "publications"


def test_a_heading_mark_makes_a_long_cjk_heading_stand_out() -> None:
    lines = [
        Line("氏名 山田 太郎"),
        Line("■職務経歴"),
        Line("2019年4月～2021年3月 株式会社サンプル"),
        Line("■活かせる知識・経験・スキル"),
        Line("Python"),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "skills"]


def test_hebrew_headings_in_larger_type_with_a_colon_open_sections() -> None:
    lines = [
        Line("קורות חיים", size=14),
        Line("השכלה:", size=14),
        Line("2018 – 2020: תואר ראשון", size=12),
        Line("ניסיון תעסוקתי:", size=14),
        Line("2020 – היום: מנהלת", size=12),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["education", "work"]


# --- dates ------------------------------------------------------------------------------------


def test_a_lone_list_item_the_vocabulary_knows_is_a_heading() -> None:
    lines = [
        Line("職務経歴書", size=14.0),
        Line("職務要約", bullet=True, size=10.0),
        Line("1998年よりプログラマーとして就業しました。", size=10.0),
        Line("職務経歴", bullet=True, size=10.0),
        Line("2018年4月～2025年1月\t株式会社ノルド", size=10.0),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["summary", "work"]
    # Items of a list stay items, whatever their words.
    items = [Line("Skills", level=0), Line("Python", bullet=True), Line("Experience", bullet=True)]
    _, sections = _find_sections(items, None)
    assert [s.key for s in sections] == ["skills"]


def test_a_compound_heading_written_again_goes_on_with_its_part_open_last() -> None:
    lines = [
        Line("学歴・職歴（各別にまとめて書く）", cell=(2, 0, 2)),
        Line("学  歴", cell=(2, 1, 2)),
        Line("平成4\t3\t私立 ノルド高等学校 卒業", cell=(2, 2, 2)),
        Line("職  歴", cell=(2, 3, 2)),
        Line("平成6\t8\t株式会社ノルド 入社", cell=(2, 4, 2)),
        Line("学歴・職歴（各別にまとめて書く）", cell=(3, 0, 2)),
        Line("平成24\t11\t株式会社イースト 入社", cell=(3, 1, 2)),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections][-1] == "work"


def _dates(text: str) -> list[tuple[str | None, str | None, bool]]:
    return [(d.start, d.end, d.present) for d in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("03/2019 - 11/2020", [("2019-03", "2020-11", False)]),
        ("11/98 – 02/04", [("1998-11", "2004-02", False)]),  # month and two-digit year on both ends
        ("rated 4/5", []),
        ("2019.03 – 2020.01", [("2019-03", "2020-01", False)]),
        ("März 2019 – Juli 2020", [("2019-03", "2020-07", False)]),
        ("2019年3月～至今", [("2019-03", None, True)]),
        ("2019년 3월 ~ 2020년 2월", [("2019-03", "2020-02", False)]),
        ("мар. 2019 – по настоящее время", [("2019-03", None, True)]),
        ("Sept. 2019 - Present", [("2019-09", None, True)]),
        ("since 2019", [("2019", None, True)]),
        ("Szept. 2021 – Jan. 2025", [("2021-09", "2025-01", False)]),  # CLDR abbreviations
        ("Mar. – Aug. 2021", [("2021-03", "2021-08", False)]),
        ("Ocak 2019 - günümüz", [("2019-01", None, True)]),
        ("styczeń 2019 - obecnie", [("2019-01", None, True)]),
        ("Ιανουάριος 2019 - σήμερα", [("2019-01", None, True)]),
        ("ינואר 2020 - היום", [("2020-01", None, True)]),
        ("tháng 3 năm 2019 - hiện tại", [("2019-03", None, True)]),
        ("Agustus 2019 - sekarang", [("2019-08", None, True)]),
        ("Febr. 2022 – Jelenleg", [("2022-02", None, True)]),
        ("2018 — aujourd'hui", [("2018", None, True)]),
        ("2015 - heute", [("2015", None, True)]),
        ("２０１９年３月", [("2019-03", None, False)]),  # full-width digits
        ("2024/03 – 2022/11", [("2022-11", "2024-03", False)]),  # typed end first
        ("Março de 2022 a Julho de 2022", [("2022-03", "2022-07", False)]),  # "de": of, not from
        ("Agosto de 2022 a Data Atual", [("2022-08", None, True)]),
        ("2018, Aug-Sep. Projekt", [("2018-08", "2018-09", False)]),  # the months after the year
        ("07/17/2023- Current", [("2023-07-17", None, True)]),  # month first
        ("2019-continua: Universidad", [("2019", None, True)]),
        ("Ngày\t05\ttháng..07\tnăm..1998", [("1998-07", None, False)]),  # a form's dotted blanks
        ("Tel. (11) 95555-1979", []),  # the end of a phone number
        ("2019 - hasta la fecha", [("2019", None, True)]),
        ("2019年4月～現在に至る", [("2019-04", None, True)]),
        ("с 2019 года по н.в.", [("2019", None, True)]),  # the word "year" after the year
        ("2019 г. – 2020 г.", [("2019", "2020", False)]),
        ("2018-19", [("2018", "2019", False)]),  # an academic year
        ("2018/19 – 2020/21", [("2018", "2021", False)]),
        ("2011-12", [("2011-12", None, False)]),  # a month where one can be
    ],
)
def test_date_forms(text: str, dates: list[tuple[str | None, str | None, bool]]) -> None:
    assert _dates(text) == dates


@pytest.mark.parametrize(
    ("text", "start"),
    [("平成4年3月", "1992-03"), ("平成 6", "1994"), ("令和元年", "2019"), ("昭和63年", "1988")],
)
def test_japanese_era_years(text: str, start: str) -> None:
    assert find_dates(text)[0].start == start


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1398, 1, 1), (2019, 3, 21)),
        ((1397, 4, 1), (2018, 6, 22)),
        ((1395, 10, 1), (2016, 12, 21)),
        ((1396, 5, 1), (2017, 7, 23)),
        ((1403, 12, 30), (2025, 3, 20)),  # a leap year's last day
    ],
)
def test_jalali_to_gregorian(jalali: tuple[int, int, int], gregorian: tuple[int, int, int]) -> None:
    assert jalali_to_gregorian(*jalali) == gregorian


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("از دی ۱۳۹۵ تا مرداد ۱۳۹۶", [("2016-12", "2017-07", False)]),  # Persian digits and months
        ("تیر 1397 تاکنون", [("2018-06", None, True)]),
        ("1391 تا 1395", [("2012", "2016", False)]),
    ],
)
def test_solar_hijri_dates(text: str, dates: list[tuple[str | None, str | None, bool]]) -> None:
    assert _dates(text) == dates


def test_solar_hijri_years_are_read_only_in_arabic_script() -> None:
    assert find_dates("1395 employees") == []


def test_month_names_come_from_cldr_for_a_hinted_language() -> None:
    assert month_of("Separate") is None
    with language_hint("fi"):  # Finnish is not among the languages known without a hint
        assert month_of("maaliskuuta") == 3
    assert month_of("maaliskuuta") is None


def test_dates_do_not_depend_on_what_was_read_before() -> None:
    text = "Mai 2019 – Lip 2020"
    first = _dates(text)
    for other, lang in (("lipiec 2018", "pl"), ("Mai 2017", "de"), ("julho 2016", "pt")):
        with language_hint(lang):
            find_dates(other)
    assert _dates(text) == first


# --- language -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("경력사항\n2019년 3월 ~ 현재 주식회사", "ko"),
        ("職務経歴書\n2019年4月 株式会社サンプルに入社", "ja"),
        ("工作经历\n2019年3月至今 北京某公司 软件工程师", "zh"),
        ("קורות חיים\nניסיון תעסוקתי", "he"),
        ("سوابق شغلی\nکارشناس توسعه", "fa"),
        ("Επαγγελματική εμπειρία\nΕκπαίδευση", "el"),
        ("Опыт работы\nОбразование", "ru"),
        ("Berufserfahrung\nSeit 2019 Entwickler bei der Firma und im Team", "de"),
        ("Expérience professionnelle\nDéveloppeur chez une société pour les clients", "fr"),
        ("Experiencia laboral\nDesarrollador en la empresa con el equipo", "es"),
        ("Experiência profissional\nDesenvolvedor na empresa com a equipe, formação", "pt"),
        ("Esperienza lavorativa\nSviluppatore presso la società della città", "it"),
        ("Werkervaring\nOntwikkelaar bij het bedrijf van de stad en de regio", "nl"),
        ("Doświadczenie zawodowe\nProgramista w firmie oraz w zespole", "pl"),
        ("İş Deneyimi\nYazılım geliştirici ve ekip lideri", "tr"),
        ("Szakmai tapasztalat\nFejlesztő és csapatvezető a cégnél", "hu"),
        ("Arbetslivserfarenhet\nUtvecklare på företaget och i teamet", "sv"),
        ("Pengalaman Kerja\nPengembang di perusahaan dan tim yang besar", "id"),
        ("Kinh nghiệm làm việc\nLập trình viên tại công ty", "vi"),
        ("Work Experience\nDeveloper at the company and in the team", "en"),
    ],
)
def test_detect_tells_the_language(text: str, lang: str) -> None:
    assert detect(text.splitlines()) == lang


def test_detect_reads_line_records_and_tells_nothing_without_letters() -> None:
    assert detect([Line("Опыт работы"), Line("Образование")]) == "ru"
    assert detect([Line("2019 - 2020"), Line("+49 30 1234")]) is None


def test_a_heading_styled_like_the_known_ones_keeps_its_section_despite_a_slip() -> None:
    def heading(text: str) -> Line:
        return Line(text, style="heading 2", level=1, bullet=True, size=10)

    lines = [
        Line("Jane Doe", size=20),
        Line("Analyst", size=8),
        Line("jane@example.org", size=8),
        heading("+ EXPERIENCIA LABORAL"),
        Line("Jun 2021 – Jun 2023 Analista, Acme", size=8),
        heading("+ CETIFICACIONES"),  # numbered like the headings above, and misspelt
        Line("2024 Certificación", size=8),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "certificates"]


def test_job_titles_styled_like_headings_do_not_cut_the_work_section() -> None:
    def title(text: str) -> Line:
        return Line(text, style="heading 1", level=0, bold=True, size=10)

    lines = [
        Line("Jane Doe", size=20),
        Line("Data Scientist", size=14),
        Line("jane@example.org"),
        Line("BERUFSERFAHRUNG", style="heading 2", level=1, bold=True, size=10),
        title("Data Scientist"),
        Line("Acme, Hamburg"),
        Line("09/2022 – 03/2025"),
        title("AI Consultant"),
        Line("Beta GmbH, Berlin"),
        Line("01/2022 - 09/2022"),
        Line("SPRACHKENNTNISSE", style="heading 2", level=1, bold=True, size=10),
        title("Fremdsprachen"),  # a known heading in the style of the job titles
        Line("Englisch"),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "languages", "languages"]
    assert len(sections[0].lines) == 6


def test_a_forms_grid_gives_the_year_and_the_month_in_cells_of_their_own() -> None:
    assert _dates("2019\t3\t井原市立中学校\t卒業") == [("2019-03", None, False)]
    assert _dates("平成6\t8\t株式会社サンプル\t入社") == [("1994-08", None, False)]


def test_a_grid_caption_row_names_its_section_past_the_date_captions() -> None:
    lines = [
        Line("履歴書"),
        Line("氏名 山田 太郎"),
        Line("学歴"),
        Line("2019\t3\t中学校\t卒業"),
        Line("年\t月\t資格・免許（コンテスト等の受賞歴）"),
        Line("2022\t8\t普通自動車第一種運転免許"),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["education", "certificates"]


def test_turkish_capitals_fold_like_their_small_letters() -> None:
    assert headings.lookup("YAYINLAR") == "publications"
    assert headings.lookup("TEKNİK BİLGİLER") == "skills"
    assert _dates("MAYIS 2019 - EKİM 2020") == [("2019-05", "2020-10", False)]


def test_a_caption_column_row_naming_a_list_section_opens_it_with_its_value() -> None:
    lines = [
        Line("Curriculum vitae"),
        Line("Jane Doe"),
        Line("jane@example.org"),
        Line("COMPETENZE PERSONALI", size=12),
        Line("Lingua madre\tItaliano"),
        Line("Altre lingue\tInglese (C1)"),
        Line("Work\t+39 0422 000000"),  # a telephone's caption: no entry section opens
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["skills", "languages", "languages"]
    assert [ln.text for ln in sections[1].lines] == ["Italiano"]
    assert headings.lookup("Langue(s) maternelle(s)") == "languages"


def test_a_heading_in_the_margin_beside_the_first_entry_opens_its_section() -> None:
    # A theme's label column: the heading, set large, shares its row with the first entry head.
    lines = [
        Line("Ada Example", size=24),
        Line("ada@example.org", size=10),
        Line("Work\tNorthwind Ltd\t2019 – 2021", size=18),
        Line("Analyst", size=10),
        Line("Built reports for the sales team.", size=10),
        Line("Education\tNordvale University 2015 – 2019", size=18),
        Line("BSc Mathematics", size=10),
        Line("Work\t+44 20 0000 0000", size=10),  # body type: a telephone's caption still
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "education"]
    assert [ln.text for ln in sections[0].lines] == [
        "Northwind Ltd\t2019 – 2021",
        "Analyst",
        "Built reports for the sales team.",
    ]
    assert sections[1].lines[0].text == "Nordvale University 2015 – 2019"


def test_a_heading_wrapped_in_a_label_column_is_read_whole() -> None:
    def label(text: str, top: float) -> Line:
        return Line(text, box=(72, top, 120, top + 8))

    def content(text: str, top: float) -> Line:
        return Line(text, box=(172, top, 540, top + 8))

    lines = [
        Line("Jane Doe", box=(72, 10, 200, 22)),
        content("jane@example.org", 30),
        label("DENEYİM", 50),
        content("Araştırmacı – Acme (2016 – 2022)", 50),
        label("ALINAN", 80),
        content("PMP Sertifikası Sınavına Hazırlık Eğitimi", 80),
        label("EĞİTİMLER", 92),  # alone it would be "education"
        content("Türkiye (35 saat, 2024)", 92),
        label("EDUCATION", 120),  # stacked headings known alone are not joined
        label("EXPERIENCE", 132),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "certificates", "education", "work"]


def test_a_bold_look_the_known_headings_have_to_themselves_marks_an_unknown_heading() -> None:
    lines = [
        Line("Jane Doe", size=20),
        Line("jane@example.org"),
        Line("Berlin"),
        Line("Experience", bold=True),
        Line("Acme, Analyst, 2019 - 2021"),
        Line("Hackathons", bold=True),  # no heading word, but the headings' own look
        Line("Winner, City Hackathon 2018"),
        Line("Education", bold=True),
        Line("University of Somewhere, 2015 - 2019"),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "other", "education"]


def test_a_line_of_hundreds_of_dates_is_read_in_linear_time() -> None:
    import time

    find_dates("2000")  # the month names are loaded once, before the clock starts
    month_of("März")
    started = time.perf_counter()
    spans = find_dates("seit 2019 " * 600)
    assert len(spans) == 600
    assert time.perf_counter() - started < 0.3  # quadratic, it took a second


def test_headings_no_vocabulary_knows_are_told_by_layout_alone() -> None:
    def heading(text: str) -> Line:
        return Line(text, style="heading 1", level=0, bold=True, size=14)

    lines = [
        Line("Mari Tamm", size=20),
        Line("mari@example.org", size=10),
        heading("Töökogemus"),  # Estonian: no heading word here knows it
        Line("Tarkvaraarendaja, Acme OÜ", size=10),
        Line("03/2019 – 05/2021", size=10),
        Line("Praktikant, Beta OÜ", size=10),
        Line("06/2018 – 08/2018", size=10),
        heading("Haridus"),
        Line("Master, Tartu Ülikool", size=10),
        Line("2012 – 2017", size=10),
        Line("Bachelor, Tartu Ülikool", size=10),
        Line("2009 – 2012", size=10),
        heading("Hobid"),
        Line("Male", size=10),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "education", "other"]


# --- round 2: rules that generalise -----------------------------------------------------------


def test_a_sidebar_headings_section_ends_where_the_sidebar_does() -> None:
    def side(text: str, **hints: object) -> Line:
        return Line(text, where="sidebar", **hints)  # type: ignore[arg-type]

    lines = [
        side("jane@example.org"),
        side("SKILLS", bold=True, size=12),
        side("Python"),
        Line("Jane Doe", size=20),
        Line("Data engineer"),
        Line("EXPERIENCE", bold=True, size=12),
        Line("2019 – 2021 Analyst, Acme"),
        side("LANGUAGES", bold=True, size=12),
        side("German"),
        Line("2021 – 2023 Engineer, Beta"),  # the main column goes on past the sidebar
    ]
    preface, sections = _find_sections(lines, None)
    assert [ln.text for ln in preface] == ["jane@example.org"]
    assert [(s.key, [ln.text for ln in s.lines]) for s in sections] == [
        ("skills", ["Python", "Jane Doe", "Data engineer"]),  # no main section open yet
        ("work", ["2019 – 2021 Analyst, Acme", "2021 – 2023 Engineer, Beta"]),
        ("languages", ["German"]),
    ]


def test_a_label_column_of_headings_keeps_its_content_beside_it() -> None:
    lines = [
        Line("Jane Doe", size=20),
        Line("EXPERIENCE", where="sidebar", bold=True),
        Line("2019 – 2021 Analyst, Acme"),
        Line("EDUCATION", where="sidebar", bold=True),
        Line("2015 – 2019 BSc, Nordvale University"),
    ]
    _, sections = _find_sections(lines, None)
    assert [(s.key, len(s.lines)) for s in sections] == [("work", 1), ("education", 1)]


def test_a_sidebar_heading_unknown_to_the_vocabulary_is_found_by_its_look() -> None:
    def side(text: str) -> Line:
        return Line(text, where="sidebar", bold=True, size=13)

    lines = [
        Line("Jane Doe", size=20),
        Line("jane@example.org"),
        Line("Berlin"),
        side("SKILLS"),
        Line("Python", where="sidebar"),
        side("EDUCATION"),
        Line("2015 – 2019 BSc", where="sidebar"),
        side("TOOLBOX"),  # no heading word: the look of the sidebar's headings
        Line("Git", where="sidebar"),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["skills", "education", "other"]


@pytest.mark.parametrize("title", ["Curriculum Vitae", "LEBENSLAUF", "Résumé", "職務経歴書", "履歴書"])
def test_the_documents_title_opens_no_section(title: str) -> None:
    lines = [
        Line(title, bold=True, size=16),
        Line("Jane Doe", size=14),
        Line("jane@example.org"),
        Line("Experience", bold=True, size=12),
        Line("2019 – 2021 Analyst, Acme"),
    ]
    preface, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work"]
    assert "Jane Doe" in [ln.text for ln in preface]
    assert headings.is_title(title)


def test_a_french_resume_heading_after_others_is_still_a_summary() -> None:
    lines = [
        Line("Jane Doe", size=14),
        Line("Expérience", bold=True, size=12),
        Line("2019 – 2021 Analyste, Acme"),
        Line("Résumé", bold=True, size=12),
        Line("Analyste de données."),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "summary"]


def test_headings_in_capitals_of_the_body_type_are_found_among_many_lines_of_that_type() -> None:
    # A PDF: headings differ from the text only by their capitals.
    text = [Line(f"Did task number {n} for the team with care", size=10) for n in "abcdefghij"]
    lines = [
        Line("Jane Doe", size=20),
        Line("jane@example.org", size=10),
        Line("Berlin", size=10),
        Line("EXPERIENCE", size=10),
        Line("2019 – 2021 Analyst, Acme", size=10),
        *text[:5],
        Line("EDUCATION", size=10),
        Line("2015 – 2019 BSc, Nordvale University", size=10),
        *text[5:],
        Line("AWARDS AND PRIZES", size=10),
        Line("Best paper", size=10),
        Line("SIDE VENTURES", size=10),  # no heading word: capitals like the headings
        Line("A shop for bikes", size=10),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "education", "awards", "other"]


def test_a_misspelt_heading_in_capitals_keeps_its_section() -> None:
    text = [Line(f"Did task number {n} for the team with care", size=10) for n in "abcdefghij"]
    lines = [
        Line("Jane Doe", size=20),
        Line("jane@example.org", size=10),
        Line("Berlin", size=10),
        Line("EXPERIENCE", size=10),
        *text[:5],
        Line("EDUCATION", size=10),
        *text[5:],
        Line("CERTIFCATIONS", size=10),  # one letter dropped
        Line("Scrum master", size=10),
    ]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "education", "certificates"]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Erfahrung und Kenntnisse", "work"),
        ("Kenntnisse und Erfahrung", "skills"),
        ("Formação e Experiência", "education"),
    ],
)
def test_a_compound_heading_maps_by_its_first_key_word(heading: str, key: str) -> None:
    assert headings.lookup(heading) == key


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("abr de 2025 - atual", [("2025-04", None, True)]),
        ("out. de 2019 – mar. de 2021", [("2019-10", "2021-03", False)]),
        ("April 2022 until 30 August", [("2022-04", "2022-08-30", False)]),
        ("November 2022 – February", [("2022-11", "2023-02", False)]),  # the next year
        ("2020- 2021", [("2020", "2021", False)]),
        ("2020 ー 2021", [("2020", "2021", False)]),
        ("از سال 1398 تا سال 1400", [("2019", "2021", False)]),
        ("2019\t3", [("2019-03", None, False)]),  # a form's grid row ending at the month
    ],
)
def test_more_date_forms(text: str, dates: list[tuple[str | None, str | None, bool]]) -> None:
    assert _dates(text) == dates


def test_a_start_without_a_month_takes_no_end_without_a_year() -> None:
    assert _dates("2019 - May Ltd") == [("2019", None, False)]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("از 1398 تا 1400 مهندس", "مهندس"),
        ("von 2019 bis 2021 Entwickler", "Entwickler"),
        ("from 2019 to present Analyst", "Analyst"),
        ("Acme · out de 2019 - mar de 2021 (1 ano 6 meses)", "Acme"),
        ("Jan 2020 - Mar 2022 · 2 yrs 3 mos", ""),
        ("Nov, 2016 - Sep, 2018\t1 year 10 months", ""),  # the length in a column of its own
        ("Mar 2016 – Oct 2016   7 months", ""),
        ("Founder\t2 yrs 3 mos", "Founder"),
        ("Team of 3 years", "Team of 3 years"),  # no column: words of the line
        ("2019 - 2021 · Berlin", "Berlin"),
    ],
)
def test_the_words_of_a_range_leave_with_its_dates(text: str, rest: str) -> None:
    assert _undated(text) == rest


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("2019. január – 2020. december", [("2019-01", "2020-12", False)]),  # hu: the year, a dot, the month
        ("Jan '19 – Dec '20", [("2019-01", "2020-12", False)]),  # a year cut to two figures
        ("Sept. ’20 – present", [("2020-09", None, True)]),
        ("۱۳۹۸ - ۱۴۰۰", [("2019", "2021", False)]),  # Solar Hijri years in Persian digits alone
        ("Fall 2018 – Spring 2020", [("2018", "2020", False)]),  # seasons do not break a range
        ("WS 2019 - SS 2021", [("2019", "2021", False)]),  # German terms
        ("Q1 2019 - Q3 2020", [("2019", "2020", False)]),
        ("2019 Nordwind Inc.", [("2019", None, False)]),  # a year and a word that is no month
    ],
)
def test_year_first_months_short_years_persian_digits_and_seasons(
    text: str, dates: list[tuple[str | None, str | None, bool]]
) -> None:
    assert _dates(text) == dates


def test_turkish_writes_the_month_name_after_the_year() -> None:
    with language_hint("tr"):
        assert _dates("2019 Ocak – 2020 Aralık") == [("2019-01", "2020-12", False)]
        assert _dates("2019 Haziran - Devam") == [("2019-06", None, True)]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Research Intern (Summer 2015-Spring 2016):", "Research Intern"),
        ("2022-2023г.: Окончил курс", "Окончил курс"),  # ru: the word "year" after the range
        ("Summer 2019 Internship", "Internship"),
    ],
)
def test_seasons_and_year_words_leave_with_their_dates(text: str, rest: str) -> None:
    assert _undated(text) == rest


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Career Highlights", "work"),
        ("Parcours", "work"),
        ("Academic Credentials", "education"),
        ("Schulischer Werdegang", "education"),  # not the career "Werdegang"
        ("Formation initiale", "education"),
        ("Technical Proficiencies", "skills"),
        ("Compétences clés", "skills"),
        ("Tech Stack", "skills"),
        ("Achievements and Awards", "awards"),
        ("Languages Spoken", "languages"),
        ("Nyelvismeret", "languages"),
        ("Språkkunskaper", "languages"),
        ("Professional Development", "certificates"),
        ("Contact Me", "basics"),
        ("Datos de contacto", "basics"),
        ("Persönliches", "basics"),
        ("References available upon request", "references"),
        ("Professional Affiliations", "other"),  # a heading of no section still ends the one before
        ("Military Service", "other"),
    ],
)
def test_more_heading_variants(heading: str, key: str) -> None:
    assert headings.lookup(heading) == key


@pytest.mark.parametrize("line", ["Portfolio", "Thesis", "Relevant Coursework", "Key", "Me"])
def test_words_that_label_a_link_or_a_line_of_an_entry_are_no_headings(line: str) -> None:
    assert headings.lookup(line) is None


@pytest.mark.parametrize(
    "text",
    [
        "2019 onwards",
        "2019 - Present Day",
        "2019 – auj.",
        "2019 – hasta ahora",
        "2019 – dziś",
        "2019 – şu an",
        "2019 óta",
        "2019-től",
        "2019 – nyt",
        "2019 – dosud",
        "2019 - الآن",
    ],
)
def test_more_words_for_an_open_end(text: str) -> None:
    assert _dates(text) == [("2019", None, True)]
    assert _undated(text) == ""


def test_open_source_work_is_a_projects_heading() -> None:
    assert headings.lookup("Open Source Projects") == "projects"
    assert headings.lookup("OPEN SOURCE PROJECTS") == "projects"
    assert headings.lookup("Open Source") is None  # alone, as often the name of an award or a talk
    assert headings.lookup("Open Source Contributions") == "projects"
    assert headings.lookup("Open source engineer at Northwind") is None


def test_a_heading_set_as_a_list_item_among_list_items_opens_its_section() -> None:
    # A theme marks each heading with a glyph, and the contact details under one too.
    lines = [Line("ADA EXAMPLE", bold=True, size=16.0), Line("ABOUT", bullet=True, bold=True, size=10.7)]
    lines += [Line("I build billing services.", size=7.1), Line("EXPERIENCE", bullet=True, bold=True, size=10.7)]
    lines += [Line("2019 – 2021 Engineer, Northwind Ltd", size=7.1)]
    lines += [Line("CONTACT", bullet=True, bold=True, size=10.7), Line("+1 555 0100", bullet=True, size=7.1)]
    lines += [Line("ada@example.com", bullet=True, size=7.1)]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["summary", "work", "basics"]
    # A known word among list items of its own look stays an item.
    items = [Line("Skills", level=0), Line("Python", bullet=True), Line("Experience", bullet=True)]
    items += [Line("Go", bullet=True)]
    _, sections = _find_sections(items, None)
    assert [s.key for s in sections] == ["skills"]


def test_an_entry_head_at_a_deeper_level_ending_in_a_heading_word_opens_no_section() -> None:
    lines = [Line("Experience", level=0, bold=True), Line("Northwind Technologies", level=1, bold=True)]
    lines += [Line("2019 – 2021 Engineer"), Line("Skills", level=0, bold=True), Line("Python")]
    lines += [Line("Languages", level=1, bold=True), Line("English")]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "skills", "languages"]


def test_a_known_word_set_smaller_inside_an_entry_section_is_a_caption_not_a_heading() -> None:
    # A school's "Courses" in the body's type, under headings of 11 pt.
    lines = [Line("Ada Example", size=16.0), Line("Summary", size=11.0), Line("I build billing services.", size=7.0)]
    lines += [Line("Education", size=11.0), Line("2015 – 2019 BSc Computing, Nordvale University", size=7.0)]
    lines += [Line("Courses", size=7.0), Line("Databases", size=7.0), Line("Compilers", size=7.0)]
    lines += [Line("Skills", size=11.0), Line("Python", size=7.0)]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["summary", "education", "skills"]


def test_the_end_of_a_sentence_on_a_line_of_its_own_is_no_heading() -> None:
    lines = [Line("Experience", bold=True), Line("2019 – 2021 Engineer, Northwind Ltd")]
    lines += [Line("Led a team of five and grew my leadership and soft"), Line("skills.")]
    lines += [Line("2017 – 2019 Developer, Contoso")]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work"]


def test_a_smaller_heading_with_a_colon_inside_an_entry_section_stays_a_heading() -> None:
    lines = [Line("פרטים אישיים:", size=14.0), Line("דנה לוי", size=11.0), Line("השכלה:", size=14.0)]
    lines += [Line("2015 - 2019 אוניברסיטה", size=11.0), Line("ניסיון תעסוקתי:", size=14.0)]
    lines += [Line("2019 - 2021 מהנדסת", size=11.0), Line("שפות:", size=12.0), Line("עברית, אנגלית", size=11.0)]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["basics", "education", "work", "languages"]


def test_sub_headings_at_a_deeper_level_divide_their_section_and_open_none() -> None:
    lines = [Line("Ada Example", level=-1), Line("Summary", level=0, bold=True), Line("I build services.")]
    lines += [Line("Skills", level=0, bold=True), Line("Tools", level=1, bold=True), Line("Git")]
    lines += [Line("Frameworks", level=1, bold=True), Line("Django")]
    lines += [Line("Interests", level=0, bold=True), Line("Outdoors", level=1, bold=True), Line("Cycling")]
    lines += [Line("Technology", level=1, bold=True), Line("Privacy")]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["summary", "skills", "skills", "interests"]
    assert [ln.text for ln in sections[-1].lines] == ["Outdoors", "Cycling", "Technology", "Privacy"]


def test_a_bold_caption_led_by_a_heading_of_two_words_opens_its_section() -> None:
    lines = [Line("Expériences professionnelles", bold=True), Line("Depuis 2018 Analyste, Northwind")]
    lines += [Line("Projets personnels consultables depuis mon portfolio :", bold=True)]
    lines += [Line("Février 2018 : une plateforme d’entraide")]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["work", "projects"]
    # One word of a heading does not lead: "Experience in Python:" is a caption of the section.
    lines = [Line("Skills", bold=True), Line("Experience in Python:", bold=True), Line("ten years")]
    _, sections = _find_sections(lines, None)
    assert [s.key for s in sections] == ["skills"]
