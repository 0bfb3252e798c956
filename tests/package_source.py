"""The package's own source, for tests of rules read from the code (one helper where a rule
wants every caller to go through it; a type where strict mypy would accept `Any`)."""

from __future__ import annotations

from pathlib import Path

import booster_desktop

PACKAGE = Path(booster_desktop.__file__).parent


def modules(*, but: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Every Python module of the package as (path below the package, text), in path order,
    without those named in `but` (paths below the package, such as "store/chunks.py")."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name not in but:
            found.append((name, path.read_text(encoding="utf-8")))
    return found
