"""FRESH, RenderCV, Reactive Resume and LinkedIn files with values of the wrong type: read, or one clean line.

Never the reader net's "cannot read this ... (TypeError ...)" line, which means a reader bug.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cvconvert
from cvconvert.errors import InvalidInputError
from tests.helpers import zip_of

FRESH_ODD = [
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "employment": {"history": "x"}},
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "skills": {"list": 5, "sets": "abc"}},
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "skills": {"sets": [1, "s", {"name": "Web"}]}},
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "social": "x", "location": 5, "info": [1]},
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "writing": [{"title": "T", "publisher": {"name": "P", "x": 1}}]},
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "projects": [{"title": "P", "role": 5}], "recognition": [3]},
]
RENDERCV_ODD = [
    "cv:\n  name: A\n  sections:\n    a: 5\n",
    "cv:\n  name: A\n  sections:\n    exp:\n    - company: X\n      position: 5\n    - 7\n",
    "cv:\n  name: A\n  social_networks: 5\n  sections: {}\n",
    "cv:\n  name: A\n  location: [1, 2]\n  sections:\n    skills:\n    - label: X\n      details: [1]\n",
]

_RR_META = {"template": "rhyhorn", "layout": [], "notes": ""}


def _rr(sections: object, basics: object = None, **top: object) -> dict[str, object]:
    doc: dict[str, object] = {"basics": basics if basics is not None else {"name": "A", "headline": ""}}
    return {**doc, "sections": sections, "metadata": _RR_META, **top}


REACTIVE_ODD = [
    _rr({"experience": "x"}),
    _rr({"experience": {"items": 5}}),
    _rr({"experience": {"items": [5, "x"]}}),
    _rr({"experience": {"items": [{"company": 5, "date": ["2020"], "summary": {"p": 1}, "url": "https://a"}]}}),
    _rr({"summary": "text", "skills": {"items": []}}),
    _rr({"summary": {"content": 7}, "skills": {"items": [{"name": "Go", "keywords": [1, None], "level": "x"}]}}),
    _rr({"skills": {"items": []}}, basics=[1]),
    _rr({"skills": {"items": []}}, basics={"name": "A", "headline": "", "location": {"city": "Leeds"}, "url": 5}),
    _rr({"experience": {"items": []}}, basics={"website": {"url": 5}}, summary=[], picture="x", customSections=5),
    _rr({"custom": {"c": {"items": "x"}}, "profiles": {"items": [{"network": None, "url": {"href": None}}]}}),
    _rr({"experience": {"items": [{"company": "A", "summary": "<p><b>x</p></li></ul><ul><li>" * 50}]}}),
]


@pytest.mark.parametrize("data", REACTIVE_ODD, ids=range(len(REACTIVE_ODD)))
def test_reactive_resume_with_values_of_the_wrong_type_reads_or_refuses_cleanly(
    tmp_path: Path, data: dict[str, object]
) -> None:
    for name in ("cv.rr.json", "export.json"):  # its own format, and a .json read with its mapping
        source = tmp_path / name
        source.write_text(json.dumps(data), encoding="utf-8")
        _reads_or_refuses(source)


def test_reactive_resume_nested_too_deeply_is_one_line(tmp_path: Path) -> None:
    from tests.helpers import assert_one_line_error, run_bounded

    deep = "[" * 5000 + "]" * 5000
    text = json.dumps(_rr({"experience": {"items": []}})).replace('"notes": ""', f'"notes": {deep}')
    source = tmp_path / "cv.rr.json"
    source.write_text(text, encoding="utf-8")
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, "cv.rr.json")


def test_reactive_resume_with_a_huge_list_of_items_is_refused_within_the_bounds(tmp_path: Path) -> None:
    from tests.helpers import assert_one_line_error, run_bounded

    items = ",".join(['{"id":"a","company":"A"}'] * 300_000)
    source = tmp_path / "cv.rr.json"
    text = json.dumps(_rr({"experience": {"items": []}})).replace('"items": []', f'"items": [{items}]')
    source.write_text(text, encoding="utf-8")
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, "cv.rr.json")


def test_reactive_resume_html_tag_soup_reads_in_linear_time(tmp_path: Path) -> None:
    import time

    # "<a" repeated: an unclosed tag the standard library's HTML parser rescans each time (minutes).
    soup = "<p><b>a</b><li>b<ul><br>" * 20_000 + "<a" * 200_000 + "<!--" * 50_000 + "&amp;" * 50_000
    data = _rr({"experience": {"items": [{"id": "a", "company": "A", "summary": soup}]}})
    source = tmp_path / "cv.rr.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    began = time.perf_counter()
    resume = cvconvert.read(source)
    assert time.perf_counter() - began < 15
    assert resume.work and resume.work[0].name == "A"


def test_a_reactive_resume_period_of_endless_white_space_reads_in_linear_time() -> None:
    import io
    import time

    data = _rr({"experience": {"items": [{"id": "a", "company": "A", "date": "2020" + " " * 1_000_000 + "x"}]}})
    began = time.perf_counter()
    resume, report = cvconvert.read_with_report(io.BytesIO(json.dumps(data).encode()), "reactive-resume")
    assert time.perf_counter() - began < 5  # minutes, when the period's split pattern ran on it
    assert resume.work and resume.work[0].startDate is None
    assert any(n.path == "/work/0/startDate" for n in report.warnings)


def test_a_reactive_resume_list_of_many_items_in_a_text_reads_in_linear_time() -> None:
    import io
    import time

    summary = "<ul>" + "<li>an item</li>" * 60_000 + "</ul>"  # joined line by line: minutes
    data = _rr({"education": {"items": [{"id": "a", "institution": "Eastmoor University", "summary": summary}]}})
    began = time.perf_counter()
    resume = cvconvert.read(io.BytesIO(json.dumps(data).encode()), "reactive-resume")
    assert time.perf_counter() - began < 10
    assert resume.education and (resume.education[0].model_extra or {})["summary"].count("\n• ") == 59_999


@pytest.mark.parametrize("data", FRESH_ODD, ids=range(len(FRESH_ODD)))
def test_fresh_with_values_of_the_wrong_type_reads_or_refuses_cleanly(tmp_path: Path, data: dict[str, object]) -> None:
    source = tmp_path / "cv.fresh.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    _reads_or_refuses(source)


@pytest.mark.parametrize("text", RENDERCV_ODD, ids=range(len(RENDERCV_ODD)))
def test_rendercv_with_values_of_the_wrong_type_reads_or_refuses_cleanly(tmp_path: Path, text: str) -> None:
    source = tmp_path / "cv.rendercv.yaml"
    source.write_text(text, encoding="utf-8")
    _reads_or_refuses(source)


@pytest.mark.parametrize(
    "profile",
    [
        "First Name,Summary\nA," + "x" * 200_000 + "\n",  # past the csv module's field bound
        'First Name,Geo Location\nA,","\n',
        "First Name,Last Name\nA,B,extra,cells\n",
        "First Name\nA\x00B\n",
    ],
    ids=["huge field", "comma place", "extra cells", "NUL byte"],
)
def test_linkedin_odd_csv_reads_or_refuses_cleanly(tmp_path: Path, profile: str) -> None:
    source = tmp_path / "export.zip"
    source.write_bytes(zip_of({"Profile.csv": profile.encode()}))
    _reads_or_refuses(source)


def _reads_or_refuses(source: Path) -> None:
    try:
        resume, _ = cvconvert.read_with_report(source)
    except InvalidInputError as exc:
        assert "cannot read this" not in str(exc), str(exc)[:300]
        assert "\n" not in str(exc)
        return
    # Written back to its own dialect (a LinkedIn export, which is read only, to JSON) it works too.
    target = source.with_name("again.json" if source.suffix == ".zip" else "again" + "".join(source.suffixes))
    cvconvert.write(resume, target)


def test_a_linkedin_csv_of_millions_of_rows_is_refused_within_the_bounds(tmp_path: Path) -> None:
    from tests.helpers import assert_one_line_error, run_bounded

    source = tmp_path / "export.zip"
    source.write_bytes(zip_of({"Profile.csv": b"First Name\nA\n", "Skills.csv": b"Name\n" + b"x\n" * 10_000_000}))
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "cv.json"))
    assert_one_line_error(code, err, "export.zip")
    assert "max_entries" in err


def test_linkedin_member_names_that_climb_out_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "export.zip"
    source.write_bytes(zip_of({"../Profile.csv": b"First Name\nA\n"}))
    with pytest.raises(InvalidInputError):
        cvconvert.read(source)


@pytest.mark.parametrize("data", REACTIVE_ODD, ids=range(len(REACTIVE_ODD)))
def test_an_odd_reactive_resume_file_that_reads_comes_back_the_same(data: dict[str, object]) -> None:
    import io

    try:
        resume = cvconvert.read(io.BytesIO(json.dumps(data).encode()), "reactive-resume")
    except InvalidInputError:
        return
    assert json.loads(cvconvert.dumps(resume, "reactive-resume")[0]) == data


def _alias_bomb(top: str) -> str:
    """A billion-laughs YAML whose last alias hangs under ``top`` (a few hundred bytes, 10^12 nodes)."""
    lines = [f"{top}:", "  name: A", "  sections:", "    a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"    a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    return "\n".join(lines) + "\ndesign:\n  bomb: *a11\n"


@pytest.mark.parametrize("name", ["cv.rendercv.yaml", "cv.yaml"], ids=["named", "sniffed"])
def test_a_rendercv_alias_bomb_is_refused_within_the_bounds(tmp_path: Path, name: str) -> None:
    from tests.helpers import assert_one_line_error, run_bounded

    source = tmp_path / name
    source.write_text(_alias_bomb("cv"), encoding="utf-8")
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, name)


@pytest.mark.parametrize(
    "text",
    [
        "cv:\n  name: A\n  sections:\n    deep: " + "[" * 50_000 + "]" * 50_000 + "\n",
        "cv:\n  name: !!python/object/apply:os.system ['echo hi']\n  sections: {}\n",
        "cv:\n  name: A\n  sections:\n    exp: &e\n    - company: X\n      position: Y\n  more: *e\n",
    ],
    ids=["deep", "python tag", "alias"],
)
def test_rendercv_yaml_tricks_read_or_refuse_in_one_line(tmp_path: Path, text: str) -> None:
    from tests.helpers import assert_one_line_error, run_bounded

    source = tmp_path / "cv.rendercv.yaml"
    source.write_text(text, encoding="utf-8")
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "out.json"))
    if code != 0:
        assert_one_line_error(code, err, "cv.rendercv.yaml")


@pytest.mark.parametrize("name", ["cv.fresh.json", "cv.json"], ids=["named", "sniffed"])
def test_fresh_nested_too_deeply_is_one_line(tmp_path: Path, name: str) -> None:
    from tests.helpers import assert_one_line_error, run_bounded

    deep = "[" * 100_000 + "]" * 100_000
    source = tmp_path / name
    source.write_text('{"name": "A", "meta": {"format": "FRESH@1.0.0"}, "x": ' + deep + "}", encoding="utf-8")
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, name)


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY e "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
        '<!DOCTYPE l [<!ENTITY e SYSTEM "file:///etc/hostname">]>',
    ],
    ids=["entity bomb", "external entity"],
)
def test_europass_v2_entities_are_refused_in_one_line(tmp_path: Path, doctype: str) -> None:
    from tests.helpers import assert_one_line_error, run_bounded

    source = tmp_path / "cv.xml"
    source.write_text(
        f'<?xml version="1.0"?>{doctype}<europass:learnerinfo xmlns:europass="http://europass.cedefop.europa.eu/'
        'Europass/V2.0"><identification><firstname>&e;</firstname></identification></europass:learnerinfo>',
        encoding="utf-8",
    )
    code, err, _, _ = run_bounded(str(source), "-", "--to", "json")
    assert_one_line_error(code, err, "cv.xml")
    assert "entit" in err.lower() or "DTD" in err or "DOCTYPE" in err


def test_a_europass_v2_file_of_many_entries_is_refused_within_the_bounds(tmp_path: Path) -> None:
    from tests.helpers import assert_one_line_error, run_bounded

    entry = "<workexperience><position><label>x</label></position></workexperience>"
    source = tmp_path / "cv.xml"
    source.write_text(
        '<?xml version="1.0"?><europass:learnerinfo xmlns:europass="http://europass.cedefop.europa.eu/Europass/V2.0">'
        f"<workexperiencelist>{entry * 300_000}</workexperiencelist></europass:learnerinfo>",
        encoding="utf-8",
    )
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "out.json"))
    assert_one_line_error(code, err, "cv.xml")


@pytest.mark.parametrize(
    "member",
    ["/etc/Profile.csv", "a/../../Profile.csv", "C:/x/Profile.csv", "a\\..\\..\\Profile.csv"],
    ids=["absolute", "climbing", "drive", "backslashes"],
)
def test_linkedin_member_names_of_every_kind_of_traversal_are_refused_or_kept_inside(
    tmp_path: Path, member: str
) -> None:
    # Nothing is ever extracted to disk: a name is only a name, so reading may refuse it or read it, never write.
    source = tmp_path / "export.zip"
    source.write_bytes(zip_of({member: b"First Name\nA\n", "Skills.csv": b"Name\nChess\n"}))
    before = set(tmp_path.parent.iterdir())
    try:
        cvconvert.read(source)
    except InvalidInputError as exc:
        assert "\n" not in str(exc)
    assert set(tmp_path.parent.iterdir()) == before
