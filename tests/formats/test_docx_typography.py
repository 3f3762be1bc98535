"""DOCX typography (issue 16): dates that never break, one date for equal ends, a running header,
pages that keep heads with their text, no slanted CJK, French spacing, right-to-left documents."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import cvconvert
from cvconvert.formats._docx import i18n
from cvconvert.model import Resume
from tests.conftest import SAMPLES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "tr", "hu", "el", "sv", "id", "vi", "fa", "zh", "ja")
LANGUAGES += ("ko", "he", "ar")
NBSP, NNBSP = "\u00a0", "\u202f"


def parts(resume: Resume, **options: Any) -> dict[str, bytes]:
    data, _ = cvconvert.dumps(resume, "docx", **options)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def body(resume: Resume, **options: Any) -> Any:
    return etree.fromstring(parts(resume, **options)["word/document.xml"])


def texts(root: Any) -> list[str]:
    """Each paragraph's text, a tab as "\\t"."""
    pieces = ".//w:r/w:t | .//w:r/w:tab"
    return [
        "".join("\t" if e.tag.endswith("tab") else e.text or "" for e in p.xpath(pieces, namespaces=NS))
        for p in root.iter(f"{{{W}}}p")
    ]


def round_trips(resume: Resume, **options: Any) -> bool:
    data, _ = cvconvert.dumps(resume, "docx", **options)
    return cvconvert.read(data, "docx").to_data() == resume.to_data()


JOB = Resume.model_validate(
    {
        "basics": {"name": "Ada Example", "email": "ada@example.org"},
        "work": [
            {"name": "Northwind Ltd", "position": "Analyst", "startDate": "2020-02", "endDate": "2022-11-30"},
            {"name": "Contoso", "position": "Intern", "startDate": "2019", "endDate": "2019"},
            {"name": "Fabrikam", "position": "Tutor", "startDate": "2018-03-01", "endDate": "2018-03-20"},
        ],
        "references": [{"name": "Grace Example", "reference": "A careful analyst."}],
    }
)


def test_dates_and_ranges_never_break() -> None:
    lines = texts(body(JOB, lang="fr"))
    # A date with its day is shown whole, ISO 8601 with no-break hyphens: the page keeps the day,
    # so the data part keeps nothing of a date (deleted on the page, it is gone from the file).
    assert f"févr.{NBSP}2020{NBSP}–{NBSP}2022\u201111\u201130" in "\n".join(lines)
    assert i18n.nobreak("2019-20") == "2019\u201120"
    assert i18n.language("hu").date_range("2017-09", None) == f"2017.{NBSP}szept.{NBSP}–{NBSP}jelenleg"
    assert round_trips(JOB, lang="fr")


def test_equal_start_and_end_are_one_date_and_read_back_as_both() -> None:
    lines = texts(body(JOB))
    contoso = next(t for t in lines if t.startswith("Intern"))
    assert contoso == "Intern\t2019"
    fabrikam = next(t for t in lines if t.startswith("Tutor"))
    assert fabrikam == f"Tutor\t2018\u201103\u201101{NBSP}–{NBSP}2018\u201103\u201120"  # two days: both
    assert i18n.language("en").date_range("2023", "2023") == "2023"
    assert round_trips(JOB)


def test_pages_after_the_first_carry_the_name_by_a_field_and_page_n_of_m() -> None:
    package = parts(JOB, lang="de")
    document = etree.fromstring(package["word/document.xml"])
    section = document.find(".//w:body/w:sectPr", NS)
    assert section is not None and section.find("w:titlePg", NS) is not None
    references = section.findall("w:headerReference", NS)
    assert [r.get(f"{{{W}}}type") for r in references] == ["default"]  # the first page has none of ours
    rels = package["word/_rels/document.xml.rels"].decode()
    target = re.search(
        rf'Id="{references[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")}"[^>]*Target="([^"]+)"',
        rels,
    )
    assert target is not None
    header = etree.fromstring(package["word/" + target[1]])
    fields = [f.get(f"{{{W}}}instr") for f in header.iter(f"{{{W}}}fldSimple")]
    assert fields == [" STYLEREF Title \\* MERGEFORMAT ", " PAGE ", " NUMPAGES "]
    # The name is the STYLEREF field's (the Title paragraph's text): no copy of it in the header.
    assert "".join(header.itertext()).replace(NBSP, " ") == " · Seite 1 von 1"
    assert b"/word/header1.xml" in package["[Content_Types].xml"]
    # The schema's order in w:sectPr: header references first, titlePg before docGrid.
    names = [etree.QName(c).localname for c in section]
    assert names.index("headerReference") == 0 and names.index("titlePg") < names.index("docGrid")


def test_heads_keep_with_their_text_and_widows_are_controlled() -> None:
    package = parts(JOB)
    document = etree.fromstring(package["word/document.xml"])
    reference = next(p for p in document.iter(f"{{{W}}}p") if "".join(p.itertext()) == "Grace Example")
    assert reference.find("w:pPr/w:keepNext", NS) is not None  # a reference's name stays with its text
    styles = etree.fromstring(package["word/styles.xml"])
    assert styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:widowControl", NS) is not None
    for name in ("heading 1", "heading 2", "CV Details"):
        style = next(s for s in styles.iter(f"{{{W}}}style") if s.find("w:name", NS).get(f"{{{W}}}val") == name)
        assert style.find("w:pPr/w:keepNext", NS) is not None


