"""Many files at once: on a process pool, or on a Dask cluster; a bad file never stops the rest.

:func:`convert_many` yields one :class:`Result` per input as the conversions finish. Inputs
are files, folders (searched recursively for files of a readable format) and glob
patterns, as local paths or fsspec URLs (``s3://bucket/cvs/``) that the workers can reach.
Each output keeps the input's path relative to the folder or pattern it came from, with
the output format's extension; outputs that would collide get distinct names.
"""

from __future__ import annotations

import glob
import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from cvconvert import api, formats, limits
from cvconvert.errors import CvConvertError, InvalidInputError, LimitExceededError, OptionError

if TYPE_CHECKING:
    from cvconvert.formats.base import Format
    from cvconvert.model import Resume
    from cvconvert.report import Report

Status = Literal["ok", "failed", "skipped"]
Engine = Literal["local", "dask"]

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Task:
    """One conversion: where to read and where to write (paths or fsspec URLs)."""

    input: str
    output: str


@dataclass
class Result:
    """What became of one input; ``as_json`` is the object ``--report`` writes."""

    input: str
    output: str | None
    status: Status
    error: str | None = None
    warnings: list[dict[str, str]] = field(default_factory=list)
    losses: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def as_json(self) -> dict[str, Any]:
        """``{input, output, status, error, warnings, losses, seconds}``."""
        return {
            "input": self.input,
            "output": self.output,
            "status": self.status,
            "error": self.error,
            "warnings": self.warnings,
            "losses": self.losses,
            "seconds": round(self.seconds, 6),
        }


# --- planning ------------------------------------------------------------------------------


def _is_url(spec: str) -> bool:
    return "://" in spec and not spec.startswith("file://")


def _readable_extensions() -> tuple[str, ...]:
    return tuple(ext for fmt in formats.all_formats().values() if fmt.read for ext in fmt.extensions)


def _expand_local(spec: str, exts: tuple[str, ...]) -> Iterator[tuple[str, PurePosixPath]]:
    path = Path(spec.removeprefix("file://"))
    if any(c in spec for c in _GLOB_CHARS):
        root = Path(*[p for p in Path(spec).parts if not any(c in p for c in _GLOB_CHARS)][: _static_depth(spec)])
        for match in sorted(glob.glob(spec, recursive=True)):
            if Path(match).is_file():
                yield match, PurePosixPath(Path(match).relative_to(root).as_posix())
    elif path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith(".") and child.name.lower().endswith(exts):
                yield str(child), PurePosixPath(child.relative_to(path).as_posix())
    else:
        # A named file is taken even when it does not exist: its failure belongs in the report.
        yield str(path), PurePosixPath(path.name)


def _static_depth(pattern: str) -> int:
    parts = Path(pattern).parts
    for i, part in enumerate(parts):
        if any(c in part for c in _GLOB_CHARS):
            return i
    return len(parts)


def _expand_url(spec: str, exts: tuple[str, ...]) -> Iterator[tuple[str, PurePosixPath]]:
    fs, path = _fs(spec)
    protocol = spec.split("://", 1)[0]

    def url(p: str) -> str:
        return p if "://" in p else f"{protocol}://{p}"

    if any(c in path for c in _GLOB_CHARS):
        root = "/".join(p for p in path.split("/")[: _static_depth(path)])
        for match in sorted(fs.glob(path)):
            yield url(match), PurePosixPath(match).relative_to(root)
    elif fs.isdir(path):
        for match in sorted(fs.find(path)):
            if match.lower().endswith(exts):
                yield url(match), PurePosixPath(match).relative_to(path.rstrip("/"))
    else:
        yield spec, PurePosixPath(path.rsplit("/", 1)[-1])


def _fs(url: str) -> tuple[Any, str]:
    from cvconvert._deps import requires_extra

    with requires_extra("dask"):
        import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    return fs, path


def plan(inputs: Iterable[str], out: str, to: str) -> list[Task]:
    """The tasks for these inputs: one output per input under ``out``, no two alike."""
    fmt = formats.get(to)
    ext = fmt.extensions[0] if fmt.extensions else f".{fmt.name}"
    taken: set[str] = set()
    return [Task(source, _join(out, _unique(rel, ext, taken))) for source, rel in _expand_all(inputs)]


def _unique(rel: PurePosixPath, ext: str, taken: set[str]) -> str:
    # cv.json and cv.yaml in one folder would both become cv.docx: keep the old suffix then,
    # and number what still collides (the same file name reached through two inputs).
    stem = rel.with_suffix("").as_posix()
    first = (f"{stem}{ext}", f"{rel.as_posix()}{ext}")
    for name in itertools.chain(first, (f"{stem}-{n}{ext}" for n in itertools.count(2))):
        if name.lower() not in taken:
            taken.add(name.lower())
            return name
    raise AssertionError("unreachable: the counter never ends")


def _join(out: str, rel: str) -> str:
    return f"{out.rstrip('/')}/{rel}" if _is_url(out) else str(Path(out) / rel)


