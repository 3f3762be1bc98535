"""The HTTP application: routes over the worker pool, a front guard, the static page.

Everything a request goes through before a route: the front guard (:class:`_Front`, a plain
ASGI wrapper, cheap) gives it a request id, checks the API key, refuses a body whose declared
length is over the limit before reading it, adds the security headers, counts it and logs one
line (route, status, time, sizes; never a file name or a CV's content). The routes read the
body (counting, for bodies sent in chunks), hand the work to the pool and shape the answer.
"""

from __future__ import annotations

import base64
import hmac
import json
import logging
import os
import re
import time
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import ClientDisconnect
from starlette.staticfiles import StaticFiles

from cvconvert import formats
from cvconvert.options import describe
from cvconvert.service import work
from cvconvert.service.config import ServiceConfig
from cvconvert.service.metrics import MEDIA_TYPE as METRICS_TYPE
from cvconvert.service.metrics import Metrics
from cvconvert.service.pool import Busy, Pool, TimedOut, WorkerDied
from cvconvert.service.problems import MEDIA_TYPE as PROBLEM_TYPE
from cvconvert.service.problems import problem

log = logging.getLogger("cvconvert.service")

STATIC = Path(__file__).with_name("static")
ROUTES = ("/", "/v1/convert", "/v1/read", "/v1/batch", "/v1/formats", "/healthz", "/metrics", "/openapi.json")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Parameters of the conversion itself; every other query or form field is a reader or writer option.
_RESERVED = frozenset({"to", "from", "strict", "fail_on_loss", "name"})
_MAX_OPTIONS, _MAX_OPTION_CHARS = 64, 4_096
_TRUE, _FALSE = frozenset({"1", "true", "yes", "on"}), frozenset({"", "0", "false", "no", "off"})
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# The page is served from here and talks only to here: no script, style or font from elsewhere.
_PAGE_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
]
_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


class Service:
    """One running service: its configuration, pool and counters (the app's ``state``)."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        self.metrics = Metrics(ROUTES)
        self.pool = Pool(
            work.serve,
            (config.limits,),
            size=config.workers,
            queue=config.queue,
            max_jobs=config.max_jobs,
        )

    def busy(self) -> dict[str, Any]:
        """The 429 problem: every worker busy, the queue full."""
        return problem(
            429,
            "busy",
            f"all {self.config.workers} workers are busy and {self.config.queue} requests wait; retry in a second",
        )

    async def run(self, kind: str, args: dict[str, Any], name: str, timeout: float) -> dict[str, Any]:
        """The worker's reply to one job, or a problem document for Busy, TimedOut, WorkerDied."""
        try:
            reply: dict[str, Any] = await self.pool.run(kind, args, timeout)
            return reply
        except Busy:
            return {"ok": False, "problem": self.busy()}
        except TimedOut:
            return _failed(504, "timeout", f"{name}: took longer than {timeout:g} s; the conversion was stopped")
        except WorkerDied:
            return _failed(500, "worker-died", f"{name}: the conversion stopped unexpectedly (its worker ended)")


def _failed(status: int, code: str, detail: str) -> dict[str, Any]:
    return {"ok": False, "problem": problem(status, code, detail)}


def problem_response(doc: dict[str, Any]) -> Response:
    """A problem document as its response; 429 says when to retry, 401 how to authenticate."""
    headers = {}
    if doc["status"] in (429, 503):
        headers["Retry-After"] = "1"
    elif doc["status"] == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="cvconvert"'
    return Response(_json(doc), status_code=doc["status"], media_type=PROBLEM_TYPE, headers=headers)


def too_large(limit: int) -> dict[str, Any]:
    """The 413 problem: the body is over ``limit`` bytes."""
    return problem(413, "too-large", f"the request body is larger than the limit of {limit:,} bytes")


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _TooLarge(Exception):
    pass


