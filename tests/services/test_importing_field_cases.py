"""The field cases (tests/services/field_cases/, small files of the kinds coordinators
really send): each gives the outcome its README names, read back from the programme."""

from __future__ import annotations

import contextlib
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from booster_desktop.cli import main
from tests import programme_db

CASES = Path(__file__).parent / "field_cases"


def _import(
    capsys: pytest.CaptureFixture[str], programme: Path, name: str, *options: str
) -> tuple[int, dict[str, Any], str]:
    code = main(["import", "managers", str(programme), str(CASES / name), *options, "--json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def _query(programme: Path, sql: str) -> list[tuple[Any, ...]]:
    with contextlib.closing(programme_db.connect(programme)) as connection:
        return connection.execute(sql).fetchall()


def _errors(report: dict[str, Any]) -> list[tuple[int, str, str]]:
    return [(e["row"], e["column"], e["message"]) for e in report["errors"]]


def test_arabic_windows_1256(empty_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, _ = _import(capsys, empty_file, "arabic-windows-1256.csv")
    assert code == 0, report
    assert _query(empty_file, "SELECT given_name, arabic_name FROM manager ORDER BY id") == [
        ("Walid", "وليد حداد"),
        ("Mona", "منى صالح"),
    ]


def test_excel_unicode_text_utf16(empty_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, _ = _import(capsys, empty_file, "excel-unicode-text-utf16.csv")
    assert code == 0, report
    assert report["imported"] == 2
    assert _query(empty_file, "SELECT given_name, arabic_name FROM manager ORDER BY id") == [
        ("Walid", "وليد حداد"),
        ("Mona", "منى صالح"),
    ]


def test_arabic_lost_as_question_marks(
    empty_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report, _ = _import(capsys, empty_file, "arabic-lost-as-question-marks.csv")
    assert code == 1
    errors = _errors(report)
    assert [(row, column) for row, column, _ in errors] == [(2, "Arabic name"), (3, "Arabic name")]
    for _, _, message in errors:
        assert "letters were lost (replaced by ?) when the file was saved" in message
        assert "CSV UTF-8" in message
    assert _query(empty_file, "SELECT count(*) FROM manager") == [(0,)]


def test_phone_scientific_notation(empty_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, _ = _import(capsys, empty_file, "phone-scientific-notation.csv", "--skip-invalid")
    assert code == 0
    ((row, column, message),) = _errors(report)
    assert (row, column) == (2, "Phone") and "lost its last digits" in message
    assert _query(empty_file, "SELECT given_name, phone FROM manager ORDER BY id") == [
        ("Karim", "+21698123456"),
        ("Rania", "+962791234567"),
    ]


def test_merged_country_cells(empty_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, _ = _import(capsys, empty_file, "merged-country-cells.xlsx")
    assert code == 0, report
    assert _query(
        empty_file,
        "SELECT m.given_name, m.country_code, o.name FROM manager m "
        "JOIN organisation o ON o.id = m.organisation_id ORDER BY m.id",
    ) == [
        ("Amal", "MA", "Cluster Agro Meknès"),
        ("Youssef", "MA", "Cluster Agro Meknès"),
        ("Ines", "MA", "Cluster Agro Meknès"),
        ("Tarek", "TN", "Cluster Textile Monastir"),
    ]
    assert len(report["notes"]) == 2


def test_formula_without_saved_value(empty_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, _ = _import(capsys, empty_file, "formula-without-saved-value.xlsx")
    assert code == 1
    message = "a formula with no saved value; open and save the file in Excel or LibreOffice first"
    assert _errors(report) == [(2, "Country", message), (3, "Country", message)]


def test_arabic_names_in_every_field(empty_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, _ = _import(capsys, empty_file, "arabic-names-in-every-field.xlsx")
    assert code == 0, report
    stored = _query(
        empty_file,
        "SELECT m.given_name, m.family_name, m.arabic_name, o.name FROM manager m "
        "JOIN organisation o ON o.id = m.organisation_id ORDER BY m.id",
    )
    assert [row[3] for row in stored] == [
        "Jordan ICT Cluster",
        "Cluster ICT الأردن",
        "مجمع 2 للنسيج",
        "Beirut Food Cluster",
    ]
    salma = stored[2][2]
    assert salma == unicodedata.normalize("NFC", "سَلْمى النُّوري")  # vowel marks kept
    assert stored[3][:3] == ("ليلى", "حداد", "ليلى حداد")


def test_terminal_escapes(empty_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", "managers", str(empty_file), str(CASES / "terminal-escapes.csv")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "\x1b" not in captured.out + captured.err
    names = _query(empty_file, "SELECT given_name, family_name FROM manager ORDER BY id")
    assert names == [("EscRED", "Fam"), ("=cmd|'/c calc'!A1", "+1")]
    assert not any(c.isprintable() is False for row in names for text in row for c in text)


def test_name_32767_characters(empty_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, _ = _import(capsys, empty_file, "name-32767-characters.xlsx")
    assert code == 1
    long = [e for e in _errors(report) if "32,767 characters" in e[2]]
    assert [(row, column) for row, column, _ in long] == [(7, "Prénom"), (7, "Nom"), (7, "Cluster")]
    assert "past the limit of 120 for this field" in long[0][2]
    code, report, _ = _import(capsys, empty_file, "name-32767-characters.xlsx", "--skip-invalid")
    assert code == 0
    assert _query(empty_file, "SELECT max(length(given_name)) <= 120 FROM manager") == [(1,)]
