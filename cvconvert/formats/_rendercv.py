"""RenderCV's YAML (``cv:`` with ``sections:`` of typed entries, ``design:``, ``locale:``), both ways.

RenderCV sections have free titles and one entry type each; the type says where the entries go:
ExperienceEntry to ``work``, EducationEntry to ``education``, PublicationEntry to
``publications``, NormalEntry to ``projects``, OneLineEntry to ``skills``, a text section titled
like a summary to ``basics.summary``. An entry's own fields with no JSON Resume home stay on the
entry; a section whose title is not the usual one for its key marks its entries with
``x-rendercv-section``; other sections, ``design``, ``locale`` and the rest stay as ``x-rendercv``
data, and the order of sections when it is not the writer's own. So RenderCV -> JSON Resume ->
RenderCV gives back the same file, and JSON Resume -> RenderCV -> JSON Resume the same résumé.
The mapping is documented in docs/rendercv.md.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cvconvert.formats.base import Format
from cvconvert.options import ReadOptions, WriteOptions
from cvconvert.report import Report, pointer

if TYPE_CHECKING:
    from cvconvert.model import Resume

# JSON Resume key -> (the section title the writer uses, the type's marker fields, {RenderCV: JSON}).
_TYPES: dict[str, tuple[str, tuple[str, ...], dict[str, str]]] = {
    "work": (
        "experience",
        ("company", "position"),
        {
            "company": "name",
            "position": "position",
            "location": "location",
            "start_date": "startDate",
            "end_date": "endDate",
            "summary": "summary",
            "highlights": "highlights",
            "url": "url",
        },
    ),
    "education": (
        "education",
        ("institution", "area"),
        {
            "institution": "institution",
            "area": "area",
            "degree": "studyType",
            "start_date": "startDate",
            "end_date": "endDate",
            "url": "url",
        },
    ),
    "publications": (
        "publications",
        ("title", "authors"),
        {"title": "name", "journal": "publisher", "date": "releaseDate", "url": "url", "summary": "summary"},
    ),
    "projects": (
        "projects",
        ("name",),
        {
            "name": "name",
            "summary": "description",
            "start_date": "startDate",
            "end_date": "endDate",
            "highlights": "highlights",
            "url": "url",
        },
    ),
    "skills": ("skills", ("label", "details"), {"label": "name"}),
}
_BASICS = {"name": "name", "email": "email", "phone": "phone", "website": "url", "photo": "image"}
# The fields that tell RenderCV's entry types apart: a JSON Resume field of such a name is tucked
# away under "x-jsonresume" so that it cannot change how the entry's type is told.
_MARKERS = frozenset({m for _, markers, _ in _TYPES.values() for m in markers} | {"bullet"})
_DEFAULT_KEY = {title: key for key, (title, _, _) in _TYPES.items()}
_SUMMARY_TITLES = frozenset({"summary", "profile", "about", "about_me"})
_DATES = frozenset({"start_date", "end_date", "date"})
_ISO = re.compile(r"\d{4}(?:-\d\d){0,2}")


def _day(date: str) -> str:
    return date + "-01" * (2 - date.count("-"))


def _kind(entries: list[Any]) -> str | None:
    """The JSON Resume key of a section's entries, by the fields of its entry type; None for others."""
    first = next((e for e in entries if isinstance(e, dict)), None)
    if first is None or not all(isinstance(e, dict) for e in entries):
        return None
    for key, (_, markers, _) in _TYPES.items():
        if all(all(m in e for m in markers) for e in entries) and key != "projects":
            return key
    if all("name" in e and not {"company", "institution", "authors", "label"} & e.keys() for e in entries):
        return "projects"
    return None


