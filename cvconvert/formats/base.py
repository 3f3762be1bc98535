"""The record every format module publishes as ``FORMAT``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cvconvert.model import Resume
    from cvconvert.report import Report

# Readers take the input's bytes and keyword options (every reader accepts ``strict``);
# writers take a Resume and keyword options. Both return their Report beside the result.
Reader = Callable[..., "tuple[Resume, Report]"]
Writer = Callable[..., "tuple[bytes, Report]"]
# Formats that hold several résumés in one file (a workbook) also offer these; the notes of a
# many-report point into the list of résumés: "/3/work/0" is the first job of the fourth.
ManyReader = Callable[..., "tuple[list[Resume], Report]"]
ManyWriter = Callable[..., "tuple[bytes, Report]"]
# A streaming many-writer saves into an open binary file and returns its report.
ManySaver = Callable[..., "Report"]


@dataclass(frozen=True)
class Format:
    """A file format: what it is called, how to spot it, and how to read and/or write it."""

    name: str
    extensions: tuple[str, ...]
    media_type: str
    read: Reader | None = None
    write: Writer | None = None
    sniff: Callable[[bytes], bool] | None = None
    """True when these bytes look like this format (given the whole input)."""
    extra: str | None = None
    """The pip extra that installs what the format imports, if any."""
    description: str = ""
    read_many: ManyReader | None = None
    """Read every résumé in one file (bytes -> list of résumés), for formats that hold many."""
    write_many: ManyWriter | None = None
    """Write many résumés into one file (sequence of résumés -> bytes)."""
    save_many: ManySaver | None = None
    """Like ``write_many``, streamed into a binary file (for thousands of résumés at once)."""
