"""Baseline of the `import` row: openpyxl merely reading a workbook in read-only mode.

    python read_xlsx.py SOURCE.xlsx

Opens the workbook read-only, reads every row's values and closes it; prints the row count.
"""

from __future__ import annotations

import sys

from openpyxl import load_workbook


def main(path: str) -> None:
    workbook = load_workbook(path, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = sum(1 for _ in sheet.iter_rows(values_only=True))
    workbook.close()
    print(rows)


if __name__ == "__main__":
    main(sys.argv[1])