def test_emphasis_never_slants_cjk_text() -> None:
    resume = Resume.model_validate(
        {"education": [{"institution": "北京大学", "studyType": "学士", "area": "计算机", "courses": ["算法"]}]}
    )
    document = body(resume, lang="zh")
    assert "课程：算法" in texts(document)  # a full-width colon, no space
    for run in document.iter(f"{{{W}}}r"):
        text = "".join(run.itertext())
        if re.search("[\u4e00-\u9fff]", text):
            italic = run.find("w:rPr/w:i", NS)
            # Off, also in the italic detail line (its style is italic): w:i w:val="0".
            assert italic is not None and italic.get(f"{{{W}}}val") == "0", text
    assert round_trips(resume, lang="zh")


def test_french_punctuation_gets_narrow_no_break_spaces() -> None:
    resume = Resume.model_validate(
        {
            "basics": {"name": "Léa Exemple", "summary": "Mon credo : « faire simple » !"},
            "skills": [{"name": "Back-end", "level": "Experte", "keywords": ["Rust"]}],
            "education": [{"institution": "Lycée", "courses": ["Maths"]}],
            "projects": [{"name": "Note\u00a0: déjà insécable"}],
        }
    )
    lines = texts(body(resume, lang="fr"))
    assert f"Mon credo{NNBSP}: «{NNBSP}faire simple{NNBSP}»{NNBSP}!" in lines
    assert f"Cours{NNBSP}: Maths" in lines
    assert f"Back-end — Experte{NNBSP}: Rust" in lines
    assert f"Note{NNBSP}: déjà insécable" in "\n".join(lines)
    # The spacing is typography: the résumé reads back as it was, its own no-break space too.
    assert round_trips(resume, lang="fr")
    english = texts(body(resume, lang="en"))
    assert "Mon credo : « faire simple » !" in english


@pytest.mark.parametrize(
    ("lang", "work", "present"),
    [("ar", "الخبرة المهنية", "حتى الآن"), ("he", "ניסיון תעסוקתי", "היום"), ("fa", "سوابق شغلی", "اکنون")],
)
def test_right_to_left_documents_are_mirrored_as_a_whole(lang: str, work: str, present: str) -> None:
    resume = Resume.model_validate(
        {
            "basics": {"name": "نور مثال", "email": "nour@example.org", "phone": "+20 2 1234 5678"},
            "work": [{"name": "Northwind", "position": "Analyst", "startDate": "2021-04"}],
            "education": [{"institution": "جامعة", "area": "Computer Science", "startDate": "2015", "endDate": "2019"}],
        }
    )
    document = body(resume, lang=lang)
    paragraphs = list(document.iter(f"{{{W}}}p"))
    # Every paragraph runs right to left, the contact line (Latin text) with the name above it.
    assert all(p.find("w:pPr/w:bidi", NS) is not None for p in paragraphs)
    assert document.find(".//w:body/w:sectPr/w:bidi", NS) is not None
    lines = texts(document)
    assert work in lines
    assert any(line.endswith(i18n.nobreak(present)) for line in lines)
    assert round_trips(resume, lang=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_its_headings_present_and_page_words(lang: str) -> None:
    assert i18n.has_titles(lang)
    assert set(i18n.TITLES[lang]) == set(i18n.TITLES["en"])
    assert set(i18n.LABELS[lang]) == set(i18n.LABELS["en"])
    assert "{page}" in i18n.LABELS[lang]["page"] and "{pages}" in i18n.LABELS[lang]["page"]
    language = i18n.language(lang)
    for month in range(1, 13):  # what the page shows reads back
        assert language.parse_date(i18n.nobreak(language.date(f"2017-{month:02d}"))) == f"2017-{month:02d}"
    sample = cvconvert.read(SAMPLES / "lea-dubois.fr.json")
    data, report = cvconvert.dumps(sample, "docx", lang=lang)
    assert not report.warnings and not report.losses
    assert cvconvert.read(data, "docx").to_data() == sample.to_data()


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="no LibreOffice")
def test_libreoffice_shows_the_running_header_from_page_two(tmp_path: Path) -> None:
    source = tmp_path / "cv.docx"
    cvconvert.write(cvconvert.read(SAMPLES / "wanru-zhao.json"), source)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pages = []
    for page in (1, 2):
        done = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(tmp_path / "cv.pdf"), "-"],
            check=True, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        pages.append(done.stdout.replace(NBSP, " "))
    assert "Page 1 of" not in pages[0]
    # The name is a STYLEREF field: Word shows it; LibreOffice reads the field from 24.2 on (its
    # release notes), an older one (7.4 here) shows nothing in its place.
    assert re.search(r"(Wanru Zhao)? · Page 2 of 2", pages[1])


def test_a_template_with_headers_of_its_own_gets_no_running_header(tmp_path: Path) -> None:
    import docx

    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Northwind Recruiting"
    path = tmp_path / "t.docx"
    template.save(str(path))
    package = parts(JOB, template=path)
    headers = [n for n in package if re.fullmatch(r"word/header\d+\.xml", n)]
    assert [b"Northwind Recruiting" in package[n] for n in headers] == [True]
    assert b"PAGE" not in b"".join(package[n] for n in headers)
