"""Best-effort reading of DOCX CVs that cvconvert did not write (cvconvert.extract).

Synthetic CVs are built here with python-docx (plus raw XML for a text box, which python-docx
cannot make), so the rules are exercised without the corpus; the labelled corpus in ../shared
is scored with ../shared/tools/score_extraction.py (skipped when ../shared is absent). Corpus
text is never printed: only file names and scores.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvconvert import limits
from cvconvert.errors import InvalidInputError, LimitExceededError
from cvconvert.extract import find_dates, headings
from cvconvert.extract.contact import _profile_path_ok
from cvconvert.extract.heads import _sentences, _split_head
from cvconvert.extract.lines import Line
from cvconvert.formats._docx.order import extract, read_lines
from cvconvert.model import DATE_PATTERN, Resume
from tests.conftest import sample_files, shared_files
from tests.helpers import zip_of
from tests.strategies import resume as resume_strategy

docx = pytest.importorskip("docx")

# --- building test documents ----------------------------------------------------------------


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _english_cv() -> bytes:
    d = docx.Document()
    d.add_paragraph("Jane Q. Example", style="Title")
    d.add_paragraph("Senior Data Engineer")
    d.add_paragraph("jane.example@example.org | +44 20 7946 0958 | London, UK | github.com/janeexample")
    d.add_heading("Summary", level=1)
    d.add_paragraph(
        "Data engineer with eight years of experience building reliable pipelines for analytics teams, "
        "and a taste for simple tools."
    )
    d.add_heading("Work Experience", level=1)
    d.add_paragraph("Acme Analytics Ltd — London\tJan 2020 to Present")
    d.add_paragraph("Senior Data Engineer")
    d.add_paragraph("Rebuilt the nightly batch as a streaming job", style="List Bullet")
    d.add_paragraph("Cut cloud costs by a third", style="List Bullet")
    d.add_paragraph("Widget Corp, Manchester\tSept. 2017 - Dec. 2019")
    d.add_paragraph("Data Analyst")
    d.add_paragraph("Built the first dashboard the board read", style="List Bullet")
    d.add_heading("Education", level=1)
    d.add_paragraph("University of Leeds\t2013 – 2017")
    d.add_paragraph("Bachelor of Science in Mathematics")
    d.add_heading("Skills", level=1)
    d.add_paragraph("Languages: Python, SQL, Scala")
    d.add_paragraph("Tools: Airflow, Spark, dbt")
    d.add_heading("Languages", level=1)
    d.add_paragraph("English (native), French (B2)")
    return _save(d)


def _german_cv() -> bytes:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Max Mustermann").bold = True
    d.add_paragraph("Telefon: +49 30 1234567")
    d.add_paragraph("E-Mail: max.mustermann@example.de")
    d.add_paragraph("Adresse: Musterstraße 5, 10115 Berlin")
    d.add_heading("Berufserfahrung", level=1)
    d.add_paragraph("03/2019 – heute\tSoftwareentwickler")
    d.add_paragraph("Beispiel GmbH, Berlin")
    d.add_paragraph("Entwicklung einer Buchungsplattform", style="List Bullet")
    d.add_paragraph("09/2016 – 02/2019\tWerkstudent")
    d.add_paragraph("Muster AG, Potsdam")
    d.add_heading("Ausbildung", level=1)
    d.add_paragraph("2012 - 2016\tBachelor of Science Informatik")
    d.add_paragraph("Technische Universität Berlin")
    d.add_heading("Sprachkenntnisse", level=1)
    d.add_paragraph("Deutsch: Muttersprache")
    d.add_paragraph("Englisch: fließend")
    return _save(d)


def _french_table_cv() -> bytes:
    """A layout table: captions in the left column, content in the right one."""
    d = docx.Document()
    d.add_paragraph("Camille Exemple", style="Title")
    d.add_paragraph("camille@example.fr")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).paragraphs[0].add_run("Expériences professionnelles").bold = True
    right = table.cell(0, 1)
    right.paragraphs[0].text = "Société Exemple SA – Lyon\t2018 — présent"
    right.add_paragraph("Développeuse Python")
    right.add_paragraph("Refonte du site interne", style="List Bullet")
    right.add_paragraph("Banque Démo – Paris\t2015 - 2018")
    right.add_paragraph("Stagiaire développement")
    table.cell(1, 0).paragraphs[0].add_run("Formation").bold = True
    table.cell(1, 1).paragraphs[0].text = "2012 – 2015 : Master Informatique : Université de Lyon"
    return _save(d)


_TEXTBOX = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
 <mc:AlternateContent>
  <mc:Choice Requires="wps">
   <w:drawing>
    <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0"
               locked="0" layoutInCell="1" allowOverlap="1">
     <wp:simplePos x="0" y="0"/>
     <wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>
     <wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>
     <wp:extent cx="{w}" cy="600000"/>
     <wp:docPr id="{id}" name="Text Box {id}"/>
     <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
      <wps:wsp><wps:spPr/><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>
     </a:graphicData></a:graphic>
    </wp:anchor>
   </w:drawing>
  </mc:Choice>
  <mc:Fallback>
   <w:pict><v:shape style="position:absolute"><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox>
   </v:shape></w:pict>
  </mc:Fallback>
 </mc:AlternateContent>
</w:r>
"""


def _textbox_cv() -> bytes:
    """Contact details in one floating text box, the sections in another; the second box comes
    first in the XML but sits lower on the page."""
    from docx.oxml import parse_xml

    def paras(*texts: str) -> str:
        return "".join(f"<w:p><w:r><w:t xml:space='preserve'>{t}</w:t></w:r></w:p>" for t in texts)

    d = docx.Document()
    anchor = d.add_paragraph()
    body = paras(
        "EXPERIENCE",
        "Initech Inc\tMay 2014 – Jun 2021",
        "Software Engineer",
        "EDUCATION",
        "State University\t2010-2014",
        "Bachelor of Arts in Economics",
    )
    top = paras("Peter Gibbons", "peter.gibbons@example.com", "+1 555 010 9999")
    anchor._p.append(parse_xml(_TEXTBOX.format(x=900000, y=3000000, w=5000000, id=1, paragraphs=body)))
    anchor._p.append(parse_xml(_TEXTBOX.format(x=900000, y=500000, w=5000000, id=2, paragraphs=top)))
    return _save(d)


