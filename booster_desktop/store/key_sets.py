"""Many keys in one bound value: `column IN (the keys)` without a placeholder per key.

An `IN (?, ?, ...)` list of thousands of keys costs a statement per few thousand (every
database limits bound parameters) and the rendering of each placeholder every time it runs.
Here the keys go as ONE value: a JSON array read by `json_each` on SQLite, an array compared
with `= ANY` on PostgreSQL. One statement, compiled once, whatever the number of keys.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Text, TypeDecorator, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.type_api import TypeEngine
from sqlalchemy.sql.visitors import InternalTraversal


class KeyList(TypeDecorator[Collection[Any]]):
    """Keys bound as one value: JSON text on SQLite, an array of the column's type on
    PostgreSQL."""

    impl = Text
    cache_ok = True

    def __init__(self, element: TypeEngine[Any]) -> None:
        super().__init__()
        self.element = element

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(ARRAY(self.element))
        return dialect.type_descriptor(Text())

    def process_bind_param(self, value: Collection[Any] | None, dialect: Dialect) -> Any:
        keys = list(value or ())
        return keys if dialect.name == "postgresql" else json.dumps(keys)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:  # never read back
        return value


class _InKeys(ColumnElement[bool]):
    """`column` is one of the keys bound under `name`."""

    type = Boolean()
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy's own declaration)
        ("column", InternalTraversal.dp_clauseelement),
        ("keys", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: ColumnElement[Any], name: str) -> None:
        self.column = column
        self.keys = bindparam(name, type_=KeyList(column.type))


def in_keys(column: ColumnElement[Any], name: str = "keys") -> ColumnElement[bool]:
    """`column IN (keys)`, the keys given at execution as one list under `name`."""
    return _InKeys(column, name)


@compiles(_InKeys)
def _json_each(element: _InKeys, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    return f"{column} IN (SELECT value FROM json_each({compiler.process(element.keys, **kw)}))"


@compiles(_InKeys, "postgresql")
def _any(element: _InKeys, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    return f"{column} = ANY({compiler.process(element.keys, **kw)})"
