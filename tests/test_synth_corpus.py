"""bench/synth_truth.py: a rendered résumé's truth is its source reduced to what the page shows.

Invented data, a page given as text: no renderer is needed. The rendering itself (RenderCV,
npm themes, Chromium, LibreOffice) is a benchmark's business and is not run here.
"""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


truth_mod = _module("synth_truth")

SOURCE: dict[str, Any] = {
    "basics": {
        "name": "Ada Example",
        "label": "Data Engineer",
        "email": "ada@example.org",
        "phone": "+44 20 7946 0000",
        "summary": "Builds pipelines.",
        "location": {"city": "Leeds", "countryCode": "GB", "region": "West Yorkshire"},
        "url": "https://ada.example.org",
        "profiles": [{"network": "GitHub", "username": "ada-ex", "url": "https://github.com/ada-ex"}],
    },
    "work": [
        {"name": "Northwind Ltd", "position": "Engineer", "startDate": "2019-03-01", "endDate": "2021-06-30"},
        {"name": "Contoso", "position": "Intern", "startDate": "2018-01-01"},
        {"name": "Hidden Corp", "position": "Clerk", "startDate": "2010"},
    ],
    "education": [{"institution": "University of Leeds", "studyType": "BSc", "area": "Maths", "endDate": "2017"}],
    "skills": [{"name": "Data", "keywords": ["SQL"]}],
    "interests": [{"name": "Chess"}],
}
PAGE = """ADA EXAMPLE
Data Engineer   ada@example.org   +44 (0)20 7946 0000   Leeds, United Kingdom
ada-ex
Experience
Northwind Ltd, Engineer                     Mar 2019 - Jun 2021
Contoso                                     January 2018 - Present
Education
University of Leeds   BSc Maths   2017
Skills  Data: SQL
"""


def test_truth_keeps_what_the_page_shows_at_its_precision() -> None:
    page = truth_mod.Page(PAGE, {"https://github.com/ada-ex", "https://ada.example.org"})
    t = truth_mod.truth(SOURCE, page)
    b = t["basics"]
    assert t["x-complete"] is False
    assert (b["name"], b["email"], b["label"]) == ("Ada Example", "ada@example.org", "Data Engineer")
    assert b["phone"] == "+44 (0)20 7946 0000"  # as printed
    assert "summary" not in b  # hidden by the layout: not judged
    assert b["location"] == {"city": "Leeds"}  # 'GB' is not on the page, nor is the region
    # the handle is printed and links to the profile: required; the bare site link is optional
    assert b["profiles"] == [{"url": "https://github.com/ada-ex"}]
    assert t["x-urls-optional"] == ["https://ada.example.org"]
    assert t["work"] == [
        {"name": "Northwind Ltd", "position": "Engineer", "startDate": "2019-03", "endDate": "2021-06"},
        {"name": "Contoso", "startDate": "2018-01", "endDate": None},
    ]
    assert t["education"] == [
        {
            "institution": "University of Leeds",
            "studyType": "BSc",
            "area": "Maths",
            "startDate": None,
            "endDate": "2017",
        }
    ]
    assert t["x-sections"] == ["work", "education", "skills"]


def test_phone_as_printed_label_only_by_the_name() -> None:
    page = truth_mod.Page("Ada Example\nada@example.org | 020-79460000\n\nWork\nData Engineer, Northwind Ltd", set())
    assert page.phone("+44 20 7946 0000") == "020-79460000"  # the national form of the number
    assert page.phone("+44 20 7946 0001") is None
    assert not page.near_name("Data Engineer", "Ada Example")  # a role four lines down, not a label
    assert page.near_name("ada@example.org", "Ada Example")


def test_short_values_and_dates_are_whole_words() -> None:
    page = truth_mod.Page("Austin, USA\n11/2021 - 2022", set())
    assert not page.shows("US")
    assert page.shows("USA")
    assert page.date("2021-01-05") == (True, "2021")  # '1/2021' is not in '11/2021'; the year is
    assert page.date("2021-11") == (True, "2021-11")
    assert page.date("2030") == (False, None)
    assert page.date("next year") == (False, None)
    assert page.date(None) == (True, None)


