"""How commands write for people and for programs: JSON, aligned tables, progress bars."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any


def print_json(document: Any) -> None:
    """One JSON document on stdout (`--json`)."""
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]]) -> None:
    """Rows as aligned columns under a header; `columns` is (key, heading).

    Cells are made printable: a value typed in the window (a note, a device name) may hold
    terminal escapes, which would otherwise reach the terminal raw."""
    from booster_desktop.services.text_checks import printable

    cells = [[heading for _, heading in columns]]
    cells += [
        ["" if row[key] is None else printable(str(row[key])) for key, _ in columns] for row in rows
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    for line in cells:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        sys.stdout.write("\n")


def copied_rows_and_tables(counts: Mapping[str, int]) -> dict[str, int]:
    """What a push or a pull copied, for its closing line: the rows of the programme's tables
    and how many tables (the schema's version, a table of one row, is not one of them)."""
    tables = {table: count for table, count in counts.items() if table != "alembic_version"}
    return {"rows": sum(tables.values()), "tables": len(tables)}


class TerminalProgress:
    """A tqdm bar on stderr, created on first report, drawn only if the work lasts over 1 s."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, done: int, total: int, what: str) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, delay=1.0, file=sys.stderr, leave=False, unit="step")
        self._bar.total = total
        self._bar.n = done
        self._bar.set_description_str(what)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def terminal_progress(quiet: bool) -> TerminalProgress | None:
    """A progress bar when stderr is a terminal and output is for a person, else None."""
    return None if quiet or not sys.stderr.isatty() else TerminalProgress()
