"""cvconvert: lossless conversion between JSON Resume and Word, Excel, linked data and Europass.

>>> import cvconvert
>>> resume, report = cvconvert.read_with_report("cv.json")    # doctest: +SKIP
>>> report = cvconvert.write(resume, "cv.yaml")                # doctest: +SKIP
>>> report = cvconvert.convert("cv.json", "cv.yaml")           # doctest: +SKIP

Every error is a :class:`CvConvertError`. Every reader and writer returns a :class:`Report`
whose notes name, by JSON Pointer, each value normalised (warnings) or not carried (losses).
"""

from __future__ import annotations

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
from cvconvert.errors import (
    CvConvertError,
    InvalidInputError,
    LimitExceededError,
    LossError,
    MissingDependencyError,
    OptionError,
    UnknownFormatError,
)
from cvconvert.formats import all_formats as available_formats
from cvconvert.formats.base import Format
from cvconvert.limits import Limits
from cvconvert.model import Resume
from cvconvert.report import Note, Report

__version__ = "0.1.0"

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
    "dumps",
    "read",
    "read_many",
    "read_many_with_report",
    "read_with_report",
    "write",
    "write_many",
]
