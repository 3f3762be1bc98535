"""FRESH (HackMyResume's résumé schema, "FRESCA"): read and written, JSON Resume's sibling dialect.

Each FRESH field with a JSON Resume home goes there (``employment.history`` is ``work``,
``recognition`` is ``awards``, ``writing`` is ``publications``, ...). Everything else travels
unchanged both ways, so that neither dialect loses a field in a round trip through the other:
an entry's keys with no home are kept on the entry, a top-level key with no home stays a
top-level key, and the parts of FRESH's section objects with no home (``employment.summary``,
``info.quote``) ride in ``x-fresh-*`` fields. A kept key that would collide with a name the
other dialect uses for something else is tucked under ``x-jsonresume`` (writing) or
``x-fresh`` (reading) on its entry. The mapping is documented in docs/fresh.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cvconvert.formats.base import Format
from cvconvert.options import ReadOptions, WriteOptions
from cvconvert.report import Report

if TYPE_CHECKING:
    from cvconvert.model import Resume

FORMAT_TAG = "FRESH@1.0.0"
_EMPTY_META = "x-jsonresume-empty"


# One section: (FRESH key, JSON Resume key, the object holding the list ("history") or None,
# {FRESH field: JSON Resume field}).
_ENTRIES: tuple[tuple[str, str, str | None, dict[str, str]], ...] = (
    (
        "employment",
        "work",
        "history",
        {
            "employer": "name",
            "position": "position",
            "url": "url",
            "start": "startDate",
            "end": "endDate",
            "summary": "summary",
            "highlights": "highlights",
            "location": "location",
        },
    ),
    (
        "service",
        "volunteer",
        "history",
        {
            "organization": "organization",
            "position": "position",
            "url": "url",
            "start": "startDate",
            "end": "endDate",
            "summary": "summary",
            "highlights": "highlights",
        },
    ),
    (
        "education",
        "education",
        "history",
        {
            "institution": "institution",
            "url": "url",
            "area": "area",
            "studyType": "studyType",
            "start": "startDate",
            "end": "endDate",
            "grade": "score",
            "curriculum": "courses",
        },
    ),
    ("recognition", "awards", None, {"title": "title", "date": "date", "from": "awarder", "summary": "summary"}),
    ("writing", "publications", None, {"title": "name", "date": "releaseDate", "url": "url", "summary": "summary"}),
    ("languages", "languages", None, {"language": "language", "level": "fluency"}),
    ("interests", "interests", None, {"name": "name", "keywords": "keywords"}),
    ("references", "references", None, {"name": "name", "summary": "reference"}),
    (
        "projects",
        "projects",
        None,
        {
            "title": "name",
            "category": "type",
            "description": "description",
            "url": "url",
            "start": "startDate",
            "end": "endDate",
            "highlights": "highlights",
            "keywords": "keywords",
        },
    ),
)
_BASICS = {"label": "label", "image": "image", "brief": "summary"}  # of FRESH's info
_CONTACT = {"email": "email", "phone": "phone", "website": "url"}
_LOCATION = {"address": "address", "city": "city", "region": "region", "code": "postalCode", "country": "countryCode"}
_SOCIAL = {"network": "network", "user": "username", "url": "url"}
_SET = {"name": "name", "level": "level", "skills": "keywords"}  # a group of skills.sets
# FRESH top-level keys that this mapping reads (the others are kept as they are).
_FRESH_TOP = {"name", "meta", "info", "contact", "location", "social", "skills", *(e[0] for e in _ENTRIES)}
_JSON_TOP = {"basics", "meta", "skills", *(e[1] for e in _ENTRIES)}


def _swap(mapping: dict[str, str]) -> dict[str, str]:
    return {b: a for a, b in mapping.items()}


def _entry(src: dict[str, Any], mapping: dict[str, str], other_names: set[str], tuck: str) -> dict[str, Any]:
    """An entry in the other dialect: mapped keys renamed; the rest kept, tucked under ``tuck``
    when the other dialect uses its name for something else; a tucked dict coming back is unpacked."""
    out: dict[str, Any] = {}
    tucked: dict[str, Any] = {}
    for key, value in src.items():
        if key in mapping:
            out[mapping[key]] = value
        elif key in ("x-fresh", "x-jsonresume") and key != tuck and isinstance(value, dict):
            out.update(value)  # what the other direction tucked away goes back to its place
        elif key in other_names:
            tucked[key] = value
        else:
            out[key] = value
    if tucked:
        out[tuck] = tucked
    return out


# --- FRESH -> JSON Resume ------------------------------------------------------------------


def to_json_resume(fresh: dict[str, Any], report: Report) -> dict[str, Any]:
    """The JSON Resume data of a FRESH résumé (nothing is dropped: see the module's docstring)."""
    out: dict[str, Any] = {}
    basics = _basics_from(fresh)
    if basics:
        out["basics"] = basics
    for fkey, jkey, inner, mapping in _ENTRIES:
        value = fresh.get(fkey)
        items, rest = (
            (value.get(inner), {k: v for k, v in value.items() if k != inner})
            if (inner and isinstance(value, dict))
            else (value, {})
        )
        if isinstance(items, list):
            names = set(mapping.values())
            out[jkey] = [_entry(i, mapping, names, "x-fresh") if isinstance(i, dict) else i for i in items]
            if fkey == "writing":
                _publishers_from(out[jkey])
            if fkey == "projects":
                _roles_from(out[jkey])
        elif items is not None:
            rest[inner or fkey] = items
        if rest:
            out[f"x-fresh-{fkey}"] = rest
    skills = _skills_from(fresh.get("skills"), out)
    if skills is not None:
        out["skills"] = skills
    meta = fresh.get("meta")
    if isinstance(meta, dict):
        if "format" in meta and meta["format"] != FORMAT_TAG:
            out["x-fresh-format"] = meta["format"]  # written back as it was
        rest_meta = {k: v for k, v in meta.items() if k not in ("format", _EMPTY_META)}
        if rest_meta or meta.get(_EMPTY_META) is True:
            out["meta"] = rest_meta
    for key, value in fresh.items():
        if key in _FRESH_TOP:
            continue
        if key == "x-jsonresume-basics" and isinstance(value, dict):
            out.setdefault("basics", {}).update(value)  # what basics held beyond FRESH's fields
        elif key.startswith("x-jsonresume-") and key[13:] in _FRESH_TOP:
            out[key[13:]] = value  # a JSON Resume key that FRESH uses for something else
        else:
            out[key if key not in _JSON_TOP else f"x-fresh-{key}"] = value
    report.normalised("", "a FRESH résumé: read with the FRESH mapping (docs/fresh.md)")
    return out


def _basics_from(fresh: dict[str, Any]) -> dict[str, Any]:
    basics: dict[str, Any] = {}
    if "name" in fresh:
        basics["name"] = fresh["name"]
    for key, mapping, spare in (("info", _BASICS, "x-fresh-info"), ("contact", _CONTACT, "x-fresh-contact")):
        part = fresh.get(key)
        if isinstance(part, dict):
            basics.update({mapping[k]: v for k, v in part.items() if k in mapping})
            rest = {k: v for k, v in part.items() if k not in mapping}
            if rest:
                basics[spare] = rest
        elif part is not None:
            basics[spare] = part
    location = fresh.get("location")
    if isinstance(location, dict):
        basics["location"] = _entry(location, _LOCATION, set(_LOCATION.values()), "x-fresh")
    elif location is not None:
        basics["x-fresh-location"] = location
    social = fresh.get("social")
    if isinstance(social, list):
        basics["profiles"] = [
            _entry(s, _SOCIAL, set(_SOCIAL.values()), "x-fresh") if isinstance(s, dict) else s for s in social
        ]
    elif social is not None:
        basics["x-fresh-social"] = social
    return basics


def _publishers_from(entries: list[Any]) -> None:
    # FRESH's publisher is an object {name, url}; JSON Resume's a name.
    for entry in entries:
        publisher = entry.get("publisher") if isinstance(entry, dict) else None
        if isinstance(publisher, dict) and set(publisher) <= {"name", "url"} and "name" in publisher:
            entry["publisher"] = publisher["name"]
            if "url" in publisher:
                entry["x-fresh-publisherUrl"] = publisher["url"]


def _roles_from(entries: list[Any]) -> None:
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("role"), str) and "roles" not in entry:
            entry["roles"] = [entry.pop("role")]


