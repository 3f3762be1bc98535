"""A TCP server on 127.0.0.1 that records every connection: proof that nothing was fetched."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def canary() -> Iterator[tuple[str, list[bytes]]]:
    """Yield ``(base_url, hits)``; ``hits`` gets the first bytes of each connection made."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    hits.append(conn.recv(1024) or b"<connected>")
                except OSError:
                    hits.append(b"<connected>")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", hits
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()
