"""JSON Resume (``.json``): the canonical form, lossless, unknown fields kept."""

from __future__ import annotations

import json
from typing import Any

from cvconvert import limits
from cvconvert._input import decode_text, looks_like_text
from cvconvert._load import load_resume
from cvconvert.errors import InvalidInputError
from cvconvert.formats.base import Format
from cvconvert.model import Resume
from cvconvert.options import ReadOptions, WriteOptions
from cvconvert.report import Report


def parse(data: bytes, *, strict: bool, report: Report) -> Any:
    """Parse JSON text; in tolerant mode also JSON5 (comments, trailing commas), with a note."""
    text = decode_text(data)
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    duplicates.append(key)
                seen.add(key)
        return obj

    try:
        value = json.loads(text, object_pairs_hook=pairs)
    except RecursionError:
        raise InvalidInputError("JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        if strict:
            raise _json_error(exc) from None
        value = _json5(text, exc)
        report.normalised("", "not strict JSON (comments or trailing commas); read as JSON5")
    for key in dict.fromkeys(duplicates):
        report.warn("", f"key {key!r} appears more than once in an object; the last value kept")
    return value


def _json5(text: str, first_error: json.JSONDecodeError) -> Any:
    # pyjson5 is compiled: a pure-Python JSON5 parser takes minutes on a crafted megabyte.
    import pyjson5

    try:
        return pyjson5.decode(text, maxdepth=limits.current().max_json_depth)
    except pyjson5.Json5NestingTooDeep:
        raise InvalidInputError("JSON nested too deeply") from None
    except (pyjson5.Json5Exception, ValueError, TypeError):
        # Not JSON5 either: the JSON parser's message says best where the text goes wrong.
        raise _json_error(first_error) from None


def _json_error(exc: json.JSONDecodeError) -> InvalidInputError:
    return InvalidInputError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")


def read(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read JSON Resume bytes; see :func:`cvconvert.read` for the modes."""
    report = Report()
    value = parse(data, strict=options.strict, report=report)
    resume, notes = load_resume(value, strict=options.strict, whole_file=True)
    return resume, report.extend(notes)


def dumps(value: Any) -> bytes:
    """Pretty UTF-8 JSON with a final newline; lone surrogates fall back to \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # Text read from a JSON escape can hold a lone surrogate, which UTF-8 cannot encode.
        return (json.dumps(value, ensure_ascii=True, indent=2) + "\n").encode("ascii")


def write(resume: Resume, options: WriteOptions) -> tuple[bytes, Report]:
    """Write the résumé as pretty JSON: nothing is lost, so the report is empty."""
    return dumps(resume.to_data()), Report()


def sniff(data: bytes) -> bool:
    """A JSON object or array at the start (after a BOM and white space)."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[") and looks_like_text(data)


FORMAT = Format(
    name="json",
    extensions=(".json",),
    media_type="application/json",
    read=read,
    write=write,
    sniff=sniff,
    description="JSON Resume, the canonical form",
)
