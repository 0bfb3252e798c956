"""The import on the files coordinators really have, one test per kind, each building its
own file: Excel's ANSI code pages and "Unicode Text", letters and digits lost before the
import, merged cells, formulas with no saved value, hidden and filtered-out rows, control
characters, over-long text, and inputs that are no spreadsheet or are bombs. What was
stored is read back from the programme file.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from booster_desktop.cli import main
from booster_desktop.services.importing import import_file, plan_import
from booster_desktop.services.programme import open_programme
from booster_desktop.services.spreadsheets import open_workbook
from tests import programme_db

LOST = "letters were lost (replaced by ?) when the file was saved"
UNSAVED = "a formula with no saved value; open and save the file in Excel or LibreOffice first"


def _csv_bytes(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data  # as Excel's "Unicode Text" writes it
    path.write_bytes(data)
    return path


def _xlsx(path: Path, rows: list[list[Any]], edit: Any = None) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Diagnostic"
    for row in rows:
        sheet.append(row)
    if edit is not None:
        edit(sheet)
    workbook.save(path)
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _import_json(
    capsys: pytest.CaptureFixture[str], programme: Path, source: Path, *options: str
) -> tuple[int, dict[str, Any]]:
    code, out, err = _run(
        capsys, "import", "managers", str(programme), str(source), *options, "--json"
    )
    assert out, err
    return code, json.loads(out)


def _query(programme: Path, sql: str) -> list[tuple[Any, ...]]:
    with contextlib.closing(programme_db.connect(programme)) as connection:
        return connection.execute(sql).fetchall()


def _stored(programme: Path, columns: str = "given_name, family_name, arabic_name") -> list[Any]:
    return _query(programme, f"SELECT {columns} FROM manager ORDER BY id")


def _errors(report: dict[str, Any]) -> list[tuple[int, str, str]]:
    return [(e["row"], e["column"], e["message"]) for e in report["errors"]]


HEADER = ["First name", "Last name", "Country", "Arabic name"]


# -- 1. encodings --------------------------------------------------------------------------------


def test_a_csv_from_an_arabic_windows_is_read_as_windows_1256(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _csv_bytes(
        tmp_path / "arabic.csv",
        [
            HEADER,
            ["Walid", "Haddad", "Jordan", "وليد حداد"],
            ["Mona", "Saleh", "Egypt", "منى صالح"],
        ],
        "cp1256",
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 0, report
    assert report["encoding"] == "cp1256"
    assert _stored(empty_file) == [
        ("Walid", "Haddad", "وليد حداد"),
        ("Mona", "Saleh", "منى صالح"),
    ]


def test_a_french_csv_in_windows_1252_keeps_its_accents(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _csv_bytes(
        tmp_path / "french.csv",
        [
            ["Prénom", "Nom", "Pays", "Cluster"],
            ["Élodie", "Saïd", "Maroc", "Cluster Agroalimentaire Oujda"],
            ["Hélène", "Ménard", "Tunisie", "Pôle Élevage"],
        ],
        "cp1252",
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 0, report
    assert report["encoding"] == "cp1252"
    assert _stored(empty_file, "given_name, family_name") == [
        ("Élodie", "Saïd"),
        ("Hélène", "Ménard"),
    ]


def test_excel_unicode_text_is_read_as_utf_16_with_tabs(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _csv_bytes(
        tmp_path / "unicode-text.csv",
        [HEADER, ["Walid", "Haddad", "Jordan", "وليد حداد"], ["Élodie", "Saïd", "Maroc", ""]],
        "utf-16-le",
        delimiter="\t",
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 0, report
    assert _stored(empty_file) == [("Walid", "Haddad", "وليد حداد"), ("Élodie", "Saïd", None)]


def test_a_code_page_the_content_cannot_tell_is_refused_and_can_be_forced(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 0xD0 is "Ð" in Windows-1252 and "ذ" in Windows-1256: both fit a one-letter word.
    source = tmp_path / "either.csv"
    source.write_bytes(b"First name,Last name,Country\r\nSami,\xd0,Jordan\r\n")
    code, _, err = _run(capsys, "import", "managers", str(empty_file), str(source))
    assert code == 1
    assert "Windows-1252 (Western European) or Windows-1256 (Arabic)" in err
    assert "--encoding" in err and "CSV UTF-8" in err
    assert err.count("\n") == 1  # one line
    assert _stored(empty_file) == []
    code, report = _import_json(capsys, empty_file, source, "--encoding", "windows-1256")
    assert code == 0, report
    assert _stored(empty_file, "family_name") == [("ذ",)]


def test_an_arabic_name_column_without_arabic_letters_is_a_problem_never_stored(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Forcing the wrong code page gives mojibake ("æáíÏ ÍÏÇÏ"): it must not be stored.
    source = _csv_bytes(
        tmp_path / "arabic.csv", [HEADER, ["Walid", "Haddad", "Jordan", "وليد حداد"]], "cp1256"
    )
    code, report = _import_json(capsys, empty_file, source, "--encoding", "cp1252")
    assert code == 1
    ((row, column, message),) = _errors(report)
    assert (row, column) == (2, "Arabic name")
    assert "holds no Arabic letter" in message
    assert _stored(empty_file) == []


# -- 2. letters lost before the import ----------------------------------------------------------


def test_names_excel_turned_into_question_marks_are_a_problem_on_their_row(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _csv_bytes(
        tmp_path / "lost.csv",
        [
            HEADER,
            ["Walid", "Haddad", "Jordan", "???? ????"],
            ["Mona", "??", "Egypt", ""],
            ["Who?", "Saleh", "Egypt", ""],  # one question mark is punctuation
        ],
        "ascii",
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 1
    errors = _errors(report)
    assert [(r, c) for r, c, _ in errors] == [(2, "Arabic name"), (3, "Last name")]
    assert all(LOST in m and "CSV UTF-8" in m for _, _, m in errors)
    assert _stored(empty_file) == []


# -- 3. numbers that were text -------------------------------------------------------------------


def test_phone_numbers_are_stored_as_e164_and_lost_digits_are_a_problem(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(
        tmp_path / "phones.xlsx",
        [
            ["First name", "Last name", "Country", "Phone"],
            ["Nadia", "Cherif", "Algeria", "0661 23 45 67"],  # 2: national, typed as text
            ["Karim", "Toumi", "Algeria", 661234568],  # 3: a number cell, no leading 0
            ["Rania", "Azzam", "Algeria", 213661234569.0],  # 4: the "+" dropped, as a float
            ["Omar", "Zidane", "Algeria", "2.13661E+11"],  # 5: digits gone
            ["Sami", "Nasser", "Jordan", "12345"],  # 6: impossible
            ["Lina", "Haddad", "Tunisia", "+216 98 123 456"],  # 7: international
        ],
    )
    code, report = _import_json(capsys, empty_file, source, "--skip-invalid")
    assert code == 0, report
    errors = _errors(report)
    assert [(r, c) for r, c, _ in errors] == [(5, "Phone"), (6, "Phone")]
    assert "lost its last digits" in errors[0][2]
    assert "not a possible phone number in JO" in errors[1][2]
    assert _stored(empty_file, "given_name, phone") == [
        ("Nadia", "+213661234567"),
        ("Karim", "+213661234568"),
        ("Rania", "+213661234569"),
        ("Lina", "+21698123456"),
    ]
    assert not _query(empty_file, "SELECT 1 FROM manager WHERE phone LIKE '%E+%'")


# -- 4. merged cells ----------------------------------------------------------------------------


def test_a_value_merged_down_applies_to_each_row_and_the_report_says_so(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def merge(sheet: Any) -> None:
        sheet.merge_cells("C3:C5")
        sheet.merge_cells("D3:D4")

    source = _xlsx(
        tmp_path / "merged.xlsx",
        [
            ["Diagnosis"],
            ["Prénom", "Nom", "Pays", "Cluster"],
            ["Amal", "Sabri", "Maroc", "Cluster Agro Meknès"],
            ["Youssef", "Alaoui", None, None],
            ["Ines", "Bennani", None, "Cluster Textile Fès"],
            ["Tarek", "Mrad", "Tunisie", "Cluster Textile Monastir"],
        ],
        merge,
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 0, report
    assert _query(
        empty_file,
        "SELECT m.family_name, m.country_code, o.name FROM manager m "
        "JOIN organisation o ON o.id = m.organisation_id ORDER BY m.id",
    ) == [
        ("Sabri", "MA", "Cluster Agro Meknès"),
        ("Alaoui", "MA", "Cluster Agro Meknès"),
        ("Bennani", "MA", "Cluster Textile Fès"),
        ("Mrad", "TN", "Cluster Textile Monastir"),
    ]
    notes = {(n["row"], n["column"]): n["message"] for n in report["notes"]}
    assert "the merged cell C3:C5" in notes[(3, "Pays")]
    assert "the merged cell D3:D4" in notes[(3, "Cluster")]


# -- 5. formulas with no saved value -------------------------------------------------------------


def test_a_formula_with_no_saved_value_is_named_in_any_column(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # openpyxl writes formulas as a script does: without the value a spreadsheet would save.
    source = _xlsx(
        tmp_path / "formulas.xlsx",
        [
            ["First name", "Last name", "Country code", "Country", "Email", "Strategy"],
            ["Mariam", "Toukan", "JO", '=IF(C2="JO","Jordan","")', "m@example.jo", 1],
            ["Bassem", "Nour", "EG", "Egypt", '=LOWER("B@EXAMPLE.EG")', "=1+1"],
            ["Hala", "Nasser", "JO", "Jordan", "h@example.jo", 2],
        ],
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 1
    assert _errors(report) == [
        (2, "Country", UNSAVED),
        (3, "Email", UNSAVED),
        (3, "Strategy", UNSAVED),
    ]


# -- 6. rows the user cannot see ------------------------------------------------------------------


def test_hidden_and_filtered_out_rows_are_left_out_unless_asked_and_counted(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def hide(sheet: Any) -> None:
        sheet.row_dimensions[3].hidden = True
        sheet.auto_filter.ref = "A1:C5"  # a filter that hides row 5
        sheet.row_dimensions[5].hidden = True

    rows = [
        ["First name", "Last name", "Country"],
        ["Amal", "Sabri", "Maroc"],
        ["Hidden", "Row", "Maroc"],
        ["Ines", "Bennani", "Maroc"],
        ["Filtered", "Out", "Tunisie"],
    ]
    source = _xlsx(tmp_path / "hidden.xlsx", rows, hide)
    code, report = _import_json(capsys, empty_file, source, "--dry-run")
    assert code == 0, report
    assert (report["imported"], report["hidden_rows"], report["hidden_included"]) == (
        2,
        [3, 5],
        False,
    )
    code, out, _ = _run(capsys, "import", "managers", str(empty_file), str(source))
    assert code == 0
    assert "2 hidden or filtered-out rows (3, 5) left out (--include-hidden reads them)" in out
    assert _stored(empty_file, "family_name") == [("Sabri",), ("Bennani",)]
    code, report = _import_json(capsys, empty_file, source, "--include-hidden")
    assert code == 0, report
    assert (report["imported"], report["already"], report["hidden_rows"]) == (2, 2, [3, 5])
    assert sorted(_stored(empty_file, "family_name")) == [
        ("Bennani",),
        ("Out",),
        ("Row",),
        ("Sabri",),
    ]


# -- 7. text that is not text ----------------------------------------------------------------------


def test_control_characters_are_removed_reported_and_never_printed_raw(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _csv_bytes(
        tmp_path / "escapes.csv",
        [
            ["Prénom", "Nom", "Pays", "Cluster"],
            ['"Esc\x1b[31mRED\x1b]0;pwned\x07"', "Fam\u202egnp.exe", "Maroc", "Org\x9b2J"],
            ["\"=cmd|' /C calc'!A0\"", "+1", "Tunisia", "@SUM(1)"],
        ],
        "utf-8",
    )
    code, out, err = _run(capsys, "import", "managers", str(empty_file), str(source))
    assert code == 0, err
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert "row 2: Prénom: control characters removed" in err
    assert "row 2: Nom: control characters removed" in err
    stored = _query(
        empty_file,
        "SELECT m.given_name, m.family_name, o.name FROM manager m "
        "JOIN organisation o ON o.id = m.organisation_id ORDER BY m.id",
    )
    # Formula-like text stays text, as typed.
    assert stored == [("EscRED", "Famgnp.exe", "Org"), ("=cmd|' /C calc'!A0", "+1", "@SUM(1)")]


def test_text_past_its_field_limit_is_a_problem_naming_the_limit(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(
        tmp_path / "long.xlsx",
        [
            ["First name", "Last name", "Country", "Cluster", "City"],
            ["A" * 32_767, "Long", "Maroc", "Org", "Rabat"],
            ["B" * 120, "Just", "Maroc", "C" * 201, "Fès"],
            ["Sami", "Short", "Maroc", "Org", "V" * 121],
        ],
    )
    code, report = _import_json(capsys, empty_file, source, "--skip-invalid")
    assert code == 0
    errors = _errors(report)
    assert [(r, c) for r, c, _ in errors] == [(2, "First name"), (3, "Cluster"), (4, "City")]
    assert "32,767 characters, past the limit of 120" in errors[0][2]
    assert "past the limit of 200" in errors[1][2]
    assert "past the limit of 120" in errors[2][2]
    assert report["imported"] == 0
    assert _query(empty_file, "SELECT max(length(given_name)) FROM manager") == [(None,)]


def test_the_city_column_is_read_in_english_and_french(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, heading in (("en.xlsx", "City"), ("fr.xlsx", "Ville")):
        source = _xlsx(
            tmp_path / name,
            [["First name", "Last name", "Country", heading], [name, "Test", "Maroc", "Meknès"]],
        )
        code, report = _import_json(capsys, empty_file, source)
        assert code == 0, report
    assert _stored(empty_file, "given_name, city") == [("en.xlsx", "Meknès"), ("fr.xlsx", "Meknès")]


def test_arabic_script_in_latin_name_columns_is_flagged_and_can_be_moved(
    empty_file: Path, tmp_path: Path
) -> None:
    source = _xlsx(
        tmp_path / "arabic-latin.xlsx",
        [HEADER, ["ليلى", "حداد", "Lebanon", None], ["Rami", "Khoury", "Lebanon", None]],
    )
    with open_programme(empty_file) as programme:
        report = import_file(programme, source, dry_run=True)
        assert [(n.row, n.column) for n in report.notes] == [(2, "First name")]
        assert "used as the Arabic name" in report.notes[0].message
        with open_workbook(source) as workbook:
            from dataclasses import replace

            from booster_desktop.services.importing import choose_sheet, import_managers

            plan = replace(plan_import(choose_sheet(workbook)), arabic_from_latin=True)
            import_managers(programme, plan)
    assert _stored(empty_file) == [("ليلى", "حداد", "ليلى حداد"), ("Rami", "Khoury", None)]


# -- 8. inputs that are no spreadsheet, or bombs -------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_source_that_is_no_regular_file_is_refused_before_the_programme_is_opened(
    kind: str,
    empty_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "managers.csv"
    if kind == "fifo":
        os.mkfifo(source)
    elif kind == "folder":
        source.mkdir()
    else:
        source = Path("/dev/zero")
    import booster_desktop.services.programme as programme_service

    def no_lock(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the programme was opened (and locked) for a source to refuse")

    monkeypatch.setattr(programme_service, "open_programme", no_lock)
    code, _, err = _run(capsys, "import", "managers", str(empty_file), str(source))
    assert code == 1
    said = {"fifo": "a named pipe (FIFO)", "folder": "a folder", "device": "a device"}[kind]
    assert err == f"booster: {source}: is {said}, not a spreadsheet file\n"


def _peak(tmp_path: Path, programme: Path, source: Path) -> tuple[int, str, int]:
    """Run the import in a child process: its exit code, stderr and peak memory (KiB)."""
    script = (
        "import resource, sys\n"
        "from booster_desktop.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stdout)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "import", "managers", str(programme), str(source)],
        capture_output=True,
        text=True,
        check=False,
        timeout=100,
    )
    peak = int(done.stdout.strip().splitlines()[-1])
    return done.returncode, done.stderr, peak


def _sheet_part(path: Path, rows_xml: Any) -> Path:
    """A workbook from openpyxl whose sheet XML is replaced by a stream of rows."""
    _xlsx(path, [["First name", "Last name", "Country"]])
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
            stream.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<sheetData>"
            )
            for chunk in rows_xml:
                stream.write(chunk)
            stream.write(b"</sheetData></worksheet>")
    return path


def test_a_workbook_whose_one_cell_unpacks_to_a_gigabyte_is_refused_with_little_memory(
    empty_file: Path, tmp_path: Path
) -> None:
    block = b"A" * (1 << 20)

    def rows() -> Any:
        yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
        for _ in range(1024):
            yield block
        yield b"</t></is></c></row>"

    source = _sheet_part(tmp_path / "bomb.xlsx", rows())
    assert source.stat().st_size < 2 * (1 << 20)
    code, err, peak = _peak(tmp_path, empty_file, source)
    assert code == 1
    assert "xl/worksheets/sheet1.xml unpacks to 1.0 GB, past the limit of 100 MB" in err
    assert peak < 500 * 1024
    assert _stored(empty_file) == []


def test_a_workbook_of_five_million_rows_is_refused_with_little_memory(
    empty_file: Path, tmp_path: Path
) -> None:
    def rows() -> Any:
        yield b'<row r="1"><c r="A1" t="inlineStr"><is><t>First name</t></is></c></row>'
        for _ in range(5_000):
            yield b"<row/>" * 1_000

    source = _sheet_part(tmp_path / "rows.xlsx", rows())
    code, err, peak = _peak(tmp_path, empty_file, source)
    assert code == 1
    assert "has more than 200,000 rows, the limit for a sheet" in err
    assert peak < 500 * 1024


def test_a_two_gigabyte_csv_is_refused_by_its_size(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "huge.csv"
    with source.open("wb") as stream:
        stream.write(b"First name,Last name,Country\n")
        stream.truncate(2 * 1024**3)  # sparse: no disk used
    code, _, err = _run(capsys, "import", "managers", str(empty_file), str(source))
    assert code == 1
    assert "is 2.0 GB, past the limit of 50 MB for a source file" in err


def test_the_limits_are_printed_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "Limits: files up to 50 MB" in out and "200,000 rows a sheet" in out
    assert "--encoding NAME" in out and "--include-hidden" in out


# -- .ods: what calamine does not report ----------------------------------------------------------


def _ods(path: Path, rows_xml: str) -> Path:
    """A LibreOffice workbook written by hand, its rows given as XML."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Feuille1">{rows_xml}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _cell(text: str, attributes: str = "") -> str:
    return (
        f'<table:table-cell office:value-type="string"{attributes}><text:p>{text}</text:p>'
        "</table:table-cell>"
    )


