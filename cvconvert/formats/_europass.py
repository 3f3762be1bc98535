"""Placeholder: the europass format is being built (see its issue)."""

from __future__ import annotations

from cvconvert.formats.base import Format

FORMATS: tuple[Format, ...] = ()
