"""Plain rules for text people type: names, e-mail addresses, comparison keys."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Deliberately simple: one @, no spaces, a dot in the domain. Stricter rules refuse real addresses.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def clean(value: str | None) -> str:
    """Trim, collapse runs of white space, and compose accents (NFC), keeping the script as is."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", _SPACES.sub(" ", value).strip())


def fold(value: str | None) -> str:
    """A case-, accent- and space-insensitive key ("Élodie  Hassan" ~ "elodie hassan")."""
    decomposed = unicodedata.normalize("NFKD", clean(value).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_email(value: str) -> bool:
    """Whether `value` looks like an e-mail address a person could receive mail at."""
    return bool(_EMAIL.match(value))


def clean_email(value: str | None) -> str:
    """An e-mail address trimmed and lower-cased (addresses are compared without case)."""
    return clean(value).lower()
