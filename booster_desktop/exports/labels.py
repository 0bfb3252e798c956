"""The words printed on documents, looked up in one message catalogue.

Every printed label ("Tour", "Host", a role) goes through `_()`, so that a translation can be
installed later (`use_catalogue`) without touching the code that draws.
"""

from __future__ import annotations

from collections.abc import Mapping

_catalogue: dict[str, str] = {}


def use_catalogue(messages: Mapping[str, str]) -> None:
    """Print in another language from now on: `messages` maps each English label to its text."""
    _catalogue.clear()
    _catalogue.update(messages)


def _(message: str) -> str:
    """`message` in the printing language (English when no translation is installed)."""
    return _catalogue.get(message, message)


# The labels badges print, so that a translator finds them all in one place.
ROLES = {
    "expert": "Expert",
    "speaker": "Speaker",
    "host_contact": "Host",
}
