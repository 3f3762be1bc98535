"""Hypothesis strategies that build JSON Resume data from the model itself.

Generated résumés hold every section, unknown fields at every level, text in many scripts
(CJK, Arabic and Hebrew, emoji), control characters, XML-hostile text and partial dates.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from cvconvert._load import field_kinds
from cvconvert.model import SECTIONS, Node, Resume

# Samples of scripts and hostile snippets that plain st.text() would rarely hit.
SNIPPETS = [
    "简历",
    "王如",
    "データ",
    "한국어",
    "مرحبا بالعالم",
    "שלום",
    "😀",
    "👩🏽‍💻",
    "Ünïcödé",
    "<b>",
    "&amp;",
    "]]>",
    "a\nb",
    " lead",
    "trail ",
    "\t",
    "=SUM(A1)",
    "+1",
    "-",
    "@x",
    "\x0b",
    "\x01",
    "\u200f",
    "\ufeff",
    "null",
    "true",
    "2021-07",
    "0123",
    "~",
    "#",
    "'",
    '"',
]

text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.sampled_from(SNIPPETS),
    st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=4).map("".join),
)

partial_date = st.one_of(
    st.integers(1900, 2099).map(lambda y: f"{y:04d}"),
    st.tuples(st.integers(1900, 2099), st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}"),
    st.dates().filter(lambda d: 1000 <= d.year <= 2999).map(lambda d: d.isoformat()),
)

json_value = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)

unknown_key = st.one_of(st.sampled_from(["x-note", "x-tags", "theme", "x-简历"]), text.map(lambda t: "x-" + t))


def node(model: type[Node], *, extras: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """A dict of any subset of ``model``'s fields (in schema order) plus unknown keys."""
    kinds = field_kinds(model)
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for key, kind in kinds.items():
        if key == "$schema":
            fields[key] = st.just("https://jsonresume.org/schema")
        elif key == "email":
            # The schema's "email" format asks for an "@".
            fields[key] = st.tuples(text, text).map(lambda t: f"{t[0]}@{t[1]}")
        elif kind == "text":
            fields[key] = text
        elif kind == "date":
            fields[key] = partial_date
        elif kind == "texts":
            fields[key] = st.lists(text, max_size=4)
        elif kind[0] == "one":
            fields[key] = node(kind[1])
        else:
            fields[key] = st.lists(node(kind[1]), max_size=3)
    known = st.fixed_dictionaries({}, optional=fields)
    if not extras:
        return known
    extra = st.dictionaries(unknown_key.filter(lambda k: k not in kinds), json_value, max_size=2)
    return st.tuples(known, extra).map(lambda t: {**t[0], **t[1]})


resume_data = node(Resume).map(lambda d: d if d.keys() & {"basics", "meta", *SECTIONS} else {"basics": {}, **d})
"""Any valid résumé as JSON data (strict-valid: no nulls in known fields), holding at least one
résumé field (a JSON or YAML file with none is refused as not a résumé)."""

resume = resume_data.map(Resume.model_validate)
