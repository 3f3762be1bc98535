"""The library API: read, write and convert résumés between formats.

A *source* is a path (``str`` or ``os.PathLike``), ``bytes``, or a binary file object; a
*target* is a path or a binary file object. Formats are chosen by name, else by the file
extension, else (for sources) by sniffing the content.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, Literal, Union

from cvconvert import formats, limits
from cvconvert._input import _OLE, check_entries
from cvconvert.errors import (
    CvConvertError,
    InvalidInputError,
    LimitExceededError,
    LossError,
    OptionError,
    UnknownFormatError,
)
from cvconvert.formats.base import Format
from cvconvert.model import SECTIONS, Resume
from cvconvert.options import ReadOptions, WriteOptions
from cvconvert.options import parse as parse_options
from cvconvert.report import Note, Report

Source = Union[str, "os.PathLike[str]", bytes, IO[bytes]]
Target = Union[str, "os.PathLike[str]", IO[bytes]]


def _name(source: Source | Target) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    if isinstance(source, bytes):
        return "<bytes>"
    return str(getattr(source, "name", "<stream>"))


def load_bytes(source: Source) -> bytes:
    """The bytes of a source, checked against the input size limit before they are read."""
    name = _name(source)
    limit = limits.current().max_input_bytes
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, (str, os.PathLike)) and os.path.isdir(source):
        # An export unpacked (LinkedIn's): its CSV files packed as the zip it came in.
        from cvconvert._input import pack_folder

        try:
            packed = pack_folder(source)
        except InvalidInputError as exc:
            raise exc.with_source(name) from None
        if formats.sniff(packed) is None:
            raise InvalidInputError("is a folder, not a file (nor an unpacked export a format reads)", source=name)
        return packed
    elif isinstance(source, (str, os.PathLike)):
        try:
            data = _read_regular_file(source, name, limit)
        except FileNotFoundError:
            raise InvalidInputError("no such file", source=name) from None
        except PermissionError:
            raise InvalidInputError("permission denied", source=name) from None
        except IsADirectoryError:
            raise InvalidInputError("is a folder, not a file", source=name) from None
        except OSError as exc:
            raise InvalidInputError(_why_not_opened(source, exc), source=name) from None
    else:
        data = source.read(limit + 1)
        if not isinstance(data, bytes):
            raise TypeError("a source file object must be opened in binary mode")
    if len(data) > limit:
        raise _too_big(name, limit)
    return data


_KINDS = (
    (stat.S_ISDIR, "is a folder, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


def _why_not_opened(source: str | os.PathLike[str], exc: OSError) -> str:
    """Why a path could not be opened: its kind when that says it (a socket cannot be opened at
    all: "No such device or address" would hide what it is), else the system's reason."""
    try:
        mode = os.stat(source).st_mode
    except OSError:
        mode = 0
    kind = next((why for test, why in _KINDS if mode and test(mode)), None)
    return kind or exc.strerror or str(exc)


def _read_regular_file(source: str | os.PathLike[str], name: str, limit: int) -> bytes:
    """A regular file's bytes, at most ``limit + 1`` of them.

    Opened without blocking and checked on the open descriptor (no race with a swapped name):
    a FIFO would block the open until a writer came, and a link to /dev/zero reports size 0
    and never ends. A regular file that reports a wrong size (/proc) is still read only to the
    limit.
    """
    fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            reason = next((why for test, why in _KINDS if test(info.st_mode)), "is not a regular file")
            raise InvalidInputError(reason, source=name)
        if info.st_size > limit:
            raise _too_big(name, limit)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    finally:
        os.close(fd)


def _too_big(name: str, limit: int) -> LimitExceededError:
    # Applicants upload files: refuse a huge one before reading it, not after.
    return LimitExceededError(f"larger than the input limit of {limit:,} bytes", source=name)