def _skills_from(skills: Any, out: dict[str, Any]) -> list[Any] | None:
    """FRESH's ``skills.sets`` (groups) and ``skills.list`` (single skills) as JSON Resume skills."""
    if not isinstance(skills, dict):
        if skills is not None:
            out["x-fresh-skills"] = skills
        return None
    found: list[Any] = []
    sets, items = skills.get("sets"), skills.get("list")
    for group in sets if isinstance(sets, list) else ():
        # A group that is no object is kept as it is (the writer puts it back among the sets).
        found.append(_entry(group, _SET, {"keywords"}, "x-fresh") if isinstance(group, dict) else group)
    for item in items if isinstance(items, list) else ():
        found.append({**item, "x-fresh-list": True} if isinstance(item, dict) else {"x-fresh-list": item})
    rest = {k: v for k, v in skills.items() if k not in ("sets", "list") or not isinstance(v, list)}
    if rest:
        out["x-fresh-skills"] = rest
    return found if found or isinstance(sets, list) or isinstance(items, list) else None


# --- JSON Resume -> FRESH ------------------------------------------------------------------


def from_json_resume(data: dict[str, Any], report: Report) -> dict[str, Any]:
    """The FRESH form of JSON Resume data (the reverse of :func:`to_json_resume`)."""
    fresh: dict[str, Any] = {}
    basics = data.get("basics")
    if isinstance(basics, dict):
        _basics_to(basics, fresh)
    meta = dict(data["meta"]) if isinstance(data.get("meta"), dict) else {}
    fresh["meta"] = {"format": data.get("x-fresh-format", FORMAT_TAG), **meta}
    if data.get("meta") == {}:
        fresh["meta"][_EMPTY_META] = True  # FRESH's meta always holds the format
    for fkey, jkey, inner, mapping in _ENTRIES:
        items = data.get(jkey)
        rest = data.get(f"x-fresh-{fkey}")
        if items is None and rest is None:
            continue
        if isinstance(items, list):
            back, names = _swap(mapping), set(mapping)
            items = [_entry(i, back, names, "x-jsonresume") if isinstance(i, dict) else i for i in items]
            if jkey == "publications":
                _publishers_to(items)
            if jkey == "projects":
                _roles_to(items)
        if inner:
            holder = dict(rest) if isinstance(rest, dict) else {}
            if items is not None:
                holder[inner] = items
            fresh[fkey] = holder
        else:
            fresh[fkey] = items if items is not None else rest
    skills = _skills_to(data.get("skills"), data.get("x-fresh-skills"))
    if skills is not None:
        fresh["skills"] = skills
    for key, value in data.items():
        if key in _JSON_TOP or key == "x-fresh-format" or (key.startswith("x-fresh-") and key[8:] in _FRESH_TOP):
            continue
        if key.startswith("x-fresh-") and key[8:] in _JSON_TOP:
            fresh[key[8:]] = value  # a FRESH key that JSON Resume uses for something else
        else:
            fresh[key if key not in _FRESH_TOP else f"x-jsonresume-{key}"] = value
    return fresh


