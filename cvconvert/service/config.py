"""What a running service is allowed to do: pool size, queue, time and size limits, API key."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from cvconvert import limits as _limits

WORKER_JOBS = 10_000
"""Conversions a worker process runs before a fresh one takes over (the service's workers, a
batch's pool): memory a library keeps from file to file goes with the old one."""

# What a worker may send the pool before a reply: this byte and how many conversions the job ran,
# in ASCII digits (a batch's files), so that ``max_jobs`` counts conversions, not requests. Here,
# not in the pool's module: the workers send it and must not import asyncio for it.
WEIGHT = b"\x00"


@dataclass(frozen=True)
class ServiceConfig:
    """The settings of one service; ``cvconvert serve`` builds it from its options."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    """Worker processes, each converting one request at a time."""
    queue: int = 64
    """Requests that may wait for a free worker; one more is answered 429 at once."""
    timeout: float = 30.0
    """Seconds a conversion (or a read) may take; past it the answer is 504 and the worker is
    killed and replaced."""
    batch_timeout: float = 300.0
    """Seconds a whole ``/v1/batch`` may take."""
    max_body_bytes: int = 20 * 2**20
    """Size of a request body; a larger one is answered 413 before it is read."""
    max_batch_files: int = 1_000
    """Files in one ``/v1/batch`` ZIP."""
    max_jobs: int = WORKER_JOBS
    """Conversions a worker runs before it is replaced (memory that a library keeps goes with it)."""
    max_active: int | None = None
    """``/v1`` requests served at once, their bodies being read included; past it the answer is
    503 before the body is read, which bounds the memory bodies take (default: workers + queue
    + 16). Connections are bounded at twice this plus 64."""
    api_key: str | None = None
    """When set, ``/v1/*`` needs ``Authorization: Bearer KEY`` or ``X-API-Key: KEY``."""
    max_report_header: int = 4_096
    """Bytes of the ``X-Cvconvert-Report`` header; notes past it are counted, not listed."""
    limits: _limits.Limits = field(default_factory=_limits.current)
    """The readers' safety limits, in force in every worker."""
    log_level: str = "info"

    @property
    def active_limit(self) -> int:
        """``max_active``, or its default."""
        return self.max_active or self.workers + self.queue + 16

    def replace(self, **changes: object) -> ServiceConfig:
        """A copy with some settings changed."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]  # checked by the dataclass
