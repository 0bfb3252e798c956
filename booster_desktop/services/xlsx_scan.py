"""One bounded streaming pass over a worksheet's XML before openpyxl reads its rows.

openpyxl's read-only mode, the one that streams, shows neither merged cells nor hidden rows,
and reads a formula with no saved value as an empty cell. This pass gathers those, and
counts the rows, so that a sheet of millions of rows is refused before it is read. The raw
bytes are searched first (C speed); the XML is parsed, with defusedxml, only when they hold
a formula, a merged range or a hidden row.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.services.source_limits import MAX_CELLS, MAX_ROWS, too_many_rows

CHUNK = 1 << 20
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_MARKS = re.compile(rb"<(?:\w+:)?(?:f|mergeCell|autoFilter)[\s>/]|\bhidden=")
_CELL = re.compile(r"^([A-Z]+)(\d+)$")


@dataclass(frozen=True)
class Merged:
    """A merged range, 1-based rows and 0-based columns, as the sheet numbers them."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    def __str__(self) -> str:
        return f"{column_letters(self.first_column)}{self.first_row}:" + (
            f"{column_letters(self.last_column)}{self.last_row}"
        )


@dataclass
class SheetDetails:
    """What the user sees that read-only reading does not show."""

    rows: int = 0
    marked: bool = False  # holds formulas, merged ranges or hidden rows: worth parsing
    parsed: bool = False
    hidden_rows: set[int] = field(default_factory=set)
    filtered: bool = False  # an autofilter: hidden rows may be filtered out, not hidden
    merged: list[Merged] = field(default_factory=list)
    # (row, 0-based column) of formulas saved without their value
    unsaved_formulas: set[tuple[int, int]] = field(default_factory=set)


