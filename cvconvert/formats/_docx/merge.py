"""The page's values set against our data part: kept where the page shows what the writer would
have shown for the hidden value, read from the page where it was edited, removed where it is gone
(:func:`_merge`; see :mod:`.read`)."""

from __future__ import annotations

import json
import math
from typing import Any

from cvconvert.formats._docx import i18n
from cvconvert.formats._docx.layout import (
    LOCATION_FIELDS,
    SECTIONS,
    Kind,
    Section,
    apply_fix,
    display,
    link_target,
    page_value,
)
from cvconvert.formats._docx.page import _Entry, _Hidden, _Page
from cvconvert.report import Report, pointer


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def _apply(
    out: dict[str, Any],
    key: str,
    kind: Kind,
    shown: str | None,
    old_shown: str,
    lang: i18n.Language,
    report: Report,
    where: str,
    fix: object = None,
) -> None:
    """Set ``out[key]`` from the page: kept when unchanged, read when edited, removed when gone.

    ``where`` points at the object holding the field (the pointer is built only for a note);
    ``fix`` is the data part's fix for this field (the exact value behind the text it was made for).
    """
    if fix is not None and shown is not None:
        ok, exact = apply_fix(fix, kind, shown, lang)
        if ok:
            out[key] = exact
            return
    if kind == "end" and shown is not None and lang.means_present(shown):
        shown = None
    if shown is not None and shown == old_shown:
        return
    if shown is None or not shown.strip():
        if key in out and old_shown != "":
            del out[key]
        return
    value = page_value(kind, shown, lang)
    if value is None and kind in ("date", "end"):
        # The edit on the page did not arrive: a loss, whether the old value stays or not.
        outcome = "kept as before" if key in out else "left out"
        report.lost(where + pointer(key), f"a date on the page that could not be read; {outcome}")
        return
    out[key] = value


def _merge(hidden: dict[str, Any], page: _Page, lang: i18n.Language, report: Report, part: _Hidden) -> dict[str, Any]:
    result = dict(hidden)
    fixes = part.fixes
    _merge_basics(result, page, lang, report, part)
    for key, section in SECTIONS.items():
        old = hidden.get(key)
        old_list = old if isinstance(old, list) else []
        entries = page.sections.get(key)
        if entries is None:
            if any(isinstance(e, dict) for e in old_list):
                del result[key]  # the heading and every entry were deleted from the page
            continue
        used: set[int] = set()
        matches: list[int | None] = []
        for entry in entries:
            index = entry.index
            ok = index is not None and index not in used and index < len(old_list) and isinstance(old_list[index], dict)
            matches.append(index if ok else None)
            if ok:
                used.add(index)  # type: ignore[arg-type]  # ok implies an int
        if part.version != "1" and not used and len(entries) == len(old_list):
            # No bookmark left (another editor dropped them all) and as many entries as written:
            # the page's order is the data part's (version 2 keeps no shown text to match by).
            matches = list(range(len(entries)))
        elif None in matches and len(used) < len(old_list):
            # Entries without their bookmark (another editor dropped it): an unused hidden entry that
            # shows exactly the same text is the same entry.
            shown = {
                j: _signature(section, e, lang) for j, e in enumerate(old_list) if j not in used and isinstance(e, dict)
            }
            for n, entry in enumerate(entries):
                if matches[n] is None:
                    page_sig = _page_signature(entry)
                    j = next((j for j, sig in shown.items() if j not in used and sig == page_sig), None)
                    if j is not None:
                        matches[n] = j
                        used.add(j)
        result[key] = [
            _merge_entry(
                section,
                entry,
                old_list[j] if j is not None else None,
                lang,
                report,
                pointer(key, n),
                fixes if j is not None else {},
                pointer(key, j) if j is not None else "",
                part,
            )
            for n, (entry, j) in enumerate(zip(entries, matches, strict=True))
        ]
    return result


