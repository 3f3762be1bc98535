"""Reactive Resume <-> JSON Resume: the two walks over the tables of ``_tables``.

Reading, each field of an item goes to its JSON Resume keys; what cannot be made again from
them exactly (an HTML description with bold text, a date written "January 2020 – now", a link
label, an item's id and ``visible`` flag, a skill's level number) is kept on the entry under
``x-reactiveResume``, and the layout, theme and section settings on the résumé under the same
name. Writing, a kept value is used while the JSON Resume keys still read as it did (an edited
value wins), else the value is made from the keys. So RR -> JSON Resume -> RR gives back the
same document, and JSON Resume -> RR -> JSON Resume the same résumé, less what the report names.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from cvconvert import dates
from cvconvert.formats._docx.i18n import split_range
from cvconvert.formats._reactive import _html
from cvconvert.formats._reactive._tables import (
    V4_BASICS,
    V4_ITEM_FLAGS,
    V4_METADATA,
    V4_NAMES,
    V4_ORDER,
    V4_SECTIONS,
    V5_BASICS,
    V5_ITEM_FLAGS,
    V5_METADATA,
    V5_SECTIONS,
    Field,
    Table,
)
from cvconvert.report import Report, pointer

X = "x-reactiveResume"
UNTITLED = "(untitled)"
_ABSENT = "x-absent"  # fields the item did not have (the writer leaves them out again)
_ORDER = "x-order"  # the item's keys, when not in the order the writer writes them
_SECTION = "x-section"  # the custom section (v5) an entry was read from
_TOP_V4 = ("basics", "sections", "metadata")
_TOP_V5 = ("picture", "basics", "summary", "sections", "customSections", "metadata")
_PSEUDO = {4: ("summary",), 5: ("picture", "summary")}  # brought into basics by the reader


def version_of(doc: dict[str, Any]) -> int | None:
    """4 or 5 for a Reactive Resume export of that schema; None for another (v3's).

    Each schema's own marks count first (v4: a summary or custom entry among the sections; v5:
    ``customSections``, ``basics.website``), then the top-level keys only v5 has, then basics."""
    basics, sections = _dict(doc.get("basics")), _dict(doc.get("sections"))
    v4 = "custom" in sections or isinstance(sections.get("summary"), dict) or isinstance(basics.get("url"), dict)
    v5 = "customSections" in doc or "website" in basics
    if v4 != v5:
        return 4 if v4 else 5
    if v5 or doc.keys() & {"picture", "summary"}:
        return 5
    return 4 if basics.keys() & {"headline", "customFields"} else None


def _tables(version: int) -> tuple[Table, tuple[Field, ...], tuple[Field, ...]]:
    if version == 4:
        return V4_SECTIONS, V4_ITEM_FLAGS, V4_BASICS
    return V5_SECTIONS, V5_ITEM_FLAGS, V5_BASICS


# --- values ----------------------------------------------------------------------------------

_UNTIL = re.compile(r"^(?:until|till|to|bis|[-–—])\s*(.+)$", re.IGNORECASE)
_LONGEST_PERIOD = 100
_NONE: Any = object()  # no value at all (None is the value null)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _human(iso: str) -> str:
    """A schema date as Reactive Resume users write it: "2020", "Jan 2020", "2020-01-15"."""
    parts = dates.parse(iso)
    if parts.month is not None and parts.day is None:
        return f"{_MONTHS[parts.month - 1]} {parts.year}"
    return iso


def _date(text: str) -> str | None:
    parts = dates.repair(text)
    return parts.iso() if parts is not None else None


def read_range(text: str) -> dict[str, str] | None:
    """A period ("Jan 2020 - Present", "2018 – 2020", "2016") as startDate and endDate; an
    open end is no endDate, a single date is both ends; None when it is no period."""
    text = text.strip()
    if len(text) > _LONGEST_PERIOD:
        return None  # no period is this long
    if m := _UNTIL.match(text):
        end = _date(m[1])
        return {"endDate": end} if end else None
    # The DOCX reader's split, one list of separators for every language ("2018 ~ 2020", "2019-heute").
    start, end_text = split_range(text)
    first = _date(start)
    if first is None:
        return None
    if end_text is None:
        return {"startDate": first, "endDate": first}
    if dates.means_present(end_text):
        return {"startDate": first}
    end = _date(end_text)
    return {"startDate": first, "endDate": end} if end else None


def write_range(start: Any, end: Any) -> str:
    """The period :func:`read_range` reads back as these dates."""
    if not isinstance(start, str) or not dates.is_iso(start):
        return f"Until {_human(end)}" if isinstance(end, str) and dates.is_iso(end) else ""
    if not isinstance(end, str) or not dates.is_iso(end):
        return f"{_human(start)} - Present"
    return _human(start) if start == end else f"{_human(start)} - {_human(end)}"


def _get(field: Field, value: Any) -> dict[str, Any] | None:
    """The JSON Resume keys a field's value fills; None when the value is not of the field's type."""
    kind, keys = field.kind, field.keys
    if kind == "flag":
        return {}
    if kind in ("text", "location"):
        if not isinstance(value, str):
            return None
        if not value:
            return {}
        if kind == "location":
            return {keys[0]: {("address" if re.search(r"[\d,]", value) else "city"): value}}
        return {keys[0]: value}
    if kind == "words":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None
        return {keys[0]: list(value)} if value else {}
    if kind in ("href", "url", "picture"):
        inner = "href" if kind == "href" else "url"
        if not isinstance(value, dict) or not isinstance(value.get(inner), str):
            return None
        return {keys[0]: value[inner]} if value[inner] else {}
    if not isinstance(value, str):
        return None
    if kind == "date":
        if not value.strip():
            return {}
        iso = _date(value)
        return {keys[0]: iso} if iso else None
    if kind == "range":
        return read_range(value) if value.strip() else {}
    return _html_get(keys, _html.read(value))


def _html_get(keys: tuple[str, ...], text: _html.Text) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if len(keys) > 1:
        body = "\n\n".join(text.paragraphs)
        if text.items:
            out[keys[1]] = text.items
    else:
        # Paragraphs apart, the lines of one list together ("• " each); joined once, at the end.
        groups: list[list[str]] = []
        previous = False
        for item, line in text.blocks:
            if item and previous:
                groups[-1].append("• " + line)
            else:
                groups.append(["• " + line if item else line])
            previous = item
        body = "\n\n".join("\n".join(group) for group in groups)
    if body:
        out[keys[0]] = body
    return out


def _put(field: Field, current: dict[str, Any]) -> Any:
    """The field's value made from its JSON Resume keys (``current``: those present)."""
    kind, keys = field.kind, field.keys
    first = current.get(keys[0]) if keys else None
    if kind == "flag":
        return field.default
    if kind == "text":
        return first if isinstance(first, str) else ""
    if kind == "location":
        if not isinstance(first, dict):
            return ""
        return ", ".join(str(v) for v in first.values() if isinstance(v, (str, int, float)) and str(v))
    if kind == "words":
        return [str(v) for v in first] if isinstance(first, list) else []
    if kind == "href":
        return {"label": "", "href": first if isinstance(first, str) else ""}
    if kind == "url":
        return {"url": first if isinstance(first, str) else "", "label": ""}
    if kind == "picture":
        return {**field.default, "url": first if isinstance(first, str) else ""}
    if kind == "date":
        return _human(first) if isinstance(first, str) and dates.is_iso(first) else ""
    if kind == "range":
        return write_range(current.get("startDate"), current.get("endDate"))
    text = first if isinstance(first, str) else ""
    items = current.get(keys[1]) if len(keys) > 1 else None
    lines = [str(i) for i in items] if isinstance(items, list) else []
    return _html.write(_html.paragraphs(text), lines)


