"""Comparison helpers for round-trip tests."""

from __future__ import annotations

import copy
from typing import Any

from cvconvert.report import Report


def _split(pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def _remove(value: Any, parts: list[str]) -> None:
    for part in parts[:-1]:
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return
    last = parts[-1]
    if isinstance(value, dict):
        value.pop(last, None)
    elif isinstance(value, list) and last.isdigit() and int(last) < len(value):
        value[int(last)] = "<masked>"


def masked(value: Any, report: Report) -> Any:
    """A copy of ``value`` with every field a note points at taken out (renames: both keys)."""
    out = copy.deepcopy(value)
    for note in report:
        if not note.path:
            continue
        parts = _split(note.path)
        _remove(out, parts)
        if note.message.startswith("pre-1.0 name") and "read as '" in note.message:
            new = note.message.split("read as '")[1].rstrip("'")
            _remove(out, [*parts[:-1], new])
    return out
