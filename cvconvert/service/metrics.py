"""Counters in the Prometheus text format (version 0.0.4), kept in the server's process.

Small on purpose: requests by route and status, their total time by route, and the pool's
gauges; no label holds a value a client chose (a route is one of ours, or "other").
"""

from __future__ import annotations

import collections
from collections.abc import Iterable

MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class Metrics:
    """Request counters; :meth:`render` writes them with the gauges given."""

    def __init__(self, routes: Iterable[str]) -> None:
        self.routes = frozenset(routes)
        self.requests: collections.Counter[tuple[str, int]] = collections.Counter()
        self.seconds: collections.defaultdict[str, float] = collections.defaultdict(float)
        self.bytes_in: collections.Counter[str] = collections.Counter()
        self.bytes_out: collections.Counter[str] = collections.Counter()

    def route(self, path: str) -> str:
        """The label of a path: one of ours, else "other" (a client's paths must not grow the
        label set without end)."""
        return path if path in self.routes else "other"

    def observe(self, path: str, status: int, seconds: float, bytes_in: int, bytes_out: int) -> None:
        """Count one answered request."""
        route = self.route(path)
        self.requests[route, status] += 1
        self.seconds[route] += seconds
        self.bytes_in[route] += bytes_in
        self.bytes_out[route] += bytes_out

    def render(self, gauges: dict[str, tuple[str, float]], counters: dict[str, tuple[str, float]]) -> str:
        """The exposition text: our counters, then ``counters`` and ``gauges`` given as
        ``{name: (help, value)}``."""
        lines = [
            "# HELP cvconvert_requests_total Requests answered, by route and status.",
            "# TYPE cvconvert_requests_total counter",
        ]
        lines += [
            f'cvconvert_requests_total{{route="{route}",status="{status}"}} {n}'
            for (route, status), n in sorted(self.requests.items())
        ]
        for name, what, table in (
            ("cvconvert_request_seconds_total", "Seconds spent answering requests, by route.", self.seconds),
            ("cvconvert_request_bytes_total", "Bytes of request bodies read, by route.", self.bytes_in),
            ("cvconvert_response_bytes_total", "Bytes of response bodies sent, by route.", self.bytes_out),
        ):
            lines += [f"# HELP {name} {what}", f"# TYPE {name} counter"]
            lines += [f'{name}{{route="{route}"}} {_number(value)}' for route, value in sorted(table.items())]
        for kind, table2 in (("counter", counters), ("gauge", gauges)):
            for name, (what, value) in table2.items():
                lines += [f"# HELP {name} {what}", f"# TYPE {name} {kind}", f"{name} {_number(value)}"]
        return "\n".join(lines) + "\n"


def _number(value: float) -> str:
    """A sample value: whole numbers without an exponent (a byte count must not round)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
