"""Optional dependencies: imported where a format needs them, never at start-up."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager

from cvconvert.errors import MissingDependencyError

# What each pip extra brings, as the modules cvconvert imports from it (pyproject.toml declares
# the distributions; a test keeps the two in step).
EXTRAS: dict[str, tuple[str, ...]] = {
    "yaml": ("yaml",),
    "docx": ("lxml", "babel"),
    "xlsx": ("openpyxl", "lxml"),
    "jsonld": ("rdflib", "lxml"),
    "europass": ("lxml", "pypdf", "pycountry"),
    "dask": ("distributed", "fsspec"),
}


def installed(extra: str) -> bool:
    """True when every module the extra brings can be imported (nothing is imported to tell)."""
    return all(importlib.util.find_spec(module) is not None for module in EXTRAS.get(extra, ()))


@contextmanager
def requires_extra(extra: str) -> Iterator[None]:
    """Turn an ImportError inside the block into MissingDependencyError naming ``extra``."""
    try:
        yield
    except ImportError as exc:
        if isinstance(exc, MissingDependencyError):
            raise
        raise MissingDependencyError(extra, exc.name or str(exc)) from exc


@contextmanager
def quiet_logger(name: str) -> Iterator[None]:
    """Raise a library's logger to ERROR for the block, then put its level back.

    Libraries log every repair they make to a damaged or odd file; on the command line those
    lines would stand beside our one-line messages, and what matters reaches the report.
    """
    import logging

    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
