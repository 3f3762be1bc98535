"""SECURITY.md's promises that had no test: one test (or a few) for each, at the exact bounds.

- batch output names are de-duplicated: two inputs named cv.json never overwrite each other
  (the CLI's batch and /v1/batch);
- a worker is replaced after 10,000 conversions: the default reaches the service's pool and the
  batch's;
- pasted text past ``max_document_chars`` is refused before the rules run (no pass runs);
- at most 64 options of at most 4,096 characters (names of at most 64): the bound itself is
  accepted, one more is refused, whether the options come in the query or a multipart form.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import cvconvert
from cvconvert import cli, limits
from cvconvert.batch import engines
from cvconvert.batch import model as batch_model
from cvconvert.errors import LimitExceededError
from cvconvert.service import work
from cvconvert.service.config import ServiceConfig
from tests.helpers import zip_of


def _cv(name: str) -> bytes:
    return json.dumps({"basics": {"name": name}, "work": [{"name": "Northwind Ltd"}]}).encode()


# --- batch outputs are never overwritten ---------------------------------------------------


def test_two_inputs_of_one_name_named_on_the_command_line_get_two_outputs(tmp_path: Path) -> None:
    for folder, name in (("a", "Ada Example"), ("b", "Bo Example")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "cv.json").write_bytes(_cv(name))
    out = tmp_path / "out"
    args = ["batch", str(tmp_path / "a" / "cv.json"), str(tmp_path / "b" / "cv.json"), "--to", "yaml"]
    assert cli.run([*args, "--out", str(out), "--jobs", "1", "-q"]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 2, written
    names = {yaml.safe_load(p.read_text(encoding="utf-8"))["basics"]["name"] for p in out.iterdir()}
    assert names == {"Ada Example", "Bo Example"}


def test_two_folders_with_files_of_one_name_keep_both(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "cv.json").write_bytes(_cv(f"Ada {folder.upper()}"))
    results = list(cvconvert.batch.convert_many([str(tmp_path / "in")], tmp_path / "out", to="json", jobs=1))
    assert [r.status for r in results] == ["ok", "ok"]
    outputs = {r.output for r in results}
    assert len(outputs) == 2
    names = {json.loads(Path(o).read_bytes())["basics"]["name"] for o in outputs if o}
    assert names == {"Ada A", "Ada B"}


def test_a_batch_zip_whose_outputs_would_share_a_name_gets_one_output_each() -> None:
    members = {
        "cv.json": _cv("One"),
        "cv.yaml": yaml.safe_dump(json.loads(_cv("Two"))).encode(),
        "CV.yml": yaml.safe_dump(json.loads(_cv("Three"))).encode(),  # CV.json: cv.json where case is ignored
        "report.json": _cv("Four"),  # the name of the batch's own report
        "a/cv.json": _cv("Five"),
        "b/cv.json": _cv("Six"),
    }
    job = {"data": zip_of(members), "name": "cvs.zip", "to": "json", "max_files": 100, "max_body_bytes": 2**24}
    reply = work.handle("batch", job)
    assert reply["ok"] and reply["failed"] == 0, reply
    with zipfile.ZipFile(io.BytesIO(reply["output"])) as result:
        names = result.namelist()
        assert len(names) == len({n.casefold() for n in names}) == len(members) + 1
        report = json.loads(result.read("report.json"))
        assert isinstance(report, list) and len(report) == len(members)  # the report is not a résumé
        read_back = {e["input"]: json.loads(result.read(e["output"]))["basics"]["name"] for e in report}
    assert read_back == {k: json.loads(_cv(v))["basics"]["name"] for k, v in zip(members, _NAMES, strict=True)}


_NAMES = ("One", "Two", "Three", "Four", "Five", "Six")


# --- workers are replaced after 10,000 conversions -----------------------------------------


def test_the_service_pool_replaces_a_worker_after_10_000_conversions(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastapi")
    from cvconvert import service
    from cvconvert.service.app import Service

    assert batch_model.WORKER_JOBS == 10_000
    assert Service(ServiceConfig()).pool.max_jobs == 10_000
    assert service.create_app().state.service.pool.max_jobs == 10_000
    # The config ``cvconvert serve`` builds from its options leaves the default in force.
    seen: list[ServiceConfig] = []
    monkeypatch.setattr(service, "run", seen.append)
    assert cli.run(["serve", "--workers", "1", "--port", "0"]) == 0
    assert [Service(c).pool.max_jobs for c in seen] == [10_000]


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many process pools a batch starts (engines._new_pool, counted)."""
    started: list[int] = []
    real = engines._new_pool

    def counted(workers: int) -> Any:
        started.append(workers)
        return real(workers)

    monkeypatch.setattr(engines, "_new_pool", counted)
    yield started