# --- items -----------------------------------------------------------------------------------


def _read_item(
    item: dict[str, Any], fields: tuple[Field, ...], path: str, report: Report, required: str | None = None
) -> dict[str, Any]:
    """One item as a JSON Resume entry, with what its keys cannot make again under ``X``
    (``required``: the field Reactive Resume requires of a section's item, kept when it is empty
    all the same; such an item has an id too)."""
    out: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    names = {f.name for f in fields}
    absent = [f.name for f in fields if f.name not in item] + (["id"] if required and "id" not in item else [])
    for key, value in item.items():
        field = next((f for f in fields if f.name == key), None)
        if field is None:
            kept[key] = value  # the id, and fields of no table (kept as they are)
            continue
        got = _get(field, value)
        where = path + (pointer(field.keys[0]) if field.keys else "")
        if got is None:
            kept[key] = value
            report.normalised(where, f"Reactive Resume's {key} {_show(value)} could not be read; kept in {X} only")
            continue
        out.update(got)
        if _put(field, got) != value or (key == required and value == ""):
            kept[key] = value
            _note_kept(field, value, got, where, report)
    if absent:
        kept[_ABSENT] = absent
    order = [k for k in ("id",) if k in item] + [f.name for f in fields if f.name in item]
    order += [k for k in item if k != "id" and k not in names]
    if order != list(item):
        kept[_ORDER] = list(item)
    for flag, hidden in (("visible", False), ("hidden", True)):
        if flag in names and item.get(flag) is hidden:
            report.normalised(path, f"hidden in Reactive Resume: read as any entry; {X}/{flag} keeps the flag")
    if kept:
        out[X] = kept
    return out


