"""Rosters, opened back: the sheets, the real Excel around them, catering counts, the
attendance grid, sensitive data only on request, and every refused output leaving nothing."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from booster_desktop.cli import main
from booster_desktop.services.programme import open_programme
from booster_desktop.services.rosters import export_roster, proposed_file_name
from tests import programme_db

TOUR_SHEETS = ["Participants", "Travel", "Catering", "Agenda", "Attendance"]
PROGRAMME_SHEETS = ["Participants", "Travel", "Catering", "Agenda", "Allocation"]


def check_in(
    path: Path, session: int, manager: int, at: str, *, voided: bool = False, device: str = "door"
) -> None:
    """A check-in row as the door (or a paper sheet typed in) records it; `at` is UTC."""
    with programme_db.connect(path) as connection:
        connection.execute(
            "INSERT INTO checkin (id, session_id, manager_id, recorded_at, device, voided, admitted_unregistered) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), session, manager, at, device, voided, False),
        )


def _sql(path: Path, statement: str, *args: object) -> list[tuple[object, ...]]:
    with programme_db.connect(path) as connection:
        return connection.execute(statement, args).fetchall()


def _expected(path: Path, code: str) -> list[int]:
    return [
        row[0]
        for row in _sql(
            path,
            "SELECT e.manager_id FROM enrolment e JOIN tour t ON t.id = e.tour_id "
            "JOIN manager m ON m.id = e.manager_id WHERE t.code = ? "
            "AND e.status IN ('proposed', 'confirmed') AND m.status = 'active'",
            code,
        )
    ]


def _export(args: list[str]) -> None:
    assert main(["export", "roster", *args]) == 0


def test_a_tours_roster_has_its_sheets_headers_rows_and_real_excel_around_them(
    demo_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "roster.xlsx"
    _export([str(demo_file), "--tour", "CAT", "-o", str(out)])
    book = load_workbook(out)
    assert book.sheetnames == TOUR_SHEETS
    expected = _expected(demo_file, "CAT")
    participants = book["Participants"]
    header = [c.value for c in participants[1]]
    assert header[:4] == ["ID", "Given name", "Family name", "Name in Arabic"]
    assert (
        "Dietary needs" in header
        and "Accessibility needs" in header
        and header[-1] == "Enrolment status"
    )
    ids = [row[0].value for row in participants.iter_rows(min_row=2)]
    assert sorted(ids) == sorted(expected)
    families = [row[2].value for row in participants.iter_rows(min_row=2)]
    assert families == sorted(families)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert "Catalonia" in sheet.oddHeader.center.text
        assert "&P" in sheet.oddFooter.center.text
        assert len(sheet.tables) == 1
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert "Catalonia" in book.properties.title and book.properties.created is not None
    agenda = book["Agenda"]
    with open_programme(demo_file) as programme:
        sessions = _sql(
            demo_file,
            "SELECT count(*) FROM tour_session s JOIN tour t ON t.id = s.tour_id WHERE t.code = 'CAT'",
        )[0][0]
        del programme
    assert agenda.max_row == 1 + sessions
    day, start = agenda["C2"], agenda["D2"]
    assert day.is_date and day.value.date() == date(2018, 11, 19)
    assert start.is_date and start.value.strftime("%H:%M") == "09:30"
    assert "Sensitive" not in book.sheetnames


def test_the_programme_roster_lists_every_active_manager_and_the_allocation(
    demo_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "programme.xlsx"
    _export([str(demo_file), "-o", str(out)])
    book = load_workbook(out)
    assert book.sheetnames == PROGRAMME_SHEETS
    assert book["Participants"].max_row == 1 + 24
    allocation = book["Allocation"]
    assert [c.value for c in allocation[1]][:6] == [
        "ID",
        "Name",
        "Country",
        "Tour",
        "Status",
        "Rank",
    ]
    enrolments = _sql(demo_file, "SELECT count(*) FROM enrolment")[0][0]
    assert allocation.max_row == 1 + enrolments
    ranks = [row[5].value for row in allocation.iter_rows(min_row=2)]
    assert all(isinstance(r, int) and r >= 1 for r in ranks)
    statuses = book["Participants"]["O2"].value
    assert statuses and ":" in statuses  # "CAT: proposed; SUD: proposed"


def test_sensitive_data_only_when_asked_and_on_its_own_sheet(
    demo_file: Path, tmp_path: Path
) -> None:
    plain, sensitive = tmp_path / "plain.xlsx", tmp_path / "sensitive.xlsx"
    _export([str(demo_file), "--tour", "CAT", "-o", str(plain)])
    _export([str(demo_file), "--tour", "CAT", "--include-sensitive", "-o", str(sensitive)])
    passport = str(
        _sql(
            demo_file,
            "SELECT passport_number FROM travel_document WHERE manager_id = ?",
            _expected(demo_file, "CAT")[0],
        )[0][0]
    )
    book = load_workbook(plain)
    everything = {
        str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row
    }
    assert passport not in everything
    book = load_workbook(sensitive)
    assert book.sheetnames == [*TOUR_SHEETS, "Sensitive"]
    sheet = book["Sensitive"]
    assert [c.value for c in sheet[1]] == [
        "ID",
        "Name",
        "Nationality",
        "Passport number",
        "Passport expiry",
        "Date of birth",
    ]
    assert passport in {row[3].value for row in sheet.iter_rows(min_row=2)}
    assert all(row[5].is_date for row in sheet.iter_rows(min_row=2) if row[5].value is not None)
    assert passport not in {str(c.value) for row in book["Participants"].iter_rows() for c in row}


def test_formula_like_names_come_back_as_the_same_literal_text(
    demo_file: Path, tmp_path: Path
) -> None:
    manager = _expected(demo_file, "CAT")[0]
    _sql(
        demo_file,
        "UPDATE manager SET given_name = ?, family_name = ?, role = ?, dietary_needs = ? WHERE id = ?",
        '=HYPERLINK("http://x.example","y")',
        "+Plus",
        "-1+2",
        "@SUM(A1)",
        manager,
    )
    out = tmp_path / "roster.xlsx"
    _export([str(demo_file), "--tour", "CAT", "-o", str(out)])
    book = load_workbook(out)
    row = next(r for r in book["Participants"].iter_rows(min_row=2) if r[0].value == manager)
    assert row[1].value == '=HYPERLINK("http://x.example","y")' and row[1].data_type == "s"
    assert row[2].value == "+Plus" and row[9].value == "-1+2" and row[12].value == "@SUM(A1)"
    assert all(
        c.data_type != "f" for sheet in book.worksheets for r in sheet.iter_rows() for c in r
    )
    names = [r[2].value for r in book["Travel"].iter_rows(min_row=2)]
    assert '=HYPERLINK("http://x.example","y") +Plus' in names


def test_the_csv_variant_is_utf8_with_bom_the_locale_separator_and_quoted_formulas(
    demo_file: Path, tmp_path: Path
) -> None:
    manager = _expected(demo_file, "CAT")[0]
    _sql(
        demo_file,
        "UPDATE manager SET given_name = '=1+1', family_name = 'Benali-Étienne' WHERE id = ?",
        manager,
    )
    out = tmp_path / "participants.csv"
    _export([str(demo_file), "--tour", "CAT", "--locale", "fr_FR", "-o", str(out)])
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith("ID;Given name;Family name;Name in Arabic;")
    assert len([line for line in lines[1:] if line]) == len(_expected(demo_file, "CAT"))
    mine = next(line for line in lines if line.startswith(f"{manager};"))
    assert mine.split(";")[1:3] == ["'=1+1", "Benali-Étienne"]
    arabic = _sql(demo_file, "SELECT arabic_name FROM manager WHERE id = ?", manager)[0][0]
    assert arabic in mine
    out_en = tmp_path / "participants-en.csv"
    _export([str(demo_file), "--tour", "CAT", "--locale", "en_GB", "-o", str(out_en)])
    assert out_en.read_text(encoding="utf-8-sig").startswith("ID,Given name,")


def test_catering_counts_each_diet_per_day_among_those_present(
    demo_file: Path, tmp_path: Path
) -> None:
    first, second, third, *_ = sorted(_expected(demo_file, "CAT"))
    _sql(demo_file, "UPDATE manager SET diets = 'vegetarian,halal' WHERE id = ?", first)
    _sql(
        demo_file,
        "UPDATE manager SET diets = 'halal', dietary_needs = 'no fish' WHERE id = ?",
        second,
    )
    _sql(demo_file, "UPDATE manager SET diets = 'halal' WHERE id = ?", third)
    # The third leaves on the tour's second day: not counted after it.
    _sql(
        demo_file,
        "UPDATE enrolment SET departure_at = '2018-11-20 18:00:00.000000' WHERE manager_id = ? "
        "AND tour_id = (SELECT id FROM tour WHERE code = 'CAT')",
        third,
    )
    out = tmp_path / "roster.xlsx"
    _export([str(demo_file), "--tour", "CAT", "-o", str(out)])
    catering = load_workbook(out)["Catering"]
    assert [c.value for c in catering[1]] == ["Tour", "Day", "Diet", "People", "Who"]
    lines = {
        (r[1].value.date(), r[2].value): (r[3].value, r[4].value)
        for r in catering.iter_rows(min_row=2)
    }
    assert len({day for day, _ in lines}) == 5

    def name(manager: int) -> str:
        row = _sql(demo_file, "SELECT given_name, family_name FROM manager WHERE id = ?", manager)
        return " ".join(map(str, row[0]))

    assert lines[(date(2018, 11, 19), "Halal")][0] == 3
    assert lines[(date(2018, 11, 20), "Halal")][0] == 3
    assert lines[(date(2018, 11, 21), "Halal")][0] == 2
    assert lines[(date(2018, 11, 19), "Vegetarian")] == (1, name(first))
    assert lines[(date(2018, 11, 19), "Vegan")][0] == 0
    count, who = lines[(date(2018, 11, 19), "Other needs (as written)")]
    assert count == 1 and who == f"{name(second)}: no fish"
    everyone = len(_expected(demo_file, "CAT"))
    assert lines[(date(2018, 11, 19), "No special diet")][0] == everyone - 3


def test_the_attendance_grid_counts_a_person_once_per_session_in_local_time(
    demo_file: Path, tmp_path: Path
) -> None:
    managers = sorted(_expected(demo_file, "CAT"))
    # Session 1 (CAT, 19 Nov 2018, Europe/Madrid = UTC+1): two laptops saw the first manager.
    check_in(demo_file, 1, managers[0], "2018-11-19 08:25:00.000000", device="laptop-1")
    check_in(demo_file, 1, managers[0], "2018-11-19 08:27:00.000000", device="laptop-2")
    check_in(demo_file, 1, managers[1], "2018-11-19 08:40:00.000000", voided=True)
    check_in(demo_file, 2, managers[1], "2018-11-19 13:31:00.000000", device="paper")
    outsider = next(m for (m,) in _sql(demo_file, "SELECT id FROM manager") if m not in managers)
    check_in(demo_file, 2, outsider, "2018-11-19 13:35:00.000000")
    out = tmp_path / "roster.xlsx"
    _export([str(demo_file), "--tour", "CAT", "-o", str(out)])
    grid = load_workbook(out)["Attendance"]
    header = [c.value for c in grid[1]]
    assert header[:3] == ["ID", "Name", "Status"] and header[-1] == "Sessions attended"
    assert header[3].endswith("(#1)") and header[4].endswith("(#2)")
    rows = {r[0].value: r for r in grid.iter_rows(min_row=2) if r[0].value is not None}
    assert set(rows) == {*managers, outsider}
    first = rows[managers[0]]
    assert first[3].is_date and first[3].value == datetime(
        2018, 11, 19, 9, 25
    )  # the earliest, local
    assert first[-1].value == 1
    assert rows[managers[1]][3].value is None  # voided
    assert rows[managers[1]][-1].value == 1
    assert rows[outsider][2].value == "not on the list"
    totals = [c.value for c in grid[grid.max_row]]
    assert totals[1] == "People per session"
    assert totals[3] == 1 and totals[4] == 2 and totals[-1] == 3
    (ref,) = [t.ref for t in grid.tables.values()]
    assert ref.endswith(str(grid.max_row - 1))  # totals below the table, out of its sorting


def test_confirmed_only_keeps_confirmed_enrolments(demo_file: Path, tmp_path: Path) -> None:
    managers = sorted(_expected(demo_file, "CAT"))
    _sql(
        demo_file,
        "UPDATE enrolment SET status = 'confirmed' WHERE manager_id IN (?, ?) AND tour_id = 1",
        managers[0],
        managers[1],
    )
    out = tmp_path / "roster.xlsx"
    _export([str(demo_file), "--tour", "CAT", "--confirmed-only", "-o", str(out)])
    ids = [r[0].value for r in load_workbook(out)["Participants"].iter_rows(min_row=2)]
    assert sorted(ids) == managers[:2]


def test_the_proposed_file_name_carries_the_tours_name(demo_file: Path) -> None:
    with open_programme(demo_file) as programme:
        assert (
            proposed_file_name(programme, "cat", "Roster")
            == "Roster - CAT Inspiration and learning tour Catalonia"
        )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tour", "XX"], "tour 'XX' does not exist"),
        (["--tour", "CAT", "--confirmed-only"], "no confirmed managers: nothing to list"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    args: list[str],
    message: str,
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "roster.xlsx"
    assert main(["export", "roster", str(demo_file), *args, "-o", str(out)]) == 1
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1
    assert not out.exists()


@pytest.mark.sqlite_only
def test_an_output_onto_the_programme_file_or_a_folder_is_refused(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_file.read_bytes()
    alias = tmp_path / "same.xlsx"
    alias.symlink_to(demo_file)
    assert main(["export", "roster", str(demo_file), "-o", str(alias)]) == 1
    assert "programme file itself" in capsys.readouterr().err
    assert main(["export", "roster", str(demo_file), "-o", str(demo_file)]) == 1
    assert "name a .xlsx or .csv file" in capsys.readouterr().err
    (tmp_path / "folder.xlsx").mkdir()
    assert main(["export", "roster", str(demo_file), "-o", str(tmp_path / "folder.xlsx")]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert (
        main(["export", "roster", str(demo_file), "-o", str(tmp_path / "missing" / "r.xlsx")]) == 1
    )
    assert "no such folder" in capsys.readouterr().err
    assert demo_file.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".partial") == []


def test_progress_is_reported_to_the_end(demo_file: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    with open_programme(demo_file) as programme:
        export_roster(
            programme,
            tmp_path / "r.xlsx",
            tour="CAT",
            progress=lambda d, t, w: calls.append((d, t, w)),
        )
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]


def test_libreoffice_converts_the_roster_workbook(demo_file: Path, tmp_path: Path) -> None:
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui"
        )
    manager = _expected(demo_file, "CAT")[0]
    _sql(demo_file, "UPDATE manager SET given_name = '=1+1' WHERE id = ?", manager)
    out = tmp_path / "roster.xlsx"
    _export([str(demo_file), "--tour", "CAT", "--include-sensitive", "-o", str(out)])
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "roster.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "=1+1" in text  # shown as typed, not evaluated
    assert "Roster · Inspiration and learning tour: Catalonia (CAT) · Sensitive" in text
    assert "Page 1 of" in text
