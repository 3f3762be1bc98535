"""DOCX: a one-column Word CV out; our own DOCX (even after edits in Word) and other CVs back in."""

from __future__ import annotations

from cvconvert.formats.base import Format

FORMATS: tuple[Format, ...] = ()
