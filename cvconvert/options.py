"""Reader and writer options: declared once per format as a small pydantic model, checked here.

A format declares what its reader and writer take as subclasses of :class:`ReadOptions` and
:class:`WriteOptions` (``Format.read_options`` / ``Format.write_options``); what every document
writer shares (``lang``, ``page``) lives once on :class:`DocumentOptions`. :func:`parse` is the
one router: it validates keyword values from Python (``lang="fr"``) or the command line's
strings (``-O hyperlinks=false``, ``-O max_links=5``) and names a bad option, the type it
expects and the options the format takes. A format never converts option strings itself.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from cvconvert.errors import OptionError


def _comma_list(value: object) -> object:
    """``"work, education"`` (the command line's form) as ``("work", "education")``."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


def _page(value: object) -> object:
    """``a4``, ``LETTER`` and ``letter`` as the two names Word knows."""
    if isinstance(value, str):
        return {"a4": "A4", "letter": "Letter"}.get(value.strip().lower(), value)
    return value


Names = Annotated[tuple[str, ...], BeforeValidator(_comma_list)]
"""A list of names, given as a sequence or as one comma-separated string."""
Page = Annotated[Literal["A4", "Letter"], BeforeValidator(_page)]


class Options(BaseModel):
    """The options of one reader or writer: named, typed, defaulted, each with one line of help."""

    # Built on first use, not at import: the registry imports every format's options.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, arbitrary_types_allowed=False)


class ReadOptions(Options):
    """What every reader takes."""

    strict: bool = Field(False, description="refuse what the JSON Resume schema refuses instead of repairing it")


class WriteOptions(Options):
    """What every writer takes (nothing yet)."""


class LanguageOptions(WriteOptions):
    """A writer whose output speaks a language."""

    lang: str = Field("en", description="language of headings, labels and dates (en, de, fr, es, zh, ...)")


class DocumentOptions(WriteOptions):
    """What every writer of a printable document takes."""

    lang: str | None = Field(
        None,
        description="language of headings, labels and dates (en, de, fr, es, zh, ...; "
        "default: the language the résumé is written in, told from its text; else en)",
    )
    page: Page | None = Field(None, description="paper size, A4 or Letter (default: Letter in the US and Canada)")


OptionsT = TypeVar("OptionsT", bound=Options)


def parse(model: type[OptionsT], values: Mapping[str, object], owner: str) -> OptionsT:
    """``values`` validated as ``model``; OptionError names the bad option and what is expected.

    ``owner`` names whose options these are in the message ("the xlsx writer").
    """
    fields = model.model_fields
    unknown = sorted(set(values) - set(fields))
    if unknown:
        raise OptionError(f"unknown option(s) {', '.join(unknown)} for the {owner} ({takes(model)})")
    try:
        return model.model_validate(dict(values))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        name = str(first["loc"][0]) if first["loc"] else "?"
        given = values.get(name)
        expected = expects(fields[name].annotation) if name in fields else first["msg"]
        raise OptionError(f"option {name} of the {owner} takes {expected}, not {given!r}") from None


def takes(model: type[Options]) -> str:
    """``it takes: lang, page`` (or ``it takes no options``) for an error message."""
    names = [name for name in model.model_fields if name != "strict"]
    return f"it takes: {', '.join(names)}" if names else "it takes no options"


def describe(model: type[Options]) -> list[tuple[str, str, str, str]]:
    """Each option as ``(name, type, default, help)`` for ``cvconvert formats``."""
    rows = []
    for name, field in model.model_fields.items():
        default = field.default
        shown = "-" if default is None else str(default).lower() if isinstance(default, bool) else str(default)
        rows.append((name, expects(field.annotation), shown, field.description or ""))
    return rows


def expects(annotation: Any) -> str:
    """A type as a person reads it: ``true or false``, ``a whole number``, ``A4 or Letter``."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return expects(args[0])
    if origin in (typing.Union, types.UnionType):
        return " or ".join(expects(a) for a in args)
    if origin is Literal:
        return " or ".join(str(a) for a in typing.get_args(annotation))
    if origin is tuple:
        return "a comma-separated list"
    simple = {bool: "true or false", int: "a whole number", float: "a number", str: "text", Path: "a file path"}
    return simple.get(annotation, getattr(annotation, "__name__", str(annotation)))