def _note_kept(field: Field, value: Any, got: dict[str, Any], where: str, report: Report) -> None:
    if field.kind == "html" and _html.read(value).formatted:
        report.normalised(where, f"formatting (bold, links, headings) dropped from the text; the HTML kept in {X}")
    elif field.kind in ("date", "range"):
        start, end = got.get(field.keys[0]), got.get(field.keys[-1])
        read = (
            "nothing" if not got else f"{start}, ongoing" if field.kind == "range" and end is None
            else str(start) if start == end else f"{start or '?'} to {end}"
        )  # fmt: skip
        report.normalised(where, f"the date {value!r} read as {read}; the text kept in {X}")
    elif field.kind == "location":
        report.normalised(where, "a location of one line: read as its address (or city)")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _write_item(
    entry: dict[str, Any],
    fields: tuple[Field, ...],
    path: str,
    report: Report,
    new_id: str | None,
    placed: frozenset[str] = frozenset(),
    required: str | None = None,
) -> dict[str, Any]:
    """One JSON Resume entry as an item: kept values while still true, else made from the keys;
    ``required``, a field Reactive Resume refuses empty, gets a placeholder when it would be."""
    kept: dict[str, Any] = entry[X] if isinstance(entry.get(X), dict) else {}
    absent = _list(kept.get(_ABSENT))
    out: dict[str, Any] = {}
    if "id" in kept or (new_id is not None and "id" not in absent):
        out["id"] = kept.get("id", new_id)
    used = {X, *placed}
    names = {f.name for f in fields}
    for field in fields:
        used.update(field.keys)
        current = {k: entry[k] for k in field.keys if k in entry}
        if field.name in kept and (_get(field, kept[field.name]) or {}) == current:
            out[field.name] = kept[field.name]
            continue
        if field.name in absent and not current:
            continue
        value = _put(field, current)
        if field.name == required and value == "":
            value = UNTITLED  # Reactive Resume refuses the whole file for one empty name
            report.normalised(path + pointer(field.keys[0]), f"Reactive Resume requires it: written as {UNTITLED!r}")
            out[field.name] = value
            continue
        back = _get(field, value) or {}
        for key in field.keys:
            if key in current and back.get(key) != current[key]:
                _note_change(report, path + pointer(key), current[key], back.get(key, _MISSING), field.name)
        out[field.name] = value
    for key, value in kept.items():
        if key not in names and key not in ("id", _ABSENT, _ORDER, _SECTION):
            out[key] = value
    for key in entry:
        if key not in used:
            report.lost(path + pointer(key), "Reactive Resume has no place for it")
    if out.get("visible") is False or out.get("hidden") is True:
        report.hide(path, f"hidden in Reactive Resume (kept so by {X}): in the file, not on the page")
    order = kept.get(_ORDER)
    if isinstance(order, list) and sorted(map(str, order)) == sorted(out):
        out = {k: out[k] for k in order}
    return out


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _new_id(section: str, index: int) -> str:
    """A fixed id of Reactive Resume's shape (lower-case letters and digits, from a letter)."""
    return "c" + hashlib.blake2b(f"{section}/{index}".encode(), digest_size=12).hexdigest()[:23]


