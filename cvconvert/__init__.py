"""cvconvert: lossless conversion between JSON Resume and Word, Excel, linked data and Europass.

>>> import cvconvert
>>> resume, report = cvconvert.read_with_report("cv.json")    # doctest: +SKIP
>>> report = cvconvert.write(resume, "cv.yaml")                # doctest: +SKIP
>>> report = cvconvert.convert("cv.json", "cv.yaml")           # doctest: +SKIP
>>> results = list(cvconvert.convert_many("cvs/", "out/", to="docx"))  # doctest: +SKIP

Every error is a :class:`CvConvertError`. Every reader and writer returns a :class:`Report`
whose notes name, by JSON Pointer, each value normalised (warnings) or not carried (losses).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cvconvert.errors import (
    CvConvertError,
    InvalidInputError,
    LimitExceededError,
    LossError,
    MissingDependencyError,
    OptionError,
    UnknownFormatError,
)
from cvconvert.limits import Limits
from cvconvert.report import Note, Report

if TYPE_CHECKING:
    from cvconvert.api import (
        convert,
        dumps,
        read,
        read_many,
        read_many_with_report,
        read_with_report,
        write,
        write_many,
    )
    from cvconvert.batch import convert_many
    from cvconvert.formats import all_formats as available_formats
    from cvconvert.formats.base import Format
    from cvconvert.model import Resume

__version__ = "0.1.0"

# The names that pull in pydantic are loaded on first use, so that `import cvconvert` (and
# the CLI, which must decide a few things before pydantic loads) stays cheap.
_LAZY = {
    "convert": "cvconvert.api",
    "convert_many": "cvconvert.batch",
    "dumps": "cvconvert.api",
    "read": "cvconvert.api",
    "read_many": "cvconvert.api",
    "read_many_with_report": "cvconvert.api",
    "read_with_report": "cvconvert.api",
    "write": "cvconvert.api",
    "write_many": "cvconvert.api",
    "available_formats": "cvconvert.formats",
    "Format": "cvconvert.formats.base",
    "Resume": "cvconvert.model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cvconvert' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), "all_formats" if name == "available_formats" else name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "CvConvertError",
    "Format",
    "InvalidInputError",
    "LimitExceededError",
    "Limits",
    "LossError",
    "MissingDependencyError",
    "Note",
    "OptionError",
    "Report",
    "Resume",
    "UnknownFormatError",
    "__version__",
    "available_formats",
    "convert",
    "convert_many",
    "dumps",
    "read",
    "read_many",
    "read_many_with_report",
    "read_with_report",
    "write",
    "write_many",
]
