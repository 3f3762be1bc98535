"""The service shares the library's rules instead of keeping copies: a conversion refused for a
loss, and a batch's options checked once, before any file is read."""

from __future__ import annotations

import json
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
