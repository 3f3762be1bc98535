"""PDF out: the Typst writer, its attached JSON read back exactly, the standards, the page's text.

Every PDF here is written by the real compiler and read with pikepdf, pypdf and poppler's
pdftotext (tests that need pdftotext skip without it).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cvconvert
from cvconvert.errors import InvalidInputError, OptionError
from cvconvert.formats._docx import i18n
from cvconvert.formats._pdf import write as pdf_write
from cvconvert.model import Resume
from cvconvert.report import Report
from tests.canary import canary
from tests.conftest import SAMPLES, corpus_resumes, sample_files
from tests.strategies import resume as resumes

SAMPLE = SAMPLES / "wanru-zhao.json"
CORPUS, _ = corpus_resumes()
ROOT = Path(__file__).resolve().parents[2]


def write(resume: Resume, **options: Any) -> tuple[bytes, Report]:
    return cvconvert.dumps(resume, "pdf", **options)


def read(data: bytes, **options: Any) -> tuple[Resume, Report]:
    return cvconvert.read_with_report(data, "pdf", **options)


def text_of(pdf: bytes, tmp_path: Path, *layout: str) -> str:
    """The page's text as poppler's pdftotext gives it (what an ATS reads)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", *layout, str(path), "-"], capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Text with every run of white space (line ends, no-break spaces) as one space."""
    return " ".join(text.replace("\u2011", "-").split())


def bare(text: str) -> str:
    """Text without white space and hyphens: a word hyphenated at a line's end is whole again
    (Typst's hyphen there is a soft hyphen, U+00AD, in the text layer)."""
    return "".join(text.replace("-", "").replace("\u2011", "").replace("\u00ad", "").split())


# --- lossless ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.stem)
def test_samples_round_trip_exactly(path: Path) -> None:
    resume = cvconvert.read(path)
    data, report = write(resume)
    back, notes = read(data)
    assert back.to_data() == resume.to_data()
    assert not report.losses and not notes.notes


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_corpus_resumes_round_trip_exactly(path: Path) -> None:
    resume = cvconvert.read(path)
    data, report = write(resume)
    assert read(data)[0].to_data() == resume.to_data()  # no diff printed: real people's data
    assert not report.losses


@settings(max_examples=15, deadline=None)
@given(resumes, st.sampled_from(["en", "fr", "zh", "ar", "he"]))
def test_any_resume_round_trips_exactly(resume: Resume, lang: str) -> None:
    data, report = write(resume, lang=lang)
    assert read(data)[0].to_data() == resume.to_data()
    assert not report.losses


def test_unknown_fields_and_control_characters_come_back_and_are_reported_hidden() -> None:
    resume = Resume.model_validate(
        {
            "basics": {"name": "Ada\x07 Example", "x-pronouns": "she/her", "image": "ada.png"},
            "work": [{"name": "Northwind Ltd", "x-team": {"size": 4}, "highlights": ["a\x0bb", ""]}],
            "meta": {"theme": "even"},
            "x-top": [1, 2],
        }
    )
    data, report = write(resume)
    assert read(data)[0].to_data() == resume.to_data()
    hidden = {n.path for n in report.hidden}
    assert {
        "/basics/name",
        "/basics/x-pronouns",
        "/basics/image",
        "/work/0/x-team",
        "/work/0/highlights/0",
        "/meta",
        "/x-top",
    } <= hidden
    assert not report.losses


def test_without_the_attachment_what_the_page_leaves_off_is_lost(tmp_path: Path) -> None:
    resume = Resume.model_validate({"basics": {"name": "Ada Example", "x-pronouns": "she/her"}, "meta": {"v": 1}})
    data, report = write(resume, embed=False)
    assert {n.path for n in report.losses} == {"/basics/x-pronouns", "/meta"}
    assert not report.hidden
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.attachments) == 0
    assert "Ada Example" in text_of(data, tmp_path)


def test_a_pdf_attaching_a_file_of_our_name_that_is_no_resume_is_read_from_its_page(tmp_path: Path) -> None:
    resume = Resume.model_validate({"basics": {"name": "Ada Example", "email": "ada@example.org"}})
    data, _ = write(resume, embed=False)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        spec = pikepdf.AttachedFileSpec(pdf, b"[1, 2, 3]", mime_type="application/json")
        pdf.attachments["cvconvert-resume.json"] = spec
        out = io.BytesIO()
        pdf.save(out)
    back, _ = read(out.getvalue())
    assert back.basics is not None and back.basics.email == "ada@example.org"  # from the text layer