def _spanish_key_value_cv() -> bytes:
    """Entries as captioned list items: "Institución: ...", "Período: ..."."""
    d = docx.Document()
    d.add_heading("Lucía Ejemplo", level=1)
    d.add_paragraph("Teléfono: +34 600 000 000")
    d.add_heading("Experiencia laboral", level=2)
    for title, org, period in (
        ("Soporte técnico:", "Institución: Empresa Demo SA, Madrid", "Período: 01/03/2021 - presente"),
        ("Analista de datos:", "Institución: Consultora Ficticia SL, Sevilla", "Período: 02/2018 - 12/2020"),
    ):
        d.add_paragraph(title, style="List Bullet")
        d.add_paragraph(org, style="List Bullet")
        d.add_paragraph("Labor realizada: monitoreo de redes y atención a usuarios internos", style="List Bullet")
        d.add_paragraph(period, style="List Bullet")
    d.add_heading("Estudios cursados", level=2)
    d.add_paragraph("Institución: Universidad de Ejemplo, Madrid", style="List Bullet")
    d.add_paragraph("Título: Grado en Ingeniería Informática", style="List Bullet")
    d.add_paragraph("Período: 2013 - 2017", style="List Bullet")
    return _save(d)


def _chinese_cv() -> bytes:
    d = docx.Document()
    d.add_paragraph("李雷", style="Title")
    d.add_paragraph("电话：13800000000  邮箱：lilei@example.cn")
    d.add_heading("工作经历", level=1)
    d.add_heading("示例科技有限公司 - 高级工程师（2019年3月-至今）", level=2)
    d.add_paragraph("负责数据平台的设计与开发。")
    d.add_heading("教育背景", level=1)
    d.add_paragraph("2012.09-2016.07  示例大学  计算机科学与技术  本科")
    return _save(d)


def _polish_cv() -> bytes:
    d = docx.Document()
    d.add_paragraph("Jan Przykład", style="Title")
    d.add_heading("Doświadczenie zawodowe", level=1)
    d.add_paragraph("Przykładowa Firma Sp. z o.o.\tstyczeń 2019 – obecnie")
    d.add_paragraph("Programista")
    return _save(d)


def _side_by_side_table_cv() -> bytes:
    """One table row holds two jobs: "Title, Org | dates | Org | date"."""
    d = docx.Document()
    d.add_paragraph("Sam Sample", style="Title")
    d.add_heading("Internships", level=1)
    table = d.add_table(rows=2, cols=4)
    rows = (
        ("Legal Intern, Alpha Associates", "Aug 2021 - Present", "Beta Commission", "Jan 2020"),
        ("Research Intern, Gamma Foundation", "May - Jun 2021", "Delta Authority", "Mar 2019"),
    )
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    return _save(d)


def _one_line_entries_cv() -> bytes:
    d = docx.Document()
    d.add_paragraph("John Smith", style="Title")
    d.add_paragraph("john@smith.example · +1 (555) 123-4567 · Austin, TX")
    d.add_heading("💼 Professional Experience", 1)
    d.add_paragraph("Software Engineer | Google | Mountain View, CA | 2019 – Present")
    d.add_paragraph("Built things", style="List Bullet")
    d.add_paragraph("Google, Mountain View — Intern (Jun 2018–Aug 2018)")
    d.add_heading("Education", 1)
    d.add_paragraph("M.S. Computer Science, Stanford University, 2017–2019")
    d.add_paragraph("B.S. in Mathematics — MIT — 2013 - 2017")
    return _save(d)


def _dates_column_cv() -> bytes:
    """Dates in the left column of a table, title and employer in the right one (German)."""
    d = docx.Document()
    d.add_paragraph("Curriculum Vitae – Erika Musterfrau")
    d.add_paragraph("erika@example.de")
    d.add_heading("Berufserfahrung", 1)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "01.2019 – 12.2020"
    t.cell(0, 1).text = "Projektleiterin"
    t.cell(0, 1).add_paragraph("Muster Software GmbH, Köln")
    t.cell(0, 1).add_paragraph("Leitung von drei Teams", style="List Bullet")
    t.cell(1, 0).text = "2016/03 - 2018/12"
    t.cell(1, 1).text = "Entwicklerin"
    t.cell(1, 1).add_paragraph("Beispiel AG, Bonn")
    return _save(d)


def _europass_cv() -> bytes:
    """The classic Europass table: a caption column and a value column."""
    d = docx.Document()
    d.add_paragraph("Europass Curriculum Vitae")
    rows = (
        ("First name(s) / Surname(s)", "Mario Rossi"),
        ("E-mail", "mario.rossi@example.it"),
        ("Telephone(s)", "+39 06 1234567"),
    )
    t = d.add_table(rows=len(rows), cols=2)
    for i, (a, b) in enumerate(rows):
        t.cell(i, 0).text, t.cell(i, 1).text = a, b
    d.add_paragraph("Work experience")
    rows = (
        ("Dates", "March 2015 - June 2018"),
        ("Occupation or position held", "Software developer"),
        ("Main activities and responsibilities", "Backend development"),
        ("Name and address of employer", "Acme S.p.A., Via Roma 1, 00100 Roma"),
    )
    t = d.add_table(rows=len(rows), cols=2)
    for i, (a, b) in enumerate(rows):
        t.cell(i, 0).text, t.cell(i, 1).text = a, b
    return _save(d)


def _sidebar_table_cv() -> bytes:
    """A two-column layout table: contact and skills on the left, the rest on the right."""
    d = docx.Document()
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].add_run("Kim Lee").bold = True
    for text in ("Contact", "kim.lee@example.com", "+82 10 1234 5678", "Seoul, South Korea", "Skills", "Python"):
        left.add_paragraph(text)
    for text in ("Languages", "Korean (native)", "English (C1)"):
        left.add_paragraph(text)
    right.paragraphs[0].text = "Experience"
    right.add_paragraph("Platform Engineer, Kakao Corp.\t2020 – Present")
    right.add_paragraph("Ran the clusters", style="List Bullet")
    right.add_paragraph("Education")
    right.add_paragraph("Seoul National University\t2012 – 2016")
    right.add_paragraph("B.Sc. Computer Science")
    return _save(d)


def _header_name_cv() -> bytes:
    """The name and contacts only in the page header; headings are bold capitals."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Petra Schmidt · petra.schmidt@example.de · 0176 1234 5678"
    for text, bold in (
        ("BERUFSERFAHRUNG", True),
        ("ACME CORP — Berlin\t03/2019 – heute", True),
        ("Senior Developer", False),
        ("SCHULBILDUNG", True),
        ("Gymnasium Musterstadt\t2005 – 2013", True),
        ("Abitur", False),
    ):
        d.add_paragraph().add_run(text).bold = bold
    return _save(d)


def _word_template_cv() -> bytes:
    """Word's own résumé templates: "Title | Company" in Heading 2, the dates in Heading 3."""
    d = docx.Document()
    d.add_paragraph("Pat Jordan", style="Title")
    d.add_paragraph("pat@jordan.example | 555-0100")
    d.add_heading("Experience", 1)
    d.add_heading("Marketing Manager | Contoso Ltd", 2)
    d.add_heading("January 2018 – Present", 3)
    d.add_paragraph("Led campaigns.")
    d.add_heading("Marketing Assistant | Fabrikam Inc", 2)
    d.add_heading("June 2015 – December 2017", 3)
    d.add_paragraph("Helped.")
    d.add_heading("Education", 1)
    d.add_heading("BA in Communications | University of Washington", 2)
    d.add_heading("2011 – 2015", 3)
    return _save(d)