def _signature(section: Section, entry: dict[str, Any], lang: i18n.Language) -> tuple[Any, ...]:
    """What the writer shows of an entry: its fields' texts and its bullets."""
    fields = {key: display(part.kind, entry.get(key), lang) for key, part in section.parts.items()}
    if "endDate" in fields and fields["startDate"] and not fields["endDate"]:
        fields["endDate"] = lang.labels["present"]
    bullets = entry.get(section.bullets) if section.bullets else None
    shown = tuple(display("text", b, lang) for b in bullets) if isinstance(bullets, list) else ()
    return tuple(sorted((k, v) for k, v in fields.items() if v)), shown


def _page_signature(entry: _Entry) -> tuple[Any, ...]:
    return tuple(sorted((k, v) for k, v in entry.fields.items() if v)), tuple(entry.bullets)


def _merge_entry(
    section: Section,
    entry: _Entry,
    hidden: dict[str, Any] | None,
    lang: i18n.Language,
    report: Report,
    where: str,
    fixes: dict[str, Any],
    written: str,
    hidden_part: _Hidden,
) -> dict[str, Any]:
    """One entry: ``hidden`` is its data part entry, ``written`` its pointer there (for ``fixes``)."""
    out = dict(hidden) if hidden is not None else {}
    if written in hidden_part.same and "startDate" in entry.fields and "endDate" not in entry.fields:
        entry.fields["endDate"] = entry.fields["startDate"]  # one date shown for both
    for key, part in section.parts.items():
        old_shown = display(part.kind, out[key], lang) if key in out else ""
        fix = fixes.get(written + pointer(key)) if fixes else None
        _apply(out, key, part.kind, entry.fields.get(key), old_shown, lang, report, where, fix)
    if section.bullets:
        _merge_bullets(out, section.bullets, entry.bullets, lang)
        items = out.get(section.bullets)
        if hidden_part.version != "1" and isinstance(items, list):
            _fix_bullets(items, hidden_part.by_list, written + pointer(section.bullets) if written else "", lang)
    elif entry.bullets:
        entry.stray.extend(entry.bullets)
    if entry.stray:
        target = section.fallback_text
        if target is None:
            report.lost(where, "text on the page that belongs to no field of this entry; not read")
        else:
            current = out.get(target) if isinstance(out.get(target), str) else None
            out[target] = "\n".join([*([current] if current else []), *entry.stray])
            report.warn(where + pointer(target), "text on the page outside any field; read into this field")
    return out


def _fix_bullets(items: list[Any], fixes: dict[str, dict[str, Any]], where: str, lang: i18n.Language) -> None:
    """Bullets read from the page made exact by their fixes: a bullet's own first (same place), else
    an unused one made for the same text (bullets deleted or moved above it)."""
    prefix = where + "/"
    spare = dict(fixes.get(where, {})) if where else {}
    for n, item in enumerate(items):
        if not isinstance(item, str):
            continue
        found = False
        for key in (prefix + str(n), *spare):
            fix = spare.get(key)
            ok, exact = apply_fix(fix, "text", item, lang) if fix is not None else (False, None)
            if ok:
                items[n] = exact
                del spare[key]
                found = True
                break
        if not found:
            items[n] = i18n.untypeset(item)


def _merge_bullets(out: dict[str, Any], key: str, bullets: list[str], lang: i18n.Language) -> None:
    old = out.get(key)
    old_items = old if isinstance(old, list) else []
    if not bullets:
        if old_items:
            del out[key]
        return
    used: set[int] = set()
    items: list[Any] = []
    for text in bullets:
        match = next(
            (j for j, item in enumerate(old_items) if j not in used and display("text", item, lang) == text), None
        )
        if match is None:
            items.append(text)
        else:
            used.add(match)
            items.append(old_items[match])
    out[key] = items


