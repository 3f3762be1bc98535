"""The canonical résumé: the JSON Resume schema (v1.2.1) as pydantic v2 models.

Attribute names are the schema's own (``startDate``, ``countryCode``). Every object keeps the
keys it does not know (``extra="allow"``): ``x-...`` extensions, ``meta.theme``, pre-1.0 names.
Dumping with :meth:`Resume.to_data` writes the known keys in schema order, then the unknown
ones in the order they came, and only the keys that were given.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

# The schema's "iso8601" definition: a year, year-month or full date, nothing else.
DATE_PATTERN = r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"

PartialDate = Annotated[str, Field(pattern=DATE_PATTERN)]
"""``2021``, ``2021-07`` or ``2021-07-15``: the precision given is the precision kept."""


class Node(BaseModel):
    """Base of every résumé object: unknown keys kept (``extra="allow"``).

    Fields are optional and accept ``None`` so that readers can build partial objects; strict
    loading (cvconvert._load) refuses an explicit ``null`` and an e-mail without "@", as the
    official schema does.
    """

    # Schemas are built on first use, once for the whole tree, not once per class at import:
    # a JSON -> JSON run starts faster.
    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)

    # The field that names an entry, used to read an entry given as a plain string.
    primary: ClassVar[str] = ""

    def to_data(self) -> dict[str, Any]:
        """The JSON value of this object: given keys only, schema order, then unknown keys."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


class Location(Node):
    """A postal address; ``countryCode`` is ISO 3166-1 alpha-2 by the schema's description."""

    address: str | None = None
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = None
    region: str | None = None


class Profile(Node):
    """An account on a social network or site."""

    primary = "network"
    network: str | None = None
    username: str | None = None
    url: str | None = None


class Basics(Node):
    """Who the résumé is about and how to reach them."""

    name: str | None = None
    label: str | None = None
    image: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[Profile] | None = None


class Work(Node):
    """A job; an absent ``endDate`` means it is current."""

    primary = "name"
    name: str | None = None
    location: str | None = None
    description: str | None = None
    position: str | None = None
    url: str | None = None
    startDate: PartialDate | None = None
    endDate: PartialDate | None = None
    summary: str | None = None
    highlights: list[str] | None = None


class Volunteer(Node):
    """Unpaid work; an absent ``endDate`` means it is current."""

    primary = "organization"
    organization: str | None = None
    position: str | None = None
    url: str | None = None
    startDate: PartialDate | None = None
    endDate: PartialDate | None = None
    summary: str | None = None
    highlights: list[str] | None = None


class Education(Node):
    """A school, degree or course of study."""

    primary = "institution"
    institution: str | None = None
    url: str | None = None
    area: str | None = None
    studyType: str | None = None
    startDate: PartialDate | None = None
    endDate: PartialDate | None = None
    score: str | None = None
    courses: list[str] | None = None


class Award(Node):
    """A prize or honour."""

    primary = "title"
    title: str | None = None
    date: PartialDate | None = None
    awarder: str | None = None
    summary: str | None = None


class Certificate(Node):
    """A certification."""

    primary = "name"
    name: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    issuer: str | None = None


class Publication(Node):
    """A paper, book or article."""

    primary = "name"
    name: str | None = None
    publisher: str | None = None
    releaseDate: PartialDate | None = None
    url: str | None = None
    summary: str | None = None


class Skill(Node):
    """A skill group with its keywords."""

    primary = "name"
    name: str | None = None
    level: str | None = None
    keywords: list[str] | None = None


class Language(Node):
    """A spoken language and how well."""

    primary = "language"
    language: str | None = None
    fluency: str | None = None


class Interest(Node):
    """A hobby or field of interest."""

    primary = "name"
    name: str | None = None
    keywords: list[str] | None = None


class Reference(Node):
    """A reference and what they said."""

    primary = "name"
    name: str | None = None
    reference: str | None = None


class Project(Node):
    """A project; research projects use ``type`` "research" and ``entity`` for the lab."""

    primary = "name"
    name: str | None = None
    description: str | None = None
    highlights: list[str] | None = None
    keywords: list[str] | None = None
    startDate: PartialDate | None = None
    endDate: PartialDate | None = None
    url: str | None = None
    roles: list[str] | None = None
    entity: str | None = None
    type: str | None = None


class Meta(Node):
    """About the document itself (``theme`` and other keys are kept as unknown fields)."""

    canonical: str | None = None
    version: str | None = None
    lastModified: str | None = None


class Resume(Node):
    """A whole résumé. Build one with :func:`cvconvert.read` or ``Resume.model_validate``."""

    schema_: str | None = Field(default=None, alias="$schema")
    basics: Basics | None = None
    work: list[Work] | None = None
    volunteer: list[Volunteer] | None = None
    education: list[Education] | None = None
    awards: list[Award] | None = None
    certificates: list[Certificate] | None = None
    publications: list[Publication] | None = None
    skills: list[Skill] | None = None
    languages: list[Language] | None = None
    interests: list[Interest] | None = None
    references: list[Reference] | None = None
    projects: list[Project] | None = None
    meta: Meta | None = None


SECTIONS: tuple[str, ...] = (
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)
"""The list sections, in schema order."""
