"""Errors as RFC 9457 problem documents, with the one-line message the CLI prints.

Pure data, no web framework: the workers build these from the library's exceptions and the
app sends them as ``application/problem+json``.
"""

from __future__ import annotations

from typing import Any

from cvconvert.errors import (
    CvConvertError,
    InvalidInputError,
    LimitExceededError,
    LossError,
    MissingDependencyError,
    OptionError,
    UnknownFormatError,
)

MEDIA_TYPE = "application/problem+json"

# The same text the CLI prints: one line, cut (an applicant's 100 MB key must not be echoed whole).
_MAX_DETAIL = 1_000

_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Content Too Large",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    500: "Internal Server Error",
    501: "Not Implemented",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def one_line(text: str) -> str:
    """``text`` on one line, cut to a thousand characters as the CLI cuts it."""
    line = " ".join(text.split())
    return line if len(line) <= _MAX_DETAIL else f"{line[:_MAX_DETAIL]}… ({len(line) - _MAX_DETAIL} characters cut)"


def problem(status: int, code: str, detail: str, **extra: Any) -> dict[str, Any]:
    """A problem document: ``type`` about:blank (the status says what happened), ``title`` the
    status's name, ``detail`` the one-line message, ``code`` a stable name for programs."""
    return {
        "type": "about:blank",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": one_line(detail),
        "code": code,
        **extra,
    }


def from_exception(exc: BaseException) -> dict[str, Any]:
    """The problem document for an exception a conversion raised.

    A usage mistake (unknown format or option) is 400, input that cannot be read 422 (so is a
    refusal under ``fail_on_loss``, with its report), a missing optional dependency 501;
    anything else is our bug: 500 with the exception's type, as the CLI prints it.
    """
    if isinstance(exc, (OptionError, UnknownFormatError)):
        return problem(400, "usage", str(exc))
    if isinstance(exc, LossError):
        return problem(422, "loss", str(exc), side=exc.side, report=exc.report.as_json())
    if isinstance(exc, LimitExceededError):
        return problem(422, "limit-exceeded", str(exc))
    if isinstance(exc, InvalidInputError):
        return problem(422, "invalid-input", str(exc))
    if isinstance(exc, MissingDependencyError):
        return problem(501, "missing-dependency", str(exc))
    if isinstance(exc, CvConvertError):
        return problem(422, "failed", str(exc))
    if isinstance(exc, MemoryError):
        return problem(422, "limit-exceeded", "the conversion ran out of memory")
    return problem(500, "internal", f"internal error ({type(exc).__name__}: {one_line(str(exc))})")