def _merge_basics(result: dict[str, Any], page: _Page, lang: i18n.Language, report: Report, part: _Hidden) -> None:
    old = result.get("basics")
    basics = dict(old) if isinstance(old, dict) else {}
    where = pointer("basics")
    fixes = part.fixes
    for key in ("name", "label", "email", "phone", "url"):
        old_shown = display("text", basics[key], lang) if key in basics else ""
        fix = fixes.get(where + pointer(key))
        _apply(basics, key, "text", page.basics.get(key), old_shown, lang, report, where, fix)
    summary = "\n".join(page.summary) if page.summary else None
    old_shown = display("text", basics["summary"], lang) if "summary" in basics else ""
    _apply(basics, "summary", "text", summary, old_shown, lang, report, where, fixes.get("/basics/summary"))
    old_location = basics.get("location")
    location = dict(old_location) if isinstance(old_location, dict) else {}
    for key in LOCATION_FIELDS:
        kind: Kind = "country" if key == "countryCode" else "text"
        old_shown = display(kind, location[key], lang) if key in location else ""
        here = where + pointer("location")
        fix = fixes.get(here + pointer(key))
        _apply(location, key, kind, page.basics.get(key), old_shown, lang, report, here, fix)
    if location or isinstance(old_location, dict):
        basics["location"] = location
    if part.version == "1":
        _merge_profiles(basics, page.profiles, lang)
    else:
        _merge_shown_profiles(basics, page.profiles, part.profiles or [], fixes, lang, report)
    if basics or isinstance(old, dict):
        result["basics"] = basics


def _profile_shown(profile: dict[str, Any], lang: i18n.Language) -> dict[str, str]:
    """What the writer showed of a profile: network and username (or the URL) as text, the link."""
    shown: dict[str, str] = {}
    network = display("text", profile.get("network"), lang)
    username = display("text", profile.get("username"), lang)
    url = profile.get("url")
    url_text = display("text", url, lang)
    if network:
        shown["network"] = network
    if username:
        shown["username"] = username
    elif url_text:
        shown["url"] = url_text
    if (network or username or url_text) and isinstance(url, str) and url == url_text:
        target = link_target(url)
        if target is not None:
            shown["link"] = target
    return shown


def _merge_profiles(basics: dict[str, Any], page: list[dict[str, str]], lang: i18n.Language) -> None:
    old = basics.get("profiles")
    old_items = [p for p in old if isinstance(p, dict)] if isinstance(old, list) else []
    shown = [_profile_shown(p, lang) for p in old_items]
    unseen = [(j, p) for j, p in enumerate(old_items) if not shown[j]]
    candidates = [j for j in range(len(old_items)) if shown[j]]
    if not page and not candidates:
        return
    used: set[int] = set()
    merged: list[dict[str, Any]] = []
    for n, item in enumerate(page):
        match = next((j for j in candidates if j not in used and shown[j] == item), None)
        if match is None and len(page) == len(candidates) and candidates[n] not in used:
            match = candidates[n]  # same place, edited: keep what the page does not show
        if match is not None:
            used.add(match)
        out = dict(old_items[match]) if match is not None else {}
        before = shown[match] if match is not None else {}
        for key in ("network", "username"):
            _apply(out, key, "text", item.get(key), before.get(key, ""), lang, Report(), "")
        url_shown = item["url"] if "url" in item else item.get("link")
        old_url = before["url"] if "url" in before else before.get("link", "")
        _apply(out, "url", "text", url_shown, old_url, lang, Report(), "")
        merged.append(out)
    for j, profile in unseen:
        merged.insert(min(j, len(merged)), profile)
    if merged or isinstance(old, list):
        basics["profiles"] = merged
    elif "profiles" in basics:
        del basics["profiles"]


