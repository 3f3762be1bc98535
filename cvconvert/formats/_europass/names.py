"""People's names and profile links, as both Europass dialects split and join them."""

from __future__ import annotations

import re
from typing import Any

# --- names ---------------------------------------------------------------------------------


def split_name(name: str) -> tuple[str, str]:
    """Given names and family name: the family name is the last word, as the portal's export has it.

    When joining the two parts with one space would not give the same text back (no space,
    spaces at the ends or in a row), the whole name goes into the given name.
    """
    given, _, family = name.rpartition(" ")
    if given and family and join_name(given, family) == name and not given.endswith(" ") and given.strip() == given:
        return given, family
    return name, ""


def join_name(given: str | None, family: str | None) -> str | None:
    """The one-line name from its parts (None when both are empty)."""
    parts = [p for p in (given, family) if p]
    return " ".join(parts) if parts else None


# Sites whose profile links end in the user name (github.com/<name>, linkedin.com/in/<name>).
_PROFILE_HOSTS = frozenset(
    {
        "github.com", "gitlab.com", "bitbucket.org", "linkedin.com", "twitter.com", "x.com", "instagram.com",
        "facebook.com", "medium.com", "dev.to", "behance.net", "dribbble.com", "codepen.io", "keybase.io",
        "t.me", "threads.net", "tiktok.com", "youtube.com", "hackerrank.com", "leetcode.com", "kaggle.com",
        "npmjs.com", "hub.docker.com", "huggingface.co", "soundcloud.com", "vimeo.com", "twitch.tv", "bsky.app",
    }
)  # fmt: skip
_SEGMENT = re.compile(r"@?[\w.\-]+")


def link_profile(prof: dict[str, Any], url: str) -> None:
    """A profile's link into ``prof``, with the user name the link ends in when it names one."""
    prof["url"] = url
    username = username_in(url)
    if username is not None:
        prof["username"] = username


def username_in(url: str) -> str | None:
    """The user name a profile link ends in (``https://github.com/lea`` -> "lea"), or None.

    Only links of well-known sites, and links whose last part starts with "@" (Mastodon,
    Medium), count: elsewhere the last part of a link is seldom a user name.
    """
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.query or parts.fragment or not parts.netloc:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if not segments or not _SEGMENT.fullmatch(segments[-1]):
        return None
    last = segments[-1]
    host = parts.netloc.lower().removeprefix("www.")
    if last.startswith("@"):
        return last[1:] or None
    return last if host in _PROFILE_HOSTS else None