def test_the_attached_json_obeys_the_attachment_limit() -> None:
    from cvconvert import limits
    from cvconvert.errors import LimitExceededError

    resume = Resume.model_validate({"basics": {"name": "Ada Example", "summary": "\n".join(["x" * 10_000] * 5)}})
    data, _ = write(resume)
    with limits.using(max_attachment_bytes=10_000), pytest.raises(LimitExceededError, match="max_attachment_bytes"):
        read(data)


# --- no markup, no files, no network -------------------------------------------------------

HOSTILE = [
    '#read("/etc/passwd")',
    "$x^2$ *bold* _it_ ]",
    "@label <tag> \\ \\\\ `raw`",
    '#import "@preview/cetz:0.3.0": *',
    "= not a heading",
]


def test_values_are_printed_as_text_never_run_as_typst(tmp_path: Path) -> None:
    resume = Resume.model_validate(
        {
            "basics": {"name": HOSTILE[0], "label": HOSTILE[1], "summary": HOSTILE[2]},
            "work": [{"name": HOSTILE[3], "position": HOSTILE[4], "highlights": HOSTILE}],
        }
    )
    data, report = write(resume)
    text = flat(text_of(data, tmp_path))
    for value in HOSTILE:
        assert flat(value) in text
    assert "root:" not in text  # /etc/passwd was not read
    assert read(data)[0].to_data() == resume.to_data()
    assert not report.warnings


_NETWORK_SCRIPT = """
import os, sys
sys.path.insert(0, {root!r})
from tests.canary import canary
with canary() as (url, hits):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ[name] = url
    import cvconvert
    resume = cvconvert.Resume.model_validate({{
        "basics": {{"name": "Ada Example", "url": url + "/photo.png", "image": url + "/me.png",
                    "profiles": [{{"network": "Web", "url": url}}]}},
        "work": [{{"name": '#import "@preview/cetz:0.3.0"', "url": url}}],
    }})
    cvconvert.dumps(resume, "pdf")
    cvconvert.dumps(resume, "pdf", template={template!r})
print(len(hits))
"""


def test_nothing_is_fetched_while_writing(tmp_path: Path) -> None:
    # Typst downloads packages through the proxy the environment names: the canary is that
    # proxy, in a process of its own, and sees no connection from our template or a user's.
    template = tmp_path / "mine.typ"
    template.write_text(
        "#let view = json(bytes(sys.inputs.view))\n#set document(title: view.title)\n#view.name\n", encoding="utf-8"
    )
    script = _NETWORK_SCRIPT.format(root=str(ROOT), template=str(template))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "0"


def test_a_package_name_the_text_check_cannot_see_is_not_downloaded_either(tmp_path: Path) -> None:
    # "\u{40}" is "@" only once Typst reads the string: the compile itself must fetch nothing.
    template = tmp_path / "mine.typ"
    template.write_text('#import "\\u{40}preview/cetz:0.3.0": canvas\nhello\n', encoding="utf-8")
    script = (
        f"import os, sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom tests.canary import canary\n"
        "import cvconvert\n"
        "with canary() as (url, hits):\n"
        "    os.environ['HTTPS_PROXY'] = os.environ['HTTP_PROXY'] = url\n"
        "    try:\n"
        f"        cvconvert.dumps(cvconvert.Resume(), 'pdf', template={str(template)!r})\n"
        "    except cvconvert.CvConvertError as exc:\n"
        "        print('error', exc)\n"
        "    print(len(hits), os.environ['HTTPS_PROXY'] == url)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("error") and "package" in lines[0]
    assert lines[-1] == "0 True"  # no connection, and the user's proxy is back afterwards


def test_a_template_that_imports_a_package_is_refused_before_compiling(tmp_path: Path) -> None:
    resume = cvconvert.read(SAMPLE)
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "a.typ").write_text('#include "../helper.typ"\n', encoding="utf-8")
    (tmp_path / "helper.typ").write_text('#import "@preview/cetz:0.3.0": canvas\n', encoding="utf-8")
    template = tmp_path / "mine.typ"
    template.write_text('#import "/parts/a.typ": *\nhello\n', encoding="utf-8")
    with canary() as (_, hits), pytest.raises(OptionError, match="imports a Typst package"):
        write(resume, template=template)
    assert not hits


