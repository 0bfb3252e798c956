"""Reading the spreadsheets people make: .xlsx, .csv, and (through calamine) .xls and .ods.

`open_workbook` gives a `Workbook` (a context manager: close it, and the coordinator can save
the file in Excel again); its sheets yield `(row number as the sheet shows it, [values])`,
streaming. A workbook stays open between reading the header and importing, because openpyxl
reads a whole sheet to size it each time one is opened when the file does not say its size.
Whole-file problems (not a spreadsheet, a password, a missing sheet, past a size limit)
are one BoosterError naming the file; problems of a row are the importer's. Sizes are checked
before any parsing (see `source_limits`); a merged cell's value is given to every cell it
covers, as the user sees it; what read-only reading hides (hidden rows, formulas with no
saved value) is in each sheet's `details` once its rows are read.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import N_, _
from booster_desktop.services import encodings
from booster_desktop.services.source_limits import (
    MAX_ROWS,
    check_source,
    check_zip,
    too_many_rows,
)
from booster_desktop.services.xlsx_scan import (
    Merged,
    SheetDetails,
    parse_worksheet,
    scan_ods,
    scan_worksheet,
)

# An encrypted Office file is an OLE2 compound file, not a zip, whatever its suffix says.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
CSV_SAMPLE = 1 << 20

Cell = Any
Rows = Generator[tuple[int, list[Cell]], None, None]


def _refuse(path: Path, reason: str) -> BoosterError:
    return BoosterError(_("{path}: {reason}").format(path=path, reason=reason))


def _damaged_xml_errors() -> tuple[type[BaseException], ...]:
    """What the XML parsers raise on a cut-short, malformed or hostile (entities, DTD) part."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException

    return (ParseError, DefusedXmlException)


_DAMAGED_WORKBOOK = N_(
    "is a damaged or unsafe workbook (its XML cannot be read safely); open "
    "it in Excel or LibreOffice and save it again"
)


def _guarded_rows(path: Path, rows: Rows) -> Rows:
    try:
        yield from rows
    except _damaged_xml_errors():
        raise _refuse(path, _(_DAMAGED_WORKBOOK)) from None