def _text(value: Any) -> Any:
    """YAML numbers as dates (``2020``) are RenderCV's dates as text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


# --- RenderCV -> JSON Resume ---------------------------------------------------------------


def to_json_resume(data: dict[str, Any], report: Report) -> dict[str, Any]:
    """The JSON Resume data of a RenderCV file."""
    cv: dict[str, Any] = data["cv"] if isinstance(data.get("cv"), dict) else {}
    out: dict[str, Any] = {}
    basics: dict[str, Any] = {_BASICS[k]: v for k, v in cv.items() if k in _BASICS}
    if "location" in cv:
        basics["location"] = {"city": cv["location"]}
    networks = cv.get("social_networks")
    if isinstance(networks, list):
        basics["profiles"] = [dict(n) if isinstance(n, dict) else n for n in networks]
        spelled = cv.get(_SPELLED)
        for index, network in spelled.items() if isinstance(spelled, dict) else ():
            if str(index).isdigit() and int(index) < len(networks) and isinstance(basics["profiles"][int(index)], dict):
                basics["profiles"][int(index)]["network"] = network
    for field, value in cv.items():
        if field in _BASICS or field in ("location", "social_networks", "sections", _SPELLED, _SUMMARY):
            continue
        if field.startswith("x-jsonresume-") and field[13:] in _BASICS.values():
            basics[field[13:]] = value  # a value RenderCV would refuse, carried beside
        else:
            basics[field] = value  # RenderCV keeps a cv's extra fields: label, and any other
    kept: dict[str, Any] = {}
    order: list[str] = []
    sections = cv.get("sections")
    for title, entries in sections.items() if isinstance(sections, dict) else ():
        order.append(title)
        key = _kind(entries) if isinstance(entries, list) else None
        if key is None and title in _SUMMARY_TITLES and _is_text(entries) and "summary" not in basics:
            basics["summary"] = "\n\n".join(entries)
            summary = cv.get(_SUMMARY)  # the text as it was, where the writer showed it otherwise
            if isinstance(summary, str) and _paragraphs(summary) == entries:
                basics["summary"] = summary
            if title != "summary":
                kept["summaryTitle"] = title
            continue
        if key is None:
            kept.setdefault("sections", {})[title] = entries
            continue
        default = _TYPES[key][0]
        for entry in entries:
            item = _entry_from(entry, key)
            if title != default:
                item["x-rendercv-section"] = title
            out.setdefault(key, []).append(item)
    if sections is not None and not isinstance(sections, dict):
        kept.setdefault("sections", sections)
    out = {"basics": basics, **out}  # RenderCV's cv is the person, even with no field filled
    if order != _default_order(out, kept):
        kept["order"] = order
    for key, value in data.items():
        if key != "cv":
            kept[key] = value  # design, locale, rendercv_settings: layout, kept as it is
    if kept:
        out["x-rendercv"] = kept
    report.normalised("", "a RenderCV file: read with the RenderCV mapping (docs/rendercv.md)")
    return out


def _is_text(entries: Any) -> bool:
    return isinstance(entries, list) and bool(entries) and all(isinstance(e, str) for e in entries)


def _entry_from(entry: dict[str, Any], key: str) -> dict[str, Any]:
    mapping = _TYPES[key][2]
    out: dict[str, Any] = {}
    for field, value in entry.items():
        value = _text(value) if field in _DATES else value
        if key == "skills" and field == "details":
            if value != "":  # the writer's placeholder for a skill without keywords
                out.setdefault("keywords", _keywords(value))
        elif key == "skills" and field == "keywords":
            out["keywords"] = value  # the writer's own list, where the line could not be split back
        elif field == "end_date" and isinstance(value, str) and value.strip().lower() == "present":
            out["x-rendercv-end"] = value  # ongoing: JSON Resume leaves the end date out
        elif field in mapping:
            out[mapping[field]] = value
        elif field == "authors":
            if value != []:  # the writer's placeholder: RenderCV requires the field
                out["x-authors"] = value
        elif field == "x-jsonresume" and isinstance(value, dict):
            # JSON Resume fields whose names RenderCV uses for something else, and values written
            # otherwise than they were (a text RenderCV would stop at): a value edited since wins.
            shown = {mapping.get(f, f): v for f, v in entry.items() if f != "x-jsonresume"}
            out.update({f: v for f, v in value.items() if f not in shown or _shown(v) == _text(shown[f])})
        else:
            out[field] = value
    return out


def _keywords(details: Any) -> list[Any]:
    if isinstance(details, str) and ", ".join(p.strip() for p in details.split(",")) == details:
        return [p.strip() for p in details.split(",")]
    return [details]


def _default_order(data: dict[str, Any], kept: dict[str, Any]) -> list[str]:
    """The sections' titles in the order the writer writes them."""
    titles: list[str] = []
    if isinstance(data.get("basics"), dict) and "summary" in data["basics"]:
        titles.append(kept.get("summaryTitle", "summary"))
    for key, (default, _, _) in _TYPES.items():
        for item in data.get(key, []):
            title = item.get("x-rendercv-section", default) if isinstance(item, dict) else default
            if title not in titles:
                titles.append(title)
    titles += [t for t in kept.get("sections", {}) if t not in titles] if isinstance(kept.get("sections"), dict) else []
    return titles


