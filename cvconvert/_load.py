"""From parsed JSON-like data to a :class:`Resume`, strictly or tolerantly.

Strict mode accepts exactly what the official schema accepts and lists every offending field.
Tolerant mode repairs what real files get wrong (dates such as ``2019-1`` or ``Present``,
numbers where text belongs, plain strings where objects belong, pre-1.0 field names) and
notes every repair in the report, so a value changes only together with a warning.
"""

from __future__ import annotations

import importlib
import math
import re
import typing
from functools import cache
from typing import Any, Literal, Union

from pydantic import ValidationError

from cvconvert import dates
from cvconvert._input import check_depth, check_entries
from cvconvert.errors import InvalidInputError
from cvconvert.model import SECTIONS, Node, Resume
from cvconvert.report import Report, pointer

Kind = Union[
    Literal["text", "date", "texts"],
    tuple[Literal["one", "many"], type[Node]],
]

# Pre-1.0 names (schema v0.0.16) and the names that replaced them.
OLD_NAMES: dict[str, dict[str, str]] = {
    "Basics": {"picture": "image", "website": "url"},
    "Work": {"company": "name", "website": "url"},
    "Volunteer": {"website": "url"},
    "Education": {"gpa": "score"},
    "Publication": {"website": "url"},
}

_LANG_KEY = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?$")


@cache
def field_kinds(model: type[Node]) -> dict[str, Kind]:
    """Each known field of ``model`` by JSON name, with what shape of value it holds."""
    kinds: dict[str, Kind] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        kinds[key] = _kind(info.annotation)
    return kinds


def _kind(annotation: Any) -> Kind:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    inner = args[0] if args else annotation
    origin = typing.get_origin(inner)
    if origin is list:
        (item,) = typing.get_args(inner)
        if isinstance(item, type) and issubclass(item, Node):
            return ("many", item)
        return "texts"
    if isinstance(inner, type) and issubclass(inner, Node):
        return ("one", inner)
    if origin is typing.Annotated:
        return "date"
    return "text"


def load_resume(
    data: object, *, strict: bool = False, source: str = "", whole_file: bool = False
) -> tuple[Resume, Report]:
    """Validate parsed data into a Resume; InvalidInputError lists every problem when strict.

    ``whole_file``: the data is a whole JSON or YAML file, which must hold a résumé field (see
    :func:`check_is_resume`); other readers build the data from what they recognised.
    """
    report = Report()
    check_depth(data)
    if not isinstance(data, dict):
        kind = "a JSON array" if isinstance(data, list) else _json_type(data)
        raise InvalidInputError(f"expected a résumé object, found {kind}", source=source)
    if whole_file:
        mapping = DIALECTS.get(other_dialect(data) or "")
        if mapping is not None:
            module, function = mapping
            mapped: dict[str, Any] = getattr(importlib.import_module(module), function)(data, report)
            data = mapped
        check_is_resume(data, source)
    check_entries(data)
    _non_finite_to_null(data, strict, report, source)
    if not strict:
        data = _object(data, Resume, "", report)
    problems: list[tuple[str, str]] = _strict_problems(data, Resume, "") if strict else []
    try:
        resume = Resume.model_validate(data, strict=strict)
    except ValidationError as exc:
        problems += [(pointer(*err["loc"]), _message(err)) for err in exc.errors(include_url=False)]
    if problems:
        summary = "; ".join(f"{p or '/'}: {m}" for p, m in problems[:20])
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        raise InvalidInputError(
            f"{len(problems)} field(s) do not match the JSON Resume schema: {summary}{more}",
            source=source,
            problems=tuple(problems),
        )
    return resume, report


def _non_finite_to_null(data: dict[str, Any], strict: bool, report: Report, source: str) -> None:
    """Replace NaN and ±Infinity (Python's JSON, JSON5 and YAML read them) by null, in place, each
    with a note; strict mode refuses them. JSON has no such numbers: writers would write null
    without a word, or "nan" as text, or fail."""
    stack: list[tuple[dict[str, Any] | list[Any], str]] = [(data, "")]
    while stack:
        container, path = stack.pop()
        items = container.items() if isinstance(container, dict) else enumerate(container)
        for key, value in items:
            if isinstance(value, (dict, list)):
                stack.append((value, pointer_in(path, key)))
            elif isinstance(value, float) and not math.isfinite(value):
                name = "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
                if strict:
                    raise InvalidInputError(f"{pointer_in(path, key)}: {name} is not JSON", source=source)
                report.warn(pointer_in(path, key), f"{name} is not JSON; written as null")
                container[key] = None  # type: ignore[index]  # key is a str for a dict, an int for a list


def check_is_resume(data: object, source: str = "") -> None:
    """Refuse parsed JSON or YAML whose top level holds no résumé field (no basics, no known
    section, no meta): any JSON object is a valid, empty JSON Resume, but a file of something
    else must not become a blank CV that a batch lists as converted."""
    dialect = other_dialect(data)
    if dialect and dialect not in DIALECTS:
        raise InvalidInputError(
            f"a {dialect} résumé, not a JSON Resume: cvconvert does not read {dialect} yet", source=source
        )
    if isinstance(data, dict) and not (data.keys() & _RESUME_KEYS):
        found = ", ".join(sorted(map(str, data))[:8]) or "nothing"
        hint = ": it looks like JSON-LD, read it with --from jsonld" if data.keys() & {"@context", "@graph"} else ""
        raise InvalidInputError(f"holds no résumé (no basics and no known section; found {found}){hint}", source=source)


