"""Reading the spreadsheets people make: .xlsx, .csv, and (through calamine) .xls and .ods.

`open_workbook` gives a `Workbook` (a context manager: close it, and the coordinator can save
the file in Excel again); its sheets yield `(row number as the sheet shows it, [values])`,
streaming. A workbook stays open between reading the header and importing, because openpyxl
reads a whole sheet to size it each time one is opened when the file does not say its size.
Whole-file problems (not a spreadsheet, a password, a missing sheet) are one BoosterError
naming the file; problems of a row are the importer's.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Generator
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from booster_desktop.domain.errors import BoosterError

# An encrypted Office file is an OLE2 compound file, not a zip, whatever its suffix says.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
CSV_SAMPLE = 1 << 20

Cell = Any
Rows = Generator[tuple[int, list[Cell]], None, None]


def _refuse(path: Path, reason: str) -> BoosterError:
    return BoosterError(f"{path}: {reason}")


class Sheet:
    """One sheet of an open workbook (or the one table of a CSV file)."""

    def __init__(self, workbook: Workbook, name: str | None) -> None:
        self.workbook = workbook
        self.name = name
        self.rows_hint = 0  # how many rows the sheet says it has, once reading started

    @property
    def path(self) -> Path:
        return self.workbook.path

    @property
    def names(self) -> tuple[str, ...]:
        return self.workbook.names

    def rows(self) -> Rows:
        return self.workbook.read(self)


class Workbook:
    """An open source file: its sheets, read as often as needed, closed once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kind = _kind(path)
        self._book: Any = None
        self._sheets: dict[str | None, Any] = {}
        if self.kind == "csv":
            self.names: tuple[str, ...] = ()
        elif self.kind == "xlsx":
            self._book = _load_xlsx(path)
            self.names = tuple(self._book.sheetnames)
        else:
            self._book = _calamine(path)
            self.names = tuple(self._book.sheet_names)

    def sheets(self) -> list[Sheet]:
        if not self.names:
            return [Sheet(self, None)]
        return [Sheet(self, name) for name in self.names]

    def read(self, sheet: Sheet) -> Rows:
        if self.kind == "csv":
            return _csv_rows(self.path)
        if self.kind == "xlsx":
            return self._xlsx_rows(sheet)
        return self._calamine_rows(sheet)

    def _xlsx_rows(self, sheet: Sheet) -> Rows:
        if sheet.name not in self._sheets:
            self._sheets[sheet.name] = self._book[sheet.name or self.names[0]]
        worksheet = self._sheets[sheet.name]
        sheet.rows_hint = int(worksheet.max_row or 0)
        # Files written by other programs may state wrong dimensions: read what is there.
        worksheet.reset_dimensions()
        for number, values in enumerate(worksheet.iter_rows(min_row=1, values_only=True), 1):
            yield number, list(values)

    def _calamine_rows(self, sheet: Sheet) -> Rows:
        data = self._book.get_sheet_by_name(sheet.name or self.names[0])
        rows = data.to_python(skip_empty_area=False)
        sheet.rows_hint = len(rows)
        for number, values in enumerate(rows, 1):
            yield number, [None if value == "" else value for value in values]

    def close(self) -> None:
        if self.kind == "xlsx" and self._book is not None:
            self._book.close()
        self._book = None
        self._sheets.clear()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_workbook(path: Path) -> Workbook:
    """Open a source file, refusing with a clear line what cannot be read."""
    return Workbook(Path(path))


def sheet_names(path: Path) -> tuple[str, ...]:
    """The sheets of a workbook (none for a CSV file), refusing what cannot be read."""
    with open_workbook(path) as workbook:
        return workbook.names


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as stream:
            magic = stream.read(8)
    except FileNotFoundError:
        raise _refuse(path, "no such file") from None
    except IsADirectoryError:
        raise _refuse(path, "is a folder, not a spreadsheet") from None
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror or error})") from None
    if suffix == ".csv":
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        if magic.startswith(OLE2_MAGIC):
            raise _refuse(
                path,
                "is a password-protected workbook; remove the password in Excel "
                "(File > Info > Protect Workbook) and save it again",
            )
        if not magic.startswith(ZIP_MAGIC):
            raise _refuse(path, "is not an Excel workbook (.xlsx), though its name says so")
        return "xlsx"
    if suffix in (".xls", ".ods"):
        return "calamine"
    raise _refuse(
        path,
        f"is not a spreadsheet this can read ({suffix or 'no suffix'}); save it as .xlsx or .csv",
    )


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


# -- .xls and .ods (calamine) -------------------------------------------------------------------


def _calamine(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine's errors name the problem, not a type to catch
        text = str(error)
        if "password" in text.lower() or "encrypt" in text.lower():
            raise _refuse(path, "is password-protected; remove the password, save again") from None
        raise _refuse(path, f"cannot be read as a spreadsheet ({text}); save it as .xlsx") from None


# -- .csv ---------------------------------------------------------------------------------------


def _csv_encoding(raw: BinaryIO) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes as such, else Windows-1252.

    The whole file, in chunks: a first accent may stand 60,000 lines down.
    """
    raw.seek(0)
    if raw.read(3) == b"\xef\xbb\xbf":
        return "utf-8-sig"
    raw.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := raw.read(CSV_SAMPLE):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
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


def _csv_rows(path: Path) -> Rows:
    with path.open("rb") as raw:
        sample = raw.read(CSV_SAMPLE)
        if b"\x00" in sample[:4096]:
            raise _refuse(path, "is not a text (CSV) file")
        encoding = _csv_encoding(raw)
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
