"""Relative and empty IRIs are never resolved against the working directory (issue 15, item 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cvconvert


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "cv.jsonld",
            '{"@context": "https://schema.org", "@type": "Person", "name": "Ada",'
            ' "url": "about/me.html", "sameAs": ""}',
        ),
        (
            "cv.ttl",
            "@prefix s: <https://schema.org/> .\n"
            '<#me> a s:Person ; s:name "Ada" ; s:url <about/me.html> ; s:sameAs <> .\n',
        ),
    ],
)
def test_relative_iris_stay_as_written_and_no_local_path_leaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    cvconvert.convert(name, "cv.json")
    out = (tmp_path / "cv.json").read_text(encoding="utf-8")
    assert "file:" not in out and str(tmp_path) not in out
    basics = json.loads(out)["basics"]
    assert basics["name"] == "Ada"
    assert basics["url"] == "about/me.html"
    # The empty IRI names nothing: no profile is made of it.
    assert not basics.get("profiles")


@pytest.mark.parametrize("written", ["cv/page.html", "/cv/page", "../gh", "../../a/b/", "#me"])
def test_each_kind_of_relative_reference_comes_back_as_written(tmp_path: Path, written: str) -> None:
    source = tmp_path / "cv.jsonld"
    data = {"@context": "https://schema.org", "@type": "Person", "name": "Ada", "url": {"@id": written}}
    source.write_text(json.dumps(data), encoding="utf-8")
    resume = cvconvert.read(source)
    assert resume.basics is not None and resume.basics.url == written


def test_a_base_the_document_declares_is_used(tmp_path: Path) -> None:
    source = tmp_path / "cv.jsonld"
    source.write_text(
        '{"@context": ["https://schema.org", {"@base": "https://example.org/people/"}],'
        ' "@type": "Person", "name": "Ada", "url": {"@id": "ada.html"}}',
        encoding="utf-8",
    )
    resume = cvconvert.read(source)
    assert resume.basics is not None and resume.basics.url == "https://example.org/people/ada.html"