def column_letters(index: int) -> str:
    """0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def parse_range(text: str) -> Merged | None:
    first, _, last = text.partition(":")
    a, b = _CELL.match(first.strip()), _CELL.match((last or first).strip())
    if a is None or b is None:
        return None
    return Merged(int(a[2]), column_index(a[1]), int(b[2]), column_index(b[1]))


def scan_worksheet(path: Path, part: str, sheet: str | None, *, parse: bool = True) -> SheetDetails:
    """Count the rows of `part` in the workbook at `path`, and find what it hides.

    Refused past the row limit as soon as it is passed, however many rows follow. Without
    `parse`, only counted: `parse_worksheet` finds the rest when the sheet is read.
    """
    details = SheetDetails()
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part.lstrip("/")) as stream:
            carry = b""
            while chunk := stream.read(CHUNK):
                data = carry + chunk
                cut = data.rfind(b"<")
                if cut <= 0 or len(data) - cut > CHUNK:
                    cut = len(data)
                body, carry = data[:cut], data[cut:]
                details.rows += len(_ROW.findall(body))
                if details.rows > MAX_ROWS:
                    raise too_many_rows(path, details.rows, sheet)
                details.marked = details.marked or _MARKS.search(body) is not None
            details.rows += len(_ROW.findall(carry))
            details.marked = details.marked or _MARKS.search(carry) is not None
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise BoosterError(
            _("{path}: is a damaged workbook ({error})").format(path=path, error=error)
        ) from None
    if details.rows > MAX_ROWS:
        raise too_many_rows(path, details.rows, sheet)
    if parse:
        parse_worksheet(path, part, details)
    return details


def parse_worksheet(path: Path, part: str, details: SheetDetails) -> None:
    """Find hidden rows, merged ranges and unsaved formulas, once, when there are any."""
    if details.marked and not details.parsed:
        _parse(path, part, details)
    details.parsed = True


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _parse(path: Path, part: str, details: SheetDetails) -> None:
    from defusedxml.ElementTree import iterparse

    row = 0
    column = -1
    formula = value = False
    parent: Any = None
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part.lstrip("/")) as stream:
            for event, element in iterparse(stream, events=("start", "end")):
                tag = _local(element.tag)
                if event == "start":
                    if tag == "row":
                        number = element.get("r")
                        row = int(number) if number and number.isdigit() else row + 1
                        column = -1
                        if element.get("hidden") in ("1", "true"):
                            details.hidden_rows.add(row)
                    elif tag == "c":
                        reference = _CELL.match(element.get("r") or "")
                        column = column_index(reference[1]) if reference else column + 1
                        formula = value = False
                    elif tag == "sheetData":
                        parent = element
                    elif tag == "autoFilter":
                        details.filtered = True
                    elif tag == "mergeCell":
                        merged = parse_range(element.get("ref") or "")
                        if merged is not None:
                            details.merged.append(merged)
                    continue
                if tag == "f":
                    formula = True
                elif tag == "v":
                    value = bool(element.text)
                elif tag == "is":
                    value = True
                elif tag == "c":
                    if formula and not value:
                        details.unsaved_formulas.add((row, column))
                elif tag == "row" and parent is not None:
                    parent.clear()  # memory stays flat however long the sheet
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise BoosterError(
            _("{path}: is a damaged workbook ({error})").format(path=path, error=error)
        ) from None
    except Exception as error:  # ParseError, and defusedxml's refusals of DTDs and entities
        raise BoosterError(
            _("{path}: is a damaged workbook ({kind}: {error})").format(
                path=path, kind=type(error).__name__, error=error
            )
        ) from None


# -- .ods -----------------------------------------------------------------------------------------

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_VALUES = tuple(
    _OFFICE + name
    for name in ("value", "string-value", "boolean-value", "date-value", "time-value")
)


def scan_ods(path: Path) -> dict[str, SheetDetails]:
    """Each sheet of a LibreOffice workbook: rows counted with their repeats (a short file
    may repeat a row a million times), hidden and filtered-out rows, merged ranges, and
    formulas with no saved value, which calamine does not report."""
    from defusedxml.ElementTree import iterparse

    sheets: dict[str, SheetDetails] = {}
    details = SheetDetails()
    name = ""
    row = filled_rows = cells = 0
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
            for event, element in iterparse(stream, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == _TABLE + "table":
                        name = element.get(_TABLE + "name") or ""
                        details = sheets.setdefault(name, SheetDetails())
                        row = filled_rows = cells = 0
                    continue
                if tag != _TABLE + "table-row":
                    if tag == _TABLE + "table":
                        details.rows = filled_rows
                        element.clear()
                    continue
                repeat = int(element.get(_TABLE + "number-rows-repeated") or 1)
                first = row + 1
                row += repeat
                column = 0
                filled = 0
                for cell in element:
                    across = int(cell.get(_TABLE + "number-columns-repeated") or 1)
                    has_value = any(cell.get(v) is not None for v in _VALUES) or len(cell) > 0
                    if has_value:
                        filled += across
                    if cell.get(_TABLE + "formula") is not None and not has_value:
                        details.unsaved_formulas.update(
                            (r, c)
                            for r in range(first, row + 1)
                            for c in range(column, column + across)
                        )
                    down = int(cell.get(_TABLE + "number-rows-spanned") or 1)
                    wide = int(cell.get(_TABLE + "number-columns-spanned") or 1)
                    if down > 1 or wide > 1:
                        details.merged.append(
                            Merged(first, column, first + down - 1, column + wide - 1)
                        )
                    column += across
                if filled:
                    filled_rows = row
                    cells += filled * repeat
                if element.get(_TABLE + "visibility") in ("collapse", "filter") and filled:
                    details.hidden_rows.update(range(first, row + 1))
                    details.filtered |= element.get(_TABLE + "visibility") == "filter"
                element.clear()
                if filled_rows > MAX_ROWS:
                    raise too_many_rows(path, filled_rows, name)
                if cells > MAX_CELLS:
                    raise BoosterError(
                        _(
                            "{path} (sheet {name!r}): has more than {MAX_CELLS:,} filled cells "
                            "once its repeated rows and columns are counted, the limit for a sheet"
                        ).format(path=path, name=name, MAX_CELLS=MAX_CELLS)
                    )
    except BoosterError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise BoosterError(
            _("{path}: is a damaged workbook ({error})").format(path=path, error=error)
        ) from None
    except Exception as error:  # ParseError, and defusedxml's refusals of DTDs and entities
        raise BoosterError(
            _("{path}: is a damaged workbook ({kind}: {error})").format(
                path=path, kind=type(error).__name__, error=error
            )
        ) from None
    return sheets