def test_a_batch_starts_fresh_workers_after_their_share_of_conversions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    # Regression: a batch's pool kept its workers for the whole batch (100,000 files: 50,000
    # conversions a worker, with whatever memory the libraries kept).
    (tmp_path / "in").mkdir()
    for i in range(20):
        (tmp_path / "in" / f"cv{i:02}.json").write_bytes(_cv(f"Ada {i}"))
    monkeypatch.setattr(batch_model, "WORKER_JOBS", 3)  # 2 workers: fresh ones every 6 files
    results = list(cvconvert.batch.convert_many([str(tmp_path / "in")], tmp_path / "out", to="yaml", jobs=2))
    assert sorted(r.status for r in results) == ["ok"] * 20
    assert len(list((tmp_path / "out").iterdir())) == 20
    assert len(pools) >= 4  # 20 files, 6 at most a pool


def test_a_batch_keeps_its_workers_below_the_default(tmp_path: Path, pools: list[int]) -> None:
    (tmp_path / "in").mkdir()
    for i in range(8):
        (tmp_path / "in" / f"cv{i}.json").write_bytes(_cv(f"Ada {i}"))
    results = list(cvconvert.batch.convert_many([str(tmp_path / "in")], tmp_path / "out", to="json", jobs=2))
    assert sorted(r.status for r in results) == ["ok"] * 8
    assert pools == [2]