def _basics_to(basics: dict[str, Any], fresh: dict[str, Any]) -> None:
    if "name" in basics:
        fresh["name"] = basics["name"]
    for key, mapping, spare in (("info", _BASICS, "x-fresh-info"), ("contact", _CONTACT, "x-fresh-contact")):
        back = _swap(mapping)
        part = {back[k]: v for k, v in basics.items() if k in back}
        extra = basics.get(spare)
        if isinstance(extra, dict):
            part.update(extra)
        if part:
            fresh[key] = part
        elif extra is not None:
            fresh[key] = extra
    location = basics.get("location")
    if isinstance(location, dict):
        fresh["location"] = _entry(location, _swap(_LOCATION), set(_LOCATION), "x-jsonresume")
    elif basics.get("x-fresh-location") is not None:
        fresh["location"] = basics["x-fresh-location"]
    profiles = basics.get("profiles")
    if isinstance(profiles, list):
        fresh["social"] = [
            _entry(p, _swap(_SOCIAL), set(_SOCIAL), "x-jsonresume") if isinstance(p, dict) else p for p in profiles
        ]
    elif basics.get("x-fresh-social") is not None:
        fresh["social"] = basics["x-fresh-social"]
    known = {"name", "location", "profiles", *_BASICS.values(), *_CONTACT.values()}
    known |= {"x-fresh-info", "x-fresh-contact", "x-fresh-location", "x-fresh-social"}
    rest = {k: v for k, v in basics.items() if k not in known}
    if rest or not basics:  # an empty basics object comes back as one
        # FRESH has no object for the rest of basics: its own top-level key keeps it.
        fresh["x-jsonresume-basics"] = rest


