"""The ``cvconvert`` command: a thin layer over :mod:`cvconvert.api` that knows no format.

Exit codes: 0 ok, 1 bad input or a failed conversion, 2 usage error, 3 refused by
``--fail-on-loss`` (nothing written).
"""

from __future__ import annotations

import functools
import json
import os
import re
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

# A command-line run is its own process: skip pydantic's scan of every installed package for
# validation plug-ins (an importlib.metadata walk that costs more than our whole conversion).
# Set PYDANTIC_DISABLE_PLUGINS yourself to override.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
# And spare it that scan's loader and needless garbage collections (see cvconvert._startup).
import cvconvert._startup
from cvconvert import api, formats, limits
from cvconvert.errors import CvConvertError, InvalidInputError, LossError, OptionError, UnknownFormatError
from cvconvert.report import Note, Report

cvconvert._startup.imported()

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOSS = 0, 1, 2, 3

F = TypeVar("F", bound=Callable[..., Any])


# C0 and C1 controls and DEL, the line and paragraph separators (str.splitlines breaks at them),
# the bidi embeddings, overrides and isolates, and lone surrogates (a file name's undecodable
# bytes, which UTF-8 cannot write). Keys, values and file names come from applicants: printed
# raw, a newline forges a line, an escape sequence retitles the terminal or hides text, a
# right-to-left override reverses what is read.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# A message longer than this is cut: a 100 MB key must not become a 100 MB line.
_MAX_MESSAGE = 1_000


def _escape(char: str) -> str:
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def _printable(text: str, limit: int = _MAX_MESSAGE) -> str:
    """``text`` safe to print: control characters as visible escapes (``\\x1b``, ``\\n``,
    ``\\u202e``), cut to ``limit`` characters, ending with how many were cut."""
    escaped = _UNSAFE.sub(lambda m: _escape(m.group()), text[:limit])
    if len(text) <= limit and len(escaped) <= limit:
        return escaped
    size = used = 0
    for char in text[:limit]:
        width = len(_escape(char)) if _UNSAFE.match(char) else 1
        if size + width > limit:
            break
        size, used = size + width, used + 1
    return _UNSAFE.sub(lambda m: _escape(m.group()), text[:used]) + f"… ({len(text) - used} characters cut)"


def _cut(text: str, limit: int = _MAX_MESSAGE) -> str:
    """``text`` cut to ``limit`` characters, as printable cuts it (JSON escapes the rest)."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text) - limit} characters cut)"


# JSON escapes C0 controls, but with ensure_ascii=False it writes C1 controls, U+2028/U+2029
# and bidi overrides raw: a reader splitting lines would cut a JSON line in two, and a terminal
# would obey them; a lone surrogate cannot be written at all. Inside a JSON string (the only
# place they occur) \uXXXX is the same text.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _json_text(value: object, indent: int | None = None) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _bounded(item: dict[str, Any]) -> dict[str, Any]:
    """A report entry with its error and its notes' paths and messages cut (the report stays small)."""
    out = dict(item)
    if isinstance(out.get("error"), str):
        out["error"] = _cut(out["error"])
    for key in ("warnings", "losses", "hidden"):
        if key in out:
            out[key] = [{k: _cut(v) if isinstance(v, str) else v for k, v in note.items()} for note in out[key]]
    return out


def _err(line: str) -> None:
    click.echo(_printable(line), err=True)


def _out(line: str) -> None:
    click.echo(_printable(line))


