"""`booster import managers`: the sheets coordinators really send, in English and in French.

Every spreadsheet is built here (openpyxl, the csv module, a hand-written .ods), with title
rows and blank lines above the header, blank lines between rows, duplicates, bad cells,
Arabic and accented names, and both shapes of the diagnosis (one rank column per topic, or
one column listing the topics wanted). Results are read back from the programme file.
"""

from __future__ import annotations

import contextlib
import csv
import json
import random
import re
import signal
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from booster_desktop.cli import main
from booster_desktop.domain.errors import BoosterError
from booster_desktop.services.importing import Problem, import_file
from booster_desktop.services.programme import open_programme
from tests import programme_db
from tests.conftest import side_files

# -- the sheets ---------------------------------------------------------------------------------

TITLE_ROWS: list[list[Any]] = [
    ["Booster — diagnosis of the cluster managers (November 2018)"],
    ["Received from the national coordinators"],
    [],
]
EN_HEADER = [
    "First name",
    "Last name",
    "Arabic name",
    "Country",
    "Cluster",
    "E-mail",
    "Internationalisation",
    "Funding",
    "Remarks",
]
# "Élodie" written decomposed (E + combining acute), "الأمين" with a decomposed hamza: both
# must be stored composed (NFC).
ELODIE_NFD = unicodedata.normalize("NFD", "Élodie")
NOUR_ARABIC = "نور الأمين"
SAMI = [
    "Sami",
    "Ben Youssef",
    "سامي بن يوسف",
    "Morocco",
    "Casablanca Digital Cluster",
    "sami.benyoussef@example.org",
    1,
    2,
    "met in Tunis",
]
ELODIE = [
    ELODIE_NFD,
    "Saïd",
    None,
    "Maroc",
    "Oujda Agrifood Cluster",
    "Elodie.Said@Example.org",
    2,
    1,
    None,
]
NOUR = [
    "Nour",
    "El Amine",
    unicodedata.normalize("NFD", NOUR_ARABIC),
    "MA",
    "Rabat Mobility Cluster",
    "nour.elamine@example.org",
    1,
    None,
    None,
]
# Rania Ben Salah (TN) is manager 21 of the demo: written with other case and spaces.
RANIA = [
    "Rania",
    "ben  salah",
    None,
    "Tunisia",
    "Sfax Olive Oil Cluster",
    None,
    None,
    1,
    "already in the programme",
]

# Rows 1-3 titles and a blank, 4 the header, 5 Sami, 6 blank, 7 Élodie, 8 Nour, 9 blank, 10 Rania.
EN_VALID: list[list[Any]] = [*TITLE_ROWS, EN_HEADER, SAMI, [], ELODIE, NOUR, [], RANIA]

EN_INVALID: list[list[Any]] = [
    *TITLE_ROWS,
    EN_HEADER,  # 4
    SAMI,  # 5
    [],  # 6
    ELODIE,  # 7
    ["Bad", "Mail", None, "MA", "Agadir Fisheries Cluster", "not-an-email", 1, 2, None],  # 8
    [None, "Noname", None, "Morocco", "Fez Crafts Cluster", "noname@example.org", 2, 1, None],  # 9
    ["Atl", "Antis", None, "Atlantis", "Lost Cluster", None, 1, 3, None],  # 10
    NOUR,  # 11
    [],  # 12
    # Sami's address again, another case and spaces around it.
    [
        "Other",
        "Person",
        None,
        "Maroc",
        "Another Cluster",
        "  SAMI.BenYoussef@example.org ",
        3,
        1,
        None,
    ],  # 13
    # Élodie Saïd again: other case, no accents, spaces, MA for Maroc, another address.
    [
        "elodie",
        "  SAID ",
        None,
        "MA",
        "Oujda Agrifood Cluster",
        "e.said@example.org",
        2,
        None,
        None,
    ],  # 14
    ["Rank", "Bad", None, "Tunisia", "Sousse Cluster", None, "high", 1, None],  # 15
    RANIA,  # 16
]
EN_INVALID_ERRORS = [
    (8, "E-mail", "'not-an-email' is not an e-mail address"),
    (9, "First name", "missing"),
    (10, "Country", "'Atlantis' is not a country"),
    (13, "E-mail", "the same person as row 5 (the same e-mail address)"),
    (14, "Last name", "the same person as row 7 (the same name and country)"),
    (15, "Internationalisation", "'high' is not a rank (a whole number from 1)"),
]

FR_HEADER = [
    "Prénom",
    "Nom",
    "Nom en arabe",
    "Pays",
    "Nom du cluster",
    "Courriel",
    "Téléphone",
    "Thèmes souhaités",
    "Remarques",
]
FR: list[list[Any]] = [
    ["Programme Booster — diagnostic des gestionnaires de clusters"],
    [],
    [],
    FR_HEADER,  # 4
    [
        "Chérifa",
        "Aït Ahmed",
        "شريفة آيت أحمد",
        "Algérie",
        "Cluster agroalimentaire de Sétif",
        "cherifa.aitahmed@example.dz",
        "+213 555 12 34 56",
        "internationalisation; Funding; Strategy",
        "à relancer",
    ],  # 5
    [],  # 6
    [
        "Mohamed Amine",
        "Zouari",
        "محمد أمين الزواري",
        "Tunisie",
        "Cluster textile de Monastir",
        "ma.zouari@example.tn",
        None,
        "Numérique | Funding",
        None,
    ],  # 7
    [
        "Hoda",
        "Mansour",
        "هدى منصور",
        "Égypte",
        "Cluster du meuble de Damiette",
        "hoda.mansour@example.eg",
        None,
        "numerique, Internationalisation",
        None,
    ],  # 8
]