_MISSING = object()


def _note_change(report: Report, where: str, sent: Any, back: Any, name: str) -> None:
    """Note a value that Reactive Resume's ``name`` changed (``back`` is what it reads back as) or
    lost; in a list of as many items back (highlights), each changed item is noted at its index."""
    if isinstance(sent, list) and isinstance(back, list) and len(sent) == len(back):
        for i, (one, other) in enumerate(zip(sent, back, strict=True)):
            if one != other:
                report.normalised(where + pointer(i), f"changed on its way into Reactive Resume's {name}")
    elif back is not _MISSING:
        report.normalised(where, f"changed on its way into Reactive Resume's {name}")
    else:
        report.lost(where, f"Reactive Resume's {name} cannot carry this value")


# --- Reactive Resume -> JSON Resume ---------------------------------------------------------


def to_json_resume(doc: dict[str, Any], report: Report) -> dict[str, Any]:
    """The JSON Resume data of a Reactive Resume export (v4 or v5)."""
    from cvconvert.errors import InvalidInputError

    if not isinstance(doc.get("basics", {}), dict):
        raise InvalidInputError("Reactive Resume's basics is not an object")
    version = version_of(doc)
    if version is None:
        raise InvalidInputError("a Reactive Resume export of an older schema (v3): cvconvert reads v4 and v5")
    table, flags, _ = _tables(version)
    sections = doc["sections"]
    top: dict[str, Any] = {"version": version}
    out: dict[str, Any] = {}
    basics = _read_basics(doc, version, top, report)
    summary_holder = sections if version == 4 else doc
    if "summary" in summary_holder and not isinstance(summary_holder["summary"], dict):
        raise InvalidInputError("Reactive Resume's summary is not an object")
    attrs: dict[str, Any] = {}
    for key, value in sections.items():
        if key == "summary" and version == 4:
            attrs[key] = {k: v for k, v in value.items() if k != "content"}
            _note_hidden(value, "/basics/summary", report)
            continue
        if key not in table:
            top.setdefault("otherSections", {})[key] = value
            if key == "custom" and isinstance(value, dict):
                for custom in value.values():
                    _note_custom(custom, report)
            else:
                report.normalised("", f"Reactive Resume section {key!r} kept in {X} only (no JSON Resume section)")
            continue
        json_key, fields = table[key]
        if not isinstance(value, dict) or not isinstance(value.get("items"), list):
            raise InvalidInputError(f"Reactive Resume's sections/{key} is not a section with a list of items")
        attrs[key] = {k: v for k, v in value.items() if k != "items"}
        where = "/basics/profiles" if json_key == "profiles" else pointer(json_key)
        _note_hidden(value, where, report)
        entries = []
        for i, item in enumerate(value["items"]):
            if not isinstance(item, dict):
                raise InvalidInputError(f"Reactive Resume's sections/{key}/items/{i} is not an object")
            entries.append(_read_item(item, flags + fields, f"{where}/{i}", report, _required(fields)))
        if entries and json_key == "profiles":
            basics["profiles"] = entries
        elif entries:
            out[json_key] = entries
    top["sections"] = attrs
    written = (*(V4_ORDER if version == 4 else table), *top.get("otherSections", ()))
    if list(sections) != [k for k in dict.fromkeys(written) if k in sections]:
        top["sectionOrder"] = list(sections)
    absent = [k for k in (V4_ORDER if version == 4 else table) if k not in sections]
    if absent:
        top["absentSections"] = absent
    read_apart = ("basics", "sections") if version == 4 else ("basics", "sections", "picture", "summary")
    rest = {k: v for k, v in doc.items() if k not in read_apart}
    if version == 5 and isinstance(doc.get("customSections"), list):
        rest["customSections"] = _read_custom(doc["customSections"], basics, out, top, report)
    if rest:
        top["rest"] = rest  # metadata, customSections, and keys of no schema, as they are
    expected = _TOP_V4 if version == 4 else _TOP_V5
    if list(doc) != [k for k in expected if k in doc] + [k for k in doc if k not in expected]:
        top["order"] = list(doc)
    absent_top = [k for k in expected if k not in doc]
    if absent_top:
        top["absent"] = absent_top
    result: dict[str, Any] = {"basics": basics} if basics or "basics" in doc else {}
    result.update(out)
    result[X] = top
    report.normalised("", f"a Reactive Resume v{version} export: read with its mapping (docs/reactive-resume.md)")
    return result


