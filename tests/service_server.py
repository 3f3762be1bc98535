"""A real ``cvconvert serve`` in a subprocess on a free port, for the service's tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx


@dataclass
class Server:
    """A running service: its address, process and log file."""

    url: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def log_text(self) -> str:
        """What the server logged so far."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_idle(self, workers: int, seconds: float = 30.0, headers: dict[str, str] | None = None) -> None:
        """Wait until ``workers`` workers are idle (after a start or a replacement)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                state = httpx.get(f"{self.url}/healthz", timeout=2, headers=headers).json()
                if state.get("idle") == workers:
                    return
            except (httpx.HTTPError, ValueError):
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"the server ended: {self.log_text()[-2000:]}")
            time.sleep(0.05)
        raise TimeoutError(f"no {workers} idle workers: {self.log_text()[-2000:]}")


def free_port() -> int:
    """A TCP port free on the loopback interface now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(
    tmp: Path, *args: str, workers: int = 2, limits: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> Iterator[Server]:
    """Run ``cvconvert [--limit ...] serve --port P --workers N ARGS`` until the block ends."""
    port = free_port()
    log = tmp / f"server-{port}.log"
    command = [sys.executable, "-m", "cvconvert"]
    for limit in limits:
        command += ["--limit", limit]
    command += ["serve", "--port", str(port), "--workers", str(workers), *args]
    environment = {**os.environ, **(env or {})}
    if "CVCONVERT_API_KEY" not in (env or {}):
        environment.pop("CVCONVERT_API_KEY", None)  # a key in the test runner's own environment
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=environment)
    server = Server(f"http://127.0.0.1:{port}", port, process, log)
    try:
        server.wait_idle(workers, 60)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
