"""Many files at once: on a process pool, or on a Dask cluster; a bad file never stops the rest.

:func:`convert_many` yields one :class:`Result` per input as the conversions finish. Inputs
are files, folders (searched recursively for files of a readable format) and glob
patterns, as local paths or fsspec URLs (``s3://bucket/cvs/``) that the workers can reach.
Each output keeps the input's path relative to the folder or pattern it came from, with
the output format's extension; outputs that would collide get distinct names, and an output
that would land outside the output folder is refused. Folder walks and patterns do not follow
links out of the folder walked, and skip what is not a regular file (a named pipe would block).
"""

from __future__ import annotations

import fnmatch
import functools
import glob
import itertools
import os
import posixpath
import signal
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from cvconvert import api, formats, limits
from cvconvert.errors import CvConvertError, InvalidInputError, LimitExceededError, OptionError, UnknownFormatError
from cvconvert.options import Options, WriteOptions

if TYPE_CHECKING:
    from cvconvert.formats.base import Format, Writer
    from cvconvert.model import Resume
    from cvconvert.report import Report

Status = Literal["ok", "failed", "skipped"]
Engine = Literal["local", "dask"]
T = TypeVar("T")

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Task:
    """One conversion: where to read and where to write (paths or fsspec URLs)."""

    input: str
    output: str
    refused: tuple[Literal["failed", "skipped"], str] | None = None
    """Set when the planner refused the input (status, reason): it is reported, never read."""


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


# What a walk finds: the input, its path relative to what was walked, and why it is skipped
# (None when it is taken).
Found = tuple[str, str, str | None]
# The folders a recursive walk is in, by device and inode: a link back to one of them loops.
Within = tuple[tuple[int, int], ...]


def _expand_local(spec: str, exts: tuple[str, ...], follow: bool) -> Iterator[Found]:
    path = Path(spec.removeprefix("file://"))
    if any(c in spec for c in _GLOB_CHARS):
        root = Path(*path.parts[: _static_depth(str(path))])
        walk = _Walk(root, follow)
        for match, reason in walk.glob(root, path.parts[_static_depth(str(path)) :], walk.start()):
            yield str(match), match.relative_to(root).as_posix(), reason
    elif path.is_dir():
        walk = _Walk(path, follow)
        for child, rel, reason in walk.folder(str(path), "", walk.start()):
            # A skip is reported when the entry would have been taken, or may hold what would.
            name = rel.rpartition("/")[2]
            hidden = name.startswith(".")
            if (not hidden and name.lower().endswith(exts)) or (reason and not hidden and os.path.isdir(child)):
                yield child, rel, reason
    else:
        # A named file is taken even when it does not exist: its failure belongs in the report.
        # A link named here is the user's choice and is followed.
        yield str(path), path.name, None