def _read_basics(doc: dict[str, Any], version: int, top: dict[str, Any], report: Report) -> dict[str, Any]:
    from cvconvert.errors import InvalidInputError

    rr = doc.get("basics", {})
    if not isinstance(rr, dict):
        raise InvalidInputError("Reactive Resume's basics is not an object")
    pseudo = {k: v for k, v in rr.items() if k not in _PSEUDO[version]}
    clashes = {k: rr[k] for k in _PSEUDO[version] if k in rr}
    if clashes:
        top["basicsOwn"] = clashes  # basics' own keys of the names the reader brings in
    summary = (doc["sections"] if version == 4 else doc).get("summary")
    if isinstance(summary, dict) and "content" in summary:
        pseudo["summary"] = summary["content"]
    if version == 5:
        if isinstance(summary, dict):
            top["summary"] = {k: v for k, v in summary.items() if k != "content"}
            _note_hidden(summary, "/basics/summary", report)
        if "picture" in doc:
            pseudo["picture"] = doc["picture"]
    fields = _tables(version)[2]
    basics = _read_item(pseudo, fields, "/basics", report)
    if "basics" not in doc:
        basics.pop(X, None)
    picture = pseudo.get("picture")
    hidden = isinstance(picture, dict) and (
        picture.get("hidden") is True or (isinstance(picture.get("effects"), dict) and picture["effects"].get("hidden"))
    )
    if hidden and "image" in basics:
        report.normalised("/basics/image", f"the picture is hidden in Reactive Resume; {X} keeps the flag")
    return basics


def _read_custom(
    customs: list[Any], basics: dict[str, Any], out: dict[str, Any], top: dict[str, Any], report: Report
) -> list[Any]:
    """v5's custom sections of a section type: their items read into that JSON Resume section,
    each marked with the custom section's id; the sections, emptied, are what is kept."""
    table, flags, _ = _tables(5)
    kept: list[Any] = []
    read: list[str] = []
    for custom in customs:
        kind = custom.get("type") if isinstance(custom, dict) else None
        items = custom.get("items") if isinstance(custom, dict) else None
        ident = custom.get("id") if isinstance(custom, dict) else None
        if not (
            isinstance(kind, str) and kind in table and isinstance(ident, str) and ident not in read
            and isinstance(items, list) and all(isinstance(i, dict) for i in items)
        ):  # fmt: skip
            _note_custom(custom, report)
            kept.append(custom)
            continue
        json_key, fields = table[kind]
        target: list[Any] = (
            basics.setdefault("profiles", []) if json_key == "profiles" else out.setdefault(json_key, [])
        )
        where = "/basics/profiles" if json_key == "profiles" else pointer(json_key)
        for item in items:
            entry = _read_item(item, flags + fields, f"{where}/{len(target)}", report, _required(fields))
            entry.setdefault(X, {})[_SECTION] = ident
            target.append(entry)
        _note_hidden(custom, where, report)
        report.normalised(
            where, f"custom section {custom.get('title')!r} read into {json_key} ({X}/{_SECTION} marks it)"
        )
        read.append(ident)
        kept.append({**custom, "items": []})
    if read:
        top["customRead"] = read
    return kept


