"""The records of a batch: a :class:`Task` to run and the :class:`Result` it gives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from cvconvert.service.config import WORKER_JOBS as SERVICE_WORKER_JOBS

# The conversions a batch's worker runs before a fresh one takes over, as the service's do (read
# at each batch: a test lowers it).
WORKER_JOBS = SERVICE_WORKER_JOBS

Status = Literal["ok", "failed", "skipped"]
Engine = Literal["local", "dask"]


@dataclass(frozen=True)
class Task:
    """One conversion: where to read and where to write (paths or fsspec URLs)."""

    input: str
    output: str
    refused: tuple[Literal["failed", "skipped"], str] | None = None
    """Set when the planner refused the input (status, reason): it is reported, never read."""


@dataclass
class Result:
    """What became of one input; ``as_json`` is the object ``--report`` writes."""

    input: str
    output: str | None
    status: Status
    error: str | None = None
    warnings: list[dict[str, str]] = field(default_factory=list)
    losses: list[dict[str, str]] = field(default_factory=list)
    hidden: list[dict[str, str]] = field(default_factory=list)
    """Values the output file carries but does not show on its page (DOCX's data part)."""
    seconds: float = 0.0
    resume_id: int | None = None
    """In a gathered workbook, the résumé's id there (its Overview row shows this input back)."""

    def as_json(self) -> dict[str, Any]:
        """``{input, output, status, error, warnings, losses, seconds}``, ``hidden`` when the
        output carries values its page does not show, and ``resume_id`` when the résumé went into
        a gathered workbook."""
        found: dict[str, Any] = {
            "input": self.input,
            "output": self.output,
            "status": self.status,
            "error": self.error,
            "warnings": self.warnings,
            "losses": self.losses,
            "seconds": round(self.seconds, 6),
        }
        if self.hidden:
            found["hidden"] = self.hidden
        if self.resume_id is not None:
            found["resume_id"] = self.resume_id
        return found