# --- pasted text: refused before the rules run ---------------------------------------------


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The engine's passes (and its language detection) that ran, by name: the real ones, recorded."""
    import cvconvert.extract as engine

    ran: list[str] = []

    def recorded(step: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            ran.append(step.__name__)
            return step(*args, **kwargs)

        return run

    monkeypatch.setattr(engine, "PASSES", tuple(recorded(step) for step in engine.PASSES))
    monkeypatch.setattr(engine, "detect", recorded(engine.detect))
    yield ran


PASTED = "Ada Example\nada@example.org\n\nExperience\n" + "Engineer, Northwind Ltd, 2019 - 2023\n" * 40


def _characters(text: str) -> int:
    from cvconvert.formats._text import read_lines

    return sum(len(line.text) for line in read_lines(text))


def test_pasted_text_past_the_character_limit_runs_no_pass(passes: list[str]) -> None:
    most = _characters(PASTED) - 1
    with limits.using(max_document_chars=most), pytest.raises(LimitExceededError, match=f"limit {most:,}"):
        cvconvert.read(PASTED.encode(), "text")
    assert passes == []


def test_pasted_text_at_the_character_limit_is_read(passes: list[str]) -> None:
    with limits.using(max_document_chars=_characters(PASTED)):
        resume = cvconvert.read(PASTED.encode(), "text")
    assert resume.basics is not None and resume.basics.email == "ada@example.org"
    assert "running_heads" in passes and "detect" in passes


# --- options: 64 of them, 4,096 characters each, names of 64 --------------------------------


def test_option_names_and_values_are_accepted_at_the_bound_and_refused_past_it() -> None:
    from cvconvert.service.app import _BadRequest, _job

    assert _job({"to": "json", "k" * 64: "v" * 4_096}, writing=True)["options"] == {"k" * 64: "v" * 4_096}
    assert _job({"to": "json", "lang": "é" * 4_096}, writing=True)["options"] == {"lang": "é" * 4_096}
    for fields in ({"k" * 65: "v"}, {"lang": "v" * 4_097}, {"lang": "é" * 4_097}):
        with pytest.raises(_BadRequest, match="too long"):
            _job({"to": "json", **fields}, writing=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    pytest.importorskip("fastapi")
    pytest.importorskip("uvicorn")
    from tests.service_server import serve

    with serve(tmp_path_factory.mktemp("promises"), workers=1) as running:
        yield running


def _options(count: int) -> dict[str, str]:
    return {f"o{i}": "1" for i in range(count)}


def _detail(answer: Any) -> str:
    assert answer.status_code == 400, answer.content[:300]
    return str(answer.json()["detail"])


# Every other parameter a request may carry, beside its options: they are not options.
_PARAMETERS = {"to": "json", "from": "json", "name": "cv.json", "strict": "false", "fail_on_loss": "false"}


@pytest.mark.parametrize("form", [False, True], ids=["query", "multipart"])
def test_64_options_reach_the_formats_and_65_are_refused_at_once(server: Any, form: bool) -> None:
    # Regression: the count allowed the conversion's own parameters as options when they were
    # absent (69 options passed), and a form refused 64 options beside ``to``.
    import httpx

    def post(options: dict[str, str]) -> httpx.Response:
        url = f"{server.url}/v1/convert"
        fields = {**_PARAMETERS, **options}
        if form:
            return httpx.post(url, data=fields, files={"file": ("cv.json", _cv("Ada Example"))}, timeout=30)
        return httpx.post(url, params=fields, content=_cv("Ada Example"), timeout=30)

    # At the bound, the request reaches the formats, which name the options they do not take.
    assert "unknown option(s) o0, o1," in _detail(post(_options(64)))
    # Past it, refused before any work: by our count, or by the form parser's (it counts fields).
    refused = _detail(post(_options(65)))
    assert "more than 64 options" in refused or (form and "Too many fields" in refused), refused
    without = {k: v for k, v in {**_PARAMETERS, **_options(65)}.items() if k not in ("from", "name", "strict")}
    answer = httpx.post(f"{server.url}/v1/convert", params=without, content=_cv("Ada Example"), timeout=30)
    assert "more than 64 options" in _detail(answer)


def test_a_form_field_of_4096_characters_of_any_script_is_an_option_value(server: Any) -> None:
    # Regression: the form parser counted bytes: 4,096 characters of "é" (8,192 bytes) were refused.
    import httpx

    url = f"{server.url}/v1/convert"
    for value, accepted in (("é" * 4_096, True), ("é" * 4_097, False), ("x" * 4_097, False)):
        answer = httpx.post(
            url, data={"to": "json", "colour": value}, files={"file": ("cv.json", _cv("Ada Example"))}, timeout=30
        )
        detail = _detail(answer)
        assert ("unknown option(s) colour" in detail) is accepted, detail
        assert ("too long" in detail or "cannot read the multipart form" in detail) is not accepted, detail


# --- only regular files are read; walks skip what is not one, with the reason ---------------


def _socket_at(path: Path) -> Any:
    import socket

    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    return listener


def test_a_socket_named_as_the_input_is_refused_saying_what_it_is(tmp_path: Path) -> None:
    # Regression: a socket cannot be opened at all, and the message was the system's "No such
    # device or address", which does not say what the input is.
    with _socket_at(tmp_path / "cv.json"):
        with pytest.raises(cvconvert.InvalidInputError, match=r"cv\.json: is a socket, not a file$"):
            cvconvert.read(tmp_path / "cv.json")


def test_a_folder_walk_skips_a_socket_and_a_dangling_link_and_names_each(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.json").write_bytes(_cv("Ada Example"))
    (folder / "gone.json").symlink_to(folder / "missing.json")
    with _socket_at(folder / "sock.json"):
        results = list(cvconvert.batch.convert_many([str(folder)], tmp_path / "out", to="yaml", jobs=1))
    by_input = {Path(r.input).name: r for r in results}
    assert by_input["ok.json"].status == "ok"
    assert by_input["gone.json"].status == "skipped" and "No such file" in str(by_input["gone.json"].error)
    assert by_input["sock.json"].status == "skipped" and "a socket" in str(by_input["sock.json"].error)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ok.yaml"]


# --- macros are data: a .docm is read, its VBA never copied --------------------------------


def _docm() -> bytes:
    """A Word document with macros: our DOCX with a VBA part, its relationship and content type."""
    from cvconvert import api

    docx, _ = api.dumps(cvconvert.Resume.model_validate(json.loads(_cv("Ada Example"))), "docx")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
                ).replace(
                    b"</Types>",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
                    b'vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            target.writestr(info, data)
        target.writestr("word/vbaProject.bin", b'Attribute VB_Name = "AutoOpen"\nShell "calc"\n')
    return out.getvalue()


def test_a_docm_is_read_as_data_and_its_macros_go_nowhere(tmp_path: Path) -> None:
    source = tmp_path / "cv.docm"
    source.write_bytes(_docm())
    resume = cvconvert.read(source)
    assert resume.basics is not None and resume.basics.name == "Ada Example"
    cvconvert.convert(source, tmp_path / "out.docx")
    with zipfile.ZipFile(tmp_path / "out.docx") as written:
        names = written.namelist()
        assert not any("vba" in n.lower() for n in names), names
        assert all(b"macroEnabled" not in written.read(n) and b"vbaProject" not in written.read(n) for n in names)


# --- the service's log holds no query, option or file name ---------------------------------


def test_the_log_holds_no_option_value_query_or_unknown_path(server: Any) -> None:
    import time

    import httpx

    marker = "Quillfeather"
    httpx.post(
        f"{server.url}/v1/convert",
        params={"to": "docx", "lang": marker, "name": f"{marker}.json"},
        content=_cv("Ada Example"),
        timeout=30,
    )
    httpx.get(f"{server.url}/{marker}/x?{marker}=1", timeout=30)
    time.sleep(0.2)
    log = server.log_text()
    assert "POST /v1/convert " in log and " other 404 " in log
    assert marker not in log


# --- batch: no output is written over an input ---------------------------------------------


def test_a_batch_into_its_own_input_folder_writes_over_no_input(tmp_path: Path) -> None:
    # Regression: cv.json converted to json with --out its own folder was written over itself,
    # and a.json's output a.yaml over the input a.yaml (read, or not yet, by another task).
    folder = tmp_path / "in"
    folder.mkdir()
    inputs = {
        "cv.json": b'{"basics": {"name": "Ada Example", "email": " ada@example.org"}}',
        "a.json": _cv("Bo Example"),
        "a.yaml": b"basics:\n  name: Cy Example\n",
    }
    for name, data in inputs.items():
        (folder / name).write_bytes(data)
    for to in ("json", "yaml"):
        args = ["batch", str(folder), "--to", to, "--out", str(folder), "--jobs", "1", "-q"]
        assert cli.run(args) == 0
        assert {n: (folder / n).read_bytes() for n in inputs} == inputs
    planned = cvconvert.batch.plan([str(folder / "cv.json")], str(folder), "json")
    assert [Path(t.output).name for t in planned] == ["cv.json.json"]


def test_a_single_workbook_among_its_own_inputs_is_not_read_again(tmp_path: Path) -> None:
    # Regression: a second run read the workbook of the first as an input ("all.xlsx -> all.xlsx")
    # and wrote its résumés into itself again.
    pytest.importorskip("openpyxl")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_bytes(_cv("Ada Example"))
    book = folder / "all.xlsx"
    for _ in range(2):
        results = cvconvert.batch.gather_workbook([str(folder)], book, jobs=1)
        assert sorted(p.name for p in folder.iterdir()) == ["a.json", "all.xlsx"]
    assert {Path(r.input).name: r.status for r in results} == {"a.json": "ok", "all.xlsx": "skipped"}
    assert [r.basics.name for r in cvconvert.read_many(book) if r.basics] == ["Ada Example"]


# --- legacy and password-protected Office files say what they are ---------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("name", "stream"),
    [("cv.xls", "Workbook"), ("cv.ppt", "PowerPoint Document"), ("upload.bin", "EncryptedPackage")],
)
def test_a_binary_office_file_no_format_claims_is_refused_saying_what_it_is(
    name: str, stream: str, tmp_path: Path
) -> None:
    # Regression: a legacy .xls (and an encrypted Office file under another name) was "cannot
    # tell the format of this file; name it with --from", as if any format could read it.
    path = tmp_path / name
    path.write_bytes(_OLE + b"\0" * 1000 + stream.encode("utf-16-le") + b"\0" * 100)
    with pytest.raises(cvconvert.InvalidInputError) as caught:
        cvconvert.read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: a legacy binary (.doc, .xls) or password-protected Office file")
    assert "\n" not in message


# --- zip packages: only stored and deflated members --------------------------------------


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA], ids=["bzip2", "lzma"])
def test_a_package_member_of_another_compression_is_refused_before_it_is_inflated(method: int) -> None:
    from cvconvert import api

    docx, _ = api.dumps(cvconvert.Resume.model_validate(json.loads(_cv("Ada Example"))), "docx")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(
                info.filename,
                source.read(info),
                method if info.filename == "word/document.xml" else zipfile.ZIP_DEFLATED,
            )
    with pytest.raises(cvconvert.InvalidInputError, match=r"word/document\.xml uses a compression Office files never"):
        cvconvert.read(out.getvalue(), "docx")
    reply = work.handle(
        "batch",
        {"data": zip_of({"cv.json": _cv("Ada")}, method), "name": "cvs.zip", "to": "json", "max_files": 9,
         "max_body_bytes": 2**20},
    )  # fmt: skip
    assert not reply["ok"] and reply["problem"]["status"] == 422
    assert "uses a compression" in reply["problem"]["detail"]


