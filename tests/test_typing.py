"""Typing rules strict mypy cannot see: a parameter typed `Any` is checked for nothing."""

from __future__ import annotations

import ast

from tests.package_source import modules


def test_no_function_takes_a_connection_typed_any() -> None:
    """A database connection is typed as what it is (SQLAlchemy's `Connection`, or the
    driver's): typed `Any`, a call with the wrong object (an engine, a session, a journal's
    SQLite connection) passes mypy and fails at run time, on a door, mid-send."""
    found: list[str] = []
    for name, source in modules():
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            arguments = node.args
            for argument in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
                annotation = argument.annotation
                if (
                    "connection" in argument.arg
                    and annotation is not None
                    and ast.unparse(annotation) in {"Any", "object", "typing.Any"}
                ):
                    found.append(f"{name}:{node.lineno} {node.name}")
    assert found == []
