"""Reading the spreadsheets people make: .xlsx, .csv, and (through calamine) .xls and .ods.

Every reader yields `(row number as the sheet shows it, [cell values])`, streaming, and
closes its file when done, so the coordinator can still save the workbook in Excel. Whole-file
problems (not a spreadsheet, a password, a missing sheet) are one BoosterError naming the
file; problems of a row are the importer's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from booster_desktop.domain.errors import BoosterError

# An encrypted Office file is an OLE2 compound file, not a zip, whatever its suffix says.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
CSV_SAMPLE = 1 << 20

Cell = Any


@dataclass(frozen=True)
class Sheet:
    """One sheet of a source: where it comes from, its name, and how to read its rows."""

    path: Path
    name: str | None  # None for a CSV file
    names: tuple[str, ...]  # every sheet of the workbook, for messages and the wizard
    rows_hint: int  # rows the sheet says it has (0 when unknown)

    def rows(self) -> Generator[tuple[int, list[Cell]], None, None]:
        suffix = self.path.suffix.lower()
        if suffix == ".csv":
            yield from _csv_rows(self.path)
        elif suffix in (".xlsx", ".xlsm"):
            yield from _xlsx_rows(self.path, self.name)
        else:
            yield from _calamine_rows(self.path, self.name)


def _refuse(path: Path, reason: str) -> BoosterError:
    return BoosterError(f"{path}: {reason}")


def _magic(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(8)
    except FileNotFoundError:
        raise _refuse(path, "no such file") from None
    except IsADirectoryError:
        raise _refuse(path, "is a folder, not a spreadsheet") from None
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror or error})") from None


def sheet_names(path: Path) -> tuple[str, ...]:
    """The sheets of a workbook (none for a CSV file), refusing what cannot be read."""
    suffix = path.suffix.lower()
    magic = _magic(path)
    if suffix == ".csv":
        return ()
    if suffix in (".xlsx", ".xlsm"):
        if magic.startswith(OLE2_MAGIC):
            raise _refuse(
                path,
                "is a password-protected workbook; remove the password in Excel "
                "(File > Info > Protect Workbook) and save it again",
            )
        if not magic.startswith(ZIP_MAGIC):
            raise _refuse(path, "is not an Excel workbook (.xlsx), though its name says so")
        return tuple(_xlsx_sheet_names(path))
    if suffix in (".xls", ".ods"):
        return tuple(_calamine_sheet_names(path))
    raise _refuse(
        path,
        f"is not a spreadsheet this can read ({suffix or 'no suffix'}); save it as .xlsx or .csv",
    )


def open_sheets(path: Path) -> list[Sheet]:
    """Every sheet of the source, in workbook order (one for a CSV file)."""
    names = sheet_names(path)
    if not names:
        return [Sheet(path, None, (), 0)]
    hints = _row_hints(path, names)
    return [Sheet(path, name, names, hints.get(name, 0)) for name in names]


# -- .xlsx (openpyxl, read-only) ----------------------------------------------------------------


def _load_xlsx(path: Path) -> Any:
    import zipfile

    from openpyxl import load_workbook

    try:
        # data_only: a formula cell gives the value the spreadsheet program saved, never
        # evaluated here. defusedxml, when installed, guards the XML parsing.
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise _refuse(path, f"is a damaged workbook ({error})") from None
    except Exception as error:  # openpyxl raises many types for broken files
        raise _refuse(path, f"is a damaged workbook ({type(error).__name__}: {error})") from None


def _xlsx_sheet_names(path: Path) -> list[str]:
    workbook = _load_xlsx(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _row_hints(path: Path, names: tuple[str, ...]) -> dict[str, int]:
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return {}
    workbook = _load_xlsx(path)
    try:
        return {name: int(workbook[name].max_row or 0) for name in names}
    finally:
        workbook.close()


def _xlsx_rows(path: Path, name: str | None) -> Generator[tuple[int, list[Cell]], None, None]:
    workbook = _load_xlsx(path)
    try:
        sheet = workbook[name] if name is not None else workbook.worksheets[0]
        # Files written by other programs may state wrong dimensions: read what is there.
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1):
            yield number, list(values)
    finally:
        workbook.close()


# -- .xls and .ods (calamine) -------------------------------------------------------------------


def _calamine(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine's errors name the problem, not a type to catch
        text = str(error)
        if "password" in text.lower() or "encrypt" in text.lower():
            raise _refuse(
                path, "is password-protected; remove the password and save it again"
            ) from None
        raise _refuse(path, f"cannot be read as a spreadsheet ({text}); save it as .xlsx") from None


def _calamine_sheet_names(path: Path) -> list[str]:
    return list(_calamine(path).sheet_names)


def _calamine_rows(path: Path, name: str | None) -> Generator[tuple[int, list[Cell]], None, None]:
    workbook = _calamine(path)
    sheet = workbook.get_sheet_by_name(name or workbook.sheet_names[0])
    for number, values in enumerate(sheet.to_python(skip_empty_area=False), 1):
        yield number, [None if value == "" else value for value in values]


# -- .csv ---------------------------------------------------------------------------------------


def _csv_encoding(sample: bytes) -> str:
    """UTF-8 (with or without BOM) when the sample decodes as such, else Windows-1252."""
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if error.start < len(sample) - 3:
            return "cp1252"
    return "utf-8"


def _csv_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text, delimiters=",;\t")
    except csv.Error:
        # One column, or too little text to tell: count the candidates on the first lines.
        head = text.splitlines()[:20]
        best = max(",;\t", key=lambda d: sum(line.count(d) for line in head))

        class Guessed(csv.excel):
            delimiter = best

        return Guessed


def _csv_rows(path: Path) -> Generator[tuple[int, list[Cell]], None, None]:
    with path.open("rb") as raw:
        sample = raw.read(CSV_SAMPLE)
        if b"\x00" in sample[:4096]:
            raise _refuse(path, "is not a text (CSV) file")
        encoding = _csv_encoding(sample)
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=encoding, newline="")
        dialect = _csv_dialect(sample.decode(encoding, errors="replace")[:20_000])
        reader = csv.reader(stream, dialect)
        try:
            previous_line = 0
            for values in reader:
                # The sheet's row number is the line the row starts on (a cell may hold
                # line breaks), as a spreadsheet program opening the file would number it.
                yield previous_line + 1, [value if value != "" else None for value in values]
                previous_line = reader.line_num
        except UnicodeDecodeError:
            raise _refuse(
                path,
                f"line {reader.line_num + 1} is not {encoding} text; save the file as UTF-8 CSV",
            ) from None
        except csv.Error as error:
            raise _refuse(path, f"line {reader.line_num}: {error}") from None