def test_a_template_reads_nothing_outside_its_folder(tmp_path: Path) -> None:
    template = tmp_path / "mine.typ"
    template.write_text('#read("/etc/hostname")\n#read("../../outside.txt")\n', encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"mine\.typ") as caught:
        write(cvconvert.read(SAMPLE), template=template)
    assert "\n" not in str(caught.value)


_TITLED = "#let view = json(bytes(sys.inputs.view))\n#set document(title: view.title)\n"


def test_a_template_that_reads_beside_itself_compiles_and_one_that_climbs_out_is_refused(tmp_path: Path) -> None:
    # A titled template (PDF/UA passes), so that only the file read decides.
    (tmp_path / "secret.txt").write_text("SECRET-VALUE-42", encoding="utf-8")
    inside = tmp_path / "t"
    inside.mkdir()
    (inside / "note.txt").write_text("beside me", encoding="utf-8")
    (inside / "ok.typ").write_text(_TITLED + '#read("note.txt")\n', encoding="utf-8")
    assert b"%PDF" in write(cvconvert.read(SAMPLE), template=inside / "ok.typ")[0][:8]
    (inside / "out.typ").write_text(_TITLED + '#read("../secret.txt")\n', encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"out\.typ") as caught:
        write(cvconvert.read(SAMPLE), template=inside / "out.typ")
    assert "SECRET-VALUE-42" not in str(caught.value)


def test_a_template_that_is_no_regular_file_or_too_big_is_refused_at_once(tmp_path: Path) -> None:
    from cvconvert import limits

    resume = cvconvert.read(SAMPLE)

    fifo = tmp_path / "pipe.typ"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    with pytest.raises(OptionError, match="not a regular file"):
        write(resume, template=fifo)
    device = tmp_path / "zero.typ"
    device.symlink_to("/dev/zero")  # reading it would never end
    with pytest.raises(OptionError, match="not a regular file"):
        write(resume, template=device)
    big = tmp_path / "big.typ"
    big.write_text(_TITLED + "// padding\n" * 200, encoding="utf-8")
    with limits.using(max_input_bytes=1000), pytest.raises(OptionError, match="over the limit of 1,000"):
        write(resume, template=big)
    (tmp_path / "part.typ").write_text("// padding\n" * 200, encoding="utf-8")
    small = tmp_path / "small.typ"
    small.write_text(_TITLED + '#include "part.typ"\n', encoding="utf-8")
    with limits.using(max_input_bytes=1000), pytest.raises(OptionError, match=r"part\.typ.*over the limit"):
        write(resume, template=small)


# --- accessible and archival ---------------------------------------------------------------


def test_pdf_a_3b_and_pdf_ua_1_with_structure_language_and_title() -> None:
    data, _ = write(cvconvert.read(SAMPLE), lang="fr")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert bool(root.MarkInfo.Marked)
        assert str(root.Lang).startswith("fr")
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        meta = pdf.open_metadata()
        assert meta.get("pdfaid:part") == "3" and meta.get("pdfaid:conformance") == "B"
        assert meta.get("pdfuaid:part") == "1"
        assert meta.get("dc:title") == "Wanru Zhao"
        spec = root.AF[0]
        assert spec.AFRelationship == "/Source" and str(spec.UF) == "cvconvert-resume.json"
        assert spec.EF.F.Subtype == "/application/json"
        kinds = _structure_kinds(root.StructTreeRoot)
    assert {"/H1", "/L", "/LI", "/Link"} <= kinds or {"/H1", "/L", "/LI"} <= kinds


def _structure_kinds(node: Any, seen: set[str] | None = None, depth: int = 0) -> set[str]:
    seen = set() if seen is None else seen
    if depth > 60:
        return seen
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            seen.add(str(node.S))
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                _structure_kinds(kid, seen, depth + 1)
    return seen


def test_a_right_to_left_document_is_mirrored_as_a_whole() -> None:
    resume = Resume.model_validate({"basics": {"name": "דנה לוי", "email": "dana@example.org"}})
    data, _ = write(resume, lang="he")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang).startswith("he")
        assert pdf.Root.ViewerPreferences.Direction == "/R2L"