class _Front:
    """Request id, API key, declared body size, security headers, counters, one log line."""

    def __init__(self, app: ASGIApp, service: Service) -> None:
        self.app, self.service = app, service
        key = service.config.api_key
        self.key = key.encode("utf-8") if key else None
        self.active, self.most = 0, service.config.active_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        headers = dict(scope["headers"])
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        rid = given if _REQUEST_ID.fullmatch(given) else os.urandom(8).hex()
        path: str = scope["path"]
        page = not path.startswith(("/v1/", "/healthz", "/metrics", "/openapi.json"))
        status, sent, read = 500, 0, 0

        async def counted_receive() -> Message:
            nonlocal read
            message = await receive()
            read += len(message.get("body", b""))
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
                extra = [*_HEADERS, *(_PAGE_HEADERS if page else ()), (b"x-request-id", rid.encode("ascii"))]
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        refusal = self._refusal(path, headers)
        counted = refusal is None and path.startswith("/v1/")
        if counted:
            self.active += 1
        try:
            if refusal is not None:
                await problem_response(refusal)(scope, counted_receive, guarded_send)
            else:
                await self.app(scope, counted_receive, guarded_send)
        finally:
            if counted:
                self.active -= 1
            seconds = time.perf_counter() - start
            route = self.service.metrics.route(path)
            self.service.metrics.observe(path, status, seconds, read, sent)
            log.info("%s %s %s %d %.1fms in=%d out=%d", rid, scope["method"], route, status, seconds * 1e3, read, sent)

    def _refusal(self, path: str, headers: dict[bytes, bytes]) -> dict[str, Any] | None:
        if self.key is not None and path.startswith("/v1/") and not self._authorised(headers):
            return problem(401, "unauthorized", "this service needs an API key (Authorization: Bearer KEY)")
        if path.startswith("/v1/") and self.active >= self.most:
            return problem(503, "overloaded", f"{self.most} requests are being served; retry in a second")
        length = headers.get(b"content-length")
        limit = self.service.config.max_body_bytes
        if length is not None and (not length.isdigit() or int(length) > limit):
            # Refused on the declared length, before a byte of the body is read.
            return too_large(limit)
        return None

    def _authorised(self, headers: dict[bytes, bytes]) -> bool:
        assert self.key is not None
        given = headers.get(b"x-api-key")
        if given is None:
            scheme, _, token = headers.get(b"authorization", b"").partition(b" ")
            given = token.strip() if scheme.lower() == b"bearer" else b""
        # Constant time: how long the comparison takes must not tell how much of a guess was right.
        return hmac.compare_digest(given, self.key)


async def _body(request: Request, limit: int) -> bytes:
    """The body, counted as it arrives (a chunked body declares no length): _TooLarge past ``limit``."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


async def _input(request: Request, limit: int) -> tuple[bytes, str, dict[str, str]]:
    """The uploaded file's bytes, its name and the parameters (query, then form fields).

    The input is the raw body, or the part named ``file`` of a multipart form.
    """
    body = await _body(request, limit)
    fields = dict(request.query_params)
    name = fields.get("name", "")
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        request._body = body  # Starlette's form parser reads the body already read from here
        try:
            # The parser's bounds are in fields and bytes: room for the conversion's own fields
            # beside the options, and for characters of up to 4 bytes; the exact bounds follow.
            async with request.form(
                max_files=1, max_fields=_MAX_OPTIONS + len(_RESERVED), max_part_size=4 * _MAX_OPTION_CHARS
            ) as form:
                upload = form.get("file")
                if upload is None or isinstance(upload, str):
                    raise _BadRequest("a multipart request needs its file in a part named 'file'")
                data = await upload.read()
                name = fields.get("name") or upload.filename or name
                fields.update((k, v) for k, v in form.multi_items() if isinstance(v, str))
        except MultiPartException as exc:
            raise _BadRequest(f"cannot read the multipart form ({exc.message})") from None
        except StarletteHTTPException as exc:  # what Starlette makes of a MultiPartException in an app
            raise _BadRequest(f"cannot read the multipart form ({exc.detail})") from None
    else:
        data = body
    if sum(1 for key in fields if key not in _RESERVED) > _MAX_OPTIONS:
        raise _BadRequest(f"more than {_MAX_OPTIONS} options")
    return data, _safe_name(fields.get("name") or name), fields


def _safe_name(name: str) -> str:
    """The client's file name without folders or control characters (it names the file in
    errors and downloads, and its extension hints at the format)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return _UNSAFE_NAME.sub("", base)[:255] or "upload"


class _BadRequest(Exception):
    pass