# What a folder entry that is neither a file nor a folder is; opening a FIFO blocks until a
# writer comes, reading a device may never end: they are skipped without being opened.
_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class _Walk:
    """One folder's or pattern's walk below ``root``, which follows no link that leaves root.

    A folder holding ``cv.json -> /home/me/secret.json`` (or a link to /etc or /proc) must not
    be converted into the outputs, where whoever filled the folder can read them; with
    ``follow`` the user allows it. Recursive walks never enter a link to a folder inside root
    (its files are taken where they are) nor a folder they are already in, so link loops end.
    """

    def __init__(self, root: Path, follow: bool) -> None:
        self.root = root
        self.real_root = Path(os.path.realpath(root))
        self.follow = follow

    def kind(self, path: Path, within: Within | None) -> tuple[Literal["file", "dir", "skip"], str | None, Within]:
        """What ``path`` is to this walk: a file to take, a folder to enter, or a skip and why.

        ``within`` holds the folders a recursive walk is in (None when it is not recursive);
        a folder comes back with itself added.
        """
        try:
            link = path.is_symlink()
            inside = not link or Path(os.path.realpath(path)).is_relative_to(self.real_root)
            if not inside and not self.follow:
                return "skip", f"{path}: a link leading out of {self.root}; not followed (see --follow-symlinks)", ()
            st = os.stat(path)  # never open: stat answers without blocking on a FIFO
        except OSError as exc:
            return "skip", f"{path}: {exc.strerror or exc}", ()  # a dangling link, a link loop
        if stat.S_ISREG(st.st_mode):
            return "file", None, ()
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if within is None:
                return "dir", None, ()
            if link and inside:
                return "skip", f"{path}: a link to a folder inside {self.root}, whose files are taken there", ()
            if key in within:
                return "skip", f"{path}: a link back to a folder it is in; not walked again", ()
            return "dir", None, (*within, key)
        what = next((name for test, name in _NOT_REGULAR if test(st.st_mode)), "not a regular file")
        return "skip", f"{path}: {what}, not a file; not read", ()

    def start(self) -> Within:
        """The folders a recursive walk from root is in: root itself."""
        try:
            st = os.stat(self.root)
        except OSError:
            return ()
        return ((st.st_dev, st.st_ino),)

    @staticmethod
    def entries(folder: Path) -> list[Path]:
        try:
            return sorted(folder / name for name in os.listdir(folder))
        except OSError:
            return []  # unreadable, or not a folder: nothing below it

    def folder(self, folder: str, rel: str, within: Within) -> Iterator[tuple[str, str, str | None]]:
        """Every file below ``folder`` (its path as ``str(Path)`` makes it, its path below root,
        None) and every entry skipped (with the reason).

        One scandir per folder: a plain file or folder is known by the entry's cached type, with
        no stat and no Path; a link or anything else goes through :meth:`kind`.
        """
        try:
            with os.scandir(folder) as found:
                children = sorted((entry.name, entry) for entry in found)  # names are unique
        except OSError:
            return  # unreadable, or not a folder: nothing below it
        for name, entry in children:
            child = name if folder == "." else f"{folder.rstrip('/')}/{name}"  # as Path(folder) / name
            kind, reason, inner = self.kind_of_entry(entry, child, within)
            if kind == "dir":
                yield from self.folder(child, f"{rel}{name}/", inner)
            else:
                yield child, f"{rel}{name}", reason

    def kind_of_entry(
        self, entry: os.DirEntry[str], child: str, within: Within
    ) -> tuple[Literal["file", "dir", "skip"], str | None, Within]:
        """:meth:`kind` for a folder entry of a recursive walk, from its cached type when it is
        a plain file or folder (not a link)."""
        try:
            if not entry.is_symlink():
                if entry.is_file(follow_symlinks=False):
                    return "file", None, ()
                if entry.is_dir(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    if (st.st_dev, st.st_ino) in within:
                        return "skip", f"{child}: a link back to a folder it is in; not walked again", ()
                    return "dir", None, (*within, (st.st_dev, st.st_ino))
        except OSError:
            pass  # gone since the scan: kind says why
        return self.kind(Path(child), within)

    def glob(self, base: Path, parts: Sequence[str], within: Within) -> Iterator[tuple[Path, str | None]]:
        """What the pattern ``parts`` matches below ``base``: files (None) and skips (a reason).

        Not glob.glob, which follows every link to a folder: two links to ``..`` make its
        ``**`` walk 2**40 paths.
        """
        part, rest = parts[0], parts[1:]
        if part == "**":
            if rest:
                yield from self.glob(base, rest, within)
            for child in self.entries(base):
                if child.name.startswith("."):
                    continue  # as glob: ** does not enter hidden folders
                kind, reason, inner = self.kind(child, within)
                if kind == "dir":
                    yield from self.glob(child, parts, inner)
                elif kind == "file" and not rest:
                    yield child, None
                elif kind == "skip" and (not rest or child.is_dir()):
                    yield child, reason
            return
        if any(c in part for c in _GLOB_CHARS):
            hidden = part.startswith(".")
            matches = [c for c in self.entries(base) if fnmatch.fnmatchcase(c.name, part)]
            matches = [c for c in matches if hidden or not c.name.startswith(".")]
        else:
            matches = [base / part] if os.path.lexists(base / part) else []
        for child in matches:
            kind, reason, _ = self.kind(child, None)
            if kind == "dir" and rest:
                yield from self.glob(child, rest, within)
            elif kind == "file" and not rest:
                yield child, None
            elif kind == "skip":
                yield child, reason


def _static_depth(pattern: str) -> int:
    parts = Path(pattern).parts
    for i, part in enumerate(parts):
        if any(c in part for c in _GLOB_CHARS):
            return i
    return len(parts)


def _expand_url(spec: str, exts: tuple[str, ...]) -> Iterator[Found]:
    fs, path = _fs(spec)
    protocol = spec.split("://", 1)[0]

    def url(p: str) -> str:
        return p if "://" in p else f"{protocol}://{p}"

    if any(c in path for c in _GLOB_CHARS):
        root = "/".join(p for p in path.split("/")[: _static_depth(path)])
        for match in sorted(fs.glob(path)):
            yield url(match), PurePosixPath(match).relative_to(root).as_posix(), None
    elif fs.isdir(path):
        for match in sorted(fs.find(path)):
            if match.lower().endswith(exts):
                yield url(match), PurePosixPath(match).relative_to(path.rstrip("/")).as_posix(), None
    else:
        yield spec, PurePosixPath(path.rsplit("/", 1)[-1]).as_posix(), None


def _fs(url: str) -> tuple[Any, str]:
    from cvconvert._deps import requires_extra

    with requires_extra("dask"):
        import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    return fs, path


def plan(inputs: Sequence[str], out: str, to: str, *, follow_symlinks: bool = False) -> list[Task]:
    """The tasks for these inputs: one output per input under ``out``, no two alike.

    An input skipped by the walk (a link leaving its folder, a named pipe) or whose output
    would land outside ``out`` comes back as a refused task, which is reported, never read.
    ``follow_symlinks`` lets folder walks and patterns follow links out of their folder.
    """
    fmt = formats.get(to)
    ext = fmt.extensions[0] if fmt.extensions else f".{fmt.name}"
    taken: set[str] = set()
    tasks: list[Task] = []
    inside_out = _Inside(out)
    for source, rel, skip in _expand_all(list(inputs), follow_symlinks):
        if skip is not None:
            tasks.append(Task(source, "", ("skipped", skip)))
            continue
        inside = _inside(rel)
        output = _join(out, _unique(inside, ext, taken)) if inside is not None else None
        if output is None or not inside_out(output):
            reason = f"{source}: its output {_join(out, rel)} would be outside the output folder; not converted"
            tasks.append(Task(source, "", ("failed", reason)))
            continue
        tasks.append(Task(source, output))
    return tasks


def _inside(rel: str) -> str | None:
    """``rel`` (a relative POSIX path) without ``.`` and ``..`` steps, or None when it climbs
    above where it starts.

    An object store's key may hold ``..`` (``cvs/a/../../../x.json`` is a legal S3 or GCS
    key): joined as it is, it would write outside the output folder.
    """
    name = posixpath.normpath(rel)
    if name in (".", "..") or name.startswith(("../", "/")):
        return None
    return name


class _Inside:
    """Whether an output lands inside the output folder ``out`` once its path is resolved."""

    def __init__(self, out: str) -> None:
        self.url = _is_url(out)
        self.root = posixpath.normpath(out.split("://", 1)[1]) if self.url else str(Path(out).resolve())
        self.folders: dict[str, bool] = {}

    def __call__(self, output: str) -> bool:
        if self.url:
            return posixpath.normpath(output.split("://", 1)[1]).startswith(self.root.rstrip("/") + "/")
        # A link among the output's folders may lead out (one left in --out, or made by whoever
        # can write there). The file itself is not followed: write_atomic renames over a link.
        parent = os.path.dirname(output)
        if parent not in self.folders:
            self.folders[parent] = Path(parent).resolve().is_relative_to(self.root)
        return self.folders[parent]


def _unique(rel: str, ext: str, taken: set[str]) -> str:
    # cv.json and cv.yaml in one folder would both become cv.docx: keep the old suffix then,
    # and number what still collides (the same file name reached through two inputs).
    name = rel.rpartition("/")[2]
    dot = name.rfind(".")
    stem = rel[: len(rel) - len(name) + dot] if 0 < dot < len(name) - 1 else rel  # as PurePath.with_suffix("")
    first = (f"{stem}{ext}", f"{rel}{ext}")
    for name in itertools.chain(first, (f"{stem}-{n}{ext}" for n in itertools.count(2))):
        if name.lower() not in taken:
            taken.add(name.lower())
            return name
    raise AssertionError("unreachable: the counter never ends")


def _join(out: str, rel: str) -> str:
    if _is_url(out):
        return f"{out.rstrip('/')}/{rel}"
    base = _local_folder(out)
    return base if not rel else rel if base == "." else f"{base.rstrip('/')}/{rel}"  # as str(Path(out) / rel)


@functools.lru_cache(maxsize=8)
def _local_folder(out: str) -> str:
    return str(Path(out))


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
        seconds=time.perf_counter() - start,
    )


