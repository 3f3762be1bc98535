"""A bounded pool of worker processes that the event loop hands jobs to, one job per worker.

Why not ``concurrent.futures.ProcessPoolExecutor``: a job running there cannot be cancelled,
and killing one of its processes breaks the whole pool. Here each worker is a process of our
own (started by *spawn*: the server's threads are not forked), talking over one pipe; the loop
waits for replies with ``add_reader``, so no thread waits per request. A job past its time is
answered :class:`TimedOut` and its worker is killed and replaced; when every worker is busy and
``queue`` requests already wait, the next is refused at once with :class:`Busy`.
"""

from __future__ import annotations

import asyncio
import collections
import multiprocessing
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Literal

# Jobs larger than this are sent from a thread: a pipe takes 64 kB at a time, and the loop must
# not wait while a worker drains a 20 MB upload.
_SEND_INLINE = 256 * 2**10


class Busy(Exception):
    """Every worker is busy and the queue is full: try again later."""


class TimedOut(Exception):
    """The job ran past its time; its worker was killed."""


class WorkerDied(Exception):
    """The worker's process ended during the job (a crash in a native library, or killed)."""


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    state: Literal["starting", "idle", "busy", "gone"] = "starting"
    jobs: int = 0
    reply: asyncio.Future[bytes] | None = None


@dataclass
class Stats:
    """Counters for /metrics and /healthz."""

    started: int = 0
    replaced: dict[str, int] = field(default_factory=lambda: {"timeout": 0, "died": 0, "recycled": 0})
    rejected_busy: int = 0