@pytest.mark.parametrize(("page", "width"), [("A4", 595.3), ("Letter", 612.0)])
def test_page_size(page: str, width: float) -> None:
    data, _ = write(cvconvert.read(SAMPLE), page=page)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert abs(float(pdf.pages[0].MediaBox[2]) - width) < 1


def test_page_size_follows_the_country_by_default() -> None:
    resume = Resume.model_validate({"basics": {"name": "Ada Example", "location": {"countryCode": "US"}}})
    with pikepdf.open(io.BytesIO(write(resume)[0])) as pdf:
        assert abs(float(pdf.pages[0].MediaBox[2]) - 612.0) < 1


@pytest.mark.parametrize(
    ("basics", "page"),
    [
        ({"location": {"countryCode": "US"}}, "Letter"),
        ({"location": {"countryCode": "ca"}}, "Letter"),
        ({"location": {"countryCode": "MX"}}, "A4"),
        ({"location": {"countryCode": 1}}, "A4"),
        ({"location": "Toronto, CA"}, "A4"),
        ({}, "A4"),
        (None, "A4"),
        ("not an object", "A4"),
    ],
)
def test_both_page_writers_take_their_default_paper_from_one_rule(basics: Any, page: str) -> None:
    import zipfile

    assert i18n.default_page(basics) == page
    try:
        resume = Resume.model_validate({"basics": basics})
    except ValueError:
        return  # a shape the model refuses never reaches a writer
    # The DOCX writer's page width says the same (A4: 11906 twips, Letter: 12240).
    docx, _ = cvconvert.dumps(resume, "docx")
    width = {"A4": 11906, "Letter": 12240}[page]
    assert f'w:w="{width}"' in zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()


# --- the page ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.stem)
def test_every_visible_value_is_in_the_text_layer_in_reading_order(path: Path, tmp_path: Path) -> None:
    # pdftotext's default mode, which finds columns as an ATS does: dates of one-line entries
    # in a right-hand column would come after all the entries.
    resume = cvconvert.read(path)
    data, _ = write(resume)
    text = bare(text_of(data, tmp_path))
    position = 0
    # Without lang, the page speaks the résumé's own language.
    for value in _shown_in_order(_view(resume, i18n.told(resume.to_data()) or "en")):
        found = text.find(bare(value), position)
        assert found >= 0, f"{value!r} missing or out of order"
        position = found


def _shown_in_order(view: dict[str, Any]) -> list[str]:
    """Every text the view puts on the page, in the template's order."""
    out = [view["name"], view["label"]]
    out += [piece["text"] for line in view["contact"] for piece in line]
    for section in view["sections"]:
        out.append(section["title"])
        for entry in section["entries"]:
            for line in (entry["head"], entry["sub"]):
                if line is not None:
                    out += [piece["text"] for piece in line["left"]] + [line["right"]]
            out += entry["texts"]
            out += [part for item in entry["lists"] for part in (item["label"], item["text"])]
            out += entry["bullets"]
    return [value for value in out if value]


def test_dates_collapse_and_never_break(tmp_path: Path) -> None:
    resume = Resume.model_validate(
        {
            "basics": {"name": "Ada Example"},
            "work": [
                {"name": "Northwind Ltd", "position": "Analyst", "startDate": "2023", "endDate": "2023"},
                {"name": "Contoso", "position": "Clerk", "startDate": "2020-02", "endDate": "2021-03"},
            ],
        }
    )
    data, _ = write(resume, lang="fr")
    raw = text_of(data, tmp_path)
    assert "2023 – 2023" not in flat(raw) and "2023" in raw
    assert "févr.\u00a02020" in raw or "févr. 2020" in flat(raw)
    view = _view(resume, "fr")
    ranges = [e["sub"]["right"] for e in view["sections"][0]["entries"]]
    assert ranges == ["2023", "févr.\u00a02020 – mars\u00a02021"]


def _view(resume: Resume, lang: str) -> dict[str, Any]:
    return pdf_write.View(i18n.language(lang), Report()).build(resume.to_data(), None)


def test_headings_and_present_are_in_the_document_language(tmp_path: Path) -> None:
    resume = Resume.model_validate({"work": [{"name": "Contoso", "position": "Clerk", "startDate": "2020-02"}]})
    text = text_of(write(resume, lang="fr")[0], tmp_path)
    assert "Expérience professionnelle" in text and "aujourd’hui" in text


