"""The records of a batch: a :class:`Task` to run and the :class:`Result` it gives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    pass

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
    seconds: float = 0.0

    def as_json(self) -> dict[str, Any]:
        """``{input, output, status, error, warnings, losses, seconds}``."""
        return {
            "input": self.input,
            "output": self.output,
            "status": self.status,
            "error": self.error,
            "warnings": self.warnings,
            "losses": self.losses,
            "seconds": round(self.seconds, 6),
        }