_RESUME_KEYS = frozenset({"basics", "meta", *SECTIONS})


# The dialects :func:`other_dialect` tells that are read by their mapping to JSON Resume (module,
# function(data, report) -> data), imported when a file needs it; any other it tells is refused.
DIALECTS = {
    "FRESH": ("cvconvert.formats._fresh", "to_json_resume"),
    "RenderCV": ("cvconvert.formats._rendercv", "to_json_resume"),
    "Reactive Resume": ("cvconvert.formats._reactive._map", "to_json_resume"),
}


def other_dialect(data: object) -> str | None:
    """The name of another résumé dialect that ``data`` is written in, or None.

    FRESH, Reactive Resume and RenderCV share key names with JSON Resume (``education``,
    ``skills``, ``basics``): read as JSON Resume, their objects became one-element lists and the
    CV came out empty, without a word. Each is told by the keys its schema requires.
    """
    if not isinstance(data, dict):
        return None
    reactive = _is_reactive(data)
    if "basics" in data and not reactive:
        return None  # JSON Resume's own key: FRESH and RenderCV have none (Reactive Resume has one)
    meta = data.get("meta")
    if isinstance(meta, dict) and str(meta.get("format", "")).upper().startswith("FRESH"):
        return "FRESH"
    if isinstance(data.get("employment"), dict) or any(
        isinstance(data.get(key), dict) and "history" in data[key] for key in ("education", "employment", "service")
    ):
        return "FRESH"
    if reactive:
        return "Reactive Resume"
    cv = data.get("cv")
    if isinstance(cv, dict) and (
        isinstance(cv.get("sections"), dict)
        or data.keys() & {"design", "locale", "rendercv_settings"}
        # RenderCV requires none of its fields: a cv: of contact fields alone is RenderCV's, unless
        # the file also holds a JSON Resume section (then cv is an extra key of a JSON Resume).
        or (cv.keys() & _RENDERCV_CV and not data.keys() & _RESUME_KEYS)
    ):
        return "RenderCV"
    return None


# The fields of RenderCV's ``cv`` (all optional).
_RENDERCV_CV = frozenset(
    {"name", "headline", "location", "email", "phone", "website", "photo", "social_networks", "custom_connections",
     "sections"}
)  # fmt: skip


# Section names of Reactive Resume's schemas (v3's "work" included: it is refused by name).
_REACTIVE_SECTIONS = frozenset(
    {"summary", "experience", "education", "skills", "profiles", "projects", "awards", "certifications",
     "languages", "interests", "volunteer", "references", "publications", "custom", "work"}
)  # fmt: skip


def _is_reactive(data: dict[str, Any]) -> bool:
    """Reactive Resume's export: ``sections`` (an object holding one of its sections in its own
    shape: an ``items`` list, or v4's summary ``content``) and ``metadata`` (an object) at the top.

    JSON Resume has neither key (its ``meta`` is another), but a JSON Resume may carry either as
    an extra: the section's shape, which every export of v3, v4 and v5 has, tells the two apart."""
    sections, metadata = data.get("sections"), data.get("metadata")
    if not isinstance(sections, dict) or not isinstance(metadata, dict):
        return False
    for name in _REACTIVE_SECTIONS:
        section = sections.get(name)
        if isinstance(section, dict) and (
            isinstance(section.get("items"), list) or (name == "summary" and isinstance(section.get("content"), str))
        ):
            return True
    return False


def _strict_problems(data: dict[str, Any], model: type[Node], path: str) -> list[tuple[str, str]]:
    """What the schema refuses but the model's types let through: null values, e-mail without "@"."""
    problems: list[tuple[str, str]] = []
    kinds = field_kinds(model)
    for key, value in data.items():
        kind = kinds.get(key)
        if kind is None:
            continue
        here = pointer_in(path, key)
        if value is None:
            problems.append((here, "null is not allowed here"))
        elif key == "email" and isinstance(value, str) and "@" not in value:
            # The same check as jsonschema's "email" format: an "@" somewhere.
            problems.append((here, "not an e-mail address"))
        elif isinstance(kind, tuple) and kind[0] == "one" and isinstance(value, dict):
            problems += _strict_problems(value, kind[1], here)
        elif isinstance(kind, tuple) and isinstance(value, list):
            problems += [
                p
                for i, item in enumerate(value)
                if isinstance(item, dict)
                for p in _strict_problems(item, kind[1], pointer_in(here, i))
            ]
    return problems


def _message(err: Any) -> str:
    if err["type"] == "string_pattern_mismatch":
        return f"{err['input']!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    msg: str = err["msg"]
    return msg.removeprefix("Value error, ")