def resolve_format(
    name: str | None,
    where: Source | Target | None = None,
    data: bytes | None = None,
    *,
    writing: bool = False,
) -> Format:
    """The format named, else the one the path's extension names, else the sniffed one.

    ``writing`` picks among the formats of an extension one that writes, and says which
    formats write when none does (``.pdf`` is read as a Europass PDF but not written).
    """
    if name:
        return formats.get(name)
    if isinstance(where, (str, os.PathLike)) and os.fspath(where) != "-":
        path = os.fspath(where)
        fmt = formats.for_path(path, "write" if writing else "read")
        if fmt is not None:
            return fmt
        if writing and formats.for_path(path) is not None:
            writable = [f.name for f in formats.all_formats().values() if f.write is not None]
            raise UnknownFormatError(
                f"{path}: no format writes {Path(path).suffix} files (formats that write: {', '.join(writable)})"
            )
    if data is not None:
        fmt = formats.sniff(data)
        if fmt is not None:
            return fmt
        if data.startswith(_OLE):
            # An Office file of the binary kind: a legacy .xls (or .ppt), or any encrypted one.
            raise InvalidInputError(
                "a legacy binary (.doc, .xls) or password-protected Office file (OLE); "
                "cvconvert reads .docx and .xlsx: save it as one, without a password",
                source=_name(where) if where is not None else "<input>",
            )
        # Content no format claims is bad input (exit 1), not a format name the user got wrong.
        raise InvalidInputError(
            f"cannot tell the format of this file; name it with --from ({', '.join(formats.names())})",
            source=_name(where) if where is not None else "<input>",
        )
    raise UnknownFormatError(
        f"{_name(where) if where is not None else '<output>'}: cannot tell the format from the name; name one",
        formats.names(),
    )


def read_with_report(
    source: Source, format: str | None = None, *, strict: bool = False, **options: object
) -> tuple[Resume, Report]:
    """Read a résumé and the reader's report (warnings for every value it normalised).

    ``strict`` refuses what the JSON Resume schema refuses instead of repairing it; other
    options are the format's reader options (``cvconvert formats NAME`` lists them).
    Raises InvalidInputError (naming the file) for input that cannot be read or whose format
    no reader claims, UnknownFormatError for an unknown format name, OptionError for an option the reader
    does not take or a value of the wrong type, MissingDependencyError for a format whose
    optional dependency is not installed.
    """
    data = load_bytes(source)
    return read_loaded(data, resolve_format(format, source, data), _name(source), strict=strict, **options)


def read_options(fmt: Format, values: Mapping[str, object]) -> ReadOptions:
    """The reader options of ``fmt`` from keyword values or strings; OptionError names a bad one.

    Options made only of plain values (text, numbers, true/false, None) are parsed once and
    kept (a batch reads thousands of files with one option set); the parsed options are frozen.
    """
    if not all(type(v) in _PLAIN for v in values.values()):
        return parse_options(fmt.read_options, values, f"{fmt.name} reader")
    # The type is in the key: 1 == True, yet they may not parse alike.
    key = (fmt.name, fmt.read_options, tuple(sorted((k, type(v), v) for k, v in values.items())))
    chosen = _read_options_seen.get(key)
    if chosen is None:
        chosen = parse_options(fmt.read_options, values, f"{fmt.name} reader")
        if len(_read_options_seen) >= 256:
            _read_options_seen.clear()
        _read_options_seen[key] = chosen
    return chosen


_PLAIN = frozenset({str, int, float, bool, type(None)})
_read_options_seen: dict[tuple[object, ...], ReadOptions] = {}


def write_options(fmt: Format, values: Mapping[str, object]) -> WriteOptions:
    """The writer options of ``fmt`` from keyword values or strings; OptionError names a bad one."""
    return parse_options(fmt.write_options, values, f"{fmt.name} writer")


def read_loaded(
    data: bytes, fmt: Format, name: str, /, *, strict: bool = False, **options: object
) -> tuple[Resume, Report]:
    """Read bytes already loaded, in a known format; errors name ``name`` (the file they came from).

    ``data``, ``fmt`` and ``name`` are positional-only: an option of those names (a client's)
    is then an unknown option (OptionError), not a clash of arguments (TypeError).

    The one place a reader is called: :func:`read_with_report`, :func:`convert`, the fallback of
    :func:`read_many_with_report` and the batch workers all come through here.
    """
    if fmt.read is None:
        raise UnknownFormatError(f"the {fmt.name} format cannot be read, only written")
    chosen = read_options(fmt, {"strict": strict, **options})
    try:
        resume, report = fmt.read(data, chosen)
        _check_entries(resume)
        return resume, report
    except InvalidInputError as exc:
        raise exc.with_source(name) from None
    except CvConvertError:
        raise
    except RecursionError:
        raise InvalidInputError("nested too deeply", source=name) from None
    except (ValueError, TypeError, LookupError, AttributeError, AssertionError, ArithmeticError, OSError) as exc:
        # A reader met input its library could not handle. Applicants' files are untrusted, so
        # the pipeline gets a CvConvertError naming the file, not a library's exception; the
        # fuzz tests call the readers directly, so this net hides no bug from them.
        reason = " ".join(str(exc).split())[:200] or "no detail"
        raise InvalidInputError(
            f"cannot read this {fmt.name} file ({type(exc).__name__}: {reason})", source=name
        ) from exc


