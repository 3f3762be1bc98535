"""DOCX: the Word CV we write, reading it back (also after a person edits it in Word), bad input."""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx2python import docx2python
from hypothesis import assume, given
from hypothesis import strategies as st

import cvconvert
from cvconvert import cli
from cvconvert.errors import InvalidInputError, LimitExceededError, OptionError
from cvconvert.formats._docx import layout
from cvconvert.formats._docx.i18n import untypeset
from cvconvert.model import Resume
from cvconvert.report import Report
from tests.conftest import SAMPLES, corpus_resumes, sample_files
from tests.helpers import zip_of
from tests.strategies import resume as resumes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SAMPLE = SAMPLES / "wanru-zhao.json"
CORPUS, NOT_RESUMES = corpus_resumes()


def write(resume: Resume, **options: Any) -> tuple[bytes, Report]:
    return cvconvert.dumps(resume, "docx", **options)


def read(data: bytes, **options: Any) -> tuple[Resume, Report]:
    return cvconvert.read_with_report(data, "docx", **options)


def merged(data: bytes) -> Resume:
    """Read with the page merged field by field, as after an edit (the page's fingerprint dropped)."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members = {n: src.read(n) for n in src.namelist()}
    part = next(n for n in members if n.startswith("customXml/item") and b"urn:cvconvert" in members[n][:400])
    members[part] = re.sub(rb' page="[0-9a-f]*"', b' page=""', members[part])
    return read(zip_of(members))[0]


def sample() -> Resume:
    return cvconvert.read(SAMPLE)


def document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def saved(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def marks(paragraph: Any) -> list[str]:
    return [str(n) for n in paragraph._p.xpath(".//w:bookmarkStart/@w:name")]


def entry_paragraphs(doc: Any, section: str, index: int) -> list[Any]:
    """The paragraphs of one entry: from its bookmarked first line to the next entry or heading."""
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if f"_cv_{section}_{index}" in marks(p))
    out = [paragraphs[start]]
    for p in paragraphs[start + 1 :]:
        if p.style.name in ("Heading 1", "Heading 2", "CV Item") or any(m.startswith("_cv_") for m in marks(p)):
            break
        out.append(p)
    return out


def field_runs(paragraphs: list[Any], style: str) -> list[Any]:
    return [r for p in paragraphs for r in p.runs if r.style is not None and r.style.name == style]


# --- lossless round trips ----------------------------------------------------------------------


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_samples_round_trip_exactly(path: Path) -> None:
    resume = cvconvert.read(path)
    data, report = write(resume)
    back, notes = read(data)
    assert back.to_data() == resume.to_data()
    assert not report.losses and not report.warnings and not notes.notes
    assert merged(data).to_data() == resume.to_data()
    # Opened and saved again without a change (python-docx rewrites every part): still the same.
    assert read(saved(document(data)))[0].to_data() == resume.to_data()


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_corpus_resumes_round_trip_exactly(path: Path) -> None:
    resume = cvconvert.read(path)
    data, report = write(resume)
    back, _ = read(data)
    assert back.to_data() == resume.to_data()
    assert merged(data).to_data() == resume.to_data()
    assert not report.losses


@given(resumes, st.sampled_from(["en", "de", "fr", "es", "zh", "ar"]))
def test_any_resume_round_trips_exactly(resume: Resume, lang: str) -> None:
    data, report = write(resume, lang=lang)
    back, _ = read(data)
    assert back.to_data() == resume.to_data()
    assert merged(data).to_data() == resume.to_data()
    assert not report.losses


def test_text_xml_cannot_hold_is_kept_and_left_off_the_page() -> None:
    hostile = "a\x0bb\x01c\r\nd <&]]> "
    resume = Resume.model_validate(
        {"basics": {"name": hostile, "summary": " \x00 lead"}, "work": [{"name": "x\ufffe"}]}
    )
    data, report = write(resume)
    assert not report.losses and not report.warnings
    # What the page cannot hold is said to be kept in the data part, field by field.
    assert sorted(n.path for n in report.hidden) == ["/basics/name", "/basics/summary", "/work/0/name"]
    assert document(data).paragraphs[0].text == "abc\nd <&]]> "
    back, _ = read(data)
    assert back.to_data() == resume.to_data()
    assert merged(data).to_data() == resume.to_data()


def test_profiles_without_links_or_networks_stay_apart() -> None:
    resume = Resume.model_validate(
        {"basics": {"profiles": [{"url": "not a link"}, {"username": "2021-07", "x-a": 1}, {"network": "X"}]}}
    )
    assert merged(write(resume)[0]).to_data() == resume.to_data()


def test_exact_dates_are_shown_whole_and_kept() -> None:
    resume = Resume.model_validate({"work": [{"name": "ACME", "startDate": "2017-09-15", "endDate": "2019"}]})
    data, _ = write(resume)
    text = "\n".join(p.text for p in document(data).paragraphs)
    # The day on the page (ISO 8601, no-break hyphens: a range never breaks), none in the data part.
    assert "2017\u201109\u201115\u00a0–\u00a02019" in text
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert b"-15" not in package.read("customXml/item1.xml")
    assert merged(data).to_data() == resume.to_data()


# --- the page a person sees ---------------------------------------------------------------------


def test_page_uses_real_word_styles_and_no_layout_tables() -> None:
    data, _ = write(sample())
    doc = document(data)
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[0] == "Title" and doc.paragraphs[0].text == "Wanru Zhao"
    assert styles[1:3] == ["CV Contact", "CV Contact"]
    assert {"Heading 1", "Heading 2", "List Bullet", "CV Details", "CV Item"} <= set(styles)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [
        "Experience",
        "Education",
        "Projects",
        "Publications",
        "Awards",
        "Volunteering",
        "Skills",
    ]
    assert not doc.tables
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "txbxContent" not in xml and "<w:tbl>" not in xml and "<w:sdt>" not in xml


@pytest.mark.parametrize("template", [False, True], ids=["built-in", "python-docx template"])
def test_every_part_has_its_content_type(template: bool, tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    docx.Document().save(path)
    data, _ = write(sample(), template=str(path) if template else None)
    package = zipfile.ZipFile(io.BytesIO(data))
    types = package.read("[Content_Types].xml").decode()
    overrides = dict(re.findall(r'PartName="([^"]+)" ContentType="([^"]+)"', types))
    names = {"/" + n for n in package.namelist()}
    assert set(overrides) <= names  # no override names a missing part
    for part in ("document.main", "styles", "numbering", "settings"):
        assert any(t.endswith(f"wordprocessingml.{part}+xml") for t in overrides.values()), part
    assert overrides["/word/document.xml"].endswith("document.main+xml")


def test_contact_links_are_live() -> None:
    data, _ = write(sample())
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    assert 'Target="mailto:zhaowrenee@gmail.com" TargetMode="External"' in rels
    assert 'Target="https://github.com/Ryan0v0" TargetMode="External"' in rels
    contact = document(data).paragraphs[2]
    assert any(link.url == "https://github.com/Ryan0v0" for link in contact.hyperlinks)


def test_dates_read_as_people_write_them() -> None:
    data, _ = write(sample())
    text = untypeset("\n".join(p.text for p in document(data).paragraphs))
    assert "Sep 2017 – Jul 2021" in text
    assert "Jan 2021 – Present" in text
    assert "AAAI 2020\t2020" in text  # a year-only date stays a year


def visible_values(resume: Resume) -> list[str]:
    """Every value the page shows, in the order it shows them (the layout table's order)."""
    data = resume.to_data()
    i18n = cvconvert.formats._docx.i18n
    lang = i18n.language(i18n.told(data))  # without lang, the page speaks the résumé's language
    basics = data.get("basics", {})
    out = [basics[k] for k in ("name", "label") if k in basics]
    location = basics.get("location", {})
    out += [
        layout.display("country" if k == "countryCode" else "text", location[k], lang)
        for k in layout.LOCATION_FIELDS
        if k in location
    ]
    out += [basics[k] for k in layout.CONTACT_FIELDS if k in basics]
    for profile in basics.get("profiles", []):
        out += [profile[k] for k in ("network", "username") if k in profile]
    if "summary" in basics:
        out.append(basics["summary"])
    for key in layout.DEFAULT_ORDER[1:]:
        section = layout.SECTIONS[key]
        for entry in data.get(key, []):
            head = [section.head] + ([section.sub] if section.sub else [])
            for line in head:
                for part in (*line.left, *line.right):
                    if part.field in entry:
                        out.append(layout.display(part.kind, entry[part.field], lang))
                        if part.field == "endDate" and out[-1] == layout.display("date", entry.get("startDate"), lang):
                            out.pop()  # equal start and end: one date on the page
            out += [entry[k] for k in section.texts if k in entry]
            out += [", ".join(entry[k]) for k in section.lists if k in entry]
            if section.bullets:
                out += entry.get(section.bullets, [])
    return [v for v in out if v]


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_an_ats_finds_every_visible_value_in_order(path: Path, tmp_path: Path) -> None:
    resume = cvconvert.read(path)
    target = tmp_path / "cv.docx"
    cvconvert.write(resume, target)
    with docx2python(target, html=False) as extracted:
        text = untypeset(extracted.text)  # no-break spaces and hyphens are typography
    position = 0
    for value in visible_values(resume):
        found = text.find(untypeset(value), position)
        assert found >= 0, f"value #{visible_values(resume).index(value)} not found in order"
        position = found + len(value)


def test_cjk_text_has_an_east_asian_font_and_the_language_is_set() -> None:
    resume = Resume.model_validate({"basics": {"name": "王如", "label": "工程师"}, "work": [{"name": "北京大学"}]})
    data, _ = write(resume, lang="zh")
    package = zipfile.ZipFile(io.BytesIO(data))
    xml = package.read("word/document.xml").decode()
    assert re.search(r'<w:rFonts w:eastAsia="[^"]+"[^>]*/><w:t[^>]*>王如', xml) or 'w:eastAsia="Microsoft YaHei"' in xml
    styles = package.read("word/styles.xml").decode()
    assert 'w:val="zh-CN"' in styles and 'w:eastAsia="Microsoft YaHei"' in styles
    assert document(data).core_properties.language == "zh-CN"
    assert "工作经历" in [p.text for p in document(data).paragraphs]


def test_right_to_left_paragraphs_are_marked_bidi() -> None:
    resume = Resume.model_validate({"basics": {"name": "مرحبا بالعالم", "label": "Engineer"}})
    doc = document(write(resume)[0])
    title, label = doc.paragraphs[:2]
    assert title._p.pPr.find(f"{{{W}}}bidi") is not None
    assert label._p.pPr.find(f"{{{W}}}bidi") is None


@pytest.mark.parametrize(
    ("lang", "heading", "date"),
    [
        ("en", "Education", "Sep 2017 – Jul 2021"),
        ("de", "Ausbildung", "Sept. 2017 – Juli 2021"),
        ("fr", "Formation", "sept. 2017 – juil. 2021"),
        ("es", "Formación", "sept 2017 – jul 2021"),
        ("zh", "教育背景", "2017年9月 – 2021年7月"),
    ],
)
def test_language_translates_headings_and_months(lang: str, heading: str, date: str) -> None:
    data, _ = write(sample(), lang=lang)
    texts = [untypeset(p.text) for p in document(data).paragraphs]
    assert heading in texts
    assert any(date in t for t in texts)
    assert merged(data).to_data() == sample().to_data()


def test_unknown_language_is_an_option_error() -> None:
    with pytest.raises(OptionError):
        write(sample(), lang="xx-nope")


@pytest.mark.parametrize(
    ("page", "size"), [("A4", (11906, 16838)), ("Letter", (12240, 15840)), ("letter", (12240, 15840))]
)
def test_page_size(page: str, size: tuple[int, int]) -> None:
    section = document(write(sample(), page=page)[0]).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == size


def test_page_size_defaults_to_letter_in_north_america() -> None:
    resume = Resume.model_validate({"basics": {"name": "A", "location": {"countryCode": "US"}}})
    assert document(write(resume)[0]).sections[0].page_width.twips == 12240
    assert document(write(sample())[0]).sections[0].page_width.twips == 11906
    with pytest.raises(OptionError):
        write(sample(), page="A5")


def test_document_properties_say_the_language_and_copy_nothing_off_the_page() -> None:
    # A name deleted on the page must not stay in the file's properties (issue #15).
    props = document(write(sample())[0]).core_properties
    assert (props.title, props.subject, props.author) == ("", "", "")
    assert props.language == "en-US"


def test_sections_option_orders_and_leaves_out() -> None:
    resume = sample()
    data, report = write(resume, sections="skills,work")
    headings = [p.text for p in document(data).paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Skills", "Experience"]
    assert {n.path for n in report.losses} == {"/volunteer", "/education", "/awards", "/publications", "/projects"}
    back = read(data)[0].to_data()
    assert back["work"] == resume.to_data()["work"] and "projects" not in back
    data2, _ = write(resume, sections=["education"])
    assert [p.text for p in document(data2).paragraphs if p.style.name == "Heading 1"] == ["Education"]
    with pytest.raises(OptionError):
        write(resume, sections="work,hobbies")


def test_summary_is_a_section_that_can_be_left_out() -> None:
    resume = Resume.model_validate({"basics": {"name": "A", "summary": "Builds things."}, "work": [{"name": "B"}]})
    data, _ = write(resume)
    assert [p.text for p in document(data).paragraphs][1:3] == ["Summary", "Builds things."]
    _, report = write(resume, sections="work")
    assert [n.path for n in report.losses] == ["/basics/summary"]


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_template_styles_and_page_setup_are_used(tmp_path: Path, suffix: str) -> None:
    from docx.shared import Cm

    doc = docx.Document()
    doc.sections[0].left_margin = Cm(3.1)
    doc.styles["Heading 1"].font.size = docx.shared.Pt(17)
    doc.add_paragraph("template body text that must not appear")
    path = tmp_path / f"mine{suffix}"
    doc.save(path)
    if suffix == ".dotx":
        _make_template(path)
    data, _ = write(sample(), template=str(path))
    out = document(data)
    assert out.sections[0].left_margin.twips == int(Cm(3.1).twips)
    assert out.styles["Heading 1"].font.size == docx.shared.Pt(17)
    assert "template body text" not in "\n".join(p.text for p in out.paragraphs)
    assert [p.style.name for p in out.paragraphs][:2] == ["Title", "CV Contact"]
    assert merged(data).to_data() == sample().to_data()
    again, _ = write(sample(), template=str(path), page="Letter")
    assert document(again).sections[0].page_width.twips == 12240


def _make_template(path: Path) -> None:
    """Turn a .docx into a .dotx: the main part's content type is the only difference."""
    with zipfile.ZipFile(path) as src:
        members = {n: src.read(n) for n in src.namelist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"document.main+xml", b"template.main+xml")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)


def test_template_without_list_bullet_gets_one_with_its_own_numbering(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    docx.Document().save(path)
    with zipfile.ZipFile(path) as src:
        members = {n: src.read(n) for n in src.namelist()}
    styles = members["word/styles.xml"].decode()
    members["word/styles.xml"] = re.sub(
        r'<w:style [^>]*w:styleId="ListBullet".*?</w:style>', "", styles, flags=re.S
    ).encode()
    path.write_bytes(zip_of(members))
    data, _ = write(sample(), template=str(path))
    out = document(data)
    bullets = [p for p in out.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == sum(len(e.highlights or []) for e in [*sample().work, *sample().projects])
    num_id = out.styles["List Bullet"].element.pPr.numPr.numId.val
    numbering = zipfile.ZipFile(io.BytesIO(data)).read("word/numbering.xml").decode()
    assert f'w:numId="{num_id}"' in numbering and 'w:lvlText w:val="•"' in numbering
    assert merged(data).to_data() == sample().to_data()


def test_a_bad_template_is_an_option_error(tmp_path: Path) -> None:
    bad = tmp_path / "t.dotx"
    bad.write_bytes(b"nope")
    with pytest.raises(OptionError):
        write(sample(), template=str(bad))
    with pytest.raises(OptionError):
        write(sample(), template=str(tmp_path / "missing.dotx"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_renders_the_sample_on_two_pages(tmp_path: Path) -> None:
    from pypdf import PdfReader

    cvconvert.convert(SAMPLE, tmp_path / "cv.docx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "cv.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert len(PdfReader(tmp_path / "cv.pdf").pages) <= 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("path", [SAMPLE, SAMPLES / "lea-dubois.fr.json"], ids=lambda p: p.name)
def test_saved_again_by_libreoffice_reads_the_same(path: Path, tmp_path: Path) -> None:
    resume = cvconvert.read(path)
    (tmp_path / "in").mkdir()
    source = tmp_path / "in" / "cv.docx"
    cvconvert.write(resume, source, lang="fr" if "fr" in path.name else "en")
    subprocess.run(
        # A profile of its own: two LibreOffice processes sharing one (tests run in parallel) fail.
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (tmp_path / "cv.docx").read_bytes() != source.read_bytes()
    assert cvconvert.read(tmp_path / "cv.docx").to_data() == resume.to_data()


# --- a person edits the document in Word --------------------------------------------------------


def edited(mutate: Any, resume: Resume | None = None) -> tuple[dict[str, Any], dict[str, Any], Report]:
    resume = resume or sample()
    doc = document(write(resume)[0])
    mutate(doc)
    back, report = read(saved(doc))
    return resume.to_data(), back.to_data(), report


def test_without_any_bookmark_entries_are_matched_by_their_text() -> None:
    def mutate(doc: Any) -> None:
        for mark in doc.element.body.xpath(".//w:bookmarkStart|.//w:bookmarkEnd"):
            mark.getparent().remove(mark)

    before, after, _ = edited(mutate)
    assert after == before


TEXT_STYLES = {
    layout.FIELD_STYLES[key]: key
    for key in {k for s in layout.SECTIONS.values() for k, part in s.parts.items() if part.kind == "text"}
}


def tagged_text_runs(doc: Any) -> list[tuple[str, int, str, Any]]:
    """(section, entry index, field, run) of every text field run inside an entry."""
    found = []
    section, index = None, None
    for p in doc.paragraphs:
        for mark in marks(p):
            if m := re.match(r"^_cv_([a-z]+)(?:_(\d+))?$", mark):
                section, index = m[1], int(m[2]) if m[2] is not None else None
        for run in p.runs:
            name = run.style.name if run.style is not None else ""
            if section in layout.SECTIONS and index is not None and name in TEXT_STYLES:
                found.append((section, index, TEXT_STYLES[name], run))
    return found


@given(resumes, st.data())
def test_any_field_typed_over_is_read_from_the_page(resume: Resume, data: st.DataObject) -> None:
    doc = document(write(resume)[0])
    runs = tagged_text_runs(doc)
    if not runs:
        return
    section, index, key, run = data.draw(st.sampled_from(runs))
    run.text = "Typed over in Word"
    expected = resume.to_data()
    expected[section][index][key] = "Typed over in Word"
    assert read(saved(doc))[0].to_data() == expected


@given(resumes, st.data())
def test_any_bullet_deleted_is_gone(resume: Resume, data: st.DataObject) -> None:
    doc = document(write(resume)[0])
    bullets = []
    section, index = None, None
    n = 0
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            section = None  # a custom section's list is no entry's highlights
        for mark in marks(p):
            if m := re.match(r"^_cv_([a-z]+)_(\d+)$", mark):
                section, index, n = m[1], int(m[2]), 0
        if p.style.name == "List Bullet" and section is not None:
            bullets.append((section, index, n, p))
            n += 1
    if not bullets:
        return
    section, index, n, p = data.draw(st.sampled_from(bullets))
    # Two bullets of one entry that look the same on the page (say '' and a lone control
    # character, which the page cannot show) cannot be told apart once one is deleted: which
    # exact hidden value survives is then a guess (docs/docx.md, "limits").
    twins = [q for s_, i_, _, q in bullets if (s_, i_) == (section, index) and q is not p and q.text == p.text]
    assume(not twins)
    p._p.getparent().remove(p._p)
    expected = resume.to_data()
    items = expected[section][index]["highlights"]
    del items[n]
    if not items:
        del expected[section][index]["highlights"]
    assert read(saved(doc))[0].to_data() == expected


def test_runs_split_by_word_still_make_one_value() -> None:
    # Word splits a run wherever an edit happened (revision ids) and adds proofing marks between.
    def mutate(doc: Any) -> None:
        (run,) = field_runs(entry_paragraphs(doc, "work", 0), "CV Position")
        second = copy.deepcopy(run._r)
        run._r.addnext(second)
        run._r.addnext(run._r.makeelement(f"{{{W}}}proofErr", {f"{{{W}}}type": "spellStart"}))
        text = run.text
        run.text = text[:10]
        docx.text.run.Run(second, run._parent).text = text[10:] + " (promoted)"

    before, after, _ = edited(mutate)
    assert after["work"][0]["position"] == before["work"][0]["position"] + " (promoted)"


def test_changed_job_title_is_read_from_the_page() -> None:
    def mutate(doc: Any) -> None:
        (run,) = field_runs(entry_paragraphs(doc, "work", 1), "CV Position")
        run.text = "Senior Algorithm Engineer"

    before, after, _ = edited(mutate)
    assert after["work"][1]["position"] == "Senior Algorithm Engineer"
    after["work"][1]["position"] = before["work"][1]["position"]
    assert after == before


def test_rewritten_deleted_and_added_bullets() -> None:
    def mutate(doc: Any) -> None:
        bullets = [p for p in entry_paragraphs(doc, "work", 1) if p.style.name == "List Bullet"]
        bullets[0].text = "Rewrote the core engine."
        bullets[1]._p.getparent().remove(bullets[1]._p)
        new = copy.deepcopy(bullets[-1]._p)
        bullets[-1]._p.addnext(new)
        docx.text.paragraph.Paragraph(new, bullets[-1]._parent).text = "Mentored two interns."

    before, after, report = edited(mutate)
    old = before["work"][1]["highlights"]
    assert after["work"][1]["highlights"] == ["Rewrote the core engine.", old[2], old[3], "Mentored two interns."]
    after["work"][1]["highlights"] = old
    assert after == before
    assert not report.notes


def test_a_job_copied_in_the_same_styles_is_a_new_job() -> None:
    def mutate(doc: Any) -> None:
        paragraphs = entry_paragraphs(doc, "work", 1)
        anchor = paragraphs[-1]._p
        for p in paragraphs:
            new = copy.deepcopy(p._p)
            for mark in new.xpath(".//w:bookmarkStart|.//w:bookmarkEnd"):
                mark.getparent().remove(mark)  # Word does not copy a bookmark: its name is unique
            anchor.addnext(new)
            anchor = new
        copies = entry_paragraphs_after(doc, paragraphs[-1])
        field_runs(copies, "CV Name")[0].text = "Acme Robotics"
        field_runs(copies, "CV Position")[0].text = "Research Engineer"
        field_runs(copies, "CV Start Date")[0].text = "Nov 2020"
        field_runs(copies, "CV End Date")[0].text = "Present"
        bullets = [p for p in copies if p.style.name == "List Bullet"]
        bullets[0].text = "Built robots."
        for extra in bullets[1:]:
            extra._p.getparent().remove(extra._p)

    resume = sample().model_copy()
    resume.work[1].__pydantic_extra__["x-note"] = "hidden"  # type: ignore[index]
    before, after, _ = edited(mutate, resume)
    assert len(after["work"]) == 3
    new = after["work"][2]
    assert new == {
        "name": "Acme Robotics",
        "location": "Beijing, China",
        "position": "Research Engineer",
        "startDate": "2020-11",
        "summary": "Mentors: Ruihao Gong, Fengwei Yu",
        "highlights": ["Built robots."],
    }
    assert after["work"][:2] == before["work"]  # the original keeps its hidden x-note


def entry_paragraphs_after(doc: Any, last: Any) -> list[Any]:
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p._p is last._p) + 1
    out = [paragraphs[start]]
    for p in paragraphs[start + 1 :]:
        if p.style.name in ("Heading 1", "Heading 2"):
            break
        out.append(p)
    return out


def test_a_job_typed_in_plain_heading_styles_is_read() -> None:
    def mutate(doc: Any) -> None:
        first = entry_paragraphs(doc, "work", 0)[0]
        first.insert_paragraph_before("Initech\tAustin, TX", style="Heading 2")
        first.insert_paragraph_before("Engineer\t2016 – Dec 2019", style="CV Details")
        first.insert_paragraph_before("Fixed the printers.", style="List Bullet")

    before, after, _ = edited(mutate)
    assert after["work"][0] == {
        "name": "Initech",
        "location": "Austin, TX",
        "position": "Engineer",
        "startDate": "2016",
        "endDate": "2019-12",
        "highlights": ["Fixed the printers."],
    }
    assert after["work"][1:] == before["work"]


def test_a_job_typed_with_dates_on_its_first_line() -> None:
    def mutate(doc: Any) -> None:
        first = entry_paragraphs(doc, "work", 0)[0]
        first.insert_paragraph_before("Initech\tMar 2016 – Present", style="Heading 2")

    _, after, _ = edited(mutate)
    assert after["work"][0] == {"name": "Initech", "startDate": "2016-03"}


def test_deleted_job_and_field_are_gone() -> None:
    def mutate(doc: Any) -> None:
        for p in entry_paragraphs(doc, "work", 0):
            p._p.getparent().remove(p._p)
        for run in field_runs(entry_paragraphs(doc, "education", 0), "CV Score"):
            run.text = ""

    before, after, _ = edited(mutate)
    assert after["work"] == before["work"][1:]
    assert "score" not in after["education"][0]
    assert after["education"][1] == before["education"][1]


def test_edited_date_is_parsed_and_unchanged_exact_date_kept() -> None:
    resume = Resume.model_validate(
        {"education": [{"institution": "U", "startDate": "2017-09-03", "endDate": "2021-07-01", "x-id": 7}]}
    )

    def mutate(doc: Any) -> None:
        (run,) = field_runs(entry_paragraphs(doc, "education", 0), "CV End Date")
        run.text = "Aug 2021"

    _, after, _ = edited(mutate, resume)
    assert after["education"] == [{"institution": "U", "startDate": "2017-09-03", "endDate": "2021-08", "x-id": 7}]


def test_moved_job_and_renamed_heading() -> None:
    def mutate(doc: Any) -> None:
        first = entry_paragraphs(doc, "work", 0)[0]._p
        for p in entry_paragraphs(doc, "work", 1):
            first.addprevious(p._p)
        heading = next(p for p in doc.paragraphs if p.text == "Experience")
        heading.runs[0].text = "Where I worked"

    before, after, _ = edited(mutate)
    assert after["work"] == before["work"][::-1]
    after["work"] = before["work"]
    assert after == before


def test_edited_german_date_is_read_in_german() -> None:
    def mutate(doc: Any) -> None:
        (run,) = field_runs(entry_paragraphs(doc, "education", 0), "CV Start Date")
        assert run.text == "Sept.\u00a02017"
        run.text = "Okt. 2016"
        (run,) = field_runs(entry_paragraphs(doc, "education", 0), "CV End Date")
        run.text = "März 2021"

    resume = sample()
    doc = document(write(resume, lang="de")[0])
    mutate(doc)
    after = read(saved(doc))[0].to_data()
    assert (after["education"][0]["startDate"], after["education"][0]["endDate"]) == ("2016-10", "2021-03")


def test_edited_name_contact_and_country() -> None:
    def mutate(doc: Any) -> None:
        doc.paragraphs[0].runs[0].text = "Renee Zhao"
        (run,) = field_runs(doc.paragraphs[1:3], "CV Country")
        run.text = "Germany"
        (run,) = field_runs(doc.paragraphs[1:3], "CV Phone")
        run.text = "+49 30 1234"

    before, after, _ = edited(mutate)
    assert after["basics"]["name"] == "Renee Zhao"
    assert after["basics"]["location"]["countryCode"] == "DE"
    assert after["basics"]["phone"] == "+49 30 1234"
    assert after["basics"]["profiles"] == before["basics"]["profiles"]


def test_a_date_that_cannot_be_read_is_left_out_with_a_loss() -> None:
    def mutate(doc: Any) -> None:
        (run,) = field_runs(entry_paragraphs(doc, "work", 1), "CV Start Date")
        run.text = "the spring of that year"

    before, after, report = edited(mutate)
    # The data part holds no shown value (a deleted one must not stay in the file), so there is
    # no earlier value to keep: the date is left out, and said so.
    del before["work"][1]["startDate"]
    assert after == before
    assert [(n.path, n.message) for n in report] == [
        ("/work/1/startDate", "a date on the page that could not be read; left out")
    ]


def test_edited_keywords_are_split_at_commas() -> None:
    def mutate(doc: Any) -> None:
        (run,) = field_runs(entry_paragraphs(doc, "skills", 4), "CV Keywords")
        run.text = "Spark, Hadoop, Kafka"

    _, after, _ = edited(mutate)
    assert after["skills"][4]["keywords"] == ["Spark", "Hadoop", "Kafka"]


def test_text_typed_outside_any_field_goes_to_the_summary_with_a_warning() -> None:
    def mutate(doc: Any) -> None:
        bullets = [p for p in entry_paragraphs(doc, "work", 0) if p.style.name == "List Bullet"]
        bullets[0].insert_paragraph_before("Promoted twice.", style="Normal")

    _, after, report = edited(mutate)
    assert after["work"][0]["summary"] == "Mentors: Minjie Wang\nPromoted twice."
    assert [n.path for n in report.warnings] == ["/work/0/summary"]


# --- one rule for the text of a run: our reader and the extractor agree -------------------------

_SPECIAL_RUN = (
    '<w:r><w:t>Jean</w:t><w:noBreakHyphen/><w:t>Luc</w:t><w:tab/><w:t>x</w:t><w:br w:type="page"/>'
    '<w:t>y</w:t><w:softHyphen/><w:sym w:font="Arial" w:char="2022"/><w:sym w:font="Wingdings" w:char="F0A7"/>'
    '<w:sym w:char="zz"/><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>z</w:t></w:r>'
)


def test_special_runs_show_one_text_for_every_reader() -> None:
    from lxml import etree

    from cvconvert.formats._docx.runs import TEXT_TAGS, text_of

    run = etree.fromstring(f'<w:p xmlns:w="{W}">{_SPECIAL_RUN}</w:p>')[0]
    shown = "".join(text_of(el) for el in run.iter() if el.tag in TEXT_TAGS)
    assert shown == "Jean\u2011Luc\tx\ny\u00ad\u2022\tz"


def test_a_non_breaking_hyphen_is_a_hyphen_to_the_extractor_however_it_is_spelled() -> None:
    from cvconvert.formats._docx.order import read_lines

    body = (
        f"<w:p>{_SPECIAL_RUN}</w:p>"
        "<w:p><w:r><w:t>2019</w:t><w:noBreakHyphen/><w:t>2021</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>2019\u20112021</w:t></w:r></w:p>"
    )
    data = zip_of({"word/document.xml": f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'.encode()})
    # The page break splits the line (it showed "xy" as one word before); U+00AD and a symbol
    # font's private-use character show nothing.
    assert [line.text for line in read_lines(data)] == ["Jean-Luc\tx", "y\u2022\tz", "2019-2021", "2019-2021"]


def test_a_non_breaking_hyphen_word_saved_as_an_element_reads_back_as_written() -> None:
    data, _ = write(Resume.model_validate({"basics": {"name": "Jean\u2011Luc Picard", "label": "Captain"}}))
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members = {n: src.read(n) for n in src.namelist()}
    page = members["word/document.xml"].decode()
    assert page.count("Jean\u2011Luc") == 1
    # Word stores U+2011 as an element of its own when it saves; the label changes so that the
    # page is merged field by field.
    page = page.replace("Jean\u2011Luc", 'Jean</w:t><w:noBreakHyphen/><w:t xml:space="preserve">Luc')
    members["word/document.xml"] = page.replace(">Captain<", ">Admiral<").encode()
    back, report = read(zip_of(members))
    assert (back.basics.name, back.basics.label) == ("Jean\u2011Luc Picard", "Admiral")  # type: ignore[union-attr]
    assert list(report) == []


def test_links_whose_runs_lost_their_field_styles_read_as_profiles_and_email() -> None:
    """LibreOffice gives each run of a link its own "Internet Link" style: our field styles go."""
    resume = Resume.model_validate(
        {
            "basics": {
                "name": "Lea Roux",
                "email": "lea@example.org",
                "profiles": [{"network": "GitHub", "url": "https://github.com/lea"}],
            }
        }
    )
    data, _ = write(resume)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members = {n: src.read(n) for n in src.namelist()}

    def unstyled(link: re.Match[bytes]) -> bytes:
        return re.sub(rb'<w:rStyle w:val="[^"]*"/>', b"", link[0])

    page = re.sub(rb"<w:hyperlink .*?</w:hyperlink>", unstyled, members["word/document.xml"])
    assert page != members["word/document.xml"]
    members["word/document.xml"] = page.replace(b">Lea Roux<", b">Lea M. Roux<")
    back = read(zip_of(members))[0].to_data()["basics"]
    assert back["name"] == "Lea M. Roux"
    assert back["email"] == "lea@example.org"
    assert back["profiles"] == [{"network": "GitHub", "url": "https://github.com/lea"}]


# --- input through every kind of source, the CLI, bad input --------------------------------------


def test_every_source_and_target_kind(tmp_path: Path) -> None:
    resume = sample()
    path = tmp_path / "cv.docx"
    cvconvert.write(resume, path)
    stream = io.BytesIO()
    cvconvert.write(resume, stream, "docx")
    assert stream.getvalue() == path.read_bytes()  # the same résumé gives the same bytes
    for source in (path, str(path), path.read_bytes(), io.BytesIO(path.read_bytes())):
        assert cvconvert.read(source).to_data() == resume.to_data()


def test_cli_writes_docx(tmp_path: Path) -> None:
    target = tmp_path / "cv.docx"
    assert cli.run([str(SAMPLE), str(target)]) == 0
    assert document(target.read_bytes()).paragraphs[0].text == "Wanru Zhao"
    assert (
        cli.run([str(SAMPLE), str(tmp_path / "de.docx"), "--lang", "de", "--page", "Letter", "-O", "sections=work"])
        == 0
    )
    doc = document((tmp_path / "de.docx").read_bytes())
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == ["Berufserfahrung"]
    out = tmp_path / "back.json"
    assert cli.run([str(target), str(out)]) == 0
    assert json.loads(out.read_text()) == sample().to_data()


def test_sniffed_without_an_extension(tmp_path: Path) -> None:
    path = tmp_path / "cv.bin"
    path.write_bytes(write(sample())[0])
    assert cvconvert.read(path, "docx").to_data() == sample().to_data()
    assert cvconvert.formats.sniff(path.read_bytes()).name == "docx"


def _bomb() -> bytes:
    # A member that would inflate to 200 MB: refused from its declared size, never inflated.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * 2**20
            for _ in range(200):
                member.write(chunk)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"hello, not a zip", "not a zip package"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "password-protected"),
        (zip_of({"a.txt": b"x"}), "no word/document.xml"),
        (zip_of({"xl/workbook.xml": b"x"}), "Excel workbook"),
        (zip_of({"word/document.xml": b"<w:document"}), "not well-formed"),
    ],
    ids=["empty", "not-zip", "ole", "no-document", "xlsx", "bad-xml"],
)
def test_bad_input_is_a_one_line_error(data: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "cv.docx"
    path.write_bytes(data)
    with pytest.raises(InvalidInputError) as caught:
        cvconvert.read(path)
    text = str(caught.value)
    assert message in text and "\n" not in text and text.startswith(str(path))


def test_a_legacy_doc_is_told_apart_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "cv.doc"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000 + "WordDocument".encode("utf-16-le") + b"\0" * 100
    )
    with pytest.raises(InvalidInputError, match="legacy binary Word document"):
        cvconvert.read(path)


def test_truncated_and_bomb_are_refused() -> None:
    data = write(sample())[0]
    with pytest.raises(InvalidInputError, match=r"damaged|not a zip"):
        read(data[: len(data) // 2])
    with pytest.raises(LimitExceededError, match="would inflate"):
        read(_bomb())


def test_damaged_data_part_is_an_error() -> None:
    with zipfile.ZipFile(io.BytesIO(write(sample())[0])) as src:
        members = {n: src.read(n) for n in src.namelist()}
    members["customXml/item1.xml"] = members["customXml/item1.xml"].replace(b'{"', b"{{")
    with pytest.raises(InvalidInputError, match="damaged cvconvert data part"):
        read(zip_of(members))


def test_other_peoples_docx_goes_to_extraction() -> None:
    doc = docx.Document()
    doc.add_paragraph("Jane Roe", style="Title")
    doc.add_paragraph("jane@example.org")
    data = saved(doc)
    resume, _ = read(data)
    assert resume.basics is not None and resume.basics.name == "Jane Roe"
