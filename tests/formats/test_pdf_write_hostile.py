"""Hostile PDFs for the route that reads our own PDFs back: an attachment named like ours.

A stranger can attach a file named ``cvconvert-resume.json`` to any PDF. What it holds is input
like any JSON file: a bomb is refused within the limits, a file that is no résumé (or not JSON,
or of another media type) leaves the PDF to its text layer; never a traceback.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

import cvconvert
from cvconvert.errors import LimitExceededError
from cvconvert.model import Resume

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def page() -> bytes:
    """A PDF of ours without its attachment: its text layer names Ada Example."""
    resume = Resume.model_validate({"basics": {"name": "Ada Example", "email": "ada@example.org"}})
    return cvconvert.dumps(resume, "pdf", embed=False)[0]


def attached(pdf_bytes: bytes, payload: bytes, mime: str = "application/json", count: int = 1) -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for n in range(count):
            name = "cvconvert-resume.json" if n == count - 1 else f"other{n}.json"
            pdf.attachments[name] = pikepdf.AttachedFileSpec(pdf, payload, mime_type=mime)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


@pytest.mark.parametrize(
    ("payload", "mime"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "application/json"),  # nested past the depth limit
        (b'{"basics":' * 50_000 + b"{}" + b"}" * 50_000, "application/json"),
        (b'{"basics":', "application/json"),  # not JSON
        (b"[1, 2, 3]", "application/json"),  # JSON, no résumé
        (b'{"basics": {"name": "Someone Else"}}', "text/plain"),  # not our media type
        (b"\xff\xfe\x00junk", "application/json"),
    ],
    ids=["deep-array", "deep-object", "broken", "no-resume", "other-type", "binary"],
)
def test_an_attachment_that_is_not_ours_leaves_the_pdf_to_its_page(page: bytes, payload: bytes, mime: str) -> None:
    resume = cvconvert.read(attached(page, payload, mime), "pdf")
    assert resume.basics is not None and resume.basics.email == "ada@example.org"


def test_an_attachment_of_ours_is_read_from_the_json_with_a_warning_when_the_page_shows_another_name(
    page: bytes,
) -> None:
    # The attachment is invisible: a PDF could show a recruiter one CV and a machine another.
    resume, report = cvconvert.read_with_report(attached(page, b'{"basics": {"name": "Someone Else"}}'), "pdf")
    assert resume.to_data() == {"basics": {"name": "Someone Else"}}
    assert [n.path for n in report.warnings] == ["/basics/name"]
    assert "do not show this name" in report.warnings[0].message


def test_our_own_pdfs_read_back_without_the_other_name_warning() -> None:
    for name in ("Ada O'Example-Smith", "Dana Example", "Émile Ñandú"):
        data, _ = cvconvert.dumps(cvconvert.Resume.model_validate({"basics": {"name": name}}), "pdf")
        resume, report = cvconvert.read_with_report(data, "pdf")
        assert resume.basics is not None and resume.basics.name == name
        assert not report.warnings


def test_a_flate_bomb_named_like_ours_is_refused_within_the_limit(page: bytes) -> None:
    bomb = attached(page, b'{"basics": {"name": "' + b" " * (60 * 2**20) + b'"}}')
    assert len(bomb) < 2 * 2**20
    with pytest.raises(LimitExceededError, match="max_attachment_bytes"):
        cvconvert.read(bomb, "pdf")


def test_too_many_attachments_are_refused_before_any_is_decoded(page: bytes) -> None:
    many = attached(page, b"{}", count=101)
    with pytest.raises(LimitExceededError, match="max_attachments"):
        cvconvert.read(many, "pdf")


def test_on_the_command_line_a_bomb_is_one_line(page: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(attached(page, b"[" + b"0," * (30 * 2**20) + b"0]"))
    command = [sys.executable, "-m", "cvconvert", "--limit", "max_attachment_bytes=1000000"]
    done = subprocess.run(
        [*command, str(path), str(tmp_path / "out.json")], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "bomb.pdf" in lines[0] and "Traceback" not in done.stderr
    assert not (tmp_path / "out.json").exists()


def test_a_page_past_the_text_limit_is_refused_before_typst_lays_it_out() -> None:
    from cvconvert import limits

    resume = Resume.model_validate({"basics": {"name": "Ada Example", "summary": "word " * 400}})
    with limits.using(max_document_chars=1000), pytest.raises(LimitExceededError, match="max_document_chars"):
        cvconvert.dumps(resume, "pdf")
    assert cvconvert.dumps(resume, "pdf")[0].startswith(b"%PDF")


def test_too_many_entries_for_one_pdf_are_refused_before_typst_lays_them_out() -> None:
    from cvconvert.formats._pdf import write as pdf_write

    many = pdf_write.MAX_BLOCKS // 4 + 1  # two values shown each, and the entry counts two
    resume = Resume.model_validate({"work": [{"name": "Northwind", "position": "Clerk"}] * many})
    with pytest.raises(LimitExceededError, match="entries, lines and bullets"):
        cvconvert.dumps(resume, "pdf")


def test_a_long_run_of_combining_marks_is_cut_on_the_page_and_kept_in_the_attachment() -> None:
    # 10,000 marks on one letter took Typst 6 GB; the page shows 30, the attached JSON all.
    summary = "a" + "\u0301" * 10_000 + "\u20dd" * 5_000 + " done"
    resume = cvconvert.Resume.model_validate({"basics": {"name": "Ada Example", "summary": summary}})
    data, report = cvconvert.dumps(resume, "pdf")
    assert [n.path for n in report.hidden if "combining marks" in n.message] == ["/basics/summary"]
    assert cvconvert.read(data, "pdf").basics.summary == summary  # type: ignore[union-attr]


def test_a_paragraph_too_long_to_lay_out_is_refused_in_one_line() -> None:
    # One right-to-left paragraph of 200,000 characters took Typst 21 s of CPU.
    resume = cvconvert.Resume.model_validate({"basics": {"name": "Ada Example", "summary": "\u05d0\u05d1 " * 10_000}})
    with pytest.raises(LimitExceededError, match=r"/basics/summary holds a paragraph of more than 20,000"):
        cvconvert.dumps(resume, "pdf")
    # Paragraphs below the bound, many of them, are written.
    many = "\n".join(["\u05d0\u05d1 " * 2_000] * 5)
    cvconvert.dumps(cvconvert.Resume.model_validate({"basics": {"name": "Ada Example", "summary": many}}), "pdf")


def test_our_pdf_with_damaged_pages_but_a_whole_attachment_reads_in_one_line_or_with_a_warning() -> None:
    # Found by the fuzz test: bytes cut from a page made PDFium fail to load it while pypdf still
    # read the attachment, and the name check's page reading raised PDFium's own error.
    data, _ = cvconvert.dumps(cvconvert.read(Path(__file__).parents[2] / "samples" / "wanru-zhao.json"), "pdf")
    for k in range(255, 275):  # around where the cut hits the first page
        i = k * len(data) // 1000
        cut = data[:i] + data[i + 15 :]
        try:
            cvconvert.read(cut, "pdf")
        except cvconvert.CvConvertError as exc:
            assert "\n" not in str(exc)


@pytest.mark.parametrize(("name", "code"), [("0\ufeff", "U+FEFF"), ("x\ufdd0", "U+FDD0")])
def test_a_code_point_pdf_ua_forbids_makes_a_pdf_without_the_standards_not_an_error(name: str, code: str) -> None:
    # Found by Hypothesis: a zero-width no-break space in a name failed the whole PDF.
    resume = cvconvert.Resume.model_validate({"basics": {"name": name}})
    data, report = cvconvert.dumps(resume, "pdf")
    assert any(code in n.message and "PDF/UA" in n.message for n in report.warnings)
    assert cvconvert.read(data, "pdf").basics.name == name  # type: ignore[union-attr]
