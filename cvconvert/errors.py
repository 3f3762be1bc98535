"""The one exception tree cvconvert raises: catch :class:`CvConvertError` to catch them all."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cvconvert.report import Report


class CvConvertError(Exception):
    """Base class of every error cvconvert raises on purpose."""


class UnknownFormatError(CvConvertError, ValueError):
    """A format name, extension or content that no registered format claims."""

    def __init__(self, message: str, known: tuple[str, ...] = ()) -> None:
        self.known = known
        if known:
            message = f"{message} (known formats: {', '.join(known)})"
        super().__init__(message)


class OptionError(CvConvertError, TypeError):
    """An option that the chosen format's reader or writer does not take (a usage mistake)."""


class InvalidInputError(CvConvertError, ValueError):
    """Input that cannot be read: ``source`` names the file, ``path`` is a JSON Pointer or ''.

    ``problems`` lists every ``(path, reason)`` found, for validators that collect them all.
    """

    def __init__(
        self,
        reason: str,
        *,
        source: str = "",
        path: str = "",
        problems: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.reason = reason
        self.source = source
        self.path = path
        self.problems = problems or ((path, reason),)
        super().__init__(reason)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        text = f"{where}{self.reason}"
        return f"{self.source}: {text}" if self.source else text

    def with_source(self, source: str) -> InvalidInputError:
        """Name the file the bad input came from (keeps the class and the problems)."""
        if not self.source:
            self.source = source
        return self


class LimitExceededError(InvalidInputError):
    """The input went past a configured safety limit (size, depth, count)."""


class MissingDependencyError(CvConvertError, ImportError):
    """An optional dependency is missing; ``extra`` names the pip extra that brings it."""

    def __init__(self, extra: str, module: str) -> None:
        self.extra = extra
        super().__init__(
            f'the {extra} format needs {module}: pip install "cvconvert[{extra}]"',
            name=module,
        )


class LossError(CvConvertError):
    """Raised when asked to fail on loss and the reader or the writer could not carry some fields.

    ``side`` says who lost them: "reader", "writer" or "reader and writer".
    """

    def __init__(
        self, report: Report, target: str = "", side: Literal["reader", "writer", "reader and writer"] = "writer"
    ) -> None:
        self.report = report
        self.side = side
        n = len(report.losses)
        first = report.losses[0] if report.losses else None
        detail = f" (first: {first.path or '/'}: {first.message})" if first else ""
        where = f"{target}: " if target else ""
        who = "the reader and the writer" if side == "reader and writer" else f"the {side}"
        super().__init__(f"{where}refused: {n} field(s) lost by {who}{detail}")