def _note_hidden(section: dict[str, Any], where: str, report: Report) -> None:
    if section.get("visible") is False or section.get("hidden") is True:
        report.normalised(where, f"the section is hidden in Reactive Resume: read as any other; {X} keeps the flag")


def _note_custom(custom: Any, report: Report) -> None:
    name = (custom.get("name") or custom.get("title")) if isinstance(custom, dict) else None
    report.normalised("", f"custom section {name!r} kept in {X} only (JSON Resume has no custom sections)")


# --- JSON Resume -> Reactive Resume ---------------------------------------------------------


def from_json_resume(data: dict[str, Any], report: Report, version: int | None = None) -> dict[str, Any]:
    """The Reactive Resume export of JSON Resume data (``version``: 4 or 5; by default the
    version it was read from, else 5); what it cannot carry is in the report."""
    top: dict[str, Any] = data[X] if isinstance(data.get(X), dict) else {}
    source = top.get("version") if top.get("version") in (4, 5) else None
    version = version or source or 5
    if source is not None and source != version:
        report.lost(
            pointer(X),
            f"Reactive Resume v{source}'s layout, theme, section settings and custom sections do not carry over"
            f" to v{version} (items keep their ids and hidden flags)",
        )
        top = {}
    table, flags, basics_fields = _tables(version)
    basics: dict[str, Any] = data["basics"] if isinstance(data.get("basics"), dict) else {}
    if source is not None and source != version:
        basics = _drop_kept(basics)
    rr_basics = _write_item(basics, basics_fields, "/basics", report, None, frozenset({"profiles"}))
    own = _dict(top.get("basicsOwn"))
    summary = rr_basics.pop("summary", None)
    picture = rr_basics.pop("picture", _NONE) if version == 5 else _NONE  # null is a value an export may hold
    rr_basics.update(own)
    attrs: dict[str, Any] = _dict(top.get("sections"))
    absent = _list(top.get("absentSections"))
    sections: dict[str, Any] = {}
    if version == 4:
        summary_attrs = attrs["summary"] if isinstance(attrs.get("summary"), dict) else {
            "name": "Summary", "columns": 1, "separateLinks": True, "visible": True, "id": "summary",
        }  # fmt: skip
        if not ("summary" in absent and summary is None):
            sections["summary"] = {**summary_attrs, **_content(summary, "summary" in attrs)}
    read_custom = set(_list(top.get("customRead")))
    custom_items: dict[str, list[Any]] = {}
    for key, (json_key, fields) in table.items():
        entries = basics.get("profiles") if json_key == "profiles" else data.get(json_key)
        where = "/basics/profiles" if json_key == "profiles" else pointer(json_key)
        if entries == []:
            report.lost(where, "an empty section: read back, there is none")
        if key in absent and not entries:
            continue
        items = []
        for i, entry in enumerate(entries if isinstance(entries, list) else ()):
            if not isinstance(entry, dict):
                report.lost(f"{where}/{i}", "not an object")
                continue
            if source is not None and source != version:
                entry = _drop_kept(entry)
            new_id = _new_id(key, i)
            item = _write_item(entry, flags + fields, f"{where}/{i}", report, new_id, required=_required(fields))
            custom = _dict(entry.get(X)).get(_SECTION)
            if isinstance(custom, str) and custom in read_custom:
                custom_items.setdefault(custom, []).append(item)  # back to the custom section it came from
            else:
                items.append(item)
        section = attrs[key] if isinstance(attrs.get(key), dict) else _section_defaults(key, version)
        if section.get("visible") is False or section.get("hidden") is True:
            report.hide(where, f"the section is hidden in Reactive Resume (kept so by {X}): not on the page")
        sections[key] = {**section, "items": items}
    others = _dict(top.get("otherSections"))
    sections.update(others)
    if version == 4 and "custom" not in sections and "custom" not in absent:
        sections["custom"] = {}
    order = top.get("sectionOrder")
    if isinstance(order, list) and sorted(map(str, order)) == sorted(sections):
        sections = {k: sections[k] for k in order}
    doc: dict[str, Any] = {}
    if version == 5:
        doc["picture"] = picture if picture is not _NONE else dict(V5_BASICS[7].default)
    doc["basics"] = rr_basics
    if version == 5:
        read = isinstance(top.get("summary"), dict)
        summary_attrs = top["summary"] if read else {"title": "", "columns": 1, "hidden": False}
        doc["summary"] = {**summary_attrs, **_content(summary, read)}
    doc["sections"] = sections
    if version == 5:
        doc["customSections"] = []
    doc["metadata"] = V4_METADATA if version == 4 else V5_METADATA
    rest = top.get("rest")
    doc.update(rest if isinstance(rest, dict) else {})  # metadata, customSections, other keys, as read
    if version == 5 and read_custom and isinstance(doc.get("customSections"), list):
        doc["customSections"] = [
            {**c, "items": custom_items.get(c["id"], [])} if isinstance(c, dict) and c.get("id") in read_custom else c
            for c in doc["customSections"]
        ]
    for key in top.get("absent") or ():
        if key in doc and _empty(key, doc[key], version):
            del doc[key]
    order = top.get("order")
    if isinstance(order, list) and sorted(map(str, order)) == sorted(doc):
        doc = {k: doc[k] for k in order}
    _note_unplaced(data, table, report)
    return doc