def _print_notes(notes: Iterable[Note], quiet: bool = False) -> None:
    if not quiet:
        for note in notes:
            _err(str(note))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def handle_errors(func: F) -> F:
    """Map exceptions to one line on stderr and an exit code; ``--debug`` adds the traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException):
            raise
        except (OptionError, UnknownFormatError) as exc:
            # A format or option the user named that does not exist: exit 2, with what exists.
            raise click.UsageError(_printable(str(exc))) from None
        except BaseException as exc:  # noqa: BLE001 - every failure ends as one line and a code
            code, line = _classify(exc)
            if click.get_current_context().find_root().params.get("debug"):
                traceback.print_exc()
            if line:
                _err(line)
            raise click.exceptions.Exit(code) from None

    return wrapper  # type: ignore[return-value]


def _classify(exc: BaseException) -> tuple[int, str]:
    """The exit code and the one line to print for an exception."""
    if isinstance(exc, LossError):
        _print_notes(exc.report.losses)
        return EXIT_LOSS, f"error: {_one_line(exc)}"
    if isinstance(exc, CvConvertError):
        return EXIT_FAILED, f"error: {_one_line(exc)}"
    if isinstance(exc, (KeyboardInterrupt, click.Abort)):
        return 130, "error: interrupted"
    if isinstance(exc, BrokenPipeError):
        return EXIT_FAILED, ""
    if isinstance(exc, Exception):
        # Anything else is our bug: still one line, with the way to see more.
        return EXIT_FAILED, f"error: internal error ({type(exc).__name__}: {_one_line(exc)}); rerun with --debug"
    raise exc


class _DefaultToConvert(click.Group):
    """``cvconvert IN OUT`` means ``cvconvert convert IN OUT``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # --debug is the group's option, but people add it where the error showed: after the
        # command or its arguments (up to a "--" that ends the options).
        end = args.index("--") if "--" in args else len(args)
        if "--debug" in args[:end]:
            args = ["--debug", *[a for a in args[:end] if a != "--debug"], *args[end:]]
        i = 0
        while i < len(args) and (args[i] in ("--debug", "--limit") or args[i].startswith("--limit=")):
            i += 2 if args[i] == "--limit" else 1
        if i < len(args) and args[i] not in self.commands and args[i] not in ("--help", "-h", "--version"):
            args = [*args[:i], "convert", *args[i:]]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToConvert, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the traceback of an error.")
@click.option(
    "--limit",
    "limit_pairs",
    multiple=True,
    metavar="NAME=VALUE",
    help="Tighten or relax a safety limit, e.g. --limit max_input_bytes=20MB (see SECURITY.md).",
)
@click.version_option(package_name="cvconvert", message="cvconvert %(version)s")
def main(debug: bool, limit_pairs: tuple[str, ...]) -> None:
    """Convert résumés between JSON Resume, YAML and the other formats (see `cvconvert formats`).

    \b
    cvconvert IN OUT [--from F] [--to F] [--strict] [--fail-on-loss] [--report FILE]
    Use - for stdin or stdout. Exit codes: 0 ok, 1 failed, 2 usage, 3 refused by --fail-on-loss.
    """
    try:
        changes = limits.parse(limit_pairs)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--limit") from None
    # In force for this run only: a program that calls main() in process keeps its own limits.
    click.get_current_context().with_resource(limits.using(None, **changes))


def _options(lang: str | None, page: str | None, template: str | None, pairs: tuple[str, ...]) -> dict[str, Any]:
    """The named options given, then every -O KEY=VALUE."""
    named = {"lang": lang, "page": page, "template": template}
    return {**{k: v for k, v in named.items() if v is not None}, **_parse_options(pairs)}


def _parse_options(pairs: tuple[str, ...]) -> dict[str, object]:
    options: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--option takes KEY=VALUE, not {pair!r}")
        options[key.strip().replace("-", "_")] = value
    return options