# What a task turns into a "failed" result: our errors, and the ones we do not raise on purpose
# (still one line in the report, never a crash of the batch).
_FAILURES = (CvConvertError, MemoryError, RecursionError, OSError, ValueError, TypeError, LookupError, AttributeError)


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


def check_options(to: str, options: dict[str, object] | None, *, many: bool) -> Format:
    """The output format, with every option checked before any work starts: UnknownFormatError
    for an unknown ``to``, OptionError for an option that no reader and not its writer takes,
    or a value of the wrong type (a batch shares one option set, so a typo would pass)."""
    fmt = formats.get(to)
    if (fmt.write_many if many else fmt.write) is None:
        raise UnknownFormatError(
            f"the {fmt.name} format cannot be written" + (" with many résumés in one file" if many else "")
        )
    values = dict(options or {})
    known = set(fmt.write_options.model_fields)
    api.write_options(fmt, _for(fmt.write_options, values))
    for reader in formats.all_formats().values():
        if reader.read is not None:
            known |= set(reader.read_options.model_fields) - {"strict"}
            api.read_options(reader, _for(reader.read_options, values))
    unknown = sorted(set(values) - known)
    if unknown:
        raise OptionError(
            f"unknown option(s) {', '.join(unknown)} (readers and the {fmt.name} writer take: "
            f"{', '.join(sorted(known)) or 'none'})"
        )
    return fmt


