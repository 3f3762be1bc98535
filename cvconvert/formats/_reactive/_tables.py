"""Reactive Resume's v4 and v5 schemas as tables: each field with where it goes in JSON Resume.

Written from the zod schemas Reactive Resume publishes (v4: ``libs/schema``; v5: the
``schema`` package's resume data); the defaults are the ones a new résumé starts with there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["text", "href", "url", "range", "date", "html", "words", "location", "picture", "flag"]


@dataclass(frozen=True)
class Field:
    """One field of an item: its name, how its value reads, the JSON Resume keys it fills."""

    name: str
    kind: Kind
    keys: tuple[str, ...] = ()
    default: Any = None
    """What the writer puts for a ``flag`` (a field with no JSON Resume home) or a ``picture``."""


def _f(name: str, kind: Kind, *keys: str, default: Any = None) -> Field:
    return Field(name, kind, keys, default)


# (the JSON Resume section, the item's fields); "profiles" go to basics.profiles.
Table = dict[str, tuple[str, tuple[Field, ...]]]

V4_SECTIONS: Table = {
    "awards": (
        "awards",
        (
            _f("title", "text", "title"),
            _f("awarder", "text", "awarder"),
            _f("date", "date", "date"),
            _f("summary", "html", "summary"),
            _f("url", "href", "url"),
        ),
    ),
    "certifications": (
        "certificates",
        (
            _f("name", "text", "name"),
            _f("issuer", "text", "issuer"),
            _f("date", "date", "date"),
            _f("summary", "html", "summary"),
            _f("url", "href", "url"),
        ),
    ),
    "education": (
        "education",
        (
            _f("institution", "text", "institution"),
            _f("studyType", "text", "studyType"),
            _f("area", "text", "area"),
            _f("score", "text", "score"),
            _f("date", "range", "startDate", "endDate"),
            _f("summary", "html", "summary"),
            _f("url", "href", "url"),
        ),
    ),
    "experience": (
        "work",
        (
            _f("company", "text", "name"),
            _f("position", "text", "position"),
            _f("location", "text", "location"),
            _f("date", "range", "startDate", "endDate"),
            _f("summary", "html", "summary", "highlights"),
            _f("url", "href", "url"),
        ),
    ),
    "volunteer": (
        "volunteer",
        (
            _f("organization", "text", "organization"),
            _f("position", "text", "position"),
            _f("location", "text", "location"),
            _f("date", "range", "startDate", "endDate"),
            _f("summary", "html", "summary", "highlights"),
            _f("url", "href", "url"),
        ),
    ),
    "interests": ("interests", (_f("name", "text", "name"), _f("keywords", "words", "keywords"))),
    "languages": (
        "languages",
        (_f("name", "text", "language"), _f("description", "text", "fluency"), _f("level", "flag", default=0)),
    ),
    "profiles": (
        "profiles",
        (
            _f("network", "text", "network"),
            _f("username", "text", "username"),
            _f("icon", "flag", default=""),
            _f("url", "href", "url"),
        ),
    ),
    "projects": (
        "projects",
        (
            _f("name", "text", "name"),
            _f("description", "flag", default=""),
            _f("date", "range", "startDate", "endDate"),
            _f("summary", "html", "description", "highlights"),
            _f("keywords", "words", "keywords"),
            _f("url", "href", "url"),
        ),
    ),
    "publications": (
        "publications",
        (
            _f("name", "text", "name"),
            _f("publisher", "text", "publisher"),
            _f("date", "date", "releaseDate"),
            _f("summary", "html", "summary"),
            _f("url", "href", "url"),
        ),
    ),
    "references": (
        "references",
        (
            _f("name", "text", "name"),
            _f("description", "flag", default=""),
            _f("summary", "html", "reference"),
            _f("url", "href", "url"),
        ),
    ),
    "skills": (
        "skills",
        (
            _f("name", "text", "name"),
            _f("description", "text", "level"),
            _f("level", "flag", default=0),
            _f("keywords", "words", "keywords"),
        ),
    ),
}
V4_ORDER = ("summary", *V4_SECTIONS, "custom")  # sections in the order of the schema's defaults
V4_NAMES = {
    "summary": "Summary",
    "volunteer": "Volunteering",
    **{key: key.title() for key in V4_SECTIONS if key != "volunteer"},
}
V4_ITEM_FLAGS = (_f("visible", "flag", default=True),)
# "summary" and (in v5) "picture" are no fields of basics: the reader brings them in beside it.
V4_BASICS = (
    _f("name", "text", "name"),
    _f("headline", "text", "label"),
    _f("email", "text", "email"),
    _f("phone", "text", "phone"),
    _f("location", "location", "location"),
    _f("url", "href", "url"),
    _f("customFields", "flag", default=[]),
    _f(
        "picture",
        "picture",
        "image",
        default={
            "url": "",
            "size": 64,
            "aspectRatio": 1,
            "borderRadius": 0,
            "effects": {"hidden": False, "border": False, "grayscale": False},
        },
    ),
    _f("summary", "html", "summary"),
)
V4_METADATA: dict[str, Any] = {
    "template": "rhyhorn",
    "layout": [
        [
            ["profiles", "summary", "experience", "education", "projects", "volunteer", "references"],
            ["skills", "interests", "certifications", "awards", "publications", "languages"],
        ]
    ],
    "css": {"value": "* {\n\toutline: 1px solid #000;\n\toutline-offset: 4px;\n}", "visible": False},
    "page": {"margin": 18, "format": "a4", "options": {"breakLine": True, "pageNumbers": True}},
    "theme": {"background": "#ffffff", "text": "#000000", "primary": "#dc2626"},
    "typography": {
        "font": {"family": "IBM Plex Serif", "subset": "latin", "variants": ["regular", "italic", "600"], "size": 14},
        "lineHeight": 1.5,
        "hideIcons": False,
        "underlineLinks": True,
    },
    "notes": "",
}

V5_SECTIONS: Table = {
    "profiles": (
        "profiles",
        (
            _f("icon", "flag", default=""),
            _f("network", "text", "network"),
            _f("username", "text", "username"),
            _f("website", "url", "url"),
        ),
    ),
    "experience": (
        "work",
        (
            _f("company", "text", "name"),
            _f("position", "text", "position"),
            _f("location", "text", "location"),
            _f("period", "range", "startDate", "endDate"),
            _f("website", "url", "url"),
            _f("description", "html", "summary", "highlights"),
            _f("roles", "flag", default=[]),
        ),
    ),
    "education": (
        "education",
        (
            _f("school", "text", "institution"),
            _f("degree", "text", "studyType"),
            _f("area", "text", "area"),
            _f("grade", "text", "score"),
            _f("location", "text", "location"),
            _f("period", "range", "startDate", "endDate"),
            _f("website", "url", "url"),
            _f("description", "html", "summary"),
        ),
    ),
    "projects": (
        "projects",
        (
            _f("name", "text", "name"),
            _f("period", "range", "startDate", "endDate"),
            _f("website", "url", "url"),
            _f("description", "html", "description", "highlights"),
        ),
    ),
    "skills": (
        "skills",
        (
            _f("icon", "flag", default=""),
            _f("name", "text", "name"),
            _f("proficiency", "text", "level"),
            _f("level", "flag", default=0),
            _f("keywords", "words", "keywords"),
        ),
    ),
    "languages": (
        "languages",
        (_f("language", "text", "language"), _f("fluency", "text", "fluency"), _f("level", "flag", default=0)),
    ),
    "interests": (
        "interests",
        (_f("icon", "flag", default=""), _f("name", "text", "name"), _f("keywords", "words", "keywords")),
    ),
    "awards": (
        "awards",
        (
            _f("title", "text", "title"),
            _f("awarder", "text", "awarder"),
            _f("date", "date", "date"),
            _f("website", "url", "url"),
            _f("description", "html", "summary"),
        ),
    ),
    "certifications": (
        "certificates",
        (
            _f("title", "text", "name"),
            _f("issuer", "text", "issuer"),
            _f("date", "date", "date"),
            _f("website", "url", "url"),
            _f("description", "html", "summary"),
        ),
    ),
    "publications": (
        "publications",
        (
            _f("title", "text", "name"),
            _f("publisher", "text", "publisher"),
            _f("date", "date", "releaseDate"),
            _f("website", "url", "url"),
            _f("description", "html", "summary"),
        ),
    ),
    "volunteer": (
        "volunteer",
        (
            _f("organization", "text", "organization"),
            _f("location", "text", "location"),
            _f("period", "range", "startDate", "endDate"),
            _f("website", "url", "url"),
            _f("description", "html", "summary", "highlights"),
        ),
    ),
    "references": (
        "references",
        (
            _f("name", "text", "name"),
            _f("position", "flag", default=""),
            _f("website", "url", "url"),
            _f("phone", "flag", default=""),
            _f("description", "html", "reference"),
        ),
    ),
}
V5_ITEM_FLAGS = (_f("hidden", "flag", default=False),)
V5_BASICS = (
    _f("name", "text", "name"),
    _f("headline", "text", "label"),
    _f("email", "text", "email"),
    _f("phone", "text", "phone"),
    _f("location", "location", "location"),
    _f("website", "url", "url"),
    _f("customFields", "flag", default=[]),
    _f(
        "picture",
        "picture",
        "image",
        default={
            "hidden": False,
            "url": "",
            "size": 80,
            "rotation": 0,
            "aspectRatio": 1,
            "borderRadius": 0,
            "borderColor": "rgba(0, 0, 0, 0.5)",
            "borderWidth": 0,
            "shadowColor": "rgba(0, 0, 0, 0.5)",
            "shadowWidth": 0,
        },
    ),
    _f("summary", "html", "summary"),
)
V5_METADATA: dict[str, Any] = {
    "template": "onyx",
    "layout": {
        "sidebarWidth": 35,
        "pages": [
            {
                "fullWidth": False,
                "main": ["profiles", "summary", "education", "experience", "projects", "volunteer", "references"],
                "sidebar": ["skills", "certifications", "awards", "languages", "interests", "publications"],
            }
        ],
    },
    "css": {"enabled": False, "value": ""},
    "page": {"gapX": 4, "gapY": 6, "marginX": 14, "marginY": 12, "format": "a4", "locale": "en-US", "hideIcons": False},
    "design": {
        "colors": {
            "primary": "rgba(220, 38, 38, 1)",
            "text": "rgba(0, 0, 0, 1)",
            "background": "rgba(255, 255, 255, 1)",
        },
        "level": {"icon": "star", "type": "circle"},
    },
    "typography": {
        "body": {"fontFamily": "IBM Plex Serif", "fontWeights": ["400", "500"], "fontSize": 10, "lineHeight": 1.5},
        "heading": {"fontFamily": "IBM Plex Serif", "fontWeights": ["600"], "fontSize": 14, "lineHeight": 1.5},
    },
    "notes": "",
}
