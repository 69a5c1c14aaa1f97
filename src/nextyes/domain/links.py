"""Links kept with a job (the ad, the posting): only web pages and email addresses.

A `javascript:` or `data:` link in a journal would run or show whatever it holds when clicked,
so such links are refused on the way in and never rendered as links on the way out.
"""

from __future__ import annotations

import re

from nextyes.domain.errors import InvalidInput

SAFE_SCHEMES = ("http", "https", "mailto")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")  # what browsers drop from a scheme before reading it
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


def link_scheme(text: str) -> str | None:
    """The scheme a browser would read from `text` (None for a link without one)."""
    m = _SCHEME.match(_INVISIBLE.sub("", text))
    return m[1].lower() if m else None


def is_safe_link(text: str | None) -> bool:
    """Whether `text` may be rendered as a link: http(s) or mailto, nothing else."""
    return bool(text) and link_scheme(str(text)) in SAFE_SCHEMES


def check_link(text: str | None) -> str | None:
    """A link as kept: trimmed, "https://" added to a bare address such as jobs.example.com/42,
    and refused (InvalidInput) when it is anything but a web page or an email address."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    scheme = link_scheme(value)
    if scheme is None:
        if value.startswith("//"):
            return "https:" + value
        if re.match(r"^[\w.-]+\.[a-z]{2,}(?:[/:?#]|$)", value, re.IGNORECASE):
            return "https://" + value
    elif scheme in SAFE_SCHEMES and not _INVISIBLE.search(value.split(":", 1)[0]):
        return value
    raise InvalidInput(
        f"'{value[:80]}' is not a web link nextyes can keep. Give the job ad's address as it "
        "shows in your browser, starting with https:// (or mailto: for an email address)."
    )