@main.command("convert")
@click.argument("source", metavar="IN")
@click.argument("target", metavar="OUT")
@click.option("--from", "from_", metavar="FORMAT", help="Input format (default: from the name or content).")
@click.option("--to", metavar="FORMAT", help="Output format (default: from the name).")
@click.option("--strict", is_flag=True, help="Refuse what the JSON Resume schema refuses.")
@click.option(
    "--fail-on-loss", is_flag=True, help="Exit 3 and write nothing if the reader or the writer loses a field."
)
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Write the notes as JSON here.")
@click.option("--lang", help="Language of the document: headings, dates (DOCX: en, de, fr, es, zh, ...).")
@click.option("--page", help="Page size of a printed format: A4 or Letter.")
@click.option("--template", type=click.Path(dir_okay=False), help="A Word template (DOCX), a Typst file (PDF).")
@click.option(
    "-O",
    "--option",
    "option_pairs",
    multiple=True,
    metavar="KEY=VALUE",
    help="Any other reader or writer option, e.g. -O sections=work,education (see `cvconvert formats`).",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings and losses.")
@handle_errors
def convert_cmd(
    source: str,
    target: str,
    from_: str | None,
    to: str | None,
    strict: bool,
    fail_on_loss: bool,
    report_path: str | None,
    lang: str | None,
    page: str | None,
    template: str | None,
    option_pairs: tuple[str, ...],
    quiet: bool,
) -> None:
    """Convert IN to OUT."""
    if target == "-" and not to:
        raise click.UsageError("writing to stdout (-) needs --to FORMAT")
    try:
        out_format = api.resolve_format(to, target, writing=True)
    except CvConvertError as exc:
        raise click.UsageError(_printable(str(exc))) from None
    options = _options(lang, page, template, option_pairs)

    src: api.Source = sys.stdin.buffer.read() if source == "-" else source
    dst: api.Target = sys.stdout.buffer if target == "-" else target
    if target != "-" and Path(target).is_dir():
        raise InvalidInputError("is a folder; give a file name", source=target)
    try:
        report = api.convert(
            src, dst, from_=from_, to=out_format.name, strict=strict, fail_on_loss=fail_on_loss, **options
        )
    except LossError as exc:
        _write_report(report_path, exc.report)
        raise
    _print_notes(report, quiet)
    _write_report(report_path, report)
    if target == "-":
        sys.stdout.buffer.flush()


def _write_report(path: str | None, report: Report) -> None:
    if path:
        data = (_json_text(_bounded(report.as_json()), indent=2) + "\n").encode()
        api.write_atomic(Path(path), data)


@main.command("formats")
@click.argument("name", required=False, metavar="[FORMAT]")
@handle_errors
def formats_cmd(name: str | None) -> None:
    """List every format (extensions, read, write, options, extra installed), or one in detail."""
    from rich.console import Console
    from rich.table import Table

    from cvconvert._deps import installed
    from cvconvert.options import describe

    console = Console(soft_wrap=True, highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 200)  # piped: one line a format, for grep
    if name is not None:
        fmt = formats.get(name)
        extra = f"{fmt.extra} ({'installed' if installed(fmt.extra) else 'not installed'})" if fmt.extra else "-"
        console.print(f"{fmt.name}: {fmt.description}", markup=False)
        console.print(f"extensions: {' '.join(fmt.extensions)}   media type: {fmt.media_type}   extra: {extra}")
        for side, model, able in (("reader", fmt.read_options, fmt.read), ("writer", fmt.write_options, fmt.write)):
            if able is None:
                console.print(f"{side}: none")
                continue
            table = Table("option", "type", "default", "help", box=None, title=f"{side} options", title_justify="left")
            for row in describe(model):
                table.add_row(*row)
            console.print(table if table.row_count else f"{side} options: none")
        return
    table = Table("format", "extensions", "read", "write", "options", "extra", "description", box=None)
    for fmt in formats.all_formats().values():
        reads = fmt.read_options.model_fields if fmt.read else {}
        writes = fmt.write_options.model_fields if fmt.write else {}
        options = sorted({*reads, *writes} - {"strict"})
        table.add_row(
            fmt.name,
            " ".join(fmt.extensions),
            "yes" if fmt.read else "-",
            "yes" if fmt.write else "-",
            " ".join(options) or "-",
            "-" if not fmt.extra else fmt.extra if installed(fmt.extra) else f"{fmt.extra} (not installed)",
            fmt.description,
        )
    console.print(table)
    console.print("Options of one format, with types and defaults: cvconvert formats NAME")


@main.command("validate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--from", "from_", metavar="FORMAT", help="Input format (default: from the name or content).")
@click.option("--strict", is_flag=True, help="Check against the JSON Resume schema, not only the model.")
@handle_errors
def validate_cmd(files: tuple[str, ...], from_: str | None, strict: bool) -> None:
    """Check files against the model (and the schema with --strict); list every problem."""
    failed = 0
    for name in files:
        try:
            _, report = api.read_with_report(name, from_, strict=strict)
        except InvalidInputError as exc:
            failed += 1
            if len(exc.problems) > 1:
                for path, reason in exc.problems:
                    _err(f"{name}: {path or '/'}: {reason}")
            else:
                _err(f"{name}: invalid: {_one_line(exc).removeprefix(name + ': ')}")
            continue
        except CvConvertError as exc:
            failed += 1
            _err(f"error: {_one_line(exc)}")
            continue
        for note in report:
            _err(f"{name}: {note}")
        _out(f"{name}: ok" + (f" ({len(report)} warning(s))" if len(report) else ""))
    if failed:
        raise click.exceptions.Exit(EXIT_FAILED)


@main.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--to", required=True, metavar="FORMAT", help="Output format of every file.")
@click.option("--out", "out", required=True, help="Output folder (or the workbook with --single-workbook).")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes (default: the CPU count).")
@click.option("--skip-existing", is_flag=True, help="Skip inputs whose output is newer: resume a batch.")
@click.option("--single-workbook", is_flag=True, help="Gather every résumé into the one workbook --out (xlsx).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", metavar="URL", help="Dask scheduler address, e.g. tcp://host:8786.")
@click.option("--strict", is_flag=True, help="Refuse what the JSON Resume schema refuses.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Write one JSON object per input here.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line per file on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the summary.")
@click.option("--lang", help="Language of the documents written (DOCX headings and dates).")
@click.option("--page", help="Page size of a printed format: A4 or Letter.")
@click.option("--template", type=click.Path(dir_okay=False), help="A Word template (DOCX), a Typst file (PDF).")
@click.option("-O", "--option", "option_pairs", multiple=True, metavar="KEY=VALUE", help="Any other option.")
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Follow links that lead out of a folder or pattern given (skipped otherwise).",
)
@handle_errors
def batch_cmd(
    inputs: tuple[str, ...],
    to: str,
    out: str,
    jobs: int | None,
    skip_existing: bool,
    single_workbook: bool,
    engine: str,
    scheduler: str | None,
    strict: bool,
    report_path: str | None,
    as_json: bool,
    quiet: bool,
    lang: str | None,
    page: str | None,
    template: str | None,
    option_pairs: tuple[str, ...],
    follow_symlinks: bool,
) -> None:
    """Convert many files (files, folders, glob patterns or fsspec URLs); a bad file never stops the rest.

    Exits 1 when any file failed; --report lists every input with its status. Ctrl-C lets
    running conversions finish; a second Ctrl-C stops them.
    """
    import time

    from cvconvert import batch

    options = _options(lang, page, template, option_pairs)
    try:
        batch.check_options(to, options, many=single_workbook)
    except CvConvertError as exc:
        raise click.UsageError(_printable(str(exc))) from None
    if not single_workbook:
        _check_out_folder(out)
    start = time.perf_counter()
    # Counts and failures only: memory must not grow with the number of files.
    counts = {"ok": 0, "failed": 0, "skipped": 0}
    failed: list[batch.Result] = []
    interrupt = batch.Interrupt()
    stream: Iterable[batch.Result] = ()
    # Planned first: a pattern that matched nothing fails here, before a report file exists.
    tasks = [] if single_workbook else batch.plan(inputs, out, to, follow_symlinks=follow_symlinks)
    report = _ReportFile(Path(report_path)) if report_path else None
    try:
        with _ctrl_c_presses(interrupt):
            if single_workbook:
                results: Iterable[batch.Result] = batch.gather_workbook(
                    inputs,
                    out,
                    to=to,
                    jobs=jobs,
                    strict=strict,
                    follow_symlinks=follow_symlinks,
                    interrupt=interrupt,
                    **options,
                )
                results = (_show(r, as_json, quiet) for r in results)
            else:
                stream = batch.convert_many(
                    tasks,
                    out,
                    to=to,
                    jobs=jobs,
                    strict=strict,
                    skip_existing=skip_existing,
                    engine=engine,  # type: ignore[arg-type]
                    scheduler=scheduler,
                    interrupt=interrupt,
                    **options,
                )
                results = _follow(stream, len(tasks), as_json, quiet)
            try:
                for result in results:
                    if report is not None:
                        report.add(result.as_json())
                    counts[result.status] += 1
                    if result.status == "failed":
                        failed.append(result)
            finally:
                # Stop the workers now, not when the generators are collected, if we stop early.
                for iterator in (results, stream):
                    getattr(iterator, "close", lambda: None)()
    finally:
        if report is not None:
            with _no_ctrl_c():
                report.close()  # what was done so far, even after Ctrl-C
    seconds = time.perf_counter() - start
    done = sum(counts.values())
    # After Ctrl-C the planned inputs that never ran are counted too, so the numbers add up.
    unstarted = f", {len(tasks) - done} not started" if interrupt.presses and len(tasks) > done else ""
    _err(
        f"{done} file(s): {counts['ok']} ok, {counts['failed']} failed, {counts['skipped']} skipped{unstarted} "
        f"in {seconds:.1f} s"
    )
    for result in failed:
        _err(f"failed: {result.error}")
    if interrupt.presses:
        raise KeyboardInterrupt  # exit 130, after the report and the summary of what was done
    if failed:
        raise click.exceptions.Exit(EXIT_FAILED)