DEMO_MANAGERS = 24
DEMO_TOPICS = 12
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# -- helpers ------------------------------------------------------------------------------------


def _xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """A workbook with these sheets, in order; None and missing cells are left empty."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(number, column, value)
    workbook.save(path)
    return path


def _csv(
    path: Path, rows: list[list[Any]], *, delimiter: str = ",", encoding: str = "utf-8"
) -> Path:
    with path.open("w", newline="", encoding=encoding) as stream:
        csv.writer(stream, delimiter=delimiter).writerows(
            [["" if v is None else v for v in row] for row in rows]
        )
    return path


def _sha(path: Path) -> str:
    return programme_db.fingerprint(path)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _import(
    capsys: pytest.CaptureFixture[str], programme: Path, source: Path, *options: str
) -> tuple[int, str, str]:
    return _run(capsys, "import", "managers", str(programme), str(source), *options)


def _import_json(
    capsys: pytest.CaptureFixture[str], programme: Path, source: Path, *options: str
) -> tuple[int, dict[str, Any]]:
    code, out, err = _import(capsys, programme, source, *options, "--json")
    assert out, err
    return code, json.loads(out)


def _managers(capsys: pytest.CaptureFixture[str], programme: Path) -> list[dict[str, Any]]:
    code, out, err = _run(capsys, "list", "managers", str(programme), "--json")
    assert code == 0, err
    return json.loads(out)


def _topics(capsys: pytest.CaptureFixture[str], programme: Path) -> dict[str, int]:
    """Topic name -> how many managers want it."""
    code, out, err = _run(capsys, "list", "topics", str(programme), "--json")
    assert code == 0, err
    return {t["name"]: t["wanted_by"] for t in json.loads(out)}


def _query(programme: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with contextlib.closing(programme_db.connect(programme)) as connection:
        return connection.execute(sql, params).fetchall()


def _ranks(programme: Path, family_name: str) -> dict[str, int]:
    """A manager's topics and ranks, by family name."""
    return dict(
        _query(
            programme,
            "SELECT t.name, i.rank FROM topic_interest i JOIN topic t ON t.id = i.topic_id "
            "JOIN manager m ON m.id = i.manager_id WHERE m.family_name = ?",
            family_name,
        )
    )


def _errors(report: dict[str, Any]) -> list[tuple[int, str, str]]:
    return [(e["row"], e["column"], e["message"]) for e in report["errors"]]


def _count(programme: Path, table: str) -> int:
    return int(_query(programme, f"SELECT count(*) FROM {table}")[0][0])


# -- a valid sheet, in English and in French ----------------------------------------------------


def test_an_english_sheet_with_title_rows_blank_lines_and_rank_columns(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "managers.xlsx", {"Managers": EN_VALID})
    code, report = _import_json(capsys, demo_file, source)
    assert code == 0
    assert report == {
        "imported": 3,
        "already": 1,
        "skipped": 0,
        "errors": [],
        "topics_created": ["Funding"],
        "ignored_columns": ["Remarks"],
        "sheet": "Managers",
        "header_row": 4,
        "dry_run": False,
        "notes": [],
        "hidden_rows": [],
        "hidden_included": False,
        "encoding": None,
    }
    managers = _managers(capsys, demo_file)
    assert len(managers) == DEMO_MANAGERS + 3
    new = {m["family_name"]: m for m in managers[DEMO_MANAGERS:]}
    assert set(new) == {"Ben Youssef", "Saïd", "El Amine"}
    # Morocco, Maroc and MA are one country.
    assert {m["country"] for m in new.values()} == {"MA"}
    # Names stored exactly as written, composed; e-mail addresses lower-cased.
    assert new["Saïd"]["given_name"] == "Élodie" == unicodedata.normalize("NFC", ELODIE_NFD)
    assert new["Saïd"]["email"] == "elodie.said@example.org"
    assert new["Saïd"]["arabic_name"] is None
    assert new["Ben Youssef"]["arabic_name"] == "سامي بن يوسف"
    assert new["El Amine"]["arabic_name"] == NOUR_ARABIC
    assert unicodedata.is_normalized("NFC", new["El Amine"]["arabic_name"])
    assert new["Ben Youssef"]["organisation"] == "Casablanca Digital Cluster"
    assert all(m["badge_token"] for m in new.values())
    # Internationalisation is the demo's topic; Funding is new.
    assert _ranks(demo_file, "Ben Youssef") == {"Internationalisation": 1, "Funding": 2}
    assert _ranks(demo_file, "Saïd") == {"Internationalisation": 2, "Funding": 1}
    assert _ranks(demo_file, "El Amine") == {"Internationalisation": 1}
    topics = _topics(capsys, demo_file)
    assert len(topics) == DEMO_TOPICS + 1
    assert topics["Funding"] == 2
    # The already-there row changed nothing: Rania is still the demo's one manager.
    assert [m["family_name"] for m in managers].count("Ben Salah") == 1


