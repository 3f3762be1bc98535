"""The service shares the library's rules instead of keeping copies: a conversion refused for a
loss, and a batch's options checked once, before any file is read."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

import cvconvert
from cvconvert import api, formats
from cvconvert.errors import LossError
from cvconvert.service import work

# Europass has no place for ``meta``: a loss on the writer's side.
LOSSY = json.dumps({"basics": {"name": "Ada Example"}, "meta": {"theme": "plain"}}).encode()


def test_the_service_refuses_a_loss_as_the_library_does(tmp_path: Path) -> None:
    source = tmp_path / "cv.json"
    source.write_bytes(LOSSY)
    with pytest.raises(LossError) as info:
        cvconvert.convert(source, tmp_path / "cv.xml", to="europass", fail_on_loss=True)
    reply = work.handle("convert", {"data": LOSSY, "name": "cv.json", "to": "europass", "fail_on_loss": True})
    assert not reply["ok"]
    refused = reply["problem"]
    assert refused["status"] == 422 and refused["code"] == "loss"
    assert refused["side"] == info.value.side == "writer"
    assert refused["report"] == info.value.report.as_json()
    assert not (tmp_path / "cv.xml").exists()


def test_one_function_refuses_a_loss_for_both() -> None:
    # The library's and the service's conversions are one function: the service names the client's
    # file, the library the target it would have written.
    json_format, europass = formats.get("json"), formats.get("europass")
    with pytest.raises(LossError) as info:
        api.convert_loaded(LOSSY, json_format, europass, "cv.json", options={}, fail_on_loss=True)
    assert str(info.value).startswith("cv.json")
    with pytest.raises(LossError) as info:
        api.convert_loaded(
            LOSSY, json_format, europass, "cv.json", options={}, fail_on_loss=True, refused_as="out/cv.xml"
        )
    assert str(info.value).startswith("out/cv.xml")
    output, report, resume = api.convert_loaded(LOSSY, json_format, europass, "cv.json", options={})
    assert output.startswith(b"<?xml") and [n.path for n in report.losses] == ["/meta"]
    assert resume.basics is not None and resume.basics.name == "Ada Example"


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in files.items():
            package.writestr(name, data)
    return out.getvalue()


def _batch(data: bytes, **job: object) -> dict[str, object]:
    return work.handle("batch", {"data": data, "name": "cvs.zip", "max_files": 100, "max_body_bytes": 2**24, **job})


CV = json.dumps({"basics": {"name": "Ada Example"}, "work": [{"name": "Northwind Ltd"}]}).encode()


@pytest.mark.parametrize("data", [_zip({"a/cv.json": CV, "b/cv.json": CV}), b"not a zip at all"])
def test_a_bad_batch_option_is_one_400_before_the_zip_is_opened(data: bytes) -> None:
    # Regression: each file failed alone with the same unknown option (a 200 listing N failures),
    # and a body that was no ZIP was a 422 about the ZIP, not about the option.
    reply = _batch(data, to="json", options={"colour": "red"})
    assert not reply["ok"]
    problem = reply["problem"]
    assert isinstance(problem, dict) and problem["status"] == 400 and "unknown option(s) colour" in problem["detail"]


def test_a_batch_option_of_the_wrong_type_is_one_400() -> None:
    reply = _batch(_zip({"cv.json": CV}), to="xlsx", options={"max_links": "many"})
    assert not reply["ok"] and reply["problem"]["status"] == 400  # type: ignore[index]


def test_a_batch_option_that_names_a_file_is_one_400_before_the_zip_is_opened() -> None:
    reply = _batch(b"not a zip at all", to="docx", options={"template": "/etc/passwd"})
    assert not reply["ok"] and reply["problem"]["status"] == 400  # type: ignore[index]
    assert "names a file on the server" in reply["problem"]["detail"]  # type: ignore[index]


def test_a_batch_option_reaches_only_the_files_whose_reader_takes_it() -> None:
    # Regression: ``lang`` (the DOCX reader's) failed every JSON file of the same ZIP.
    docx, _ = api.dumps(cvconvert.Resume.model_validate(json.loads(CV)), "docx")
    reply = _batch(_zip({"a.json": CV, "b.docx": docx}), to="json", options={"lang": "fr"})
    assert reply["ok"], reply
    assert reply["failed"] == 0 and reply["files"] == 2
    with zipfile.ZipFile(io.BytesIO(reply["output"])) as result:  # type: ignore[arg-type]
        assert sorted(result.namelist()) == ["a.json", "b.json", "report.json"]


def test_a_batch_that_names_its_reader_takes_only_that_reader_options() -> None:
    reply = _batch(_zip({"a.json": CV}), to="json", from_="json", options={"lang": "fr"})
    assert not reply["ok"] and reply["problem"]["status"] == 400  # type: ignore[index]
    assert "the json reader" in reply["problem"]["detail"]  # type: ignore[index]
