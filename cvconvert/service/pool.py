"""A bounded pool of worker processes that the event loop hands jobs to, one job per worker.

Why not ``concurrent.futures.ProcessPoolExecutor``: a job running there cannot be cancelled,
and killing one of its processes breaks the whole pool. Here each worker is a process of our
own (started by *spawn*: the server's threads are not forked), talking over one socket pair; a
task per worker reads its replies without blocking the loop, so no thread waits per request. A job past its time is
answered :class:`TimedOut` and its worker is killed and replaced; when every worker is busy and
``queue`` requests already wait, the next is refused at once with :class:`Busy`.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import multiprocessing
import os
import pickle
import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from typing import Any, Literal

from cvconvert.service.config import WEIGHT

log = logging.getLogger("cvconvert.service")

# multiprocessing.Connection's framing, which the worker's end reads and writes: a 4-byte
# big-endian length, or -1 and an 8-byte length for a message of 2 GiB or more.
_HEADER, _LONG = struct.Struct("!i"), struct.Struct("!Q")


class Busy(Exception):
    """Every worker is busy and the queue is full: try again later."""


class TimedOut(Exception):
    """The job ran past its time; its worker was killed."""


class WorkerDied(Exception):
    """The worker's process ended during the job (a crash in a native library, or killed)."""


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    sock: socket.socket
    state: Literal["starting", "idle", "busy", "gone"] = "starting"
    jobs: int = 0
    reply: asyncio.Future[bytes] | None = None
    listener: asyncio.Task[None] | None = None


@dataclass
class Stats:
    """Counters for /metrics and /healthz."""

    started: int = 0
    replaced: dict[str, int] = field(default_factory=lambda: {"timeout": 0, "died": 0, "recycled": 0})
    rejected_busy: int = 0


class Pool:
    """``size`` worker processes running ``target(conn, *args)``; see the module's docstring.

    ``target`` answers ``b"ready"`` once, then one pickled reply per pickled job, which a job
    that ran several conversions precedes with ``config.WEIGHT`` and their number: a worker is
    replaced after ``max_jobs`` conversions (0: never).
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
        """Start the workers and wait until one is ready; RuntimeError when none comes up
        within ``wait`` seconds or every one died starting (a broken installation)."""
        self._loop = asyncio.get_running_loop()
        for _ in range(self.size):
            self._spawn()
        deadline = self._loop.time() + wait
        while not self._ready.is_set():
            if not self._workers or self._loop.time() > deadline:
                await self.close()
                raise RuntimeError("no conversion worker started; see the errors above")
            await asyncio.sleep(0.05)

    async def close(self) -> None:
        """Stop every worker: close its pipe (it exits), kill it if it does not."""
        self._closed = True
        for waiter in self._waiting:
            if not waiter.done():
                waiter.set_exception(Busy())
        self._waiting.clear()
        workers = list(self._workers)
        for worker in workers:
            reply = worker.reply
            self._forget(worker)
            if reply is not None and not reply.done():
                reply.set_exception(WorkerDied())  # its request is answered now, not at its time limit
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(None, _stop, w.process) for w in workers))

    def _spawn(self) -> None:
        assert self._loop is not None
        mine, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(target=self.target, args=(theirs, *self.args), daemon=True)
        process.start()
        theirs.close()
        # Our end as a non-blocking socket the loop reads and writes (a Connection's reads block).
        sock = socket.socket(fileno=os.dup(mine.fileno()))
        mine.close()
        sock.setblocking(False)
        worker = _Worker(process, sock)
        self._workers.add(worker)
        self.stats.started += 1
        worker.listener = self._loop.create_task(self._listen(worker))

    def _forget(self, worker: _Worker) -> None:
        """Take ``worker`` out of the pool and close our end (it exits when it sees that)."""
        if worker.state == "gone":
            return
        worker.state = "gone"
        self._workers.discard(worker)
        if worker in self._idle:
            self._idle.remove(worker)
        if worker.listener is not None and worker.listener is not asyncio.current_task():
            worker.listener.cancel()
        worker.sock.close()

    def _replace(self, worker: _Worker, why: Literal["timeout", "died", "recycled"]) -> None:
        """Kill ``worker`` (it may be stuck in native code) and start another in its place."""
        never_ready = worker.state == "starting"
        self._forget(worker)
        self.stats.replaced[why] += 1
        if why != "recycled":
            worker.process.kill()
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
    def saturated(self) -> bool:
        """True when a job now would be refused with Busy (no idle worker, the queue full)."""
        return not self._idle and (self._closed or len(self._waiting) >= self.queue)

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
            await loop.sock_sendall(worker.sock, _frame(message))
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

    async def _listen(self, worker: _Worker) -> None:
        """Read the worker's messages as they come; at end of file it died."""
        loop = asyncio.get_running_loop()
        buffer = bytearray()
        try:
            while True:
                want = _frame_size(buffer)
                chunk = await loop.sock_recv(worker.sock, max(2**16, want - len(buffer)))
                if not chunk:
                    break
                buffer += chunk
                while (size := _frame_size(buffer)) <= len(buffer):
                    start = size - _message_size(buffer)
                    self._heard(worker, bytes(buffer[start:size]))
                    del buffer[:size]
        except OSError:
            pass
        if worker.state != "gone":
            reply = worker.reply
            self._replace(worker, "died")
            if reply is not None and not reply.done():
                reply.set_exception(WorkerDied())

    def _heard(self, worker: _Worker, data: bytes) -> None:
        """The worker said something: that it is ready, how many conversions the job it is
        answering ran (when more than one), or its reply."""
        if worker.state == "starting":
            self._ready.set()
            self._release(worker)
            return
        if data[:1] == WEIGHT:  # a pickle starts with its protocol mark, never with this byte
            worker.jobs += max(0, int(data[1:] or b"1") - 1)
            return
        reply = worker.reply
        if reply is not None and not reply.done():
            reply.set_result(data)
        worker.jobs += 1
        if self.max_jobs and worker.jobs >= self.max_jobs:
            self._replace(worker, "recycled")
        else:
            self._release(worker)


def _frame(message: bytes) -> bytes:
    """``message`` with the length header the worker's Connection.recv_bytes expects."""
    if len(message) > 0x7FFFFFFF:
        return _HEADER.pack(-1) + _LONG.pack(len(message)) + message
    return _HEADER.pack(len(message)) + message


def _message_size(buffer: bytearray) -> int:
    """The length of the message whose header starts ``buffer`` (-1 when the header is not whole)."""
    if len(buffer) < _HEADER.size:
        return -1
    (size,) = _HEADER.unpack_from(buffer)
    if size != -1:
        return int(size)
    if len(buffer) < _HEADER.size + _LONG.size:
        return -1
    return int(_LONG.unpack_from(buffer, _HEADER.size)[0])


def _frame_size(buffer: bytearray) -> int:
    """Bytes of the first whole frame in ``buffer`` (header and message), or a size past the
    buffer's end while it is not whole."""
    size = _message_size(buffer)
    if size < 0:
        return len(buffer) + _HEADER.size + _LONG.size
    head = _HEADER.size + (_LONG.size if _HEADER.unpack_from(buffer)[0] == -1 else 0)
    return head + size


def _stop(process: BaseProcess) -> None:
    """Wait for a worker to end (it ends when its pipe closes); kill it after a second."""
    process.join(1.0)
    if process.is_alive():
        process.kill()
        process.join()
    if process.exitcode not in (0, -9):
        log.warning("worker %s ended with exit code %s", process.pid, process.exitcode)