def _for(model: type[Options], options: dict[str, object]) -> dict[str, object]:
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


# --- engines ----------------------------------------------------------------------------------


class Interrupt:
    """Ctrl-C for a running batch, pressed from a SIGINT handler (the CLI installs one).

    The first press starts no new conversion and lets the running ones finish, so every
    output written is among the results; the second cuts the running ones off (their
    temporary files are removed) and the results end at once. Where the work runs in this
    process (one job, or Dask), the second press raises KeyboardInterrupt; so does a third.
    """

    def __init__(self) -> None:
        self.presses = 0
        self.pool_running = False  # a pool cuts its workers off itself on the second press

    def press(self) -> None:
        """Count one Ctrl-C; raises KeyboardInterrupt when the batch cannot stop by itself."""
        self.presses += 1
        if self.presses >= 3 or (self.presses == 2 and not self.pool_running):
            raise KeyboardInterrupt


def convert_many(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Sequence[Task],
    out_dir: str | os.PathLike[str] = ".",
    *,
    to: str,
    jobs: int | None = None,
    strict: bool = False,
    skip_existing: bool = False,
    engine: Engine = "local",
    scheduler: str | None = None,
    follow_symlinks: bool = False,
    interrupt: Interrupt | None = None,
    **options: object,
) -> Iterator[Result]:
    """Convert many inputs to ``to`` under ``out_dir``; yields one Result per input as each finishes.

    ``inputs`` are files, folders and glob patterns (paths or fsspec URLs); one ``str`` or path
    is one input. ``jobs`` worker processes (default: the CPU count; 1 runs in this process).
    With ``engine="dask"`` the work runs on the Dask cluster at ``scheduler``
    (``tcp://host:8786``), or on a new local cluster when it is None. Other keyword options are
    reader and writer options, as :func:`cvconvert.convert` takes them (``lang="fr"``), each
    given to the formats that declare it. Folder walks and patterns skip links that leave their
    folder unless ``follow_symlinks``. ``interrupt`` stops the batch when pressed (see
    :class:`Interrupt`).

    Checked before anything runs: UnknownFormatError for an unknown ``to``, OptionError for a
    bad option, InvalidInputError when no input file matched.
    """
    check_options(to, options, many=False)
    items = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    tasks = [t for t in items if isinstance(t, Task)]
    if len(tasks) != len(items):
        specs = [os.fspath(i) for i in items if not isinstance(i, Task)]
        tasks = plan(specs, os.fspath(out_dir), to, follow_symlinks=follow_symlinks)
    args = (to, strict, dict(options), skip_existing, limits.current())
    return _run(tasks, args, jobs, engine, scheduler, interrupt or Interrupt())


