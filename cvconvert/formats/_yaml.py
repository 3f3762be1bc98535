"""YAML (``.yaml``, ``.yml``): the JSON Resume model in YAML, loaded safely.

Every value of a known field is text in JSON Resume, so a known field keeps the scalar's own
characters: ``startDate: 2021-07-15`` stays the string "2021-07-15", ``postalCode: 01234``
keeps its zero. Unknown fields keep YAML's types (``x-years: 5`` is a number).
"""

from __future__ import annotations

import functools
from typing import Any

from cvconvert._deps import requires_extra
from cvconvert._input import decode_text, looks_like_text
from cvconvert._load import Kind, field_kinds, load_resume
from cvconvert.errors import InvalidInputError, LimitExceededError
from cvconvert.formats.base import Format
from cvconvert.model import Resume
from cvconvert.report import Report

# YAML aliases can make a tiny file into a huge tree (the "billion laughs"): count the nodes.
MAX_NODES = 2_000_000


class _Plain(str):
    """A plain scalar that YAML resolved to a non-string, carrying its typed value."""

    typed: Any


@functools.cache
def _loader() -> Any:
    """The safe loader class (made once: a batch reads thousands of files)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    def plain(tag: str) -> Any:
        original = yaml.SafeLoader.yaml_constructors[tag]

        def construct(loader: Any, node: Any) -> _Plain:
            text = _Plain(node.value)
            try:
                text.typed = original(loader, node)
            except (ValueError, OverflowError):
                # Looks like a timestamp or number but is none (2021-13-01): it stays text.
                text.typed = str(node.value)
            return text

        return construct

    for tag in ("bool", "int", "float", "timestamp"):
        Loader.add_constructor(f"tag:yaml.org,2002:{tag}", plain(f"tag:yaml.org,2002:{tag}"))
    return Loader


def _settle(value: Any, kind: Kind | None, budget: list[int]) -> Any:
    """Turn _Plain scalars back into text (known fields) or their YAML type (unknown ones)."""
    budget[0] -= 1
    if budget[0] < 0:
        raise LimitExceededError(f"YAML expands to more than {MAX_NODES:,} nodes")
    if isinstance(value, _Plain):
        if kind is not None or not _jsonable(value.typed):
            return str(value)
        return value.typed
    if isinstance(value, list):
        item: Kind | None = None
        if kind == "texts":
            item = "text"
        elif isinstance(kind, tuple):
            item = ("one", kind[1])
        return [_settle(v, item, budget) for v in value]
    if isinstance(value, dict):
        kinds = field_kinds(kind[1]) if isinstance(kind, tuple) else {}
        return {str(k): _settle(v, kinds.get(str(k)), budget) for k, v in value.items()}
    return value


def _jsonable(value: Any) -> bool:
    return (
        isinstance(value, (bool, int, float))
        and value == value
        and value
        not in (
            float("inf"),
            float("-inf"),
        )
    )


def read(data: bytes, *, strict: bool = False) -> tuple[Resume, Report]:
    """Read a résumé from YAML with a safe loader (no Python objects, no tags that run code)."""
    with requires_extra("yaml"):
        import yaml

    text = decode_text(data)
    try:
        raw = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        raise InvalidInputError("YAML nested too deeply") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" at line {line + 1}" if line is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InvalidInputError(f"not valid YAML: {problem}{where}") from None
    try:
        value = _settle(raw, ("one", Resume), [MAX_NODES])
    except RecursionError:
        raise InvalidInputError("YAML nested too deeply") from None
    return load_resume(value, strict=strict)


def write(resume: Resume) -> tuple[bytes, Report]:
    """Write the résumé as block-style YAML; text that looks like a date or number is quoted."""
    with requires_extra("yaml"):
        import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(resume.to_data(), Dumper=dumper, allow_unicode=True, sort_keys=False, width=1 << 30)
    try:
        return text.encode("utf-8"), Report()
    except UnicodeEncodeError:
        # A lone surrogate cannot be UTF-8: let YAML escape every non-ASCII character instead.
        ascii_text = yaml.dump(resume.to_data(), Dumper=dumper, allow_unicode=False, sort_keys=False, width=1 << 30)
        return ascii_text.encode("ascii"), Report()


def sniff(data: bytes) -> bool:
    """Text that is neither JSON nor markup; YAML is the fallback for text, so it sniffs last."""
    head = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(head) and head[:1] not in (b"<", b"{", b"[") and looks_like_text(data)


FORMAT = Format(
    name="yaml",
    extensions=(".yaml", ".yml"),
    media_type="application/yaml",
    read=read,
    write=write,
    sniff=sniff,
    extra="yaml",
    description="JSON Resume as YAML",
)
