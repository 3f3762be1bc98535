"""What a worker process does with one job: convert, read or batch, all in memory.

Runs in the pool's worker processes, never in the web server's: a job is a plain dict in, a
plain dict out (``{"ok": True, ...}`` or ``{"ok": False, "problem": {...}}``), so that nothing
but bytes, text and numbers crosses the pipe. No file is written and no file of the server is
read: the client's file name only hints at the format by its extension.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
import signal
import typing
import warnings
import zipfile
from collections.abc import Mapping
from multiprocessing.connection import Connection
from pathlib import Path, PurePosixPath
from typing import Any

from cvconvert import api, formats, limits
from cvconvert.errors import InvalidInputError, LimitExceededError, LossError, OptionError
from cvconvert.formats.base import Format
from cvconvert.model import SECTIONS, Resume
from cvconvert.options import Options, takes
from cvconvert.report import Report
from cvconvert.service.config import WEIGHT
from cvconvert.service.problems import from_exception, one_line, problem

Reply = dict[str, Any]

# Bytes of the zip a batch may inflate in all, as a multiple of the body limit: the outputs are
# kept in memory until the answer is sent.
_BATCH_INFLATE_RATIO = 8


def serve(conn: Connection, limits_in_force: limits.Limits, warm: bool = True) -> None:
    """A worker's life: set the limits, warm the common path, then answer jobs until the pipe
    closes (the server stopped or let this worker go)."""
    # Ctrl-C in the terminal reaches the whole process group; the server stops its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A library's warning may quote the file it read; the server's log must hold no CV's text,
    # and what matters reaches the report.
    warnings.simplefilter("ignore")
    logging.getLogger().setLevel(logging.ERROR)
    limits.configure(**{f: getattr(limits_in_force, f) for f in limits.names()})
    if warm:
        warm_up()
    conn.send_bytes(b"ready")
    while True:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):
            return
        kind, args = pickle.loads(message)  # noqa: S301 - from the server that started us
        reply = handle(kind, args)
        if isinstance(files := reply.get("files"), int) and files > 1:
            conn.send_bytes(WEIGHT + str(files).encode())  # a batch: the pool counts each file
        conn.send_bytes(pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))


def warm_up() -> None:
    """Import what the first JSON -> DOCX request would import, so that it is not slow."""
    try:
        resume, _ = api.read_loaded(b'{"basics": {"name": "Ada Example"}}', formats.get("json"), "warm-up")
        for name in ("docx", "json"):
            api.dumps(resume, name)
    except Exception:  # noqa: BLE001, S110 - a missing extra or a broken writer: its requests will say so
        pass


def handle(kind: str, args: Mapping[str, Any]) -> Reply:
    """Run one job; every exception becomes a problem document (the worker never dies of one)."""
    try:
        if kind == "convert":
            return convert(**args)
        if kind == "read":
            return read(**args)
        if kind == "batch":
            return batch(**args)
        return {"ok": False, "problem": problem(400, "usage", f"unknown job {kind!r}")}
    except RecursionError:
        return {"ok": False, "problem": problem(422, "invalid-input", "nested too deeply")}
    except Exception as exc:  # noqa: BLE001 - one bad file must not take the worker down
        return {"ok": False, "problem": from_exception(exc)}


def convert(
    data: bytes,
    name: str,
    to: str,
    from_: str | None = None,
    strict: bool = False,
    fail_on_loss: bool = False,
    options: Mapping[str, str] | None = None,
) -> Reply:
    """Read ``data`` and write it as ``to``: the output, its media type and file name, the report
    and what was found (the name and the sections' sizes)."""
    out_format = _writer(to)
    output, report, resume, in_format = _convert(data, name, out_format, from_, strict, fail_on_loss, options or {})
    return {
        "ok": True,
        "output": output,
        "media_type": out_format.media_type,
        "filename": output_name(name, out_format),
        "from": in_format.name,
        "to": out_format.name,
        "report": report.as_json(),
        "found": found(resume),
    }


def read(
    data: bytes,
    name: str,
    from_: str | None = None,
    strict: bool = False,
    options: Mapping[str, str] | None = None,
) -> Reply:
    """Read ``data``: the résumé as JSON Resume text, the reader's report and what was found."""
    values = dict(options or {})
    _check_size(data, name)
    in_format = api.resolve_format(from_, name, data)
    _refuse_file_options(values, (in_format.read_options,))
    if "strict" in values:  # the request's own field, as for convert: not an option, nor a clash of arguments
        raise OptionError(f"unknown option(s) strict for the {in_format.name} reader ({takes(in_format.read_options)})")
    resume, report = api.read_loaded(data, in_format, name, strict=strict, **values)
    text, _ = api.dumps(resume, "json")
    return {"ok": True, "resume": text, "from": in_format.name, "report": report.as_json(), "found": found(resume)}


def batch(
    data: bytes,
    name: str,
    to: str,
    max_files: int,
    max_body_bytes: int,
    from_: str | None = None,
    strict: bool = False,
    fail_on_loss: bool = False,
    options: Mapping[str, str] | None = None,
) -> Reply:
    """Convert every file of a ZIP: a ZIP of the outputs and ``report.json`` (one object per
    file, as ``cvconvert batch --report`` writes them). A file that fails is listed with its
    error; only a ZIP that cannot be opened, or one past the limits as a whole, fails the job,
    and a bad option (checked once, before the ZIP is opened: OptionError, a 400)."""
    from cvconvert.batch.task import check_options, readers

    out_format = _writer(to)
    options = dict(options or {})
    check_options(out_format.name, options, many=False, reader=from_)
    _refuse_file_options(options, (out_format.write_options, *(r.read_options for r in readers(from_))))
    lim = limits.current()
    whole = min(lim.max_package_bytes, _BATCH_INFLATE_RATIO * max_body_bytes)
    each = min(lim.max_member_bytes, lim.max_input_bytes, whole)
    # open_zip checks names, duplicates, compression and the declared sizes; each member's own
    # size is checked below so that one oversized member fails alone, not the whole batch.
    with limits.using(max_member_bytes=whole, max_package_bytes=whole, max_members=2 * max_files + 1):
        try:
            package = _open(data)
        except InvalidInputError as exc:
            raise exc.with_source(name) from None
    members = [i for i in package.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
    if len(members) > max_files:
        raise LimitExceededError(f"the ZIP holds {len(members):,} files (limit {max_files:,})", source=name)
    out = io.BytesIO()
    entries: list[dict[str, Any]] = []
    taken = {"report.json"}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as result:
        for info in members:
            entry = _batch_one(package, info, each, out_format, from_, strict, fail_on_loss, options, taken)
            if "bytes" in entry:
                result.writestr(entry["output"], entry.pop("bytes"))
            entries.append(entry)
        result.writestr("report.json", _json_bytes(entries))
    failed = sum(1 for e in entries if e["status"] == "failed")
    return {
        "ok": True,
        "output": out.getvalue(),
        "media_type": "application/zip",
        "filename": output_name(name, None, ".zip", suffix=f"-{out_format.name}"),
        "files": len(entries),
        "failed": failed,
    }


def _batch_one(
    package: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    most: int,
    out_format: Format,
    from_: str | None,
    strict: bool,
    fail_on_loss: bool,
    options: Mapping[str, str],
    taken: set[str],
) -> dict[str, Any]:
    """One member of a batch: its report entry, with the output's ``bytes`` when it went well.
    ``options`` were checked for the whole batch: each file gets those its reader declares."""
    from cvconvert._input import read_member
    from cvconvert.batch.task import declared

    entry: dict[str, Any] = {"input": info.filename, "output": None, "status": "failed", "error": None}
    try:
        if info.file_size > most:
            raise LimitExceededError(f"would inflate to {info.file_size:,} bytes (limit {most:,})")
        data = read_member(package, info.filename)
        _check_size(data, info.filename)
        in_format = api.resolve_format(from_, info.filename, data)
        output, report, _ = api.convert_loaded(
            data,
            in_format,
            out_format,
            info.filename,
            options=declared(options, in_format, out_format),
            strict=strict,
            fail_on_loss=fail_on_loss,
        )
    except LossError as exc:
        entry.update(error=one_line(str(exc)), **exc.report.as_json())
        return entry
    except InvalidInputError as exc:
        entry["error"] = one_line(str(exc.with_source(info.filename)))
        return entry
    except RecursionError:
        entry["error"] = f"{info.filename}: nested too deeply"
        return entry
    except Exception as exc:  # noqa: BLE001 - a bad file fails alone
        entry["error"] = from_exception(exc)["detail"]
        return entry
    target = _unique(str(PurePosixPath(info.filename).with_suffix(out_format.extensions[0])), taken)
    entry.update(output=target, status="ok", bytes=output, **report.as_json())
    return entry


def _open(data: bytes) -> zipfile.ZipFile:
    from cvconvert._input import open_zip

    return open_zip(data, "ZIP file")


def _unique(path: str, taken: set[str]) -> str:
    """``path``, or ``stem-2.ext``... when another output (or report.json) has that name."""
    candidate, n = path, 1
    while candidate.casefold() in taken:
        n += 1
        pure = PurePosixPath(path)
        candidate = str(pure.with_name(f"{pure.stem}-{n}{pure.suffix}"))
    taken.add(candidate.casefold())
    return candidate


def _json_bytes(value: object) -> bytes:
    import json

    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _writer(to: str) -> Format:
    fmt = formats.get(to)
    if fmt.write is None:
        writable = ", ".join(f.name for f in formats.all_formats().values() if f.write is not None)
        raise OptionError(f"the {fmt.name} format cannot be written, only read (formats that write: {writable})")
    return fmt


def _convert(
    data: bytes,
    name: str,
    out_format: Format,
    from_: str | None,
    strict: bool,
    fail_on_loss: bool,
    options: Mapping[str, str],
) -> tuple[bytes, Report, Resume, Format]:
    """What :func:`cvconvert.api.convert` does, on bytes, naming the client's file in errors."""
    _check_size(data, name)
    in_format = api.resolve_format(from_, name, data)
    _refuse_file_options(options, (in_format.read_options, out_format.write_options))
    output, report, resume = api.convert_loaded(
        data, in_format, out_format, name, options=options, strict=strict, fail_on_loss=fail_on_loss
    )
    return output, report, resume, in_format


def _check_size(data: bytes, name: str) -> None:
    """The readers' input limit, which :func:`cvconvert.api.load_bytes` applies to files."""
    limit = limits.current().max_input_bytes
    if len(data) > limit:
        raise LimitExceededError(f"larger than the input limit of {limit:,} bytes", source=name)


def _refuse_file_options(options: Mapping[str, object], models: tuple[type[Options], ...]) -> None:
    """Refuse an option that names a file (DOCX's ``template``): the service reads no file of
    the server's on a client's word, whatever the format."""
    for key in options:
        for model in models:
            field = model.model_fields.get(key)
            if field is not None and _names_a_file(field.annotation):
                raise OptionError(f"option {key} names a file on the server; the service takes no such option")


def _names_a_file(annotation: object) -> bool:
    if annotation is Path or (isinstance(annotation, type) and issubclass(annotation, os.PathLike)):
        return True
    return any(_names_a_file(arg) for arg in typing.get_args(annotation))


def found(resume: Resume) -> dict[str, Any]:
    """What a person sees first: the name on the résumé and how many entries each section has."""
    basics = resume.basics
    sections = {s: len(v) for s in SECTIONS if isinstance(v := getattr(resume, s, None), list) and v}
    return {"name": basics.name if basics is not None else None, "sections": sections}


def output_name(name: str, fmt: Format | None, extension: str = "", suffix: str = "") -> str:
    """The download's file name: the input's stem (no folders) with the output's extension."""
    stem = PurePosixPath(name.replace("\\", "/")).stem or "resume"
    return f"{stem}{suffix}{extension or (fmt.extensions[0] if fmt else '')}"