def _row(*cells: str, attributes: str = "") -> str:
    return f"<table:table-row{attributes}>{''.join(cells)}</table:table-row>"


def test_an_ods_gives_merged_cells_hidden_rows_and_unsaved_formulas(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _ods(
        tmp_path / "groups.ods",
        _row(_cell("Prénom"), _cell("Nom"), _cell("Pays"))
        + _row(_cell("Amal"), _cell("Sabri"), _cell("Maroc", ' table:number-rows-spanned="2"'))
        + _row(_cell("Youssef"), _cell("Alaoui"), "<table:covered-table-cell/>")
        + _row(
            _cell("Caché"),
            _cell("Masqué"),
            _cell("Maroc"),
            attributes=' table:visibility="collapse"',
        )
        + _row(_cell("Tarek"), _cell("Mrad"), '<table:table-cell table:formula="of:=[.Z9]"/>')
        # LibreOffice's trailing empty rows, a million of them: no rows to count.
        + _row(
            '<table:table-cell table:number-columns-repeated="1024"/>',
            attributes=' table:number-rows-repeated="1048570"',
        ),
    )
    code, report = _import_json(capsys, empty_file, source, "--skip-invalid")
    assert code == 0, report
    assert _errors(report) == [(5, "Pays", UNSAVED)]
    assert report["hidden_rows"] == [4]
    assert "the merged cell C2:C3" in report["notes"][0]["message"]
    assert _stored(empty_file, "family_name, country_code") == [("Sabri", "MA"), ("Alaoui", "MA")]


def test_an_ods_that_repeats_a_row_five_million_times_is_refused_with_little_memory(
    empty_file: Path, tmp_path: Path
) -> None:
    source = _ods(
        tmp_path / "repeated.ods",
        _row(_cell("Prénom"), _cell("Nom"), _cell("Pays"))
        + _row(
            _cell("Amal"),
            _cell("Sabri"),
            _cell("Maroc"),
            attributes=' table:number-rows-repeated="5000000"',
        ),
    )
    code, err, peak = _peak(tmp_path, empty_file, source)
    assert code == 1
    assert "has more than 200,000 rows, the limit for a sheet" in err
    assert peak < 500 * 1024
