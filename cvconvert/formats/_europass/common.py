"""Shared by both Europass XML dialects: text XML can hold, and one dialect's element names.

What else both dialects share has a module of its own: :mod:`.notes` (what a writer cannot
place), :mod:`.names` (people's names and profile links), :mod:`.codes` (countries, languages,
dates, EQF levels) and :mod:`.rich` (the rich text both Europass editors store).
"""

from __future__ import annotations

import re
from typing import Any

from cvconvert._deps import requires_extra
from cvconvert.report import Report, pointer
from cvconvert.text import fits_xml, xml_safe

Path = tuple[str | int, ...]


def require_extra() -> None:
    """Say which extra to install before any work is done: both dialects need lxml and pycountry."""
    with requires_extra("europass"):
        import lxml  # noqa: F401
        import pycountry  # noqa: F401


# --- text that XML 1.0 can hold ------------------------------------------------------------


def xml_text(value: str, path: str, report: Report) -> str:
    """``value`` without the characters XML 1.0 cannot hold; a loss note names the field if any."""
    if not fits_xml(value):
        report.lost(path, "control characters that XML cannot hold were removed")
        value = xml_safe(value)
    read_back = _unindented(value)
    if read_back != value:
        # Readers take a line break at either end, with its indentation, for an editor's layout.
        if read_back:
            report.warn(path, "line breaks at the start or end read back as spaces and are trimmed")
        else:
            report.lost(path, "a value of line breaks and spaces only reads back as nothing")
    return value


def put(data: dict[str, Any], key: str, value: Any) -> None:
    """``data[key] = value``, unless there is no value (None): readers leave absent fields out."""
    if value is not None:
        data[key] = value


def text_or_lost(data: dict[str, Any], key: str, path: Path, report: Report) -> str | None:
    """``data[key]`` ready for XML when it is a text; a loss note when it is anything else."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        report.lost(pointer(*path, key), "not a text")
        return None
    return xml_text(value, pointer(*path, key), report)


def texts_for_xml(values: list[str] | None, path: Path, report: Report) -> list[str] | None:
    """Each text of a list ready for XML (None stays None)."""
    if values is None:
        return None
    return [xml_text(v, pointer(*path, n), report) for n, v in enumerate(values)]


# --- one dialect's element names, for writing and reading ------------------------------------


_INDENT = re.compile(r"\s*\n\s*")


def _unindented(value: str) -> str:
    """A value as the XML meant it: an editor that puts each value on its own indented line
    (``<FirstName>\n\t\tJohn\n\t</FirstName>``) adds whitespace that is layout, not content.

    Only a value that starts or ends with such a line break is touched, and each break with its
    indentation becomes a space: text and HTML values alike read so, and what our writers
    write (no leading or trailing break) comes back byte for byte.
    """
    if "\n" not in value or value.strip() == value.rstrip(" \t").lstrip(" \t"):
        return value
    return _INDENT.sub(" ", value).strip()


class Names:
    """A dialect's prefixed names (``hr:FamilyName``, ``'/'``-separated paths) in Clark notation, and look-ups.

    ``prefixes`` maps each prefix ("" for the default namespace) to its namespace.
    """

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = prefixes
        self._paths: dict[str, str] = {}

    def q(self, name: str) -> str:
        """Clark notation for ``prefix:local`` (no prefix: the default namespace)."""
        prefix, _, local = name.rpartition(":")
        return f"{{{self.prefixes[prefix]}}}{local}"

    def clark(self, path: str) -> str:
        """A '/'-separated path of prefixed names in Clark notation."""
        # Readers look the same few paths up thousands of times: spell each in Clark notation once.
        found = self._paths.get(path)
        if found is None:
            found = self._paths[path] = "/".join(self.q(part) for part in path.split("/"))
        return found

    def find(self, parent: Any, path: str) -> Any:
        """The first element at ``path`` under ``parent``, or None."""
        return parent.find(self.clark(path))

    def findall(self, parent: Any, path: str) -> list[Any]:
        """Every element at ``path`` under ``parent``."""
        return list(parent.findall(self.clark(path)))

    def text(self, parent: Any, path: str) -> str | None:
        """The text of the first element at ``path``; '' when it is empty, None when there is none."""
        element = self.find(parent, path)
        if element is None:
            return None
        return _unindented(element.text or "")


class Writer:
    """Builds one dialect's elements and cleans the text that goes into them, noting losses in ``report``."""

    def __init__(self, names: Names, report: Report) -> None:
        from lxml import etree

        self.etree = etree
        self.names = names
        self.report = report

    def sub(self, parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
        """A new last child of ``parent`` (a prefixed name), with its text and attributes."""
        element = self.etree.SubElement(parent, self.names.clark(tag), attrs)
        if text is not None:
            element.text = text
        return element

    def clean(self, value: str, *path: str | int) -> str:
        """``value`` without what XML cannot hold (see :func:`xml_text`)."""
        return xml_text(value, pointer(*path), self.report)