def _content(summary: str | None, read: bool) -> dict[str, str]:
    """The summary's ``content``: the text's HTML; none when the summary read had none."""
    if summary is not None:
        return {"content": summary}
    return {} if read else {"content": ""}


def _empty(key: str, value: Any, version: int) -> bool:
    """Whether a top-level value the export did not have holds nothing the résumé gave it."""
    if key == "basics":
        return bool(value == {})
    if key == "summary":
        return isinstance(value, dict) and value.get("content") == ""
    if key == "picture":
        return bool(value == V5_BASICS[7].default)
    return key in ("metadata", "customSections")


def _drop_kept(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry without the values kept for another version of the schema: its id stays, and a
    hidden item stays hidden (v4's ``visible: false`` is v5's ``hidden: true``)."""
    kept = entry.get(X)
    if not isinstance(kept, dict):
        return entry
    carried = {k: v for k, v in kept.items() if k == "id"}
    if kept.get("visible") is False:
        carried["hidden"] = True
    if kept.get("hidden") is True:
        carried["visible"] = False
    return {**entry, X: carried}


def _required(fields: tuple[Field, ...]) -> str:
    """The field an item of the section must not leave empty: its first text (company, name...)."""
    return next(f.name for f in fields if f.kind == "text")


def _section_defaults(key: str, version: int) -> dict[str, Any]:
    if version == 4:
        return {"name": V4_NAMES[key], "columns": 1, "separateLinks": True, "visible": True, "id": key}
    return {"title": "", "columns": 1, "hidden": False}


def _note_unplaced(data: dict[str, Any], table: Table, report: Report) -> None:
    placed = {"basics", X, *(json_key for json_key, _ in table.values())}
    for key in data:
        if key not in placed:
            report.lost(pointer(key), "Reactive Resume has no place for it")