class Sheet:
    """One sheet of an open workbook (or the one table of a CSV file)."""

    def __init__(self, workbook: Workbook, name: str | None) -> None:
        self.workbook = workbook
        self.name = name
        self.rows_hint = 0  # how many rows the sheet says it has, once reading started
        # Hidden rows, merged ranges, formulas with no saved value: known once read.
        self.details = SheetDetails()

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

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        self.path = path
        check_source(path)
        self.kind = _kind(path)
        self._book: Any = None
        self._sheets: dict[str | None, Any] = {}
        self._details: dict[str | None, SheetDetails] = {}
        self._scans: dict[str, SheetDetails] = {}
        self._ods: dict[str, SheetDetails] | None = None
        # A CSV file's encoding, and the others its bytes fit as well (the importer decides
        # between those by content); forced by the user, it is never second-guessed.
        self.encoding_guess = encodings.Guess("", ())
        if self.kind == "csv":
            self.names: tuple[str, ...] = ()
            self.encoding_guess = _csv_guess(path, encoding)
        elif self.kind == "xlsx":
            check_zip(path)
            # Every sheet's rows are counted before openpyxl opens the workbook: sizing a
            # sheet without a stated size, it keeps an element for every row it passes.
            self._scans = {
                part: scan_worksheet(path, part, None, parse=False) for part in _sheet_parts(path)
            }
            self._book = _load_xlsx(path)
            self.names = tuple(self._book.sheetnames)
        else:
            if path.suffix.lower() == ".ods":
                check_zip(path)
                # calamine unrolls repeated rows into memory and reports neither hidden
                # rows nor merged cells of an .ods: counted and found here first.
                self._ods = scan_ods(path)
            self._book = _calamine(path)
            self.names = tuple(self._book.sheet_names)

    @property
    def encoding(self) -> str:
        return self.encoding_guess.encoding

    def sheets(self) -> list[Sheet]:
        if not self.names:
            return [Sheet(self, None)]
        return [Sheet(self, name) for name in self.names]

    def read(self, sheet: Sheet, encoding: str | None = None) -> Rows:
        """The sheet's rows; a CSV file in `encoding` when given (to compare decodings)."""
        if self.kind == "csv":
            return _csv_rows(self.path, encoding or self.encoding)
        if self.kind == "xlsx":
            return _guarded_rows(self.path, self._xlsx_rows(sheet))
        return _guarded_rows(self.path, self._calamine_rows(sheet))

    def _xlsx_rows(self, sheet: Sheet) -> Rows:
        if sheet.name not in self._sheets:
            self._sheets[sheet.name] = self._book[sheet.name or self.names[0]]
        worksheet = self._sheets[sheet.name]
        if sheet.name not in self._details:
            # Before openpyxl reads a row: a sheet of millions of rows is refused here.
            part = str(getattr(worksheet, "_worksheet_path", "")).lstrip("/")
            details = self._scans.get(part) or (
                scan_worksheet(self.path, part, sheet.name) if part else SheetDetails()
            )
            if part:
                parse_worksheet(self.path, part, details)
            self._details[sheet.name] = details
        sheet.details = self._details[sheet.name]
        sheet.rows_hint = sheet.details.rows
        # Files written by other programs may state wrong dimensions: read what is there.
        worksheet.reset_dimensions()
        rows = enumerate(worksheet.iter_rows(min_row=1, values_only=True), 1)
        yield from _fill_merged(((n, list(v)) for n, v in rows), sheet.details.merged)

    def _calamine_rows(self, sheet: Sheet) -> Rows:
        data = self._book.get_sheet_by_name(sheet.name or self.names[0])
        if data.height > MAX_ROWS:
            raise too_many_rows(self.path, data.height, sheet.name)
        merged = [
            Merged(top + 1, left, bottom + 1, right)
            for (top, left), (bottom, right) in (data.merged_cell_ranges or ())
        ]
        if self._ods is not None:
            sheet.details = self._ods.get(sheet.name or self.names[0], SheetDetails())
        else:
            sheet.details = SheetDetails(rows=data.height, merged=merged)
        rows = data.to_python(skip_empty_area=False)
        sheet.rows_hint = len(rows)
        yield from _fill_merged(
            (
                (number, [None if value == "" else value for value in values])
                for number, values in enumerate(rows, 1)
            ),
            sheet.details.merged,
        )

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


def open_workbook(path: Path, encoding: str | None = None) -> Workbook:
    """Open a source file, refusing with a clear line what cannot be read; a CSV file is
    read in `encoding` when given, else in the encoding its bytes and content show."""
    try:
        return Workbook(Path(path), encoding)
    except _damaged_xml_errors():
        raise _refuse(Path(path), _(_DAMAGED_WORKBOOK)) from None


def _sheet_parts(path: Path) -> list[str]:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as error:
        raise _refuse(path, _("is a damaged workbook ({error})").format(error=error)) from None
    return [
        name
        for name in names
        if name.startswith("xl/worksheets/") and name.endswith(".xml") and name.count("/") == 2
    ]


def _fill_merged(rows: Iterable[tuple[int, list[Cell]]], merged: list[Merged]) -> Rows:
    """Each cell a merged range covers gets the range's value, as the sheet shows it."""
    if not merged:
        yield from rows
        return
    pending = sorted(merged, key=lambda m: m.first_row)
    at = 0
    active: list[tuple[Merged, Cell]] = []
    for number, values in rows:
        while at < len(pending) and pending[at].first_row <= number:
            m = pending[at]
            at += 1
            first = m.first_row == number and m.first_column < len(values)
            active.append((m, values[m.first_column] if first else None))
        if active:
            active = [(m, value) for m, value in active if m.last_row >= number]
        for m, value in active:
            if value is None:
                continue
            if len(values) <= m.last_column:
                values.extend([None] * (m.last_column + 1 - len(values)))
            for column in range(m.first_column, m.last_column + 1):
                if (number, column) != (m.first_row, m.first_column):
                    values[column] = value
        yield number, values


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
        raise _refuse(path, _("no such file")) from None
    except IsADirectoryError:
        raise _refuse(path, _("is a folder, not a spreadsheet file")) from None
    except OSError as error:
        raise _refuse(
            path, _("cannot be read ({value})").format(value=error.strerror or error)
        ) from None
    if suffix == ".csv":
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        if magic.startswith(OLE2_MAGIC):
            raise _refuse(
                path,
                _(
                    "is a password-protected workbook; remove the password in Excel (File "
                    "> Info > Protect Workbook) and save it again"
                ),
            )
        if not magic.startswith(ZIP_MAGIC):
            raise _refuse(path, _("is not an Excel workbook (.xlsx), though its name says so"))
        return "xlsx"
    if suffix in (".xls", ".ods"):
        return "calamine"
    raise _refuse(
        path,
        _("is not a spreadsheet this can read ({value}); save it as .xlsx or .csv").format(
            value=suffix or _("no suffix")
        ),
    )