def _check_out_folder(out: str) -> None:
    """Refuse an --out that names a file (``o.xlsx``) where a folder is wanted: batch would make
    a folder of that name. A workbook of every résumé is what such a name usually means."""
    named = formats.for_path(out)
    if named is None or Path(out).is_dir():
        return
    if named.write_many is not None:
        raise click.UsageError(
            f"--out {out} names a {named.name} file: add --single-workbook to gather every résumé into it, "
            "or give a folder for one file per input"
        )
    raise click.UsageError(f"--out {out} names a {named.name} file; batch writes into a folder: give a folder")


@contextmanager
def _ctrl_c_presses(interrupt: Any) -> Iterator[None]:
    """Ctrl-C presses go to ``interrupt`` (first: finish what runs; second: stop it) in the block."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread; Ctrl-C raises there as usual
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: interrupt.press())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _no_ctrl_c() -> Iterator[None]:
    """Ctrl-C waits until the block ends: the report must be renamed into place, not left as .tmp."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: pressed.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


class _ReportFile:
    """The batch report, a JSON list written one object at a time, renamed into place at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            self.out = self.tmp.open("w", encoding="utf-8")
        except OSError as exc:
            raise InvalidInputError(exc.strerror or str(exc), source=str(path)) from None
        self.out.write("[")
        self.first = True

    def add(self, item: dict[str, Any]) -> None:
        # One object a line, each line one line whatever the names and messages hold.
        self.out.write(("\n" if self.first else ",\n") + _json_text(_bounded(item)))
        self.first = False

    def close(self) -> None:
        try:
            self.out.write("\n]\n")
            self.out.close()
            os.replace(self.tmp, self.path)
        except BaseException:
            self.tmp.unlink(missing_ok=True)  # a full disk must not leave the temporary file
            raise


def _show(result: Any, as_json: bool, quiet: bool) -> Any:
    """One line per file: JSON with --json, else plain text; returns the result."""
    if as_json:
        click.echo(_json_text(_bounded(result.as_json())))
    elif not quiet:
        # A failure's message names its file already (it stands alone in --report and --json).
        error = result.error.removeprefix(f"{result.input}: ") if result.error else ""
        detail = f" -> {result.output}" if result.output else f": {error}" if error else ""
        _out(f"{result.status:7} {result.input}{detail}")
    return result


def _follow(stream: Iterable[Any], total: int, as_json: bool, quiet: bool) -> Iterable[Any]:
    """Pass results through, showing a live progress bar on a terminal, lines otherwise."""
    if as_json or quiet or not sys.stderr.isatty():
        for result in stream:
            _show(result, as_json, quiet)
            yield result
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} files/s"),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task("converting", total=total, rate="   -")
        for result in stream:
            if result.status == "failed":
                progress.console.print(_printable(f"failed: {result.error}"), markup=False, highlight=False)
            speed = progress.tasks[0].speed
            progress.update(task, advance=1, rate=f"{speed:6.1f}" if speed else "   -")
            yield result


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: the CPU count).")
@click.option("--queue", type=click.IntRange(min=0), default=64, show_default=True, help="Requests that may wait.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds a conversion may take; then 504 and its worker is replaced.",
)
@click.option(
    "--batch-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=300.0,
    show_default=True,
    help="Seconds a /v1/batch may take.",
)
@click.option("--max-body", default="20MB", show_default=True, help="Largest request body (KB, MB, GB).")
@click.option("--api-key", envvar="CVCONVERT_API_KEY", help="Require this key on /v1 (env CVCONVERT_API_KEY).")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), default="info")
@handle_errors
def serve_cmd(
    host: str,
    port: int,
    workers: int | None,
    queue: int,
    timeout: float,
    batch_timeout: float,
    max_body: str,
    api_key: str | None,
    log_level: str,
) -> None:
    """Serve conversions over HTTP, and the web page at / (needs the serve extra; see README "Service")."""
    import importlib.util

    from cvconvert import service

    for module in ("fastapi", "uvicorn", "multipart"):
        if importlib.util.find_spec(module) is None:
            raise click.ClickException(f'cvconvert serve needs {module}: pip install "cvconvert[serve]"')
    try:
        body = limits.parse([f"max_input_bytes={max_body}"])["max_input_bytes"]
    except ValueError:
        raise click.BadParameter(f"takes a size such as 20MB, not {max_body!r}", param_hint="--max-body") from None
    config = service.ServiceConfig(
        host=host,
        port=port,
        workers=workers or os.cpu_count() or 1,
        queue=queue,
        timeout=timeout,
        batch_timeout=batch_timeout,
        max_body_bytes=body,
        api_key=api_key or None,
        log_level=log_level,
    )
    service.run(config)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (for tests and ``python -m cvconvert``)."""
    try:
        main.main(args=argv, prog_name="cvconvert", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_FAILED
    return EXIT_OK
