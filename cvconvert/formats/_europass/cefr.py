"""From JSON Resume fluency words to CEFR levels and back; says when the mapping is a guess.

Europass records a language either as a mother tongue or as a foreign language with a CEFR
level (A1..C2) for each of five skills. JSON Resume has one free-text ``fluency``. Writing:
"Native speaker" and the other mother-tongue words make a mother tongue; a CEFR code ("C1",
or "C1" inside other words) sets all five skills; the canonical per-skill text this module
writes ("listening B2, reading C1") sets each skill; common words ("Fluent", "Professional
working proficiency", "Intermediate", ...) are mapped by the table below, which is a guess
and is reported as one. Reading writes the canonical text back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
DIMENSIONS = ("listening", "reading", "spoken interaction", "spoken production", "writing")
NATIVE = "Native speaker"
"""The fluency a mother tongue reads back as."""

_NATIVE_WORDS = frozenset(
    {
        "native",
        "native speaker",
        "native language",
        "native or bilingual proficiency",
        "native or bilingual",
        "mother tongue",
        "mothertongue",
        "first language",
        "bilingual",
        "muttersprache",
        "langue maternelle",
        "maternelle",
        "madrelingua",
        "lingua madre",
        "lengua materna",
        "nativo",
        "nativa",
        "língua materna",
        "moedertaal",
        "母语",
        "母語",
        "ネイティブ",
        "родной",
    }
)

# Word -> CEFR level. LinkedIn's five proficiency names first, then common résumé words.
_WORDS: dict[str, str] = {
    "full professional proficiency": "C2",
    "professional working proficiency": "C1",
    "limited working proficiency": "B1",
    "elementary proficiency": "A2",
    "proficient": "C2",
    "near native": "C2",
    "near-native": "C2",
    "mastery": "C2",
    "expert": "C2",
    "fluent": "C1",
    "fluently": "C1",
    "fluency": "C1",
    "full working proficiency": "C1",
    "professional": "C1",
    "advanced": "C1",
    "courant": "C1",
    "fließend": "C1",
    "verhandlungssicher": "C1",
    "fluido": "C1",
    "fluente": "C1",
    "upper intermediate": "B2",
    "upper-intermediate": "B2",
    "very good": "B2",
    "good": "B2",
    "working proficiency": "B2",
    "conversational": "B1",
    "intermediate": "B1",
    "working knowledge": "B1",
    "independent": "B1",
    "pre-intermediate": "A2",
    "elementary": "A2",
    "basic": "A2",
    "basics": "A2",
    "limited": "A2",
    "beginner": "A1",
    "notions": "A1",
    "novice": "A1",
}

_LEVEL_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])([ABC][12])(?![A-Za-z0-9])")
_CANONICAL = re.compile(
    r"^(?:(?:listening|reading|spoken interaction|spoken production|writing) [ABC][12])"
    r"(?:, (?:listening|reading|spoken interaction|spoken production|writing) [ABC][12])*$"
)


@dataclass(frozen=True)
class Guess:
    """What a fluency text means in Europass terms; ``exact`` is False for a table guess."""

    kind: Literal["native", "levels", "none"]
    levels: dict[str, str]
    exact: bool


def guess(fluency: str | None) -> Guess:
    """Map a fluency text to a mother tongue or CEFR levels (see the module docstring)."""
    if fluency is None:
        return Guess("levels", {}, True)
    text = fluency.strip()
    low = " ".join(text.lower().replace("_", " ").split())
    if text == NATIVE:
        return Guess("native", {}, True)
    if text in LEVELS:
        return Guess("levels", dict.fromkeys(DIMENSIONS, text), True)
    if _CANONICAL.match(fluency):
        levels = {}
        for part in fluency.split(", "):
            dim, _, level = part.rpartition(" ")
            levels[dim] = level
        if len(levels) == len(fluency.split(", ")):
            return Guess("levels", levels, True)
    if low.rstrip(".") in _NATIVE_WORDS or low.startswith("native"):
        return Guess("native", {}, False)
    found = _LEVEL_IN_TEXT.findall(text)
    if found:
        # "B2/C1" or "C1 (fluent)": take the highest level named.
        return Guess("levels", dict.fromkeys(DIMENSIONS, max(found)), False)
    key = low.rstrip(".")
    if key in _WORDS:
        return Guess("levels", dict.fromkeys(DIMENSIONS, _WORDS[key]), False)
    for pattern, level in _word_patterns():
        if pattern.search(low):
            return Guess("levels", dict.fromkeys(DIMENSIONS, level), False)
    return Guess("none", {}, False)


@cache
def _word_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    # Longest first, so that "upper intermediate" is found before "intermediate"; sorted and compiled once.
    words = sorted(_WORDS.items(), key=lambda kv: -len(kv[0]))
    return tuple((re.compile(rf"(?<!\w){re.escape(word)}(?!\w)"), level) for word, level in words)


def fluency_text(levels: dict[str, str]) -> str | None:
    """The fluency text for per-skill levels: one level when all five agree, else the canonical list."""
    if not levels:
        return None
    values = set(levels.values())
    if len(values) == 1 and len(levels) == len(DIMENSIONS):
        return values.pop()
    return ", ".join(f"{dim} {levels[dim]}" for dim in DIMENSIONS if dim in levels)
