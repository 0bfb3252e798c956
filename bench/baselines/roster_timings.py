"""The roster workbook in-process: ours beside a bare openpyxl write-only loop of the same cells.

    python roster_timings.py FILE SCRATCH

Ours: `services.rosters.export_roster` on the whole programme (read every sheet's records,
lay the workbook out with the project's writer, write it aside and rename it). Bare: openpyxl
in write-only mode appending the same values, sheet by sheet (dates and times with the same
number formats), then saving; the values are gathered beforehand, untimed, so the bare side
pays only for writing. Both after one untimed run. Prints one JSON object of seconds, and
our peak resident memory in MB (Linux and macOS; measured before the bare side runs).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from booster_desktop.exports.roster_xlsx import roster_sheets
from booster_desktop.exports.spreadsheet_writer import NUMBER_FORMATS, Sheet
from booster_desktop.services.programme import open_programme
from booster_desktop.services.rosters import export_roster, roster


def bare(sheets: list[Sheet], out: Path) -> None:
    book = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = book.create_sheet(sheet.name)
        formats = [NUMBER_FORMATS.get(c.kind) for c in sheet.columns]
        worksheet.append([c.heading for c in sheet.columns])
        for values in [*sheet.rows, *sheet.below]:
            row: list[Any] = []
            for value, number_format in zip(values, formats, strict=False):
                if number_format is not None and value is not None and not isinstance(value, int):
                    cell = WriteOnlyCell(worksheet, value)
                    cell.number_format = number_format
                    row.append(cell)
                else:
                    row.append(value)
            worksheet.append(row)
    book.save(out)


def main(path: str, scratch: str) -> None:
    folder = Path(scratch)
    with open_programme(Path(path)) as programme:
        export_roster(programme, folder / "warm.xlsx")
        start = time.perf_counter()
        export_roster(programme, folder / "ours.xlsx")
        ours = time.perf_counter() - start
        # The process's peak so far: ours only (the bare side has not run yet).
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sheets = roster_sheets(roster(programme))
    bare(sheets, folder / "warm-bare.xlsx")
    start = time.perf_counter()
    bare(sheets, folder / "bare.xlsx")
    cells = sum(len(s.columns) * (1 + len(s.rows) + len(s.below)) for s in sheets)
    print(
        json.dumps(
            {"ours": ours, "bare": time.perf_counter() - start, "cells": cells, "peak_mb": peak}
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