def _merge_shown_profiles(
    basics: dict[str, Any],
    page: list[dict[str, str]],
    listed: list[Any],
    fixes: dict[str, Any],
    lang: i18n.Language,
    report: Report,
) -> None:
    """Profiles of version 2: the page's n-th profile is the data part's ``listed[n]``-th.

    Profiles the page never showed stay where they were; a profile deleted on the page goes with
    what the data part kept of it, unless the count changed, when none can be matched.
    """
    old = basics.get("profiles")
    old_items = old if isinstance(old, list) else []
    shown = [j for j in listed if isinstance(j, int) and 0 <= j < len(old_items) and isinstance(old_items[j], dict)]
    if len(shown) != len(page) and any(old_items[j] for j in shown):
        report.lost(
            pointer("basics", "profiles"),
            "profiles added or deleted on the page: what the data part kept of them (fields not shown) is left out",
        )
    matched = shown if len(shown) == len(page) else []
    merged: list[Any] = []
    taken = set(shown)
    for n, item in enumerate(page):
        j = matched[n] if matched else None
        out = dict(old_items[j]) if j is not None else {}
        here = pointer("basics", "profiles", j) if j is not None else ""
        for key in ("network", "username"):
            fix = fixes.get(here + pointer(key)) if here else None
            _apply(out, key, "text", item.get(key), "", lang, Report(), "", fix)
        url_shown = item["url"] if "url" in item else item.get("link")
        _apply(out, "url", "text", url_shown, "", lang, Report(), "", fixes.get(here + "/url") if here else None)
        merged.append(out)
    # Profiles the page never showed keep their place among the others.
    for j, profile in enumerate(old_items):
        if j not in taken:
            merged.insert(min(j, len(merged)), profile)
    if merged or isinstance(old, list):
        basics["profiles"] = merged


def _locate(data: Any, where: str) -> tuple[Any, str | int] | None:
    """The container holding the value at a JSON Pointer (from the data part: untrusted), and its key."""
    if not where.startswith("/"):
        return None
    node = data
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in where.split("/")[1:]]
    for n, token in enumerate(tokens):
        key: str | int = token
        if isinstance(node, list):
            if not token.isdigit() or int(token) >= len(node):
                return None
            key = int(token)
        elif not isinstance(node, dict) or token not in node:
            return None
        if n == len(tokens) - 1:
            return node, key
        node = node[key]
    return None


def _typed(text: str, kind: object, where: str, report: Report) -> object:
    """A generic value from its text on the page: a number or truth value again when it still reads as one."""
    if kind == "n":
        try:
            value = json.loads(text.strip(), parse_constant=_no_constant)
        except ValueError:
            value = None
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return value
    elif kind == "b":
        if text.strip() in ("true", "false"):
            return text.strip() == "true"
    else:
        return i18n.untypeset(text)
    report.warn(where, "a number or true/false edited into other text on the page; read as text")
    return i18n.untypeset(text)


def _fill_generic(
    rest: dict[str, Any],
    generic: list[Any],
    fixes: dict[str, Any],
    page: dict[int, list[str]],
    unmarked: list[list[str]],
    report: Report,
) -> None:
    """Put the page's generic values back into the data part's résumé (in place); values gone from
    the page are removed, and so is an object or list left empty by their removal."""
    english = i18n.language("en")
    if not page and unmarked:
        # Every bookmark was dropped (another editor): the n-th paragraph of values is the n-th
        # the writer made, when as many are left.
        numbers = [n for n, leaves in enumerate(generic) if leaves]
        if len(numbers) == len(unmarked):
            page = dict(zip(numbers, unmarked, strict=True))
        else:
            report.lost("", "values of fields the layout does not know lost their bookmarks on the page; not read")
    gone: list[str] = []
    for number, leaves in enumerate(generic):
        if not isinstance(leaves, list):
            continue
        values = page.get(number)
        valid = [leaf for leaf in leaves if isinstance(leaf, list) and len(leaf) == 2 and isinstance(leaf[0], str)]
        for n, (where, kind) in enumerate(valid):
            if values is None or n >= len(values):
                gone.append(where)
                continue
            ok, exact = apply_fix(fixes.get(where), "text", values[n], english)
            found = _locate(rest, where)
            if found is not None:
                found[0][found[1]] = exact if ok else _typed(values[n], kind, where, report)
        if values is not None and len(values) > len(valid):
            report.lost("", "a value typed in the CV Value style where the page had none; not read")
    # Removed last first: a list's later items go before its earlier ones, so indexes stay true.
    for where in reversed(gone):
        while True:
            found = _locate(rest, where)
            if found is None:
                break
            container, key = found
            del container[key]
            if container or where.count("/") < 2:
                break
            where = where.rsplit("/", 1)[0]
