"""Optional dependencies: imported where a format needs them, never at start-up."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from cvconvert.errors import MissingDependencyError

# What each pip extra brings, as the modules cvconvert imports from it (pyproject.toml declares
# the distributions; a test keeps the two in step).
EXTRAS: dict[str, tuple[str, ...]] = {
    "yaml": ("yaml",),
    "docx": ("lxml", "babel"),
    "xlsx": ("openpyxl", "lxml"),
    "jsonld": ("rdflib", "lxml"),
    "europass": ("lxml", "pypdf", "pycountry"),
    "linkedin": ("pycountry", "babel"),
    "text": ("babel",),
    "pdf": ("pypdfium2", "pypdf", "lxml", "pycountry", "babel"),
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


def lazy(module: str, name: str, *, extra: str | None = None) -> Callable[..., Any]:
    """A function that imports ``module`` on its first call and calls its function ``name``.

    How a format package offers the readers and writers of its heavy submodules while looking
    formats up stays cheap: ``read = lazy("cvconvert.formats._xlsx.reading", "read")``. With
    ``extra``, an ImportError of the import becomes MissingDependencyError naming that extra.
    Once loaded, the function carries the docstring and signature of the one it calls
    (``inspect.signature`` follows ``__wrapped__``); type checkers should be shown the real one
    (``if TYPE_CHECKING: from ... import read``).
    """
    loaded: list[Callable[..., Any]] = []

    def call(*args: Any, **kwargs: Any) -> Any:
        if not loaded:
            with requires_extra(extra) if extra is not None else nullcontext():
                found = getattr(importlib.import_module(module), name)
            call.__doc__ = found.__doc__
            call.__wrapped__ = found  # type: ignore[attr-defined]  # read by inspect.signature
            loaded.append(found)
        return loaded[0](*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"{module}.{name}, imported on first call."
    return call


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


_PLUGINS_OFF = ("__all__", "1", "true")
"""The values of PYDANTIC_DISABLE_PLUGINS with which pydantic loads no plug-in at all."""


def skip_pydantic_plugin_import() -> None:
    """Spare a process that runs with pydantic's plug-ins off the import of their loader.

    pydantic imports ``pydantic.plugin._loader`` when it builds its first validator, and that
    module imports ``importlib.metadata`` (with ``email``, ``zipfile``, ``csv``, ``tempfile``...)
    at its top, only to return no plug-in when PYDANTIC_DISABLE_PLUGINS turns them all off: a
    third of a JSON -> JSON run's own CPU time. With them off (as the CLI and the service's
    workers run), a stand-in takes the loader's place: its ``get_plugins`` returns no plug-in
    while they stay off, and hands over to pydantic's own loader, imported then, if the variable
    is changed later. Does nothing when plug-ins are on or the loader is already imported.
    """
    import os
    import sys
    import types

    name = "pydantic.plugin._loader"
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _PLUGINS_OFF or name in sys.modules:
        return

    def get_plugins() -> Any:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _PLUGINS_OFF:
            return ()
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return importlib.import_module(name).get_plugins()

    stand_in = types.ModuleType(name, "cvconvert's stand-in for pydantic's plug-in loader, plug-ins being off.")
    stand_in.get_plugins = get_plugins  # type: ignore[attr-defined]
    sys.modules[name] = stand_in
