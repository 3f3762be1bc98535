"""The JSON Resume -> schema.org mapping, decided once: the writer, the reader and the table in
schemas/jsonld-mapping.md all follow these records (a test parses the table and compares).

Pure data: importing this module imports no RDF library.

A predicate is written as the JSON-LD term: ``worksFor`` is ``http://schema.org/worksFor``,
``cv:highlights`` is in the cvconvert vocabulary (:data:`cvconvert.namespaces.CV`). A leading ``^`` walks the
predicate backwards (``^author``: the node whose ``author`` is this one). A field's path goes
from the entry node through sub-nodes (``worksFor`` then ``name``: the employer's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate (text read from a JSON escape) cannot be encoded as UTF-8."""

ValueKind = Literal["text", "date", "url", "texts"]
"""text: a literal; date: a schema:Date literal kept as written (its precision is its length);
url: an IRI when the text is a safe absolute IRI, else a literal; texts: an ordered list."""


@dataclass(frozen=True)
class Field:
    """One JSON Resume field and the predicate path that carries it."""

    json: str
    path: tuple[str, ...]
    kind: ValueKind = "text"


@dataclass(frozen=True)
class Section:
    """A JSON Resume list section (or basics' profiles): one node per entry."""

    key: str
    """The section's JSON Pointer below the résumé, without the leading slash."""
    link: str
    """The predicate from the person to an entry node (``^p``: from the entry to the person)."""
    type: str
    """The entry node's class."""
    fields: tuple[Field, ...]
    nodes: dict[str, str] = field(default_factory=dict)
    """Sub-nodes by path (``a/b``) and their classes."""
    also: dict[str, str] = field(default_factory=dict)
    """Sub-nodes that the person links to as well, by path, with the person's predicate."""
    primary: str = ""
    """The field a foreign literal value (``"alumniOf": "MIT"``) is read into."""
    always: tuple[str, ...] = ()
    """Sub-nodes written even when empty: they tell sections that share a link apart."""


PERSON_TYPE = "Person"

BASICS: tuple[Field, ...] = (
    Field("name", ("name",)),
    Field("label", ("jobTitle",)),
    Field("image", ("image",), "url"),
    Field("email", ("email",)),
    Field("phone", ("telephone",)),
    Field("url", ("url",), "url"),
    Field("summary", ("description",)),
)
"""basics' own fields, on the Person node."""

LOCATION_LINK = "address"
LOCATION_TYPE = "PostalAddress"
LOCATION: tuple[Field, ...] = (
    Field("address", ("streetAddress",)),
    Field("postalCode", ("postalCode",)),
    Field("city", ("addressLocality",)),
    Field("countryCode", ("addressCountry",)),
    Field("region", ("addressRegion",)),
)
"""basics.location, on a PostalAddress node."""

PROFILES = Section(
    key="basics/profiles",
    link="subjectOf",
    type="ProfilePage",
    fields=(
        Field("network", ("name",)),
        Field("username", ("identifier",)),
        Field("url", ("url",), "url"),
    ),
    primary="url",
)
SAME_AS = "sameAs"
"""Each profile's url is also the person's ``sameAs``, the link search engines read."""

