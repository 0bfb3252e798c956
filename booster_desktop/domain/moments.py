"""Moments written as text that must carry their offset from UTC.

Plain Python, no SQLAlchemy: the notices of live windows read their time with it, and opening
a programme must not load the ORM for them.
"""

from __future__ import annotations

from datetime import datetime


class NoOffset(ValueError):  # noqa: N818 (a kind of ValueError, as its callers catch it)
    """A moment written without its offset from UTC."""


def moment_with_offset(value: object) -> datetime:
    """A moment written as ISO 8601 text that must carry its offset from UTC (one kept in a
    door's files, or sent between laptops: a naive one cannot be compared with the others).

    TypeError when `value` is not text, ValueError when it is not a moment, `NoOffset` (a
    ValueError) when it has no offset: each caller says the problem in its own terms."""
    if not isinstance(value, str):
        raise TypeError("not a text")
    moment = datetime.fromisoformat(value)
    if moment.utcoffset() is None:
        raise NoOffset("a time without its offset")
    return moment