# --- synthetic documents --------------------------------------------------------------------


def test_english_cv_gives_contacts_sections_and_entries() -> None:
    resume, report = extract(_english_cv())
    data = resume.to_data()
    basics = data["basics"]
    assert basics["name"] == "Jane Q. Example"
    assert basics["label"] == "Senior Data Engineer"
    assert basics["email"] == "jane.example@example.org"
    assert basics["phone"] == "+44 20 7946 0958"
    assert [p["network"] for p in basics["profiles"]] == ["GitHub"]
    assert basics["summary"].startswith("Data engineer with eight years")
    work = data["work"]
    assert [(w["name"], w["position"], w.get("startDate"), w.get("endDate")) for w in work] == [
        ("Acme Analytics Ltd", "Senior Data Engineer", "2020-01", None),
        ("Widget Corp", "Data Analyst", "2017-09", "2019-12"),
    ]
    assert work[1]["location"] == "Manchester"
    assert work[0]["highlights"] == ["Rebuilt the nightly batch as a streaming job", "Cut cloud costs by a third"]
    assert work[0]["location"] == "London"
    edu = data["education"][0]
    assert (edu["institution"], edu["studyType"], edu["area"]) == (
        "University of Leeds",
        "Bachelor of Science",
        "Mathematics",
    )
    assert (edu["startDate"], edu["endDate"]) == ("2013", "2017")
    assert {s["name"] for s in data["skills"]} == {"Languages", "Tools"}
    assert [lang["language"] for lang in data["languages"]] == ["English", "French"]
    assert any(n.path == "/work/1" and "'Work Experience'" in n.message and "confidence" in n.message for n in report)


def test_german_cv_reads_heute_and_german_headings() -> None:
    resume, _ = extract(_german_cv(), lang="de")
    data = resume.to_data()
    assert data["basics"]["name"] == "Max Mustermann"
    assert data["basics"]["phone"] == "+49 30 1234567"
    assert data["basics"]["location"]["city"] == "Berlin"
    work = data["work"]
    assert [(w["name"], w["position"], w.get("startDate"), w.get("endDate")) for w in work] == [
        ("Beispiel GmbH", "Softwareentwickler", "2019-03", None),
        ("Muster AG", "Werkstudent", "2016-09", "2019-02"),
    ]
    assert [w["location"] for w in work] == ["Berlin", "Potsdam"]
    edu = data["education"][0]
    assert edu["institution"] == "Technische Universität Berlin"
    assert (edu["startDate"], edu["endDate"]) == ("2012", "2016")
    assert [lang["language"] for lang in data["languages"]] == ["Deutsch", "Englisch"]


def test_table_layout_in_french_is_read_row_by_row() -> None:
    resume, _ = extract(_french_table_cv(), lang="fr")
    data = resume.to_data()
    assert data["basics"]["name"] == "Camille Exemple"
    work = data["work"]
    assert [(w["name"], w["position"], w.get("startDate")) for w in work] == [
        ("Société Exemple SA", "Développeuse Python", "2018"),
        ("Banque Démo", "Stagiaire développement", "2015"),
    ]
    assert "endDate" not in work[0]
    assert work[1]["endDate"] == "2018"
    edu = data["education"][0]
    assert (edu["institution"], edu["studyType"], edu["area"], edu["startDate"]) == (
        "Université de Lyon",
        "Master",
        "Informatique",
        "2012",
    )


def test_text_boxes_are_read_in_page_order_without_the_vml_copy() -> None:
    data = _textbox_cv()
    texts = [line.text for line in read_lines(data)]
    # Once each (mc:Fallback skipped), and the box higher on the page first.
    assert texts.count("Peter Gibbons") == 1
    assert texts.index("Peter Gibbons") < texts.index("EXPERIENCE")
    resume, _ = extract(data)
    out = resume.to_data()
    assert out["basics"]["name"] == "Peter Gibbons"
    assert out["basics"]["email"] == "peter.gibbons@example.com"
    assert out["work"][0]["name"] == "Initech Inc"
    assert (out["work"][0]["startDate"], out["work"][0]["endDate"]) == ("2014-05", "2021-06")
    assert out["education"][0]["institution"] == "State University"


def test_captioned_list_items_make_entries_in_spanish() -> None:
    resume, _ = extract(_spanish_key_value_cv(), lang="es")
    data = resume.to_data()
    assert data["basics"]["name"] == "Lucía Ejemplo"
    assert data["basics"]["phone"] == "+34 600 000 000"
    work = data["work"]
    assert [(w["name"], w["position"], w.get("startDate"), w.get("endDate")) for w in work] == [
        ("Empresa Demo SA", "Soporte técnico", "2021-03-01", None),
        ("Consultora Ficticia SL", "Analista de datos", "2018-02", "2020-12"),
    ]
    assert work[0]["location"] == "Madrid"
    edu = data["education"][0]
    assert (edu["institution"], edu["startDate"], edu["endDate"]) == ("Universidad de Ejemplo", "2013", "2017")
    assert edu["studyType"].startswith("Grado")


def test_chinese_cv_headings_and_dates() -> None:
    resume, _ = extract(_chinese_cv(), lang="zh")
    data = resume.to_data()
    assert data["basics"]["name"] == "李雷"
    assert data["basics"]["email"] == "lilei@example.cn"
    assert data["basics"]["phone"] == "13800000000"
    job = data["work"][0]
    assert (job["name"], job["position"], job["startDate"]) == ("示例科技有限公司", "高级工程师", "2019-03")
    assert "endDate" not in job
    edu = data["education"][0]
    assert (edu["institution"], edu["startDate"], edu["endDate"]) == ("示例大学", "2012-09", "2016-07")


def test_lang_teaches_month_names_from_cldr() -> None:
    resume, _ = extract(_polish_cv(), lang="pl")
    job = resume.to_data()["work"][0]
    assert job["name"] == "Przykładowa Firma Sp. z o.o."
    assert job["startDate"] == "2019-01"


def test_two_lists_side_by_side_in_one_table_stay_apart() -> None:
    resume, _ = extract(_side_by_side_table_cv())
    work = resume.to_data()["work"]
    assert [(w["name"], w.get("position"), w.get("startDate"), w.get("endDate")) for w in work] == [
        ("Alpha Associates", "Legal Intern", "2021-08", None),
        ("Gamma Foundation", "Research Intern", "2021-05", "2021-06"),
        ("Beta Commission", None, "2020-01", "2020-01"),
        ("Delta Authority", None, "2019-03", "2019-03"),
    ]