def _flag(fields: dict[str, str], key: str) -> bool:
    value = fields.get(key, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise _BadRequest(f"{key} takes true or false, not {value[:40]!r}")


def _job(fields: dict[str, str], *, writing: bool) -> dict[str, Any]:
    """The job's parameters: the formats, the flags and the options as strings (the same typed
    options as the CLI's ``-O KEY=VALUE``; the worker checks them against the formats)."""
    job: dict[str, Any] = {"from_": fields.get("from") or None, "strict": _flag(fields, "strict")}
    if writing:
        to = fields.get("to", "").strip()
        if not to:
            raise _BadRequest(f"name the output format with to= ({', '.join(formats.names())})")
        job.update(to=to, fail_on_loss=_flag(fields, "fail_on_loss"))
    options = {k.strip().replace("-", "_"): v for k, v in fields.items() if k not in _RESERVED}
    for key, value in options.items():
        if len(key) > 64 or len(value) > _MAX_OPTION_CHARS:
            raise _BadRequest(f"option {key[:64]} is too long")
    job["options"] = options
    return job


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept


def _attachment(filename: str) -> str:
    """A Content-Disposition naming the download: an ASCII fallback and the UTF-8 name (RFC 6266)."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{urllib.parse.quote(filename, safe='')}"


def report_header(report: dict[str, list[dict[str, str]]], budget: int) -> str:
    """The report as compact ASCII JSON of at most ``budget`` bytes: the notes that fit, losses
    first, and how many did not (``"cut"``)."""
    whole = json.dumps(report, separators=(",", ":"))
    if len(whole) <= budget:
        return whole
    kept: dict[str, Any] = {key: [] for key in report}
    left, cut = budget - len(json.dumps({**kept, "cut": 10**9}, separators=(",", ":"))), 0
    for key in ("losses", "warnings", "hidden"):
        for note in report.get(key, ()):
            size = len(json.dumps(note, separators=(",", ":"))) + 1
            if size <= left:
                kept[key].append(note)
                left -= size
            else:
                cut += 1
    kept["cut"] = cut
    return json.dumps(kept, separators=(",", ":"))


def _counts(report: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    return {f"X-Cvconvert-{key.capitalize()}": str(len(report.get(key, ()))) for key in ("warnings", "losses")}


def create_app(config: ServiceConfig) -> FastAPI:
    """The application for ``config``; see the module's docstring."""
    service = Service(config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        await service.pool.start()
        log.info("ready: %d workers, queue %d, timeout %g s", config.workers, config.queue, config.timeout)
        try:
            yield
        finally:
            await service.pool.close()

    app = FastAPI(
        title="cvconvert",
        summary="Convert résumés between JSON Resume and Word, Excel, Europass, PDF and more, with a loss report.",
        version=_version(),
        lifespan=lifespan,
        docs_url=None,  # Swagger UI would load from a CDN; /openapi.json works with any viewer
        redoc_url=None,
    )
    app.state.service = service
    app.add_middleware(_Front, service=service)

    async def guarded(request: Request, kind: str, writing: bool, timeout: float) -> dict[str, Any] | Response:
        if service.pool.saturated:
            # Refused before the body is read: a flood must not hold a body per request in memory.
            service.pool.stats.rejected_busy += 1
            return problem_response(service.busy())
        try:
            data, name, fields = await _input(request, config.max_body_bytes)
            job = _job(fields, writing=writing)
        except _TooLarge:
            return problem_response(too_large(config.max_body_bytes))
        except _BadRequest as exc:
            return problem_response(problem(400, "usage", str(exc)))
        except ClientDisconnect:
            return problem_response(problem(400, "disconnected", "the client left before its body was sent"))
        job.update(data=data, name=name)
        if kind == "batch":
            job.update(max_files=config.max_batch_files, max_body_bytes=config.max_body_bytes)
        reply = await service.run(kind, job, name, timeout)
        if not reply["ok"]:
            return problem_response(reply["problem"])
        return reply

    body_doc: dict[str, Any] = {
        "requestBody": {
            "description": "The CV: the raw file as the body, or a multipart form with the file in 'file' "
            "(and any parameter or option as a field).",
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                "multipart/form-data": {
                    "schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}
                },
            },
        }
    }
    option_doc = "Any other query or form field is a reader or writer option (see /v1/formats), as the CLI's -O."

    @app.post("/v1/convert", openapi_extra=body_doc, description=option_doc, response_class=Response)
    async def convert(
        request: Request,
        to: str | None = Query(None, description="output format (see /v1/formats)"),
        from_: str | None = Query(None, alias="from", description="input format (default: from the name or content)"),
        name: str | None = Query(None, description="the file's name (its extension hints at the format)"),
        strict: bool = Query(False, description="refuse what the JSON Resume schema refuses"),
        fail_on_loss: bool = Query(False, description="answer 422 with the report if a field would be lost"),
    ) -> Response:
        """Convert a CV. The output comes with its media type and file name, and the loss report
        in X-Cvconvert-Report; with Accept: application/json, a JSON envelope holds the output
        (base64), the report and what was found."""
        reply = await guarded(request, "convert", True, config.timeout)
        if isinstance(reply, Response):
            return reply
        if _wants_json(request):
            envelope = {k: reply[k] for k in ("filename", "media_type", "from", "to", "report", "found")}
            envelope["output"] = base64.b64encode(reply["output"]).decode("ascii")
            return Response(_json(envelope), media_type="application/json")
        headers = {
            "Content-Disposition": _attachment(reply["filename"]),
            "X-Cvconvert-Report": report_header(reply["report"], config.max_report_header),
            **_counts(reply["report"]),
        }
        return Response(reply["output"], media_type=reply["media_type"], headers=headers)

    @app.post("/v1/read", openapi_extra=body_doc, description=option_doc, response_class=Response)
    async def read(
        request: Request,
        from_: str | None = Query(None, alias="from", description="input format (default: from the name or content)"),
        name: str | None = Query(None, description="the file's name (its extension hints at the format)"),
        strict: bool = Query(False, description="refuse what the JSON Resume schema refuses"),
    ) -> Response:
        """Read a CV: ``{"from", "report", "found", "resume"}`` with the résumé as JSON Resume."""
        reply = await guarded(request, "read", False, config.timeout)
        if isinstance(reply, Response):
            return reply
        head = _json({k: reply[k] for k in ("from", "report", "found")})
        return Response(head[:-1] + b',"resume":' + reply["resume"].strip() + b"}", media_type="application/json")

    @app.post("/v1/batch", openapi_extra=body_doc, description=option_doc, response_class=Response)
    async def batch(
        request: Request,
        to: str | None = Query(None, description="output format of every file"),
        from_: str | None = Query(None, alias="from", description="input format (default: by each file)"),
        strict: bool = Query(False, description="refuse what the JSON Resume schema refuses"),
        fail_on_loss: bool = Query(False, description="a file that would lose a field fails (listed in report.json)"),
    ) -> Response:
        """Convert every file of a ZIP: a ZIP of the outputs and report.json (each file's status,
        error, warnings and losses). One bad file fails alone."""
        reply = await guarded(request, "batch", True, config.batch_timeout)
        if isinstance(reply, Response):
            return reply
        headers = {
            "Content-Disposition": _attachment(reply["filename"]),
            "X-Cvconvert-Files": str(reply["files"]),
            "X-Cvconvert-Failed": str(reply["failed"]),
        }
        return Response(reply["output"], media_type="application/zip", headers=headers)

    @app.get("/v1/formats")
    def list_formats() -> list[dict[str, Any]]:
        """Every format: extensions, media type, whether it reads and writes, and its options."""
        return [_format_doc(fmt) for fmt in formats.all_formats().values()]

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        """``ok`` while a worker is up (503 otherwise), with the pool's state."""
        pool = service.pool
        body = {
            "status": "ok" if pool.alive else "down",
            "workers": pool.alive,
            "idle": pool.idle,
            "busy": pool.busy,
            "waiting": pool.waiting,
        }
        return JSONResponse(body, status_code=200 if pool.alive else 503)

    @app.get("/metrics", response_class=Response)
    def metrics() -> Response:
        """Counters and gauges in the Prometheus text format."""
        pool = service.pool
        counters = {
            "cvconvert_workers_started_total": ("Worker processes started.", float(pool.stats.started)),
            "cvconvert_rejected_busy_total": ("Requests refused with 429.", float(pool.stats.rejected_busy)),
        }
        for why, n in pool.stats.replaced.items():
            counters[f"cvconvert_workers_replaced_{why}_total"] = (f"Workers replaced ({why}).", float(n))
        gauges = {
            "cvconvert_workers": ("Worker processes alive.", float(pool.alive)),
            "cvconvert_workers_busy": ("Workers converting now.", float(pool.busy)),
            "cvconvert_queue_waiting": ("Requests waiting for a worker.", float(pool.waiting)),
        }
        return Response(service.metrics.render(gauges, counters), media_type=METRICS_TYPE)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, exc: StarletteHTTPException) -> Response:
        return problem_response(problem(exc.status_code, "http", str(exc.detail)))

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ())[1:]) or "request"
        return problem_response(problem(400, "usage", f"{where}: {first.get('msg', 'invalid')}"))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.error("internal error: %s", type(exc).__name__)
        return problem_response(problem(500, "internal", f"internal error ({type(exc).__name__})"))

    return app


def _format_doc(fmt: Any) -> dict[str, Any]:
    from cvconvert._deps import installed

    def options(model: Any, able: object) -> list[dict[str, str]]:
        if able is None:
            return []
        rows = describe(model)
        return [{"name": n, "type": t, "default": d, "help": h} for n, t, d, h in rows if n != "strict"]

    return {
        "name": fmt.name,
        "description": fmt.description,
        "extensions": list(fmt.extensions),
        "media_type": fmt.media_type,
        "read": fmt.read is not None,
        "write": fmt.write is not None,
        "installed": not fmt.extra or installed(fmt.extra),
        "reader_options": options(fmt.read_options, fmt.read),
        "writer_options": options(fmt.write_options, fmt.write),
    }


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cvconvert")
    except PackageNotFoundError:
        return "0"


def run(config: ServiceConfig) -> None:
    """Serve with uvicorn (its access log off: ours carries a request id and no query string)."""
    import uvicorn

    logging.basicConfig(level=config.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    uvicorn.run(
        create_app(config),
        host=config.host,
        port=config.port,
        access_log=False,
        log_level=config.log_level,
        server_header=False,
        lifespan="on",
        limit_concurrency=2 * config.active_limit + 64,
    )
