"""Many résumés gathered into one screening workbook (``--single-workbook``)."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from cvconvert import api, limits
from cvconvert.batch import model
from cvconvert.batch.engines import Interrupt, _chunks, _pool
from cvconvert.batch.model import Result, Task
from cvconvert.batch.plan import _expand_all, _is_url
from cvconvert.batch.task import _FAILURES, _failed, _for, _interrupted, _read_input, _run_cut_off, check_options

if TYPE_CHECKING:
    from cvconvert.model import Resume


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

    Returns one Result per input (failed inputs are left out of the workbook); a résumé in the
    workbook has its ``resume_id`` there, and the workbook names its input (relative to the
    folder or pattern it came from) as its source. ``inputs`` and the keyword options are as
    :func:`convert_many` takes them; a writer with an ``asOf`` option (xlsx: the date years of
    experience are counted to) gets the day the batch started unless it is given. Folder walks
    and patterns skip links that leave their folder unless ``follow_symlinks``. Raises
    InvalidInputError when no input file matched, KeyboardInterrupt, with nothing written, when
    ``interrupt`` is pressed before the end.
    """
    started = today()
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    from cvconvert.model import Resume

    fmt = check_options(to, options, many=True)
    found = _expand_all([os.fspath(i) for i in inputs], follow_symlinks)
    is_target = _is_the(os.fspath(target))
    tasks = [
        Task(source, os.fspath(target), ("skipped", skip) if skip is not None else None)
        if skip is not None or not is_target(source)
        # The workbook of a previous run among the inputs is the output, not an input.
        else Task(source, os.fspath(target), ("skipped", f"{source}: the workbook being written; not read"))
        for source, _, skip in found
    ]
    names = {source: rel for source, rel, _ in found}
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
        ok = [r for r in results if r.status == "ok"]
        chosen = _for(fmt.write_options, dict(options or {}))
        takes = fmt.write_options.model_fields
        if "asOf" in takes:
            chosen.setdefault("asOf", started)
        if "sources" in takes:
            chosen["sources"] = tuple(names.get(r.input, r.input) for r in ok)
        for rid, result in enumerate(ok, 1):
            result.resume_id = rid
        report = api.write_many(resumes, target, fmt.name, fail_on_loss=False, **chosen)
        for note in report:
            # A many-report's pointer starts with the résumé's index in the workbook; a note
            # without one is about the whole workbook, so every résumé in it gets it.
            first = note.path.split("/")[1] if note.path.count("/") >= 1 else ""
            owners = [ok[int(first)]] if first.isdigit() and int(first) < len(ok) else ok
            entry = {"path": note.path, "message": note.message}
            for owner in owners:
                {"loss": owner.losses, "hidden": owner.hidden}.get(note.kind, owner.warnings).append(entry)
    return results


def today() -> dt.date:
    """The day a batch starts: the default reference date of its workbook (tests freeze it)."""
    return dt.date.today()


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


def _is_the(target: str) -> Callable[[str], bool]:
    """Whether a local input is the file ``target``: the same path, or (when it exists) the same
    file by another name (a link, a name of another case where case is ignored)."""
    if _is_url(target):
        return lambda source: source == target
    here = os.getcwd()
    path = os.path.normpath(os.path.join(here, target))
    try:
        info = os.stat(path)
        same: tuple[int, int] | None = (info.st_dev, info.st_ino)
    except OSError:
        same = None  # no workbook yet: no input can be it

    def check(source: str) -> bool:
        if _is_url(source):
            return False
        if os.path.normpath(os.path.join(here, source)) == path:
            return True
        if same is None:
            return False
        try:
            info = os.stat(source)
        except OSError:
            return False
        return (info.st_dev, info.st_ino) == same

    return check


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
    chunks = _chunks(tasks, workers)
    read = list(_pool(read_chunk, chunks, args, workers, interrupt, _read_interrupted, model.WORKER_JOBS))
    order = {task.input: i for i, task in enumerate(tasks)}
    return sorted(read, key=lambda pair: order[pair[0].input])  # the workbook keeps the inputs' order
