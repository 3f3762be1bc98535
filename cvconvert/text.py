"""Rules about text that every writer shares, kept in one place so that the writers agree.

What XML 1.0 can hold, what may become a hyperlink, and which invisible characters reorder
what a reader sees. Pure functions on ``str``; nothing here imports a format's library.
"""

from __future__ import annotations

import re
from typing import Literal

# --- characters XML cannot hold -------------------------------------------------------------

NOT_XML_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
"""XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates, U+FFFE and U+FFFF:
these are the rest, as the inside of a regex character class, for modules that refuse more
(``f"[{NOT_XML_CHARS}\\r]"``)."""
NOT_XML = re.compile(f"[{NOT_XML_CHARS}]")
"""One character XML 1.0 cannot hold."""


def fits_xml(text: str) -> bool:
    """Whether XML 1.0 can hold every character of ``text``."""
    return NOT_XML.search(text) is None


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return text if fits_xml(text) else NOT_XML.sub("", text)


# --- bidirectional controls -----------------------------------------------------------------

BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko... and their
# presentation forms), without U+FEFF, the byte order mark at the end of the last block.
RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
"""Invisible characters that change the order text is shown in: embeddings and overrides
(U+202A-U+202E), isolates (U+2066-U+2069) and marks (U+200E, U+200F, U+061C). In a name they can
make ``evil.exe`` look like ``exe.live``; a file's metadata (its title in a file list) must not
hold them."""


def bidi_controls(text: str) -> list[str]:
    """The distinct bidirectional controls in ``text``, as ``U+202E`` codes, in order of appearance."""
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in BIDI_CONTROLS.findall(text)))


def strip_bidi(text: str) -> str:
    """``text`` without its bidirectional controls."""
    return BIDI_CONTROLS.sub("", text)


# --- hyperlinks -----------------------------------------------------------------------------

MAX_LINK_CHARS = 2000
"""Longer targets stay text: Excel refuses hyperlinks past 2,079 characters, and no real
profile address comes near."""
# Only these schemes become links (SECURITY.md): javascript:, data:, file:, ftp: and the rest
# are run or fetched by the program that opens the document. Printable ASCII only, without the
# characters RFC 3986 never allows raw (Word refuses some such targets; quotes would end the XML
# attribute in a hand-written relationship).
_LINK = re.compile(rf"(?:https?://|mailto:)[!#-;=?-\[\]_a-z~]{{1,{MAX_LINK_CHARS}}}", re.IGNORECASE)
_EMAIL = re.compile(r"[!#-'*+\-./0-9=?A-Z^_a-z~]{1,64}@[A-Za-z0-9.\-]{1,190}\.[A-Za-z]{2,24}")


def link_target(value: str, kind: Literal["url", "email"] = "url") -> str | None:
    """The hyperlink target for a shown URL or e-mail address, or None when it must stay text.

    Only http, https and mailto targets come back. An e-mail address (``kind="email"``, or a URL
    value that is a plain address) gets ``mailto:``; ``www.example.org`` gets ``https://``.
    """
    if _EMAIL.fullmatch(value):
        value = "mailto:" + value
    elif kind == "email" and not value.lower().startswith("mailto:"):
        return None
    elif value.startswith("www."):
        value = "https://" + value
    return value if _LINK.fullmatch(value) else None