# --- limits that had no test at their place -------------------------------------------------


def _our_docx() -> bytes:
    from cvconvert import api

    return api.dumps(cvconvert.Resume.model_validate(json.loads(_cv("Ada Example"))), "docx")[0]


def test_the_data_part_of_our_docx_is_held_to_the_json_depth(tmp_path: Path) -> None:
    import re

    deep = "[" * 300 + "]" * 300  # json.loads takes it; max_json_depth (200) does not
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_our_docx())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "customXml/item1.xml":
                data, count = re.subn(
                    rb'"meta":\{[^}]*\}|"work":\[', b'"meta":{"x":' + deep.encode() + b"},\\g<0>", data
                )
                assert count >= 1
            target.writestr(info, data)
    path = tmp_path / "cv.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(LimitExceededError, match="nested deeper than 200 levels"):
        cvconvert.read(path)


def test_a_docx_template_past_the_input_limit_is_a_usage_error(tmp_path: Path) -> None:
    template = tmp_path / "look.dotx"
    template.write_bytes(_our_docx())
    size = template.stat().st_size
    resume = cvconvert.Resume.model_validate(json.loads(_cv("Ada Example")))
    with limits.using(max_input_bytes=size - 1), pytest.raises(cvconvert.OptionError, match="over the limit"):
        cvconvert.write(resume, tmp_path / "cv.docx", template=template)
    assert not (tmp_path / "cv.docx").exists()
    with limits.using(max_input_bytes=size):
        cvconvert.write(resume, tmp_path / "cv.docx", template=template)