def test_a_french_sheet_with_a_topic_list_column_through_the_service(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "diagnostic.xlsx", {"Diagnostic": FR})
    with open_programme(demo_file, writable=True) as programme:
        report = import_file(programme, source)
    assert (report.imported, report.already, report.skipped) == (3, 0, 0)
    assert report.errors == []
    assert report.written and not report.refused
    assert report.header_row == 4 and report.sheet == "Diagnostic"
    assert report.ignored_columns == ["Remarques"]
    # "internationalisation" is the demo's Internationalisation; "numerique" is the
    # "Numérique" created two rows above.
    assert report.topics_created == ["Funding", "Strategy", "Numérique"]

    new = {m["family_name"]: m for m in _managers(capsys, demo_file)[DEMO_MANAGERS:]}
    assert set(new) == {"Aït Ahmed", "Zouari", "Mansour"}
    assert new["Aït Ahmed"]["given_name"] == "Chérifa"
    assert new["Aït Ahmed"]["arabic_name"] == "شريفة آيت أحمد"
    assert new["Aït Ahmed"]["organisation"] == "Cluster agroalimentaire de Sétif"
    assert {m["country"] for m in new.values()} == {"DZ", "TN", "EG"}
    assert new["Zouari"]["given_name"] == "Mohamed Amine"
    assert _query(demo_file, "SELECT phone FROM manager WHERE family_name = 'Aït Ahmed'") == [
        ("+213555123456",)  # E.164, whatever the spacing typed
    ]
    assert _ranks(demo_file, "Aït Ahmed") == {
        "Internationalisation": 1,
        "Funding": 2,
        "Strategy": 3,
    }
    assert _ranks(demo_file, "Zouari") == {"Numérique": 1, "Funding": 2}
    assert _ranks(demo_file, "Mansour") == {"Numérique": 1, "Internationalisation": 2}
    topics = _topics(capsys, demo_file)
    assert len(topics) == DEMO_TOPICS + 3
    assert "internationalisation" not in topics and "numerique" not in topics
    assert (topics["Funding"], topics["Strategy"], topics["Numérique"]) == (2, 1, 2)


