"""Long lists of keys asked for a piece at a time.

An `IN (...)` list binds one parameter per key, and every database limits how many a
statement may carry (SQLite's default build 32,766, older builds 999; PostgreSQL 65,535).
Pieces of 500 keep far below all of them, whatever the number of keys. Where one statement
must take every key at once, `store/key_sets.py` binds them as a single value instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

# Far below every database's limit on bound parameters.
CHUNK = 500

_T = TypeVar("_T")


def chunks(values: Sequence[_T]) -> Iterator[Sequence[_T]]:
    """`values` in consecutive pieces of at most `CHUNK`, in order (none for no values)."""
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]