def test_docx_page_reads_text_boxes_and_external_links() -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = (
        f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>Ada</w:t><w:tab/><w:t>Example</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Type="x" Target="https://ada.example.org" TargetMode="External"/></Relationships>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", rels)
    page = truth_mod.docx_page(buf.getvalue())
    assert page.shows("Ada Example")
    assert page.links == {"https://ada.example.org"}


def test_layouts_and_splits() -> None:
    corpus = _module("synth_corpus")
    names = corpus.layouts()
    assert len(names) == len(set(names)) and "cvconvert-docx" in names
    assert {corpus.kind_of(n) for n in names} == {"pdf", "docx"}
    if not corpus.SOURCES.is_dir():
        pytest.skip("../shared/corpus/jsonresume is absent")
    splits = [split for _, _, split in corpus.sources()]
    assert splits[:3] == ["develop", "develop", "check"]


def test_old_names_copy_values_under_the_old_schema_names() -> None:
    corpus = _module("synth_corpus")
    data = {
        "basics": {"url": "https://ada.example.org"},
        "work": [{"name": "Northwind Ltd", "url": "https://northwind.example"}, {"company": "Contoso", "name": "x"}],
        "projects": [{"name": "Widgetry", "url": "https://widgetry.example"}],
    }
    out = corpus.old_names(data)
    assert out["basics"]["website"] == "https://ada.example.org"
    assert out["work"][0] == {
        "name": "Northwind Ltd",
        "company": "Northwind Ltd",
        "url": "https://northwind.example",
        "website": "https://northwind.example",
    }
    assert out["work"][1]["company"] == "Contoso"  # a value under the old name is kept
    assert out["projects"][0]["website"] == "https://widgetry.example"


def _scored(corpus: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **options: Any) -> str:
    """score's output over one invented DOCX in an open layout and the same in a held-out one."""
    import argparse
    import contextlib

    import cvconvert

    # score uses the project's scorer, which lives in ../shared beside the project.
    scorer = BENCH.parent.parent / "shared" / "tools" / "score_extraction.py"
    if not scorer.is_file():
        pytest.skip("../shared/tools/score_extraction.py is absent")

    source = {**SOURCE, "work": SOURCE["work"][:2]}
    data, _ = cvconvert.dumps(cvconvert.Resume.model_validate(source), "docx", embed=False)
    for layout in ("html-even-docx", "html-spartacus-docx"):
        (tmp_path / layout).mkdir(exist_ok=True)
        (tmp_path / layout / "001.docx").write_bytes(data)
        truth = truth_mod.truth(source, truth_mod.docx_page(data))
        (tmp_path / layout / "001.truth.json").write_text(__import__("json").dumps(truth), encoding="utf-8")
    monkeypatch.setattr(corpus, "OUT", tmp_path)
    args = argparse.Namespace(
        layout=options.get("layout"), split=None, explain=options.get("explain"), files=True, jobs=1
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        corpus.score(args)
    return out.getvalue()


def test_held_out_layouts_have_their_own_totals_and_no_line_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _module("synth_corpus")
    assert {"html-macchiato-pdf", "rendercv-engineeringclassic", "html-spartacus-docx"} <= corpus.HELDOUT
    assert corpus.HELDOUT <= set(corpus.layouts())
    out = _scored(corpus, tmp_path, monkeypatch, layout=["html-even-docx", "html-spartacus-docx"])
    rows = {tuple(line.split()[:-5]) for line in out.splitlines() if "F1=" not in line}
    assert ("docx", "develop", "1") in rows and ("held-out", "docx", "develop", "1") in rows
    per_file = [line.split()[0] for line in out.splitlines() if "F1=" in line]
    assert per_file == ["html-even-docx"]  # the held-out document's own score is not shown


def test_explain_refuses_a_held_out_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _module("synth_corpus")
    with pytest.raises(SystemExit, match="refuses held-out"):
        _scored(corpus, tmp_path, monkeypatch, layout=["html-spartacus-docx"], explain="001")
    # with no layout named, --explain reads the open layouts only
    out = _scored(corpus, tmp_path, monkeypatch, explain="1")
    assert "html-even-docx" in out and "spartacus" not in out and "held-out" not in out


def test_print_rules_become_plain_rules_for_libreoffice() -> None:
    corpus = _module("synth_corpus")
    html = (
        "<html><head><style>#sheet { padding: 80px; }\n@media print { #sheet { padding: 0; } a { color: black; } }\n"
        "@media screen and (max-width: 40em) { #sheet { padding: 1em; } }</style></head><body>Ada</body></html>"
    )
    out = corpus.print_rules(html)
    added = out[out.rindex("<style>") : out.index("</head>")]
    assert "#sheet { padding: 0; }" in added and "a { color: black; }" in added and "1em" not in added
    assert out.endswith("</head><body>Ada</body></html>")
    assert corpus.print_rules("<p>no style</p>") == "<p>no style</p>"


def test_filled_drops_empty_lists_and_gives_a_blank_label() -> None:
    corpus = _module("synth_corpus")
    data = {"basics": {"name": "Ada Example", "profiles": []}, "work": [], "skills": [{"name": "SQL"}]}
    assert corpus.filled(data) == {"basics": {"name": "Ada Example", "label": ""}, "skills": [{"name": "SQL"}]}
    assert corpus.filled({"basics": {"label": "Data Engineer"}})["basics"]["label"] == "Data Engineer"