def test_a_topic_list_cell_with_one_topic_per_line(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(
        tmp_path / "lines.xlsx",
        {
            "Diagnostic": [
                ["Prénom", "Nom", "Pays", "Thèmes souhaités"],
                ["Hoda", "Mansour", "Égypte", "Funding\nStrategy\nExport"],
            ]
        },
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 0
    assert report["topics_created"] == ["Funding", "Strategy", "Export"]
    assert _ranks(empty_file, "Mansour") == {"Funding": 1, "Strategy": 2, "Export": 3}


# -- all or nothing, --skip-invalid, --dry-run ---------------------------------------------------


def test_one_invalid_row_refuses_the_whole_sheet_and_leaves_the_file_byte_identical(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "managers.xlsx", {"Managers": EN_INVALID})
    before = _sha(demo_file)
    code, out, err = _import(capsys, demo_file, source)
    assert code == 1
    assert out == ""
    assert _sha(demo_file) == before
    assert side_files(demo_file) == []
    lines = err.splitlines()
    problems = [line for line in lines if line.startswith("row ")]
    assert problems == [
        f"row {row}: {column}: {message}" for row, column, message in EN_INVALID_ERRORS
    ]
    assert all(re.fullmatch(r"row \d+: [^:]+: .+", line) for line in problems)
    assert lines[: len(problems)] == problems
    assert lines[len(problems) : -1] == ["ignored column: Remarks"]
    assert lines[-1] == (
        "refused: 6 rows with problems; nothing was imported (3 valid, 1 already there); "
        "fix them, or use --skip-invalid"
    )
    assert len(_managers(capsys, demo_file)) == DEMO_MANAGERS


def test_a_refused_import_reports_the_same_in_json_and_through_the_service(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "managers.xlsx", {"Managers": EN_INVALID})
    before = _sha(demo_file)
    code, report = _import_json(capsys, demo_file, source)
    assert code == 1
    assert (report["imported"], report["already"], report["skipped"]) == (0, 1, 0)
    assert _errors(report) == EN_INVALID_ERRORS
    assert report["topics_created"] == []
    assert report["ignored_columns"] == ["Remarks"]

    with open_programme(demo_file, writable=True) as programme:
        result = import_file(programme, source)
    assert result.refused and not result.written
    assert result.errors == [Problem(*error) for error in EN_INVALID_ERRORS]
    assert str(result.errors[0]) == "row 8: E-mail: 'not-an-email' is not an e-mail address"
    assert _sha(demo_file) == before
    assert side_files(demo_file) == []


def test_skip_invalid_imports_the_valid_rows_and_reports_the_others(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "managers.xlsx", {"Managers": EN_INVALID})
    code, out, err = _import(capsys, demo_file, source, "--skip-invalid")
    assert code == 0
    assert out.strip() == (
        "imported 3 managers, 1 already there, 6 skipped; topics created: Funding"
    )
    assert [line for line in err.splitlines() if line.startswith("row ")] == [
        f"row {row}: {column}: {message}" for row, column, message in EN_INVALID_ERRORS
    ]
    new = _managers(capsys, demo_file)[DEMO_MANAGERS:]
    assert sorted(m["family_name"] for m in new) == ["Ben Youssef", "El Amine", "Saïd"]
    assert side_files(demo_file) == []


def test_skip_invalid_json_counts_are_disjoint_and_cover_every_row(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "managers.xlsx", {"Managers": EN_INVALID})
    code, report = _import_json(capsys, demo_file, source, "--skip-invalid")
    assert code == 0
    assert (report["imported"], report["already"], report["skipped"]) == (3, 1, 6)
    data_rows = sum(1 for row in EN_INVALID[4:] if row)
    assert report["imported"] + report["already"] + report["skipped"] == data_rows == 10
    assert _errors(report) == EN_INVALID_ERRORS
    assert report["topics_created"] == ["Funding"]
    assert len(_managers(capsys, demo_file)) == DEMO_MANAGERS + 3


@pytest.mark.parametrize(
    ("sheet", "options", "code", "counts"),
    [
        (EN_INVALID, (), 1, (0, 1, 0)),
        (EN_INVALID, ("--skip-invalid",), 0, (3, 1, 6)),
        (EN_VALID, (), 0, (3, 1, 0)),
    ],
    ids=["problems", "problems-skipped", "no-problems"],
)
def test_dry_run_writes_nothing_and_exits_as_the_real_run_would(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    sheet: list[list[Any]],
    options: tuple[str, ...],
    code: int,
    counts: tuple[int, int, int],
) -> None:
    source = _xlsx(tmp_path / "managers.xlsx", {"Managers": sheet})
    before = _sha(demo_file)
    dry_code, dry = _import_json(capsys, demo_file, source, *options, "--dry-run")
    assert dry_code == code
    assert dry["dry_run"] is True
    assert (dry["imported"], dry["already"], dry["skipped"]) == counts
    assert _sha(demo_file) == before
    assert side_files(demo_file) == []
    text_code, out, err = _import(capsys, demo_file, source, *options, "--dry-run")
    assert text_code == code
    assert ("would be imported" in err) if code else out.startswith(f"would import {counts[0]} ")
    assert _sha(demo_file) == before

    real_code, real = _import_json(capsys, demo_file, source, *options)
    assert real_code == code
    assert {k: v for k, v in real.items() if k != "dry_run"} == {
        k: v for k, v in dry.items() if k != "dry_run"
    }
    assert len(_managers(capsys, demo_file)) == DEMO_MANAGERS + real["imported"]


def test_reimporting_the_same_sheet_adds_nobody_twice(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "managers.xlsx", {"Managers": EN_VALID})
    assert _import_json(capsys, demo_file, source)[0] == 0
    topics = _topics(capsys, demo_file)
    code, report = _import_json(capsys, demo_file, source)
    assert code == 0
    assert (report["imported"], report["already"], report["skipped"]) == (0, 4, 0)
    assert report["errors"] == [] and report["topics_created"] == []
    assert len(_managers(capsys, demo_file)) == DEMO_MANAGERS + 3
    assert _topics(capsys, demo_file) == topics


def test_two_rows_of_one_sheet_for_one_person_the_later_names_the_earlier(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _csv(
        tmp_path / "twins.csv",
        [
            ["First name", "Last name", "Country", "E-mail"],  # 1
            ["Rania", "ben  salah", "Tunisie", "rania@example.tn"],  # 2
            [],  # 3
            ["Karim", "Saadi", "Algeria", "k.saadi@example.dz"],  # 4
            ["RANIA", "Ben Salah", "TN", "r.bensalah@example.tn"],  # 5
            ["Karima", "Saadi", "DZ", "K.Saadi@example.dz"],  # 6
        ],
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 1
    assert _errors(report) == [
        (5, "Last name", "the same person as row 2 (the same name and country)"),
        (6, "E-mail", "the same person as row 4 (the same e-mail address)"),
    ]
    code, report = _import_json(capsys, empty_file, source, "--skip-invalid")
    assert code == 0
    assert (report["imported"], report["already"], report["skipped"]) == (2, 0, 2)
    managers = _managers(capsys, empty_file)
    assert [(m["given_name"], m["family_name"]) for m in managers] == [
        ("Rania", "ben salah"),
        ("Karim", "Saadi"),
    ]


# -- CSV: delimiters and encodings ----------------------------------------------------------------

CSV_ROWS: list[list[Any]] = [
    ["Liste des gestionnaires — wilaya de Sétif"],  # 1
    [],  # 2
    ["Prénom", "Nom", "Pays", "Courriel", "Thèmes souhaités", "Remarques"],  # 3
    [
        "Élodie",
        "Mercier",
        "Algérie",
        "elodie.mercier@example.dz",
        "Internationalisation; Funding",
        "née à Sétif, à relancer",
    ],  # 4
    [],  # 5
    ["Sofiane", "Boudiaf", "DZ", "sofiane.boudiaf@example.dz", "Funding", None],  # 6
    ["Réda", "Kaci", "Algeria", "reda.kaci@", None, "adresse incomplète"],  # 7
]


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "cp1252"], ids=["utf8", "bom", "cp1252"]
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_csv_delimiters_and_encodings(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    delimiter: str,
    encoding: str,
) -> None:
    source = _csv(tmp_path / "gestionnaires.csv", CSV_ROWS, delimiter=delimiter, encoding=encoding)
    if encoding == "cp1252":
        assert "Élodie".encode("cp1252") in source.read_bytes()
    before = _sha(demo_file)
    code, report = _import_json(capsys, demo_file, source)
    assert code == 1
    assert _errors(report) == [(7, "Courriel", "'reda.kaci@' is not an e-mail address")]
    assert report["header_row"] == 3 and report["sheet"] is None
    assert _sha(demo_file) == before

    code, report = _import_json(capsys, demo_file, source, "--skip-invalid")
    assert code == 0
    assert (report["imported"], report["already"], report["skipped"]) == (2, 0, 1)
    assert report["ignored_columns"] == ["Remarques"]
    assert report["topics_created"] == ["Funding"]
    new = _managers(capsys, demo_file)[DEMO_MANAGERS:]
    assert [(m["given_name"], m["family_name"], m["country"]) for m in new] == [
        ("Élodie", "Mercier", "DZ"),
        ("Sofiane", "Boudiaf", "DZ"),
    ]
    assert _ranks(demo_file, "Mercier") == {"Internationalisation": 1, "Funding": 2}


def test_a_csv_row_whose_cell_holds_line_breaks_keeps_the_next_rows_numbers(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _csv(
        tmp_path / "multiline.csv",
        [
            ["First name", "Last name", "Country", "Topics wanted", "E-mail"],  # line 1
            ["Hoda", "Mansour", "Egypt", "Funding\nStrategy\nExport", "hoda@example.eg"],  # 2-4
            ["Omar", "Zaki", "Egypt", "Funding", "omar@"],  # 5
        ],
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 1
    assert _errors(report) == [(5, "E-mail", "'omar@' is not an e-mail address")]


# -- choosing the sheet ----------------------------------------------------------------------------

COVER: list[list[Any]] = [
    ["Programme Booster 2018"],
    ["Diagnostic des besoins des gestionnaires de clusters"],
    [],
    ["Version du 12 octobre 2018", "Confidentiel"],
]
NOTES: list[list[Any]] = [
    ["Prénom", "Nom", "Pays", "Courriel"],
    ["Youssra", "Alami", "Maroc", "youssra.alami@example.ma"],
]


def test_the_default_sheet_is_the_first_with_a_header_row(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(
        tmp_path / "workbook.xlsx", {"Couverture": COVER, "Managers": EN_VALID, "Notes": NOTES}
    )
    code, report = _import_json(capsys, demo_file, source)
    assert code == 0
    assert report["sheet"] == "Managers"
    assert (report["imported"], report["already"]) == (3, 1)


def test_sheet_picks_a_sheet_by_name(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(
        tmp_path / "workbook.xlsx", {"Couverture": COVER, "Managers": EN_VALID, "Notes": NOTES}
    )
    code, report = _import_json(capsys, demo_file, source, "--sheet", "Notes")
    assert code == 0
    assert report["sheet"] == "Notes" and report["imported"] == 1
    assert [m["family_name"] for m in _managers(capsys, demo_file)[DEMO_MANAGERS:]] == ["Alami"]


def test_an_unknown_sheet_is_one_line_listing_the_sheets(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(
        tmp_path / "workbook.xlsx", {"Couverture": COVER, "Managers": EN_VALID, "Notes": NOTES}
    )
    before = _sha(demo_file)
    code, out, err = _import(capsys, demo_file, source, "--sheet", "Inscrits")
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1
    assert "'Inscrits'" in err and "Couverture, Managers, Notes" in err
    assert _sha(demo_file) == before
    assert side_files(demo_file) == []


# -- --map -----------------------------------------------------------------------------------------

ODD: list[list[Any]] = [
    ["Given", "Surname", "Nation", "Mail", "Remarks", "Prio 1", "Prio 2"],
    ["Yasmine", "El Idrissi", "Maroc", "yasmine@example.ma", "to call back", 1, 3],
    ["Adel", "Bouzid", "Tunisie", "adel@example.tn", None, 2, 1],
]
ODD_MAPS = [
    "--map",
    "Given=given_name",
    "--map",
    "Nation=country",
    "--map",
    "Remarks=ignore",
    "--map",
    "Prio 1=topic:Funding",
    "--map",
    "Prio 2=ignore",
]


def test_map_reads_odd_headings(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "odd.xlsx", {"Export": ODD})
    code, report = _import_json(capsys, demo_file, source, *ODD_MAPS)
    assert code == 0
    assert (report["imported"], report["already"], report["skipped"]) == (2, 0, 0)
    assert report["ignored_columns"] == ["Remarks", "Prio 2"]
    assert report["topics_created"] == ["Funding"]
    new = _managers(capsys, demo_file)[DEMO_MANAGERS:]
    assert [(m["given_name"], m["family_name"], m["country"], m["email"]) for m in new] == [
        ("Yasmine", "El Idrissi", "MA", "yasmine@example.ma"),
        ("Adel", "Bouzid", "TN", "adel@example.tn"),
    ]
    assert _ranks(demo_file, "El Idrissi") == {"Funding": 1}
    assert _ranks(demo_file, "Bouzid") == {"Funding": 2}
    assert "Prio 2" not in _topics(capsys, demo_file)


def test_without_map_an_odd_sheet_has_no_usable_header(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "odd.xlsx", {"Export": ODD})
    code, out, err = _import(capsys, demo_file, source)
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and "--map" in err


def test_map_applies_when_choosing_the_default_sheet(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "odd.xlsx", {"Couverture": COVER, "Export": ODD})
    code, out, err = _import(capsys, demo_file, source, *ODD_MAPS, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["sheet"] == "Export" and report["imported"] == 2


def test_map_to_a_field_that_does_not_exist_is_a_usage_error(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "odd.xlsx", {"Export": ODD})
    before = _sha(demo_file)
    with pytest.raises(SystemExit) as exit_:
        main(["import", "managers", str(demo_file), str(source), "--map", "Mail=emale"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "'emale' is not a field" in err
    assert _sha(demo_file) == before
    for bad in ("Mail", "=email", "Mail=", "Mail=topic:"):
        with pytest.raises(SystemExit) as exit_:
            main(["import", "managers", str(demo_file), str(source), "--map", bad])
        assert exit_.value.code == 2, bad
    capsys.readouterr()


def test_map_naming_a_column_that_is_not_there_is_one_clear_line(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(tmp_path / "odd.xlsx", {"Export": ODD})
    before = _sha(demo_file)
    code, out, err = _import(capsys, demo_file, source, *ODD_MAPS, "--map", "Courriel=email")
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("booster: --map: no column 'Courriel'")
    assert "row 1" in err
    assert _sha(demo_file) == before
    assert side_files(demo_file) == []


# -- refused inputs ---------------------------------------------------------------------------------


def _real_xlsx(path: Path) -> bytes:
    _xlsx(path, {"Managers": EN_VALID})
    return path.read_bytes()


def _bad_source(kind: str, tmp_path: Path) -> Path:
    """A source that cannot be imported, as people send them."""
    if kind == "pdf":
        path = tmp_path / "managers.pdf"
        path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    elif kind == "text-named-xlsx":
        path = tmp_path / "managers.xlsx"
        path.write_text("First name,Last name,Country\nSami,Kaci,MA\n", encoding="utf-8")
    elif kind == "password-protected":
        path = tmp_path / "protected.xlsx"
        path.write_bytes(OLE2_MAGIC + bytes(range(256)) * 40)
    elif kind == "zip-of-garbage":
        path = tmp_path / "garbage.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<not xml")
            archive.writestr("xl/workbook.xml", b"\x00\x01garbage")
    elif kind == "zip-magic-then-junk":
        path = tmp_path / "junk.xlsx"
        path.write_bytes(b"PK\x03\x04" + b"\x17junk" * 200)
    elif kind == "truncated-xlsx":
        path = tmp_path / "truncated.xlsx"
        data = _real_xlsx(tmp_path / "whole.xlsx")
        path.write_bytes(data[: len(data) // 2])
    elif kind == "empty-sheet":
        path = _xlsx(tmp_path / "empty.xlsx", {"Feuil1": []})
    elif kind == "empty-csv":
        path = tmp_path / "empty.csv"
        path.write_bytes(b"")
    elif kind == "blank-csv":
        path = tmp_path / "blank.csv"
        path.write_text("\n;;;\n\n", encoding="utf-8")
    elif kind == "no-header":
        path = _xlsx(
            tmp_path / "noheader.xlsx",
            {"Feuil1": [["Sami", "Kaci", "Maroc"], ["Nadia", "Haddad", "Liban"]]},
        )
    elif kind == "no-given-name-column":
        path = _csv(
            tmp_path / "nogiven.csv",
            [["Last name", "Country", "E-mail"], ["Kaci", "MA", "kaci@example.ma"]],
        )
    elif kind == "binary-named-csv":
        path = tmp_path / "managers.csv"
        path.write_bytes(b"\x00\x01\x02\x03" * 100)
    elif kind == "garbage-xls":
        path = tmp_path / "old.xls"
        path.write_bytes(b"this is not a BIFF file at all\n" * 10)
    elif kind == "folder":
        path = tmp_path / "folder.xlsx"
        path.mkdir()
    else:
        assert kind == "missing"
        path = tmp_path / "absent.xlsx"
    return path


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("pdf", "is not a spreadsheet this can read (.pdf)"),
        ("text-named-xlsx", "is not an Excel workbook"),
        ("password-protected", "password"),
        ("zip-of-garbage", "damaged"),
        ("zip-magic-then-junk", "damaged"),
        ("truncated-xlsx", "damaged"),
        ("empty-sheet", "is empty"),
        ("empty-csv", "is empty"),
        ("blank-csv", "is empty"),
        ("no-header", "no header row"),
        ("no-given-name-column", "no column for given name"),
        ("binary-named-csv", "not a text (CSV) file"),
        ("garbage-xls", "cannot be read as a spreadsheet"),
        ("folder", "is a folder"),
        ("missing", "no such file"),
    ],
)
def test_a_source_that_cannot_be_imported_is_one_clear_line(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    expected: str,
) -> None:
    source = _bad_source(kind, tmp_path)
    before = _sha(demo_file)
    code, out, err = _import(capsys, demo_file, source)
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"booster: {source}"), err
    assert expected in lines[0], err
    assert "unexpected error" not in err and "Traceback" not in err
    assert _sha(demo_file) == before
    assert side_files(demo_file) == []


def test_the_service_raises_a_booster_error_for_a_bad_source(
    demo_file: Path, tmp_path: Path
) -> None:
    source = _bad_source("password-protected", tmp_path)
    with (
        open_programme(demo_file, writable=True) as programme,
        pytest.raises(BoosterError, match="password"),
    ):
        import_file(programme, source)


# -- formulas ----------------------------------------------------------------------------------------


def _cache_formula(path: Path, cell: str, value: str) -> None:
    """Give the formula in `cell` of the first sheet a cached text value, as Excel saves it."""
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    rewritten = []
    for info, data in entries:
        if info.filename == member:
            xml = data.decode("utf-8")
            pattern = re.compile(rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/>(?:</v>)?</c>')
            xml, found = pattern.subn(
                lambda m: (
                    f'<c r="{cell}"{m.group(1)} t="str"><f>{m.group(2)}</f><v>{value}</v></c>'
                ),
                xml,
            )
            assert found == 1, xml
            data = xml.encode("utf-8")
        rewritten.append((info, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in rewritten:
            archive.writestr(info, data)


def test_formula_cells_are_read_as_the_saved_value_never_evaluated(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(
        tmp_path / "formulas.xlsx",
        {
            "Managers": [
                ["First name", "Last name", "Country", "E-mail"],
                ['="Ra"&"nia"', "Gharbi", "TN", '=LOWER("RANIA@EXAMPLE.TN")'],  # 2
                ["Walid", "Mejri", "TN", '=LOWER("WALID@EXAMPLE.TN")'],  # 3
            ]
        },
    )
    # What Excel would have saved: deliberately not what the formula says, to tell them apart.
    _cache_formula(source, "A2", "Samira")
    _cache_formula(source, "D2", "samira.gharbi@example.tn")
    _cache_formula(source, "D3", "walid@example.tn")
    code, report = _import_json(capsys, empty_file, source)
    assert code == 0, report
    assert report["imported"] == 2
    managers = _managers(capsys, empty_file)
    assert [(m["given_name"], m["email"]) for m in managers] == [
        ("Samira", "samira.gharbi@example.tn"),
        ("Walid", "walid@example.tn"),
    ]


def test_a_formula_without_a_saved_value_in_a_name_column_says_so_not_missing(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(
        tmp_path / "formulas.xlsx",
        {
            "Managers": [
                ["First name", "Last name", "Country"],
                ["Walid", "Mejri", "TN"],
                ['="Ra"&"nia"', "Gharbi", "TN"],
            ]
        },
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 1
    assert _errors(report) == [
        (
            3,
            "First name",
            "a formula with no saved value; open and save the file in Excel or LibreOffice first",
        )
    ]


# -- .ods (calamine) ----------------------------------------------------------------------------------


def _ods(path: Path, rows: list[list[Any]]) -> Path:
    """A minimal OpenDocument spreadsheet, written by hand (no odfpy here)."""

    def cell(value: Any) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, int):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    body = "".join(
        "<table:table-row>" + ("".join(cell(v) for v in row) or cell(None)) + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Feuille1">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_sheet_with_title_rows_and_rank_columns(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _ods(
        tmp_path / "diagnostic.ods",
        [
            ["Diagnostic des gestionnaires"],  # 1
            [],  # 2
            ["Prénom", "Nom", "Pays", "Internationalisation", "Funding"],  # 3
            ["Sami", "Kaci", "Maroc", 1, 2],  # 4
            [],  # 5
            ["Nadia", "Haddad", "Atlantide", 2, 1],  # 6
            ["Lina", "Sabbagh", "Liban", 2, 1],  # 7
        ],
    )
    code, report = _import_json(capsys, demo_file, source)
    assert code == 1
    assert report["sheet"] == "Feuille1" and report["header_row"] == 3
    assert [(row, column) for row, column, _ in _errors(report)] == [(6, "Pays")]
    code, report = _import_json(capsys, demo_file, source, "--skip-invalid")
    assert code == 0
    assert (report["imported"], report["already"], report["skipped"]) == (2, 0, 1)
    assert _ranks(demo_file, "Kaci") == {"Internationalisation": 1, "Funding": 2}


# -- rank cells -----------------------------------------------------------------------------------


def test_rank_cells_that_are_not_whole_numbers_from_one(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[list[Any]] = [["First name", "Last name", "Country", "Funding", "Strategy"]]
    rows += [[f"Given{i}", f"Family{i}", "MA", 1 + i % 3, 1 + (i + 1) % 3] for i in range(10)]
    rows += [
        ["Bad", "Zero", "MA", 0, 1],
        ["Bad", "Half", "MA", 1, 2.5],
        ["Bad", "Word", "MA", "first", 2],
    ]
    source = _xlsx(tmp_path / "ranks.xlsx", {"Managers": rows})
    code, report = _import_json(capsys, empty_file, source)
    assert code == 1
    assert _errors(report) == [
        (12, "Funding", "'0' is not a rank (a whole number from 1)"),
        (13, "Strategy", "'2.5' is not a rank (a whole number from 1)"),
        (14, "Funding", "'first' is not a rank (a whole number from 1)"),
    ]


def test_one_bad_rank_in_a_small_sheet_is_reported_not_the_column_dropped(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(
        tmp_path / "small.xlsx",
        {
            "Managers": [
                ["First name", "Last name", "Country", "Internationalisation"],
                ["Sami", "Kaci", "Maroc", 1],
                ["Nadia", "Haddad", "Liban", 2],
                ["Lina", "Sabbagh", "Liban", "high"],
            ]
        },
    )
    code, report = _import_json(capsys, demo_file, source)
    assert report["ignored_columns"] == []
    assert code == 1
    assert _errors(report) == [
        (4, "Internationalisation", "'high' is not a rank (a whole number from 1)")
    ]


def test_number_columns_that_are_not_topics_are_not_made_topics(
    empty_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(
        tmp_path / "numbered.xlsx",
        {
            "Managers": [
                ["N°", "First name", "Last name", "Country", "Age", "Topics wanted"],
                [1, "Sami", "Kaci", "MA", 41, "Funding; funding; FUNDING"],
                [2, "Nadia", "Haddad", "LB", 37, "Funding"],
            ]
        },
    )
    code, report = _import_json(capsys, empty_file, source)
    assert code == 0
    assert report["topics_created"] == ["Funding"]
    assert report["ignored_columns"] == ["N°", "Age"]


def test_a_windows_1252_csv_whose_first_accent_is_far_down(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "late-accent.csv"
    with source.open("w", encoding="cp1252", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["First name", "Last name", "Country"])
        writer.writerows([f"Given{i}", f"Family{i}", "MA"] for i in range(60_000))
        writer.writerow(["Élodie", "Mercier", "Algérie"])
    assert source.stat().st_size > 1 << 20
    code, out, err = _import(capsys, demo_file, source, "--dry-run")
    assert code == 0, err
    assert out.startswith("would import 60001 managers")


# -- a killed import, a large file -------------------------------------------------------------------

_CLI = "import sys; from booster_desktop.cli import main; sys.exit(main(sys.argv[1:]))"


def _large_csv(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(
            ["First name", "Last name", "Arabic name", "Country", "E-mail", "Topics wanted"]
        )
        for i in range(rows):
            writer.writerow(
                [
                    f"Given{i}",
                    f"Family{i}",
                    "سامي بن يوسف",
                    "Morocco",
                    f"manager{i}@example.org",
                    "Internationalisation; Funding",
                ]
            )
    return path


def test_a_killed_import_leaves_all_the_rows_or_none(tmp_path: Path, demo_master: Path) -> None:
    rows = 30_000
    source = _large_csv(tmp_path / "large.csv", rows)
    rng = random.Random()
    delays = [rng.uniform(0.1, 0.5), rng.uniform(0.5, 1.0), rng.uniform(1.0, 1.5)]
    for attempt, delay in enumerate(delays):
        programme = tmp_path / f"killed{attempt}.booster"
        programme.write_bytes(demo_master.read_bytes())
        process = subprocess.Popen(
            [sys.executable, "-c", _CLI, "import", "managers", str(programme), str(source)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        checked = subprocess.run(
            [sys.executable, "-c", _CLI, "check", str(programme)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert checked.returncode == 0, (delay, checked.stderr)
        managers = _count(programme, "manager")
        assert managers in (DEMO_MANAGERS, DEMO_MANAGERS + rows), (delay, managers)
        done = managers == DEMO_MANAGERS + rows
        assert _count(programme, "badge_token") == _count(programme, "manager"), delay
        assert _count(programme, "topic") == DEMO_TOPICS + done, delay
    # The killed process's lock is stale: the file can still be imported into, completely.
    finished = subprocess.run(
        [sys.executable, "-c", _CLI, "import", "managers", str(programme), str(source)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert _count(programme, "manager") == DEMO_MANAGERS + rows


def test_a_large_file_is_read_in_bounded_time(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = 100_000
    source = _large_csv(tmp_path / "large.csv", rows)
    assert source.stat().st_size > 8_000_000
    before = _sha(demo_file)
    started = time.monotonic()
    code, report = _import_json(capsys, demo_file, source, "--dry-run")
    elapsed = time.monotonic() - started
    assert code == 0
    assert (report["imported"], report["already"], report["skipped"]) == (rows, 0, 0)
    assert report["topics_created"] == ["Funding"]
    assert elapsed < 60, elapsed
    assert _sha(demo_file) == before
