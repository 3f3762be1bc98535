"""The record every format module publishes as ``FORMAT``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from cvconvert.options import ReadOptions, WriteOptions

if TYPE_CHECKING:
    from cvconvert.model import Resume
    from cvconvert.report import Report

# A reader takes the input's bytes and its options (an instance of the format's
# ``read_options``); a writer takes a Resume and an instance of ``write_options``. Both return
# their Report beside the result. The options are checked by cvconvert.options.parse before.
Reader = Callable[[bytes, Any], "tuple[Resume, Report]"]
Writer = Callable[["Resume", Any], "tuple[bytes, Report]"]
# Formats that hold several résumés in one file (a workbook) also offer these; the notes of a
# many-report point into the list of résumés: "/3/work/0" is the first job of the fourth.
ManyReader = Callable[[bytes, Any], "tuple[list[Resume], Report]"]
# A many-writer streams the résumés (consumed one at a time) into an open binary file.
ManyWriter = Callable[[Iterable["Resume"], IO[bytes], Any], "Report"]


@dataclass(frozen=True)
class Format:
    """A file format: what it is called, how to spot it, how to read and/or write it, and the
    options each side takes."""

    name: str
    extensions: tuple[str, ...]
    media_type: str
    read: Reader | None = None
    write: Writer | None = None
    sniff: Callable[[bytes], bool] | None = None
    """True when these bytes look like this format (given the whole input)."""
    extra: str | None = None
    """The pip extra that installs what the format imports, if any (``cvconvert formats`` says
    whether it is installed)."""
    description: str = ""
    read_many: ManyReader | None = None
    """Read every résumé in one file (bytes -> list of résumés), for formats that hold many."""
    write_many: ManyWriter | None = None
    """Write many résumés into one file, streamed (for thousands of résumés at once)."""
    read_options: type[ReadOptions] = ReadOptions
    """What the reader (and ``read_many``) takes."""
    write_options: type[WriteOptions] = WriteOptions
    """What the writer (and ``write_many``) takes."""
    warm_before_fork: bool = True
    """Whether a batch may write one résumé before it forks its workers, so that each starts with
    the writer loaded. False when a process that has written cannot fork workers that write
    (Typst's threads stay in the parent)."""
