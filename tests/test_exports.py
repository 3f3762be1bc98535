"""The public API is what __all__ says, and every name in it exists and is documented."""

from __future__ import annotations

import cvconvert


def test_all_lists_exactly_the_public_names() -> None:
    public = {n for n in dir(cvconvert) if not n.startswith("_")} - {
        "api",
        "errors",
        "formats",
        "model",
        "report",
        "limits",
        "dates",
        "cli",
        "schema",
        "annotations",
    }
    assert set(cvconvert.__all__) - {"__version__"} == public


def test_public_callables_have_docstrings() -> None:
    for name in cvconvert.__all__:
        obj = getattr(cvconvert, name)
        if callable(obj):
            assert obj.__doc__, name
