"""Plain rules for text people type: names, e-mail addresses, comparison keys."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Combining marks dropped by `fold`: Latin accents (and their extensions) and Arabic harakat.
# A regex, not a per-character loop: search keys for 10,000 managers are built at start-up.
_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u064b-\u065f\u0670]"
)
# Deliberately simple: one @, no spaces, a dot in the domain. Stricter rules refuse real addresses.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def clean(value: str | None) -> str:
    """Trim, collapse runs of white space, and compose accents (NFC), keeping the script as is."""
    if value is None:
        return ""
    text = " ".join(value.split())  # str.split: every run of white space, without a regex
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def fold(value: str | None) -> str:
    """A case-, accent- and space-insensitive key ("Élodie  Hassan" ~ "elodie hassan")."""
    text = clean(value)
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))


def is_email(value: str) -> bool:
    """Whether `value` looks like an e-mail address a person could receive mail at."""
    return bool(_EMAIL.match(value))


def clean_email(value: str | None) -> str:
    """An e-mail address trimmed and lower-cased (addresses are compared without case)."""
    return clean(value).lower()