def _run(
    tasks: Sequence[Task],
    args: tuple[Any, ...],
    jobs: int | None,
    engine: Engine,
    scheduler: str | None,
    interrupt: Interrupt,
) -> Iterator[Result]:
    to = args[0]
    workers = jobs or os.cpu_count() or 1
    if engine == "dask":
        yield from _dask(tasks, args, scheduler, interrupt)
    elif workers <= 1 or len(tasks) <= 1:
        for task in tasks:
            if interrupt.presses:
                return
            yield run_task(task, *args)
    else:
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            _warm_up(to)
        yield from _pool(run_chunk, _chunks(tasks, workers), args, workers, interrupt, _interrupted)


def _chunks(tasks: Sequence[Task], workers: int) -> list[list[Task]]:
    # Small chunks keep every worker busy to the end; bigger ones cut the per-call overhead.
    # The last chunks are smaller, so the workers end together rather than one waiting for the
    # other's last full chunk.
    size = max(1, min(16, len(tasks) // (workers * 16)))
    head = max(0, len(tasks) - size * workers * 2)
    small = max(1, size // 4)
    chunks = [list(tasks[i : min(i + size, head)]) for i in range(0, head, size)]
    return chunks + [list(tasks[i : i + small]) for i in range(head, len(tasks), small)]


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


# How long cut-off workers get to return before they are killed (one stuck in a parser's C code
# sees the signal only when the parser returns).
_GRACE = 3.0


def _pool(
    work: Callable[..., list[T]],
    chunks: Sequence[list[Task]],
    args: tuple[Any, ...],
    workers: int,
    interrupt: Interrupt,
    cut: Callable[[Task], T],
) -> Iterator[T]:
    """``work(chunk, *args)`` for each chunk on a process pool, the results as they come.

    A bounded number of chunks is in flight, so memory does not grow with the input count and
    a Ctrl-C has little to wait for. It is polled, not raised: a KeyboardInterrupt raised
    while the results are handed on would lose the results of the work still running.
    """
    from concurrent.futures import FIRST_COMPLETED, Future, wait
    from concurrent.futures.process import BrokenProcessPool

    todo = iter(chunks)
    window = workers * 4
    pool = _new_pool(workers)
    pending: dict[Future[list[T]], list[Task]] = {}
    workers_then: list[Any] | None = None  # the worker processes, kept when the pool shuts down
    cut_at: float | None = None
    interrupt.pool_running = True
    try:
        while True:
            while not interrupt.presses and len(pending) < window and (chunk := next(todo, None)) is not None:
                pending[pool.submit(work, chunk, *args)] = chunk
            if interrupt.presses and workers_then is None:
                workers_then = _shut_down(pool, pending)
            if interrupt.presses >= 2 and cut_at is None:
                cut_at = time.monotonic()
                _signal_workers(workers_then or [], signal.SIGTERM)
            elif cut_at is not None and time.monotonic() - cut_at > _GRACE:
                _kill_workers(workers_then or [], [t for c in pending.values() for t in c])
            if not pending:
                break
            done, _ = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = pending.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    if cut_at is None:
                        raise
                    results = [cut(task) for task in chunk]  # killed past the grace time
                yield from results
    finally:
        interrupt.pool_running = False
        if pending:
            # The consumer stopped early or an exception came through: stop the workers now
            # rather than wait for everything queued.
            if workers_then is None:
                workers_then = _shut_down(pool, pending)
            _signal_workers(workers_then, signal.SIGTERM)
            deadline = time.monotonic() + _GRACE
            for process in workers_then:
                process.join(max(0.0, deadline - time.monotonic()))
            _kill_workers(workers_then, [t for c in pending.values() for t in c])
        pool.shutdown(wait=True, cancel_futures=True)


def _shut_down(pool: Any, pending: dict[Any, list[Task]]) -> list[Any]:
    """Start no more work: cancel what has not started, let the pool end when the rest is done.

    Returns the worker processes (the pool forgets them when it shuts down). Cancelling
    before a worker may be killed also matters: Python 3.11's pool fails with
    InvalidStateError when it breaks while a cancelled future is still queued.
    """
    for future in [f for f in pending if f.cancel()]:
        del pending[future]  # not started: it never will be
    # ProcessPoolExecutor has no public way to stop work that runs (terminate_workers() comes in
    # Python 3.14); its _processes dict (pid -> Process) has been there since 3.2.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    return processes


def _signal_workers(processes: list[Any], signum: int) -> None:
    for process in processes:
        try:
            os.kill(process.pid, signum)
        except (OSError, TypeError):
            pass  # already gone (or not started: pid None)


def _kill_workers(processes: list[Any], tasks: Sequence[Task]) -> None:
    """Kill the workers still alive, and remove the temporary files they leave behind."""
    killed = []
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join(1)
            killed.append(process.pid)
    for task in tasks:
        if killed and task.output and not _is_url(task.output):
            target = Path(task.output)
            for pid in killed:
                # api.write_atomic's temporary name: .NAME.PID.RANDOM.tmp beside the output.
                for tmp in target.parent.glob(f".{glob.escape(target.name)}.{pid}.*.tmp"):
                    tmp.unlink(missing_ok=True)


def _new_pool(workers: int) -> Any:
    """A process pool whose workers fork from this process and ignore Ctrl-C.

    fork shares what this process already imported (pydantic, the formats), so workers start
    fast. Ctrl-C is this process's to handle: the first lets running work finish, so no
    conversion is cut off half-way; the second sends the workers SIGTERM, which stops them.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_signals)


def _worker_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_sigterm)


def _dask(
    tasks: Sequence[Task], args: tuple[Any, ...], scheduler: str | None, interrupt: Interrupt
) -> Iterator[Result]:
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
            if interrupt.presses:
                break  # the client's close cancels what is left
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def gather_workbook(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    target: str | os.PathLike[str],
    *,
    to: str = "xlsx",
    jobs: int | None = None,
    strict: bool = False,
    follow_symlinks: bool = False,
    interrupt: Interrupt | None = None,
    **options: object,
) -> list[Result]:
    """Read every input (in parallel) and write them all into one workbook with write_many.

    Returns one Result per input (failed inputs are left out of the workbook). ``inputs`` and
    the keyword options are as :func:`convert_many` takes them. Folder walks and patterns skip
    links that leave their folder unless ``follow_symlinks``. Raises InvalidInputError when no
    input file matched, KeyboardInterrupt, with nothing written, when ``interrupt`` is pressed
    before the end.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    from cvconvert.model import Resume

    fmt = check_options(to, options, many=True)
    tasks = [
        Task(source, os.fspath(target), None if skip is None else ("skipped", skip))
        for source, _, skip in _expand_all([os.fspath(i) for i in inputs], follow_symlinks)
    ]
    results: list[Result] = []
    resumes: list[Resume] = []
    interrupt = interrupt or Interrupt()
    read_results = _read_all(tasks, strict, dict(options or {}), jobs, interrupt)
    if interrupt.presses:
        raise KeyboardInterrupt
    for result, data in read_results:
        results.append(result)
        if data is not None:
            resumes.append(Resume.model_validate(data))
    if resumes:
        chosen = _for(fmt.write_options, dict(options or {}))
        report = api.write_many(resumes, target, fmt.name, fail_on_loss=False, **chosen)
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


def _expand_all(inputs: Sequence[str], follow_symlinks: bool = False) -> list[Found]:
    """Every input file with its path relative to the folder or pattern it came from, once each
    (a file named twice, directly and through its folder, is converted once), and every entry
    the walks skipped, with the reason."""
    readable = _readable_extensions()
    found: dict[str, tuple[str, str | None]] = {}
    for spec in inputs:
        expanded = _expand_url(spec, readable) if _is_url(spec) else _expand_local(spec, readable, follow_symlinks)
        for source, rel, skip in expanded:
            if source not in found or (found[source][1] is not None and skip is None):
                found[source] = (rel, skip)  # a file named on the command line is taken, even if a walk skipped it
    if not found:
        # A pattern that matched nothing, or an empty folder, is a mistake to report, not a
        # batch of nothing that succeeds.
        raise InvalidInputError(f"no input files matched {', '.join(inputs)}")
    return [(source, rel, skip) for source, (rel, skip) in found.items()]


def read_task(task: Task, strict: bool, options: dict[str, object]) -> tuple[Result, dict[str, Any] | None]:
    """Read one input for a gathered workbook: the result and the résumé as JSON data."""
    if task.refused is not None:
        return Result(task.input, None, *task.refused), None
    start = time.perf_counter()
    try:
        resume, report = _read_input(task, strict, options)
    except _FAILURES as exc:
        return _failed(task, exc, start), None
    notes = report.as_json()
    result = Result(task.input, task.output, "ok", warnings=notes["warnings"], seconds=time.perf_counter() - start)
    return result, resume.to_data()


def read_chunk(
    tasks: Sequence[Task], strict: bool, options: dict[str, object], in_force: limits.Limits | None = None
) -> list[tuple[Result, dict[str, Any] | None]]:
    """Several reads in one worker call; cut off as :func:`run_chunk` is."""

    def one(task: Task) -> tuple[Result, dict[str, Any] | None]:
        if in_force is not None and in_force != limits.current():
            with limits.using(in_force):
                return read_task(task, strict, options)
        return read_task(task, strict, options)

    return _run_cut_off(tasks, one, _read_interrupted)


def _read_interrupted(task: Task) -> tuple[Result, dict[str, Any] | None]:
    return _interrupted(task), None


def _read_all(
    tasks: Sequence[Task], strict: bool, options: dict[str, object], jobs: int | None, interrupt: Interrupt
) -> list[tuple[Result, dict[str, Any] | None]]:
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(tasks) <= 1:
        read: list[tuple[Result, dict[str, Any] | None]] = []
        for task in tasks:
            if interrupt.presses:
                break
            read.append(read_task(task, strict, options))
        return read
    args = (strict, options, limits.current())
    read = list(_pool(read_chunk, _chunks(tasks, workers), args, workers, interrupt, _read_interrupted))
    order = {task.input: i for i, task in enumerate(tasks)}
    return sorted(read, key=lambda pair: order[pair[0].input])  # the workbook keeps the inputs' order
