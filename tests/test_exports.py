"""The public API is what __all__ says, and every name in it exists and is documented."""

from __future__ import annotations

import types

import cvconvert

TYPING_HELPERS = {"annotations", "TYPE_CHECKING", "Any"}


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name in dir(cvconvert)
        if not name.startswith("_")
        and name not in TYPING_HELPERS
        and not isinstance(getattr(cvconvert, name), types.ModuleType)
    }
    assert set(cvconvert.__all__) - {"__version__"} == public


def test_every_exported_name_resolves_and_is_documented() -> None:
    for name in cvconvert.__all__:
        obj = getattr(cvconvert, name)
        if callable(obj):
            assert obj.__doc__, name


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        cvconvert.nothing_here  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "nothing_here" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
