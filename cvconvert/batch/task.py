"""One task, in a worker: read, convert, write; a failure becomes a :class:`Result`, never an exception."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from cvconvert import api, formats, limits
from cvconvert.batch.model import Result, Task
from cvconvert.batch.plan import _fs, _is_url
from cvconvert.errors import CvConvertError, InvalidInputError, LimitExceededError, OptionError, UnknownFormatError
from cvconvert.options import Options, WriteOptions

if TYPE_CHECKING:
    from cvconvert.formats.base import Format, Writer
    from cvconvert.model import Resume
    from cvconvert.report import Report


def _read_bytes(location: str) -> bytes:
    """The input's bytes, refused by size before they are read (as the API does for paths)."""
    if not _is_url(location):
        return api.load_bytes(location)
    fs, path = _fs(location)
    size = fs.size(path)
    if size is not None and size > limits.current().max_input_bytes:
        raise api._too_big(location, limits.current().max_input_bytes)
    with fs.open(path, "rb") as handle:
        try:
            return api.load_bytes(handle)
        except LimitExceededError as exc:
            exc.source = location  # the handle's own name may not be the URL
            raise


T = TypeVar("T")


def _write_bytes(location: str, data: bytes) -> None:
    if _is_url(location):
        fs, path = _fs(location)
        parent = path.rsplit("/", 1)[0]
        fs.makedirs(parent, exist_ok=True)
        # Object stores replace an object in one request; a local fsspec path is renamed into place.
        tmp = f"{path}.partial"
        try:
            with fs.open(tmp, "wb") as handle:
                handle.write(data)
            fs.mv(tmp, path)
        except BaseException:
            # Ctrl-C or a failed upload must not leave the partial object behind.
            if fs.exists(tmp):
                fs.rm(tmp)
            raise
        return
    target = Path(location)
    if not os.path.isdir(target.parent):  # one stat, not Path.mkdir's work, for each of 2,000 files
        target.parent.mkdir(parents=True, exist_ok=True)
    api.write_atomic(target, data)


def _up_to_date(task: Task) -> bool:
    if _is_url(task.input) or _is_url(task.output):
        try:
            fs_in, p_in = _fs(task.input)
            fs_out, p_out = _fs(task.output)
            return bool(fs_out.exists(p_out) and fs_out.modified(p_out) >= fs_in.modified(p_in))
        except (NotImplementedError, OSError, CvConvertError):
            return False
    try:
        return os.stat(task.output).st_mtime >= os.stat(task.input).st_mtime
    except OSError:
        return False


def run_task(
    task: Task,
    to: str,
    strict: bool,
    options: dict[str, object],
    skip_existing: bool,
    in_force: limits.Limits | None = None,
) -> Result:
    """Convert one input; every failure becomes a ``failed`` result, never an exception.

    ``in_force`` carries the caller's limits to a worker process, which does not share them.
    (KeyboardInterrupt still stops the worker: the output is written atomically, so an
    interrupted conversion leaves no file behind.)
    """
    if task.refused is not None:
        return Result(task.input, None, *task.refused)
    if in_force is not None and in_force != limits.current():
        with limits.using(in_force):
            return run_task(task, to, strict, options, skip_existing)
    start = time.perf_counter()
    if skip_existing and _up_to_date(task):
        return Result(task.input, task.output, "skipped", seconds=time.perf_counter() - start)
    try:
        resume, report = _read_input(task, strict, options)
        write, chosen = _writer(to, options)
        out, notes = write(resume, chosen)
        report.extend(notes)
        _hold_cut_off()
        _write_bytes(task.output, out)
    except _FAILURES as exc:
        return _failed(task, exc, start)
    report_json = report.as_json()
    return Result(
        task.input,
        task.output,
        "ok",
        warnings=report_json["warnings"],
        losses=report_json["losses"],
        hidden=report_json.get("hidden", []),
        seconds=time.perf_counter() - start,
    )


# What a task turns into a "failed" result: any exception (Ctrl-C and exit are not exceptions).
# Our errors are one line each; a reader's bug (a plug-in raising RuntimeError) fails its file
# with its type and message, and the batch goes on: one bad file never stops the rest.
_FAILURES = (Exception,)


def _read_input(task: Task, strict: bool, options: dict[str, object]) -> tuple[Resume, Report]:
    data = _read_bytes(task.input)
    fmt = api.resolve_format(None, task.input, data)
    return api.read_loaded(data, fmt, task.input, strict=strict, **_for(fmt.read_options, options))


def _writer(to: str, options: dict[str, object]) -> tuple[Writer, WriteOptions]:
    """The writer and its parsed options, as api.dumps finds them, parsed once per worker
    (the last ones asked for are kept: a worker's tasks share them)."""
    global _last_writer
    if _last_writer is not None and _last_writer[0] == to and _last_writer[1] == options:
        return _last_writer[2]
    fmt = formats.get(to)
    if fmt.write is None:
        raise UnknownFormatError(f"the {fmt.name} format cannot be written, only read")
    found = fmt.write, api.write_options(fmt, _for(fmt.write_options, options))
    _last_writer = (to, dict(options), found)
    return found