def test_one_line_entries_with_pipes_and_dashes() -> None:
    data = extract(_one_line_entries_cv())[0].to_data()
    assert data["basics"]["location"] == {"city": "Austin", "region": "TX"}
    work = data["work"]
    assert [(w["name"], w["position"], w["location"], w.get("startDate"), w.get("endDate")) for w in work] == [
        ("Google", "Software Engineer", "Mountain View, CA", "2019", None),
        ("Google", "Intern", "Mountain View", "2018-06", "2018-08"),
    ]
    edu = data["education"]
    assert [(e["institution"], e["studyType"], e.get("area")) for e in edu] == [
        ("Stanford University", "M.S. Computer Science", None),
        ("MIT", "B.S.", "Mathematics"),
    ]


def test_dates_column_and_german_compound_titles() -> None:
    data = extract(_dates_column_cv(), lang="de")[0].to_data()
    assert data["basics"]["name"] == "Erika Musterfrau"
    assert [(w["name"], w["position"], w["location"], w["startDate"], w["endDate"]) for w in data["work"]] == [
        ("Muster Software GmbH", "Projektleiterin", "Köln", "2019-01", "2020-12"),
        ("Beispiel AG", "Entwicklerin", "Bonn", "2016-03", "2018-12"),
    ]


def test_europass_caption_tables() -> None:
    data = extract(_europass_cv())[0].to_data()
    assert (data["basics"]["name"], data["basics"]["phone"]) == ("Mario Rossi", "+39 06 1234567")
    assert data["work"] == [
        {
            "name": "Acme S.p.A.",
            "location": "Via Roma 1, 00100 Roma",
            "position": "Software developer",
            "startDate": "2015-03",
            "endDate": "2018-06",
            "summary": "Main activities and responsibilities: Backend development",
        }
    ]


def test_sidebar_table_layout() -> None:
    data = extract(_sidebar_table_cv())[0].to_data()
    basics = data["basics"]
    assert (basics["name"], basics["email"], basics["location"]["city"]) == ("Kim Lee", "kim.lee@example.com", "Seoul")
    assert [(w["name"], w["position"], w["startDate"]) for w in data["work"]] == [
        ("Kakao Corp.", "Platform Engineer", "2020")
    ]
    assert [lang["language"] for lang in data["languages"]] == ["Korean", "English"]
    assert data["education"][0]["institution"] == "Seoul National University"


def test_name_in_the_page_header_and_bold_capital_headings() -> None:
    data = extract(_header_name_cv(), lang="de")[0].to_data()
    assert data["basics"]["name"] == "Petra Schmidt"
    assert data["basics"]["phone"] == "0176 1234 5678"
    assert [(w["name"], w["position"], w["location"], w["startDate"]) for w in data["work"]] == [
        ("ACME CORP", "Senior Developer", "Berlin", "2019-03")
    ]
    assert [(e["institution"], e["studyType"]) for e in data["education"]] == [("Gymnasium Musterstadt", "Abitur")]


def test_word_template_headings_for_title_and_dates() -> None:
    data = extract(_word_template_cv())[0].to_data()
    assert [
        (w["name"], w["position"], w.get("startDate"), w.get("endDate"), w.get("summary")) for w in data["work"]
    ] == [
        ("Contoso Ltd", "Marketing Manager", "2018-01", None, "Led campaigns."),
        ("Fabrikam Inc", "Marketing Assistant", "2015-06", "2017-12", "Helped."),
    ]
    edu = data["education"][0]
    assert (edu["institution"], edu["studyType"], edu["area"]) == ("University of Washington", "BA", "Communications")


def test_report_says_what_was_found_and_how_sure() -> None:
    _, report = extract(_german_cv())
    messages = [(n.path, n.message) for n in report]
    assert ("/work/0", "entry found under heading 'Berufserfahrung' (confidence 0.8)") in messages
    assert any(path == "/basics/name" and "confidence" in message for path, message in messages)
    assert all(n.kind == "warning" for n in report)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Sept. 2017 - Jul. 2021", "2017-09", "2021-07"),
        ("03/2019 – heute", "2019-03", None),
        ("2018 — présent", "2018", None),
        ("2019年3月-至今", "2019-03", None),
        ("Jan 2020 to Present", "2020-01", None),
        ("2015-2017", "2015", "2017"),
        ("May - Jun 2021", "2021-05", "2021-06"),
        ("Seit Februar 2014: Master", "2014-02", None),
        ("01/10/2018–continuing", "2018-10-01", None),
        ("2019.09.01‑2021.01", "2019-09-01", "2021-01"),
        ("с апреля 2022 по 2023 год", "2022-04", "2023"),
        ("desde marzo 2020 hasta la actualidad", "2020-03", None),
        ("de 2014 à 2016", "2014", "2016"),
    ],
)
def test_date_ranges_as_people_write_them(text: str, start: str, end: str | None) -> None:
    span = find_dates(text)[0]
    assert (span.start, span.end) == (start, end)


@settings(max_examples=200)
@given(
    text=st.text(alphabet=st.sampled_from(list("0123456789./-– :年月至今JanSeptMärzheutepresent ()[]")), max_size=60)
)
def test_find_dates_returns_valid_partial_dates_for_any_text(text: str) -> None:
    for span in find_dates(text):
        for value in (span.start, span.end):
            assert value is None or re.fullmatch(DATE_PATTERN, value)
        assert 0 <= span.begin < span.stop <= len(text)


def test_numbers_that_are_not_dates_are_not_dates() -> None:
    assert find_dates("ENG 1201 & ENG 1211") == []
    assert find_dates("+7 (900) 000 00 00") == []


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("WORK EXPERIENCE", "work"),
        ("Berufserfahrung:", "work"),
        ("Expériences Professionnelles", "work"),
        ("Experiencia laboral", "work"),
        ("Experiência Profissional", "work"),
        ("Опыт работы", "work"),
        ("工作经历", "work"),
        ("E D U C A T I O N", "education"),
        ("Formação", "education"),
        ("Образование:", "education"),
        ("Honors & Awards", "awards"),
        ("Sprachkenntnisse", "languages"),
    ],
)
def test_heading_vocabulary(heading: str, key: str) -> None:
    assert headings.lookup(heading) == key


def test_heading_lookup_refuses_sentences_and_urls() -> None:
    assert headings.lookup("https://example.org/projects") is None
    assert headings.lookup("Jump to Section Work Experience | Education | Nonsense") is None


# --- cvconvert's own DOCX, read as if someone else had written it ---------------------------


def _writer() -> Any:
    try:
        module = importlib.import_module("cvconvert.formats._docx.write")
    except ImportError:
        pytest.skip("the DOCX writer is not available")
    return module.write


