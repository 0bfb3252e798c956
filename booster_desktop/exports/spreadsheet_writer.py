"""The one writer of every spreadsheet the programme hands out: .xlsx (openpyxl) and .csv.

Workbooks are written in openpyxl's write-only mode (fast, and memory stays flat at 10,000
managers), and still are real Excel: each sheet has a frozen header row, an Excel table over
its rows (with its columns declared, or the file does not reopen), column widths that fit
the contents, A4 landscape print setup fitted to the page width with the header row repeated
on every page, the title in the page header and page numbers in the footer; the workbook
carries its title and creation time.

Text that comes from people is never evaluated. openpyxl makes a live formula of any string
starting with "=", and Excel and LibreOffice evaluate cells starting with "+", "-", "@", a
tab or a carriage return when a sheet is re-typed or a CSV file opened (OWASP's CSV
injection advice). In a workbook such text is a forced string cell with Excel's quote
prefix, so it shows as typed and stays text when edited; in a CSV file it is prefixed with
a single quote, as OWASP advises. Control characters that a workbook cannot hold are dropped.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO, Literal

from booster_desktop.exports.files import write_atomically
from booster_desktop.i18n import _

# What Excel or LibreOffice may take for a formula when it starts a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Error literals openpyxl would store as error cells, not text.
ERROR_LITERALS = frozenset(
    ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA")
)
# Characters XML 1.0 cannot hold (openpyxl refuses them); tab, LF and CR are kept.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Text needing no cleaning: no control character, no carriage return.
_PLAIN = re.compile(f"[^\x00-\x08\x0b-\x1f\x7f]{{0,{32_767}}}")
# First characters that make a text worth a closer look (formula, error literal).
_RISKY_FIRST = frozenset("=+-@\t\r#")
# Excel's most characters in a cell.
CELL_LIMIT = 32_767

Kind = Literal["text", "number", "date", "datetime", "time"]
NUMBER_FORMATS: dict[str, str] = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "time": "hh:mm",
}
# Widths in characters: wide enough for a heading, never wider than a readable column.
MIN_WIDTH, MAX_WIDTH = 6.0, 60.0
_WIDTHS = {"date": 11.0, "datetime": 17.0, "time": 7.0}


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its heading (unique in the sheet), what it holds, its width.

    `width` None fits the column to its contents (and heading), within reason.
    """

    heading: str
    kind: Kind = "text"
    width: float | None = None


@dataclass
class Sheet:
    """A sheet to write: its name, columns and rows, and rows below the table (totals)."""

    name: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Any]]
    below: Sequence[Sequence[Any]] = field(default_factory=list)


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could evaluate `text` as a formula (or an error literal)."""
    return text.startswith(FORMULA_STARTS) or text in ERROR_LITERALS


def clean_text(text: str) -> str:
    """`text` without the control characters a workbook cannot hold, within a cell's limit.

    A carriage return becomes a line feed: XML reads a bare CR as a line end anyway, so the
    cell holds what it would show.
    """
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text[:CELL_LIMIT]


def csv_text(value: Any) -> str:
    """A value as a CSV field: text that could be evaluated gets OWASP's single quote first."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date | time):
        return value.isoformat(timespec="minutes") if isinstance(value, time) else value.isoformat()
    text = clean_text(str(value))
    if isinstance(value, str) and (is_formula_like(value) or is_formula_like(text)):
        return "'" + text
    return text


def _width(column: Column, rows: Sequence[Sequence[Any]], index: int) -> float:
    if column.width is not None:
        return column.width
    if column.kind in _WIDTHS:
        return max(_WIDTHS[column.kind], len(column.heading) + 3)
    heading = len(column.heading) + 3  # room for the filter button
    values = [row[index] for row in rows if index < len(row)]
    texts = [v if v.__class__ is str else str(v) for v in values if v is not None]
    longest = max(map(len, texts), default=0)
    if longest < MAX_WIDTH and any("\n" in text for text in texts):
        # A multi-line cell is as wide as its longest line.
        longest = max(len(line) for text in texts for line in text.split("\n"))
    return min(MAX_WIDTH, max(MIN_WIDTH, heading, longest + 1.5))