def _object(data: dict[str, Any], model: type[Node], path: str, report: Report) -> dict[str, Any]:
    kinds = field_kinds(model)
    renames = OLD_NAMES.get(model.__name__, {})
    out: dict[str, Any] = {}
    for key, value in data.items():
        new = renames.get(key)
        if new and new not in data:
            report.normalised(pointer_in(path, key), f"pre-1.0 name {key!r} read as {new!r}")
            key = new
        kind = kinds.get(key)
        if kind is None or value is None or (kind == "text" and isinstance(value, str)):
            out[key] = value  # most fields: a text as it should be, no pointer needed (no note)
            continue
        here = pointer_in(path, key)
        fixed = _value(value, kind, key, here, report)
        if fixed is not _DROP:
            out[key] = fixed
    return out


_DROP: Any = object()


def pointer_in(path: str, key: str | int) -> str:
    """Extend a JSON Pointer by one key or index."""
    return path + pointer(key)


def _value(value: Any, kind: Kind, key: str, path: str, report: Report) -> Any:
    if kind == "text":
        return value if isinstance(value, str) else _text(value, path, report)
    if kind == "date":
        return _date(value, key, path, report)
    if kind == "texts":
        return _texts(value, path, report)
    shape, model = kind
    if shape == "one":
        if isinstance(value, dict):
            return _object(value, model, path, report)
        if isinstance(value, str) and model.__name__ == "Location":
            field = "address" if re.search(r"[\d,]", value) else "city"
            report.normalised(path, f"a location given as text; read as {field}")
            return {field: value}
        report.normalised(path, f"expected an object, found {_json_type(value)}; removed")
        return _DROP
    return _many(value, model, path, report)


def _text(value: Any, path: str, report: Report) -> Any:
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (int, float)):
        text = str(value)
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        report.normalised(path, "a list given where text belongs; lines joined")
        return "\n".join(value)
    elif isinstance(value, dict) and value and all(_LANG_KEY.match(k) for k in value):
        chosen = "en" if "en" in value else next(iter(value))
        others = ", ".join(k for k in value if k != chosen)
        report.normalised(path, f"text in several languages; kept {chosen!r}, dropped {others}")
        inner = value[chosen]
        return inner if isinstance(inner, str) else _text(inner, path, report)
    elif isinstance(value, dict) and isinstance(value.get("href") or value.get("url"), str):
        report.normalised(path, "a link object given where text belongs; kept its address")
        return value.get("href") or value.get("url")
    elif isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        report.normalised(path, "an object given where text belongs; values joined with ', '")
        return ", ".join(v for v in value.values() if v)
    else:
        report.normalised(path, f"expected text, found {_json_type(value)}; removed")
        return _DROP
    report.normalised(path, f"expected text, found {_json_type(value)}; read as {text!r}")
    return text


def _date(value: Any, key: str, path: str, report: Report) -> Any:
    if isinstance(value, str) and dates.is_iso(value):
        return value
    if key == "endDate" and dates.means_present(value):
        report.normalised(path, f"{value!r} means ongoing; written as no end date")
        return _DROP
    parts = dates.repair(value)
    if parts is None:
        report.normalised(path, f"{value!r} is not a date; removed")
        return _DROP
    report.normalised(path, f"date {value!r} read as {parts.iso()!r}")
    return parts.iso()


def _texts(value: Any, path: str, report: Report) -> Any:
    if isinstance(value, str):
        report.normalised(path, "a single text given where a list belongs; read as a list of one")
        return [value]
    if not isinstance(value, list):
        report.normalised(path, f"expected a list, found {_json_type(value)}; removed")
        return _DROP
    out = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            out.append(item)
        elif item is not None and (fixed := _text(item, pointer_in(path, i), report)) is not _DROP:
            out.append(fixed)
        elif item is None:
            report.normalised(pointer_in(path, i), "null in a list of texts; removed")
    return out


def _many(value: Any, model: type[Node], path: str, report: Report) -> Any:
    if isinstance(value, dict):
        if model.__name__ == "Profile" and all(isinstance(v, (dict, str)) for v in value.values()):
            report.normalised(path, "profiles given as a map by network; read as a list")
            value = [
                {"network": k, **v} if isinstance(v, dict) else {"network": k, **_profile_text(v)}
                for k, v in value.items()
            ]
        else:
            report.normalised(path, "a single entry given where a list belongs; read as a list")
            value = [value]
    if not isinstance(value, list):
        report.normalised(path, f"expected a list, found {_json_type(value)}; removed")
        return _DROP
    out = []
    for i, item in enumerate(value):
        here = pointer_in(path, i)
        if isinstance(item, dict):
            out.append(_object(item, model, here, report))
        elif isinstance(item, str) and model.primary:
            report.normalised(here, f"an entry given as text; read as its {model.primary!r}")
            out.append({model.primary: item})
        else:
            report.normalised(here, f"expected an object, found {_json_type(item)}; removed")
    return out


def _profile_text(value: str) -> dict[str, str]:
    return {"url": value} if "/" in value else {"username": value}


def _json_type(value: Any) -> str:
    names = {
        dict: "an object",
        list: "a list",
        str: "text",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


__all__ = ["field_kinds", "load_resume", "pointer_in"]