@pytest.mark.parametrize("path", sample_files(), ids=[p.name for p in sample_files()])
def test_our_written_page_reads_back_without_the_hidden_data(path: Path) -> None:
    """The writer's page alone (no data part consulted) gives back names, organisations and dates."""
    source = Resume.model_validate(json.loads(path.read_text(encoding="utf-8")))
    data, _ = _writer()(source)
    got, _ = extract(data)
    want, have = source.to_data(), got.to_data()
    assert have["basics"]["name"] == want["basics"]["name"]
    for key, org in (("work", "name"), ("education", "institution")):
        assert [e.get(org) for e in have.get(key, [])] == [e.get(org) for e in want.get(key, [])]
        assert [e.get("endDate") for e in have.get(key, [])] == [e.get("endDate") or None for e in want.get(key, [])]
    assert {k for k, v in have.items() if isinstance(v, list)} == {
        k for k, v in want.items() if isinstance(v, list) and v
    }


@settings(max_examples=25)
@given(resume=resume_strategy)
def test_any_written_resume_extracts_without_crashing(resume: Resume) -> None:
    data, _ = _writer()(resume)
    got, report = extract(data)
    assert isinstance(got, Resume)
    assert all(n.kind == "warning" for n in report)


_WORDS = st.sampled_from(
    [
        "Experience",
        "EDUCATION",
        "Berufserfahrung",
        "工作经历",
        "Skills:",
        "Jan 2020 – Present",
        "2015-2017",
        "03/2019 – heute",
        "2019年3月-至今",
        "ACME GmbH",
        "University of Leeds",
        "Engineer",
        "Master of Science",
        "•",
        "–",
        "|",
        "\t",
        ":",
        "(",
        ")",
        "jane@example.org",
        "+49 30 1234567",
        "github.com/x",
        "Name:",
        "Seit",
        "bei",
        "at",
        "as",
        "Période :",
        "Institución:",
        "🙂",
        "שלום",
        "...",
        "2019.09.01‑2021.01",
        "à",
        "au",
        "Filière ;",
        "M.Sc.",
        "Fellow.",
        "学校：",
        "专业：",
        "求职意向：",
        "ETUDES",
        "Digitale Fähigkeiten",
    ]
)
_LINES = st.lists(
    st.tuples(
        st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=6).map(" ".join),
        st.sampled_from(["Normal", "Title", "Heading 1", "Heading 2", "List Bullet"]),
        st.booleans(),
    ),
    max_size=25,
)