# --- JSON Resume -> RenderCV ---------------------------------------------------------------


def from_json_resume(data: dict[str, Any], report: Report) -> dict[str, Any]:
    """The RenderCV form of JSON Resume data; fields with no RenderCV home are losses."""
    kept: dict[str, Any] = data["x-rendercv"] if isinstance(data.get("x-rendercv"), dict) else {}
    basics: dict[str, Any] = data["basics"] if isinstance(data.get("basics"), dict) else {}
    cv: dict[str, Any] = {}
    back = {v: k for k, v in _BASICS.items()}
    for key, value in basics.items():
        if key in back and _accepted(back[key], value):
            cv[back[key]] = value
        elif key in back:
            cv[f"x-jsonresume-{key}"] = value
            report.normalised(pointer("basics", key), "RenderCV refuses this value: kept in the file, not shown")
    location = basics.get("location")
    if isinstance(location, dict) and set(location) == {"city"}:
        cv["location"] = location["city"]
    elif location == {}:
        report.lost("/basics/location", "an empty location: RenderCV's is a line of text")
    elif isinstance(location, dict):
        # Every part is in the line, in order: the values arrive, as one text (read back as the city).
        cv["location"] = ", ".join(str(v) for v in location.values())
        report.normalised("/basics/location", "written as one line of text (RenderCV's location)")
    if "profiles" in basics:
        spelled: dict[str, str] = {}
        cv["social_networks"] = _networks(basics["profiles"], spelled, report)
        if spelled:
            cv[_SPELLED] = spelled
    placed = {"location", "profiles", "summary", _SPELLED, *back}
    cv.update({k: v for k, v in basics.items() if k not in placed and k not in _RESERVED})
    sections: dict[str, Any] = {}
    summary = basics.get("summary")
    if isinstance(summary, str):
        sections[kept.get("summaryTitle", "summary")] = _paragraphs(summary)
        if _shown(summary) != summary:
            cv[_SUMMARY] = summary
            report.normalised("/basics/summary", "'<' spaced from the word after it (a Typst label to RenderCV); kept")
    for key, (default, _, _) in _TYPES.items():
        if data.get(key) == []:
            report.lost(pointer(key), "an empty section: RenderCV takes none")
        written = 0
        for i, item in enumerate(data.get(key) or []):
            title = item.get("x-rendercv-section", default) if isinstance(item, dict) else default
            entry = _entry_to(item, key, i, report)
            if entry is not None:
                sections.setdefault(title, []).append(entry)
                written += 1
        if data.get(key) and not written:
            report.lost(pointer(key), "no entry of this section has what RenderCV's entry type needs")
    if isinstance(kept.get("sections"), dict):
        sections.update(kept["sections"])
    order = kept.get("order")
    if isinstance(order, list) and set(order) == set(sections):
        sections = {title: sections[title] for title in order}
    cv["sections"] = sections
    _note_unplaced(data, basics, report)
    if "basics" not in data:
        report.normalised("/basics", "RenderCV's cv is the person: read back, it is an empty basics object")
    out: dict[str, Any] = {"cv": cv}
    for key, value in kept.items():
        if key not in ("cv", "sections", "order", "summaryTitle"):
            out[key] = value
    return out


# The networks RenderCV knows (it builds each link from the user name, and takes nothing else).
NETWORKS = (
    "LinkedIn", "GitHub", "GitLab", "IMDB", "Instagram", "ORCID", "Mastodon", "StackOverflow",
    "ResearchGate", "YouTube", "Google Scholar", "Telegram", "Leetcode", "X",
)  # fmt: skip
_NETWORK = {n.casefold(): n for n in NETWORKS} | {"twitter": "X", "stack overflow": "StackOverflow"}


_SPELLED = "x-jsonresume-networks"  # {index: the network as the résumé spelled it}
_SUMMARY = "x-jsonresume-summary"  # basics.summary as it was, where it is shown otherwise
_RESERVED = frozenset({"sections", "social_networks", "website", "photo"})