def _table_name(sheet_name: str, used: set[str]) -> str:
    """A table name Excel accepts (letters, digits, underscores; unique in the workbook)."""
    base = re.sub(r"\W", "_", sheet_name, flags=re.ASCII) or "Table"
    if not (base[0].isalpha() or base[0] == "_"):
        base = f"T_{base}"
    name, number = base, 2
    while name.casefold() in used:
        name, number = f"{base}_{number}", number + 1
    used.add(name.casefold())
    return name


class WorkbookWriter:
    """Sheets added one after another, then the workbook written all at once (or not at all).

    `title` goes into the document properties and every page header. Nothing is laid out
    before `save`: a write-only workbook spills its rows to temporary files as they come,
    which must not outlive a target that turns out to be unwritable.
    """

    def __init__(self, title: str, *, subject: str = "") -> None:
        self.title = title
        self.subject = subject
        self.sheets: list[Sheet] = []

    def add(self, sheet: Sheet) -> None:
        """Add one sheet: header, rows as an Excel table, then the `below` rows."""
        headings = [clean_text(c.heading) for c in sheet.columns]
        if len({h.casefold() for h in headings}) != len(headings):
            raise ValueError(_("sheet {name}: two columns share a heading").format(name=sheet.name))
        self.sheets.append(sheet)

    @property
    def row_count(self) -> int:
        return sum(len(sheet.rows) for sheet in self.sheets)

    def save(self, stream: BinaryIO) -> None:
        """Lay every sheet out and write the workbook to `stream`."""
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        properties = workbook.properties
        properties.title = clean_text(self.title)[:255]
        properties.subject = clean_text(self.subject)[:255] or None
        properties.creator = "Booster Desktop"
        tables: set[str] = set()
        try:
            for sheet in self.sheets:
                _write_sheet(workbook, sheet, self.title, tables)
            workbook.save(stream)
        except BaseException:
            _discard(workbook)
            raise

    def write(self, target: Path) -> None:
        """Write the workbook to `target` (all of it, or nothing)."""
        write_atomically(target, self.save)