def _xml_safe(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n" or (ord(ch) >= 32 and not 0xD800 <= ord(ch) <= 0xDFFF))


@settings(max_examples=40)
@given(lines=_LINES, cells=st.lists(_WORDS, max_size=8))
def test_any_arrangement_of_cv_like_lines_extracts_without_crashing(
    lines: list[tuple[str, str, bool]], cells: list[str]
) -> None:
    d = docx.Document()
    for text, style, bold in lines:
        d.add_paragraph(style=style).add_run(_xml_safe(text)).bold = bold
    if cells:
        table = d.add_table(rows=len(cells) // 2 + 1, cols=2)
        for i, text in enumerate(cells):
            table.cell(i // 2, i % 2).text = _xml_safe(text)
    resume, report = extract(_save(d))
    assert isinstance(resume, Resume)
    assert all(n.kind == "warning" for n in report)


# --- hostile input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "not a Word file"),
        (b"just some text, not a zip", "not a Word file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "OLE"),
        (zip_of({"hello.txt": b"hi"}), "no word/document.xml"),
    ],
    ids=["empty", "not-a-zip", "ole", "no-document"],
)
def test_bad_input_is_one_line_invalid_input(data: bytes, words: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        extract(data)
    assert words in str(info.value)
    assert "\n" not in str(info.value)


def test_truncated_zip_is_invalid_input() -> None:
    data = _english_cv()
    with pytest.raises(InvalidInputError) as info:
        extract(data[: len(data) // 2])
    assert "\n" not in str(info.value)


def test_zip_bomb_is_refused_by_declared_size_before_inflating() -> None:
    bomb = zip_of({"word/document.xml": b"<a>" + b" " * 3_000_000 + b"</a>"})
    assert len(bomb) < 50_000
    with limits.using(max_member_bytes=1_000_000), pytest.raises(LimitExceededError) as info:
        extract(bomb)
    assert "word/document.xml" in str(info.value)


def test_a_damaged_optional_part_is_skipped_with_a_note() -> None:
    source = zipfile.ZipFile(io.BytesIO(_english_cv()))
    members = {info.filename: source.read(info) for info in source.infolist()}
    members["word/styles.xml"] = b"<w:styles><broken>"
    resume, report = extract(zip_of(members))
    assert resume.basics is not None and resume.basics.name == "Jane Q. Example"
    assert any(n.path == "" and n.message.startswith("word/styles.xml skipped: not well-formed") for n in report)


def test_malformed_document_xml_is_invalid_input() -> None:
    with pytest.raises(InvalidInputError):
        extract(zip_of({"word/document.xml": b"<w:document><w:body>"}))


# --- the corpus -----------------------------------------------------------------------------

CORPUS = shared_files("corpus/docx", "*.docx")


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_every_corpus_file_reads_and_gives_a_name(path: Path) -> None:
    resume, report = extract(path.read_bytes())
    assert resume.basics is not None and resume.basics.name, path.name
    assert any(n.path == "/basics/name" for n in report)


# The labelled corpus is scored for DOCX and PDF in tests/extract/test_corpus_scores.py.


# --- rules found on a blind, held-out labelling of unlabelled corpus files --------------------


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("EXPERIENCE PROFESSIONNELLE", "work"),  # capitals typed without accents
        ("EXPERIENCE PROFESSIONNELLES", "work"),  # singular and plural mixed
        ("LANGUES ETRANGERES", "languages"),
        ("ETUDES", "education"),
        ("FORMATION SUIVIE", "education"),
        ("Digitale Fähigkeiten", "skills"),  # a list heading with a word in front of it
        ("Programming Languages", "skills"),  # not spoken languages
        ("技能评价", "skills"),
    ],
)
def test_heading_variants(heading: str, key: str) -> None:
    assert headings.lookup(heading) == key


@pytest.mark.parametrize(
    "line",
    [
        "Resume",  # an English document title, not the French "résumé"
        "Position",  # single words keep their plural s: not "Positions"
        "Student",
        "Stage",
        "Key Achievements",  # only skills keep their meaning behind any word: these are entries
        "Postdoctoral Fellowship",
        "Final Year Project",
        "Driving License",
        "Favourite Books",
    ],
)
def test_bare_forms_and_qualifiers_do_not_invent_headings(line: str) -> None:
    assert headings.lookup(line) is None


def test_technical_languages_are_skills() -> None:
    assert headings.lookup("Markup Languages") == "skills"


def test_the_accented_french_summary_heading_is_still_known() -> None:
    assert headings.lookup("RÉSUMÉ") == "summary"  # only the bare "Resume" is refused


@pytest.mark.parametrize(
    "head",
    [
        "M.Sc. Physics, University of Leeds.",
        "Asst. Prof. of Mathematics, Calif. State University.",
        "Sr. Engineer, Acme Mfg. Co. Ohio.",
        "Dr. rer. nat. Physics, Universität Bonn.",
        "Dipl.-Ing. Maschinenbau, TU Dresden.",
        "J. R. Example Lab, Testville.",  # initials
        "Wiss. Mitarbeiter, Universität Bonn.",
        "МГУ им. М. В. Ломоносова, Москва.",
        "Hauptstr. 5, Berlin.",  # a number follows
        "Dipl.-Inf. Informatik, TU Berlin.",
        "Mag. Rechtswissenschaften, Universität Wien.",
        "Dipl.-Biol. Meeresökologie, Universität Kiel.",  # any "Dipl.-X."
        "Geb. 12, Campus Nord.",  # any word before a number
    ],
)
def test_abbreviations_do_not_end_a_sentence(head: str) -> None:
    assert _sentences(head) == [head]


@pytest.mark.parametrize(
    ("head", "pieces"),
    [
        ("Research Lab. Department of Zoology", ["Research Lab", "Department of Zoology"]),
        ("Researcher, CNRS. Institut Exemple", ["Researcher, CNRS", "Institut Exemple"]),  # capitals
        ("Aix-Marseille. France", ["Aix-Marseille", "France"]),  # a hyphenated word
        ("Head of IT. Acme Ltd. Berlin", ["Head of IT", "Acme Ltd. Berlin"]),
    ],
)
def test_a_full_stop_after_a_word_ends_a_sentence(head: str, pieces: list[str]) -> None:
    assert _sentences(head) == pieces


@pytest.mark.parametrize(
    ("head", "key", "want"),
    [
        ("Sr. Engineer, Acme Mfg. Co. Ohio", "work", {"role": "Sr. Engineer", "org": "Acme Mfg. Co. Ohio"}),
        # "à" is not "at the school" when the school is named already, or before a place or a country.
        (
            "Licence Informatique, Université Paris 8 à Saint-Denis",
            "education",
            {"role": "Licence Informatique", "org": "Université Paris 8 à Saint-Denis"},
        ),
        ("Licence à Paris, France", "education", {"role": "Licence à Paris, France"}),
        ("Master au Canada", "education", {"role": "Master au Canada"}),
        ("Baccalauréat au Sénégal", "education", {"role": "Baccalauréat au Sénégal"}),
    ],
)
def test_entry_heads_the_new_rules_leave_alone(head: str, key: str, want: dict[str, str]) -> None:
    assert _split_head([Line(head)], key) == (want, [])


def test_a_captioned_field_of_study_ends_at_the_next_comma() -> None:
    fields, _ = _split_head([Line("MSc, Major: Computer Science, MIT")], "education")
    assert (fields["area"], fields["role"]) == ("Computer Science", "MSc, MIT")


def test_only_a_line_that_ends_as_a_sentence_is_split_at_its_full_stops() -> None:
    # "Kaufm." (kaufmännischer) is an abbreviation the list does not know.
    fields, _ = _split_head([Line("Kaufm. Angestellter, Beispiel GmbH")], "work")
    assert any(value.startswith("Kaufm. Angestellter") for value in fields.values())


def _french_school_list_cv() -> bytes:
    d = docx.Document()
    d.add_paragraph("Prénom : Awa")
    d.add_paragraph("Nom : Exemple")
    d.add_paragraph("E-mail : awa.exemple@example.org")
    d.add_paragraph("FORMATION SUIVIE")
    d.add_paragraph("*2013 : BFEM au lycée de Testville")
    d.add_paragraph("*2016 BACCALAUREAT lycée de Testville")
    d.add_paragraph("*2018 : LICENCE 2 à ECOLEX Filière ; INFORMATIQUE DE GESTION")
    d.add_paragraph("LANGUES ETRANGERES")
    d.add_paragraph("*Anglais : écrit")
    return _save(d)


def test_french_school_lines_with_a_and_au_and_a_captioned_field() -> None:
    data = extract(_french_school_list_cv(), lang="fr")[0].to_data()
    education = data["education"]
    assert education[0] == {"institution": "lycée de Testville", "studyType": "BFEM", "endDate": "2013"}
    # A bullet glued to the year ("*2016") once shifted the date's offsets: "2 BACCALAUREAT".
    assert education[1]["institution"].startswith("BACCALAUREAT")
    assert education[2] == {
        "institution": "ECOLEX",
        "studyType": "LICENCE 2",
        "area": "INFORMATIQUE DE GESTION",
        "endDate": "2018",
    }
    assert data["languages"] == [{"language": "Anglais", "fluency": "écrit"}]


def _academic_sentences_cv() -> bytes:
    d = docx.Document()
    d.add_paragraph("Pat Example", style="Title")
    d.add_heading("Relevant Employment", level=2)
    d.add_paragraph(
        "2015 - 2018. Senior Research Fellow in Applied Statistics. School of Mathematics, "
        "University of Testville, Australia."
    )
    d.add_paragraph(
        "2013 - 2014. Post-Doctoral Research Assistant, Example Research Lab. Department of Zoology, "
        "University of Otherplace, New Zealand."
    )
    return _save(d)


def test_entry_heads_written_as_sentences() -> None:
    work = extract(_academic_sentences_cv())[0].to_data()["work"]
    first, second = work
    assert first["position"] == "Senior Research Fellow in Applied Statistics"
    assert (first["name"], first["location"]) == ("School of Mathematics, University of Testville", "Australia")
    assert (first["startDate"], first["endDate"]) == ("2015", "2018")
    assert second["position"] == "Post-Doctoral Research Assistant"
    # Of a lab beside the title and a university after it, the university employs (the labels'
    # convention; the lab is a team within it).
    assert second["name"] == "Department of Zoology, University of Otherplace"


def _text_box_cv(*lines: str) -> bytes:
    """One text box holding ``lines``, in that reading order."""
    from docx.oxml import parse_xml

    paragraphs = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{t}</w:t></w:r></w:p>" for t in lines)
    d = docx.Document()
    d.add_paragraph()._p.append(parse_xml(_TEXTBOX.format(x=900000, y=500000, w=5000000, id=1, paragraphs=paragraphs)))
    return _save(d)


def _personal_block_in_text_boxes_cv() -> bytes:
    # The reading order puts the work heading inside the personal block.
    return _text_box_cv(
        "姓名：王小明",
        "邮箱：xiaoming@example.cn",
        "工作经历",
        "专业：信息与计算科学",
        "学校：示例大学",
        "职位：高级工程师",  # an entry's caption, even inside the personal block
        "求职意向：前端开发",
        "2015.06—至今  示例科技有限公司  前端开发",
    )


def test_personal_captions_count_where_text_boxes_put_them() -> None:
    data = extract(_personal_block_in_text_boxes_cv(), lang="zh")[0].to_data()
    assert data["basics"]["label"] == "前端开发"  # not the 职位 caption above it
    assert data["education"] == [{"institution": "示例大学", "area": "信息与计算科学"}]
    # The personal captions taken are not read again as part of the work section.
    assert [w.get("name") for w in data["work"] if w.get("startDate")] == ["示例科技有限公司"]
    assert not any("求职意向" in str(w) or "示例大学" in str(w) or "信息与计算科学" in str(w) for w in data["work"])


def test_personal_captions_taken_are_not_read_again_by_the_section_around_them() -> None:
    data = extract(
        _text_box_cv(
            "姓名：王小明",
            "邮箱：xiaoming@example.cn",
            "专业技能",
            "学校：示例大学",
            "专业：信息与计算科学",
            "求职意向：前端开发",
            "Python、Java",
        ),
        lang="zh",
    )[0].to_data()
    assert data["basics"]["label"] == "前端开发"
    assert data["education"] == [{"institution": "示例大学", "area": "信息与计算科学"}]
    skills = str(data.get("skills"))
    assert "Python" in skills
    assert not any(word in skills for word in ("示例大学", "信息与计算科学", "前端开发"))


def test_in_text_boxes_the_personal_block_crosses_one_heading_only() -> None:
    data = extract(
        _text_box_cv(
            "Sam Example",
            "Email: sam@example.org",
            "Phone: +44 20 7946 0000",
            "Languages",
            "English: native",
            "Skills",
            "Python: expert",
            "References",
            "Referee: Ada Referee",
            "Profession: Lecturer",
            "School: Lincoln High School",
        )
    )[0].to_data()
    assert data["basics"].get("label") != "Lecturer"
    assert "education" not in data


def test_the_label_line_is_part_of_the_personal_block() -> None:
    d = docx.Document()
    d.add_paragraph("Email: jo@example.org")
    d.add_paragraph("Jo Example", style="Title")
    d.add_paragraph("Frontend Developer")
    d.add_paragraph("School: Example University")
    d.add_paragraph("Major: Computer Science")
    data = extract(_save(d))[0].to_data()
    assert data["basics"]["label"] == "Frontend Developer"
    assert data["education"] == [{"institution": "Example University", "area": "Computer Science"}]


def _teacher_cv() -> bytes:
    d = docx.Document()
    d.add_paragraph("Sam Example", style="Title")
    d.add_paragraph("Email: sam@example.org")
    d.add_paragraph("Phone: +44 20 7946 0000")
    d.add_heading("Experience", level=1)
    d.add_paragraph("2015 - 2020 Teacher of Mathematics, Lincoln High School")
    d.add_paragraph("Taught four classes a year.")
    d.add_paragraph("School: Lincoln High School")
    d.add_paragraph("Degree: none required")
    d.add_heading("References", level=1)
    d.add_paragraph("Dr. Ada Referee")
    d.add_paragraph("Profession: Lecturer")
    return _save(d)


def test_captions_far_from_the_contact_details_stay_where_they_are() -> None:
    data = extract(_teacher_cv())[0].to_data()
    assert "education" not in data  # "School:" inside a job is not a school attended
    assert data["basics"].get("label") != "Lecturer"  # a referee's profession is not the label


def _captions_under_headings_cv() -> bytes:
    d = docx.Document()
    d.add_paragraph("Sam Example", style="Title")
    d.add_paragraph("Email: sam@example.org")
    d.add_paragraph("Phone: +44 20 7946 0000")
    d.add_heading("Experience", level=1)
    d.add_paragraph("School: Lincoln High School")
    d.add_paragraph("2015 - 2020 Teacher of Mathematics")
    d.add_heading("Languages", level=1)
    d.add_paragraph("English: native")
    d.add_heading("References", level=1)
    d.add_paragraph("Referee: Ada Referee")
    d.add_paragraph("Profession: Lecturer")
    return _save(d)


def test_in_body_text_the_personal_block_ends_at_a_heading() -> None:
    # Only text boxes scramble the reading order; in the body, captions under a heading belong to it.
    data = extract(_captions_under_headings_cv())[0].to_data()
    assert "education" not in data
    assert data["basics"].get("label") != "Lecturer"


_HEAD_WORDS = st.sampled_from(
    ["Fellow", "Research", "Inc", "M.Sc", "Lab", "School", "of", "Zoology", "Prof", "2015", "Dipl.-Ing", "Über"]
)
_HEAD_TEXT = st.lists(
    st.tuples(_HEAD_WORDS, st.sampled_from([". ", ".  ", ", ", " ", "."])).map("".join), max_size=12
).map("".join)


@given(st.one_of(_HEAD_TEXT, st.text(max_size=200)))
def test_sentence_split_keeps_the_text_in_order(text: str) -> None:
    """The pieces and the full stops between them make up the text again, nothing else."""
    pattern = r"\.\s+".join("(" + re.escape(piece) + ")" for piece in _sentences(text))
    assert re.fullmatch(pattern, text, flags=re.DOTALL)


@given(st.text(max_size=80))
def test_heading_lookup_answers_a_section_or_none(text: str) -> None:
    assert headings.lookup(text) in {None, *headings.HEADINGS.values()}


@pytest.mark.parametrize(
    ("url", "profile"),
    [
        ("https://leetcode.com/u/example-user/", True),  # LeetCode's current profile address
        ("leetcode.com/U/example-user", True),
        ("leetcode.com/example-user", True),
        ("https://leetcode.com/problems/two-sum/", False),
        ("https://github.com/example-user", True),
        ("https://github.com/example-user/project", False),  # a repository, not the account
        ("https://www.linkedin.com/in/example-user", True),
    ],
)
def test_profile_addresses_are_account_pages(url: str, profile: bool) -> None:
    assert _profile_path_ok(url) is profile


# --- issue 12, item 5: every pass over the lines is linear ------------------------------------
# Each document below took from minutes to hours before its fix. The bound is generous (each
# reads in well under a second here); what it catches is a pass that grows with the square of
# the document, or worse.

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_NS = (
    f'{_W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
_SECONDS = 15.0


def _para(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _word(body: str, header: str | None = None) -> bytes:
    members = {"word/document.xml": b""}
    sect = ""
    if header is not None:
        members["word/header1.xml"] = f"<w:hdr {_W}>{header}</w:hdr>".encode()
        members["word/_rels/document.xml.rels"] = (
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"'
            b' Target="header1.xml"/></Relationships>'
        )
        sect = '<w:sectPr><w:headerReference w:type="default" r:id="rH"/></w:sectPr>'
    members["word/document.xml"] = f"<w:document {_NS}><w:body>{body}{sect}</w:body></w:document>".encode()
    return zip_of(members)


def _timed_extract(data: bytes) -> tuple[Resume, float]:
    import time

    start = time.monotonic()
    resume, _ = extract(data)
    return resume, time.monotonic() - start


def test_issue_12_a_page_header_of_60000_lines_reads_within_the_time_bound(tmp_path: Path) -> None:
    """Header lines were de-duplicated by comparing each with every one kept (past 60 s)."""
    from tests.helpers import run_bounded

    header = "".join(_para(f"line {i}") for i in range(60_000)) + _para("line 7")
    source = tmp_path / "header.docx"
    source.write_bytes(_word(_para("Experience", "Heading1"), header))
    assert len(source.read_bytes()) < 400_000
    code, err, _, seconds = run_bounded("convert", str(source), "-", "--to", "json")
    assert code == 0, err[-500:]
    assert seconds < 60
    # The repeated running head is still read once.
    assert [ln.text for ln in read_lines(source.read_bytes())].count("line 7") == 1


def test_issue_12_text_boxes_nested_in_text_boxes_are_read_once_each() -> None:
    """Each box was read from every box around it as well: twice the work per level."""
    inner = _para("core")
    for level in range(24):  # 6 elements a level: within max_xml_depth
        inner = (
            f'<w:p>{_para(f"level {level}")[5:-6]}<w:r><w:pict><v:shape style="position:absolute;left:{level}pt">'
            f"<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
        )
    drawing = _para("core")
    for level in range(24):  # 9 elements a level
        drawing = (
            f'<w:p>{_para(f"box {level}")[5:-6]}<w:r><w:drawing><wp:inline><wp:extent cx="10" cy="10"/>'
            "<a:graphic><a:graphicData><wps:wsp><wps:txbx>"
            f"<w:txbxContent>{drawing}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
            "</wp:inline></w:drawing></w:r></w:p>"
        )
    for body, word in ((inner, "level"), (drawing, "box")):
        data = _word(body)
        texts = [ln.text for ln in read_lines(data)]
        assert texts.count("core") == 1 and texts.count(f"{word} 0") == 1
        _, seconds = _timed_extract(data)
        assert seconds < _SECONDS


def test_issue_12_a_preface_of_the_name_again_and_again_is_linear() -> None:
    """The label search asked a list of every line holding the name, for each such line."""
    import time

    from cvconvert.extract.contact import _Basics
    from cvconvert.report import Report

    region = [Line("Jane Example", para=i) for i in range(50_000)]
    region += [Line("Jane Example, again", para=i) for i in range(50_000, 100_000)]
    basics = _Basics(region, [], region, Report())
    basics.data["name"] = "Jane Example"
    start = time.monotonic()
    basics._label(region)
    assert time.monotonic() - start < _SECONDS


def test_issue_12_a_long_skills_list_of_language_names_is_linear() -> None:
    """Language names moved from the skills to an empty languages section: a list search per line."""
    body = _para("Jane Example", "Title") + _para("Skills", "Heading1") + _para("English") * 20_000
    body += _para("Languages", "Heading1")
    resume, seconds = _timed_extract(_word(body))
    assert resume.languages is not None and len(resume.languages) == 20_000
    assert seconds < _SECONDS


def test_issue_12_thousands_of_personal_sections_with_captioned_skills_are_linear() -> None:
    """Each "Skills: ..." line outside a section of its own asked every section for its key."""
    body = (_para("Personal details", "Heading1") + _para("Skills: Python")) * 15_000
    resume, seconds = _timed_extract(_word(body))
    assert resume.skills is not None
    assert seconds < _SECONDS


def test_issue_12_thousands_of_one_letter_text_boxes_are_linear() -> None:
    """Boxes of one letter each are joined into rows; each box tried every row made so far."""
    boxes = "".join(
        f'<v:shape style="position:absolute;margin-left:{i % 7}pt;margin-top:{i * 20}pt;width:5pt;height:10pt">'
        f"<v:textbox><w:txbxContent>{_para(chr(97 + i % 26))}</w:txbxContent></v:textbox></v:shape>"
        for i in range(20_000)
    )
    data = _word(f"<w:p><w:r><w:pict>{boxes}</w:pict></w:r></w:p>")
    assert len(read_lines(data)) == 20_000
    _, seconds = _timed_extract(data)
    assert seconds < _SECONDS


@pytest.mark.parametrize(
    "unit",
    [
        "a.",  # addresses and e-mail: "a.a.a.a..." was tried from every letter
        "-a",
        "1a",
        "\u2028",  # a line separator is a space to the patterns, and was never collapsed
        "\t\u2028",
        "a,",
        ":",
        " ,",
    ],
)
def test_issue_12_a_paragraph_of_a_megabyte_reads_within_the_time_bound(unit: str) -> None:
    """Several rules backtracked in time that grew with the square of the line (hours for 1 MB)."""
    text = unit * (1_000_000 // len(unit))
    for body in (
        _para(text),
        _para("Education", "Heading1") + _para("Degree: " + text) + _para("2019 - 2020"),
    ):
        _, seconds = _timed_extract(_word(body))
        assert seconds < 4 * _SECONDS


# --- results are a pure function of the input (issue 14) --------------------------------------


def test_issue_14_a_language_hint_holds_for_its_own_call_only() -> None:
    # learn_language added a hint's month names for the whole process, so a batch's result for
    # a file depended on the files read before it with another hint.
    d = docx.Document()
    d.add_paragraph("Jan Example", style="Title")
    d.add_heading("Work Experience", level=1)
    d.add_paragraph("Example Company Ltd\tlipiec 2019 – 2021")
    d.add_paragraph("Engineer")
    english = _save(d)
    alone = extract(english)[0].to_data()
    assert extract(_polish_cv(), lang="pl")[0].work[0].startDate == "2019-01"  # type: ignore[index]
    assert extract(english)[0].to_data() == alone  # the Polish hint did not outlive its call
    assert extract(english, lang="pl")[0].work[0].startDate == "2019-07"  # type: ignore[index]  # lipiec: July
    assert extract(english)[0].to_data() == alone


def test_word_list_numbers_are_list_marks_and_a_blank_list_level_marks_nothing() -> None:
    # A python-docx document whose "Heading 1" is tied to a list level that shows nothing (as
    # Word templates number their headings), with items numbered by Word ("List Number": "1.").
    from docx.oxml import parse_xml as docx_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        docx_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(docx_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    heading = d.styles["Heading 1"].element.get_or_add_pPr()
    heading.append(docx_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="90"/></w:numPr>'))
    d.add_paragraph("Ada Example", style="Title")
    d.add_heading("Achievements", level=1)
    d.add_paragraph("Opened the Leeds office", style="List Number")
    d.add_paragraph("Halved the build time", style="List Number")
    lines = read_lines(_save(d))
    assert [(ln.text, ln.bullet) for ln in lines] == [
        ("Ada Example", False),
        ("Achievements", False),
        ("Opened the Leeds office", True),
        ("Halved the build time", True),
    ]