def _check_entries(resume: Resume) -> None:
    """Refuse a résumé with more entries in one section than the limit allows (for readers that
    build the model without parsed data to check first)."""
    check_entries({section: getattr(resume, section) for section in SECTIONS})


def read(source: Source, format: str | None = None, *, strict: bool = False, **options: object) -> Resume:
    """Read a résumé; see :func:`read_with_report` for the report and the errors."""
    return read_with_report(source, format, strict=strict, **options)[0]


def read_many_with_report(
    source: Source, format: str | None = None, *, strict: bool = False, **options: object
) -> tuple[list[Resume], Report]:
    """Read every résumé a file holds (a workbook may hold many; other formats hold one).

    The report's pointers start with the résumé's index (``/3/work/0``).
    """
    data = load_bytes(source)
    fmt = resolve_format(format, source, data)
    if fmt.read_many is not None:
        chosen = read_options(fmt, {"strict": strict, **options})
        try:
            return fmt.read_many(data, chosen)
        except InvalidInputError as exc:
            raise exc.with_source(_name(source)) from None
    resume, report = read_loaded(data, fmt, _name(source), strict=strict, **options)
    return [resume], Report([Note(n.kind, "/0" + n.path, n.message) for n in report])


def read_many(source: Source, format: str | None = None, *, strict: bool = False, **options: object) -> list[Resume]:
    """Every résumé in ``source``; see :func:`read_many_with_report`."""
    return read_many_with_report(source, format, strict=strict, **options)[0]


def write_many(
    resumes: Iterable[Resume],
    target: Target,
    format: str | None = None,
    *,
    fail_on_loss: bool = False,
    **options: object,
) -> Report:
    """Write many résumés into one file (``format="xlsx"``: one workbook); returns the report.

    The résumés are consumed one at a time and streamed into the file, so memory does not grow
    with their number. Raises UnknownFormatError for a format that holds one résumé per file.
    """
    fmt = resolve_format(format, target, writing=True)
    if fmt.write_many is None:
        raise UnknownFormatError(f"the {fmt.name} format holds one résumé per file; use write() per résumé")
    saver, chosen = fmt.write_many, write_options(fmt, options)
    report = Report()

    def produce(out: IO[bytes]) -> None:
        report.extend(saver(resumes, out, chosen))
        if fail_on_loss and report.losses:
            raise LossError(report, _name(target))

    if isinstance(target, (str, os.PathLike)):
        _replace_atomically(Path(target), produce)
    else:
        buffer = io.BytesIO()  # nothing reaches the caller's stream unless all went well
        produce(buffer)
        target.write(buffer.getvalue())
    return report


def _put(data: bytes, target: Target) -> None:
    if isinstance(target, (str, os.PathLike)):
        write_atomic(Path(target), data)
    else:
        target.write(data)


def dumps(resume: Resume, format: str, **options: object) -> tuple[bytes, Report]:
    """Render a résumé in a format, in memory: the bytes and the writer's loss report.

    Options are the format's writer options; OptionError names a bad one.
    """
    fmt = formats.get(format)
    if fmt.write is None:
        raise UnknownFormatError(f"the {fmt.name} format cannot be written, only read")
    return fmt.write(resume, write_options(fmt, options))


def write(
    resume: Resume,
    target: Target,
    format: str | None = None,
    *,
    fail_on_loss: bool = False,
    **options: object,
) -> Report:
    """Write a résumé to a path (atomically) or a binary file object; returns the loss report.

    With ``fail_on_loss``, a writer that cannot carry every field raises LossError and
    nothing is written.
    """
    fmt = resolve_format(format, target, writing=True)
    data, report = dumps(resume, fmt.name, **options)
    if fail_on_loss and report.losses:
        raise LossError(report, _name(target))
    _put(data, target)
    return report


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and a rename: all or nothing.

    The file is created with the usual permissions (mode 0o666 less the umask), as a plain
    ``open(path, "wb")`` would, not the private 0o600 of tempfile.mkstemp.
    """
    _replace_atomically(path, lambda out: out.write(data))


def _replace_atomically(path: Path, produce: Callable[[IO[bytes]], object]) -> None:
    """Let ``produce`` write a temporary file beside ``path``, then rename it into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileNotFoundError:
            raise InvalidInputError("the output folder does not exist", source=str(path)) from None
        except OSError as exc:
            raise InvalidInputError(exc.strerror or str(exc), source=str(path)) from None
        with os.fdopen(fd, "wb") as out:
            produce(out)
        os.replace(tmp, path)
    except BaseException:
        # Ctrl-C (even right after the open), a full disk or a refusal must leave no partial file.
        tmp.unlink(missing_ok=True)
        raise


