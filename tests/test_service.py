"""The conversion service (issue #19): every route, error and limit, against a real server.

Two servers run for the module: an ordinary one (two workers, a 1 MB input limit for the
readers, its own TMPDIR) and a tight one (one worker, no queue, a 1.5 s time limit, a 3 MB
body limit and an API key) for 401, 413, 429 and 504.
"""

from __future__ import annotations

import base64
import io
import json
import socket
import struct
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import cvconvert
from tests.canary import canary
from tests.conftest import SAMPLES
from tests.helpers import zip_of
from tests.service_server import Server, serve

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

KEY = "correct-horse-battery"
SAMPLE = SAMPLES / "wanru-zhao.json"


@pytest.fixture(scope="module")
def tmp_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("service")


@pytest.fixture(scope="module")
def server(tmp_module: Path) -> Iterator[Server]:
    spool = tmp_module / "tmpdir"
    spool.mkdir()
    with serve(tmp_module, limits=("max_input_bytes=1MB",), env={"TMPDIR": str(spool)}) as running:
        yield running


@pytest.fixture(scope="module")
def tight(tmp_module: Path) -> Iterator[Server]:
    args = ("--queue", "0", "--timeout", "1.5", "--max-body", "3MB")
    with serve(tmp_module, *args, workers=1, env={"CVCONVERT_API_KEY": KEY}) as running:
        yield running


def post(server: Server, path: str, content: bytes, **kwargs: object) -> httpx.Response:
    return httpx.post(f"{server.url}{path}", content=content, timeout=30, **kwargs)  # type: ignore[arg-type]


