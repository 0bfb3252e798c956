"""The benchmark rows, one module per area (`programme_file.py`, later `window.py`, ...).

Every module in this package is imported by `load_rows()`, so a new area is a new file here
whose functions carry `@row(...)`; the table lists rows by module name, then as defined.
"""

from __future__ import annotations

import importlib
import pkgutil


def load_rows() -> None:
    """Import every row module (each registers its rows with `bench.harness.row`)."""
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{module.name}")