def _same_file(source: Source, target: Target) -> bool:
    if not isinstance(source, (str, os.PathLike)) or not isinstance(target, (str, os.PathLike)):
        return False
    a, b = Path(source), Path(target)
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def convert(
    source: Source,
    target: Target,
    *,
    from_: str | None = None,
    to: str | None = None,
    strict: bool = False,
    fail_on_loss: bool = False,
    **options: object,
) -> Report:
    """Read ``source`` and write it to ``target``; returns the reader's and writer's notes.

    With ``fail_on_loss``, a field that the reader or the writer could not carry raises
    LossError (which says which side lost it) and nothing is written.

    Each option goes to the reader and/or writer that declares it (``lang`` to both DOCX
    sides); OptionError names an option that neither takes. Raises what
    :func:`read_with_report` and :func:`write` raise; an output path that is the input path
    is refused before anything is read.
    """
    if _same_file(source, target):
        raise InvalidInputError("the output would overwrite the input; choose another name", source=_name(target))
    out_format = resolve_format(to, target, writing=True)  # fail early, before reading, on an unknown target
    data = load_bytes(source)
    in_format = resolve_format(from_, source, data)
    output, report, _ = convert_loaded(
        data,
        in_format,
        out_format,
        _name(source),
        options=options,
        strict=strict,
        fail_on_loss=fail_on_loss,
        refused_as=_name(target),
    )
    _put(output, target)
    return report


def convert_loaded(
    data: bytes,
    in_format: Format,
    out_format: Format,
    name: str,
    /,
    *,
    options: Mapping[str, object],
    strict: bool = False,
    fail_on_loss: bool = False,
    refused_as: str | None = None,
) -> tuple[bytes, Report, Resume]:
    """Convert bytes already loaded: the output, the reader's and writer's notes, and the résumé.

    The one place a conversion is refused for a loss: :func:`convert` and the service come
    through here. ``options`` are split as :func:`split_options` splits them; with
    ``fail_on_loss``, a field the reader or the writer could not carry raises LossError naming
    ``refused_as`` (default ``name``) and which side lost it. Raises what :func:`read_loaded`
    and :func:`dumps` raise.
    """
    read_values, write_values = split_options(options, in_format, out_format)
    resume, report = read_loaded(data, in_format, name, strict=strict, **read_values)
    output, written = dumps(resume, out_format.name, **write_values)
    if fail_on_loss and (report.losses or written.losses):
        # A field lost on the way in is as lost as one the writer drops: both refuse.
        side: Literal["reader", "writer", "reader and writer"] = (
            "reader and writer" if report.losses and written.losses else "reader" if report.losses else "writer"
        )
        raise LossError(Report(report.notes + written.notes), refused_as or name, side=side)
    return output, report.extend(written), resume


def split_options(
    options: Mapping[str, object], reader: Format, writer: Format
) -> tuple[dict[str, object], dict[str, object]]:
    """Each option for the reader and/or the writer that declares it (``lang`` goes to both
    DOCX sides); OptionError names an option that neither takes, with what they take."""
    read_keys = set(reader.read_options.model_fields) - {"strict"}
    write_keys = set(writer.write_options.model_fields)
    unknown = sorted(set(options) - read_keys - write_keys)
    if unknown:
        takes = ", ".join(sorted(read_keys | write_keys)) or "none"
        raise OptionError(
            f"unknown option(s) {', '.join(unknown)} for {reader.name} -> {writer.name} (they take: {takes})"
        )
    return (
        {k: v for k, v in options.items() if k in read_keys},
        {k: v for k, v in options.items() if k in write_keys},
    )


__all__ = [
    "CvConvertError",
    "Source",
    "Target",
    "convert",
    "dumps",
    "read",
    "read_many",
    "read_many_with_report",
    "read_with_report",
    "resolve_format",
    "write",
    "write_many",
]