def _discard(workbook: Any) -> None:
    """Close and remove what a failed write-only workbook spilled to temporary files."""
    for worksheet in workbook.worksheets:
        rows, writer = getattr(worksheet, "_rows", None), getattr(worksheet, "_writer", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.close()
                writer.cleanup()


def _cell(worksheet: Any, value: Any, kind: Kind) -> Any:
    """A value as written: formula-like text forced to a text cell, dates formatted."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        text = value if _PLAIN.fullmatch(value) and len(value) <= CELL_LIMIT else clean_text(value)
        if text and (is_formula_like(text) or is_formula_like(value)):
            cell = WriteOnlyCell(worksheet)
            cell._value = text  # forced text: never bound as a formula or an error
            cell.data_type = "s"
            cell.quotePrefix = True
            return cell
        return text
    if isinstance(value, datetime | time) and value.tzinfo is not None:
        raise ValueError(_("a spreadsheet holds local wall times: convert to the tour's zone"))
    if kind in NUMBER_FORMATS and isinstance(value, date | time):
        cell = WriteOnlyCell(worksheet, value)
        cell.number_format = NUMBER_FORMATS[kind]
        return cell
    return value


def _write_sheet(workbook: Any, sheet: Sheet, title: str, tables: set[str]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    columns = list(sheet.columns)
    headings = [clean_text(c.heading) for c in columns]
    worksheet = workbook.create_sheet(sheet.name[:31])
    last = get_column_letter(len(columns))
    for index, column in enumerate(columns):
        dimension = worksheet.column_dimensions[get_column_letter(index + 1)]
        dimension.width = _width(column, sheet.rows, index)
    worksheet.freeze_panes = "A2"
    worksheet.print_title_rows = "1:1"
    setup = worksheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = "9"  # A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    # "&" starts a code in a page header: doubled, it prints itself.
    worksheet.oddHeader.center.text = clean_text(f"{title} · {sheet.name}").replace("&", "&&")
    worksheet.oddFooter.center.text = _("Page &P of &N")
    worksheet.oddFooter.right.text = "&D"

    # The table first: write-only sheets take their tables before the rows.
    ending = len(sheet.rows) + 1 if sheet.rows else 2  # a table needs a row under its header
    table = Table(
        displayName=_table_name(sheet.name, tables),
        ref=f"A1:{last}{ending}",
        tableStyleInfo=TableStyleInfo(name="TableStyleLight9", showRowStripes=True),
    )
    table.tableColumns = [
        TableColumn(id=index, name=heading) for index, heading in enumerate(headings, 1)
    ]
    table.autoFilter = AutoFilter(ref=table.ref)
    with warnings.catch_warnings():  # the columns are declared above
        warnings.simplefilter("ignore", UserWarning)
        worksheet.add_table(table)

    bold, wrap = Font(bold=True), Alignment(vertical="top", wrap_text=True)
    header = []
    for heading in headings:
        cell = WriteOnlyCell(worksheet, heading)
        cell.font = bold
        cell.alignment = wrap
        header.append(cell)
    worksheet.append(header)
    # The hot loop (every cell of 10,000 managers): only values that need care become cells.
    dated = [(i, c.kind) for i, c in enumerate(columns) if c.kind in NUMBER_FORMATS]
    others = [i for i, c in enumerate(columns) if c.kind not in NUMBER_FORMATS]
    append, plain, risky = worksheet.append, _PLAIN.fullmatch, _RISKY_FIRST
    for row in sheet.rows:
        values = list(row)
        for i in others:
            value = values[i]
            if value.__class__ is str and value and (value[0] in risky or not plain(value)):
                values[i] = _cell(worksheet, value, "text")
        for i, kind in dated:
            if values[i] is not None:
                values[i] = _cell(worksheet, values[i], kind)
        append(values)
    if not sheet.rows:
        append([None])
    kinds = [c.kind for c in columns]
    for row in sheet.below:
        append([_cell(worksheet, v, k) for v, k in zip(row, kinds, strict=False)])


def list_separator(locale_name: str | None = None) -> str:
    """The CSV separator a spreadsheet expects in a locale: ";" where "," is the decimal mark.

    Excel reads a CSV file with the system's list separator; in French, German, Spanish,
    Italian, ... locales that is ";", in English ",". `locale_name` like "fr_FR" or "en";
    None asks the running system.
    """
    if locale_name is None:
        import locale

        try:
            mark = locale.localeconv()["decimal_point"]
        except (ValueError, locale.Error):
            mark = "."
        if mark != ",":
            locale_name = (locale.getlocale()[0] or "en").lower()
        else:
            return ";"
    language = locale_name.replace("-", "_").split("_")[0].lower()
    return "," if language in _COMMA_LANGUAGES else ";"


# Languages whose decimal mark is a point, where spreadsheets split CSV fields on ",".
_COMMA_LANGUAGES = frozenset(("en", "ar", "he", "ja", "ko", "zh", "th", "hi", "ga", "cy", "mt"))


def csv_bytes(columns: Sequence[Column], rows: Iterable[Sequence[Any]], separator: str) -> bytes:
    """A CSV file: UTF-8 with a byte order mark (so Excel keeps accents and Arabic), a header,
    CRLF line ends, every field quoted when needed, formula-like text quote-prefixed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow([csv_text(c.heading) for c in columns])
    for row in rows:
        writer.writerow([csv_text(value) for value in row])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def write_csv(
    target: Path, columns: Sequence[Column], rows: Iterable[Sequence[Any]], separator: str
) -> None:
    """Write a CSV file to `target` (all of it, or nothing)."""
    data = csv_bytes(columns, rows, separator)

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    write_atomically(target, write)
