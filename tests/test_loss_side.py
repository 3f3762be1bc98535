"""``--fail-on-loss`` refuses when the reader lost a field, not only the writer (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cvconvert
from cvconvert.errors import LossError
from tests.helpers import run_bounded

# A current Europass CV whose reader has no home for its projects yet: a loss on the way in.
CANDIDATE = b"""<?xml version="1.0" encoding="UTF-8"?>
<Candidate xmlns="http://www.europass.eu/1.0" xmlns:oa="http://www.openapplications.org/oagis/9"
 xmlns:eures="http://www.europass_eures.eu/1.0" xmlns:hr="http://www.hr-xml.org/3">
<CandidatePerson><PersonName><oa:GivenName>Ada</oa:GivenName><hr:FamilyName>Byron</hr:FamilyName></PersonName>
</CandidatePerson>
<CandidateProfile/>
<RenderingInformation><Design><Template>Template1</Template></Design></RenderingInformation>
</Candidate>
"""


def _source(tmp_path: Path) -> Path:
    path = tmp_path / "cv.xml"
    path.write_bytes(CANDIDATE)
    resume, report = cvconvert.read_with_report(path)
    assert resume.basics is not None and resume.basics.name == "Ada Byron"
    assert report.losses, "the sample must make the reader lose something"
    return path


def test_library_refuses_a_reader_loss_and_writes_nothing(tmp_path: Path) -> None:
    source, target = _source(tmp_path), tmp_path / "cv.json"
    with pytest.raises(LossError, match="by the reader") as caught:
        cvconvert.convert(source, target, fail_on_loss=True)
    assert caught.value.side == "reader"
    assert not target.exists()
    # Without the flag the conversion goes through and the loss is in the report.
    assert cvconvert.convert(source, target).losses


def test_cli_exits_3_on_a_reader_loss(tmp_path: Path) -> None:
    source, target = _source(tmp_path), tmp_path / "cv.json"
    code, err, _, _ = run_bounded(str(source), str(target), "--fail-on-loss", "-q")
    assert code == 3, err
    assert err.strip().splitlines()[-1].startswith("error: ") and "by the reader" in err
    assert not target.exists()


def test_a_writer_loss_is_named_as_the_writers(tmp_path: Path) -> None:
    source = tmp_path / "cv.json"
    source.write_text('{"basics": {"name": "Ada"}, "x-custom": "kept by JSON, not by Europass"}')
    with pytest.raises(LossError, match="by the writer") as caught:
        cvconvert.convert(source, tmp_path / "cv.xml", fail_on_loss=True)
    assert caught.value.side == "writer"
    assert not (tmp_path / "cv.xml").exists()


def test_both_sides_are_named_when_both_lose(tmp_path: Path) -> None:
    # The Europass reader loses the layout; RenderCV has no section type for the languages.
    source = tmp_path / "cv.xml"
    source.write_bytes(
        CANDIDATE.replace(
            b"</CandidatePerson>", b'<PrimaryLanguageCode name="NORMAL">eng</PrimaryLanguageCode>\n</CandidatePerson>'
        )
    )
    assert cvconvert.read(source).languages
    with pytest.raises(LossError, match="by the reader and the writer") as caught:
        cvconvert.convert(source, tmp_path / "cv.rendercv.yaml", fail_on_loss=True)
    assert caught.value.side == "reader and writer"
    assert not (tmp_path / "cv.rendercv.yaml").exists()
