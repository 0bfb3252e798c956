"""How big a source file may be, checked before anything parses it.

openpyxl and calamine load a workbook's shared strings and whole sheets into memory, and a
small zip may unpack to gigabytes: sizes are read from the file system and the zip's
directory first, rows are counted on the raw XML as it streams, and a file past a limit is
refused in seconds, naming the limit. The limits leave room for ten times the largest
diagnosis seen (10,000 managers: a 1 MB workbook, a 3 MB CSV, 10,000 rows).
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from booster_desktop.domain.errors import BoosterError
from booster_desktop.i18n import _
from booster_desktop.store.open_files import refuse_if_open_here

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB  # a CSV or a workbook on disk
MAX_PART_BYTES = 100 * MB  # one part of a workbook (a sheet, its shared strings), unpacked
MAX_UNPACKED_BYTES = 200 * MB  # all parts of a workbook, unpacked
MAX_PARTS = 10_000
MAX_ROWS = 200_000  # rows of a sheet, title rows and blank lines included
MAX_CELLS = 5_000_000  # filled cells of an .ods sheet once its repeats are unrolled


def describe_limits() -> str:
    """The limits, in words, for `--help` and the README."""
    return (
        f"Limits: files up to {MAX_FILE_BYTES // MB} MB, a workbook's parts up to "
        f"{MAX_PART_BYTES // MB} MB each and {MAX_UNPACKED_BYTES // MB} MB in all once "
        f"unpacked, {MAX_ROWS:,} rows a sheet (a 10,000-manager diagnosis is about 1 MB as "
        ".xlsx and 3 MB as CSV)."
    )


def _size(count: float) -> str:
    return f"{count / MB:,.0f} MB" if count < 1024 * MB else f"{count / (1024 * MB):,.1f} GB"


def check_source(path: Path) -> int:
    """Refuse at once what is no regular file, or too big; returns the size in bytes.

    `stat` does not open the file: a named pipe would block an `open` until something
    writes to it, a device would stream without end.
    """
    try:
        status = path.stat()
    except FileNotFoundError:
        raise BoosterError(_("{path}: no such file").format(path=path)) from None
    except OSError as error:
        raise BoosterError(
            _("{path}: cannot be read ({value})").format(path=path, value=error.strerror or error)
        ) from None
    refuse_if_open_here(path, _("a spreadsheet to import"))
    mode = status.st_mode
    kind = None
    if stat.S_ISDIR(mode):
        kind = _("a folder")
    elif stat.S_ISFIFO(mode):
        kind = _("a named pipe (FIFO)")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = _("a device")
    elif stat.S_ISSOCK(mode):
        kind = _("a socket")
    elif not stat.S_ISREG(mode):
        kind = _("not a regular file")
    if kind is not None:
        raise BoosterError(
            _("{path}: is {kind}, not a spreadsheet file").format(path=path, kind=kind)
        )
    if status.st_size > MAX_FILE_BYTES:
        raise BoosterError(
            _(
                "{path}: is {value}, past the limit of {value2} MB for a source file; "
                "split it, or remove what the import does not need"
            ).format(path=path, value=_size(status.st_size), value2=MAX_FILE_BYTES // MB)
        )
    if not os.access(path, os.R_OK):
        raise BoosterError(_("{path}: cannot be read (permission denied)").format(path=path))
    return status.st_size


def check_zip(path: Path) -> None:
    """Refuse a workbook whose parts would unpack past the limits (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise BoosterError(
            _("{path}: is a damaged workbook ({error})").format(path=path, error=error)
        ) from None
    if len(parts) > MAX_PARTS:
        raise BoosterError(
            _("{path}: has {count:,} parts, past the limit of {MAX_PARTS:,}").format(
                path=path, count=len(parts), MAX_PARTS=MAX_PARTS
            )
        )
    total = 0
    for part in parts:
        if part.file_size > MAX_PART_BYTES:
            raise BoosterError(
                _(
                    "{path}: its part {filename} unpacks to {value}, past the limit of "
                    "{value2} MB a part (a 10,000-manager sheet is about 5 MB)"
                ).format(
                    path=path,
                    filename=part.filename,
                    value=_size(part.file_size),
                    value2=MAX_PART_BYTES // MB,
                )
            )
        total += part.file_size
    if total > MAX_UNPACKED_BYTES:
        raise BoosterError(
            _("{path}: unpacks to {value}, past the limit of {value2} MB for a workbook").format(
                path=path, value=_size(total), value2=MAX_UNPACKED_BYTES // MB
            )
        )


def too_many_rows(path: Path, rows: int, sheet: str | None = None) -> BoosterError:
    where = _(" (sheet {sheet!r})").format(sheet=sheet) if sheet else ""
    return BoosterError(
        _(
            "{path}{where}: has more than {MAX_ROWS:,} rows, the limit for a sheet "
            "({rows:,} counted so far); remove the empty or unused rows"
        ).format(path=path, where=where, MAX_ROWS=MAX_ROWS, rows=rows)
    )