def assert_problem(answer: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert answer.status_code == status, (answer.headers.get("content-type"), answer.content[:300])
    assert answer.headers["content-type"] == "application/problem+json"
    doc = answer.json()
    assert doc["status"] == status and doc["code"] == code and doc["type"] == "about:blank"
    assert "\n" not in doc["detail"]
    return doc


def big_resume(entries: int) -> bytes:
    """A résumé that takes DOCX's writer seconds (6 s for 40,000 jobs and 40,000 schools here)."""
    resume = {
        "basics": {"name": "Ada Example"},
        "work": [{"name": "N", "position": "E"}] * entries,
        "education": [{"institution": "U", "area": "A"}] * entries,
    }
    return json.dumps(resume, separators=(",", ":")).encode()


# --- /v1/convert ------------------------------------------------------------------------


def test_convert_answers_the_docx_with_its_name_and_the_report_in_a_header(server: Server) -> None:
    answer = post(server, "/v1/convert?to=docx&name=ada.json", SAMPLE.read_bytes())
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert 'filename="ada.docx"' in answer.headers["content-disposition"]
    report = json.loads(answer.headers["x-cvconvert-report"])
    assert report["losses"] == [] and answer.headers["x-cvconvert-losses"] == "0"
    assert cvconvert.read(answer.content, "docx") == cvconvert.read(SAMPLE)


def test_convert_json_envelope_holds_output_report_and_what_was_found(server: Server) -> None:
    answer = post(
        server,
        "/v1/convert?to=yaml",
        SAMPLE.read_bytes(),
        headers={"Accept": "application/json"},
    )
    assert answer.status_code == 200
    envelope = answer.json()
    assert envelope["from"] == "json" and envelope["to"] == "yaml" and envelope["media_type"]
    assert envelope["found"]["name"] == cvconvert.read(SAMPLE).basics.name  # type: ignore[union-attr]
    assert envelope["found"]["sections"]["education"] >= 1
    assert cvconvert.read(base64.b64decode(envelope["output"]), "yaml") == cvconvert.read(SAMPLE)


def test_convert_takes_a_multipart_file_and_options_as_form_fields(server: Server) -> None:
    files = {"file": ("cv.json", SAMPLE.read_bytes(), "application/json")}
    answer = httpx.post(f"{server.url}/v1/convert", files=files, data={"to": "docx", "lang": "fr"}, timeout=30)
    assert answer.status_code == 200, answer.text
    assert 'filename="cv.docx"' in answer.headers["content-disposition"]
    assert "Formation" in "".join(cvconvert_docx_text(answer.content))


def cvconvert_docx_text(data: bytes) -> list[str]:
    import docx

    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_fail_on_loss_answers_422_with_the_report(server: Server) -> None:
    lossy = (SAMPLES / "lea-dubois.fr.json").read_bytes()
    answer = post(server, "/v1/convert?to=europass&fail_on_loss=true&name=lea.json", lossy)
    doc = assert_problem(answer, 422, "loss")
    assert str(doc["detail"]).startswith("lea.json: refused:")
    assert doc["report"]["losses"]  # type: ignore[index]
    # Without the flag the same conversion goes through and lists the losses in the header.
    answer = post(server, "/v1/convert?to=europass&name=lea.json", lossy)
    assert answer.status_code == 200 and int(answer.headers["x-cvconvert-losses"]) > 0


def test_a_bad_format_option_or_flag_is_400_naming_it(server: Server) -> None:
    body = SAMPLE.read_bytes()
    doc = assert_problem(post(server, "/v1/convert?to=nope", body), 400, "usage")
    assert "nope" in str(doc["detail"]) and "docx" in str(doc["detail"])
    doc = assert_problem(post(server, "/v1/convert?to=docx&colour=red", body), 400, "usage")
    assert "colour" in str(doc["detail"])
    assert_problem(post(server, "/v1/convert?to=docx&strict=maybe", body), 400, "usage")
    assert_problem(post(server, "/v1/convert", body), 400, "usage")


def test_an_option_that_names_a_server_file_is_refused(server: Server) -> None:
    for to in ("docx", "pdf"):  # every writer's file-path option
        answer = post(server, f"/v1/convert?to={to}&template=/etc/hostname", SAMPLE.read_bytes())
        doc = assert_problem(answer, 400, "usage")
        assert "names a file on the server" in str(doc["detail"])


def test_a_hostile_file_is_one_line_422_naming_it(server: Server) -> None:
    doc = assert_problem(
        post(server, "/v1/convert?to=json&name=cv.docx", b"PK\x03\x04 not a zip"), 422, "invalid-input"
    )
    assert str(doc["detail"]).startswith("cv.docx: ")
    bomb = zip_of({"word/document.xml": b"\0" * (3 * 2**20)})  # inflates past the 1 MB input limit
    answer = post(server, "/v1/read?name=bomb.docx", bomb)
    assert answer.status_code == 422 and answer.json()["detail"].startswith("bomb.docx: ")


def test_no_url_is_fetched_for_a_request(server: Server) -> None:
    with canary() as (url, hits):
        remote = {"@context": f"{url}/context.jsonld", "@type": "Person", "name": "Ada Example"}
        answer = post(server, "/v1/read?name=cv.jsonld", json.dumps(remote).encode())
        assert post(server, f"/v1/convert?to=json&name={url}/cv.json", SAMPLE.read_bytes()).status_code == 200
        time.sleep(0.2)
    assert answer.status_code == 422 and hits == []


def test_option_names_and_values_are_bounded(server: Server) -> None:
    body = SAMPLE.read_bytes()
    assert_problem(post(server, "/v1/convert?to=docx&lang=" + "x" * 5_000, body), 400, "usage")
    many = "&".join(f"o{i}=1" for i in range(100))
    assert_problem(post(server, f"/v1/convert?to=docx&{many}", body), 400, "usage")


def test_the_file_name_cannot_reach_a_server_path(server: Server) -> None:
    answer = post(server, "/v1/convert?to=yaml&name=../../etc/passwd", SAMPLE.read_bytes())
    assert answer.status_code == 200
    assert 'filename="passwd.yaml"' in answer.headers["content-disposition"]


# --- /v1/read, /v1/formats, /healthz, /metrics, / ---------------------------------------


def test_read_answers_the_resume_and_the_report(server: Server) -> None:
    answer = post(server, "/v1/read?name=cv.json", SAMPLE.read_bytes())
    assert answer.status_code == 200
    doc = answer.json()
    assert doc["from"] == "json" and doc["report"] == {"warnings": [], "losses": []}
    assert cvconvert.read(json.dumps(doc["resume"]).encode(), "json") == cvconvert.read(SAMPLE)


@pytest.mark.parametrize("option", ["data", "fmt"])
def test_an_option_named_like_a_parameter_is_the_same_400_on_read_as_on_convert(server: Server, option: str) -> None:
    # Regression: /v1/read answered 500 (a TypeError: the option clashed with read_loaded's parameter).
    for route in ("/v1/read?name=cv.json", "/v1/convert?name=cv.json&to=yaml"):
        doc = assert_problem(post(server, f"{route}&{option}=1", SAMPLE.read_bytes()), 400, "usage")
        assert f"unknown option(s) {option} " in str(doc["detail"])


def test_formats_lists_each_format_with_its_options(server: Server) -> None:
    found = {f["name"]: f for f in httpx.get(f"{server.url}/v1/formats").json()}
    assert found["docx"]["read"] and found["docx"]["write"]
    assert "lang" in {o["name"] for o in found["docx"]["writer_options"]}


def test_healthz_and_metrics(server: Server) -> None:
    assert httpx.get(f"{server.url}/healthz").json()["status"] == "ok"
    post(server, "/v1/convert?to=json", SAMPLE.read_bytes())
    text = httpx.get(f"{server.url}/metrics").text
    assert 'cvconvert_requests_total{route="/v1/convert",status="200"}' in text
    assert "cvconvert_workers 2" in text
    httpx.get(f"{server.url}/no/such/path/of/a/client")
    assert "/no/such" not in httpx.get(f"{server.url}/metrics").text  # unknown paths are "other"


def test_the_page_and_its_script_are_served_with_a_strict_policy(server: Server) -> None:
    page = httpx.get(f"{server.url}/")
    assert page.status_code == 200 and "<html" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "unsafe-inline" not in page.headers["content-security-policy"]  # no inline script
    assert "<script>" not in page.text and page.headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff" and page.headers["x-frame-options"] == "DENY"
    answer = post(server, "/v1/convert?to=docx", SAMPLE.read_bytes())
    assert answer.headers["cache-control"] == "no-store" and answer.headers["x-content-type-options"] == "nosniff"
    assert "http://" not in page.text and "https://" not in page.text  # no CDN
    assert httpx.get(f"{server.url}/static/app.js").status_code == 200


def test_openapi_document_lists_the_routes(server: Server) -> None:
    paths = httpx.get(f"{server.url}/openapi.json").json()["paths"]
    assert {"/v1/convert", "/v1/read", "/v1/batch", "/v1/formats", "/healthz", "/metrics"} <= set(paths)
    assert "multipart/form-data" in paths["/v1/convert"]["post"]["requestBody"]["content"]


def test_a_multipart_form_without_its_file_or_broken_is_400(server: Server) -> None:
    answer = httpx.post(f"{server.url}/v1/convert?to=json", data={"to": "json"}, files={"other": ("a", b"x")})
    assert "part named 'file'" in str(assert_problem(answer, 400, "usage")["detail"])
    broken = b"--b\r\nContent-Disposition: form-data; name=file; filename=a.json\r\n\r\n{}"  # no closing boundary
    answer = post(server, "/v1/convert?to=json", broken, headers={"Content-Type": "multipart/form-data; boundary=b"})
    assert answer.status_code in (400, 422) and answer.headers["content-type"] == "application/problem+json"
    two = [("file", ("a.json", b"{}")), ("file", ("b.json", b"{}"))]
    assert_problem(httpx.post(f"{server.url}/v1/convert?to=json", files=two), 400, "usage")


def test_unknown_route_is_a_problem_document(server: Server) -> None:
    assert_problem(httpx.get(f"{server.url}/v1/nothing"), 404, "http")


# --- /v1/batch --------------------------------------------------------------------------


def batch(server: Server, members: dict[str, bytes], query: str = "to=yaml") -> httpx.Response:
    return post(server, f"/v1/batch?{query}", zip_of(members), headers={"Content-Type": "application/zip"})


def test_batch_converts_each_file_and_lists_each_failure(server: Server) -> None:
    answer = batch(
        server,
        {
            "a/cv.json": SAMPLE.read_bytes(),
            "b/cv.json": SAMPLE.read_bytes(),
            "bad.json": b"{nope",
            "report.json": b"{}",
        },
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["x-cvconvert-files"] == "4" and answer.headers["x-cvconvert-failed"] == "2"
    with zipfile.ZipFile(io.BytesIO(answer.content)) as out:
        report = {e["input"]: e for e in json.loads(out.read("report.json"))}
        assert report["a/cv.json"]["status"] == "ok" and report["a/cv.json"]["output"] == "a/cv.yaml"
        assert cvconvert.read(out.read("b/cv.yaml"), "yaml") == cvconvert.read(SAMPLE)
        assert report["bad.json"]["status"] == "failed" and report["bad.json"]["error"].startswith("bad.json: ")
        assert report["report.json"]["status"] == "failed"  # an empty object is no résumé


def test_batch_zip_bomb_member_fails_alone(server: Server) -> None:
    answer = batch(server, {"bomb.json": b" " * (5 * 2**20), "cv.json": SAMPLE.read_bytes()})
    assert answer.status_code == 200, answer.text
    with zipfile.ZipFile(io.BytesIO(answer.content)) as out:
        report = {e["input"]: e for e in json.loads(out.read("report.json"))}
    assert report["bomb.json"]["status"] == "failed" and "would inflate" in report["bomb.json"]["error"]
    assert report["cv.json"]["status"] == "ok"


def declaring(data: bytes, size: int) -> bytes:
    """A one-member zip whose headers declare ``size`` inflated bytes (a bomb's headers, without
    building the 200 MB the test would otherwise compress)."""
    data = bytearray(data)
    local, central = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, size)
    struct.pack_into("<I", data, central + 24, size)
    return bytes(data)


def test_batch_zip_bomb_as_a_whole_is_refused(server: Server) -> None:
    bomb = declaring(zip_of({"bomb.json": b"\0" * 2**16}), 200 * 2**20)
    answer = post(server, "/v1/batch?to=yaml&name=upload.zip", bomb)
    doc = assert_problem(answer, 422, "limit-exceeded")
    assert "would inflate" in str(doc["detail"])


def test_batch_refuses_traversal_names_and_non_zips(server: Server) -> None:
    doc = assert_problem(batch(server, {"../evil.json": SAMPLE.read_bytes()}), 422, "invalid-input")
    assert "unsafe name" in str(doc["detail"])
    assert_problem(post(server, "/v1/batch?to=yaml", b"not a zip"), 422, "invalid-input")


def test_batch_refuses_too_many_files(server: Server) -> None:
    many = {f"{i}.json": b"{}" for i in range(1_001)}
    doc = assert_problem(batch(server, many), 422, "limit-exceeded")
    assert "1,001 files" in str(doc["detail"])


# --- nothing stored, nothing logged -----------------------------------------------------


def test_uploads_leave_no_temporary_file(server: Server, tmp_module: Path) -> None:
    spooled = SAMPLE.read_bytes() + b" " * (1_500_000)  # past the form parser's 1 MB memory spool
    files = {"file": ("cv.json", spooled, "application/json")}
    answer = httpx.post(f"{server.url}/v1/convert?to=yaml", files=files, timeout=30)
    assert answer.status_code == 422  # over the readers' 1 MB input limit, after the upload
    post(server, "/v1/convert?to=docx", SAMPLE.read_bytes())
    assert list((tmp_module / "tmpdir").iterdir()) == []


def test_logs_carry_a_request_id_and_no_content(server: Server) -> None:
    marker = "Zebulon Quillfeather"
    resume = json.dumps({"basics": {"name": marker}}).encode()
    answer = post(server, f"/v1/convert?to=docx&name={marker}.json", resume, headers={"X-Request-Id": "trace-42"})
    assert answer.headers["x-request-id"] == "trace-42"
    failed = post(server, f"/v1/convert?to=docx&name={marker}.docx", marker.encode())
    assert failed.status_code == 422 and marker in failed.text  # the client is told...
    time.sleep(0.2)
    log = server.log_text()
    assert "trace-42 POST /v1/convert 200" in log
    assert failed.headers["x-request-id"] in log
    assert "Zebulon" not in log  # ...the log is not


# --- limits: 401, 413, 429, 504 ---------------------------------------------------------


def test_api_key_is_required_on_v1_only(tight: Server) -> None:
    body = SAMPLE.read_bytes()
    assert_problem(post(tight, "/v1/convert?to=json", body), 401, "unauthorized")
    assert_problem(post(tight, "/v1/convert?to=json", body, headers={"X-API-Key": KEY[:-1] + "X"}), 401, "unauthorized")
    assert post(tight, "/v1/convert?to=json", body, headers={"X-API-Key": KEY}).status_code == 200
    assert post(tight, "/v1/convert?to=json", body, headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    for path in ("/v1/read", "/v1/batch"):
        assert_problem(post(tight, path, body), 401, "unauthorized")
        assert_problem(post(tight, path, body, headers={"X-API-Key": "wrong"}), 401, "unauthorized")
    assert_problem(httpx.get(f"{tight.url}/v1/formats"), 401, "unauthorized")
    assert httpx.get(f"{tight.url}/healthz").status_code == 200
    assert httpx.get(f"{tight.url}/metrics").status_code == 200 and httpx.get(f"{tight.url}/").status_code == 200


def test_413_on_the_declared_length_before_the_body_is_sent(tight: Server) -> None:
    with socket.create_connection(("127.0.0.1", tight.port), timeout=10) as conn:
        conn.sendall(
            f"POST /v1/convert?to=json HTTP/1.1\r\nHost: x\r\nX-API-Key: {KEY}\r\n"
            f"Content-Length: {10**12}\r\n\r\n".encode()
        )
        head = conn.recv(65536)  # answered without a byte of the body
    assert head.startswith(b"HTTP/1.1 413 ")


def headers_only(server: Server, length: int) -> bytes:
    """The answer to a POST whose body is announced but never sent."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
        conn.sendall(
            f"POST /v1/convert?to=json HTTP/1.1\r\nHost: x\r\nX-API-Key: {KEY}\r\n"
            f"Content-Length: {length}\r\n\r\n".encode()
        )
        return conn.recv(65536)


def test_503_past_the_requests_served_at_once_before_their_bodies(tight: Server) -> None:
    stuck = []
    try:
        for _ in range(17):  # one worker + no queue + 16: bodies announced, never sent
            conn = socket.create_connection(("127.0.0.1", tight.port), timeout=10)
            conn.sendall(
                f"POST /v1/read HTTP/1.1\r\nHost: x\r\nX-API-Key: {KEY}\r\nContent-Length: 100\r\n\r\n".encode()
            )
            stuck.append(conn)
        time.sleep(0.3)
        assert headers_only(tight, 10).startswith(b"HTTP/1.1 503 ")
        assert httpx.get(f"{tight.url}/healthz").status_code == 200  # monitoring still answers
        assert httpx.get(f"{tight.url}/metrics").status_code == 200
    finally:
        for conn in stuck:
            conn.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        answer = post(tight, "/v1/convert?to=json", SAMPLE.read_bytes(), headers={"X-API-Key": KEY})
        if answer.status_code == 200:
            break
        time.sleep(0.1)
    assert answer.status_code == 200  # the slots came back when those clients left


def test_413_while_counting_a_chunked_body(tight: Server) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b" " * 2**17  # 5 MB, no Content-Length

    answer = httpx.post(f"{tight.url}/v1/convert?to=json", content=chunks(), headers={"X-API-Key": KEY}, timeout=30)
    assert_problem(answer, 413, "too-large")


def test_429_at_once_when_busy_then_504_and_the_worker_is_replaced(tight: Server) -> None:
    headers = {"X-API-Key": KEY}
    slow_answer: list[httpx.Response] = []
    slow = threading.Thread(
        target=lambda: slow_answer.append(post(tight, "/v1/convert?to=docx", big_resume(40_000), headers=headers))
    )
    slow.start()
    deadline = time.monotonic() + 10
    while httpx.get(f"{tight.url}/healthz").json()["busy"] != 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    start = time.monotonic()
    busy = post(tight, "/v1/convert?to=json", SAMPLE.read_bytes(), headers=headers)
    assert slow.is_alive() and time.monotonic() - start < 1.0  # at once, not after the slow one
    assert_problem(busy, 429, "busy")
    assert busy.headers["retry-after"] == "1"
    # Refused before its body is read: the headers alone get the answer.
    assert headers_only(tight, 2**20).startswith(b"HTTP/1.1 429 ")
    slow.join(30)
    doc = assert_problem(slow_answer[0], 504, "timeout")
    assert "1.5 s" in str(doc["detail"])
    tight.wait_idle(1)
    assert post(tight, "/v1/convert?to=json", SAMPLE.read_bytes(), headers=headers).status_code == 200
    assert "cvconvert_workers_replaced_timeout_total 1" in httpx.get(f"{tight.url}/metrics").text


# --- pieces -----------------------------------------------------------------------------


def test_report_header_is_bounded_and_counts_what_it_cut() -> None:
    from cvconvert.service.app import report_header

    report = {"warnings": [], "losses": [{"path": f"/work/{i}", "message": "é\n" * 20} for i in range(500)]}
    header = report_header(report, 4096)
    assert len(header) <= 4096 and header.isascii() and "\n" not in header
    kept = json.loads(header)
    assert kept["cut"] == 500 - len(kept["losses"]) > 0


def test_binds_to_loopback_by_default() -> None:
    from cvconvert.service import ServiceConfig

    assert ServiceConfig().host == "127.0.0.1"
    from click.testing import CliRunner

    from cvconvert.cli import main

    assert "127.0.0.1" in CliRunner().invoke(main, ["serve", "--help"]).output


def test_serve_refuses_a_bad_body_size_as_a_usage_error() -> None:
    from click.testing import CliRunner

    from cvconvert.cli import main

    result = CliRunner().invoke(main, ["serve", "--max-body", "lots"])
    assert result.exit_code == 2 and "--max-body" in result.output
