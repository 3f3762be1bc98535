"""The service's worker pool on its own: a worker that dies or hangs is replaced, the queue is
bounded, big messages cross the pipe whole (the targets here are functions of this module, which
the spawned workers import)."""

from __future__ import annotations

import asyncio
import os
import pickle
import time
from multiprocessing.connection import Connection

import pytest

from cvconvert.service.pool import Busy, Pool, TimedOut, WorkerDied


def echo_worker(conn: Connection) -> None:
    """Answer each job with its args; "die" ends the process as a native crash would."""
    conn.send_bytes(b"ready")
    while True:
        try:
            kind, args = pickle.loads(conn.recv_bytes())
        except EOFError:
            return
        if kind == "die":
            os._exit(3)
        if kind == "sleep":
            time.sleep(args["seconds"])
        conn.send_bytes(pickle.dumps({"kind": kind, "args": args, "pid": os.getpid()}))


def run(coroutine: object) -> object:
    return asyncio.run(coroutine)  # type: ignore[arg-type]


def test_a_worker_that_dies_is_answered_and_replaced() -> None:
    async def scenario() -> None:
        pool = Pool(echo_worker, (), size=1, queue=1)
        await pool.start()
        try:
            first = await pool.run("echo", {"n": 1}, 10)
            with pytest.raises(WorkerDied):
                await pool.run("die", {}, 10)
            await asyncio.wait_for(pool._ready.wait(), 30)
            deadline = time.monotonic() + 30
            while not pool.idle and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            again = await pool.run("echo", {"n": 2}, 10)
            assert again["pid"] != first["pid"] and pool.stats.replaced["died"] == 1
        finally:
            await pool.close()

    run(scenario())


def test_a_job_past_its_time_kills_its_worker_and_the_queue_is_bounded() -> None:
    async def scenario() -> None:
        pool = Pool(echo_worker, (), size=1, queue=1)
        await pool.start()
        try:
            slow = asyncio.create_task(pool.run("sleep", {"seconds": 30}, 0.5))
            await asyncio.sleep(0.05)
            waiting = asyncio.create_task(pool.run("echo", {}, 10))  # the one place in the queue
            await asyncio.sleep(0.05)
            with pytest.raises(Busy):
                await pool.run("echo", {}, 10)  # refused at once
            with pytest.raises(TimedOut):
                await slow
            answer = await asyncio.wait_for(waiting, 30)  # served by the replacement
            assert answer["kind"] == "echo" and pool.stats.replaced["timeout"] == 1
        finally:
            await pool.close()

    run(scenario())


def test_big_messages_cross_whole_both_ways() -> None:
    async def scenario() -> None:
        pool = Pool(echo_worker, (), size=1, queue=0)
        await pool.start()
        try:
            data = os.urandom(5 * 2**20)
            answer = await pool.run("echo", {"data": data}, 30)
            assert answer["args"]["data"] == data
        finally:
            await pool.close()

    run(scenario())


def test_recycled_after_max_jobs() -> None:
    async def scenario() -> None:
        pool = Pool(echo_worker, (), size=1, queue=4, max_jobs=2)
        await pool.start()
        try:
            pids = [(await pool.run("echo", {}, 30))["pid"] for _ in range(4)]
            assert pids[0] == pids[1] != pids[2] == pids[3]
            assert pool.stats.replaced["recycled"] >= 1
        finally:
            await pool.close()

    run(scenario())


def broken_worker(conn: Connection) -> None:
    """A worker that cannot start (an import that fails in a broken installation)."""
    os._exit(1)


def test_a_pool_whose_workers_cannot_start_says_so_and_stops_trying() -> None:
    async def scenario() -> None:
        pool = Pool(broken_worker, (), size=2, queue=0)
        start = time.monotonic()
        with pytest.raises(RuntimeError, match="no conversion worker started"):
            await pool.start(wait=60)
        assert time.monotonic() - start < 30 and pool.stats.started <= 4

    run(scenario())


def test_closing_the_pool_answers_the_jobs_in_flight() -> None:
    async def scenario() -> None:
        pool = Pool(echo_worker, (), size=1, queue=1)
        await pool.start()
        running = asyncio.create_task(pool.run("sleep", {"seconds": 30}, 60))
        waiting = asyncio.create_task(pool.run("echo", {}, 60))
        await asyncio.sleep(0.2)
        start = time.monotonic()
        await pool.close()
        with pytest.raises(WorkerDied):
            await running
        with pytest.raises(Busy):
            await waiting
        assert time.monotonic() - start < 10

    run(scenario())
