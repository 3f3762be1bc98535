"""The engines that run the tasks: a process pool (with Ctrl-C and SIGTERM handled), or Dask."""

from __future__ import annotations

import glob
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from cvconvert import api, limits
from cvconvert.batch import model
from cvconvert.batch.model import Engine, Result, Task
from cvconvert.batch.plan import _is_url, plan
from cvconvert.batch.task import _interrupted, _on_sigterm, check_options, run_chunk, run_task
from cvconvert.errors import CvConvertError

if TYPE_CHECKING:
    pass


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


T = TypeVar("T")


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
        yield from _pool(run_chunk, _chunks(tasks, workers), args, workers, interrupt, _interrupted, model.WORKER_JOBS)


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
    from cvconvert.formats import get
    from cvconvert.model import Resume

    resume = Resume.model_validate({"basics": {"name": "warm-up"}, "work": [{"name": "w"}]})
    if not get(to).warm_before_fork:
        return  # the schema is built; the writer loads in each worker
    try:
        api.dumps(resume, to)
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
    per_worker: int,
) -> Iterator[T]:
    """``work(chunk, *args)`` for each chunk on a process pool, the results as they come.

    A bounded number of chunks is in flight, so memory does not grow with the input count and
    a Ctrl-C has little to wait for. It is polled, not raised: a KeyboardInterrupt raised
    while the results are handed on would lose the results of the work still running. After
    ``workers * per_worker`` tasks the pool is drained and fresh workers take over, so memory a
    library keeps in a worker from file to file does not grow with a long batch.
    """
    from concurrent.futures import FIRST_COMPLETED, Future, wait
    from concurrent.futures.process import BrokenProcessPool

    todo = iter(chunks)
    window = workers * 4
    pool = _new_pool(workers)
    pending: dict[Future[list[T]], list[Task]] = {}
    workers_then: list[Any] | None = None  # the worker processes, kept when the pool shuts down
    cut_at: float | None = None
    # shutdown(wait=False) forgets the pool's manager thread, so the last shutdown(wait=True) no
    # longer joins it; exiting while it still tears down races Python 3.11's exit hook, which then
    # writes to the pipe the thread has just closed (a traceback after Ctrl-C). Kept, to be joined.
    manager: Any = None
    budget, sent = workers * per_worker, 0  # tasks the current workers may be given, and were
    interrupt.pool_running = True
    try:
        while True:
            if sent >= budget and not pending and not interrupt.presses:
                # Drained: the old workers end (their manager thread joined), fresh ones start.
                pool.shutdown(wait=True)
                if manager is not None:
                    manager.join(_GRACE)
                pool, manager, sent = _new_pool(workers), None, 0
            while (
                not interrupt.presses
                and len(pending) < window
                and sent < budget
                and (chunk := next(todo, None)) is not None
            ):
                pending[pool.submit(work, chunk, *args)] = chunk
                sent += len(chunk)
            manager = manager or getattr(pool, "_executor_manager_thread", None)
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
        if manager is not None:
            manager.join(_GRACE)


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