_last_writer: tuple[str, dict[str, object], tuple[Writer, WriteOptions]] | None = None


def _failed(task: Task, exc: BaseException, start: float) -> Result:
    """The one-line failed result for an exception."""
    if isinstance(exc, CvConvertError):
        message = " ".join(str(exc).split())
        if isinstance(exc, InvalidInputError) and not exc.source:
            message = f"{task.input}: {message}"  # a writer's error names no file
    else:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        message = f"{task.input}: internal error ({type(exc).__name__}: {reason})"
    return Result(task.input, None, "failed", message, seconds=time.perf_counter() - start)


def check_options(to: str, options: Mapping[str, object] | None, *, many: bool, reader: str | None = None) -> Format:
    """The output format, with every option checked before any work starts: UnknownFormatError
    for an unknown ``to`` (or ``reader``), OptionError for an option that no reader (only
    ``reader``, when one is named) and not the writer takes, or a value of the wrong type (a
    batch shares one option set, so a typo would pass). Each file then gets the options its
    reader and the writer declare (:func:`declared`)."""
    fmt = formats.get(to)
    if (fmt.write_many if many else fmt.write) is None:
        raise UnknownFormatError(
            f"the {fmt.name} format cannot be written" + (" with many résumés in one file" if many else "")
        )
    values = dict(options or {})
    known = set(fmt.write_options.model_fields)
    api.write_options(fmt, _for(fmt.write_options, values))
    for source in readers(reader):
        known |= set(source.read_options.model_fields) - {"strict"}
        api.read_options(source, _for(source.read_options, values))
    unknown = sorted(set(values) - known)
    if unknown:
        takers = f"the {reader} reader" if reader else "readers"
        raise OptionError(
            f"unknown option(s) {', '.join(unknown)} ({takers} and the {fmt.name} writer take: "
            f"{', '.join(sorted(known)) or 'none'})"
        )
    return fmt


def readers(name: str | None = None) -> list[Format]:
    """The format named (UnknownFormatError if none is), else every format that reads."""
    if name:
        return [formats.get(name)]
    return [f for f in formats.all_formats().values() if f.read is not None]


def declared(options: Mapping[str, object], reader: Format, writer: Format) -> dict[str, object]:
    """The options of a shared set that this reader or writer declares (checked before by
    :func:`check_options`): ``lang`` reaches a DOCX but not a JSON file of the same batch."""
    return {**_for(reader.read_options, options), **_for(writer.write_options, options)}


def _for(model: type[Options], options: Mapping[str, object]) -> dict[str, object]:
    """The options this reader or writer declares (a batch shares one option set across formats)."""
    return {k: v for k, v in options.items() if k in model.model_fields and k != "strict"}


def run_chunk(
    tasks: Sequence[Task],
    to: str,
    strict: bool,
    options: dict[str, object],
    skip_existing: bool,
    in_force: limits.Limits | None = None,
) -> list[Result]:
    """Several tasks in one worker call: fewer round trips when each conversion is quick.

    Cut off (SIGTERM from the batch, on a second Ctrl-C), the running task stops, its
    temporary file is removed, and it and the tasks after it come back as ``skipped``: the
    tasks done before are still reported, so every output written is in the report.
    """
    return _run_cut_off(tasks, lambda task: run_task(task, to, strict, options, skip_existing, in_force), _interrupted)


def _interrupted(task: Task) -> Result:
    return Result(task.input, None, "skipped", f"{task.input}: interrupted (Ctrl-C); not converted")


def _run_cut_off(tasks: Sequence[Task], work: Callable[[Task], T], cut: Callable[[Task], T]) -> list[T]:
    """``work`` on each task until this worker is cut off, then ``cut`` on the rest."""
    global _busy
    results: list[T] = []
    for task in tasks:
        if _cut_off:
            results.append(cut(task))
            continue
        try:
            _busy = True
            result = work(task)
        except KeyboardInterrupt:
            result = cut(task)
        finally:
            _busy = False
        results.append(result)
    return results


# Worker state: whether a task is running (a SIGTERM then stops it) and whether the batch cut
# this worker off (the tasks still queued for it are not started).
_busy = False
_cut_off = False


def _hold_cut_off() -> None:
    """From here on a SIGTERM no longer stops the task: once its output is being written, the
    task finishes and is reported ``ok`` (cut off then, the file would exist but be reported
    as not converted)."""
    global _busy
    _busy = False


def _on_sigterm(signum: int, frame: object) -> None:
    global _cut_off
    _cut_off = True
    if _busy:
        raise KeyboardInterrupt  # unwinds the conversion: write_atomic removes its temporary file