def _accepted(field: str, value: Any) -> bool:
    """Whether RenderCV's cv takes the value (it validates e-mail, phone and website)."""
    if not isinstance(value, str):
        return False
    if field == "email":
        # As RenderCV's e-mail check takes it: no "(", ",", ... before the "@" ("ada(at)...").
        return (
            re.fullmatch(r"[\w.!#$%&'*+/=?^`{|}~-]+@[^\W_](?:(?:[^\W_]|[.-])*[^\W_])?\.[^\W\d_]{2,}", value) is not None
        )
    if field == "phone":
        number = value.removeprefix("tel:")
        return number.startswith("+") and 8 <= sum(c.isdigit() for c in number) <= 15
    if field == "website":
        return re.fullmatch(r"https?://[^\s/]+\.[^\s]+", value) is not None
    if field == "photo":  # a file beside the YAML: RenderCV copies it, and stops at a URL or ""
        return bool(value.strip()) and re.match(r"[A-Za-z][A-Za-z0-9+.-]+:", value) is None
    return True


def _username_ok(network: str, username: str) -> bool:
    """RenderCV's own checks on a user name: "@user@host" on Mastodon, "id/name" on StackOverflow."""
    if network == "Mastodon":
        return username.count("@") == 2
    if network == "StackOverflow":
        return "/" in username
    return bool(username)


def _networks(profiles: Any, spelled: dict[str, str], report: Report) -> list[Any]:
    """The profiles RenderCV can show: a network it knows and a user name; the rest are losses."""
    if not isinstance(profiles, list):
        report.lost("/basics/profiles", "not a list of profiles")
        return []
    out: list[Any] = []
    for i, profile in enumerate(profiles):
        network = profile.get("network") if isinstance(profile, dict) else None
        name = _NETWORK.get(network.casefold()) if isinstance(network, str) else None
        username = profile.get("username") if isinstance(profile, dict) else None
        if name is None or not isinstance(username, str) or not _username_ok(name, username):
            report.lost(pointer("basics", "profiles", i), "RenderCV shows only its known networks, with a user name")
            continue
        out.append({"network": name, "username": username})
        for field in set(profile) - {"network", "username"}:
            report.lost(pointer("basics", "profiles", i, field), "RenderCV builds the link from the user name")
        if name != network and isinstance(network, str):
            spelled[str(len(out) - 1)] = network  # RenderCV's spelling shown; the original kept
    return out


# A "<" RenderCV passes on to Typst, which reads "<word" as a label and refuses one left open
# ("<br />", "<a href=...>"): a space after such a "<" lets the page be made.
_LABEL = re.compile(r"<(?=[\w:.-]+(?![\w:.>-]))")


def _paragraphs(summary: str) -> list[str]:
    """``basics.summary`` as the paragraphs of RenderCV's text section, as shown."""
    return [_shown(p) for p in summary.split("\n\n") if p] or [_shown(summary)]


def _shown(value: Any) -> Any:
    """A text (or list of texts) as the writer shows it to RenderCV."""
    if isinstance(value, str):
        return _LABEL.sub("< ", value) if "<" in value else value
    if isinstance(value, list):
        return [_shown(v) for v in value]
    return value


# RenderCV (2.3) shows a publication's link as Typst markup without escaping it: "#", "$", "@" or a
# backslash anywhere, or "_" or "*" beside a character that is no letter or digit ("wiki/A_(b)"), and the
# page is not made at all ("unclosed delimiter"); and it refuses one that is no http(s) URL (""). Such a
# link is kept aside, read back the same.
_UNSHOWN = re.compile(r"[#$@\\]|(?<![A-Za-z0-9])[_*]|[_*](?![A-Za-z0-9])")


