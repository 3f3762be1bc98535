"""The conversion service under load on loopback: JSON -> DOCX requests per second and latency.

    python bench/bench_service.py [--requests 400] [--clients 1,8,32,64] [--workers 2]
                                  [--cli-files 10] [--memory-requests 2000]
    python bench/bench_service.py --memory-requests 100000   # the issue's memory figure

Starts ``cvconvert serve`` in a subprocess on a free port, then a bounded load generator (a
fixed number of requests, one keep-alive connection per client, raw HTTP/1.1 on asyncio: the
generator must cost little CPU, it shares the machine) posts ``samples/wanru-zhao.json`` to
``/v1/convert?to=docx`` at each concurrency and prints requests per second and the p50/p99
latency. In the same run, converts the same file with the CLI once per file (a whole process
each time) for the baseline. Then sends ``--memory-requests`` more requests at 8 clients and
samples the resident memory of the server and its workers: the peak, and the total after the
first tenth and at the end (no growth means those two stay close; workers are replaced after
``max_jobs`` conversions, which starts them afresh).

Targets on a 2-core machine (issue #19): >= 300 conversions/s, p99 <= 50 ms at 8 clients,
>= 10x the CLI's files per second, no memory growth. The machine is shared: figures are
indicative; the load average is printed with them, and so is the CPU time the server and its
workers spent per request, which other programs' load barely moves (two cores divided by it is
the rate an idle machine would reach).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "wanru-zhao.json"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    """``cvconvert serve`` on ``port``, once /healthz answers with every worker idle."""
    command = [sys.executable, "-m", "cvconvert", "serve", "--port", str(port), "--workers", str(workers)]
    command += ["--queue", "1024", "--log-level", "warning"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
                if b'"idle":' + str(workers).encode() in answer.read():
                    return server
        except OSError:
            pass
        time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


async def client(port: int, request: bytes, count: int, latencies: list[float], failures: list[int]) -> None:
    """Send ``count`` requests one after another on one keep-alive connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for _ in range(count):
            start = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            if status != 200:
                failures.append(status)
    finally:
        writer.close()


async def load(port: int, request: bytes, clients: int, total: int) -> tuple[float, list[float], list[int]]:
    """``total`` requests spread over ``clients`` connections: (seconds, latencies, failures)."""
    latencies: list[float] = []
    failures: list[int] = []
    share = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]
    start = time.perf_counter()
    await asyncio.gather(*(client(port, request, n, latencies, failures) for n in share if n))
    return time.perf_counter() - start, latencies, failures


def convert_request(port: int, body: bytes) -> bytes:
    head = (
        f"POST /v1/convert?to=docx&name=cv.json HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def tree_cpu(pid: int) -> tuple[float, float]:
    """CPU seconds used so far by ``pid`` (the web server) and by its children (the workers
    that are alive)."""
    server = workers = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            ticks = int(fields[11]) + int(fields[12])
            if int(entry) == pid:
                server += ticks
            elif int(fields[1]) == pid:
                workers += ticks
        except (OSError, ValueError, IndexError):
            continue
    tick = os.sysconf("SC_CLK_TCK")
    return server / tick, workers / tick


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and its children (the workers)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if int(entry) == pid or ppid == pid:
                for line in Path(f"/proc/{entry}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            continue
    return total


def cli_per_file(files: int) -> float:
    """Files per second of ``cvconvert IN OUT.docx``, one whole process per file."""
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        for i in range(files):
            out = Path(folder) / f"cv{i}.docx"
            subprocess.run([sys.executable, "-m", "cvconvert", str(SAMPLE), str(out), "-q"], check=True)
        return files / (time.perf_counter() - start)


async def memory_run(port: int, request: bytes, total: int, pid: int) -> tuple[int, int, int]:
    """(RSS after the first tenth, RSS at the end, peak RSS) over ``total`` requests at 8 clients."""
    samples: list[int] = []
    done = asyncio.Event()

    async def sample() -> None:
        while not done.is_set():
            samples.append(tree_rss(pid))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    tenth = max(1, total // 10)
    await load(port, request, 8, tenth)
    early = tree_rss(pid)
    await load(port, request, 8, total - tenth)
    done.set()
    await sampler
    late = tree_rss(pid)
    return early, late, max([*samples, early, late])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per concurrency level")
    parser.add_argument("--clients", default="1,8,32,64")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--cli-files", type=int, default=10)
    parser.add_argument("--memory-requests", type=int, default=2000)
    args = parser.parse_args()

    port = free_port()
    body = SAMPLE.read_bytes()
    request = convert_request(port, body)
    server = start_server(port, args.workers)
    try:
        asyncio.run(load(port, request, 8, 100))  # warm-up: every worker has converted once
        print(f"JSON -> DOCX over HTTP, {args.workers} workers, {args.requests} requests per row")
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print("| clients | requests/s | p50 ms | p99 ms | failed | CPU ms/request: web + workers (+ generator) |")
        print("|---:|---:|---:|---:|---:|---:|")
        rates = {}
        for clients in (int(c) for c in args.clients.split(",")):
            web, work, own = *tree_cpu(server.pid), time.process_time()
            seconds, latencies, failures = asyncio.run(load(port, request, clients, args.requests))
            web_after, work_after, own_after = *tree_cpu(server.pid), time.process_time()
            rates[clients] = len(latencies) / seconds
            per = 1e3 / len(latencies)
            print(
                f"| {clients} | {rates[clients]:.0f} | {percentile(latencies, 0.5) * 1e3:.1f} | "
                f"{percentile(latencies, 0.99) * 1e3:.1f} | {len(failures)} | "
                f"{(web_after - web) * per:.2f} + {(work_after - work) * per:.2f} (+ {(own_after - own) * per:.2f}) |"
            )
        cli = cli_per_file(args.cli_files)
        best = max(rates.values())
        print(f"CLI, one process per file: {cli:.1f} files/s; the service's best: {best / cli:.0f}x")
        if args.memory_requests:
            early, late, peak = asyncio.run(memory_run(port, request, args.memory_requests, server.pid))
            print(
                f"memory over {args.memory_requests} requests (server and workers): after the first tenth "
                f"{early / 2**20:.0f} MiB, at the end {late / 2**20:.0f} MiB, peak {peak / 2**20:.0f} MiB"
            )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