# --- one task, in a worker ------------------------------------------------------------------


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


def _write_bytes(location: str, data: bytes) -> None:
    if _is_url(location):
        fs, path = _fs(location)
        parent = path.rsplit("/", 1)[0]
        fs.makedirs(parent, exist_ok=True)
        # Object stores replace an object in one request; a local fsspec path is renamed into place.
        tmp = f"{path}.partial"
        with fs.open(tmp, "wb") as handle:
            handle.write(data)
        fs.mv(tmp, path)
        return
    target = Path(location)
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
    if in_force is not None and in_force != limits.current():
        with limits.using(in_force):
            return run_task(task, to, strict, options, skip_existing)
    start = time.perf_counter()
    if skip_existing and _up_to_date(task):
        return Result(task.input, task.output, "skipped", seconds=time.perf_counter() - start)
    try:
        resume, report = _read_input(task, strict, options)
        out, notes = api.dumps(resume, to, **_for(formats.get(to).write, options))
        report.extend(notes)
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
        seconds=time.perf_counter() - start,
    )


# What a task turns into a "failed" result: our errors, and the ones we do not raise on purpose
# (still one line in the report, never a crash of the batch).
_FAILURES = (CvConvertError, MemoryError, RecursionError, OSError, ValueError, TypeError, LookupError, AttributeError)


def _read_input(task: Task, strict: bool, options: dict[str, object]) -> tuple[Resume, Report]:
    data = _read_bytes(task.input)
    fmt = api.resolve_format(None, task.input, data)
    return api.read_loaded(data, fmt, task.input, strict=strict, **_for(fmt.read, options))


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


def check_options(to: str, options: dict[str, object] | None, *, many: bool) -> Format:
    """The output format; UnknownFormatError for an unknown one, OptionError for an option that
    no reader and not its writer takes (a batch shares one option set, so a typo would pass)."""
    fmt = formats.get(to)
    writer = fmt.write_many if many else fmt.write
    known = set(api.keywords(writer)) if writer is not None else set()
    for other in formats.all_formats().values():
        if other.read is not None:
            known |= api.keywords(other.read)
    unknown = set(options or {}) - known - {"strict"}
    if unknown:
        raise OptionError(
            f"unknown option(s) {', '.join(sorted(unknown))} (readers and the {fmt.name} writer take: "
            f"{', '.join(sorted(known - {'strict'})) or 'none'})"
        )
    return fmt


def _for(func: Callable[..., object] | None, options: dict[str, object]) -> dict[str, object]:
    """The options this reader or writer takes (a batch shares one option set across formats)."""
    if func is None or not options:
        return {}
    accepted = api.keywords(func)
    return {k: v for k, v in options.items() if k in accepted and k != "strict"}


def run_chunk(
    tasks: Sequence[Task],
    to: str,
    strict: bool,
    options: dict[str, object],
    skip_existing: bool,
    in_force: limits.Limits | None = None,
) -> list[Result]:
    """Several tasks in one worker call: fewer round trips when each conversion is quick."""
    return [run_task(task, to, strict, options, skip_existing, in_force) for task in tasks]


# --- engines ----------------------------------------------------------------------------------


def convert_many(
    inputs: Iterable[str] | Sequence[Task],
    out_dir: str | os.PathLike[str] = ".",
    *,
    to: str,
    jobs: int | None = None,
    strict: bool = False,
    skip_existing: bool = False,
    engine: Engine = "local",
    scheduler: str | None = None,
    options: dict[str, object] | None = None,
) -> Iterator[Result]:
    """Convert many inputs to ``to`` under ``out_dir``; yields one Result per input as each finishes.

    ``jobs`` worker processes (default: the CPU count; 1 runs in this process). With
    ``engine="dask"`` the work runs on the Dask cluster at ``scheduler``
    (``tcp://host:8786``), or on a new local cluster when it is None. ``options`` go to the
    readers and writers that take them. Raises UnknownFormatError for an unknown ``to``.
    """
    check_options(to, options, many=False)  # usage errors come before any work starts
    items = list(inputs)
    tasks = [t for t in items if isinstance(t, Task)]
    if len(tasks) != len(items):
        tasks = plan([str(i) for i in items], os.fspath(out_dir), to)
    args = (to, strict, dict(options or {}), skip_existing, limits.current())
    if engine == "dask":
        yield from _dask(tasks, args, scheduler)
    elif (jobs or os.cpu_count() or 1) <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield run_task(task, *args)
    else:
        yield from _pool(tasks, args, jobs or os.cpu_count() or 1)