def test_french_spacing_before_a_colon_in_our_own_labels() -> None:
    resume = Resume.model_validate({"education": [{"institution": "Lycée Exemple", "courses": ["Maths"]}]})
    lists = _view(resume, "fr")["sections"][0]["entries"][0]["lists"]
    assert lists[0]["label"] == "Cours\u202f: "


def test_chinese_is_never_slanted() -> None:
    resume = Resume.model_validate({"education": [{"institution": "北京大学", "courses": ["数学"]}]})
    assert _view(resume, "zh")["sections"][0]["entries"][0]["lists"][0]["italic"] is False
    assert _view(resume, "en")["sections"][0]["entries"][0]["lists"][0]["italic"] is True


def test_a_script_without_a_font_is_a_warning_naming_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_write, "_families", lambda: frozenset({"Libertinus Serif"}))
    resume = Resume.model_validate({"basics": {"name": "王小明"}})
    report = Report()
    pdf_write.View(i18n.language("zh"), report).build(resume.to_data(), None)
    assert any("fonts-noto-cjk" in n.message and "Noto" in n.message for n in report.warnings)


def test_a_user_template_gets_the_same_data(tmp_path: Path) -> None:
    template = tmp_path / "mine.typ"
    template.write_text(
        "#let view = json(bytes(sys.inputs.view))\n"
        "#let resume = json(bytes(sys.inputs.resume))\n"
        "#set document(title: view.title)\n"
        "#set text(lang: view.lang)\n"
        "Mine: #view.name, #resume.basics.email\n"
        '#pdf.attach(view.attachment, bytes(sys.inputs.resume), mime-type: "application/json",'
        ' relationship: "source", description: "the résumé")\n',
        encoding="utf-8",
    )
    resume = cvconvert.read(SAMPLE)
    data, _ = write(resume, template=template)
    assert "Mine: Wanru Zhao" in text_of(data, tmp_path)
    assert read(data)[0].to_data() == resume.to_data()


def test_a_template_that_does_not_compile_is_one_line_naming_it(tmp_path: Path) -> None:
    template = tmp_path / "broken.typ"
    template.write_text("#let x = (\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"broken\.typ") as caught:
        write(cvconvert.read(SAMPLE), template=template)
    assert "\n" not in str(caught.value)


def test_a_missing_template_is_an_option_error(tmp_path: Path) -> None:
    with pytest.raises(OptionError, match=r"nothere\.typ"):
        write(cvconvert.read(SAMPLE), template=tmp_path / "nothere.typ")


# --- command line and batch ----------------------------------------------------------------


def _cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "cvconvert", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=cwd, env=env)


