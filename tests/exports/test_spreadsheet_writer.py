"""The one spreadsheet writer: real Excel (reopened with openpyxl and LibreOffice), text
from people never evaluated, and the CSV variant Excel opens with accents and Arabic intact."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from booster_desktop.domain.errors import BoosterError
from booster_desktop.exports.spreadsheet_writer import (
    Column,
    Sheet,
    WorkbookWriter,
    csv_bytes,
    is_formula_like,
    list_separator,
)

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+33 1 23 45 67",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTabbed",
    "\rReturned",
    "#N/A",
    "=1+1",
]


def _workbook(tmp_path: Path, rows: list[list[object]], **kwargs: object) -> Path:
    writer = WorkbookWriter("Tour & Co", subject="Test")
    columns = [
        Column("Name"),
        Column("When", "datetime"),
        Column("Day", "date"),
        Column("At", "time"),
    ]
    writer.add(Sheet("People", columns, rows, **kwargs))  # type: ignore[arg-type]
    target = tmp_path / "book.xlsx"
    writer.write(target)
    return target


def test_text_from_people_comes_back_as_the_same_literal_text_never_a_formula(
    tmp_path: Path,
) -> None:
    path = _workbook(tmp_path, [[text, None, None, None] for text in HOSTILE])
    sheet = load_workbook(path)["People"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # XML reads a bare carriage return as a line end: the cell holds a line feed instead.
    assert [c.value for c in cells] == [text.replace("\r", "\n") for text in HOSTILE]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_control_characters_are_dropped_and_plain_text_is_left_alone(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path, [["Nour\x00\x07 Khalil\x1b", None, None, None], ["plain-text", None, None, None]]
    )
    sheet = load_workbook(path)["People"]
    assert sheet["A2"].value == "Nour Khalil"
    assert sheet["A3"].value == "plain-text" and not sheet["A3"].quotePrefix


def test_dates_and_times_are_real_excel_dates_with_formats(tmp_path: Path) -> None:
    when = datetime(2026, 3, 29, 9, 30)
    path = _workbook(tmp_path, [["A", when, date(2026, 3, 29), time(14, 5)]])
    sheet = load_workbook(path)["People"]
    assert sheet["B2"].is_date and sheet["B2"].value == when
    assert sheet["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["C2"].is_date and sheet["C2"].value.date() == date(2026, 3, 29)
    assert sheet["D2"].is_date and sheet["D2"].value == time(14, 5)


def test_a_time_zone_aware_moment_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="local wall times"):
        _workbook(tmp_path, [["A", datetime(2026, 3, 29, 9, 30, tzinfo=UTC), None, None]])
    assert list(tmp_path.iterdir()) == []


def test_every_sheet_is_a_table_with_frozen_header_print_setup_and_properties(
    tmp_path: Path,
) -> None:
    rows: list[list[object]] = [[f"Person {n}", None, None, None] for n in range(30)]
    path = _workbook(tmp_path, rows, below=[["Total", None, None, None]])
    book = load_workbook(path)
    sheet = book["People"]
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.oddHeader.center.text == "Tour && Co · People"  # "&&" prints "&"
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    ((name, ref),) = sheet.tables.items()
    assert ref == "A1:D31"  # the header and the rows; the totals stay below the table
    assert [c.name for c in sheet.tables[name].tableColumns] == ["Name", "When", "Day", "At"]
    assert sheet["A32"].value == "Total"
    assert sheet.column_dimensions["A"].width >= len("Person 29")
    assert book.properties.title == "Tour & Co"
    assert book.properties.created is not None


def test_an_empty_sheet_still_makes_a_valid_table(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [])
    sheet = load_workbook(path)["People"]
    assert next(iter(sheet.tables.values())).ref == "A1:D2"
    assert sheet.max_row <= 2


def test_two_columns_with_one_heading_are_a_bug_caught_early() -> None:
    writer = WorkbookWriter("x")
    with pytest.raises(ValueError, match="share a heading"):
        writer.add(Sheet("S", [Column("Name"), Column("name")], []))


def test_an_unwritable_target_leaves_nothing_behind(tmp_path: Path) -> None:
    writer = WorkbookWriter("x")
    writer.add(Sheet("S", [Column("A")], [["a"]]))
    (tmp_path / "book.xlsx").mkdir()  # a folder where the file should go
    with pytest.raises(BoosterError, match="is a folder"):
        writer.write(tmp_path / "book.xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]


def test_csv_has_a_bom_the_locale_separator_and_owasp_quotes() -> None:
    columns = [Column("Name"), Column("Arabic"), Column("Day", "date")]
    data = csv_bytes(columns, [["=1+1", "أمينة", date(2026, 1, 2)], ["Émile; Zola", "", None]], ";")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "Name;Arabic;Day"
    assert (
        csv_bytes(columns, [["\rX", "\tY", None]], ",").decode("utf-8-sig").split("\r\n")[1]
        == "\"'\nX\",'\tY,"
    )
    assert lines[1] == "'=1+1;أمينة;2026-01-02"
    assert lines[2] == '"Émile; Zola";;'


@pytest.mark.parametrize(
    ("locale", "separator"),
    [("fr_FR", ";"), ("de_DE", ";"), ("en_GB", ","), ("en-US", ","), ("ar_MA", ",")],
)
def test_the_separator_follows_the_locale(locale: str, separator: str) -> None:
    assert list_separator(locale) == separator


def test_what_counts_as_formula_like() -> None:
    assert all(is_formula_like(text) for text in HOSTILE)
    assert not any(is_formula_like(t) for t in ("Amina", "a=b", "", " =1"))


def test_libreoffice_opens_the_workbook_and_converts_it(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui"
        )
    path = _workbook(
        tmp_path,
        [[text, None, None, None] for text in HOSTILE]
        + [["Amina بنت يوسف", datetime(2026, 3, 29, 9, 30), None, None]],
    )
    profile = tmp_path / "profile"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "book.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    # Shown as typed, not evaluated: "=1+1" would print 2, "#N/A" an error.
    assert "=1+1" in text and "@SUM(A1:A9)" in text and "#N/A" in text
    assert "2026-03-29 09:30" in text