def _chunks(tasks: Sequence[Task], workers: int) -> list[list[Task]]:
    # Small chunks keep every worker busy to the end; bigger ones cut the per-call overhead.
    size = max(1, min(16, len(tasks) // (workers * 16)))
    return [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]


def _warm_up(to: str) -> None:
    """Build the model's schema and load the writer here, once, before the workers fork.

    Each forked worker would otherwise pay for both itself (pydantic builds the schema on first
    use; the writer's libraries load on first use): most of a small batch's time.
    """
    from cvconvert.model import Resume

    try:
        api.dumps(Resume.model_validate({"basics": {"name": "warm-up"}, "work": [{"name": "w"}]}), to)
    except CvConvertError:
        pass  # a writer that needs options; the workers will load it themselves


def _pool(tasks: Sequence[Task], args: tuple[Any, ...], workers: int) -> Iterator[Result]:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, wait

    if "fork" in multiprocessing.get_all_start_methods():
        _warm_up(args[0])
    chunks = iter(_chunks(tasks, workers))
    window = workers * 4  # a bounded number in flight: memory does not grow with the input count
    pool = _new_pool(workers)
    pending: set[Future[list[Result]]] = set()
    try:
        for chunk in chunks:
            pending.add(pool.submit(run_chunk, chunk, *args))
            if len(pending) >= window:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield from future.result()
                nxt = next(chunks, None)
                if nxt is not None:
                    pending.add(pool.submit(run_chunk, nxt, *args))
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _new_pool(workers: int) -> Any:
    """A process pool whose workers fork from this process and ignore Ctrl-C.

    fork shares what this process already imported (pydantic, the formats), so workers start
    fast. On Ctrl-C this process cancels what has not started and lets running work finish,
    so no conversion is cut off half-way.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_sigint)


def _ignore_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _dask(tasks: Sequence[Task], args: tuple[Any, ...], scheduler: str | None) -> Iterator[Result]:
    from cvconvert._deps import requires_extra

    with requires_extra("dask"):
        import distributed

    dd: Any = distributed  # untyped library
    cluster = None if scheduler else dd.LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
    client = dd.Client(scheduler or cluster)
    try:
        chunks = _chunks(tasks, max(1, len(client.scheduler_info().get("workers", {})) or 2))
        futures = client.map(run_chunk, chunks, *[[a] * len(chunks) for a in args], pure=False)
        for future in dd.as_completed(futures):
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def gather_workbook(
    inputs: Iterable[str],
    target: str | os.PathLike[str],
    *,
    to: str = "xlsx",
    jobs: int | None = None,
    strict: bool = False,
    options: dict[str, object] | None = None,
) -> list[Result]:
    """Read every input (in parallel) and write them all into one workbook with write_many.

    Returns one Result per input (failed inputs are left out of the workbook).
    """
    from cvconvert.model import Resume

    fmt = check_options(to, options, many=True)
    tasks = [Task(source, os.fspath(target)) for source, _ in _expand_all(inputs)]
    results: list[Result] = []
    resumes: list[Resume] = []
    read_results = _read_all(tasks, strict, dict(options or {}), jobs)
    for result, data in read_results:
        results.append(result)
        if data is not None:
            resumes.append(Resume.model_validate(data))
    if resumes:
        write_options: dict[str, Any] = _for(fmt.write_many, dict(options or {}))
        report = api.write_many(resumes, target, fmt.name, **write_options)
        ok = [r for r in results if r.status == "ok"]
        for note in report:
            # A many-report's pointer starts with the résumé's index in the workbook; a note
            # without one is about the whole workbook, so every résumé in it gets it.
            first = note.path.split("/")[1] if note.path.count("/") >= 1 else ""
            owners = [ok[int(first)]] if first.isdigit() and int(first) < len(ok) else ok
            entry = {"path": note.path, "message": note.message}
            for owner in owners:
                (owner.losses if note.kind == "loss" else owner.warnings).append(entry)
    return results


def _expand_all(inputs: Iterable[str]) -> list[tuple[str, PurePosixPath]]:
    """Every input file with its path relative to the folder or pattern it came from, once each
    (a file named twice, directly and through its folder, is converted once)."""
    readable = _readable_extensions()
    found: dict[str, PurePosixPath] = {}
    for spec in inputs:
        for source, rel in _expand_url(spec, readable) if _is_url(spec) else _expand_local(spec, readable):
            found.setdefault(source, rel)
    return list(found.items())


def read_task(task: Task, strict: bool, options: dict[str, object]) -> tuple[Result, dict[str, Any] | None]:
    """Read one input for a gathered workbook: the result and the résumé as JSON data."""
    start = time.perf_counter()
    try:
        resume, report = _read_input(task, strict, options)
    except _FAILURES as exc:
        return _failed(task, exc, start), None
    notes = report.as_json()
    result = Result(task.input, task.output, "ok", warnings=notes["warnings"], seconds=time.perf_counter() - start)
    return result, resume.to_data()


def _read_all(
    tasks: Sequence[Task], strict: bool, options: dict[str, object], jobs: int | None
) -> list[tuple[Result, dict[str, Any] | None]]:
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(tasks) <= 1:
        return [read_task(t, strict, options) for t in tasks]
    with _new_pool(workers) as pool:
        size = max(1, min(64, len(tasks) // (workers * 8)))
        return list(pool.map(read_task, tasks, [strict] * len(tasks), [options] * len(tasks), chunksize=size))