@pytest.mark.parametrize(("text", "size"), [("3KB", 3 * 2**10), ("20MB", 20 * 2**20), ("1GB", 2**30), ("1_000", 1000)])
def test_limit_sizes_take_kb_mb_and_gb(text: str, size: int) -> None:
    assert limits.parse([f"max_input_bytes={text}"]) == {"max_input_bytes": size}


def test_a_size_limit_from_the_command_line_holds_at_its_bound(tmp_path: Path) -> None:
    source = tmp_path / "cv.json"
    source.write_bytes(_cv("Ada Example").ljust(3 * 2**10))  # 3 KB exactly
    assert cli.run(["--limit", "max_input_bytes=3KB", str(source), str(tmp_path / "a.yaml")]) == 0
    source.write_bytes(_cv("Ada Example").ljust(3 * 2**10 + 1))
    assert cli.run(["--limit", "max_input_bytes=3KB", str(source), str(tmp_path / "b.yaml")]) == 1
    assert not (tmp_path / "b.yaml").exists()


def test_a_service_worker_counts_each_file_of_a_batch_toward_its_replacement() -> None:
    # Regression: a /v1/batch of 1,000 files counted as one conversion: a worker could run
    # millions of conversions before it was replaced.
    import asyncio

    from cvconvert.service.pool import Pool

    async def scenario() -> tuple[dict[str, int], int]:
        pool = Pool(work.serve, (limits.current(), False), size=1, queue=1, max_jobs=5)
        await pool.start()
        try:
            job = {"name": "cvs.zip", "to": "json", "max_files": 100, "max_body_bytes": 2**24}
            few = await pool.run("batch", {**job, "data": zip_of({f"cv{i}.json": _cv("Ada") for i in range(4)})}, 60)
            assert few["ok"] and few["files"] == 4
            replaced_after_four = pool.stats.replaced["recycled"]
            more = await pool.run("batch", {**job, "data": zip_of({f"cv{i}.json": _cv("Ada") for i in range(2)})}, 60)
            assert more["ok"] and more["files"] == 2
            return dict(pool.stats.replaced), replaced_after_four
        finally:
            await pool.close()

    replaced, before = asyncio.run(scenario())
    assert before == 0 and replaced["recycled"] == 1 and replaced["died"] == 0