# -- .xlsx (openpyxl, read-only) ----------------------------------------------------------------


_UNSIZED = threading.Lock()


@contextmanager
def _without_sizing() -> Iterator[None]:
    """Open read-only sheets without openpyxl's sizing pass.

    Opening a sheet that does not state its size (workbooks written by scripts, openpyxl's
    own write-only mode), openpyxl parses all of it to find the size, keeping an element for
    every row: as long as reading the rows, and 500 MB for a sheet of millions of empty
    rows. Our own pass has counted the rows, and reading ignores stated sizes (they may be
    wrong), so the sizing is skipped. Should openpyxl change, it runs as before.
    """
    try:
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    except ImportError:  # pragma: no cover - a future openpyxl
        yield
        return
    sizing = getattr(ReadOnlyWorksheet, "_get_size", None)
    if sizing is None:  # pragma: no cover - a future openpyxl
        yield
        return
    with _UNSIZED:
        ReadOnlyWorksheet._get_size = lambda self: None
        try:
            yield
        finally:
            ReadOnlyWorksheet._get_size = sizing


def _load_xlsx(path: Path) -> Any:
    import zipfile

    from openpyxl import load_workbook

    try:
        # data_only: a formula cell gives the value the spreadsheet program saved, never
        # evaluated here. defusedxml, when installed, guards the XML parsing.
        with _without_sizing():
            return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise _refuse(path, _("is a damaged workbook ({error})").format(error=error)) from None
    except Exception as error:  # openpyxl raises many types for broken files
        raise _refuse(
            path,
            _("is a damaged workbook ({kind}: {error})").format(
                kind=type(error).__name__, error=error
            ),
        ) from None


# -- .xls and .ods (calamine) -------------------------------------------------------------------


def _calamine(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine's errors name the problem, not a type to catch
        text = str(error)
        if "password" in text.lower() or "encrypt" in text.lower():
            raise _refuse(
                path, _("is password-protected; remove the password, save again")
            ) from None
        raise _refuse(
            path, _("cannot be read as a spreadsheet ({text}); save it as .xlsx").format(text=text)
        ) from None


# -- .csv ---------------------------------------------------------------------------------------


def _csv_guess(path: Path, forced: str | None) -> encodings.Guess:
    if forced:
        return encodings.Guess(encodings.check_encoding(forced), (forced,), forced=True)
    with path.open("rb") as raw:
        found = encodings.guess(raw)
    if not found.encoding:
        raise _refuse(path, _("is not a text (CSV) file"))
    return found


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


def _csv_rows(path: Path, encoding: str) -> Rows:
    with path.open("rb") as raw:
        sample = raw.read(CSV_SAMPLE)
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=encoding, newline="")
        dialect = _csv_dialect(sample.decode(encoding, errors="replace")[:20_000])
        reader = csv.reader(stream, dialect)
        try:
            previous_line = 0
            for count, values in enumerate(reader, 1):
                if count > MAX_ROWS:
                    raise too_many_rows(path, count)
                # The sheet's row number is the line the row starts on (a cell may hold
                # line breaks), as a spreadsheet program opening the file would number it.
                yield previous_line + 1, [value if value != "" else None for value in values]
                previous_line = reader.line_num
        except UnicodeDecodeError:
            raise _refuse(
                path,
                _(
                    "line {value} is not {encodings} text; save the file as CSV UTF-8 "
                    "({SAVE_AS_UTF8})"
                ).format(
                    value=reader.line_num + 1,
                    encodings=encodings.describe(encoding),
                    SAVE_AS_UTF8=_(encodings.SAVE_AS_UTF8),
                ),
            ) from None
        except csv.Error as error:
            raise _refuse(
                path, _("line {line_num}: {error}").format(line_num=reader.line_num, error=error)
            ) from None