SECTIONS: tuple[Section, ...] = (
    Section(
        key="work",
        link="worksFor",
        type="EmployeeRole",
        nodes={"worksFor": "Organization"},
        fields=(
            Field("name", ("worksFor", "name")),
            Field("location", ("worksFor", "location")),
            Field("description", ("worksFor", "description")),
            Field("position", ("roleName",)),
            Field("url", ("worksFor", "url"), "url"),
            Field("startDate", ("startDate",), "date"),
            Field("endDate", ("endDate",), "date"),
            Field("summary", ("description",)),
            Field("highlights", ("cv:highlights",), "texts"),
        ),
        primary="name",
    ),
    Section(
        key="volunteer",
        link="memberOf",
        type="OrganizationRole",
        nodes={"memberOf": "Organization"},
        fields=(
            Field("organization", ("memberOf", "name")),
            Field("position", ("roleName",)),
            Field("url", ("memberOf", "url"), "url"),
            Field("startDate", ("startDate",), "date"),
            Field("endDate", ("endDate",), "date"),
            Field("summary", ("description",)),
            Field("highlights", ("cv:highlights",), "texts"),
        ),
        primary="organization",
    ),
    Section(
        key="education",
        link="alumniOf",
        type="OrganizationRole",
        nodes={
            "alumniOf": "EducationalOrganization",
            "alumniOf/^recognizedBy": "EducationalOccupationalCredential",
        },
        also={"alumniOf/^recognizedBy": "hasCredential"},
        fields=(
            Field("institution", ("alumniOf", "name")),
            Field("url", ("alumniOf", "url"), "url"),
            Field("area", ("alumniOf", "^recognizedBy", "about")),
            Field("studyType", ("alumniOf", "^recognizedBy", "credentialCategory")),
            Field("startDate", ("startDate",), "date"),
            Field("endDate", ("endDate",), "date"),
            Field("score", ("cv:score",)),
            Field("courses", ("cv:courses",), "texts"),
        ),
        primary="institution",
    ),
    Section(
        key="awards",
        link="award",
        type="Role",
        fields=(
            Field("title", ("award",)),
            Field("date", ("startDate",), "date"),
            Field("awarder", ("cv:awarder",)),
            Field("summary", ("description",)),
        ),
        primary="title",
    ),
    Section(
        key="certificates",
        link="hasCredential",
        type="EducationalOccupationalCredential",
        nodes={"recognizedBy": "Organization"},
        fields=(
            Field("name", ("name",)),
            Field("date", ("dateCreated",), "date"),
            Field("url", ("url",), "url"),
            Field("issuer", ("recognizedBy", "name")),
        ),
        primary="name",
    ),
    Section(
        key="publications",
        link="^author",
        type="CreativeWork",
        nodes={"publisher": "Organization"},
        fields=(
            Field("name", ("name",)),
            Field("publisher", ("publisher", "name")),
            Field("releaseDate", ("datePublished",), "date"),
            Field("url", ("url",), "url"),
            Field("summary", ("description",)),
        ),
        primary="name",
    ),
    Section(
        key="skills",
        link="knowsAbout",
        type="DefinedTerm",
        fields=(
            Field("name", ("name",)),
            Field("level", ("cv:level",)),
            Field("keywords", ("cv:keywords",), "texts"),
        ),
        primary="name",
    ),
    Section(
        key="languages",
        link="knowsLanguage",
        type="Language",
        fields=(
            Field("language", ("name",)),
            Field("fluency", ("cv:fluency",)),
        ),
        primary="language",
    ),
    Section(
        key="interests",
        link="cv:interest",
        type="Thing",
        fields=(
            Field("name", ("name",)),
            Field("keywords", ("cv:keywords",), "texts"),
        ),
        primary="name",
    ),
    Section(
        key="references",
        link="^itemReviewed",
        type="Review",
        nodes={"author": "Person"},
        fields=(
            Field("name", ("author", "name")),
            Field("reference", ("reviewBody",)),
        ),
        primary="reference",
    ),
    Section(
        key="projects",
        link="memberOf",
        type="OrganizationRole",
        nodes={"memberOf": "Project", "memberOf/parentOrganization": "Organization"},
        always=("memberOf",),
        fields=(
            Field("name", ("memberOf", "name")),
            Field("description", ("memberOf", "description")),
            Field("highlights", ("memberOf", "cv:highlights"), "texts"),
            Field("keywords", ("memberOf", "keywords"), "texts"),
            Field("startDate", ("startDate",), "date"),
            Field("endDate", ("endDate",), "date"),
            Field("url", ("memberOf", "url"), "url"),
            Field("roles", ("roleName",), "texts"),
            Field("entity", ("memberOf", "parentOrganization", "name")),
            Field("type", ("memberOf", "cv:projectType")),
        ),
        primary="name",
    ),
)

ORDER = "cv:order"
"""An entry's index in its list (0-based): RDF keeps no order of a property's values."""
EXTRA = "cv:extra"
"""JSON text (an object) of what an entry, profile, location or basics holds beyond the
mapping: unknown keys, and known keys whose value is null, an empty list or an empty object."""
RESUME_EXTRA = "cv:resumeExtra"
"""The same for the résumé's top level (``$schema``, unknown keys, empty or null sections)."""
META = "cv:meta"
"""The résumé's ``meta`` object as JSON text."""
VERSION = "cv:version"
"""The mapping version; marks the person a cvconvert résumé is about."""
MAPPING_VERSION = "1"
ESCAPED = "cv:escaped"
"""Datatype of a literal whose characters RDF/XML cannot hold, escaped reversibly."""

ID_TERMS: frozenset[str] = frozenset({"url", "image", "sameAs"})
"""Terms the schema.org context types as ``@id``: a plain string value is an IRI."""
DATE_TERMS: frozenset[str] = frozenset({"startDate", "endDate", "dateCreated", "datePublished"})
"""Terms the schema.org context types as ``schema:Date``."""


def section(key: str) -> Section:
    """The section record for a key such as ``work`` or ``basics/profiles``."""
    for sec in (*SECTIONS, PROFILES):
        if sec.key == key:
            return sec
    raise KeyError(key)


def terms() -> tuple[list[str], list[str]]:
    """Every predicate and every class the mapping uses (JSON-LD terms), each once, in order."""
    predicates: list[str] = []
    classes: list[str] = [PERSON_TYPE, LOCATION_TYPE]

    def add(name: str, into: list[str]) -> None:
        name = name.lstrip("^")
        if name not in into:
            into.append(name)

    for f in BASICS:
        add(f.path[0], predicates)
    add(LOCATION_LINK, predicates)
    for f in LOCATION:
        add(f.path[0], predicates)
    add(SAME_AS, predicates)
    for sec in (PROFILES, *SECTIONS):
        add(sec.link, predicates)
        add(sec.type, classes)
        for cls in sec.nodes.values():
            add(cls, classes)
        for pred in sec.also.values():
            add(pred, predicates)
        for f in sec.fields:
            for step in f.path:
                add(step, predicates)
    for name in (ORDER, EXTRA, RESUME_EXTRA, META, VERSION):
        add(name, predicates)
    return predicates, classes
