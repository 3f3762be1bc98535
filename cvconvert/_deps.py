"""Optional dependencies: imported where a format needs them, never at start-up."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from cvconvert.errors import MissingDependencyError


@contextmanager
def requires_extra(extra: str) -> Iterator[None]:
    """Turn an ImportError inside the block into MissingDependencyError naming ``extra``."""
    try:
        yield
    except ImportError as exc:
        if isinstance(exc, MissingDependencyError):
            raise
        raise MissingDependencyError(extra, exc.name or str(exc)) from exc
