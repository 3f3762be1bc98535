"""Helpers shared by the tests: comparisons for round trips, and packages built in memory."""

from __future__ import annotations

import copy
import io
import zipfile
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


def diff_paths(a: Any, b: Any, path: str = "") -> list[str]:
    """JSON Pointers where two JSON values differ; for assertions on real people's files,
    whose contents must not reach test logs (only the paths are printed)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out: list[str] = []
        for key in list(a) + [k for k in b if k not in a]:
            here = f"{path}/{str(key).replace('~', '~0').replace('/', '~1')}"
            if key not in a or key not in b:
                out.append(here)
            else:
                out += diff_paths(a[key], b[key], here)
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path} (length {len(a)} != {len(b)})"]
        return [p for i, (x, y) in enumerate(zip(a, b, strict=True)) for p in diff_paths(x, y, f"{path}/{i}")]
    return [] if a == b and type(a) is type(b) else [path or "/"]


def zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip package in memory holding ``members`` (name -> bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out.getvalue()


# The promise SECURITY.md makes: with the default limits no input takes more than this.
MEMORY_BOUND = 2**30
TIME_BOUND = 60


def _bound_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BOUND, MEMORY_BOUND))


def run_bounded(*args: str, stdin: bytes | None = None, timeout: float = TIME_BOUND) -> tuple[int, str, str, float]:
    """Run ``cvconvert ARGS`` in a subprocess under the 1 GiB address-space bound and the time bound.

    Returns the exit code, stderr, stdout and the seconds it took. Past the time bound the
    test fails (subprocess.TimeoutExpired), which is what a hang must do.
    """
    import subprocess
    import sys
    import time

    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "cvconvert", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        preexec_fn=_bound_memory,
    )
    err = proc.stderr.decode("utf-8", "replace")
    return proc.returncode, err, proc.stdout.decode("utf-8", "replace"), time.monotonic() - start


def assert_one_line_error(code: int, err: str, name: str) -> None:
    """A refusal: exit 1, one line on stderr naming the file, no traceback, no MemoryError."""
    assert "Traceback" not in err and "MemoryError" not in err, err[-2000:]
    assert code == 1, (code, err[-500:])
    lines = err.strip().splitlines()
    assert len(lines) == 1, err[-2000:]
    assert lines[0].startswith("error: ") and name in lines[0], lines[0][:500]
