"""What a conversion noticed: warnings (values normalised), losses (fields not carried), and
hidden values (carried in the file, but not shown on its page)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

NoteKind = Literal["warning", "loss", "hidden"]


@dataclass(frozen=True, slots=True)
class Note:
    """One finding: ``path`` is a JSON Pointer (RFC 6901) into the résumé, '' for the whole."""

    kind: NoteKind
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.path or '/'}: {self.message}"


def pointer(*parts: str | int) -> str:
    """Build a JSON Pointer from keys and indexes, escaping ``~`` and ``/`` (RFC 6901)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(slots=True)
class Report:
    """Notes collected by a reader or writer; ``Report()`` is empty and truthy only when not."""

    notes: list[Note] = field(default_factory=list)

    def warn(self, path: str, message: str) -> None:
        """Record something worth knowing that did not lose data."""
        self.notes.append(Note("warning", path, message))

    # Tolerant readers change a value only together with a note that says so.
    normalised = warn

    def lost(self, path: str, message: str) -> None:
        """Record a field that the format could not carry."""
        self.notes.append(Note("loss", path, message))

    def hide(self, path: str, message: str) -> None:
        """Record a value the file carries (in its data part) that its page does not show."""
        self.notes.append(Note("hidden", path, message))

    def extend(self, other: Report) -> Report:
        """Append another report's notes; returns self."""
        self.notes.extend(other.notes)
        return self

    @property
    def warnings(self) -> list[Note]:
        """Notes of kind ``warning``."""
        return [n for n in self.notes if n.kind == "warning"]

    @property
    def losses(self) -> list[Note]:
        """Notes of kind ``loss``."""
        return [n for n in self.notes if n.kind == "loss"]

    @property
    def hidden(self) -> list[Note]:
        """Notes of kind ``hidden``: carried by the file, not shown to a reader of its page."""
        return [n for n in self.notes if n.kind == "hidden"]

    def __iter__(self) -> Iterator[Note]:
        return iter(self.notes)

    def __len__(self) -> int:
        return len(self.notes)

    def as_json(self) -> dict[str, list[dict[str, str]]]:
        """``{"warnings": [{"path", "message"}], "losses": [...], "hidden": [...]}``, as the CLI writes it.

        ``hidden`` appears only when there is something in it, so reports of formats without a
        page keep their shape.
        """
        out = {
            "warnings": [{"path": n.path, "message": n.message} for n in self.warnings],
            "losses": [{"path": n.path, "message": n.message} for n in self.losses],
        }
        if hidden := self.hidden:
            out["hidden"] = [{"path": n.path, "message": n.message} for n in hidden]
        return out