class Pool:
    """``size`` worker processes running ``target(conn, *args)``; see the module's docstring.

    ``target`` answers ``b"ready"`` once, then one pickled reply per pickled job.
    """

    def __init__(
        self,
        target: Callable[..., None],
        args: tuple[Any, ...],
        *,
        size: int,
        queue: int,
        max_jobs: int = 0,
    ) -> None:
        self.target, self.args = target, args
        self.size, self.queue, self.max_jobs = size, queue, max_jobs
        self.stats = Stats()
        self._context = multiprocessing.get_context("spawn")
        self._workers: set[_Worker] = set()
        self._idle: collections.deque[_Worker] = collections.deque()
        self._waiting: collections.deque[asyncio.Future[_Worker]] = collections.deque()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = asyncio.Event()
        self._closed = False
        self._failed_starts = 0

    # --- life -----------------------------------------------------------------------------

    async def start(self, wait: float = 60.0) -> None:
        """Start the workers and wait (at most ``wait`` seconds) until one is ready."""
        self._loop = asyncio.get_running_loop()
        for _ in range(self.size):
            self._spawn()
        await asyncio.wait_for(self._ready.wait(), wait)

    async def close(self) -> None:
        """Stop every worker: close its pipe (it exits), kill it if it does not."""
        self._closed = True
        for waiter in self._waiting:
            if not waiter.done():
                waiter.set_exception(Busy())
        self._waiting.clear()
        workers = list(self._workers)
        for worker in workers:
            self._forget(worker)
            worker.conn.close()
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(None, _stop, w.process) for w in workers))

    def _spawn(self) -> None:
        assert self._loop is not None
        mine, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(target=self.target, args=(theirs, *self.args), daemon=True)
        process.start()
        theirs.close()
        worker = _Worker(process, mine)
        self._workers.add(worker)
        self.stats.started += 1
        self._loop.add_reader(mine.fileno(), self._readable, worker)

    def _forget(self, worker: _Worker) -> None:
        if worker.state == "gone":
            return
        worker.state = "gone"
        self._workers.discard(worker)
        if worker in self._idle:
            self._idle.remove(worker)
        if self._loop is not None and not worker.conn.closed:
            self._loop.remove_reader(worker.conn.fileno())

    def _replace(self, worker: _Worker, why: Literal["timeout", "died", "recycled"]) -> None:
        """Kill ``worker`` (it may be stuck in native code) and start another in its place."""
        never_ready = worker.state == "starting"
        self._forget(worker)
        self.stats.replaced[why] += 1
        if why != "recycled":
            worker.process.kill()
        worker.conn.close()
        assert self._loop is not None
        self._loop.run_in_executor(None, _stop, worker.process)
        # A worker that dies before it is ready (a broken install) is not started again and
        # again: after a few such deaths the pool stays smaller, and /healthz says so.
        self._failed_starts = self._failed_starts + 1 if never_ready else 0
        if not self._closed and self._failed_starts < 3:
            self._spawn()

    # --- state ----------------------------------------------------------------------------

    @property
    def idle(self) -> int:
        """Workers ready for a job now."""
        return len(self._idle)

    @property
    def busy(self) -> int:
        """Workers running a job."""
        return sum(1 for w in self._workers if w.state == "busy")

    @property
    def waiting(self) -> int:
        """Requests waiting for a worker."""
        return len(self._waiting)

    @property
    def alive(self) -> int:
        """Workers started and not yet gone (ready, busy or still starting)."""
        return len(self._workers)

    # --- jobs -----------------------------------------------------------------------------

    async def run(self, kind: str, args: dict[str, Any], timeout: float) -> Any:
        """Run one job on a free worker and return its reply.

        Raises Busy at once when every worker is busy and the queue is full, TimedOut when the
        job takes longer than ``timeout`` seconds (the worker is replaced), WorkerDied when the
        worker's process ended during the job.
        """
        worker = await self._acquire()
        loop = asyncio.get_running_loop()
        reply: asyncio.Future[bytes] = loop.create_future()
        worker.state, worker.reply = "busy", reply
        message = pickle.dumps((kind, args), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            if len(message) > _SEND_INLINE:
                await loop.run_in_executor(None, worker.conn.send_bytes, message)
            else:
                worker.conn.send_bytes(message)
        except OSError:
            self._replace(worker, "died")
            raise WorkerDied() from None
        try:
            data = await asyncio.wait_for(asyncio.shield(reply), timeout)
        except TimeoutError:
            if not reply.done():
                self._replace(worker, "timeout")
                raise TimedOut() from None
            data = reply.result()  # it came as the time ran out
        return pickle.loads(data)  # noqa: S301 - from our own worker

    async def _acquire(self) -> _Worker:
        if self._idle:
            return self._idle.popleft()
        if self._closed or len(self._waiting) >= self.queue:
            self.stats.rejected_busy += 1
            raise Busy()
        assert self._loop is not None
        waiter: asyncio.Future[_Worker] = self._loop.create_future()
        self._waiting.append(waiter)
        try:
            return await waiter
        except asyncio.CancelledError:
            # The client went away while waiting: a worker handed over meanwhile goes back.
            if waiter in self._waiting:
                self._waiting.remove(waiter)
            elif waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self._release(waiter.result())
            raise

    def _release(self, worker: _Worker) -> None:
        worker.state, worker.reply = "idle", None
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                worker.state = "busy"  # reserved for the waiter until its job is sent
                waiter.set_result(worker)
                return
        self._idle.append(worker)

    def _readable(self, worker: _Worker) -> None:
        """The worker said something: ready, a reply, or (end of file) that it died."""
        try:
            data = worker.conn.recv_bytes()
        except (EOFError, OSError):
            reply = worker.reply
            self._replace(worker, "died")
            if reply is not None and not reply.done():
                reply.set_exception(WorkerDied())
            return
        if worker.state == "starting":
            self._ready.set()
            self._release(worker)
            return
        reply = worker.reply
        if reply is not None and not reply.done():
            reply.set_result(data)
        worker.jobs += 1
        if self.max_jobs and worker.jobs >= self.max_jobs:
            self._replace(worker, "recycled")
        else:
            self._release(worker)


def _stop(process: BaseProcess) -> None:
    """Wait for a worker to end (it ends when its pipe closes); kill it after a second."""
    process.join(1.0)
    if process.is_alive():
        process.kill()
        process.join()