def _publishers_to(entries: list[Any]) -> None:
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("publisher"), str):
            publisher = {"name": entry["publisher"]}
            if "x-fresh-publisherUrl" in entry:
                publisher["url"] = entry.pop("x-fresh-publisherUrl")
            entry["publisher"] = publisher


def _roles_to(entries: list[Any]) -> None:
    for entry in entries:
        roles = entry.get("roles") if isinstance(entry, dict) else None
        if isinstance(roles, list) and len(roles) == 1 and isinstance(roles[0], str) and "role" not in entry:
            entry["role"] = roles[0]
            del entry["roles"]


def _skills_to(skills: Any, rest: Any) -> Any:
    if skills is None:
        return rest
    if not isinstance(skills, list):
        return {"x-jsonresume": skills}
    out: dict[str, Any] = dict(rest) if isinstance(rest, dict) else {}
    if not skills:
        out["sets"] = []  # an empty skills list comes back as one
    for item in skills:
        if isinstance(item, dict) and item.get("x-fresh-list") is True:
            out.setdefault("list", []).append({k: v for k, v in item.items() if k != "x-fresh-list"})
        elif isinstance(item, dict) and set(item) == {"x-fresh-list"}:
            out.setdefault("list", []).append(item["x-fresh-list"])  # a list item that was no object
        elif isinstance(item, dict):
            out.setdefault("sets", []).append(_entry(item, _swap(_SET), {"skills"}, "x-jsonresume"))
        else:
            out.setdefault("sets", []).append(item)
    return out


# --- the format ----------------------------------------------------------------------------


def read(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read a FRESH résumé (JSON; YAML FRESH files are read by the yaml format)."""
    from cvconvert._input import check_depth
    from cvconvert._load import load_resume
    from cvconvert.errors import InvalidInputError
    from cvconvert.formats._json import parse

    report = Report()
    value = parse(data, strict=options.strict, report=report)
    check_depth(value)
    if not isinstance(value, dict):
        raise InvalidInputError("a FRESH résumé is a JSON object")
    resume, notes = load_resume(to_json_resume(value, report), strict=options.strict)
    return resume, report.extend(notes)


def write(resume: Resume, options: WriteOptions) -> tuple[bytes, Report]:
    """Write the résumé as FRESH JSON; every field travels (see the module's docstring)."""
    from cvconvert.formats._json import dumps

    report = Report()
    return dumps(from_json_resume(resume.to_data(), report)), report


FORMAT = Format(
    name="fresh",
    extensions=(".fresh.json",),
    media_type="application/json",
    read=read,
    write=write,
    sniff=None,
    description="FRESH résumé (HackMyResume); FRESH files given as .json or .yaml are recognised too",
)
