"""A passport number planted in a programme never leaves it by a default path: a whole session
of commands runs with logging captured, and every log line, every output file, stdout and
stderr are searched for it."""

from __future__ import annotations

import json
import logging
import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader

from booster_desktop.cli import COMMANDS, main
from tests.programme_db import connect

PASSPORT = "QP7730941ZK"
BIRTH = "1983-07-29"


def _plant(path: Path) -> None:
    with connect(path) as connection:
        connection.execute(
            "UPDATE travel_document SET passport_number = ?, date_of_birth = ? "
            "WHERE manager_id = 1",
            (PASSPORT, BIRTH),
        )


def _sheet(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Given name", "Family name", "Country", "E-mail", "Topic 1"])
    sheet.append(["Salma", "Idrissi", "Morocco", "salma.idrissi@example.org", "Digital"])
    book.save(path)
    return path


def _text_of(path: Path) -> str:
    """What a file says, decoded the way a reader would see it (PDF text, workbook XML)."""
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages) + str(data)
    if data.startswith(b"PK"):
        with zipfile.ZipFile(path) as book:
            return "\n".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())
    return data.decode("utf-8", "replace")


def test_a_planted_passport_number_appears_in_no_log_output_or_message(
    demo_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    _plant(demo_file)
    caplog.set_level(logging.INFO)  # what the window's log file gets
    caplog.set_level(logging.DEBUG, logger="booster_desktop")
    out = tmp_path / "out"
    out.mkdir()
    file = str(demo_file)
    session = [
        ["info", file, "--json"],
        ["info", file],
        ["check", file],
        ["list", "managers", file, "--json"],
        ["list", "managers", file],
        ["list", "topics", file],
        ["list", "tours", file, "--json"],
        ["list", "sessions", file],
        ["demand", file, "--json"],
        ["allocate", file, "--json"],
        ["allocate", file, "--apply", "--allow-partial"],
        ["import", "managers", file, str(_sheet(tmp_path / "new.xlsx"))],
        *(["checkin", "record", file, "--session", str(s), "--paper", "1"] for s in range(1, 12)),
        ["checkin", "export", file, "-o", str(out / "journal.jsonl")],
        ["backup", file, "-o", str(out / "copy.booster")],
        ["export", "badges", file, "--tour", "CAT", "-o", str(out / "badges.pdf")],
        ["export", "agenda", file, "--tour", "CAT", "-o", str(out / "agenda.pdf")],
        ["export", "agenda", file, "--manager", "1", "-o", str(out / "mine.pdf")],
        ["export", "ics", file, "--tour", "CAT", "-o", str(out / "cat.ics")],
        ["export", "roster", file, "--tour", "CAT", "-o", str(out / "roster.xlsx")],
        ["export", "roster", file, "--tour", "CAT", "-o", str(out / "roster.csv")],
        ["export", "signin", file, "--tour", "CAT", "-o", str(out / "signin.pdf")],
        ["export", "certificates", file, "--tour", "CAT", "-o", str(out / "certs.pdf")],
        ["settings"],
        ["settings", "--programme", file, "--json"],
        ["settings", "travel_data_retention_days", "30", "--programme", file],
        ["person", "retention", file],
        ["person", "retention", file, "--json"],
        # Refusals and errors name what is wrong, never the values.
        ["export", "roster", file, "--tour", "CAT", "-o", file],
        ["person", "export", file, "--manager", "999", "-o", str(out / "x.json")],
    ]
    if "history" in COMMANDS:
        session += [["history", file], ["history", file, "--manager", "1", "--json"]]
    codes = []
    printed = []
    for args in session:
        codes.append((args[:2], main(args)))
        captured = capsys.readouterr()
        printed += [captured.out, captured.err]
    assert [c for c in codes if c[1] != 0] == [
        (["export", "roster"], 1),
        (["person", "export"], 1),
    ]
    written = sorted(p for p in out.iterdir() if p.suffix != ".booster")
    assert {p.name for p in written} == {
        "journal.jsonl",
        "badges.pdf",
        "agenda.pdf",
        "mine.pdf",
        "cat.ics",
        "roster.xlsx",
        "roster.csv",
        "signin.pdf",
        "certs.pdf",
    }
    logs = caplog.text
    log_folder = Path(os.environ["XDG_STATE_HOME"])
    logs += "".join(p.read_text("utf-8", "replace") for p in log_folder.rglob("*") if p.is_file())
    for value in (PASSPORT, BIRTH):
        assert value not in logs
        for text in printed:
            assert value not in text
        for path in written:
            assert value not in _text_of(path), path.name
    # The search reads what a person would: the manager's name is in each list of people.
    for name in ("signin.pdf", "roster.xlsx", "roster.csv", "badges.pdf", "certs.pdf"):
        assert "Benali" in _text_of(out / name), name
    # The copy is the programme itself, and the explicit option puts it in: the search works.
    assert PASSPORT.encode() in (out / "copy.booster").read_bytes()
    assert (
        main(
            [
                "export",
                "roster",
                file,
                "--tour",
                "CAT",
                "--include-sensitive",
                "-o",
                str(out / "sensitive.xlsx"),
            ]
        )
        == 0
    )
    assert PASSPORT in _text_of(out / "sensitive.xlsx")
    assert json.loads(json.dumps(codes))  # every step ran