def _entry_to(item: Any, key: str, i: int, report: Report) -> dict[str, Any] | None:
    """One entry in RenderCV's form, or None (reported lost) when it lacks what its type requires."""
    # The JSON Resume fields of the type's marker fields (a publication's authors may be empty).
    mapping = _TYPES[key][2]
    needs = tuple(mapping[m] for m in _TYPES[key][1] if m in mapping)
    if not isinstance(item, dict) or not all(isinstance(item.get(f), str) for f in needs):
        report.lost(pointer(key, i), f"RenderCV's entry type for {key} needs {' and '.join(needs)}; not written")
        return None
    back = {v: k for k, v in _TYPES[key][2].items()}
    # A field kept under its own name must not read back as another field, or as another type.
    collide = set(back.values()) | (_MARKERS - set(_TYPES[key][1])) | {"x-jsonresume", "authors", "details"}
    out: dict[str, Any] = {}
    tucked: dict[str, Any] = {}
    for field, value in item.items():
        if field == "x-rendercv-section":
            continue
        if field not in back and field not in ("keywords", "x-rendercv-end", "x-authors") and field in collide:
            tucked[field] = value
            continue
        if back.get(field, field) in _DATES and isinstance(value, str) and value.isdigit():
            value = int(value)  # a year: YAML's number, as RenderCV files write it
        if key == "skills" and field == "keywords":
            out["details"] = ", ".join(str(k) for k in value) if isinstance(value, list) else value
            if out["details"] == "" or _keywords(out["details"]) != value:
                out["keywords"] = value  # the line cannot be split back: the list itself goes too
        elif field == "x-rendercv-end":
            out["end_date"] = value
        elif field == "x-authors" and key == "publications":
            out["authors"] = value
        elif field in back:
            out[back[field]] = value
        else:
            out[field] = value  # RenderCV keeps an entry's extra fields
    if key == "skills" and "details" not in out:
        out["details"] = ""  # RenderCV's one-line entry needs it
    for field, value in list(out.items()):
        if field in mapping and field not in _DATES and _shown(value) != value:
            tucked.setdefault(mapping[field], value)
            out[field] = _shown(value)
            report.normalised(
                pointer(key, i, mapping[field]),
                "'<' spaced from the word after it (RenderCV takes '<word' for a Typst label, and stops); kept",
            )
    start, end = (_text(out.get(f, "")) for f in ("start_date", "end_date"))
    # RenderCV compares the dates with a missing month or day as the first ("2020" is 2020-01-01).
    if _ISO.fullmatch(start) and _ISO.fullmatch(end) and _day(start) > _day(end):
        for field, source in (
            ("start_date", "startDate"),
            ("end_date", "endDate" if "endDate" in item else "x-rendercv-end"),
        ):
            tucked[source] = item[source]
            del out[field]
        report.normalised(
            pointer(key, i, "startDate"), "a start after the end, which RenderCV refuses: kept, not shown"
        )
    url = out.get("url")
    if key == "publications" and "url" in out and (not _accepted("website", url) or _UNSHOWN.search(str(url))):
        tucked["url"] = out.pop("url")
        report.normalised(pointer(key, i, "url"), "RenderCV cannot show this link: kept in the file, not shown")
    if tucked:
        out["x-jsonresume"] = tucked
    if key == "publications" and "authors" not in out:
        out["authors"] = []
    return out


def _note_unplaced(data: dict[str, Any], basics: dict[str, Any], report: Report) -> None:
    for field in basics:
        if field in _RESERVED:
            report.lost(pointer("basics", field), "RenderCV's cv uses this name for something else")
    for key in data:
        if key not in ("basics", "x-rendercv", *_TYPES):
            report.lost(pointer(key), "RenderCV has no section type for it")


# --- the format ----------------------------------------------------------------------------


def read(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read a RenderCV YAML file (the yaml format reads one too, found by its ``cv:``)."""
    from cvconvert.formats._yaml import read as read_yaml

    return read_yaml(data, options)


def write(resume: Resume, options: WriteOptions) -> tuple[bytes, Report]:
    """Write the résumé as RenderCV YAML; what RenderCV has no place for is in the report."""
    import yaml

    report = Report()
    value = from_json_resume(resume.to_data(), report)
    # As the yaml format writes: the C dumper escapes what YAML would read back otherwise (U+0085).
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    try:
        return yaml.dump(value, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1 << 30).encode(), report
    except UnicodeEncodeError:  # a lone surrogate: YAML cannot write it (see the yaml format)
        from cvconvert.formats._yaml import without_surrogates

        report = Report()
        value = from_json_resume(without_surrogates(resume.to_data(), "", report), report)
        return yaml.dump(value, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1 << 30).encode(), report


FORMAT = Format(
    name="rendercv",
    extensions=(".rendercv.yaml",),
    media_type="application/yaml",
    read=read,
    write=write,
    sniff=None,
    extra="yaml",
    description="RenderCV YAML (cv: with sections:), both ways; a RenderCV file named .yaml is recognised too",
)
