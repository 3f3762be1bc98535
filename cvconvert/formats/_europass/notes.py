"""Loss notes shared by both Europass dialects: what a writer cannot place, and what reads back otherwise."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from cvconvert.formats._europass import cefr
from cvconvert.formats._europass.common import Path, xml_text
from cvconvert.formats._europass.names import username_in
from cvconvert.report import Report, pointer

if TYPE_CHECKING:
    from cvconvert.model import Language

# --- what a writer cannot place ----------------------------------------------------------------

WORK_KEYS = ("name", "location", "description", "position", "url", "startDate", "endDate", "summary", "highlights")
"""The work fields both dialects carry, in the order readers give them back."""
EDUCATION_KEYS = (
    "institution",
    "url",
    "area",
    "studyType",
    "startDate",
    "endDate",
    "score",
    "courses",
    "summary",
    "x-europass-thesis",
)
"""The education fields both dialects carry, in the order readers give them back."""
BASICS_KEYS = frozenset(
    {"name", "label", "email", "url", "profiles", "phone", "location", "summary", "image"}
    | {"x-europass-nationalities", "x-europass-birthDate"}
)
"""The basics both dialects carry (the Candidate XML has room for further e-mail addresses too)."""
PROFILE_KEYS = ("network", "url", "username")
ADDRESS_KEYS = ("address", "city", "countryCode", "postalCode")


def note_unplaced(report: Report, data: Iterable[str], known: Collection[str], path: Path, message: str) -> None:
    """A loss note for each key of ``data`` not in ``known``; ``message`` has a ``{}`` for the key."""
    for key in data:
        if key not in known:
            report.lost(pointer(*path, key), message.format(key))


def note_moves(report: Report, section: Path, order: list[int], why: str) -> None:
    """A warning for each entry that the written order (old indexes, in their new order) moves."""
    for new, old in enumerate(order):
        if new != old:
            report.warn(pointer(*section, old), f"moved: {why}")


def sort_languages(
    languages: Sequence[Language] | None, report: Report
) -> tuple[list[tuple[int, str]], list[tuple[int, str, dict[str, str]]]]:
    """Mother tongues and foreign languages with their CEFR levels, each with its index.

    Both dialects list mother tongues first: moves, guessed levels and losses are reported.
    """
    natives: list[tuple[int, str]] = []
    foreign: list[tuple[int, str, dict[str, str]]] = []
    for i, lang in enumerate(languages or ()):
        path: Path = ("languages", i)
        note_unplaced(report, lang.to_data(), ("language", "fluency"), path, "Europass has no place for language '{}'")
        if lang.language is None or not lang.language.strip():
            # Kept as an unnamed entry so that the entries after it keep their places.
            report.lost(pointer(*path), "a language without its name cannot be written")
        label = xml_text(lang.language or "", pointer(*path, "language"), report)
        found = cefr.guess(lang.fluency)
        if found.kind == "none":
            report.lost(pointer(*path, "fluency"), f"'{lang.fluency}' names no CEFR level: written without a level")
        elif not found.exact:
            level = "mother tongue" if found.kind == "native" else cefr.fluency_text(found.levels)
            report.lost(pointer(*path, "fluency"), f"'{lang.fluency}' written as {level} (a guess)")
        if found.kind == "native":
            natives.append((i, label))
        else:
            foreign.append((i, label, found.levels))
    note_moves(
        report,
        ("languages",),
        [i for i, _ in natives] + [i for i, _, _ in foreign],
        "Europass lists mother tongues before foreign languages",
    )
    return natives, foreign


def note_empty_lists(data: dict[str, object], report: Report) -> None:
    """An empty section (or profile list) writes nothing, so it reads back as absent: say so."""
    for key, value in data.items():
        if isinstance(value, list) and not value:
            report.normalised(pointer(key), "an empty list writes nothing and reads back as absent")
    basics = data.get("basics")
    if basics == {}:
        report.normalised("/basics", "an empty object writes nothing and reads back as absent")
    if isinstance(basics, dict):
        for key in ("profiles", "x-europass-emails", "x-europass-nationalities"):
            if basics.get(key) == []:
                report.normalised(pointer("basics", key), "an empty list writes nothing and reads back as absent")


def note_vanishing_basics(data: dict[str, object], report: Report) -> None:
    """When every field of ``basics`` was reported, nothing of it is written: the object goes too."""
    basics = data.get("basics")
    if not isinstance(basics, dict) or not basics:
        return
    # Only notes about a whole field say it is not written (a note deeper down leaves the field).
    noted = {n.path.split("/")[2] for n in report if n.path.startswith("/basics/") and n.path.count("/") == 2}
    noted = {k.replace("~1", "/").replace("~0", "~") for k in noted}
    if set(basics) <= noted:
        report.normalised("/basics", "nothing of basics could be written, so it reads back as absent")


def note_username(report: Report, url: str | None, username: str | None, i: int) -> None:
    """Europass keeps a profile's link; its user name comes back only when the link ends in it."""
    derived = username_in(url) if url is not None else None
    where = pointer("basics", "profiles", i, "username")
    if username is not None and derived != username:
        report.lost(where, "Europass keeps a profile's link, not its user name")
    elif username is None and derived is not None:
        report.normalised(where, f"reads back as '{derived}', the user name the link ends in")
