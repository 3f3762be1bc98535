"""YAML (``.yaml``, ``.yml``): the JSON Resume model in YAML, loaded safely.

Every value of a known field is text in JSON Resume, so a known field keeps the scalar's own
characters: ``startDate: 2021-07-15`` stays the string "2021-07-15", ``postalCode: 01234``
keeps its zero. Unknown fields keep YAML's types (``x-years: 5`` is a number).

A reader hands the writers only what every writer can write, which is JSON: YAML's other types
become JSON with a warning, or are dropped with a loss note; ``strict`` refuses them instead.

* ``!!binary`` is bytes: valid UTF-8 is read as that text (a warning); other bytes are dropped
  (a loss), since no text stands for them and every writer writes text.
* ``!!set`` is read as a list of its members, in the document's order; ``!!omap`` and
  ``!!pairs`` as a list of ``[key, value]`` lists.
* Dates, times and numbers JSON has not (``.nan``, ``.inf``) in unknown fields stay the text
  they were written as; keys that are not text become text (``null`` for a null key).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from cvconvert import limits
from cvconvert._deps import requires_extra
from cvconvert._input import decode_text, looks_like_text
from cvconvert._load import Kind, field_kinds, load_resume
from cvconvert.errors import InvalidInputError, LimitExceededError
from cvconvert.formats.base import Format
from cvconvert.model import Resume
from cvconvert.options import ReadOptions, WriteOptions
from cvconvert.report import Report, pointer

# YAML aliases can make a tiny file into a huge tree (the "billion laughs"): count the nodes.
MAX_NODES = 2_000_000


class _Plain(str):
    """A plain scalar that YAML resolved to a non-string, carrying its typed value."""

    typed: Any


class _Set(list[Any]):
    """A YAML ``!!set``: its members in the document's order (a Python set has no order)."""


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

    def members(loader: Any, node: Any) -> _Set:
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(None, None, "a !!set must be a mapping", node.start_mark)
        return _Set(loader.construct_object(key, deep=True) for key, _ in node.value)

    Loader.add_constructor("tag:yaml.org,2002:set", members)
    return Loader


_DROP = object()  # what _settle returns for a value that is dropped (with a loss note)


def _settle(value: Any, kind: Kind | None, budget: list[int], path: str, report: Report, strict: bool) -> Any:
    """Turn _Plain scalars back into text (known fields) or their YAML type (unknown ones), and
    YAML's other types into JSON (see the module docstring); ``_DROP`` for a dropped value."""
    budget[0] -= 1
    if budget[0] < 0:
        raise LimitExceededError(f"YAML expands to more than {MAX_NODES:,} nodes")
    if isinstance(value, _Plain):
        if kind is not None or not _jsonable(value.typed):
            return str(value)
        return value.typed
    if isinstance(value, bytes):
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError:
            # Every writer writes text, and no text stands for these bytes.
            _not_json(path, "a !!binary value that is not UTF-8 text", report, strict)
            report.lost(path, "a !!binary value that is not UTF-8 text; dropped")
            return _DROP
        _not_json(path, "a !!binary value", report, strict)
        report.warn(path, "a !!binary value; read as the UTF-8 text it holds")
        return text
    if isinstance(value, tuple):  # one pair of an !!omap or !!pairs
        value = list(value)
    elif isinstance(value, _Set):
        _not_json(path, "a !!set", report, strict)
        report.warn(path, "a !!set; read as a list of its members")
    elif isinstance(value, list) and any(isinstance(v, tuple) for v in value):
        _not_json(path, "an !!omap or !!pairs", report, strict)
        report.warn(path, "an !!omap or !!pairs; read as a list of [key, value] lists")
    if isinstance(value, list):
        item: Kind | None = None
        if kind == "texts":
            item = "text"
        elif isinstance(kind, tuple):
            item = ("one", kind[1])
        settled = (_settle(v, item, budget, path + pointer(i), report, strict) for i, v in enumerate(value))
        return [v for v in settled if v is not _DROP]
    if isinstance(value, dict):
        kinds = field_kinds(kind[1]) if isinstance(kind, tuple) else {}
        out: dict[str, Any] = {}
        for k, v in value.items():
            key = _key(k)
            settled = _settle(v, kinds.get(key), budget, path + pointer(key), report, strict)
            if settled is not _DROP:
                out[key] = settled
        return out
    return value


def _key(key: Any) -> str:
    """A mapping key as JSON's text: ``1`` and ``true`` as written, a null key as "null"."""
    if key is None:
        return "null"
    if isinstance(key, bytes):
        return key.decode("utf-8", "replace")
    return str(key)


def _not_json(path: str, what: str, report: Report, strict: bool) -> None:
    if strict:
        raise InvalidInputError(f"{path or '/'}: {what} is not JSON")


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


def _count_nodes(text: str) -> None:
    """Refuse a document of more than ``max_data_nodes`` nodes before PyYAML builds it.

    PyYAML holds every node (with two position marks) at once, some 700 bytes each: a few MB
    of ``[[],[],...]`` would take gigabytes. No node takes less than one character (``{a,b}``
    is four nodes: two keys, two empty values), so a shorter text cannot pass the limit and is
    not walked; a longer one is counted on the parser's event stream, one event at a time.
    """
    import yaml

    most = limits.current().max_data_nodes
    if len(text) <= most:
        return
    nodes = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)
    loader = _loader()(text)
    try:
        count = 0
        while loader.check_event():
            if isinstance(loader.get_event(), nodes):
                count += 1
                if count > most:
                    raise LimitExceededError(f"YAML has more than {most:,} nodes")
    finally:
        loader.dispose()


def read(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read a résumé from YAML with a safe loader (no Python objects, no tags that run code)."""
    with requires_extra("yaml"):
        import yaml

    text = decode_text(data)
    try:
        _count_nodes(text)
        raw = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        raise InvalidInputError("YAML nested too deeply") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" at line {line + 1}" if line is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InvalidInputError(f"not valid YAML: {problem}{where}") from None
    report = Report()
    try:
        value = _settle(raw, ("one", Resume), [MAX_NODES], "", report, options.strict)
    except RecursionError:
        raise InvalidInputError("YAML nested too deeply") from None
    resume, notes = load_resume(None if value is _DROP else value, strict=options.strict, whole_file=True)
    return resume, report.extend(notes)


def write(resume: Resume, options: WriteOptions) -> tuple[bytes, Report]:
    """Write the résumé as block-style YAML; text that looks like a date or number is quoted."""
    with requires_extra("yaml"):
        import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    data = resume.to_data()
    try:
        text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1 << 30)
        return text.encode("utf-8"), Report()
    except UnicodeEncodeError:
        # A lone surrogate (JSON's "\\ud800", read as it is) is no character: YAML has no way to
        # write it (no escape of it reads back). It becomes U+FFFD, and the report says where.
        report = Report()
        clean = without_surrogates(data, "", report)
        text = yaml.dump(clean, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1 << 30)
        return text.encode("utf-8"), report


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(value: Any, path: str, report: Report) -> Any:
    """``value`` with each lone surrogate replaced by U+FFFD, noted at its path."""
    if isinstance(value, str):
        if _SURROGATE.search(value) is None:
            return value
        report.warn(path or "/", "a lone surrogate (no character) written as U+FFFD")
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            key = without_surrogates(k, path, report)  # the path names the key as written
            out[key] = without_surrogates(v, path + pointer(key), report)
        return out
    if isinstance(value, list):
        return [without_surrogates(v, path + pointer(i), report) for i, v in enumerate(value)]
    return value


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
