"""The XML and RDF namespaces the formats read and write, each spelled once.

Plain strings, so that importing this module costs nothing; a tag in Clark notation is
``f"{{{W}}}p"``. Grouped by the standard that defines them.
"""

from __future__ import annotations

# --- W3C --------------------------------------------------------------------------------------

XML = "http://www.w3.org/XML/1998/namespace"
"""The ``xml:`` prefix (``xml:lang``, ``xml:space``), bound in every document."""
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSD = "http://www.w3.org/2001/XMLSchema#"
"""XML Schema datatypes as RDF names them (with the ``#``)."""
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

# --- Dublin Core (document properties) --------------------------------------------------------

DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"

# --- Office Open XML packages (ECMA-376 part 2) -----------------------------------------------

CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
"""The ``<Relationships>`` element of every ``.rels`` part."""
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
REL_CORE_PROPERTIES = PACKAGE_RELS + "/metadata/core-properties"
"""The relationship type of docProps/core.xml (a package relationship type, unlike the rest)."""

# --- Office Open XML documents (ECMA-376 part 1) ----------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""WordprocessingML: ``w:p``, ``w:r``, ``w:t`` ..."""
SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
"""SpreadsheetML: ``sheetData``, ``row``, ``c`` ..."""
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""The ``r:id`` attributes that point into a part's relationships."""
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
"""``r:`` as Strict Open XML spells it."""
REL_TYPES = R + "/"
"""The prefix of relationship types: ``REL_TYPES + "styles"``."""
REL_HYPERLINK = REL_TYPES + "hyperlink"
REL_CUSTOM_XML = REL_TYPES + "customXml"
EXTENDED_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CUSTOM_XML_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"
WORD_COMPAT = "http://schemas.microsoft.com/office/word"
"""The ``w:uri`` of Word's ``compatibilityMode`` setting."""

CVCONVERT_DOCX = "urn:cvconvert:docx:1"
"""Our data part inside a DOCX (``customXml/item1.xml``): the résumé as written."""

# --- Europass ---------------------------------------------------------------------------------

EUROPASS = "http://www.europass.eu/1.0"
"""The current Europass CV (europass.europa.eu, 2020+): the ``Candidate`` document."""
EUROPASS_V3 = "http://europass.cedefop.europa.eu/Europass"
EUROPASS_V2 = "http://europass.cedefop.europa.eu/Europass/V2.0"
"""The legacy Cedefop SkillsPassport V3."""
HR_XML = "http://www.hr-xml.org/3"
OAGIS = "http://www.openapplications.org/oagis/9"
EURES = "http://www.europass_eures.eu/1.0"

# --- linked data ------------------------------------------------------------------------------

SCHEMA = "http://schema.org/"
"""schema.org's namespace as its own context's ``@vocab`` spells it (http, not https)."""
SCHEMA_HTTPS = "https://schema.org/"
"""schema.org as some sites spell it in their ``@vocab``: read as :data:`SCHEMA`."""
CV = "https://cvconvert.dev/ns#"
"""The cvconvert vocabulary: what schema.org cannot say (see schemas/cvconvert-vocab.md)."""