def test_command_line_json_to_pdf_and_back(tmp_path: Path) -> None:
    done = _cli(SAMPLE, tmp_path / "cv.pdf", "-O", "page=letter", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    back = _cli(tmp_path / "cv.pdf", tmp_path / "back.json", cwd=tmp_path)
    assert back.returncode == 0, back.stderr
    assert json.loads((tmp_path / "back.json").read_text()) == cvconvert.read(SAMPLE).to_data()


def test_batch_to_pdf(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for i in range(4):
        (source / f"cv{i}.json").write_text(json.dumps({"basics": {"name": f"Ada Example {i}"}}), encoding="utf-8")
    done = _cli("batch", source, "--to", "pdf", "--out", tmp_path / "out", "--jobs", "2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(written) == 4
    assert read(written[2].read_bytes())[0].to_data() == {"basics": {"name": "Ada Example 2"}}


def test_a_user_template_that_attaches_nothing_turns_hidden_into_lost(tmp_path: Path) -> None:
    template = tmp_path / "plain.typ"
    template.write_text(
        "#let view = json(bytes(sys.inputs.view))\n#set document(title: view.title)\n#view.name\n", encoding="utf-8"
    )
    resume = Resume.model_validate({"basics": {"name": "Ada Example"}, "meta": {"v": 1}})
    _, report = write(resume, template=template)
    assert [n.path for n in report.losses] == ["/meta"] and not report.hidden
    assert any("attaches no" in n.message for n in report.warnings)


def test_the_template_in_the_docs_compiles_and_reads_back(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "pdf.md").read_text(encoding="utf-8")
    source = doc.split("```typst\n", 1)[1].split("```", 1)[0]
    template = tmp_path / "mine.typ"
    template.write_text(source, encoding="utf-8")
    resume = cvconvert.read(SAMPLE)
    data, report = write(resume, template=template, lang="fr")
    assert read(data)[0].to_data() == resume.to_data()
    assert "Expérience professionnelle" in text_of(data, tmp_path) and not report.losses


def test_a_bidi_override_stays_on_the_page_but_not_in_the_title() -> None:
    resume = Resume.model_validate({"basics": {"name": "Ada\u202eFDP.exe"}})
    data, report = write(resume)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "\u202e" not in str(pdf.open_metadata().get("dc:title")) and "\u202e" not in str(pdf.docinfo.Title)
    assert [n.path for n in report.warnings] == ["/basics/name"]
    assert read(data)[0].to_data() == resume.to_data()


def test_batch_to_pdf_on_dask(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    source = tmp_path / "in"
    source.mkdir()
    (source / "cv.json").write_text(json.dumps({"basics": {"name": "Ada Example"}}), encoding="utf-8")
    done = _cli("batch", source, "--to", "pdf", "--out", tmp_path / "out", "--engine", "dask", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert read((tmp_path / "out" / "cv.pdf").read_bytes())[0].to_data() == {"basics": {"name": "Ada Example"}}


def test_headings_in_another_script_than_the_resume_get_their_fonts(tmp_path: Path) -> None:
    # Latin values, Hebrew headings: the fonts Typst carries have no Hebrew, the system's are used.
    resume = Resume.model_validate({"basics": {"name": "Ada Example", "summary": "Engineer."}})
    data, report = write(resume, lang="he")
    title = pdf_write.View(i18n.language("he"), Report()).build(resume.to_data(), None)["sections"][0]["title"]
    if any(n.message.startswith("no font") for n in report.warnings) or title.isascii():
        pytest.skip("no Hebrew font installed, or no Hebrew titles yet")
    assert title in text_of(data, tmp_path)


def test_links_only_to_safe_addresses_and_no_actions() -> None:
    urls = ["javascript:alert(1)", "file:///etc/passwd", "\\\\evil.example\\share", "https://ok.example/p", "data:x"]
    resume = Resume.model_validate(
        {
            "basics": {"name": "Ada Example", "url": urls[0], "email": "ada@example.org"},
            "work": [{"name": f"Northwind {n}", "url": url} for n, url in enumerate(urls)],
        }
    )
    data, _ = write(resume)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root
        targets = []
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                action = annot.get("/A")
                if action is not None:
                    assert action.S == "/URI", action.S
                    targets.append(str(action.URI))
    assert sorted(targets) == ["https://ok.example/p", "mailto:ada@example.org"]
    assert b"/JavaScript" not in data and b"/Launch" not in data


def test_source_date_epoch_makes_equal_input_equal_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    resume = cvconvert.read(SAMPLE)
    first = write(resume)[0]
    assert b"D:20231114" in first
    import time

    time.sleep(1.1)
    assert write(resume)[0] == first


def test_chinese_labels_take_full_width_punctuation() -> None:
    resume = Resume.model_validate(
        {"education": [{"institution": "浙江大学", "studyType": "硕士", "area": "计算机", "courses": ["数学"]}]}
    )
    entry = _view(resume, "zh")["sections"][0]["entries"][0]
    assert entry["lists"][0]["label"].endswith("：")
    assert [p["sep"] for p in entry["sub"]["left"]] == ["", "，"]


_FORK_SCRIPT = """
import os, signal, sys
sys.path.insert(0, {root!r})
import cvconvert
from cvconvert.formats._pdf import write as pdf_write
resume = cvconvert.Resume.model_validate({{"basics": {{"name": "Ada Example"}}}})
cvconvert.dumps(resume, "pdf")  # Typst's threads start in this process
pid = os.fork()
if pid == 0:
    first = cvconvert.dumps(resume, "pdf")[0]  # in a helper: a compile here would hang
    helper = pdf_write._helpers[0]
    os.kill(helper.pid, signal.SIGKILL)
    helper.wait()
    second = cvconvert.dumps(resume, "pdf")[0]  # a new helper
    os._exit(0 if first.startswith(b"%PDF") and second.startswith(b"%PDF") else 3)
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
"""


def test_a_fork_of_a_process_that_compiled_writes_through_a_helper_that_is_replaced_if_it_dies() -> None:
    script = _FORK_SCRIPT.format(root=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "0", done.stderr[-2000:]


def test_a_typst_file_the_template_does_not_import_is_not_its_business(tmp_path: Path) -> None:
    (tmp_path / "other.typ").write_text('#import "@preview/cetz:0.3.0": canvas\n', encoding="utf-8")
    template = tmp_path / "mine.typ"
    template.write_text(
        "#let view = json(bytes(sys.inputs.view))\n#set document(title: view.title)\n#view.name\n", encoding="utf-8"
    )
    assert write(cvconvert.read(SAMPLE), template=template)[0].startswith(b"%PDF")


def test_pages_after_the_first_carry_the_name_and_the_page_count(tmp_path: Path) -> None:
    data, _ = write(cvconvert.read(SAMPLE))
    pages = text_of(data, tmp_path).split("\f")
    assert len([p for p in pages if p.strip()]) == 2
    assert "Page1of2" not in bare(pages[0])
    head = bare(pages[1])[:40]
    assert head.startswith("WanruZhao") and "Page2of2" in head


@pytest.mark.parametrize("lang", ["de", "fr", "zh", "ar", "he", "ja"])
def test_the_running_header_says_page_n_of_m_in_the_document_language(lang: str, tmp_path: Path) -> None:
    # The words DOCX uses for its header, with the page numbers filled in by Typst.
    data, _ = write(cvconvert.read(SAMPLE), lang=lang)
    pages = [p for p in text_of(data, tmp_path).split("\f") if p.strip()]
    assert len(pages) >= 2

    # Letters and digits only: without a CJK font installed, pdftotext drops the full-width comma.
    def words(text: str) -> str:
        return "".join(c for c in text if c.isalnum())

    wanted = i18n.LABELS[lang]["page"]
    if i18n.language(lang).rtl:
        # The header's right-hand end comes first, its words in the order pdftotext sees them drawn.
        head = pages[1].split("Wanru Zhao")[0]
        assert sorted(words(wanted.format(page=2, pages=len(pages)))) == sorted(words(head))
    else:
        assert words(wanted.format(page=2, pages=len(pages))) in words(pages[1])
    assert words(wanted.format(page=1, pages=len(pages))) not in words(pages[0])
    assert "WanruZhao" in words(pages[1])


def test_our_template_imports_no_package_and_builds_no_name() -> None:
    # Our template compiles without the dead proxy (other threads keep theirs): it must never
    # name a package, literally or through an escape that Typst would turn into one.
    from cvconvert.formats._pdf.write import TEMPLATE_DIR

    sources = [p.read_text(encoding="utf-8") for p in TEMPLATE_DIR.rglob("*.typ")]
    assert sources
    for source in sources:
        assert "@preview" not in source and "\\u{40}" not in source
        assert not re.search(r"""\b(?:import|include)\s+[^"\s]""", source)  # only literal paths


def test_without_lang_the_page_speaks_the_resumes_own_language(tmp_path: Path) -> None:
    french = {
        "basics": {
            "name": "Ada Exemple",
            "summary": "Ingénieure passionnée par les systèmes distribués et l'accessibilité numérique. "
            "Dix ans d'expérience à concevoir des services fiables, de la maquette à la mise en production.",
        },
        "work": [{"name": "Nordvent SARL", "position": "Développeuse", "startDate": "2019-09"}],
    }
    text = text_of(write(Resume.model_validate(french))[0], tmp_path)
    assert "Expérience professionnelle" in text and "sept. 2019" in text and "aujourd" in text
    english = {"basics": {"name": "Ada Example"}, "work": [{"name": "Nordwind Ltd", "startDate": "2019-09"}]}
    text = text_of(write(Resume.model_validate(english))[0], tmp_path)  # too little prose to tell: English
    assert "Experience" in text and "Present" in text
    text = text_of(write(Resume.model_validate(french), lang="de")[0], tmp_path)
    assert "Berufserfahrung" in text


def test_the_languages_punctuation_spacing_never_touches_a_persons_own_text(tmp_path: Path) -> None:
    # French spacing went into a profile's username and address ("ada\u202f?x"): only our label's colon.
    resume = Resume.model_validate(
        {"basics": {"name": "Ada Exemple", "profiles": [{"network": "Web", "username": "ada?x;y"}]}}
    )
    text = text_of(write(resume, lang="fr")[0], tmp_path)
    assert "ada?x;y" in text and "Web :" in text  # pdftotext gives the narrow space as a space
